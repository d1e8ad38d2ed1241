"""The per-reader part of the page-cache key: pages differ by text size/contrast and hidden alerts."""

from accessibility.preferences import cache_variant as reader_prefs_variant
from alerts.dismissal import cache_variant as dismissed_alerts_variant


def reader_variant(request):
    return f"{reader_prefs_variant(request)}|{dismissed_alerts_variant(request)}"
