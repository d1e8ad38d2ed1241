from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page, Site


def search(request):
    query = request.GET.get("q", "").strip()[:200]
    site = Site.find_for_request(request)
    results = Page.objects.none()
    if query and site is not None:
        home = site.root_page.localized
        results = Page.objects.live().public().descendant_of(home).filter(locale=Locale.get_active()).search(query)
    paginator = Paginator(results, 10)
    try:
        page_obj = paginator.page(request.GET.get("page", 1))
    except (PageNotAnInteger, EmptyPage):
        page_obj = paginator.page(1)
    return TemplateResponse(
        request, "search/search.html", {"search_query": query, "results": page_obj, "paginator": paginator}
    )
