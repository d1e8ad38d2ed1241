"""The province editors group manages the province site and its alerts (province-wide ones included), and
nothing of any commune: through the admin's own screens, as such an editor meets them."""

import pytest
from django.contrib.auth import get_user_model

from alerts.models import AlertBanner
from province.editors import group_name, setup_province_editors
from tests.factories.alerts import make_alert
from tests.province.conftest import make_communes

pytestmark = pytest.mark.django_db


@pytest.fixture
def province_editor(province, client):
    (commune, index), _ = make_communes(2, 1)
    site = province.get_site()
    group = setup_province_editors(site)
    assert setup_province_editors(site) == group  # running it again converges
    user = get_user_model().objects.create_user("tinh", password="x")
    user.groups.add(group)
    client.force_login(user)
    return site, commune, index


def test_the_group_is_named_after_the_province(province):
    assert group_name(province.get_site()) == "Biên tập viên tỉnh Gia Lai"


def test_they_edit_the_province_home_and_not_a_communes_pages(client, province, province_editor):
    _, commune, index = province_editor
    assert client.get(f"/admin/pages/{province.pk}/edit/").status_code == 200
    for page in (commune.home, index):
        response = client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code in (302, 403), page
    assert client.get(f"/admin/pages/add/news/newspage/{index.pk}/").status_code in (302, 403)
    assert client.post(f"/admin/pages/{index.pk}/unpublish/").status_code in (302, 403)
    index.refresh_from_db()
    assert index.live


def test_they_publish_a_province_wide_alert_and_cannot_choose_a_communes_site(client, province, province_editor):
    site, commune, _ = province_editor
    make_alert(commune.site, title="Của xã")
    listing = client.get("/admin/snippets/alerts/alertbanner/").content.decode()
    assert "Của xã" not in listing
    form = {
        "site": site.pk,
        "title": "Bão số 9",
        "message": "Bão đổ bộ đêm nay.",
        "link_url": "",
        "severity": "emergency",
        "starts_at": "2026-11-01 08:00",
        "ends_at": "2026-11-02 08:00",
        "section": "",
        "dismissible": "on",
        "show_on_communes": "on",
    }
    refused = client.post("/admin/snippets/alerts/alertbanner/add/", {**form, "site": commune.site.pk})
    assert refused.status_code == 200 and "site" in refused.context["form"].errors
    response = client.post("/admin/snippets/alerts/alertbanner/add/", form)
    assert response.status_code == 302
    alert = AlertBanner.objects.get(title="Bão số 9")
    assert alert.site == site and alert.show_on_communes


def test_the_add_screen_has_their_only_site_chosen_already(client, province_editor):
    import lxml.html

    site, _, _ = province_editor
    tree = lxml.html.fromstring(client.get("/admin/snippets/alerts/alertbanner/add/").content.decode())
    assert tree.xpath("//select[@id='id_site']/option[@selected]/@value") == [str(site.pk)]


def test_province_pages_go_through_the_provinces_own_workflow_approved_by_its_editors(province, province_editor):
    site, commune, _ = province_editor
    workflow = province.get_workflow()
    assert workflow.name == f"Duyệt tin – {site.site_name or site.hostname}"
    approvers = set(workflow.tasks.get().specific.groups.values_list("name", flat=True))
    assert approvers == {group_name(site)}
    assert commune.home.get_workflow() != workflow


def test_a_new_alert_starts_now_and_runs_one_day(client, province_editor):
    from datetime import datetime, timedelta

    import lxml.html
    from django.utils import timezone

    before = timezone.localtime().replace(second=0, microsecond=0, tzinfo=None)
    tree = lxml.html.fromstring(client.get("/admin/snippets/alerts/alertbanner/add/").content.decode())
    starts, ends = (
        datetime.strptime(tree.xpath(f"//input[@id='id_{name}']/@value")[0], "%Y-%m-%d %H:%M")
        for name in ("starts_at", "ends_at")
    )
    assert before <= starts <= before + timedelta(minutes=1) and ends - starts == timedelta(days=1)
