"""Reusable news queries: the one place that says which articles a reader may see.

News widgets, feeds and listings call these; what any reader may see is core/queries.py.
"""

from django.db.models import F
from wagtail.models import Locale

from core.queries import localized_root, visible


def newest_first(queryset):
    """Order articles by publication date (undated ones last), then by id for a stable order."""
    return queryset.order_by(F("publication_date").desc(nulls_last=True), "-pk")


def live_articles(site, locale=None, under=None):
    """Live, public, not expired NewsPage objects of `site` in `locale`, newest first.

    site: a wagtail Site; locale: a wagtail Locale (default: the active one);
    under: optional page (e.g. a NewsIndexPage) to restrict to its descendants (any depth).
    Returns a NewsPage queryset (specific fields available without extra queries), with the cover image
    selected; add `.prefetch_related("cover_image__renditions")` when rendering `{% picture %}` cards.
    Returns an empty queryset if the site has no home page in that locale.
    """
    from news.models import NewsPage

    locale = locale or Locale.get_active()
    root = under or localized_root(site, locale)
    if root is None:
        return NewsPage.objects.none()
    articles = NewsPage.objects.descendant_of(root).filter(locale=locale)
    return newest_first(visible(articles)).select_related("cover_image")
