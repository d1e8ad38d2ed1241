"""The reader toolbar without JavaScript: cookie parsing, the preferences view, server-rendered classes."""

import re

import pytest
from django.test import RequestFactory

from accessibility.preferences import COOKIE_NAME, ReaderPreferences, cache_variant

HOST = "a.gialai.gov.vn"


def html_class(response):
    return re.search(r'<html lang="[^"]*" class="([^"]*)"', response.content.decode()).group(1)


def button(response, value):
    return re.search(rf'<button type="submit" name="action" value="{value}"[^>]*>', response.content.decode()).group(0)


@pytest.mark.parametrize(
    "raw, expected",
    [
        (None, "text-100"),
        ("", "text-100"),
        ("t150", "text-150"),
        ("t200.hc", "text-200 contrast-high"),
        ("t125.nc", "text-125 contrast-chosen"),
        ("t300.hc", "text-100 contrast-high"),  # unknown size ignored
        ('t150"><script>alert(1)</script>', "text-100"),
        ("t99999999999999999999999", "text-100"),
        ("hc" * 100, "text-100"),  # only the first 64 characters are read
        ("\x00\xff.t175", "text-175"),
    ],
)
def test_cookie_is_parsed_strictly(raw, expected):
    assert ReaderPreferences.from_cookie(raw).html_class == expected


def test_text_size_steps_from_100_to_200_and_stop_there():
    prefs, seen = ReaderPreferences(), []
    for _ in range(6):
        prefs = prefs.larger()
        seen.append(prefs.text_size)
    assert seen == [125, 150, 175, 200, 200, 200]
    assert prefs.smaller().text_size == 175
    assert prefs.reset_size().text_size == 100
    assert ReaderPreferences().smaller().text_size == 100


@pytest.mark.parametrize(
    "raw, variant",
    [(None, "t100"), ("garbage", "t100"), ("t150.hc", "t150.hc"), ("hc.t150.x.y", "t150.hc"), ("nc", "t100.nc")],
)
def test_cache_variant_is_the_normalised_cookie(raw, variant):
    request = RequestFactory().get("/")
    if raw is not None:
        request.COOKIES[COOKIE_NAME] = raw
    assert cache_variant(request) == variant


def test_page_renders_the_classes_and_button_states_from_the_cookie(client, two_sites):
    default = client.get("/", HTTP_HOST=HOST)
    assert html_class(default) == "text-100"
    assert 'aria-pressed="true"' in button(default, "reset")
    assert 'aria-disabled="true"' in button(default, "smaller")
    assert 'aria-pressed="false"' in button(default, "contrast-high")
    assert 'aria-pressed="true"' in button(default, "contrast-default")

    client.cookies[COOKIE_NAME] = "t200.hc"
    chosen = client.get("/", HTTP_HOST=HOST)
    assert html_class(chosen) == "text-200 contrast-high"
    assert 'aria-disabled="true"' in button(chosen, "larger")
    assert 'aria-disabled="false"' in button(chosen, "smaller")
    assert 'aria-pressed="false"' in button(chosen, "reset")
    assert 'aria-pressed="true"' in button(chosen, "contrast-high")


def test_forged_cookie_never_reaches_the_markup(client, two_sites):
    client.cookies[COOKIE_NAME] = '"><img src=x onerror=alert(1)>'
    response = client.get("/", HTTP_HOST=HOST)
    assert response.status_code == 200
    assert html_class(response) == "text-100"
    assert "onerror" not in response.content.decode()


def test_toolbar_names_are_vietnamese(client, two_sites):
    html = client.get("/", HTTP_HOST=HOST).content.decode()
    for text in ("Giảm cỡ chữ (A-)", "Cỡ chữ mặc định (A)", "Tăng cỡ chữ (A+)", "Tăng tương phản", "Giảm tương phản"):
        assert text in html
    # The toolbar comes right after the skip link, before the header.
    assert html.index("skip-link") < html.index("a11y-toolbar") < html.index("site-header")


@pytest.mark.parametrize(
    "action, before, after",
    [
        ("larger", None, "t125"),
        ("larger", "t200", "t200"),
        ("smaller", "t150.hc", "t125.hc"),
        ("smaller", None, "t100"),
        ("reset", "t175.nc", "t100.nc"),
        ("contrast-high", "t150", "t150.hc"),
        ("contrast-default", "t150.hc", "t150.nc"),
        ("nonsense", "t150.hc", "t150.hc"),
    ],
)
def test_each_action_stores_the_choice_and_returns_to_the_page(client, two_sites, action, before, after):
    if before:
        client.cookies[COOKIE_NAME] = before
    response = client.post("/reader-preferences/", {"action": action, "next": "/tin-tuc/?page=2#top"}, HTTP_HOST=HOST)
    assert response.status_code == 302
    assert response["Location"] == "/tin-tuc/?page=2#top"
    assert response["Cache-Control"] == "no-store"
    cookie = response.cookies[COOKIE_NAME]
    assert cookie.value == after
    assert cookie["path"] == "/"
    assert cookie["samesite"] == "Lax"
    assert int(cookie["max-age"]) == 365 * 24 * 3600
    assert not cookie["httponly"]  # the early <head> script must read it


def test_choice_persists_on_the_next_page(client, two_sites):
    client.post("/reader-preferences/", {"action": "contrast-high", "next": "/"}, HTTP_HOST=HOST)
    client.post("/reader-preferences/", {"action": "larger", "next": "/"}, HTTP_HOST=HOST)
    assert html_class(client.get("/", HTTP_HOST=HOST)) == "text-125 contrast-high"
    assert html_class(client.get("/search/?q=x", HTTP_HOST=HOST)) == "text-125 contrast-high"


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "http://evil.example/path",
        "//evil.example/",
        "/\\evil.example/",
        "\\\\evil.example",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "http://a.gialai.gov.vn/",  # even our own host: only paths are accepted
        "/ok\r\nSet-Cookie: x=1",
        "evil.example",
    ],
)
def test_redirect_rejects_anything_but_a_local_path(client, two_sites, target):
    response = client.post("/reader-preferences/", {"action": "larger", "next": target}, HTTP_HOST=HOST)
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_referer_on_this_host_is_used_when_next_is_missing(client, two_sites):
    response = client.post(
        "/reader-preferences/", {"action": "larger"}, HTTP_HOST=HOST, HTTP_REFERER=f"http://{HOST}/tin-tuc/?q=1"
    )
    assert response["Location"] == "/tin-tuc/?q=1"
    response = client.post(
        "/reader-preferences/", {"action": "larger"}, HTTP_HOST=HOST, HTTP_REFERER="https://evil.example/x"
    )
    assert response["Location"] == "/"


def test_preferences_view_only_accepts_post(client, two_sites):
    assert client.get("/reader-preferences/?action=larger", HTTP_HOST=HOST).status_code == 405


def test_no_csrf_token_needed_on_cached_pages(two_sites):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/reader-preferences/", {"action": "larger", "next": "/"}, HTTP_HOST=HOST)
    assert response.status_code == 302


def test_scripts_are_static_files_without_inline_code(client, two_sites):
    html = client.get("/", HTTP_HOST=HOST).content.decode()
    head = html[: html.index("</head>")]
    early = head.index("js/reader-prefs-early.js")
    assert early < head.index("css/portal.css"), "the early script must run before the first paint"
    assert re.search(r'<script src="[^"]*js/reader-prefs\.js" defer>', head)
    assert not re.search(r"<script>(?!</script>)", html) and " style=" not in html
