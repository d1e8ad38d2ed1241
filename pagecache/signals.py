"""Keep a CDN in step with what happens elsewhere (site caches: core/invalidation)."""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.frontend_cache.utils import purge_page_from_cache
from wagtail.models import Page, PageViewRestriction


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def on_view_restriction_changed(sender, instance, **kwargs):
    # Site caches are invalidated by core/invalidation.py; a CDN needs the page itself purged (its
    # descendants expire within their s-maxage).
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    page = Page.objects.filter(pk=instance.page_id).first()  # None while the page itself is being deleted
    if page is not None:
        purge_page_from_cache(page.specific)
