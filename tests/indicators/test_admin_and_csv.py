"""Admin isolation between communes, CSV import (all or nothing) and export, and the open-data files."""

import csv
import io
import json
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from indicators.csvio import MAX_BYTES
from indicators.models import Indicator, Observation
from tests.factories.indicators import indicator_editor, make_indicator

pytestmark = pytest.mark.django_db
HOST_A = {"HTTP_HOST": "a.gialai.gov.vn"}
IMPORT_URL = "/admin/indicators/import/"


@pytest.fixture
def setup(two_sites, client):
    a, b = two_sites
    ind_a = make_indicator(a.site, values=[("2024", "6.9", 13, 34)])
    make_indicator(a.site, code="dan-so", name="Dân số", decimal_places=0, unit="người")
    ind_b = make_indicator(b.site, name="Chỉ số xã B", values=[("2024", "9.9")])
    editor = indicator_editor("editor_a", a.site)
    client.force_login(editor)
    client.defaults.update(HOST_A)
    return a, b, ind_a, ind_b


def refused(response):
    if response.status_code == 403:
        return True
    return response.status_code == 302 and response["Location"] == "/admin/"


def snapshot():
    return sorted(
        Observation.objects.values_list("indicator_id", "period_kind", "period_start", "value", "rank", "note")
    )


def upload(client, text, site, number_format="vi", action="preview", encoding="utf-8"):
    data = {"site": site.pk, "number_format": number_format, "action": action}
    data["file"] = SimpleUploadedFile("so-lieu.csv", text.encode(encoding), content_type="text/csv")
    return client.post(IMPORT_URL, data)


def confirm(client, text, site, number_format="vi"):
    return client.post(
        IMPORT_URL, {"site": site.pk, "number_format": number_format, "action": "confirm", "content": text}
    )


def test_editor_of_commune_a_cannot_list_see_or_edit_commune_b_indicators(client, setup):
    a, b, ind_a, ind_b = setup
    listing = client.get("/admin/snippets/indicators/indicator/").content.decode()
    assert "Tỷ lệ hộ nghèo" in listing and "Chỉ số xã B" not in listing
    assert client.get(f"/admin/snippets/indicators/indicator/edit/{ind_a.pk}/").status_code == 200
    assert refused(client.get(f"/admin/snippets/indicators/indicator/edit/{ind_b.pk}/"))
    assert refused(client.post(f"/admin/snippets/indicators/indicator/delete/{ind_b.pk}/"))
    assert Indicator.objects.filter(pk=ind_b.pk).exists()
    observation_b = ind_b.observations.get()
    observations = client.get("/admin/snippets/indicators/observation/").content.decode()
    assert f"/edit/{ind_a.observations.get().pk}/" in observations
    assert f"/edit/{observation_b.pk}/" not in observations
    assert refused(client.get(f"/admin/snippets/indicators/observation/edit/{observation_b.pk}/"))
    # The add form offers only commune A's indicators.
    form = client.get("/admin/snippets/indicators/observation/add/").content.decode()
    assert "Tỷ lệ hộ nghèo" in form and "Chỉ số xã B" not in form
    # Import/export into commune B is refused even with a forged site.
    before = snapshot()
    assert refused(upload(client, "code,period,value\nho-ngheo,2025,1\n", b.site))
    assert refused(confirm(client, "code,period,value\nho-ngheo,2025,1\n", b.site))
    assert refused(client.get("/admin/indicators/export/", {"export-site": b.site.pk, "export-number_format": "vi"}))
    assert snapshot() == before


