from django.core.management.base import BaseCommand

from core.outbox import QueuedMail, deliver_due, retry


class Command(BaseCommand):
    help = (
        "Send every queued mail that is due (a safety net for the django-tasks worker, or the only sender "
        "when no worker runs: call it from cron every few minutes). --retry-failed queues failed mail again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--retry-failed", action="store_true", help="Give failed mail another round of attempts.")

    def handle(self, *args, retry_failed=False, **options):
        if retry_failed:
            for mail in QueuedMail.objects.filter(status="failed"):
                retry(mail)
        counts = deliver_due()
        summary = ", ".join(f"{status}: {count}" for status, count in sorted(counts.items(), key=str))
        self.stdout.write(summary or "nothing due")
