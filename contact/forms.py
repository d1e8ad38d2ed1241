"""What the contact page's form adds to the fields editors define: spam protection (core/spam.py)."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.spam import SpamGuardForm, over_limit


class ContactSpamGuard(SpamGuardForm):
    token_salt = "contact.form-started"
    token_field = "form_started"  # unlikely to collide with a field an editor names
    min_fill_setting = "CONTACT_MIN_FILL_SECONDS"
    spam_messages = {
        "honeypot": _("The form could not be sent. Please leave the last field empty."),
        "expired": _("The form has expired. Please check your message and send it again."),
        "too_fast": _("The form was sent too quickly. Please wait a moment and send it again."),
    }


def over_rate_limit(request, site_id):
    """Messages allowed per IP and site: CONTACT_RATE_LIMIT = (count, window in seconds)."""
    return over_limit(request, site_id, "contact", *getattr(settings, "CONTACT_RATE_LIMIT", (5, 10 * 60)))
