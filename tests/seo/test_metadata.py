"""What search engines and share previews read on every page type, parsed with a real structured-data
parser (extruct): descriptions, Open Graph and Twitter tags, feeds, icons, canonical and schema.org JSON-LD."""

import extruct
import lxml.html
import pytest
from wagtail.models import Page

from tests.demo.test_demo_site import fetch, host_of, public_pages

pytestmark = pytest.mark.django_db

ROOT = "http://127.0.0.1:8000"


def metadata(client, commune, url, **headers):
    response = client.get(url, HTTP_HOST=headers.pop("host", host_of(commune)), **headers)
    assert response.status_code == 200, url
    html = response.content.decode()
    data = extruct.extract(html, base_url=commune.site.root_url, syntaxes=["json-ld", "opengraph"], uniform=True)
    tree = lxml.html.fromstring(html)
    return html, tree, data


def graph(data):
    return [item for block in data["json-ld"] for item in block.get("@graph", [block])]


def of_type(data, kind):
    return [item for item in graph(data) if item.get("@type") == kind]


def head(tree, xpath):
    return [node.get("content") or node.get("href") for node in tree.xpath(f"/html/head/{xpath}")]


def one_page_per_type(commune):
    chosen = {}
    for page in public_pages(commune):
        chosen.setdefault((type(page), page.locale.language_code), page)
    return list(chosen.values())


def test_every_page_type_in_both_languages_has_description_share_tags_feeds_icons_and_breadcrumbs(client, demo_site):
    commune = demo_site["ia-ko"]
    pages = one_page_per_type(commune)
    assert len(pages) >= 26  # 14+ page types, Vietnamese and English
    for page in pages:
        url = page.get_url(current_site=commune.site)
        _html, tree, data = metadata(client, commune, url)
        description = head(tree, "meta[@name='description']")
        assert len(description) == 1 and len(description[0]) > 40, url
        og = dict(data["opengraph"][0]) if data["opengraph"] else {}
        assert og.get("og:title") and og.get("og:description") == description[0], url
        assert og.get("og:url") == head(tree, "link[@rel='canonical']")[0] == ROOT + url
        assert og.get("og:image", "").startswith(ROOT + "/"), url
        assert head(tree, "meta[@name='twitter:card']") and head(tree, "meta[@name='twitter:image']"), url
        feeds = head(tree, "link[@rel='alternate'][@type='application/rss+xml']")
        prefix = "" if page.locale.language_code == "vi" else f"/{page.locale.language_code}"
        assert f"{ROOT}{prefix}/feeds/news/rss/" in feeds, url
        assert head(tree, "link[@rel='icon']") and head(tree, "link[@rel='apple-touch-icon']"), url
        assert head(tree, "link[@rel='manifest']") == ["/manifest.webmanifest"]
        if page.depth > 2:
            (crumbs,) = of_type(data, "BreadcrumbList")
            items = crumbs["itemListElement"]
            assert items[-1]["item"] == ROOT + url and items[0]["item"] == f"{ROOT}{prefix}/", url
            assert [item["position"] for item in items] == list(range(1, len(items) + 1))


def test_home_page_describes_the_commune_as_a_government_organisation(client, demo_site):
    commune = demo_site["ia-ko"]
    _html, tree, data = metadata(client, commune, "/")
    (organisation,) = of_type(data, "GovernmentOrganization")
    assert organisation["name"] == "Ủy ban nhân dân xã Ia Ko" and organisation["url"] == ROOT + "/"
    assert organisation["address"]["streetAddress"] == "Thôn Tứ Kỳ, xã Ia Ko, tỉnh Gia Lai"
    assert organisation["address"]["addressCountry"] == "VN"
    assert organisation["telephone"] == "0269 3851 234" and organisation["email"] == "ubndiako@gialai.gov.vn"
    assert organisation["contactPoint"]["telephone"] == "0269 3851 234"
    assert organisation["logo"]["url"].startswith(ROOT + "/static/")
    (website,) = of_type(data, "WebSite")
    assert website["potentialAction"]["target"]["urlTemplate"] == ROOT + "/search/?q={search_term_string}"
    assert head(tree, "meta[@name='description']") == [commune.home.search_description]
    english = metadata(client, commune, "/en/")[2]
    assert of_type(english, "GovernmentOrganization")[0]["name"] == "People's Committee of Ia Ko commune"


