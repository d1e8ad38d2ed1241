"""Redis stops under a running site: pages keep answering 200 (uncached), each process stops trying Redis
for a few seconds at a time and logs one line per outage, sessions and rate limits behave as documented,
and everything is cached again once Redis is back."""

import logging
import time

import pytest
from django.contrib.sessions.backends.cached_db import SessionStore
from django.test import RequestFactory

from core.spam import over_limit
from tests.production.cache_support import keys

pytestmark = pytest.mark.django_db


@pytest.fixture
def cache_log():
    """Every record of the portal.cache logger (it does not propagate to the root logger that caplog watches)."""
    records = []
    handler = logging.Handler(level=logging.DEBUG)
    handler.emit = records.append
    logger = logging.getLogger("portal.cache")
    logger.addHandler(handler)
    yield records
    logger.removeHandler(handler)


def test_pages_answer_uncached_with_one_log_line_while_redis_is_down(site_on_own_redis, https_get, cache_log):
    assert https_get("/")["X-Page-Cache"] == "miss"
    assert https_get("/")["X-Page-Cache"] == "hit"
    site_on_own_redis.stop()

    started = time.monotonic()
    for _ in range(20):
        response = https_get("/")
        assert response.status_code == 200
        assert "Cổng thông tin điện tử Xã xa-a" in response.content.decode()
        assert response["X-Page-Cache"] == "bypass"
    assert time.monotonic() - started < 20  # each page renders; nobody waits for Redis
    errors = [record for record in cache_log if record.levelno >= logging.WARNING]
    assert len(errors) == 1, [record.getMessage() for record in errors]
    assert "unavailable" in errors[0].getMessage() and errors[0].exc_info is None  # one line, no traceback

    site_on_own_redis.start()  # same port, empty
    time.sleep(0.6)  # the cooldown
    assert https_get("/")["X-Page-Cache"] == "miss"
    assert https_get("/")["X-Page-Cache"] == "hit"
    assert any("reachable again" in record.getMessage() for record in cache_log)
    assert len([record for record in cache_log if record.levelno >= logging.WARNING]) == 2


def test_sessions_survive_and_rate_limits_let_residents_through(site_on_own_redis, https_get):
    session = SessionStore()
    session["reader"] = "xa-a"
    session.save()
    request = RequestFactory().post("/hoi-dap/", REMOTE_ADDR="203.0.113.9")
    assert [over_limit(request, 1, "ask", 2, 60) for _ in range(3)] == [False, False, True]
    assert keys(db=1, port=site_on_own_redis.port) and not any(
        "posts-" in key for key in keys(db=0, port=site_on_own_redis.port)
    )  # counters live in their own database

    site_on_own_redis.stop()
    assert SessionStore(session.session_key).load()["reader"] == "xa-a"  # from the database
    assert over_limit(request, 1, "ask", 2, 60) is False  # documented: fail open, a message is never lost


def test_while_redis_is_down_this_process_keeps_fragments_briefly_and_shows_its_own_changes_at_once(
    site_on_own_redis, production, https_get, two_sites, django_capture_on_commit_callbacks
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core.models import CommuneProfile

    production.PORTAL_PROCESS_CACHE = True
    production.PORTAL_OUTAGE_CACHE_SECONDS = 30
    site_on_own_redis.stop()
    views = []
    for _ in range(3):
        with CaptureQueriesContext(connection) as queries:
            response = https_get("/")
        assert response.status_code == 200 and response["X-Page-Cache"] == "bypass"
        views.append(len(queries))
    # The first view computes every fragment; the next ones take them from this process's outage copy.
    assert views[1] == views[2] < views[0], views

    profile = CommuneProfile.objects.get(site=two_sites[0].site)
    with django_capture_on_commit_callbacks(execute=True):
        profile.portal_name = "Cổng thông tin xã A (đổi tên trong lúc Redis ngừng)"
        profile.save()
    assert "đổi tên trong lúc Redis ngừng" in https_get("/").content.decode()

    production.PORTAL_OUTAGE_CACHE_SECONDS = 0  # off: every view computes everything
    with CaptureQueriesContext(connection) as queries:
        https_get("/")
    assert len(queries) >= views[0]


def test_while_redis_is_down_route_snapshots_save_the_tree_walk_but_never_serve_a_withdrawn_page(
    site_on_own_redis, production, https_get, two_sites
):
    """Another process's changes reach no one during an outage: the changes below are written without
    signals, as another process's would look from here. The snapshot still saves the walk down the tree."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Page, PageViewRestriction

    from news.models import NewsIndexPage
    from tests.factories.core import add_page, url_of

    production.PORTAL_PROCESS_CACHE = True
    production.PORTAL_OUTAGE_CACHE_SECONDS = 30
    section = add_page(two_sites[0].home, NewsIndexPage(title="Tin tức", slug="tin-tuc"))
    other = add_page(two_sites[0].home, NewsIndexPage(title="Thông báo", slug="thong-bao"))
    site_on_own_redis.stop()

    def queries_for(url, status=200):
        with CaptureQueriesContext(connection) as queries:
            assert https_get(url).status_code == status
        return len(queries)

    first, second = queries_for(url_of(section)), queries_for(url_of(section))
    assert second < first, (first, second)

    Page.objects.filter(pk=section.pk).update(live=False)
    assert https_get(url_of(section)).status_code == 404

    queries_for(url_of(other))
    PageViewRestriction.objects.bulk_create([PageViewRestriction(page=other, restriction_type="login")])
    refused = https_get(url_of(other))
    assert refused.status_code == 302 and "/login" in refused["Location"], refused.status_code
