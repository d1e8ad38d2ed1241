"""Immediate notices, fanned out by the mail worker (`manage.py db_worker --backend mail --queue-name mail`),
never by the request that published the page."""

from django_tasks import task

from . import digests
from .models import Frequency


@task(backend="mail", queue_name="mail")
def notify_immediate(notified_page_id):
    """Queue one notice per immediate subscriber who follows this item and has not had it yet."""
    return digests.send(digests.build(Frequency.IMMEDIATE, item_ids=[notified_page_id]))
