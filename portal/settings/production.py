"""Production settings, configured only from environment variables (see README "Production").

Every app process is stateless: data in PostgreSQL, cache / page cache / throttling counters in Redis,
media on a shared file system or S3-compatible object storage, static files collected and served by
whitenoise with hashed names. Any number of gunicorn processes on any number of machines can serve.
"""

import importlib.util
import os
from datetime import timedelta

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from pagecache.stack import with_production_middleware

from .base import *  # noqa: F403
from .base import BASE_DIR, MIDDLEWARE


def env(name, default=None, required=False):
    value = os.environ.get(name, default)
    if required and not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable for production.")
    return value


def env_bool(name, default):
    return env(name, str(default)).strip().lower() in ("1", "true", "yes", "on")


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY", required=True)
# Commune hostnames; a leading dot allows every subdomain (".gialai.gov.vn").
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set DJANGO_ALLOWED_HOSTS (comma-separated, e.g. .gialai.gov.vn).")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "https://" + ALLOWED_HOSTS[0].lstrip("."))

# --- Database: PostgreSQL, persistent connections checked before reuse -----------------------------
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", required=True),
        conn_max_age=int(env("DB_CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}

# --- Cache: Redis shared by all processes, behind a circuit breaker (core/cache_breaker.py) ------
# "default": page cache, fragments, routes, generations, sessions' cache; give it a maxmemory with
# allkeys-lru. "counters": throttle and rate-limit counters, its own Redis database (or server) that must
# run with maxmemory-policy noeviction, so no flood of page copies can ever evict a counter.
REDIS_URL = env("REDIS_URL", "redis://127.0.0.1:6379/0")


def _next_database(url):
    base, _, database = url.rpartition("/")
    return f"{base}/{int(database) + 1}" if database.isdigit() else url


REDIS_COUNTERS_URL = env("REDIS_COUNTERS_URL", _next_database(REDIS_URL))
_REDIS_OPTIONS = {
    "CLIENT_CLASS": "django_redis.client.DefaultClient",
    "IGNORE_EXCEPTIONS": False,  # the breaker answers for an unavailable server, with one log line
    "SOCKET_CONNECT_TIMEOUT": float(env("REDIS_CONNECT_TIMEOUT", "0.5")),
    "SOCKET_TIMEOUT": float(env("REDIS_TIMEOUT", "0.5")),
}
CACHES = {
    "default": {
        "BACKEND": "core.cache_breaker.BreakerRedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": env("CACHE_KEY_PREFIX", "portal"),
        "TIMEOUT": 600,
        "OPTIONS": _REDIS_OPTIONS,
    },
    "counters": {
        "BACKEND": "core.cache_breaker.BreakerRedisCache",
        "LOCATION": REDIS_COUNTERS_URL,
        "KEY_PREFIX": env("CACHE_KEY_PREFIX", "portal"),
        "TIMEOUT": 600,
        "OPTIONS": _REDIS_OPTIONS,
    },
}
CACHE_BREAKER_COOLDOWN = float(env("CACHE_BREAKER_COOLDOWN", "5"))
PORTAL_PROCESS_CACHE = env_bool("PORTAL_PROCESS_CACHE", True)  # per-process copy of generation-keyed entries
PORTAL_ROUTE_CACHE = env_bool("PORTAL_ROUTE_CACHE", True)  # route snapshots (core/routing.py)
# Fragments kept per process while Redis is down (core/cache.py, outage_generation); 0 = off.
PORTAL_OUTAGE_CACHE_SECONDS = int(env("PORTAL_OUTAGE_CACHE_SECONDS", "30"))
# Part of every cache key: the deployed git commit unless set (any new value shows new output at once).
CACHE_VERSION = env("CACHE_VERSION", "")
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False
DJANGO_REDIS_LOGGER = "portal.cache"
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"  # reads the DB when Redis is unavailable

# --- Page cache, security middleware ---------------------------------------------------------------
PAGECACHE_ENABLED = env_bool("PAGECACHE_ENABLED", True)
PAGECACHE_TIMEOUT = int(env("PAGECACHE_TIMEOUT", "600"))  # at most; a page's own max-age can shorten it
if env("PAGECACHE_IGNORED_PARAMS"):  # tracking parameters dropped from the key (default: pagecache/middleware.py)
    PAGECACHE_IGNORED_PARAMS = env_list("PAGECACHE_IGNORED_PARAMS")

MIDDLEWARE = with_production_middleware(MIDDLEWARE)

# --- Editors' accounts (accounts/settings.py has the defaults; SECURITY.md the checklist) -------------
LOGIN_THROTTLE_IP_HEADER = env("DJANGO_CLIENT_IP_HEADER", "REMOTE_ADDR")  # e.g. HTTP_X_REAL_IP behind nginx
AXES_FAILURE_LIMIT = int(env("LOGIN_THROTTLE_FAILURES", "5"))  # per account and IP
ACCOUNTS_FAILURES_PER_IP = int(env("LOGIN_THROTTLE_FAILURES_PER_IP", "50"))
AXES_COOLOFF_TIME = timedelta(seconds=int(env("LOGIN_THROTTLE_WINDOW", "900")))
ACCOUNTS_2FA_ENFORCED = True
ACCOUNTS_2FA_REQUIRED_FOR_EDITORS = env_bool("ACCOUNTS_2FA_REQUIRED_FOR_EDITORS", False)
ACCOUNTS_INACTIVE_LOCK_DAYS = int(env("ACCOUNTS_INACTIVE_LOCK_DAYS", "90"))
DJANGO_ADMIN_ENABLED = env_bool("DJANGO_ADMIN_ENABLED", False)  # /django-admin/ answers 404 unless set

# --- HTTPS and headers (TLS ends at the reverse proxy, which sets X-Forwarded-Proto) ---------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(env("DJANGO_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True

# --- Static files: hashed, compressed, cached for a year by whitenoise -----------------------------
STATIC_ROOT = env("STATIC_ROOT", str(BASE_DIR / "staticfiles"))
WHITENOISE_MAX_AGE = 3600  # unhashed names; hashed names are immutable for a year

# --- Media: shared file system by default, S3-compatible object storage when a bucket is set -------
MEDIA_ROOT = env("MEDIA_ROOT", str(BASE_DIR / "media"))
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    if importlib.util.find_spec("storages") is None:
        raise ImproperlyConfigured("AWS_STORAGE_BUCKET_NAME is set: pip install 'django-storages[s3]'.")
    # django-storages reads AWS_S3_ENDPOINT_URL, AWS_S3_REGION_NAME, AWS_ACCESS_KEY_ID,
    # AWS_SECRET_ACCESS_KEY and AWS_S3_CUSTOM_DOMAIN from the environment / settings below.
    AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME") or None
    AWS_S3_CUSTOM_DOMAIN = env("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = False  # public images: stable URLs that browsers and CDNs can cache
    AWS_S3_FILE_OVERWRITE = False
    AWS_S3_OBJECT_PARAMETERS = {"CacheControl": "public, max-age=86400"}
    media_backend = {"BACKEND": "storages.backends.s3.S3Storage"}
else:
    media_backend = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": media_backend,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Content-Security-Policy: strict for public pages; media may come from object storage ---------
from pagecache.csp import PUBLIC_POLICY  # noqa: E402

_media_hosts = [f"https://{host}" for host in (env("AWS_S3_CUSTOM_DOMAIN", ""), env("MEDIA_HOST", "")) if host]
CSP_PUBLIC_POLICY = {**PUBLIC_POLICY, "img-src": PUBLIC_POLICY["img-src"] + _media_hosts}
CSP_PUBLIC_POLICY["frame-src"] = PUBLIC_POLICY["frame-src"] + env_list("CSP_EXTRA_FRAME_SRC")

# --- Frontend cache (CDN / reverse proxy) purged by Wagtail on publish -----------------------------
WAGTAILFRONTENDCACHE = {}
if env("FRONTEND_CACHE_PURGE_URL"):  # Varnish / nginx / Squid accepting PURGE requests
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env("FRONTEND_CACHE_PURGE_URL"),
    }
if env("CLOUDFLARE_API_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env("CLOUDFLARE_API_TOKEN"),
        "ZONEID": env("CLOUDFLARE_ZONE_ID", required=True),
    }
if env("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env("CLOUDFRONT_DISTRIBUTION_ID"),
    }

# --- E-mail and logging ------------------------------------------------------------------------------
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "no-reply@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(process)d %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
    "loggers": {
        "portal": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.security": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}
