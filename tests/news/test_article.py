import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from core.cache import bump_site_generation_now
from news.models import NewsPage, NewsPageRelatedLink
from tests.factories.core import en, url_of
from tests.factories.news import cover, make_article, make_category, make_index, make_many_articles

pytestmark = pytest.mark.django_db


def render(client, page, host="a.gialai.gov.vn"):
    response = client.get(url_of(page), HTTP_HOST=host)
    assert response.status_code == 200
    return response


def related_titles(response):
    return [article.title for article in response.context["related_articles"]]


@pytest.fixture
def newsroom(two_sites):
    commune_a, commune_b = two_sites
    index = make_index(commune_a.home)
    category = make_category(commune_a.site, "chuyen-doi-so", "Chuyển đổi số")
    page = make_article(index, "Bài chính", categories=[category], tags=["số hóa"], related_count=4)
    return commune_a, commune_b, index, category, page


def test_picked_articles_come_first_then_newest_sharing_category_or_tag(client, newsroom):
    commune_a, _, index, category, page = newsroom
    old_pick = make_article(index, "Chọn tay, không liên quan", days_ago=30)
    make_article(index, "Cùng chuyên mục, cũ", days_ago=10, categories=[category])
    make_article(index, "Cùng thẻ, mới", days_ago=1, tags=["số hóa"])
    make_article(index, "Cùng chuyên mục, mới hơn", days_ago=2, categories=[category])
    make_article(index, "Không liên quan, mới nhất", days_ago=0)
    NewsPageRelatedLink.objects.create(page=page, related=old_pick, sort_order=0)
    assert related_titles(render(client, page)) == [
        "Chọn tay, không liên quan",
        "Cùng thẻ, mới",
        "Cùng chuyên mục, mới hơn",
        "Cùng chuyên mục, cũ",
    ]


def test_related_count_is_configurable(client, newsroom):
    _, _, index, category, page = newsroom
    for day in range(5):
        make_article(index, f"Liên quan {day}", days_ago=day, categories=[category])
    page.related_count = 2
    page.save_revision().publish()
    assert related_titles(render(client, page)) == ["Liên quan 0", "Liên quan 1"]


def test_related_never_lists_self_draft_expired_private_other_site_or_locale(client, newsroom):
    commune_a, commune_b, index, category, page = newsroom
    make_article(index, "Bản nháp", categories=[category], publish=False)
    expired = make_article(index, "Hết hạn", categories=[category])
    NewsPage.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    private = make_article(index, "Riêng tư", categories=[category])
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    other_index = make_index(commune_b.home)
    other = make_article(other_index, "Xã khác", tags=["số hóa"])
    english = page.copy_for_translation(en(), copy_parents=True)
    english.title = "English"
    english.save_revision().publish()
    # Even picked by the editor, these never show.
    for position, picked in enumerate([expired, private, other, english]):
        NewsPageRelatedLink.objects.create(page=page, related=picked, sort_order=position)
    response = render(client, page)
    assert related_titles(response) == []
    html = response.content.decode()
    assert "Tin liên quan" in html
    assert "no-data" in html


def test_related_news_block_in_the_body(client, newsroom):
    _, _, index, category, page = newsroom
    make_article(index, "Liên quan trong thân bài", categories=[category])
    page.body = [("related_news", {"heading": "Đọc thêm", "count": 3})]
    page.save_revision().publish()
    html = render(client, page).content.decode()
    assert "Đọc thêm" in html
    assert html.count("Liên quan trong thân bài") >= 2  # in the block and in the page's own list


