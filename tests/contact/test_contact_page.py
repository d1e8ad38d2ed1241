"""The contact page: officials, the commune's address, and a form that survives hostile input."""

import pytest
from django.core import mail
from django.test import override_settings
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Locale

from core.demo import translate_page
from tests.factories.contact import make_contact_page, submission
from tests.factories.core import url_of

pytestmark = pytest.mark.django_db
HOST_A = {"HTTP_HOST": "a.gialai.gov.vn"}
NOT_SENT = "Tin nhắn của bạn chưa được gửi"


def post(client, page, data, **extra):
    return client.post(url_of(page), data, **{**HOST_A, **extra})


def test_demo_contact_page_lists_officials_address_and_form(client, demo):
    page = demo["ia-ko"].extras["contact"]
    response = client.get(url_of(page))
    html = response.content.decode()
    assert "<h1>Liên hệ</h1>" in html
    assert "Thôn Tứ Kỳ, xã Ia Ko, tỉnh Gia Lai" in html and "0269 3851 234" in html  # from the site settings
    assert "Võ Công Hòa" in html and "Phạm Thị Hương" in html
    assert '<form action="/lien-he/" method="post"' in html
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_empty_contact_page_shows_no_data_for_officials_and_form(client, two_sites):
    commune_a, _ = two_sites
    page = make_contact_page(commune_a.home, officials=0, fields=False)
    html = client.get(url_of(page), **HOST_A).content.decode()
    assert html.count("Không có dữ liệu") == 2
    assert "Trụ sở Xã xa-a" in html  # the address still comes from the commune profile


def test_valid_message_is_stored_and_mailed_once(client, two_sites):
    commune_a, _ = two_sites
    page = make_contact_page(commune_a.home)
    response = post(client, page, submission())
    assert response.status_code == 200
    assert "Cảm ơn bạn" in response.content.decode()
    stored = FormSubmission.objects.get(page=page)
    assert stored.get_data()["noi_dung"] == "Xin hỏi lịch tiếp dân."
    assert "website" not in stored.form_data and "form_started" not in stored.form_data
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["vanphong@example.gov.vn"]
    assert "Xin hỏi lịch tiếp dân." in mail.outbox[0].body


def assert_rejected_and_kept(response, page, *kept):
    html = response.content.decode()
    assert NOT_SENT in html, html[-3000:]
    for value in kept:
        assert value in html
    assert not FormSubmission.objects.filter(page=page).exists()
    assert mail.outbox == []
    return html


def test_missing_fields_get_translated_errors_and_keep_what_was_typed(client, two_sites):
    commune_a, _ = two_sites
    page = make_contact_page(commune_a.home)
    response = post(client, page, submission(email="", message="", name="Trần Thị B"))
    html = assert_rejected_and_kept(response, page, 'value="Trần Thị B"')
    assert "Trường này là bắt buộc." in html
    assert 'aria-invalid="true"' in html
    assert 'href="#id_noi_dung"' in html  # the error summary links to the field


def test_oversized_text_is_refused_with_a_clear_error_and_kept(client, two_sites):
    commune_a, _ = two_sites
    page = make_contact_page(commune_a.home)
    long_text = "Góp ý " * 1000  # 6,000 characters
    html = assert_rejected_and_kept(post(client, page, submission(message=long_text)), page, long_text.strip()[:200])
    assert "nhiều nhất 5000 ký tự" in html or "5000" in html


def test_html_and_script_are_escaped_never_rendered(client, two_sites):
    commune_a, _ = two_sites
    page = make_contact_page(commune_a.home)
    hostile = '<script>alert("x")</script><b onmouseover=alert(1)>hi</b>'
    # Invalid on purpose (bad e-mail) so the page echoes the text back.
    html = assert_rejected_and_kept(post(client, page, submission(email="not-an-email", message=hostile)), page)
    assert "<script>alert" not in html and "<b onmouseover" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    # Valid: stored as plain text, shown nowhere on the public site.
    response = post(client, page, submission(message=hostile))
    assert "<script>alert" not in response.content.decode()
    assert FormSubmission.objects.get(page=page).get_data()["noi_dung"] == hostile


