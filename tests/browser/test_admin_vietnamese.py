"""The admin as a Vietnamese editor sees it: the main screens carry no English UI text, and typing a Vietnamese
title gives the Vietnamese slug.

"English UI text" is any visible text, button value, aria-label, title or placeholder that is one of the English
messages of Wagtail, wagtail-localize, Django, taggit or the project (the catalogs' msgids), or a run of common
English interface words. Content (titles, names, the English pages' own text, form values) is not UI text.
"""

import re

import polib
import pytest
from django.test import Client
from playwright.sync_api import expect

from scripts.admin_catalog import source_entries
from scripts.catalogs import po_files

pytestmark = pytest.mark.browser

# Deliberate exceptions: words that are the same in Vietnamese admin usage, or names.
ALLOWED = {
    "Wagtail",
    "URL",
    "ID",
    "Email",
    "email",
    "HTML",
    "CSV",
    "PDF",
    "OK",
    "RSS",
    "Atom",
    "API",
    "admin",
    "Jrai",
    "English",  # the English locale's own name, in the language switcher and locale lists
    "Tiếng Việt",
    "Fax",  # the same word in Vietnamese
}
# Deliberate exceptions, per screen, with the reason (each is Wagtail's, not translatable from a catalog):
EXCEPTIONS = {
    # Wagtail's Sites listing labels its column from the field before any language is active.
    "sites": {"Root page"},
    # The aging-pages report prints Python's None for a page nobody has published from the admin (data).
    "reports-aging": {"None"},
}
COMMON_ENGLISH = re.compile(
    r"\b(the|and|your|this|these|edit|delete|add|save|publish|unpublish|settings|search|choose|upload|images?|"
    r"documents?|users?|groups?|filter|sort|status|view|more|help|pages?|draft|live|locked|history|preview|"
    r"submit|workflow|tasks?|reports?|snippets?|collections?|created|updated|by|of|to|for|no|yes|all|any)\b",
    re.IGNORECASE,
)
VIETNAMESE_LETTERS = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.I)
PLACEHOLDER = re.compile(r"%\([^)]+\)[sdif]|%[sdif]|\{[^{}]*\}")

# The text a screen shows, minus content: form values, rich-text editors, page/object titles in listings
# and headers, the translation editor's segments, user names, breadcrumbs of page titles.
COLLECT_UI_TEXT = """() => {
    const CONTENT = 'input, textarea, select, [contenteditable], .Draftail-Editor, .w-field__input, '
        + '.title-wrapper, td.title, .w-breadcrumbs, .w-header__title, [data-w-title], .avatar, '
        + '.translation-editor__segment-value, .segment-value, .w-page-title, .listing .title, '
        + 'script, style, noscript, template, code, pre, .help-block code, #wagtail-sidebar .sidebar-footer';
    const texts = [];
    const visible = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length)
        && getComputedStyle(el).visibility !== 'hidden';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode, el = node.parentElement;
        const text = node.textContent.replace(/\\s+/g, ' ').trim();
        if (!text || !el || el.closest(CONTENT) || !visible(el)) continue;
        texts.push(text);
    }
    const labelled = '[aria-label], [title], [placeholder], input[type=submit], button[value]';
    for (const el of document.querySelectorAll(labelled)) {
        if (el.closest('.Draftail-Editor, td.title, .title-wrapper')) continue;
        for (const attr of ['aria-label', 'title', 'placeholder']) {
            const value = (el.getAttribute(attr) || '').trim();
            if (value) texts.push(value);
        }
        if (el.matches('input[type=submit]') && el.value) texts.push(el.value.trim());
    }
    return [...new Set(texts)];
}"""


def english_messages():
    """Every English UI message the admin can show, as exact strings and as patterns (with placeholders)."""
    from django.conf import settings

    msgids = set()
    for domain in ("django", "djangojs"):
        msgids |= {msgid for _context, msgid in source_entries(domain)}
    for path in po_files("vi"):
        msgids |= {entry.msgid for entry in polib.pofile(str(path))}
    import django
    import taggit

    for package in (django.__path__[0] + "/contrib/auth", django.__path__[0] + "/conf", taggit.__path__[0]):
        for po in __import__("pathlib").Path(package).glob("locale/vi/LC_MESSAGES/django.po"):
            msgids |= {entry.msgid for entry in polib.pofile(str(po))}
    exact, patterns = set(), []
    for msgid in msgids:
        msgid = re.sub(r"\s+", " ", msgid).strip()
        if msgid in ALLOWED or not re.search(r"[A-Za-z]{3}", PLACEHOLDER.sub("", msgid)):
            continue
        if PLACEHOLDER.search(msgid):
            parts = [re.escape(part) for part in PLACEHOLDER.split(msgid)]
            if sum(len(p) for p in parts) > 12:
                patterns.append(re.compile("^" + ".+".join(parts) + "$"))
        else:
            exact.add(msgid)
    assert settings.LANGUAGE_CODE == "vi"
    return exact, patterns


