"""Residents' questions (private until an editor publishes the answer) and anonymous satisfaction ratings."""

import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Site

from core.models import BasePage
from core.permissions import SiteScopedForm

NAME_MAX, CONTACT_MAX, SUBJECT_MAX, QUESTION_MAX = 100, 200, 200, 4000


def hash_lookup_code(code):
    return hashlib.sha256(f"question-lookup|{code}".encode()).hexdigest()


class QuestionStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    ANSWERING = "answering", _("Being answered")
    ANSWERED = "answered", _("Answered")


class QuestionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True, status=QuestionStatus.ANSWERED).exclude(answer="")


class Question(models.Model):
    site = models.ForeignKey(Site, verbose_name=_("site"), on_delete=models.CASCADE, related_name="+")
    name = models.CharField(pgettext_lazy("person", "name"), max_length=NAME_MAX, blank=True)
    email = models.EmailField(_("e-mail"), max_length=CONTACT_MAX, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    subject = models.CharField(pgettext_lazy("question", "subject"), max_length=SUBJECT_MAX)
    question = models.TextField(_("question"), max_length=QUESTION_MAX)
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    status = models.CharField(
        _("status"), max_length=20, choices=QuestionStatus.choices, default=QuestionStatus.RECEIVED
    )
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.CharField(_("answered by"), max_length=200, blank=True, help_text=_("E.g. Văn phòng UBND xã"))
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    published = models.BooleanField(
        _("publish on the portal"),
        default=False,
        help_text=_("Show the question (without name or contact) and its answer publicly. Needs an answer."),
    )
    # Only a hash of the asker's code is kept: the database alone cannot be used to read someone's status.
    lookup_hash = models.CharField(max_length=64, unique=True, editable=False)

    objects = QuestionQuerySet.as_manager()

    base_form_class = SiteScopedForm
    panels = [
        FieldPanel("site", read_only=True),
        MultiFieldPanel(
            [
                FieldPanel("subject", read_only=True),
                FieldPanel("question", read_only=True),
                FieldRowPanel(
                    [
                        FieldPanel("name", read_only=True),
                        FieldPanel("email", read_only=True),
                        FieldPanel("phone", read_only=True),
                    ]
                ),
                FieldPanel("submitted_at", read_only=True),
            ],
            heading=_("Question"),
        ),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("answer"), FieldPanel("answered_by"), FieldPanel("published")],
            heading=_("Answer"),
        ),
    ]

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["-submitted_at", "-id"]
        indexes = [models.Index(fields=["site", "published", "-answered_at"], name="question_site_published")]

    def __str__(self):
        return self.subject

    def save(self, *args, **kwargs):
        if (self.answer or "").strip() and self.status == QuestionStatus.ANSWERED and not self.answered_at:
            self.answered_at = timezone.now()
        if not self.lookup_hash:
            self.issue_code()
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.published and not (self.answer or "").strip():
            raise ValidationError({"published": _("Write the answer before publishing.")})
        if self.published and self.status != QuestionStatus.ANSWERED:
            raise ValidationError({"status": _("A published question must have the status “Answered”.")})

    def issue_code(self):
        """A new random lookup code; only its hash is stored, so return it to show the asker once."""
        code = secrets.token_urlsafe(8)
        self.lookup_hash = hash_lookup_code(code)
        return code

    @classmethod
    def find_by_code(cls, site, code):
        code = (code or "").strip()
        if not code or len(code) > 64:
            return None
        return cls.objects.filter(site=site, lookup_hash=hash_lookup_code(code)).first()


class QuestionsPage(RoutablePageMixin, BasePage):
    """The public Q&A page: published answers, the question form, and the status lookup."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    subpage_types = []

    class Meta:
        verbose_name = _("questions page")
        verbose_name_plural = _("questions pages")

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # The page carries a CSRF-protected form: never share a copy between readers.
        # (Routable views bypass BasePage.serve, so nothing marked it public.)
        patch_cache_control(response, private=True, no_cache=True, no_store=True)
        return response

    @path("")
    def questions(self, request):
        from .views import questions_view

        return questions_view(self, request)

    @path("tra-cuu/", name="lookup")
    def lookup(self, request):
        from .views import lookup_view

        return lookup_view(self, request)


def rating_item_key(page=None):
    return f"page:{page.pk}" if page is not None else "portal"


class RatingQuerySet(models.QuerySet):
    def counted(self):
        """The votes behind the published figures: those that passed the checks of feedback/voting.py."""
        return self.filter(verified=True)


class Rating(models.Model):
    """One anonymous vote: the voter is a hash of a server-signed cookie id and the item, nothing personal."""

    site = models.ForeignKey(Site, verbose_name=_("site"), on_delete=models.CASCADE, related_name="+")
    item = models.CharField(_("rated item"), max_length=40)
    voter = models.CharField(max_length=64, editable=False)
    score = models.PositiveSmallIntegerField(_("score"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    created_at = models.DateField(_("date"), default=timezone.localdate)
    # False for votes taken before the voter id was signed and cross-site posts refused: not counted.
    verified = models.BooleanField(_("verified"), default=True, editable=False)

    objects = RatingQuerySet.as_manager()

    class Meta:
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        constraints = [models.UniqueConstraint(fields=["site", "item", "voter"], name="one_vote_per_voter_item")]

    def __str__(self):
        return f"{self.item}: {self.score}"
