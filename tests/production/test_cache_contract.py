"""The cache contract (README "Caching"), against real Redis (databases 8 and 9) and the production stack:
every entry of the invalidation registry changes the public page; a release version change shows new
output; tracking parameters are served the clean copy; the page's own max-age is honoured; a flood of
random cookies, hosts and filter values adds a bounded number of keys."""

import random

import pytest
from taggit.models import Tag
from wagtail.models import Locale, PageViewRestriction, Site

from core.invalidation import REGISTRY
from core.models import CommuneProfile, PortalSettings
from tests.factories.alerts import make_alert
from tests.factories.core import url_of
from tests.factories.legaldocs import documents_page, make_document
from tests.factories.news import cover, make_article, make_category, make_index
from tests.production.cache_support import keys, use_redis

pytestmark = pytest.mark.django_db


@pytest.fixture
def real_redis(production):
    use_redis(production)
    return production


@pytest.fixture
def news(two_sites):
    site_a, _ = two_sites
    index = make_index(site_a.home)
    category = make_category(site_a.site, "nong-nghiep", "Nông nghiệp")
    image = cover("Ảnh cánh đồng")
    article = make_article(index, "Mùa lúa mới", categories=[category], tags=["lua-nuoc"], cover=image)
    return {"site": site_a.site, "home": site_a.home, "index": index, "article": article, "category": category}


def seen(https_get, url, text, times=2):
    """GET url `times` times (so the second is a hit); return whether `text` is in the last one."""
    for _ in range(times):
        response = https_get(url)
        assert response.status_code == 200
    return text in response.content.decode(), response["X-Page-Cache"]


# Each case: (url of the page that shows the thing, change it, text that must then show). A change whose
# text the page does not print (a locale) is checked through the page being rendered afresh.
def _category(news):
    news["category"].name = "Khuyến nông"
    news["category"].save()
    return url_of(news["article"]), "Khuyến nông"


def _image(news):
    image = news["article"].cover_image
    image.title = "Lúa chín vàng ở thôn 3"
    image.description = ""
    image.save()
    return url_of(news["article"]), "Lúa chín vàng ở thôn 3"


def _tag(news):
    tag = Tag.objects.get(name="lua-nuoc")
    tag.name = "Lúa nước"
    tag.save()
    return url_of(news["article"]), "Lúa nước"


def _profile(news):
    profile = CommuneProfile.objects.get(site=news["site"])
    profile.portal_name = "Cổng thông tin mới của xã"
    profile.save()
    return "/", "Cổng thông tin mới của xã"


def _settings(news):
    portal_settings = PortalSettings.for_site(news["site"])
    portal_settings.phone = "0269 999 888"
    portal_settings.save()
    return "/", "0269 999 888"


def _alert(news):
    make_alert(news["site"], title="Cúp điện chiều nay")
    return "/", "Cúp điện chiều nay"


def _document(news):
    page = documents_page(news["home"])
    url = url_of(page)
    make_document(news["site"], number="7/QĐ-UBND")
    return url, "7/QĐ-UBND"


def _page(news):
    article = news["article"]
    article.title = "Mùa lúa mới bội thu"
    article.save_revision().publish()
    return url_of(news["index"]), "Mùa lúa mới bội thu"


def _site(news):
    site = Site.objects.get(pk=news["site"].pk)
    site.site_name = "Xã A đổi tên"
    site.save()
    return None, None


def _locale(news):
    Locale.objects.get_or_create(language_code="en")
    return None, None


CHANGES = {
    "news.NewsCategory": _category,
    "wagtailimages.Image": _image,
    "taggit.Tag": _tag,
    "core.CommuneProfile": _profile,
    "core.PortalSettings": _settings,
    "alerts.AlertBanner": _alert,
    "legaldocs.LegalDocument": _document,
    "wagtailcore.Site": _site,
    "wagtailcore.Locale": _locale,
    "page published": _page,
}
# Covered by their own tests: view restrictions below, indicators in test_observation_import_bumps_once;
# calendar entries, questions, sidebar and documents (wagtaildocs) share the same site_id/ALL mechanisms.
COVERED_ELSEWHERE = {
    "wagtailcore.PageViewRestriction",
    "indicators.Indicator",
    "indicators.Observation",
    "workcalendar.CalendarEntry",
    "feedback.Question",
    "home.SidebarSettings",
    "wagtaildocs.Document",
}


def test_every_registry_entry_has_a_test():
    assert {entry.model for entry in REGISTRY} <= set(CHANGES) | COVERED_ELSEWHERE


