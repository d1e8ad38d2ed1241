"""Start and stop production-like gunicorn processes on 127.0.0.1 (used by the benchmarks and the
two-process test). Each process runs `portal.settings.production` against PostgreSQL and Redis."""

import contextlib
import hashlib
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))


def production_env(database_url, redis_url, static_root, **extra):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(60),
        "DJANGO_ALLOWED_HOSTS": ".gialai.gov.vn,127.0.0.1,localhost,.localhost",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        # One key space per database: Wagtail caches site root paths, which differ between databases.
        "CACHE_KEY_PREFIX": "portal-" + urlparse(database_url).path.strip("/"),
        "STATIC_ROOT": str(static_root),
        "GUNICORN_ACCESSLOG": "",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the test suite; production must not have it
    env.update(extra)
    return env


def reachable(database_url, redis_url):
    """True if PostgreSQL and Redis answer (the admin database of the server is enough for PostgreSQL)."""
    for url, default_port in ((database_url, 5432), (redis_url, 6379)):
        parsed = urlparse(url)
        try:
            socket.create_connection((parsed.hostname or "127.0.0.1", parsed.port or default_port), timeout=1).close()
        except OSError:
            return False
    return True


def ensure_database(database_url, fresh=False):
    """Create the database if missing; `fresh` drops it first (migrations are still being regenerated)."""
    import psycopg

    parsed = urlparse(database_url)
    name = parsed.path.lstrip("/")
    admin_url = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True, connect_timeout=5) as connection:
        if fresh:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def manage(env, *args, check=True, **kwargs):
    result = subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, **kwargs)
    if check and result.returncode != 0:
        raise RuntimeError(f"manage.py {args[0]} failed ({result.returncode}):\n{result.stderr[-3000:]}")
    return result


def migrations_fingerprint():
    digest = hashlib.sha256()
    for path in sorted(ROOT.glob("*/migrations/*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def prepare(env, fresh=False):
    """Database, migrations and collected static files: what a deploy does once before starting processes.

    fresh="if-migrations-changed" rebuilds the database only when a migration file changed since the last
    run (unreleased migrations get regenerated in place, which `migrate` cannot notice)."""
    if fresh == "if-migrations-changed":
        marker = Path(tempfile.gettempdir()) / f"portal-{urlparse(env['DATABASE_URL']).path.strip('/')}.migrations"
        fingerprint = migrations_fingerprint()
        fresh = not marker.exists() or marker.read_text() != fingerprint
        marker.unlink(missing_ok=True)
    else:
        marker = None
    ensure_database(env["DATABASE_URL"], fresh=fresh)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    if marker is not None:
        marker.write_text(fingerprint)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(env, port, workers=1):
    """Start gunicorn on 127.0.0.1:port and wait until it serves; its log goes to a temporary file."""
    log = tempfile.NamedTemporaryFile(prefix=f"gunicorn-{port}-", suffix=".log", delete=False)  # noqa: SIM115
    process = subprocess.Popen(
        [GUNICORN, "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    process.log_path = log.name
    try:
        wait_until_serving(process, port)
    except BaseException:
        stop(process)  # never leave a half-started server behind
        raise
    return process


def wait_until_serving(process, port, seconds=120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn on port {port} exited with {process.returncode}:\n{log_tail(process)}")
        try:
            get(port, "/static/css/portal.css")
            return
        except OSError:  # refused, reset or timed out while the workers boot
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn on port {port} did not start:\n{log_tail(process)}")


def log_tail(process, lines=30):
    return "\n".join(Path(process.log_path).read_text(errors="replace").splitlines()[-lines:])


def stop(process):
    """Stop one gunicorn we started (its own process group: the arbiter and its workers)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)  # the whole group, even if the arbiter already died
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    log_path = getattr(process, "log_path", None)
    if log_path:
        Path(log_path).unlink(missing_ok=True)


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")


def get(port, path, host="127.0.0.1", headers=None):
    """GET as a reader behind the TLS proxy (X-Forwarded-Proto: https)."""
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", headers={"Host": host, "X-Forwarded-Proto": "https", **(headers or {})}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return Response(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return Response(error.code, error.headers, error.read())
