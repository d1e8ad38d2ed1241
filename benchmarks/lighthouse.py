"""Lighthouse (mobile) scores of the public site through the repository's nginx configuration.

Run by hand, never in the test suite:

    npm install --prefix .venv/lighthouse --no-save --no-audit --no-fund lighthouse
    .venv/bin/python benchmarks/lighthouse.py [--runs 3] [--keep-reports DIR]

Prepares a PostgreSQL database (`h_lighthouse`, created, migrated, `load_demo`), collects static files,
starts gunicorn (production settings) and Debian's nginx with deploy/nginx/portal.conf in front of it on
127.0.0.1 (the helpers of benchmarks/servers.py and tests/production/test_nginx.py), then runs Lighthouse with
Debian's Chromium on the home page, the demo's seed article and the indicators page: mobile form factor
(Lighthouse's default simulated throttling), categories performance, accessibility, best-practices and seo.
Prints each page's scores (median of --runs) and its failing audits.

nginx serves HTTPS with a self-signed certificate made for the run (Chromium gets --ignore-certificate-errors):
plain HTTP is redirected to HTTPS by the app, as in production. Audits that only fail because there is no
real certificate ("uses HTTPS", HTTP -> HTTPS redirects) are listed apart: TLS is the operator's.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import servers  # noqa: E402
from tests.production import test_nginx  # noqa: E402  (nginx_config, wait_for_port, fetch, NGINX)

DATABASE_URL = os.environ.get("LIGHTHOUSE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/h_lighthouse")
REDIS_URL = os.environ.get("LIGHTHOUSE_REDIS_URL", "redis://127.0.0.1:6379/7")
MEDIA_ROOT = Path(tempfile.gettempdir()) / "h_lighthouse_media"
LIGHTHOUSE = servers.ROOT / ".venv" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROME_PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --ignore-certificate-errors"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
# Audits that fail only because the local run has no real certificate / no listener on port 80 and 443.
TLS_AUDITS = {"is-on-https", "redirects-http", "uses-http2"}

# The default demo site (Ia Ko) moved to nginx's HTTPS port, then the three pages' paths.
PAGES = """
import json
from django.core.management import call_command
from wagtail.models import Site
from indicators.models import IndicatorsPage
from news.demo import SEED_TITLE
from news.models import NewsPage
site = Site.objects.get(is_default_site=True)
call_command("set_site_address", str(site.pk), "https://127.0.0.1:{port}")
site.refresh_from_db()
home = site.root_page.specific
article = NewsPage.objects.live().descendant_of(home).get(title=SEED_TITLE, locale=home.locale)
indicators = IndicatorsPage.objects.live().descendant_of(home).filter(locale=home.locale).first()
print(json.dumps({{
    "home": home.get_url(),
    "article": article.get_url(),
    "indicators": indicators.get_url(),
}}))
"""


def prepare(env):
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()  # our own database number: Wagtail and the page cache
    servers.prepare(env, fresh="if-migrations-changed")
    servers.manage(env, "load_demo")


def page_paths(env, https_port):
    output = servers.manage(env, "shell", "-c", PAGES.format(port=https_port)).stdout
    return json.loads(output.strip().splitlines()[-1])


def relative(url):
    return "/" + url.split("://", 1)[-1].split("/", 1)[-1] if "://" in url else url


def lighthouse(url, report_path, attempts=3):
    """One Lighthouse run; retried when Chromium's trace is unusable (NO_NAVSTART and the like happen)."""
    for attempt in range(1, attempts + 1):
        try:
            return lighthouse_once(url, report_path)
        except RuntimeError as error:
            if attempt == attempts:
                raise
            print(f"  retrying ({str(error).strip().splitlines()[-1][:120]})", flush=True)


def lighthouse_once(url, report_path):
    Path(report_path).unlink(missing_ok=True)
    env = {**os.environ, "CHROME_PATH": CHROME_PATH}
    result = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--form-factor=mobile",
            "--only-categories=" + ",".join(CATEGORIES),
            "--output=json",
            f"--output-path={report_path}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--quiet",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0 or not Path(report_path).exists():
        raise RuntimeError(f"lighthouse failed on {url} ({result.returncode}):\n{result.stderr[-3000:]}")
    report = json.loads(Path(report_path).read_text())
    if report.get("runtimeError"):
        raise RuntimeError(f"lighthouse on {url}: {report['runtimeError']}")
    return report


def scores(report):
    return {
        name: None if report["categories"][name]["score"] is None else round(report["categories"][name]["score"] * 100)
        for name in CATEGORIES
    }


def failing_audits(report):
    """(category, audit id, title, score, display value, weight) of every scored audit below 1 in the four
    categories; weight 0 means Lighthouse shows the audit but leaves it out of the category score."""
    failing = []
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if audit.get("scoreDisplayMode") in ("manual", "informative", "notApplicable", "error"):
                if audit.get("scoreDisplayMode") == "error":
                    failing.append(
                        (category, ref["id"], audit["title"], None, audit.get("errorMessage", ""), ref["weight"])
                    )
                continue
            if audit.get("score") is not None and audit["score"] < 1:
                value = audit.get("displayValue", "")
                failing.append((category, ref["id"], audit["title"], audit["score"], value, ref["weight"]))
    return failing


