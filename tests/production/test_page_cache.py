"""The shared page cache: anonymous readers get stored copies without touching the database;
editors, previews and restricted pages never do; publishing refreshes a whole site at once."""

import re

import pytest
import redis
from wagtail.models import PageViewRestriction

from news.models import NewsIndexPage
from tests.factories.core import add_page, url_of
from tests.factories.home import add_article

pytestmark = pytest.mark.django_db


def html_classes(response):
    return set(re.search(r'<html [^>]*class="([^"]*)"', response.content.decode()).group(1).split())


@pytest.fixture
def section(two_sites):
    site_a, _ = two_sites
    return add_page(site_a.home, NewsIndexPage(title="Tin tức - Sự kiện", slug="tin-tuc", intro="Tin của xã A"))


def test_second_anonymous_request_is_served_from_cache_without_queries(
    production, section, https_get, django_assert_num_queries
):
    url = url_of(section)
    first = https_get(url)
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = https_get(url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Cache-Control"] == first["Cache-Control"]
    assert "Content-Security-Policy" in second and "Strict-Transport-Security" in second


def test_hits_cost_no_queries_whatever_the_site_size(production, section, https_get, django_assert_num_queries):
    for number in range(15):
        add_page(section, NewsIndexPage(title=f"Chuyên mục {number}", slug=f"chuyen-muc-{number}"))
    url = url_of(section)
    https_get(url)
    with django_assert_num_queries(0):
        assert https_get(url)["X-Page-Cache"] == "hit"


def test_copies_are_per_site_language_and_reader_preferences(production, two_sites, https_get, client):
    a = https_get("/", host="a.gialai.gov.vn")
    b = https_get("/", host="b.gialai.gov.vn")
    assert a["X-Page-Cache"] == b["X-Page-Cache"] == "miss"
    assert "xa-a" in a.content.decode() and "xa-b" in b.content.decode()
    client.cookies["a11y"] = "t150.hc"
    high_contrast = https_get("/", host="a.gialai.gov.vn")
    assert high_contrast["X-Page-Cache"] == "miss"
    assert {"text-150", "contrast-high"} <= html_classes(high_contrast)
    del client.cookies["a11y"]
    default = https_get("/", host="a.gialai.gov.vn")
    assert default["X-Page-Cache"] == "hit"
    assert "text-100" in html_classes(default) and "contrast-high" not in html_classes(default)


def test_logged_in_editors_are_never_served_or_stored(production, section, https_get, client, admin_user):
    https_get(url_of(section))  # an anonymous copy exists
    client.force_login(admin_user)
    for _ in range(2):
        response = https_get(url_of(section))
        assert response.status_code == 200
        assert response["X-Page-Cache"] == "bypass"
        assert "private" in response["Cache-Control"]


def test_previews_are_never_cached_or_leaked(production, section, https_get, client, admin_user):
    production.ACCOUNTS_2FA_ENFORCED = False  # the editor's second factor is tests/accounts' subject
    https_get(url_of(section))
    client.force_login(admin_user)
    preview_url = f"/admin/pages/{section.id}/edit/preview/"
    form = {
        "title": "BẢN NHÁP CHƯA DUYỆT",
        "slug": "tin-tuc",
        "intro": "",
        "per_page": "12",
        "show_sidebar": "on",
    }
    posted = client.post(preview_url, form, HTTP_HOST="a.gialai.gov.vn", HTTP_X_FORWARDED_PROTO="https")
    assert posted.json()["is_valid"] is True, posted.content
    preview = https_get(preview_url, mode="")
    assert "BẢN NHÁP CHƯA DUYỆT" in preview.content.decode()
    assert preview["X-Page-Cache"] == "bypass"
    client.logout()
    reader = https_get(url_of(section))
    assert "BẢN NHÁP CHƯA DUYỆT" not in reader.content.decode()


def test_pages_with_view_restrictions_are_not_stored(production, section, https_get):
    PageViewRestriction.objects.create(page=section, restriction_type="password", password="mat-khau")
    for _ in range(2):
        response = https_get(url_of(section))
        assert response.get("X-Page-Cache") != "hit"
        assert "Tin của xã A" not in response.content.decode()


def test_making_a_cached_page_private_drops_its_copy_at_once(production, section, https_get, client, admin_user):
    production.ACCOUNTS_2FA_ENFORCED = False  # the editor's second factor is tests/accounts' subject
    url = url_of(section)
    https_get(url)
    assert https_get(url)["X-Page-Cache"] == "hit"
    # The editor sets a password through the admin's privacy dialog (no publish involved).
    client.force_login(admin_user)
    response = client.post(
        f"/admin/pages/{section.id}/privacy/",
        {"restriction_type": "password", "password": "mat-khau-xa", "groups": []},
        HTTP_HOST="a.gialai.gov.vn",
        HTTP_X_FORWARDED_PROTO="https",
    )
    assert response.status_code == 200 and PageViewRestriction.objects.filter(page=section).exists()
    client.logout()
    reader = https_get(url)
    assert reader.get("X-Page-Cache") != "hit"
    assert "Tin của xã A" not in reader.content.decode()


def test_publishing_refreshes_every_page_of_the_site_only(production, two_sites, section, https_get):
    https_get("/", host="a.gialai.gov.vn")
    https_get("/", host="b.gialai.gov.vn")
    assert https_get(url_of(section))["X-Page-Cache"] == "miss"
    assert https_get(url_of(section))["X-Page-Cache"] == "hit"

    section.title = "Tin tức mới cập nhật"
    section.save_revision().publish()

    fresh = https_get(url_of(section))
    assert fresh["X-Page-Cache"] == "miss" and "Tin tức mới cập nhật" in fresh.content.decode()
    assert https_get("/", host="a.gialai.gov.vn")["X-Page-Cache"] == "miss"  # the rest of site A too
    assert https_get("/", host="b.gialai.gov.vn")["X-Page-Cache"] == "hit"  # site B untouched


def test_posts_and_admin_pages_bypass_the_cache(production, section, https_get, client):
    response = client.post(url_of(section), {}, HTTP_HOST="a.gialai.gov.vn", HTTP_X_FORWARDED_PROTO="https")
    assert response.get("X-Page-Cache") is None
    assert https_get("/admin/login/")["X-Page-Cache"] == "bypass"


def test_disabled_cache_serves_pages_uncached(production, section, https_get):
    production.PAGECACHE_ENABLED = False
    https_get(url_of(section))
    assert "X-Page-Cache" not in https_get(url_of(section))


def test_unknown_query_parameters_are_served_uncached(production, two_sites, https_get):
    site_a, _ = two_sites
    section = add_page(site_a.home, NewsIndexPage(title="Tin tức", slug="tin-tuc", per_page=1))
    add_article(section, "Bài một")
    add_article(section, "Bài hai")
    url = url_of(section)
    for _ in range(2):
        response = https_get(url + "?x=123")
        assert response.status_code == 200 and response["X-Page-Cache"] == "bypass"
    assert https_get(url + "?page=2")["X-Page-Cache"] == "miss"
    assert https_get(url + "?page=2")["X-Page-Cache"] == "hit"
    assert https_get(url + "?page=02&utm_source=zalo")["X-Page-Cache"] == "hit"  # the same state, spelt differently
    for junk in ("?page=3", "?page=abc", "?category=r123", "?tag=t1"):  # out of range, not a number, unknown
        assert https_get(url + junk)["X-Page-Cache"] == "bypass"


def redis_commands(server):
    """Commands the Redis server has run, by name (this test's own INFO calls left out)."""
    stats = server.info("commandstats")
    return {name.removeprefix("cmdstat_"): value["calls"] for name, value in stats.items() if name != "cmdstat_info"}


def test_a_hit_costs_one_redis_round_trip(site_on_own_redis, https_get):
    """The stored copy, the site's generation and the site list's version come back in one MGET: the
    round trips, not the work, were most of a hit's time."""
    assert https_get("/")["X-Page-Cache"] == "miss"
    assert https_get("/")["X-Page-Cache"] == "hit"
    server = redis.Redis(port=site_on_own_redis.port)
    before = redis_commands(server)
    for _ in range(5):
        assert https_get("/")["X-Page-Cache"] == "hit"
    after = redis_commands(server)
    used = {name: after[name] - before.get(name, 0) for name in after if after[name] != before.get(name, 0)}
    assert used == {"mget": 5}


def test_a_changed_site_list_is_noticed_on_the_next_hit(site_on_own_redis, two_sites, https_get):
    a, _b = two_sites
    assert https_get("/")["X-Page-Cache"] == "miss"
    assert https_get("/")["X-Page-Cache"] == "hit"
    a.site.site_name = "Xã A mới"
    a.site.save()  # a new site-list version, and every site's pages fresh
    assert https_get("/")["X-Page-Cache"] == "miss"
    assert https_get("/")["X-Page-Cache"] == "hit"
