"""A resident who uses only the keyboard, on the demo portal of Ia Ko (127.0.0.1): from the reader toolbar
through the main menu, the search, an article, its related news and the rating form.

Only Tab, Shift+Tab, Enter, Space, the arrow keys and typed text are used. At every focus step the focused
element must be on screen (inside the viewport after the browser scrolled to it, not covered by anything
else), show a focus indicator that differs from what is behind it (an outline of 2 px or more, or a box
shadow), and come after the previously focused element in document order (before it for Shift+Tab, and
the same for arrow keys that go back in a radio group), unless a new page was loaded. The walk records each
step so a failure lists the path taken.

The walk runs in the default state, with high contrast and 200 % text (the `a11y` cookie the toolbar sets),
and on a 375 px wide phone screen. It found two bugs, fixed with it: in high contrast the header's search
field and button had a black focus ring on the black header (portal/static/css/portal.css), and the rating's
confirmation, shown by :target after the vote, was never focused nor announced (its messages now take
focus on arrival, feedback/templates/feedback/components/rating_form.html).
"""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}
STATES = {
    "default": {"a11y": None, "viewport": DESKTOP, "size": 100, "classes": set()},
    "high-contrast-200": {"a11y": "t200.hc", "viewport": DESKTOP, "size": 200, "classes": {"contrast-high"}},
    "phone-375": {"a11y": None, "viewport": PHONE, "size": 100, "classes": set()},
}
NEWS_MENU_ITEM = "Tin tức - Sự kiện"
QUERY = "chuyen doi so"
THANKS = "Cảm ơn bạn, đánh giá đã được ghi nhận."
NAVIGATION_TIMEOUT = 60_000

# Runs in the page after each key press. `window.__keyboardPrevious` is the element focused before: it is
# gone when a new document loads, which is where document order starts again.
FOCUS_PROBE = """() => {
  const el = document.activeElement;
  const previous = window.__keyboardPrevious;
  window.__keyboardPrevious = el;
  let order = 'first';
  if (previous && previous.isConnected) {
    if (previous === el) order = 'same';
    else order = (previous.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) ? 'after' : 'before';
  }
  const describe = (e) => {
    if (!e || e === document.body) return 'BODY';
    let text = (e.getAttribute('aria-label') || e.textContent || e.value || '').replace(/\\s+/g, ' ').trim();
    return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.type && e.tagName !== 'A' ? '[' + e.type + ']' : '')
      + (text ? ' "' + text.slice(0, 50) + '"' : '');
  };
  const result = {desc: describe(el), order: order, tag: el.tagName};
  if (el === document.body || el === document.documentElement) return result;
  const style = getComputedStyle(el);
  // What is behind the element: the first ancestor with an opaque background (the outline is drawn outside).
  let behind = 'rgb(255, 255, 255)';
  for (let node = el.parentElement; node; node = node.parentElement) {
    const bg = getComputedStyle(node).backgroundColor;
    if (bg && bg !== 'transparent' && !/rgba\\(.*, 0\\)$/.test(bg)) { behind = bg; break; }
  }
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2
    && style.outlineColor !== behind && !/rgba\\(.*, 0\\)$/.test(style.outlineColor);
  const shadowColour = (style.boxShadow.match(/rgba?\\([^)]*\\)/) || [null])[0];
  const shadow = style.boxShadow !== 'none' && shadowColour !== null && shadowColour !== behind;
  // The first line box (a link can wrap) must be wholly on screen, or, when it is taller or wider than the
  // screen, fill part of it; the middle of its part on screen must show this element, not something on top.
  const box = el.getClientRects()[0] || el.getBoundingClientRect();
  const width = document.documentElement.clientWidth, height = document.documentElement.clientHeight;
  const left = Math.max(box.left, 0), right = Math.min(box.right, width);
  const top = Math.max(box.top, 0), bottom = Math.min(box.bottom, height);
  const whole = (box.width > width || (box.left >= -1 && box.right <= width + 1))
    && (box.height > height || (box.top >= -1 && box.bottom <= height + 1));
  const inViewport = box.width > 0 && box.height > 0 && right > left && bottom > top && whole;
  const x = (left + right) / 2, y = (top + bottom) / 2;
  const hit = inViewport ? document.elementFromPoint(x, y) : null;
  const covered = hit !== null && hit !== el && !el.contains(hit) && !(el.labels && [...el.labels].includes(hit));
  return Object.assign(result, {
    indicator: outline || shadow, inViewport: inViewport, covered: covered, coveredBy: describe(hit),
    outline: style.outlineStyle + ' ' + style.outlineWidth + ' ' + style.outlineColor, shadow: style.boxShadow,
    behind: behind, box: [Math.round(box.left), Math.round(box.top), Math.round(box.width), Math.round(box.height)],
  });
}"""


