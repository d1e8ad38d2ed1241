"""The reader toolbar in Chromium: with and without JavaScript, persistence, no flash, forged cookies."""

import re
import urllib.request

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SMALLER = "Giảm cỡ chữ (A-)"
RESET = "Cỡ chữ mặc định (A)"
LARGER = "Tăng cỡ chữ (A+)"
HIGH = "Tăng tương phản"
NORMAL = "Giảm tương phản"


def html_classes(page):
    return set(page.evaluate("document.documentElement.className").split())


def a11y_cookie(context):
    return next((c["value"] for c in context.cookies() if c["name"] == "a11y"), None)


def root_font_px(page):
    return page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")


def test_each_control_with_javascript_is_instant_and_stored(new_context):
    context = new_context()
    page = context.new_page()
    page.goto("/")
    page.evaluate("window.__sameDocument = true")  # lost if the page reloads
    larger = page.get_by_role("button", name=LARGER)
    smaller = page.get_by_role("button", name=SMALLER)
    reset = page.get_by_role("button", name=RESET)
    high = page.get_by_role("button", name=HIGH)
    normal = page.get_by_role("button", name=NORMAL)
    status = page.locator("[data-reader-prefs-status]")

    expect(smaller).to_have_attribute("aria-disabled", "true")
    expect(reset).to_have_attribute("aria-pressed", "true")
    larger.click()
    expect(page.locator("html")).to_have_class(re.compile(r"\btext-125\b"))
    expect(status).to_have_text("Cỡ chữ: 125 phần trăm")
    expect(reset).to_have_attribute("aria-pressed", "false")
    expect(smaller).to_have_attribute("aria-disabled", "false")
    assert a11y_cookie(context) == "t125"
    for _ in range(3):  # 150, 175, 200
        larger.click()
    expect(page.locator("html")).to_have_class(re.compile(r"\btext-200\b"))
    expect(larger).to_have_attribute("aria-disabled", "true")
    larger.click(force=True)  # still focusable and clickable, but 200 % is the top step
    expect(page.locator("html")).to_have_class(re.compile(r"\btext-200\b"))
    assert root_font_px(page) == 32
    smaller.click()
    expect(page.locator("html")).to_have_class(re.compile(r"\btext-175\b"))
    reset.click()
    expect(page.locator("html")).to_have_class(re.compile(r"\btext-100\b"))
    assert root_font_px(page) == 16

    high.click()
    expect(page.locator("html")).to_have_class(re.compile(r"\bcontrast-high\b"))
    expect(high).to_have_attribute("aria-pressed", "true")
    expect(normal).to_have_attribute("aria-pressed", "false")
    expect(status).to_have_text("Đã bật tương phản cao")
    assert page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor") == "rgb(0, 0, 0)"
    assert a11y_cookie(context) == "t100.hc"
    normal.click()
    assert "contrast-high" not in html_classes(page)
    assert "contrast-chosen" in html_classes(page)
    expect(normal).to_have_attribute("aria-pressed", "true")
    assert a11y_cookie(context) == "t100.nc"
    assert page.evaluate("window.__sameDocument") is True, "the toolbar must not reload the page"
    cookie = next(c for c in context.cookies() if c["name"] == "a11y")
    assert cookie["path"] == "/" and cookie["sameSite"] == "Lax" and cookie["expires"] > 0


def test_toolbar_is_keyboard_operable(new_context):
    page = new_context().new_page()
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.locator(".skip-link").bounding_box()["y"] >= 0, "the skip link shows when focused"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.value") == "smaller"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.value") == "larger"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "focus is visible"
    page.keyboard.press("Enter")
    assert "text-125" in html_classes(page)
    page.keyboard.press("Space")
    assert "text-150" in html_classes(page)


