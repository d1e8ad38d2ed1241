"""Two-step sign-in in Chromium: enrol with the QR page's key, sign in with a TOTP code computed here, use a
recovery code once, and be refused when using it a second time."""

import base64
import re
import time

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

MODERATOR = "ia-ko-kiemduyet"  # a commune moderator: two-step verification is required for them
ADMIN_PASSWORD = "mot-cau-mat-khau-dai-2026"


@pytest.fixture
def moderator_context(browser, demo_live):
    """A new moderator of the demo's Ia Ko (its own name: the demo's accounts stay as they are)."""
    from editorial.groups import MODERATORS
    from tests.factories.editorial import commune_user

    base, communes = demo_live
    user = commune_user(MODERATOR, communes["ia-ko"].site, MODERATORS)
    user.set_password(ADMIN_PASSWORD)
    user.save()
    contexts = []

    def make():
        context = browser.new_context(base_url=base, locale="vi-VN", viewport={"width": 1280, "height": 900})
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


def code_from_key(key, steps_ahead=0):
    totp = TOTP(base64.b32decode(key.replace(" ", "")), step=30, t0=0, digits=6)
    totp.time = time.time() + steps_ahead * 30
    return f"{totp.token():06d}"


def sign_in_with_password(page):
    page.goto("/admin/login/")
    page.locator("input[name=username]").fill(MODERATOR)
    page.locator("input[name=password]").fill(ADMIN_PASSWORD)
    page.locator("form.login-form button[type=submit]").click()


def enter_code(page, code):
    page.locator("input[name=code]").fill(code)
    page.locator("form.login-form button[type=submit]").click()


def test_two_step_sign_in_and_single_use_recovery_code(settings, moderator_context):
    new_context = moderator_context
    settings.ACCOUNTS_2FA_ENFORCED = True

    page = new_context().new_page()
    sign_in_with_password(page)
    expect(page).to_have_url(re.compile(r"/admin/two-factor/setup/"))
    expect(page.locator(".accounts-qr svg")).to_be_visible()  # the QR code
    key = page.locator("[data-secret]").inner_text()
    enter_code(page, code_from_key(key))
    expect(page.get_by_role("heading", name="Mã dự phòng của bạn")).to_be_visible()
    codes = page.locator(".accounts-recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    page.get_by_role("link", name="Tôi đã lưu các mã, tiếp tục").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))

    with_phone = new_context().new_page()
    sign_in_with_password(with_phone)
    expect(with_phone.get_by_role("heading", name="Xác thực hai bước")).to_be_visible()
    enter_code(with_phone, code_from_key(key, steps_ahead=1))  # the next 30-second code (no replay)
    expect(with_phone).to_have_url(re.compile(r"/admin/$"))

    without_phone = new_context().new_page()
    sign_in_with_password(without_phone)
    enter_code(without_phone, codes[0])
    expect(without_phone).to_have_url(re.compile(r"/admin/$"))
    expect(without_phone.get_by_text("còn 9 mã")).to_be_visible()

    again = new_context().new_page()
    sign_in_with_password(again)
    enter_code(again, codes[0])
    expect(again.locator(".messages .error")).to_contain_text("Mã không hợp lệ (hoặc đã được dùng)")
    again.goto("/admin/pages/")
    expect(again).to_have_url(re.compile(r"/admin/two-factor/verify/"))
