"""The sidebar is cached per site: saving its settings refreshes it at once."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from core.cache import bump_site_generation

from .models import SidebarSettings


@receiver(post_save, sender=SidebarSettings)
@receiver(post_delete, sender=SidebarSettings)
def on_sidebar_changed(sender, instance, created=False, **kwargs):
    # for_site() creates an empty row on a site's first page view: nothing visible changed then,
    # and bumping there would throw away every widget rendered so far.
    if not created:
        bump_site_generation(instance.site_id)
