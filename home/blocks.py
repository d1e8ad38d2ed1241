"""Blocks editors compose the home page and the sidebar from. Widget blocks live in their apps."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class HomeStreamBlock(blocks.StreamBlock):
    rich_text = blocks.RichTextBlock(
        label=_("Rich text"),
        features=["bold", "italic", "link", "ol", "ul", "h2", "h3"],
        template="components/streamfield/paragraph_block.html",
    )


class SidebarStreamBlock(blocks.StreamBlock):
    rich_text = blocks.RichTextBlock(
        label=_("Rich text"),
        features=["bold", "italic", "link", "ol", "ul"],
        template="components/streamfield/paragraph_block.html",
    )
