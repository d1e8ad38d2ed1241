"""PostgreSQL needs the unaccent extension for diacritic-insensitive search (SQLite gets a Python function,
see search/apps.py). Needs a role allowed to create extensions; an existing extension is left alone."""

from django.db import migrations


def create_extension(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_extension, migrations.RunPython.noop)]
