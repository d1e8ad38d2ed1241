"""What a reader may see, decided once for every app: the site's home in a language, and the pages an
anonymous reader may see right now (live, public, not expired, not scheduled)."""

from django.utils import timezone
from wagtail.models import Locale, Page


def localized_root(site, locale=None):
    """The site's home page in `locale` (default: the active locale), or None if not translated."""
    locale = locale or Locale.get_active()
    root = site.root_page
    if root.locale_id == locale.pk:
        return root
    return Page.objects.filter(translation_key=root.translation_key, locale=locale).first()


def visible(queryset):
    """Restrict a page queryset to what an anonymous reader may see right now."""
    now = timezone.now()
    return (
        queryset.live()
        .public()
        .exclude(expire_at__isnull=False, expire_at__lte=now)
        .exclude(go_live_at__isnull=False, go_live_at__gt=now)
    )
