"""Indicators ("Các chỉ số") of one commune site, their observations and the page listing them.

An Indicator is translatable (name, unit, description...). Its observations are NOT: they hang
on the source-language indicator and every translation finds them through the translation key,
so translating an indicator never copies or forks its numbers.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Locale, Site, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.models import BasePage
from core.permissions import SiteScopedForm, site_ids_for_user

from .periods import PeriodKind, format_period_code, normalise_start, previous_period_start


class IndicatorGroup(models.TextChoices):
    ADMINISTRATIVE_REFORM = "administrative-reform", _("Administrative reform")
    ONLINE_SERVICES = "online-services", _("Online public services")
    DIGITAL_TRANSFORMATION = "digital-transformation", _("Digital transformation")
    SOCIO_ECONOMIC = "socio-economic", _("Socio-economic")
    OTHER = "other", _("Other")


GROUP_ORDER = [choice.value for choice in IndicatorGroup]


class IndicatorQuerySet(models.QuerySet):
    def out_of_date(self):
        """Source-language indicators with no data, or whose newest period is older than the last
        completed period of its kind (e.g. nothing for 2025 in 2026). Used by the editors' dashboard."""
        today = timezone.localdate()
        newest = Observation.objects.filter(indicator=OuterRef("pk")).order_by("-period_start")
        stale = Q(latest_start__isnull=True)
        for kind in PeriodKind:
            stale |= Q(latest_kind=kind.value, latest_start__lt=previous_period_start(kind, today))
        return (
            self.filter(locale=Locale.get_default())
            .annotate(
                latest_start=Subquery(newest.values("period_start")[:1]),
                latest_kind=Subquery(newest.values("period_kind")[:1]),
            )
            .filter(stale)
            .order_by("site_id", "sort_order", "name")
        )


class Indicator(TranslatableMixin, models.Model):
    site = models.ForeignKey(Site, verbose_name=_("site"), on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("name"), max_length=200)
    code = models.SlugField(
        _("code"), max_length=50, help_text=_("Short code used in CSV files, e.g. poverty-rate. Unique per site.")
    )
    group = models.CharField(_("group"), max_length=40, choices=IndicatorGroup.choices, default=IndicatorGroup.OTHER)
    unit = models.CharField(_("unit"), max_length=50, blank=True, help_text=_("E.g. %, points, people, ha"))
    decimal_places = models.PositiveSmallIntegerField(_("decimal places"), default=0)
    higher_is_better = models.BooleanField(_("higher is better"), default=True)
    issuing_body = models.CharField(_("issuing body"), max_length=200, blank=True)
    source_url = models.URLField(_("source link"), blank=True)
    description = RichTextField(_("description"), blank=True, features=["bold", "italic", "link", "ul"])
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = IndicatorQuerySet.as_manager()

    base_form_class = SiteScopedForm
    panels = [
        FieldPanel("site"),
        FieldRowPanel([FieldPanel("name"), FieldPanel("code")]),
        FieldRowPanel([FieldPanel("group"), FieldPanel("sort_order")]),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("decimal_places"), FieldPanel("higher_is_better")]),
        MultiFieldPanel(
            [FieldPanel("issuing_body"), FieldPanel("source_url")], heading=pgettext_lazy("data source", "Source")
        ),
        FieldPanel("description"),
    ]

    # wagtail-localize: only the words are translated; the rest follows the source indicator.
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("unit"),
        TranslatableField("issuing_body"),
        TranslatableField("description"),
        SynchronizedField("site"),
        SynchronizedField("code"),
        SynchronizedField("group"),
        SynchronizedField("decimal_places"),
        SynchronizedField("higher_is_better"),
        SynchronizedField("source_url"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["site", "locale", "code"], name="unique_indicator_code_per_site_locale")
        ]

    def __str__(self):
        return self.name

    def source_indicator(self):
        """The default-locale indicator that holds the observations."""
        if self.locale_id == Locale.get_default().id:
            return self
        return Indicator.objects.filter(translation_key=self.translation_key, locale=Locale.get_default()).first()

    def clean(self):
        super().clean()
        if self.decimal_places is not None and self.decimal_places > 6:
            raise ValidationError({"decimal_places": _("At most 6 decimal places.")})


class ObservationForm(SiteScopedForm):
    """Observations attach to the source-language indicators of the user's own sites."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "indicator" in self.fields and self.for_user is not None:
            # A plain select of the user's indicators: the snippet chooser would list every site's.
            self.fields["indicator"].widget = forms.Select()
            self.fields["indicator"].queryset = Indicator.objects.filter(
                site_id__in=site_ids_for_user(self.for_user), locale=Locale.get_default()
            ).select_related("site")


class Observation(models.Model):
    """One value of an indicator for one period. Shared by every translation of the indicator."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="observations"
    )
    period_kind = models.CharField(_("period"), max_length=10, choices=PeriodKind.choices, default=PeriodKind.YEAR)
    period_start = models.DateField(
        _("period start"),
        help_text=_("Any day of the period (a year, quarter or month); for 'as of date', the date itself."),
    )
    value = models.DecimalField(_("value"), max_digits=20, decimal_places=6)
    rank = models.PositiveIntegerField(_("rank"), null=True, blank=True)
    rank_of = models.PositiveIntegerField(_("out of"), null=True, blank=True, help_text=_("E.g. 12 of 34 communes"))
    note = models.CharField(_("note"), max_length=300, blank=True)

    base_form_class = ObservationForm
    panels = [
        FieldPanel("indicator"),
        FieldRowPanel([FieldPanel("period_kind"), FieldPanel("period_start")]),
        FieldPanel("value"),
        FieldRowPanel([FieldPanel("rank"), FieldPanel("rank_of")]),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        ordering = ["indicator", "period_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period_kind", "period_start"], name="one_observation_per_indicator_period"
            )
        ]

    def __str__(self):
        return f"{self.indicator} {self.period_code}"

    def save(self, *args, **kwargs):
        self.period_start = normalise_start(self.period_kind, self.period_start)
        super().save(*args, **kwargs)

    @property
    def period_code(self):
        return format_period_code(self.period_kind, self.period_start)

    def clean(self):
        super().clean()
        if self.period_start and self.period_kind:
            self.period_start = normalise_start(self.period_kind, self.period_start)
        if self.rank is not None and self.rank_of is not None and self.rank > self.rank_of:
            raise ValidationError({"rank": _("The rank cannot be larger than the number ranked.")})
        if self.indicator_id and self.indicator.locale_id != Locale.get_default().id:
            raise ValidationError({"indicator": _("Choose the indicator in the default language.")})


class IndicatorsPage(BasePage):
    """Every indicator of the site, by group, each with its history as a chart and a table."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("indicators page")
        verbose_name_plural = _("indicators pages")

    def get_context(self, request, *args, **kwargs):
        from .display import grouped_summaries

        context = super().get_context(request, *args, **kwargs)
        site = Site.find_for_request(request)  # the page's own site (Page.get_site would ask the database)
        # Lazy: the template's cached fragment needs it only when cold (any indicator change refreshes it).
        context["groups"] = SimpleLazyObject(lambda: grouped_summaries(site, self.locale) if site else [])
        return context
