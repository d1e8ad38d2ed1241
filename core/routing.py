"""Cheaper page routing for readers: the site and the page behind a URL come from the cache.

Wagtail finds the site with one query and walks the tree with two queries per URL segment (the child,
then its specific object). A province with 100 communes serves the same few thousand URLs all day, so
the answer (the specific page as published, and the view restrictions that apply to it) is remembered per
site, generation, language and path: a hit costs no query at all, whatever the depth. Publishing,
unpublishing, moving, renaming or deleting a page, or changing a view restriction, bumps the site's
generation (after the commit, core/invalidation.py), so no stale route survives a change. The site list
is one cache entry per version of it (saving or deleting a Site starts a new version), matched in
process: any number of host names costs no extra entry.
"""

import hashlib
import logging
import pickle
import threading

from django.conf import settings
from django.core.cache import cache
from django.http import Http404
from django.http.request import split_domain_port
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from core.cache import (
    MISSING,
    CurrentRequestMiddleware,
    get_versioned,
    new_generation,
    outage_generation,
    process_cache,
    set_versioned,
    site_generation,
)
from core.cache_release import release
from core.models import BasePage

logger = logging.getLogger("portal.cache")

SITES_VERSION_KEY = "portal-sites-version"
SITES_KEY = "sites:{version}"
ROUTE_KEY = "route:{release}:{site_id}:{generation}:{language}:{path}"
ROUTE_TIMEOUT = 600
SITES_TIMEOUT = 600

_site_list = threading.local()


def forget_sites_now():
    """A Site was saved or deleted: every process looks hosts up afresh from its next request."""
    cache.set(SITES_VERSION_KEY, new_generation(), None)


def forget_sites(**kwargs):
    from core.invalidation import invalidate_all_sites

    invalidate_all_sites()


def _sites_version():
    version = cache.get(SITES_VERSION_KEY)
    if version is None:
        cache.add(SITES_VERSION_KEY, new_generation(), None)
        version = cache.get(SITES_VERSION_KEY)
    return version


def _site_rows():
    """(hostname, port, is_default, pickled site) for every site: one entry, whatever hosts readers use."""
    return [
        (site.hostname, site.port, site.is_default_site, pickle.dumps(site, pickle.HIGHEST_PROTOCOL))
        for site in Site.objects.select_related("root_page").order_by("pk")
    ]


def site_rows():
    """The site list of the current version: this thread's copy if it is still current, else the shared
    cache's, else the database's. While the cache is unavailable, this process's outage copy (or None)."""
    version = _sites_version()
    if version is None:
        return _outage_site_rows()
    if getattr(_site_list, "version", None) == version:
        return _site_list.rows
    key = SITES_KEY.format(version=version)
    rows = cache.get(key)
    if rows is None:
        rows = _site_rows()
        cache.set(key, rows, SITES_TIMEOUT)  # bounded, in case a bulk update bypasses the signals
    _site_list.version, _site_list.rows = version, rows
    return rows


def _outage_site_rows():
    """While the shared cache is unavailable: the site list kept in this process for the outage generation's
    few seconds (a site added meanwhile answers after that), or None if the outage copy is off."""
    generation = outage_generation()
    if generation is None:
        return None
    key = SITES_KEY.format(version=generation)
    rows = process_cache.get(key)
    if rows is MISSING:
        rows = _site_rows()
        process_cache.set(key, rows, SITES_TIMEOUT)
    return rows


def site_for_host(hostname, port):
    """The Site Wagtail would choose for hostname:port (a fresh object per call: requests never share one)."""
    rows = site_rows()
    if rows is None:  # cache unavailable: straight from the database
        return match_site(list(Site.objects.select_related("root_page")), hostname, port)
    return _site_in(rows, hostname, port)


def _site_in(rows, hostname, port):
    chosen = match_site([_Candidate(index, *row[:3]) for index, row in enumerate(rows)], hostname, port)
    return None if chosen is None else pickle.loads(rows[chosen.index][3])


def remembered_site(request):
    """(site, version): the site this thread's copy of the site list gives for the request, and that copy's
    version, without asking the shared cache whether it is current; (None, None) before the first lookup.
    The page cache checks the version in the same round trip as the page itself, and calls
    accept_remembered_site() only if it matched."""
    version = getattr(_site_list, "version", None)
    if version is None:
        return None, None
    hostname = split_domain_port(request._get_raw_host())[0]
    return _site_in(_site_list.rows, hostname, request.get_port()), version