def test_article_is_a_news_article_with_headline_dates_image_author_and_publisher(client, demo_site):
    commune = demo_site["ia-ko"]
    seed = commune.extras["seed_article"]
    url = seed.get_url(current_site=commune.site)
    html, tree, data = metadata(client, commune, url)
    (article,) = of_type(data, "NewsArticle")
    assert article["headline"] == seed.title and article["url"] == ROOT + url
    assert article["datePublished"].startswith("2026-10-31T08:00:00")
    assert article["dateModified"] >= article["datePublished"]
    assert article["image"][0].startswith(ROOT + "/media/images/") and "1200x630" in article["image"][0]
    assert article["author"]["name"] == "Văn phòng đảng ủy"
    assert article["publisher"]["@type"] == "GovernmentOrganization" and article["publisher"]["logo"]["url"]
    og = dict(data["opengraph"][0])
    assert og["@type"] == "article" and og["og:image"] == article["image"][0]  # extruct: og:type -> @type
    assert head(tree, "meta[@name='twitter:card']") == ["summary_large_image"]
    assert 'type="application/ld+json"' in html and "<script>" not in html  # data only: nothing to execute


def test_description_is_the_pages_own_else_its_sections_else_the_communes(
    client, demo_site, django_capture_on_commit_callbacks
):
    commune = demo_site["ia-ko"]
    introduction = commune.extras["introduction"]
    child = introduction.get_children().live().first().specific
    child_url = child.get_url(current_site=commune.site)

    def description():
        return head(metadata(client, commune, child_url)[1], "meta[@name='description']")[0]

    assert description() == commune.home.search_description
    introduction.search_description = "Giới thiệu chung về xã Ia Ko: điều kiện tự nhiên, lịch sử, văn hóa."
    with django_capture_on_commit_callbacks(execute=True):  # caches are told on commit
        introduction.save_revision().publish()
    assert description() == introduction.search_description
    child.search_description = "Cơ cấu tổ chức của Đảng ủy, HĐND, UBND và các đoàn thể xã Ia Ko."
    with django_capture_on_commit_callbacks(execute=True):
        child.save_revision().publish()
    assert description() == child.search_description


def test_untranslated_pages_are_not_served_under_another_language(client, demo_site):
    commune = demo_site["ia-ko"]
    for path in ("/jra/", "/jra/tin-tuc/?category=kinh-te", "/jra/van-ban/"):
        response = client.get(path, HTTP_HOST=host_of(commune))
        assert response.status_code == 302 and response["Location"] == path[len("/jra") :], path
    untranslated = Page.objects.get(slug="tuyen-quan-2027", url_path__startswith="/ia-ko/").specific
    response = client.get("/en" + untranslated.get_url(current_site=commune.site), HTTP_HOST=host_of(commune))
    assert response.status_code in (302, 404)  # the English tree has no such page: never Vietnamese under "en"
    search = fetch(client, commune, "/jra/search/?q=xa")  # not a page: labelled with the language shown
    assert search.get("lang") == "vi"
    translated = fetch(client, commune, "/en/")
    assert translated.get("lang") == "en"


def test_language_switcher_offers_only_the_languages_a_page_has(client, demo_site):
    commune = demo_site["ia-ko"]
    seed = commune.extras["seed_article"]
    untranslated = Page.objects.get(slug="tuyen-quan-2027", url_path__startswith="/ia-ko/")
    switcher = "//nav[contains(@class, 'language-switcher')]//a/@hreflang"
    assert fetch(client, commune, seed.get_url(current_site=commune.site)).xpath(switcher) == ["vi", "en"]
    assert fetch(client, commune, untranslated.get_url(current_site=commune.site)).xpath(switcher) == []
