from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from core.models import BasePage

from .blocks import HomeStreamBlock, SidebarStreamBlock


class HomePage(BasePage):
    """A commune's home page, composed by editors from widget blocks."""

    body = StreamField(HomeStreamBlock(), verbose_name=_("content"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = None

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


@register_setting(icon="list-ul")
class SidebarSettings(BaseSiteSetting):
    """The widgets every page of a site shows beside its content, unless the page opts out."""

    widgets = StreamField(SidebarStreamBlock(), verbose_name=_("sidebar widgets"), blank=True)

    panels = [FieldPanel("widgets")]

    class Meta:
        verbose_name = _("sidebar")
