"""A full-page cache for anonymous readers, kept in the shared cache (Redis) so every app process uses it.

One middleware, placed right after WhiteNoise: a hit is answered before sessions, CSRF, auth and
messages run (no database query at all), and on the way out it sees the final response with every
Set-Cookie, Cache-Control and Vary header, so it stores only what is safe to share.

Each stored copy records its site and the site's cache generation (core/cache.py) read *before* the page
was rendered. A copy is served only while that generation is current; generations change after a commit
(core/invalidation.py), so publishing anything on a site makes every page of that site fresh at once, in
every process, and a publish that races with a render can never leave a stale copy behind.

Every part of the key is bounded: tracking parameters are dropped (the clean copy is served), other
parameters count only if the view declared that filter state canonical, the host must be a site's own,
reader preferences and dismissed alerts are normalised (pagecache/variants.py). Requests it does not
serve or store carry `X-Page-Cache: bypass`.
"""

import fnmatch
import functools
import hashlib
import logging
import re
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.utils import translation

from core.cache import get_many_with_generation, site_generation
from core.cache_release import release
from core.routing import SITES_VERSION_KEY, accept_remembered_site, find_site, is_canonical_host, remembered_site

from .variants import reader_variant

logger = logging.getLogger("portal.cache")

HEADER = "X-Page-Cache"
DEFAULT_EXCLUDED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/reader-preferences/")
# Vary values the cache key already covers (language, reader-preferences cookie) or that cannot differ here.
SAFE_VARY = {"cookie", "accept-language", "accept-encoding"}
UNSHAREABLE = {"private", "no-store", "no-cache"}
# Query parameters a page may be filtered by. A copy is stored for a filtered URL only if the view declared
# that exact filter state canonical (core.cache.declare_filter_state); any other parameter (tracking junk,
# cache busters) means "render, do not store".
DEFAULT_QUERY_PARAMS = ("page", "category", "tag", "year", "month", "period", "type", "week")
# Tracking parameters added by Facebook, Zalo, Google, newsletters: dropped from the key, the clean copy served.
DEFAULT_IGNORED_PARAMS = (
    "utm_*",
    "fbclid",
    "gclid",
    "gbraid",
    "wbraid",
    "dclid",
    "msclkid",
    "zarsrc",
    "zalo_*",
    "mc_cid",
    "mc_eid",
    "_ga",
    "_gl",
    "igshid",
    "ref_src",
)
PAGE_NUMBER = re.compile(r"^[0-9]{1,6}$")
NOT_CACHEABLE = object()


def enabled():
    return getattr(settings, "PAGECACHE_ENABLED", False)


def excluded_prefixes():
    return tuple(getattr(settings, "PAGECACHE_EXCLUDED_PREFIXES", DEFAULT_EXCLUDED_PREFIXES))


@functools.lru_cache(maxsize=4)
def _ignored_pattern(patterns):
    """One compiled regex for every pattern: a shared link's hit path tests each parameter once."""
    return re.compile("|".join(f"(?:{fnmatch.translate(pattern.lower())})" for pattern in patterns))


def is_ignored(name):
    patterns = tuple(getattr(settings, "PAGECACHE_IGNORED_PARAMS", DEFAULT_IGNORED_PARAMS))
    return _ignored_pattern(patterns).match(name.lower()) is not None


def normalised_query(request):
    """The query string as it matters to the page: tracking parameters dropped, each parameter's last value
    (what QueryDict.get reads), `page` as a number with page 1 dropped, sorted. NOT_CACHEABLE if any other
    parameter is present or a page number is not a number."""
    allowed = getattr(settings, "PAGECACHE_QUERY_PARAMS", DEFAULT_QUERY_PARAMS)
    state = {}
    for name in request.GET:
        if is_ignored(name):
            continue
        if name not in allowed:
            return NOT_CACHEABLE
        value = request.GET.get(name, "")
        if name == "page":
            if not PAGE_NUMBER.match(value) or int(value) < 1:
                return NOT_CACHEABLE
            value = "" if int(value) == 1 else str(int(value))
        if value:
            state[name] = value
    return urlencode(sorted(state.items()))


def page_key(request, site, language, query):
    """release + site + host name + scheme + path + normalised query + language + reader variant.
    The site, not the server's port: every worker and server behind the proxy shares one copy, whatever
    port it listens on. Only a site's own host name is ever stored under (a stray name is bypassed)."""
    hostname = split_domain_port(request.get_host())[0].lower()
    raw = "|".join(
        (
            release(),
            str(site.pk),
            hostname,
            request.scheme,
            request.path,
            query,
            language,
            reader_variant(request),
        )
    )
    return "page:" + hashlib.sha256(raw.encode()).hexdigest()


