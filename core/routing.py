"""Cheaper page routing for readers: the site and the page behind a URL come from the cache.

Wagtail finds the site with one query and walks the tree with two queries per URL segment (the child,
then its specific object). A province with 100 communes serves the same few thousand URLs all day, so
the answer (the specific page as published, and the view restrictions that apply to it) is remembered per
site, generation, language and path: a hit costs no query at all, whatever the depth. Publishing,
unpublishing, moving, renaming or deleting a page, or changing a view restriction, bumps the site's
generation, so no stale route survives a change. The site of each host is remembered until a Site is
saved or deleted, which starts a new version of the site list.
"""

import logging

from django.core.cache import cache
from django.http import Http404
from django.http.request import split_domain_port
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from core.cache import MISSING, get_versioned, new_generation, set_versioned, site_generation
from core.models import BasePage

logger = logging.getLogger("portal.cache")

SITES_VERSION_KEY = "portal-sites-version"
SITE_KEY = "site-for:{version}:{hostname}:{port}"
ROUTE_KEY = "route:{site_id}:{generation}:{language}:{path}"
ROUTE_TIMEOUT = 600
SITES_TIMEOUT = 600


def forget_sites(**kwargs):
    """A Site was saved or deleted: every process looks hosts up afresh from its next request."""
    try:
        cache.set(SITES_VERSION_KEY, new_generation(), None)
    except Exception:
        logger.exception("cache unavailable while forgetting the site list")


def _sites_version():
    try:
        version = cache.get(SITES_VERSION_KEY)
        if version is None:
            cache.add(SITES_VERSION_KEY, new_generation(), None)
            version = cache.get(SITES_VERSION_KEY)
        return version
    except Exception:  # cache server down: look the host up in the database
        logger.exception("cache unavailable while reading the site list version")
        return None


def site_for_host(hostname, port):
    """The Site Wagtail would choose for hostname:port, remembered per host until a Site changes."""
    version = _sites_version()
    if version is None:
        return match_site(list(Site.objects.all()), hostname, port)
    key = SITE_KEY.format(version=version, hostname=hostname, port=port)
    site = get_versioned(key)
    if site is MISSING:
        site = match_site(list(Site.objects.all()), hostname, port)
        set_versioned(key, site, SITES_TIMEOUT)  # bounded, in case a bulk update bypasses the signals
    return site


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


class CachedSiteMiddleware:
    """Finds the request's Site from the cached site list, for every view that asks Wagtail for it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        find_site(request)
        return self.get_response(request)


def _route_from_cache(request, key, components):
    entry = get_versioned(key)
    if entry is MISSING:
        return None
    page, restrictions, consumed = entry
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
    if hasattr(request, "_wagtail_route_for_request"):
        return
    site = find_site(request)
    if site is None:
        return
    generation = site_generation(site.pk)
    if generation is None:
        return
    components = [component for component in path.split("/") if component]
    key = ROUTE_KEY.format(site_id=site.pk, generation=generation, language=get_language(), path="/".join(components))
    result = _route_from_cache(request, key, components)
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