def english_in(texts, exact, patterns):
    found = []
    for text in texts:
        if text in ALLOWED or VIETNAMESE_LETTERS.search(text):
            continue
        plain = text.rstrip(":.…").strip()
        if (
            plain in exact
            or text in exact
            or any(p.match(text) for p in patterns)
            or len(COMMON_ENGLISH.findall(text)) >= 1
            and len(text.split()) >= 2
            and text.isascii()
        ):
            found.append(text)
    return found


def signed_in_context(browser, base, user):
    client = Client()
    client.force_login(user)
    context = browser.new_context(base_url=base, viewport={"width": 1280, "height": 900}, locale="vi-VN")
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}])
    return context


def admin_screens(communes):
    """The main admin screens: dashboard, explorer, the editor of each page type, images, documents, snippets,
    workflows and tasks, reports, the translation editor, settings, users, sites, locales, redirects."""
    from django.apps import apps
    from wagtail.images import get_image_model
    from wagtail.models import Page
    from wagtail.snippets.models import get_snippet_models

    from core.models import BasePage

    home = communes["ia-ko"].home
    site = communes["ia-ko"].site
    screens = [
        ("dashboard", "/admin/"),
        ("explorer", f"/admin/pages/{home.pk}/"),
        ("images", "/admin/images/"),
        ("documents", "/admin/documents/"),
        ("snippets", "/admin/snippets/"),
        ("workflows", "/admin/workflows/list/"),
        ("workflow-tasks", "/admin/workflows/tasks/index/"),
        ("reports-locked", "/admin/reports/locked/"),
        ("reports-history", "/admin/reports/site-history/"),
        ("reports-workflow", "/admin/reports/workflow/"),
        ("reports-aging", "/admin/reports/aging-pages/"),
        ("users", "/admin/users/"),
        ("groups", "/admin/groups/"),
        ("sites", "/admin/sites/"),
        ("locales", "/admin/locales/"),
        ("redirects", "/admin/redirects/"),
        ("collections", "/admin/collections/"),
        ("search", "/admin/pages/search/?q=tin"),
        ("account", "/admin/account/"),
    ]
    image = get_image_model().objects.first()
    if image:
        screens.append(("image-edit", f"/admin/images/{image.pk}/"))
    pages = Page.objects.descendant_of(home, inclusive=True).filter(locale_id=home.locale_id).specific()
    seen = set()
    for page in pages.order_by("path"):
        if type(page) in seen or not isinstance(page, BasePage):
            continue
        seen.add(type(page))
        screens.append((f"edit-{type(page).__name__}", f"/admin/pages/{page.pk}/edit/"))
    for model in get_snippet_models():
        opts = model._meta
        screens.append((f"snippet-{opts.model_name}", f"/admin/snippets/{opts.app_label}/{opts.model_name}/"))
    translated = Page.objects.filter(locale__language_code="en", translation_key=home.translation_key).first()
    if translated:
        screens.append(("translation-editor", f"/admin/pages/{translated.pk}/edit/"))
    for model in apps.get_models():
        if getattr(model, "_meta", None) and model.__module__.startswith("core.models") and hasattr(model, "for_site"):
            opts = model._meta
            screens.append(
                (f"settings-{opts.model_name}", f"/admin/settings/{opts.app_label}/{opts.model_name}/{site.pk}/")
            )
    return screens


def test_main_admin_screens_show_no_english(browser, demo_live):
    from django.contrib.auth import get_user_model

    base, communes = demo_live
    user = get_user_model().objects.filter(is_superuser=True).first()
    exact, patterns = english_messages()
    context = signed_in_context(browser, base, user)
    page = context.new_page()
    findings = {}
    for name, url in admin_screens(communes):
        response = page.goto(base + url)
        assert response.status == 200, (name, url, response.status)
        page.wait_for_load_state("networkidle")
        found = [
            text
            for text in english_in(page.evaluate(COLLECT_UI_TEXT), exact, patterns)
            if text not in EXCEPTIONS.get(name, ())
        ]
        if found:
            findings[name] = found
    context.close()
    assert findings == {}, "\n".join(f"{name}: {found}" for name, found in findings.items())


def test_slug_typed_in_the_admin(browser, demo_live):
    from django.contrib.auth import get_user_model

    from news.models import NewsIndexPage

    base, communes = demo_live
    index = NewsIndexPage.objects.descendant_of(communes["ia-ko"].home).first()
    user = get_user_model().objects.create_superuser("editor-slug", "e@example.com", "a-long-password-1")
    context = signed_in_context(browser, base, user)
    page = context.new_page()
    page.goto(f"{base}/admin/pages/add/news/newspage/{index.pk}/")
    page.locator("#id_title").fill("Thôn Đồng Tâm khánh thành nhà văn hóa mới")
    page.locator("#id_title").blur()
    slug = page.locator("#id_slug")
    expect(slug).to_have_value("thon-dong-tam-khanh-thanh-nha-van-hoa-moi")  # synced after a short debounce
    # The editor can still write the slug by hand (in the tab that holds it); leaving the field folds what
    # was typed the same way.
    tab_panel = page.evaluate("document.getElementById('id_slug').closest('[role=tabpanel]').id")
    page.locator(f"[role=tab][aria-controls='{tab_panel}']").click()
    slug.fill("Người dân Ia Ko")
    slug.blur()
    expect(slug).to_have_value("nguoi-dan-ia-ko")
    context.close()
