"""The indicators widget for the home page and the sidebar ("Các chỉ số")."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from core.queries import localized_root, visible
from core.widgets import WidgetBlock

from .models import IndicatorGroup, IndicatorsPage


def indicators_page_url(site, locale, request):
    if site is None or locale is None:
        return None
    home = localized_root(site, locale)
    if home is None:
        return None
    page = visible(IndicatorsPage.objects.descendant_of(home)).first()
    return page.get_url(request) if page else None


class IndicatorsWidgetBlock(WidgetBlock):
    """Chosen indicators (or those of a group, or the site's first ones) with their latest value."""

    indicators = blocks.ListBlock(
        SnippetChooserBlock("indicators.Indicator", label=_("indicator")),
        label=_("indicators"),
        required=False,
        help_text=_("Empty: the site's indicators in their usual order (or those of the group below)."),
    )
    group = blocks.ChoiceBlock(label=_("group"), choices=IndicatorGroup.choices, required=False)
    count = blocks.IntegerBlock(label=_("maximum number"), default=4, min_value=1, max_value=20)

    default_title = _("Indicators")

    class Meta:
        icon = "table"
        label = _("Indicators")
        template = "indicators/blocks/indicators_widget.html"

    def widget_context(self, value, site, locale, parent_context):
        from .display import summaries

        if site is None:
            return {"summaries": [], "more_url": None}
        keys = [indicator.translation_key for indicator in value.get("indicators") or [] if indicator is not None]
        chosen = summaries(
            site, locale, keys=keys or None, group=value.get("group") or None, limit=value.get("count") or 4
        )
        return {"summaries": chosen, "more_url": indicators_page_url(site, locale, parent_context.get("request"))}
