"""Legal and administrative documents (văn bản) owned by one commune site, and the page that lists them."""

import datetime

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Site

from core.models import BasePage
from core.permissions import SiteScopedForm, site_ids_for_user
from core.text import fold

PAGE_SIZE = 20


class DocumentType(models.TextChoices):
    DECISION = "quyet-dinh", _("Decision")
    RESOLUTION = "nghi-quyet", _("Resolution")
    PLAN = "ke-hoach", _("Plan")
    NOTICE = "thong-bao", _("Notice")
    OFFICIAL_LETTER = "cong-van", _("Official letter")
    REPORT = "bao-cao", _("Report")
    DIRECTIVE = "chi-thi", _("Directive")
    REGULATION = "quy-che", _("Regulation")
    OTHER = "khac", _("Other")


class LegalDocumentForm(SiteScopedForm):
    """Editors pick the replacing document only among their own sites' documents."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "replaced_by" in self.fields and self.for_user is not None:
            queryset = LegalDocument.objects.filter(site_id__in=site_ids_for_user(self.for_user))
            if self.instance.pk:
                queryset = queryset.exclude(pk=self.instance.pk)
            self.fields["replaced_by"].queryset = queryset.order_by("-issue_date")


class LegalDocument(models.Model):
    site = models.ForeignKey(Site, verbose_name=_("site"), on_delete=models.CASCADE, related_name="+")
    number = models.CharField(_("number"), max_length=100, help_text=_("E.g. 125/QĐ-UBND"))
    doc_type = models.CharField(_("document type"), max_length=20, choices=DocumentType.choices)
    issuer = models.CharField(_("issuing body"), max_length=200, help_text=_("E.g. UBND xã Ia Ko"))
    signer = models.CharField(_("signed by"), max_length=200, blank=True)
    field = models.CharField(_("field"), max_length=100, blank=True, help_text=_("E.g. Land, Education"))
    issue_date = models.DateField(_("date of issue"))
    effective_date = models.DateField(_("effective from"), null=True, blank=True)
    expiry_date = models.DateField(_("expires on"), null=True, blank=True)
    replaced_by = models.ForeignKey(
        "self",
        verbose_name=_("replaced by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaces",
    )
    abstract = models.TextField(_("abstract"), help_text=_("The document's summary (trích yếu)."))
    file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("file (PDF/DOCX)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published = models.BooleanField(
        _("published"),
        default=True,
        help_text=_(
            "Shown on the portal with its file. Untick to prepare a document before it is issued: it is not "
            "listed and its file is not served to readers until it is published (or a published page links it)."
        ),
    )
    # Folded copy of the searchable text: icontains on it ignores diacritics on SQLite and PostgreSQL alike.
    search_text = models.TextField(editable=False, default="")

    base_form_class = LegalDocumentForm
    panels = [
        FieldPanel("site"),
        FieldRowPanel([FieldPanel("number"), FieldPanel("doc_type")]),
        FieldPanel("abstract"),
        FieldRowPanel([FieldPanel("issuer"), FieldPanel("signer")]),
        FieldPanel("field"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("issue_date"), FieldPanel("effective_date"), FieldPanel("expiry_date")]),
                FieldPanel("replaced_by"),
            ],
            heading=_("Validity"),
        ),
        FieldPanel("file"),
        FieldPanel("published"),
    ]

    class Meta:
        verbose_name = _("legal document")
        verbose_name_plural = _("legal documents")
        ordering = ["-issue_date", "-id"]
        indexes = [models.Index(fields=["site", "-issue_date", "-id"], name="legaldoc_site_date")]

    def __str__(self):
        return f"{self.get_doc_type_display()} {self.number}"

    def save(self, *args, **kwargs):
        self.search_text = self.build_search_text()
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.replaced_by_id:
            if self.pk and self.replaced_by_id == self.pk:
                raise ValidationError({"replaced_by": _("A document cannot replace itself.")})
            if self.site_id and self.replaced_by.site_id != self.site_id:
                raise ValidationError({"replaced_by": _("Choose a document of the same site.")})
        if self.expiry_date and self.effective_date and self.expiry_date < self.effective_date:
            raise ValidationError({"expiry_date": _("The expiry date is before the effective date.")})

    def build_search_text(self):
        parts = [self.number, self.get_doc_type_display(), str(DocumentType(self.doc_type).label), self.abstract]
        parts += [self.issuer, self.signer, self.field]
        return fold(" ".join(str(part) for part in parts if part))

    def in_force(self, today=None):
        today = today or timezone.localdate()
        if self.replaced_by_id:
            return False
        return not (self.expiry_date and self.expiry_date < today)

    @property
    def is_in_force(self):
        return self.in_force()

    @property
    def not_yet_effective(self):
        return bool(self.effective_date and self.effective_date > timezone.localdate())


def filter_documents(queryset, query="", doc_type="", year=None, field="", issuer=""):
    """Each word of the query must appear in the folded text; empty filters are ignored."""
    for word in fold(query).split()[:10]:
        queryset = queryset.filter(search_text__contains=word)
    if doc_type:
        queryset = queryset.filter(doc_type=doc_type)
    if year:
        queryset = queryset.filter(
            issue_date__gte=datetime.date(year, 1, 1), issue_date__lt=datetime.date(year + 1, 1, 1)
        )
    if field:
        queryset = queryset.filter(field=field)
    if issuer:
        queryset = queryset.filter(issuer=issuer)
    return queryset


class DocumentsIndexPage(RoutablePageMixin, BasePage):
    """Lists the site's documents (search, filters, pages) and shows each one at <page>/<id>/."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    subpage_types = []

    class Meta:
        verbose_name = _("documents page")
        verbose_name_plural = _("documents pages")

    def serve(self, request, *args, **kwargs):
        # Routable views bypass BasePage.serve: give them the same cache headers.
        return self.with_cache_headers(request, super().serve(request, *args, **kwargs))

    def site_documents(self, request):
        site = Site.find_for_request(request) or self.get_site()
        return LegalDocument.objects.filter(site=site, published=True)

    @path("")
    def document_list(self, request):
        from .forms import DocumentFilterForm

        documents = self.site_documents(request)
        form = DocumentFilterForm(request.GET or None, documents=documents)
        filters = form.filters()
        results = filter_documents(documents, **filters).select_related("replaced_by", "file")
        page_obj = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
        query_string = form.query_string()
        return self.render(
            request,
            context_overrides={
                "filter_form": form,
                "documents": page_obj,
                "is_filtered": any(filters.values()),
                "query_string": query_string,
            },
        )

    @re_path(r"^(?P<document_id>\d+)/$")
    def document_detail(self, request, document_id):
        if len(document_id) > 12:
            raise Http404
        document = get_object_or_404(
            self.site_documents(request).select_related("replaced_by", "file"), pk=int(document_id)
        )
        return self.render(
            request,
            template="legaldocs/document_detail.html",
            context_overrides={"document": document, "replaces": list(document.replaces.order_by("-issue_date"))},
        )

    def document_url(self, document, request=None):
        base = self.get_url(request) or ""  # None when the page is outside every site
        return base + self.reverse_subpage("document_detail", kwargs={"document_id": document.pk})
