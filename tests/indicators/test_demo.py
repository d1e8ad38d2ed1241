"""The demo indicators: every commune has its page, realistic data and both fallbacks on show."""

import pytest

from core.demo import load_all
from indicators.models import Indicator, IndicatorsPage, Observation
from tests.factories.core import url_of

pytestmark = pytest.mark.django_db


def test_demo_indicators_load_twice_and_render_in_both_languages(client, demo):
    counts = (Indicator.objects.count(), Observation.objects.count(), IndicatorsPage.objects.count())
    load_all()
    assert (Indicator.objects.count(), Observation.objects.count(), IndicatorsPage.objects.count()) == counts
    for commune in demo.values():
        page = commune.extras["indicators_page"]
        assert page.show_in_menus and page.title == "Các chỉ số"
        html = client.get(url_of(page), HTTP_HOST=commune.site.hostname, SERVER_PORT=commune.site.port).content.decode()
        assert "Chỉ số phục vụ người dân, doanh nghiệp (QĐ 766)" in html and "/5" in html
        assert "Không có dữ liệu" in html  # the indicator without data yet
        assert "số liệu gần nhất" in html  # the one whose latest period is missing
        assert html.count("<svg") >= 9
    english = IndicatorsPage.objects.get(locale__language_code="en", url_path__startswith="/ia-ko")
    html = client.get("/en/cac-chi-so/", HTTP_HOST=demo["ia-ko"].site.hostname).content.decode()
    assert english.title == "Indicators" and "Service to citizens and businesses index (Decision 766)" in html
