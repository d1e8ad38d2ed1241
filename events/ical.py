"""iCalendar (RFC 5545) output for events: a feed of many events or a single "add to calendar" file.

Times are written in UTC ("Z"), so no VTIMEZONE is needed; all-day events are DATE values with an exclusive end.
Text is escaped (backslash, semicolon, comma, newline) and lines are folded at 75 octets, never inside a
UTF-8 character; lines end with CRLF.
"""

import datetime
import html
import re

from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

PRODID = "-//Cong thong tin dien tu xa//Su kien//VI"


def escape(text):
    text = str(text or "").replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line):
    """Split a content line into chunks of at most 75 octets, continuation lines starting with a space."""
    data = line.encode()
    if len(data) <= 75:
        return line
    chunks, current, limit = [], b"", 75
    for char in line:
        encoded = char.encode()
        if len(current) + len(encoded) > limit:
            chunks.append(current.decode())
            current, limit = b"", 74  # the leading space counts
        current += encoded
    chunks.append(current.decode())
    return "\r\n ".join(chunks)


def plain_text(rich_text):
    """The rich text's words, a line per paragraph or list item."""
    spaced = re.sub(r"</(p|li|h[1-6])>|<br\s*/?>", "\n", rich_text)
    return re.sub(r"\n{2,}", "\n", html.unescape(strip_tags(spaced))).strip()


def utc(value):
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def event_lines(event, site, request, stamp):
    start, end = timezone.localtime(event.starts_at), timezone.localtime(event.ends_at)
    lines = [
        "BEGIN:VEVENT",
        f"UID:event-{event.translation_key}-{event.locale.language_code}@{site.hostname}",
        f"DTSTAMP:{stamp}",
    ]
    if event.all_day:
        last_day = max(end.date(), start.date())
        lines += [
            f"DTSTART;VALUE=DATE:{start.date():%Y%m%d}",
            f"DTEND;VALUE=DATE:{last_day + datetime.timedelta(days=1):%Y%m%d}",
        ]
    else:
        lines += [f"DTSTART:{utc(event.starts_at)}", f"DTEND:{utc(max(event.ends_at, event.starts_at))}"]
    location = ", ".join(part for part in (event.venue, event.venue_address) if part)
    description = event.summary
    if event.organiser:  # ORGANIZER needs an address to reply to: the organiser is named in the text instead
        description = f"{description}\n{_('Organiser')}: {event.organiser}"
    if event.body:
        description = f"{description}\n\n{plain_text(event.body)}"
    lines += [f"SUMMARY:{escape(event.title)}", f"DESCRIPTION:{escape(description)}"]
    if location:
        lines.append(f"LOCATION:{escape(location)}")
    url = event.get_full_url(request)
    if url:
        lines.append(f"URL:{url}")
    if event.last_published_at:
        lines.append(f"LAST-MODIFIED:{utc(event.last_published_at)}")
    lines.append("END:VEVENT")
    return lines


def calendar(events, site, request, name=""):
    stamp = utc(timezone.now())
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    if name:
        lines.append(f"X-WR-CALNAME:{escape(name)}")
    for event in events:
        lines += event_lines(event, site, request, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
