"""Invalidate a site's widget caches whenever its content changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .cache import bump_site_generation
from .models import CommuneProfile, PortalSettings
from .routing import forget_sites

post_save.connect(forget_sites, sender=Site, dispatch_uid="portal-forget-sites-on-save")
post_delete.connect(forget_sites, sender=Site, dispatch_uid="portal-forget-sites-on-delete")


def bump_for_page(page):
    site = page.get_site()
    if site is None:  # outside any site tree (or being deleted): be safe, bump every site
        for site_id in Site.objects.values_list("id", flat=True):
            bump_site_generation(site_id)
    else:
        bump_site_generation(site.id)


@receiver(page_published)
@receiver(page_unpublished)
@receiver(page_slug_changed)
def on_page_changed(sender, instance, **kwargs):
    bump_for_page(instance)


@receiver(post_page_move)
def on_page_moved(sender, instance, url_path_before=None, url_path_after=None, **kwargs):
    # A move across sites changes two sites' widgets.
    for site_id in Site.objects.values_list("id", flat=True):
        bump_site_generation(site_id)


@receiver(post_delete)
def on_page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        for site_id in Site.objects.values_list("id", flat=True):
            bump_site_generation(site_id)


@receiver(post_save, sender=CommuneProfile)
@receiver(post_delete, sender=CommuneProfile)
@receiver(post_save, sender=PortalSettings)
def on_site_owned_changed(sender, instance, **kwargs):
    bump_site_generation(instance.site_id)
