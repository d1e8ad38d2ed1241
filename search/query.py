"""Site search that ignores Vietnamese diacritics and case on SQLite and PostgreSQL alike.

Articles are matched on their stored folded text (title, lead, body, source: NewsPage.search_text);
other pages on their title and search description, folded in SQL with UNACCENT() (PostgreSQL's
extension, or the Python function search/apps.py registers on SQLite). Every term must match.
One query builder serves a site's own search (search_page_ids) and the search over several sites at once
(search_page_ids_in: the province hub's search of every commune), so both keep the same rules.
Measured simpler and more predictable than the database search backend, which on PostgreSQL ignores
diacritics only with extra extensions and fuzzy queries.
"""

import math

from django.db.models import F, Q
from django.db.models.functions import Lower, Substr
from django.db.models.lookups import Transform
from wagtail.models import Page

from core.cache import cached
from core.queries import localized_root, visible
from core.text import fold

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
# Results listed per query (200 pages of ten): a common word over a province's 100,000 articles would
# otherwise be sorted again on every request (2.4-2.9 s measured); the first ones are kept and cached, one
# more than listed so a view can tell the reader there were more.
MAX_RESULTS = 2000


class Unaccent(Transform):
    function = "UNACCENT"
    lookup_name = "unaccent_fold"


def terms_of(query):
    return fold(query[:MAX_QUERY_LENGTH]).split()[:MAX_TERMS]


def _newest_first(rows):
    return rows.order_by(F("last_published_at").desc(nulls_last=True), "-pk")


def _matching_ids(pages, locale, terms):
    """The one query builder: the ids of `pages` narrowed to live public pages in `locale` matching every term,
    title hits first, then newest, at most MAX_RESULTS + 1. Shared by the single-site and the multi-site search.

    Articles and other pages are matched apart. Articles on their stored folded text alone (one column, which
    PostgreSQL's trigram index serves, news/migrations/0005), newest first; other pages (a few per commune)
    fold their title and description in SQL. Title hits are put first here, among those kept:
    one query with an OR across both tables and a title-first order read every article (2.2-3.3 s measured)."""
    pages = visible(pages.filter(locale=locale))
    articles = pages.filter(newspage__isnull=False)
    others = pages.filter(newspage__isnull=True).annotate(
        folded_title=Lower(Unaccent("title")), folded_description=Lower(Unaccent("search_description"))
    )
    for term in terms:
        articles = articles.filter(newspage__search_text__contains=term)
        others = others.filter(Q(folded_title__contains=term) | Q(folded_description__contains=term))
    rows = [
        *_newest_first(articles).values_list("pk", "title", "last_published_at")[: MAX_RESULTS + 1],
        *_newest_first(others).values_list("pk", "title", "last_published_at")[: MAX_RESULTS + 1],
    ]

    def order(row):
        pk, title, published = row
        folded = fold(title)
        return (not all(term in folded for term in terms), -published.timestamp() if published else math.inf, -pk)

    return [row[0] for row in sorted(rows, key=order)[: MAX_RESULTS + 1]]


def search_page_ids(site, locale, query):
    """Ids of live public pages of `site` in `locale` matching every term of `query`; title hits first, then
    newest."""
    terms = terms_of(query)
    root = localized_root(site, locale) if site else None
    if not terms or root is None:
        return []
    return _matching_ids(Page.objects.descendant_of(root, inclusive=True), locale, terms)


def _below_any(root_paths):
    """Pages at or below any of the tree paths, in one condition whatever their number: a page's path
    prefix of a root's length is that root's path (grouped by length, so any depth works)."""
    by_length = {}
    for root_path in root_paths:
        by_length.setdefault(len(root_path), set()).add(root_path)
    condition = Q()
    pages = Page.objects.all()
    for length, paths in sorted(by_length.items()):
        name = f"root_path_{length}"
        pages = pages.annotate(**{name: Substr("path", 1, length)})
        condition |= Q(**{f"{name}__in": sorted(paths)})
    return pages.filter(condition)


def search_page_ids_in(root_paths, locale, query):
    """search_page_ids() over several sites at once: pages in `locale` at or below any of `root_paths` (the
    tree paths of the sites' homes in that language), with the same rules and order, in the same two queries
    whatever the number of sites."""
    terms = terms_of(query)
    if not terms or not root_paths:
        return []
    return _matching_ids(_below_any(root_paths), locale, terms)


def _cached_ids(site, locale, query, extra_parts, compute):
    terms = terms_of(query)
    if not terms or site is None:
        return []
    return cached(
        site.id,
        "search",
        [locale.pk, *extra_parts, " ".join(terms)],
        compute,
        shared=False,
    )


def matching_page_ids(site, locale, query):
    """The ids of search_page_ids(), in order, kept per folded query in this process's bounded cache until the
    site changes (its generation is in the key): residents search the same few words again and again."""
    return _cached_ids(
        site,
        locale,
        query,
        [],
        lambda: search_page_ids(site, locale, query),
    )


def matching_page_ids_in(site, root_paths, locale, query):
    """The ids of search_page_ids_in(), in order, cached as matching_page_ids() is, keyed on `site` (the site
    searching the others, e.g. the province hub, whose generation moves with any of theirs) and the roots."""
    roots = sorted(root_paths)
    return _cached_ids(
        site,
        locale,
        query,
        [",".join(roots)],
        lambda: search_page_ids_in(roots, locale, query),
    )


# What a list of results shows of a page: the base page's own columns, and an article's lead and date.
RESULT_FIELDS = ("id", "title", "url_path", "path", "depth", "search_description", "locale_id", "content_type_id")


def pages_in_order(ids):
    """The pages of ids as a results list shows them, in the order of ids (pages gone since are left out): one
    query for every page type, reading neither page types' own tables nor their StreamFields (an article's
    `lead` and `publication_date` are annotated; None on other pages). `page.specific_class` names the type."""
    rows = Page.objects.filter(pk__in=ids).only(*RESULT_FIELDS)
    rows = rows.annotate(lead=F("newspage__lead"), publication_date=F("newspage__publication_date"))
    pages = {page.pk: page for page in rows}
    return [pages[pk] for pk in ids if pk in pages]
