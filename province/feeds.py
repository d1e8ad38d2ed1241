"""RSS of the province's news: the newest visible articles of every commune, links on their own sites."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from wagtail.models import Locale

from core.site_urls import absolute_url

from .articles import commune_of, province_articles
from .communes import visible_communes

FEED_SIZE = 30


class ProvinceNewsFeed(Feed):
    def get_object(self, request, page=None):
        self.request = request
        self.page = page
        self.communes = visible_communes()
        return page

    def title(self, page):
        return f"{page.title} – {_('News from all communes')}"

    def link(self, page):
        return page.get_full_url(self.request) or absolute_url(page.get_site(), "/")

    def feed_url(self, page):
        return absolute_url(page.get_site(), self.request.path)

    def description(self, page):
        return self.title(page)

    def items(self, page):
        return province_articles(self.communes, Locale.get_active())[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return commune_of(item, self.communes).url_of(item)

    def item_pubdate(self, item):
        return item.publication_date or item.first_published_at

    def item_categories(self, item):
        return [commune_of(item, self.communes).name]


class ProvinceAtomFeed(ProvinceNewsFeed):
    feed_type = Atom1Feed
    subtitle = ProvinceNewsFeed.description
