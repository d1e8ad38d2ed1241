"""The commune's introduction: overview pages, the administrative map, the organisation and its leaders."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import BodyStreamBlock
from core.models import BasePage

INTRODUCTION_PAGE_TYPES = [
    "introduction.IntroductionPage",
    "introduction.AdministrativeMapPage",
    "introduction.OrganisationPage",
]


class IntroductionPage(BasePage):
    """An overview page ("Giới thiệu", "Điều kiện tự nhiên", "Lịch sử - Văn hóa", "Di tích"...)."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)
    show_subpages = models.BooleanField(
        _("list the sub-pages"),
        default=True,
        help_text=_("Show a navigation list of this page's published sub-pages."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    settings_panels = BasePage.settings_panels + [FieldPanel("show_subpages")]
    subpage_types = INTRODUCTION_PAGE_TYPES
    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("introduction page")
        verbose_name_plural = _("introduction pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subpages"] = (
            list(self.get_children().live().public().specific(defer=True)) if self.show_subpages else []
        )
        return context


class AdministrativeMapPage(BasePage):
    """The administrative map: an image, and a text that says what it shows for readers who cannot see it."""

    intro = models.TextField(_("introduction"), blank=True)
    map_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("map image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("short text alternative"),
        max_length=250,
        help_text=_("Read instead of the image, e.g. 'Administrative map of Ia Ko commune'."),
    )
    description = models.TextField(
        _("description of the map"),
        help_text=_(
            "Required: what the map shows in words (boundaries, neighbouring communes, villages, area), "
            "for readers who cannot see the image."
        ),
    )
    interactive_map_url = models.URLField(
        _("interactive map link"), blank=True, help_text=_("Optional link to an online map (e.g. OpenStreetMap).")
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("map_image"), FieldPanel("image_alt"), FieldPanel("interactive_map_url")], heading=_("Map")
        ),
        FieldPanel("description"),
    ]
    parent_page_types = ["introduction.IntroductionPage", "home.HomePage"]
    subpage_types = []
    search_fields = BasePage.search_fields + [index.SearchField("description")]

    class Meta:
        verbose_name = _("administrative map page")
        verbose_name_plural = _("administrative map pages")


class UnitKind(models.TextChoices):
    PARTY = "party", _("Party committee")
    COUNCIL = "council", _("People's Council")
    COMMITTEE = "committee", _("People's Committee")
    FRONT = "front", _("Fatherland Front")
    MASS = "mass", _("Mass organisations")


class OrganisationPage(BasePage):
    """The commune's political system as an accessible nested list: units, then their leaders."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        InlinePanel("units", heading=_("Organisation units"), label=_("unit")),
        InlinePanel("leaders", heading=_("Leaders"), label=_("leader")),
    ]
    parent_page_types = ["introduction.IntroductionPage", "home.HomePage"]
    subpage_types = []
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("organisation page")
        verbose_name_plural = _("organisation pages")

    def organisation(self):
        """[(unit or None, kind label, [leaders])] in the editor's unit order, constant query count."""
        units = list(self.units.all())
        leaders = list(self.leaders.select_related("photo").prefetch_related("photo__renditions"))
        groups = []
        seen = set()
        for unit in units:
            seen.add(unit.kind)
            groups.append((unit, unit.get_kind_display(), [leader for leader in leaders if leader.unit == unit.kind]))
        # Leaders of a kind the editor gave no unit entry for still appear, under the kind's name.
        for kind in UnitKind:
            members = [leader for leader in leaders if leader.unit == kind.value]
            if kind.value not in seen and members:
                groups.append((None, kind.label, members))
        return groups

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["groups"] = self.organisation()
        return context


class OrganisationUnit(TranslatableMixin, Orderable):
    page = ParentalKey(OrganisationPage, on_delete=models.CASCADE, related_name="units")
    kind = models.CharField(_("kind"), max_length=20, choices=UnitKind.choices)
    name = models.CharField(_("name"), max_length=200, help_text=_("E.g. Party Committee of Ia Ko commune"))
    description = models.TextField(_("functions and duties"), blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    # Words are translated; names of kinds and contact details stay the same in every language.
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        TranslatableField("address"),
        SynchronizedField("kind"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
    ]
    panels = [
        FieldPanel("kind"),
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("address"),
        FieldPanel("phone"),
        FieldPanel("email"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("organisation unit")
        verbose_name_plural = _("organisation units")

    def __str__(self):
        return self.name


class LeaderProfile(TranslatableMixin, Orderable):
    page = ParentalKey(OrganisationPage, on_delete=models.CASCADE, related_name="leaders")
    unit = models.CharField(_("unit"), max_length=20, choices=UnitKind.choices)
    name = models.CharField(_("full name"), max_length=120)
    position = models.CharField(_("position"), max_length=250)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    biography = models.TextField(_("short biography"), blank=True)
    duties = models.TextField(_("duties"), blank=True)
    phone = models.CharField(_("official phone"), max_length=50, blank=True)
    email = models.EmailField(_("official e-mail"), blank=True)

    # A person's name, photo and contacts are the same in every language; their position and duties are not.
    translatable_fields = [
        TranslatableField("position"),
        TranslatableField("biography"),
        TranslatableField("duties"),
        SynchronizedField("unit"),
        SynchronizedField("name"),
        SynchronizedField("photo"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
    ]
    panels = [
        FieldPanel("unit"),
        FieldPanel("name"),
        FieldPanel("position"),
        FieldPanel("photo"),
        FieldPanel("biography"),
        FieldPanel("duties"),
        FieldPanel("phone"),
        FieldPanel("email"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("leader")
        verbose_name_plural = _("leaders")

    def __str__(self):
        return f"{self.name} – {self.position}"
