"""`send_digests`: what each subscriber is owed, once; a fixed number of queries whatever the volume."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from subscriptions import digests
from subscriptions.announce import announce
from subscriptions.models import Frequency, NotifiedPage, SentItem, Subscriber
from tests.factories.news import make_article
from tests.factories.subscriptions import subscriber

from .conftest import outbox_to

pytestmark = pytest.mark.django_db


def announced(index, count, **fields):
    """`count` live articles of the index, announced as a publish would (without mailing anyone)."""
    pages = [make_article(index, publish=False, fast=True, **fields) for _ in range(count)]
    for page in pages:
        # Published and dated now: news (subscriptions.announce.NEW_FOR). The factory dates each article a
        # little older than the one before, which after ~2,900 articles of a whole run was no longer news.
        page.first_published_at = page.publication_date = timezone.now()
        page.save(update_fields=["first_published_at", "publication_date"])
        announce(page.pk)
    return pages


def send(frequency="--daily"):
    out = StringIO()
    call_command("send_digests", frequency, stdout=out)
    return out.getvalue()


def test_a_daily_digest_lists_what_is_new_once(commune_a):
    daily = subscriber(commune_a.site, email="hangngay@example.vn", frequency=Frequency.DAILY)
    weekly = subscriber(commune_a.site, email="hangtuan@example.vn", frequency=Frequency.WEEKLY)
    pages = announced(commune_a.news, 3)
    assert "1 mail(s) queued" in send()
    [digest] = outbox_to(daily.email)
    assert "Bản tin hằng ngày" in digest.subject and "Cổng thông tin điện tử Xã xa-a" in digest.subject
    assert "có 3 tin mới" in digest.body
    assert all(page.title in digest.body for page in pages)
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert outbox_to(weekly.email) == []
    assert "0 mail(s) queued" in send()  # again: nothing new
    assert len(mail.outbox) == 1
    more = announced(commune_a.news, 1)
    send()
    second = outbox_to(daily.email)[1]
    assert "có 1 tin mới" in second.body and more[0].title in second.body and pages[0].title not in second.body
    send("--weekly")
    [week] = outbox_to(weekly.email)
    assert "Bản tin hằng tuần" in week.subject and "có 4 tin mới" in week.body


def test_a_page_made_private_or_unpublished_before_the_digest_is_left_out(commune_a):
    daily = subscriber(commune_a.site, frequency=Frequency.DAILY)
    private, unpublished, kept = announced(commune_a.news, 3)
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    unpublished.unpublish()
    send()
    [digest] = outbox_to(daily.email)
    assert kept.title in digest.body
    assert private.title not in digest.body and unpublished.title not in digest.body


def test_unconfirmed_subscriptions_expire_after_seven_days(commune_a):
    old = subscriber(commune_a.site, email="cu@example.vn", confirmed=False)
    Subscriber.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=8))
    recent = subscriber(commune_a.site, email="moi@example.vn", confirmed=False)
    assert "1 unconfirmed subscription(s) expired" in send()
    assert list(Subscriber.objects.all()) == [recent]


def test_the_immediate_safety_net_sends_what_the_worker_missed_once(commune_a):
    resident = subscriber(commune_a.site)
    [page] = announced(commune_a.news, 1)  # outside a commit: its notice task was never enqueued
    assert outbox_to(resident.email) == [] and not SentItem.objects.exists()
    send("--immediate")
    send("--immediate")
    [notice] = outbox_to(resident.email)
    assert page.title in notice.subject


def population(commune, subscribers, items, categories):
    for number in range(subscribers):
        made = subscriber(commune.site, email=f"dan{number}@example.vn", frequency=Frequency.DAILY)
        if number % 2:
            made.categories.set(categories)
    announced(commune.news, items, categories=categories)


@pytest.mark.parametrize("subscribers, items", [(2, 2), (30, 12)])
def test_the_digest_build_costs_the_same_queries_whatever_the_volume(
    commune_a, django_assert_num_queries, subscribers, items
):
    population(commune_a, subscribers, items, [commune_a.farming])
    # subscribers, view restrictions (Wagtail's public()), items, pages + their NewsPage rows, sent, categories;
    # translations in the subscribers' languages: locales, view restrictions, the pages (none here)
    with django_assert_num_queries(10):
        owed = digests.build(Frequency.DAILY)
    assert len(owed) == subscribers and all(len(o.items) == items for o in owed)
    assert NotifiedPage.objects.count() == items


def test_a_resident_who_subscribed_in_english_gets_the_english_article_where_there_is_one(commune_a, client):
    from wagtail.models import Locale

    english = Locale.objects.get_or_create(language_code="en")[0]
    for page in (commune_a.home, commune_a.news):
        page.copy_for_translation(english).save_revision().publish()
    translated_article, vietnamese_only = announced(commune_a.news, 2)
    english_article = translated_article.copy_for_translation(english)
    english_article.title = "Ia Ko opens its new cultural house"
    english_article.lead = "The village's new cultural house opened on Sunday."
    english_article.save_revision().publish()
    reader = subscriber(commune_a.site, email="reader@example.vn", frequency=Frequency.DAILY, language="en")
    resident = subscriber(commune_a.site, email="dan@example.vn", frequency=Frequency.DAILY)

    send()
    [digest] = outbox_to(reader.email)
    assert "Your daily digest" in digest.subject
    assert english_article.title in digest.body and translated_article.title not in digest.body
    assert vietnamese_only.title in digest.body  # no English version: the Vietnamese one, not nothing
    english_link = next(line for line in digest.body.split() if "/en/" in line and "/dang-ky" not in line)
    response = client.get(english_link.split(commune_a.site.hostname, 1)[1], HTTP_HOST=commune_a.site.hostname)
    assert response.status_code == 200 and english_article.title in response.content.decode()
    [vietnamese] = outbox_to(resident.email)
    assert translated_article.title in vietnamese.body and "/en/" not in vietnamese.body
