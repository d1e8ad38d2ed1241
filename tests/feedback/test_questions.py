"""Q&A: the public form under hostile input and floods, private questions, the code lookup, publishing."""

import re
import time

import pytest

from core.demo import translate_page
from core.spam import started_token
from feedback.forms import QuestionForm
from feedback.models import Question, QuestionStatus
from tests.factories.core import en, url_of
from tests.factories.feedback import answered_question, questions_page, submission
from tests.factories.legaldocs import site_editor

pytestmark = pytest.mark.django_db
HOST_A = {"HTTP_HOST": "a.gialai.gov.vn"}
HOST_B = {"HTTP_HOST": "b.gialai.gov.vn"}


@pytest.fixture
def pages(two_sites):
    a, b = two_sites
    return questions_page(a.home), questions_page(b.home)


def ask(client, page, data, host=HOST_A, **extra):
    return client.post(url_of(page), data, **host, **extra)


def lookup(client, page, code, host=HOST_A, **extra):
    return client.post(f"{url_of(page)}tra-cuu/", {"code": code}, **host, **extra)


def code_in(response):
    return re.search(r'class="qa-code__value"><strong>([^<]+)</strong>', response.content.decode()).group(1)


def test_empty_page_shows_no_data_and_the_form(client, pages):
    response = client.get(url_of(pages[0]), **HOST_A)
    html = response.content.decode()
    assert response.status_code == 200 and "Không có dữ liệu" in html
    assert 'name="subject"' in html and 'name="website"' in html and "csrfmiddlewaretoken" in html
    assert "no-store" in response["Cache-Control"] and "public" not in response["Cache-Control"]


def test_only_published_answers_of_this_site_are_listed(client, two_sites, pages):
    a, b = two_sites
    answered_question(a.site, "Câu hỏi công khai", name="Trần Thị Bí Mật", email="bimat@example.vn")
    answered_question(a.site, "Câu hỏi chưa đăng", published=False)
    answered_question(b.site, "Câu hỏi của xã B")
    Question.objects.create(site=a.site, subject="Mới gửi", question="...", email="x@example.vn")
    html = client.get(url_of(pages[0]), **HOST_A).content.decode()
    assert "Câu hỏi công khai" in html and "Nội dung trả lời." in html
    for hidden in ["Câu hỏi chưa đăng", "Câu hỏi của xã B", "Mới gửi", "Trần Thị Bí Mật", "bimat@example.vn"]:
        assert hidden not in html, hidden


def test_a_question_is_stored_privately_and_its_code_shows_its_status(client, two_sites, pages):
    response = ask(client, pages[0], submission(subject="Hỏi về đất đai"))
    assert response.status_code == 200
    code = code_in(response)
    assert len(code) >= 10
    question = Question.objects.get(subject="Hỏi về đất đai")
    assert question.site == two_sites[0].site and question.status == QuestionStatus.RECEIVED and not question.published
    assert code not in question.lookup_hash  # only a hash is kept
    assert "Hỏi về đất đai" not in client.get(url_of(pages[0]), **HOST_A).content.decode()
    found = lookup(client, pages[0], code)
    assert found.status_code == 200 and "Đã tiếp nhận" in found.content.decode()
    question.status, question.answer = QuestionStatus.ANSWERED, "Mời ông đến bộ phận Một cửa."
    question.save()
    html = lookup(client, pages[0], f"  {code} ").content.decode()
    assert "Đã trả lời" in html and "Mời ông đến bộ phận Một cửa." in html


@pytest.mark.parametrize("code", ["", "sai-ma-tra-cuu", "x" * 5000, "' OR 1=1 --"])
def test_a_wrong_code_reveals_nothing(client, pages, code):
    ask(client, pages[0], submission(subject="Câu hỏi riêng tư"))
    response = lookup(client, pages[0], code)
    html = response.content.decode()
    assert response.status_code in (400, 404)
    assert "Câu hỏi riêng tư" not in html and "Nguyễn Văn A" not in html
    if response.status_code == 404:
        assert "Không tìm thấy câu hỏi với mã này" in html


