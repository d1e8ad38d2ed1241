"""StreamField blocks shared by every page type. App-specific blocks live in their app's blocks.py."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("level"), choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))], default="h2"
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "components/streamfield/heading_block.html"


class CaptionedImageBlock(blocks.StructBlock):
    # ImageBlock carries alt text and the "decorative" flag; the caption is separate on purpose.
    image = ImageBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=300)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "components/streamfield/image_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "components/streamfield/quote_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(label=_("link text"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "components/streamfield/document_block.html"


class CaptionedTableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(label=_("caption"), help_text=_("Says what the table shows."))
    table = TableBlock(label=_("table"), table_options={"startRows": 3, "startCols": 3})

    class Meta:
        icon = "table"
        label = _("Table")
        template = "components/streamfield/table_block.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("video URL"))
    title = blocks.CharBlock(label=_("title"), help_text=_("Describes the video for screen readers."))

    class Meta:
        icon = "media"
        label = _("Video")
        template = "components/streamfield/video_block.html"


class BodyStreamBlock(blocks.StreamBlock):
    """The body of articles and content pages."""

    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h2", "h3", "h4"],
        template="components/streamfield/paragraph_block.html",
    )
    heading = HeadingBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    video = VideoBlock()
    document = DocumentLinkBlock()
    table = CaptionedTableBlock()
