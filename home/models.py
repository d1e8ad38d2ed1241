from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable

from core.models import BasePage

from .blocks import HomeStreamBlock, SidebarStreamBlock


class HomePage(BasePage):
    """A commune's home page, composed by editors from widget blocks."""

    body = StreamField(
        HomeStreamBlock(),
        verbose_name=_("content"),
        blank=True,
        help_text=_("Empty: featured news and latest news are shown."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("body"),
        InlinePanel(
            "featured_pins",
            heading=_("Featured news"),
            label=_("Pinned article"),
            help_text=_(
                'Articles shown first by every "Featured news" widget of this site, in this order. '
                "The newest articles fill the remaining places."
            ),
        ),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = None

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def widgets(self):
        """The editor's blocks; a fresh home page shows the news widgets (and their fallbacks) meanwhile."""
        if self.body:
            return self.body
        return self.body.stream_block.to_python(
            [{"type": "featured_news", "value": {}}, {"type": "latest_news", "value": {}}]
        )


class FeaturedNewsPin(Orderable):
    """An article pinned to the site's "Featured news" ("Tin nổi bật"), optionally until a date."""

    page = ParentalKey(HomePage, related_name="featured_pins", on_delete=models.CASCADE)
    # A plain page link so this app does not depend on the news app's migrations.
    article = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("article"), on_delete=models.CASCADE, related_name="+"
    )
    featured_until = models.DateField(
        _("featured until"), null=True, blank=True, help_text=_("Included. Empty: until unpinned.")
    )

    panels = [PageChooserPanel("article", "news.NewsPage"), FieldPanel("featured_until")]

    class Meta(Orderable.Meta):
        verbose_name = _("pinned article")
        verbose_name_plural = _("pinned articles")


@register_setting(icon="list-ul")
class SidebarSettings(BaseSiteSetting):
    """The widgets every page of a site shows beside its content, unless the page opts out."""

    widgets = StreamField(SidebarStreamBlock(), verbose_name=_("sidebar widgets"), blank=True)

    panels = [FieldPanel("widgets")]

    class Meta:
        verbose_name = _("sidebar")
