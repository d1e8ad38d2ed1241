"""Online public services: curated links to the national portal, grouped by field."""

import pytest
from wagtail.models import Locale
from wagtail.test.utils.form_data import nested_form_data, streamfield

from core.demo import translate_page
from services.models import OnlineServicesPage
from tests.factories.core import add_page, url_of

pytestmark = pytest.mark.django_db
HOST_A = {"HTTP_HOST": "a.gialai.gov.vn"}


def groups(*fields):
    return [
        (
            "group",
            {
                "field": field,
                "description": "",
                "procedures": [
                    {
                        "title": f"Thủ tục {field}",
                        "url": "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193",
                        "code": "1.001193",
                        "level": "full",
                    }
                ],
            },
        )
        for field in fields
    ]


def test_demo_page_links_procedures_on_the_national_portal(client, demo):
    page = demo["ia-ko"].extras["online_services"]
    html = client.get(url_of(page)).content.decode()
    assert "<h1>Dịch vụ công trực tuyến</h1>" in html
    assert "<h2" in html and "Hộ tịch" in html and "Đăng ký khai sinh" in html
    assert (
        'href="https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193"' in html
    )
    assert "1.001193" in html and "Toàn trình" in html
    # The menu links this page once, not a second "online public services" entry.
    menu = html.split('class="main-menu__list"')[1].split("</ul>")[0]
    assert menu.count("Dịch vụ công trực tuyến") == 1


def test_groups_render_in_order_with_accessible_headings(client, two_sites):
    commune_a, _ = two_sites
    page = add_page(
        commune_a.home, OnlineServicesPage(title="Dịch vụ công", slug="dvc", groups=groups("Hộ tịch", "Đất đai"))
    )
    html = client.get(url_of(page), **HOST_A).content.decode()
    assert html.index("Hộ tịch") < html.index("Đất đai")
    assert html.count('<section class="services__group" aria-labelledby="service-group-') == 2
    assert 'rel="external"' in html


def test_empty_page_shows_no_data(client, two_sites):
    commune_a, _ = two_sites
    page = add_page(commune_a.home, OnlineServicesPage(title="Dịch vụ công", slug="dvc"))
    html = client.get(url_of(page), **HOST_A).content.decode()
    assert "Không có dữ liệu" in html
    assert 'href="https://dichvucong.gov.vn/"' in html  # the portal link is always there


def test_page_stays_on_its_own_site(client, two_sites):
    commune_a, _ = two_sites
    page = add_page(commune_a.home, OnlineServicesPage(title="DVC xã A", slug="dvc", groups=groups("Hộ tịch")))
    assert client.get(url_of(page), HTTP_HOST="b.gialai.gov.vn").status_code == 404
    assert "Thủ tục Hộ tịch" in client.get(url_of(page), **HOST_A).content.decode()


def test_translated_page_renders_in_english(client, two_sites):
    commune_a, _ = two_sites
    english = Locale.objects.get_or_create(language_code="en")[0]
    translate_page(commune_a.home, english, title="Home")
    page = add_page(commune_a.home, OnlineServicesPage(title="Dịch vụ công", slug="dvc", groups=groups("Hộ tịch")))
    translated = translate_page(page, english, title="Online public services", groups=groups("Civil status"))
    response = client.get(url_of(translated), **HOST_A)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html and "Civil status" in html and "Fully online" in html
    assert "Go to the public-service portal" in html


def test_editor_creates_the_page_in_the_admin(admin_client, two_sites):
    commune_a, _ = two_sites
    data = nested_form_data(
        {
            "title": "Dịch vụ công",
            "slug": "dvc",
            "intro": "",
            "portal_url": "https://dichvucong.gov.vn/",
            "groups": streamfield(
                [
                    (
                        "group",
                        {
                            "field": "Hộ tịch",
                            "description": "",
                            "procedures": streamfield(
                                [
                                    (
                                        "item",
                                        {
                                            "title": "Đăng ký khai sinh",
                                            "url": "https://dichvucong.gov.vn/x",
                                            "code": "1.001193",
                                            "level": "full",
                                        },
                                    )
                                ]
                            ),
                        },
                    )
                ]
            ),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(f"/admin/pages/add/services/onlineservicespage/{commune_a.home.pk}/", data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = OnlineServicesPage.objects.get(slug="dvc")
    assert page.groups[0].value["procedures"][0]["code"] == "1.001193"
