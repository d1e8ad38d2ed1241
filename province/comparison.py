"""Indicator comparison across the province's communes (routes mixed into ProvinceHomePage).

- /chi-so/: every indicator code that at least two visible communes share (name, unit, how many communes);
- /chi-so/<code>/: one row per visible commune: its latest value, period, change on the previous period and
  the rank computed from the communes' own data (indicators.ranks), sortable (?sort=rank|name|value,
  &order=desc), with a bar chart and the data table; communes without a value come last ("no data");
- /chi-so/<code>/json/ and /chi-so/<code>/csv/: the same figures as open data (the latest figure of each
  commune that has one, by rank), in the shapes of a commune's own open data (indicators.views) with the
  commune (site hostname and name) and the computed rank. Not "<code>.json": Wagtail serves only paths of
  words and slashes (its serve pattern), as the news feeds' /tin-tuc/rss/.

Only visible communes (province.communes.visible_communes) are listed and ranked. Constant queries: the
communes, then two for the indicators and their latest observations.
"""

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import Http404, HttpResponse, JsonResponse
from django.utils.cache import patch_cache_control
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import path
from wagtail.models import Locale

from core.cache import cached_for_page_view, declare_filter_state
from core.text import fold
from indicators.charts import svg_root
from indicators.display import period_label
from indicators.numbers import format_number
from indicators.periods import format_period_code
from indicators.ranks import shared_indicators

from .communes import province_communes

# The headline indicators of the communes directory, in this order, with the label shown when a commune
# has no such indicator.
HEADLINE_CODES = ("dan-so", "dien-tich", "chi-so-phuc-vu")
HEADLINE_LABELS = {
    "dan-so": _("Population"),
    "dien-tich": pgettext_lazy("land", "Area"),
    "chi-so-phuc-vu": _("Service index"),
}

SORTS = ("rank", "name", "value")
DEFAULT_SORT = "rank"


@dataclass
class Headline:
    code: str
    name: str
    value_text: str = ""  # "" when the commune has no figure
    unit: str = ""
    period: str = ""


def headlines(communes, locale=None):
    """[(commune, [Headline per HEADLINE_CODES])] for the directory: two queries whatever the number."""
    locale = locale or Locale.get_active()
    shared = shared_indicators([c.site.pk for c in communes], locale, codes=HEADLINE_CODES, min_sites=1)
    rows = []
    for commune in communes:
        items = []
        for code in HEADLINE_CODES:
            item = shared.get(code)
            entry = item.entries.get(commune.site.pk) if item else None
            name = entry.indicator.name if entry else (item.name if item else str(HEADLINE_LABELS[code]))
            headline = Headline(code, name)
            if entry is not None and entry.observation is not None:
                observation = entry.observation
                headline.value_text = format_number(observation.value, entry.indicator.decimal_places)
                headline.unit = entry.indicator.unit
                headline.period = period_label(observation.period_kind, observation.period_start)
            items.append(headline)
        rows.append((commune, items))
    return rows


def directory_headlines(request, communes, shown):
    """headlines() of `shown` (some of `communes`, the visible ones), read from the province site's cache:
    the figures of all communes are computed once per generation (one commune's new figure moves it) and
    kept as plain text, so a directory filtered by name costs no indicator query."""
    locale = Locale.get_active()

    def compute():
        return {commune.site.pk: items for commune, items in headlines(communes, locale)}

    figures = cached_for_page_view(request, "province-headlines", [locale.pk], compute)
    return [(commune, figures[commune.site.pk]) for commune in shown if commune.site.pk in figures]


@dataclass
class Row:
    commune: object  # province.communes.Commune
    entry: object = None  # indicators.ranks.SiteLatest, None when the commune has no such indicator
    summary: object = None  # indicators.display.Summary of its latest two values, None without data

    @property
    def has_value(self):
        return self.summary is not None


def comparison_rows(communes, item):
    rows = []
    places = item.indicator.decimal_places
    for commune in communes:
        entry = item.entries.get(commune.site.pk)
        has_value = entry is not None and entry.observation is not None
        rows.append(Row(commune, entry, entry.summary(places) if has_value else None))
    return rows


