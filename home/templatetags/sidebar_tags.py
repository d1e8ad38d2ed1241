"""{% site_sidebar page %}: the site's sidebar widgets, rendered once per site, language and day."""

from django import template
from django.template.loader import render_to_string
from django.utils import timezone
from wagtail.models import Site

from core.cache import cached
from home.models import SidebarSettings

register = template.Library()


def render_sidebar(request, chrome):
    widgets = SidebarSettings.for_request(request).widgets
    if not widgets:
        return ""
    return render_to_string("home/sidebar.html", {"widgets": widgets, "chrome": chrome}, request=request)


@register.simple_tag(takes_context=True)
def site_sidebar(context, page=None):
    """Same for every page of a site: cached whole, refreshed by any publish or sidebar change on the site."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return ""
    chrome = context.get("chrome")
    return cached(site.id, "sidebar", [timezone.localdate().isoformat()], lambda: render_sidebar(request, chrome))
