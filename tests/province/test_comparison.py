"""The indicator comparison on the province hub (/chi-so/): shared codes, a rank computed from the communes'
own data, sort links, open data, the directory's headline indicators, visibility, languages, constant queries."""

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from wagtail.models import PageViewRestriction

from core.demo import translate_page
from tests.factories.core import en
from tests.factories.indicators import make_indicator
from tests.html.test_html_validity import pytestmark as html_marks
from tests.html.test_html_validity import run_vnu
from tests.province.conftest import count_queries, make_communes

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"
WHOLE = {"unit": "%", "decimal_places": 0}


def body(response):
    return response.content.decode()


def main(html):
    return html.split("<main", 1)[1].split("</main>", 1)[0]


@pytest.fixture
def communes(province):
    """Ia Ko, Ia Pal, Ia Rsai share two indicators; Kbang has none; two hidden communes have figures too."""
    made = make_communes(4, 0, names=["Ia Ko", "Ia Pal", "Ia Rsai", "Kbang"])
    ko, pal, rsai, _kbang = (commune for commune, _ in made)
    # Higher is better; a tie shares the rank: 1, 1, 3.
    make_indicator(ko.site, "dvc", "Hồ sơ trực tuyến", [("2024", "70"), ("2025", "90")], **WHOLE)
    make_indicator(pal.site, "dvc", "Hồ sơ trực tuyến", [("2025", "90")], **WHOLE)
    make_indicator(rsai.site, "dvc", "Hồ sơ trực tuyến", [("2024", "85"), ("2025", "80")], **WHOLE)
    # Lower is better.
    for commune, value in ((ko, "5.2"), (pal, "3.1"), (rsai, "7.4")):
        make_indicator(commune.site, "ho-ngheo", "Tỷ lệ hộ nghèo", [("2025", value, 1, 34)], higher_is_better=False)
    make_indicator(ko.site, "rieng", "Chỉ số riêng", [("2025", "1")])  # one commune only: not compared
    ((unpublished, _), (private, _)) = make_communes(2, 0, names=["Xã Ẩn", "Xã Riêng Tư"], start=4)
    for hidden in (unpublished, private):
        make_indicator(hidden.site, "dvc", "Hồ sơ trực tuyến", [("2025", "99")], **WHOLE)
        make_indicator(hidden.site, "ho-ngheo", "Tỷ lệ hộ nghèo", [("2025", "0.1")], higher_is_better=False)
    unpublished.home.unpublish()
    PageViewRestriction.objects.create(page=private.home, restriction_type="password", password="x")
    return ko, pal, rsai


def rows_of(html):
    """[(commune, value, rank)] of the comparison table, in order."""
    tbody = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    rows = []
    for row in tbody.split("<tr>")[1:]:
        name = row.split('">', 2)[2].split("</a>", 1)[0].replace("Cổng thông tin điện tử ", "")
        cells = [cell.split(">", 1)[1].split("</td>", 1)[0] for cell in row.split("<td")[1:]]
        rows.append((name, cells[0], cells[1] if len(cells) > 1 else None))
    return rows


def test_the_list_names_the_shared_codes_only(communes, get):
    response = get("/chi-so/")
    assert response.status_code == 200
    html = main(body(response))
    assert 'href="/chi-so/dvc/"' in html and 'href="/chi-so/ho-ngheo/"' in html
    assert "Chỉ số riêng" not in html and "/chi-so/rieng/" not in html
    assert "3 trên 4 xã" in html  # three of the four visible communes have it


def test_rank_from_the_data_honours_higher_is_better_and_ties(communes, get):
    rows = rows_of(body(get("/chi-so/dvc/")))
    assert rows[:3] == [("Ia Ko", "90 %", "1/3"), ("Ia Pal", "90 %", "1/3"), ("Ia Rsai", "80 %", "3/3")]
    assert rows[3][0] == "Kbang" and rows[3][1] == "Không có dữ liệu"  # no figure: last
    lower = rows_of(body(get("/chi-so/ho-ngheo/")))
    assert [(name, rank) for name, _, rank in lower[:3]] == [("Ia Pal", "1/3"), ("Ia Ko", "2/3"), ("Ia Rsai", "3/3")]
    assert "1/34" not in body(get("/chi-so/ho-ngheo/"))  # the hand-typed rank is not the comparison's


