"""Invalidation happens after the commit (PostgreSQL, real transactions, real Redis): a reader who renders
while a publish transaction is still open stores what it saw under the generation the commit retires, so
nothing stale is served after the commit; a CSV import bumps its site once, not once per row."""

import threading
from decimal import Decimal

import pytest
from django.db import connection, connections, transaction
from django.test import Client
from wagtail.models import PageViewRestriction

from core.cache import GENERATION_KEY
from indicators.csvio import Row, apply
from indicators.periods import parse_period
from tests.factories.core import url_of
from tests.factories.indicators import make_indicator
from tests.factories.news import make_article, make_index
from tests.production.cache_support import use_redis

# Real commits; serialized_rollback gives each test the tree root and locale migrations create.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("a reader on a second connection during an open write transaction needs PostgreSQL")


@pytest.fixture
def real_redis(production):
    use_redis(production)
    return production


def read_in_thread(path, host="a.gialai.gov.vn"):
    """GET path from another thread (its own database connection: it cannot see uncommitted rows)."""
    result = {}

    def run():
        try:
            response = Client().get(path, HTTP_HOST=host, HTTP_X_FORWARDED_PROTO="https")
            result["status"], result["body"] = response.status_code, response.content.decode()
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(60)
    return result


def test_a_render_during_an_open_publish_leaves_nothing_stale(postgresql, real_redis, two_sites, https_get):
    site_a, _ = two_sites
    index = make_index(site_a.home)
    article = make_article(index, "Tiêu đề cũ", lead="Tóm tắt của bài")
    old_url = url_of(article)
    for path in (old_url, url_of(index), "/"):  # warm: page copies, fragments, route snapshots
        https_get(path)

    with transaction.atomic():
        article.title, article.slug = "Tiêu đề mới", "tieu-de-moi"
        article.save_revision().publish()
        for path in (old_url, url_of(index), "/"):  # a reader in the middle of the publish: the old state
            during = read_in_thread(path)
            assert during["status"] == 200 and "Tiêu đề mới" not in during["body"]

    fresh = https_get("/tin-tuc/tieu-de-moi/")
    assert fresh.status_code == 200 and "Tiêu đề mới" in fresh.content.decode()
    moved = https_get(old_url)  # no stale route: Wagtail's redirect to the new slug, never the old copy
    assert moved.status_code == 301 and moved["Location"].endswith("/tin-tuc/tieu-de-moi/")
    for path in (url_of(index), "/"):  # no stale listing, widget or page copy
        body = https_get(path).content.decode()
        assert "Tiêu đề mới" in body and "Tiêu đề cũ" not in body


def test_a_page_made_private_is_refused_to_the_next_reader(postgresql, real_redis, two_sites, https_get):
    site_a, _ = two_sites
    index = make_index(site_a.home)
    article = make_article(index, "Thông báo nội bộ")
    url = url_of(article)
    https_get(url)
    assert https_get(url)["X-Page-Cache"] == "hit"
    with transaction.atomic():
        PageViewRestriction.objects.create(page=index, restriction_type="password", password="mat-khau")
        assert "Nội dung Thông báo nội bộ" in read_in_thread(url)["body"]  # not committed yet
    response = https_get(url)
    assert "Nội dung Thông báo nội bộ" not in response.content.decode()
    assert response.get("X-Page-Cache") != "hit"


def test_a_csv_import_bumps_its_site_once(real_redis, two_sites):
    from django.core.cache import cache

    site_a, site_b = two_sites
    indicator = make_indicator(site_a.site)
    key = GENERATION_KEY.format(site_id=site_a.site.id)
    other = GENERATION_KEY.format(site_id=site_b.site.id)
    cache.set(key, 100, None)
    cache.set(other, 500, None)
    rows = []
    for year in range(2000, 2030):
        kind, start = parse_period(str(year))
        rows.append(Row(1, indicator, kind, start, Decimal("1.5"), None, None, ""))
    with transaction.atomic():
        apply(rows)
        assert cache.get(key) == 100  # nothing before the commit
    assert cache.get(key) == 101  # 30 rows, one bump
    assert cache.get(other) == 500  # the other site untouched


def test_a_rolled_back_change_bumps_nothing(real_redis, two_sites):
    from django.core.cache import cache

    site_a, _ = two_sites
    key = GENERATION_KEY.format(site_id=site_a.site.id)
    cache.set(key, 100, None)
    with pytest.raises(RuntimeError), transaction.atomic():
        make_indicator(site_a.site, values=[("2025", 3)])
        raise RuntimeError
    assert cache.get(key) == 100
    make_indicator(site_a.site, code="khac")  # the next transaction registers its own bump
    assert cache.get(key) == 101


def test_an_import_also_bumps_once_each_commune_sharing_the_code_whose_rank_it_moves(real_redis, two_sites):
    from django.core.cache import cache

    from tests.factories.core import make_commune

    site_a, site_b = two_sites
    site_c = make_commune("xa-c", "c.gialai.gov.vn")
    indicator = make_indicator(site_a.site, code="chung")
    make_indicator(site_b.site, code="chung", values=[("2025", 2)])
    make_indicator(site_c.site, code="rieng", values=[("2025", 2)])
    keys = [GENERATION_KEY.format(site_id=commune.site.id) for commune in (site_a, site_b, site_c)]
    for key in keys:
        cache.set(key, 100, None)
    rows = [Row(1, indicator, *parse_period(str(year)), Decimal("1.5"), None, None, "") for year in range(2000, 2010)]
    with transaction.atomic():
        apply(rows)
        assert [cache.get(key) for key in keys] == [100, 100, 100]  # nothing before the commit
    assert [cache.get(key) for key in keys] == [101, 101, 100]  # own site and its sister, once each
