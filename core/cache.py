"""The cache contract (README "Caching"): every cached value or fragment for a page view is keyed on

    release (core/cache_release.py) : site : the site's generation : language : name : parts [: day]

and nothing else caches published content. Rules built in, so no call site can forget them:
- a preview (request.is_preview) never reads a cached copy nor leaves one behind;
- `daily=True` adds today's date (for output that changes at midnight: "today" widgets, calendars);
- the generation is read once per request (a per-request memo) and changes only after a commit that
  changed the site (core/invalidation.py): an entry rendered from the old state is stored under the old
  generation and never read again;
- with the cache server unavailable (core/cache_breaker.py) there is no shared generation: the page cache
  steps aside, and fragments, the site list and route snapshots use this process's own outage generation
  (`outage_generation`): kept in the per-process copy for at most PORTAL_OUTAGE_CACHE_SECONDS (30 s), renewed
  at once by a change committed in this process. A route snapshot is only a shortcut then: whether its page
  is still published at that address, and its view restrictions, are read from the database on every
  request. So an outage costs a few seconds of staleness between processes for widgets and page content,
  never a page that should be refused.

A generation is two numbers: one for all sites (bumped by shared things: images, documents, tags,
locales, the site list) and one per site; both come from a single cache round trip.

An optional per-process copy of entries (`process_cache`, PORTAL_PROCESS_CACHE) keeps values whose key
names one generation, which never change, only expire; benchmarks decide whether it stays on.
"""

import hashlib
import logging
import pickle
import threading
import time
from collections import OrderedDict
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.utils import timezone
from django.utils.translation import get_language

from .cache_release import release

logger = logging.getLogger("portal.cache")

GENERATION_KEY = "site-generation:{site_id}"
ALL_SITES_KEY = "site-generation:all"
MISSING = object()

_request_memo = threading.local()


def _start_request_memo(**kwargs):
    _request_memo.generations = {}
    _request_memo.values = {}


def _end_request_memo(**kwargs):
    _request_memo.__dict__.clear()


request_started.connect(_start_request_memo, dispatch_uid="portal-generation-memo-start")
request_finished.connect(_end_request_memo, dispatch_uid="portal-generation-memo-end")