def test_editor_adds_an_observation_through_the_admin_form(client, setup):
    a, b, ind_a, ind_b = setup
    response = client.post(
        "/admin/snippets/indicators/observation/add/",
        {
            "indicator": ind_a.pk,
            "period_kind": "year",
            "period_start": "2025-06-30",
            "value": "5.8",
            "rank": "12",
            "rank_of": "34",
            "note": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    observation = Observation.objects.get(indicator=ind_a, period_start__year=2025)
    assert observation.period_start.isoformat() == "2025-01-01" and observation.value == Decimal("5.8")
    response = client.post(
        "/admin/snippets/indicators/observation/add/",
        {"indicator": ind_b.pk, "period_kind": "year", "period_start": "2025-01-01", "value": "1"},
    )
    assert response.status_code == 200  # invalid choice: B's indicator is not offered
    assert not Observation.objects.filter(indicator=ind_b, period_start__year=2025).exists()


def test_import_preview_then_confirm(client, setup):
    a, b, ind_a, ind_b = setup
    text = (
        "code,period,value,rank,rank_of,note\n"
        'ho-ngheo,2025,"5,8",12,34,Sơ bộ\n'
        'ho-ngheo,2024,"6,7",13,34,\n'
        'dan-so,2025-Q3,"15.820",,,\n'
        'dan-so,2025-07-15,"1.234,5",,,\n'
    )
    page = client.get(IMPORT_URL).content.decode()
    assert "Định dạng số" in page and "1.234,5" in page and "Tải về CSV" in page
    before = snapshot()
    response = upload(client, text, a.site)
    html = response.content.decode()
    assert response.status_code == 200 and "Xem trước: 4 dòng" in html and "cập nhật" in html
    assert snapshot() == before  # a preview writes nothing
    response = confirm(client, text, a.site)
    assert response.status_code == 302
    values = {(o.indicator.code, o.period_code): o for o in Observation.objects.filter(indicator__site=a.site)}
    assert values["ho-ngheo", "2025"].value == Decimal("5.8") and values["ho-ngheo", "2025"].note == "Sơ bộ"
    assert values["ho-ngheo", "2024"].value == Decimal("6.7")  # existing period updated
    assert values["dan-so", "2025-Q3"].value == Decimal("15820")
    assert values["dan-so", "2025-07-15"].value == Decimal("1234.5")
    assert len(values) == 4


def test_plain_number_format_is_explicit(client, setup):
    a, *_ = setup
    assert confirm(client, "code,period,value\nho-ngheo,2025,1234.5\n", a.site, "plain").status_code == 302
    assert Observation.objects.get(indicator__code="ho-ngheo", period_start__year=2025).value == Decimal("1234.5")
    before = snapshot()
    response = confirm(client, "code,period,value\nho-ngheo,2026,1234.5\n", a.site, "vi")
    assert response.status_code == 400 and snapshot() == before


@pytest.mark.parametrize(
    "bad_row, column, message",
    [
        ("khong-co,2025,1", "code", "không có chỉ số mã “khong-co”"),
        ('ho-ngheo,2025,"1,2,3"', "value", "không phải là số"),
        ("ho-ngheo,2025,abc", "value", "không phải là số"),
        ("ho-ngheo,2025-Q5,1", "period", "không phải là kỳ số liệu"),
        ("ho-ngheo,2025-02-30,1", "period", "không phải là kỳ số liệu"),
        ("ho-ngheo,2023,7", "period", "đã có ở dòng 2"),
        ("ho-ngheo,2022,7,x,34", "rank", "không phải là số nguyên"),
        ("ho-ngheo,2022,7,40,34", "rank", "thứ hạng lớn hơn"),
    ],
)
def test_any_bad_row_rejects_the_whole_file(client, setup, bad_row, column, message):
    a, *_ = setup
    text = f'code,period,value,rank,rank_of\nho-ngheo,2023,"7,1",,\ndan-so,2025,15820,,\n{bad_row}\n'
    before = snapshot()
    for response in (upload(client, text, a.site), confirm(client, text, a.site)):
        html = response.content.decode()
        assert response.status_code == 400
        assert "Tệp bị từ chối" in html
        assert f"Dòng 4, cột “{column}”" in html and message in html, html[html.find("help-critical") :][:800]
        assert snapshot() == before


def test_missing_column_and_oversize_file_are_rejected(client, setup):
    a, *_ = setup
    before = snapshot()
    response = upload(client, "code,value\nho-ngheo,1\n", a.site)
    assert response.status_code == 400 and "Thiếu cột: period" in response.content.decode()
    big = "code,period,value\n" + "ho-ngheo,2025,1\n" * (MAX_BYTES // 16 + 10)
    response = upload(client, big, a.site)
    assert response.status_code == 400 and "Tệp lớn hơn 1024 KB" in response.content.decode()
    assert snapshot() == before


@pytest.mark.parametrize("number_format", ["vi", "plain"])
def test_export_then_import_gives_the_same_data(client, setup, number_format):
    a, *_ = setup
    text = (
        "code,period,value,rank,rank_of,note\n"
        'ho-ngheo,2025,"5,75",12,34,"Ghi chú, có dấu phẩy"\n'
        'dan-so,2025-07,"15.820",,,\n'
    )
    assert confirm(client, text, a.site).status_code == 302
    exported = client.get(
        "/admin/indicators/export/", {"export-site": a.site.pk, "export-number_format": number_format}
    )
    assert exported.status_code == 200 and exported["Content-Type"].startswith("text/csv")
    before = snapshot()
    Observation.objects.filter(indicator__site=a.site).delete()
    assert confirm(client, exported.content.decode(), a.site, number_format).status_code == 302
    assert snapshot() == before
    rows = list(csv.reader(io.StringIO(exported.content.decode())))
    assert rows[0] == ["code", "period", "value", "rank", "rank_of", "note"]
    assert "Chỉ số xã B" not in exported.content.decode()


def test_open_data_json_and_csv_are_per_site_and_cacheable(client, setup):
    a, b, ind_a, ind_b = setup
    client.logout()
    response = client.get("/open-data/indicators.json", **HOST_A)
    assert (
        response.status_code == 200
        and "public" in response["Cache-Control"]
        and "max-age=300" in response["Cache-Control"]
    )
    payload = json.loads(response.content)
    codes = {indicator["code"]: indicator for indicator in payload["indicators"]}
    assert set(codes) == {"ho-ngheo", "dan-so"}
    assert codes["ho-ngheo"]["observations"] == [
        {
            "period": "2024",
            "period_kind": "year",
            "period_start": "2024-01-01",
            "value": "6.9",
            "rank": 13,
            "rank_of": 34,
            "note": "",
        }
    ]
    other = json.loads(client.get("/open-data/indicators.json", HTTP_HOST="b.gialai.gov.vn").content)
    assert [indicator["name"] for indicator in other["indicators"]] == ["Chỉ số xã B"]
    response = client.get("/open-data/indicators.csv", **HOST_A)
    assert response["Content-Type"].startswith("text/csv") and "public" in response["Cache-Control"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert rows == [
        {
            "code": "ho-ngheo",
            "name": "Tỷ lệ hộ nghèo",
            "group": "other",
            "unit": "%",
            "period": "2024",
            "value": "6.9",
            "rank": "13",
            "rank_of": "34",
            "note": "",
        }
    ]
    # Stable, language-independent URLs.
    assert client.get("/en/open-data/indicators.json", **HOST_A).status_code == 404
