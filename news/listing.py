"""The article listing of a NewsIndexPage: filters (category, tag, month), month archive, pagination."""

import datetime

from django.core.paginator import Paginator
from django.db.models import Count
from django.db.models.functions import TruncMonth
from taggit.models import Tag

from .models import NewsCategory
from .queries import live_articles


def _month(value):
    """'2026-10' → (2026, 10), or None for anything else."""
    try:
        parsed = datetime.datetime.strptime((value or "")[:7], "%Y-%m")
    except ValueError:
        return None
    return parsed.year, parsed.month


def listing_context(index, request):
    site = index.get_site()
    articles = live_articles(site, index.locale, under=index)
    active = {}

    categories = list(NewsCategory.objects.filter(site=site, locale_id=index.locale_id))
    category_slug = request.GET.get("category", "")[:120]
    if category_slug:
        category = next((c for c in categories if c.slug == category_slug), None)
        active["category"] = category
        articles = articles.filter(categories=category) if category else articles.none()

    tag_slug = request.GET.get("tag", "")[:100]
    if tag_slug:
        tag = Tag.objects.filter(slug=tag_slug).first()
        active["tag"] = tag
        articles = articles.filter(tagged_items__tag=tag) if tag else articles.none()

    month = _month(request.GET.get("month"))
    if request.GET.get("month"):
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
    page_obj = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "articles": page_obj,
        "paginator": paginator,
        "categories": categories,
        "active_filters": active,
        "is_filtered": bool(category_slug or tag_slug or request.GET.get("month")),
        "archive": list(archive[:36]),
        "filter_query": query.urlencode(),
        "feed_categories": [active["category"]] if active.get("category") else [],
    }
