"""The contact form when the mail server is down: the resident is thanked, the mail is kept and delivered later.

A real SMTP server (aiosmtpd) on 127.0.0.1 receives the mail; the django-tasks database backend queues it and
its `db_worker` command delivers it, as in production.
"""

import contextlib

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from wagtail.contrib.forms.models import FormSubmission

from core.outbox import MailStatus, QueuedMail
from editorial.groups import EDITORS, setup_site
from tests.factories.contact import make_contact_page, submission
from tests.factories.core import url_of
from tests.mail_server import local_smtp, run_worker

HOST_A = {"HTTP_HOST": "a.gialai.gov.vn"}


@pytest.fixture
def smtp(settings):
    """A local SMTP server, not started: the test starts and stops it."""
    settings.MAIL_RETRY_DELAYS = [0, 0]  # retries are due at once; the test decides when the worker runs
    controller, inbox = local_smtp(settings)
    yield controller, inbox
    with contextlib.suppress(AssertionError):  # never started
        controller.stop()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # keeps the root page for later tests
def test_mail_server_down_thanks_the_resident_and_the_worker_sends_it_later(client, two_sites, smtp):
    controller, inbox = smtp
    page = make_contact_page(two_sites[0].home)
    response = client.post(url_of(page), submission(message="Đường thôn 3 bị sạt lở."), **HOST_A)
    assert response.status_code == 200 and "Cảm ơn bạn" in response.content.decode()
    assert FormSubmission.objects.filter(page=page).count() == 1
    queued = QueuedMail.objects.get()
    assert queued.status == MailStatus.QUEUED and queued.attempts == 0 and queued.site == two_sites[0].site

    run_worker(max_tasks=1)  # the server is still down: the attempt fails, nothing is lost
    queued.refresh_from_db()
    assert queued.status == MailStatus.QUEUED and queued.attempts == 1
    assert "Connection refused" in queued.last_error or "Error" in queued.last_error
    assert inbox.messages == []

    controller.start()
    run_worker()
    queued.refresh_from_db()
    assert queued.status == MailStatus.SENT and queued.sent_at is not None and queued.attempts == 2
    [(recipients, message)] = inbox.messages
    assert recipients == ["vanphong@example.gov.vn"]
    assert message["Subject"] == "Liên hệ" and message["From"] == "no-reply@example.gov.vn"
    assert message["Auto-Submitted"] == "auto-generated"
    assert "Đường thôn 3 bị sạt lở." in message.get_content()
    run_worker()  # nothing sent twice
    assert len(inbox.messages) == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # keeps the root page for later tests
def test_after_the_last_retry_the_mail_is_failed_and_shown_to_editors(client, two_sites, smtp, settings):
    controller, inbox = smtp
    page = make_contact_page(two_sites[0].home)
    other = make_contact_page(two_sites[1].home)
    client.post(url_of(page), submission(), **HOST_A)
    client.post(url_of(other), submission(), HTTP_HOST="b.gialai.gov.vn")
    run_worker()  # three attempts (first + two retries), all refused
    mine = QueuedMail.objects.get(site=two_sites[0].site)
    assert mine.status == MailStatus.FAILED and mine.attempts == 3 and mine.next_attempt_at is None

    editor = get_user_model().objects.create_user("thu_a", "thu_a@example.vn", "pw")
    editor.groups.add(setup_site(two_sites[0].site)[EDITORS])  # the commune's real editors' group
    client.force_login(editor)
    listing = client.get(reverse("wagtailsnippets_core_queuedmail:list"))
    html = listing.content.decode()
    assert listing.status_code == 200 and "Gửi không thành công" in html
    assert html.count("Liên hệ") >= 1 and "Xã xa-b" not in html  # another commune's mail is not shown
    theirs = QueuedMail.objects.get(site=two_sites[1].site)
    assert client.get(reverse("wagtailsnippets_core_queuedmail:inspect", args=[theirs.pk])).status_code in (302, 403)

    controller.start()
    call_command("send_queued_mail", "--retry-failed")
    assert {mail.status for mail in QueuedMail.objects.all()} == {MailStatus.SENT}
    assert len(inbox.messages) == 2
