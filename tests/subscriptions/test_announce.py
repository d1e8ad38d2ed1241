"""Publishing announces a page once, after the commit, to the subscribers of its own commune only; drafts,
private pages and other communes' pages never reach a mail. (locmem mail, immediate tasks.)"""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import PageViewRestriction

from news.models import NewsPage
from subscriptions.models import Frequency, NotifiedPage, SentItem
from tests.factories.consultations import consultations_index
from tests.factories.events import events_index
from tests.factories.news import make_index
from tests.factories.subscriptions import publish_new, republish, subscriber

from .conftest import outbox_to

pytestmark = pytest.mark.django_db

NOW = timezone.now


def article(parent, title="Khánh thành nhà văn hóa thôn 3", **fields):
    return NewsPage(title=title, slug=title.lower().replace(" ", "-")[:50], lead=f"Tóm tắt: {title}.", **fields)


def publish(capture, parent, page):
    with capture(execute=True):
        return publish_new(parent, page)


def test_one_notice_after_the_commit_and_never_again_on_republishing(commune_a, django_capture_on_commit_callbacks):
    resident = subscriber(commune_a.site)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        page = publish_new(commune_a.news, article(commune_a.news))
    assert mail.outbox == [] and not NotifiedPage.objects.exists()  # nothing before the commit
    with django_capture_on_commit_callbacks(execute=True):  # the commit
        for callback in callbacks:
            callback()
    assert NotifiedPage.objects.filter(page=page).count() == 1
    [notice] = outbox_to(resident.email)
    assert "Khánh thành nhà văn hóa thôn 3" in notice.subject and "Tin tức" in notice.subject
    assert "http://a.gialai.gov.vn/tin-tuc/" in notice.body and "Tóm tắt: Khánh thành" in notice.body
    assert notice.extra_headers["List-Unsubscribe"].startswith("<http://a.gialai.gov.vn/dang-ky-nhan-tin/huy/")
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            republish(page)
    assert len(mail.outbox) == 1 and SentItem.objects.count() == 1


def test_consultations_and_events_are_announced_to_those_who_follow_them(commune_a, django_capture_on_commit_callbacks):
    from consultations.models import ConsultationPage
    from events.models import EventPage

    everything = subscriber(commune_a.site, email="tatca@example.vn")
    only_events = subscriber(commune_a.site, email="sukien@example.vn", news=False, consultations=False)
    now = NOW()
    draft = ConsultationPage(
        title="Dự thảo quy chế chợ",
        slug="du-thao",
        summary="Góp ý quy chế.",
        issuing_body="UBND xã",
        opens_at=now,
        closes_at=now + datetime.timedelta(days=9),
    )
    publish(django_capture_on_commit_callbacks, consultations_index(commune_a.home), draft)
    festival = EventPage(
        title="Lễ hội mừng lúa mới",
        slug="le-hoi",
        summary="Lễ hội.",
        venue="Sân nhà rông",
        starts_at=now + datetime.timedelta(days=3),
        ends_at=now + datetime.timedelta(days=3, hours=4),
    )
    publish(django_capture_on_commit_callbacks, events_index(commune_a.home), festival)
    assert sorted(m.subject.split(" – ")[0] for m in outbox_to(everything.email)) == [
        "Lấy ý kiến dự thảo: Dự thảo quy chế chợ",
        "Sự kiện: Lễ hội mừng lúa mới",
    ]
    [event_notice] = outbox_to(only_events.email)
    assert "Lễ hội mừng lúa mới" in event_notice.subject and "Thời gian:" in event_notice.body


def test_categories_narrow_the_articles(commune_a, django_capture_on_commit_callbacks):
    farmer = subscriber(commune_a.site, email="nongdan@example.vn", categories=[commune_a.farming])
    page = article(commune_a.news, "Chuyển đổi số ở thôn 2")
    page.live = False
    commune_a.news.add_child(instance=page)
    page.categories.set([commune_a.digital])
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert outbox_to(farmer.email) == []
    other = article(commune_a.news, "Giá lúa vụ mùa")
    other.live = False
    commune_a.news.add_child(instance=other)
    other.categories.set([commune_a.farming])
    with django_capture_on_commit_callbacks(execute=True):
        other.save_revision().publish()
    [notice] = outbox_to(farmer.email)
    assert "Giá lúa vụ mùa" in notice.subject


