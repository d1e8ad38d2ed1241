"""The contact page: the commune's address and officials, and a Wagtail form with spam protection."""

from django import forms
from django.db import models
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import FormBuilder
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.models import Orderable, Site, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.models import BasePage
from core.outbox import queue_mail

from .forms import ContactSpamGuard, over_rate_limit

MULTILINE_MAX_LENGTH = 5000


class ContactFormBuilder(FormBuilder):
    """Wagtail's builder leaves multi-line fields unbounded: cap them so a flood of text gets an error."""

    def create_multiline_field(self, field, options):
        options["max_length"] = MULTILINE_MAX_LENGTH
        return super().create_multiline_field(field, options)


class ContactFormField(TranslatableMixin, AbstractFormField):
    page = ParentalKey("contact.ContactPage", on_delete=models.CASCADE, related_name="form_fields")

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        verbose_name = _("form field")
        verbose_name_plural = _("form fields")


class ContactOfficial(TranslatableMixin, Orderable):
    page = ParentalKey("contact.ContactPage", on_delete=models.CASCADE, related_name="officials")
    name = models.CharField(_("full name"), max_length=120)
    position = models.CharField(_("position"), max_length=250)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    translatable_fields = [
        TranslatableField("position"),
        SynchronizedField("name"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
    ]
    panels = [FieldPanel("name"), FieldPanel("position"), FieldPanel("phone"), FieldPanel("email")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("contact official")
        verbose_name_plural = _("contact officials")

    def __str__(self):
        return self.name


class ContactPage(BasePage, AbstractEmailForm):
    intro = models.TextField(_("introduction"), blank=True)
    thank_you_text = models.TextField(
        _("thank-you text"), blank=True, help_text=_("Shown after a message was sent. Empty: a standard text.")
    )

    form_builder = ContactFormBuilder
    content_panels = BasePage.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("officials", heading=_("Contact officials"), label=_("official")),
        InlinePanel("form_fields", heading=_("Form fields"), label=_("form field")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("E-mail"),
        ),
    ]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("contact page")
        verbose_name_plural = _("contact pages")

    def get_form_class(self):
        return type("ContactForm", (super().get_form_class(), ContactSpamGuard), {})

    def send_mail(self, form):
        """Queued, never sent during the request: the resident sees the thank-you page even when the mail
        server is down, and the worker delivers (and retries) it. Unsent mail shows in the admin."""
        queue_mail(
            self.subject,
            self.render_email(form),
            [address.strip() for address in self.to_address.split(",")],
            from_email=self.from_address,
            site=self.get_site(),
            source=self.title,
        )

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            site = Site.find_for_request(request)
            if over_rate_limit(request, site.id if site else 0):
                return self.serve_rate_limited(request)
        response = super().serve(request, *args, **kwargs)
        # The form carries a CSRF token and a fill-time token: never share or keep a copy.
        patch_cache_control(response, private=True, no_cache=True, no_store=True)
        return response

    def serve_rate_limited(self, request):
        """Too many messages from this address: keep what was typed, say so, send nothing."""
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        form.is_valid()  # field errors are shown too, so the reader can fix them while waiting
        form.add_error(
            None,
            forms.ValidationError(
                _("Too many messages were sent from your connection. Please wait a few minutes and send again.")
            ),
        )
        context = self.get_context(request)
        context["form"] = form
        response = TemplateResponse(request, self.get_template(request), context)
        response.status_code = 429
        patch_cache_control(response, private=True, no_cache=True, no_store=True)
        return response
