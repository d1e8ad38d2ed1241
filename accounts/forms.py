from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from . import audit, dormancy
from .usernames import normalise


class LoginForm(WagtailLoginForm):
    """Wagtail's sign-in form, with the username normalised as accounts are (NFKC) and dormant accounts
    refused with their own message (WAGTAILADMIN_USER_LOGIN_FORM)."""

    error_messages = {
        **WagtailLoginForm.error_messages,
        "dormant": _(
            "This account has not been used for more than %(days)s days and has been locked for safety. "
            "Ask the portal administrator to unlock it."
        ),
    }

    def clean_username(self):
        return normalise(self.cleaned_data.get("username"))

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if dormancy.is_dormant(user):
            audit.log_account_event(audit.SIGN_IN_REFUSED_DORMANT, self.request, user=user, actor=None)
            raise forms.ValidationError(
                self.error_messages["dormant"], code="dormant", params={"days": dormancy.lock_days()}
            )


class CodeForm(forms.Form):
    code = forms.CharField(
        label=pgettext_lazy("two-step verification", "Code"),
        max_length=32,
        strip=True,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": "", "spellcheck": "false"}),
        help_text=_("The 6-digit code from your authenticator app, or one of your recovery codes."),
    )


class EnrolForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the app"),
        max_length=12,
        strip=True,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": ""}),
    )