def test_honeypot_filled_in_is_not_sent(client, two_sites):
    commune_a, _ = two_sites
    page = make_contact_page(commune_a.home)
    html = assert_rejected_and_kept(
        post(client, page, submission(website="http://spam.example")), page, "Xin hỏi lịch tiếp dân."
    )
    assert "Vui lòng để trống" in html


def test_form_sent_faster_than_a_person_can_type_is_not_sent(client, two_sites):
    commune_a, _ = two_sites
    page = make_contact_page(commune_a.home)
    html = assert_rejected_and_kept(post(client, page, submission(seconds_ago=0)), page, "Xin hỏi lịch tiếp dân.")
    assert "gửi quá nhanh" in html


def test_forged_or_missing_token_gets_a_fresh_one_and_nothing_is_lost(client, two_sites):
    commune_a, _ = two_sites
    page = make_contact_page(commune_a.home)
    html = assert_rejected_and_kept(
        post(client, page, submission(form_started="forged")), page, "Xin hỏi lịch tiếp dân."
    )
    assert 'name="form_started" value="forged"' not in html and 'name="form_started" value="' in html


@override_settings(CONTACT_RATE_LIMIT=(3, 600))
def test_flood_from_one_address_is_rate_limited_per_site(client, two_sites):
    commune_a, commune_b = two_sites
    page = make_contact_page(commune_a.home)
    for _ in range(3):
        assert post(client, page, submission(), REMOTE_ADDR="10.0.0.1").status_code == 200
    assert FormSubmission.objects.filter(page=page).count() == 3
    mail.outbox.clear()
    FormSubmission.objects.all().delete()
    response = post(client, page, submission(message="Tin thứ tư"), REMOTE_ADDR="10.0.0.1")
    assert response.status_code == 429
    html = assert_rejected_and_kept(response, page, "Tin thứ tư")
    assert "Bạn đã gửi quá nhiều" in html
    # Another resident is not blocked, nor is the same address on another commune's site.
    assert post(client, page, submission(), REMOTE_ADDR="10.0.0.2").status_code == 200
    page_b = make_contact_page(commune_b.home)
    response_b = client.post(url_of(page_b), submission(), HTTP_HOST="b.gialai.gov.vn", REMOTE_ADDR="10.0.0.1")
    assert response_b.status_code == 200 and "Cảm ơn bạn" in response_b.content.decode()


def test_contact_page_of_site_a_is_not_served_on_site_b(client, two_sites):
    commune_a, _ = two_sites
    page = make_contact_page(commune_a.home)
    assert client.get(url_of(page), HTTP_HOST="b.gialai.gov.vn").status_code == 404
    html = client.get(url_of(page), **HOST_A).content.decode()
    assert "Trụ sở Xã xa-a" in html and "Xã xa-b" not in html


def test_translated_contact_page_renders_and_answers_in_english(client, two_sites):
    commune_a, _ = two_sites
    english = Locale.objects.get_or_create(language_code="en")[0]
    translate_page(commune_a.home, english, title="Home")
    page = make_contact_page(commune_a.home)
    translated = translate_page(page, english, title="Contact")
    response = client.get(url_of(translated), **HOST_A)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html and "<h1>Contact</h1>" in html and "Send a message" in html
    response = client.post(url_of(translated), submission(message=""), **HOST_A)
    assert "Your message was not sent" in response.content.decode()
    assert "This field is required." in response.content.decode()


def test_editor_creates_a_contact_page_with_officials_and_fields_in_the_admin(admin_client, two_sites):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    from contact.models import ContactPage

    commune_a, _ = two_sites
    data = nested_form_data(
        {
            "title": "Liên hệ",
            "slug": "lien-he",
            "intro": "",
            "thank_you_text": "",
            "to_address": "vanphong@example.gov.vn",
            "from_address": "",
            "subject": "Liên hệ",
            "officials": inline_formset([{"name": "Cán bộ A", "position": "Văn phòng", "phone": "", "email": ""}]),
            "form_fields": inline_formset(
                [
                    {
                        "label": "Nội dung",
                        "field_type": "multiline",
                        "required": "on",
                        "choices": "",
                        "default_value": "",
                        "help_text": "",
                    }
                ]
            ),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(f"/admin/pages/add/contact/contactpage/{commune_a.home.pk}/", data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = ContactPage.objects.get(slug="lien-he")
    assert page.live and page.officials.get().name == "Cán bộ A" and page.form_fields.get().clean_name == "noi_dung"