def test_a_code_does_not_work_on_another_site(client, pages):
    code = code_in(ask(client, pages[0], submission(subject="Câu hỏi xã A")))
    response = lookup(client, pages[1], code, HOST_B)
    assert response.status_code == 404 and "Câu hỏi xã A" not in response.content.decode()


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"subject": ""}, "Trường này là bắt buộc."),
        ({"question": "x" * 4001}, "tối đa 4000 kí tự"),
        ({"subject": "y" * 201}, "tối đa 200 kí tự"),
        ({"email": "", "phone": ""}, "Vui lòng nhập thư điện tử hoặc số điện thoại"),
        ({"email": "không phải thư"}, "Nhập địa chỉ email."),
        ({"email": "", "phone": "<b>12</b>"}, "Nhập số điện thoại từ 8 đến 20 chữ số."),
        ({"website": "http://spam.example"}, "Không gửi được câu hỏi"),
        ({"started": "just now"}, "Câu hỏi được gửi quá nhanh"),
        ({"started": "forged"}, "Biểu mẫu câu hỏi đã hết hạn"),
        ({"started": "two days ago"}, "Biểu mẫu câu hỏi đã hết hạn"),
    ],
)
def test_bad_input_gets_a_translated_error_and_keeps_what_was_written(client, pages, changes, message):
    ages = {"just now": 0, "two days ago": 2 * 24 * 3600}  # tokens made when the test runs, not at collection
    if changes.get("started") in ages:
        changes = {**changes, "started": started_token(QuestionForm.token_salt, time.time() - ages[changes["started"]])}
    data = submission(**{"question": "Nội dung <script>alert('x')</script> của tôi", **changes})
    response = ask(client, pages[0], data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Câu hỏi chưa được gửi" in html and 'role="alert"' in html
    assert message in html
    assert "<script>alert" not in html and "<b>12</b>" not in html  # escaped when shown back
    if "question" not in changes:
        assert "Nội dung &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; của tôi" in html  # kept, escaped
    if "subject" not in changes:
        assert 'value="Hỏi về cấp giấy chứng nhận"' in html
    assert not Question.objects.exists()


def test_html_in_a_question_is_stored_as_text_and_escaped_everywhere(client, two_sites, pages):
    response = ask(
        client, pages[0], submission(subject="<img src=x onerror=alert(1)>", question="<script>x()</script>")
    )
    assert response.status_code == 200
    assert "<script>x()" not in response.content.decode() and "&lt;script&gt;x()" in response.content.decode()
    question = Question.objects.get()
    question.status, question.answer, question.published = QuestionStatus.ANSWERED, "Trả lời", True
    question.save()
    html = client.get(url_of(pages[0]), **HOST_A).content.decode()
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_a_flood_is_stopped_with_a_translated_error_and_the_text_kept(client, pages, settings):
    settings.FEEDBACK_RATE_LIMITS = {"ask": (3, 3600)}
    for number in range(3):
        assert ask(client, pages[0], submission(subject=f"Câu {number}"), REMOTE_ADDR="10.0.0.1").status_code == 200
    response = ask(client, pages[0], submission(subject="Câu thứ tư"), REMOTE_ADDR="10.0.0.1")
    html = response.content.decode()
    assert response.status_code == 429 and "Có quá nhiều câu hỏi được gửi từ kết nối của bạn" in html
    assert 'value="Câu thứ tư"' in html and Question.objects.count() == 3
    assert ask(client, pages[0], submission(subject="Máy khác"), REMOTE_ADDR="10.0.0.2").status_code == 200
    # The limit is per site.
    assert ask(client, pages[1], submission(subject="Xã B"), HOST_B, REMOTE_ADDR="10.0.0.1").status_code == 200


def test_code_guessing_is_rate_limited(client, pages, settings):
    settings.FEEDBACK_RATE_LIMITS = {"lookup": (5, 600)}
    code = code_in(ask(client, pages[0], submission()))
    for attempt in range(5):
        assert lookup(client, pages[0], f"doan-{attempt}", REMOTE_ADDR="10.0.0.9").status_code == 404
    response = lookup(client, pages[0], code, REMOTE_ADDR="10.0.0.9")
    assert response.status_code == 429 and "Có quá nhiều lượt tra cứu" in response.content.decode()
    assert "Hỏi về cấp giấy chứng nhận" not in response.content.decode()


def test_other_methods_are_refused(client, pages):
    assert client.put(url_of(pages[0]), **HOST_A).status_code == 405
    assert client.delete(f"{url_of(pages[0])}tra-cuu/", **HOST_A).status_code == 405


def test_lookup_page_renders_empty(client, pages):
    response = client.get(f"{url_of(pages[0])}tra-cuu/", **HOST_A)
    assert response.status_code == 200 and 'name="code"' in response.content.decode()


def test_page_renders_in_english(client, two_sites, pages):
    answered_question(two_sites[0].site, "Câu hỏi mẫu")
    translate_page(two_sites[0].home, en(), title="Home")
    english = translate_page(pages[0], en(), title="Questions and answers")
    html = client.get(url_of(english), **HOST_A).content.decode()
    assert '<html lang="en"' in html and "Ask a question" in html and "Câu hỏi mẫu" in html
    response = client.post(url_of(english), submission(subject=""), **HOST_A)
    assert response.status_code == 400 and "Your question was not sent" in response.content.decode()


def edit_form(question, **changes):
    data = {"status": question.status, "answer": question.answer, "answered_by": "", "published": ""}
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_editor_answers_and_publishes_in_the_admin_never_by_accident(client, two_sites, pages):
    a, b = two_sites
    ask(client, pages[0], submission(subject="Hỏi về học phí"))
    question = Question.objects.get()
    theirs = answered_question(b.site, "Câu hỏi xã B")
    client.force_login(site_editor("hoidap_a", a.home, "feedback.change_question"))
    url = f"/admin/snippets/feedback/question/edit/{question.pk}/"
    listing = client.get("/admin/snippets/feedback/question/").content.decode()
    assert "Hỏi về học phí" in listing and "Câu hỏi xã B" not in listing
    ajax = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}
    assert client.get(f"/admin/snippets/feedback/question/edit/{theirs.pk}/", **ajax).status_code == 403
    # Publishing without an answer, or before it is marked answered, is refused.
    assert client.post(url, edit_form(question, published="on")).status_code == 200
    assert client.post(url, edit_form(question, answer="Trả lời", published="on")).status_code == 200
    assert not Question.objects.get(pk=question.pk).published
    # An answer alone is not published.
    assert client.post(url, edit_form(question, status="answered", answer="Miễn học phí.")).status_code == 302
    assert "Miễn học phí." not in client.get(url_of(pages[0]), **HOST_A).content.decode()
    response = client.post(url, edit_form(question, status="answered", answer="Miễn học phí.", published="on"))
    assert response.status_code == 302
    stored = Question.objects.get(pk=question.pk)
    assert stored.published and stored.answered_at and stored.subject == "Hỏi về học phí"
    client.logout()
    assert "Miễn học phí." in client.get(url_of(pages[0]), **HOST_A).content.decode()
