"""Reusable news queries: the one place that says which articles a reader may see.

Other apps (home-page widgets, sidebar, feeds, sitemap) call these instead of rebuilding the filters,
so "live, public, not expired, this site, this locale" is decided once.
"""

from django.db.models import F
from django.utils import timezone
from wagtail.models import Locale, Page


def localized_root(site, locale=None):
    """The site's home page in `locale` (default: the active locale), or None if not translated."""
    locale = locale or Locale.get_active()
    root = site.root_page
    if root.locale_id == locale.pk:
        return root
    return Page.objects.filter(translation_key=root.translation_key, locale=locale).first()


def visible(queryset):
    """Restrict a page queryset to what an anonymous reader may see right now."""
    now = timezone.now()
    return (
        queryset.live()
        .public()
        .exclude(expire_at__isnull=False, expire_at__lte=now)
        .exclude(go_live_at__isnull=False, go_live_at__gt=now)
    )


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
