from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Portal core")

    def ready(self):
        from . import signals  # noqa: F401  (cache invalidation on publish)
        from . import slugs

        slugs.install()
