"""A trigram index on the articles' folded text (search/query.py matches `search_text LIKE '%word%'`), so a
search for a word found in a few articles of a province's 100,000 reads those few instead of every one.
PostgreSQL only (pg_trgm ships with it and is a trusted extension: the database's owner may create it);
SQLite reads its small installations' text fast enough."""

from django.db import migrations

INDEX = "news_search_text_trigram"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{INDEX}" ON "news_newspage" USING gin ("search_text" gin_trgm_ops)'
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f'DROP INDEX IF EXISTS "{INDEX}"')


class Migration(migrations.Migration):
    dependencies = [("news", "0004_newest_first_index")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
