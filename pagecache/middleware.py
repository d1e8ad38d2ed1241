"""A full-page cache for anonymous readers, kept in the shared cache (Redis) so every app process uses it.

One middleware, placed right after WhiteNoise: a hit is answered before sessions, CSRF, auth and
messages run (no database query at all), and on the way out it sees the final response with every
Set-Cookie, Cache-Control and Vary header, so it stores only what is safe to share.

Each stored copy records its site and the site's cache generation (core/cache.py) read *before* the page
was rendered. A copy is served only while that generation is current, so publishing anything on a site
makes every page of that site fresh at once, in every process, and a publish that races with a render can
never leave a stale copy behind.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import translation

from core.cache import site_generation
from core.routing import find_site

from .variants import reader_variant

logger = logging.getLogger("portal.cache")

HEADER = "X-Page-Cache"
DEFAULT_EXCLUDED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/reader-preferences/")
# Vary values the cache key already covers (language, reader-preferences cookie) or that cannot differ here.
SAFE_VARY = {"cookie", "accept-language", "accept-encoding"}
UNSHAREABLE = {"private", "no-store", "no-cache"}
# Only these query parameters get their own copies; any other (tracking tags, cache-busting junk) is served
# uncached, so nobody can fill Redis with one copy per random URL.
DEFAULT_QUERY_PARAMS = ("page", "category", "tag", "year", "month", "period", "type")


def enabled():
    return getattr(settings, "PAGECACHE_ENABLED", False)


def excluded_prefixes():
    return tuple(getattr(settings, "PAGECACHE_EXCLUDED_PREFIXES", DEFAULT_EXCLUDED_PREFIXES))


def page_key(request, language):
    """host + full path + language + reader-preferences variant."""
    raw = "|".join((request.get_host().lower(), request.get_full_path(), language, reader_variant(request)))
    return "page:" + hashlib.sha256(raw.encode()).hexdigest()


def may_use_cache(request):
    """Only anonymous GETs of public paths; any session or messages cookie means a person-specific page."""
    if request.method != "GET" or "HTTP_AUTHORIZATION" in request.META:
        return False
    if request.path.startswith(excluded_prefixes()):
        return False
    allowed = getattr(settings, "PAGECACHE_QUERY_PARAMS", DEFAULT_QUERY_PARAMS)
    if any(name not in allowed for name in request.GET):
        return False
    personal_cookies = (settings.SESSION_COOKIE_NAME, getattr(settings, "MESSAGE_COOKIE_NAME", "messages"))
    return not any(name in request.COOKIES for name in personal_cookies)


def cache_control(response):
    directives = set()
    for part in response.get("Cache-Control", "").split(","):
        name = part.split("=", 1)[0].strip().lower()
        if name:
            directives.add(name)
    return directives


def may_store(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if getattr(request, "is_preview", False) or response.has_header("Content-Encoding"):
        return False
    user = getattr(request, "_cached_user", None)  # only look if the view already loaded the user
    if user is not None and user.is_authenticated:
        return False
    directives = cache_control(response)
    if "public" not in directives or directives & UNSHAREABLE:
        return False  # only pages that declare themselves shareable (BasePage does; restricted pages don't)
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    return vary <= SAFE_VARY


def timeout():
    return getattr(settings, "PAGECACHE_TIMEOUT", 600)


def request_language(request):
    """The language LocaleMiddleware will activate for reader URLs (i18n_patterns, unprefixed Vietnamese).
    Checked again after rendering: a page rendered in another language is not stored."""
    return translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (enabled() and may_use_cache(request)):
            return self.get_response(request)
        language = request_language(request)
        key = page_key(request, language)
        entry = self.read(key)
        if entry is not None and entry["generation"] == site_generation(entry["site"]):
            response = HttpResponse(entry["content"], status=entry["status"])
            for name, value in entry["headers"]:
                response[name] = value
            response[HEADER] = "hit"
            return response
        # Miss: read the generation *before* rendering, so a publish during the render wins.
        site = find_site(request)  # from the cache; Wagtail reads it back from the request
        generation = site_generation(site.id) if site is not None else None
        response = self.get_response(request)
        if generation is None:
            return response
        if may_store(request, response) and translation.get_language() == language:
            self.write(key, site.id, generation, response)
            response[HEADER] = "miss"
        else:
            response[HEADER] = "bypass"
        return response

    def read(self, key):
        try:
            return cache.get(key)
        except Exception:
            logger.exception("page cache unavailable while reading")
            return None

    def write(self, key, site_id, generation, response):
        entry = {
            "site": site_id,
            "generation": generation,
            "status": response.status_code,
            "content": response.content,
            "headers": [(name, value) for name, value in response.items() if name.lower() != "set-cookie"],
        }
        try:
            cache.set(key, entry, timeout())
        except Exception:
            logger.exception("page cache unavailable while writing")
