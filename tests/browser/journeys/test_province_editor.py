"""Journey: the province editor (the demo's `tinh-bientap`) warns every commune of a storm, updates the province
home, and cannot touch a commune's pages: through the real admin, in Vietnamese, and as residents meet it on
a phone opened from a shared link."""

import re

import pytest
from playwright.sync_api import expect

from . import admin

pytestmark = pytest.mark.browser

EDITOR = "tinh-bientap"
ALERT = "Bão số 13 đổ bộ đêm nay – hành trình biên tập tỉnh"
PHONE = {"width": 375, "height": 740}


@pytest.fixture
def province(journey_portal):
    from wagtail.models import Site

    from province.demo import HOSTNAME

    site = Site.objects.get(hostname=HOSTNAME)
    yield site
    from alerts.models import AlertBanner

    AlertBanner.objects.filter(title=ALERT).delete()  # the shared portal's other tests never meet the storm


def test_province_editor_warns_every_commune_and_cannot_edit_a_commune(journey, journey_portal, province):
    page = journey.as_user(EDITOR)

    # The dashboard speaks of their own portal: its name, its two home pages, never "Wagtail".
    page.goto("/admin/")
    expect(page.locator("h1")).to_contain_text("tỉnh Gia Lai")
    expect(page.locator(".w-summary")).to_contain_text(re.compile(r"\b2 trang\b"))
    assert "Wagtail" not in page.title() and "Quản trị cổng thông tin" in page.title()

    # A storm warning for every commune: their only site is chosen, the times start now for one day.
    page.goto("/admin/snippets/alerts/alertbanner/add/")
    expect(page.locator("#id_site option[selected]")).to_have_attribute("value", str(province.pk))
    expect(page.locator("#id_starts_at")).not_to_have_value("")
    expect(page.locator("#id_ends_at")).not_to_have_value("")
    page.locator("#id_title").fill(ALERT)
    page.locator("#id_message").fill("Người dân chằng chống nhà cửa, không ra đồng, không đi qua suối.")
    page.locator("#id_severity").select_option("emergency")
    page.locator("#id_show_on_communes").check()
    page.locator("#w-editor-form button[type=submit]").first.click()
    expect(page.locator(".messages .success, .messages [class*=success]").first).to_be_visible()
    expect(page.locator("main")).to_contain_text(ALERT)

    # Residents of two communes, on a phone, from a link shared on Facebook: the warning is on their page.
    port = journey_portal.base.rsplit(":", 1)[1]
    other = next(c for key, c in journey_portal.communes.items() if key not in ("ia-ko", "ia-pal"))
    reader = journey.anonymous()
    reader.set_viewport_size(PHONE)
    for root in (journey_portal.base, f"http://{other.site.hostname}:{port}"):
        reader.goto(f"{root}/?fbclid=IwAR0journey")
        expect(reader.get_by_role("heading", name=re.compile(re.escape(ALERT)))).to_be_visible()

    # A commune's home and its news section are refused, in Vietnamese; the province home is theirs.
    commune = journey_portal.communes["ia-ko"]
    news, _ = admin.ia_ko_news(journey_portal)
    for target in (commune.home, news):
        admin.refused(page, f"/admin/pages/{target.pk}/edit/")

    home = province.root_page
    page.goto(f"/admin/pages/{home.pk}/edit/")
    intro = "Cổng thông tin tỉnh Gia Lai: các xã, tin tức và chỉ số (cập nhật trong hành trình biên tập)."
    page.locator("#id_intro").fill(intro)
    page.locator("footer [data-w-dropdown-target=toggle]").first.click()
    submit = page.locator("footer button[name=action-submit]")
    expect(submit).not_to_contain_text("Moderators")  # their own "Duyệt tin" workflow, in Vietnamese
    page.locator("footer button[name=action-publish]").click()
    admin.left_the_editor(page)
    resident = journey.anonymous()
    resident.goto(f"http://{province.hostname}:{port}/")
    expect(resident.locator("main")).to_contain_text(intro)
