"""Fixtures shared by the whole suite. App-specific builders live in tests/factories/<app>.py."""

import os
import shutil

import pytest

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


@pytest.fixture
def demo(db):
    """The full demo portal (Ia Ko + Ia Pal), loaded the way `make run` loads it."""
    from core.demo import load_all

    return {commune.key: commune for commune in load_all()}


@pytest.fixture
def two_sites(db):
    """Two bare commune sites with their identity, no content: see tests/factories/core.py."""
    from tests.factories.core import make_commune

    return make_commune("xa-a", "a.gialai.gov.vn", default=True), make_commune("xa-b", "b.gialai.gov.vn")


def pytest_sessionfinish(session, exitstatus):
    from django.conf import settings

    media = getattr(settings, "MEDIA_ROOT", None)
    if media and "portal-test-media-" in str(media):
        shutil.rmtree(media, ignore_errors=True)
