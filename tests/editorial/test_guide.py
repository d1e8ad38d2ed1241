"""The editors' guide: reachable from the admin (Help menu, dashboard), Vietnamese or English with the admin's
language, and every screenshot it shows exists (they are made by tests/browser/journeys with
UPDATE_GUIDE_SCREENSHOTS=1)."""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from editorial.guide import SECTIONS, screenshot_paths

pytestmark = pytest.mark.django_db
STATIC = Path(__file__).resolve().parents[2] / "editorial" / "static"


def test_every_screenshot_the_guide_shows_exists_and_is_small():
    paths = screenshot_paths()
    assert len(paths) >= 5
    for path in paths:
        file = STATIC / path
        assert file.is_file(), f"{path} is missing: run the journeys with UPDATE_GUIDE_SCREENSHOTS=1"
        assert file.stat().st_size < 250_000, f"{path} is over 250 KB"


def test_the_guide_covers_writing_images_submitting_approving_scheduling_translating_and_indicators():
    assert [section.slug for section in SECTIONS] == [
        "write",
        "illustrate",
        "submit",
        "approve",
        "schedule",
        "translate",
        "indicators",
    ]


@pytest.mark.parametrize(
    ("language", "title", "first_section"),
    [("vi", "Hướng dẫn sử dụng", "Viết bài"), ("en", "User guide", "Write an article")],
)
def test_an_editor_opens_the_guide_from_the_help_menu_and_the_dashboard(client, language, title, first_section):
    from wagtail.users.models import UserProfile

    user = get_user_model().objects.create_user("bientap", password="x-long-password-1")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)

    dashboard = client.get("/admin/").content.decode()
    assert 'href="/admin/guide/"' in dashboard  # the Help menu item and the dashboard panel
    assert "data-editorial-guide-link" in dashboard
    response = client.get("/admin/guide/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<title>{title}" in html or title in html
    assert first_section in html
    for path in screenshot_paths():
        assert f"/static/{path}" in html


def test_the_guide_needs_a_signed_in_editor(client):
    response = client.get("/admin/guide/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_admin_offers_the_portals_vietnamese_guide_not_wagtails_english_one(client, django_user_model):
    user = django_user_model.objects.create_superuser("quantri", "q@example.vn", "x")
    client.force_login(user)
    dashboard = client.get("/admin/").content.decode()
    assert "guide.wagtail.org" not in dashboard  # neither the account summary's link nor the Help menu's items
    assert 'href="/admin/guide/"' in dashboard
