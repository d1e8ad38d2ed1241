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

from news.queries import localized_root, visible
from news.text import fold

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10


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
