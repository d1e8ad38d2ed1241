"""Who may do what: per-commune groups, the "Duyệt tin" workflow, site-scoped pages, snippets, settings."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupSitePermission, Locale, Page, Workflow, WorkflowState
from wagtail_localize.models import TranslationSource

from core.models import PortalSettings
from editorial.groups import EDITORS, MODERATORS, SITE_ADMINS, TRANSLATORS, group_name
from news.models import NewsCategory, NewsIndexPage, NewsPage
from tests.factories.core import add_page, url_of
from tests.factories.editorial import commune_user, news_page_form

pytestmark = pytest.mark.django_db
HOST_A = {"HTTP_HOST": "a.gialai.gov.vn"}


@pytest.fixture
def communes(two_sites):
    a, b = two_sites
    for commune in (a, b):
        section = add_page(commune.home, NewsIndexPage(title="Tin tức", slug="tin-tuc"))
        commune.article = add_page(section, NewsPage(title="Bản tin", slug="ban-tin", lead="Bản gốc."))
        commune.category = NewsCategory.objects.create(
            site=commune.site, locale=commune.home.locale, name="Sự kiện", slug="su-kien"
        )
    return a, b


def assert_refused(response):
    """Wagtail's admin answers a PermissionDenied with a redirect to the dashboard and an error
    message (wagtail.admin.auth.permission_denied), AJAX and API calls with a plain 403."""
    if response.status_code == 403:
        return
    assert response.status_code == 302 and response["Location"] == "/admin/", response.status_code
    flashed = [str(message) for message in response.wsgi_request._messages]
    assert any("permission" in text or "quyền" in text for text in flashed), flashed


def login(client, user):
    client.force_login(user)
    client.defaults.update(HOST_A)
    return client


def test_setup_command_is_idempotent_and_names_groups_per_site(communes):
    a, b = communes
    call_command("setup_commune_groups")
    counts = (Group.objects.count(), Workflow.objects.count(), GroupSitePermission.objects.count())
    call_command("setup_commune_groups")
    assert (Group.objects.count(), Workflow.objects.count(), GroupSitePermission.objects.count()) == counts
    for site in (a.site, b.site):
        for role in (EDITORS, MODERATORS, TRANSLATORS, SITE_ADMINS):
            assert Group.objects.filter(name=group_name(site, role)).exists()
    assert Group.objects.filter(name="Xã xa-a – Biên tập viên").exists()
    assert a.home.get_workflow().name == "Duyệt tin – Xã xa-a"
    assert a.article.get_workflow() == a.home.get_workflow() != b.home.get_workflow()


def test_editor_submits_and_cannot_publish_moderator_approves_and_publishes(client, communes):
    a, _ = communes
    editor = commune_user("editor_a", a.site, EDITORS)
    moderator = commune_user("moderator_a", a.site, MODERATORS)
    article = a.article

    login(client, editor)
    # "Publish" is not offered to an editor; forcing it only saves a draft.
    edit_url = f"/admin/pages/{article.pk}/edit/"
    assert 'name="action-publish"' not in client.get(edit_url).content.decode()
    client.post(edit_url, news_page_form(article, "action-publish", lead="Bản sửa."))
    assert Page.objects.get(pk=article.pk).specific.lead == "Bản gốc."
    # Submitting starts the "Duyệt tin" workflow; the editor's dashboard lists the draft.
    response = client.post(edit_url, news_page_form(article, "action-submit", lead="Bản sửa."))
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(article.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    assert state.workflow.name == "Duyệt tin – Xã xa-a"
    dashboard = client.get("/admin/").content.decode()
    assert "Bản tin" in dashboard and "Kiểm duyệt – Xã xa-a" in dashboard
    assert client.get(url_of(article)).content.decode().count("Bản sửa.") == 0  # not public yet

    client.logout()
    login(client, moderator)
    task_state = state.current_task_state
    response = client.post(f"/admin/pages/workflow/action/{article.pk}/approve/{task_state.pk}/", {"comment": ""})
    assert response.status_code in (200, 302)
    article.refresh_from_db()
    assert article.lead == "Bản sửa." and article.live
    client.logout()
    assert "Bản sửa." in client.get(url_of(article), **HOST_A).content.decode()


def test_dashboard_panel_queries_do_not_grow_with_drafts(client, communes, django_assert_max_num_queries):
    from editorial.panels import MyDraftsAwaitingApprovalPanel

    a, _ = communes
    editor = commune_user("editor_a", a.site, EDITORS)
    login(client, editor)
    section = a.article.get_parent()

    def submit(n):
        for i in range(n):
            page = add_page(section, NewsPage(title=f"Tin {i}-{n}", slug=f"tin-{i}-{n}"))
            client.post(f"/admin/pages/{page.pk}/edit/", news_page_form(page, "action-submit"))

    from django.test import RequestFactory

    request = RequestFactory().get("/admin/")
    request.user = editor
    submit(1)
    with django_assert_max_num_queries(2):
        assert len(MyDraftsAwaitingApprovalPanel().get_context_data({"request": request})["pages"]) == 1
    submit(5)
    with django_assert_max_num_queries(2):
        assert len(MyDraftsAwaitingApprovalPanel().get_context_data({"request": request})["pages"]) == 6


def test_editor_of_commune_a_is_refused_commune_b_pages_snippets_and_settings(client, communes):
    a, b = communes
    editor = commune_user("editor_a", a.site, EDITORS)
    site_admin = commune_user("admin_a", a.site, SITE_ADMINS)
    commune_user("editor_b", b.site, EDITORS)  # B's groups exist too

    login(client, editor)
    assert client.get(f"/admin/pages/{a.article.pk}/edit/").status_code == 200
    assert_refused(client.get(f"/admin/pages/{b.article.pk}/edit/"))
    assert not b.article.permissions_for_user(editor).can_edit()
    assert client.get(f"/admin/snippets/news/newscategory/edit/{a.category.pk}/").status_code == 200
    assert_refused(client.get(f"/admin/snippets/news/newscategory/edit/{b.category.pk}/"))
    listing = client.get("/admin/snippets/news/newscategory/").content.decode()
    assert f"/edit/{a.category.pk}/" in listing and f"/edit/{b.category.pk}/" not in listing
    # Editors have no settings at all.
    assert_refused(client.get(f"/admin/settings/core/portalsettings/{a.site.pk}/"))

    client.logout()
    login(client, site_admin)
    assert client.get(f"/admin/settings/core/portalsettings/{a.site.pk}/").status_code == 200
    assert_refused(client.get(f"/admin/settings/core/portalsettings/{b.site.pk}/"))
    assert_refused(client.get(f"/admin/settings/home/sidebarsettings/{b.site.pk}/"))
    assert client.get(f"/admin/snippets/core/communeprofile/edit/{a.profile.pk}/").status_code == 200
    assert_refused(client.get(f"/admin/snippets/core/communeprofile/edit/{b.profile.pk}/"))
    # The settings entry point takes a site admin to their own site, even on another host.
    response = client.get("/admin/settings/core/portalsettings/", HTTP_HOST="b.gialai.gov.vn")
    assert response["Location"] == f"/admin/settings/core/portalsettings/{a.site.pk}/"
    ajax = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}
    assert client.get(f"/admin/settings/core/portalsettings/{b.site.pk}/", **ajax).status_code == 403
    assert client.get(f"/admin/snippets/core/communeprofile/edit/{b.profile.pk}/", **ajax).status_code == 403
    # Saving B's settings through a forged POST is refused as well.
    assert_refused(client.post(f"/admin/settings/core/portalsettings/{b.site.pk}/", {"phone": "999"}))
    assert PortalSettings.for_site(b.site).phone != "999"


def test_translator_edits_the_translation_but_not_the_source(client, communes, django_capture_on_commit_callbacks):
    from wagtail_localize.operations import translate_object

    a, _ = communes
    en = Locale.objects.create(language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(a.home, [en])
        translate_object(a.article.get_parent(), [en])
        translate_object(a.article, [en])
    translator = commune_user("translator_a", a.site, TRANSLATORS)  # groups set up after the en tree exists
    english = a.article.get_translation(en)

    login(client, translator)
    assert_refused(client.get(f"/admin/pages/{a.article.pk}/edit/"))
    assert_refused(
        client.post(f"/admin/pages/{a.article.pk}/edit/", news_page_form(a.article, "action-submit", title="X"))
    )
    assert Page.objects.get(pk=a.article.pk).title == "Bản tin"
    assert not a.article.permissions_for_user(translator).can_edit()
    assert client.get(f"/admin/pages/{english.pk}/edit/").status_code == 200
    assert english.permissions_for_user(translator).can_edit()
    assert not english.permissions_for_user(translator).can_publish()


def test_new_users_get_the_admin_in_vietnamese_even_if_the_browser_asks_english(client, communes):
    a, _ = communes
    editor = commune_user("editor_a", a.site, EDITORS)
    assert editor.wagtail_userprofile.preferred_language == "vi"
    login(client, editor)
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="vi"' in html and "Bảng điều khiển" in html
    assert "Bản nháp của tôi đang chờ duyệt" in html


def test_translating_the_home_page_extends_the_groups_to_the_new_tree(
    client, communes, django_capture_on_commit_callbacks
):
    from wagtail_localize.operations import translate_object

    a, _ = communes
    translator = commune_user("translator_a", a.site, TRANSLATORS)  # before the en tree exists
    en = Locale.objects.create(language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(a.home, [en])
    english_home = a.home.get_translation(en)
    assert english_home.permissions_for_user(translator).can_edit()
    assert english_home.get_workflow() == a.home.get_workflow()


def test_demo_communes_get_their_groups_and_demo_editors(demo):
    ia_ko = demo["ia-ko"]
    editor = get_user_model().objects.get(username="iako-bientap")
    assert editor.groups.filter(name=group_name(ia_ko.site, EDITORS)).exists()
    assert ia_ko.home.get_workflow().name.startswith("Duyệt tin")
    seed = demo["ia-ko"].extras["seed_article"]
    assert seed.permissions_for_user(editor).can_edit() and not seed.permissions_for_user(editor).can_publish()
    assert not demo["ia-pal"].home.permissions_for_user(editor).can_edit()


def test_dashboard_lists_out_of_date_indicators_of_the_editors_own_site(client, communes):
    from indicators.models import Indicator

    a, b = communes
    Indicator.objects.create(site=a.site, locale=a.home.locale, name="Tỷ lệ hộ nghèo", code="ho-ngheo")
    Indicator.objects.create(site=b.site, locale=b.home.locale, name="Diện tích cà phê", code="ca-phe")
    login(client, commune_user("editor_a", a.site, EDITORS))
    html = client.get("/admin/").content.decode()
    assert "Chỉ số có dữ liệu đã cũ" in html
    assert "Tỷ lệ hộ nghèo" in html and "Diện tích cà phê" not in html


def test_commune_a_cannot_translate_or_sync_commune_b_content(client, communes, django_capture_on_commit_callbacks):
    a, b = communes
    en = Locale.objects.create(language_code="en")
    translator = commune_user("translator_a", a.site, TRANSLATORS)
    login(client, translator)
    with django_capture_on_commit_callbacks(execute=True):
        assert_refused(client.post(f"/admin/localize/submit/page/{b.home.pk}/", {"locales": [en.pk]}))
        category_url = f"/admin/localize/submit/snippet/news/newscategory/{b.category.pk}/"
        assert_refused(client.post(category_url, {"locales": [en.pk]}))
    assert not Page.objects.filter(locale=en).exists()
    assert not NewsCategory.objects.filter(locale=en).exists()

    # Their own commune: the site admin opens the English tree, then the translator translates into it.
    client.force_login(commune_user("admin_a", a.site, SITE_ADMINS))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/localize/submit/page/{a.home.pk}/", {"locales": [en.pk]})
    assert response.status_code == 302
    assert a.home.get_translation(en).live
    client.force_login(translator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/localize/submit/page/{a.article.pk}/", {"locales": [en.pk]})
    assert response.status_code == 302
    assert a.article.get_translation(en).get_parent().locale == en
    source_b = TranslationSource.get_or_create_from_instance(b.article)[0]
    assert_refused(client.post(f"/admin/localize/update/{source_b.pk}/", {"publish_translations": "on"}))


def test_an_editor_at_the_top_of_the_tree_is_told_which_home_to_open(client, communes):
    """A commune with an English home: the editor's explorer starts above both homes. The top level has a
    Vietnamese name (not "Root") and says to open the Vietnamese home; Wagtail's "pages created here have no
    address" warning, meant for people who can add sites, is not shown to them."""
    a, _b = communes
    english = Locale.objects.create(language_code="en")
    a.home.copy_for_translation(english).save_revision().publish()
    editor = commune_user("editor_a", a.site, EDITORS)
    root = Page.get_first_root_node()

    listing = login(client, editor).get("/admin/pages/", follow=True).content.decode()
    assert "<title>Đang xem: Tất cả cổng thông tin" in " ".join(listing.split())
    assert 'Mở trang chủ có nhãn "Tiếng Việt"' in listing
    assert "Trang tạo ở đây sẽ không truy cập được" not in listing

    client.force_login(get_user_model().objects.create_superuser("root", "root@example.invalid", "x"))
    superuser_view = client.get(f"/admin/pages/{root.pk}/").content.decode()
    assert "Mở trang chủ tiếng Việt" not in superuser_view
    assert "Cấp gốc là nơi bạn có thể thêm cổng thông tin mới" in superuser_view


