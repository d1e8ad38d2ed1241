"""Journey: an editor clicks "Save draft" while Wagtail is autosaving the new page.

Wagtail autosaves a new page in the background and then turns the "add" form into the page's "edit" form.
A click landing while that first autosave is under way used to post the "add" form a second time: Wagtail
refused it ("slug in use") and the editor's save seemed to fail (seen in CI as a journey stuck on the add
screen). editorial/static/editorial/admin/save-after-autosave.js holds the click until the autosave ends.
Here the autosave's answer is held back on purpose, so the click always lands during it.
"""

import uuid

import pytest
from playwright.sync_api import expect

from . import admin

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("live_server")]

# Says when Wagtail's editor watches the form for changes (it takes a snapshot of the form first).
WATCH_EDITS = """
window.journeyEditor = {watching: false};
document.addEventListener("w-unsaved:watch-edits", () => { window.journeyEditor.watching = true; });
"""


def wait_until(page, condition, failure, seconds=30):
    for _ in range(seconds * 10):
        if condition():
            return
        page.wait_for_timeout(100)
    raise AssertionError(failure)


def test_save_clicked_during_the_first_autosave_saves_one_draft(journey, journey_portal):
    from news.models import NewsPage

    section, _category = admin.ia_ko_news(journey_portal)
    marker = uuid.uuid4().hex[:8]
    title = f"Thông báo lịch họp dân thôn Plei Ring {marker}"
    slug = f"thong-bao-lich-hop-dan-thon-plei-ring-{marker}"

    page = journey.as_user(admin.EDITOR)
    autosave = []  # the autosave that creates the page, answered once the editor has clicked "Save draft"
    saves = []  # a save posted to the "add" form, answered once that autosave has been

    def hold(route):
        request = route.request
        if request.method != "POST":
            route.continue_()
        elif "text/html" in (request.headers.get("accept") or ""):
            saves.append(route)
        # A title and its slug are all a draft needs: that autosave creates the page (an earlier one, sent
        # before the slug was filled in, is refused and creates nothing).
        elif not autosave and slug in (request.post_data or ""):
            autosave.append(route)
        else:
            route.continue_()

    page.route("**/admin/pages/add/**", hold)
    page.add_init_script(WATCH_EDITS)
    page.goto(f"/admin/pages/add/news/newspage/{section.pk}/")
    page.wait_for_function("window.journeyEditor.watching")  # typing sooner would not count as a change
    page.locator("#id_title").fill(title)
    page.locator("#id_title").blur()  # Wagtail fills the slug in when the title is left
    expect(page.locator("#id_slug")).to_have_value(slug)
    wait_until(page, lambda: autosave, "no autosave carried the title and its slug")
    # The editor goes on writing while the autosave is under way, then saves.
    page.locator("#id_lead").fill("Thôn Plei Ring họp dân bàn việc làm đường bê tông.")
    admin.add_paragraph(page, "Cuộc họp bắt đầu lúc 19 giờ tại nhà văn hóa thôn.")

    page.locator("footer button.action-save").click(no_wait_after=True)  # its answer is held back below
    page.wait_for_timeout(500)  # the click has been handled by now: held, or posted to the "add" form
    # The order that went wrong: the autosave reaches the server first and creates the page...
    autosave[0].continue_()
    wait_until(page, lambda: NewsPage.objects.filter(slug=slug).exists(), "the autosave created no page")
    # ...then the editor's save, if the click had gone ahead, arrives at the "add" form.
    for route in saves:
        route.continue_()
    page.wait_for_url(admin.EDIT_URL, timeout=30_000)
    expect(page.locator(".messages .success, .messages [class*=success]").first).to_be_visible(
        timeout=30_000  # the edit URL comes with the autosave; the save's own page, loaded under CI's load, after
    )
    expect(page.locator(".messages .error, .messages [class*=error]")).to_have_count(0)

    saved = NewsPage.objects.filter(title=title)
    assert saved.count() == 1
    assert "19 giờ" in str(saved.get().get_latest_revision_as_object().body)  # what was typed meanwhile is kept
    assert int(admin.EDIT_URL.search(page.url).group(1)) == saved.get().pk
    assert not saved.get().live
