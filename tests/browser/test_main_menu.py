"""The main menu on a phone: folded behind one button when JavaScript runs, so that an article opened from a
link shared on Facebook or Zalo starts on the first screen; whole, without a button, when it does not; never
folded on a wide screen."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 740}
ARTICLE = "/tin-tuc/ky-hop-hdnd/?fbclid=IwAR0abc"


def test_on_a_phone_the_menu_folds_to_one_row_and_the_alerts_are_on_the_first_screen(new_context):
    page = new_context(viewport=PHONE).new_page()
    page.goto(ARTICLE)
    toggle, links = page.locator(".main-menu__toggle"), page.locator(".main-menu__list a")
    expect(toggle).to_be_visible()
    expect(toggle).to_have_text("☰ Danh mục")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(links.first).to_be_hidden()
    menu = page.locator("nav.main-menu").bounding_box()
    assert menu["height"] <= 80, f"the folded menu takes more than one row: {menu}"
    # The demo's province-wide heavy-rain warning (and the commune's own notice) come right after it.
    alert = page.locator(".alert-banner").first.bounding_box()
    assert alert["y"] < PHONE["height"], f"the first alert starts below the first screen: {alert}"
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(links.first).to_be_visible()
    assert page.locator(".main-menu__list").bounding_box()["height"] > 3 * 80  # what it folds: a dozen items
    toggle.press("Enter")  # the keyboard closes it again
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(links.first).to_be_hidden()


def test_without_javascript_the_whole_menu_shows_and_no_button(new_context):
    page = new_context(viewport=PHONE, java_script_enabled=False).new_page()
    page.goto(ARTICLE)
    expect(page.locator(".main-menu__toggle")).to_be_hidden()
    expect(page.locator(".main-menu__list a").first).to_be_visible()


def test_on_a_wide_screen_the_menu_never_folds(new_context):
    page = new_context().new_page()
    page.goto(ARTICLE)
    expect(page.locator(".main-menu__toggle")).to_be_hidden()
    expect(page.locator(".main-menu__list a").first).to_be_visible()


def test_on_a_phone_the_page_chrome_is_compact_and_the_title_comes_before_read_aloud(new_context):
    page = new_context(viewport=PHONE).new_page()
    page.goto(ARTICLE)
    # The two contrast buttons share a row, the emblem sits beside the portal's name.
    increase, decrease = (
        page.locator(f".a11y-toolbar button[value={v}]") for v in ("contrast-high", "contrast-default")
    )
    assert increase.bounding_box()["y"] == decrease.bounding_box()["y"]
    logo, name = page.locator(".site-header__logo").bounding_box(), page.locator(".site-header__unit").bounding_box()
    assert name["x"] > logo["x"] + logo["width"] and name["y"] < logo["y"] + logo["height"]
    chrome = page.locator(".main-menu").bounding_box()
    assert chrome["y"] + chrome["height"] <= 420, f"toolbar, header and menu take {chrome['y'] + chrome['height']} px"
    # The breadcrumb ends with the section: the current page's title is the heading right below it.
    expect(page.locator(".breadcrumbs [aria-current=page]")).to_be_hidden()
    expect(page.locator(".breadcrumbs a").nth(1)).to_be_visible()
    # Read aloud comes under the title and date, with only its Play button until reading starts.
    title, play = page.locator("h1").bounding_box(), page.locator("[data-read-aloud-play]")
    expect(play).to_be_visible()
    assert play.bounding_box()["y"] > title["y"]
    expect(page.locator("[data-read-aloud-pause]")).to_be_hidden()
    expect(page.locator("[data-read-aloud-stop]")).to_be_hidden()
