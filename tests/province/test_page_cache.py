"""The province's pages are cached like any page, and fresh when any commune changes: a commune's publish
bumps the province sites' generation too (province/invalidation.py)."""

import pytest
from wagtail.models import PageViewRestriction

from tests.factories.news import make_article
from tests.production.conftest import production, production_module  # noqa: F401  (fixtures)
from tests.province.conftest import HOST, make_communes

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(client):
    def get(path):
        return client.get(path, HTTP_HOST=HOST, HTTP_X_FORWARDED_PROTO="https")

    return get


@pytest.fixture
def cached_province(production, province, reader):  # noqa: F811
    communes = make_communes(2, 1, names=["Ia Ko", "Ia Pal"])
    for path in ("/", "/tin-tuc/", "/tin-tuc/rss/"):
        assert reader(path)["X-Page-Cache"] == "miss"
        assert reader(path)["X-Page-Cache"] == "hit"
    return communes


@pytest.mark.parametrize("path", ["/tin-tuc/", "/tin-tuc/rss/"])
def test_a_communes_new_article_shows_on_the_next_province_view(cached_province, reader, path):
    (_, index), _ = cached_province
    make_article(index, "Tin mới của Ia Ko")
    response = reader(path)
    assert response["X-Page-Cache"] == "miss"
    assert "Tin mới của Ia Ko" in response.content.decode()


def test_an_article_made_private_leaves_the_cached_province_news(cached_province, reader):
    (ia_ko, index), _ = cached_province
    article = index.get_children().first()
    PageViewRestriction.objects.create(page=article, restriction_type="password", password="x")
    assert article.title not in reader("/tin-tuc/").content.decode()


def test_an_unpublished_commune_leaves_the_cached_directory(cached_province, reader):
    _, (ia_pal, _) = cached_province
    ia_pal.home.unpublish()
    response = reader("/")
    assert response["X-Page-Cache"] == "miss"
    assert "Ia Pal" not in response.content.decode()


def test_junk_filters_are_never_stored(cached_province, reader):
    for _ in range(2):
        assert reader("/tin-tuc/?xa=junk")["X-Page-Cache"] == "bypass"
        assert reader("/tin-tuc/?category=junk")["X-Page-Cache"] == "bypass"
        assert reader("/?q=ia")["X-Page-Cache"] == "bypass"
