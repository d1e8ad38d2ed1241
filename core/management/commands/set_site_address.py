"""Give a site (commune) its public address: every absolute URL (canonical, hreflang, feeds, sitemap,
robots.txt, structured data) is built from it, never from the request's Host."""

from urllib.parse import urlsplit

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site


def parse_address(address):
    """'https://iako.gialai.gov.vn' -> ('iako.gialai.gov.vn', 443); 'localhost:8000' -> ('localhost', 8000)."""
    parts = urlsplit(address if "//" in address else f"//{address}")
    if not parts.hostname or parts.path not in ("", "/") or parts.query or parts.fragment:
        raise CommandError(f"Not a site address: {address!r} (e.g. https://iako.gialai.gov.vn)")
    default_port = 443 if parts.scheme == "https" else 80
    return parts.hostname, parts.port or default_port


class Command(BaseCommand):
    help = (
        "Move a site to its public address, e.g. `set_site_address 127.0.0.1:8000 https://iako.gialai.gov.vn` "
        "(port 443 gives https:// URLs, 80 http://)."
    )

    def add_arguments(self, parser):
        parser.add_argument("current", help="the site's current address (host:port) or its id")
        parser.add_argument("new", help="the new address: https://host, http://host or host:port")

    def handle(self, *args, current, new, **options):
        if current.isdigit():
            site = Site.objects.filter(pk=int(current)).first()
        else:
            hostname, port = parse_address(current)
            site = Site.objects.filter(hostname=hostname, port=port).first()
        if site is None:
            raise CommandError(f"No site at {current!r}. Sites: " + ", ".join(map(str, Site.objects.all())))
        site.hostname, site.port = parse_address(new)
        site.save()  # saving a Site starts a new site-list version: every process sees the move
        self.stdout.write(self.style.SUCCESS(f"{site.site_name}: {site.root_url}"))
