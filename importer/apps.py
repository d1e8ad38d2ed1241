from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImporterConfig(AppConfig):
    name = "importer"
    verbose_name = _("Import from an old portal")
    default_auto_field = "django.db.models.BigAutoField"
