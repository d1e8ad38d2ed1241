"""Production settings applied to the in-process test client.

The production module is imported for real (with a test environment) and its security, middleware,
page-cache and throttling values are copied over the test settings, so these tests check what
production actually runs, not a copy of it. The cache stays the test cache unless a test swaps it.
"""

import importlib
import sys

import pytest

from tests.production.cache_support import OwnRedis, redis_caches

PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "prod-test-" + "k3y-Vn-xa-" * 6,
    "DJANGO_ALLOWED_HOSTS": ".gialai.gov.vn,testserver,localhost",
    "DATABASE_URL": "postgres://portal@127.0.0.1:5432/portal",
    "REDIS_URL": "redis://127.0.0.1:6379/1",
}

COPIED_SETTINGS = [
    "MIDDLEWARE",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "X_FRAME_OPTIONS",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "CSP_PUBLIC_POLICY",
    "PAGECACHE_ENABLED",
    "PAGECACHE_TIMEOUT",
    "LOGIN_THROTTLE_IP_HEADER",
    "AXES_FAILURE_LIMIT",
    "AXES_COOLOFF_TIME",
    "ACCOUNTS_FAILURES_PER_IP",
    "ACCOUNTS_2FA_ENFORCED",
    "ACCOUNTS_INACTIVE_LOCK_DAYS",
    "DJANGO_ADMIN_ENABLED",
]


def load_production(monkeypatch, **extra_env):
    """The production settings module as a fresh import under PRODUCTION_ENV (+ extra_env)."""
    for name, value in {**PRODUCTION_ENV, **extra_env}.items():
        monkeypatch.setenv(name, value)
    sys.modules.pop("portal.settings.production", None)
    try:
        return importlib.import_module("portal.settings.production")
    finally:
        sys.modules.pop("portal.settings.production", None)


@pytest.fixture
def production_module(monkeypatch):
    return load_production(monkeypatch)


@pytest.fixture
def production(settings, production_module):
    for name in COPIED_SETTINGS:
        setattr(settings, name, getattr(production_module, name))
    return settings


@pytest.fixture
def https_get(client):
    """GET as a reader behind the TLS-terminating proxy, on one commune's hostname."""

    def get(path, host="a.gialai.gov.vn", **extra):
        return client.get(path, HTTP_HOST=host, HTTP_X_FORWARDED_PROTO="https", **extra)

    return get


@pytest.fixture
def own_redis():
    server = OwnRedis()
    server.start()
    yield server
    server.cleanup()


@pytest.fixture
def site_on_own_redis(production, own_redis, two_sites):
    from core.cache import process_cache
    from core.cache_breaker import reset_breakers

    production.CACHES = redis_caches(own_redis.port, default_db=0, counters_db=1)
    production.CACHE_BREAKER_COOLDOWN = 0.5
    production.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False
    reset_breakers()
    process_cache.clear()
    yield own_redis
    reset_breakers()
