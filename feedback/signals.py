"""A newly published (or withdrawn) answer changes the site's Q&A page."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from core.cache import bump_site_generation

from .models import Question


@receiver(post_save, sender=Question)
@receiver(post_delete, sender=Question)
def on_question_changed(sender, instance, **kwargs):
    bump_site_generation(instance.site_id)