def sort_rows(rows, sort, descending):
    """Rows with a value first, in the chosen order; those without keep the commune order, last."""
    with_value = [row for row in rows if row.has_value]
    without = [row for row in rows if not row.has_value]
    if sort == "name":
        with_value.sort(key=lambda row: fold(row.commune.name), reverse=descending)
    elif sort == "value":
        with_value.sort(key=lambda row: (row.entry.value, fold(row.commune.name)), reverse=descending)
    else:
        # Unranked values (another period) after the ranked ones, whatever the order.
        ranked = [row for row in with_value if row.entry.rank is not None]
        unranked = [row for row in with_value if row.entry.rank is None]
        ranked.sort(key=lambda row: (row.entry.rank, fold(row.commune.name)), reverse=descending)
        unranked.sort(key=lambda row: fold(row.commune.name))
        with_value = ranked + unranked
    return with_value + without


def comparison_chart(item, rows):
    """A horizontal bar chart (SVG, safe string) of the values of the ranked period (else every latest
    value), role=img with a title and a description; the table next to it has the same numbers."""
    shown = [row for row in rows if row.has_value and (item.period is None or row.entry.period == item.period)]
    if not shown:
        return ""
    # A narrow drawing (360 units) so a phone shows it near full size; labels as wide as the longest name.
    longest = max(min(len(row.commune.short_name), 32) for row in shown)
    width, bar_height, gap, right = 360, 22, 8, 64
    label_width = min(8 + longest * 8, 160)
    height = len(shown) * (bar_height + gap) + gap
    base_id = f"comparison-chart-{item.code}"
    svg = svg_root(base_id, width, height, "comparison-chart")
    period = period_label(*shown[0].entry.period) if item.period else ""
    ET.SubElement(svg, "title", {"id": f"{base_id}-title"}).text = (
        gettext("%(name)s by commune, %(period)s") % {"name": item.name, "period": period}
        if period
        else gettext("%(name)s by commune") % {"name": item.name}
    )
    highest = max(shown, key=lambda row: row.entry.value)
    lowest = min(shown, key=lambda row: row.entry.value)
    unit = f" {item.unit}" if item.unit else ""
    ET.SubElement(svg, "desc", {"id": f"{base_id}-desc"}).text = gettext(
        "Bar chart of %(count)s communes. Highest %(high)s%(unit)s (%(high_commune)s), lowest %(low)s%(unit)s "
        "(%(low_commune)s)."
    ) % {
        "count": len(shown),
        "high": highest.summary.latest.value_text,
        "high_commune": highest.commune.short_name,
        "low": lowest.summary.latest.value_text,
        "low_commune": lowest.commune.short_name,
        "unit": unit,
    }
    values = [float(row.entry.value) for row in shown]
    low, high = min(0.0, *values), max(0.0, *values)
    if high == low:
        high = low + 1
    plot = width - label_width - right

    def x_of(value):
        return label_width + (value - low) / (high - low) * plot

    zero = x_of(0.0)
    for index, (row, value) in enumerate(zip(shown, values, strict=True)):
        y = gap + index * (bar_height + gap)
        middle = f"{y + bar_height / 2 + 5:.1f}"
        name = ET.SubElement(svg, "text", {"class": "comparison-chart__label", "x": str(label_width - 8), "y": middle})
        name.set("text-anchor", "end")
        short = row.commune.short_name
        name.text = short if len(short) <= 32 else short[:31] + "…"
        left = min(x_of(value), zero)
        ET.SubElement(
            svg,
            "rect",
            {
                "class": "comparison-chart__bar",
                "x": f"{left:.1f}",
                "y": str(y),
                "width": f"{max(abs(x_of(value) - zero), 1.0):.1f}",
                "height": str(bar_height),
            },
        )
        figure = ET.SubElement(
            svg, "text", {"class": "comparison-chart__value", "x": f"{max(x_of(value), zero) + 6:.1f}", "y": middle}
        )
        figure.text = row.summary.latest.value_text
    return mark_safe(ET.tostring(svg, encoding="unicode"))


def _choice(request, name, choices, default):
    value = (request.GET.get(name) or "").strip()
    return value if value in choices else default


