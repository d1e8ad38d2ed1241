"""Keep the province's cached pages fresh when any commune changes.

The province hub shows other sites' content (communes, their articles), but core/invalidation bumps only
the generation of the site that changed, and the page cache keys each copy on its own site's generation.
So every change that invalidates some site also invalidates every province site: the same models and page
signals core listens to (core.invalidation.REGISTRY), after the same commit. Caching stays on (the hub is
the page every commune links to), and a commune's new article shows on the next province view.
"""

import pickle

from django.contrib.contenttypes.models import ContentType
from django.db import DEFAULT_DB_ALIAS
from django.db.models.signals import post_delete, post_save
from wagtail.models import Site

from core.invalidation import REGISTRY, invalidate_sites

_receivers = []  # strong references: signals keep weak ones


_memo = (None, [])  # (the site list it was read from, province site ids)


def province_site_ids():
    """Sites rooted at a province home. This runs on every change anywhere, so it reads core's cached site
    list (no query while it is current) and the database only while the cache is unavailable. A Site saved
    in the same transaction is covered anyway: saving a Site bumps every site on commit."""
    global _memo
    from core.routing import site_rows

    from .models import ProvinceHomePage

    content_type_id = ContentType.objects.get_for_model(ProvinceHomePage).pk  # memoised by Django
    rows = site_rows()
    if rows is None:
        return list(Site.objects.filter(root_page__content_type_id=content_type_id).values_list("pk", flat=True))
    if _memo[0] is not rows:
        sites = (pickle.loads(row[3]) for row in rows)
        _memo = (rows, [site.pk for site in sites if site.root_page.content_type_id == content_type_id])
    return _memo[1]


def invalidate_provinces(using=DEFAULT_DB_ALIAS):
    invalidate_sites(province_site_ids(), using)


def _model_receiver(on_create):
    def changed(sender, instance=None, created=False, using=DEFAULT_DB_ALIAS, raw=False, **kwargs):
        if raw or (created and not on_create):
            return
        invalidate_provinces(using)

    return changed


def _page_changed(sender, instance=None, **kwargs):
    invalidate_provinces()


def connect():
    from django.apps import apps
    from wagtail.documents import get_document_model_string
    from wagtail.images import get_image_model_string
    from wagtail.models import Page
    from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

    labels = {"wagtailimages.Image": get_image_model_string(), "wagtaildocs.Document": get_document_model_string()}
    for entry in REGISTRY:
        label = labels.get(entry.model, entry.model)
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        receiver = _model_receiver(entry.on_create)
        _receivers.append(receiver)
        post_save.connect(receiver, sender=model, dispatch_uid=f"province-invalidate-save-{label}")
        post_delete.connect(receiver, sender=model, dispatch_uid=f"province-invalidate-delete-{label}")
    for signal in (page_published, page_unpublished, page_slug_changed):
        signal.connect(_page_changed, dispatch_uid=f"province-invalidate-{id(signal)}")
    post_page_move.connect(_page_changed, dispatch_uid="province-invalidate-page-move")
    post_delete.connect(_page_changed, sender=Page, dispatch_uid="province-invalidate-page-delete")
