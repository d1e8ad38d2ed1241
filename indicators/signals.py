"""Indicator widgets are cached per site: any change to an indicator or its data refreshes them."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from core.cache import bump_site_generation

from .models import Indicator, Observation


@receiver(post_save, sender=Indicator)
@receiver(post_delete, sender=Indicator)
def on_indicator_changed(sender, instance, **kwargs):
    bump_site_generation(instance.site_id)


@receiver(post_save, sender=Observation)
@receiver(post_delete, sender=Observation)
def on_observation_changed(sender, instance, **kwargs):
    site_id = Indicator.objects.filter(pk=instance.indicator_id).values_list("site_id", flat=True).first()
    if site_id is not None:
        bump_site_generation(site_id)
