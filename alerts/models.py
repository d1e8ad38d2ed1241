"""Alert banners: a planned outage or an emergency, on a whole site or one section, for a time window."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .forms import AlertBannerForm


class Severity(models.TextChoices):
    INFO = "info", _("Information")
    WARNING = "warning", _("Warning")
    EMERGENCY = "emergency", _("Emergency")


class AlertBanner(TranslatableMixin, models.Model):
    site = models.ForeignKey("wagtailcore.Site", verbose_name=_("site"), on_delete=models.CASCADE)
    title = models.CharField(_("heading"), max_length=150)
    message = models.TextField(_("message"), max_length=1000)
    link_url = models.URLField(_("link for details"), blank=True)
    severity = models.CharField(_("severity"), max_length=20, choices=Severity.choices, default=Severity.INFO)
    starts_at = models.DateTimeField(_("shown from"))
    ends_at = models.DateTimeField(_("shown until"))
    section = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("only in this section"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Empty: the whole site. Otherwise this page and every page below it."),
    )
    dismissible = models.BooleanField(_("readers may hide it"), default=True)
    show_on_communes = models.BooleanField(
        _("Show on every commune's site"),
        default=False,
        help_text=_(
            "Only for an alert of the province site (e.g. a storm warning): it is also shown on every page of "
            "every commune's site, with the same start, end and dismissal. It must cover the whole site."
        ),
    )

    base_form_class = AlertBannerForm
    # Only the words are translated; the section stays the same page (matched across languages when shown).
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("message"),
        SynchronizedField("link_url"),
        SynchronizedField("severity"),
        SynchronizedField("starts_at"),
        SynchronizedField("ends_at"),
        SynchronizedField("section"),
        SynchronizedField("dismissible"),
        SynchronizedField("show_on_communes"),
    ]
    panels = [
        FieldPanel("site"),
        FieldPanel("title"),
        FieldPanel("message"),
        FieldPanel("link_url"),
        FieldPanel("severity"),
        MultiFieldPanel([FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")])], heading=_("When")),
        PageChooserPanel("section"),
        FieldPanel("dismissible"),
        FieldPanel("show_on_communes"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("alert banner")
        verbose_name_plural = _("alert banners")
        ordering = ["-starts_at"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The end must be after the start.")
        if self.section_id and self.site_id:
            from wagtail.models import Page, Site

            site = Site.objects.filter(pk=self.site_id).select_related("root_page").first()
            root_key = site.root_page.translation_key if site else None
            roots = Page.objects.filter(translation_key=root_key).values_list("path", flat=True)
            if not any(self.section.path.startswith(root) for root in roots):
                errors["section"] = _("Choose a page of this alert's own site.")
        errors.update(self._province_wide_errors())
        if errors:
            raise ValidationError(errors)

    def _province_wide_errors(self):
        """A province-wide alert belongs to a province site and covers it whole (a province section means
        nothing on a commune's site)."""
        if not self.show_on_communes:
            return {}
        from core.invalidation import aggregating_site_ids

        if self.site_id and self.site_id not in aggregating_site_ids():
            return {"show_on_communes": _("Only an alert of the province site can be shown on every commune's site.")}
        if self.section_id:
            return {"section": _("An alert shown on every commune's site covers the whole site: leave this empty.")}
        return {}
