"""Import a commune's old portal: `manage.py import_portal <source id>`, or describe a new source inline."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from importer.models import ImportSource
from importer.runner import run_import


class Command(BaseCommand):
    help = "Import the news of an old portal into a news section (see README, “Moving in from an old portal”)."

    def add_arguments(self, parser):
        parser.add_argument("source", nargs="?", type=int, help="id of a saved import source")
        parser.add_argument("--kind", choices=[kind for kind, _label in ImportSource.KINDS])
        parser.add_argument("--location", help="sitemap/feed address, file of addresses, folder, ZIP or WXR file")
        parser.add_argument("--site", help="hostname of the commune's site")
        parser.add_argument("--section", type=int, help="id of the news section (NewsIndexPage)")
        parser.add_argument("--name", default="", help="name of the new source")
        parser.add_argument("--old-portal-url", default="")
        parser.add_argument("--dry-run", action="store_true", help="only print what would be created/updated/skipped")
        parser.add_argument("--publish", action="store_true", default=None, help="publish (default: the source's)")
        parser.add_argument("--draft", dest="publish", action="store_false", help="create drafts for review")
        parser.add_argument("--resume", action="store_true", help="skip addresses already imported, without fetching")
        parser.add_argument("--limit", type=int, help="stop after this many articles")
        parser.add_argument("--delay", type=float, help="seconds between two requests to the old portal")
        parser.add_argument("--user-agent")
        for name in ("title", "date", "lead", "body", "source", "image"):
            parser.add_argument(f"--{name}-selector", dest=f"{name}_selector")

    def handle(self, *args, **options):
        source = self.source(options)
        for name in ("delay", "user_agent", *(f"{n}_selector" for n in ("title", "date", "lead", "body", "source"))):
            if options.get(name) is not None:
                setattr(source, name, options[name])
        if options.get("image_selector"):
            source.image_selector = options["image_selector"]
        source.save()
        run = run_import(
            source,
            dry_run=options["dry_run"],
            publish=options["publish"],
            resume=options["resume"],
            limit=options["limit"],
            out=self.stdout,
        )
        self.stdout.write(
            _("Run %(run)s: %(created)s created, %(updated)s updated, %(skipped)s skipped, %(failed)s failed.")
            % {
                "run": run.pk,
                "created": run.created,
                "updated": run.updated,
                "skipped": run.skipped,
                "failed": run.failed,
            }
        )

    def source(self, options):
        if options["source"]:
            try:
                return ImportSource.objects.get(pk=options["source"])
            except ImportSource.DoesNotExist as error:
                raise CommandError(_("No import source %s.") % options["source"]) from error
        missing = [name for name in ("kind", "location", "site", "section") if not options.get(name)]
        if missing:
            raise CommandError(_("Give a source id, or --kind, --location, --site and --section."))
        site = Site.objects.filter(hostname=options["site"]).first()
        section = Page.objects.filter(pk=options["section"]).first()
        if site is None or section is None:
            raise CommandError(_("Unknown site or section."))
        if section.specific_class.__name__ != "NewsIndexPage" or section.get_site() != site:
            raise CommandError(_("The section must be a news section of the site."))
        location = options["location"]
        if options["kind"] == ImportSource.URLS and not location.startswith("http"):
            with open(location, encoding="utf-8") as addresses:
                location = addresses.read()
        return ImportSource(
            site=site,
            section=section,
            kind=options["kind"],
            location=location,
            name=options["name"] or location.splitlines()[0][:120],
            old_portal_url=options["old_portal_url"],
            publish=bool(options["publish"]),
        )
