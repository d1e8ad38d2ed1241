"""The demo a newcomer sees after `make run`, read through HTTP: every page of every type answers, every
widget and list shows real entries, and no "no data" fallback appears where the demo has data."""

import re

import lxml.html
import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision

from indicators.models import Indicator
from news.models import NewsCategory, NewsPage

pytestmark = pytest.mark.django_db


def host_of(commune):
    return f"{commune.site.hostname}:{commune.site.port}"


def fetch(client, commune, url):
    response = client.get(url, HTTP_HOST=host_of(commune))
    assert response.status_code == 200, f"{url} on {host_of(commune)}: {response.status_code}"
    return lxml.html.fromstring(response.content.decode())


def public_pages(commune):
    """Every live public page of the commune's site, in every language."""
    homes = Page.objects.filter(translation_key=commune.site.root_page.translation_key)
    pages = Page.objects.none()
    for home in homes:
        pages |= Page.objects.live().public().descendant_of(home, inclusive=True)
    return list(pages.specific().order_by("path"))


def texts(tree, xpath):
    return [" ".join(node.text_content().split()) for node in tree.xpath(xpath)]


def no_data_blocks(tree):
    """The "no data" fallbacks on the page, each named by the closest widget, indicator or section around it."""
    found = []
    for node in tree.xpath("//*[contains(concat(' ', @class, ' '), ' no-data ')]"):
        holder = node.xpath("ancestor::*[self::section or self::article][1]")
        found.append(holder[0].get("id") or holder[0].get("class") if holder else "page")
    return found


def empty_indicator_ids(site):
    """Indicators the demo deliberately leaves without any figure (their fallback is the right answer)."""
    return {f"indicator-{i.code}" for i in Indicator.objects.filter(site=site, observations__isnull=True)}


def test_demo_sites_answer_on_the_hosts_make_run_serves(demo_site):
    assert demo_site["ia-ko"].site.root_url == "http://127.0.0.1:8000"
    assert demo_site["ia-ko"].site.is_default_site
    assert demo_site["ia-pal"].site.root_url == "http://localhost:8000"
    assert demo_site["dak-po"].site.root_url == "http://dakpo.localhost:8000"


def test_a_generated_commune_has_a_home_with_its_own_news(client, demo_site):
    commune = demo_site["kbang"]
    tree = fetch(client, commune, "/")
    latest = texts(tree, "//section[contains(@class, 'widget--latest-news')]//li//a")
    assert "Xã Kbang đạt thêm hai tiêu chí nông thôn mới nâng cao" in latest
    assert not no_data_blocks(tree), "a generated commune's home shows only widgets it has data for"


def pages_to_read(commune):
    """Every article of Ia Ko (each has related news) and one page of every other type, in every language
    (reading every page of both communes costs minutes of first-view image renditions)."""
    chosen = {}
    for page in public_pages(commune):
        is_article = isinstance(page, NewsPage) and commune.key == "ia-ko"
        chosen.setdefault(page.pk if is_article else (type(page), page.locale_id), page)
    return list(chosen.values())


def test_every_page_type_of_both_communes_in_both_languages_shows_its_data(client, demo_site):
    """No page of the demo shows a fallback except the one indicator the demo keeps without figures."""
    seen_types, checked = set(), 0
    for commune in demo_site.values():
        allowed = empty_indicator_ids(commune.site)
        for page in pages_to_read(commune):
            url = page.get_url(current_site=commune.site)
            tree = fetch(client, commune, url)
            unexpected = [holder for holder in no_data_blocks(tree) if holder not in allowed]
            assert not unexpected, f"{url} on {host_of(commune)} shows 'no data' in {unexpected}"
            seen_types.add(type(page).__name__)
            checked += 1
    assert checked > 60 and len(seen_types) >= 14, (checked, seen_types)


def test_home_page_widgets_all_list_entries(client, demo_site):
    commune = demo_site["ia-ko"]
    tree = fetch(client, commune, "/")
    for widget in ("featured-news", "latest-news", "indicators", "documents", "calendar", "quick-links"):
        items = tree.xpath(f"//section[contains(@class, 'widget--{widget}')]//li")
        assert items, f"home page widget {widget} lists nothing"
    featured = texts(tree, "//section[contains(@class, 'widget--featured-news')]//a[contains(@class, '__link')]")
    # the two pins first, in their order
    assert featured[:2] == [commune.extras["seed_article"].title, commune.extras["pinned_articles"][0].title]
    assert tree.xpath("//*[contains(@class, 'alert')]//*[contains(., 'bảo trì')]"), "no active alert banner"


def test_seed_article_has_related_news_categories_tags_and_a_captioned_image(client, demo_site):
    commune = demo_site["ia-ko"]
    seed = commune.extras["seed_article"]
    tree = fetch(client, commune, seed.get_url(current_site=commune.site))
    related = tree.xpath("//*[@id='related-news-page']/following-sibling::ul[1]/li")
    assert len(related) == seed.related_count
    assert texts(tree, "//figcaption") == ["Đồng chí Dương Mạnh Mẫn phát biểu chỉ đạo"]
    classification = " ".join(texts(tree, "//*[contains(@class, 'article__classification')]"))
    assert "Chính trị - Đảng ủy" in classification and "Nghị quyết 57" in classification


