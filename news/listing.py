"""The article listing of a NewsIndexPage: filters (category, tag, month), month archive, pagination."""

import datetime
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count
from django.db.models.functions import TruncMonth
from taggit.models import Tag
from wagtail.models import Site

from core.cache import cached, declare_filter_state

from .models import NewsCategory
from .queries import live_articles


def _month(value):
    """'2026-10' → (2026, 10), or None for anything else."""
    try:
        parsed = datetime.datetime.strptime((value or "")[:7], "%Y-%m")
    except ValueError:
        return None
    return parsed.year, parsed.month


def listing_state(request):
    """What the query string asks of the listing, normalised: anything else in it (tracking parameters,
    junk) changes neither the output nor the cache key of the rendered listing."""
    return {
        "category": request.GET.get("category", "")[:120],
        "tag": request.GET.get("tag", "")[:100],
        "month": request.GET.get("month", "")[:7],
        "page": _page_number(request.GET.get("page", "")),
    }


MAX_PAGE = 1_000_000


def _page_number(value):
    """As Paginator.get_page reads it: not a number is page 1; below 1 (here 0) or past the end, the last."""
    try:
        number = int(value[:12])
    except ValueError:
        return 1
    return max(0, min(number, MAX_PAGE))


UNKNOWN = "~"  # any filter value this listing does not have: all render alike ("no articles")


def _vocabulary(index, site):
    from math import ceil

    articles = live_articles(site, index.locale, under=index)
    months = articles.exclude(publication_date__isnull=True).annotate(month=TruncMonth("publication_date")).order_by()
    return {
        "category": set(
            NewsCategory.objects.filter(site=site, locale_id=index.locale_id).values_list("slug", flat=True)
        ),
        "tag": set(articles.order_by().values_list("tagged_items__tag__slug", flat=True).distinct()) - {None},
        "month": {value.strftime("%Y-%m") for value in months.values_list("month", flat=True).distinct() if value},
        "pages": max(1, ceil(articles.count() / (index.per_page or 12))),
    }


def canonical_state(index, state, request):
    """The state with unknown values replaced by UNKNOWN and the page clamped as Paginator would; declares
    it to the page cache when every value is one this listing has (core.cache.declare_filter_state)."""
    site = Site.find_for_request(request) or index.get_site()
    vocabulary = cached(site.id, "news-filter-vocabulary", [index.pk], lambda: _vocabulary(index, site))
    result = dict(state)
    known = True
    for name in ("category", "tag", "month"):
        if state[name] and state[name] not in vocabulary[name]:
            result[name], known = UNKNOWN, False
    if not 1 <= state["page"] <= vocabulary["pages"]:
        result["page"], known = vocabulary["pages"], False
    if known:
        declare_filter_state(request, {name: result[name] for name in ("category", "tag", "month", "page")})
    return result


LISTING_NAMES = (
    "articles",
    "paginator",
    "categories",
    "active_filters",
    "is_filtered",
    "archive",
    "filter_query",
    "feed_categories",
)


def listing_key(state):
    return "|".join(str(state[name]) for name in ("category", "tag", "month", "page"))


def listing_context(index, state):
    site = index.get_site()
    articles = live_articles(site, index.locale, under=index)
    active = {}

    categories = list(NewsCategory.objects.filter(site=site, locale_id=index.locale_id))
    category_slug = state["category"]
    if category_slug:
        category = next((c for c in categories if c.slug == category_slug), None)
        active["category"] = category
        articles = articles.filter(categories=category) if category else articles.none()

    tag_slug = state["tag"]
    if tag_slug:
        tag = Tag.objects.filter(slug=tag_slug).first()
        active["tag"] = tag
        articles = articles.filter(tagged_items__tag=tag) if tag else articles.none()

    month = _month(state["month"])
    if state["month"]:
        active["month"] = datetime.date(*month, 1) if month else None
        if month:
            articles = articles.filter(publication_date__year=month[0], publication_date__month=month[1])
        else:
            articles = articles.none()

    archive = (
        live_articles(site, index.locale, under=index)
        .exclude(publication_date__isnull=True)
        .annotate(month=TruncMonth("publication_date"))
        .order_by()
        .values("month")
        .annotate(count=Count("pk"))
        .order_by("-month")
    )

    paginator = Paginator(articles.prefetch_related("cover_image__renditions"), index.per_page or 12)
    page_obj = paginator.get_page(state["page"])
    filters = {name: state[name] for name in ("category", "tag", "month") if state[name]}
    return {
        "articles": page_obj,
        "paginator": paginator,
        "categories": categories,
        "active_filters": active,
        "is_filtered": bool(filters),
        "archive": list(archive[:36]),
        "filter_query": urlencode(filters),
        "feed_categories": [active["category"]] if active.get("category") else [],
    }
