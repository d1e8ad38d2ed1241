import datetime

import feedparser
import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from news.models import NewsPage
from tests.factories.core import en
from tests.factories.news import make_article, make_category, make_index

pytestmark = pytest.mark.django_db


def parse(client, path, host="a.gialai.gov.vn"):
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


@pytest.fixture
def feeds_site(two_sites):
    commune_a, commune_b = two_sites
    index = make_index(commune_a.home)
    category = make_category(commune_a.site, "kinh-te", "Kinh tế")
    make_article(index, "Tin công khai mới", days_ago=0, categories=[category])
    make_article(index, "Tin công khai cũ", days_ago=3)
    make_article(index, "Bản nháp", publish=False)
    private = make_article(index, "Riêng tư")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    expired = make_article(index, "Hết hạn")
    NewsPage.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    make_article(make_index(commune_b.home), "Tin xã khác")
    return commune_a, index


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feed_lists_only_live_public_items_of_the_site(client, feeds_site, kind):
    feed = parse(client, f"/feeds/news/{kind}/")
    assert feed.version == ("rss20" if kind == "rss" else "atom10")
    assert [entry.title for entry in feed.entries] == ["Tin công khai mới", "Tin công khai cũ"]
    assert feed.entries[0].link.startswith("http://a.gialai.gov.vn/")
    assert feed.entries[0].summary.startswith("Tóm tắt")


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_category_feed(client, feeds_site, kind):
    feed = parse(client, f"/feeds/news/kinh-te/{kind}/")
    assert [entry.title for entry in feed.entries] == ["Tin công khai mới"]
    assert "Kinh tế" in feed.feed.title
    assert client.get("/feeds/news/khong-co/rss/", HTTP_HOST="a.gialai.gov.vn").status_code == 404


def test_other_site_feed_and_english_feed(client, feeds_site):
    assert [e.title for e in parse(client, "/feeds/news/rss/", host="b.gialai.gov.vn").entries] == ["Tin xã khác"]
    commune_a, index = feeds_site
    seed = NewsPage.objects.get(title="Tin công khai mới")
    english = seed.copy_for_translation(en(), copy_parents=True)
    english.title = "Public news"
    english.save_revision().publish()
    assert [e.title for e in parse(client, "/en/feeds/news/rss/").entries] == ["Public news"]


def test_index_page_links_the_feed(client, feeds_site):
    _, index = feeds_site
    html = client.get("/tin-tuc/", HTTP_HOST="a.gialai.gov.vn").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert '<link rel="alternate" type="application/atom+xml"' in html


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feed_links_come_from_the_sites_own_address_not_the_requests_host(client, feeds_site, kind):
    commune_a, _ = feeds_site
    root = commune_a.site.root_url  # the default site answers a stray name under the wildcard
    feed = parse(client, f"/feeds/news/{kind}/", host="la.gialai.gov.vn")
    links = [feed.feed.link, *(entry.link for entry in feed.entries)]
    assert links and all(link.startswith(root + "/") for link in links), links
    assert not any("la.gialai.gov.vn" in link for link in links)
