"""RSS and Atom feeds of the current site's news in the reader's language, all or per category.

Every link in a feed is absolute on the site's own root URL (Site.root_url), never on the request's Host:
Django's syndication view only prefixes the Host to links that are not absolute yet."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from wagtail.models import Locale, Site

from core.models import CommuneProfile
from core.site_urls import absolute_url

from .models import NewsCategory
from .queries import live_articles

FEED_SIZE = 30


class ArticleFeed(Feed):
    """How an article is written into any feed (a site's, the province's): subclasses give the items, the
    feed's title and links. Public to other apps."""

    def feed_url(self, obj):
        return absolute_url(self.site, self.request.path)

    def description(self, obj):
        return self.title(obj)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.publication_date or item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.source or None


class NewsFeed(ArticleFeed):
    def get_object(self, request, category=None):
        site = Site.find_for_request(request)
        if site is None:
            raise Http404
        self.request, self.site = request, site
        locale = Locale.get_active()
        found = None
        if category is not None:
            found = NewsCategory.objects.filter(site=site, locale=locale, slug=category).first()
            if found is None:
                raise Http404
        return {"site": site, "locale": locale, "category": found}

    def title(self, obj):
        profile = CommuneProfile.objects.filter(site=obj["site"], locale=obj["locale"]).first()
        name = profile.portal_name if profile else obj["site"].site_name
        return f"{name} – {obj['category'].name}" if obj["category"] else f"{name} – {_('News')}"

    def link(self, obj):
        root = obj["site"].root_page.localized
        return root.get_full_url(self.request) or absolute_url(obj["site"], "/")

    def items(self, obj):
        articles = live_articles(obj["site"], obj["locale"])
        if obj["category"]:
            articles = articles.filter(categories=obj["category"])
        return articles[:FEED_SIZE]


class AtomNewsFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description
