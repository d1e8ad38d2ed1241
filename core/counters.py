"""Counters for rate limits and throttles, in their own cache alias ("counters").

The page cache and fragments live in "default", which production runs with an eviction policy; counters
live in "counters" (its own Redis database, run with noeviction), so no flood of page copies can evict
them. With the server unavailable, count() raises CacheUnavailable and each caller decides what an outage
means (core/spam.py lets residents' messages through; see README "Caching")."""

from django.core.cache import caches

from .cache_breaker import CacheUnavailable

ALIAS = "counters"

__all__ = ["CacheUnavailable", "count", "counters"]


def counters():
    return caches[ALIAS]


def count(key, window):
    """Add one to key and return its value; the window starts at the first count."""
    store = counters()
    try:
        store.add(key, 0, window)
        return store.incr(key)
    except ValueError:  # expired between add and incr
        store.set(key, 1, window)
        return 1
