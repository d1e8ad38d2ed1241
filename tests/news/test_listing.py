import pytest

from core.cache import bump_site_generation_now
from tests.factories.core import add_page, url_of
from tests.factories.news import cover, make_article, make_category, make_index, make_many_articles

pytestmark = pytest.mark.django_db


def titles(response):
    return [article.title for article in response.context["articles"]]


def get(client, target, host="a.gialai.gov.vn", **params):
    return client.get(url_of(target), params, HTTP_HOST=host)


def test_listing_is_newest_first_and_includes_nested_sections(client, two_sites):
    commune_a, _ = two_sites
    index = make_index(commune_a.home, per_page=3)
    section = make_index(index, slug="kinh-te", title="Kinh tế")
    make_article(index, "Cũ", days_ago=5)
    make_article(section, "Mới nhất", days_ago=0)
    make_article(index, "Giữa", days_ago=2)
    response = get(client, index)
    assert response.status_code == 200
    assert titles(response) == ["Mới nhất", "Giữa", "Cũ"]


def test_pagination_and_bad_page_parameters(client, two_sites):
    commune_a, _ = two_sites
    index = make_index(commune_a.home, per_page=2)
    for day in range(5):
        make_article(index, f"Ngày {day}", days_ago=day)
    assert titles(get(client, index)) == ["Ngày 0", "Ngày 1"]
    assert titles(get(client, index, page=2)) == ["Ngày 2", "Ngày 3"]
    assert titles(get(client, index, page=3)) == ["Ngày 4"]
    # Garbage → first page, out of range → last page; never a 500.
    assert titles(get(client, index, page="abc")) == ["Ngày 0", "Ngày 1"]
    assert titles(get(client, index, page=99)) == ["Ngày 4"]
    assert titles(get(client, index, page=-1)) == ["Ngày 4"]
    html = get(client, index, page=2).content.decode()
    assert 'rel="next"' in html and 'rel="prev"' in html


def test_filter_by_category(client, two_sites):
    commune_a, commune_b = two_sites
    index = make_index(commune_a.home)
    economy = make_category(commune_a.site, "kinh-te", "Kinh tế")
    make_category(commune_b.site, "van-hoa", "Văn hóa")
    make_article(index, "Có chuyên mục", categories=[economy])
    make_article(index, "Không chuyên mục")
    response = get(client, index, category="kinh-te")
    assert titles(response) == ["Có chuyên mục"]
    assert "Kinh tế" in response.content.decode()
    # Another site's category or an unknown slug: nothing, with the fallback.
    response = get(client, index, category="van-hoa")
    assert titles(response) == []
    assert "no-data" in response.content.decode()


def test_filter_by_tag(client, two_sites):
    commune_a, _ = two_sites
    index = make_index(commune_a.home)
    make_article(index, "Có thẻ", tags=["chuyển đổi số"])
    make_article(index, "Không thẻ", tags=["nông nghiệp"])
    from taggit.models import Tag

    slug = Tag.objects.get(name="chuyển đổi số").slug
    assert titles(get(client, index, tag=slug)) == ["Có thẻ"]
    assert titles(get(client, index, tag="khong-co")) == []


def test_filter_by_month_and_archive(client, two_sites):
    commune_a, _ = two_sites
    index = make_index(commune_a.home)
    october = make_article(index, "Tháng mười")
    october.publication_date = october.publication_date.replace(year=2026, month=10, day=15)
    october.save()
    make_article(index, "Tháng chín").__class__.objects.filter(title="Tháng chín").update(
        publication_date=october.publication_date.replace(month=9)
    )
    response = get(client, index, month="2026-10")
    assert titles(response) == ["Tháng mười"]
    assert titles(get(client, index, month="2026-13")) == []
    assert titles(get(client, index, month="abc")) == []
    months = [(entry["month"].year, entry["month"].month, entry["count"]) for entry in response.context["archive"]]
    assert (2026, 10, 1) in months and (2026, 9, 1) in months
    assert "?month=2026-10" in response.content.decode()


def test_listing_hides_drafts_private_and_expired(client, two_sites):
    import datetime

    from django.utils import timezone
    from wagtail.models import PageViewRestriction

    commune_a, _ = two_sites
    index = make_index(commune_a.home)
    make_article(index, "Công khai")
    make_article(index, "Bản nháp", publish=False)
    private = make_article(index, "Riêng tư")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    expired = make_article(index, "Hết hạn")
    type(expired).objects.filter(pk=expired.pk).update(expire_at=timezone.now() - datetime.timedelta(hours=1))
    assert titles(get(client, index)) == ["Công khai"]


def test_cards_use_responsive_pictures(client, two_sites):
    commune_a, _ = two_sites
    index = make_index(commune_a.home)
    make_article(index, "Có ảnh", cover=cover())
    html = get(client, index).content.decode()
    assert "<picture" in html
    assert 'type="image/avif"' in html and 'type="image/webp"' in html
    assert "width-640" in html or "640w" in html


def test_listing_of_20_cards_is_a_constant_number_of_queries(client, two_sites, django_assert_max_num_queries):
    commune_a, _ = two_sites
    index = make_index(commune_a.home, per_page=20)
    category = make_category(commune_a.site, "kinh-te")
    image = cover()
    for _ in range(20):
        make_article(index, cover=image, categories=[category], tags=["a"])
    get(client, index)  # renditions are created on first view
    bump_site_generation_now(commune_a.site.pk)  # both views below are cold: the first after a change
    with django_assert_max_num_queries(LISTING_QUERIES) as small:
        assert len(titles(get(client, index))) == 20
    make_many_articles(index, 980, cover=image)  # 1,000 articles in all
    with django_assert_max_num_queries(LISTING_QUERIES) as large:
        assert len(titles(get(client, index))) == 20
    assert len(large.captured_queries) == len(small.captured_queries)


# 34 measured on SQLite (about 14 are the listing, the rest is the shared chrome and sidebar).
LISTING_QUERIES = 40


def test_empty_index_shows_no_data(client, two_sites):
    commune_a, _ = two_sites
    index = add_page(commune_a.home, make_index.__globals__["NewsIndexPage"](title="Trống", slug="trong"))
    assert "no-data" in get(client, index).content.decode()


def test_cached_listing_ignores_stray_parameters_and_refreshes_on_publish(client, two_sites):
    commune_a, _ = two_sites
    index = make_index(commune_a.home, per_page=2)
    for day in range(3):
        make_article(index, f"Ngày {day}", days_ago=day + 1)
    first = get(client, index, page=2, utm_source="zalo").content.decode()
    assert "Ngày 2" in first and 'href="?page=1"' in first  # pagination links carry only the filters
    assert get(client, index, page=2).content.decode().count("Ngày 2") == first.count("Ngày 2")
    make_article(index, "Tin vừa đăng")  # publishing refreshes the cached listing at once
    assert "Tin vừa đăng" in get(client, index).content.decode()
    assert "Ngày 1" in get(client, index, page=2).content.decode()
