"""`{{ value|html_datetime }}`: a date or datetime as the `datetime` attribute of `<time>` wants it.

HTML allows at most three digits of a second's fraction; `date:'c'` writes Python's six (a page published
from the admin at 10:42:57.003788), which the W3C checker rejects. Datetimes are written in the current time
zone, to the second."""

import datetime

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def html_datetime(value):
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.isoformat(timespec="seconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return ""
