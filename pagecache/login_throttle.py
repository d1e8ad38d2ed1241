"""Admin sign-in throttling: after N failed attempts for one IP + username (or many for one IP) within a
window, further sign-in POSTs get a translated 429 page until the window ends. Counters live in the
shared cache, so all app processes enforce the same limit; if the cache is down, sign-in still works."""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger("portal.security")

DEFAULT_PATHS = ("/admin/login/", "/django-admin/login/")


def limits():
    return (
        getattr(settings, "LOGIN_THROTTLE_FAILURES", 5),
        getattr(settings, "LOGIN_THROTTLE_FAILURES_PER_IP", 50),
        getattr(settings, "LOGIN_THROTTLE_WINDOW", 15 * 60),
    )


def client_ip(request):
    # Behind a reverse proxy, production names the header the proxy sets (e.g. HTTP_X_REAL_IP).
    header = getattr(settings, "LOGIN_THROTTLE_IP_HEADER", "REMOTE_ADDR")
    value = request.META.get(header) or request.META.get("REMOTE_ADDR", "")
    return value.split(",")[0].strip()


def keys(request, username):
    ip = client_ip(request)
    user_digest = hashlib.sha256(f"{ip}|{(username or '').strip().lower()}".encode()).hexdigest()
    return f"login-fail:user:{user_digest}", f"login-fail:ip:{hashlib.sha256(ip.encode()).hexdigest()}"


def record_failure(request, username):
    _, _, window = limits()
    for key in keys(request, username):
        try:
            cache.add(key, 0, window)  # the window starts at the first failure
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, window)
        except Exception:
            logger.exception("cache unavailable while counting a failed sign-in")


def reset(request, username):
    try:
        cache.delete(keys(request, username)[0])
    except Exception:
        logger.exception("cache unavailable while resetting sign-in failures")


def is_blocked(request, username):
    per_user, per_ip, _ = limits()
    user_key, ip_key = keys(request, username)
    try:
        counts = cache.get_many([user_key, ip_key])
    except Exception:
        logger.exception("cache unavailable while checking sign-in failures")
        return False
    return counts.get(user_key, 0) >= per_user or counts.get(ip_key, 0) >= per_ip


class LoginThrottleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        paths = tuple(getattr(settings, "LOGIN_THROTTLE_PATHS", DEFAULT_PATHS))
        if request.method == "POST" and request.path in paths:
            username = request.POST.get("username", "")
            if is_blocked(request, username):
                logger.warning("sign-in throttled for %s", client_ip(request))
                _, _, window = limits()
                html = render_to_string(
                    "pagecache/login_throttled.html", {"minutes": max(1, window // 60)}, request=request
                )
                response = HttpResponse(html, status=429)
                response["Retry-After"] = str(window)
                return response
        return self.get_response(request)
