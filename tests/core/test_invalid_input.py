"""NUL bytes and control characters in any query parameter or form field of any public page: never a 500.

The pages are the demo portal's, every live page of both communes in every language plus the routed
sub-pages they link to (documents, Q&A lookup...); the parameters are every name a page uses in its own links
and forms (GET forms, pagination and filter links, POST forms field by field, the rating form). Each one is
sent with "%00" in it. PostgreSQL refuses NUL in text; so that the SQLite run finds the same bugs, no SQL
statement may receive a NUL in a parameter (as PostgreSQL would fail there).
"""

import re
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.db import connection
from wagtail.models import Page, Site

pytestmark = pytest.mark.django_db
NUL = "x\x00y"
EXTRA_PARAMS = ["q", "page", "category", "tag", "month", "week", "type", "year", "field", "issuer", "next"]


class Forms(HTMLParser):
    """Forms (method, action, fields with their first value) and the query parameters of same-host links."""

    def __init__(self):
        super().__init__()
        self.forms, self.link_params, self.paths = [], set(), set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"method": (attrs.get("method") or "get").lower(), "action": attrs.get("action")})
            self.forms[-1]["fields"] = {}
        elif tag in ("input", "select", "textarea") and self.forms and attrs.get("name"):
            kind = attrs.get("type", "text")
            if kind in ("radio", "checkbox") and attrs["name"] in self.forms[-1]["fields"]:
                return
            self.forms[-1]["fields"][attrs["name"]] = attrs.get("value") or ""
        elif tag == "a" and attrs.get("href", "").startswith("/") and not attrs["href"].startswith("//"):
            parts = urlsplit(attrs["href"])
            self.link_params.update(name for name, _ in parse_qsl(parts.query))
            self.paths.add(parts.path)


@pytest.fixture
def no_nul_reaches_sql():
    seen = []

    def wrapper(execute, sql, params, many, context):
        rows = params if many else [params]
        for row in rows or []:
            values = row.values() if isinstance(row, dict) else (row or [])
            if any(isinstance(value, str) and "\x00" in value for value in values):
                seen.append(sql[:120])
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        yield seen


def public_urls(site):
    """One live public page of each page type, per language, of this site."""
    urls, seen_types = set(), set()
    for page in Page.objects.live().public().order_by("path"):
        if (page.content_type_id, page.locale_id) in seen_types:
            continue
        parts = page.get_url_parts()
        if parts and parts[0] == site.pk:
            seen_types.add((page.content_type_id, page.locale_id))
            urls.add(parts[2])
    return urls


def test_nul_in_every_parameter_and_field_of_every_public_page_gives_no_500(client, demo, no_nul_reaches_sql):
    failures, checked = [], 0
    for site in Site.objects.all():
        host = {"HTTP_HOST": f"{site.hostname}:{site.port}" if site.port not in (80, 443) else site.hostname}
        urls = public_urls(site)
        crawled = {}
        for url in sorted(urls):
            response = client.get(url, **host)
            if response.status_code != 200:
                continue
            parser = Forms()
            parser.feed(response.content.decode())
            crawled[url] = parser
            # Routed sub-pages (a document, the Q&A lookup) are reached from their index page's links.
            for path in parser.paths:
                if any(path.startswith(u) and path != u for u in urls) and re.search(r"/\d+/$|tra-cuu/$", path):
                    urls_to_add = path
                    if urls_to_add not in crawled:
                        sub = client.get(urls_to_add, **host)
                        if sub.status_code == 200:
                            sub_parser = Forms()
                            sub_parser.feed(sub.content.decode())
                            crawled[urls_to_add] = sub_parser
        for url, parser in crawled.items():
            names = set(EXTRA_PARAMS) | parser.link_params
            for form in parser.forms:
                if form["method"] == "get":
                    names |= set(form["fields"])
            for name in sorted(names):
                for query in ({name: NUL}, {NUL: "1"}) if name == "q" else ({name: NUL},):
                    checked += 1
                    before = len(no_nul_reaches_sql)
                    status = client.get(url, query, **host).status_code
                    if status >= 500 or len(no_nul_reaches_sql) > before:
                        failures.append(("GET", url, name, status))
            for form in parser.forms:
                if form["method"] != "post":
                    continue
                action = form["action"] or url
                for name in form["fields"]:
                    data = dict(form["fields"], **{name: NUL})
                    checked += 1
                    before = len(no_nul_reaches_sql)
                    status = client.post(action, data, **host).status_code
                    if status >= 500 or len(no_nul_reaches_sql) > before:
                        failures.append(("POST", action, name, status))
            client.cookies.clear()
    assert checked > 200
    assert not failures, failures


@pytest.mark.parametrize(
    "path",
    ["/search/?q=%00", "/tin-tuc/?tag=%00", "/tin-tuc/?page=%00", "/search/?q=a%01b", "/tin-tuc/%00/", "/?%00=1"],
)
def test_a_nul_byte_gets_a_translated_bad_request_page(client, two_sites, path):
    response = client.get(path, HTTP_HOST="a.gialai.gov.vn")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Yêu cầu không hợp lệ" in html and 'lang="vi"' in html
    assert response["Cache-Control"] == "no-store"
    english = client.get("/en" + path, HTTP_HOST="a.gialai.gov.vn")
    assert english.status_code == 400 and "Invalid request" in english.content.decode()


def test_a_form_field_with_a_nul_byte_is_refused_and_nothing_stored(client, two_sites):
    from feedback.models import Rating

    response = client.post("/rating/", {"item": "portal", "score": "5\x00", "next": "/"}, HTTP_HOST="a.gialai.gov.vn")
    assert response.status_code == 400 and not Rating.objects.exists()
    # Tab, line feed and carriage return are ordinary text.
    ok = client.post("/rating/", {"item": "portal", "score": "5", "next": "/\t"}, HTTP_HOST="a.gialai.gov.vn")
    assert ok.status_code == 302
