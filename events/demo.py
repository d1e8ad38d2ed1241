"""Demo events: per commune two upcoming events (one all day) and a past one, in Vietnamese and English."""

import datetime

from django.utils import timezone

from core.demo import get_or_add_child, placeholder_image, translate_page

from .models import EventIndexPage, EventPage

DAY = datetime.timedelta(days=1)

# slug, (vi title, summary, venue), (en title, summary), days from now, start hour, hours, all day
EVENTS = [
    (
        "hoi-nghi-tiep-xuc-cu-tri",
        ("Hội nghị tiếp xúc cử tri", "Đại biểu HĐND xã tiếp xúc cử tri trước kỳ họp cuối năm.", "Hội trường UBND xã"),
        ("Meeting between councillors and voters", "Commune councillors meet voters before the year-end session."),
        7,
        8,
        3,
        False,
    ),
    (
        "ngay-hoi-dai-doan-ket",
        (
            "Ngày hội Đại đoàn kết toàn dân tộc",
            "Ngày hội văn hóa, thể thao của các thôn, làng với cồng chiêng và ẩm thực truyền thống.",
            "Sân vận động trung tâm xã",
        ),
        ("National unity festival", "Sports, gong music and traditional food of every village."),
        14,
        0,
        0,
        True,
    ),
    (
        "tap-huan-chuyen-doi-so",
        (
            "Tập huấn kỹ năng số cho Tổ công nghệ số cộng đồng",
            "Hướng dẫn cài đặt VNeID, nộp hồ sơ trực tuyến và thanh toán không dùng tiền mặt.",
            "Nhà văn hóa thôn 1",
        ),
        ("Digital skills training for community technology teams", "VNeID, online applications and payments."),
        -20,
        14,
        2,
        False,
    ),
]


def load(communes, locales):
    today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    image = placeholder_image("Sự kiện – ảnh minh họa", colour=(0, 94, 132))
    for commune in communes:
        address = commune.profile["address"]
        index = get_or_add_child(
            commune.home,
            EventIndexPage,
            "su-kien",
            title="Sự kiện",
            show_in_menus=True,
            intro="Các sự kiện, hội nghị và hoạt động cộng đồng trên địa bàn xã.",
        )
        translate_page(index, locales["en"], title="Events", intro="Events, meetings and community activities.")
        commune.extras["events_index"] = index
        for slug, (title, summary, venue), (title_en, summary_en), days, hour, hours, all_day in EVENTS:
            start = today + days * DAY + datetime.timedelta(hours=hour)
            end = start + (datetime.timedelta(hours=hours) if not all_day else datetime.timedelta(hours=23))
            event = get_or_add_child(
                index,
                EventPage,
                slug,
                title=title,
                summary=summary,
                body="<p>Kính mời bà con tham dự.</p>",
                starts_at=start,
                ends_at=end,
                all_day=all_day,
                venue=venue,
                venue_address=address,
                organiser=commune.profile["unit_name"],
                image=image if days > 0 else None,
            )
            translate_page(event, locales["en"], title=title_en, summary=summary_en, body="<p>All welcome.</p>")
