"""The indicators page, its charts and tables, the widget, fallbacks, isolation and the query budget."""

import datetime
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.test import RequestFactory
from django.utils import timezone, translation

from indicators.blocks import IndicatorsWidgetBlock
from indicators.models import Indicator, IndicatorsPage, Observation
from indicators.periods import PeriodKind, previous_period_start
from tests.factories.core import add_page, en, url_of
from tests.factories.indicators import make_indicator

pytestmark = pytest.mark.django_db
HOST_A = {"HTTP_HOST": "a.gialai.gov.vn"}
SVG = "{http://www.w3.org/2000/svg}"


def last_year():
    return previous_period_start(PeriodKind.YEAR, timezone.localdate()).year


@pytest.fixture
def pages(two_sites):
    a, b = two_sites
    return (
        add_page(a.home, IndicatorsPage(title="Các chỉ số", slug="cac-chi-so")),
        add_page(b.home, IndicatorsPage(title="Các chỉ số", slug="cac-chi-so")),
    )


def render_widget(value, host="a.gialai.gov.vn", language="vi"):
    request = RequestFactory().get("/", HTTP_HOST=host)
    block = IndicatorsWidgetBlock()
    with translation.override(language):
        return block.render(block.to_python(value), context={"request": request})


def svg_charts(html):
    """Every inline <svg> of the page, parsed as XML (fails if one is not well-formed)."""
    charts = []
    start = html.find("<svg")
    while start != -1:
        end = html.index("</svg>", start) + len("</svg>")
        charts.append(ET.fromstring(html[start:end]))
        start = html.find("<svg", end)
    return charts


def test_page_lists_indicators_with_accessible_chart_and_table(client, two_sites, pages):
    a, _ = two_sites
    year = last_year()
    make_indicator(
        a.site,
        values=[(str(year - 2), "7.9", 14, 34), (str(year - 1), "6.9", 13, 34), (str(year), "5.8", 12, 34)],
        higher_is_better=False,
        group="socio-economic",
    )
    html = client.get(url_of(pages[0]), **HOST_A).content.decode()
    assert "Tỷ lệ hộ nghèo" in html and "5,8" in html
    assert f"giảm 1,1 so với {year - 1}" in html
    assert "12/34" in html
    (chart,) = svg_charts(html)
    assert chart.get("role") == "img"
    title, desc = chart.find(f"{SVG}title"), chart.find(f"{SVG}desc")
    assert "Tỷ lệ hộ nghèo" in title.text and "5,8" in desc.text
    assert chart.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert len(chart.findall(f".//{SVG}rect")) == 3
    # The data table alternative: caption, column and row headers, every value.
    assert '<caption id="indicator-' in html and '<th scope="col">' in html
    # The wide table scrolls inside a focusable region named by its caption, not the page.
    assert 'class="table-scroll" tabindex="0" role="region" aria-labelledby="indicator-' in html
    for text in (f'<th scope="row">{year - 2}</th>', "7,9", "6,9"):
        assert text in html
    assert "<script" not in html.split("<main", 1)[1].split("</main>", 1)[0]


def test_page_formats_numbers_for_english_readers(client, two_sites, pages):
    a, _ = two_sites
    from core.demo import translate_page

    translate_page(a.home, en(), title="Home")
    translate_page(pages[0], en(), title="Indicators")
    indicator = make_indicator(
        a.site, code="dan-so", name="Dân số", unit="người", decimal_places=0, values=[(str(last_year()), "15820.4")]
    )
    translated = indicator.copy_for_translation(en())
    translated.name, translated.unit = "Population", "people"
    translated.save()
    html = client.get("/en/cac-chi-so/", **HOST_A).content.decode()
    assert "Population" in html and "15,820" in html and "15.820" not in html
    assert "Dân số" not in html
    vi_html = client.get(url_of(pages[0]), **HOST_A).content.decode()
    assert "Dân số" in vi_html and "15.820" in vi_html


def test_translating_an_indicator_shares_its_observations(two_sites):
    a, _ = two_sites
    indicator = make_indicator(a.site, values=[("2024", "6.9"), ("2025", "5.8")])
    translated = indicator.copy_for_translation(en())
    translated.name = "Poverty rate"
    translated.save()
    assert Observation.objects.count() == 2  # nothing copied
    Observation.objects.filter(indicator=indicator, period_start=datetime.date(2025, 1, 1)).update(value=Decimal("5.5"))
    from indicators.display import summaries

    (summary,) = summaries(a.site, en())
    assert summary.indicator.name == "Poverty rate"
    assert summary.latest.observation.value == Decimal("5.5")


