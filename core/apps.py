from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Portal core")

    def ready(self):
        # signals: cache invalidation on commit (core/invalidation.py), connected on import.
        from . import signals, slugs  # noqa: F401

        slugs.install()  # Vietnamese slugs in the admin's slug inputs and for tags
