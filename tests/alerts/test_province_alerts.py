"""Province-wide alerts: an alert of the province site marked "show on every commune's site" (a storm warning)
is shown on every commune's pages with the same window and dismissal; nothing else crosses sites."""

import pytest

from alerts.dismissal import COOKIE_NAME, alert_key
from alerts.models import AlertBanner
from tests.factories.alerts import make_alert
from tests.province.conftest import HOST, make_communes, make_province

pytestmark = pytest.mark.django_db


@pytest.fixture
def province_and_communes(db):
    province = make_province()
    (commune_a, _), (commune_b, _) = make_communes(2, 0, names=["Ia Ko", "Ia Pal"])
    return province, commune_a, commune_b


def page_text(client, host, **cookies):
    client.cookies.clear()
    for name, value in cookies.items():
        client.cookies[name] = value
    response = client.get("/", HTTP_HOST=host)
    assert response.status_code == 200
    return response.content.decode()


def test_a_province_wide_alert_shows_on_every_commune_and_a_province_only_one_does_not(client, province_and_communes):
    province, commune_a, commune_b = province_and_communes
    site = province.get_site()
    make_alert(site, title="Cảnh báo bão số 9", severity="emergency", show_on_communes=True)
    make_alert(site, title="Họp báo của tỉnh")
    for host in ("xa0.gialai.gov.vn", "xa1.gialai.gov.vn"):
        html = page_text(client, host)
        assert "Cảnh báo bão số 9" in html and "Họp báo của tỉnh" not in html, host
    html = page_text(client, HOST)
    assert "Cảnh báo bão số 9" in html and "Họp báo của tỉnh" in html


def test_a_communes_alert_stays_on_its_own_site(client, province_and_communes):
    _, commune_a, _ = province_and_communes
    make_alert(commune_a.site, title="Cúp nước thôn 3")
    assert "Cúp nước thôn 3" in page_text(client, "xa0.gialai.gov.vn")
    assert "Cúp nước thôn 3" not in page_text(client, "xa1.gialai.gov.vn")
    assert "Cúp nước thôn 3" not in page_text(client, HOST)


def test_the_same_window_applies_and_an_ended_province_alert_leaves_every_commune(client, province_and_communes):
    province, _, _ = province_and_communes
    site = province.get_site()
    make_alert(site, title="Bão sắp tới", starts_in=3, ends_in=9, show_on_communes=True)
    make_alert(site, title="Bão đã qua", starts_in=-9, ends_in=-1, show_on_communes=True)
    html = page_text(client, "xa0.gialai.gov.vn")
    assert "Bão sắp tới" not in html and "Bão đã qua" not in html


def test_a_reader_who_hides_it_on_one_commune_no_longer_sees_it_there(client, province_and_communes):
    province, _, _ = province_and_communes
    alert = make_alert(province.get_site(), title="Lũ quét", show_on_communes=True)
    key = alert_key(alert.translation_key)
    response = client.post("/alerts/dismiss/", {"alert": key, "next": "/"}, HTTP_HOST="xa0.gialai.gov.vn")
    assert response.status_code == 302 and response.cookies[COOKIE_NAME].value == key
    assert "Lũ quét" not in page_text(client, "xa0.gialai.gov.vn", **{COOKIE_NAME: key})
    assert "Lũ quét" in page_text(client, "xa0.gialai.gov.vn")  # other readers still see it


def test_a_new_province_alert_reaches_a_communes_page_already_in_the_cache(client, province_and_communes):
    province, _, _ = province_and_communes
    assert "Mưa lớn" not in page_text(client, "xa1.gialai.gov.vn")  # cached without it
    alert = make_alert(province.get_site(), title="Mưa lớn", show_on_communes=True)
    assert "Mưa lớn" in page_text(client, "xa1.gialai.gov.vn")
    alert.show_on_communes = False
    alert.save()
    assert "Mưa lớn" not in page_text(client, "xa1.gialai.gov.vn")


def test_the_flag_is_refused_on_a_communes_alert_and_with_a_section(province_and_communes):
    province, commune_a, _ = province_and_communes
    from django.core.exceptions import ValidationError

    commune_alert = AlertBanner(site=commune_a.site, locale=province.locale, show_on_communes=True)
    with pytest.raises(ValidationError) as refused:
        commune_alert.clean()
    assert "show_on_communes" in refused.value.message_dict
    child = province.get_children().first() or province
    sectioned = AlertBanner(site=province.get_site(), locale=province.locale, show_on_communes=True, section=child)
    with pytest.raises(ValidationError) as refused:
        sectioned.clean()
    assert "section" in refused.value.message_dict
