from django.core.management.base import BaseCommand, CommandError

from subscriptions import digests
from subscriptions.models import Frequency

SCHEDULES = {"daily": Frequency.DAILY, "weekly": Frequency.WEEKLY, "immediate": Frequency.IMMEDIATE}


class Command(BaseCommand):
    help = (
        "Queue the daily or weekly digests (cron: --daily every morning, --weekly on Mondays); each subscriber "
        "gets only what was never sent to them, so running it twice sends nothing new. --immediate sends "
        "notices the worker missed. Also deletes subscriptions left unconfirmed for 7 days."
    )

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group()
        for name in SCHEDULES:
            group.add_argument(f"--{name}", dest="schedule", action="append_const", const=name)

    def handle(self, *args, schedule=None, **options):
        if not schedule:
            raise CommandError("choose --daily, --weekly or --immediate")
        frequency = SCHEDULES[schedule[0]]
        expired = digests.forget_old()
        queued = digests.send(digests.build(frequency))
        self.stdout.write(f"{frequency}: {queued} mail(s) queued; {expired} unconfirmed subscription(s) expired")
