"""Featured and latest news widgets: content, every fallback, sites, locales, cache invalidation."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.factories.core import en, url_of
from tests.factories.home import add_article, add_section, pin, publish_changes, set_home_body

pytestmark = pytest.mark.django_db

A = "a.gialai.gov.vn"
B = "b.gialai.gov.vn"
NO_DATA = "Không có dữ liệu"


def widget(html, css_class):
    """The HTML of the first widget with that class (up to its closing </section>)."""
    start = html.index(f"widget--{css_class}")
    return html[start : html.index("</section>", start)]


def home_html(client, host=A, path="/"):
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def news_a(two_sites):
    commune_a, commune_b = two_sites
    section = add_section(commune_a.home)
    articles = [add_article(section, f"Bài số {n}", days_ago=n) for n in range(6)]  # Bài số 0 = newest
    return commune_a, commune_b, section, articles


# --- featured news -------------------------------------------------------------------------------------


def test_featured_news_shows_pins_first_then_the_newest(client, news_a):
    commune_a, _, _, articles = news_a
    pin(commune_a.home, articles[5], articles[3])
    set_home_body(commune_a.home, [("featured_news", {"count": 4})])
    box = widget(home_html(client), "featured-news")
    assert "<h2" in box and "Tin nổi bật" in box
    order = [box.index(f"Bài số {n}<") for n in (5, 3, 0, 1)]
    assert order == sorted(order)
    assert "Bài số 2" not in box and NO_DATA not in box


def test_featured_news_ignores_pins_past_their_date(client, news_a):
    commune_a, _, _, articles = news_a
    pin(commune_a.home, articles[5], until=timezone.localdate() - datetime.timedelta(days=1))
    pin(commune_a.home, articles[4], until=timezone.localdate())  # "until" includes the day itself
    set_home_body(commune_a.home, [("featured_news", {"count": 2})])
    box = widget(home_html(client), "featured-news")
    assert "Bài số 4" in box and "Bài số 0" in box and "Bài số 5" not in box


def test_featured_news_never_shows_draft_private_expired_or_other_site_articles(client, news_a):
    commune_a, commune_b, section, articles = news_a
    draft = add_article(section, "Bản nháp", live=False)
    private = add_article(section, "Bài nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    expired = add_article(section, "Bài hết hạn")
    expired.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    expired.save(update_fields=["expire_at"])
    other = add_article(add_section(commune_b.home), "Bài của xã B")
    pin(commune_a.home, draft, private, expired, other)
    set_home_body(commune_a.home, [("featured_news", {"count": 10})])
    box = widget(home_html(client), "featured-news")
    for title in ["Bản nháp", "Bài nội bộ", "Bài hết hạn", "Bài của xã B"]:
        assert title not in box
    assert all(f"Bài số {n}" in box for n in range(6))


def test_featured_news_shows_no_data_without_articles(client, two_sites):
    commune_a, _ = two_sites
    set_home_body(commune_a.home, [("featured_news", {"count": 4})])
    box = widget(home_html(client), "featured-news")
    assert "Tin nổi bật" in box and NO_DATA in box and "<ul" not in box and "<img" not in box


def test_featured_news_falls_back_when_the_pinned_article_is_unpublished_or_deleted(client, news_a):
    commune_a, _, _, articles = news_a
    pin(commune_a.home, articles[5])
    set_home_body(commune_a.home, [("featured_news", {"count": 1})])
    assert "Bài số 5" in widget(home_html(client), "featured-news")
    articles[5].unpublish()
    box = widget(home_html(client), "featured-news")
    assert "Bài số 5" not in box and "Bài số 0" in box
    for article in articles:
        article.delete()
    assert NO_DATA in widget(home_html(client), "featured-news")


def test_editor_title_overrides_the_translated_one(client, news_a):
    commune_a, *_ = news_a
    set_home_body(commune_a.home, [("featured_news", {"title": "Tiêu điểm", "count": 2})])
    box = widget(home_html(client), "featured-news")
    assert "Tiêu điểm" in box and "Tin nổi bật" not in box


# --- latest news ---------------------------------------------------------------------------------------


def test_latest_news_shows_only_the_chosen_sections_newest_first(client, news_a):
    commune_a, _, section, _ = news_a
    other_section = add_section(commune_a.home, slug="thong-bao", title="Thông báo")
    add_article(other_section, "Thông báo mới", days_ago=0)
    set_home_body(commune_a.home, [("latest_news", {"sections": [section.id], "count": 3})])
    box = widget(home_html(client), "latest-news")
    assert "Tin mới" in box
    positions = [box.index(f"Bài số {n}<") for n in range(3)]
    assert positions == sorted(positions)
    assert "Bài số 3" not in box and "Thông báo mới" not in box
    assert f'href="{url_of(section)}"' in box  # "more" link to the single chosen section


def test_latest_news_without_sections_covers_the_whole_site_only(client, news_a):
    commune_a, commune_b, _, _ = news_a
    add_article(add_section(commune_a.home, slug="thong-bao"), "Thông báo mới")
    add_article(add_section(commune_b.home), "Bài của xã B")
    set_home_body(commune_a.home, [("latest_news", {"sections": [], "count": 10})])
    box = widget(home_html(client), "latest-news")
    assert "Thông báo mới" in box and "Bài số 5" in box and "Bài của xã B" not in box


@pytest.mark.parametrize("fate", ["unpublished", "deleted", "other site"])
def test_latest_news_shows_no_data_when_the_chosen_section_is_gone(client, news_a, fate):
    commune_a, commune_b, section, _ = news_a
    chosen = section
    if fate == "other site":
        chosen = add_section(commune_b.home)
        add_article(chosen, "Bài của xã B")
    set_home_body(commune_a.home, [("latest_news", {"sections": [chosen.id], "count": 3})])
    if fate == "unpublished":
        section.unpublish()
    elif fate == "deleted":
        section.delete()
    box = widget(home_html(client), "latest-news")
    assert NO_DATA in box and "<ul" not in box and "Bài" not in box


# --- per site and per locale ---------------------------------------------------------------------------


def test_each_site_shows_only_its_own_articles(client, news_a):
    commune_a, commune_b, _, _ = news_a
    add_article(add_section(commune_b.home), "Bài của xã B")
    for commune in (commune_a, commune_b):
        set_home_body(commune.home, [("featured_news", {"count": 10}), ("latest_news", {"count": 10})])
    html_a, html_b = home_html(client, A), home_html(client, B)
    assert "Bài của xã B" not in html_a and "Bài số 0" in html_a
    assert "Bài của xã B" in html_b and "Bài số" not in html_b


def test_english_home_shows_english_articles_and_titles(client, news_a):
    commune_a, _, section, articles = news_a
    body = [("featured_news", {"count": 5}), ("latest_news", {"sections": [section.id], "count": 5})]
    pin(commune_a.home, articles[5])
    set_home_body(commune_a.home, body)
    en_home = commune_a.home.copy_for_translation(en())
    publish_changes(en_home)
    en_section = section.copy_for_translation(en())
    publish_changes(en_section)
    en_article = articles[5].copy_for_translation(en())
    en_article.title = "Article five in English"
    publish_changes(en_article)
    html = home_html(client, A, "/en/")
    featured, latest = widget(html, "featured-news"), widget(html, "latest-news")
    assert "Featured news" in featured and "Latest news" in latest
    assert "Article five in English" in featured and "Article five in English" in latest
    assert "Bài số" not in html  # never the Vietnamese articles on the English page
    vi_html = home_html(client, A, "/")
    assert "Article five in English" not in vi_html and "Tin nổi bật" in vi_html


# --- cache invalidation --------------------------------------------------------------------------------


def test_publish_and_unpublish_show_on_the_next_request_on_every_page_showing_them(client, news_a):
    from tests.factories.home import set_sidebar

    commune_a, _, section, articles = news_a
    set_home_body(commune_a.home, [("featured_news", {"count": 3}), ("latest_news", {"count": 3})])
    set_sidebar(commune_a.site, [("latest_news", {"count": 3})])
    article_url = url_of(articles[3])
    home_html(client), home_html(client, A, article_url)  # warm every cache
    fresh = add_article(section, "Tin vừa đăng")
    assert home_html(client).count("Tin vừa đăng") == 3  # featured, latest, sidebar
    assert "Tin vừa đăng" in widget(home_html(client, A, article_url), "latest-news")
    fresh.unpublish()
    assert "Tin vừa đăng" not in home_html(client)
    assert "Tin vừa đăng" not in home_html(client, A, article_url)


def test_publishing_on_one_site_leaves_the_other_sites_cache_alone(client, news_a):
    from core.cache import site_generation

    commune_a, commune_b, section, _ = news_a
    set_home_body(commune_b.home, [("featured_news", {"count": 3})])
    home_html(client, B)
    before = site_generation(commune_b.site.id)
    add_article(section, "Tin của xã A")
    assert site_generation(commune_b.site.id) == before
    assert "Tin của xã A" not in home_html(client, B)


def test_cached_widgets_skip_their_queries(client, news_a, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    commune_a, *_ = news_a
    set_home_body(commune_a.home, [("featured_news", {"count": 3}), ("latest_news", {"count": 3})])
    home_html(client)
    with CaptureQueriesContext(connection) as queries:
        home_html(client)
    assert not [q for q in queries.captured_queries if "news_newspage" in q["sql"]]
