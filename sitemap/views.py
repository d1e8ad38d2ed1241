from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from .sitemaps import LocalizedSitemap


def sitemap(request):
    """/sitemap.xml: every locale of the requesting site, with hreflang alternates."""
    return wagtail_sitemap(request, sitemaps={"pages": LocalizedSitemap})
