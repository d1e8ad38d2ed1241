"""Keep the page cache and the sign-in throttle in step with what happens elsewhere."""

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.frontend_cache.utils import purge_page_from_cache
from wagtail.models import Page, PageViewRestriction, Site

from core.cache import bump_site_generation
from core.signals import bump_for_page

from .login_throttle import record_failure, reset


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def on_site_changed(sender, instance, **kwargs):
    # A new or changed hostname can move a host from one site to another: refresh every site's pages.
    for site_id in Site.objects.values_list("id", flat=True):
        bump_site_generation(site_id)
    bump_site_generation(instance.id)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def on_view_restriction_changed(sender, instance, **kwargs):
    # Making a page private is not a publish: without this, its public copy would stay in the page cache
    # (and in a CDN: purge the page itself; its descendants expire within their s-maxage).
    page = Page.objects.filter(pk=instance.page_id).first()  # None while the page itself is being deleted
    if page is None:
        for site_id in Site.objects.values_list("id", flat=True):
            bump_site_generation(site_id)
        return
    bump_for_page(page)
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        purge_page_from_cache(page.specific)


@receiver(user_login_failed)
def on_login_failed(sender, credentials, request=None, **kwargs):
    if request is not None:
        record_failure(request, credentials.get("username", ""))


@receiver(user_logged_in)
def on_logged_in(sender, request, user, **kwargs):
    if request is not None:
        reset(request, request.POST.get("username", "") or user.get_username())
