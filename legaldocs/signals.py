"""A changed document changes the site's lists and "latest documents" widgets."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from core.cache import bump_site_generation

from .models import LegalDocument


@receiver(post_save, sender=LegalDocument)
@receiver(post_delete, sender=LegalDocument)
def on_document_changed(sender, instance, **kwargs):
    bump_site_generation(instance.site_id)
