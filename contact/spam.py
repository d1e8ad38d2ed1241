"""Spam protection without third-party services: a honeypot field, a minimum fill time, a rate limit per IP.

The fill time comes from a signed token rendered with the form, so nothing is kept on the server per
visitor; the rate limit counts POSTs per IP and site in the shared cache (and lets everything through if
the cache is down rather than lose a resident's message).
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

TOKEN_SALT = "contact.form-started"
HONEYPOT_FIELD = "website"
TOKEN_FIELD = "form_started"


def min_fill_seconds():
    return getattr(settings, "CONTACT_MIN_FILL_SECONDS", 3)


def rate_limit():
    """(submissions, window in seconds) allowed per IP and site."""
    return getattr(settings, "CONTACT_RATE_LIMIT", (5, 10 * 60))


def started_token(at=None):
    return signing.dumps({"t": int(at if at is not None else time.time())}, salt=TOKEN_SALT)


def token_age(token):
    """Seconds since the form was rendered, or None for a missing, forged or day-old token."""
    try:
        data = signing.loads(token or "", salt=TOKEN_SALT, max_age=24 * 60 * 60)
        return time.time() - int(data["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


class SpamGuardForm(forms.Form):
    """Mixed into the Wagtail form class: two extra fields checked in clean(), then dropped from the data."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    form_started = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial[TOKEN_FIELD] = started_token()

    def clean(self):
        cleaned = super().clean()
        if cleaned.pop(HONEYPOT_FIELD, ""):
            raise forms.ValidationError(_("The form could not be sent. Please leave the last field empty."))
        age = token_age(cleaned.pop(TOKEN_FIELD, ""))
        if age is None:
            # A fresh token lets the reader simply press "Send" again; their text stays in the form.
            self.data = self.data.copy()
            self.data[TOKEN_FIELD] = started_token()
            raise forms.ValidationError(_("The form has expired. Please check your message and send it again."))
        if age < min_fill_seconds():
            raise forms.ValidationError(_("The form was sent too quickly. Please wait a moment and send it again."))
        return cleaned


def client_ip(request):
    # Behind a reverse proxy, production names the header the proxy sets (e.g. HTTP_X_REAL_IP).
    header = getattr(settings, "CONTACT_IP_HEADER", getattr(settings, "LOGIN_THROTTLE_IP_HEADER", "REMOTE_ADDR"))
    value = request.META.get(header) or request.META.get("REMOTE_ADDR", "")
    return value.split(",")[0].strip()


def over_rate_limit(request, site_id):
    """Count this POST; True once this IP has sent more than the limit on this site within the window."""
    limit, window = rate_limit()
    digest = hashlib.sha256(f"{site_id}|{client_ip(request)}".encode()).hexdigest()
    key = f"contact-posts:{digest}"
    try:
        cache.add(key, 0, window)  # the window starts at the first POST
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    except Exception:
        logger.exception("cache unavailable while rate-limiting the contact form")
        return False
    return count > limit
