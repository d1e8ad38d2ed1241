"""Import benchmark: N articles (each with its own image) from a local fixture portal, through a sitemap.

By default it only times the run (tracemalloc slows Python 2-3x and would bias the rate) and samples the
process RSS after each slice of articles. `--memory` traces Python allocations instead: after each slice,
the memory held once garbage is collected (without the collection, cyclic garbage awaiting Python's next full
collection looks like growth) and the slice's peak, with their growth per 1,000 articles (flat when the
import streams). `--compare 300,800` prints what was allocated between two article counts and is still held,
grouped by traceback (`--frames` deep); `--profile` prints cProfile's top functions by cumulative time.
Run by hand, never in the suite:

    createdb -h 127.0.0.1 -U postgres h_importer_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/h_importer_bench MEDIA_ROOT=/tmp/importer-bench-media \\
        .venv/bin/python benchmarks/import_benchmark.py --articles 1000
"""

import argparse
import cProfile
import gc
import os
import pstats
import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

OUTCOMES = ("created", "updated", "skipped", "failed", "đã tạo", "đã cập nhật", "bỏ qua", "lỗi")


def rss():
    """The process's current resident memory in bytes (Linux)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


class Progress:
    """Receives the runner's report lines; every `every` articles prints the slice's rate and memory."""

    def __init__(self, every, memory, compare):
        self.every, self.memory, self.compare = every, memory, compare
        self.count = 0
        self.slice_started = time.monotonic()
        self.samples = []  # (articles, bytes): tracemalloc peak of the slice with --memory, else RSS
        self.held = []  # (articles, bytes) traced after a garbage collection, with --memory
        self.snapshots = {}

    def write(self, line):
        if not line.startswith(OUTCOMES):
            return
        self.count += 1
        if self.count in self.compare:
            gc.collect()
            self.snapshots[self.count] = tracemalloc.take_snapshot()
        if self.count % self.every:
            return
        rate = self.every / (time.monotonic() - self.slice_started) * 60
        if self.memory:
            _current, value = tracemalloc.get_traced_memory()
            gc.collect()
            held = tracemalloc.get_traced_memory()[0]  # what the run keeps; the peak adds one article's work
            tracemalloc.reset_peak()
            self.held.append((self.count, held))
            label = f"held {held / 2**20:5.1f} MiB  peak"
        else:
            value, label = rss(), "RSS"
        self.samples.append((self.count, value))
        print(f"{self.count:6d} articles  {rate:7.0f} articles/min  {label} {value / 2**20:6.1f} MiB", flush=True)
        self.slice_started = time.monotonic()


def growth_per_1000(samples):
    """Least-squares slope of memory against articles, in bytes per 1,000 articles."""
    if len(samples) < 2:
        return 0.0
    xs, ys = [x for x, _ in samples], [y for _, y in samples]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs) * 1000


def print_comparison(snapshots, first, last, top=15):
    ignore = [tracemalloc.Filter(False, tracemalloc.__file__)]
    before = snapshots[first].filter_traces(ignore)
    after = snapshots[last].filter_traces(ignore)
    stats = after.compare_to(before, "traceback")
    total = sum(stat.size_diff for stat in stats)
    print(f"held between article {first} and {last}: {total / 1024:+.1f} KiB ({total / (last - first):+.0f} B/article)")
    for stat in stats[:top]:
        print(f"{stat.size_diff / 1024:+9.1f} KiB {stat.count_diff:+6d} blocks")
        for frame in stat.traceback.format(limit=6, most_recent_first=True):
            print("      " + frame.strip())


def prepare(articles):
    """A fresh commune (home + news section) on this database and its sitemap source at the fixture server."""
    from django.core.management import call_command
    from wagtail.models import Locale, Page, Site

    from home.models import HomePage
    from news.models import NewsIndexPage

    call_command("migrate", verbosity=0)
    locale = Locale.objects.get_or_create(language_code="vi")[0]
    slug = f"bench-{int(time.time())}"
    home = HomePage(title="Trang chủ", slug=slug, locale=locale)
    Page.get_first_root_node().add_child(instance=home)
    site = Site.objects.create(hostname=f"{slug}.gialai.gov.vn", port=80, root_page=home, site_name=slug)
    section = home.add_child(instance=NewsIndexPage(title="Tin tức", slug="tin-tuc", locale=locale))
    return site, section, slug


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--every", type=int, default=100)
    parser.add_argument("--memory", action="store_true", help="trace Python memory (slows the run 2-3x)")
    parser.add_argument("--compare", help="two article counts, e.g. 200,600: allocations still held between them")
    parser.add_argument("--frames", type=int, default=1, help="traceback depth of --compare's groups")
    parser.add_argument("--profile", action="store_true", help="cProfile the run, top functions by cumulative")
    options = parser.parse_args()
    if "DATABASE_URL" not in os.environ:  # it migrates and writes 1,000 pages: never into the dev database
        sys.exit("Set DATABASE_URL (and MEDIA_ROOT) to a scratch database, see the docstring.")
    compare = sorted(int(n) for n in options.compare.split(",")) if options.compare else []
    tracing = options.memory or bool(compare)

    import django

    django.setup()
    from django.conf import settings

    settings.DEBUG = False  # DEBUG keeps the last 9,000 queries in memory: that is not the importer's memory
    from django.utils import translation

    from importer.models import ImportSource
    from importer.runner import run_import
    from tests.importer.fixture_server import FixtureServer

    translation.activate("en")
    site, section, slug = prepare(options.articles)
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
        progress = Progress(options.every, options.memory, compare)
        profiler = cProfile.Profile() if options.profile else None
        if tracing:
            tracemalloc.start(options.frames)
        started = time.monotonic()
        if profiler:
            profiler.enable()
        run = run_import(source, out=progress)
        if profiler:
            profiler.disable()
        elapsed = time.monotonic() - started
        if tracing:
            tracemalloc.stop()
    print(f"created {run.created}, updated {run.updated}, skipped {run.skipped}, failed {run.failed}")
    print(
        f"{run.created / elapsed * 60:.0f} articles per minute, {elapsed / max(run.created, 1) * 1000:.0f} ms each "
        f"({elapsed:.0f} s for {options.articles}{', traced' if tracing else ''}{', profiled' if profiler else ''})"
    )
    if progress.samples:
        values = [value / 2**20 for _, value in progress.samples]
        what = "peak Python memory" if options.memory else "RSS"
        print(
            f"{what} per {options.every} articles: first {values[0]:.1f} MiB, last {values[-1]:.1f} MiB, "
            f"max {max(values):.1f} MiB; growth {growth_per_1000(progress.samples) / 2**10:+.0f} KiB per 1,000 articles"
        )
    print(f"process max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    if progress.held:
        print(
            f"held Python memory: first {progress.held[0][1] / 2**20:.1f} MiB, last {progress.held[-1][1] / 2**20:.1f} "
            f"MiB; growth {growth_per_1000(progress.held) / 2**10:+.0f} KiB per 1,000 articles"
        )
    if len(progress.snapshots) == 2:
        print_comparison(progress.snapshots, *compare)
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()
