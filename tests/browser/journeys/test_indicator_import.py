"""Journey: an editor of Ia Ko imports indicator data from a CSV file through the admin form.

A good file: preview, confirm, and the public indicators page shows the new value. A bad file: refused with
the row and column named, and nothing saved.
"""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

EDITOR = "iako-bientap"
CODE = "ty-le-dung-han"  # "Tỷ lệ hồ sơ giải quyết đúng hạn", quarterly, one decimal place


def latest_observation(journey_portal):
    from indicators.models import Observation

    site = journey_portal.communes["ia-ko"].site
    return (
        Observation.objects.filter(indicator__site=site, indicator__code=CODE)
        .order_by("-period_start")
        .select_related("indicator")
        .first()
    )


def upload(page, tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    page.goto("/admin/indicators/import/")
    page.locator("input[name=number_format][value=plain]").check()
    page.locator("input[type=file][name=file]").set_input_files(str(path))
    page.locator("button[name=action][value=preview]").click()
    page.wait_for_load_state()


def test_editor_imports_indicator_values_from_a_csv_file(journey, journey_portal, tmp_path):
    from indicators.models import Observation

    latest = latest_observation(journey_portal)
    assert latest is not None
    period = latest.period_code
    page = journey.as_user(EDITOR)

    # A bad file first: refused as a whole with the row and column, nothing saved.
    before = list(Observation.objects.order_by("pk").values_list("pk", "value"))
    upload(
        page,
        tmp_path,
        "loi.csv",
        f"code,period,value,rank,rank_of,note\n{CODE},{period},96.4,,,\nkhong-co-ma,{period},12,,,\n",
    )
    errors = page.locator(".indicator-import-errors li")
    expect(errors).to_have_count(1)
    expect(errors.first).to_contain_text("3")  # the third line of the file (the header is line 1)
    expect(errors.first).to_contain_text("code")
    expect(errors.first).to_contain_text("khong-co-ma")
    journey.step(page, "guide:15-indicators-error")
    assert list(Observation.objects.order_by("pk").values_list("pk", "value")) == before

    # The right file: a preview, nothing saved yet; then confirmed.
    upload(page, tmp_path, "dung.csv", f"code,period,value,rank,rank_of,note\n{CODE},{period},96.4,2,34,Quý tốt nhất\n")
    preview = page.locator("table.listing tbody tr")
    expect(preview).to_have_count(1)
    expect(preview.first).to_contain_text(period)
    expect(preview.first).to_contain_text("96")
    journey.step(page, "guide:14-indicators-preview")
    latest.refresh_from_db()
    assert latest.value != Decimal("96.4")
    page.locator("button[name=action][value=confirm]").click()
    page.wait_for_url("**/admin/snippets/indicators/observation/**")
    latest.refresh_from_db()
    assert latest.value == Decimal("96.4") and latest.rank == 2 and latest.rank_of == 34

    reader = journey.anonymous()
    assert reader.goto("/cac-chi-so/").status == 200
    expect(reader.locator("main")).to_contain_text("96,4")  # Vietnamese decimal comma
