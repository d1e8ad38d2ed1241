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


def restore_migrated_state():
    """Bring back what migrations create (the tree root, the default locale, content types) when an earlier
    transactional test emptied the tables; a no-op when they are there."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connections
    from wagtail.models import Page

    if Page.objects.exists():
        return
    contents = getattr(connections["default"], "_test_serialized_contents", None)
    if contents is None:
        call_command("migrate", run_syncdb=True, verbosity=0)  # pragma: no cover
        return
    # Rows made since the flush (content types created on demand) would collide with the restored ids.
    call_command(
        "flush", interactive=False, verbosity=0, allow_cascade=True, inhibit_post_migrate=True, reset_sequences=False
    )
    # The content-type cache is kept while restoring: it names the migrated ids, so signal handlers of the
    # restored rows find their content types there instead of creating them anew under other ids.
    connections["default"].creation.deserialize_db_from_string(contents)
    ContentType.objects.clear_cache()


class Portal:
    def __init__(self, base, communes):
        self.base = base
        self.communes = communes

    def url(self, path):
        return self.base + path


@pytest.fixture(scope="package")
def demo_portal(live_server, django_db_setup, django_db_blocker):
    """The demo portal, loaded once for every browser test, behind the session's live server
    (127.0.0.1 selects Ia Ko, the default site).

    Loading the demo takes ~30 s on CI's machine, so the browser tests share it: it is loaded once, committed,
    and the tests carry no `django_db` marker (which would empty the database after each test; `_db_unblocked`
    lets them use the ORM). Tests never assume what another did: what they create has its own unique names.
    When the package ends, the database is left as migrations made it, for the tests that follow.
    """
    if not chromium_available() and not REQUIRE_BROWSER:
        pytest.skip("Chromium not found")
    from django.core.management import call_command

    from core.demo import load_all

    with django_db_blocker.unblock():
        restore_migrated_state()
        communes = {commune.key: commune for commune in load_all()}
    yield Portal(f"http://127.0.0.1:{live_server.thread.port}", communes)
    with django_db_blocker.unblock():
        # `flush` alone would run post_migrate handlers that recreate content types under new ids, which a
        # later serialized-rollback test collides with: empty the tables, then restore the migrated state.
        call_command(
            "flush",
            interactive=False,
            verbosity=0,
            allow_cascade=True,
            inhibit_post_migrate=True,
            reset_sequences=False,
        )
        restore_migrated_state()


@pytest.fixture(autouse=True)
def _live_server_helper():
    """Replaces pytest-django's: it would make every test using the live server transactional (emptying the
    database after each), and `demo_portal` asks for the live server. Asking for it puts the browser tests in
    pytest-django's transactional group, which also makes a run of browser tests alone create the database."""
    yield


@pytest.fixture(autouse=True)
def _db_unblocked(django_db_blocker):
    with django_db_blocker.unblock():
        yield


@pytest.fixture
def demo_live(demo_portal):
    """(base URL, communes) of the shared demo portal."""
    return demo_portal.base, demo_portal.communes


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
    urls += subscription_views(communes["ia-ko"])
    try:
        from django.urls import reverse

        urls.append(("html-sitemap", reverse("html-sitemap")))
    except Exception:  # the sitemap page is optional: another app adds it
        pass
    return urls


def province_urls(base):
    """The province hub's pages (province/), on the demo's province host at the live server's port: Chromium
    sends every *.localhost name to this machine, and the site is found by its hostname."""
    from province.demo import HOSTNAME

    root = f"http://{HOSTNAME}:{base.rsplit(':', 1)[1]}"
    paths = {
        "province-home": "/",
        "province-news": "/tin-tuc/",
        "province-indicators": "/chi-so/",
        "province-comparison": "/chi-so/chi-so-phuc-vu/",
        "province-search": "/tim-kiem/?q=ia+ko",
        "province-home-en": "/en/",
    }
    return [(name, root + path) for name, path in paths.items()]


def subscription_views(commune):
    """The e-mail subscription pages (subscriptions/): subscribe, and the demo subscriber's manage and
    unsubscribe pages (reached from the links in every subscription mail)."""
    from django.urls import reverse

    from subscriptions import links
    from subscriptions.models import Subscriber

    urls = [("subscribe", reverse("subscriptions:subscribe"))]
    resident = Subscriber.objects.filter(site=commune.site).confirmed().first()
    if resident is not None:
        manage = links.manage_url(resident, commune.site).removeprefix(commune.site.root_url)
        urls += [("subscription-manage", manage), ("subscription-unsubscribe", manage.replace("/quan-ly/", "/huy/"))]
    return urls
