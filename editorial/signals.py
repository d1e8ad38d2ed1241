"""New users get the admin in Vietnamese, whatever their browser asks for (they may change it)."""

from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.users.models import UserProfile


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def default_admin_language(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        profile = UserProfile.get_for_user(instance)
        if not profile.preferred_language:
            profile.preferred_language = settings.LANGUAGE_CODE  # "vi"
            profile.save(update_fields=["preferred_language"])


@receiver(post_save)
def extend_groups_to_new_home_translation(sender, instance, created, raw=False, **kwargs):
    """A commune's home page translated into a new locale: its groups get that tree too."""
    from django.contrib.auth.models import Group
    from wagtail.models import Page, Site

    from .groups import EDITORS, group_name, setup_site

    if not created or raw or not isinstance(instance, Page) or instance.depth != 2:
        return
    site = Site.objects.filter(root_page__translation_key=instance.translation_key).first()
    if site is not None and Group.objects.filter(name=group_name(site, EDITORS)).exists():
        setup_site(site)
