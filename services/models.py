"""The online public services page: links into the national portal, never copies of its procedures."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from core.models import BasePage

from .blocks import ServiceGroupsBlock

NATIONAL_PORTAL_URL = "https://dichvucong.gov.vn/"


class OnlineServicesPage(BasePage):
    intro = models.TextField(_("introduction"), blank=True)
    portal_url = models.URLField(
        _("public-service portal"),
        default=NATIONAL_PORTAL_URL,
        help_text=_("Where readers search every procedure and file applications."),
    )
    groups = StreamField(ServiceGroupsBlock(), verbose_name=_("procedures by field"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("portal_url"), FieldPanel("groups")]
    subpage_types = []
    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("groups")]

    class Meta:
        verbose_name = _("online services page")
        verbose_name_plural = _("online services pages")
