"""Import benchmark: N articles (each with its own image) from a local fixture portal, through a sitemap.

Prints articles per minute and the peak Python memory (tracemalloc) of each slice of articles: the
import streams, so the peak stays flat however many articles there are. Run by hand, never in the suite:

    createdb -h 127.0.0.1 -U postgres h_importer_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/h_importer_bench MEDIA_ROOT=/tmp/importer-bench-media \\
        .venv/bin/python benchmarks/import_benchmark.py --articles 1000
"""

import argparse
import os
import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")


class Progress:
    """Receives the runner's report lines; every `every` articles prints the rate and the slice's peak memory."""

    def __init__(self, every):
        self.every = every
        self.count = 0
        self.started = self.slice_started = time.monotonic()
        self.peaks = []

    def write(self, line):
        if not line.startswith(("created", "updated", "skipped", "failed", "đã tạo", "đã cập nhật", "bỏ qua", "lỗi")):
            return
        self.count += 1
        if self.count % self.every == 0:
            _current, peak = tracemalloc.get_traced_memory()
            tracemalloc.reset_peak()
            rate = self.every / (time.monotonic() - self.slice_started) * 60
            self.peaks.append(peak)
            print(f"{self.count:6d} articles  {rate:7.0f} articles/min  peak {peak / 2**20:6.1f} MiB", flush=True)
            self.slice_started = time.monotonic()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--every", type=int, default=100)
    options = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings

    settings.DEBUG = False  # DEBUG keeps the last 9,000 queries in memory: that is not the importer's memory
    from django.core.management import call_command
    from django.utils import translation
    from wagtail.models import Locale, Page, Site

    from home.models import HomePage
    from importer.models import ImportSource
    from importer.runner import run_import
    from news.models import NewsIndexPage
    from tests.importer.fixture_server import FixtureServer

    translation.activate("en")
    call_command("migrate", verbosity=0)
    locale = Locale.objects.get_or_create(language_code="vi")[0]
    slug = f"bench-{int(time.time())}"
    home = HomePage(title="Trang chủ", slug=slug, locale=locale)
    Page.get_first_root_node().add_child(instance=home)
    site = Site.objects.create(hostname=f"{slug}.gialai.gov.vn", port=80, root_page=home, site_name=slug)
    section = home.add_child(instance=NewsIndexPage(title="Tin tức", slug="tin-tuc", locale=locale))

    with FixtureServer(bench_count=options.articles) as server:
        source = ImportSource.objects.create(
            site=site,
            name=slug,
            kind="sitemap",
            location=server.url("bench/sitemap.xml"),
            section=section,
            publish=True,
            delay=0,
        )
        progress = Progress(options.every)
        tracemalloc.start()
        started = time.monotonic()
        run = run_import(source, out=progress)
        elapsed = time.monotonic() - started
        tracemalloc.stop()
    print(f"created {run.created}, updated {run.updated}, skipped {run.skipped}, failed {run.failed}")
    print(f"{run.created / elapsed * 60:.0f} articles per minute ({elapsed:.0f} s for {options.articles})")
    peaks = [peak / 2**20 for peak in progress.peaks]
    if peaks:
        print(
            f"peak Python memory per {options.every} articles: first {peaks[0]:.1f} MiB, last {peaks[-1]:.1f} MiB, "
            f"max {max(peaks):.1f} MiB"
        )
    print(f"process max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
