from django.core.management.base import BaseCommand
from wagtail.models import Site

from core.demo import load_all


class Command(BaseCommand):
    help = "Load the demo portals (Ia Ko, Ia Pal, three generated communes, the province hub). Safe to run again."

    def handle(self, *args, **options):
        self.stdout.write("Loading demo content:")
        communes = load_all(stdout=self.stdout)
        for commune in communes:
            self.stdout.write(
                self.style.SUCCESS(f"  {commune.site.hostname}:{commune.site.port} -> {commune.profile['portal_name']}")
            )
        # Sites no commune owns (the province hub, province/demo.py), by the name their profile gives them.
        commune_sites = {commune.site.pk for commune in communes}
        for site in Site.objects.exclude(pk__in=commune_sites).order_by("hostname"):
            self.stdout.write(self.style.SUCCESS(f"  {site.hostname}:{site.port} -> {site.site_name}"))
