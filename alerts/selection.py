"""The alerts a page shows: computed once per site and language (cached), filtered per request for free.

A commune's site shows its own alerts and the province-wide ones (an alert of a province site with
show_on_communes); a province site shows only its own. Province sites are the ones core names through the
`portal_aggregating_site_ids` hook, so this app never imports the province app.
"""

from dataclasses import dataclass

from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.models import Page

from core.cache import cached
from core.invalidation import aggregating_site_ids

from .dismissal import alert_key, dismissed_keys
from .models import AlertBanner, Severity


@dataclass(frozen=True)
class ActiveAlert:
    key: str
    title: str
    message: str
    link_url: str
    severity: str
    starts_at: object
    ends_at: object
    section_paths: tuple  # empty: the whole site
    dismissible: bool

    @property
    def severity_label(self):
        return Severity(self.severity).label

    def covers(self, page):
        if not self.section_paths:
            return True
        path = getattr(page, "path", None)
        return bool(path) and any(path.startswith(section) for section in self.section_paths)

    def is_current(self, now):
        return self.starts_at <= now < self.ends_at


def _shown_on(site):
    """The alerts a site shows: its own, and on a commune's site the province-wide ones too."""
    province_ids = aggregating_site_ids()
    if site.id in province_ids:
        return Q(site=site)
    return Q(site=site) | Q(site_id__in=province_ids, show_on_communes=True)


def _load(site):
    """Alerts not yet over, one per translation: the active language's, else the default language of the
    alert's own site (the province's for a province-wide alert)."""
    alerts = list(
        AlertBanner.objects.filter(_shown_on(site), ends_at__gt=timezone.now())
        .select_related("locale", "section")
        .annotate(site_locale_id=F("site__root_page__locale_id"))
    )
    language = get_language()
    chosen = {}
    for alert in alerts:
        best = chosen.get(alert.translation_key)
        rank = 0 if alert.locale.language_code == language else 1 if alert.locale_id == alert.site_locale_id else 2
        if best is None or rank < best[0]:
            chosen[alert.translation_key] = (rank, alert)
    section_keys = {alert.section.translation_key for _, alert in chosen.values() if alert.section_id}
    section_paths = {}
    for key, path in Page.objects.filter(translation_key__in=section_keys).values_list("translation_key", "path"):
        section_paths.setdefault(key, []).append(path)
    result = [
        ActiveAlert(
            key=alert_key(alert.translation_key),
            title=alert.title,
            message=alert.message,
            link_url=alert.link_url,
            severity=alert.severity,
            starts_at=alert.starts_at,
            ends_at=alert.ends_at,
            section_paths=tuple(section_paths.get(alert.section.translation_key, ())) if alert.section_id else (),
            dismissible=alert.dismissible,
        )
        for _, alert in chosen.values()
    ]
    order = {Severity.EMERGENCY: 0, Severity.WARNING: 1, Severity.INFO: 2}
    return sorted(result, key=lambda alert: (order[alert.severity], alert.starts_at))


def alerts_for(site, page=None, request=None):
    now = timezone.now()
    hidden = set(dismissed_keys(request))
    return [
        alert
        for alert in cached(site.id, "alert-banners", [], lambda: _load(site))
        if alert.is_current(now) and alert.covers(page) and not (alert.dismissible and alert.key in hidden)
    ]
