"""Profile the hot path: SQL queries and render time per page, without the page cache.

    DJANGO_SETTINGS_MODULE=portal.settings.production ... python benchmarks/query_counts.py --host xa-001.gialai.gov.vn

Prints, for each page, the queries of a first request (cold widget caches) and of a second one (warm),
and with --sql the warm queries themselves, grouped, so repeated ones (N+1) stand out.
"""

import argparse
import os
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
os.environ["PAGECACHE_ENABLED"] = "0"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

settings.PAGECACHE_ENABLED = False


def measure(client, host, path):
    with CaptureQueriesContext(connection) as context:
        started = time.perf_counter()
        response = client.get(path, HTTP_HOST=host, HTTP_X_FORWARDED_PROTO="https")
        elapsed = time.perf_counter() - started
    return response.status_code, len(context.captured_queries), elapsed, context.captured_queries


def cold_median(client, host, path, runs):
    """Render time of the first view after a publish: the site's generation bumped before each request, so
    its routes, fragments and widgets are all computed again (Wagtail's own site caches stay warm)."""
    from wagtail.models import Site

    from core.cache import bump_site_generation, process_cache

    site_id = Site.objects.get(hostname=host).pk
    times = []
    for _ in range(runs):
        bump_site_generation(site_id)
        process_cache.clear()
        times.append(measure(client, host, path)[2] * 1000)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="xa-001.gialai.gov.vn")
    parser.add_argument("--sql", action="store_true", help="print the warm queries, grouped")
    parser.add_argument(
        "--cold",
        type=int,
        default=0,
        metavar="N",
        help="also the median of N first views after a publish (site generation bumped)",
    )
    parser.add_argument("--all-pages", action="store_true", help="every live page of the site, in every locale")
    parser.add_argument("paths", nargs="*")
    args = parser.parse_args()

    from wagtail.models import Site

    from news.models import NewsIndexPage, NewsPage

    site = Site.objects.get(hostname=args.host)
    index = NewsIndexPage.objects.live().descendant_of(site.root_page).filter(slug="tin-tuc").first()
    article = NewsPage.objects.live().child_of(index).order_by("path").last()
    paths = args.paths or [
        "/",
        index.get_url(current_site=site),
        article.get_url(current_site=site),
        "/search/?q=chuy%E1%BB%83n+%C4%91%E1%BB%95i+s%E1%BB%91",
    ]
    if args.all_pages:
        from wagtail.models import Page

        homes = Page.objects.filter(translation_key=site.root_page.translation_key)
        pages = Page.objects.none()
        for home in homes:
            pages |= Page.objects.descendant_of(home, inclusive=True).live()
        # One page of each type per locale: articles and documents are many, alike.
        seen, paths = set(), []
        for page in pages.order_by("path").specific():
            kind = (type(page).__name__, page.locale_id)
            if kind not in seen:
                seen.add(kind)
                paths.append(page.get_url(current_site=site))
    client = Client()
    cold_column = f" cold render ms (median of {args.cold}) |" if args.cold else ""
    print(f"| page | status | queries (cold) | queries (warm) | warm render ms |{cold_column}")
    print("|---|---|---:|---:|---:|" + ("---:|" if args.cold else ""))
    for path in paths:
        _, cold, _, _ = measure(client, args.host, path)
        status, warm, elapsed, queries = measure(client, args.host, path)
        cold_cell = f" {cold_median(client, args.host, path, args.cold):.1f} |" if args.cold else ""
        print(f"| `{path[:60]}` | {status} | {cold} | {warm} | {elapsed * 1000:.0f} |{cold_cell}")
        if args.sql:
            shapes = Counter(query["sql"].split(" WHERE ")[0][:160] for query in queries)
            for sql, count in shapes.most_common():
                print(f"    {count:3d} x {sql}")


if __name__ == "__main__":
    main()
