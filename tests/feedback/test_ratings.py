"""Satisfaction rating: anonymous, one vote per browser and item, safe redirects, the editors' report."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from feedback.models import Rating
from feedback.reports import rating_summary
from news.models import NewsIndexPage, NewsPage
from tests.factories.core import add_page
from tests.factories.legaldocs import site_editor

pytestmark = pytest.mark.django_db
HOST_A = {"HTTP_HOST": "a.gialai.gov.vn"}
HOST_B = {"HTTP_HOST": "b.gialai.gov.vn"}


@pytest.fixture
def articles(two_sites):
    a, b = two_sites
    result = []
    for commune in (a, b):
        section = add_page(commune.home, NewsIndexPage(title="Tin tức", slug="tin-tuc"))
        result.append(add_page(section, NewsPage(title="Bài viết", slug="bai-viet", lead="Tóm tắt.")))
    return result


def rate(client, item, score, next_url="/tin-tuc/bai-viet/", host=HOST_A, **extra):
    return client.post("/rating/", {"item": item, "score": score, "next": next_url}, **host, **extra)


def test_one_vote_per_browser_and_item_without_personal_data(client, two_sites, articles):
    item = f"page:{articles[0].pk}"
    first = rate(client, item, 5)
    assert first.status_code == 302 and first["Location"] == "/tin-tuc/bai-viet/#rating-thanks"
    cookie = first.cookies["voter"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax" and len(cookie.value) >= 16
    again = rate(client, item, 1)
    assert again["Location"].endswith("#rating-already")
    assert rate(client, "portal", 4)["Location"].endswith("#rating-thanks")
    votes = list(Rating.objects.order_by("id"))
    assert [(vote.item, vote.score) for vote in votes] == [(item, 5), ("portal", 4)]
    # Nothing personal: the stored voter is a per-item hash, not the cookie, and no IP is kept.
    assert cookie.value not in votes[0].voter and votes[0].voter != votes[1].voter
    fields = {field.name for field in Rating._meta.fields}
    assert fields == {"id", "site", "item", "voter", "score", "created_at", "verified"}
    # Another browser (no cookie) may vote.
    client.cookies.clear()
    assert rate(client, item, 3)["Location"].endswith("#rating-thanks")
    assert Rating.objects.filter(item=item).count() == 2


@pytest.mark.parametrize("score", ["0", "6", "", "abc", "3.5", "-1"])
def test_invalid_scores_are_refused(client, articles, score):
    assert rate(client, "portal", score)["Location"].endswith("#rating-invalid")
    assert not Rating.objects.exists()


def test_items_must_be_this_sites_live_pages(client, two_sites, articles):
    for item in [f"page:{articles[1].pk}", "page:999999", "page:abc", "news:1", "", "page:" + "9" * 40]:
        assert rate(client, item, 4)["Location"].endswith("#rating-invalid"), item
    assert rate(client, f"page:{articles[1].pk}", 4, host=HOST_B)["Location"].endswith("#rating-thanks")
    assert Rating.objects.get().site == two_sites[1].site


@pytest.mark.parametrize(
    "target, expected",
    [
        ("/tin-tuc/bai-viet/?a=1", "/tin-tuc/bai-viet/?a=1#rating-thanks"),
        ("/en/news/#old", "/en/news/#rating-thanks"),
        ("https://evil.example/", "/#rating-thanks"),
        ("//evil.example/", "/#rating-thanks"),
        ("/\\evil.example/", "/#rating-thanks"),
        ("javascript:alert(1)", "/#rating-thanks"),
        ("", "/#rating-thanks"),
    ],
)
def test_redirect_back_only_to_a_local_path(client, articles, target, expected):
    assert rate(client, "portal", 4, next_url=target)["Location"] == expected


def test_rating_needs_post_and_floods_are_limited(client, articles, settings):
    assert client.get("/rating/", **HOST_A).status_code == 405
    settings.FEEDBACK_RATE_LIMITS = {"rate": (2, 3600)}
    for _ in range(2):
        client.cookies.clear()
        assert rate(client, "portal", 5, REMOTE_ADDR="10.1.1.1")["Location"].endswith("#rating-thanks")
    client.cookies.clear()
    assert rate(client, "portal", 5, REMOTE_ADDR="10.1.1.1")["Location"].endswith("#rating-limited")
    assert Rating.objects.count() == 2


def test_rating_form_component_works_without_javascript(articles):
    request = RequestFactory().get("/tin-tuc/bai-viet/?x=<b>", HTTP_HOST="a.gialai.gov.vn")
    html = Template("{% load feedback_tags %}{% rating_form page %}").render(
        Context({"request": request, "page": articles[0]})
    )
    assert 'action="/rating/"' in html and 'method="post"' in html
    assert f'value="page:{articles[0].pk}"' in html and html.count('type="radio"') == 5
    # Back to the page itself: the query string is not echoed (the form sits in a cached fragment).
    assert "<legend>" in html and 'value="/tin-tuc/bai-viet/"' in html and "<b>" not in html
    assert 'id="rating-thanks"' in html
    portal = Template("{% load feedback_tags %}{% rating_form %}").render(Context({"request": request}))
    assert 'value="portal"' in portal


def test_editors_see_the_aggregate_of_their_own_sites_only(client, two_sites, articles):
    a, b = two_sites
    for n, score in enumerate([5, 4, 4, 1]):
        client.cookies.clear()
        rate(client, f"page:{articles[0].pk}", score, REMOTE_ADDR=f"10.0.0.{n}")  # 3 per IP and item
    client.cookies.clear()
    rate(client, f"page:{articles[1].pk}", 2, host=HOST_B)
    [row] = rating_summary({a.site.pk})
    assert row["votes"] == 4 and row["average"] == 3.5 and row["item"] == "Bài viết"
    assert [cell["votes"] for cell in row["distribution"]] == [1, 0, 0, 2, 1]
    client.force_login(site_editor("danhgia_a", a.home))
    response = client.get("/admin/reports/ratings/")
    html = response.content.decode()
    assert response.status_code == 200 and "Đánh giá mức độ hài lòng" in html
    assert "<td>3,50</td>" in html or "<td>3.50</td>" in html
    assert "Xã xa-a" in html and "Xã xa-b" not in html  # site B's rating is not shown
    client.logout()
    assert client.get("/admin/reports/ratings/").status_code == 302


def test_report_queries_do_not_grow_with_votes(client, two_sites, articles, django_assert_max_num_queries):
    a, _ = two_sites
    Rating.objects.bulk_create(
        [Rating(site=a.site, item=f"page:{articles[0].pk}", voter=f"v{n}", score=1 + n % 5) for n in range(500)]
    )
    with django_assert_max_num_queries(3):
        [row] = rating_summary({a.site.pk})
    assert row["votes"] == 500 and row["average"] == 3.0