class KeyboardWalk:
    """Presses keys, checks each focus step, and keeps the path taken for the failure messages."""

    def __init__(self, page, state):
        self.page = page
        self.state = state
        self.path = []

    def fail(self, problem):
        steps = "\n".join(f"  {number:3}. {step}" for number, step in enumerate(self.path[-40:], 1))
        pytest.fail(f"[{self.state}] {problem}\npath taken (last 40 steps):\n{steps}", pytrace=False)

    def press(self, key, order="after", indicator=True):
        self.page.keyboard.press(key)
        return self.check(key, order, indicator)

    def check(self, key, order="after", indicator=True):
        focused = self.page.evaluate(FOCUS_PROBE)
        self.path.append(f"{key:9} -> {focused['desc']} ({focused['order']})")
        if focused["tag"] in ("BODY", "HTML"):
            self.fail("focus fell back to the page itself")
        if not focused["inViewport"]:
            self.fail(f"{focused['desc']} is focused but not on screen: box {focused['box']}")
        if focused["covered"]:
            self.fail(f"{focused['desc']} is focused but covered by {focused['coveredBy']}")
        if indicator and not focused["indicator"]:
            self.fail(
                f"{focused['desc']} has no visible focus indicator: outline {focused['outline']}, "
                f"box-shadow {focused['shadow']}, behind it {focused['behind']}"
            )
        if focused["order"] not in (order, "first"):
            self.fail(f"{key} moved focus {focused['order']} the previous element instead of {order} it")
        return focused

    def is_focused(self, selector):
        return self.page.evaluate("s => document.activeElement.matches(s)", selector)

    def tab_to(self, selector, what, limit=80):
        for _ in range(limit):
            self.press("Tab")
            if self.is_focused(selector):
                return
        self.fail(f"{what} ({selector}) not reached in {limit} presses of Tab")

    def follow(self, key, url_pattern, what):
        """Presses `key` on a link or a submit button and waits for the next page."""
        with self.page.expect_navigation(url=url_pattern, timeout=NAVIGATION_TIMEOUT):
            self.page.keyboard.press(key)
        self.page.wait_for_load_state("load")
        self.path.append(f"{key:9} => new page {what}: {self.page.url}")

    def skip_to_main(self):
        """The first Tab of a page reaches the skip link; Enter on it puts focus on the main landmark."""
        self.press("Tab")
        if not self.is_focused("a.skip-link"):
            self.fail("the first Tab of the page does not reach the skip link")
        self.page.keyboard.press("Enter")
        # <main tabindex="-1"> is a target, not a control: it takes focus without an indicator.
        self.check("Enter", indicator=False)
        if not self.is_focused("main#main-content"):
            self.fail("the skip link does not move focus to the main content")


def article_at(commune, url):
    from news.models import NewsPage

    articles = NewsPage.objects.live().descendant_of(commune.home)
    found = [article for article in articles if article.get_url(current_site=commune.site) == url]
    assert len(found) == 1, f"{url} is one article of {commune.key}"
    return found[0]


def html_classes(page):
    return set(page.evaluate("document.documentElement.className").split())


def expect_text_size(page, size):
    expect(page.locator("html")).to_have_class(re.compile(rf"\btext-{size}\b"))
    assert page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)") == 16 * size / 100


