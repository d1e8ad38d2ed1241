"""Alert banners: a planned outage or an emergency, on a whole site or one section, for a time window."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.permissions import SiteScopedForm


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

    base_form_class = SiteScopedForm
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
        if errors:
            raise ValidationError(errors)
