"""The demo home page as a new user sees it, emptied content, and the query budget of a full home page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import SidebarSettings
from indicators.models import Indicator
from news.models import NewsPage
from tests.factories.core import url_of
from tests.factories.home import add_article, add_section, pin, set_home_body, set_sidebar

pytestmark = pytest.mark.django_db

NO_DATA = "Không có dữ liệu"


def section_of(html, css_class):
    start = html.index(f"widget--{css_class}")
    return html[start : html.index("</section>", start)]


def test_demo_home_shows_featured_latest_indicators_links_and_announcement(client, demo):
    html = client.get("/").content.decode()
    seed = demo["ia-ko"].extras["seed_article"]
    featured = section_of(html, "featured-news")
    assert "Tin nổi bật" in featured and featured.index(seed.title) < featured.index("Triển khai tiêm chủng")
    assert "Tin mới" in section_of(html, "latest-news")
    assert "Các chỉ số" in html and "widget--indicators" in html
    assert 'href="https://dichvucong.gov.vn/"' in html
    assert "announcement" in html and "Bộ phận Một cửa" in html
    assert "<marquee" not in html and "blink" not in html
    assert NO_DATA not in html


def test_demo_sidebar_beside_the_seed_article_like_the_seed_page(client, demo):
    seed = demo["ia-ko"].extras["seed_article"]
    html = client.get(url_of(seed)).content.decode()
    aside = html[html.index("<aside") : html.index("</aside>")]
    assert aside.index("Các chỉ số") < aside.index("Tin nổi bật")


def test_demo_english_home_has_the_same_blocks_in_english(client, demo):
    html = client.get("/en/").content.decode()
    assert "Featured news" in html and "Latest news" in html
    assert "Steering Committee meeting" in section_of(html, "featured-news")
    assert "Hội nghị Ban Chỉ đạo" not in html


def test_demo_second_commune_has_its_own_home(client, demo):
    html = client.get("/", HTTP_HOST="localhost:8000").content.decode()
    assert "Tin nổi bật" in html and "Hội nghị Ban Chỉ đạo" not in html  # the seed article is Ia Ko's


def test_demo_emptied_of_content_shows_fallbacks_not_errors(client, demo):
    for article in NewsPage.objects.all():
        article.unpublish()
    Indicator.objects.all().delete()
    for path in ["/", "/en/"]:
        response = client.get(path)
        assert response.status_code == 200
        html = response.content.decode()
        for name in ("featured-news", "latest-news"):
            box = section_of(html, name)
            assert ("Không có dữ liệu" in box or "No data" in box) and "<ul" not in box
    seed_url = url_of(demo["ia-ko"].extras["news_index"])
    assert client.get(seed_url).status_code == 200


def test_demo_loads_twice_without_changing_the_home_page(demo):
    from core.demo import load_all
    from home.models import HomePage

    def state():
        home = HomePage.objects.get(pk=demo["ia-ko"].home.pk)
        return home.latest_revision_id, len(home.body), list(home.featured_pins.values_list("article_id", flat=True))

    before = state()
    load_all()
    assert state() == before and before[1] >= 5 and before[2]
    assert SidebarSettings.for_site(demo["ia-ko"].site).widgets


def quick_links(section):
    return {"links": [{"label": "DVC", "url": "https://dichvucong.gov.vn/"}, {"label": "Tin", "page": section.id}]}


def full_home(commune, section, count):
    for n in range(count):
        add_article(section, f"Bài {n}", days_ago=n)
    articles = list(NewsPage.objects.descendant_of(section)[:2])
    pin(commune.home, *articles)
    blocks = [
        ("announcement", {"text": "<p>Thông báo lịch tiếp dân</p>"}),
        ("featured_news", {"count": 4}),
        ("latest_news", {"sections": [section.id], "count": 5}),
        ("latest_news", {"count": 5, "title": "Mọi tin"}),
        ("indicators", {"count": 4, "indicators": []}),
        (
            "quick_links",
            {"links": [{"label": "DVC", "url": "https://dichvucong.gov.vn/"}, {"label": "Tin", "page": section.id}]},
        ),
        ("rich_text", {"body": "<p>Chào mừng</p>"}),
    ]
    set_home_body(commune.home, blocks)
    set_sidebar(commune.site, [("indicators", {"count": 4, "indicators": []}), ("featured_news", {"count": 5})])


def count_queries(client, host):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/", HTTP_HOST=host)
    assert response.status_code == 200
    return len(queries.captured_queries)


# Measured on SQLite: 54 cold (7 home widgets + 2 sidebar widgets, Wagtail routing, chrome), 11 warm, of which
# the widgets and the sidebar cost 0 (the rest is Wagtail routing and the other apps' tags in base.html).
COLD_BUDGET = 60
WARM_BUDGET = 12


def test_home_with_every_widget_costs_the_same_queries_for_5_or_50_articles(client, two_sites):
    from django.core.cache import cache

    commune_a, commune_b = two_sites
    full_home(commune_a, add_section(commune_a.home), 5)
    full_home(commune_b, add_section(commune_b.home), 50)
    cold = []
    for host in ("a.gialai.gov.vn", "b.gialai.gov.vn"):
        client.get("/", HTTP_HOST=host)  # creates image renditions and settings rows once
        cache.clear()
        cold.append(count_queries(client, host))
    assert cold[0] == cold[1] <= COLD_BUDGET, cold
    for host in ("a.gialai.gov.vn", "b.gialai.gov.vn"):
        client.get("/", HTTP_HOST=host)  # every widget of both sites cached
    warm = [count_queries(client, host) for host in ("a.gialai.gov.vn", "b.gialai.gov.vn")]
    assert warm[0] == warm[1] <= WARM_BUDGET, warm
    print(f"home page queries: cold {cold}, warm {warm}")
    with CaptureQueriesContext(connection) as queries:
        client.get("/", HTTP_HOST="b.gialai.gov.vn")
    widget_tables = ("news_", "indicators_", "home_featurednewspin", "home_sidebarsettings")
    assert not [q for q in queries.captured_queries if any(t in q["sql"] for t in widget_tables)]
