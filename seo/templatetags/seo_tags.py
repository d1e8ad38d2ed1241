"""{% seo_head page %}: the description, canonical link, share tags, feeds, icons and JSON-LD of a page."""

from django import template
from django.template.loader import render_to_string
from django.utils.translation import get_language

from core.cache import cached_for_page_view

from ..content_language import language_of, language_with_content
from ..metadata import head_metadata

register = template.Library()


@register.simple_tag(takes_context=True)
def seo_head(context, page=None):
    request = context.get("request")
    if request is None:
        return ""
    chrome = context.get("chrome")
    language = get_language()

    def render():
        return render_to_string("seo/head.html", {"seo": head_metadata(request, page, chrome, language)})

    # Depends on published content only (and the path: routable pages show several views of one page).
    return cached_for_page_view(request, "seo-head", [getattr(page, "pk", None) or "none", request.path], render)


@register.simple_tag(takes_context=True)
def content_language(context, page=None):
    """The lang of <html>: the page's own language; elsewhere the active one if any content exists in it."""
    if page is not None and getattr(page, "locale_id", None):
        return language_of(page)
    return language_with_content(get_language())
