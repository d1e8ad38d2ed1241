"""A real SMTP server for mail tests (aiosmtpd on 127.0.0.1) and the real worker that delivers the outbox
(django-tasks' `db_worker` on its database backend), as production runs them."""

import email
import socket
from email.policy import default as default_policy

from aiosmtpd.controller import Controller
from django.core.management import call_command


class Inbox:
    """What the server received: (recipients, parsed message) pairs."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, email.message_from_bytes(envelope.content, policy=default_policy)))
        return "250 Message accepted"

    def to(self, address):
        return [message for recipients, message in self.messages if address in recipients]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def local_smtp(settings):
    """(controller, inbox): a server on a free port, not started, with Django's mail and the "mail" task
    backend pointed at it. The caller starts and stops it (a test may keep it down on purpose)."""
    port = free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 5
    settings.TASKS = {**settings.TASKS, "mail": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["mail"]}}
    inbox = Inbox()
    return Controller(inbox, hostname="127.0.0.1", port=port), inbox


def run_worker(max_tasks=None):
    """The worker as production runs it, once through the queue."""
    args = ["db_worker", "--backend", "mail", "--queue-name", "mail", "--batch", "--no-startup-delay"]
    args += ["--interval", "0", *(["--max-tasks", str(max_tasks)] if max_tasks else [])]
    call_command(*args)
