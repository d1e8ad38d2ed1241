from django import forms
from django.apps import apps
from django.utils.translation import gettext_lazy as _

from core.spam import SpamGuardForm

from .models import Frequency, Subscriber


def site_categories(site):
    """The commune's news categories in its own language (those its articles carry), by name."""
    category = apps.get_model("news", "NewsCategory")  # by name: the news app's models are not imported
    return category.objects.filter(site=site, locale_id=site.root_page.locale_id).order_by("name")


class ChoicesForm(forms.ModelForm):
    """What a subscriber follows and how often: the subscribe and manage forms share it."""

    topics_required_message = _("Choose at least one kind of news to receive.")

    frequency = forms.ChoiceField(
        label=_("How often would you like to receive e-mails?"),
        choices=Frequency.choices,
        initial=Frequency.IMMEDIATE,
        widget=forms.RadioSelect,
    )
    categories = forms.ModelMultipleChoiceField(
        label=_("Only these news categories (none chosen: every category)"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Subscriber
        fields = ["news", "categories", "consultations", "events", "frequency"]
        labels = {
            "news": _("New articles"),
            "consultations": _("New consultations on draft documents"),
            "events": _("New events"),
        }

    def __init__(self, *args, site, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["categories"].queryset = site_categories(site)
        if not self.instance.pk:
            for name in ("news", "consultations", "events"):
                self.initial.setdefault(name, True)

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(name) for name in ("news", "consultations", "events")):
            raise forms.ValidationError(self.topics_required_message, code="no_topic")
        if not cleaned.get("news"):
            cleaned["categories"] = []  # categories narrow the news only
        return cleaned


class SubscribeForm(SpamGuardForm, ChoicesForm):
    token_salt = "subscriptions.form-started"
    min_fill_setting = "SUBSCRIPTIONS_MIN_FILL_SECONDS"
    spam_messages = {
        "honeypot": _("Your subscription could not be sent. Please leave the last field empty."),
        "expired": _("This form has expired. Please check your choices and send it again."),
        "too_fast": _("The form was sent too quickly. Please wait a few seconds and send it again."),
    }

    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        error_messages={
            "required": _("Enter your e-mail address."),
            "invalid": _("Enter a valid e-mail address, for example ten@example.com."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    class Meta(ChoicesForm.Meta):
        fields = ["email", *ChoicesForm.Meta.fields]

    field_order = ["email", "news", "categories", "consultations", "events", "frequency", "website", "started"]

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def validate_unique(self):
        pass  # an address already subscribed is handled by the view (without telling strangers so)


class ManageForm(ChoicesForm):
    pass
