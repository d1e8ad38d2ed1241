"""A commune's change retires the province's cached pages on commit, like its own site's (real
transactions: inside a test case's wrapping one, invalidation applies at once)."""

import pytest
from django.db import transaction

from core.cache import site_generation
from tests.factories.news import make_article
from tests.province.conftest import make_communes, make_province

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_commune_publish_bumps_the_province_after_the_commit():
    province_site = make_province().get_site()
    ((commune, index),) = make_communes(1, 0, names=["Ia Ko"])
    before = site_generation(province_site.pk), site_generation(commune.site.pk)
    with transaction.atomic():
        make_article(index, "Tin mới")
        assert site_generation(province_site.pk) == before[0], "not before the commit"
    after = site_generation(province_site.pk), site_generation(commune.site.pk)
    assert after[0] != before[0] and after[1] != before[1]
