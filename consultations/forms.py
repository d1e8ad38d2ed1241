from django import forms
from django.utils.translation import gettext_lazy as _

from core.spam import SpamGuardForm

from .models import COMMENT_MAX, CONTACT_MAX, NAME_MAX, SECTION_MAX


class CommentForm(SpamGuardForm):
    token_salt = "consultations.form-started"
    min_fill_setting = "CONSULTATION_MIN_FILL_SECONDS"
    spam_messages = {
        "honeypot": _("Your comment could not be sent. Please leave the last field empty."),
        "expired": _("This comment form has expired. Please check your comment and send it again."),
        "too_fast": _("Your comment was sent too quickly. Please wait a few seconds and send it again."),
    }

    name = forms.CharField(label=_("Your name (optional)"), max_length=NAME_MAX, required=False)
    email = forms.EmailField(label=_("E-mail"), max_length=CONTACT_MAX, required=False)
    phone = forms.RegexField(
        label=_("Phone"),
        regex=r"^\+?[0-9 .()-]{8,20}$",
        required=False,
        error_messages={"invalid": _("Enter a phone number of 8 to 20 digits.")},
    )
    section = forms.CharField(
        label=_("Article or section you comment on (optional)"), max_length=SECTION_MAX, required=False
    )
    comment = forms.CharField(
        label=_("Your comment"),
        max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 8, "aria-describedby": "comment-help"}),
    )

    field_order = ["name", "email", "phone", "section", "comment", "website", "started"]

    def clean(self):
        cleaned = super().clean()
        if (
            not cleaned.get("email")
            and not cleaned.get("phone")
            and "email" not in self.errors
            and "phone" not in self.errors
        ):
            self.add_error("email", _("Give an e-mail address or a phone number so that we can contact you."))
        return cleaned


class ReceiptForm(forms.Form):
    code = forms.CharField(label=_("Receipt code"), max_length=64, strip=True)
