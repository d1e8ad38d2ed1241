"""Vote stuffing: cross-site posts, forged voter cookies and scripted floods count nothing in the figures."""

import pytest

from feedback.models import Rating
from feedback.reports import rating_summary
from feedback.voting import VOTER_COOKIE
from news.models import NewsIndexPage, NewsPage
from tests.factories.core import add_page

pytestmark = pytest.mark.django_db
HOST = {"HTTP_HOST": "a.gialai.gov.vn"}


@pytest.fixture
def article(two_sites):
    section = add_page(two_sites[0].home, NewsIndexPage(title="Tin tức", slug="tin-tuc"))
    return add_page(section, NewsPage(title="Bài viết", slug="bai-viet", lead="Tóm tắt."))


def vote(client, article, score=5, **headers):
    data = {"item": f"page:{article.pk}", "score": score, "next": "/tin-tuc/bai-viet/"}
    return client.post("/rating/", data, **HOST, **headers)


def counted_votes(site):
    return sum(row["votes"] for row in rating_summary({site.pk}))


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example", "HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site", "HTTP_ORIGIN": "http://b.gialai.gov.vn"},  # another commune
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_REFERER": "https://evil.example/auto-submit.html"},
    ],
)
def test_a_cross_site_vote_counts_nothing(client, two_sites, article, headers):
    response = vote(client, article, **headers)
    assert response.status_code == 302 and response["Location"].endswith("#rating-refused")
    assert VOTER_COOKIE not in response.cookies
    assert not Rating.objects.exists() and counted_votes(two_sites[0].site) == 0


def test_a_same_origin_vote_counts(client, two_sites, article):
    headers = {"HTTP_ORIGIN": "http://a.gialai.gov.vn", "HTTP_SEC_FETCH_SITE": "same-origin"}
    assert vote(client, article, **headers)["Location"].endswith("#rating-thanks")
    assert counted_votes(two_sites[0].site) == 1


@pytest.mark.parametrize("forged", ["aaaaaaaaaaaaaaaaaaaaaaaa", "abc:def", "x" * 40 + ":" + "y" * 27, ""])
def test_a_forged_voter_cookie_counts_nothing(client, two_sites, article, forged):
    client.cookies[VOTER_COOKIE] = forged
    response = vote(client, article)
    assert response["Location"].endswith("#rating-refused")
    assert not Rating.objects.exists() and counted_votes(two_sites[0].site) == 0
    # The browser is handed a signed id: its next vote counts, once.
    issued = response.cookies[VOTER_COOKIE]
    assert issued.value != forged and issued["httponly"]
    assert vote(client, article)["Location"].endswith("#rating-thanks")
    assert vote(client, article, score=1)["Location"].endswith("#rating-already")
    assert counted_votes(two_sites[0].site) == 1


def test_a_signed_id_cannot_be_reused_for_another_id(client, two_sites, article):
    first = vote(client, article)
    signed = first.cookies[VOTER_COOKIE].value
    voter_id, signature = signed.split(":", 1)
    client.cookies[VOTER_COOKIE] = f"{voter_id[:-1]}{'A' if voter_id[-1] != 'A' else 'B'}:{signature}"
    assert vote(client, article)["Location"].endswith("#rating-refused")
    assert Rating.objects.count() == 1


def test_a_script_dropping_its_cookie_is_bounded_per_item(client, two_sites, article, settings):
    settings.FEEDBACK_RATE_LIMITS = {"rate_item": (3, 86400)}
    outcomes = []
    for _ in range(6):
        client.cookies.clear()
        outcomes.append(vote(client, article, REMOTE_ADDR="10.9.9.9")["Location"].split("#")[1])
    assert outcomes == ["rating-thanks"] * 3 + ["rating-limited"] * 3
    # Another item from the same address is still open; so is the same item from another address.
    client.cookies.clear()
    portal = client.post("/rating/", {"item": "portal", "score": 4, "next": "/"}, REMOTE_ADDR="10.9.9.9", **HOST)
    assert portal["Location"].endswith("#rating-thanks")
    client.cookies.clear()
    assert vote(client, article, REMOTE_ADDR="10.9.9.10")["Location"].endswith("#rating-thanks")
    assert counted_votes(two_sites[0].site) == 5


def test_votes_taken_before_the_checks_are_not_published(client, two_sites, article):
    site = two_sites[0].site
    Rating.objects.create(site=site, item=f"page:{article.pk}", voter="legacy", score=1, verified=False)
    vote(client, article, score=5)
    [row] = rating_summary({site.pk})
    assert row["votes"] == 1 and row["average"] == 5.0
