"""Two gunicorn processes with production settings share PostgreSQL and Redis and no local state:
what one publishes, the other serves at once, and the shared page cache follows.

Needs a PostgreSQL server and Redis (skipped otherwise). Uses its own database and Redis database:
PROD_TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/h_prod) and
PROD_TEST_REDIS_URL (default redis://127.0.0.1:6379/1); both are emptied at the start."""

import os

import pytest

from benchmarks import servers

DATABASE_URL = os.environ.get("PROD_TEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/h_prod")
REDIS_URL = os.environ.get("PROD_TEST_REDIS_URL", "redis://127.0.0.1:6379/1")
HOST = "hai-tien-trinh.gialai.gov.vn"

SEED = f"""
from wagtail.models import Site
from tests.factories.core import make_commune
if not Site.objects.filter(hostname="{HOST}").exists():
    make_commune("hai-tien-trinh", "{HOST}", name="Hai Tiến Trình")
"""

PUBLISH = f"""
import sys
from wagtail.models import Site
home = Site.objects.get(hostname="{HOST}").root_page.specific
home.title = sys.argv[-1]
home.save_revision().publish()
"""

pytestmark = pytest.mark.skipif(
    not servers.reachable(DATABASE_URL, REDIS_URL), reason="needs PostgreSQL and Redis on 127.0.0.1"
)


@pytest.fixture(scope="module")
def two_processes(tmp_path_factory):
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    env = servers.production_env(DATABASE_URL, REDIS_URL, tmp_path_factory.mktemp("static"))
    servers.prepare(env, fresh="if-migrations-changed")
    servers.manage(env, "shell", "-c", SEED)
    ports = [servers.free_port(), servers.free_port()]
    processes = []
    try:
        for port in ports:
            processes.append(servers.start_gunicorn(env, port, workers=2))
        yield env, ports
    finally:
        for process in processes:
            servers.stop(process)


def publish_title(env, title):
    servers.manage(env, "shell", "-c", PUBLISH.replace("sys.argv[-1]", repr(title)))


def test_processes_share_database_and_page_cache(two_processes):
    env, (port_a, port_b) = two_processes
    publish_title(env, "Trang chủ phiên bản 1")

    first = servers.get(port_a, "/", host=HOST)
    assert first.status == 200 and "Trang chủ phiên bản 1" in first.text
    assert first.headers["X-Page-Cache"] == "miss"
    # The copy process A stored in Redis is what process B serves.
    second = servers.get(port_b, "/", host=HOST)
    assert second.headers["X-Page-Cache"] == "hit" and second.body == first.body

    publish_title(env, "Trang chủ phiên bản 2")  # a publish through the shared database

    after_b = servers.get(port_b, "/", host=HOST)
    assert after_b.headers["X-Page-Cache"] == "miss" and "Trang chủ phiên bản 2" in after_b.text
    after_a = servers.get(port_a, "/", host=HOST)
    assert after_a.headers["X-Page-Cache"] == "hit" and "Trang chủ phiên bản 2" in after_a.text


def test_a_publish_reaches_every_process_local_copy_at_once(two_processes):
    """Past the page cache (a query parameter it does not keep), each worker serves its own local copy of
    the route and fragments; a publish elsewhere must still show on the very next request of each."""
    env, ports = two_processes
    publish_title(env, "Bản sao cục bộ 1")
    for _ in range(3):  # several requests per process, so each worker has routed and cached the page
        for port in ports:
            response = servers.get(port, "/?ref=zalo", host=HOST)
            assert response.headers["X-Page-Cache"] == "bypass" and "Bản sao cục bộ 1" in response.text
    publish_title(env, "Bản sao cục bộ 2")
    for _ in range(3):
        for port in ports:
            response = servers.get(port, "/?ref=zalo", host=HOST)
            assert "Bản sao cục bộ 2" in response.text and "Bản sao cục bộ 1" not in response.text


def test_static_files_are_hashed_compressed_and_cached_for_long(two_processes):
    env, (port_a, _) = two_processes
    page = servers.get(port_a, "/", host=HOST).text
    hashed = page.split('href="/static/css/portal.')[1].split('"')[0]
    assert hashed.count(".") == 1, "the manifest storage gives the stylesheet a hashed name"
    response = servers.get(port_a, f"/static/css/portal.{hashed}", headers={"Accept-Encoding": "gzip"})
    assert response.status == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert "immutable" in response.headers["Cache-Control"] and "max-age=315360000" in response.headers["Cache-Control"]


def test_editors_are_not_served_the_shared_copy(two_processes):
    _, (port_a, _) = two_processes
    servers.get(port_a, "/", host=HOST)
    response = servers.get(port_a, "/", host=HOST, headers={"Cookie": "sessionid=not-a-real-session"})
    assert response.status == 200 and response.headers["X-Page-Cache"] == "bypass"
