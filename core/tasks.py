"""Background tasks (django-tasks) on the "mail" backend: `manage.py db_worker --backend mail --queue-name mail`
runs them in production (settings TASKS)."""

from django_tasks import task

from . import outbox


@task(backend="mail", queue_name="mail")
def deliver_mail(mail_id):
    return outbox.deliver(mail_id)
