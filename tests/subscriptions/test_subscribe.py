"""The subscribe page and the links in the confirmation mail, through HTTP (locmem mail, immediate tasks)."""

import time
from unittest import mock
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.test import Client

from subscriptions import links
from subscriptions.models import Frequency, Subscriber
from tests.factories.subscriptions import form_data, subscriber

from .conftest import HOST_A, HOST_B, SUBSCRIBE, link_to

pytestmark = pytest.mark.django_db


def path_of(url):
    parts = urlsplit(url)
    return parts.path, {"HTTP_HOST": parts.netloc}


def test_the_page_is_reachable_from_every_footer_and_is_never_cached(client, commune_a):
    home = client.get("/", **HOST_A).content.decode()
    assert f'href="{SUBSCRIBE}"' in home and "Đăng ký nhận tin qua thư điện tử" in home
    response = client.get(SUBSCRIBE, **HOST_A)
    html = response.content.decode()
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "Cổng thông tin điện tử Xã xa-a" in html  # the commune's name
    assert "Nông nghiệp" in html and "Chuyển đổi số" in html  # its own categories...
    assert 'name="website"' in html and 'name="started"' in html  # the shared spam guard
    english = client.get(f"/en{SUBSCRIBE}", **HOST_A).content.decode()
    assert "Subscribe to news by e-mail" in english and "How often" in english


def test_other_communes_categories_are_not_offered(client, commune_a, two_sites):
    from tests.factories.news import make_category

    make_category(two_sites[1].site, "du-lich", "Du lịch xã B")
    html = client.get(SUBSCRIBE, **HOST_A).content.decode()
    assert "Du lịch xã B" not in html
    forged = client.post(SUBSCRIBE, form_data(categories=[str(commune_a.farming.pk + 2)]), **HOST_A)
    assert forged.status_code == 400 and not Subscriber.objects.exists()


def test_subscribing_stores_the_choices_unconfirmed_and_mails_a_confirmation_link(client, commune_a):
    data = form_data(email=" NguoiDan@Example.VN ", categories=[str(commune_a.farming.pk)], frequency="daily")
    response = client.post(SUBSCRIBE, data, **HOST_A)
    assert response.status_code == 200 and "Vui lòng kiểm tra hộp thư" in response.content.decode()
    stored = Subscriber.objects.get()
    assert (stored.email, stored.site, stored.frequency, stored.confirmed_at) == (
        "nguoidan@example.vn",
        commune_a.site,
        Frequency.DAILY,
        None,
    )
    assert list(stored.categories.all()) == [commune_a.farming] and stored.language == "vi"
    [message] = mail.outbox
    assert message.to == ["nguoidan@example.vn"] and "Xác nhận đăng ký nhận tin" in message.subject
    assert "Cổng thông tin điện tử Xã xa-a" in message.subject
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    confirm_path, host = path_of(link_to(message.body, "/xac-nhan/"))
    assert host == HOST_A
    confirmed = client.get(confirm_path, **host)
    assert confirmed.status_code == 200 and "Đã xác nhận đăng ký" in confirmed.content.decode()
    stored.refresh_from_db()
    assert stored.confirmed_at is not None


def test_a_second_confirmation_says_so_and_changes_nothing(client, commune_a):
    resident = subscriber(commune_a.site)
    first = resident.confirmed_at
    path = links.confirm_url(resident, commune_a.site).split("a.gialai.gov.vn", 1)[1]
    response = client.get(path, **HOST_A)
    assert response.status_code == 200 and "đã được xác nhận trước đó" in response.content.decode()
    resident.refresh_from_db()
    assert resident.confirmed_at == first


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"email": "khong-phai-dia-chi"}, "Nhập một địa chỉ thư điện tử hợp lệ"),
        ({"email": ""}, "Nhập địa chỉ thư điện tử của bạn"),
        ({"news": None, "consultations": None, "events": None}, "Chọn ít nhất một loại tin"),
        ({"frequency": "hourly"}, "Hãy chọn một lựa chọn hợp lệ"),
        ({"website": "http://spam.example"}, "để trống ô cuối cùng"),
        ({"seconds_ago": 0}, "gửi quá nhanh"),
        ({"started": "forged"}, "Biểu mẫu đã hết hạn"),
    ],
)
def test_bad_input_is_explained_in_vietnamese_and_stores_nothing(client, commune_a, changes, message):
    response = client.post(SUBSCRIBE, form_data(**changes), **HOST_A)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Subscriber.objects.exists() and mail.outbox == []


def test_a_nul_byte_is_refused_with_a_translated_page(client, commune_a):
    response = client.post(SUBSCRIBE, form_data(email="a\x00b@example.vn"), **HOST_A)
    assert response.status_code == 400 and "Yêu cầu không hợp lệ" in response.content.decode()
    assert not Subscriber.objects.exists() and mail.outbox == []


def bad(client, path, host=HOST_A):
    response = client.get(path, **host)
    return response.status_code, response.content.decode()


