from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class AccountUnlock(models.Model):
    """When an admin last lifted the dormancy lock of an account: the unused-days count starts again."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="account_unlock",
        verbose_name=pgettext_lazy("accounts", "user"),
    )
    unlocked_at = models.DateTimeField(_("unlocked at"))

    class Meta:
        verbose_name = _("account unlock")
        verbose_name_plural = _("account unlocks")

    def __str__(self):
        return f"{self.user} @ {self.unlocked_at:%Y-%m-%d}"
