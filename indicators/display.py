"""What readers see of an indicator: its latest value, the change on the previous period, rank,
staleness, and its history. Two queries for any number of indicators (indicators, observations), and one
for the ranks computed across communes (indicators.ranks.computed_ranks)."""

from dataclasses import dataclass, field

from django.db.models import F
from django.utils import timezone
from django.utils.translation import get_language, gettext, pgettext
from wagtail.models import Locale

from .models import GROUP_ORDER, Indicator, IndicatorGroup, Observation
from .numbers import format_number
from .periods import PeriodKind, previous_period_start


def period_label(kind, start):
    """A period as readers write it: 2025, Q3/2025, 7/2025, as of 15/07/2025."""
    if kind == PeriodKind.YEAR:
        return str(start.year)
    if kind == PeriodKind.QUARTER:
        return gettext("Q%(quarter)s/%(year)s") % {"quarter": (start.month - 1) // 3 + 1, "year": start.year}
    if kind == PeriodKind.MONTH:
        return gettext("month %(month)s/%(year)s") % {"month": start.month, "year": start.year}
    return gettext("as of %(date)s") % {"date": start.strftime("%d/%m/%Y")}


@dataclass
class Point:
    observation: Observation
    label: str
    value_text: str


@dataclass
class Summary:
    indicator: Indicator
    points: list = field(default_factory=list)  # oldest first, one period kind (the latest's)
    others: list = field(default_factory=list)  # observations of other kinds, table only
    computed_rank: object = None  # indicators.ranks.SiteLatest ranked across communes, shown before the typed rank

    @property
    def latest(self):
        return self.points[-1] if self.points else None

    @property
    def previous(self):
        return self.points[-2] if len(self.points) > 1 else None

    @property
    def unit(self):
        return self.indicator.unit

    @property
    def is_stale(self):
        """The newest figure is older than the last completed period: it is shown as "latest available"."""
        latest = self.latest
        if latest is None:
            return False
        observation = latest.observation
        return observation.period_start < previous_period_start(observation.period_kind, timezone.localdate())

    @property
    def change(self):
        """Direction, amount and sentence of the change on the previous period, or None."""
        if self.previous is None:
            return None
        delta = self.latest.observation.value - self.previous.observation.value
        places = self.indicator.decimal_places
        amount = format_number(abs(delta), places)
        if amount.strip("0,.") == "":
            direction, sentence = "same", gettext("unchanged on %(period)s") % {"period": self.previous.label}
        elif delta > 0:
            direction = "up"
            sentence = gettext("up %(amount)s on %(period)s") % {"amount": amount, "period": self.previous.label}
        else:
            direction = "down"
            sentence = gettext("down %(amount)s on %(period)s") % {"amount": amount, "period": self.previous.label}
        good = None if direction == "same" else (direction == "up") == self.indicator.higher_is_better
        return {"direction": direction, "text": sentence, "good": good}

    @property
    def rank_text(self):
        """The rank computed from the communes' own data when the code is shared by at least two visible
        communes for this latest period (indicators.ranks), else the hand-typed one."""
        if self.computed_rank is not None and self.computed_rank.rank is not None:
            return self.computed_rank.rank_text
        observation = self.latest.observation if self.latest else None
        if observation is None or observation.rank is None:
            return ""
        if observation.rank_of:
            return pgettext("rank", "%(rank)s/%(of)s") % {"rank": observation.rank, "of": observation.rank_of}
        return str(observation.rank)

    @property
    def chart(self):
        from .charts import history_chart

        return history_chart(self)


def visible_indicators(site, locale, keys=None, group=None):
    """The site's indicators in `locale`, falling back to the default language for untranslated ones."""
    default = Locale.get_default()
    locale_ids = {default.id, locale.id} if locale else {default.id}
    queryset = Indicator.objects.filter(site=site, locale_id__in=locale_ids)
    if keys is not None:
        queryset = queryset.filter(translation_key__in=keys)
    if group:
        queryset = queryset.filter(group=group)
    chosen = {}
    for indicator in queryset.order_by("sort_order", "id"):
        current = chosen.get(indicator.translation_key)
        if current is None or (locale and indicator.locale_id == locale.id):
            chosen[indicator.translation_key] = indicator
    ordered = list(chosen.values())
    if keys is not None:  # the editor's order
        position = {key: index for index, key in enumerate(keys)}
        ordered.sort(key=lambda indicator: position.get(indicator.translation_key, len(position)))
    return ordered


def point_of(observation, places, language=None):
    return Point(
        observation,
        period_label(observation.period_kind, observation.period_start),
        format_number(observation.value, places, language or get_language()),
    )


def summary_of(indicator, observations, decimal_places=None):
    """A Summary of `observations` (oldest first, one kind) of `indicator`, numbers with `decimal_places`
    (default: the indicator's)."""
    places = indicator.decimal_places if decimal_places is None else decimal_places
    return Summary(indicator, [point_of(observation, places) for observation in observations])


def add_computed_ranks(site, locale, summaries):
    """Give each summary the rank computed across the visible communes sharing its code, where its latest
    period is the one ranked (indicators.ranks). One query, none when nothing has data."""
    from .ranks import commune_site_ids, computed_ranks

    with_data = {summary.indicator.code: summary for summary in summaries if summary.latest}
    if not with_data or site is None:
        return
    shared = computed_ranks(commune_site_ids(locale or Locale.get_default()), with_data)
    for code, summary in with_data.items():
        entry = shared[code].entries.get(site.pk) if code in shared else None
        if entry is not None and entry.rank is not None and entry.observation == summary.latest.observation:
            summary.computed_rank = entry


def summaries(site, locale, keys=None, group=None, limit=None):
    indicators = visible_indicators(site, locale, keys=keys, group=group)
    if limit:
        indicators = indicators[:limit]
    if not indicators:
        return []
    by_key = {indicator.translation_key: Summary(indicator) for indicator in indicators}
    observations = (
        Observation.objects.filter(
            indicator__site=site, indicator__locale=Locale.get_default(), indicator__translation_key__in=list(by_key)
        )
        .annotate(key=F("indicator__translation_key"))
        .order_by("period_start", "id")
    )
    grouped = {}
    for observation in observations:
        grouped.setdefault(observation.key, []).append(observation)
    language = get_language()
    for key, summary in by_key.items():
        series = grouped.get(key, [])
        if not series:
            continue
        kind = series[-1].period_kind
        places = summary.indicator.decimal_places
        for observation in series:
            point = point_of(observation, places, language)
            (summary.points if observation.period_kind == kind else summary.others).append(point)
    result = list(by_key.values())
    add_computed_ranks(site, locale, result)
    return result


def grouped_summaries(site, locale):
    """[{key, label, summaries}] in the fixed group order, empty groups left out."""
    groups = {}
    for summary in summaries(site, locale):
        groups.setdefault(summary.indicator.group, []).append(summary)
    labels = dict(IndicatorGroup.choices)
    return [{"key": key, "label": labels[key], "summaries": groups[key]} for key in GROUP_ORDER if key in groups]
