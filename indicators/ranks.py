"""Indicators that several communes share, compared: each site's latest value and a rank computed from the
sites' own data (public API of the indicators app; the province hub and the communes' indicators pages use it).

For each indicator code present on at least two of the given sites: per site its latest observation (the
newest period, then the previous one of the same kind, as the indicators page shows them), and a rank among
the sites whose latest observation is of the *ranked period*: the period that most of the sites' latest
observations share (the newest one on a tie), ranked only when at least two sites have it. The best value is
1 (the highest when `Indicator.higher_is_better`, else the lowest); equal values share a rank ("1, 1, 3").

Observations hang on the source-language indicator; names and units are shown in the reader's language
(the indicator's translation sharing its translation_key, else the source). Two queries whatever the number
of sites or indicators (indicators, then only the newest two observations of each kind, by window function);
one for the ranks alone (computed_ranks).
"""

from collections import Counter
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, F, OuterRef, Q, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.translation import pgettext
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, PageViewRestriction, Site

from .models import Indicator, Observation

MIN_SITES = 2


@dataclass
class SiteLatest:
    """One site's latest figure for a shared indicator."""

    site_id: int
    indicator: Indicator  # in the reader's language (else the source): name, unit
    source: Indicator  # holds the observations
    observation: Observation | None = None
    previous: Observation | None = None  # the period before, same kind (for the change)
    rank: int | None = None
    rank_of: int | None = None

    @property
    def period(self):
        return (self.observation.period_kind, self.observation.period_start) if self.observation else None

    @property
    def value(self):
        return self.observation.value if self.observation else None

    @property
    def rank_text(self):
        if self.rank is None:
            return ""
        return pgettext("rank", "%(rank)s/%(of)s") % {"rank": self.rank, "of": self.rank_of}

    def summary(self, decimal_places=None):
        """The display.Summary of the two observations: period label, value text, change, staleness."""
        from .display import summary_of

        observations = [o for o in (self.previous, self.observation) if o is not None]
        return summary_of(self.indicator, observations, decimal_places)


@dataclass
class SharedIndicator:
    """An indicator code present on several sites."""

    code: str
    indicator: Indicator  # the reference one (the name most sites give it), in the reader's language
    entries: dict = field(default_factory=dict)  # site id -> SiteLatest, for every site that has the code
    period: tuple | None = None  # (period_kind, period_start) ranked, None when fewer than two sites share one

    @property
    def name(self):
        return self.indicator.name

    @property
    def unit(self):
        return self.indicator.unit

    @property
    def higher_is_better(self):
        return self.indicator.higher_is_better

    @property
    def site_count(self):
        return len(self.entries)

    @property
    def ranked_count(self):
        return sum(1 for entry in self.entries.values() if entry.rank is not None)


def rank_values(values, higher_is_better=True):
    """Competition ranks of `values` (in their order): the best is 1, equal values share a rank (1, 1, 3)."""
    ordered = sorted(values, reverse=higher_is_better)
    first = {}
    for position, value in enumerate(ordered, start=1):
        first.setdefault(value, position)
    return [first[value] for value in values]


def _ranked_period(entries):
    periods = Counter(entry.period for entry in entries if entry.period is not None)
    if not periods:
        return None
    period, count = max(periods.items(), key=lambda item: (item[1], item[0][1], item[0][0]))
    return period if count >= MIN_SITES else None


def _rank(shared):
    shared.period = _ranked_period(shared.entries.values())
    if shared.period is None:
        return
    ranked = [entry for entry in shared.entries.values() if entry.period == shared.period]
    ranks = rank_values([entry.value for entry in ranked], shared.higher_is_better)
    for entry, rank in zip(ranked, ranks, strict=True):
        entry.rank, entry.rank_of = rank, len(ranked)


def _default_language():
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)  # Locale.get_default(), no query


def _latest_observations(observations):
    """[(latest, previous of the same kind)] of each indicator of `observations` (a queryset): one query, at
    most two rows per period kind and indicator."""
    newest = [F("period_start").desc(), F("id").desc()]
    rows = observations.annotate(
        newest=Window(RowNumber(), partition_by=[F("indicator_id")], order_by=newest),
        newest_of_kind=Window(RowNumber(), partition_by=[F("indicator_id"), F("period_kind")], order_by=newest),
    ).filter(newest_of_kind__lte=2)
    by_indicator = {}
    for row in rows:
        by_indicator.setdefault(row.indicator_id, []).append(row)
    latest = {}
    for indicator_id, observations in by_indicator.items():
        first = next(o for o in observations if o.newest == 1)
        previous = next((o for o in observations if o.period_kind == first.period_kind and o.newest_of_kind == 2), None)
        latest[indicator_id] = (first, previous)
    return latest


