"""A circuit breaker in front of Redis: when it fails, this process stops asking it for a few seconds.

`BreakerRedisCache` is django-redis's backend with every call going through a `Breaker` for its server.
The first failure opens the breaker and logs ONE line (logger "portal.cache", no traceback); while it is
open, calls do not touch the network at all: reads answer "missing", writes and deletes do nothing, and
counters (`incr`/`decr`) raise `CacheUnavailable`, so a rate limit can decide what an outage means for it.
After `COOLDOWN` seconds one call tries Redis again: success closes the breaker (one line: "reachable
again"), failure keeps it open for another cooldown without logging. So an outage costs each process one
failed connection per cooldown and one log line per outage, and every page renders uncached meanwhile.

Sessions (`cached_db`) read "missing" and go to the database; Django itself never notices the outage.

A few keys that libraries rebuild at great cost on every miss (OUTAGE_COPY_KEYS: Wagtail's site root paths,
one query per site, on each request that builds a page URL: 100 queries a view of the province hub) are
kept in this process while the server is unavailable, for at most PORTAL_OUTAGE_CACHE_SECONDS, as the
portal's own fragments are (core/cache.py); deleting such a key drops this process's copy at once.
"""

import logging
import threading
import time

from django.conf import settings
from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import RedisError

logger = logging.getLogger("portal.cache")

FAILURES = (ConnectionInterrupted, RedisError, OSError)


OUTAGE_COPY_KEYS = frozenset({"wagtail_site_root_paths"})


class OutageCopy:
    """This process's copy of OUTAGE_COPY_KEYS, read and written only while the server is unavailable."""

    def __init__(self):
        self._entries, self._lock = {}, threading.Lock()

    @staticmethod
    def seconds():
        return float(getattr(settings, "PORTAL_OUTAGE_CACHE_SECONDS", 30))

    @staticmethod
    def _key(args, kwargs):
        key = args[0] if args else kwargs.get("key")
        if key not in OUTAGE_COPY_KEYS:
            return None
        return (key, kwargs.get("version"))

    def get(self, args, kwargs):
        key = self._key(args, kwargs)
        if key is None or self.seconds() <= 0:  # not such a key, or the outage copy is turned off
            return _default(args, kwargs)
        with self._lock:
            expires, value = self._entries.get(key, (0.0, None))
        return value if expires > time.monotonic() else _default(args, kwargs)

    def set(self, args, kwargs):
        key = self._key(args, kwargs)
        value = args[1] if len(args) > 1 else kwargs.get("value")
        if key is not None:
            with self._lock:
                self._entries[key] = (time.monotonic() + self.seconds(), value)
        return False

    def delete(self, args, kwargs):
        key = self._key(args, kwargs)
        with self._lock:
            self._entries.pop(key, None)

    def clear(self):
        with self._lock:
            self._entries.clear()


outage_copy = OutageCopy()


class CacheUnavailable(Exception):
    """The cache server is down (or was a moment ago): a counter cannot be read or written."""


class Breaker:
    def __init__(self, name):
        self.name = name
        self.open_until = 0.0  # monotonic time before which nobody tries the server
        self.down_since = None  # set while an outage lasts (from its first failure to the next success)
        self._lock = threading.Lock()

    @staticmethod
    def cooldown():
        return float(getattr(settings, "CACHE_BREAKER_COOLDOWN", 5))

    def allows(self):
        return time.monotonic() >= self.open_until

    def failed(self, error):
        with self._lock:
            self.open_until = time.monotonic() + self.cooldown()
            first = self.down_since is None
            if first:
                self.down_since = time.monotonic()
        if first:
            logger.error(
                "cache %s unavailable (%s: %s); pages render uncached, retrying every %.0f s",
                self.name,
                type(error).__name__,
                str(error).splitlines()[0][:200] if str(error) else "",
                self.cooldown(),
            )

    def succeeded(self):
        if self.down_since is None:
            return
        with self._lock:
            down_since, self.down_since = self.down_since, None
        if down_since is not None:
            logger.warning("cache %s reachable again after %.0f s", self.name, time.monotonic() - down_since)


_breakers = {}
_breakers_lock = threading.Lock()


def breaker_for(name):
    """One breaker per cache server and process (Django makes a cache object per thread)."""
    with _breakers_lock:
        if name not in _breakers:
            _breakers[name] = Breaker(name)
        return _breakers[name]


def reset_breakers():
    """Close every breaker (tests start each case with Redis assumed up)."""
    with _breakers_lock:
        _breakers.clear()
    outage_copy.clear()


def _guarded(method_name, fallback):
    """fallback(args, kwargs) is the answer while the server is unavailable; None-returning methods get None."""
    parent = getattr(RedisCache, method_name)

    def method(self, *args, **kwargs):
        breaker = self.breaker
        if not breaker.allows():
            return fallback(args, kwargs)
        try:
            result = parent(self, *args, **kwargs)
        except FAILURES as error:
            breaker.failed(error)
            return fallback(args, kwargs)
        breaker.succeeded()
        return result

    method.__name__ = method_name
    return method


def _default(args, kwargs):
    return args[1] if len(args) > 1 else kwargs.get("default")


def _nothing(args, kwargs):
    return None


def _false(args, kwargs):
    return False


def _empty(args, kwargs):
    return {}


def _unavailable(args, kwargs):
    raise CacheUnavailable("cache server unavailable")


class BreakerRedisCache(RedisCache):
    """django_redis.cache.RedisCache behind a circuit breaker. Set OPTIONS["IGNORE_EXCEPTIONS"] = False
    (the breaker handles failures; django-redis would otherwise swallow them and log a traceback each)."""

    @property
    def breaker(self):
        return breaker_for(self._server if isinstance(self._server, str) else ",".join(self._server))

    get = _guarded("get", outage_copy.get)
    get_many = _guarded("get_many", _empty)
    has_key = _guarded("has_key", _false)
    set = _guarded("set", outage_copy.set)
    set_many = _guarded("set_many", _nothing)
    add = _guarded("add", _false)
    touch = _guarded("touch", _false)
    _delete = _guarded("delete", _false)

    def delete(self, *args, **kwargs):
        outage_copy.delete(args, kwargs)  # up or down: a deleted key is never served from this process's copy
        return self._delete(*args, **kwargs)

    delete_many = _guarded("delete_many", _nothing)
    clear = _guarded("clear", _nothing)
    incr = _guarded("incr", _unavailable)
    decr = _guarded("decr", _unavailable)
    ttl = _guarded("ttl", _nothing)
    keys = _guarded("keys", lambda args, kwargs: [])
