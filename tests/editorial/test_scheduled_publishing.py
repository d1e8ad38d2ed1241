"""Scheduled publishing: a page approved for a future date stays hidden until the command runs after it."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision

from news.models import NewsIndexPage, NewsPage
from tests.factories.core import add_page
from tests.factories.editorial import make_user, news_page_form

pytestmark = pytest.mark.django_db
HOST = {"HTTP_HOST": "a.gialai.gov.vn"}


def test_future_go_live_page_appears_only_after_the_command_runs_past_its_date(client, two_sites):
    commune_a, _ = two_sites
    section = add_page(commune_a.home, NewsIndexPage(title="Tin tức", slug="tin-tuc"))
    draft = NewsPage(title="Lịch tiếp dân tháng sau", slug="lich-tiep-dan", live=False)
    section.add_child(instance=draft)

    # A moderator publishes with a go-live date tomorrow, through the page editor.
    client.force_login(make_user("root", superuser=True))
    go_live = (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    form = news_page_form(draft, "action-publish", go_live_at=go_live)
    response = client.post(f"/admin/pages/{draft.pk}/edit/", form, **HOST)
    assert response.status_code == 302
    revision = Revision.page_revisions.get(object_id=str(draft.pk), approved_go_live_at__isnull=False)
    client.logout()

    url = "/tin-tuc/lich-tiep-dan/"
    assert client.get(url, **HOST).status_code == 404
    call_command("run_scheduled_publishing", "--once")
    assert client.get(url, **HOST).status_code == 404  # not yet: its date has not come

    # The date comes: move it into the past in the DB (not mocked). Wagtail keeps it twice, as the
    # revision's approved_go_live_at and as go_live_at in the revision content; both move.
    past = timezone.now() - timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    call_command("run_scheduled_publishing", "--once")
    response = client.get(url, **HOST)
    assert response.status_code == 200
    assert "Lịch tiếp dân tháng sau" in response.content.decode()


def test_expired_page_disappears_after_the_command_runs(client, two_sites):
    commune_a, _ = two_sites
    section = add_page(commune_a.home, NewsIndexPage(title="Tin tức", slug="tin-tuc"))
    page = add_page(section, NewsPage(title="Thông báo cũ", slug="thong-bao-cu"))
    assert client.get("/tin-tuc/thong-bao-cu/", **HOST).status_code == 200
    type(page).objects.filter(pk=page.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    call_command("run_scheduled_publishing", "--once")
    assert client.get("/tin-tuc/thong-bao-cu/", **HOST).status_code == 404