def test_each_control_without_javascript_goes_through_the_server(new_context, demo_live):
    _, communes = demo_live
    context = new_context(java_script_enabled=False)
    page = context.new_page()
    article = "/tin-tuc/hoi-nghi-ban-chi-dao-chuyen-doi-so/"
    page.goto(article)
    expected = [
        (LARGER, "text-125", "t125"),
        (LARGER, "text-150", "t150"),
        (SMALLER, "text-125", "t125"),
        (RESET, "text-100", "t100"),
        (HIGH, "contrast-high", "t100.hc"),
        (NORMAL, "contrast-chosen", "t100.nc"),
    ]
    for name, html_class, cookie in expected:
        with page.expect_navigation():
            page.get_by_role("button", name=name).click()
        assert page.url.endswith(article), "back on the same page"
        assert html_class in html_classes(page)
        assert a11y_cookie(context) == cookie
    assert "contrast-high" not in html_classes(page)
    expect(page.get_by_role("button", name=NORMAL)).to_have_attribute("aria-pressed", "true")


def test_choice_persists_across_navigation_reload_and_visits(new_context, tmp_path):
    context = new_context()
    page = context.new_page()
    page.goto("/")
    page.get_by_role("button", name=LARGER).click()
    page.get_by_role("button", name=HIGH).click()
    page.locator(".main-menu").get_by_role("link", name="Tin tức - Sự kiện").click()
    page.wait_for_url("**/tin-tuc/")
    assert {"text-125", "contrast-high"} <= html_classes(page)
    expect(page.get_by_role("button", name=HIGH)).to_have_attribute("aria-pressed", "true")
    page.reload()
    assert {"text-125", "contrast-high"} <= html_classes(page)
    # A later visit: a new browser context with the stored cookies.
    state = context.storage_state(path=tmp_path / "state.json")
    later = new_context(storage_state=state).new_page()
    later.goto("/search/?q=x")
    assert {"text-125", "contrast-high"} <= html_classes(later)


FIRST_PAINT_PROBE = """
window.__classesAtBody = null;
new MutationObserver(function (records, observer) {
  if (document.body) { window.__classesAtBody = document.documentElement.className; observer.disconnect(); }
}).observe(document, {childList: true, subtree: true});
"""


def test_no_flash_even_from_a_cache_that_ignores_the_cookie(new_context, demo_live):
    base, _ = demo_live
    context = new_context(a11y="t175.hc")
    context.add_init_script(FIRST_PAINT_PROBE)
    page = context.new_page()
    page.goto("/tin-tuc/")
    assert {"text-175", "contrast-high"} <= set(page.evaluate("window.__classesAtBody").split())

    # A shared cache that ignored the cookie would serve the default HTML: the <head> script still
    # applies the reader's classes before <body> exists, i.e. before anything can be painted.
    with urllib.request.urlopen(f"{base}/tin-tuc/") as anonymous:  # no cookie: the default copy
        default_copy = anonymous.read().decode()
    assert 'class="text-100"' in default_copy

    def serve_default_copy(route):
        route.fulfill(status=200, content_type="text/html; charset=utf-8", body=default_copy)

    page.route(f"{base}/tin-tuc/", serve_default_copy)
    page.goto("/tin-tuc/")
    assert {"text-175", "contrast-high"} <= set(page.evaluate("window.__classesAtBody").split())
    expect(page.get_by_role("button", name=HIGH)).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("button", name=RESET)).to_have_attribute("aria-pressed", "false")


@pytest.mark.parametrize("garbage", ['t175"><script>window.__owned=1</script>', "t9999.zz.%00", "hc" * 80])
def test_forged_or_garbage_cookie_is_ignored(new_context, garbage):
    context = new_context(a11y=garbage)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    response = page.goto("/")
    assert response.status == 200
    assert page.evaluate("window.__owned") is None
    assert html_classes(page) == {"text-100", "menu-folds"}  # no class from the cookie; the menu script ran
    page.get_by_role("button", name=LARGER).click()
    assert "text-125" in html_classes(page)
    assert a11y_cookie(context) == "t125"
    assert not errors


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"]
)
def test_the_redirect_rejects_external_urls(new_context, demo_live, target):
    base, _ = demo_live
    context = new_context(java_script_enabled=False)
    response = context.request.post("/reader-preferences/", form={"action": "larger", "next": target}, max_redirects=0)
    assert response.status == 302
    assert response.headers["location"] == "/"
    assert a11y_cookie(context) == "t125"


