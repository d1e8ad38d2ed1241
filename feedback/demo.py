"""Demo Q&A: a questions page with two answered, published questions per commune."""

import datetime

from django.utils import timezone

from core.demo import get_or_add_child, translate_page

from .models import Question, QuestionsPage, QuestionStatus

QUESTIONS = [
    (
        "Thủ tục đăng ký khai sinh cho con",
        "Tôi muốn đăng ký khai sinh cho con mới sinh thì cần mang theo giấy tờ gì và có thể nộp trực tuyến không?",
        "Ông/bà mang theo Giấy chứng sinh và giấy tờ tùy thân của cha, mẹ đến bộ phận Một cửa UBND xã, hoặc nộp "
        "trực tuyến qua Cổng Dịch vụ công quốc gia (dịch vụ liên thông đăng ký khai sinh – đăng ký thường trú – "
        "cấp thẻ BHYT cho trẻ dưới 6 tuổi). Thủ tục không mất lệ phí.",
        "Công chức Tư pháp - Hộ tịch",
        20,
    ),
    (
        "Lịch tiếp công dân của lãnh đạo xã",
        "Xin hỏi lãnh đạo UBND xã tiếp công dân vào những ngày nào trong tháng?",
        "Chủ tịch UBND xã tiếp công dân định kỳ vào sáng thứ Ba hằng tuần tại Phòng tiếp công dân của UBND xã; "
        "lịch cụ thể được đăng trong mục Lịch công tác.",
        "Văn phòng HĐND - UBND xã",
        8,
    ),
]


def load(communes, locales):
    now = timezone.now().replace(microsecond=0)
    for commune in communes:
        page = get_or_add_child(
            commune.home,
            QuestionsPage,
            "hoi-dap",
            title="Hỏi đáp",
            show_in_menus=True,
            intro="Người dân gửi câu hỏi, góp ý tới UBND xã; câu trả lời được đăng công khai tại đây.",
        )
        translate_page(page, locales["en"], title="Questions and answers", intro="Ask the commune a question.")
        commune.extras["questions_page"] = page
        for subject, text, answer, answered_by, days in QUESTIONS:
            if Question.objects.filter(site=commune.site, subject=subject).exists():
                continue
            Question.objects.create(
                site=commune.site,
                name="Người dân",
                email="nguoidan@example.invalid",
                subject=subject,
                question=text,
                submitted_at=now - datetime.timedelta(days=days),
                status=QuestionStatus.ANSWERED,
                answer=answer,
                answered_by=answered_by,
                answered_at=now - datetime.timedelta(days=days - 2),
                published=True,
            )
