"""Ranks computed from the communes' own data (indicators.ranks) and shown on a commune's indicators page."""

import pytest
from wagtail.models import PageViewRestriction

from indicators.models import IndicatorsPage
from indicators.ranks import commune_site_ids, rank_values, shared_indicators
from tests.factories.core import add_page, make_commune, url_of, vi
from tests.factories.indicators import make_indicator

pytestmark = pytest.mark.django_db


def test_competition_ranks_honour_the_direction_and_share_ties():
    assert rank_values([90, 90, 80]) == [1, 1, 3]
    assert rank_values([5, 3, 7], higher_is_better=False) == [2, 1, 3]
    assert rank_values([2, 2, 2]) == [1, 1, 1]


@pytest.fixture
def three(db):
    return [make_commune(f"xa-{n}", f"x{n}.gialai.gov.vn", default=n == 0, name=f"Xã {n}") for n in range(3)]


def test_shared_indicators_rank_the_latest_common_period(three, django_assert_num_queries):
    a, b, c = three
    make_indicator(a.site, "dvc", "Hồ sơ", [("2024", "10"), ("2025", "50")])
    make_indicator(b.site, "dvc", "Hồ sơ", [("2025", "70")])
    make_indicator(c.site, "dvc", "Hồ sơ", [("2026", "99")])  # newer, but alone in its period: not ranked
    make_indicator(a.site, "rieng", "Riêng", [("2025", "1")])
    site_ids, locale = [commune.site.pk for commune in three], vi()
    with django_assert_num_queries(2):
        shared = shared_indicators(site_ids, locale)
    assert list(shared) == ["dvc"]
    entries = shared["dvc"].entries
    assert (entries[b.site.pk].rank, entries[b.site.pk].rank_of, entries[a.site.pk].rank) == (1, 2, 2)
    assert entries[c.site.pk].rank is None and entries[c.site.pk].rank_text == ""
    assert entries[a.site.pk].previous.value == 10 and entries[b.site.pk].previous is None
    assert shared["dvc"].period[1].year == 2025 and shared["dvc"].ranked_count == 2
    assert entries[a.site.pk].summary().change["direction"] == "up"
    with django_assert_num_queries(1):
        assert shared_indicators(site_ids, locale, with_values=False)["dvc"].site_count == 3


def test_only_visible_communes_are_ranked(three):
    a, b, c = three
    b.home.unpublish()
    PageViewRestriction.objects.create(page=c.home, restriction_type="password", password="x")
    assert list(commune_site_ids(vi()).values_list("pk", flat=True)) == [a.site.pk]


def commune_page(commune):
    return add_page(commune.home, IndicatorsPage(title="Các chỉ số", slug="cac-chi-so"))


def test_the_communes_page_shows_the_computed_rank_not_the_typed_one(client, three):
    a, b, c = three
    page = commune_page(a)
    make_indicator(a.site, "ho-ngheo", values=[("2025", "5.8", 12, 34)], higher_is_better=False)
    make_indicator(b.site, "ho-ngheo", values=[("2025", "4.1", 3, 34)], higher_is_better=False)
    make_indicator(c.site, "ho-ngheo", values=[("2025", "1.0", 1, 34)], higher_is_better=False)
    make_indicator(a.site, "rieng", "Chỉ số riêng", values=[("2025", "7", 5, 20)])
    html = client.get(url_of(page), HTTP_HOST=a.site.hostname).content.decode()
    assert "Xếp hạng 3/3" in html and "Xếp hạng 12/34" not in html
    assert "Xếp hạng 5/20" in html  # a code no other commune has: the typed rank, as before
    # Another commune's new figure reaches this commune's cached page at once: its rank depends on it.
    from indicators.models import Observation

    observation = Observation.objects.get(indicator__site=c.site, indicator__code="ho-ngheo")
    observation.value = "9.0"
    observation.save()
    html = client.get(url_of(page), HTTP_HOST=a.site.hostname).content.decode()
    assert "Xếp hạng 2/3" in html and "Xếp hạng 3/3" not in html

    # Hiding a commune (unpublished or private home) takes its figure out of its sisters' ranks, and showing it
    # again puts it back: their cached pages follow at once.
    def rank_on_a():
        html = client.get(url_of(page), HTTP_HOST=a.site.hostname).content.decode()
        return next(part.split("<", 1)[0] for part in html.split("Xếp hạng ")[1:] if "/" in part.split("<", 1)[0])

    c.home.unpublish()
    assert rank_on_a() == "2/2"
    c.home.save_revision().publish()
    assert rank_on_a() == "2/3"
    restriction = PageViewRestriction.objects.create(page=c.home, restriction_type="password", password="x")
    assert rank_on_a() == "2/2"
    restriction.delete()
    assert rank_on_a() == "2/3"


def test_another_period_keeps_the_typed_rank(client, three):
    a, b, _ = three
    page = commune_page(a)
    make_indicator(a.site, "ho-ngheo", values=[("2024", "5.8", 12, 34)])
    make_indicator(b.site, "ho-ngheo", values=[("2025", "4.1")])
    html = client.get(url_of(page), HTTP_HOST=a.site.hostname).content.decode()
    assert "Xếp hạng 12/34" in html
