"""News: sections (NewsIndexPage), articles (NewsPage), categories and tags."""

from functools import partial
from operator import getitem

from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.models import BasePage
from core.slugs import vietnamese_slugify
from core.text import fold

from .blocks import NewsBodyStreamBlock
from .text import reading_minutes, stream_text


class NewsCategory(TranslatableMixin, models.Model):
    """A news category ("Tin tức - Sự kiện", "Chuyển đổi số"...), owned by one commune site."""

    site = models.ForeignKey("wagtailcore.Site", verbose_name=_("site"), on_delete=models.CASCADE)
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        allow_unicode=False,
        blank=True,
        help_text=_("Used in addresses (?category=...). Leave empty to make it from the name."),
    )

    panels = [FieldPanel("site"), FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("news category")
        verbose_name_plural = _("news categories")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["site", "locale", "slug"], name="unique_category_slug_per_site_locale")
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.slug = self.slug or vietnamese_slugify(self.name, max_length=120)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        self.slug = self.slug or vietnamese_slugify(self.name, max_length=120)


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("news.NewsPage", related_name="tagged_items", on_delete=models.CASCADE)


class NewsIndexPage(BasePage):
    """A news section; it may contain sub-sections (one per category) and articles."""

    intro = models.TextField(_("introduction"), blank=True)
    per_page = models.PositiveSmallIntegerField(_("articles per page"), default=12)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    settings_panels = BasePage.settings_panels + [FieldPanel("per_page")]
    subpage_types = ["news.NewsIndexPage", "news.NewsPage"]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("news index page")
        verbose_name_plural = _("news index pages")

    def get_context(self, request, *args, **kwargs):
        from .listing import LISTING_NAMES, canonical_state, listing_context, listing_key, listing_state

        context = super().get_context(request, *args, **kwargs)
        state = canonical_state(self, listing_state(request), request)
        context["listing_key"] = listing_key(state)
        # Lazy: the template's cached fragments need none of it when they are warm (news_index_page.html).
        listing = SimpleLazyObject(lambda: listing_context(self, state))
        for name in LISTING_NAMES:
            context[name] = SimpleLazyObject(partial(getitem, listing, name))
        return context


class NewsPage(BasePage):
    """A news article, like the seed page from Ia Ko commune."""

    route_select_related = ("cover_image",)  # the og:image tag reads it on every view

    publication_date = models.DateTimeField(
        _("publication date"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Shown to readers and used for ordering. Empty: the date it is first published."),
    )
    lead = models.TextField(_("lead"), blank=True, help_text=_("The short summary (sapo) shown in bold."))
    body = StreamField(NewsBodyStreamBlock(), verbose_name=_("body"), blank=True)
    source = models.CharField(
        _("source / author"), max_length=200, blank=True, help_text=_("E.g. Party Committee Office")
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in listings and as the sharing image."),
    )
    categories = ParentalManyToManyField(NewsCategory, verbose_name=_("categories"), blank=True)
    tags = ClusterTaggableManager(through=NewsPageTag, verbose_name=_("tags"), blank=True)
    related_count = models.PositiveSmallIntegerField(
        _("number of related articles"),
        default=4,
        help_text=_(
            'How many articles "Related news" shows: the picked ones first, then the most recent '
            "articles sharing a category or tag."
        ),
    )
    # Folded (lowercase, no diacritics) title + lead + body + source of the live version, for search.
    search_text = models.TextField(editable=False, blank=True, default="")

    # Dates and images are the same fact in every language: translators cannot fork them.
    override_translatable_fields = [
        SynchronizedField("publication_date", overridable=False),
        SynchronizedField("cover_image", overridable=False),
        SynchronizedField("slug"),
    ]

    content_panels = BasePage.content_panels + [
        FieldPanel("lead"),
        FieldPanel("body"),
        FieldPanel("source"),
        FieldPanel("cover_image"),
        MultiFieldPanel([FieldPanel("categories"), FieldPanel("tags")], heading=_("Classification")),
        MultiFieldPanel(
            [InlinePanel("related_links", label=_("Related news picked by the editor")), FieldPanel("related_count")],
            heading=_("Related news"),
        ),
    ]
    settings_panels = BasePage.settings_panels + [FieldPanel("publication_date")]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    search_fields = BasePage.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("source"),
        index.FilterField("publication_date"),
    ]

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
        # PostgreSQL also has an index in newest_first()'s order (migration 0004; SQLite cannot index NULLS LAST).

    def save(self, *args, **kwargs):
        if self.publication_date is None and self.live:
            self.publication_date = self.first_published_at or timezone.now()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "publication_date"}
        if kwargs.get("update_fields") is None:
            self.search_text = self.build_search_text()
        super().save(*args, **kwargs)

    def build_search_text(self):
        """Title, lead, body and source, folded (search matches it without diacritics)."""
        return fold(" ".join([self.title, self.lead, stream_text(self.body.get_prep_value()), self.source]))

    @property
    def reading_minutes(self):
        return reading_minutes(self.search_text)

    def get_context(self, request, *args, **kwargs):
        from .related import related_articles

        context = super().get_context(request, *args, **kwargs)
        # Lazy: the template's cached fragments usually need none of them (see news_page.html).
        context["related_articles"] = SimpleLazyObject(lambda: related_articles(self, self.related_count))
        context["article_categories"] = SimpleLazyObject(lambda: list(self.categories.all()))
        context["article_tags"] = SimpleLazyObject(lambda: list(self.tags.all()))
        return context


class NewsPageRelatedLink(Orderable):
    """An article the editor picked for "Tin liên quan"; shown before the automatic ones."""

    page = ParentalKey(NewsPage, related_name="related_links", on_delete=models.CASCADE)
    related = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("article"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("related", "news.NewsPage")]
