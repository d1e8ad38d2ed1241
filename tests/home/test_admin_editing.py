"""Editors configure the home page and the sidebar through the admin, and readers see it at once."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from tests.factories.home import add_article, add_section

pytestmark = pytest.mark.django_db

A = "a.gialai.gov.vn"


def announcement(text):
    """The announcement block as the admin form posts it (rich text as Draftail's JSON)."""
    line = {"key": "a", "type": "unstyled", "text": text, "depth": 0, "inlineStyleRanges": [], "entityRanges": []}
    draftail = json.dumps({"blocks": [line], "entityMap": {}})
    return {"title": "", "text": draftail, "importance": "important", "link_label": "", "link_page": "", "link_url": ""}


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("bientap", "bt@example.invalid", "x")
    client.force_login(user)
    return client


def test_editor_pins_an_article_and_composes_the_home_page(editor_client, client, two_sites):
    commune_a, _ = two_sites
    section = add_section(commune_a.home)
    old = add_article(section, "Bài cũ được ghim", days_ago=30)
    add_article(section, "Bài mới nhất", days_ago=0)
    add_article(section, "Bài hôm qua", days_ago=1)
    data = nested_form_data(
        {
            "title": "Trang chủ",
            "slug": commune_a.home.slug,
            "show_sidebar": "on",
            "body": streamfield(
                [
                    ("announcement", announcement("Lịch tiếp dân")),
                    ("featured_news", {"title": "", "count": 2, "show_images": "on"}),
                ]
            ),
            "featured_pins": inline_formset([{"article": old.pk, "featured_until": ""}]),
            "action-publish": "publish",
        }
    )
    url = reverse("wagtailadmin_pages:edit", args=[commune_a.home.pk])
    response = editor_client.post(url, data, HTTP_HOST=A)
    assert response.status_code == 302, response.content.decode()[:3000]
    client.logout()
    html = client.get("/", HTTP_HOST=A).content.decode()
    featured = html[html.index("widget--featured-news") :]
    featured = featured[: featured.index("</section>")]
    assert featured.index("Bài cũ được ghim") < featured.index("Bài mới nhất")
    assert "Bài hôm qua" not in featured  # count 2: one pin + the newest
    assert "Lịch tiếp dân" in html and "announcement--important" in html


def test_editor_sets_the_sidebar_and_readers_see_it_immediately(editor_client, client, two_sites):
    from home.models import SidebarSettings

    commune_a, commune_b = two_sites
    section = add_section(commune_a.home)
    add_article(section, "Tin trong cột bên")
    client.get("/", HTTP_HOST=A)  # the sidebar is cached (empty) now
    latest = {"title": "Tin vừa cập nhật", "sections": streamfield([]), "count": 3}  # no section: the whole site
    data = nested_form_data({"widgets": streamfield([("latest_news", latest)])})
    url = reverse("wagtailsettings:edit", args=["home", "sidebarsettings", commune_a.site.pk])
    response = editor_client.post(url, data, HTTP_HOST=A)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert SidebarSettings.for_site(commune_a.site).widgets
    editor_client.logout()
    html = client.get("/", HTTP_HOST=A).content.decode()
    aside = html[html.index("<aside") : html.index("</aside>")]
    assert "Tin vừa cập nhật" in aside and "Tin trong cột bên" in aside
    assert "Tin vừa cập nhật" not in client.get("/", HTTP_HOST="b.gialai.gov.vn").content.decode()
