"""Builders for alert banners."""

import datetime

from django.utils import timezone

from alerts.models import AlertBanner
from tests.factories.core import vi


def make_alert(site, title="Bảo trì hệ thống", starts_in=-1, ends_in=24, locale=None, **fields):
    """An alert starting `starts_in` hours from now and ending `ends_in` hours from now."""
    now = timezone.now()
    return AlertBanner.objects.create(
        site=site,
        locale=locale or vi(),
        title=title,
        message=fields.pop("message", "Cổng thông tin tạm ngừng từ 22 giờ."),
        starts_at=now + datetime.timedelta(hours=starts_in),
        ends_at=now + datetime.timedelta(hours=ends_in),
        **fields,
    )
