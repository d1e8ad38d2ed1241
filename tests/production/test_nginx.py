"""The repository's nginx configuration (deploy/nginx/portal.conf), started with Debian's nginx in front of
gunicorn (production settings, PostgreSQL, Redis): articles with their image renditions, static files and
page-cache hits all answer through it, over HTTPS, with the headers a reader's browser needs.

Uses the two-process test's database and Redis (PROD_TEST_DATABASE_URL, PROD_TEST_REDIS_URL). Without nginx
the test is skipped, unless CI or REQUIRE_BROWSER is set (there, a missing nginx is a failure)."""

import getpass
import gzip
import os
import re
import shutil
import ssl
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from benchmarks import servers

DATABASE_URL = os.environ.get("PROD_TEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/h_prod")
REDIS_URL = os.environ.get("PROD_TEST_REDIS_URL", "redis://127.0.0.1:6379/1")
NGINX = os.environ.get("NGINX_PATH") or shutil.which("nginx") or "/usr/sbin/nginx"
CONFIG = servers.ROOT / "deploy" / "nginx" / "portal.conf"
REQUIRED = any(os.environ.get(name, "") not in ("", "0") for name in ("CI", "REQUIRE_BROWSER"))
HOST = "nginx.gialai.gov.vn"

# Built afresh on every run: the media directory is new each time, and the images must be in it.
SEED = f"""
import json
from wagtail.images import get_image_model
from wagtail.models import Site
from core.demo import placeholder_image
from tests.factories.core import make_commune
from tests.factories.news import make_article, make_index
for site in Site.objects.filter(hostname="{HOST}"):
    site.root_page.delete()
    site.delete()
get_image_model().objects.filter(title="Ảnh qua nginx").delete()
commune = make_commune("qua-nginx", "{HOST}", name="Qua Nginx")
picture = placeholder_image("Ảnh qua nginx", size=(900, 600))
image = {{"image": picture.pk, "alt_text": "Cánh đồng", "decorative": False}}
body = [{{"type": "image", "value": {{"image": image, "caption": "Cánh đồng lúa"}}}}]
make_article(make_index(commune.home), "Bài viết qua nginx", body=json.dumps(body), cover=picture)
"""

pytestmark = [
    pytest.mark.skipif(
        not servers.reachable(DATABASE_URL, REDIS_URL), reason="needs PostgreSQL and Redis on 127.0.0.1"
    ),
    pytest.mark.skipif(
        not os.access(NGINX, os.X_OK) and not REQUIRED, reason=f"nginx not found at {NGINX}; CI/REQUIRE_BROWSER unset"
    ),
]