def test_other_communes_pages_reach_only_their_own_subscribers(
    two_sites, commune_a, django_capture_on_commit_callbacks
):
    mine = subscriber(commune_a.site, email="xa-a@example.vn")
    theirs = subscriber(two_sites[1].site, email="xa-b@example.vn")
    publish(django_capture_on_commit_callbacks, make_index(two_sites[1].home), article(None, "Tin của xã B"))
    assert outbox_to(mine.email) == []
    [notice] = outbox_to(theirs.email)
    assert "http://b.gialai.gov.vn/" in notice.body and "Xã xa-b" in notice.subject


def test_drafts_private_pages_and_unconfirmed_or_later_subscribers_get_nothing(
    commune_a, django_capture_on_commit_callbacks
):
    subscriber(commune_a.site, email="choxacnhan@example.vn", confirmed=False)
    resident = subscriber(commune_a.site)
    draft = article(commune_a.news, "Bản nháp", live=False)
    with django_capture_on_commit_callbacks(execute=True):
        commune_a.news.add_child(instance=draft)
        draft.save_revision()  # saved, not published
    private_section = make_index(commune_a.home, slug="noi-bo", title="Nội bộ")
    PageViewRestriction.objects.create(page=private_section, restriction_type="login")
    publish(django_capture_on_commit_callbacks, private_section, article(None, "Tin nội bộ"))
    assert mail.outbox == [] and not NotifiedPage.objects.exists()

    earlier = publish(django_capture_on_commit_callbacks, commune_a.news, article(None, "Tin đăng trước"))
    assert len(outbox_to(resident.email)) == 1
    newcomer = subscriber(commune_a.site, email="moi@example.vn", confirmed_at=NOW())
    with django_capture_on_commit_callbacks(execute=True):
        republish(earlier)
    assert outbox_to(newcomer.email) == []  # published before they subscribed


def test_a_page_first_published_long_ago_is_not_news_when_published_again(
    commune_a, django_capture_on_commit_callbacks
):
    resident = subscriber(commune_a.site)
    old = article(commune_a.news, "Tin cũ", live=True, first_published_at=NOW() - datetime.timedelta(days=30))
    commune_a.news.add_child(instance=old)
    with django_capture_on_commit_callbacks(execute=True):
        republish(old)
    assert outbox_to(resident.email) == []
    assert NotifiedPage.objects.get(page=old).announced is False


def test_a_frequency_other_than_immediate_gets_no_notice(commune_a, django_capture_on_commit_callbacks):
    subscriber(commune_a.site, frequency=Frequency.DAILY)
    publish(django_capture_on_commit_callbacks, commune_a.news, article(None))
    assert mail.outbox == [] and NotifiedPage.objects.count() == 1


def test_a_queue_outage_never_breaks_the_publish_and_cron_sends_the_notice_later(
    commune_a, django_capture_on_commit_callbacks, monkeypatch
):
    from django.core.management import call_command

    resident = subscriber(commune_a.site)

    class QueueDown:
        def enqueue(self, *args):
            raise ConnectionError("task queue unavailable")

    monkeypatch.setattr("subscriptions.tasks.notify_immediate", QueueDown())
    page = publish(django_capture_on_commit_callbacks, commune_a.news, article(None, "Tin trong lúc hàng đợi hỏng"))
    assert page.live and outbox_to(resident.email) == []
    monkeypatch.undo()
    call_command("send_digests", "--immediate")
    [notice] = outbox_to(resident.email)
    assert "Tin trong lúc hàng đợi hỏng" in notice.subject


def test_an_old_article_brought_in_from_the_former_portal_is_not_news(commune_a, django_capture_on_commit_callbacks):
    """The importer publishes years of old articles in one evening, each with its original date: no mail."""
    resident = subscriber(commune_a.site)
    dated = NOW() - datetime.timedelta(days=400)
    old = publish(django_capture_on_commit_callbacks, commune_a.news, article(commune_a.news, publication_date=dated))
    assert outbox_to(resident.email) == []
    assert NotifiedPage.objects.get(page=old).announced is False
