"""Consultations on draft documents (lấy ý kiến dự thảo): the index, the consultation page, residents' comments.

A consultation's status follows from its dates alone (upcoming → open → closed), and becomes "concluded" once the
editors write its outcome. Comments are private until a moderator publishes them, and never show contact data.
"""

import hashlib
import math
import secrets

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, IntegerField, Value, When
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Site

from core.models import BasePage
from core.permissions import SiteScopedForm

NAME_MAX, CONTACT_MAX, SECTION_MAX, COMMENT_MAX = 100, 200, 200, 5000
PAGE_SIZE = 20
DRAFT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


def hash_receipt_code(code):
    return hashlib.sha256(f"consultation-receipt|{code}".encode()).hexdigest()


class Status(models.TextChoices):
    UPCOMING = "upcoming", _("Not yet open")
    OPEN = "open", _("Open for comments")
    CLOSED = "closed", pgettext_lazy("consultation", "Closed")
    CONCLUDED = "concluded", _("Outcome published")


def with_status_order(queryset, now):
    """Open consultations first (closing soonest first), then upcoming, then closed (newest first): in SQL."""
    ranked = queryset.annotate(
        status_rank=Case(
            When(opens_at__lte=now, closes_at__gt=now, then=Value(0)),
            When(opens_at__gt=now, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
    )
    return ranked.annotate(
        soonest=Case(When(status_rank=0, then="closes_at"), When(status_rank=1, then="opens_at")),
        latest=Case(When(status_rank=2, then="closes_at")),
    ).order_by("status_rank", F("soonest").asc(nulls_last=True), F("latest").desc(nulls_last=True), "pk")


class ConsultationIndexPage(RoutablePageMixin, BasePage):
    """Lists the consultations below it (open ones first, with the days left) and their RSS feed."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    subpage_types = ["consultations.ConsultationPage"]

    class Meta:
        verbose_name = _("consultations index")
        verbose_name_plural = _("consultations indexes")

    def serve(self, request, *args, **kwargs):
        return self.with_cache_headers(request, super().serve(request, *args, **kwargs))

    def consultations(self):
        return ConsultationPage.objects.child_of(self).live().public()

    @path("")
    def consultation_list(self, request):
        from django.core.paginator import Paginator

        now = timezone.now()
        ordered = with_status_order(self.consultations(), now)
        page_obj = Paginator(ordered, PAGE_SIZE).get_page(request.GET.get("page"))
        items = list(page_obj.object_list)
        counts = published_comment_counts([item.translation_key for item in items]) if items else {}
        for item in items:
            item.published_count = counts.get(item.translation_key, 0)
        return self.render(
            request,
            context_overrides={
                "consultations": page_obj,
                "items": items,
                "now": now,
            },
        )

    @path("rss/", name="feed")
    def feed(self, request):
        from .feeds import ConsultationFeed

        response = ConsultationFeed()(request, index=self)
        patch_cache_control(response, public=True, max_age=300)
        return response


def published_comment_counts(translation_keys):
    rows = (
        ConsultationComment.objects.filter(consultation__translation_key__in=translation_keys, published=True)
        .values_list("consultation__translation_key")
        .annotate(total=models.Count("pk"))
    )
    return dict(rows)


class ConsultationPage(RoutablePageMixin, BasePage):
    """One draft document put to the residents, with its comment form while open and its outcome after."""

    summary = models.TextField(_("summary"), help_text=_("What the draft is about and whom it concerns."))
    issuing_body = models.CharField(
        _("drafting body"), max_length=200, help_text=_("E.g. UBND xã Ia Ko (Công chức Tư pháp - Hộ tịch)")
    )
    opens_at = models.DateTimeField(_("open for comments from"))
    closes_at = models.DateTimeField(_("open for comments until"))
    draft_text = RichTextField(
        _("text of the draft"),
        features=DRAFT_FEATURES,
        blank=True,
        help_text=_("The draft as readable text; attach the original files below as well."),
    )
    outcome_summary = RichTextField(
        _("summary of the comments received"),
        features=["bold", "italic", "ol", "ul", "link"],
        blank=True,
        help_text=_("Filled after closing: publishing it marks the consultation as concluded."),
    )
    outcome_response = RichTextField(
        _("how the comments were taken into account"),
        features=["bold", "italic", "ol", "ul", "link"],
        blank=True,
    )
    adopted_document = models.ForeignKey(
        "legaldocs.LegalDocument",
        verbose_name=_("adopted document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The document finally adopted, from the legal documents database."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("issuing_body"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        FieldPanel("draft_text"),
        InlinePanel("draft_documents", heading=_("Draft files (PDF/DOCX)"), label=_("file")),
        MultiFieldPanel(
            [FieldPanel("outcome_summary"), FieldPanel("outcome_response"), FieldPanel("adopted_document")],
            heading=_("Outcome"),
        ),
    ]
    parent_page_types = ["consultations.ConsultationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The closing time must be after the opening time.")})

    def is_open(self, now=None):
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def status_at(self, now=None):
        now = now or timezone.now()
        if now < self.opens_at:
            return Status.UPCOMING
        if now < self.closes_at:
            return Status.OPEN
        return Status.CONCLUDED if self.has_outcome else Status.CLOSED

    @property
    def status(self):
        return self.status_at()

    @property
    def status_label(self):
        return Status(self.status).label

    @property
    def has_outcome(self):
        return bool((self.outcome_summary or "").strip())

    def days_left(self, now=None):
        """Whole days until closing, rounded up (a consultation closing in 3 hours has 1 day left)."""
        now = now or timezone.now()
        return max(0, math.ceil((self.closes_at - now).total_seconds() / 86400))

    def published_comments(self):
        return ConsultationComment.objects.filter(
            consultation__translation_key=self.translation_key, published=True
        ).order_by("submitted_at", "pk")

    def adopted_document_url(self, request=None):
        document = self.adopted_document
        if document is None:
            return ""
        index_model = apps.get_model("legaldocs", "DocumentsIndexPage")
        site = Site.find_for_request(request) if request else self.get_site()
        if site is None:
            return ""
        index = index_model.objects.live().public().filter(path__startswith=site.root_page.path).first()
        return index.localized.document_url(document, request) if index else ""

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if self.status in (Status.UPCOMING, Status.OPEN) or request.method == "POST":
            # The open page carries a CSRF-protected form: never share a copy between readers. An upcoming page
            # is not kept either, so that the form appears the moment the consultation opens.
            patch_cache_control(response, private=True, no_cache=True, no_store=True)
            return response
        return self.with_cache_headers(request, response)

    @path("")
    def consultation(self, request):
        from .views import consultation_view

        return consultation_view(self, request)

    @path("tra-cuu/", name="lookup")
    def lookup(self, request):
        from .views import lookup_view

        return lookup_view(self, request)


class ConsultationDocument(Orderable):
    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="draft_documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("file (PDF/DOCX)"), on_delete=models.CASCADE, related_name="+"
    )
    label = models.CharField(_("label"), max_length=200, blank=True, help_text=_("Empty: the file's title."))

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("draft file")
        verbose_name_plural = _("draft files")

    @property
    def display_label(self):
        return self.label or self.document.title


class ConsultationComment(models.Model):
    site = models.ForeignKey(Site, verbose_name=_("site"), on_delete=models.CASCADE, related_name="+")
    consultation = models.ForeignKey(
        ConsultationPage, verbose_name=_("consultation"), on_delete=models.CASCADE, related_name="comments"
    )
    name = models.CharField(pgettext_lazy("person", "name"), max_length=NAME_MAX, blank=True)
    email = models.EmailField(_("e-mail"), max_length=CONTACT_MAX, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    section = models.CharField(_("article or section"), max_length=SECTION_MAX, blank=True)
    comment = models.TextField(pgettext_lazy("consultation", "comment"), max_length=COMMENT_MAX)
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    published = models.BooleanField(
        _("publish on the portal"),
        default=False,
        help_text=_("Show the comment publicly (never the contact data)."),
    )
    show_name = models.BooleanField(
        _("show the name"), default=False, help_text=_("Show the name the resident gave next to the comment.")
    )
    # Only a hash of the receipt code is kept: the database alone tells nobody a comment's status.
    receipt_hash = models.CharField(max_length=64, unique=True, editable=False)

    base_form_class = SiteScopedForm
    panels = [
        FieldPanel("site", read_only=True),
        FieldPanel("consultation", read_only=True),
        MultiFieldPanel(
            [
                FieldPanel("section", read_only=True),
                FieldPanel("comment", read_only=True),
                FieldRowPanel(
                    [
                        FieldPanel("name", read_only=True),
                        FieldPanel("email", read_only=True),
                        FieldPanel("phone", read_only=True),
                    ]
                ),
                FieldPanel("submitted_at", read_only=True),
            ],
            heading=pgettext_lazy("consultation", "Comment"),
        ),
        MultiFieldPanel([FieldPanel("published"), FieldPanel("show_name")], heading=_("Publication")),
    ]

    class Meta:
        verbose_name = _("comment on a draft")
        verbose_name_plural = _("comments on drafts")
        ordering = ["-submitted_at", "-id"]
        indexes = [models.Index(fields=["consultation", "published"], name="consult_comment_published")]

    def __str__(self):
        return f"{self.consultation.title} – {self.submitted_at:%d/%m/%Y %H:%M}"

    def save(self, *args, **kwargs):
        if not self.receipt_hash:
            self.issue_code()
        super().save(*args, **kwargs)

    def issue_code(self):
        """A new random receipt code; only its hash is stored, so return it to show the resident once."""
        code = secrets.token_urlsafe(8)
        self.receipt_hash = hash_receipt_code(code)
        return code

    @property
    def public_name(self):
        return self.name if self.show_name and self.name else ""

    @classmethod
    def find_by_code(cls, site, code):
        code = (code or "").strip()
        if not code or len(code) > 64:
            return None
        return (
            cls.objects.filter(site=site, receipt_hash=hash_receipt_code(code)).select_related("consultation").first()
        )
