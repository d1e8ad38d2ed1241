"""/django-admin/ is off unless DJANGO_ADMIN_ENABLED; editors use Wagtail's admin."""

import importlib

import pytest
from django.urls import clear_url_caches

pytestmark = pytest.mark.django_db


def reload_urls():
    import portal.urls

    importlib.reload(portal.urls)
    clear_url_caches()


@pytest.fixture
def fresh_urls():
    yield reload_urls
    reload_urls()


def test_django_admin_is_404_in_production(production, production_module, fresh_urls, two_sites, client):
    assert production_module.DJANGO_ADMIN_ENABLED is False
    fresh_urls()
    for path in ("/django-admin/", "/django-admin/login/"):
        response = client.get(path, HTTP_HOST="a.gialai.gov.vn", HTTP_X_FORWARDED_PROTO="https")
        assert response.status_code == 404, path
    login = client.post(
        "/django-admin/login/",
        {"username": "admin", "password": "x"},
        HTTP_HOST="a.gialai.gov.vn",
        HTTP_X_FORWARDED_PROTO="https",
    )
    assert login.status_code == 404


def test_django_admin_can_be_turned_on(settings, fresh_urls, two_sites, client):
    settings.DJANGO_ADMIN_ENABLED = True
    fresh_urls()
    assert client.get("/django-admin/login/", HTTP_HOST="a.gialai.gov.vn").status_code == 200
