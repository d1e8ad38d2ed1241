"""Site search that ignores Vietnamese diacritics and case on SQLite and PostgreSQL alike.

Articles are matched on their stored folded text (title, lead, body, source: NewsPage.search_text);
other pages on their title and search description, folded in SQL with UNACCENT() (PostgreSQL's
extension, or the Python function search/apps.py registers on SQLite). Every term must match.
Measured simpler and more predictable than the database search backend, which on PostgreSQL ignores
diacritics only with extra extensions and fuzzy queries.
"""

from django.db.models import Case, F, IntegerField, Q, Value, When
from django.db.models.functions import Lower
from django.db.models.lookups import Transform
from wagtail.models import Page

from core.cache import cached
from core.queries import localized_root, visible
from core.text import fold

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
MAX_CACHED_RESULTS = 2000  # a query matching more is rare and computed each time (bounded memory)


class Unaccent(Transform):
    function = "UNACCENT"
    lookup_name = "unaccent_fold"


def terms_of(query):
    return fold(query[:MAX_QUERY_LENGTH]).split()[:MAX_TERMS]


def search_pages(site, locale, query):
    """Live public pages of `site` in `locale` matching every term of `query`; title hits first, then newest."""
    terms = terms_of(query)
    root = localized_root(site, locale) if site else None
    if not terms or root is None:
        return Page.objects.none()
    pages = visible(Page.objects.descendant_of(root, inclusive=True).filter(locale=locale)).annotate(
        folded_title=Lower(Unaccent("title")), folded_description=Lower(Unaccent("search_description"))
    )
    in_title = Q()
    for term in terms:
        pages = pages.filter(
            Q(newspage__search_text__contains=term)
            | Q(folded_title__contains=term)
            | Q(folded_description__contains=term)
        )
        in_title &= Q(folded_title__contains=term)
    return pages.annotate(
        title_hit=Case(When(in_title, then=Value(1)), default=Value(0), output_field=IntegerField())
    ).order_by("-title_hit", F("last_published_at").desc(nulls_last=True), "-pk")


def matching_page_ids(site, locale, query):
    """The ids of search_pages(), in order, kept per folded query in this process's bounded cache until the
    site changes (its generation is in the key): residents search the same few words again and again."""
    terms = terms_of(query)
    if not terms or site is None:
        return []

    def compute():
        return list(search_pages(site, locale, query).values_list("pk", flat=True))

    return cached(
        site.id,
        "search",
        [locale.pk, " ".join(terms)],
        compute,
        shared=False,
        keep=lambda ids: len(ids) <= MAX_CACHED_RESULTS,
    )


def pages_in_order(ids):
    """The specific pages of ids, in the order of ids (pages gone since are left out)."""
    pages = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    return [pages[pk] for pk in ids if pk in pages]
