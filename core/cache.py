"""Per-site cache generations: widgets key their output on the site's generation, and publishing
anything on a site bumps it, so every widget of that site (in every locale) is fresh at once."""

import logging
import threading

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.utils.translation import get_language

logger = logging.getLogger("portal.cache")

GENERATION_KEY = "site-generation:{site_id}"

# A page asks for its site's generation once per widget; inside one request the answer is read from the
# cache once and remembered (one Redis round trip instead of one per widget). Outside requests nothing is
# remembered, and a bump forgets the remembered value at once.
_request_memo = threading.local()


def _start_request_memo(**kwargs):
    _request_memo.generations = {}
    _request_memo.values = {}


def _end_request_memo(**kwargs):
    _request_memo.__dict__.clear()


request_started.connect(_start_request_memo, dispatch_uid="portal-generation-memo-start")
request_finished.connect(_end_request_memo, dispatch_uid="portal-generation-memo-end")


def site_generation(site_id):
    memo = getattr(_request_memo, "generations", None)
    if memo is not None and site_id in memo:
        return memo[site_id]
    key = GENERATION_KEY.format(site_id=site_id)
    try:
        generation = cache.get(key)
        if generation is None:
            generation = 1
            cache.add(key, generation, timeout=None)
    except Exception:  # cache server down: render uncached rather than fail
        logger.exception("cache unavailable while reading site generation")
        return None
    if memo is not None:
        memo[site_id] = generation
    return generation


def bump_site_generation(site_id):
    memo = getattr(_request_memo, "generations", None)
    if memo is not None:
        memo.pop(site_id, None)
    key = GENERATION_KEY.format(site_id=site_id)
    try:
        try:
            cache.incr(key)
        except ValueError:  # key missing: any new value differs from cached fragments' keys
            cache.set(key, 2, timeout=None)
    except Exception:
        logger.exception("cache unavailable while bumping site generation")


def widget_key(site_id, name, *parts):
    """Cache key for a widget on one site in the active language, or None if caching is off."""
    generation = site_generation(site_id)
    if generation is None:
        return None
    suffix = ":".join(str(part) for part in parts)
    return f"widget:{site_id}:{generation}:{get_language()}:{name}:{suffix}"


def cached(site_id, name, parts, compute, timeout=600):
    """Return compute() through the site's widget cache; degrade to compute() if the cache fails.

    Within one request a key is read once (the language links serve both <head> and the switcher)."""
    key = widget_key(site_id, name, *parts)
    if key is None:
        return compute()
    memo = getattr(_request_memo, "values", None)
    if memo is not None and key in memo:
        return memo[key]
    value = _read_through(key, compute, timeout)
    if memo is not None:
        memo[key] = value
    return value


_MISSING = object()


def _read_through(key, compute, timeout):
    try:
        value = cache.get(key, _MISSING)  # None is a real answer too ("this site has no such page")
    except Exception:
        logger.exception("cache unavailable while reading %s", key)
        return compute()
    if value is _MISSING:
        value = compute()
        try:
            cache.set(key, value, timeout)
        except Exception:
            logger.exception("cache unavailable while writing %s", key)
    return value
