"""Builders for the work calendar."""

import datetime

from tests.factories.core import add_page
from workcalendar.models import CalendarEntry, WorkCalendarPage


def calendar_page(home, slug="lich-cong-tac"):
    return add_page(home, WorkCalendarPage(title="Lịch công tác", slug=slug))


def make_entry(site, date, content="Giao ban đầu tuần", start=datetime.time(7, 30), **fields):
    return CalendarEntry.objects.create(site=site, date=date, start_time=start, content=content, **fields)
