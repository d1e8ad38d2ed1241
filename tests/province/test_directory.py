"""The communes directory on the province home: every visible commune, a diacritics-insensitive filter,
the "no data" fallback, a constant number of queries."""

import pytest
from wagtail.models import PageViewRestriction

from tests.factories.news import make_many_articles
from tests.province.conftest import count_queries, make_communes

pytestmark = pytest.mark.django_db


def names_in(response):
    return response.content.decode()


def test_lists_every_commune_with_a_link_to_its_site_but_not_the_province_itself(province, get):
    make_communes(2, 0, names=["Ia Ko", "Ia Pal"])
    response = get("/")
    assert response.status_code == 200
    html = names_in(response)
    assert "Cổng thông tin điện tử Ia Ko" in html and "Cổng thông tin điện tử Ia Pal" in html
    assert 'href="http://xa0.gialai.gov.vn/"' in html and 'href="http://xa1.gialai.gov.vn/"' in html
    assert 'class="province-commune__name" href="http://tinh.gialai.gov.vn/"' not in html
    assert 'class="no-data"' not in html  # the empty directory's fallback (headlines have their own)


def test_unpublished_and_private_commune_homes_are_left_out(province, get):
    (shown, _), (unpublished, _), (private, _) = make_communes(3, 0, names=["Ia Ko", "Ia Pal", "Ia Rsai"])
    unpublished.home.unpublish()
    PageViewRestriction.objects.create(page=private.home, restriction_type="password", password="x")
    html = names_in(get("/"))
    assert "Ia Ko" in html
    assert "Ia Pal" not in html and "Ia Rsai" not in html


@pytest.mark.parametrize("query", ["ia ko", "IA KO", "Ia Kọ", "ko", "dien tu  ia ko", "uy ban nhan dan ia ko"])
def test_the_filter_ignores_diacritics_and_case(province, get, query):
    make_communes(2, 0, names=["Ia Ko", "Đắk Pơ"])
    html = names_in(get("/", data={"q": query}))
    assert "Cổng thông tin điện tử Ia Ko" in html
    assert "Đắk Pơ" not in html


def test_d_with_stroke_is_folded_too(province, get):
    make_communes(2, 0, names=["Ia Ko", "Đắk Pơ"])
    html = names_in(get("/", data={"q": "dak po"}))
    assert "Đắk Pơ" in html and "Cổng thông tin điện tử Ia Ko" not in html


def test_nothing_matching_shows_no_data(province, get):
    make_communes(1, 0, names=["Ia Ko"])
    response = get("/", data={"q": "không có xã này"})
    assert response.status_code == 200
    assert "Không có dữ liệu" in names_in(response)


@pytest.mark.parametrize("query", ["a" * 5000, "<script>", "%00"])
def test_odd_queries_answer_normally(province, get, query):
    make_communes(1, 0, names=["Ia Ko"])
    response = get("/", data={"q": query})
    assert response.status_code == 200
    assert "<script>" not in names_in(response).split("<main", 1)[1].split("</main>")[0]


def test_a_nul_byte_is_refused_not_a_server_error(province, get):
    assert get("/?q=ia%00ko").status_code == 400


def test_queries_do_not_grow_with_communes_or_articles(province, get):
    make_communes(2, 3)
    small = count_queries(get, "/")
    for _commune, index in make_communes(2, 3, start=2):
        make_many_articles(index, 9)
    large = count_queries(get, "/")
    assert small[0] == large[0] == 200
    assert small[1] == large[1], (small, large)
    print("province home queries", small, large)


def test_a_communes_new_figure_or_new_name_shows_on_the_next_view_of_the_filtered_directory(province, get):
    from core.models import CommuneProfile
    from tests.factories.indicators import make_indicator

    ((ko, _), (pal, _)) = make_communes(2, 0, names=["Ia Ko", "Ia Pal"])
    indicator = make_indicator(ko.site, "dan-so", "Dân số", [("2025", "9000")])
    assert "9.000" in names_in(get("/?q=ia"))  # the communes and their figures are cached from here on
    observation = indicator.observations.get()
    observation.value = "9500"
    observation.save()
    profile = CommuneProfile.objects.get(site=pal.site)
    profile.portal_name = "Cổng thông tin điện tử xã Ia Pal Mới"
    profile.save()
    html = names_in(get("/?q=ia"))
    assert "9.500" in html and "9.000" not in html
    assert "Ia Pal Mới" in html
