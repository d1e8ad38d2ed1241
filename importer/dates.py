"""Publication dates as old Vietnamese portals print them: "Thứ Năm, 31/10/2026 08:30", "31-10-2026",
"08:30 31/10/2026", "ngày 31 tháng 10 năm 2026", and ISO dates in meta tags. Day first, always."""

import datetime
import re

from django.utils import timezone
from django.utils.dateparse import parse_datetime

NUMERIC = re.compile(r"(?<!\d)(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{4})(?!\d)")
IN_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
TIME = re.compile(r"(?<!\d)(\d{1,2})\s*[:hg]\s*(\d{2})(?!\d)")
ISO = re.compile(r"\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?")


def _aware(value):
    return timezone.make_aware(value) if timezone.is_naive(value) else value


def parse_iso(text):
    match = ISO.search(text or "")
    if not match:
        return None
    raw = match.group(0).replace(" ", "T")
    try:
        value = parse_datetime(raw) if "T" in raw else None
        if value is None:
            value = datetime.datetime.combine(datetime.date.fromisoformat(raw[:10]), datetime.time())
    except ValueError:
        return None
    return _aware(value)


def parse_vietnamese_date(text):
    """The first day-first date in `text` (with its time when printed next to it), aware, or None."""
    text = " ".join((text or "").split())
    match = NUMERIC.search(text) or IN_WORDS.search(text)
    if not match:
        return None
    day, month, year = (int(part) for part in match.groups())
    hour = minute = 0
    near = text[max(0, match.start() - 12) : match.end() + 12]
    time_match = TIME.search(near.replace(match.group(0), " "))
    if time_match and int(time_match.group(1)) < 24 and int(time_match.group(2)) < 60:
        hour, minute = int(time_match.group(1)), int(time_match.group(2))
    try:
        return _aware(datetime.datetime(year, month, day, hour, minute))
    except ValueError:
        return None


def parse_any_date(text):
    return parse_vietnamese_date(text) or parse_iso(text)
