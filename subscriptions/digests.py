"""What each subscriber is owed, built in a fixed number of queries whatever the number of subscribers and
items, then sent one mail per subscriber (a digest) or per item (immediate notices).

An item is owed when it was announced after the subscriber confirmed, within ITEM_WINDOW, is still live,
public and on the subscriber's site, matches their choices and was never sent to them (SentItem). Running
the same build twice therefore sends nothing the second time.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from core.queries import visible

from . import mails
from .models import Frequency, NotifiedPage, SentItem, Subscriber

ITEM_WINDOW = timedelta(days=31)  # older news is not news; sent records are kept twice as long


@dataclass
class Owed:
    subscriber: Subscriber
    items: list = field(default_factory=list)  # [(NotifiedPage, specific page)], oldest first


def build(frequency, now=None, item_ids=None, site_ids=None):
    """[Owed] for the confirmed subscribers of `frequency`, in 8 queries plus one per page type found (twice
    with translations in the subscribers' languages).
    The lists of subscribers and items go into the SQL as subqueries, so its size does not grow either."""
    now = now or timezone.now()
    wanted = Subscriber.objects.confirmed().filter(frequency=frequency)
    if site_ids is not None:
        wanted = wanted.filter(site_id__in=site_ids)
    subscribers = list(wanted.select_related("site__root_page").order_by("pk"))
    if not subscribers:
        return []
    items = NotifiedPage.objects.filter(
        announced=True,
        site_id__in=wanted.values("site_id"),
        notified_at__gte=max(now - ITEM_WINDOW, min(s.confirmed_at for s in subscribers)),
        page__in=visible(Page.objects.all()).values("pk"),
    )
    if item_ids is not None:
        items = items.filter(pk__in=item_ids)
    item_list = list(items.order_by("notified_at", "pk"))
    if not item_list:
        return []
    pages = {page.pk: page for page in Page.objects.filter(pk__in=items.values("page_id")).specific()}
    translations = translated(pages.values(), {subscriber.language for subscriber in subscribers})
    sent = set(
        SentItem.objects.filter(subscriber__in=wanted.values("pk"), item__in=items.values("pk"))
        .values_list("subscriber_id", "item_id")
        .order_by()
    )
    chosen = chosen_categories(wanted)
    by_site = defaultdict(list)
    for item in item_list:
        by_site[item.site_id].append(item)
    owed = []
    for subscriber in subscribers:
        root_path = subscriber.site.root_page.path
        mine = Owed(subscriber)
        for item in by_site[subscriber.site_id]:
            page = pages.get(item.page_id)
            if (
                page is not None
                and page.path.startswith(root_path)  # not moved to another commune since
                and item.notified_at >= subscriber.confirmed_at
                and (subscriber.pk, item.pk) not in sent
                and subscriber.wants(item.kind, item.category_ids, chosen[subscriber.pk])
            ):
                # Checked on the page as published; sent as the subscriber's language's version if it has one.
                mine.items.append((item, translations.get((page.translation_key, subscriber.language), page)))
        if mine.items:
            owed.append(mine)
    return owed


def translated(pages, languages):
    """{(translation_key, language code): live, public translation} of the pages, in one query (plus one per
    page type found): a resident who subscribed in English gets the English article when there is one."""
    pages = list(pages)
    locales = dict(Locale.objects.filter(language_code__in=languages).values_list("pk", "language_code"))
    found = visible(
        Page.objects.filter(translation_key__in={page.translation_key for page in pages}, locale_id__in=locales)
    ).exclude(pk__in=[page.pk for page in pages])
    return {(page.translation_key, locales[page.locale_id]): page for page in found.specific()}


def chosen_categories(subscribers):
    """{subscriber id: {category ids}} of a Subscriber queryset, in one query (empty set: every category)."""
    through = Subscriber.categories.through
    category = f"{Subscriber.categories.field.m2m_reverse_field_name()}_id"
    chosen = defaultdict(set)
    rows = through.objects.filter(subscriber__in=subscribers.values("pk")).values_list("subscriber_id", category)
    for subscriber_id, category_id in rows:
        chosen[subscriber_id].add(category_id)
    return chosen


def send(owed_list, now=None):
    """Queue the mails and record what they carry; returns the number of mails queued."""
    now = now or timezone.now()
    if not owed_list:
        return 0
    names = mails.commune_names({owed.subscriber.site_id for owed in owed_list})
    queued = 0
    for owed in owed_list:
        subscriber = owed.subscriber
        with transaction.atomic():
            # Another run may have sent some of these meanwhile: lock the subscriber and look again.
            if not Subscriber.objects.select_for_update().filter(pk=subscriber.pk).exists():
                continue  # unsubscribed meanwhile
            already = set(
                SentItem.objects.filter(subscriber=subscriber, item_id__in=[item.pk for item, _ in owed.items])
                .values_list("item_id", flat=True)
                .order_by()
            )
            items = [(item, page) for item, page in owed.items if item.pk not in already]
            if not items:
                continue
            SentItem.objects.bulk_create(
                [SentItem(subscriber=subscriber, item=item, sent_at=now) for item, _ in items], ignore_conflicts=True
            )
            if subscriber.frequency == Frequency.IMMEDIATE:
                for item, page in items:
                    mails.send_notice(subscriber, subscriber.site, item, page, names)
                    queued += 1
            else:
                mails.send_digest(subscriber, subscriber.site, items, names)
                queued += 1
    return queued


def forget_old(now=None):
    """Expired unconfirmed subscriptions and sent records older than any item a build may still consider."""
    now = now or timezone.now()
    expired, _ = Subscriber.objects.unconfirmed_expired(now).delete()
    SentItem.objects.filter(sent_at__lt=now - 2 * ITEM_WINDOW).delete()
    return expired
