"""wagtail-localize writes dates in its translation editor with strftime("%-d %B %Y"): the month name comes
from the server's C locale, so a Vietnamese editor reads "Đã dịch thủ công vào 2 December 2026". The numeric
day/month/year that Vietnamese documents use needs no month name in any language."""

NUMERIC_DATE = "%d/%m/%Y"


def use_numeric_dates():
    from wagtail_localize import models
    from wagtail_localize.views import edit_translation

    # Both modules import the format by name at load time, so each holds its own copy.
    models.DATE_FORMAT = edit_translation.DATE_FORMAT = NUMERIC_DATE
