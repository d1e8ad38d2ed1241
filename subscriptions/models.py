"""Residents' e-mail subscriptions, per commune (Wagtail Site).

Only what sending needs is stored: the address, the language the resident subscribed in and their choices.
Unsubscribing deletes the row (and what was sent to it); unconfirmed rows expire (UNCONFIRMED_LIFETIME).
"""

from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.models import Site

UNCONFIRMED_LIFETIME = timedelta(days=7)  # also how long a confirmation link is valid


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("As soon as it is published")
    DAILY = "daily", _("Once a day (daily digest)")
    WEEKLY = "weekly", _("Once a week (weekly digest)")


class Kind(models.TextChoices):
    NEWS = "news", _("News")
    CONSULTATION = "consultation", _("Consultation on a draft document")
    EVENT = "event", _("Event")


# The page types residents may follow, by model label: named here, never imported from their apps.
KIND_OF_MODEL = {
    "news.newspage": Kind.NEWS,
    "consultations.consultationpage": Kind.CONSULTATION,
    "events.eventpage": Kind.EVENT,
}


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def unconfirmed_expired(self, now=None):
        return self.filter(confirmed_at__isnull=True, created_at__lt=(now or timezone.now()) - UNCONFIRMED_LIFETIME)


class Subscriber(models.Model):
    site = models.ForeignKey(Site, verbose_name=_("site"), on_delete=models.CASCADE, related_name="+")
    email = models.EmailField(_("e-mail address"), max_length=254)
    language = models.CharField(_("language"), max_length=10, default="vi")
    frequency = models.CharField(_("how often"), max_length=10, choices=Frequency.choices, default=Frequency.IMMEDIATE)
    news = models.BooleanField(_("new articles"), default=True)
    categories = models.ManyToManyField(
        "news.NewsCategory",
        verbose_name=_("news categories"),
        blank=True,
        related_name="+",
        help_text=_("None chosen: articles of every category."),
    )
    consultations = models.BooleanField(_("new consultations on draft documents"), default=True)
    events = models.BooleanField(_("new events"), default=True)
    created_at = models.DateTimeField(_("subscribed at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["site", "email"], name="one_subscription_per_site_address")]
        indexes = [models.Index(fields=["site", "frequency", "confirmed_at"], name="subscriber_by_frequency")]
        permissions = [("view_subscriber_addresses", _("Can see subscribers' e-mail addresses"))]

    def __str__(self):
        return _("Subscriber #%(id)s") % {"id": self.pk}  # never the address: str() ends up in logs and lists

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None

    def wants(self, kind, category_ids, chosen_category_ids):
        """Does this subscriber follow an item of `kind` (with its news categories)?
        `chosen_category_ids` is the subscriber's own choice (empty: every category), passed in so that a
        digest of many subscribers reads them all in one query."""
        if kind == Kind.NEWS:
            return self.news and (not chosen_category_ids or bool(set(category_ids) & set(chosen_category_ids)))
        if kind == Kind.CONSULTATION:
            return self.consultations
        return kind == Kind.EVENT and self.events


class NotifiedPage(models.Model):
    """A page whose publication has been announced: written once, on its first publication, so republishing
    never announces it again. Digests read their items from here (re-checking that the page is still public)."""

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    category_ids = models.JSONField(default=list, blank=True)  # refreshed on every publish
    notified_at = models.DateTimeField(default=timezone.now)
    # False: the page was first published long before (re-published): recorded, never announced.
    announced = models.BooleanField(default=True)

    class Meta:
        verbose_name = pgettext_lazy("subscriptions", "announced page")
        verbose_name_plural = pgettext_lazy("subscriptions", "announced pages")
        indexes = [models.Index(fields=["site", "notified_at"], name="notifiedpage_by_site_time")]

    def __str__(self):
        return f"{self.kind} {self.page_id}"


class SentItem(models.Model):
    """What each subscriber has been sent: a notice or digest never repeats an item."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="sent_items")
    item = models.ForeignKey(NotifiedPage, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["subscriber", "item"], name="one_sending_per_item")]

    def __str__(self):
        return f"{self.subscriber_id} {self.item_id}"
