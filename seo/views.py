"""Per-site files for crawlers, browsers and security researchers: robots.txt, security.txt, the web app
manifest and the icons browsers ask for at fixed addresses. All absolute URLs come from the site's root URL."""

import datetime
import json

from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from core.chrome import get_chrome
from core.site_urls import absolute_url, site_for_request

from .icons import manifest_icons, site_icons

ONE_DAY = 24 * 60 * 60
SECURITY_TXT_VALIDITY = datetime.timedelta(days=180)  # RFC 9116: Expires less than a year ahead

# Never crawled: the admin, the search results (endless query strings) and per-reader endpoints.
DISALLOWED = ["/admin/", "/django-admin/", "/search/", "/*/search/", "/reader-preferences/", "/rating/", "/alerts/"]


def _site(request):
    site = site_for_request(request)
    if site is None:
        raise Http404
    return site


@require_safe
@cache_control(public=True, max_age=ONE_DAY)
def robots_txt(request):
    site = _site(request)
    lines = [
        "User-agent: *",
        *(f"Disallow: {path}" for path in DISALLOWED),
        "",
        f"Sitemap: {site.root_url}/sitemap.xml",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
@cache_control(public=True, max_age=ONE_DAY)
def security_txt(request):
    """RFC 9116, from the commune's contact settings (e-mail, then phone). No contact set: 404."""
    site = _site(request)
    chrome = get_chrome(request)
    settings = chrome.settings if chrome else None
    contacts = []
    if settings and settings.email:
        contacts.append(f"Contact: mailto:{settings.email}")
    if settings and settings.phone:
        contacts.append("Contact: tel:" + "".join(ch for ch in settings.phone if ch.isdigit() or ch == "+"))
    if not contacts:
        raise Http404
    expires = (timezone.now() + SECURITY_TXT_VALIDITY).replace(hour=0, minute=0, second=0, microsecond=0)
    lines = [
        *contacts,
        f"Expires: {expires.astimezone(datetime.UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: vi, en",
        f"Canonical: {site.root_url}/.well-known/security.txt",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
@cache_control(public=True, max_age=ONE_DAY)
def manifest(request):
    site = _site(request)
    chrome = get_chrome(request)
    profile = chrome.profile if chrome else None
    name = (profile.portal_name if profile else "") or site.site_name
    data = {
        "name": name,
        "short_name": (profile.unit_name if profile else "") or name,
        "lang": get_language(),
        "start_url": absolute_url(site, chrome.home_url if chrome else "/"),
        "scope": site.root_url + "/",
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": "#a50e24",
        "icons": manifest_icons(site),
    }
    return HttpResponse(json.dumps(data, ensure_ascii=False), content_type="application/manifest+json")


@require_safe
@cache_control(public=True, max_age=ONE_DAY)
def icon(request, name):
    """/favicon.ico and /apple-touch-icon.png: the commune's emblem (or the shipped one), never a 404."""
    return redirect(site_icons(_site(request))[name]["url"])