class IndicatorComparisonRoutes:
    """Routes under /chi-so/ (see the module's docstring)."""

    def _shared(self, request, code=None, with_values=True):
        # Not cached: unpickling 100 communes' indicators and observations cost more than the two queries
        # (measured), and the page cache keeps each comparison's rendered copies anyway.
        communes = province_communes(request)
        codes = None if code is None else [code]
        shared = shared_indicators([c.site.pk for c in communes], Locale.get_active(), codes, with_values)
        return communes, shared

    def _shared_one(self, request, code):
        communes, shared = self._shared(request, code)
        if code not in shared:
            raise Http404
        return communes, shared[code]

    @path("chi-so/")
    def indicators(self, request):
        communes, shared = self._shared(request, with_values=False)
        return self.render(
            request,
            template="province/comparison_list.html",
            context_overrides={"communes": communes, "shared": list(shared.values())},
        )

    @path("chi-so/<slug:code>/")
    def indicator(self, request, code):
        communes, item = self._shared_one(request, code)
        sort = _choice(request, "sort", SORTS, DEFAULT_SORT)
        descending = _choice(request, "order", ("asc", "desc"), "asc") == "desc"
        # A page-cache copy only for the query strings the header links write (and the bare URL).
        given = sort if request.GET.get("sort") == sort else ""
        declare_filter_state(request, {"sort": given, "order": "desc" if descending else ""})
        rows = sort_rows(comparison_rows(communes, item), sort, descending)
        hub = self.get_url(request)
        base = hub + self.reverse_subpage("indicator", args=(code,))
        headers = []
        for key, label in (("name", _("Commune")), ("value", _("Value")), ("rank", _("Rank"))):
            current = key == sort
            # The sorted column's link reverses it; another column's sorts by it, ascending.
            link_descending = current and not descending
            query = {"sort": key, **({"order": "desc"} if link_descending else {})}
            headers.append(
                {
                    "key": key,
                    "label": label,
                    "url": f"{base}?{urlencode(query)}",
                    "aria_sort": ("descending" if descending else "ascending") if current else "",
                }
            )
        return self.render(
            request,
            template="province/indicator_comparison.html",
            context_overrides={
                "item": item,
                "rows": rows,
                "sort": sort,
                "descending": descending,
                "headers": {header["key"]: header for header in headers},
                "ranked_period": period_label(*item.period) if item.period else "",
                "chart": comparison_chart(item, rows),
                "json_url": hub + self.reverse_subpage("indicator_json", args=(code,)),
                "csv_url": hub + self.reverse_subpage("indicator_csv", args=(code,)),
            },
        )

    def _open_rows(self, request, code):
        communes, item = self._shared_one(request, code)
        rows = [row for row in sort_rows(comparison_rows(communes, item), DEFAULT_SORT, False) if row.has_value]
        return item, rows

    @path("chi-so/<slug:code>/json/")
    def indicator_json(self, request, code):
        from indicators.views import OPEN_DATA_CACHE, indicator_json

        item, rows = self._open_rows(request, code)
        payload = {
            "code": item.code,
            "language": Locale.get_default().language_code,
            "period": format_period_code(*item.period) if item.period else None,
            "ranked": item.ranked_count,
            "communes": [
                {
                    "site": row.commune.site.hostname,
                    "commune": row.commune.name,
                    "url": row.commune.url,
                    "computed_rank": row.entry.rank,
                    "computed_rank_of": row.entry.rank_of,
                    **indicator_json(row.entry.source, [row.entry.observation]),
                }
                for row in rows
            ],
        }
        response = JsonResponse(payload, json_dumps_params={"ensure_ascii": False, "indent": 1})
        patch_cache_control(response, **OPEN_DATA_CACHE)
        return response

    @path("chi-so/<slug:code>/csv/")
    def indicator_csv(self, request, code):
        import csv
        import io

        from indicators.views import OPEN_DATA_CACHE, csv_cells, csv_header

        item, rows = self._open_rows(request, code)
        output = io.StringIO()
        writer = csv.writer(output, lineterminator="\n")
        writer.writerow(["site", "commune", *csv_header(), "computed_rank", "computed_rank_of"])
        for row in rows:
            entry = row.entry
            writer.writerow(
                [
                    row.commune.site.hostname,
                    row.commune.name,
                    *csv_cells(entry.source, entry.observation),
                    "" if entry.rank is None else entry.rank,
                    "" if entry.rank_of is None else entry.rank_of,
                ]
            )
        response = HttpResponse(output.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="chi-so-{item.code}.csv"'
        patch_cache_control(response, **OPEN_DATA_CACHE)
        return response
