from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SitemapConfig(AppConfig):
    name = "sitemap"
    label = "portal_sitemap"  # "sitemap" alone is too easy to clash with django.contrib.sitemaps helpers
    verbose_name = _("Sitemap")
    default_auto_field = "django.db.models.BigAutoField"
