from django import forms
from django.utils.translation import gettext_lazy as _

from core.spam import SpamGuardForm

from .models import CONTACT_MAX, NAME_MAX, QUESTION_MAX, SUBJECT_MAX


class QuestionForm(SpamGuardForm):
    token_salt = "feedback.form-started"
    min_fill_setting = "FEEDBACK_MIN_FILL_SECONDS"
    spam_messages = {
        "honeypot": _("Your question could not be sent. Please leave the last field empty."),
        "expired": _("This question form has expired. Please check your question and send it again."),
        "too_fast": _("Your question was sent too quickly. Please wait a few seconds and send it again."),
    }

    name = forms.CharField(label=_("Your name (optional)"), max_length=NAME_MAX, required=False)
    email = forms.EmailField(label=_("E-mail"), max_length=CONTACT_MAX, required=False)
    phone = forms.RegexField(
        label=_("Phone"),
        regex=r"^\+?[0-9 .()-]{8,20}$",
        required=False,
        error_messages={"invalid": _("Enter a phone number of 8 to 20 digits.")},
    )
    subject = forms.CharField(label=_("Subject"), max_length=SUBJECT_MAX)
    question = forms.CharField(
        label=_("Your question"), max_length=QUESTION_MAX, widget=forms.Textarea(attrs={"rows": 8})
    )

    field_order = ["name", "email", "phone", "subject", "question", "website", "started"]

    def clean(self):
        cleaned = super().clean()
        if (
            not cleaned.get("email")
            and not cleaned.get("phone")
            and "email" not in self.errors
            and "phone" not in self.errors
        ):
            self.add_error("email", _("Give an e-mail address or a phone number so that we can answer you."))
        return cleaned


class LookupForm(forms.Form):
    code = forms.CharField(label=_("Lookup code"), max_length=64, strip=True)
