"""Alert banners: per site and section, time window, translations, dismissal, cache, admin permissions."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.template import Context, Template
from django.test import RequestFactory
from wagtail.models import GroupPagePermission, Locale

from alerts.dismissal import COOKIE_NAME, alert_key
from alerts.models import AlertBanner
from core.demo import translate_page
from news.models import NewsIndexPage, NewsPage
from tests.factories.alerts import make_alert
from tests.factories.core import add_page

pytestmark = pytest.mark.django_db
BASE_HAS_TAG = "alert_banners" in (Path(settings.BASE_DIR) / "portal/templates/base.html").read_text()


def render(page=None, host="a.gialai.gov.vn", cookies=None, language="vi"):
    from django.utils import translation

    request = RequestFactory().get("/", HTTP_HOST=host)
    request.COOKIES.update(cookies or {})
    with translation.override(language):
        return Template("{% load alert_tags %}{% alert_banners page %}").render(
            Context({"request": request, "page": page})
        )


def test_current_alert_shows_on_its_own_site_only(two_sites):
    commune_a, commune_b = two_sites
    make_alert(commune_a.site, title="Bảo trì xã A", severity="warning")
    html = render(commune_a.home)
    assert "Bảo trì xã A" in html
    assert '<section class="alert-banner alert-banner--warning" aria-labelledby="alert-' in html
    assert '<span class="alert-banner__severity">Cảnh báo:</span>' in html  # severity in words, not only colour
    assert "Bảo trì xã A" not in render(commune_b.home, host="b.gialai.gov.vn")


def test_future_and_past_alerts_are_not_shown(two_sites):
    commune_a, _ = two_sites
    make_alert(commune_a.site, title="Sắp tới", starts_in=2, ends_in=5)
    make_alert(commune_a.site, title="Đã qua", starts_in=-5, ends_in=-1)
    assert render(commune_a.home).strip() == ""


def test_section_alert_covers_the_section_and_its_descendants_only(two_sites):
    commune_a, _ = two_sites
    news = add_page(commune_a.home, NewsIndexPage(title="Tin tức", slug="tin-tuc"))
    article = add_page(news, NewsPage(title="Bài", slug="bai"))
    other = add_page(commune_a.home, NewsIndexPage(title="Khác", slug="khac"))
    make_alert(commune_a.site, title="Chỉ mục tin", section=news)
    assert "Chỉ mục tin" in render(news) and "Chỉ mục tin" in render(article)
    assert "Chỉ mục tin" not in render(other) and "Chỉ mục tin" not in render(commune_a.home)
    assert "Chỉ mục tin" not in render(None)  # pages without a page object (search, 404) get site-wide ones only


def test_english_readers_get_the_translation_or_the_original(two_sites):
    commune_a, _ = two_sites
    english = Locale.objects.get_or_create(language_code="en")[0]
    en_home = translate_page(commune_a.home, english, title="Home")
    translated = make_alert(commune_a.site, title="Bảo trì")
    copy = translated.copy_for_translation(english)
    copy.title = "Maintenance"
    copy.save()
    make_alert(commune_a.site, title="Chỉ có tiếng Việt")
    html = render(en_home, language="en")
    assert "Maintenance" in html and "Bảo trì" not in html
    assert "Chỉ có tiếng Việt" in html  # untranslated alerts still reach English readers
    assert "Hide this notice" in html
    assert "Bảo trì" in render(commune_a.home)


def test_section_alert_follows_the_sections_translation(two_sites):
    commune_a, _ = two_sites
    english = Locale.objects.get_or_create(language_code="en")[0]
    translate_page(commune_a.home, english, title="Home")
    news = add_page(commune_a.home, NewsIndexPage(title="Tin tức", slug="tin-tuc"))
    en_news = translate_page(news, english, title="News")
    make_alert(commune_a.site, title="Mục tin", section=news)
    assert "Mục tin" in render(en_news, language="en")


def test_message_is_escaped(two_sites):
    commune_a, _ = two_sites
    make_alert(commune_a.site, title="<b>x</b>", message='<script>alert("x")</script>')
    html = render(commune_a.home)
    assert "<script>alert" not in html and "&lt;script&gt;" in html and "&lt;b&gt;x&lt;/b&gt;" in html


def test_no_js_dismiss_sets_a_cookie_and_returns_to_the_page(client, two_sites):
    commune_a, _ = two_sites
    alert = make_alert(commune_a.site, title="Ẩn được")
    key = alert_key(alert.translation_key)
    response = client.post("/alerts/dismiss/", {"alert": key, "next": "/tin-tuc/?page=2"}, HTTP_HOST="a.gialai.gov.vn")
    assert response.status_code == 302 and response["Location"] == "/tin-tuc/?page=2"
    assert response.cookies[COOKIE_NAME].value == key
    assert "Ẩn được" not in render(commune_a.home, cookies={COOKIE_NAME: key})
    # Other readers still see it.
    assert "Ẩn được" in render(commune_a.home)


def test_dismiss_rejects_foreign_redirects_and_junk_keys(client, two_sites):
    response = client.post(
        "/alerts/dismiss/", {"alert": "<script>", "next": "//evil.example/"}, HTTP_HOST="a.gialai.gov.vn"
    )
    assert response.status_code == 302 and response["Location"] == "/"
    assert COOKIE_NAME not in response.cookies
    assert client.get("/alerts/dismiss/", HTTP_HOST="a.gialai.gov.vn").status_code == 405


def test_non_dismissible_alert_stays(two_sites):
    commune_a, _ = two_sites
    alert = make_alert(commune_a.site, title="Khẩn cấp thật", severity="emergency", dismissible=False)
    key = alert_key(alert.translation_key)
    html = render(commune_a.home, cookies={COOKIE_NAME: key})
    assert "Khẩn cấp thật" in html and "alert-banner__dismiss" not in html


def test_saving_or_deleting_an_alert_refreshes_the_cached_banners(two_sites, django_assert_max_num_queries):
    commune_a, _ = two_sites
    assert render(commune_a.home).strip() == ""  # cached: nothing
    alert = make_alert(commune_a.site, title="Mới")
    assert "Mới" in render(commune_a.home)
    with django_assert_max_num_queries(1):  # cached per site: only the site lookup, whatever the alerts
        render(commune_a.home)
    alert.title = "Đã sửa"
    alert.save()
    assert "Đã sửa" in render(commune_a.home)
    alert.delete()
    assert "Đã sửa" not in render(commune_a.home)


@pytest.mark.skipif(not BASE_HAS_TAG, reason="base.html does not call {% alert_banners page %} yet")
def test_pages_show_the_banner_and_hide_it_after_dismissal(client, two_sites):
    commune_a, commune_b = two_sites
    alert = make_alert(commune_a.site, title="Trên mọi trang")
    assert "Trên mọi trang" in client.get("/", HTTP_HOST="a.gialai.gov.vn").content.decode()
    assert "Trên mọi trang" not in client.get("/", HTTP_HOST="b.gialai.gov.vn").content.decode()
    client.post(
        "/alerts/dismiss/", {"alert": alert_key(alert.translation_key), "next": "/"}, HTTP_HOST="a.gialai.gov.vn"
    )
    assert "Trên mọi trang" not in client.get("/", HTTP_HOST="a.gialai.gov.vn").content.decode()


def test_demo_has_one_current_alert_announced_ahead(demo):
    alert = AlertBanner.objects.get(site=demo["ia-ko"].site, locale__language_code="vi")
    assert (alert.ends_at - alert.starts_at).days >= 7
    assert "Bảo trì" in render(demo["ia-ko"].home, host="iako.gialai.gov.vn") or "bảo trì" in render(
        demo["ia-ko"].home, host="iako.gialai.gov.vn"
    )


# --- admin -------------------------------------------------------------------------------------


def editor_of(commune, django_user_model, name):
    group = Group.objects.create(name=f"Biên tập {name}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for action in ("add", "change", "delete", "view"):
        group.permissions.add(Permission.objects.get(codename=f"{action}_alertbanner"))
    GroupPagePermission.objects.create(group=group, page=commune.home, permission_type="change")
    user = django_user_model.objects.create_user(name, password="x")
    user.groups.add(group)
    return user


def test_editor_of_another_site_gets_403_and_never_sees_the_alert(client, two_sites, django_user_model):
    commune_a, commune_b = two_sites
    alert = make_alert(commune_a.site, title="Của xã A")
    own = make_alert(commune_b.site, title="Của xã B")
    client.force_login(editor_of(commune_b, django_user_model, "bientap_b"))
    ajax = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}  # Wagtail answers these with a plain 403
    assert client.get(f"/admin/snippets/alerts/alertbanner/edit/{alert.pk}/", **ajax).status_code == 403
    assert client.post(f"/admin/snippets/alerts/alertbanner/delete/{alert.pk}/", **ajax).status_code == 403
    # A normal browser request is refused too (Wagtail redirects to the dashboard with a message).
    assert client.get(f"/admin/snippets/alerts/alertbanner/edit/{alert.pk}/").status_code in (302, 403)
    listing = client.get("/admin/snippets/alerts/alertbanner/").content.decode()
    assert "Của xã A" not in listing and "Của xã B" in listing
    assert client.get(f"/admin/snippets/alerts/alertbanner/edit/{own.pk}/").status_code == 200
    assert AlertBanner.objects.filter(pk=alert.pk).exists()


def test_editor_creates_an_alert_for_their_site_and_bad_input_is_refused(client, two_sites, django_user_model):
    commune_a, commune_b = two_sites
    client.force_login(editor_of(commune_a, django_user_model, "bientap_a"))
    other_sites_page = add_page(commune_b.home, NewsIndexPage(title="Tin B", slug="tin-b"))
    base = {
        "site": commune_a.site.pk,
        "title": "Mất điện",
        "message": "Mất điện toàn xã.",
        "link_url": "",
        "severity": "emergency",
        "starts_at": "2026-11-01 08:00",
        "ends_at": "2026-11-01 07:00",
        "section": other_sites_page.pk,
        "dismissible": "on",
    }
    response = client.post("/admin/snippets/alerts/alertbanner/add/", base)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "ends_at" in errors and "section" in errors
    # Another site is not even a choice.
    response = client.post("/admin/snippets/alerts/alertbanner/add/", {**base, "site": commune_b.site.pk})
    assert "site" in response.context["form"].errors
    response = client.post(
        "/admin/snippets/alerts/alertbanner/add/", {**base, "ends_at": "2026-11-02 08:00", "section": ""}
    )
    assert response.status_code == 302
    assert AlertBanner.objects.get().site == commune_a.site
