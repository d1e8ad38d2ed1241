"""Load-test the portal with wrk against gunicorn on 127.0.0.1 (production settings, PostgreSQL, Redis).

    python benchmarks/run.py --database-url postgres://postgres@127.0.0.1:5432/h_bench --duration 10

For the page cache off and on, it starts gunicorn, then for a static file (served by whitenoise in the
same gunicorn), the home page, a news index, an article, the indicators page (if there is one) and a
search, the article with Facebook's and Zalo's tracking parameters, and the province hub's pages (its home
with the communes directory, the news of all communes, an indicator comparison and the province search, on
--province-host), runs wrk for --duration seconds
each and prints req/s, p50/p99 latency, the ratio to the static file's req/s and the log lines written;
then the same with Redis unreachable (mode redis-down). It also prints the article page's HTML + CSS +
JS weight, gzip-compressed.
Generate data first with benchmarks/generate_province.py (same environment).
"""

import argparse
import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import servers  # noqa: E402

FIND_URLS = """
from wagtail.models import Site, Page
from news.models import NewsIndexPage, NewsPage
site = Site.objects.get(hostname=HOST)
home = site.root_page
index = NewsIndexPage.objects.live().descendant_of(home).filter(slug="tin-tuc").first()
articles = NewsPage.objects.live().child_of(index).order_by("path")
article = articles[articles.count() // 2]
print("news", index.get_url(current_site=site))
print("article", article.get_url(current_site=site))
from django.apps import apps
indicator_pages = [m for m in apps.get_app_config("indicators").get_models() if issubclass(m, Page)]
for model in indicator_pages:
    page = model.objects.live().descendant_of(home).first()
    if page:
        print("indicators", page.get_url(current_site=site))
        break
"""


PROVINCE_PATHS = {
    "province home": "/",
    "province news": "/tin-tuc/",
    "province comparison": "/chi-so/chi-so-phuc-vu/",
    "province search": "/tim-kiem/?q=chuy%E1%BB%83n+%C4%91%E1%BB%95i+s%E1%BB%91",
}


def page_urls(env, host, province_host=None):
    """{name: (host, path)}: the commune's pages, then the province hub's (if it answers on province_host)."""
    result = servers.manage(env, "shell", "-c", f"HOST = {host!r}\n" + FIND_URLS)
    urls = {"home": "/"}
    for line in result.stdout.splitlines():
        name, _, url = line.partition(" ")
        if name in ("news", "article", "indicators"):
            urls[name] = url
    if "indicators" not in urls:
        print("(no indicators page on this site: skipped)")
    # Shared links: Facebook and Zalo add tracking parameters; the page cache serves the clean copy. Measured
    # right after the clean article, so both meet the same machine.
    urls["article ?fbclid"] = urls["article"] + "?fbclid=x"
    urls["article ?utm zalo"] = urls["article"] + "?utm_source=zalo&utm_medium=social"
    urls["search"] = "/search/?q=chuy%E1%BB%83n+%C4%91%E1%BB%95i+s%E1%BB%91"
    order = ["home", "news", "article", "article ?fbclid", "article ?utm zalo", "indicators", "search"]
    targets = {name: (host, urls[name]) for name in order if name in urls}
    if province_host:
        targets.update({name: (province_host, path) for name, path in PROVINCE_PATHS.items()})
    return targets


def drain(port, host, path, limit=180.0):
    """Wait until the workers have finished what the last wrk run left queued (a slow page's backlog would
    otherwise be measured against the next URL): a light request must answer fast twice in a row. A request
    stuck behind the backlog (timed out) just counts as slow."""
    deadline, fast = time.monotonic() + limit, 0
    while fast < 2 and time.monotonic() < deadline:
        started = time.monotonic()
        try:
            servers.get(port, path, host=host)
        except OSError:  # socket timeout, connection reset: the workers are still busy
            fast = 0
            continue
        fast = fast + 1 if time.monotonic() - started < 0.02 else 0
        time.sleep(0.1)


def wrk(port, host, path, duration, connections, threads):
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}s",
        "--latency",
        "--timeout",
        "10s",  # slow pages are measured, not dropped as socket timeouts
        "-H",
        f"Host: {host}",
        "-H",
        "X-Forwarded-Proto: https",
        f"http://127.0.0.1:{port}{path}",
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    timeouts = re.search(r"timeout (\d+)", output)
    if timeouts and int(timeouts.group(1)):
        print(f"  {path}: {timeouts.group(1)} requests timed out after 10 s")
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)$", output, re.MULTILINE))
    return rate, latency.get("50", "?"), latency.get("99", "?"), int(errors.group(1)) if errors else 0


def static_path(port, host):
    html = servers.get(port, "/", host=host).text
    return re.search(r'href="(/static/css/portal\.[0-9a-f]+\.css)"', html).group(1)