def test_other_sites_indicators_never_show(client, two_sites, pages):
    a, b = two_sites
    make_indicator(a.site, name="Chỉ số của xã A", values=[("2025", "1")])
    make_indicator(b.site, name="Chỉ số của xã B", values=[("2025", "2")])
    html_a = client.get(url_of(pages[0]), **HOST_A).content.decode()
    assert "Chỉ số của xã A" in html_a and "Chỉ số của xã B" not in html_a
    widget_b = render_widget({}, host="b.gialai.gov.vn")
    assert "Chỉ số của xã B" in widget_b and "Chỉ số của xã A" not in widget_b
    # Choosing another site's indicator in the widget does not leak it either.
    other = Indicator.objects.get(name="Chỉ số của xã A")
    assert "Chỉ số của xã A" not in render_widget({"indicators": [other.pk]}, host="b.gialai.gov.vn")


def test_fallbacks_no_observations_empty_widget_and_missing_latest_period(client, two_sites, pages):
    a, b = two_sites
    html = client.get(url_of(pages[0]), **HOST_A).content.decode()
    assert "Không có dữ liệu" in html  # no indicator at all
    assert "Không có dữ liệu" in render_widget({})
    make_indicator(a.site, code="moi", name="Chỉ số mới")
    old = last_year() - 2
    make_indicator(a.site, code="thu-nhap", name="Thu nhập", values=[(str(old - 1), "30"), (str(old), "33.4")])
    html = client.get(url_of(pages[0]), **HOST_A).content.decode()
    section = html.split("Chỉ số mới", 1)[1].split("</article>", 1)[0]
    assert "Không có dữ liệu" in section and 'role="img"' not in section  # no chart (the no-data icon is an SVG)
    assert f"số liệu gần nhất: {old}" in html and "33,4" in html
    widget = render_widget({})
    assert "Chỉ số mới" in widget and "Không có dữ liệu" in widget
    assert f"số liệu gần nhất: {old}" in widget
    assert [i.code for i in Indicator.objects.out_of_date()] == ["moi", "thu-nhap"]


def test_widget_shows_value_change_rank_and_follows_edits(two_sites):
    a, _ = two_sites
    year = last_year()
    indicator = make_indicator(
        a.site, code="dvc", name="Tỷ lệ hồ sơ trực tuyến", values=[(str(year - 1), "40.5"), (str(year), "42.6", 12, 34)]
    )
    make_indicator(a.site, code="khac", name="Chỉ số khác", group="socio-economic", values=[(str(year), "1")])
    html = render_widget({"indicators": [indicator.pk], "count": 4})
    assert "42,6" in html and f"tăng 2,1 so với {year - 1}" in html and "12/34" in html and "▲" in html
    assert "Chỉ số khác" not in html
    assert "42.6" in render_widget({"indicators": [indicator.pk]}, language="en")
    assert "Chỉ số khác" in render_widget({"group": "socio-economic"})
    assert "Tỷ lệ hồ sơ trực tuyến" not in render_widget({"group": "socio-economic"})
    assert render_widget({"count": 1}).count("<li class") == 1
    # Cached, but a new observation (saved like any edit) shows at once.
    observation = indicator.observations.get(period_start__year=year)
    observation.value = Decimal("45")
    observation.save()
    assert "45,0" in render_widget({"indicators": [indicator.pk], "count": 4})
    indicator.delete()
    assert "Tỷ lệ hồ sơ trực tuyến" not in render_widget({})


def fill(site, indicators, observations):
    for number in range(indicators):
        make_indicator(
            site,
            code=f"chi-so-{number}",
            name=f"Chỉ số {number}",
            group=["administrative-reform", "socio-economic"][number % 2],
            values=[(str(2000 + year), number + year, 3, 34) for year in range(observations)],
        )


def test_indicators_page_renders_in_constant_queries(client, two_sites, pages, django_assert_num_queries):
    a, b = two_sites
    fill(a.site, 3, 2)
    fill(b.site, 30, 20)
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core.cache import process_cache

    def cold_get(page, host):
        cache.clear()
        process_cache.clear()
        return client.get(url_of(page), HTTP_HOST=host)

    with CaptureQueriesContext(connection) as small:
        cold_get(pages[0], "a.gialai.gov.vn")
    with django_assert_num_queries(len(small.captured_queries)):
        response = cold_get(pages[1], "b.gialai.gov.vn")
    charts = svg_charts(response.content.decode())
    assert len(charts) == 30 and all(len(chart.findall(f".//{SVG}rect")) == 20 for chart in charts)
    assert len(small.captured_queries) <= 40, len(small.captured_queries)  # measured: 33, most for the chrome
    # Warm, the page is served from its cached fragment and route: no query at all.
    url = url_of(pages[1])
    with django_assert_num_queries(0):
        client.get(url, HTTP_HOST="b.gialai.gov.vn")


def test_cached_indicators_page_follows_new_data(client, two_sites, pages):
    a, _ = two_sites
    indicator = make_indicator(a.site, values=[(str(last_year()), "5.8")])
    assert "5,8" in client.get(url_of(pages[0]), **HOST_A).content.decode()
    observation = indicator.observations.get()
    observation.value = Decimal("4.2")
    observation.save()
    html = client.get(url_of(pages[0]), **HOST_A).content.decode()
    assert "4,2" in html and "5,8" not in html
