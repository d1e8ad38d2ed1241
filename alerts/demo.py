"""Demo alert: a planned maintenance announced 7 working days ahead, as the rules require."""

import datetime

from django.utils import timezone

from .models import AlertBanner, Severity

TITLE = "Tạm ngừng cổng thông tin để bảo trì"


def working_days_after(day, count):
    while count:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def load(communes, locales):
    commune = next((c for c in communes if c.key == "ia-ko"), None)
    if commune is None:  # the alert names Ia Ko's power cut; generated benchmark communes get none
        return
    if AlertBanner.objects.filter(site=commune.site, title=TITLE).exists():
        return
    now = timezone.localtime()
    day = working_days_after(now.date(), 7)
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(22, 0)))
    alert = AlertBanner.objects.create(
        site=commune.site,
        locale=locales["vi"],
        title=TITLE,
        message=(
            f"Cổng thông tin điện tử xã sẽ tạm ngừng hoạt động để bảo trì hệ thống từ 22 giờ ngày "
            f"{day:%d/%m/%Y} đến 2 giờ sáng hôm sau. Mong bạn đọc thông cảm."
        ),
        severity=Severity.WARNING,
        starts_at=now,
        ends_at=start + datetime.timedelta(hours=4),
    )
    english = alert.copy_for_translation(locales["en"])
    english.title = "Portal offline for maintenance"
    english.message = (
        f"The commune portal will be offline for maintenance from 10 pm on {day:%d/%m/%Y} until 2 am the next day."
    )
    english.save()