def nginx_config(tmp, gunicorn_port, http_port, https_port, static_root, media_root):
    """deploy/nginx/portal.conf with the operator's values filled in, inside a minimal nginx.conf of its own."""
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", f"/CN={HOST}",
         "-keyout", tmp / "key.pem", "-out", tmp / "cert.pem"],
        check=True, capture_output=True,
    )  # fmt: skip
    site = CONFIG.read_text()
    for default, value in {
        "server 127.0.0.1:8000;": f"server 127.0.0.1:{gunicorn_port};",
        "listen 80;": f"listen 127.0.0.1:{http_port};",
        "listen 443 ssl http2;": f"listen 127.0.0.1:{https_port} ssl http2;",
        "/etc/ssl/portal/fullchain.pem": str(tmp / "cert.pem"),
        "/etc/ssl/portal/privkey.pem": str(tmp / "key.pem"),
        "/srv/portal/staticfiles/": f"{static_root}/",
        "/srv/portal/media/": f"{media_root}/",
    }.items():
        assert default in site, f"{CONFIG.name} no longer has {default!r}: update this test and the README"
        site = site.replace(default, value)
    (tmp / "portal.conf").write_text(site)
    temp = {name: tmp / name for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")}
    (tmp / "nginx.conf").write_text(
        f"""
user {getpass.getuser()};  # as root, workers would otherwise run as nobody and not read the temp dirs
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
worker_processes 1;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {temp["client_body"]};
    proxy_temp_path {temp["proxy"]};
    fastcgi_temp_path {temp["fastcgi"]};
    uwsgi_temp_path {temp["uwsgi"]};
    scgi_temp_path {temp["scgi"]};
    include {tmp}/portal.conf;
}}
"""
    )
    return tmp / "nginx.conf"


@pytest.fixture(scope="module")
def through_nginx(tmp_path_factory):
    if not os.access(NGINX, os.X_OK):
        pytest.fail(f"CI: nginx is missing at {NGINX} (apt-get install nginx-light)")
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    static_root, media_root = tmp_path_factory.mktemp("static"), tmp_path_factory.mktemp("media")
    env = servers.production_env(DATABASE_URL, REDIS_URL, static_root, MEDIA_ROOT=str(media_root))
    servers.prepare(env, fresh="if-migrations-changed")
    servers.manage(env, "shell", "-c", SEED)
    gunicorn_port, http_port, https_port = servers.free_port(), servers.free_port(), servers.free_port()
    tmp = tmp_path_factory.mktemp("nginx")
    config = nginx_config(tmp, gunicorn_port, http_port, https_port, static_root, media_root)
    gunicorn = servers.start_gunicorn(env, gunicorn_port, workers=2)
    nginx = subprocess.Popen(
        [NGINX, "-p", str(tmp), "-e", str(tmp / "error.log"), "-c", str(config), "-g", "daemon off;"],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for_port(nginx, https_port)
        yield {"http": http_port, "https": https_port, "media_root": media_root}
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)
        servers.stop(gunicorn)


def wait_for_port(nginx, port, seconds=15):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if nginx.poll() is not None:
            raise RuntimeError(f"nginx exited with {nginx.returncode}: {nginx.stderr.read()}")
        try:
            fetch(port, "/static/css/portal.css")
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("nginx did not start")


UNVERIFIED = ssl._create_unverified_context()  # the test's own self-signed certificate


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(urllib.request.HTTPSHandler(context=UNVERIFIED), NoRedirects)


def fetch(port, path, scheme="https", headers=None):
    """GET through nginx as a browser would (no X-Forwarded-Proto of our own: nginx sets it)."""
    url = f"{scheme}://127.0.0.1:{port}{path}"
    request = urllib.request.Request(url, headers={"Host": HOST, **(headers or {})})
    try:
        with OPENER.open(request, timeout=10) as response:
            return servers.Response(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return servers.Response(error.code, error.headers, error.read())


def article_path(port):
    home = fetch(port, "/").text
    return re.search(r'href="(/tin-tuc/bai-viet-[^"]+)"', home).group(1)


def test_an_article_and_its_rendition_answer_over_https(through_nginx):
    port = through_nginx["https"]
    article = fetch(port, article_path(port), headers={"Accept-Encoding": "gzip"})
    assert article.status == 200
    assert article.headers["Content-Encoding"] == "gzip"  # nginx compresses the app's HTML
    html = gzip.decompress(article.body).decode()
    assert "Bài viết qua nginx" in html
    assert "max-age=31536000" in article.headers["Strict-Transport-Security"]  # the app saw https

    rendition = re.search(r'<img[^>]+src="(/media/images/[^"]+)"', html).group(1)
    image = fetch(port, rendition)
    assert image.status == 200 and image.headers["Content-Type"] == "image/jpeg"
    assert image.body[:2] == b"\xff\xd8"
    assert "max-age=2592000" in image.headers["Cache-Control"]


def test_page_cache_hits_answer_through_nginx(through_nginx):
    port = through_nginx["https"]
    path = article_path(port)
    first = fetch(port, path)
    second = fetch(port, path)
    assert second.headers["X-Page-Cache"] == "hit"
    assert second.status == 200 and second.body == first.body


def test_static_files_are_served_precompressed_and_cached_for_a_year(through_nginx):
    port = through_nginx["https"]
    hashed = re.search(r'href="(/static/css/portal\.[0-9a-f]{12}\.css)"', fetch(port, "/").text).group(1)
    response = fetch(port, hashed, headers={"Accept-Encoding": "gzip"})
    assert response.status == 200 and response.headers["Content-Type"] == "text/css"
    assert response.headers["Content-Encoding"] == "gzip"
    assert b"{" in gzip.decompress(response.body)
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    unhashed = fetch(port, "/static/css/portal.css")
    assert unhashed.status == 200 and unhashed.headers["Cache-Control"] == "public, max-age=3600"


def test_documents_on_disk_are_never_served_by_nginx(through_nginx):
    """Wagtail documents go through the app, which applies their collection's privacy."""
    documents = Path(through_nginx["media_root"]) / "documents"
    documents.mkdir(exist_ok=True)
    (documents / "bien-ban-mat.pdf").write_bytes(b"%PDF-1.4 private")
    response = fetch(through_nginx["https"], "/media/documents/bien-ban-mat.pdf")
    assert response.status == 404 and b"private" not in response.body


def test_plain_http_is_redirected_to_https_by_the_app(through_nginx):
    response = fetch(through_nginx["http"], "/", scheme="http")
    assert response.status == 301
    assert response.headers["Location"] == f"https://{HOST}/"
