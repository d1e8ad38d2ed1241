from django import forms
from django.utils.translation import gettext_lazy as _

from core.spam import ResidentContactForm

from .models import COMMENT_MAX, SECTION_MAX


class CommentForm(ResidentContactForm):
    token_salt = "consultations.form-started"
    min_fill_setting = "CONSULTATION_MIN_FILL_SECONDS"
    spam_messages = {
        "honeypot": _("Your comment could not be sent. Please leave the last field empty."),
        "expired": _("This comment form has expired. Please check your comment and send it again."),
        "too_fast": _("Your comment was sent too quickly. Please wait a few seconds and send it again."),
    }

    section = forms.CharField(
        label=_("Article or section you comment on (optional)"), max_length=SECTION_MAX, required=False
    )
    comment = forms.CharField(
        label=_("Your comment"),
        max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 8, "aria-describedby": "comment-help"}),
    )

    field_order = ["name", "email", "phone", "section", "comment", "website", "started"]


class ReceiptForm(forms.Form):
    code = forms.CharField(label=_("Receipt code"), max_length=64, strip=True)
