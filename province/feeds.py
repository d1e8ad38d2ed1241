"""RSS and Atom of the province's news: the newest visible articles of every commune, links on their own sites."""

from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from wagtail.models import Locale

from core.site_urls import absolute_url
from news.feeds import ArticleFeed

from .articles import commune_of, province_articles
from .communes import province_communes

FEED_SIZE = 30


class ProvinceNewsFeed(ArticleFeed):
    def get_object(self, request, page=None):
        self.request, self.site = request, page.get_site()
        self.communes = province_communes(request)
        return page

    def title(self, page):
        return f"{page.title} – {_('News from all communes')}"

    def link(self, page):
        return page.get_full_url(self.request) or absolute_url(self.site, "/")

    def items(self, page):
        return province_articles(self.communes, Locale.get_active())[:FEED_SIZE]

    def item_link(self, item):
        return commune_of(item, self.communes).url_of(item)

    def item_categories(self, item):
        return [commune_of(item, self.communes).name]


class ProvinceAtomFeed(ProvinceNewsFeed):
    feed_type = Atom1Feed
    subtitle = ProvinceNewsFeed.description
