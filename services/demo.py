"""Demo online-services page: links to real procedures on the national public-service portal."""

from core.demo import get_or_add_child, translate_page
from core.models import PortalSettings

from .models import NATIONAL_PORTAL_URL, OnlineServicesPage

PROCEDURE_URL = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc={code}"

GROUPS = [
    (
        "Hộ tịch",
        "Đăng ký khai sinh, kết hôn, khai tử và các việc hộ tịch khác.",
        [
            ("Đăng ký khai sinh", "1.001193", "full"),
            ("Đăng ký kết hôn", "1.000894", "partial"),
            ("Đăng ký khai tử", "1.000656", "full"),
            ("Cấp bản sao trích lục hộ tịch", "2.000635", "full"),
        ],
    ),
    (
        "Chứng thực",
        "",
        [
            ("Chứng thực bản sao từ bản chính", "2.000815", "partial"),
            ("Chứng thực chữ ký trong các giấy tờ, văn bản", "2.000884", "partial"),
        ],
    ),
    (
        "Bảo trợ xã hội",
        "Trợ cấp xã hội, hỗ trợ người có công và người khuyết tật.",
        [
            ("Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng", "1.001776", "partial"),
            ("Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật", "1.001699", "partial"),
        ],
    ),
    (
        "Đất đai",
        "",
        [
            ("Hòa giải tranh chấp đất đai", "1.003554", "info"),
        ],
    ),
]


def load(communes, locales):
    for commune in communes:
        groups = [
            (
                "group",
                {
                    "field": field,
                    "description": description,
                    "procedures": [
                        {"title": title, "url": PROCEDURE_URL.format(code=code), "code": code, "level": level}
                        for title, code, level in procedures
                    ],
                },
            )
            for field, description, procedures in GROUPS
        ]
        page = get_or_add_child(
            commune.home,
            OnlineServicesPage,
            "dich-vu-cong",
            title="Dịch vụ công trực tuyến",
            show_in_menus=True,
            intro="Các thủ tục hành chính thường gặp của xã; hồ sơ được nộp trên Cổng Dịch vụ công quốc gia.",
            portal_url=NATIONAL_PORTAL_URL,
            groups=groups,
        )
        translate_page(page, locales["en"], title="Online public services", slug="dich-vu-cong")
        # The menu now links this page (which links the national portal): drop the duplicate external link.
        portal_settings = PortalSettings.for_site(commune.site)
        if portal_settings.public_services_url:
            portal_settings.public_services_url = ""
            portal_settings.save()
        commune.extras["online_services"] = page