def may_use_cache(request):
    """Only anonymous GETs of public paths; any session or messages cookie means a person-specific page."""
    if request.method != "GET" or "HTTP_AUTHORIZATION" in request.META:
        return False
    if request.path.startswith(excluded_prefixes()):
        return False
    personal_cookies = (settings.SESSION_COOKIE_NAME, getattr(settings, "MESSAGE_COOKIE_NAME", "messages"))
    return not any(name in request.COOKIES for name in personal_cookies)


def cache_control(response):
    directives = set()
    for part in response.get("Cache-Control", "").split(","):
        name = part.split("=", 1)[0].strip().lower()
        if name:
            directives.add(name)
    return directives


def may_store(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if getattr(request, "is_preview", False) or response.has_header("Content-Encoding"):
        return False
    user = getattr(request, "_cached_user", None)  # only look if the view already loaded the user
    if user is not None and user.is_authenticated:
        return False
    directives = cache_control(response)
    if "public" not in directives or directives & UNSHAREABLE:
        return False  # only pages that declare themselves shareable (BasePage does; restricted pages don't)
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    return vary <= SAFE_VARY


def timeout(response):
    """PAGECACHE_TIMEOUT, or less if the page asks shared caches for less: s-maxage, else max-age (as any
    shared cache reads them; the work calendar asks for 120 s)."""
    ages = {}
    for part in response.get("Cache-Control", "").split(","):
        name, _, value = part.strip().partition("=")
        if name.lower() in ("max-age", "s-maxage") and value.strip().isdigit():
            ages[name.lower()] = int(value)
    limit = getattr(settings, "PAGECACHE_TIMEOUT", 600)
    asked = ages.get("s-maxage", ages.get("max-age"))
    return limit if asked is None else min(limit, asked)


def request_language(request):
    """The language LocaleMiddleware will activate for reader URLs (i18n_patterns, unprefixed Vietnamese).
    Checked again after rendering: a page rendered in another language is not stored."""
    return translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


def bypass(response):
    response[HEADER] = "bypass"
    return response


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not enabled():
            return self.get_response(request)
        if not may_use_cache(request):
            return (
                bypass(self.get_response(request)) if request.method in ("GET", "HEAD") else self.get_response(request)
            )
        query = normalised_query(request)
        if query is NOT_CACHEABLE:
            return bypass(self.get_response(request))  # never a copy per junk parameter
        language = request_language(request)
        site, key, entry, generation = self.lookup(request, language, query)
        if key is None:
            return bypass(self.get_response(request))
        if entry is not None and generation is not None and entry["generation"] == generation:
            response = HttpResponse(entry["content"], status=entry["status"])
            for name, value in entry["headers"]:
                response[name] = value
            response[HEADER] = "hit"
            return response
        # The generation was read *before* rendering: a commit during the render retires what it produced.
        if generation is None:  # cache unavailable
            return bypass(self.get_response(request))
        response = self.get_response(request)
        declared = getattr(request, "page_cache_filter_state", "")
        if may_store(request, response) and translation.get_language() == language and (not query or declared == query):
            self.write(key, site.id, generation, response)
            response[HEADER] = "miss"
        else:
            response[HEADER] = "bypass"
        return response

    @staticmethod
    def lookup(request, language, query):
        """(site, key, entry, generation); key None for a host that is not a site's own.

        A hit costs one cache round trip: the site comes from this process's copy of the site list, checked
        against the list's current version in the same get_many as the stored copy and the site's
        generation. If that copy is out of date, the usual lookups."""
        site, version = remembered_site(request)
        if site is not None and is_canonical_host(request, site):
            key = page_key(request, site, language, query)
            found, generation = get_many_with_generation(site.pk, [SITES_VERSION_KEY, key])
            if version == found.get(SITES_VERSION_KEY):
                accept_remembered_site(request, site)
                return site, key, found.get(key), generation or site_generation(site.pk)
        site = find_site(request)  # from the cached site list; Wagtail reads it back from the request
        if not is_canonical_host(request, site):
            return site, None, None, None  # a stray host name under the wildcard: never a copy
        key = page_key(request, site, language, query)
        return site, key, cache.get(key), site_generation(site.pk)

    def write(self, key, site_id, generation, response):
        entry = {
            "site": site_id,
            "generation": generation,
            "status": response.status_code,
            "content": response.content,
            "headers": [(name, value) for name, value in response.items() if name.lower() != "set-cookie"],
        }
        cache.set(key, entry, timeout(response))