def test_the_dashboard_is_headed_with_the_editors_commune(client, communes):
    import lxml.html

    a, _b = communes
    a.site.site_name = "Cổng thông tin điện tử xã A"
    a.site.save()
    page = login(client, commune_user("editor_a", a.site, EDITORS)).get("/admin/")
    heading = lxml.html.fromstring(page.content.decode()).xpath("string(//h1)")
    assert heading.strip() == "Cổng thông tin điện tử xã A"

    client.force_login(get_user_model().objects.create_superuser("root", "root@example.invalid", "x"))
    heading = lxml.html.fromstring(client.get("/admin/").content.decode()).xpath("string(//h1)")
    assert heading.strip() == "Cổng thông tin điện tử xã"  # the installation's name (WAGTAIL_SITE_NAME)


def test_dashboard_counts_and_names_the_editors_own_portal_not_the_installation(client, communes):
    import lxml.html

    a, _ = communes
    login(client, commune_user("editor_a", a.site, EDITORS))
    tree = lxml.html.fromstring(client.get("/admin/").content.decode())
    summary = " ".join(tree.xpath("//*[contains(@class, 'w-summary')]//text()")).split()
    own_pages = Page.objects.descendant_of(a.home, inclusive=True).count()  # home, news section, article
    all_pages = Page.objects.exclude(depth=1).count()
    assert own_pages == 3 and all_pages > own_pages
    assert summary[summary.index("trang") - 1] == str(own_pages), summary
    assert "Xã xa-a" in " ".join(summary) and "Wagtail" not in tree.findtext(".//title")


def test_wagtails_default_workflow_is_named_in_vietnamese():
    # Pages with no portal workflow of their own fall under it; its name is on the admin's submit button.
    assert not Workflow.objects.filter(name__icontains="Moderators").exists()
    assert Workflow.objects.filter(name="Duyệt tin").exists()
