"""Spam and flood protection without third-party services: honeypot, minimum fill time, per-IP rate limits.

The fill time comes from a signed timestamp rendered with the form (nothing stored per visitor); rate
limits count requests per IP and site in the shared cache and let everything through if the cache is down.
"""

import hashlib
import logging
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger("portal.security")

TOKEN_SALT = "feedback.form-started"
MAX_AGE = 24 * 60 * 60  # a form left open longer is sent back with a fresh token


def min_fill_seconds():
    return getattr(settings, "FEEDBACK_MIN_FILL_SECONDS", 3)


def started_token(at=None):
    return signing.dumps({"t": int(at if at is not None else time.time())}, salt=TOKEN_SALT)


def token_age(token):
    """Seconds since the form was rendered, or None for a missing, forged or day-old token."""
    try:
        data = signing.loads(token or "", salt=TOKEN_SALT, max_age=MAX_AGE)
        age = time.time() - int(data["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    return age if 0 <= age <= MAX_AGE else None


class SpamGuardMixin(forms.Form):
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["started"] = started_token()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(_("Your question could not be sent. Please leave the last field empty."))
        age = token_age(cleaned.get("started"))
        if age is None:
            # A fresh token lets the reader just press "Send" again; their text stays in the form.
            self.data = self.data.copy()
            self.data["started"] = started_token()
            raise forms.ValidationError(
                _("This question form has expired. Please check your question and send it again.")
            )
        if age < min_fill_seconds():
            raise forms.ValidationError(
                _("Your question was sent too quickly. Please wait a few seconds and send it again.")
            )
        return cleaned


def client_ip(request):
    # Behind a reverse proxy, production names the header the proxy sets (e.g. HTTP_X_REAL_IP).
    header = getattr(settings, "LOGIN_THROTTLE_IP_HEADER", "REMOTE_ADDR")
    value = request.META.get(header) or request.META.get("REMOTE_ADDR", "")
    return value.split(",")[0].strip()


LIMITS = {
    # action: (requests, window in seconds) per IP and site
    "ask": (5, 60 * 60),
    "lookup": (20, 10 * 60),
    "rate": (60, 60 * 60),
}


def over_limit(request, site_id, action):
    """Count this request; True once this IP has gone over the action's limit on this site."""
    limit, window = getattr(settings, "FEEDBACK_RATE_LIMITS", {}).get(action, LIMITS[action])
    digest = hashlib.sha256(f"{action}|{site_id}|{client_ip(request)}".encode()).hexdigest()
    key = f"feedback-{action}:{digest}"
    try:
        cache.add(key, 0, window)  # the window starts at the first request
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    except Exception:
        logger.exception("cache unavailable while rate-limiting %s", action)
        return False
    return count > limit
