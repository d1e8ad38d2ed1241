"""The whole journey through a real SMTP server (aiosmtpd on 127.0.0.1) and the real worker (django-tasks'
`db_worker` on the database backend): confirmation, an immediate notice, a daily digest and a one-click
unsubscribe; every message parsed and its links followed through the test client."""

import contextlib
import re
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from core.outbox import MailStatus, QueuedMail
from events.models import EventPage
from news.models import NewsPage
from subscriptions.models import Frequency, Subscriber
from tests.factories.events import events_index
from tests.factories.subscriptions import form_data, publish_new, republish, subscriber
from tests.mail_server import local_smtp, run_worker

from .conftest import SUBSCRIBE

HOST_A = {"HTTP_HOST": "a.gialai.gov.vn"}


@pytest.fixture
def inbox(settings):
    settings.DEFAULT_FROM_EMAIL = "no-reply@gialai.gov.vn"
    controller, received = local_smtp(settings)
    controller.start()
    yield received
    with contextlib.suppress(AssertionError):
        controller.stop()


def follow(client, url, method="get", **kwargs):
    parts = urlsplit(url)
    return getattr(client, method)(parts.path, HTTP_HOST=parts.netloc, **kwargs)


def subject(message):
    return str(message["Subject"]).strip()  # a long encoded subject is folded after "Subject:"


def link(message, part):
    found = [url for url in re.findall(r"https?://\S+", message.get_content()) if part in url]
    assert found, f"no {part} link in:\n{message.get_content()}"
    return found[0]


def article(title):
    return NewsPage(title=title, slug=re.sub(r"\W+", "-", title.lower())[:40], lead=f"{title}: tóm tắt.")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # keeps the root page for later tests
def test_confirm_notice_digest_and_one_click_unsubscribe_through_a_real_smtp_server(client, commune_a, inbox):
    # 1. Subscribe: nothing is sent inside the request; the worker delivers the confirmation.
    response = client.post(SUBSCRIBE, form_data(email="nguoidan@example.vn"), **HOST_A)
    assert response.status_code == 200 and inbox.messages == []
    assert QueuedMail.objects.get().status == MailStatus.QUEUED
    run_worker()
    [confirmation] = inbox.to("nguoidan@example.vn")
    assert subject(confirmation).startswith("Xác nhận đăng ký nhận tin – Cổng thông tin điện tử Xã xa-a")
    assert "Cổng thông tin điện tử Xã xa-a" in confirmation["From"]
    assert confirmation["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    confirmed = follow(client, link(confirmation, "/xac-nhan/"))
    assert confirmed.status_code == 200 and "Đã xác nhận đăng ký" in confirmed.content.decode()
    assert Subscriber.objects.get(email="nguoidan@example.vn").is_confirmed
    # The sent mail keeps no address, body or personal link in the database.
    sent = QueuedMail.objects.get()
    assert sent.status == MailStatus.SENT and (sent.to, sent.body, sent.headers) == ("", "", {})

    # 2. Publish an article: one notice after the commit, none for republishing it.
    page = publish_new(commune_a.news, article("Khánh thành cầu treo thôn 5"))
    run_worker()
    [notice] = inbox.to("nguoidan@example.vn")[1:]
    assert "Tin tức: Khánh thành cầu treo thôn 5" in subject(notice)
    unsubscribe_url = str(notice["List-Unsubscribe"]).strip().strip("<>")
    assert unsubscribe_url.startswith("http://a.gialai.gov.vn/dang-ky-nhan-tin/huy/")
    assert notice["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe_url in notice.get_content()  # the same link in the text
    read = follow(client, link(notice, "/tin-tuc/"))
    assert read.status_code == 200 and "Khánh thành cầu treo thôn 5" in read.content.decode()
    manage = follow(client, link(notice, "/quan-ly/"))
    assert manage.status_code == 200 and "Đăng ký nhận tin của bạn" in manage.content.decode()
    republish(page)
    republish(page)
    run_worker()
    assert len(inbox.to("nguoidan@example.vn")) == 2

    # 3. A daily subscriber gets one digest with the day's items, and never the same items again.
    daily = subscriber(
        commune_a.site, email="hangngay@example.vn", frequency=Frequency.DAILY, confirmed_at=timezone.now()
    )
    festival = EventPage(
        title="Lễ hội mừng lúa mới",
        slug="le-hoi-mung-lua-moi",
        summary="Lễ hội của bà con.",
        venue="Sân nhà rông",
        starts_at=page.first_published_at.replace(year=page.first_published_at.year + 1),
        ends_at=page.first_published_at.replace(year=page.first_published_at.year + 1, hour=23),
    )
    publish_new(events_index(commune_a.home), festival)
    publish_new(commune_a.news, article("Giá cà phê tăng"))
    call_command("send_digests", "--daily")
    run_worker()
    [digest] = inbox.to(daily.email)
    assert subject(digest).startswith("Bản tin hằng ngày – ")
    body = digest.get_content()
    assert "có 2 tin mới" in body and "Lễ hội mừng lúa mới" in body and "Giá cà phê tăng" in body
    assert "Khánh thành cầu treo" not in body  # published before this resident subscribed
    event_page = follow(client, link(digest, "/su-kien/"))
    assert event_page.status_code == 200 and "Lễ hội mừng lúa mới" in event_page.content.decode()
    call_command("send_digests", "--daily")
    run_worker()
    assert len(inbox.to(daily.email)) == 1

    # 4. One click (RFC 8058): a POST without a CSRF token, as a mail client sends it.
    mail_client = Client(enforce_csrf_checks=True)
    done = follow(
        mail_client,
        unsubscribe_url,
        "post",
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert done.status_code == 200 and "Bạn đã hủy đăng ký" in done.content.decode()
    assert not Subscriber.objects.filter(email="nguoidan@example.vn").exists()
    before = len(inbox.to("nguoidan@example.vn"))
    publish_new(commune_a.news, article("Tin sau khi hủy"))
    run_worker()
    assert len(inbox.to("nguoidan@example.vn")) == before
