"""Two-step verification over HTTP: who must enrol, enrolment, codes after the password, recovery codes."""

import re
import time

import pytest
from django.urls import reverse

from .conftest import admin_get, sign_in, totp_code

pytestmark = pytest.mark.django_db


def enrol(client, user):
    page = admin_get(client, reverse("accounts_2fa_enrol"))
    assert page.status_code == 200
    assert "<svg" in page.content.decode()  # the QR code, inline
    done = client.post(reverse("accounts_2fa_enrol"), {"code": totp_code(user)}, HTTP_HOST="a.gialai.gov.vn")
    assert done.status_code == 200
    return re.findall(r"<code>([a-z2-7]{4}-[a-z2-7]{4})</code>", done.content.decode())


@pytest.mark.parametrize("role", ["moderator", "site_admin"])
def test_moderators_and_site_admins_must_enrol(enforced, people, client, role):
    assert sign_in(client, people[role].username).status_code == 302
    response = admin_get(client, "/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts_2fa_enrol"))
    codes = enrol(client, people[role])
    assert len(codes) == 10
    assert admin_get(client, "/admin/").status_code == 200


def test_superusers_must_enrol(enforced, two_sites, client, django_user_model):
    django_user_model.objects.create_superuser("tinh-admin", "t@example.vn", "mot-cau-mat-khau-dai-2026")
    sign_in(client, "tinh-admin")
    assert admin_get(client, "/admin/")["Location"].startswith(reverse("accounts_2fa_enrol"))


def test_editors_enrol_only_when_the_setting_says_so(enforced, people, client):
    sign_in(client, "a-bientap")
    assert admin_get(client, "/admin/").status_code == 200
    enforced.ACCOUNTS_2FA_REQUIRED_FOR_EDITORS = True
    assert admin_get(client, "/admin/")["Location"].startswith(reverse("accounts_2fa_enrol"))


def test_wrong_code_at_enrolment_is_refused(enforced, people, client):
    sign_in(client, "a-kiemduyet")
    admin_get(client, reverse("accounts_2fa_enrol"))
    response = client.post(reverse("accounts_2fa_enrol"), {"code": "000000"}, HTTP_HOST="a.gialai.gov.vn")
    assert response.status_code == 200
    assert "Mã không khớp" in response.content.decode()
    assert admin_get(client, "/admin/").status_code == 302


def test_code_after_password_and_recovery_code_once(enforced, people, client, client_class):
    moderator = people["moderator"]
    sign_in(client, moderator.username)
    codes = enrol(client, moderator)

    second = client_class()
    assert sign_in(second, moderator.username).status_code == 302
    to_verify = admin_get(second, "/admin/pages/")
    assert to_verify["Location"].startswith(reverse("accounts_2fa_verify"))
    wrong = second.post(reverse("accounts_2fa_verify"), {"code": "123456"}, HTTP_HOST="a.gialai.gov.vn")
    assert "Mã không hợp lệ" in wrong.content.decode()
    time.sleep(1.1)  # django-otp makes the next try wait after a wrong code (1 s, doubling)
    ok = second.post(
        reverse("accounts_2fa_verify"),
        {"code": totp_code(moderator, steps_ahead=1), "next": "/admin/pages/"},
        HTTP_HOST="a.gialai.gov.vn",
    )
    assert ok.status_code == 302 and ok["Location"] == "/admin/pages/"
    assert admin_get(second, "/admin/").status_code == 200

    for attempt, expected in ((1, 302), (2, 200)):
        other = client_class()
        sign_in(other, moderator.username)
        response = other.post(reverse("accounts_2fa_verify"), {"code": codes[0].upper()}, HTTP_HOST="a.gialai.gov.vn")
        assert response.status_code == expected, attempt
    assert admin_get(other, "/admin/").status_code == 302  # the used code opened nothing


def test_a_password_alone_cannot_enrol_a_new_phone(enforced, people, client, client_class):
    moderator = people["moderator"]
    sign_in(client, moderator.username)
    enrol(client, moderator)
    thief = client_class()
    sign_in(thief, moderator.username)
    response = admin_get(thief, reverse("accounts_2fa_enrol"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts_2fa_verify"))


def test_next_is_kept_local(enforced, people, client):
    moderator = people["moderator"]
    sign_in(client, moderator.username)
    enrol(client, moderator)
    client.logout()
    sign_in(client, moderator.username)
    response = client.post(
        reverse("accounts_2fa_verify"),
        {"code": totp_code(moderator, steps_ahead=1), "next": "https://evil.example/"},
        HTTP_HOST="a.gialai.gov.vn",
    )
    assert response["Location"] == reverse("wagtailadmin_home")
