"""Real Redis for cache tests: the production cache settings pointed at this suite's own databases.

Databases 8 (page cache, fragments, routes, generations) and 9 (counters) of the shared Redis on 6379,
or a redis-server these tests start themselves on another port when they need to stop it."""

import shutil
import socket
import subprocess
import tempfile
import time

import pytest
import redis

DEFAULT_DB, COUNTERS_DB = 8, 9


def redis_caches(port=6379, default_db=DEFAULT_DB, counters_db=COUNTERS_DB, prefix="portal-test"):
    options = {"IGNORE_EXCEPTIONS": False, "SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5}
    return {
        alias: {
            "BACKEND": "core.cache_breaker.BreakerRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/{db}",
            "KEY_PREFIX": prefix,
            "TIMEOUT": 600,
            "OPTIONS": options,
        }
        for alias, db in (("default", default_db), ("counters", counters_db))
    }


def use_redis(settings, port=6379):
    from core.cache import process_cache
    from core.cache_breaker import reset_breakers

    for db in (DEFAULT_DB, COUNTERS_DB):
        redis.Redis(port=port, db=db).flushdb()
    settings.CACHES = redis_caches(port)
    settings.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False
    reset_breakers()
    process_cache.clear()


def keys(db=DEFAULT_DB, port=6379, pattern="*"):
    return [key.decode() for key in redis.Redis(port=port, db=db).keys(pattern)]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class OwnRedis:
    """A redis-server of this test only (never the shared one), which the test may stop and start."""

    def __init__(self):
        self.port = free_port()
        self.dir = tempfile.mkdtemp(prefix="portal-test-redis-")
        self.process = None

    def start(self):
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.skip("redis-server is not installed")
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--save", "", "--appendonly", "no", "--dir", self.dir],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                redis.Redis(port=self.port).ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def cleanup(self):
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)
