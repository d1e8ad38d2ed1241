"""Run Wagtail's `publish_scheduled` every N seconds: for hosts without cron (or a container).

With cron, prefer one line instead:  */5 * * * *  cd /srv/portal && .venv/bin/python manage.py publish_scheduled
"""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections


class Command(BaseCommand):
    help = "Publish/unpublish pages whose go_live_at/expire_at has passed, in a loop."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60, help="seconds between runs (default 60)")
        parser.add_argument("--once", action="store_true", help="run once and exit")

    def handle(self, *args, interval, once, **options):
        while True:
            call_command("publish_scheduled", stdout=self.stdout, stderr=self.stderr)
            if once:
                return
            time.sleep(max(interval, 1))
            close_old_connections()  # a long-lived loop must not reuse a dead or expired connection
