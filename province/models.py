"""The province hub: one home page for the province site, over every commune site of the installation."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Locale

from core.cache import declare_filter_state
from core.models import BasePage

from .articles import category_names, label, province_articles
from .communes import matching, province_communes
from .comparison import IndicatorComparisonRoutes
from .province_search import ProvinceSearchRoutes

NEWS_PER_PAGE = 20
# The news of all communes lists the newest 1,000 (50 pages): counting and paging 100,000 articles on every
# view cost seconds, and a reader looking further back narrows to a commune or a category.
MAX_NEWS = 1000
MAX_FILTER_LENGTH = 100


def _param(request, name):
    return (request.GET.get(name) or "").strip()[:MAX_FILTER_LENGTH]


class ProvinceHomePage(IndicatorComparisonRoutes, ProvinceSearchRoutes, RoutablePageMixin, BasePage):
    """The province's home: the communes directory; /tin-tuc/ the news of every commune, with RSS and Atom."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = []
    max_count = 1
    # Its news are the communes' own: residents subscribe on their commune's site (no footer link, no form).
    offers_subscriptions = False

    class Meta:
        verbose_name = _("province home page")
        verbose_name_plural = _("province home pages")

    def menu_sections(self, request):
        """The main menu's entries after "Home" (core/chrome.py): the hub's own views."""
        url = self.get_url(request)
        return [
            (_("News from all communes"), url + self.reverse_subpage("news")),
            (_("Indicators"), url + self.reverse_subpage("indicators")),
        ]

    def head_feeds(self):
        """The feeds <head> advertises (seo/metadata.py): the province's own, not the empty site news feed."""
        title = _("News from all communes")
        return [
            {"href": self.full_url + self.reverse_subpage(name), "type": kind, "title": f"{title} ({label})"}
            for name, kind, label in (
                ("news_feed", "application/rss+xml", "RSS"),
                ("news_atom_feed", "application/atom+xml", "Atom"),
            )
        ]

    def serve(self, request, *args, **kwargs):
        # Routable views bypass BasePage.serve: give them the same cache headers.
        return self.with_cache_headers(request, super().serve(request, *args, **kwargs))

    @path("")
    def directory(self, request):
        query = _param(request, "q")
        communes = province_communes(request)
        shown = matching(communes, query) if query else communes
        from .comparison import directory_headlines

        rows = directory_headlines(request, communes, shown)
        return self.render(request, context_overrides={"communes": shown, "query": query, "directory_rows": rows})

    @path("tin-tuc/")
    def news(self, request):
        locale = Locale.get_active()
        communes = province_communes(request)
        commune_key, category = _param(request, "xa"), _param(request, "category")
        chosen = [c for c in communes if commune_key in (str(c.site.pk), c.slug)] if commune_key else communes
        categories = category_names(communes, locale)
        known = (not commune_key or chosen) and (not category or category in categories)
        articles = province_articles(chosen, locale, category or None) if known else []
        # Text the list never shows stays in the database.
        newest = articles.defer("body", "search_text")[: MAX_NEWS + 1] if known else []
        paginator = Paginator(newest, NEWS_PER_PAGE)
        capped = paginator.count > MAX_NEWS  # one COUNT over at most MAX_NEWS + 1 rows
        if capped:
            paginator = Paginator(newest[:MAX_NEWS], NEWS_PER_PAGE)
            paginator.count = MAX_NEWS  # known already: no second COUNT
        page_obj = paginator.get_page(request.GET.get("page"))
        # Only a known category (and a page that exists) gets a page-cache copy of its own.
        if known and not commune_key:
            declare_filter_state(request, {"category": category, "page": page_obj.number})
        filters = {"xa": commune_key, "category": category}
        return self.render(
            request,
            template="province/province_news.html",
            context_overrides={
                "communes": communes,
                "categories": categories,
                "chosen_commune": commune_key,
                "chosen_category": category,
                "articles": label(page_obj.object_list, communes),
                "page_obj": page_obj,
                "capped": capped,
                "max_news": MAX_NEWS,
                "query": urlencode({name: value for name, value in filters.items() if value}),
            },
        )

    @path("tin-tuc/rss/")
    def news_feed(self, request):
        from .feeds import ProvinceNewsFeed

        return ProvinceNewsFeed()(request, page=self)

    @path("tin-tuc/atom/")
    def news_atom_feed(self, request):
        from .feeds import ProvinceAtomFeed

        return ProvinceAtomFeed()(request, page=self)