def toolbar_by_keyboard(walk, size):
    """Skip link, then A-, A, A+ and the two contrast buttons; the size changes with Enter on A+ (or A- at
    the top step) and comes back to where it was."""
    page = walk.page
    walk.press("Tab")
    assert walk.is_focused("a.skip-link"), "the first Tab reaches the skip link"
    walk.press("Tab")
    assert walk.is_focused("button[value=smaller]")
    walk.press("Tab")
    assert walk.is_focused("button[value=reset]")
    walk.press("Tab")
    assert walk.is_focused("button[value=larger]")
    if size < 200:
        page.keyboard.press("Enter")
        expect_text_size(page, size + 25)
        walk.check("Enter", order="same")  # focus stays on A+, still visible at the new size
        walk.press("Shift+Tab", order="before")
        walk.press("Shift+Tab", order="before")
        assert walk.is_focused("button[value=smaller]")
        page.keyboard.press("Enter")
        expect_text_size(page, size)
        walk.check("Enter", order="same")
        walk.press("Tab")
        walk.press("Tab")
    else:
        page.keyboard.press("Enter")  # 200 % is the top step: A+ says so (aria-disabled) and changes nothing
        expect(page.locator("button[value=larger]")).to_have_attribute("aria-disabled", "true")
        expect_text_size(page, 200)
        walk.check("Enter", order="same")
        walk.press("Shift+Tab", order="before")
        walk.press("Shift+Tab", order="before")
        assert walk.is_focused("button[value=smaller]")
        page.keyboard.press("Space")
        expect_text_size(page, 175)
        walk.check("Space", order="same")
        walk.press("Tab")
        walk.press("Tab")
        assert walk.is_focused("button[value=larger]")
        page.keyboard.press("Enter")
        expect_text_size(page, 200)
        walk.check("Enter", order="same")
    assert walk.is_focused("button[value=larger]")
    walk.press("Tab")
    assert walk.is_focused("button[value=contrast-high]")
    walk.press("Tab")
    assert walk.is_focused("button[value=contrast-default]")


