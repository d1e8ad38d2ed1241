"""Publishing a news article, consultation or event announces it once, after the commit.

Wagtail's page_published fires on every publish; the first one that finds the page live and public records a
NotifiedPage and enqueues the immediate notices (tasks.notify_immediate). Later publishes only refresh the
recorded categories. Pages outside any site's tree in its own language (translations, other trees) are not
announced: a translation is the same news, and subscribers follow one commune.
"""

import logging
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import Page, Site

from core.queries import visible

from .models import KIND_OF_MODEL, NotifiedPage

logger = logging.getLogger("portal.mail")

# A page first published (or, for an article, dated) longer ago than this is not news any more: unpublished
# and published again, or imported from the commune's former portal.
NEW_FOR = timedelta(days=2)


def kind_of(page):
    return KIND_OF_MODEL.get(type(page)._meta.label_lower)


def on_page_published(sender, instance, **kwargs):
    if kind_of(instance) is None:
        return
    page_id = instance.pk
    # robust: a failure here is logged and never turns the editor's publish into an error page.
    transaction.on_commit(lambda: announce(page_id), robust=True)


def site_of(page):
    """The site whose root (in the root's own language) holds the page, or None."""
    sites = Site.objects.select_related("root_page").only("id", "root_page__path", "root_page__url_path")
    matches = [site for site in sites if page.path.startswith(site.root_page.path) and page.pk != site.root_page_id]
    return max(matches, key=lambda site: len(site.root_page.path)) if matches else None


def category_ids(page):
    categories = getattr(page, "categories", None)  # news articles; other kinds have none
    return sorted(categories.values_list("pk", flat=True)) if categories is not None else []


def announce(page_id):
    """Record the page's publication; enqueue its notices the first time. Returns the NotifiedPage or None."""
    page = visible(Page.objects.filter(pk=page_id)).specific().first()
    kind = kind_of(page) if page is not None else None
    site = site_of(page) if kind is not None else None
    if site is None:
        return None  # a draft again, private, expired, or not on a commune's site: never announced
    ids = category_ids(page)
    existing = NotifiedPage.objects.filter(page_id=page.pk).first()
    if existing is not None:
        if existing.category_ids != ids:
            NotifiedPage.objects.filter(pk=existing.pk).update(category_ids=ids)
        return existing
    now = timezone.now()
    first = page.first_published_at or now
    # An article's own date counts too: an old article brought in from the commune's former portal
    # (importer/) is published today, but it is not news.
    dated = getattr(page, "publication_date", None) or first
    is_new = min(first, dated) >= now - NEW_FOR
    try:
        with transaction.atomic():
            notified = NotifiedPage.objects.create(
                page_id=page.pk, site=site, kind=kind, category_ids=ids, announced=is_new
            )
    except IntegrityError:  # two publishes committing at the same moment: the other one announced it
        return NotifiedPage.objects.filter(page_id=page.pk).first()
    if is_new:
        transaction.on_commit(lambda: enqueue_notices(notified.pk))
    return notified


def enqueue_notices(notified_page_id):
    from .tasks import notify_immediate

    try:
        notify_immediate.enqueue(notified_page_id)
    except Exception:  # the queue is down: `send_digests --immediate` (cron) sends them later
        logger.exception("could not enqueue the notices of announced page %s", notified_page_id)
