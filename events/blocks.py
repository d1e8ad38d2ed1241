"""The "Sự kiện sắp diễn ra" widget: the site's next events, soonest first."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.models import Page

from core.widgets import WidgetBlock


def localized_root(site, locale):
    """The site's home page in `locale` (translated home pages are siblings of the default one), or None."""
    root = site.root_page
    if root.locale_id == locale.pk:
        return root
    return Page.objects.filter(translation_key=root.translation_key, locale=locale).first()


def upcoming_events(site, locale, count, now=None):
    """Up to `count` events not yet over on this site in this language, and the index listing them all."""
    from .models import EventIndexPage, EventPage

    root = localized_root(site, locale)
    if root is None:
        return [], None
    now = now or timezone.now()
    events = (
        EventPage.objects.live()
        .public()
        .filter(locale=locale, path__startswith=root.path, ends_at__gte=now)
        .order_by("starts_at", "pk")
    )
    index = EventIndexPage.objects.live().public().filter(locale=locale, path__startswith=root.path)
    return list(events[:count]), index.order_by("path").first()


class UpcomingEventsBlock(WidgetBlock):
    """The next events of the commune, with their date and venue."""

    count = blocks.IntegerBlock(label=_("number of events"), default=4, min_value=1, max_value=12)

    default_title = _("Upcoming events")

    class Meta:
        icon = "date"
        label = _("Upcoming events")
        template = "events/blocks/upcoming_events.html"

    def widget_context(self, value, site, locale, parent_context):
        if not (site and locale):
            return {"events": [], "index": None}
        events, index = upcoming_events(site, locale, value["count"])
        return {"events": events, "index": index}
