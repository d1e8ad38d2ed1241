"""Template tags every page uses: chrome, breadcrumbs, language links, the "no data" fallback."""

from django import template
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site

from core.cache import cached, cached_for_page_view
from core.chrome import get_chrome

register = template.Library()


@register.simple_tag(takes_context=True)
def portal_chrome(context):
    request = context.get("request")
    chrome = get_chrome(request) if request else None
    context["chrome"] = chrome
    return ""


@register.filter
def menu_current(path, item_url):
    """The main menu's aria-current for an entry: "page" on its own address, "true" anywhere inside its
    section (an article under "Tin tức", /chi-so/dan-so/ under "Các chỉ số"), else "" (the home is matched
    exactly by the template: every address is inside it)."""
    if not item_url or not path:
        return ""
    if path == item_url:
        return "page"
    return "true" if item_url.endswith("/") and item_url != "/" and path.startswith(item_url) else ""


def _ancestor_links(page, request):
    return [
        {"title": ancestor.title, "url": ancestor.get_url(request), "depth": ancestor.depth}
        for ancestor in page.get_ancestors().filter(depth__gt=1)
    ]


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    request = context.get("request")
    if page is None or getattr(page, "depth", 0) <= 2 or not page.pk:
        return ""

    def render():
        context = {"ancestors": _ancestor_links(page, request), "page": page, "request": request}
        return render_to_string("components/breadcrumbs.html", context)

    # Ancestors and URLs change only on publish/move, which bump the site generation.
    return cached_for_page_view(request, "breadcrumbs", [page.pk], render)


@register.inclusion_tag("components/no_data.html", takes_context=True)
def no_data(context, message=""):
    """The accessible "no data" fallback: the site's own wording, else the translated default."""
    chrome = context.get("chrome")
    text = message or (chrome and chrome.profile and chrome.profile.no_data_text) or _("No data")
    return {"text": text}


def _language_links(page, request):
    site = Site.find_for_request(request)
    locales = list(Locale.objects.all().order_by("id"))
    translations = {}
    if page is not None and isinstance(page, Page) and page.id:
        for translation in page.get_translations(inclusive=True).live().public().select_related("locale"):
            translations[translation.locale_id] = (translation.get_url(request), translation.get_full_url(request))
    homes = {}
    if site is not None:
        for home in Page.objects.filter(translation_key=site.root_page.translation_key).live():
            homes[home.locale_id] = (home.get_url(request), home.get_full_url(request))
    links = []
    for locale in locales:
        # A page offers only the languages it is translated into; other views (search...) every home page.
        urls = translations.get(locale.id) if translations else homes.get(locale.id)
        if urls:
            links.append(
                {
                    "code": locale.language_code,
                    "name": locale.get_display_name(),
                    "url": urls[0],
                    "full_url": urls[1],  # search engines want absolute hreflang targets
                    "is_translation": locale.id in translations,
                }
            )
    return links


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context, page=None):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    page_key = getattr(page, "pk", None) or "none"
    links = cached(site.id, "language-links", [page_key], lambda: _language_links(page, request)) if site else []
    return {"links": links, "current": get_language()}


@register.simple_tag(takes_context=True)
def hreflang_links(context, page=None):
    """Same data as the switcher, for <link rel=alternate hreflang> in <head>."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None or page is None:
        return []
    links = cached(site.id, "language-links", [page.pk], lambda: _language_links(page, request))
    return [link for link in links if link["is_translation"]]


class SiteCacheNode(template.Node):
    def __init__(self, nodelist, name, parts):
        self.nodelist, self.name, self.parts = nodelist, name, parts

    def render(self, context):
        parts = [part.resolve(context) for part in self.parts]
        render = lambda: self.nodelist.render(context)  # noqa: E731
        return cached_for_page_view(context.get("request"), self.name, parts, render, daily=True)


@register.tag
def sitecache(parser, token):
    """{% sitecache "name" part ... %}...{% endsitecache %}: the rendered block, cached per site, generation,
    language, day and the given parts. Publishing anything on the site refreshes it; use it only for
    output that depends on published content and those parts, never on the reader or the query string."""
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'":
        raise template.TemplateSyntaxError("{% sitecache %} needs a quoted name first")
    nodelist = parser.parse(("endsitecache",))
    parser.delete_first_token()
    return SiteCacheNode(nodelist, bits[1][1:-1], [parser.compile_filter(bit) for bit in bits[2:]])
