"""Security headers on public pages under the production middleware and settings."""

import pytest

pytestmark = pytest.mark.django_db


def directives(policy):
    parsed = {}
    for part in policy.split(";"):
        name, *sources = part.split()
        parsed[name] = sources
    return parsed


def test_public_page_has_security_headers(production, two_sites, https_get):
    response = https_get("/")
    assert response.status_code == 200
    hsts = response["Strict-Transport-Security"]
    assert "max-age=31536000" in hsts and "includeSubDomains" in hsts and "preload" in hsts
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_public_csp_forbids_inline_scripts(production, two_sites, https_get):
    policy = directives(https_get("/")["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["style-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["base-uri"] == ["'self'"]


def test_public_pages_do_not_contain_inline_scripts_or_styles(production, two_sites, https_get):
    """What the strict CSP would block must not be in our own markup."""
    html = https_get("/").content.decode()
    # JSON-LD is data, never executed (CSP's script-src does not apply to it); every other script is a file.
    code = html.replace("<script src=", "").replace('<script type="application/ld+json">', "")
    assert "<script>" not in code and "<script " not in code
    assert 'style="' not in html and "<style" not in html


def test_admin_gets_its_own_laxer_policy(production, two_sites, https_get):
    policy = directives(https_get("/admin/login/")["Content-Security-Policy"])
    assert "'unsafe-inline'" in policy["script-src"]  # Wagtail's admin needs it; readers' pages never get it
    assert policy["object-src"] == ["'none'"]


def test_plain_http_is_redirected_to_https(production, two_sites, client):
    response = client.get("/", HTTP_HOST="a.gialai.gov.vn")
    assert response.status_code == 301
    assert response["Location"] == "https://a.gialai.gov.vn/"


def test_session_and_csrf_cookies_are_secure(production, two_sites, client, django_user_model):
    django_user_model.objects.create_superuser("editor", "e@example.invalid", "pw-Ia-Ko-2026")
    response = client.post(
        "/admin/login/",
        {"username": "editor", "password": "pw-Ia-Ko-2026"},
        HTTP_HOST="a.gialai.gov.vn",
        HTTP_X_FORWARDED_PROTO="https",
    )
    assert response.status_code == 302
    assert response.cookies["sessionid"]["secure"] is True
    assert response.cookies["sessionid"]["httponly"] is True
