from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from wagtail.models import Locale, Site

from core.queries import localized_root

from .query import MAX_QUERY_LENGTH, MAX_RESULTS, matching_page_ids, pages_in_order

PER_PAGE = 10


def with_paths(pages, root):
    """Each page's path on this site (page.result_url), built from its url_path below the site's home in the
    active language: what Wagtail's {% pageurl %} gives, without its site lookup per result."""
    for page in pages:
        page.result_url = reverse("wagtail_serve", args=(page.url_path[len(root.url_path) :],))
    return pages


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    site = Site.find_for_request(request)
    locale = Locale.get_active()
    ids = matching_page_ids(site, locale, query)
    paginator = Paginator(ids[:MAX_RESULTS], PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page")) if query else None
    if page_obj is not None:
        # Every id is at or below the site's home in this language (search_pages()).
        page_obj.object_list = with_paths(pages_in_order(page_obj.object_list), localized_root(site, locale))
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
