"""Journey: a moderator of Ia Ko writes an article, sets its go-live time in the editor's publishing-schedule
dialog and publishes it, so Wagtail schedules it; readers cannot see it until the scheduler (Wagtail's
`publish_scheduled`, what editorial/management/commands/run_scheduled_publishing.py runs in production) has
run after that time, and then the article is public and listed in the news section and on the home page."""

import uuid
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from . import admin

pytestmark = pytest.mark.browser

MODERATOR = "iako-kiemduyet"
SCHEDULE_DIALOG = "#schedule-publishing-dialog"


def news_section(journey_portal):
    from news.models import NewsIndexPage

    return NewsIndexPage.objects.child_of(journey_portal.communes["ia-ko"].home).get(slug="tin-tuc")


def editor_time(when, username):
    """`when` as the admin's date-time fields show it: in the user's time zone (their profile's, else the site's),
    in Wagtail's default WAGTAIL_DATETIME_FORMAT."""
    import zoneinfo

    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username=username)
    profile = getattr(user, "wagtail_userprofile", None)
    zone = profile.get_current_time_zone() if profile else timezone.get_current_timezone_name()
    return when.astimezone(zoneinfo.ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")


# Counts the editor's autosaves, and says when it watches the form for changes (w-unsaved, w-autosave).
WATCH_AUTOSAVE = """
window.journeyEditor = {watching: false, autosaved: 0};
document.addEventListener("w-unsaved:watch-edits", () => { window.journeyEditor.watching = true; });
document.addEventListener("w-autosave:success", () => { window.journeyEditor.autosaved += 1; });
"""


def wait_for_autosave(page, done_before):
    page.wait_for_function(f"window.journeyEditor.autosaved > {done_before}", timeout=60_000)


def publish(page):
    """The footer's publish button: the main action for some users, in the "more actions" menu for others."""
    button = page.locator("footer button[name=action-publish]").first
    if not button.is_visible():
        page.locator("footer [data-w-dropdown-target=toggle]").first.click()
    button.click()


def test_moderator_schedules_an_article_that_goes_live_when_the_scheduler_runs(journey, journey_portal, live_server):
    # `live_server` (already what journey_portal serves) is named here so that pytest-django sets up the test
    # database when only browser tests are collected: it sets up the databases of tests that name `db`,
    # `transactional_db` or `live_server` (or carry `django_db`), and the browser fixtures ask for it lazily.
    section = news_section(journey_portal)
    marker = uuid.uuid4().hex[:8]
    title = f"Lịch tiêm chủng tháng tới của xã Ia Ko {marker}"
    slug = f"lich-tiem-chung-thang-toi-cua-xa-ia-ko-{marker}"
    article_url = f"/tin-tuc/{slug}/"

    page = journey.as_user(MODERATOR)
    journey.step(page, "write")
    page.add_init_script(WATCH_AUTOSAVE)
    page.goto(f"/admin/pages/add/news/newspage/{section.pk}/")
    # Typing before the editor has taken its snapshot of the form would not count as a change.
    page.wait_for_function("window.journeyEditor.watching")
    page.locator("#id_title").fill(title)
    page.locator("#id_lead").fill("Trạm y tế xã thông báo lịch tiêm chủng mở rộng cho trẻ em trong tháng tới.")
    admin.add_paragraph(page, "Phụ huynh mang theo sổ tiêm chủng khi đưa trẻ đến trạm y tế.")
    expect(page.locator("#id_slug")).to_have_value(slug)
    # Wagtail autosaves the new page (and swaps in the edit view's side panels, the schedule dialog among
    # them); the form then edits that page. A save sent while that autosave is under way would create the
    # page a second time and be refused ("slug in use"): the journey waits for it, as the "Saved" sign does.
    wait_for_autosave(page, 0)
    expect(page.locator("form[data-edit-form]")).to_have_attribute("action", admin.EDIT_URL)

    # The status side panel's "Set schedule" opens the publishing-schedule dialog. Its minutes are whole
    # minutes: three minutes ahead is still in the future when Wagtail checks it, even on a slow machine.
    journey.step(page, "schedule")
    go_live = timezone.now() + timedelta(minutes=3)
    page.locator("[data-side-panel-toggle=status]").click()
    page.locator("[data-a11y-dialog-show=schedule-publishing-dialog]").first.click()
    dialog = page.locator(SCHEDULE_DIALOG)
    go_live_field = dialog.locator("input[name=go_live_at]")
    picker = page.locator(".xdsoft_datetimepicker:visible")
    autosaves = page.evaluate("window.journeyEditor.autosaved")
    go_live_field.click()
    expect(picker).to_have_count(1)  # it opens a moment after the field gets focus
    go_live_field.fill(editor_time(go_live, MODERATOR))
    # Leaving the field closes the date picker (Escape would close the dialog, which resets the field).
    go_live_field.blur()
    expect(picker).to_have_count(0)
    expect(go_live_field).to_have_value(editor_time(go_live, MODERATOR))
    journey.step(page, "guide:11-schedule")
    wait_for_autosave(page, autosaves)  # the change is autosaved too: let it finish before saving by hand
    # "Save schedule" saves a draft carrying the schedule; it only takes effect once published.
    with page.expect_navigation(url=admin.EDIT_URL):
        dialog.locator("button[type=submit].action-save").click()
    expect(page.locator(".messages .success, .messages [class*=success]").first).to_be_visible()
    page_id = int(admin.EDIT_URL.search(page.url).group(1))
    page.locator("[data-side-panel-toggle=status]").click()
    status = page.locator("[data-side-panel=status]")
    expect(status.locator('use[href="#icon-calendar"]')).to_be_visible()  # a draft schedule, not yet in effect

    journey.step(page, "publish")
    with page.expect_navigation(url=lambda url: "/admin/pages/" in url and "/edit/" not in url):
        publish(page)
    expect(page.locator(".messages .success, .messages [class*=success]").first).to_be_visible()

    from news.models import NewsPage

    article = NewsPage.objects.get(pk=page_id)
    revision = article.get_latest_revision()
    assert not article.live, "a scheduled article is not live before its time"
    assert revision.approved_go_live_at is not None
    assert abs(revision.approved_go_live_at - go_live) < timedelta(minutes=1), "the time typed is the time kept"
    assert article.go_live_at == revision.approved_go_live_at

    # The editor says so: the status panel shows the schedule in effect (its icon is the checked calendar).
    journey.step(page, "scheduled")
    page.goto(f"/admin/pages/{page_id}/edit/")
    page.locator("[data-side-panel-toggle=status]").click()
    expect(page.locator('[data-side-panel=status] use[href="#icon-calendar-check"]')).to_be_visible()

    journey.step(page, "reader before")
    reader = journey.anonymous()
    assert reader.goto(article_url).status == 404
    assert reader.goto("/tin-tuc/").status == 200
    expect(reader.locator("main")).to_be_visible()
    expect(reader.locator(f'a[href$="{article_url}"]')).to_have_count(0)
    assert reader.goto("/").status == 200
    expect(reader.locator(f'a[href$="{article_url}"]')).to_have_count(0)

    # Time passes without waiting, as if the three minutes had gone by: the revision's go-live time is moved
    # into the past in the database, then the scheduler runs as in production. Both copies of the time move:
    # `publish_scheduled` picks revisions by `approved_go_live_at`, but publishing one checks the go_live_at
    # stored in its content and, were that still ahead, would only schedule it again.
    from django.core.serializers.json import DjangoJSONEncoder
    from wagtail.models import Revision

    past = timezone.now() - timedelta(seconds=5)
    content = {**revision.content, "go_live_at": DjangoJSONEncoder().default(past)}
    Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=past, content=content)
    call_command("publish_scheduled", verbosity=0)

    article.refresh_from_db()
    assert article.live and article.live_revision_id == revision.pk
    # A reader arriving now: the first reader's browser may keep the listings it was sent for a minute
    # (public pages say `max-age=60`, core/models.py), which is what those headers are for.
    reader = journey.anonymous()
    journey.step(reader, "reader after")
    response = reader.goto(article_url)
    assert response.status == 200
    expect(reader.locator("h1")).to_contain_text(title)
    assert reader.goto("/tin-tuc/").status == 200
    expect(reader.locator(f'a[href$="{article_url}"]').first).to_be_visible()
    assert reader.goto("/").status == 200
    expect(reader.locator(f'a[href$="{article_url}"]').first).to_be_visible()
