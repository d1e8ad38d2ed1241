"""The HTML sitemap page ("Sơ đồ cổng"): the site's sections in the reader's language."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from core.models import BasePage
from core.queries import visible

# Articles are many and change daily: the map shows sections, not each article (the XML sitemap has them).
EXCLUDED_MODELS = ("newspage",)


class SitemapPage(BasePage):
    intro = models.TextField(_("introduction"), blank=True)
    max_depth = models.PositiveSmallIntegerField(
        _("levels shown"), default=4, help_text=_("How many levels below the home page are listed.")
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    settings_panels = BasePage.settings_panels + [FieldPanel("max_depth")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "sitemap/sitemap_page.html"

    class Meta:
        verbose_name = _("sitemap page")
        verbose_name_plural = _("sitemap pages")

    def tree(self):
        """Nested [{"page": page, "children": [...]}] under this page's home, one query."""
        home = self.get_parent()
        pages = (
            visible(Page.objects.descendant_of(home).filter(depth__lte=home.depth + self.max_depth))
            .exclude(content_type__model__in=EXCLUDED_MODELS)
            .exclude(pk=self.pk)
            .order_by("path")
        )
        nodes = {home.path: {"page": home, "children": []}}
        for page in pages:
            parent = nodes.get(page.path[: -page.steplen])
            if parent is None:  # its parent is hidden: so is the branch
                continue
            node = {"page": page, "children": []}
            parent["children"].append(node)
            nodes[page.path] = node
        return nodes[home.path]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tree"] = self.tree()
        return context
