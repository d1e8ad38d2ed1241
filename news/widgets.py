"""News widgets for the home page and the sidebar: featured news ("Tin nổi bật") and latest news.

Both show only what news.queries says a reader may see: live, public, not expired, this site, this locale.
"""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks, hooks
from wagtail.models import Page

from core.queries import localized_root, visible
from core.widgets import WidgetBlock

from .queries import live_articles


def pinned_translation_keys(home, today):
    """Translation keys of the articles pinned on `home` whose "featured until" date has not passed, in the
    editors' order. The pins belong to the app that owns the home page (home: its "Featured news" panel),
    which answers through the `featured_article_keys` Wagtail hook, so news imports nothing of it."""
    keys = []
    for hook in hooks.get_hooks("featured_article_keys"):
        keys.extend(hook(home, today))
    return keys


def featured_articles(site, locale, count):
    """Pinned articles first (in the editor's order), then the newest ones up to `count`."""
    home = localized_root(site, locale)
    if home is None:
        return []
    articles = live_articles(site, locale, under=home).prefetch_related("cover_image__renditions")
    keys = pinned_translation_keys(home, timezone.localdate())
    pinned = []
    if keys:
        by_key = {article.translation_key: article for article in articles.filter(translation_key__in=keys)}
        pinned = [by_key[key] for key in dict.fromkeys(keys) if key in by_key][:count]
    newest = list(articles.exclude(pk__in=[a.pk for a in pinned])[: count - len(pinned)]) if len(pinned) < count else []
    return pinned + newest


def chosen_sections(site, locale, sections):
    """The chosen sections that still exist, translated into `locale`, live, public and on `site`."""
    home = localized_root(site, locale)
    keys = [section.translation_key for section in sections if section is not None]
    if home is None or not keys:
        return []
    translated = visible(
        Page.objects.descendant_of(home, inclusive=True).filter(locale=locale, translation_key__in=keys)
    )
    by_key = {page.translation_key: page for page in translated}
    return [by_key[key] for key in dict.fromkeys(keys) if key in by_key]


class FeaturedNewsBlock(WidgetBlock):
    """Articles the editors pinned on the home page ("Featured news" tab), filled with the newest ones."""

    count = blocks.IntegerBlock(label=_("number of articles"), default=4, min_value=1, max_value=12)
    show_images = blocks.BooleanBlock(label=_("show images"), required=False, default=True)

    default_title = _("Featured news")

    class Meta:
        icon = "pick"
        label = _("Featured news")
        template = "news/widgets/featured_news.html"
        help_text = _('Pin articles in the home page\'s "Featured news" panel; the newest articles fill the rest.')

    def widget_context(self, value, site, locale, parent_context):
        articles = featured_articles(site, locale, value["count"]) if site and locale else []
        return {"articles": articles}


class LatestNewsBlock(WidgetBlock):
    """The newest articles of the chosen sections (or of the whole site)."""

    sections = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="news.NewsIndexPage", label=_("section")),
        label=_("sections"),
        default=[],  # no empty chooser to fill in: nothing chosen means every section
        required=False,
        help_text=_("Empty: every section of the site."),
    )
    count = blocks.IntegerBlock(label=_("number of articles"), default=5, min_value=1, max_value=20)

    default_title = _("Latest news")

    class Meta:
        icon = "list-ul"
        label = _("Latest news")
        template = "news/widgets/latest_news.html"

    def widget_context(self, value, site, locale, parent_context):
        if not (site and locale):
            return {"articles": [], "more_url": None}
        chosen = list(value["sections"])
        articles = live_articles(site, locale)
        more = None
        if chosen:
            sections = chosen_sections(site, locale, chosen)
            if not sections:  # every chosen section was deleted, unpublished or is on another site
                return {"articles": [], "more_url": None}
            paths = Q()
            for section in sections:
                paths |= Q(path__startswith=section.path)
            articles = articles.filter(paths)
            more = sections[0] if len(sections) == 1 else None
        request = parent_context.get("request")
        return {
            "articles": list(articles[: value["count"]]),
            "more_url": more.get_url(request) if more else None,
        }
