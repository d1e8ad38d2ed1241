"""Accounts unused for ACCOUNTS_INACTIVE_LOCK_DAYS days cannot sign in until an admin unlocks them."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from .conftest import PASSWORD, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def dormant_editor(people, settings):
    settings.ACCOUNTS_INACTIVE_LOCK_DAYS = 90
    editor = people["editor"]
    editor.last_login = timezone.now() - timedelta(days=91)
    editor.save()
    return editor


def test_dormant_account_is_refused_with_a_clear_message(dormant_editor, client):
    response = sign_in(client, dormant_editor.username)
    assert response.status_code == 200
    assert "không được sử dụng quá 90 ngày" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_recent_accounts_and_new_accounts_sign_in(people, settings, client):
    settings.ACCOUNTS_INACTIVE_LOCK_DAYS = 90
    people["editor"].last_login = timezone.now() - timedelta(days=89)
    people["editor"].save()
    assert sign_in(client, "a-bientap").status_code == 302
    assert sign_in(client, "a-kiemduyet").status_code == 302  # never signed in, created today


def test_admin_unlocks_from_the_lockouts_report(dormant_editor, client, client_class, django_user_model):
    admin = django_user_model.objects.create_superuser("tinh-admin", "t@example.vn", PASSWORD)
    client.force_login(admin)
    report = client.get("/admin/reports/sign-in-lockouts/", HTTP_HOST="a.gialai.gov.vn")
    assert report.status_code == 200
    assert "a-bientap" in report.content.decode()
    client.post("/admin/reports/sign-in-lockouts/", {"user": dormant_editor.pk}, HTTP_HOST="a.gialai.gov.vn")
    assert sign_in(client_class(), dormant_editor.username).status_code == 302


def test_site_admins_cannot_unlock_accounts(dormant_editor, people, client):
    client.force_login(people["site_admin"])
    response = client.post("/admin/reports/sign-in-lockouts/", {"user": dormant_editor.pk}, HTTP_HOST="a.gialai.gov.vn")
    assert response.status_code in (302, 403)
    assert sign_in(client, dormant_editor.username).status_code == 200


def test_operator_commands(dormant_editor, client):
    listed = StringIO()
    call_command("list_dormant_accounts", stdout=listed)
    assert "a-bientap" in listed.getvalue()
    call_command("unlock_account", "ａ-bientap", stdout=StringIO())  # full-width "a": same account
    assert sign_in(client, dormant_editor.username).status_code == 302
