"""The cached router (core.routing): readers get the right page with no query, and every change an editor
makes (publish, unpublish, rename, move, delete, privacy, hostnames) is routed correctly at once."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction, Site

from news.models import NewsPage
from tests.factories.core import url_of
from tests.factories.news import make_article, make_index

pytestmark = pytest.mark.django_db


def get(client, path, host="a.gialai.gov.vn"):
    return client.get(path, HTTP_HOST=host)


@pytest.fixture
def article(two_sites):
    commune_a, _ = two_sites
    index = make_index(commune_a.home)
    return make_article(index, "Bài định tuyến")


def test_a_second_visit_is_routed_and_served_without_queries(client, article, django_assert_num_queries):
    path = url_of(article)
    assert get(client, path).status_code == 200  # routes, remembers the route, fills the widget caches
    with django_assert_num_queries(0):
        response = get(client, path)
    assert response.status_code == 200
    assert "Nội dung Bài định tuyến" in response.content.decode()


def test_the_same_path_on_two_sites_gives_each_site_its_own_page(client, two_sites):
    commune_a, commune_b = two_sites
    for commune, title in ((commune_a, "Tin của xã A"), (commune_b, "Tin của xã B")):
        article = make_article(make_index(commune.home), title)
        article.slug = "cung-duong-dan"
        article.save_revision().publish()
    for _ in range(2):  # cold, then from the route cache
        assert "Tin của xã A" in get(client, "/tin-tuc/cung-duong-dan/").content.decode()
        page_b = get(client, "/tin-tuc/cung-duong-dan/", host="b.gialai.gov.vn").content.decode()
        assert "Tin của xã B" in page_b and "Tin của xã A" not in page_b


def test_unpublishing_deleting_and_renaming_are_seen_at_once(client, article):
    path = url_of(article)
    assert get(client, path).status_code == 200
    article.unpublish()
    assert get(client, path).status_code == 404

    article.save_revision().publish()
    assert get(client, path).status_code == 200
    article.slug = "ten-moi"
    article.save_revision().publish()
    assert get(client, path).status_code == 404
    assert get(client, "/tin-tuc/ten-moi/").status_code == 200

    NewsPage.objects.get(pk=article.pk).delete()
    assert get(client, "/tin-tuc/ten-moi/").status_code == 404


def test_moving_a_page_moves_its_url(client, two_sites, article):
    commune_a, _ = two_sites
    other = make_index(commune_a.home, slug="thong-bao", title="Thông báo")
    path = url_of(article)
    assert get(client, path).status_code == 200
    article.move(other, pos="last-child")
    moved = get(client, path)  # Wagtail leaves a redirect behind
    assert moved.status_code == 301 and moved["Location"].endswith(f"/thong-bao/{article.slug}/")
    assert get(client, f"/thong-bao/{article.slug}/").status_code == 200


def test_making_a_page_private_applies_to_the_next_anonymous_reader(client, article):
    path = url_of(article)
    assert get(client, path).status_code == 200
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.PASSWORD, password="mk")
    response = get(client, path)
    assert "Nội dung Bài định tuyến" not in response.content.decode()
    assert 'name="password"' in response.content.decode() and "private" in response["Cache-Control"]


def test_a_private_section_protects_articles_routed_before_it_became_private(client, two_sites, article):
    commune_a, _ = two_sites
    path = url_of(article)
    assert get(client, path).status_code == 200
    restriction = PageViewRestriction.objects.create(
        page=article.get_parent(), restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.create(name="Cán bộ")])
    response = get(client, path)
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_new_hostname_is_routed_without_waiting_for_the_cache(client, two_sites, article):
    _, commune_b = two_sites
    assert "Bài định tuyến" in get(client, url_of(article)).content.decode()
    site_a = Site.objects.get(hostname="a.gialai.gov.vn")
    site_a.hostname = "moi.gialai.gov.vn"
    site_a.is_default_site = False
    site_a.save()
    commune_b.site.is_default_site = True
    commune_b.site.save()
    assert get(client, url_of(article), host="moi.gialai.gov.vn").status_code == 200
    # The old hostname now falls to the default site (B), which has no such article.
    assert get(client, url_of(article), host="a.gialai.gov.vn").status_code == 404


def test_unknown_paths_stay_404_and_post_requests_are_routed_normally(client, article):
    assert get(client, "/khong-co/").status_code == 404
    assert get(client, "/khong-co/").status_code == 404
    assert get(client, url_of(article)).status_code == 200
    assert client.post(url_of(article), HTTP_HOST="a.gialai.gov.vn").status_code in (200, 405)
