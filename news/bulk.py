"""Published articles written in bulk: one multi-row INSERT per table per batch instead of a page save each.

For volume (benchmarks/generate_province.py, the constant-query tests): 1,000 articles in seconds. The rows
are what publishing would leave (live, no revision); treebeard paths are computed here, after the index's
last child, and the search index is filled in bulk. Nothing here sends publish signals: callers bump the
site's cache generation themselves if they need readers to see the rows at once.
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from .models import NewsPage, NewsPageTag

BATCH = 500


def add_live_articles(index, articles):
    """articles: dicts with title, slug, publication_date and NewsPage fields (lead, body, cover_image...),
    plus optional "category" (a NewsCategory) and "tags" (Tag objects). Returns the new pages' ids."""
    content_type = ContentType.objects.get_for_model(NewsPage)
    local_fields = list(NewsPage._meta.local_concrete_fields)
    category_link = NewsPage.categories.through
    backend = get_search_backend()
    ids = []
    for start in range(0, len(articles), BATCH):
        batch = articles[start : start + BATCH]
        index.refresh_from_db(fields=["numchild"])
        last = index.get_last_child()
        next_step = (NewsPage._str2int(last.path[-NewsPage.steplen :]) + 1) if last else 1
        pages, rows = [], []
        for offset, given in enumerate(batch):
            fields = dict(given)
            title, slug, published = fields.pop("title"), fields.pop("slug"), fields["publication_date"]
            fields.pop("category", None), fields.pop("tags", None)
            pages.append(
                Page(
                    path=NewsPage._get_path(index.path, index.depth + 1, next_step + offset),
                    depth=index.depth + 1,
                    numchild=0,
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    live=True,
                    has_unpublished_changes=False,
                    url_path=f"{index.url_path}{slug}/",
                    first_published_at=published,
                    last_published_at=published,
                    locale_id=index.locale_id,
                    translation_key=uuid.uuid4(),
                    show_in_menus=False,
                )
            )
            rows.append(fields)
        with transaction.atomic():
            created = Page.objects.bulk_create(pages)
            articles_rows = []
            for page, fields in zip(created, rows, strict=True):
                article = NewsPage(page_ptr_id=page.pk, title=page.title, **fields)
                article.pk = page.pk
                article.search_text = article.build_search_text()
                articles_rows.append(article)
            NewsPage.objects._insert(articles_rows, fields=local_fields, using=index._state.db or "default")
            category_link.objects.bulk_create(
                [
                    category_link(newspage_id=page.pk, newscategory_id=given["category"].pk)
                    for page, given in zip(created, batch, strict=True)
                    if given.get("category") is not None
                ]
            )
            NewsPageTag.objects.bulk_create(
                [
                    NewsPageTag(content_object_id=page.pk, tag=tag)
                    for page, given in zip(created, batch, strict=True)
                    for tag in given.get("tags", ())
                ]
            )
            Page.objects.filter(pk=index.pk).update(numchild=index.numchild + len(created))
        backend.add_bulk(NewsPage, list(NewsPage.objects.filter(pk__in=[page.pk for page in created])))
        ids += [page.pk for page in created]
    return ids
