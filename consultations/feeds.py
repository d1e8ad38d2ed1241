"""RSS feed of a consultations index: the newest consultations below it, with their status and closing date."""

from django.contrib.syndication.views import Feed
from django.utils import formats
from django.utils.translation import gettext as _

FEED_SIZE = 30


class ConsultationFeed(Feed):
    def get_object(self, request, index):
        self.request = request
        return index

    def title(self, index):
        return index.title

    def link(self, index):
        return index.get_full_url(self.request)

    def feed_url(self, index):
        return index.get_full_url(self.request) + index.reverse_subpage("feed")

    def description(self, index):
        return index.intro or index.title

    def items(self, index):
        return index.consultations().order_by("-opens_at", "-pk")[:FEED_SIZE]

    def item_title(self, item):
        return f"{item.title} ({item.status_label})"

    def item_description(self, item):
        closes = formats.date_format(item.closes_at, "DATETIME_FORMAT")
        return f"{item.summary}\n\n{_('Comments until %(date)s') % {'date': closes}}"

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return f"consultation-{item.translation_key}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.opens_at

    def item_updateddate(self, item):
        return item.last_published_at or item.opens_at

    def item_author_name(self, item):
        return item.issuing_body or None