@pytest.mark.parametrize("state", STATES)
def test_a_keyboard_only_resident_reads_searches_and_rates(new_context, demo_live, settings, state):
    from feedback.models import Rating

    # Other browser tests may rate the same article from 127.0.0.1: the per-IP limit is not what is tested.
    settings.FEEDBACK_RATE_LIMITS = {"rate": (10_000, 3600), "rate_item": (10_000, 86_400)}
    _, communes = demo_live
    commune = communes["ia-ko"]
    seed = commune.extras["seed_article"]
    config = STATES[state]
    context = new_context(a11y=config["a11y"], viewport=config["viewport"])
    context.set_default_timeout(30_000)
    page = context.new_page()
    walk = KeyboardWalk(page, state)

    def expect_reader_state():
        assert {f"text-{config['size']}", *config["classes"]} <= html_classes(page), "the reader's choice stays"

    # 1. The toolbar, from the top of the home page.
    page.goto("/")
    walk.path.append(f"(start) {page.url}")
    expect_reader_state()
    toolbar_by_keyboard(walk, config["size"])

    # 2. On through the header into the main menu, to the news section. On a phone the menu is folded behind
    # its button: Enter opens it.
    if config["viewport"] is PHONE:
        walk.tab_to(".main-menu__toggle", "the menu button")
        walk.press("Enter", order="same")
        expect(page.locator(".main-menu__toggle")).to_have_attribute("aria-expanded", "true")
    walk.tab_to(".main-menu a", "the main menu")
    menu_link = f".main-menu a:text-is('{NEWS_MENU_ITEM}')"
    walk.tab_to(".main-menu a[href$='/tin-tuc/']", f"the menu item {NEWS_MENU_ITEM}")
    assert page.locator(menu_link).evaluate("el => el === document.activeElement")
    walk.follow("Enter", "**/tin-tuc/", "news index")
    expect(page.locator("h1")).to_have_text(re.compile("Tin tức"))
    expect_reader_state()

    # 3. The search field in the header, a query typed without diacritics, the first result.
    walk.tab_to("#site-search-q", "the search field")
    page.keyboard.type(QUERY)
    walk.path.append(f"(typed)   {QUERY!r}")
    walk.follow("Enter", re.compile(r"/search/\?q=chuyen\+doi\+so"), "search results")
    expect(page.locator("main [role=status]")).to_contain_text("kết quả")
    first_result = page.locator("ol.search-results > li a").first
    expect(first_result).to_be_visible()
    first_url = first_result.get_attribute("href")
    walk.skip_to_main()
    walk.tab_to("ol.search-results a", "the first search result")
    assert page.evaluate("document.activeElement.getAttribute('href')") == first_url, "the first result"
    assert first_url == seed.get_url(current_site=commune.site), "the demo's seed article is found first"
    walk.follow("Enter", f"**{first_url}", "first search result")
    article = article_at(commune, first_url)
    expect_reader_state()

    # 4. The article's related news.
    expect(page.locator("h1")).to_have_text(article.title)
    walk.skip_to_main()
    walk.tab_to(".related-news a", "the related news")
    related_url = page.evaluate("document.activeElement.getAttribute('href')")
    walk.follow("Enter", f"**{related_url}", "related article")
    related = article_at(commune, related_url)
    expect(page.locator("h1")).to_have_text(related.title)
    expect_reader_state()

    # 5. The rating form: one Tab stop for the radio group, arrows to choose, Tab to the button, Enter.
    walk.skip_to_main()
    walk.tab_to("form.rating input[type=radio]", "the rating form")
    assert walk.is_focused("input[value='1']"), "nothing is chosen yet: Tab enters the group at its first score"
    page.keyboard.press("Space")
    expect(page.locator("form.rating input[value='1']")).to_be_checked()
    walk.check("Space", order="same")
    for score in (2, 3, 4, 5):
        walk.press("ArrowRight")
        expect(page.locator(f"form.rating input[value='{score}']")).to_be_checked()
    walk.press("ArrowLeft", order="before")
    expect(page.locator("form.rating input[value='4']")).to_be_checked()
    walk.press("Tab")
    assert walk.is_focused("form.rating button[type=submit]"), "Tab leaves the radio group for the button"
    votes = Rating.objects.filter(item=f"page:{related.pk}").count()
    walk.follow("Enter", re.compile(r"#rating-thanks$"), "after the vote")
    thanks = page.locator("#rating-thanks")
    expect(thanks).to_be_visible()
    expect(thanks).to_have_text(THANKS)
    expect(thanks).to_have_attribute("role", "status")
    # Focus is on the message when the page opens (screen readers read the focused message out), visibly.
    walk.check("(arrival)", indicator=True)
    assert walk.is_focused("#rating-thanks"), "the confirmation takes focus when the page opens"
    assert Rating.objects.filter(item=f"page:{related.pk}").count() == votes + 1
    assert Rating.objects.filter(item=f"page:{related.pk}").order_by("-pk").first().score == 4
    expect_reader_state()
    # The keyboard goes on from the message: the next Tab is in the related news.
    walk.press("Tab")
    assert walk.is_focused(".related-news a"), "Tab after the message goes on to the related news"


def test_the_walk_can_fail(new_context):
    """Guards against checks that pass whatever happens: a hidden focus ring and a jump back both fail."""
    page = new_context().new_page()
    page.goto("/")
    walk = KeyboardWalk(page, "guard")
    walk.press("Tab")
    page.add_style_tag(content=".a11y-toolbar button:focus-visible { outline: none; box-shadow: none; }")
    with pytest.raises(pytest.fail.Exception, match="no visible focus indicator"):
        walk.press("Tab")
    page.evaluate(
        """document.addEventListener('keydown', (event) => {
            if (event.key === 'Tab') { event.preventDefault(); document.querySelector('.skip-link').focus(); }
        })"""
    )
    with pytest.raises(pytest.fail.Exception, match="moved focus before"):
        walk.press("Tab")
    with pytest.raises(pytest.fail.Exception, match="not on screen"):
        page.evaluate("document.querySelector('.site-footer a').focus({preventScroll: true})")
        walk.check("(focus)")
