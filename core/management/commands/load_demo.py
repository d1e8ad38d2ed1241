from django.core.management.base import BaseCommand

from core.demo import load_all


class Command(BaseCommand):
    help = "Load the Ia Ko demo portal (and a second commune). Safe to run again: it changes nothing."

    def handle(self, *args, **options):
        self.stdout.write("Loading demo content:")
        communes = load_all(stdout=self.stdout)
        for commune in communes:
            self.stdout.write(
                self.style.SUCCESS(f"  {commune.site.hostname}:{commune.site.port} -> {commune.profile['portal_name']}")
            )
