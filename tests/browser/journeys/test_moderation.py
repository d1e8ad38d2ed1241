"""Journey: moderation of an article, from the editor's submission to what residents see.

An editor of Ia Ko writes an article and submits it; the moderator finds it on the dashboard, comments on
its lead and requests changes; the editor sees the request, fixes the lead and resubmits; the moderator
approves it. A resident then finds it at its address, on the home page, in its category, in the related news
of the demo article sharing its tag, in the RSS feed and in search typed without diacritics.
"""

import re
import xml.etree.ElementTree as ET

import pytest
from playwright.sync_api import expect

from . import admin

# `live_server` named here too: pytest-django sets the test database up only for tests that name a database
# fixture, and `demo_portal` asks for the live server only at run time (run alone, the test had no tables).
pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("live_server")]

TITLE = "Đội văn nghệ thôn Ia Mút giành giải nhất hội diễn quần chúng"
SLUG = "doi-van-nghe-thon-ia-mut-gianh-giai-nhat-hoi-dien-quan-chung"
TYPED_WITHOUT_MARKS = "doi van nghe ia mut gianh giai nhat"
LEAD = "Đội văn nghệ thôn Ia Mút đoạt giải nhất."
FIXED_LEAD = "Tối 1/12, đội văn nghệ thôn Ia Mút đoạt giải nhất hội diễn văn nghệ quần chúng toàn xã năm 2026."
PARAGRAPH = "Đội mang đến hội diễn điệu xoang và bài hát về mùa tiêm chủng của trạm y tế xã."
COMMENT = "Phần sapo cần ghi rõ thời gian và tên hội diễn."
REQUEST = "Nhờ bổ sung thời gian, tên hội diễn vào phần sapo rồi gửi lại."
SHARED_TAG = "tiêm chủng"  # also on the demo article below
TAGGED_DEMO_ARTICLE = "tiem-chung-mo-rong-dot-2"
EDITOR, MODERATOR = admin.EDITOR, admin.MODERATOR


def edit_link(panel, page_id):
    return panel.locator(f"a[href='/admin/pages/{page_id}/edit/']").first


