import xml.etree.ElementTree as ET

import pytest
from wagtail.models import PageViewRestriction

from sitemap.models import SitemapPage
from tests.factories.core import add_page, en, url_of
from tests.factories.news import make_article, make_index

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def translate(page, title):
    translated = page.copy_for_translation(en(), copy_parents=True)
    translated.title = title
    translated.save_revision().publish()
    return translated


def sitemap(client, host="a.gialai.gov.vn"):
    response = client.get("/sitemap.xml", HTTP_HOST=host)
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        url.find("s:loc", NS).text: {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
        for url in root.findall("s:url", NS)
    }


@pytest.fixture
def translated_site(two_sites):
    commune_a, commune_b = two_sites
    translate(commune_a.home, "Home")
    index = make_index(commune_a.home)
    article = make_article(index, "Bài đã dịch")
    translate(index, "News")
    translate(article, "Translated article")
    make_article(index, "Chỉ tiếng Việt")
    make_article(index, "Bản nháp", publish=False)
    private = make_article(index, "Riêng tư")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    make_article(make_index(commune_b.home), "Xã khác")
    return commune_a, index, article


def test_sitemap_lists_every_locale_with_hreflang_alternates(client, translated_site):
    _, index, article = translated_site
    urls = sitemap(client)
    vi_article = f"http://a.gialai.gov.vn/tin-tuc/{article.slug}/"
    en_article = f"http://a.gialai.gov.vn/en/tin-tuc/{article.slug}/"
    assert vi_article in urls and en_article in urls
    expected = {"vi": vi_article, "en": en_article, "x-default": vi_article}
    assert urls[vi_article] == expected and urls[en_article] == expected
    assert urls["http://a.gialai.gov.vn/en/"]["vi"] == "http://a.gialai.gov.vn/"
    # Untranslated pages have no alternates; drafts, private pages and the other site are absent.
    only_vi = [loc for loc in urls if "bai-viet" in loc and not urls[loc]]
    assert len(only_vi) == 1
    assert len([loc for loc in urls if "bai-viet" in loc]) == 3
    assert all(loc.startswith("http://a.gialai.gov.vn/") for loc in urls)


def test_other_site_sitemap(client, translated_site):
    urls = sitemap(client, host="b.gialai.gov.vn")
    assert len(urls) == 3 and all(loc.startswith("http://b.gialai.gov.vn/") for loc in urls)


def test_html_sitemap_lists_sections_in_the_readers_locale(client, translated_site):
    commune_a, index, _ = translated_site
    page = add_page(commune_a.home, SitemapPage(title="Sơ đồ cổng", slug="so-do-cong"))
    make_index(index, slug="kinh-te", title="Kinh tế")
    html = client.get(url_of(page), HTTP_HOST="a.gialai.gov.vn").content.decode()
    assert "Tin tức - Sự kiện" in html and "Kinh tế" in html and "Trang chủ" in html
    assert "Bài đã dịch" not in html  # articles are in the XML sitemap, not the map
    english = translate(page, "Site map")
    html = client.get(url_of(english), HTTP_HOST="a.gialai.gov.vn").content.decode()
    assert ">News<" in html and "Tin tức - Sự kiện" not in html


def test_demo_sitemap_pages_and_xml_render(client, demo):
    for commune in (commune for commune in demo.values() if not commune.generated):  # generated: no site map
        page = SitemapPage.objects.descendant_of(commune.home).get()
        assert page.show_in_menus
        host = commune.site.hostname
        html = client.get(url_of(page), HTTP_HOST=host).content.decode()
        assert "Tin tức - Sự kiện" in html
        english = page.get_translation(en())
        assert client.get(url_of(english), HTTP_HOST=host).status_code == 200
        urls = sitemap(client, host=host)
        assert any(alternates.get("en") for alternates in urls.values())
