"""What an editor does in Wagtail's admin, as Playwright steps shared by the journeys.

Every selector is a name, an id, a data-* attribute, an icon or a URL: never a label, since the admin's text
changes language (English, Vietnamese) while its catalogs are being completed.
"""

import io
import re

from playwright.sync_api import expect

EDIT_URL = re.compile(r"/admin/pages/(\d+)/edit/")


def make_image_file(path, size=(800, 500)):
    """A JPEG unlike any other in the library (Wagtail asks before keeping a duplicate upload)."""
    import random

    from PIL import Image, ImageDraw

    colour = tuple(random.randrange(40, 200) for _ in range(3))
    picture = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(picture)
    draw.ellipse([size[0] // 3, size[1] // 4, size[0] // 3 * 2, size[1] // 4 * 3], fill=(255, 205, 0))
    for _ in range(12):
        x, y = random.randrange(size[0]), random.randrange(size[1])
        draw.rectangle([x, y, x + 60, y + 40], fill=tuple(random.randrange(256) for _ in range(3)))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=80)
    path.write_bytes(buffer.getvalue())
    return path


# --- StreamField ---------------------------------------------------------------------------------------------


def add_block(page, field, icon):
    """Append a block to a StreamField: the last "+" button, then the block type picked by its icon."""
    count_input = page.locator(f"input[name={field}-count]")
    before = int(count_input.input_value())
    page.locator(f"[data-contentpath={field}] button.c-sf-add-button").last.click()
    page.locator(f'[role=option]:has(use[href="#icon-{icon}"])').first.click()
    # The block is drawn before the count is updated: on a loaded machine an early read named block -1.
    expect(count_input).to_have_value(str(before + 1))
    return f"{field}-{before}-value"


def add_heading(page, text, field="body"):
    prefix = add_block(page, field, "title")
    page.locator(f"input[name={prefix}-text]").fill(text)


def add_paragraph(page, text, field="body"):
    prefix = add_block(page, field, "pilcrow")
    editor = page.locator(f"input[name={prefix}]").locator("xpath=..").locator("[contenteditable=true]")
    editor.click()
    editor.type(text)
    typed_text_kept(page, text, field)  # a save sooner would keep the block empty


def add_image_block(page, image_path, title, alt_text, caption, field="body"):
    prefix = add_block(page, field, "image")
    chooser = page.locator(f"input[name={prefix}-image-image]").locator("xpath=..")
    chooser.locator("[data-chooser-action-choose]").click()
    upload_in_chooser(page, image_path, title)
    expect(page.locator(f"input[name={prefix}-image-image]")).not_to_have_value("")
    page.locator(f"input[name={prefix}-image-alt_text]").fill(alt_text)
    page.locator(f"input[name={prefix}-caption]").fill(caption)


# --- choosers ------------------------------------------------------------------------------------------------


def upload_in_chooser(page, image_path, title):
    """In an open image chooser: the upload tab, a file and a title; the uploaded image is chosen."""
    modal = page.locator(".modal.show, .modal[aria-hidden=false], .modal").last
    modal.locator("#tab-label-upload").click()
    form = modal.locator("form[data-chooser-modal-creation-form]")
    form.locator("input[type=file]").set_input_files(str(image_path))
    form.locator("input[name$=-title]").fill(title)
    form.locator("button[type=submit]").click()
    expect(page.locator(".modal-dialog")).to_have_count(0)


def choose_existing_image(page, field, title):
    """Open a field's image chooser, search the library for `title` and pick it."""
    page.locator(f"[data-contentpath={field}] [data-chooser-action-choose]").first.click()
    modal = page.locator(".modal-dialog")
    modal.locator("input[name=q]").fill(title)
    modal.locator("#search-results a[data-chooser-modal-choice]").first.click()
    expect(page.locator(".modal-dialog")).to_have_count(0)
    expect(page.locator(f"input[name={field}]")).not_to_have_value("")


def add_tag(page, tag):
    field = page.locator("[data-contentpath=tags], [data-field-wrapper]:has(input[name=tags])").first
    box = field.locator("input:not([name]):not([type=hidden])").first
    box.click()
    box.type(tag)
    box.press("Enter")


# --- comments ---------------------------------------------------------------------------------------------


def add_comment(page, field, text):
    """A comment on a field, through the comments side panel. Under load (CI's two suites on two cores) the
    first click on "Comment" was seen to leave the new comment open, unsaved: as an editor would, click again."""
    page.locator(f"[data-contentpath={field}] [data-comment-add]").first.click()
    box = page.locator("textarea.comment__input").last
    expect(box).to_be_visible()
    box.fill(text)
    expect(box).to_have_value(text)
    shown = page.locator(".comment__text").filter(has_text=text).first
    for _ in range(2):
        page.locator(".comment__button--primary").last.click()
        try:
            expect(shown).to_be_visible(timeout=10_000)
            return
        except AssertionError:
            if box.count() and box.input_value() != text:
                box.fill(text)
    page.locator(".comment__button--primary").last.click()
    expect(shown).to_be_visible()


# --- the footer's actions ------------------------------------------------------------------------------------


def save_draft(page):
    page.locator("footer button.action-save").click()
    page.wait_for_url(EDIT_URL)
    expect(page.locator(".messages .success, .messages [class*=success]").first).to_be_visible()
    return int(EDIT_URL.search(page.url).group(1))


def footer_action(page, selector):
    """A button of the footer's "more actions" menu (e.g. [name=action-submit])."""
    page.locator("footer [data-w-dropdown-target=toggle]").first.click()
    button = page.locator(f"footer {selector}").first
    button.click()


def submit_for_moderation(page):
    footer_action(page, "button[name=action-submit]")
    page.wait_for_load_state()
    expect(page.locator(".messages .success, .messages [class*=success]").first).to_be_visible()


def workflow_action(page, name):
    """A workflow task's action (approve, reject...) from the footer: its button carries the action's name."""
    footer_action(page, f"button[data-workflow-action-name={name}]")


def open_preview(page):
    """The preview side panel: its iframe shows the unsaved article as readers will see it."""
    page.locator("[data-side-panel-toggle=preview]").click()
    # Wagtail swaps in a fresh iframe when a preview has loaded: the last one is the current one.
    return page.frame_locator("iframe[data-w-preview-target=iframe]").last


# --- waiting for the admin ------------------------------------------------------------------------------------


def left_the_editor(page):
    """After an action that leaves the editor (submit, a workflow action): wait for the next page itself, since
    the editor may still show the success message of an earlier save, then for its success message."""
    page.wait_for_url(lambda url: not EDIT_URL.search(url))
    expect(page.locator(".messages .success, .messages [class*=success]").first).to_be_visible()


def submit_and_leave(page):
    """Submit for moderation (or resubmit after a request for changes) and wait until the admin has done it."""
    footer_action(page, "button[name=action-submit]")
    left_the_editor(page)


def typed_text_kept(page, text, field="body"):
    """Wait until a rich text block's hidden input holds `text`: Draftail copies what is typed into it only a
    moment later (its save interval), and a draft saved sooner keeps the block empty."""
    page.wait_for_function(
        """([field, text]) => Array.from(document.querySelectorAll(`[data-contentpath=${field}] input[type=hidden]`))
            .some((input) => input.value.includes(text))""",
        arg=[field, text],
    )


# --- refusals ------------------------------------------------------------------------------------------------


def refused(page, url):
    """Opening `url` gives the admin's refusal: back on the dashboard with an error message, no crash."""
    response = page.goto(url)
    assert response.status in (200, 403), f"{url} answered {response.status}"
    assert "/edit/" not in page.url and "/delete/" not in page.url
    message = page.locator(".messages .error, .messages [class*=error], main h1, .w-header__title").first
    expect(message).to_be_visible()
    text = page.locator("body").inner_text()
    assert "Traceback" not in text and "Server Error" not in text
    assert "permission" not in text.lower(), "the refusal is shown in English"


# --- the demo's Ia Ko: its accounts (core/demo.py) and its news section --------------------------------------

EDITOR, MODERATOR = "iako-bientap", "iako-kiemduyet"


def ia_ko_news(journey_portal):
    """(news section, the "van-hoa" category) of the demo's Ia Ko."""
    from news.models import NewsCategory, NewsIndexPage

    commune = journey_portal.communes["ia-ko"]
    section = NewsIndexPage.objects.child_of(commune.home).get(slug="tin-tuc")
    category = NewsCategory.objects.get(site=commune.site, locale=commune.home.locale, slug="van-hoa")
    return section, category
