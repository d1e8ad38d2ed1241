"""The per-reader part of the page-cache key: pages differ by text size/contrast and hidden alerts.

Both are bounded: reader preferences are normalised to at most 15 variants, and the dismissed_alerts
cookie counts only for the dismissible alerts this site shows now (a forged or stale key changes nothing)."""

from accessibility.preferences import cache_variant as reader_prefs_variant
from alerts.dismissal import dismissed_keys
from alerts.selection import alerts_for
from core.routing import find_site


def dismissed_alerts_variant(request):
    hidden = set(dismissed_keys(request))
    if not hidden:
        return ""
    site = find_site(request)
    if site is None:
        return ""
    shown = {alert.key for alert in alerts_for(site) if alert.dismissible}
    return ".".join(sorted(hidden & shown))


def reader_variant(request):
    return f"{reader_prefs_variant(request)}|{dismissed_alerts_variant(request)}"
