"""What invalidates this app's cached output is declared in core/invalidation.py (REGISTRY): an indicator or
an observation refreshes its own site. Ranks are also computed across the communes sharing a code
(indicators/ranks.py), so one commune's figure moves its sisters' ranks: a change refreshes every site with an
indicator of that code too, on the same commit (one bump per site however many rows a CSV import writes)."""

from django.db import DEFAULT_DB_ALIAS
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from core.invalidation import invalidate_sites

from .models import Indicator, Observation


def _sister_sites(code, own_site_id, using):
    """Other sites with an indicator of this code (the own site is refreshed by the REGISTRY entry)."""
    sisters = Indicator.objects.using(using).filter(code=code).exclude(site_id=own_site_id)
    return sisters.values_list("site_id", flat=True).distinct()


@receiver(post_save, sender=Indicator, dispatch_uid="indicators-sisters-indicator-save")
@receiver(post_delete, sender=Indicator, dispatch_uid="indicators-sisters-indicator-delete")
def indicator_changed(sender, instance, using=DEFAULT_DB_ALIAS, raw=False, **kwargs):
    if not raw:
        invalidate_sites(_sister_sites(instance.code, instance.site_id, using), using)


@receiver(post_save, sender=Observation, dispatch_uid="indicators-sisters-observation-save")
@receiver(post_delete, sender=Observation, dispatch_uid="indicators-sisters-observation-delete")
def observation_changed(sender, instance, using=DEFAULT_DB_ALIAS, raw=False, **kwargs):
    if not raw:
        own = Indicator.objects.using(using).filter(pk=instance.indicator_id).values_list("code", "site_id").first()
        if own is not None:
            invalidate_sites(_sister_sites(*own, using), using)