def test_every_category_tag_and_month_filter_of_the_news_section_lists_articles(client, demo_site):
    for commune in demo_site.values():
        for index in (commune.extras["news_index"], commune.extras["news_index_en"]):
            url = index.get_url(current_site=commune.site)
            tree = fetch(client, commune, url)
            filters = {
                url + link.get("href")[link.get("href").index("?") :]
                for link in tree.xpath("//a[contains(@href, '?category=') or contains(@href, '?month=')]")
            }
            categories = NewsCategory.objects.filter(site=commune.site, locale=index.locale)
            assert {f"{url}?category={category.slug}" for category in categories} <= filters
            assert any("?month=" in link for link in filters), f"no month archive on {url}"
            articles = NewsPage.objects.live().child_of(index)
            for article in articles:
                for tag in article.tags.all():
                    filters.add(f"{url}?tag={tag.slug}")
            for link in sorted(filters):
                cards = fetch(client, commune, link).xpath("//main//article[contains(@class, 'news-card')]")
                assert cards, f"{link} on {host_of(commune)} lists no article"


def test_every_article_has_a_cover_image_and_a_captioned_picture(client, demo_site):
    articles = NewsPage.objects.live()
    assert articles.count() > 20 and not articles.filter(cover_image__isnull=True).exists()
    for article in articles.filter(locale__language_code="vi"):
        assert any(block.block_type == "image" and block.value["caption"] for block in article.body), article.slug


def test_indicators_documents_calendar_and_questions_show_their_features(client, demo_site):
    commune = demo_site["ia-ko"]
    indicators = fetch(client, commune, commune.extras["indicators_page"].url_path[len("/ia-ko") :])
    history_rows = indicators.xpath("//article[contains(@class, 'indicator')]//table//tbody/tr")
    assert len(history_rows) > 10
    assert "số liệu gần nhất" in indicators.text_content()  # one indicator missed its last period
    documents = fetch(client, commune, commune.extras["documents_page"].get_url(current_site=commune.site))
    assert "Hết hiệu lực" in documents.text_content()
    assert len(documents.xpath("//main//table//tbody/tr | //main//li[contains(@class, 'doc')]")) >= 5
    calendar = fetch(client, commune, commune.extras["calendar_page"].get_url(current_site=commune.site))
    assert len(calendar.xpath("//main//table//tbody/tr")) >= 7  # a week with an entry every day
    questions = fetch(client, commune, commune.extras["questions_page"].get_url(current_site=commune.site))
    assert re.search(r"Trả lời|trả lời", questions.text_content())
    english = fetch(client, commune, "/en/")
    assert english.get("lang") == "en"
    assert english.xpath("//section[contains(@class, 'widget--latest-news')]//li")


def test_loading_the_demo_again_changes_nothing(demo_site):
    counts = (Page.objects.count(), Revision.objects.count(), NewsPage.objects.filter(categories__isnull=False).count())
    call_command("load_demo", verbosity=0)
    assert (
        Page.objects.count(),
        Revision.objects.count(),
        NewsPage.objects.filter(categories__isnull=False).count(),
    ) == counts


def test_each_communes_editor_finds_its_own_demo_images_and_documents_in_the_admin(client, demo_site):
    """The demo's photos and files live in their commune's collection, where its editors can choose them; the
    other commune's never show (they were left in the shared root collection once, and editors saw "0 ảnh")."""
    from django.contrib.auth import get_user_model
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    from core.documents import site_collection

    ia_ko, ia_pal = demo_site["ia-ko"], demo_site["ia-pal"]
    own = site_collection(ia_ko.site)
    own_images = get_image_model().objects.filter(collection=own)
    other_images = get_image_model().objects.filter(collection=site_collection(ia_pal.site))
    assert own_images.exists() and other_images.exists()
    assert get_document_model().objects.filter(collection=own).exists()

    client.force_login(get_user_model().objects.get(username="iako-bientap"))
    listing = client.get("/admin/images/?ordering=-created_at", HTTP_HOST=host_of(ia_ko))
    assert listing.status_code == 200
    shown = {int(pk) for pk in re.findall(r"/admin/images/(\d+)/", listing.content.decode())}
    assert shown and shown <= set(own_images.values_list("pk", flat=True))
    dashboard = client.get("/admin/", HTTP_HOST=host_of(ia_ko)).content.decode()
    summary = " ".join(lxml.html.fromstring(dashboard).xpath("string(//a[@href='/admin/images/'])").split())
    assert re.match(r"[1-9]\d* ảnh", summary), summary


def test_each_commune_has_a_confirmed_subscriber_whose_links_work(client, demo_site):
    from subscriptions import links
    from subscriptions.models import Subscriber

    for commune in (commune for commune in demo_site.values() if not commune.generated):
        [resident] = Subscriber.objects.filter(site=commune.site).confirmed()
        subscribe = fetch(client, commune, "/dang-ky-nhan-tin/")
        assert subscribe.xpath("//main//form//input[@type='email']")
        assert subscribe.xpath("//footer//a[@href='/dang-ky-nhan-tin/']")
        assert subscribe.xpath("//main//input[@name='categories']"), "the demo's news categories are offered"
        manage = links.manage_url(resident, commune.site).split(commune.site.root_url, 1)[1]
        page = fetch(client, commune, manage)
        assert page.xpath("//main//input[@name='frequency'][@checked]")
