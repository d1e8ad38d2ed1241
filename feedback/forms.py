from django import forms
from django.utils.translation import gettext_lazy as _

from core.spam import ResidentContactForm

from .models import QUESTION_MAX, SUBJECT_MAX


class QuestionForm(ResidentContactForm):
    token_salt = "feedback.form-started"
    min_fill_setting = "FEEDBACK_MIN_FILL_SECONDS"
    contact_required_message = _("Give an e-mail address or a phone number so that we can answer you.")
    spam_messages = {
        "honeypot": _("Your question could not be sent. Please leave the last field empty."),
        "expired": _("This question form has expired. Please check your question and send it again."),
        "too_fast": _("Your question was sent too quickly. Please wait a few seconds and send it again."),
    }

    subject = forms.CharField(label=_("Subject"), max_length=SUBJECT_MAX)
    question = forms.CharField(
        label=_("Your question"), max_length=QUESTION_MAX, widget=forms.Textarea(attrs={"rows": 8})
    )

    field_order = ["name", "email", "phone", "subject", "question", "website", "started"]


class LookupForm(forms.Form):
    code = forms.CharField(label=_("Lookup code"), max_length=64, strip=True)
