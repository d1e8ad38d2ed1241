"""Builders for Q&A: the page, stored questions, and form data as a resident would post it."""

import time

from core.spam import started_token
from feedback.forms import QuestionForm
from feedback.models import Question, QuestionsPage, QuestionStatus
from tests.factories.core import add_page


def questions_page(home, slug="hoi-dap"):
    return add_page(home, QuestionsPage(title="Hỏi đáp", slug=slug))


def submission(**changes):
    """A valid form as a person fills it (started 10 seconds ago)."""
    data = {
        "name": "Nguyễn Văn A",
        "email": "nguoidan@example.vn",
        "phone": "",
        "subject": "Hỏi về cấp giấy chứng nhận",
        "question": "Tôi muốn hỏi thủ tục cấp giấy chứng nhận quyền sử dụng đất.",
        "website": "",
        "started": started_token(QuestionForm.token_salt, time.time() - 10),
    }
    data.update(changes)
    return data


def answered_question(site, subject="Câu hỏi đã trả lời", published=True, **fields):
    values = {
        "question": "Nội dung câu hỏi.",
        "email": "a@example.vn",
        "status": QuestionStatus.ANSWERED,
        "answer": "Nội dung trả lời.",
        "published": published,
    }
    values.update(fields)
    return Question.objects.create(site=site, subject=subject, **values)
