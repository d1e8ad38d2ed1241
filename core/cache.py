"""Per-site cache generations: widgets key their output on the site's generation, and publishing
anything on a site bumps it, so every widget of that site (in every locale) is fresh at once.

Three layers, cheapest first:
- a per-request memo: a page asks for its site's generation once per widget, and some keys twice;
- a small per-process copy of generation-keyed entries: such a key names one generation of one site, so
  its value never changes, it only expires. The generation itself is read from the shared cache on every
  request, so a publish on any process is seen by every process on its next request;
- the shared cache (Redis in production), which every process reads and writes.
If the shared cache is down there is no generation: every widget is computed, nothing local is trusted.
"""

import logging
import pickle
import threading
import time
from collections import OrderedDict

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.utils.translation import get_language

logger = logging.getLogger("portal.cache")

GENERATION_KEY = "site-generation:{site_id}"
MISSING = object()

_request_memo = threading.local()


def _start_request_memo(**kwargs):
    _request_memo.generations = {}
    _request_memo.values = {}


def _end_request_memo(**kwargs):
    _request_memo.__dict__.clear()


request_started.connect(_start_request_memo, dispatch_uid="portal-generation-memo-start")
request_finished.connect(_end_request_memo, dispatch_uid="portal-generation-memo-end")


class ProcessCache:
    """A bounded, short-lived copy of immutable entries in this process (least recently used go first).

    Strings (rendered HTML) are kept as they are; anything else is kept pickled and unpickled on every
    read, so no two requests ever share a mutable object such as a page."""

    def __init__(self, max_entries=2000, ttl=60):
        self.max_entries, self.ttl = max_entries, ttl
        self._entries = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return MISSING
            expires, is_pickled, payload = entry
            if expires < time.monotonic():
                del self._entries[key]
                return MISSING
            self._entries.move_to_end(key)
        return pickle.loads(payload) if is_pickled else payload

    def set(self, key, value, timeout):
        is_pickled = not isinstance(value, str)
        payload = pickle.dumps(value, pickle.HIGHEST_PROTOCOL) if is_pickled else value
        with self._lock:
            self._entries[key] = (time.monotonic() + min(self.ttl, timeout), is_pickled, payload)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def clear(self):
        with self._lock:
            self._entries.clear()


process_cache = ProcessCache()


def new_generation():
    # Microseconds since the epoch: after a flush of the shared cache, a site's new generation can never
    # equal an old one still named by a key in some process's copy.
    return time.time_ns() // 1000


def site_generation(site_id):
    """The site's current generation from the shared cache, or None if the cache is unavailable."""
    memo = getattr(_request_memo, "generations", None)
    if memo is not None and site_id in memo:
        return memo[site_id]
    key = GENERATION_KEY.format(site_id=site_id)
    try:
        generation = cache.get(key)
        if generation is None:
            cache.add(key, new_generation(), timeout=None)
            generation = cache.get(key)  # whoever added first wins; None: the cache is down
    except Exception:  # cache server down: render uncached rather than fail
        logger.exception("cache unavailable while reading site generation")
        generation = None
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
        except ValueError:  # key missing: a fresh generation differs from every cached fragment's key
            cache.set(key, new_generation(), timeout=None)
    except Exception:
        logger.exception("cache unavailable while bumping site generation")


def widget_key(site_id, name, *parts):
    """Cache key for a widget on one site in the active language, or None if caching is off."""
    generation = site_generation(site_id)
    if generation is None:
        return None
    suffix = ":".join(str(part) for part in parts)
    return f"widget:{site_id}:{generation}:{get_language()}:{name}:{suffix}"


def get_versioned(key):
    """A generation-keyed entry: this process's copy, else the shared cache's. MISSING if neither has it."""
    value = process_cache.get(key)
    if value is not MISSING:
        return value
    try:
        value = cache.get(key, MISSING)  # None is a real answer too ("this site has no such page")
    except Exception:
        logger.exception("cache unavailable while reading %s", key)
        return MISSING
    if value is not MISSING:
        process_cache.set(key, value, process_cache.ttl)
    return value


def set_versioned(key, value, timeout):
    process_cache.set(key, value, timeout)
    try:
        cache.set(key, value, timeout)
    except Exception:
        logger.exception("cache unavailable while writing %s", key)


def cached(site_id, name, parts, compute, timeout=600):
    """Return compute() through the site's widget cache; degrade to compute() if the cache fails.

    Within one request a key is read once (the language links serve both <head> and the switcher)."""
    key = widget_key(site_id, name, *parts)
    if key is None:
        return compute()
    memo = getattr(_request_memo, "values", None)
    if memo is not None and key in memo:
        return memo[key]
    value = get_versioned(key)
    if value is MISSING:
        value = compute()
        set_versioned(key, value, timeout)
    if memo is not None:
        memo[key] = value
    return value


def cached_for_page_view(request, name, parts, compute, timeout=600):
    """cached() for output rendered for a page view: keyed on the request's site. A preview shows the draft,
    so it never reads a cached copy nor leaves its own behind; without a site nothing is cached."""
    from wagtail.models import Site

    site = Site.find_for_request(request) if request else None
    if site is None or getattr(request, "is_preview", False):
        return compute()
    return cached(site.id, name, parts, compute, timeout)
