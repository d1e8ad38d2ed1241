"""Builders for contact pages and the POST data a resident's browser would send."""

import time

from contact.forms import ContactSpamGuard
from contact.models import ContactFormField, ContactOfficial, ContactPage
from core.demo import publish
from core.spam import started_token

FIELDS = [("Họ và tên", "singleline", False), ("Thư điện tử", "email", True), ("Nội dung", "multiline", True)]


def make_contact_page(parent, officials=1, fields=True, to_address="vanphong@example.gov.vn", slug="lien-he"):
    page = ContactPage(
        title="Liên hệ", slug=slug, to_address=to_address, from_address="no-reply@example.gov.vn", subject="Liên hệ"
    )
    for number in range(officials):
        page.officials.add(
            ContactOfficial(
                name=f"Cán bộ {number}", position="Văn phòng", phone="0269 123", email=f"canbo{number}@example.gov.vn"
            )
        )
    if fields:
        for label, field_type, required in FIELDS:
            page.form_fields.add(ContactFormField(label=label, field_type=field_type, required=required))
    parent.add_child(instance=page)
    return publish(page)


def submission(name="Nguyễn Văn A", email="a@example.com", message="Xin hỏi lịch tiếp dân.", seconds_ago=10, **extra):
    """What the form posts: the visible fields, the empty honeypot and a fill-time token from the past."""
    data = {
        "ho_va_ten": name,
        "thu_u0111ien_tu": email,
        "noi_dung": message,
        "website": "",
        "form_started": started_token(ContactSpamGuard.token_salt, at=time.time() - seconds_ago),
    }
    data.update(extra)
    return data
