"""Journey: an editor of Ia Ko writes an article (body with heading, paragraph, uploaded image), previews it,
saves a draft and submits it for moderation."""

import pytest
from playwright.sync_api import expect

from . import admin

pytestmark = pytest.mark.browser

TITLE = "Thôn Đồng Tâm khánh thành nhà văn hóa mới"
SLUG = "thon-dong-tam-khanh-thanh-nha-van-hoa-moi"
LEAD = "Sáng nay, thôn Đồng Tâm tổ chức lễ khánh thành nhà văn hóa mới."
FIXED_LEAD = "Sáng 2/12, thôn Đồng Tâm tổ chức lễ khánh thành nhà văn hóa mới, công trình do người dân góp công."
CAPTION = "Nhà văn hóa thôn Đồng Tâm trong ngày khánh thành"
SHARED_TAG = "tiêm chủng"  # also on the demo article "tiem-chung-mo-rong-dot-2"
EDITOR, MODERATOR = admin.EDITOR, admin.MODERATOR


def test_editor_writes_an_article_previews_saves_a_draft_and_submits_it(journey, journey_portal, tmp_path):
    section, category = admin.ia_ko_news(journey_portal)
    page = journey.as_user(EDITOR)
    page.goto("/admin/")
    journey.step(page, "guide:01-dashboard")

    page.goto(f"/admin/pages/add/news/newspage/{section.pk}/")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_lead").fill(LEAD)
    admin.add_heading(page, "Công trình của cả thôn")
    admin.add_paragraph(page, "Nhà văn hóa rộng 200 mét vuông do người dân cùng góp công xây dựng.")
    journey.step(page, "guide:02-write")
    photo = admin.make_image_file(tmp_path / "nha-van-hoa.jpg")
    admin.add_image_block(page, photo, "Nhà văn hóa thôn Đồng Tâm", "Nhà văn hóa mới, mái ngói đỏ", CAPTION)
    journey.step(page, "guide:03-image")
    page.locator("#id_source").fill("Ban Văn hóa xã")
    admin.choose_existing_image(page, "cover_image", "Nhà văn hóa thôn Đồng Tâm")
    page.locator("#id_categories").select_option(str(category.pk))
    admin.add_tag(page, "văn hóa")
    admin.add_tag(page, SHARED_TAG)
    # The address is made from the title while typing: Vietnamese letters lose their marks, đ becomes d.
    expect(page.locator("#id_slug")).to_have_value(SLUG)

    preview = admin.open_preview(page)
    expect(preview.locator("h1")).to_contain_text(TITLE, timeout=60_000)
    expect(preview.locator("figcaption").first).to_contain_text(CAPTION)
    journey.step(page, "guide:04-preview")

    page_id = admin.save_draft(page)
    journey.step(page, "guide:05-draft")
    admin.submit_and_leave(page)  # waits for the page after the submit, not the draft's message
    journey.step(page, "guide:06-submitted")

    from news.models import NewsPage

    article = NewsPage.objects.get(pk=page_id)
    assert article.slug == SLUG and not article.live
    assert article.get_latest_revision_as_object().lead == LEAD
    assert article.current_workflow_state is not None and article.current_workflow_state.status == "in_progress"
    draft = article.get_latest_revision_as_object()
    assert [block.block_type for block in draft.body] == ["heading", "paragraph", "image"]
    assert draft.cover_image is not None and draft.source == "Ban Văn hóa xã"
    assert {tag.name for tag in draft.tags.all()} == {"văn hóa", SHARED_TAG}
    # Readers cannot see it yet.
    reader = journey.anonymous()
    assert reader.goto(f"/tin-tuc/{SLUG}/").status == 404