@pytest.mark.parametrize("change", CHANGES, ids=list(CHANGES))
def test_a_change_shows_on_the_next_view(real_redis, news, https_get, change):
    urls = [url_of(news["article"]), url_of(news["index"]), "/"]
    for url in urls:
        seen(https_get, url, "")
    url, text = CHANGES[change](news)
    if url is None:  # nothing printed: every page is rendered afresh, none served from an old copy
        for page_url in urls:
            assert https_get(page_url)["X-Page-Cache"] == "miss"
        return
    for _ in range(2):
        response = https_get(url)
        assert text in response.content.decode(), change


def test_a_page_made_private_is_refused_at_once_through_every_tier(real_redis, news, https_get):
    url = url_of(news["article"])
    assert seen(https_get, url, "Mùa lúa mới") == (True, "hit")
    seen(https_get, url_of(news["index"]), "")
    PageViewRestriction.objects.create(page=news["index"], restriction_type="password", password="mat-khau")
    response = https_get(url)  # the article under the section: route snapshot, fragments, page copy
    assert "Nội dung Mùa lúa mới" not in response.content.decode()
    assert response.get("X-Page-Cache") != "hit"


def test_a_release_version_change_shows_new_output(real_redis, news, https_get):
    url = url_of(news["article"])
    seen(https_get, url, "")
    assert https_get(url)["X-Page-Cache"] == "hit"
    real_redis.CACHE_VERSION = "release-2"
    assert https_get(url)["X-Page-Cache"] == "miss"
    from core.cache_release import release

    assert any(f":frag:{release()}:" in key for key in keys())  # fragments rendered again under the new release


def test_tracking_parameters_are_served_the_clean_copy(real_redis, news, https_get):
    url = url_of(news["article"])
    assert https_get(url)["X-Page-Cache"] == "miss"
    for query in ("?fbclid=IwAR3x", "?utm_source=zalo&utm_medium=social", "?gclid=abc&zarsrc=30", "?zalo_x=1"):
        response = https_get(url + query)
        assert response["X-Page-Cache"] == "hit", query
    assert https_get(url + "?nonsense=1")["X-Page-Cache"] == "bypass"


def test_the_page_max_age_bounds_the_copy(real_redis, news, https_get):
    from tests.factories.workcalendar import calendar_page

    calendar = calendar_page(news["home"])
    assert https_get(url_of(calendar))["X-Page-Cache"] == "miss"
    assert https_get(url_of(news["article"]))["X-Page-Cache"] == "miss"
    import redis

    client = redis.Redis(db=8)
    ttls = sorted(client.ttl(key) for key in client.keys("*:page:*"))
    assert ttls[0] <= 120 < ttls[-1] <= 600  # the calendar's s-maxage, then an article's


def test_a_flood_of_random_variants_adds_a_bounded_number_of_keys(real_redis, news, https_get, client):
    """1,000 requests with random a11y and dismissed_alerts cookies, random hosts under the wildcard,
    random filter values and equivalent spellings."""
    alert = make_alert(news["site"], title="Cúp điện", dismissible=True)
    from alerts.dismissal import alert_key

    real_key = alert_key(alert.translation_key)
    index, article = url_of(news["index"]), url_of(news["article"])
    rng = random.Random(14)
    for url in (index, article, "/", index + "?category=nong-nghiep"):  # the canonical pages, warm
        https_get(url)
    before = len(keys())

    a11y = ["", "t150.hc", "t100.nc", "t200", "junk", "t150.hc.x", "t125.nc"]
    for number in range(1000):
        client.cookies.clear()
        client.cookies["a11y"] = rng.choice(a11y) + rng.choice(["", str(rng.random())])
        hidden = [f"{rng.getrandbits(48):012x}" for _ in range(rng.randint(0, 3))]
        if rng.random() < 0.3:
            hidden.append(real_key)
        client.cookies["dismissed_alerts"] = ".".join(hidden)
        host = rng.choice(["a.gialai.gov.vn", f"x{rng.getrandbits(20)}.gialai.gov.vn", "A.GIALAI.GOV.VN"])
        query = rng.choice(
            [
                "",
                f"?category=r{number}",
                f"?tag=t{number}",
                f"?type=t{number}",
                "?page=01",
                "?page=1&page=1",
                f"?page={number}",
                f"?month=2026-{number % 13:02d}",
                f"?utm_source=zalo&fbclid={number}",
                "?category=nong-nghiep",
            ]
        )
        response = https_get(rng.choice([index, article, "/"]) + query, host=host)
        assert response.status_code == 200
    # Page copies: 3 pages + the one real filter state, times at most 15 reader-preference variants, times
    # 2 dismissed-alert variants (the real alert hidden or not); fragments add a fixed few per variant of
    # the alert list (none per cookie, host or query).
    page_keys = [key for key in keys() if ":page:" in key]
    assert len(page_keys) <= 4 * 15 * 2
    assert len(keys()) - before <= 4 * 15 * 2 + 40, len(keys()) - before
