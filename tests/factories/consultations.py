"""Builders for consultations: the index, a consultation open/closed at chosen times, comments, form data."""

import datetime
import time

from django.utils import timezone

from consultations.forms import CommentForm
from consultations.models import ConsultationComment, ConsultationIndexPage, ConsultationPage
from core.spam import started_token
from tests.factories.core import add_page

HOUR = datetime.timedelta(hours=1)


def consultations_index(home, slug="lay-y-kien"):
    return add_page(home, ConsultationIndexPage(title="Lấy ý kiến dự thảo", slug=slug))


def consultation(index, title="Dự thảo quy chế", opens=-24 * HOUR, closes=24 * HOUR, **fields):
    """A consultation opened `opens` from now and closing `closes` from now (timedeltas)."""
    now = timezone.now()
    values = {"summary": "Tóm tắt dự thảo.", "issuing_body": "UBND xã", "draft_text": "<p>Điều 1. Phạm vi</p>"}
    values.update(fields)
    return add_page(index, ConsultationPage(title=title, opens_at=now + opens, closes_at=now + closes, **values))


def comment(page, site, text="Góp ý đã đăng.", published=True, **fields):
    values = {"email": "nguoidan@example.vn", "name": "Nguyễn Văn Góp"}
    values.update(fields)
    return ConsultationComment.objects.create(site=site, consultation=page, comment=text, published=published, **values)


def submission(**changes):
    """A valid comment as a resident fills it (the form opened 10 seconds ago)."""
    data = {
        "name": "Trần Thị B",
        "email": "tranthib@example.vn",
        "phone": "",
        "section": "Điều 3",
        "comment": "Đề nghị mở cửa nhà văn hóa đến 22 giờ.",
        "website": "",
        "started": started_token(CommentForm.token_salt, time.time() - 10),
    }
    data.update(changes)
    return data
