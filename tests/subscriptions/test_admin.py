"""What editors see: counts of their own communes; addresses only with the dedicated permission; subscribers'
mail never in the editors' outbox. Per-site isolation and constant query counts."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.outbox import QueuedMail
from editorial.groups import EDITORS, setup_site
from subscriptions.models import Frequency
from subscriptions.reports import counts_by_site
from tests.factories.legaldocs import site_editor
from tests.factories.subscriptions import form_data, subscriber

from .conftest import HOST_A, SUBSCRIBE

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/subscriptions/"
ADDRESSES = "/admin/reports/subscriptions/addresses/"
PERMISSION = "subscriptions.view_subscriber_addresses"


@pytest.fixture
def subscribers(two_sites):
    a, b = two_sites
    subscriber(a.site, email="a1@example.vn")
    subscriber(a.site, email="a2@example.vn", frequency=Frequency.DAILY, events=False)
    subscriber(a.site, email="a3@example.vn", confirmed=False)
    subscriber(b.site, email="b1@example.vn", frequency=Frequency.WEEKLY)
    return a, b


def row_of(html, site_name):
    start = html.index(f'<th scope="row">{site_name}</th>')
    return " ".join(html[start : html.index("</tr>", start)].split())


def test_editors_see_their_communes_counts_and_no_address(client, subscribers):
    a, _ = subscribers
    client.force_login(site_editor("bientap_a", a.home))
    response = client.get(REPORT)
    html = response.content.decode()
    assert response.status_code == 200 and "Đăng ký nhận tin qua thư điện tử" in html
    # confirmed, pending, immediate, daily, weekly, articles, consultations, events
    assert row_of(html, "Xã xa-a") == (
        '<th scope="row">Xã xa-a</th> <td>2</td> <td>1</td> <td>1</td> <td>1</td> <td>0</td> <td>2</td> '
        "<td>2</td> <td>1</td>"
    )
    assert "Xã xa-b" not in html  # another commune's subscribers are not even counted
    assert "@example.vn" not in html and ADDRESSES not in html
    assert client.get(ADDRESSES).status_code in (302, 403)


def test_the_address_permission_shows_only_the_own_communes_addresses(client, subscribers):
    a, _ = subscribers
    client.force_login(site_editor("quanly_a", a.home, PERMISSION))
    html = client.get(REPORT).content.decode()
    assert ADDRESSES in html
    listing = client.get(ADDRESSES)
    html = listing.content.decode()
    assert listing.status_code == 200
    assert all(f"{name}@example.vn" in html for name in ("a1", "a2", "a3")) and "b1@example.vn" not in html


def test_a_commune_group_gets_no_address_permission_by_default(client, subscribers):
    a, _ = subscribers
    editor = site_editor("thu_a", a.home)
    editor.groups.add(setup_site(a.site)[EDITORS])  # the commune's real editors' group
    client.force_login(editor)
    assert not editor.has_perm(PERMISSION)
    assert client.get(ADDRESSES).status_code in (302, 403)


def test_subscribers_mail_is_not_in_the_editors_outbox(client, two_sites):
    a, _ = two_sites
    client.post(SUBSCRIBE, form_data(email="riengtu@example.vn"), **HOST_A)
    assert len(mail.outbox) == 1
    queued = QueuedMail.objects.get()
    assert queued.confidential
    editor = site_editor("thu_b", a.home, "core.view_queuedmail")
    client.force_login(editor)
    listing = client.get(reverse("wagtailsnippets_core_queuedmail:list")).content.decode()
    assert "Xác nhận đăng ký" not in listing
    assert client.get(reverse("wagtailsnippets_core_queuedmail:inspect", args=[queued.pk])).status_code in (302, 403)


def many(site, count, start=0):
    for number in range(start, start + count):
        subscriber(site, email=f"dan{number}@example.vn", confirmed=number % 3 != 0)


def queries_of(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def test_the_lists_cost_the_same_queries_whatever_the_number_of_subscribers(
    client, two_sites, django_assert_num_queries
):
    a, b = two_sites
    client.force_login(site_editor("quanly", a.home, PERMISSION))
    client.get(REPORT)  # the admin's first view warms its own per-process caches
    measured = {}
    for size, more in ((3, 3), (60, 57)):
        many(a.site, more, start=size)
        many(b.site, more, start=1000 + size)
        with django_assert_num_queries(2):
            [row] = counts_by_site({a.site.pk})
        assert row["confirmed"] + row["pending"] == size
        report, _ = queries_of(client, REPORT)
        addresses, html = queries_of(client, ADDRESSES)
        assert html.count("@example.vn") == min(size, 50)  # 50 a page
        measured[size] = (report, addresses)
    assert measured[3] == measured[60], measured
    assert measured[3][1] <= 25, measured  # the admin's own frame included


def test_the_address_permission_can_be_given_to_a_group_in_the_admin(client, django_user_model):
    admin = django_user_model.objects.create_superuser("quantri", "quantri@example.vn", "pw")
    client.force_login(admin)
    html = client.get(reverse("wagtailusers_groups:add")).content.decode()
    assert "Được xem địa chỉ thư điện tử của người đăng ký nhận tin" in html
