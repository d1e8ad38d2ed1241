"""Builders for news sections and articles."""

import datetime
import itertools

from django.utils import timezone

from core.demo import placeholder_image
from news.models import NewsCategory, NewsIndexPage, NewsPage
from tests.factories.core import add_page, vi

_counter = itertools.count(1)


def make_index(parent, slug="tin-tuc", title="Tin tức - Sự kiện", **fields):
    return add_page(parent, NewsIndexPage(title=title, slug=slug, **fields))


def make_category(site, slug, name=None, locale=None):
    return NewsCategory.objects.create(site=site, slug=slug, name=name or slug, locale=locale or vi())


def make_article(
    index,
    title=None,
    days_ago=0,
    categories=(),
    tags=(),
    lead="",
    body=None,
    cover=None,
    publish=True,
    fast=False,
    **fields,
):
    """An article under `index`, published `days_ago` days ago (ordering is by publication date).

    fast=True saves it live without a revision: for building hundreds of rows in volume tests.
    """
    number = next(_counter)
    title = title or f"Bài viết số {number}"
    article = NewsPage(
        title=title,
        slug=f"bai-viet-{number}",
        lead=lead or f"Tóm tắt {title}",
        body=body or [("paragraph", f"<p>Nội dung {title}.</p>")],
        cover_image=cover,
        # A second older per article made before, for a stable order (minutes drifted by days over a run).
        publication_date=timezone.now() - datetime.timedelta(days=days_ago, seconds=number),
        live=fast,
        **fields,
    )
    index.add_child(instance=article)
    if categories:
        article.categories.set(categories)
    if tags:
        article.tags.set(tags)
    if categories or tags:
        article.save()
    if publish and not fast:
        article.save_revision().publish()
        article.refresh_from_db()
    return article


def make_many_articles(index, count, cover=None):
    """`count` live articles under `index`, written in bulk (news/bulk.py): for volume tests (1,000 rows in
    about a second instead of a minute). They send no publish signal, so the site's generation is bumped
    here: readers see them at once, as after a publish."""
    from core.cache import bump_site_generation_now
    from news.bulk import add_live_articles

    now = timezone.now()
    rows = []
    for _ in range(count):
        number = next(_counter)
        title = f"Bài viết số {number}"
        rows.append(
            {
                "title": title,
                "slug": f"bai-viet-{number}",
                "publication_date": now - datetime.timedelta(days=30, minutes=number),
                "lead": f"Tóm tắt {title}",
                "body": [("paragraph", f"<p>Nội dung {title}.</p>")],
                "cover_image": cover,
            }
        )
    ids = add_live_articles(index, rows)
    bump_site_generation_now(index.get_site().pk)
    return ids


def cover(title="Ảnh bìa"):
    return placeholder_image(title, size=(800, 600))
