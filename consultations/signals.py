"""A published (or withdrawn) comment changes its consultation's page."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from core.cache import bump_site_generation

from .models import ConsultationComment


@receiver(post_save, sender=ConsultationComment)
@receiver(post_delete, sender=ConsultationComment)
def on_comment_changed(sender, instance, **kwargs):
    if kwargs.get("created") and not instance.published:
        return  # a new private comment changes nothing readers see
    bump_site_generation(instance.site_id)