def accept_remembered_site(request, site):
    request._wagtail_site = site


class _Candidate:
    __slots__ = ("index", "hostname", "port", "is_default_site")

    def __init__(self, index, hostname, port, is_default_site):
        self.index, self.hostname, self.port, self.is_default_site = index, hostname, port, is_default_site


def is_canonical_host(request, site):
    """True if the request names the site by its own hostname (not a stray name under a wildcard)."""
    return site is not None and split_domain_port(request._get_raw_host())[0].lower() == site.hostname.lower()


def match_site(sites, hostname, port):
    """Wagtail's rules (get_site_for_hostname): hostname and port, else the default site if it has this
    hostname, else the only site with this hostname, else the default site."""
    exact = [site for site in sites if site.hostname == hostname and site.port == port]
    if exact:
        return exact[0]
    named = [site for site in sites if site.hostname == hostname]
    default = next((site for site in sites if site.is_default_site), None)
    if default is not None and default.hostname == hostname:
        return default
    if len(named) == 1:
        return named[0]
    return default


def find_site(request):
    """Site.find_for_request without a query; Wagtail reads the answer back from request._wagtail_site."""
    if not hasattr(request, "_wagtail_site"):
        # As Wagtail does: the raw host (no ALLOWED_HOSTS check here; Django checks it elsewhere).
        hostname = split_domain_port(request._get_raw_host())[0]
        request._wagtail_site = site_for_host(hostname, request.get_port())
    return request._wagtail_site


class CachedSiteMiddleware(CurrentRequestMiddleware):
    """Finds the request's Site from the cached site list, for every view that asks Wagtail for it, and
    remembers the request for the cache's preview rule."""

    def __call__(self, request):
        find_site(request)
        return super().__call__(request)


def _route_from_cache(request, key, components, during_outage=False):
    entry = get_versioned(key)
    if entry is MISSING:
        return None
    page, restrictions, consumed = entry
    if during_outage:
        # No shared generation tells this process about another one's changes: the snapshot saves the tree
        # walk, but whether the page is still published at this address, and who may see it, is read now.
        if not Page.objects.filter(pk=page.pk, live=True, url_path=page.url_path).exists():
            return None
        restrictions = list(page._view_restrictions_query()) if isinstance(page, BasePage) else None
    if restrictions is not None:
        page.remember_view_restrictions(restrictions)
    try:
        return page.route(request, components[consumed:])
    except Http404:
        return False  # the page exists but refuses the rest of the path (e.g. an unknown archive month)


def _remember_route(key, site, page):
    """Store the routed page itself (a snapshot valid for this generation) with its view restrictions."""
    restrictions = None
    if isinstance(page, BasePage):
        restrictions = list(page._view_restrictions_query())
        for name in page.route_select_related:  # load them now so the snapshot carries them
            getattr(page, name)
    consumed = page.depth - site.root_page.depth
    set_versioned(key, (page, restrictions, consumed), ROUTE_TIMEOUT)
    if restrictions is not None:
        page.remember_view_restrictions(restrictions)


def route(request, path):
    """Fill request._wagtail_route_for_request, which Wagtail's serve view reads before routing itself."""
    if hasattr(request, "_wagtail_route_for_request") or not getattr(settings, "PORTAL_ROUTE_CACHE", True):
        return
    site = find_site(request)
    if site is None:
        return
    generation = site_generation(site.pk)
    during_outage = generation is None
    if during_outage:
        generation = outage_generation()  # snapshots kept in this process only, for a few seconds
        if generation is None:
            return
    components = [component for component in path.split("/") if component]
    joined = "/".join(components)
    if len(joined) > 200:
        joined = hashlib.sha256(joined.encode()).hexdigest()
    key = ROUTE_KEY.format(
        release=release(), site_id=site.pk, generation=generation, language=get_language(), path=joined
    )
    result = _route_from_cache(request, key, components, during_outage)
    if result is False:
        request._wagtail_route_for_request = None
        return
    if result is not None:
        request._wagtail_route_for_request = result
        return
    result = Page.route_for_request(request, path)
    if result is not None:
        _remember_route(key, site, result[0])


def serve(request, path):
    """Wagtail's serve view, with the route looked up in the cache first (GET and HEAD only)."""
    if request.method in ("GET", "HEAD"):
        route(request, path)
    return wagtail_views.serve(request, path)