def test_article_shows_meta_share_links_and_feed_link(client, newsroom):
    _, _, index, category, page = newsroom
    page.cover_image = cover()
    page.source = "Văn phòng Đảng ủy"
    page.save_revision().publish()
    html = render(client, page).content.decode()
    assert 'property="og:title" content="Bài chính"' in html
    assert 'property="og:image" content="http://a.gialai.gov.vn/' in html
    assert "facebook.com/sharer/sharer.php?u=http%3A%2F%2Fa.gialai.gov.vn%2F" in html
    assert "zalo.me" in html
    assert "share__copy" in html and "news/share.js" in html
    assert 'type="application/rss+xml"' in html and "/feeds/news/rss/" in html
    assert "/feeds/news/chuyen-doi-so/rss/" in html
    assert "Văn phòng Đảng ủy" in html
    assert "?category=chuyen-doi-so" in html
    assert "<script>" not in html and 'style="' not in html


# Measured on SQLite: a warm view with 0 related → 23 queries; the first view after a change (every
# fragment, route and widget computed) with 20 related → 37, the same with 1,000 more articles.
ARTICLE_QUERIES = 40


def test_article_query_count_is_constant(client, newsroom, django_assert_max_num_queries):
    _, _, index, category, page = newsroom
    image = cover()
    page.cover_image = image
    page.related_count = 20
    page.save_revision().publish()
    render(client, page)  # creates the renditions once
    with django_assert_max_num_queries(ARTICLE_QUERIES) as none:
        assert related_titles(render(client, page)) == []
    picked = [make_article(index, cover=image) for _ in range(5)]
    for position, article in enumerate(picked):
        NewsPageRelatedLink.objects.create(page=page, related=article, sort_order=position)
    for _ in range(15):
        make_article(index, categories=[category], cover=image)
    render(client, page)
    bump_site_generation_now(index.get_site().pk)  # both views below are cold: the first after a change
    with django_assert_max_num_queries(ARTICLE_QUERIES) as twenty:
        assert len(related_titles(render(client, page))) == 20
    make_many_articles(index, 980)
    with django_assert_max_num_queries(ARTICLE_QUERIES) as thousand:
        assert len(related_titles(render(client, page))) == 20
    assert len(thousand.captured_queries) == len(twenty.captured_queries)
    print("article queries:", len(none.captured_queries), len(twenty.captured_queries))


def test_preview_shows_the_draft_and_never_leaks_it_into_the_cached_article(client, newsroom):
    _, _, _, _, page = newsroom
    assert "Nội dung Bài chính." in render(client, page).content.decode()  # the live article, now cached
    draft = NewsPage.objects.get(pk=page.pk)
    draft.body = [("paragraph", "<p>Bản nháp chưa duyệt.</p>")]
    draft.save_revision()
    preview = draft.make_preview_request().render().content.decode()
    assert "Bản nháp chưa duyệt." in preview and "Nội dung Bài chính." not in preview
    public = render(client, page).content.decode()
    assert "Nội dung Bài chính." in public and "Bản nháp chưa duyệt." not in public
    # A preview on cold caches must not leave the draft behind for readers either.
    from django.core.cache import cache

    from core.cache import process_cache

    cache.clear()
    process_cache.clear()
    draft.make_preview_request().render()
    public = render(client, page).content.decode()
    assert "Nội dung Bài chính." in public and "Bản nháp chưa duyệt." not in public


def test_main_menu_marks_the_section_of_an_article_and_the_section_itself(client, newsroom):
    import lxml.html

    *_, index, _category, page = newsroom
    index.show_in_menus = True
    index.save_revision().publish()
    bump_site_generation_now(None)

    def menu_current(path):
        tree = lxml.html.fromstring(client.get(path, HTTP_HOST="a.gialai.gov.vn").content.decode())
        return [(a.get("href"), a.get("aria-current")) for a in tree.xpath("//nav[@class='main-menu']//a")]

    section_url = url_of(index)
    assert (section_url, "page") in menu_current(section_url)
    on_article = menu_current(url_of(page))
    assert (section_url, "true") in on_article  # inside the section: not "page", the article is not the section
    assert [href for href, current in on_article if current] == [section_url]  # never the home as well
