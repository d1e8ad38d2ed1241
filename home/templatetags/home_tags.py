"""{% home_widgets page %}: the home page's blocks, rendered once per site, language and day.

Caching the whole body (not only each widget) also skips loading the blocks' chosen pages, so a warm home
page costs no widget query at all. Publishing anything on the site bumps its generation and refreshes it.
"""

from django import template
from django.template.loader import render_to_string
from django.utils import timezone

from core.cache import cached_for_page_view

register = template.Library()


@register.simple_tag(takes_context=True)
def home_widgets(context, page):
    request = context.get("request")

    def render():
        flat = context.flatten()
        flat["blocks"] = page.widgets()
        return render_to_string("home/components/widgets.html", flat, request=request)

    return cached_for_page_view(request, "home-widgets", [page.pk, timezone.localdate().isoformat()], render)
