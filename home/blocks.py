"""Blocks editors compose the home page and the sidebar from. News widgets live in news/widgets.py."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import Page

from consultations.blocks import OpenConsultationsBlock
from core.widgets import WidgetBlock
from events.blocks import UpcomingEventsBlock
from indicators.blocks import IndicatorsWidgetBlock
from legaldocs.blocks import LatestDocumentsBlock
from news.widgets import FeaturedNewsBlock, LatestNewsBlock
from workcalendar.blocks import TodayCalendarBlock

from .widgets import TextWidgetBlock

ICONS = [
    ("services", _("Public services")),
    ("document", pgettext_lazy("legal documents", "Documents")),
    ("phone", _("Phone")),
    ("question", _("Questions")),
    ("map", _("Map")),
    ("link", _("Link")),
]


def resolve_links(items, locale):
    """Usable (label, url) pairs: chosen pages in the active language if live and public, else skipped."""
    keys = [item["page"].translation_key for item in items if item["page"] is not None]
    live = {}
    if keys and locale is not None:
        pages = Page.objects.live().public().filter(translation_key__in=keys)
        for page in pages:  # prefer the active language, else any live translation
            if page.translation_key not in live or page.locale_id == locale.id:
                live[page.translation_key] = page
    links = []
    for item in items:
        if item["page"] is not None:
            page = live.get(item["page"].translation_key)
            if page is not None:
                links.append({"label": item["label"], "page": page, "url": None, "icon": item["icon"]})
        elif item["url"]:
            links.append({"label": item["label"], "page": None, "url": item["url"], "icon": item["icon"]})
    return links


class QuickLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("label"), max_length=120)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("or external address"), required=False)
    icon = blocks.ChoiceBlock(label=_("icon"), choices=ICONS, required=False)

    class Meta:
        icon = "link"
        label = _("Link")

    def clean(self, value):
        value = super().clean(value)
        if not value["page"] and not value["url"]:
            raise StructBlockValidationError(
                block_errors={"url": ValidationError(_("Choose a page or enter an address."))}
            )
        return value


class QuickLinksBlock(WidgetBlock):
    """Links to online public services and other frequently used pages."""

    links = blocks.ListBlock(QuickLinkBlock(), label=_("links"))

    default_title = _("Quick links")

    class Meta:
        icon = "link"
        label = _("Quick links")
        template = "home/widgets/quick_links.html"

    def widget_context(self, value, site, locale, parent_context):
        return {"links": resolve_links(value["links"], locale)}


class AnnouncementBlock(WidgetBlock):
    """A static announcement banner: no blinking, no movement."""

    text = blocks.RichTextBlock(label=_("text"), features=["bold", "italic", "link"])
    importance = blocks.ChoiceBlock(
        label=_("importance"),
        choices=[("info", _("Information")), ("important", _("Important"))],
        default="info",
    )
    link_label = blocks.CharBlock(label=_("link text"), required=False, max_length=120)
    link_page = blocks.PageChooserBlock(label=_("link to a page"), required=False)
    link_url = blocks.URLBlock(label=_("or external address"), required=False)

    default_title = _("Announcement")

    class Meta:
        icon = "warning"
        label = _("Announcement")
        template = "home/widgets/announcement.html"

    def widget_context(self, value, site, locale, parent_context):
        links = resolve_links(
            [{"label": value["link_label"], "page": value["link_page"], "url": value["link_url"], "icon": ""}], locale
        )
        return {"link": links[0] if links else None}


class HomeStreamBlock(blocks.StreamBlock):
    featured_news = FeaturedNewsBlock()
    latest_news = LatestNewsBlock()
    indicators = IndicatorsWidgetBlock()
    latest_documents = LatestDocumentsBlock()
    today_calendar = TodayCalendarBlock()
    open_consultations = OpenConsultationsBlock()
    upcoming_events = UpcomingEventsBlock()
    quick_links = QuickLinksBlock()
    announcement = AnnouncementBlock()
    rich_text = TextWidgetBlock()


class SidebarStreamBlock(blocks.StreamBlock):
    indicators = IndicatorsWidgetBlock()
    featured_news = FeaturedNewsBlock()
    latest_news = LatestNewsBlock()
    latest_documents = LatestDocumentsBlock()
    today_calendar = TodayCalendarBlock()
    open_consultations = OpenConsultationsBlock()
    upcoming_events = UpcomingEventsBlock()
    quick_links = QuickLinksBlock()
    rich_text = TextWidgetBlock()
