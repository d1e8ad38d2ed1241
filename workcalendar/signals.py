"""A changed calendar entry changes the site's calendar page and "today" widgets."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from core.cache import bump_site_generation

from .models import CalendarEntry


@receiver(post_save, sender=CalendarEntry)
@receiver(post_delete, sender=CalendarEntry)
def on_entry_changed(sender, instance, **kwargs):
    bump_site_generation(instance.site_id)
