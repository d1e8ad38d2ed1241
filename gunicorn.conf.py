"""gunicorn settings for production: `gunicorn -c gunicorn.conf.py portal.wsgi`.

Every value can be overridden from the environment, so the same file serves a small commune server
and a province cluster (reverse proxy -> N machines x WEB_CONCURRENCY workers -> PostgreSQL + Redis).
"""

import multiprocessing
import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

wsgi_app = "portal.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: pages are CPU-bound rendering plus short DB/Redis calls; 2 x cores + 1 is the usual fit.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
worker_class = "gthread" if threads > 1 else "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so a slow leak can never grow unbounded.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "10000"))
max_requests_jitter = 1000
# Only the reverse proxy may set X-Forwarded-* headers.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
proc_name = "commune-portal"
