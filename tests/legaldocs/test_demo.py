"""The Ia Ko demo carries documents, the work calendar and Q&A, each page in the main menu."""

import pytest
from django.utils import timezone

from feedback.models import Question
from legaldocs.models import LegalDocument
from tests.factories.core import url_of
from workcalendar.models import CalendarEntry

pytestmark = pytest.mark.django_db


def test_demo_has_documents_calendar_and_questions(client, demo):
    ia_ko = demo["ia-ko"]
    documents = LegalDocument.objects.filter(site=ia_ko.site)
    assert documents.count() == 12
    assert documents.filter(abstract__startswith="Quyết định kiện toàn Ban Chỉ đạo phát triển khoa học").exists()
    assert documents.filter(abstract__contains="Nghị quyết số 57-NQ/TW").exists()
    assert documents.filter(replaced_by__isnull=False).count() == 1
    assert sum(not document.is_in_force for document in documents) >= 2
    assert all(document.file and document.file.file_extension == "pdf" for document in documents)

    home_html = client.get("/").content.decode()
    for key in ("documents_page", "calendar_page", "questions_page"):
        page = ia_ko.extras[key]
        assert page.show_in_menus and f'href="{url_of(page)}"' in home_html, key
        assert client.get(url_of(page)).status_code == 200, key

    html = client.get(url_of(ia_ko.extras["documents_page"]), {"q": "nghi quyet 57"}).content.decode()
    assert "98/KH-UBND" in html
    assert "Hết hiệu lực" in client.get(url_of(ia_ko.extras["documents_page"])).content.decode()

    today = timezone.localdate()
    monday = today - timezone.timedelta(days=today.weekday())
    entries = CalendarEntry.objects.filter(site=ia_ko.site)
    assert entries.filter(date__gte=monday).exists() and entries.filter(date__lt=monday).exists()
    assert "Giao ban lãnh đạo UBND xã đầu tuần" in client.get(url_of(ia_ko.extras["calendar_page"])).content.decode()

    assert Question.objects.filter(site=ia_ko.site).published().count() == 2
    assert "Thủ tục đăng ký khai sinh cho con" in client.get(url_of(ia_ko.extras["questions_page"])).content.decode()
    for en_url in ("/en/van-ban/", "/en/lich-cong-tac/", "/en/hoi-dap/"):
        response = client.get(en_url)
        assert response.status_code == 200 and '<html lang="en"' in response.content.decode(), en_url
