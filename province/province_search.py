"""One search across every commune of the province (routes mixed into ProvinceHomePage).

/tim-kiem/?q=… searches the public content of every visible commune in the reader's language with the
communes' own rules (search.query: every term, diacritics and case ignored, title hits first, newest next);
?xa=<slug or site id> narrows it to one commune. Each result is labelled with its commune (matched on tree
paths, as province.articles labels the news) and links to the page on the commune's own site. A constant
number of queries whatever the number of communes or results: the communes (province.communes), the
matching ids (cached per province generation, which moves with any commune's), the shown page's rows.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.utils.cache import patch_cache_control
from wagtail.contrib.routable_page.models import path
from wagtail.models import Locale, Site

from search.query import MAX_QUERY_LENGTH, MAX_RESULTS, matching_page_ids_in, pages_in_order

from .articles import commune_of
from .communes import province_communes

RESULTS_PER_PAGE = 10
MAX_COMMUNE_KEY_LENGTH = 100


@dataclass
class SearchResult:
    page: object  # the page as search.query.pages_in_order() reads it
    commune: object  # province.communes.Commune
    url: str  # on the commune's own site
    kind: str  # the page type's name, e.g. "news article"
    date: object  # an article's publication date, else None
    summary: str  # the lead, else the search description


def labelled_results(pages, communes):
    """Each page with its commune and its URL there, without a query per page."""
    results = []
    for page in pages:
        commune = commune_of(page, communes)
        if commune is None:  # never, for pages found below these communes
            continue
        summary = getattr(page, "lead", "") or page.search_description or ""
        kind = str(page.specific_class._meta.verbose_name)
        date = getattr(page, "publication_date", None)
        results.append(SearchResult(page, commune, commune.url_of(page), kind, date, summary))
    return results


def _param(request, name, length):
    return (request.GET.get(name) or "").strip()[:length]


class ProvinceSearchRoutes:
    """Route /tim-kiem/: the search over all communes; the header's search box leads here (core/chrome.py
    asks the home page for search_path())."""

    def search_path(self, request):
        """The URL of the province search in the home's language (the header form's and the JSON-LD
        SearchAction's target)."""
        return self.get_url(request) + self.reverse_subpage("province_search")

    @path("tim-kiem/")
    def province_search(self, request):
        query = _param(request, "q", MAX_QUERY_LENGTH)
        commune_key = _param(request, "xa", MAX_COMMUNE_KEY_LENGTH)
        locale = Locale.get_active()
        communes = province_communes(request, locale)
        chosen = [c for c in communes if commune_key in (str(c.site.pk), c.slug)] if commune_key else communes
        ids = []
        if query and chosen:
            site = Site.find_for_request(request)
            ids = matching_page_ids_in(site, [c.root_path for c in chosen], locale, query)
        paginator = Paginator(ids[:MAX_RESULTS], RESULTS_PER_PAGE)
        page_obj = paginator.get_page(request.GET.get("page")) if ids else None
        results = labelled_results(pages_in_order(page_obj.object_list), chosen) if page_obj else []
        filters = {"q": query, "xa": commune_key}
        response = self.render(
            request,
            template="province/province_search.html",
            context_overrides={
                "search_query": query,
                "communes": communes,
                "chosen_commune": commune_key,
                "unknown_commune": bool(commune_key) and not chosen,
                "results": results,
                "page_obj": page_obj,
                "paginator": paginator,
                "max_length": MAX_QUERY_LENGTH,
                "max_results": MAX_RESULTS,
                "capped": len(ids) > MAX_RESULTS,
                "query": urlencode({name: value for name, value in filters.items() if value}),
            },
        )
        if query:
            # Results depend on what the reader typed: never worth a shared copy (the page cache stores
            # none either, as this view declares no filter state).
            patch_cache_control(response, private=True, max_age=0)
        return response
