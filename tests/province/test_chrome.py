"""The province site's chrome: its <head> advertises the province's feeds (not the empty site news feed) and
its main menu leads to the news of all communes."""

import feedparser
import lxml.html
import pytest

from tests.province.conftest import HOST, make_communes

pytestmark = pytest.mark.django_db


def tree_of(get, path):
    response = get(path)
    assert response.status_code == 200
    return lxml.html.fromstring(response.content.decode())


def test_head_advertises_the_province_feeds_which_list_the_communes_articles(province, get, client):
    make_communes(1, 2, names=["Ia Ko"])
    for path in ("/", "/tin-tuc/"):
        feeds = tree_of(get, path).xpath("//head/link[@rel='alternate'][@type]/@href")
        assert feeds == [f"http://{HOST}/tin-tuc/rss/", f"http://{HOST}/tin-tuc/atom/"], path
    for href in feeds:
        parsed = feedparser.parse(client.get(href.removeprefix(f"http://{HOST}"), HTTP_HOST=HOST).content)
        assert not parsed.bozo and [entry.title for entry in parsed.entries] == ["Tin 0 của Ia Ko", "Tin 1 của Ia Ko"]


def test_main_menu_leads_to_the_news_of_all_communes_and_marks_it_current(province, get):
    links = tree_of(get, "/").xpath("//nav[@class='main-menu']//a")
    assert [(" ".join(a.text_content().split()), a.get("href")) for a in links[:2]] == [
        ("Trang chủ", "/"),
        ("Tin tức các xã", "/tin-tuc/"),
    ]
    current = tree_of(get, "/tin-tuc/").xpath("//nav[@class='main-menu']//a[@aria-current='page']/@href")
    assert current == ["/tin-tuc/"]


def test_the_province_offers_no_e_mail_subscription_its_communes_do(province, get, client):
    from django.urls import reverse

    make_communes(1, 1, names=["Ia Ko"])
    subscribe = reverse("subscriptions:subscribe")
    assert not tree_of(get, "/").xpath(f"//footer//a[@href='{subscribe}']")
    assert get(subscribe).status_code == 404
    commune = client.get("/", HTTP_HOST="xa0.gialai.gov.vn").content.decode()
    assert f'href="{subscribe}"' in commune
    assert client.get(subscribe, HTTP_HOST="xa0.gialai.gov.vn").status_code == 200


def test_main_menu_marks_indicators_current_on_each_indicator_comparison(province, get):
    from tests.factories.indicators import make_indicator

    for commune, _ in make_communes(2, 0, names=["Ia Ko", "Ia Pal"]):
        make_indicator(commune.site, "dan-so", "Dân số", [("2025", "9000")])
    menu = "//nav[@class='main-menu']//a[@aria-current]"
    assert [(a.get("href"), a.get("aria-current")) for a in tree_of(get, "/chi-so/").xpath(menu)] == [
        ("/chi-so/", "page")
    ]
    assert [(a.get("href"), a.get("aria-current")) for a in tree_of(get, "/chi-so/dan-so/").xpath(menu)] == [
        ("/chi-so/", "true")
    ]