def html_budget(port, host, path):
    """gzip-compressed weight of the page's HTML and the same-origin CSS and JS it loads."""
    html = servers.get(port, path, host=host).body
    assets = re.findall(rb'<(?:link rel="stylesheet"[^>]*href|script[^>]*src)="(/static/[^"]+)"', html)
    sizes = {"html": len(gzip.compress(html, 6))}
    for asset in assets:
        body = servers.get(port, asset.decode(), host=host).body
        sizes[asset.decode()] = len(gzip.compress(body, 6))
    return sizes


MODES = {
    "off": ("page cache OFF", {"PAGECACHE_ENABLED": "0"}),
    "on": ("page cache ON (warm)", {"PAGECACHE_ENABLED": "1"}),
    # Nothing listens on port 1: every process meets a dead Redis (circuit breaker, core/cache_breaker.py).
    "redis-down": (
        "Redis DOWN (page cache on)",
        {"PAGECACHE_ENABLED": "1", "REDIS_URL": "redis://127.0.0.1:1/0", "REDIS_COUNTERS_URL": "redis://127.0.0.1:1/1"},
    ),
}


def run(env, urls, host, args, mode):
    label, extra = MODES[mode]
    env = {
        **env,
        **extra,
        "GUNICORN_MAX_REQUESTS": "0",
        "PORTAL_PROCESS_CACHE": args.process_cache,
        "PORTAL_ROUTE_CACHE": args.route_cache,
    }
    port = servers.free_port()
    process = servers.start_gunicorn(env, port, workers=args.workers)
    try:
        static = static_path(port, host)
        targets = {"static": (host, static), **urls}
        for target_host, path in targets.values():  # warm every worker: imports, caches, page cache, connections
            wrk(port, target_host, path, args.warmup, args.connections, args.threads)
        log_before = len(Path(process.log_path).read_text(errors="replace").splitlines())
        results = {}
        for name, (target_host, path) in targets.items():
            drain(port, host, static)
            results[name] = wrk(port, target_host, path, args.duration, args.connections, args.threads)
        log_lines = len(Path(process.log_path).read_text(errors="replace").splitlines()) - log_before
        try:
            budget = html_budget(port, host, urls["article"][1]) if mode == "off" else None
        except OSError as error:  # an overloaded machine: the numbers above still stand
            print(f"(page weight not measured: {error})")
            budget = None
    finally:
        servers.stop(process)
    static_rate = results["static"][0]
    print(
        f"\n## {label}: {args.workers} workers, wrk -t{args.threads} -c{args.connections} -d{args.duration}s, "
        f"process cache {args.process_cache}, route snapshots {args.route_cache}"
    )
    print("| page | req/s | p50 | p99 | % of static | non-2xx |\n|---|---:|---:|---:|---:|---:|")
    for name, (rate, p50, p99, errors) in results.items():
        ratio = 100 * rate / static_rate
        print(f"| {name} `{targets[name][1][:48]}` | {rate:.0f} | {p50} | {p99} | {ratio:.1f}% | {errors} |")
    seconds = args.duration * len(targets)
    per_process = log_lines / seconds / args.workers
    print(f"\nLog lines during the measured runs: {log_lines} ({per_process:.2f} per s per process)")
    if budget:
        total = sum(budget.values())
        print(f"\nArticle page weight, gzip: {total / 1024:.1f} KB total")
        for name, size in budget.items():
            print(f"  {name}: {size / 1024:.1f} KB")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url", default=os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/h_bench")
    )
    parser.add_argument("--redis-url", default=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/1"))
    parser.add_argument("--host", default="xa-001.gialai.gov.vn")
    parser.add_argument(
        "--province-host", default="tinh.localhost:8000", help="the province hub's host ('' to skip its pages)"
    )
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2 + 1)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=2, help="seconds of unmeasured load per URL first")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--only", choices=tuple(MODES), action="append", help="run these modes only")
    parser.add_argument("--process-cache", choices=("on", "off"), default="on", help="per-process copy of entries")
    parser.add_argument("--route-cache", choices=("on", "off"), default="on", help="route snapshots (core/routing)")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed (apt-get install wrk)")

    static_root = Path(tempfile.mkdtemp(prefix="portal-bench-static-"))
    env = servers.production_env(args.database_url, args.redis_url, static_root)
    servers.prepare(env)
    urls = page_urls(env, args.host, args.province_host)
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")), "?")
    print(f"Machine: {os.cpu_count()} CPUs ({cpu}); host {args.host}; pages: {urls}")
    for mode in MODES:
        if not args.only or mode in args.only:
            run(env, urls, args.host, args, mode)
    shutil.rmtree(static_root, ignore_errors=True)


if __name__ == "__main__":
    main()
