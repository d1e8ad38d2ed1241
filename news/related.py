"""Related news ("Tin liên quan"): the editor's picks first, then the newest articles sharing a
category or tag. Only what a reader of this page may see: live, public, not expired, same site tree
and same locale, never the page itself. A fixed number of queries whatever the data volume."""

from django.db.models import Exists, OuterRef, Q

from .queries import newest_first, visible


def _candidates(page):
    """Articles in the same site tree and locale as `page`."""
    from .models import NewsPage

    # The site's home page is the depth-2 ancestor: its path is the first two steps of this page's path.
    home_path = page.path[: 2 * page.steplen]
    articles = NewsPage.objects.filter(path__startswith=home_path, locale_id=page.locale_id)
    return visible(articles).exclude(pk=page.pk)


def _shares_category_or_tag(page):
    """A condition on candidate articles: sharing a category or a tag with `page` (None if it has neither).

    EXISTS per candidate, with the page's own category and tag ids known: the site's articles are found by
    path first, then each is checked with an index lookup. Tags are shared by every site, so an IN over
    "every article with this tag" grows with the province (measured: 91 ms with 100 sites, 1,000 each)."""
    from .models import NewsPage, NewsPageTag

    categories = NewsPage.categories.through
    category_ids = list(categories.objects.filter(newspage_id=page.pk).values_list("newscategory_id", flat=True))
    tag_ids = list(NewsPageTag.objects.filter(content_object_id=page.pk).values_list("tag_id", flat=True))
    condition = None
    if category_ids:
        condition = Q(Exists(categories.objects.filter(newspage_id=OuterRef("pk"), newscategory_id__in=category_ids)))
    if tag_ids:
        shares_tag = Q(Exists(NewsPageTag.objects.filter(content_object_id=OuterRef("pk"), tag_id__in=tag_ids)))
        condition = shares_tag if condition is None else condition | shares_tag
    return condition


def related_articles(page, count):
    """Up to `count` NewsPage objects related to `page` (any page; non-articles get the newest articles)."""
    from .models import NewsPage, NewsPageRelatedLink

    if page is None or not getattr(page, "pk", None) or count <= 0:
        return []
    memo = page.__dict__.setdefault("_related_memo", {})
    if count in memo:
        return memo[count]

    candidates = _candidates(page).select_related("cover_image").prefetch_related("cover_image__renditions")
    picked = []
    if isinstance(page, NewsPage):
        picked_ids = list(
            NewsPageRelatedLink.objects.filter(page_id=page.pk)
            .order_by("sort_order")
            .values_list("related_id", flat=True)
        )
        if picked_ids:
            by_id = {article.pk: article for article in candidates.filter(pk__in=picked_ids)}
            picked = [by_id[pk] for pk in dict.fromkeys(picked_ids) if pk in by_id][:count]

    remaining = count - len(picked)
    automatic = []
    if remaining > 0:
        others = candidates.exclude(pk__in=[article.pk for article in picked])
        if isinstance(page, NewsPage):
            shares = _shares_category_or_tag(page)
            others = others.filter(shares) if shares is not None else others.none()
        automatic = list(newest_first(others)[:remaining])

    memo[count] = picked + automatic
    return memo[count]