def test_change_period_and_links_to_the_communes(communes, get):
    html = body(get("/chi-so/dvc/"))
    assert "tăng 20 so với 2024" in html and "giảm 5 so với 2024" in html
    assert "<td>2025</td>" in html
    assert 'href="http://xa0.gialai.gov.vn/"' in html
    assert '<th scope="col">Thay đổi</th>' in html  # the change on the previous period, not "edit"


@pytest.mark.parametrize("name", ["Xã Ẩn", "Xã Riêng Tư"])
def test_hidden_communes_neither_appear_nor_count(communes, get, name):
    for path in ("/chi-so/", "/chi-so/dvc/", "/"):
        assert name not in main(body(get(path)))
    for path in ("/chi-so/dvc/json/", "/chi-so/dvc/csv/"):
        assert name not in body(get(path)) and '"99"' not in body(get(path)) and ",99," not in body(get(path))
    html = body(get("/chi-so/dvc/"))
    assert "99 %" not in html and "/4" not in html and "/5" not in html


def test_sort_links_and_aria_sort(communes, get):
    html = body(get("/chi-so/dvc/"))
    assert '<th scope="col" aria-sort="ascending"><a href="/chi-so/dvc/?sort=rank&amp;order=desc">' in html
    assert '<a href="/chi-so/dvc/?sort=name">' in html and '<a href="/chi-so/dvc/?sort=value">' in html
    by_name = rows_of(body(get("/chi-so/dvc/?sort=name&order=desc")))
    assert [row[0] for row in by_name] == ["Ia Rsai", "Ia Pal", "Ia Ko", "Kbang"]
    by_value = body(get("/chi-so/dvc/?sort=value"))
    assert [row[0] for row in rows_of(by_value)][:1] == ["Ia Rsai"] and rows_of(by_value)[-1][0] == "Kbang"
    assert 'aria-sort="ascending"><a href="/chi-so/dvc/?sort=value&amp;order=desc">' in by_value
    assert body(get("/chi-so/dvc/?sort=value&order=desc")).count("aria-sort=") == 1


@pytest.mark.parametrize("query", ["sort=junk", "sort=", "order=sideways", "sort=" + "x" * 5000, "sort=rank&sort=2"])
def test_bad_sort_gives_the_default_order(communes, get, query):
    response = get("/chi-so/dvc/?" + query)
    assert response.status_code == 200
    assert [row[2] for row in rows_of(body(response))][:3] == ["1/3", "1/3", "3/3"]
    assert 'aria-sort="ascending"><a href="/chi-so/dvc/?sort=rank&amp;order=desc">' in body(response)


def test_a_nul_byte_is_refused_not_a_server_error(communes, get):
    assert get("/chi-so/dvc/?sort=%00").status_code == 400


@pytest.mark.parametrize(
    "path", ["/chi-so/rieng/", "/chi-so/khong-co/", "/chi-so/rieng/json/", "/chi-so/khong-co/csv/"]
)
def test_unknown_or_unshared_code_is_404(communes, get, path):
    assert get(path).status_code == 404


def test_the_chart_is_an_accessible_image(communes, get):
    html = body(get("/chi-so/dvc/"))
    start = html.index("<svg", html.index('class="comparison-chart-figure"'))
    chart = ET.fromstring(html[start : html.index("</svg>", start) + 6])
    assert chart.get("role") == "img"
    title, desc = chart.find(f"{SVG}title"), chart.find(f"{SVG}desc")
    assert chart.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert "2025" in title.text and "Ia Rsai" in desc.text
    assert len(chart.findall(f"{SVG}rect")) == 3
    assert "<caption" in html and '<th scope="row">' in html


def test_open_data_json_and_csv(communes, get):
    response = get("/chi-so/dvc/json/")
    assert response.status_code == 200 and "max-age=300" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["code"] == "dvc" and data["period"] == "2025" and data["ranked"] == 3
    first = data["communes"][0]
    assert first["site"] == "xa0.gialai.gov.vn" and first["commune"] == "Cổng thông tin điện tử Ia Ko"
    assert (first["computed_rank"], first["computed_rank_of"], first["code"]) == (1, 3, "dvc")
    assert first["observations"] == [
        {
            "period": "2025",
            "period_kind": "year",
            "period_start": "2025-01-01",
            "value": "90",
            "rank": None,
            "rank_of": None,
            "note": "",
        }
    ]
    assert len(data["communes"]) == 3  # Kbang has no figure
    response = get("/chi-so/ho-ngheo/csv/")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["site"] for row in rows] == ["xa1.gialai.gov.vn", "xa0.gialai.gov.vn", "xa2.gialai.gov.vn"]
    assert rows[0]["commune"] == "Cổng thông tin điện tử Ia Pal"
    assert (rows[0]["value"], rows[0]["computed_rank"], rows[0]["computed_rank_of"]) == ("3.1", "1", "3")
    assert (rows[0]["rank"], rows[0]["rank_of"]) == ("1", "34")  # the hand-typed one, as the commune's file has it


