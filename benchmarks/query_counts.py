"""Profile the hot path: SQL queries and render time per page, without the page cache.

    DJANGO_SETTINGS_MODULE=portal.settings.production ... python benchmarks/query_counts.py --host xa-001.gialai.gov.vn

Prints, for each page, the queries of a first request (cold widget caches) and of a second one (warm),
and with --sql the warm queries themselves, grouped, so repeated ones (N+1) stand out.
"""

import argparse
import os
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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="xa-001.gialai.gov.vn")
    parser.add_argument("--sql", action="store_true", help="print the warm queries, grouped")
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
    client = Client()
    print("| page | status | queries (cold) | queries (warm) | warm render ms |\n|---|---|---:|---:|---:|")
    for path in paths:
        _, cold, _, _ = measure(client, args.host, path)
        status, warm, elapsed, queries = measure(client, args.host, path)
        print(f"| `{path[:60]}` | {status} | {cold} | {warm} | {elapsed * 1000:.0f} |")
        if args.sql:
            shapes = Counter(query["sql"].split(" WHERE ")[0][:160] for query in queries)
            for sql, count in shapes.most_common():
                print(f"    {count:3d} x {sql}")


if __name__ == "__main__":
    main()
