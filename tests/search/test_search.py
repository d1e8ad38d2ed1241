import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from core.cache import bump_site_generation
from news.models import NewsPage
from tests.factories.core import en
from tests.factories.news import make_article, make_index

pytestmark = pytest.mark.django_db


def search(client, host="a.gialai.gov.vn", prefix="", **params):
    response = client.get(f"{prefix}/search/", params, HTTP_HOST=host)
    assert response.status_code == 200
    return response


def titles(response):
    results = response.context["results"]
    return [page.title for page in results] if results else []


@pytest.fixture
def articles(two_sites):
    commune_a, commune_b = two_sites
    index = make_index(commune_a.home)
    make_article(index, "Hội nghị Ban Chỉ đạo về chuyển đổi số", days_ago=1)
    make_article(
        index,
        "Tiêm chủng mở rộng",
        body=[("paragraph", "<p>Đẩy mạnh <b>CHUYỂN ĐỔI SỐ</b> trong y tế.</p>")],
        days_ago=2,
    )
    make_article(index, "Đường giao thông nông thôn", lead="Đường liên thôn Đắk Pơ", days_ago=3)
    make_article(make_index(commune_b.home), "Chuyển đổi số ở xã khác")
    return commune_a, index


@pytest.mark.parametrize("query", ["chuyen doi so", "CHUYỂN ĐỔI SỐ", "Chuyen Đoi so", "chuyển đổi số"])
def test_search_ignores_diacritics_and_case(client, articles, query):
    # Title hits first, then body hits; the other site's article never.
    assert titles(search(client, q=query)) == ["Hội nghị Ban Chỉ đạo về chuyển đổi số", "Tiêm chủng mở rộng"]


def test_search_matches_lead_and_d_with_stroke(client, articles):
    assert titles(search(client, q="dak po")) == ["Đường giao thông nông thôn"]
    assert titles(search(client, q="duong")) == ["Đường giao thông nông thôn"]


def test_search_excludes_drafts_private_expired_and_other_locale(client, articles):
    _, index = articles
    make_article(index, "Chuyển đổi số bản nháp", publish=False)
    private = make_article(index, "Chuyển đổi số riêng tư")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    expired = make_article(index, "Chuyển đổi số hết hạn")
    NewsPage.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    source = NewsPage.objects.get(title="Tiêm chủng mở rộng")
    english = source.copy_for_translation(en(), copy_parents=True)
    english.title = "Digital transformation in vaccination"
    english.body = [("paragraph", "<p>Digital transformation.</p>")]
    english.save_revision().publish()
    assert len(titles(search(client, q="chuyen doi so"))) == 2
    assert titles(search(client, prefix="/en", q="digital transformation")) == ["Digital transformation in vaccination"]
    assert titles(search(client, prefix="/en", q="chuyen doi so")) == []


def test_no_results_state_and_empty_query(client, articles):
    html = search(client, q="khongtontai").content.decode()
    assert "Không có kết quả" in html
    assert titles(search(client)) == []


def test_pagination_bad_page_and_long_query(client, articles):
    _, index = articles
    for number in range(12):
        make_article(index, f"Chuyển đổi số phần {number}", fast=True)
    first = search(client, q="chuyen doi so")
    assert len(titles(first)) == 10 and first.context["paginator"].count == 14
    assert len(titles(search(client, q="chuyen doi so", page=2))) == 4
    assert titles(search(client, q="chuyen doi so", page="abc")) == titles(first)
    assert len(titles(search(client, q="chuyen doi so", page=999))) == 4
    long = search(client, q="chuyen doi so " * 100)
    assert len(long.context["search_query"]) <= 200


