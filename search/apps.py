from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


def _strip_accents(value):
    from core.text import fold

    return None if value is None else fold(value)


def register_sqlite_unaccent(sender, connection, **kwargs):
    """Give SQLite an UNACCENT() like PostgreSQL's, so the same ORM query folds diacritics on both."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("UNACCENT", 1, _strip_accents, deterministic=True)


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        connection_created.connect(register_sqlite_unaccent, dispatch_uid="search.sqlite_unaccent")
