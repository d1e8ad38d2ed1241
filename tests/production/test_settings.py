"""`manage.py check --deploy` with production settings reports nothing; missing secrets fail loudly."""

import os
import subprocess
import sys
from pathlib import Path

from .conftest import PRODUCTION_ENV

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, env_overrides=None, drop=()):
    env = {**os.environ, **PRODUCTION_ENV, "DJANGO_SETTINGS_MODULE": "portal.settings.production"}
    env.update(env_overrides or {})
    # The test suite's own switch (tests/conftest.py) is exactly what production must not have.
    for name in ("DJANGO_ALLOW_ASYNC_UNSAFE", *drop):
        env.pop(name, None)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_reports_nothing():
    result = manage("check", "--deploy", "--fail-level", "DEBUG")
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_missing_secret_key_is_refused():
    result = manage("check", drop=("DJANGO_SECRET_KEY",))
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_object_storage_needs_django_storages_or_is_used(production_module):
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.STORAGES['default']['BACKEND'])",
        env_overrides={"AWS_STORAGE_BUCKET_NAME": "media-gialai"},
    )
    try:
        import storages  # noqa: F401
    except ImportError:
        assert result.returncode != 0 and "django-storages[s3]" in result.stderr
    else:
        assert "storages.backends.s3.S3Storage" in result.stdout


def test_production_uses_shared_services(production_module):
    assert production_module.CACHES["default"]["BACKEND"] == "core.cache_breaker.BreakerRedisCache"  # django-redis
    # The breaker answers for an unavailable Redis (one log line per outage), so django-redis must raise to it
    # rather than swallow and log every failure itself.
    for alias in ("default", "counters"):
        assert production_module.CACHES[alias]["BACKEND"] == "core.cache_breaker.BreakerRedisCache"
        assert production_module.CACHES[alias]["OPTIONS"]["IGNORE_EXCEPTIONS"] is False
        assert production_module.CACHES[alias]["OPTIONS"]["SOCKET_CONNECT_TIMEOUT"] <= 1
    assert production_module.DATABASES["default"]["CONN_MAX_AGE"] > 0
    assert production_module.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
    static = production_module.STORAGES["staticfiles"]["BACKEND"]
    assert static == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert production_module.STORAGES["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
