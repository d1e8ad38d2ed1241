"""Which alerts this reader has hidden: a cookie of short alert keys, the same in every language."""

import re

COOKIE_NAME = "dismissed_alerts"
COOKIE_MAX_AGE = 60 * 60 * 24 * 90
MAX_KEYS = 20
KEY_PATTERN = re.compile(r"^[0-9a-f]{12}$")


def alert_key(translation_key):
    return translation_key.hex[:12]


def dismissed_keys(request):
    raw = request.COOKIES.get(COOKIE_NAME, "") if request is not None else ""
    return [key for key in raw.split(".") if KEY_PATTERN.match(key)][:MAX_KEYS]


def with_key(request, key):
    keys = [existing for existing in dismissed_keys(request) if existing != key]
    return ".".join(([key] + keys)[:MAX_KEYS])


def cache_variant(request):
    """For the full-page cache key: pages differ by the alerts this reader has hidden."""
    return ".".join(sorted(dismissed_keys(request)))
