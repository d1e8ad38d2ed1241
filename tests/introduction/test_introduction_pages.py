"""Introduction pages: overview with sub-pages, administrative map, organisation and leaders."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from core.demo import translate_page
from introduction.models import AdministrativeMapPage, IntroductionPage, OrganisationPage
from tests.factories.core import add_page, url_of
from tests.factories.introduction import make_organisation

pytestmark = pytest.mark.django_db
HOST_A = {"HTTP_HOST": "a.gialai.gov.vn"}
HOST_B = {"HTTP_HOST": "b.gialai.gov.vn"}


def test_demo_introduction_pages_render_with_the_seed_leaders(client, demo):
    ko = demo["ia-ko"]
    overview = ko.extras["introduction"]
    html = client.get(url_of(overview)).content.decode()
    assert "<h1>Giới thiệu</h1>" in html
    for title in ("Điều kiện tự nhiên", "Lịch sử - Văn hóa", "Bản đồ hành chính", "Cơ cấu tổ chức"):
        assert title in html  # the sub-navigation
    # The main menu starts with the introduction.
    menu = html.split('class="main-menu__list"')[1].split("</ul>")[0]
    assert menu.index("Giới thiệu") < menu.index("Tin tức")
    for page in overview.get_descendants().live():
        assert client.get(url_of(page)).status_code == 200, page
    organisation = client.get(url_of(ko.extras["organisation"])).content.decode()
    assert "Dương Mạnh Mẫn" in organisation and "Bí thư Đảng ủy, Chủ tịch HĐND xã" in organisation
    assert "Võ Công Hòa" in organisation and "Phó Bí thư Đảng ủy, Chủ tịch UBND xã" in organisation


def test_organisation_is_a_nested_list_with_headings_not_a_picture(client, two_sites):
    commune_a, _ = two_sites
    page = make_organisation(commune_a.home, leaders=5)
    html = client.get(url_of(page), **HOST_A).content.decode()
    assert html.count('<li class="organisation__unit">') == 5
    assert len(re.findall(r'<h2 class="organisation__unit-name">', html)) == 5
    assert len(re.findall(r'<h3 class="leader__name">', html)) == 5
    # Photos are decorative next to the name heading; contacts are real links.
    assert re.search(r'<img alt="" class="leader__photo"', html)
    assert 'href="mailto:lanhdao0@example.gov.vn"' in html and 'href="tel:0269000111"' in html


def test_leaders_of_a_kind_without_a_unit_entry_still_appear(client, two_sites):
    commune_a, _ = two_sites
    page = make_organisation(commune_a.home, leaders=3)
    page.units.all().delete()
    html = client.get(url_of(page), **HOST_A).content.decode()
    assert html.count('<h3 class="leader__name">') == 3
    assert '<h2 class="organisation__unit-name">Đảng ủy</h2>' in html  # the kind's translated label


def test_organisation_page_query_count_does_not_grow_with_leaders(client, two_sites):
    commune_a, _ = two_sites
    small = make_organisation(commune_a.home, leaders=5, slug="nho")
    large = make_organisation(commune_a.home, leaders=30, slug="lon")
    # Renditions and the site's widget caches are built on the first views (a new rendition may bump them).
    for page in (small, large, small, large):
        client.get(url_of(page), **HOST_A)
    counts = {}
    for page in (small, large):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url_of(page), **HOST_A)
        assert response.status_code == 200
        assert response.content.decode().count('<h3 class="leader__name">') == len(page.leaders.all())
        own = [q["sql"] for q in queries.captured_queries if "introduction_" in q["sql"] or "rendition" in q["sql"]]
        counts[page.slug] = (len(queries), len(own))
    assert counts["nho"] == counts["lon"], counts
    assert counts["lon"][1] <= 4, counts  # the page, its units, leaders with photos, their renditions


def test_empty_pages_show_the_no_data_fallback(client, two_sites):
    commune_a, _ = two_sites
    overview = add_page(commune_a.home, IntroductionPage(title="Giới thiệu", slug="gioi-thieu"))
    organisation = add_page(commune_a.home, OrganisationPage(title="Tổ chức", slug="to-chuc"))
    for page in (overview, organisation):
        response = client.get(url_of(page), **HOST_A)
        assert response.status_code == 200
        assert "Không có dữ liệu" in response.content.decode(), page


def test_map_page_has_a_text_alternative_and_a_description(client, two_sites):
    from core.demo import placeholder_image

    commune_a, _ = two_sites
    page = add_page(
        commune_a.home,
        AdministrativeMapPage(
            title="Bản đồ hành chính",
            slug="ban-do",
            map_image=placeholder_image("Bản đồ thử", size=(80, 60)),
            image_alt="Bản đồ hành chính xã A",
            description="Xã A giáp xã B ở phía Đông.",
        ),
    )
    html = client.get(url_of(page), **HOST_A).content.decode()
    assert re.search(r'<img[^>]*alt="Bản đồ hành chính xã A"[^>]*aria-describedby="admin-map-description"', html) or (
        'alt="Bản đồ hành chính xã A"' in html and 'aria-describedby="admin-map-description"' in html
    )
    assert '<div id="admin-map-description"><p>Xã A giáp xã B ở phía Đông.</p></div>' in html
    assert "Không có dữ liệu" not in html


def test_map_page_cannot_be_published_without_its_text_alternative(admin_client, two_sites):
    commune_a, _ = two_sites
    url = f"/admin/pages/add/introduction/administrativemappage/{commune_a.home.pk}/"
    data = {"title": "Bản đồ", "slug": "ban-do", "image_alt": "", "description": "", "action-publish": "publish"}
    response = admin_client.post(url, data, HTTP_HOST="a.gialai.gov.vn")
    assert response.status_code == 200
    assert not AdministrativeMapPage.objects.filter(slug="ban-do").exists()
    form = response.context["form"]
    assert "description" in form.errors and "image_alt" in form.errors


def test_editor_creates_an_organisation_page_with_units_and_leaders_in_the_admin(admin_client, two_sites):
    commune_a, _ = two_sites
    data = nested_form_data(
        {
            "title": "Cơ cấu tổ chức",
            "slug": "co-cau",
            "intro": "",
            "units": inline_formset(
                [{"kind": "party", "name": "Đảng ủy xã", "description": "", "address": "", "phone": "", "email": ""}]
            ),
            "leaders": inline_formset(
                [
                    {
                        "unit": "party",
                        "name": "Nguyễn Văn A",
                        "position": "Bí thư",
                        "photo": "",
                        "biography": "",
                        "duties": "",
                        "phone": "0269 1",
                        "email": "a@example.gov.vn",
                    },
                ]
            ),
            "action-publish": "publish",
        }
    )
    url = f"/admin/pages/add/introduction/organisationpage/{commune_a.home.pk}/"
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = OrganisationPage.objects.get(slug="co-cau")
    assert page.live and page.leaders.get().name == "Nguyễn Văn A" and page.units.get().kind == "party"


def test_editor_creates_an_introduction_page_with_a_body(admin_client, two_sites):
    commune_a, _ = two_sites
    data = nested_form_data(
        {
            "title": "Lịch sử",
            "slug": "lich-su",
            "intro": "",
            "body": streamfield([("paragraph", rich_text("<p>Vùng đất lâu đời.</p>"))]),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(f"/admin/pages/add/introduction/introductionpage/{commune_a.home.pk}/", data)
    assert response.status_code == 302
    assert "Vùng đất lâu đời." in str(IntroductionPage.objects.get(slug="lich-su").body)


def test_one_sites_introduction_never_appears_on_another_site(client, two_sites):
    commune_a, _ = two_sites
    organisation = make_organisation(commune_a.home, leaders=2)
    add_page(commune_a.home, IntroductionPage(title="Giới thiệu A", slug="gioi-thieu", show_in_menus=True))
    assert client.get(url_of(organisation), **HOST_B).status_code == 404
    assert client.get("/gioi-thieu/", **HOST_B).status_code == 404
    assert "Giới thiệu A" not in client.get("/", **HOST_B).content.decode()
    assert "Giới thiệu A" in client.get("/", **HOST_A).content.decode()


def test_translated_organisation_page_renders_in_english(client, two_sites):
    commune_a, _ = two_sites
    english = Locale.objects.get_or_create(language_code="en")[0]
    translate_page(commune_a.home, english, title="Home")
    page = make_organisation(commune_a.home, leaders=2)
    translated = translate_page(page, english, title="Organisation")
    translated.units.filter(kind="party").update(name="Commune Party Committee")
    translated.save_revision().publish()
    response = client.get(url_of(translated), **HOST_A)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html and "<h1>Organisation</h1>" in html
    assert "Commune Party Committee" in html and "Biography" in html
    # The Vietnamese page keeps its own text.
    assert "Commune Party Committee" not in client.get(url_of(page), **HOST_A).content.decode()
