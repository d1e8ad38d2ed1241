"""What a page tells search engines and share previews: description, canonical URL, Open Graph and Twitter
tags, feeds, icons and schema.org data. Every URL comes from the site's root URL (core.site_urls)."""

from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.models import Page

from core.site_urls import absolute_url, site_for_request

from . import structured_data
from .icons import site_icons

# Page types described as schema.org NewsArticle (named by model label: seo imports no app's models).
ARTICLE_MODELS = {"news.newspage"}
OG_LOCALES = {"vi": "vi_VN", "en": "en_US"}
SHARE_IMAGE_FILTER = "fill-1200x630|format-jpeg"
DESCRIPTION_WORDS = 40


def _clean(text):
    return " ".join((text or "").split())


def describe(page, ancestors, profile):
    """The page's own search description (or an article's lead), else its section's, else the commune's."""
    own = [getattr(page, "search_description", ""), getattr(page, "lead", "")] if page is not None else []
    for text in [*own, *(ancestor.search_description for ancestor in reversed(ancestors))]:
        if _clean(text):
            return Truncator(_clean(text)).words(DESCRIPTION_WORDS)
    if profile is None:
        return ""
    return _("%(portal)s: news, documents and public services of %(unit)s, %(province)s.") % {
        "portal": profile.portal_name,
        "unit": profile.unit_name,
        "province": profile.parent_unit,
    }


def _share_image(site, page, icons):
    cover = getattr(page, "cover_image", None) if page is not None else None
    if cover is not None and isinstance(cover, get_image_model()):
        try:
            rendition = cover.get_rendition(SHARE_IMAGE_FILTER)
        except Exception:  # an unreadable original: share the emblem rather than fail the page
            rendition = None
        if rendition is not None:
            return {
                "url": absolute_url(site, rendition.url),
                "width": rendition.width,
                "height": rendition.height,
                "alt": rendition.alt or cover.title,
                "large": True,
            }
    icon = icons["icon_512"]
    return {
        "url": absolute_url(site, icon["url"]),
        "width": icon["size"],
        "height": icon["size"],
        "alt": "",
        "large": False,
    }


def _feed_links(site, portal_name):
    """Autodiscovery of the news feeds in the reader's language (the URLs carry the language prefix)."""
    feeds = (("news_feed_rss", "application/rss+xml", "RSS"), ("news_feed_atom", "application/atom+xml", "Atom"))
    news = _("News")
    return [
        {"href": absolute_url(site, reverse(name)), "type": kind, "title": f"{portal_name} – {news} ({label})"}
        for name, kind, label in feeds
    ]


def head_metadata(request, page, chrome, language):
    """Everything seo/head.html prints, as plain data (it is cached per page, path and language)."""
    site = site_for_request(request)
    if site is None:
        return None
    profile = chrome.profile if chrome else None
    settings = chrome.settings if chrome else None
    icons = site_icons(site)
    if page is not None and getattr(page, "pk", None):
        ancestors = list(page.get_ancestors().filter(depth__gt=1))
    else:  # search results, errors: described as the commune's home page
        page = None
        home_id = chrome.home_page_id if chrome else None
        ancestors = list(Page.objects.filter(pk=home_id)) if home_id else []
    portal_name = (profile.portal_name if profile else "") or site.site_name
    is_home = page is not None and page.translation_key == site.root_page.translation_key
    title = (page.seo_title or page.title) if page is not None and not is_home else portal_name
    url = absolute_url(site, request.path)
    description = describe(page, ancestors, profile)
    image = _share_image(site, page, icons)
    is_article = page is not None and page._meta.label_lower in ARTICLE_MODELS

    logo_url = absolute_url(site, icons["icon_512"]["url"])
    items = []
    if is_home:
        # The header's search target (a home with its own search, e.g. the province hub, names it).
        search_url = getattr(chrome, "search_url", "") or reverse("search")
        items += structured_data.home_page(site, profile, settings, logo_url, language, absolute_url(site, search_url))
    if is_article:
        publisher = structured_data.organization(site, profile, settings, logo_url)
        image_url = image["url"] if image["large"] else None
        items.append(structured_data.news_article(page, url, description, image_url, publisher, language))
    if page is not None and not is_home:
        trail = [(ancestor.title, ancestor.get_url(request)) for ancestor in ancestors]
        items.append(structured_data.breadcrumbs(site, [*trail, (page.title, request.path)]))

    published = getattr(page, "publication_date", None) if is_article else None
    return {
        "description": description,
        "canonical": url,
        "og": {
            "type": "article" if is_article else "website",
            "title": title,
            "site_name": portal_name,
            "locale": OG_LOCALES.get(language, ""),
            "image": image,
            "published": published.isoformat() if published else "",
            "modified": page.last_published_at.isoformat() if is_article and page.last_published_at else "",
        },
        "twitter_card": "summary_large_image" if image["large"] else "summary",
        # A page that publishes other feeds (the province hub: all communes' news) names them itself.
        "feeds": page.head_feeds() if hasattr(page, "head_feeds") else _feed_links(site, portal_name),
        "icons": icons,
        "json_ld": structured_data.graph(items),
    }
