"""Outgoing mail kept in the database until it is delivered (contact form, and any reader-facing form).

A reader's message is saved first and its mail queued here; the reader gets the thank-you page whether or
not the mail server answers. A worker delivers it (`core.tasks.deliver_mail`, run by django-tasks'
`manage.py db_worker`); a failed attempt is recorded and retried later (MAIL_RETRY_DELAYS, seconds), and after
the last attempt the mail stays "failed" for editors to see in the admin (Settings → Outgoing mail).
`manage.py send_queued_mail` delivers everything due, for cron or by hand.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.models import Site

logger = logging.getLogger("portal.mail")

DEFAULT_RETRY_DELAYS = (60, 5 * 60, 30 * 60, 2 * 3600, 12 * 3600)  # then "failed"


def retry_delays():
    return tuple(getattr(settings, "MAIL_RETRY_DELAYS", DEFAULT_RETRY_DELAYS))


class MailStatus(models.TextChoices):
    QUEUED = "queued", pgettext_lazy("outgoing mail", "Waiting to be sent")
    SENT = "sent", pgettext_lazy("outgoing mail", "Sent")
    FAILED = "failed", pgettext_lazy("outgoing mail", "Failed")


class QueuedMailQuerySet(models.QuerySet):
    def due(self, now=None):
        return self.filter(status=MailStatus.QUEUED, next_attempt_at__lte=now or timezone.now())

    def unsent(self):
        return self.exclude(status=MailStatus.SENT)


class QueuedMail(models.Model):
    site = models.ForeignKey(Site, verbose_name=_("site"), null=True, on_delete=models.SET_NULL, related_name="+")
    source = models.CharField(pgettext_lazy("outgoing mail", "sent from"), max_length=255, blank=True)
    subject = models.CharField(pgettext_lazy("outgoing mail", "subject"), max_length=998)
    body = models.TextField(pgettext_lazy("outgoing mail", "message"))
    from_email = models.CharField(pgettext_lazy("outgoing mail", "from"), max_length=255, blank=True)
    to = models.TextField(
        pgettext_lazy("outgoing mail", "to"), help_text=pgettext_lazy("outgoing mail", "Comma-separated addresses.")
    )
    reply_to = models.CharField(pgettext_lazy("outgoing mail", "reply to"), max_length=255, blank=True)
    status = models.CharField(
        pgettext_lazy("outgoing mail", "status"), max_length=10, choices=MailStatus.choices, default=MailStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(pgettext_lazy("outgoing mail", "attempts"), default=0)
    last_error = models.TextField(pgettext_lazy("outgoing mail", "last error"), blank=True)
    created_at = models.DateTimeField(pgettext_lazy("outgoing mail", "queued at"), default=timezone.now)
    next_attempt_at = models.DateTimeField(
        pgettext_lazy("outgoing mail", "next attempt"), null=True, blank=True, default=timezone.now
    )
    sent_at = models.DateTimeField(pgettext_lazy("outgoing mail", "sent at"), null=True, blank=True)
    # Extra headers the sender needs, e.g. List-Unsubscribe (RFC 8058) on subscription mail.
    headers = models.JSONField(pgettext_lazy("outgoing mail", "headers"), default=dict, blank=True)
    # Mail to subscribers: its address and personal links are for the worker only. Hidden from the editors'
    # outbox, and its address, body and headers are forgotten once it is delivered.
    confidential = models.BooleanField(pgettext_lazy("outgoing mail", "confidential"), default=False)

    objects = QueuedMailQuerySet.as_manager()

    class Meta:
        verbose_name = pgettext_lazy("outgoing mail", "outgoing mail")
        verbose_name_plural = pgettext_lazy("outgoing mail", "outgoing mail")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="queuedmail_due")]

    def __str__(self):
        return self.subject

    def recipients(self):
        return [address.strip() for address in self.to.split(",") if address.strip()]

    def message(self):
        return EmailMessage(
            self.subject,
            self.body,
            self.from_email or settings.DEFAULT_FROM_EMAIL,
            self.recipients(),
            reply_to=[self.reply_to] if self.reply_to else None,
            headers={**(self.headers or {}), "Auto-Submitted": "auto-generated", "X-Portal-Mail-Id": str(self.pk)},
        )


def queue_mail(
    subject, body, to, *, from_email="", reply_to="", site=None, source="", headers=None, confidential=False
):
    """Keep the mail and hand it to the worker. Never raises because the mail server is down."""
    mail = QueuedMail.objects.create(
        subject=subject[:998],
        body=body,
        to=", ".join(to) if isinstance(to, list | tuple) else to,
        from_email=from_email or "",
        reply_to=reply_to or "",
        site=site,
        source=source[:255],
        headers=dict(headers or {}),
        confidential=confidential,
    )
    schedule(mail)
    return mail


def schedule(mail, run_after=None):
    """Enqueue a delivery; if even that fails, the mail stays queued for `send_queued_mail`."""
    from .tasks import deliver_mail

    try:
        if run_after is not None and not deliver_mail.get_backend().supports_defer:
            return  # a backend without deferred tasks: the cron command picks the retry up
        task = deliver_mail.using(run_after=run_after) if run_after else deliver_mail
        task.enqueue(mail.pk)
    except Exception:
        logger.exception("could not enqueue mail %s; send_queued_mail will deliver it", mail.pk)


def deliver(mail_id):
    """One attempt at sending one mail. Returns the new status (None if it is gone or not due)."""
    with transaction.atomic():
        now = timezone.now()
        mail = QueuedMail.objects.select_for_update().due(now).filter(pk=mail_id).first()
        if mail is None:
            return None
        mail.attempts += 1
        try:
            mail.message().send()
        except Exception as error:  # smtplib, socket and DNS errors alike: keep it and try again later
            delays = retry_delays()
            mail.last_error = f"{type(error).__name__}: {error}"[:2000]
            if mail.attempts > len(delays):
                mail.status, mail.next_attempt_at = MailStatus.FAILED, None
            else:
                mail.next_attempt_at = now + timedelta(seconds=delays[mail.attempts - 1])
            logger.warning("mail %s not sent (attempt %s): %s", mail.pk, mail.attempts, mail.last_error)
        else:
            mail.status, mail.sent_at, mail.next_attempt_at, mail.last_error = MailStatus.SENT, now, None, ""
            if mail.confidential:
                mail.to, mail.body, mail.headers = "", "", {}
        mail.save()
    if mail.status == MailStatus.QUEUED:
        transaction.on_commit(lambda: schedule(mail, run_after=mail.next_attempt_at))
    return mail.status


def deliver_due():
    """Try every mail that is due once; returns {status: count}."""
    counts = {}
    for mail_id in QueuedMail.objects.due().order_by("next_attempt_at").values_list("pk", flat=True):
        status = deliver(mail_id)
        counts[status] = counts.get(status, 0) + 1
    return counts


def retry(mail):
    """An editor's "Send again" on a failed mail: one more round of attempts."""
    mail.status, mail.attempts, mail.next_attempt_at = MailStatus.QUEUED, 0, timezone.now()
    mail.save(update_fields=["status", "attempts", "next_attempt_at"])
    schedule(mail)
