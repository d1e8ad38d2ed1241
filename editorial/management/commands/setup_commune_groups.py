"""Create or update each commune's editorial groups and its "Duyệt tin" workflow (idempotent)."""

from django.core.management.base import BaseCommand

from editorial.groups import setup_all_sites


class Command(BaseCommand):
    help = "Create/update per-site groups (editors, moderators, translators, site admins) and workflows."

    def handle(self, *args, **options):
        for site, groups in setup_all_sites().items():
            names = ", ".join(group.name for group in groups.values())
            self.stdout.write(f"{site}: {names}")
