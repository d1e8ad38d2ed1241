from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Editorial workflow")

    def ready(self):
        from . import signals, tree_repair  # noqa: F401  (admin language; wagtail-localize subtree fix)
        from .localize_dates import use_numeric_dates

        use_numeric_dates()
