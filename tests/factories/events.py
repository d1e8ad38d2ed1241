"""Builders for events: the index and events starting a chosen time from now."""

import datetime

from django.utils import timezone

from events.models import EventIndexPage, EventPage
from tests.factories.core import add_page

DAY = datetime.timedelta(days=1)


def events_index(home, slug="su-kien"):
    return add_page(home, EventIndexPage(title="Sự kiện", slug=slug))


def event(index, title="Hội nghị", starts=DAY, hours=2, **fields):
    """An event starting `starts` from now (a timedelta, or an aware datetime) and lasting `hours`."""
    start = starts if isinstance(starts, datetime.datetime) else timezone.now() + starts
    values = {"summary": "Tóm tắt sự kiện.", "venue": "Hội trường UBND xã", "venue_address": "Thôn 1, xã A"}
    values.update(fields)
    end = values.pop("ends_at", start + datetime.timedelta(hours=hours))
    return add_page(index, EventPage(title=title, starts_at=start, ends_at=end, **values))
