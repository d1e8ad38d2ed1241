"""Journey: the superuser translates an Ia Ko article into English with wagtail-localize's own screens (the
page's "Translate" action, then the translation editor, a React app) and publishes the translation, which
answers under /en/; then the Vietnamese article changes, "Sync translated pages" brings the change to the
translation, and the translation editor shows the changed paragraph as needing translation while the
segments that did not change keep their English."""

import re
import uuid

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ADMIN = "admin"


def fresh_vietnamese_article(journey_portal, marker):
    """A published Vietnamese article of Ia Ko's news section, untranslated (made here, never a shared one)."""
    from django.utils import timezone

    from news.models import NewsIndexPage, NewsPage

    section = NewsIndexPage.objects.child_of(journey_portal.communes["ia-ko"].home).get(slug="tin-tuc")
    article = NewsPage(
        title=f"Xã Ia Ko tổ chức ngày hội đại đoàn kết {marker}",
        slug=f"ngay-hoi-dai-doan-ket-{marker}",
        lead=f"Người dân các thôn cùng tham gia ngày hội đại đoàn kết toàn dân tộc {marker}.",
        body=[("paragraph", f"<p>Ngày hội có văn nghệ, thể thao và bữa cơm đoàn kết {marker}.</p>")],
        publication_date=timezone.now(),
    )
    section.add_child(instance=article)
    article.save_revision().publish()
    article.refresh_from_db()
    return article


def header_action(page, href_part):
    """A link of the page editor's header menu (Translate, Sync translated pages...), found by its address."""
    # The menu is the header's first dropdown (its "..." button); its links are drawn when it opens.
    page.locator("header [data-w-dropdown-target=toggle]").first.click()
    page.locator(f'a[href*="{href_part}"]').first.click()


def segment(page, source_text):
    """The translation editor's row for one source string: its <li> is `complete` once translated,
    `incomplete` while it needs a translation."""
    return page.locator("li", has=page.locator(f"xpath=./p[normalize-space(.)={xpath_literal(source_text)}]"))


def xpath_literal(text):
    assert '"' not in text, "the journey's texts have no double quotes"
    return f'"{text}"'


def translate_segment(page, source_text, translation):
    row = segment(page, source_text)
    expect(row).to_have_class("incomplete")
    row.locator("button").first.click()  # "Translate": the row's only button until it is being edited
    box = row.locator("textarea")
    box.fill(translation)
    with page.expect_response(lambda response: response.request.method == "PUT" and response.ok):
        box.press("Enter")  # saves the row, like its "Save" button
    expect(row).to_have_class("complete")


def test_admin_translates_an_article_into_english_and_syncs_a_change(journey, journey_portal, live_server):
    # `live_server` (what journey_portal serves) is named so that pytest-django sets up the test database
    # when only browser tests run: it sets up the databases of tests naming `db`, `transactional_db` or
    # `live_server`, and the browser fixtures ask for it lazily.
    from wagtail.models import Locale
    from wagtail_localize.models import TranslationSource

    from news.models import NewsPage

    marker = uuid.uuid4().hex[:8]
    article = fresh_vietnamese_article(journey_portal, marker)
    english = Locale.objects.get(language_code="en")
    assert article.get_translations().filter(locale=english).count() == 0
    paragraph_vi = f"Ngày hội có văn nghệ, thể thao và bữa cơm đoàn kết {marker}."
    title_en = f"Ia Ko commune holds a great national unity festival {marker}"
    lead_en = f"People from every village join the great national unity festival {marker}."
    paragraph_en = f"The festival has music, sports and a shared meal {marker}."

    page = journey.as_user(ADMIN)
    journey.step(page, "translate action")
    page.goto(f"/admin/pages/{article.pk}/edit/")
    header_action(page, f"/admin/localize/submit/page/{article.pk}/")
    page.wait_for_url(f"**/admin/localize/submit/page/{article.pk}/**")
    journey.step(page, "choose english")
    page.locator(f"input[name=locales][value='{english.pk}']").check()
    journey.step(page, "guide:12-translate")
    with page.expect_navigation(url=lambda url: "/edit/" in url):
        page.locator("form[method=POST] input[type=submit]").click()

    translated = NewsPage.objects.get(translation_key=article.translation_key, locale=english)
    assert f"/admin/pages/{translated.pk}/edit/" in page.url

    journey.step(page, "translation editor")
    title_row = segment(page, article.title)
    expect(title_row).to_be_visible(timeout=60_000)  # the editor is drawn by React after the page loads
    translate_segment(page, article.title, title_en)
    translate_segment(page, article.lead, lead_en)
    translate_segment(page, paragraph_vi, paragraph_en)
    # The row's note is Vietnamese down to the date (wagtail-localize wrote "2 December 2026").
    expect(segment(page, article.title)).to_contain_text(re.compile(r"Đã dịch thủ công vào \d{2}/\d{2}/\d{4}"))
    page.evaluate("window.scrollTo(0, 0)")
    journey.step(page, "guide:13-translation-editor")

    journey.step(page, "publish translation")
    with page.expect_navigation():
        page.locator("footer button[name=action][value=publish]").click()
    translated.refresh_from_db()
    assert translated.live and translated.title == title_en
    english_url = translated.relative_url(journey_portal.communes["ia-ko"].site)
    assert english_url.startswith("/en/"), english_url

    reader = journey.anonymous()
    journey.step(reader, "english reader")
    assert reader.goto(english_url).status == 200
    expect(reader.locator("h1")).to_contain_text(title_en)
    expect(reader.locator("main")).to_contain_text(paragraph_en)

    # The Vietnamese article changes (its paragraph), through the ORM and published.
    changed_vi = f"Ngày hội có văn nghệ, thể thao, ẩm thực và bữa cơm đoàn kết {marker}."
    article = NewsPage.objects.get(pk=article.pk)
    article.body = [("paragraph", f"<p>{changed_vi}</p>")]
    article.save_revision().publish()

    journey.step(page, "sync")
    source = TranslationSource.objects.get_for_instance(article)
    page.goto(f"/admin/pages/{article.pk}/edit/")
    header_action(page, f"/admin/localize/update/{source.pk}/")
    page.wait_for_url(f"**/admin/localize/update/{source.pk}/**")
    with page.expect_navigation():
        page.locator("form[method=POST] input[type=submit], form[method=POST] button[type=submit]").last.click()

    journey.step(page, "editor after sync")
    page.goto(f"/admin/pages/{translated.pk}/edit/")
    expect(segment(page, changed_vi)).to_have_class("incomplete", timeout=60_000)
    segment(page, changed_vi).scroll_into_view_if_needed()
    journey.step(page, "guide:13-synced")
    expect(segment(page, paragraph_vi)).to_have_count(0)  # the old paragraph is no longer there to translate
    expect(segment(page, article.title)).to_have_class("complete")
    expect(segment(page, article.lead)).to_have_class("complete")
    # Syncing did not publish: readers still get the English published before the change.
    reader = journey.anonymous()
    assert reader.goto(english_url).status == 200
    expect(reader.locator("main")).to_contain_text(paragraph_en)
