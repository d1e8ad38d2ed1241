"""A province site over commune sites, built with the project's factories."""

import pytest
from wagtail.models import Page, Site

from core.demo import publish
from core.models import CommuneProfile
from province.models import ProvinceHomePage
from tests.factories.core import make_commune, vi
from tests.factories.news import make_article, make_category, make_index

HOST = "tinh.gialai.gov.vn"


def make_province():
    home = ProvinceHomePage(title="Tỉnh Gia Lai", slug="gia-lai", locale=vi(), intro="Cổng tỉnh")
    Page.get_first_root_node().add_child(instance=home)
    publish(home)
    site = Site.objects.create(hostname=HOST, port=80, root_page=home, site_name="Tỉnh Gia Lai")
    CommuneProfile.objects.create(
        site=site, locale=vi(), unit_name="UBND tỉnh Gia Lai", portal_name="Cổng thông tin điện tử tỉnh Gia Lai"
    )
    return home


def make_communes(count, articles_each, names=None, start=0):
    """`count` communes (the first one the default site), each with a news section, a "Kinh tế" category and
    articles."""
    communes = []
    for number in range(start, start + count):
        name = names[number - start] if names else f"Xã Số {number}"
        commune = make_commune(f"xa-{number}", f"xa{number}.gialai.gov.vn", default=number == 0, name=name)
        index = make_index(commune.home)
        category = make_category(commune.site, "kinh-te", "Kinh tế")
        for article in range(articles_each):
            make_article(index, f"Tin {article} của {name}", days_ago=article, categories=[category])
        communes.append((commune, index))
    return communes


@pytest.fixture
def province(db):
    return make_province()


@pytest.fixture
def get(client):
    def get(path, **extra):
        return client.get(path, HTTP_HOST=HOST, **extra)

    return get


def count_queries(get, path):
    """(status, queries) of a cold view: caches emptied first, so every size pays the same warm-up (after one
    view that fills what lives for the process: content types, settings rows created on first read)."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core.cache import process_cache

    get(path)
    cache.clear()
    process_cache.clear()
    # Wagtail's site root paths (one query per site, cached until a Site changes) are rebuilt by any page
    # of the installation after a Site change, the province's or a commune's: not this page's cost.
    Site.get_site_root_paths()
    with CaptureQueriesContext(connection) as queries:
        response = get(path)
    return response.status_code, len(queries)
