"""The import as a background task (django-tasks): the admin's "Run" button enqueues it."""

from django_tasks import task


@task()
def run_import_task(source_id, dry_run=False):
    from .models import ImportSource
    from .runner import run_import

    run = run_import(ImportSource.objects.get(pk=source_id), dry_run=dry_run)
    return run.pk
