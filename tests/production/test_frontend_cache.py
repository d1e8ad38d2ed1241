"""Publishing purges the page from a CDN / reverse proxy (Wagtail's frontend cache, configured from env)."""

import http.server
import threading

import pytest

from news.models import NewsIndexPage
from tests.factories.core import add_page

from .conftest import load_production

pytestmark = pytest.mark.django_db


class PurgeRecorder(http.server.BaseHTTPRequestHandler):
    purged = []

    def do_PURGE(self):  # noqa: N802 (HTTP method name)
        PurgeRecorder.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_server():
    PurgeRecorder.purged = []
    server = http.server.HTTPServer(("127.0.0.1", 0), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", PurgeRecorder.purged
    server.shutdown()
    server.server_close()


def test_publishing_purges_the_page_url(monkeypatch, settings, purge_server, two_sites):
    location, purged = purge_server
    production = load_production(monkeypatch, FRONTEND_CACHE_PURGE_URL=location)
    assert production.WAGTAILFRONTENDCACHE["proxy"]["LOCATION"] == location
    settings.WAGTAILFRONTENDCACHE = production.WAGTAILFRONTENDCACHE

    site_a, _ = two_sites
    section = add_page(site_a.home, NewsIndexPage(title="Thông báo", slug="thong-bao"))
    purged.clear()
    section.title = "Thông báo mới"
    section.save_revision().publish()

    assert ("a.gialai.gov.vn", "/thong-bao/") in purged


def test_no_purge_backend_unless_configured(production_module):
    assert production_module.WAGTAILFRONTENDCACHE == {}


def test_public_pages_may_be_kept_briefly_by_shared_caches(production, two_sites, https_get):
    cache_control = https_get("/")["Cache-Control"]
    assert "public" in cache_control and "s-maxage=300" in cache_control
