"""Real-browser fixtures: Debian's Chromium driven by Playwright (recipe: shared/docs/browser-testing.md).

Never `playwright install`: we launch /usr/bin/chromium. Without Chromium the browser tests are skipped,
unless REQUIRE_BROWSER=1 (CI), where a missing browser is a failure.
"""

import os
import shutil

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # ORM + Playwright sync API in one thread

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
REQUIRE_BROWSER = os.environ.get("REQUIRE_BROWSER", "") not in ("", "0")


def chromium_available():
    return os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)


def pytest_collection_modifyitems(config, items):
    if chromium_available() or REQUIRE_BROWSER:
        return
    skip = pytest.mark.skip(reason=f"Chromium not found at {CHROMIUM} (sudo make browser-deps); REQUIRE_BROWSER unset")
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not chromium_available():
        pytest.fail(f"REQUIRE_BROWSER is set but Chromium is missing at {CHROMIUM}")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session", autouse=True)
def _serialized_contents_survive_playwright(django_db_setup, django_db_blocker):
    """Keep serialized_rollback working once Playwright runs.

    Django's connections are context-local; once Playwright's sync API runs its event loop in this thread,
    `connections["default"]` can be a fresh wrapper without the `_test_serialized_contents` that the test
    database setup stored on the first one, and TransactionTestCase then silently skips restoring the tree
    Wagtail's migrations create. Copying the value onto the wrapper class makes every wrapper have it.
    """
    from django.db import connections

    contents = getattr(connections["default"], "_test_serialized_contents", None)
    wrapper_class = type(connections["default"])
    if contents is None or "_test_serialized_contents" in vars(wrapper_class):
        yield
        return
    wrapper_class._test_serialized_contents = contents
    yield
    del wrapper_class._test_serialized_contents


@pytest.fixture
def demo_live(live_server):
    """The demo portal behind the live server. 127.0.0.1 selects Ia Ko, the default site.

    The live server's transactional_db empties the database after each test; the tests are marked
    serialized_rollback so the next test gets back the tree Wagtail's migrations create.
    """
    from core.demo import load_all

    communes = {commune.key: commune for commune in load_all()}
    base = f"http://127.0.0.1:{live_server.thread.port}"
    return base, communes


@pytest.fixture
def new_context(browser, demo_live):
    """Factory for browser contexts (each is closed after the test); `a11y` sets the preferences cookie."""
    base, _ = demo_live
    contexts = []

    def make(a11y=None, **kwargs):
        kwargs.setdefault("viewport", {"width": 1280, "height": 900})
        kwargs.setdefault("locale", "vi-VN")
        context = browser.new_context(base_url=base, **kwargs)
        if a11y is not None:
            context.add_cookies([{"name": "a11y", "value": a11y, "url": base}])
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


def participation_views(home, site):
    """States of the consultation and event pages that one page per type misses: a concluded consultation
    (outcome, no form), the receipt lookup, the past-events view."""
    from django.utils import timezone

    from consultations.models import ConsultationPage
    from events.models import EventIndexPage

    urls = []
    concluded = ConsultationPage.objects.live().descendant_of(home).filter(closes_at__lt=timezone.now()).first()
    if concluded is not None:
        url = concluded.get_url(current_site=site)
        urls += [("ConsultationPage-concluded", url), ("ConsultationPage-lookup", f"{url}tra-cuu/")]
    events = EventIndexPage.objects.live().descendant_of(home).filter(locale_id=home.locale_id).first()
    if events is not None:
        urls.append(("EventIndexPage-past", f"{events.get_url(current_site=site)}da-dien-ra/"))
    return urls


def page_urls(communes):
    """One live page of every public page type on the default site, plus the non-page views.

    Data-driven: a page type added by any app (indicators, sitemap...) is picked up automatically
    as soon as the demo has a page of it.
    """
    from wagtail.models import Page

    from core.models import BasePage

    home = communes["ia-ko"].home
    site = communes["ia-ko"].site
    pages = Page.objects.live().public().descendant_of(home, inclusive=True).filter(locale_id=home.locale_id)
    seen, urls = set(), []
    for page in pages.specific().order_by("path"):
        model = type(page)
        if model in seen or not issubclass(model, BasePage):
            continue
        seen.add(model)
        urls.append((model.__name__, page.get_url(current_site=site)))
    urls += [
        ("HomePage-en", "/en/"),
        ("search-results", "/search/?q=chuy%E1%BB%83n+%C4%91%E1%BB%95i+s%E1%BB%91"),
        ("search-no-results", "/search/?q=zzqxw"),
        ("not-found", "/trang-khong-ton-tai/"),
    ]
    urls += participation_views(home, site)
    try:
        from django.urls import reverse

        urls.append(("html-sitemap", reverse("html-sitemap")))
    except Exception:  # the sitemap page is optional: another app adds it
        pass
    return urls
