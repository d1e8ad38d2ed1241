from dataclasses import dataclass

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.text import Truncator
from wagtail.models import Locale, Site

from core.cache import cached
from core.queries import localized_root

from .query import MAX_QUERY_LENGTH, MAX_RESULTS, matching_page_ids, pages_in_order, terms_of

PER_PAGE = 10
SUMMARY_WORDS = 30


@dataclass(frozen=True)
class Hit:
    """A result as the list shows it, ready to print."""

    title: str
    url: str  # the page's path on this site, in the active language
    date: object  # an article's publication date, else None
    summary: str  # the lead, else the search description, at most SUMMARY_WORDS words


def hits(pages, root):
    """Each page as a Hit. The path is built from its url_path below the site's home in the active language:
    what Wagtail's {% pageurl %} gives, without its site lookup per result."""
    return [
        Hit(
            page.title,
            reverse("wagtail_serve", args=(page.url_path[len(root.url_path) :],)),
            page.publication_date,
            Truncator(page.lead or page.search_description or "").words(SUMMARY_WORDS, truncate=" …"),
        )
        for page in pages
    ]


def page_of_hits(site, locale, query, page_obj):
    """The hits of one page of results, kept with the folded query and the page number in this process's
    bounded cache until the site changes, as the matching ids are: a repeated search reads no page."""

    def compute():
        # Every id is at or below the site's home in this language (search_page_ids()).
        return hits(pages_in_order(page_obj.object_list), localized_root(site, locale))

    terms = " ".join(terms_of(query))
    return cached(site.id, "search-hits", [locale.pk, page_obj.number, terms], compute, shared=False)


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    site = Site.find_for_request(request)
    locale = Locale.get_active()
    ids = matching_page_ids(site, locale, query)
    paginator = Paginator(ids[:MAX_RESULTS], PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page")) if query else None
    if page_obj is not None:
        page_obj.object_list = page_of_hits(site, locale, query, page_obj)
    query_string = request.GET.copy()
    query_string.pop("page", None)
    query_string["q"] = query
    response = TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": query,
            "results": page_obj,
            "paginator": paginator,
            "filter_query": query_string.urlencode(),
            "max_length": MAX_QUERY_LENGTH,
            "max_results": MAX_RESULTS,
            "capped": len(ids) > MAX_RESULTS,
        },
    )
    # Results depend on the query string: never worth a shared cache entry.
    patch_cache_control(response, private=True, max_age=0)
    return response
