"""Editor journeys: the shared demo portal, one sign-in per role, screenshots on failure.

The journeys run on the browser tests' shared demo portal (`demo_portal`, tests/browser/conftest.py): each
makes its own pages (unique titles) and never assumes what another journey did.

Selectors never use the admin's English or Vietnamese labels (the admin's text is being translated): they use
names, ids, data-* attributes, URLs, or roles with a pattern covering both languages.
"""

import contextlib
import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
FAILURE_DIR = ROOT / "test-results"
GUIDE_DIR = ROOT / "editorial" / "static" / "editorial" / "guide"
UPDATE_GUIDE = os.environ.get("UPDATE_GUIDE_SCREENSHOTS", "") not in ("", "0")
GUIDE_WIDTH = 1000


@pytest.fixture(scope="package")
def journey_portal(demo_portal):
    """The shared demo portal (tests/browser/conftest.py), with sign-in by password only: the second factor
    has its own tests (tests/accounts/, tests/browser/test_two_factor.py); sign_in() below is the one place
    where a TOTP step would be added."""
    from django.test import override_settings

    with override_settings(ACCOUNTS_2FA_ENFORCED=False):
        yield demo_portal


# --- signing in -------------------------------------------------------------------------------------------


@pytest.fixture(scope="package")
def signed_in(browser, journey_portal, tmp_path_factory):
    """signed_in(username) -> storage state file of a session signed in through the real login form (once)."""
    states = {}
    folder = tmp_path_factory.mktemp("journey-sessions")

    def get(username, password=None):
        if username not in states:
            from core.demo import ADMIN_PASSWORD

            context = browser.new_context(base_url=journey_portal.base, locale="vi-VN")
            page = context.new_page()
            sign_in(page, username, password or ADMIN_PASSWORD)
            states[username] = str(folder / f"{username}.json")
            context.storage_state(path=states[username])
            context.close()
        return states[username]

    return get


def sign_in(page, username, password):
    """The admin's sign-in form. The one place to add a second step (e.g. a TOTP code) when it is required."""
    page.goto("/admin/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(password)
    page.locator("form button[type=submit], form input[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/admin/(?!login)"))


# --- browser contexts, failure screenshots, guide screenshots --------------------------------------------------


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"journey_report_{report.when}", report)
    return report


@pytest.fixture
def journey(request, browser, journey_portal, signed_in):
    """journey.as_user(username) -> a page signed in as that user; journey.anonymous() -> a reader's page.

    journey.step(page, name) marks a step: on failure every open page is saved as
    test-results/<test>/<step>-<n>.png; with UPDATE_GUIDE_SCREENSHOTS=1, a step named "guide:<file>" also
    writes editorial/static/editorial/guide/<file>.png for the editor's guide.
    """
    tracker = Journey(browser, journey_portal, signed_in)
    yield tracker
    failed = any(
        getattr(request.node, f"journey_report_{when}", None) is not None
        and getattr(request.node, f"journey_report_{when}").failed
        for when in ("setup", "call")
    )
    if failed:
        tracker.save_failure_screenshots(FAILURE_DIR / re.sub(r"[^\w.-]+", "_", request.node.name))
    tracker.close()


class Journey:
    def __init__(self, browser, portal, signed_in):
        self.browser = browser
        self.portal = portal
        self._signed_in = signed_in
        self.contexts = []
        self.last_step = "start"

    def _page(self, **kwargs):
        kwargs.setdefault("viewport", {"width": GUIDE_WIDTH, "height": 800})
        kwargs.setdefault("locale", "vi-VN")
        context = self.browser.new_context(base_url=self.portal.base, **kwargs)
        # Generous: CI runs two suites side by side on 2 cores, and a loaded machine is slow, not broken.
        context.set_default_timeout(30_000)
        context.set_default_navigation_timeout(60_000)
        self.contexts.append(context)
        return context.new_page()

    def as_user(self, username):
        return self._page(storage_state=self._signed_in(username))

    def anonymous(self):
        return self._page()

    def step(self, page, name):
        self.last_step = name
        if name.startswith("guide:") and UPDATE_GUIDE:
            save_guide_screenshot(page, name.removeprefix("guide:"))

    def save_failure_screenshots(self, folder):
        folder.mkdir(parents=True, exist_ok=True)
        step = re.sub(r"[^\w.-]+", "_", self.last_step)
        number = 0
        for context in self.contexts:
            for page in context.pages:
                number += 1
                with contextlib.suppress(Exception):  # a crashed page must not hide the test's own failure
                    page.screenshot(path=str(folder / f"{step}-{number}.png"), full_page=True)

    def close(self):
        for context in self.contexts:
            context.close()


def save_guide_screenshot(page, name):
    """A named screenshot for the guide: the viewport (1000 px wide), as an optimised palette PNG."""
    import io

    from PIL import Image

    GUIDE_DIR.mkdir(parents=True, exist_ok=True)
    page.wait_for_load_state("networkidle")
    image = Image.open(io.BytesIO(page.screenshot()))
    image = image.convert("RGB").quantize(colors=128, method=Image.Quantize.MEDIANCUT)
    image.save(GUIDE_DIR / f"{name}.png", optimize=True)
