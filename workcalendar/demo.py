"""Demo work calendar: entries for the current week and the previous one, so the week view is never empty."""

import datetime

from django.utils import timezone

from core.demo import get_or_add_child, translate_page

from .models import CalendarEntry, WorkCalendarPage

T = datetime.time

# (day offset from Monday, start, end, content, chair, participants, venue)
WEEK = [
    (
        0,
        T(7, 30),
        T(9, 0),
        "Giao ban lãnh đạo UBND xã đầu tuần",
        "Chủ tịch UBND xã",
        "Các Phó Chủ tịch UBND xã, công chức chuyên môn",
        "Phòng họp UBND xã",
    ),
    (
        0,
        T(14, 0),
        None,
        "Làm việc với Ban Chỉ đạo chuyển đổi số về phong trào “Bình dân học vụ số”",
        "Phó Bí thư Đảng ủy",
        "Thành viên Ban Chỉ đạo, Tổ Giúp việc",
        "Hội trường Đảng ủy xã",
    ),
    (
        1,
        T(8, 0),
        T(11, 0),
        "Tiếp công dân định kỳ",
        "Chủ tịch UBND xã",
        "Công chức Tư pháp - Hộ tịch, Địa chính",
        "Phòng tiếp công dân",
    ),
    (
        2,
        T(8, 0),
        None,
        "Kiểm tra tiến độ xây dựng nhà văn hóa thôn Tứ Kỳ",
        "Phó Chủ tịch UBND xã",
        "Công chức Địa chính - Xây dựng, trưởng thôn",
        "Thôn Tứ Kỳ",
    ),
    (
        3,
        T(14, 0),
        T(16, 30),
        "Họp triển khai kế hoạch phòng, chống thiên tai",
        "Phó Chủ tịch UBND xã",
        "Ban Chỉ huy Quân sự xã, Công an xã, các thôn",
        "Phòng họp UBND xã",
    ),
    (
        4,
        T(7, 30),
        None,
        "Dự hội nghị trực tuyến của tỉnh về cải cách hành chính",
        "Chủ tịch UBND xã",
        "Văn phòng HĐND - UBND xã",
        "Điểm cầu trực tuyến xã",
    ),
    # Weekends too, so the "today" widget of the demo always has an entry.
    (
        5,
        T(7, 30),
        T(11, 0),
        "Trực lãnh đạo UBND xã",
        "Phó Chủ tịch UBND xã",
        "Văn phòng HĐND - UBND xã",
        "Trụ sở UBND xã",
    ),
    (6, T(7, 30), T(11, 0), "Trực lãnh đạo UBND xã", "Chủ tịch UBND xã", "Công an xã", "Trụ sở UBND xã"),
]


def load(communes, locales):
    today = timezone.localdate()
    this_monday = today - datetime.timedelta(days=today.weekday())
    for commune in communes:
        page = get_or_add_child(
            commune.home,
            WorkCalendarPage,
            "lich-cong-tac",
            title="Lịch công tác",
            show_in_menus=True,
            intro="Lịch công tác tuần của lãnh đạo Đảng ủy, HĐND, UBND xã.",
        )
        translate_page(page, locales["en"], title="Work calendar", intro="The commune leaders' weekly schedule.")
        commune.extras["calendar_page"] = page
        for monday in (this_monday - datetime.timedelta(days=7), this_monday):
            for offset, start, end, content, chair, participants, venue in WEEK:
                CalendarEntry.objects.get_or_create(
                    site=commune.site,
                    date=monday + datetime.timedelta(days=offset),
                    start_time=start,
                    content=content,
                    defaults={"end_time": end, "chair": chair, "participants": participants, "venue": venue},
                )
