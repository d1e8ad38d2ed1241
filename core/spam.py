"""Spam and flood protection for readers' forms, without third-party services: a honeypot field, a minimum
fill time and per-IP rate limits. Used by the contact form (contact/) and the Q&A and rating forms (feedback/).

The fill time comes from a signed timestamp rendered with the form, so nothing is kept per visitor; rate
limits count requests per IP and site in the "counters" cache (core/counters.py) and let everything through
if it is down, rather than lose a resident's message.
"""

import hashlib
import logging
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from .counters import count

logger = logging.getLogger("portal.security")

MAX_AGE = 24 * 60 * 60  # a form left open longer is sent back with a fresh token


def started_token(salt, at=None):
    return signing.dumps({"t": int(at if at is not None else time.time())}, salt=salt)


def token_age(token, salt):
    """Seconds since the form was rendered, or None for a missing, forged or day-old token."""
    try:
        data = signing.loads(token or "", salt=salt, max_age=MAX_AGE)
        age = time.time() - int(data["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    return age if 0 <= age <= MAX_AGE else None


class SpamGuardForm(forms.Form):
    """A honeypot and a signed fill-time token, checked in clean() and dropped from the cleaned data.

    Subclasses name their token (salt, field) and word the three refusals for their readers:
    spam_messages = {"honeypot": ..., "expired": ..., "too_fast": ...}."""

    token_salt = "portal.form-started"
    token_field = "started"
    min_fill_setting = "FORM_MIN_FILL_SECONDS"
    spam_messages = {}

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[self.token_field] = forms.CharField(required=False, widget=forms.HiddenInput)
        if not self.is_bound:
            self.initial[self.token_field] = started_token(self.token_salt)

    def clean(self):
        cleaned = super().clean()
        if cleaned.pop("website", ""):
            raise forms.ValidationError(self.spam_messages["honeypot"])
        age = token_age(cleaned.pop(self.token_field, ""), self.token_salt)
        if age is None:
            # A fresh token lets the reader simply press "Send" again; their text stays in the form.
            self.data = self.data.copy()
            self.data[self.token_field] = started_token(self.token_salt)
            raise forms.ValidationError(self.spam_messages["expired"])
        if age < getattr(settings, self.min_fill_setting, 3):
            raise forms.ValidationError(self.spam_messages["too_fast"])
        return cleaned


class ResidentContactForm(SpamGuardForm):
    """A reader's form that must let the commune reach them: optional name, an e-mail or a phone number.

    Contact data is stored for editors only and never published. Subclasses add their own fields and word
    `contact_required_message` (why the contact is needed: to answer, to follow up a comment...)."""

    NAME_MAX, CONTACT_MAX = 100, 200
    contact_required_message = _("Give an e-mail address or a phone number so that we can contact you.")

    name = forms.CharField(label=_("Your name (optional)"), max_length=NAME_MAX, required=False)
    email = forms.EmailField(label=_("E-mail"), max_length=CONTACT_MAX, required=False)
    phone = forms.RegexField(
        label=_("Phone"),
        regex=r"^\+?[0-9 .()-]{8,20}$",
        required=False,
        error_messages={"invalid": _("Enter a phone number of 8 to 20 digits.")},
    )

    def clean(self):
        cleaned = super().clean()
        has_contact = cleaned.get("email") or cleaned.get("phone")
        if not has_contact and "email" not in self.errors and "phone" not in self.errors:
            self.add_error("email", self.contact_required_message)
        return cleaned


def client_ip(request):
    # Behind a reverse proxy, production names the header the proxy sets (e.g. HTTP_X_REAL_IP).
    header = getattr(settings, "LOGIN_THROTTLE_IP_HEADER", "REMOTE_ADDR")
    value = request.META.get(header) or request.META.get("REMOTE_ADDR", "")
    return value.split(",")[0].strip()


def over_limit(request, site_id, action, limit, window):
    """Count this request; True once this IP has made more than `limit` of `action` on this site within
    `window` seconds (the window starts at the first request). Counters are in the "counters" cache
    (core/counters.py); while it is unavailable every request is let through (fail open, logged once by
    the circuit breaker): losing a resident's message is worse than a burst of spam."""
    digest = hashlib.sha256(f"{action}|{site_id}|{client_ip(request)}".encode()).hexdigest()
    try:
        return count(f"posts-{action}:{digest}", window) > limit
    except Exception:  # CacheUnavailable, or a cache backend without a breaker failing
        logger.warning("rate limit %s not enforced: counters unavailable", action)
        return False
