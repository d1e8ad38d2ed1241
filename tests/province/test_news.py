"""News from all communes: only what a reader may see on the communes' own sites, per channel (the list,
its RSS feed, the directory), labelled with its commune, filtered, paginated, in constant queries."""

import datetime

import feedparser
import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from news.models import NewsPage
from tests.factories.news import make_article, make_category, make_many_articles
from tests.province.conftest import count_queries, make_communes

pytestmark = pytest.mark.django_db

HIDDEN = ["Bản nháp", "Tin riêng tư", "Tin hết hạn", "Tin của xã chưa xuất bản"]


@pytest.fixture
def leaky(province):
    """Two communes with public articles, and every kind of article no reader may see."""
    (ia_ko, index), (ia_pal, _) = make_communes(2, 1, names=["Ia Ko", "Ia Pal"])
    make_article(index, "Bản nháp", publish=False)
    private = make_article(index, "Tin riêng tư")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    expired = make_article(index, "Tin hết hạn")
    NewsPage.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    ((hidden_commune, hidden_index),) = make_communes(1, 0, names=["Ia Rsai"], start=2)
    make_article(hidden_index, "Tin của xã chưa xuất bản")
    hidden_commune.home.unpublish()
    return ia_ko, ia_pal


def body(response):
    return response.content.decode()


def test_lists_the_articles_of_every_commune_labelled_with_it(leaky, get):
    response = get("/tin-tuc/")
    assert response.status_code == 200
    html = body(response)
    assert "Tin 0 của Ia Ko" in html and "Tin 0 của Ia Pal" in html
    assert html.count('class="province-news__commune">Cổng thông tin điện tử Ia Ko<') == 1
    assert html.count('class="province-news__commune">Cổng thông tin điện tử Ia Pal<') == 1
    assert 'href="http://xa0.gialai.gov.vn/tin-tuc/' in html and 'href="http://xa1.gialai.gov.vn/tin-tuc/' in html


@pytest.mark.parametrize("title", HIDDEN)
def test_nothing_hidden_appears_in_the_list(leaky, get, title):
    assert title not in body(get("/tin-tuc/"))


@pytest.mark.parametrize("feed", ["rss", "atom"])
@pytest.mark.parametrize("title", HIDDEN)
def test_nothing_hidden_appears_in_the_feeds(leaky, get, title, feed):
    response = get(f"/tin-tuc/{feed}/")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    titles = [entry.title for entry in feed.entries]
    assert titles and title not in titles
    assert {"Tin 0 của Ia Ko", "Tin 0 của Ia Pal"} <= set(titles)


def test_the_feed_links_articles_on_their_communes_sites(leaky, get):
    feed = feedparser.parse(get("/tin-tuc/rss/").content)
    links = {entry.title: entry.link for entry in feed.entries}
    assert links["Tin 0 của Ia Ko"].startswith("http://xa0.gialai.gov.vn/tin-tuc/")
    assert feed.feed.link == "http://tinh.gialai.gov.vn/"


def test_the_directory_leaves_out_the_unpublished_commune(leaky, get):
    html = body(get("/"))
    assert "Ia Ko" in html and "Ia Rsai" not in html


def test_filter_by_commune_slug_or_site_id(leaky, get):
    ia_ko, ia_pal = leaky
    for value in (ia_pal.home.slug, str(ia_pal.site.pk)):
        html = body(get("/tin-tuc/", data={"xa": value}))
        assert "Tin 0 của Ia Pal" in html and "Tin 0 của Ia Ko" not in html


def test_filter_by_category_name_across_communes(leaky, get):
    ia_ko, ia_pal = leaky
    index = ia_pal.home.get_children().get(slug="tin-tuc").specific
    make_article(index, "Tin chuyển đổi số", categories=[make_category(ia_pal.site, "cds", "Chuyển đổi số")])
    html = body(get("/tin-tuc/", data={"category": "Chuyển đổi số"}))
    assert "Tin chuyển đổi số" in html and "Tin 0 của Ia Ko" not in html
    both = body(get("/tin-tuc/", data={"category": "Kinh tế"}))
    assert "Tin 0 của Ia Ko" in both and "Tin 0 của Ia Pal" in both and "Tin chuyển đổi số" not in both


@pytest.mark.parametrize(
    "query", ["xa=junk", "category=Kh%C3%B4ng+c%C3%B3", "xa=" + "9" * 40, "xa=xa-2"]
)  # xa-2 is the unpublished commune
def test_unknown_filters_show_no_data(leaky, get, query):
    response = get("/tin-tuc/?" + query)
    assert response.status_code == 200
    html = body(response)
    assert "Không có dữ liệu" in html and "Tin 0 của Ia Ko" not in html and "Tin của xã chưa xuất bản" not in html


@pytest.mark.parametrize("query", ["page=abc", "page=99999", "page=-1", "page=", "page=1e9", "xa=&category="])
def test_bad_page_numbers_give_a_page_not_an_error(leaky, get, query):
    response = get("/tin-tuc/?" + query)
    assert response.status_code == 200
    assert "Tin 0 của Ia Ko" in body(response)


def test_a_nul_byte_is_refused_not_a_server_error(leaky, get):
    assert get("/tin-tuc/?xa=%00").status_code == 400
    assert get("/tin-tuc/?page=1%00").status_code == 400


def test_pages_of_twenty(province, get):
    ((_, index),) = make_communes(1, 0, names=["Ia Ko"])
    make_many_articles(index, 25)
    first, second = body(get("/tin-tuc/")), body(get("/tin-tuc/?page=2"))
    assert first.count('class="province-news__item"') == 20
    assert second.count('class="province-news__item"') == 5
    assert 'rel="next"' in first and 'rel="prev"' in second


def test_an_empty_province_shows_no_data(province, get):
    assert "Không có dữ liệu" in body(get("/tin-tuc/"))
    assert get("/tin-tuc/rss/").status_code == 200


@pytest.mark.parametrize("path", ["/tin-tuc/", "/tin-tuc/rss/", "/tin-tuc/?category=Kinh+t%E1%BA%BF"])
def test_queries_do_not_grow_with_communes_or_articles(province, get, path):
    make_communes(2, 3)
    small = count_queries(get, path)
    for _commune, index in make_communes(2, 3, start=2):
        make_many_articles(index, 9)
    large = count_queries(get, path)
    assert small[0] == large[0] == 200
    assert small[1] == large[1], (small, large)
    print(path, "queries", small, large)


def test_lists_the_newest_thousand_and_says_so_a_commune_filter_reaches_older_ones(province, get, monkeypatch):
    import province.models

    monkeypatch.setattr(province.models, "MAX_NEWS", 30)  # the cap is 1,000: 30 here keeps the test short
    ((ko, ko_index), (_pal, pal_index)) = make_communes(2, 0, names=["Ia Ko", "Ia Pal"])
    make_many_articles(ko_index, 25)
    make_many_articles(pal_index, 10)
    first, last = body(get("/tin-tuc/")), body(get("/tin-tuc/?page=2"))
    assert "Chỉ hiển thị 30 tin mới nhất" in first
    assert last.count('class="province-news__item"') == 10  # 30 listed, in pages of twenty
    assert 'rel="next"' not in last
    assert body(get("/tin-tuc/?page=3")).count('class="province-news__item"') == 10  # past the end: the last page
    one_commune = body(get(f"/tin-tuc/?xa={ko.site.pk}"))
    assert "Chỉ hiển thị" not in one_commune and 'rel="next"' in one_commune