def audit_details(report, audit_id, limit=5):
    """A few items of a failing audit (selectors, URLs) so the reason is readable without the HTML report."""
    details = report["audits"][audit_id].get("details") or {}
    lines = []
    items = details.get("items")
    for item in items[:limit] if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        node = item.get("node") if isinstance(item.get("node"), dict) else {}
        location = item.get("sourceLocation") if isinstance(item.get("sourceLocation"), dict) else {}
        text = node.get("selector") or item.get("url") or location.get("url") or item.get("description") or ""
        explanation = (node.get("explanation") or "").replace("\n", " ")
        lines.append(f"        {text} {explanation[:160]}".rstrip())
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page (median scores)")
    parser.add_argument("--keep-reports", help="directory to keep the JSON reports in")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE} missing: npm install --prefix .venv/lighthouse --no-save --no-fund lighthouse")
    if not servers.reachable(DATABASE_URL, REDIS_URL):
        sys.exit("needs PostgreSQL and Redis on 127.0.0.1")

    work = Path(tempfile.mkdtemp(prefix="lighthouse-"))
    static_root, nginx_dir = work / "static", work / "nginx"
    for path in (static_root, nginx_dir):
        path.mkdir()
    # The demo's images live with the database between runs (load_demo keeps existing images): a new media
    # directory means a new database, or every rendition would point at a missing file (/media/not-found).
    media_root = MEDIA_ROOT
    if not media_root.exists():
        servers.ensure_database(DATABASE_URL, fresh=True)
        media_root.mkdir(parents=True)
    reports_dir = Path(args.keep_reports) if args.keep_reports else work / "reports"
    reports_dir.mkdir(parents=True, exist_ok=True)
    env = servers.production_env(
        DATABASE_URL,
        REDIS_URL,
        static_root,
        MEDIA_ROOT=str(media_root),
        CACHE_KEY_PREFIX="portal-h_lighthouse",
        DJANGO_CLIENT_IP_HEADER="HTTP_X_REAL_IP",
    )
    print("preparing database, demo and static files ...", flush=True)
    prepare(env)
    gunicorn_port, http_port, https_port = servers.free_port(), servers.free_port(), servers.free_port()
    paths = page_paths(env, https_port)
    config = test_nginx.nginx_config(nginx_dir, gunicorn_port, http_port, https_port, static_root, media_root)
    gunicorn = servers.start_gunicorn(env, gunicorn_port, workers=2 * (os.cpu_count() or 1) + 1)
    nginx = None
    results = {}
    try:
        nginx = subprocess.Popen(
            [test_nginx.NGINX, "-p", str(nginx_dir), "-e", str(nginx_dir / "error.log"), "-c", str(config),
             "-g", "daemon off;"],
            stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        test_nginx.wait_for_port(nginx, https_port)
        for name, url in paths.items():
            path = relative(url)
            warm = test_nginx.fetch(https_port, path, headers={"Host": f"127.0.0.1:{https_port}"})
            if warm.status != 200:
                raise RuntimeError(f"{name} {path}: HTTP {warm.status} through nginx")
            runs = []
            for run in range(args.runs):
                print(f"lighthouse {name} {path} (run {run + 1}/{args.runs}) ...", flush=True)
                runs.append(lighthouse(f"https://127.0.0.1:{https_port}{path}", reports_dir / f"{name}-{run + 1}.json"))
            results[name] = (path, runs)
    finally:
        if nginx is not None:
            nginx.terminate()
            nginx.wait(timeout=10)
        servers.stop(gunicorn)

    print(f"\nLighthouse {runs[0]['lighthouseVersion']}, {runs[0]['environment']['hostUserAgent']}")
    print(f"mobile, simulated throttling, through nginx (HTTPS, self-signed), median of {args.runs} run(s)\n")
    header = f"{'page':<11} {'path':<50} " + " ".join(f"{c:>14}" for c in CATEGORIES)
    print(header)
    print("-" * len(header))
    below = False
    for name, (path, runs) in results.items():
        per_run = [scores(report) for report in runs]
        median = {c: statistics.median(s[c] for s in per_run if s[c] is not None) for c in CATEGORIES}
        below |= any(median[c] < TARGETS[c] for c in CATEGORIES)
        cells = []
        for c in CATEGORIES:
            spread = sorted(s[c] for s in per_run)
            cell = f"{median[c]:g}" + (f" ({spread[0]}-{spread[-1]})" if len(per_run) > 1 else "")
            cells.append(f"{cell:>14}")
        print(f"{name:<11} {path[:50]:<50} " + " ".join(cells))

    for name, (_path, runs) in results.items():
        report = runs[-1]
        failing = failing_audits(report)
        product = [f for f in failing if f[1] not in TLS_AUDITS]
        tls = [f for f in failing if f[1] in TLS_AUDITS]
        print(f"\n{name}: failing audits (last run)" + ("" if failing else ": none"))
        for category, audit_id, title, score, value, weight in product:
            weight_note = "weight 0, not in the score" if weight == 0 else f"weight {weight:g}"
            print(f"  [{category}] {audit_id}: {title} (score {score}, {weight_note}) {value}".rstrip())
            for line in audit_details(report, audit_id):
                print(line)
        for category, audit_id, title, score, _value, _weight in tls:
            print(f"  [{category}] {audit_id}: {title} (score {score}) -- TLS is the operator's")
    if args.keep_reports:
        print(f"\nJSON reports in {reports_dir}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