def test_search_query_count_does_not_grow_with_results(
    client, articles, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    _, index = articles

    def cold_search():
        """A search right after the site changed: nothing of it is cached."""
        with django_capture_on_commit_callbacks(execute=True):
            bump_site_generation(index.get_site().pk)
        with django_assert_max_num_queries(40) as queries:
            response = search(client, q="chuyen doi so")
        return len(queries.captured_queries), response.context["paginator"].count

    search(client, q="chuyen")
    few, few_found = cold_search()
    for number in range(20):
        make_article(index, f"Chuyển đổi số {number}", fast=True)
    many, many_found = cold_search()
    assert many == few and many_found == few_found + 20


def test_a_repeated_search_reuses_the_matches_until_the_site_changes(
    client, articles, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    _, index = articles
    with django_assert_max_num_queries(40) as first:
        search(client, q="Chuyển đổi SỐ")
    with django_assert_max_num_queries(40) as again:  # the same folded words: matches kept in this process
        search(client, q="chuyen doi so")
    assert len(again.captured_queries) < len(first.captured_queries)
    with django_capture_on_commit_callbacks(execute=True):
        make_article(index, "Chuyển đổi số ở thôn Tứ Kỳ")  # published: the site's cached searches retire
    assert "Chuyển đổi số ở thôn Tứ Kỳ" in titles(search(client, q="chuyen doi so"))


def test_a_query_matching_more_than_the_limit_lists_the_first_ones_and_says_so(client, articles, monkeypatch):
    from search import query as search_query
    from search import views as search_views

    monkeypatch.setattr(search_query, "MAX_RESULTS", 1)
    monkeypatch.setattr(search_views, "MAX_RESULTS", 1)
    response = search(client, q="chuyen doi so")
    assert titles(response) == ["Hội nghị Ban Chỉ đạo về chuyển đổi số"]  # the best match, cached like any
    assert "Chỉ hiển thị 1 kết quả đầu tiên: hãy thêm từ để thu hẹp tìm kiếm." in response.content.decode()
    assert "thu hẹp tìm kiếm" not in search(client, q="giao thong").content.decode()


def test_each_result_links_to_its_page_in_the_readers_language(client, articles):
    import lxml.html

    from core.demo import translate_page
    from tests.factories.core import url_of

    commune, index = articles
    article = NewsPage.objects.get(title="Tiêm chủng mở rộng")
    translate_page(commune.home, en(), title="Home")
    translate_page(index, en(), title="News", slug="news")
    english = translate_page(article, en(), title="Expanded immunisation", slug="expanded-immunisation")
    bump_site_generation(commune.site.pk)

    def links(response):
        tree = lxml.html.fromstring(response.content.decode())
        return {a.text_content().strip(): a.get("href") for a in tree.xpath("//ol[@class='search-results']//a")}

    assert links(search(client, q="tiem chung"))["Tiêm chủng mở rộng"] == url_of(article)
    assert links(search(client, prefix="/en", q="immunisation")) == {"Expanded immunisation": url_of(english)}
    assert url_of(english).startswith("/en/")


def test_a_renamed_or_unpublished_result_shows_so_on_the_next_search(client, articles):
    assert "Tiêm chủng mở rộng" in titles(search(client, q="chuyen doi so"))  # its hits are cached from here on
    article = NewsPage.objects.get(title="Tiêm chủng mở rộng")
    article.title = "Tiêm chủng mở rộng đợt 3"
    article.save_revision().publish()
    assert titles(search(client, q="chuyen doi so"))[1] == "Tiêm chủng mở rộng đợt 3"
    article.unpublish()
    assert titles(search(client, q="chuyen doi so")) == ["Hội nghị Ban Chỉ đạo về chuyển đổi số"]


def test_articles_are_matched_on_one_indexed_column_on_postgresql(articles):
    """The articles' query filters their folded text alone, so PostgreSQL can read the trigram index
    (news/migrations/0005) instead of every article: the query it replaced ORed it with the pages' folded
    titles (another table) and could not use any index (2.2-3.3 s over a province's 100,000 articles)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from search.query import search_page_ids

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's trigram index")
    commune, _ = articles
    with CaptureQueriesContext(connection) as captured:
        ids = search_page_ids(commune.site, commune.home.locale, "tiêm chủng")
    assert len(ids) == 1
    article_sql = next(q["sql"] for q in captured.captured_queries if '"news_newspage"."search_text"' in q["sql"])
    assert "UNACCENT" not in article_sql.upper() and " OR " not in article_sql.upper()
    with connection.cursor() as cursor:  # the index serves such a filter (the tables here are too small to need it)
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN SELECT page_ptr_id FROM news_newspage WHERE search_text LIKE '%%tiem%%'")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "news_search_text_trigram" in plan, plan