def _reference(entries):
    """The name most sites give the indicator; among those, the first indicator in order (sort order, name)."""
    names = Counter(entry.indicator.name for entry in entries.values())
    top = max(names.values())
    return next(entry.indicator for entry in entries.values() if names[entry.indicator.name] == top)


def shared_indicators(site_ids, locale, codes=None, with_values=True, min_sites=MIN_SITES):
    """{code: SharedIndicator} for every code present on at least `min_sites` of `site_ids` (a list, or a
    queryset of site ids), in the reference indicators' order (sort order, name), named in `locale`. Two
    queries; without `with_values` the observations are not read (one query, nothing ranked)."""
    default = _default_language()
    indicators = Indicator.objects.filter(
        Q(locale__language_code=default) | Q(locale=locale), site_id__in=site_ids
    ).annotate(language=F("locale__language_code"))
    if codes is not None:
        indicators = indicators.filter(code__in=list(codes))
    sources, translations = {}, {}
    for indicator in indicators.order_by("sort_order", "name", "id"):
        if indicator.language == default:
            sources.setdefault(indicator.code, {})[indicator.site_id] = indicator
        else:
            translations[indicator.translation_key] = indicator
    shared = {}
    for code, by_site in sources.items():
        if len(by_site) < min_sites:
            continue
        entries = {
            site_id: SiteLatest(site_id, translations.get(source.translation_key, source), source)
            for site_id, source in by_site.items()
        }
        shared[code] = SharedIndicator(code, _reference(entries), entries)
    if with_values and shared:
        source_ids = [entry.source.pk for item in shared.values() for entry in item.entries.values()]
        latest = _latest_observations(Observation.objects.filter(indicator_id__in=source_ids))
        for item in shared.values():
            for entry in item.entries.values():
                entry.observation, entry.previous = latest.get(entry.source.pk, (None, None))
            _rank(item)
    return shared


def computed_ranks(site_ids, codes):
    """{code: SharedIndicator} of `codes` ranked across `site_ids`, for the ranks alone (source-language
    names, only sites with data): one query, the latest observations with their indicators."""
    observations = Observation.objects.filter(
        indicator__site_id__in=site_ids,
        indicator__locale__language_code=_default_language(),
        indicator__code__in=list(codes),
    ).select_related("indicator")
    by_code = {}
    for latest, previous in _latest_observations(observations).values():
        source = latest.indicator
        entry = SiteLatest(source.site_id, source, source, latest, previous)
        by_code.setdefault(source.code, {})[source.site_id] = entry
    shared = {}
    for code, entries in by_code.items():
        if len(entries) >= MIN_SITES:
            shared[code] = SharedIndicator(code, _reference(entries), entries)
            _rank(shared[code])
    return shared


def commune_site_ids(locale):
    """A queryset of the ids of the commune sites a reader may see in `locale` (home page live and public in
    that language), as province.communes.visible_communes() decides, for ranking on a commune's own page
    without importing the province app. No query of its own: it runs inside the query that uses it."""
    home_type = ContentType.objects.get_for_model(apps.get_model(settings.PORTAL_HOME_PAGE_MODEL))
    now = timezone.now()
    # core.queries.visible() for homes (depth 2), with the view restrictions as a subquery rather than
    # Wagtail's public(), which reads them first: a home is private when it, or the root, is restricted.
    restricted = PageViewRestriction.objects.filter(Q(page_id=OuterRef("pk")) | Q(page__depth=1))
    homes = (
        Page.objects.filter(locale=locale, depth=2, live=True)
        .exclude(Exists(restricted))
        .exclude(expire_at__isnull=False, expire_at__lte=now)
        .exclude(go_live_at__isnull=False, go_live_at__gt=now)
    )
    return Site.objects.filter(
        root_page__content_type=home_type, root_page__translation_key__in=homes.values("translation_key")
    ).values("pk")
