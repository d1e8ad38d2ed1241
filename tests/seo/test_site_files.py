"""Per-site files and absolute URLs: robots.txt, security.txt, the manifest, the icons, and every absolute
link (canonical, hreflang, og:url, JSON-LD, feeds, sitemap) built from the site's root URL, never the Host."""

import datetime
import json
import re

import feedparser
import pytest
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.template import Context, Template
from django.test import override_settings
from django.utils import timezone

from core.models import PortalSettings
from tests.factories.core import en, url_of
from tests.factories.news import cover, make_article, make_index

pytestmark = pytest.mark.django_db

A = {"HTTP_HOST": "a.gialai.gov.vn"}


@pytest.fixture
def news(two_sites):
    site_a, _ = two_sites
    index = make_index(site_a.home)
    article = make_article(index, title="Khai giảng năm học mới", cover=cover())
    english = article.copy_for_translation(en(), copy_parents=True)
    english.title = "New school year opens"
    english.save_revision().publish()
    return site_a, index, article


def test_robots_txt_names_each_sites_own_sitemap(client, two_sites):
    for host in ("a.gialai.gov.vn", "b.gialai.gov.vn"):
        response = client.get("/robots.txt", HTTP_HOST=host)
        assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
        text = response.content.decode()
        assert f"Sitemap: http://{host}/sitemap.xml" in text.splitlines()
        assert "Disallow: /admin/" in text and "User-agent: *" in text


def test_security_txt_comes_from_the_communes_contact_settings_and_expires(client, two_sites):
    text = client.get("/.well-known/security.txt", **A).content.decode()
    fields = [line.split(": ", 1) for line in text.splitlines()]
    assert ["Contact", "mailto:ubnd@a.gialai.gov.vn"] in fields and ["Contact", "tel:0269000000"] in fields
    expires = datetime.datetime.fromisoformat(dict(fields)["Expires"].replace("Z", "+00:00"))
    assert timezone.now() < expires < timezone.now() + datetime.timedelta(days=365)
    assert dict(fields)["Canonical"] == "http://a.gialai.gov.vn/.well-known/security.txt"
    settings = PortalSettings.for_site(two_sites[1].site)
    settings.email = settings.phone = ""
    settings.save()
    assert client.get("/.well-known/security.txt", HTTP_HOST="b.gialai.gov.vn").status_code == 404


def test_manifest_and_icons_use_the_shipped_emblem_and_never_404(client, two_sites):
    manifest = json.loads(client.get("/manifest.webmanifest", **A).content)
    assert manifest["name"] == "Cổng thông tin điện tử Xã xa-a" and manifest["start_url"] == "http://a.gialai.gov.vn/"
    assert {icon["sizes"] for icon in manifest["icons"]} == {"192x192", "512x512"}
    for icon in manifest["icons"]:
        assert finders.find(icon["src"].removeprefix("/static/")), icon
    for path in ("/favicon.ico", "/apple-touch-icon.png", "/apple-touch-icon-precomposed.png"):
        response = client.get(path, **A)
        assert response.status_code == 302 and finders.find(response["Location"].removeprefix("/static/")), path
    html = client.get("/", **A).content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html
    assert re.search(r'<link rel="apple-touch-icon" href="/static/seo/apple-touch-icon\.png">', html)


def test_icons_are_the_communes_emblem_when_one_is_set(client, two_sites):
    settings = PortalSettings.for_site(two_sites[0].site)
    settings.logo = cover("Quốc huy xã A")
    settings.save()
    location = client.get("/apple-touch-icon.png", **A)["Location"]
    assert "fill-180x180" in location and default_storage.exists(location.removeprefix("/media/"))
    manifest = json.loads(client.get("/manifest.webmanifest", **A).content)
    assert all("/media/images/" in icon["src"] for icon in manifest["icons"] if icon.get("purpose") != "maskable")
    assert "fill-48x48" in client.get("/", **A).content.decode()  # <link rel="icon">
    other = client.get("/apple-touch-icon.png", HTTP_HOST="b.gialai.gov.vn")["Location"]
    assert other == "/static/seo/apple-touch-icon.png"


@override_settings(ALLOWED_HOSTS=[".gialai.gov.vn"])
def test_a_forged_host_never_reaches_an_absolute_url(client, news):
    """forged.gialai.gov.vn passes ALLOWED_HOSTS and falls back to the default site (A): every absolute URL
    must still name A's own root URL."""
    site_a, index, article = news
    forged = {"HTTP_HOST": "forged.gialai.gov.vn"}
    root = "http://a.gialai.gov.vn/"
    pages = ["/", url_of(index), url_of(article), "/en" + url_of(article), "/search/?q=khai"]
    bodies = [client.get(path, **forged).content.decode() for path in pages]
    for path in ("/feeds/news/rss/", "/feeds/news/atom/", "/en/feeds/news/rss/", "/sitemap.xml", "/robots.txt"):
        bodies.append(client.get(path, **forged).content.decode())
    bodies.append(client.get("/.well-known/security.txt", **forged).content.decode())
    bodies.append(client.get("/manifest.webmanifest", **forged).content.decode())
    for body in bodies:
        assert "forged" not in body
    article_html = bodies[2]
    for pattern in (
        r'<link rel="canonical" href="([^"]+)"',
        r'<meta property="og:url" content="([^"]+)"',
        r'<link rel="alternate" hreflang="en" href="([^"]+)"',
        r'<meta property="og:image" content="([^"]+)"',
    ):
        assert re.search(pattern, article_html).group(1).startswith(root), pattern
    feed = feedparser.parse(bodies[5])
    assert feed.feed.link == root and [entry.link for entry in feed.entries] == [root + url_of(article)[1:]]
    assert all(link.startswith(root) for link in re.findall(r"<loc>([^<]+)</loc>", bodies[8]))


def test_no_data_icon_is_drawn_not_a_font_glyph():
    html = Template("{% load portal_tags %}{% no_data %}").render(Context({}))
    assert '<svg class="no-data__icon" aria-hidden="true"' in html and "ⓘ" not in html
