"""The accessibility statement page, its footer link, and alt text for content images in the admin."""

import re

import pytest
from wagtail.test.utils.form_data import nested_form_data, streamfield

from accessibility.models import AccessibilityStatementPage
from core.demo import placeholder_image
from tests.factories.core import add_page, url_of

HOST = "a.gialai.gov.vn"


def footer(html):
    return html[html.index('<footer class="site-footer">') :]


def test_demo_has_a_statement_under_each_commune_linked_from_the_footer(client, demo):
    for commune in demo.values():
        page = commune.extras["accessibility_statement"]
        assert page.get_parent().id == commune.home.id and page.title == "Hướng dẫn tiếp cận"
        home = client.get("/", HTTP_HOST=commune.hostname).content.decode()
        assert f'<a href="{url_of(page)}">Hướng dẫn tiếp cận</a>' in footer(home)
        response = client.get(url_of(page), HTTP_HOST=commune.hostname)
        html = response.content.decode()
        assert response.status_code == 200
        assert html.count("<h1") == 1 and "WCAG" in html and commune.settings["phone"] in html
        assert "data-read-aloud" in html and "Đọc bài viết" in html


def test_english_footer_links_to_the_english_statement(client, demo):
    html = client.get("/en/", HTTP_HOST="iako.gialai.gov.vn").content.decode()
    assert re.search(r'<a href="/en/[^"]*huong-dan-tiep-can/">Accessibility statement</a>', footer(html))


def test_footer_has_no_link_without_a_statement_and_gains_one_on_publish(client, two_sites):
    site_a, _ = two_sites
    assert "huong-dan" not in footer(client.get("/", HTTP_HOST=HOST).content.decode())
    add_page(site_a.home, AccessibilityStatementPage(title="Hướng dẫn tiếp cận", slug="huong-dan-tiep-can"))
    assert "/huong-dan-tiep-can/" in footer(client.get("/", HTTP_HOST=HOST).content.decode())
    # The other commune never links to a's statement.
    assert "huong-dan" not in footer(client.get("/", HTTP_HOST="b.gialai.gov.vn").content.decode())


def test_footer_link_costs_no_query_once_cached(client, two_sites, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    site_a, _ = two_sites
    add_page(site_a.home, AccessibilityStatementPage(title="Hướng dẫn tiếp cận", slug="huong-dan-tiep-can"))
    client.get("/", HTTP_HOST=HOST)  # warm
    with CaptureQueriesContext(connection) as queries:
        client.get("/", HTTP_HOST=HOST)
    assert not [q for q in queries.captured_queries if "accessibilitystatementpage" in q["sql"].lower()]


def statement_form(image_id, alt_text, decorative=False, caption="Đồng chí chủ tịch phát biểu"):
    return nested_form_data(
        {
            "title": "Hướng dẫn tiếp cận",
            "slug": "huong-dan-tiep-can",
            "intro": "",
            "body": streamfield(
                [
                    (
                        "image",
                        {
                            "image": {"image": image_id, "decorative": decorative, "alt_text": alt_text},
                            "caption": caption,
                        },
                    )
                ]
            ),
            "action-publish": "publish",
        }
    )


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.invalid", "pw")
    client.force_login(user)
    return client


def test_admin_refuses_a_content_image_without_alt_text(editor_client, two_sites):
    site_a, _ = two_sites
    image = placeholder_image("Ảnh hội nghị")
    url = f"/admin/pages/add/accessibility/accessibilitystatementpage/{site_a.home.id}/"
    # A caption is not alt text: with a caption but no alt text the page is refused.
    response = editor_client.post(url, statement_form(image.id, alt_text=""), HTTP_HOST=HOST)
    assert response.status_code == 200
    assert not AccessibilityStatementPage.objects.exists()
    assert "alt" in response.content.decode().lower()

    response = editor_client.post(url, statement_form(image.id, alt_text="Chủ tịch xã phát biểu tại hội nghị"))
    assert response.status_code == 302
    page = AccessibilityStatementPage.objects.get()
    editor_client.logout()
    html = editor_client.get(url_of(page), HTTP_HOST=HOST).content.decode()
    assert 'alt="Chủ tịch xã phát biểu tại hội nghị"' in html
    assert "<figcaption>Đồng chí chủ tịch phát biểu</figcaption>" in html or "Đồng chí chủ tịch phát biểu" in html


def test_a_decorative_image_gets_an_empty_alt(editor_client, two_sites):
    site_a, _ = two_sites
    image = placeholder_image("Hoa văn trang trí")
    url = f"/admin/pages/add/accessibility/accessibilitystatementpage/{site_a.home.id}/"
    response = editor_client.post(url, statement_form(image.id, alt_text="", decorative=True, caption=""))
    assert response.status_code == 302
    editor_client.logout()
    html = editor_client.get(url_of(AccessibilityStatementPage.objects.get()), HTTP_HOST=HOST).content.decode()
    assert re.search(r'<img [^>]*alt=""', html)


def test_the_content_checker_also_looks_for_missing_alt_text(editor_client, two_sites):
    site_a, _ = two_sites
    import json

    html = editor_client.get(url_of(site_a.home), HTTP_HOST=HOST).content.decode()
    raw = re.search(r'<script id="checker-axe-configuration" type="application/json">(.*?)</script>', html, re.S)
    run_only = json.loads(raw.group(1))["options"]["runOnly"]
    rules = run_only["values"] if isinstance(run_only, dict) else run_only
    assert {"image-alt", "label", "button-name"} <= set(rules)