def test_moderator_requests_changes_editor_fixes_moderator_approves_residents_find_it(journey, journey_portal):
    from news.models import NewsPage

    section, category = admin.ia_ko_news(journey_portal)

    # 1. The editor writes the article, saves a draft and submits it.
    editor = journey.as_user(EDITOR)
    journey.step(editor, "editor-writes")
    editor.goto(f"/admin/pages/add/news/newspage/{section.pk}/")
    editor.locator("#id_title").fill(TITLE)
    editor.locator("#id_lead").fill(LEAD)
    admin.add_heading(editor, "Điệu xoang mừng mùa tiêm chủng")
    admin.add_paragraph(editor, PARAGRAPH)
    admin.typed_text_kept(editor, PARAGRAPH)
    editor.locator("#id_categories").select_option(str(category.pk))
    admin.add_tag(editor, SHARED_TAG)
    expect(editor.locator("#id_slug")).to_have_value(SLUG)
    page_id = admin.save_draft(editor)
    journey.step(editor, "editor-submits")
    admin.submit_and_leave(editor)
    article = NewsPage.objects.get(pk=page_id)
    assert article.current_workflow_state.status == "in_progress" and not article.live

    # 2. The moderator finds it on the dashboard, comments on the lead and requests changes.
    moderator = journey.as_user(MODERATOR)
    journey.step(moderator, "moderator-dashboard")
    moderator.goto("/admin/")
    awaiting = moderator.locator("#awaiting-review-section")
    expect(edit_link(awaiting, page_id)).to_be_visible()
    journey.step(moderator, "guide:07-moderator-dashboard")
    edit_link(awaiting, page_id).click()
    moderator.wait_for_url(f"**/admin/pages/{page_id}/edit/")
    expect(moderator.locator("#id_lead")).to_have_value(LEAD)

    journey.step(moderator, "moderator-comments")
    admin.add_comment(moderator, "lead", COMMENT)
    journey.step(moderator, "guide:08-comment")
    admin.save_draft(moderator)
    journey.step(moderator, "moderator-requests-changes")
    admin.workflow_action(moderator, "reject")
    modal = moderator.locator(".modal-dialog")
    modal.locator("textarea[name=comment]").fill(REQUEST)
    journey.step(moderator, "guide:09-request-changes")
    modal.locator("button[type=submit], input[type=submit]").first.click()
    admin.left_the_editor(moderator)
    state = NewsPage.objects.get(pk=page_id).current_workflow_state
    assert state.status == "needs_changes"
    assert state.current_task_state.comment == REQUEST
    assert article.wagtail_admin_comments.filter(text=COMMENT, contentpath="lead").exists()

    # 3. The editor sees the request, reads the comment, fixes the lead and resubmits.
    journey.step(editor, "editor-sees-the-request")
    editor.goto("/admin/")
    row = editor.locator("#objects-in-workflow-section tr")
    in_workflow = row.filter(has=editor.locator(f"a[href='/admin/pages/{page_id}/edit/']"))
    expect(in_workflow.locator("use[href='#icon-warning']")).to_have_count(1)
    edit_link(in_workflow, page_id).click()
    editor.wait_for_url(f"**/admin/pages/{page_id}/edit/")
    editor.locator("[data-side-panel-toggle=comments]").first.click()
    expect(editor.locator(".comment__text").filter(has_text=COMMENT).first).to_be_visible()
    # The page's history gives the moderator's request with its message.
    editor.goto(f"/admin/pages/{page_id}/history/")
    expect(editor.locator("main")).to_contain_text(REQUEST)
    editor.goto(f"/admin/pages/{page_id}/edit/")

    journey.step(editor, "editor-resubmits")
    editor.locator("#id_lead").fill(FIXED_LEAD)
    admin.submit_and_leave(editor)
    state = NewsPage.objects.get(pk=page_id).current_workflow_state
    assert state.status == "in_progress"
    assert NewsPage.objects.get(pk=page_id).get_latest_revision_as_object().lead == FIXED_LEAD

    # 4. The moderator approves: the article is published.
    journey.step(moderator, "moderator-approves")
    moderator.goto("/admin/")
    edit_link(moderator.locator("#awaiting-review-section"), page_id).click()
    moderator.wait_for_url(f"**/admin/pages/{page_id}/edit/")
    expect(moderator.locator("#id_lead")).to_have_value(FIXED_LEAD)
    admin.workflow_action(moderator, "approve")
    admin.left_the_editor(moderator)
    journey.step(moderator, "guide:10-approved")
    article = NewsPage.objects.get(pk=page_id)
    assert article.live and article.lead == FIXED_LEAD and article.slug == SLUG
    assert article.current_workflow_state is None

    # 5. Residents find it everywhere it belongs.
    reader = journey.anonymous()
    url = f"/tin-tuc/{SLUG}/"
    link = f"a[href$='{url}']"

    journey.step(reader, "reader-article")
    assert reader.goto(url).status == 200
    expect(reader.locator("h1")).to_have_text(TITLE)
    expect(reader.locator("main")).to_contain_text(FIXED_LEAD)
    expect(reader.locator("main")).to_contain_text(PARAGRAPH)
    expect(reader.locator("main")).not_to_contain_text(LEAD)

    journey.step(reader, "reader-home")
    reader.goto("/")
    expect(reader.locator(f".widget--latest-news {link}")).to_have_text(TITLE)

    journey.step(reader, "reader-category")
    reader.goto(f"/tin-tuc/?category={category.slug}")
    expect(reader.locator(f".news-list {link}")).to_have_text(TITLE)
    expect(reader.locator(".news-list")).to_contain_text(FIXED_LEAD)
    reader.goto("/tin-tuc/?category=kinh-te")  # another category's listing leaves it out
    expect(reader.locator("main h1")).to_be_visible()
    expect(reader.locator(f"main {link}")).to_have_count(0)

    journey.step(reader, "reader-related-news")
    reader.goto(f"/tin-tuc/{TAGGED_DEMO_ARTICLE}/")
    expect(reader.locator(f"section[aria-labelledby=related-news-page] {link}")).to_have_text(TITLE)

    journey.step(reader, "reader-rss")
    for feed in ("/feeds/news/rss/", f"/feeds/news/{category.slug}/rss/"):
        response = reader.request.get(feed)
        assert response.ok, feed
        items = {item.findtext("title"): item for item in ET.fromstring(response.body()).iter("item")}
        assert TITLE in items, f"not in {feed}: {sorted(items)}"
        assert items[TITLE].findtext("link").endswith(url)
        assert items[TITLE].findtext("description") == FIXED_LEAD

    journey.step(reader, "reader-search")
    reader.goto("/search/")
    reader.locator("#search-page-q").fill(TYPED_WITHOUT_MARKS)
    reader.locator("#search-page-q").press("Enter")
    reader.wait_for_url(re.compile(r"/search/\?q="))
    expect(reader.locator(f".search-results {link}").first).to_have_text(TITLE)
