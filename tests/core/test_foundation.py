"""The foundation: every page type renders, sites do not mix, languages link up, the demo loads twice."""

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from core.demo import ADMIN_PASSWORD, ADMIN_USERNAME
from core.models import CommuneProfile
from news.models import NewsIndexPage, NewsPage
from tests.factories.core import add_page, url_of

pytestmark = pytest.mark.django_db


def test_demo_home_page_is_vietnamese_and_links_to_the_seed_article(client, demo):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="vi"' in html
    assert "Cổng thông tin điện tử xã Ia Ko" in html
    seed = demo["ia-ko"].extras["seed_article"]
    index = demo["ia-ko"].extras["news_index"]
    # The seed article is reachable from the home page: the menu links the news section, which lists it.
    assert f'href="{url_of(index)}"' in html
    assert url_of(seed) in client.get(url_of(index)).content.decode()


def test_seed_article_renders_with_caption_image_and_source(client, demo):
    seed = demo["ia-ko"].extras["seed_article"]
    response = client.get(url_of(seed))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hội nghị Ban Chỉ đạo phát triển khoa học" in html
    assert "Đồng chí Dương Mạnh Mẫn phát biểu chỉ đạo" in html
    assert "<figcaption>" in html and "<img" in html
    assert "Văn phòng đảng ủy" in html


@pytest.mark.parametrize("model", [NewsIndexPage, NewsPage])
def test_every_demo_page_of_each_type_renders(client, demo, model):
    pages = model.objects.live()
    assert pages.exists()
    for page in pages:
        site = page.get_site()
        response = client.get(url_of(page), HTTP_HOST=site.hostname)
        assert response.status_code == 200, page


def test_every_page_type_renders_in_an_empty_tree(client, two_sites):
    """Freshly created pages, no articles, no widgets: everything still renders."""
    commune_a, _ = two_sites
    index = add_page(commune_a.home, NewsIndexPage(title="Tin tức", slug="tin-tuc"))
    article = add_page(index, NewsPage(title="Bài trống", slug="bai-trong"))
    for url in ["/", url_of(index), url_of(article), "/search/?q=abc", "/khong-ton-tai/"]:
        response = client.get(url, HTTP_HOST="a.gialai.gov.vn")
        assert response.status_code == (404 if "khong" in url else 200), url


def test_empty_news_index_shows_no_data_fallback(client, two_sites):
    commune_a, _ = two_sites
    index = add_page(commune_a.home, NewsIndexPage(title="Tin tức", slug="tin-tuc"))
    html = client.get(url_of(index), HTTP_HOST="a.gialai.gov.vn").content.decode()
    assert "Không có dữ liệu" in html


def test_header_and_footer_show_each_sites_own_settings(client, two_sites):
    commune_a, commune_b = two_sites
    html_a = client.get("/", HTTP_HOST="a.gialai.gov.vn").content.decode()
    html_b = client.get("/", HTTP_HOST="b.gialai.gov.vn").content.decode()
    assert "Cổng thông tin điện tử Xã xa-a" in html_a and "Xã xa-b" not in html_a
    assert "Cổng thông tin điện tử Xã xa-b" in html_b and "Xã xa-a" not in html_b
    assert "ubnd@a.gialai.gov.vn" in html_a and "ubnd@b.gialai.gov.vn" not in html_a
    assert "Chủ tịch Xã xa-b" in html_b


def test_footer_follows_an_edited_profile_immediately(client, two_sites):
    commune_a, _ = two_sites
    client.get("/", HTTP_HOST="a.gialai.gov.vn")  # warm the chrome cache
    commune_a.profile.address = "Thôn Mới, xã A"
    commune_a.profile.save()
    assert "Thôn Mới, xã A" in client.get("/", HTTP_HOST="a.gialai.gov.vn").content.decode()


def test_language_switcher_links_to_the_translated_page(client, demo):
    seed = demo["ia-ko"].extras["seed_article"]
    english = seed.get_translation(demo["ia-ko"].home.locale.__class__.objects.get(language_code="en"))
    html = client.get(url_of(seed)).content.decode()
    assert f'href="{url_of(english)}" lang="en"' in html
    assert f'<link rel="alternate" hreflang="en" href="http://127.0.0.1:8000{url_of(english)}">' in html
    response = client.get(url_of(english))
    assert response.status_code == 200
    assert '<html lang="en"' in response.content.decode()
    assert f'href="{url_of(seed)}" lang="vi"' in response.content.decode()


def test_language_switcher_offers_only_the_languages_the_page_has(client, demo):
    untranslated = NewsPage.objects.get(
        slug="tuyen-quan-2027", locale__language_code="vi", url_path__startswith="/ia-ko/"
    )
    html = client.get(url_of(untranslated)).content.decode()
    assert 'lang="en"' not in html and 'href="/en/"' not in html
    assert 'class="language-switcher"' in client.get("/search/?q=xa").content.decode()  # not a page: every home


def test_load_demo_is_idempotent(demo):
    counts = (Page.objects.count(), Site.objects.count(), CommuneProfile.objects.count())
    call_command("load_demo", verbosity=0)
    assert (Page.objects.count(), Site.objects.count(), CommuneProfile.objects.count()) == counts
    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8000"


def test_admin_login_with_readme_credentials(client, demo):
    response = client.post("/admin/login/", {"username": ADMIN_USERNAME, "password": ADMIN_PASSWORD})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
