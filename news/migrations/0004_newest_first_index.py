"""An index in news.queries.newest_first()'s order (publication date, newest first, undated last; then id), so
"the newest 20 articles" walks the index and stops instead of sorting them all: the province's news of 100
communes reads 100,000 articles. PostgreSQL only: SQLite cannot index NULLS LAST (and sorts its small
installations' articles fast enough)."""

from django.db import migrations

INDEX = "news_newest_first"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{INDEX}" ON "news_newspage" '
            '("publication_date" DESC NULLS LAST, "page_ptr_id" DESC)'
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f'DROP INDEX IF EXISTS "{INDEX}"')


class Migration(migrations.Migration):
    dependencies = [("news", "0003_category_slug_from_name")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
