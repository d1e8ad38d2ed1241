"""Observation periods: a kind (year, quarter, month, "as of" date) and the date the period starts.

The CSV and the open data write periods as "2025", "2025-Q3", "2025-07" or "2025-07-15": one
spelling per kind, so a file never has to be guessed.
"""

import datetime
import re

from django.db import models
from django.utils.translation import gettext_lazy as _


class PeriodKind(models.TextChoices):
    YEAR = "year", _("Year")
    QUARTER = "quarter", _("Quarter")
    MONTH = "month", _("Month")
    DATE = "date", _("As of date")


_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$", re.IGNORECASE)
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def parse_period(text):
    """(kind, start date) for a period string; ValueError if it is not one of the four spellings."""
    text = (text or "").strip()
    if match := _YEAR.match(text):
        return PeriodKind.YEAR, datetime.date(int(match[1]), 1, 1)
    if match := _QUARTER.match(text):
        return PeriodKind.QUARTER, datetime.date(int(match[1]), 3 * int(match[2]) - 2, 1)
    if match := _MONTH.match(text):
        return PeriodKind.MONTH, datetime.date(int(match[1]), int(match[2]), 1)  # ValueError on month 13
    if match := _DATE.match(text):
        return PeriodKind.DATE, datetime.date(int(match[1]), int(match[2]), int(match[3]))
    raise ValueError(text)


def format_period_code(kind, start):
    """The machine spelling of a period (inverse of parse_period)."""
    if kind == PeriodKind.YEAR:
        return f"{start.year}"
    if kind == PeriodKind.QUARTER:
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    if kind == PeriodKind.MONTH:
        return f"{start.year}-{start.month:02d}"
    return start.isoformat()


def normalise_start(kind, start):
    """The first day of the period that contains `start` (as-of dates are kept as they are)."""
    if kind == PeriodKind.YEAR:
        return start.replace(month=1, day=1)
    if kind == PeriodKind.QUARTER:
        return start.replace(month=3 * ((start.month - 1) // 3) + 1, day=1)
    if kind == PeriodKind.MONTH:
        return start.replace(day=1)
    return start


def previous_period_start(kind, today):
    """Start of the last *completed* period of this kind before `today`.

    Data up to that period is up to date: in November 2026 the 2025 yearly figure is the newest
    one anybody can have. "As of" figures are up to date for a year.
    """
    current = normalise_start(kind, today)
    if kind == PeriodKind.YEAR:
        return current.replace(year=current.year - 1)
    if kind == PeriodKind.QUARTER:
        month = current.month - 3
        return current.replace(year=current.year - 1, month=month + 12) if month < 1 else current.replace(month=month)
    if kind == PeriodKind.MONTH:
        return (
            current.replace(year=current.year - 1, month=12)
            if current.month == 1
            else current.replace(month=current.month - 1)
        )
    try:
        return today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        return today.replace(year=today.year - 1, day=28)
