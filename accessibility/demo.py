"""Demo "Hướng dẫn tiếp cận" (accessibility statement) page under each commune home, in Vietnamese and English."""

from core.demo import get_or_add_child, translate_page

from .models import AccessibilityStatementPage

SLUG = "huong-dan-tiep-can"

LOADS_GENERATED = True  # the footer of every commune links to its statement


def heading(text):
    return ("heading", {"text": text, "level": "h2"})


def paragraph(html):
    return ("paragraph", html)


def body_vi(unit_name, phone, email):
    return [
        heading("Cam kết của chúng tôi"),
        paragraph(
            f"<p>{unit_name} cam kết bảo đảm Cổng thông tin điện tử dễ tiếp cận với mọi người dân, "
            "kể cả người cao tuổi, người khuyết tật và người dùng điện thoại có màn hình nhỏ.</p>"
        ),
        heading("Mức độ đáp ứng"),
        paragraph(
            "<p>Cổng thông tin được xây dựng theo Hướng dẫn về khả năng tiếp cận nội dung web (WCAG) 2.2, "
            "mức AA. Các trang được kiểm tra tự động bằng công cụ axe trong trình duyệt thật ở cỡ chữ mặc định, "
            "cỡ chữ 200%, chế độ tương phản cao và trên màn hình điện thoại.</p>"
        ),
        heading("Công cụ hỗ trợ đọc"),
        paragraph(
            "<ul><li><b>A-</b>, <b>A</b>, <b>A+</b>: giảm, đặt lại hoặc tăng cỡ chữ, tới 200%.</li>"
            "<li><b>Tăng tương phản</b> / <b>Giảm tương phản</b>: bật hoặc tắt chế độ tương phản cao "
            "(chữ đen trên nền trắng, tỷ lệ tương phản tối thiểu 7:1).</li>"
            "<li><b>Đọc bài viết</b>: trình duyệt đọc to nội dung tin bài bằng giọng tiếng Việt nếu có.</li></ul>"
            "<p>Lựa chọn được ghi nhớ trên thiết bị của bạn và vẫn hoạt động khi trình duyệt tắt JavaScript. "
            "Có thể dùng toàn bộ trang bằng bàn phím: phím Tab để di chuyển, liên kết "
            "“Bỏ qua, đến nội dung chính” ở đầu trang.</p>"
        ),
        heading("Hạn chế đã biết"),
        paragraph(
            "<p>Một số văn bản đính kèm dạng PDF được scan từ bản giấy nên chưa đọc được bằng phần mềm đọc "
            "màn hình. Chúng tôi đang từng bước thay thế bằng bản điện tử.</p>"
        ),
        heading("Phản hồi và liên hệ"),
        paragraph(
            "<p>Nếu gặp khó khăn khi sử dụng Cổng thông tin, xin vui lòng liên hệ "
            f"điện thoại <b>{phone}</b> hoặc thư điện tử <b>{email}</b>. "
            "Chúng tôi sẽ trả lời trong vòng 5 ngày làm việc.</p>"
        ),
    ]


def body_en(phone, email):
    return [
        heading("Our commitment"),
        paragraph(
            "<p>The commune is committed to making this portal accessible to everyone, including older people, "
            "people with disabilities and people on small phone screens.</p>"
        ),
        heading("Conformance"),
        paragraph(
            "<p>The portal is built to the Web Content Accessibility Guidelines (WCAG) 2.2, level AA, and is "
            "checked automatically with axe in a real browser at default size, 200% text, high contrast and "
            "on a phone screen.</p>"
        ),
        heading("Reading tools"),
        paragraph(
            "<ul><li><b>A-</b>, <b>A</b>, <b>A+</b>: smaller, default or larger text, up to 200%.</li>"
            "<li><b>Increase contrast</b> / <b>Decrease contrast</b>: turn the high-contrast theme on or off "
            "(at least 7:1).</li>"
            "<li><b>Read the article</b>: your browser reads news articles aloud.</li></ul>"
        ),
        heading("Feedback and contact"),
        paragraph(f"<p>If something is hard to use, call <b>{phone}</b> or write to <b>{email}</b>.</p>"),
    ]


def load(communes, locales):
    for commune in communes:
        phone = commune.settings.get("phone", "")
        email = commune.settings.get("email", "")
        page = get_or_add_child(
            commune.home,
            AccessibilityStatementPage,
            SLUG,
            title="Hướng dẫn tiếp cận",
            intro="Thông tin về khả năng tiếp cận của Cổng thông tin và cách sử dụng các công cụ hỗ trợ đọc.",
            body=body_vi(commune.profile["unit_name"], phone, email),
            show_in_menus=False,
        )
        commune.extras["accessibility_statement"] = page
        translate_page(
            page,
            locales["en"],
            title="Accessibility statement",
            slug=SLUG,
            intro="How accessible this portal is and how to use its reading tools.",
            body=body_en(phone, email),
        )