def test_directory_shows_headline_indicators(province, get):
    ((ko, _), (pal, _)) = make_communes(2, 0, names=["Ia Ko", "Ia Pal"])
    make_indicator(ko.site, "dan-so", "Dân số", [("2025", "15820")], unit="người", decimal_places=0)
    make_indicator(ko.site, "dien-tich", "Diện tích", [("2025", "120.5")], unit="km²")
    html = main(body(get("/")))
    assert "15.820 người (2025)" in html and "120,5 km² (2025)" in html
    pal_item = html.split("Ia Pal", 1)[1]
    assert pal_item.count("Không có dữ liệu") == 3
    assert "Dân số" in pal_item and "Chỉ số phục vụ" in pal_item


def test_menu_has_the_indicators_entry(communes, get):
    html = body(get("/"))
    assert 'href="/chi-so/">Các chỉ số</a>' in html


def test_english(communes, get, province):
    translate_page(province, en(), title="Gia Lai province")
    ko, pal, rsai = communes
    from indicators.models import Indicator

    for commune in (ko, pal, rsai):
        translate_page(commune.home, en(), title="Home")
        source = Indicator.objects.get(site=commune.site, code="dvc")
        translated = source.copy_for_translation(en())
        translated.name = "Online applications"
        translated.save()
    listing = main(body(get("/en/chi-so/")))
    assert "Online applications" in listing and "Poverty rate" not in listing
    assert "3 of 3 communes" in listing and 'href="/en/chi-so/dvc/"' in listing
    html = body(get("/en/chi-so/dvc/"))
    assert "Online applications" in html and "Hồ sơ trực tuyến" not in main(html)
    assert "up 20 on 2024" in html and "1/3" in html and "No data" not in html
    assert 'href="/en/chi-so/" aria-current="true">Indicators</a>' in html  # the menu, inside its section
    assert "Không có dữ liệu" not in html
    assert 'lang="en"' in html


def test_an_empty_province(province, get):
    assert "Không có dữ liệu" in body(get("/chi-so/"))
    assert get("/chi-so/dvc/").status_code == 404


def _indicators_for(made):
    for number, (commune, _) in enumerate(made):
        make_indicator(commune.site, "dvc", "Hồ sơ trực tuyến", [("2024", 50 + number), ("2025", 60 + number)])
        make_indicator(commune.site, "dan-so", "Dân số", [("2025", 1000 * number)], decimal_places=0)


@pytest.mark.parametrize("path", ["/chi-so/", "/chi-so/dvc/", "/", "/chi-so/dvc/json/"])
def test_queries_do_not_grow_with_communes(province, get, path):
    _indicators_for(make_communes(2, 0))
    small = count_queries(get, path)
    _indicators_for(make_communes(2, 0, start=2))
    large = count_queries(get, path)
    assert small[0] == large[0] == 200
    assert small[1] == large[1], (small, large)
    print(path, "queries", small, large)


@html_marks[1]
def test_pages_are_valid_html_in_both_languages(communes, get, province, tmp_path):
    translate_page(province, en(), title="Gia Lai province")
    for commune in communes:
        translate_page(commune.home, en(), title="Home")
    files = []
    for number, path in enumerate(
        [
            "/",
            "/chi-so/",
            "/chi-so/dvc/",
            "/chi-so/dvc/?sort=name&order=desc",
            "/en/chi-so/",
            "/en/chi-so/ho-ngheo/",
            "/en/",
        ]
    ):
        response = get(path)
        assert response.status_code == 200, path
        files.append(tmp_path / f"page-{number}.html")
        files[-1].write_bytes(response.content)
    errors = [m for m in run_vnu(files) if m["type"] in ("error", "non-document-error")]
    assert not errors, "\n".join(f"{m.get('url', '')}:{m.get('lastLine', '?')}: {m['message']}" for m in errors)
