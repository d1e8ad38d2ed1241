"""What invalidates this app's cached output is declared in core/invalidation.py (REGISTRY): an alert bumps
its own site. An alert of a province site may be shown on every commune's site (show_on_communes), so a
change to one, whichever way the flag went, bumps every site, on commit like any invalidation. Province
alerts are few; this keeps one rule instead of tracking the flag's previous value."""

from django.db import DEFAULT_DB_ALIAS
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from core.invalidation import aggregating_site_ids, invalidate_all_sites

from .models import AlertBanner


@receiver(post_save, sender=AlertBanner, dispatch_uid="alerts-province-wide-save")
@receiver(post_delete, sender=AlertBanner, dispatch_uid="alerts-province-wide-delete")
def province_alert_changed(sender, instance, using=DEFAULT_DB_ALIAS, raw=False, **kwargs):
    if not raw and instance.site_id in aggregating_site_ids():
        invalidate_all_sites(using)
