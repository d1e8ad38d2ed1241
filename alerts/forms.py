"""The alert's admin form: a new alert starts now and runs one day, so an editor in a hurry (a storm warning)
types a heading and a message and saves; both times stay editable."""

from datetime import timedelta

from django.utils import timezone

from core.permissions import SiteScopedForm

DEFAULT_DURATION = timedelta(days=1)


class AlertBannerForm(SiteScopedForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None and self.initial.get("starts_at") is None:
            # The model's empty values are in `initial` already (None): replace them, not only missing keys.
            now = timezone.localtime().replace(second=0, microsecond=0)
            self.initial["starts_at"] = now
            if self.initial.get("ends_at") is None:
                self.initial["ends_at"] = now + DEFAULT_DURATION