def test_forged_expired_and_foreign_links_are_refused_and_change_nothing(client, commune_a, two_sites):
    resident = subscriber(commune_a.site, confirmed=False)
    good = links.token(resident, links.CONFIRM)
    status, html = bad(client, f"{SUBSCRIBE}xac-nhan/{good[:-2]}xx/")
    assert status == 400 and "Liên kết này không hợp lệ" in html
    status, html = bad(client, f"{SUBSCRIBE}xac-nhan/{good}/", HOST_B)  # commune A's link on commune B
    assert status == 400 and "Liên kết này không hợp lệ" in html
    manage_token = links.token(resident, links.MANAGE)
    status, _ = bad(client, f"{SUBSCRIBE}xac-nhan/{manage_token}/")  # a link for another purpose
    assert status == 400
    with mock.patch("django.core.signing.time.time", return_value=time.time() - 8 * 24 * 3600):
        old = links.token(resident, links.CONFIRM)
    status, html = bad(client, f"{SUBSCRIBE}xac-nhan/{old}/")
    assert status == 410 and "đã hết hạn" in html
    resident.refresh_from_db()
    assert resident.confirmed_at is None
    resident.delete()
    status, html = bad(client, f"{SUBSCRIBE}xac-nhan/{good}/")
    assert status == 404 and "không còn" in html


def test_a_confirmed_address_subscribing_again_only_gets_its_own_manage_link(client, commune_a):
    resident = subscriber(commune_a.site, frequency=Frequency.WEEKLY)
    response = client.post(SUBSCRIBE, form_data(frequency="immediate", events=None), **HOST_A)
    assert response.status_code == 200  # the same answer as for a new address: nobody learns who subscribed
    resident.refresh_from_db()
    assert resident.frequency == Frequency.WEEKLY and resident.events  # a stranger cannot change it
    [message] = mail.outbox
    assert "đã đăng ký" in message.subject and "/quan-ly/" in message.body and "/xac-nhan/" not in message.body


def test_confirmation_mails_are_limited_per_address(client, commune_a, settings):
    settings.SUBSCRIPTIONS_RATE_LIMITS = {"address": (2, 3600), "subscribe": (100, 3600)}
    for _ in range(2):
        assert client.post(SUBSCRIBE, form_data(), **HOST_A).status_code == 200
    refused = client.post(SUBSCRIBE, form_data(), **HOST_A)
    assert refused.status_code == 429 and "đã được gửi tới địa chỉ này" in refused.content.decode()
    assert len(mail.outbox) == 2
    other = client.post(SUBSCRIBE, form_data(email="khac@example.vn"), **HOST_A)
    assert other.status_code == 200 and len(mail.outbox) == 3


def test_posts_are_limited_per_connection(client, commune_a, settings):
    settings.SUBSCRIPTIONS_RATE_LIMITS = {"subscribe": (1, 3600)}
    assert client.post(SUBSCRIBE, form_data(email="mot@example.vn"), **HOST_A).status_code == 200
    refused = client.post(SUBSCRIBE, form_data(email="hai@example.vn"), **HOST_A)
    assert refused.status_code == 429 and "Quá nhiều" in refused.content.decode()
    assert Subscriber.objects.count() == 1


def test_english_subscribers_get_english_mail_with_english_links(client, commune_a):
    client.post(f"/en{SUBSCRIBE}", form_data(), **HOST_A)
    [message] = mail.outbox
    assert "Please confirm your subscription" in message.subject
    assert "/en/dang-ky-nhan-tin/xac-nhan/" in message.body
    assert Subscriber.objects.get().language == "en"


def test_the_manage_link_changes_the_choices_without_an_account(client, commune_a):
    resident = subscriber(commune_a.site)
    path = links.manage_url(resident, commune_a.site).split("a.gialai.gov.vn", 1)[1]
    page = client.get(path, **HOST_A)
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    data = {"news": "on", "categories": [str(commune_a.digital.pk)], "frequency": "weekly"}
    saved = client.post(path, data, **HOST_A)
    assert saved.status_code == 200 and "Đã lưu lựa chọn của bạn" in saved.content.decode()
    resident.refresh_from_db()
    assert resident.frequency == Frequency.WEEKLY and not resident.events and not resident.consultations
    assert list(resident.categories.all()) == [commune_a.digital]
    nothing = client.post(path, {"frequency": "daily"}, **HOST_A)
    assert nothing.status_code == 400 and "Chọn ít nhất một loại tin" in nothing.content.decode()
    resident.refresh_from_db()
    assert resident.frequency == Frequency.WEEKLY


def test_unsubscribing_deletes_the_address_and_needs_no_csrf_token(commune_a):
    resident = subscriber(commune_a.site)
    path = links.unsubscribe_url(resident, commune_a.site).split("a.gialai.gov.vn", 1)[1]
    client = Client(enforce_csrf_checks=True)
    shown = client.get(path, **HOST_A)  # opening the link (or a mail scanner doing so) unsubscribes nobody
    assert shown.status_code == 200 and Subscriber.objects.filter(pk=resident.pk).exists()
    done = client.post(path, {"List-Unsubscribe": "One-Click"}, **HOST_A)
    assert done.status_code == 200 and "Bạn đã hủy đăng ký" in done.content.decode()
    assert not Subscriber.objects.exists()
    again = client.post(path, {"List-Unsubscribe": "One-Click"}, **HOST_A)
    assert again.status_code == 200 and "đã được hủy trước đó" in again.content.decode()
    manage = client.get(path.replace("/huy/", "/quan-ly/"), **HOST_A)
    assert manage.status_code == 404


def test_a_link_checker_looking_at_the_confirmation_link_confirms_nothing(client, commune_a):
    resident = subscriber(commune_a.site, confirmed=False)
    path = links.confirm_url(resident, commune_a.site).split("a.gialai.gov.vn", 1)[1]
    assert client.head(path, **HOST_A).status_code == 200
    resident.refresh_from_db()
    assert resident.confirmed_at is None
    client.get(path, **HOST_A)
    resident.refresh_from_db()
    assert resident.confirmed_at is not None