def test_system_preferences_apply_until_the_reader_chooses(new_context):
    page = new_context(contrast="more", reduced_motion="reduce").new_page()
    page.goto("/")
    header = "getComputedStyle(document.querySelector('.site-header')).backgroundColor"
    assert page.evaluate(header) == "rgb(0, 0, 0)", "prefers-contrast: more gives the high-contrast palette"
    page.get_by_role("button", name=NORMAL).click()
    expect(page.locator("html")).to_have_class(re.compile(r"\bcontrast-chosen\b"))
    assert page.evaluate(header) == "rgb(165, 14, 36)", "an explicit choice wins over the system"
    forced = new_context(forced_colors="active").new_page()
    forced.goto("/")
    forced.keyboard.press("Tab")
    forced.keyboard.press("Tab")
    assert forced.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    pressed = forced.get_by_role("button", name=RESET)
    assert pressed.evaluate("el => getComputedStyle(el).borderTopStyle") == "solid"


READ_ALOUD_STUB = """
window.__spoken = [];
Object.defineProperty(window, "speechSynthesis", {configurable: true, value: {
  speaking: false, paused: false,
  getVoices: function () { return [{lang: "en-US", name: "E"}, {lang: "vi-VN", name: "Tiếng Việt"}]; },
  speak: function (u) {
    window.__spoken.push({text: u.text, lang: u.lang, voice: u.voice && u.voice.name});
    window.__utterance = u;
  },
  pause: function () { window.__spoken.push("pause"); },
  resume: function () { window.__spoken.push("resume"); },
  cancel: function () { window.__spoken.push("cancel"); }
}});
window.SpeechSynthesisUtterance = function (text) { this.text = text; };
"""


def test_read_aloud_uses_a_vietnamese_voice_and_the_keyboard(new_context, demo_live):
    _, communes = demo_live
    commune = communes["ia-ko"]
    statement = commune.extras["accessibility_statement"].get_url(current_site=commune.site)
    without = new_context(java_script_enabled=False).new_page()
    without.goto(statement)
    assert without.locator("[data-read-aloud]").is_hidden(), "hidden without JavaScript"

    context = new_context()
    context.add_init_script(READ_ALOUD_STUB)
    page = context.new_page()
    page.goto(statement)
    play = page.get_by_role("button", name="Đọc bài viết")
    expect(play).to_be_visible()
    play.focus()
    page.keyboard.press("Enter")
    utterances = [item for item in page.evaluate("window.__spoken") if isinstance(item, dict)]
    assert all(u["lang"] == "vi-VN" and u["voice"] == "Tiếng Việt" for u in utterances)
    texts = [u["text"] for u in utterances]
    assert texts[0] == "Hướng dẫn tiếp cận" and "Cam kết của chúng tôi" in texts
    assert not any("Tạm dừng" in text for text in texts), "the controls are not read out"
    assert page.evaluate("document.activeElement.textContent") == "Tạm dừng", "focus moves to Pause"
    page.keyboard.press("Enter")
    assert page.evaluate("window.__spoken").count("pause") == 1
    page.keyboard.press("Enter")  # focus is back on Play: resumes
    assert "resume" in page.evaluate("window.__spoken")
    page.get_by_role("button", name="Dừng đọc").click()
    expect(play).to_be_enabled()
    page.get_by_role("button", name="Đọc bài viết").click()
    page.evaluate("window.__utterance.onend()")  # the last paragraph has been read
    expect(play).to_be_enabled()
    expect(page.locator("[data-read-aloud-status]")).to_have_text("Đã dừng đọc")

    plain = new_context()
    plain.add_init_script('Object.defineProperty(window, "speechSynthesis", {configurable: true, value: undefined});')
    unsupported = plain.new_page()
    unsupported.goto(statement)
    assert unsupported.locator("[data-read-aloud]").is_hidden(), "hidden where speech synthesis is missing"
