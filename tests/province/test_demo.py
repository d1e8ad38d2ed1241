"""The demo's province hub (http://tinh.localhost:8000/): Gia Lai over Ia Ko, Ia Pal and three generated
communes (Đắk Pơ, Chư Sê, Kbang)."""

import feedparser
import lxml.html
import pytest

from province.demo import HOSTNAME, PORT
from province.models import ProvinceHomePage

pytestmark = pytest.mark.django_db

HOST = f"{HOSTNAME}:{PORT}"


def read(client, path):
    response = client.get(path, HTTP_HOST=HOST)
    assert response.status_code == 200, path
    return lxml.html.fromstring(response.content.decode())


PORTALS = [f"Cổng thông tin điện tử xã {name}" for name in ("Chư Sê", "Đắk Pơ", "Ia Ko", "Ia Pal", "Kbang")]


def test_the_province_home_lists_every_commune(demo_site, client):
    home = ProvinceHomePage.objects.get(locale__language_code="vi")
    assert home.depth == 2 and home.get_site().root_url == "http://tinh.localhost:8000"
    tree = read(client, "/")
    names = [" ".join(a.text_content().split()) for a in tree.xpath("//a[@class='province-commune__name']")]
    assert names == PORTALS
    links = tree.xpath("//a[@class='province-commune__name']/@href")
    assert links == [
        "http://chuse.localhost:8000/",
        "http://dakpo.localhost:8000/",
        "http://127.0.0.1:8000/",
        "http://localhost:8000/",
        "http://kbang.localhost:8000/",
    ]
    assert not tree.xpath("//*[contains(@class, 'no-data')]")
    assert tree.xpath("string(//h2[@id='province-directory-title'])") == "Các xã trong tỉnh"


def test_the_directory_finds_a_commune_typed_without_diacritics(demo_site, client):
    tree = read(client, "/?q=xa+ia+pal")
    names = [" ".join(a.text_content().split()) for a in tree.xpath("//a[@class='province-commune__name']")]
    assert names == ["Cổng thông tin điện tử xã Ia Pal"]


def test_the_directory_finds_a_generated_commune_typed_without_diacritics(demo_site, client):
    tree = read(client, "/?q=dak+po")
    names = [" ".join(a.text_content().split()) for a in tree.xpath("//a[@class='province-commune__name']")]
    assert names == ["Cổng thông tin điện tử xã Đắk Pơ"]


def test_the_province_news_lists_articles_of_every_commune(demo_site, client):
    tree = read(client, "/tin-tuc/")
    communes = {" ".join(node.text_content().split()) for node in tree.xpath("//*[@class='province-news__commune']")}
    assert communes == set(PORTALS)
    response = client.get("/tin-tuc/rss/", HTTP_HOST=HOST)
    feed = feedparser.parse(response.content)
    assert not feed.bozo and {tag.term for entry in feed.entries for tag in entry.tags} == communes


def test_the_english_province_home_lists_the_communes_english_homes(demo_site, client):
    tree = read(client, "/en/")
    links = tree.xpath("//a[@class='province-commune__name']/@href")
    assert links == [
        "http://chuse.localhost:8000/en/",
        "http://dakpo.localhost:8000/en/",
        "http://127.0.0.1:8000/en/",
        "http://localhost:8000/en/",
        "http://kbang.localhost:8000/en/",
    ]
    assert tree.xpath("string(//h2[@id='province-directory-title'])") == "Communes of the province"
    assert tree.xpath("string(/html/@lang)") == "en"
