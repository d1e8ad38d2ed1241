"""Django's password validators with the project's own translated messages (Django ships no Vietnamese
for them). Minimum length 12 (settings), Django's list of 20,000 common passwords, no all-digit
passwords, not close to the username, name or e-mail."""

from django.contrib.auth import password_validation as django_validators
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class MinimumLengthValidator(django_validators.MinimumLengthValidator):
    def get_error_message(self):
        return ngettext(
            "This password is too short: use at least %(min_length)d character.",
            "This password is too short: use at least %(min_length)d characters.",
            self.min_length,
        ) % {"min_length": self.min_length}

    def get_help_text(self):
        return ngettext(
            "At least %(min_length)d character; a phrase of several words is easiest to remember.",
            "At least %(min_length)d characters; a phrase of several words is easiest to remember.",
            self.min_length,
        ) % {"min_length": self.min_length}

    def validate(self, password, user=None):
        if len(password) < self.min_length:
            raise ValidationError(self.get_error_message(), code="password_too_short")


class CommonPasswordValidator(django_validators.CommonPasswordValidator):
    def validate(self, password, user=None):
        if password.lower().strip() in self.passwords:
            raise ValidationError(
                _("This password is on the list of the most common (leaked) passwords: choose another."),
                code="password_too_common",
            )

    def get_help_text(self):
        return _("Not a common password.")


class NumericPasswordValidator(django_validators.NumericPasswordValidator):
    def validate(self, password, user=None):
        if password.isdigit():
            raise ValidationError(_("This password has only digits: add letters."), code="password_entirely_numeric")

    def get_help_text(self):
        return _("Not only digits.")


class UserAttributeSimilarityValidator(django_validators.UserAttributeSimilarityValidator):
    def validate(self, password, user=None):
        try:
            super().validate(password, user)
        except ValidationError as error:
            raise ValidationError(
                _("This password is too close to your username, name or e-mail address."),
                code="password_too_similar",
            ) from error

    def get_help_text(self):
        return _("Not close to your username, name or e-mail address.")
