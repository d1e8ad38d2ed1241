"""A changed or deleted alert refreshes its site's cached widgets and pages at once."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from core.cache import bump_site_generation

from .models import AlertBanner


@receiver(post_save, sender=AlertBanner)
@receiver(post_delete, sender=AlertBanner)
def on_alert_changed(sender, instance, **kwargs):
    bump_site_generation(instance.site_id)
