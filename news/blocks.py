"""StreamField blocks of the news app: the body of an article may embed a "related news" list."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.blocks import BodyStreamBlock


class RelatedNewsBlock(blocks.StructBlock):
    """Shows the related articles of the page it sits on (picked first, then by category/tag)."""

    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=120)
    count = blocks.IntegerBlock(label=_("number of articles"), default=4, min_value=1, max_value=12)

    class Meta:
        icon = "list-ul"
        label = _("Related news")
        template = "news/blocks/related_news_block.html"

    def get_context(self, value, parent_context=None):
        from news.related import related_articles

        context = super().get_context(value, parent_context=parent_context)
        page = (parent_context or {}).get("page")
        context["articles"] = related_articles(page, value["count"]) if page is not None else []
        return context


class NewsBodyStreamBlock(BodyStreamBlock):
    """The article body: the shared blocks plus related news."""

    related_news = RelatedNewsBlock()