class CurrentRequestMiddleware:
    """Remembers the request being served (for the preview rule of cached()); a preview request served
    inside an admin request restores the outer one afterwards."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        previous = getattr(_request_memo, "request", None)
        _request_memo.request = request
        try:
            return self.get_response(request)
        finally:
            _request_memo.request = previous


def current_request_is_preview():
    return bool(getattr(getattr(_request_memo, "request", None), "is_preview", False))


class ProcessCache:
    """A bounded, short-lived copy of immutable entries in this process (least recently used go first).

    Strings (rendered HTML) are kept as they are; anything else is kept pickled and unpickled on every
    read, so no two requests ever share a mutable object such as a page."""

    def __init__(self, max_entries=2000, ttl=60):
        self.max_entries, self.ttl = max_entries, ttl
        self._entries = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def enabled():
        return getattr(settings, "PORTAL_PROCESS_CACHE", True)

    def get(self, key):
        if not self.enabled():
            return MISSING
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
        if not self.enabled():
            return
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


def _read_generations(keys):
    """{key: value} for keys, creating missing ones; None if the cache is unavailable."""
    found = cache.get_many(keys)
    missing = [key for key in keys if key not in found]
    if not missing:
        return found
    for key in missing:
        cache.add(key, new_generation(), timeout=None)
    found = cache.get_many(keys)  # whoever added first wins; still missing: the cache is down
    return found if len(found) == len(keys) else None


def site_generation(site_id):
    """'<all sites>.<this site>' generation from the shared cache, or None if the cache is unavailable."""
    memo = getattr(_request_memo, "generations", None)
    if memo is not None and site_id in memo:
        return memo[site_id]
    key = GENERATION_KEY.format(site_id=site_id)
    values = _read_generations([ALL_SITES_KEY, key])
    generation = None if values is None else f"{values[ALL_SITES_KEY]}.{values[key]}"
    if memo is not None:
        memo[site_id] = generation
    return generation


def get_many_with_generation(site_id, keys):
    """(values, generation): the entries for keys and the site's generation in one cache round trip (the
    page cache's hit path). The generation is remembered for the request like site_generation()'s; it is
    None if a generation key is missing or the cache is unavailable (site_generation() then decides)."""
    generation_keys = [ALL_SITES_KEY, GENERATION_KEY.format(site_id=site_id)]
    found = cache.get_many([*keys, *generation_keys])
    if not all(key in found for key in generation_keys):
        return found, None
    generation = f"{found[generation_keys[0]]}.{found[generation_keys[1]]}"
    memo = getattr(_request_memo, "generations", None)
    if memo is not None:
        memo[site_id] = generation
    return found, generation


_outage_changes = [0]  # changes committed in this process while the cache was unavailable


def outage_generation():
    """This process's generation for fragments while the shared cache is unavailable, or None if off.

    It changes every PORTAL_OUTAGE_CACHE_SECONDS and with every change committed in this process, so a
    fragment lives at most that long in the per-process copy (the only copy there is during an outage)."""
    seconds = getattr(settings, "PORTAL_OUTAGE_CACHE_SECONDS", 30)
    if not seconds or not process_cache.enabled():
        return None
    return f"outage.{int(time.time() // seconds)}.{_outage_changes[0]}"


def _bump(key):
    memo = getattr(_request_memo, "generations", None)
    if memo is not None:
        memo.clear()
    try:
        cache.incr(key)
    except ValueError:  # key missing: a fresh generation differs from every cached fragment's key
        cache.set(key, new_generation(), timeout=None)
    except Exception:  # unavailable: this process's outage copies are retired; others age out
        _outage_changes[0] += 1
        logger.debug("cache unavailable while bumping %s", key)


def bump_site_generation_now(site_id):
    _bump(GENERATION_KEY.format(site_id=site_id))


def bump_all_sites_now():
    _bump(ALL_SITES_KEY)


def bump_site_generation(site_id):
    """Invalidate everything cached for the site once the current transaction commits (core/invalidation)."""
    from .invalidation import invalidate_sites

    invalidate_sites([site_id])


def widget_key(site_id, name, *parts, daily=False):
    """Cache key for output on one site in the active language, or None if caching is off."""
    generation = site_generation(site_id) or outage_generation()
    if generation is None:
        return None
    if daily:
        parts = (*parts, timezone.localdate().isoformat())
    suffix = ":".join(str(part) for part in parts)
    if len(suffix) > 120:
        suffix = hashlib.sha256(suffix.encode()).hexdigest()
    return f"frag:{release()}:{site_id}:{generation}:{get_language()}:{name}:{suffix}"


def get_versioned(key):
    """A generation-keyed entry: this process's copy, else the shared cache's. MISSING if neither has it."""
    value = process_cache.get(key)
    if value is not MISSING:
        return value
    value = cache.get(key, MISSING)  # None is a real answer too ("this site has no such page")
    if value is not MISSING:
        process_cache.set(key, value, process_cache.ttl)
    return value


def set_versioned(key, value, timeout):
    process_cache.set(key, value, timeout)
    cache.set(key, value, timeout)


def cached(site_id, name, parts, compute, timeout=600, daily=False, shared=True, keep=None):
    """compute() through the site's cache: keyed on release, site, generation, language, name, parts (and
    today's date if daily). Computed, not cached, in a preview or while the cache is unavailable.

    shared=False keeps the value in this process's bounded copy only (least recently used entries go
    first): for values keyed on what a reader typed (a search), where a shared entry per distinct input
    would let anyone fill Redis. keep(value) -> False leaves a value uncached (e.g. too large).
    Within one request a key is read once (the language links serve both <head> and the switcher)."""
    if site_id is None or current_request_is_preview():
        return compute()
    key = widget_key(site_id, name, *parts, daily=daily)
    if key is None:
        return compute()
    memo = getattr(_request_memo, "values", None)
    if memo is not None and key in memo:
        return memo[key]
    value = get_versioned(key) if shared else process_cache.get(key)
    if value is MISSING:
        value = compute()
        if keep is None or keep(value):
            if shared:
                set_versioned(key, value, timeout)
            else:
                process_cache.set(key, value, timeout)
    if memo is not None:
        memo[key] = value
    return value


def cached_for_page_view(request, name, parts, compute, timeout=600, daily=False):
    """cached() keyed on the request's site. A preview shows the draft, so it never reads a cached copy
    nor leaves its own behind; without a site nothing is cached."""
    from wagtail.models import Site

    site = Site.find_for_request(request) if request else None
    if site is None or getattr(request, "is_preview", False):
        return compute()
    return cached(site.id, name, parts, compute, timeout, daily=daily)


def declare_filter_state(request, state):
    """A view tells the page cache which filter state it really applied (e.g. {"category": "nong-nghiep",
    "page": 2}); a filtered URL is stored only if its query string says exactly that, so unknown values,
    out-of-range pages and junk never get copies of their own. Empty values and page 1 are left out."""
    if request is None:
        return
    items = {}
    for name, value in state.items():
        if name == "page" and str(value) == "1":
            continue
        if value not in (None, ""):
            items[name] = str(value)
    request.page_cache_filter_state = urlencode(sorted(items.items()))
