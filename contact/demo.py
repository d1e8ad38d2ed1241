"""Demo contact page: the commune office, its contact officials and a contact form."""

from core.demo import publish, translate_page

from .models import ContactFormField, ContactOfficial, ContactPage

OFFICIALS = {
    "ia-ko": [
        (
            "Võ Công Hòa",
            "Chủ tịch UBND xã – người chịu trách nhiệm cổng thông tin",
            "0269 3851 002",
            "conghoa@gialai.gov.vn",
        ),
        ("Phạm Thị Hương", "Công chức Văn phòng - Thống kê", "0269 3851 010", "vanphong.iako@gialai.gov.vn"),
        ("Nguyễn Đức Long", "Bộ phận Một cửa", "0269 3851 011", "motcua.iako@gialai.gov.vn"),
    ],
    "ia-pal": [
        ("Rah Lan H'Nhi", "Chủ tịch UBND xã", "0269 3852 567", "ubndiapal@gialai.gov.vn"),
    ],
}
FIELDS = [
    ("Họ và tên", "singleline", False, ""),
    ("Thư điện tử hoặc số điện thoại", "singleline", True, "Để văn phòng trả lời bạn."),
    ("Tiêu đề", "singleline", True, ""),
    ("Nội dung", "multiline", True, "Tối đa 5.000 ký tự."),
]


def load(communes, locales):
    for commune in communes:
        home = commune.home
        page = home.get_children().filter(slug="lien-he").first()
        if page is None:
            page = ContactPage(
                slug="lien-he",
                title="Liên hệ",
                show_in_menus=True,
                intro="Người dân, tổ chức gửi câu hỏi, góp ý tới Văn phòng UBND xã qua biểu mẫu dưới đây.",
                thank_you_text="Cảm ơn bạn. Văn phòng UBND xã sẽ trả lời trong 5 ngày làm việc.",
                to_address=commune.settings["email"],
                from_address="no-reply@gialai.gov.vn",
                subject="Liên hệ từ cổng thông tin",
            )
            for name, position, phone, email in OFFICIALS.get(commune.key, OFFICIALS["ia-ko"]):
                page.officials.add(ContactOfficial(name=name, position=position, phone=phone, email=email))
            for label, field_type, required, help_text in FIELDS:
                page.form_fields.add(
                    ContactFormField(label=label, field_type=field_type, required=required, help_text=help_text)
                )
            home.add_child(instance=page)
            publish(page)
        page = page.specific
        translate_page(
            page,
            locales["en"],
            title="Contact",
            slug="lien-he",
            intro=("Residents and organisations can send questions and comments to the commune office with this form."),
        )
        commune.extras["contact"] = page
