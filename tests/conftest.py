"""Fixtures shared by the whole suite. App-specific builders live in tests/factories/<app>.py."""

import os
import shutil

import pytest

from tests import demo_block

# Browser tests drive Playwright's sync API and the ORM in one thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _clear_cache():
    """Each test starts with an empty cache so cached widgets never leak between tests."""
    from django.core.cache import caches

    from core.cache import process_cache

    for alias in ("default", "counters"):  # rate-limit counters too: each test starts with none
        caches[alias].clear()
    process_cache.clear()
    yield
    for alias in ("default", "counters"):
        caches[alias].clear()
    process_cache.clear()


@pytest.fixture(scope="module")
def _demo_block(django_db_setup, django_db_blocker):
    """Opens the shared demo block (tests/demo_block.py) before any test's own transaction begins: module
    fixtures are set up before a test's function fixtures."""
    shared = demo_block.block(django_db_blocker)
    shared.open()
    return shared


@pytest.fixture
def demo(_demo_block, db):
    """The full demo portal (Ia Ko + Ia Pal), loaded the way `make run` loads it, shared by the tests that
    read it; each test's changes are rolled back."""
    assert _demo_block.communes is not None, "the demo block was closed: see tests/demo_block.py"
    return demo_block.fresh(_demo_block.communes)


@pytest.fixture
def demo_site(demo):
    return demo


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    demo_block.move_demo_readers_to_the_end_of_their_group(items)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    demo_block.close_unless_read_by(item)


@pytest.fixture
def two_sites(db):
    """Two bare commune sites with their identity, no content: see tests/factories/core.py."""
    from tests.factories.core import make_commune

    return make_commune("xa-a", "a.gialai.gov.vn", default=True), make_commune("xa-b", "b.gialai.gov.vn")


def pytest_sessionfinish(session, exitstatus):
    demo_block.close()
    from django.conf import settings

    media = getattr(settings, "MEDIA_ROOT", None)
    if media and "portal-test-media-" in str(media):
        shutil.rmtree(media, ignore_errors=True)
