"""Absolute URLs built from the site's own root URL (Site.root_url: its hostname and port), never from the
request's Host header: a forged Host (any name the ALLOWED_HOSTS wildcard lets through) must not end up in
canonical links, feeds, the sitemap, robots.txt or structured data."""

from wagtail.models import Site


def site_for_request(request):
    """The Wagtail site answering this request (the default site for an unknown host), or None."""
    return Site.find_for_request(request) if request is not None else None


def absolute_url(site, url):
    """`url` (a path such as /tin-tuc/ or a rendition's /media/... URL) on the site's root URL.
    Already absolute URLs (object storage, a CDN) are returned as they are."""
    if not url or url.startswith(("http://", "https://")):
        return url
    if url.startswith("//"):  # protocol-relative storage URLs
        return f"{site.root_url.split(':', 1)[0]}:{url}"
    return site.root_url.rstrip("/") + "/" + url.lstrip("/")
