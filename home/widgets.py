"""Home's own widget: free text. The widget base class lives in core/widgets.py."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.widgets import WidgetBlock


class TextWidgetBlock(WidgetBlock):
    """Free text with an optional heading."""

    body = blocks.RichTextBlock(label=_("text"), features=["bold", "italic", "link", "ol", "ul", "h3"])

    queries_site = False

    class Meta:
        icon = "pilcrow"
        label = _("Rich text")
        template = "home/widgets/text.html"
