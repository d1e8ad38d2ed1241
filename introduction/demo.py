"""Demo introduction for each commune: overview, natural conditions, history and culture, map, organisation."""

from core.demo import get_or_add_child, placeholder_image, publish, translate_page

from .models import AdministrativeMapPage, IntroductionPage, LeaderProfile, OrganisationPage, OrganisationUnit


def paragraph(text):
    return ("paragraph", f"<p>{text}</p>")


OVERVIEW = (
    "Xã {name} nằm ở phía Tây Nam tỉnh Gia Lai, có diện tích tự nhiên khoảng 180 km², dân số hơn 15.000 người "
    "thuộc 12 thôn, làng; đồng bào dân tộc Jrai chiếm khoảng 60%."
)
NATURAL = [
    "Địa hình tương đối bằng phẳng, xen kẽ đồi thấp; đất đỏ bazan thích hợp trồng cà phê, hồ tiêu, cao su.",
    "Khí hậu nhiệt đới gió mùa cao nguyên, mùa mưa từ tháng 5 đến tháng 10, nhiệt độ trung bình 22–25°C.",
]
HISTORY = [
    "Vùng đất {name} gắn với lịch sử cư trú lâu đời của đồng bào Jrai, với nhà rông, cồng chiêng, lễ mừng lúa mới.",
    "Trong kháng chiến, nhân dân các làng đã đóng góp sức người, sức của; nhiều gia đình được tặng thưởng "
    "danh hiệu Bà mẹ Việt Nam anh hùng.",
]

UNITS = [
    ("party", "Đảng ủy xã", "Lãnh đạo toàn diện các mặt công tác trên địa bàn xã."),
    ("council", "Hội đồng nhân dân xã", "Cơ quan quyền lực nhà nước ở địa phương, do nhân dân bầu ra."),
    ("committee", "Ủy ban nhân dân xã", "Cơ quan hành chính nhà nước ở địa phương, chấp hành nghị quyết của HĐND."),
    ("front", "Ủy ban Mặt trận Tổ quốc Việt Nam xã", "Tập hợp, phát huy khối đại đoàn kết toàn dân tộc."),
    (
        "mass",
        "Các tổ chức chính trị - xã hội",
        "Hội Nông dân, Hội Liên hiệp Phụ nữ, Đoàn Thanh niên, Hội Cựu chiến binh.",
    ),
]

# Ia Ko: the first two are named in the seed article; the others are plausible demo names.
LEADERS = {
    "ia-ko": [
        (
            "party",
            "Dương Mạnh Mẫn",
            "Bí thư Đảng ủy, Chủ tịch HĐND xã",
            "Sinh năm 1975, quê quán tỉnh Gia Lai; trình độ chuyên môn cử nhân luật, cao cấp lý luận chính trị.",
            "Phụ trách chung công tác của Đảng ủy; chủ trì các kỳ họp Hội đồng nhân dân xã.",
            "0269 3851 001",
            "manhman@gialai.gov.vn",
        ),
        (
            "committee",
            "Võ Công Hòa",
            "Phó Bí thư Đảng ủy, Chủ tịch UBND xã",
            "Sinh năm 1978; thạc sĩ quản lý kinh tế; nhiều năm công tác tại huyện Chư Prông.",
            "Lãnh đạo, điều hành chung hoạt động của UBND xã; phụ trách chuyển đổi số, tài chính, ngân sách.",
            "0269 3851 002",
            "conghoa@gialai.gov.vn",
        ),
        (
            "party",
            "Rơ Châm H'Phiu",
            "Phó Bí thư Thường trực Đảng ủy",
            "Sinh năm 1982, dân tộc Jrai; cử nhân xây dựng Đảng.",
            "Phụ trách công tác xây dựng Đảng, kiểm tra, giám sát.",
            "0269 3851 003",
            "",
        ),
        (
            "council",
            "Nguyễn Văn Thành",
            "Phó Chủ tịch HĐND xã",
            "Sinh năm 1980; cử nhân hành chính.",
            "Giúp Chủ tịch HĐND điều hòa hoạt động của các Ban HĐND.",
            "0269 3851 004",
            "",
        ),
        (
            "committee",
            "Trần Thị Mai",
            "Phó Chủ tịch UBND xã",
            "Sinh năm 1985; cử nhân kinh tế.",
            "Phụ trách lĩnh vực văn hóa - xã hội, giáo dục, y tế.",
            "0269 3851 005",
            "thimai@gialai.gov.vn",
        ),
        (
            "front",
            "Siu Blếch",
            "Chủ tịch Ủy ban MTTQ Việt Nam xã",
            "Sinh năm 1976, dân tộc Jrai.",
            "Chủ trì công tác Mặt trận, giám sát và phản biện xã hội.",
            "0269 3851 006",
            "",
        ),
        ("mass", "Ksor H'Nga", "Chủ tịch Hội Liên hiệp Phụ nữ xã", "", "", "", ""),
        ("mass", "Lê Minh Tuấn", "Bí thư Đoàn Thanh niên xã", "", "", "", ""),
    ],
    "ia-pal": [
        (
            "committee",
            "Rah Lan H'Nhi",
            "Chủ tịch UBND xã",
            "",
            "Lãnh đạo, điều hành chung hoạt động của UBND xã.",
            "0269 3852 567",
            "",
        ),
    ],
}
LEADER_POSITIONS_EN = {
    "Dương Mạnh Mẫn": "Party Secretary, Chairman of the People's Council",
    "Võ Công Hòa": "Deputy Party Secretary, Chairman of the People's Committee",
    "Rơ Châm H'Phiu": "Standing Deputy Party Secretary",
    "Nguyễn Văn Thành": "Vice-Chairman of the People's Council",
    "Trần Thị Mai": "Vice-Chairwoman of the People's Committee",
    "Siu Blếch": "Chairman of the Fatherland Front Committee",
    "Ksor H'Nga": "Chairwoman of the Women's Union",
    "Lê Minh Tuấn": "Secretary of the Youth Union",
    "Rah Lan H'Nhi": "Chairwoman of the People's Committee",
}
UNIT_NAMES_EN = {
    "party": "Commune Party Committee",
    "council": "Commune People's Council",
    "committee": "Commune People's Committee",
    "front": "Vietnam Fatherland Front Committee of the commune",
    "mass": "Mass organisations",
}


def ensure_organisation(parent, commune_key, locales):
    existing = parent.get_children().filter(slug="co-cau-to-chuc").first()
    if existing:
        return existing.specific
    page = OrganisationPage(
        slug="co-cau-to-chuc",
        title="Cơ cấu tổ chức",
        intro="Hệ thống chính trị xã gồm Đảng ủy, HĐND, UBND, Ủy ban MTTQ và các tổ chức chính trị - xã hội.",
    )
    for kind, name, description in UNITS:
        page.units.add(OrganisationUnit(kind=kind, name=name, description=description))
    for position, (unit, name, title, bio, duties, phone, email) in enumerate(
        LEADERS.get(commune_key, LEADERS["ia-ko"])
    ):
        photo = placeholder_image(f"Ảnh chân dung {name}", colour=(90, 90 + position * 10, 120), size=(320, 400))
        page.leaders.add(
            LeaderProfile(
                unit=unit,
                name=name,
                position=title,
                biography=bio,
                duties=duties,
                phone=phone,
                email=email,
                photo=photo,
            )
        )
    parent.add_child(instance=page)
    publish(page)
    english = translate_page(
        page,
        locales["en"],
        title="Organisation",
        intro=(
            "The commune's political system: the Party Committee, the People's Council, the People's Committee, "
            "the Fatherland Front and the mass organisations."
        ),
    )
    # Saved rows, then a new revision: the revision is what the live page is rebuilt from.
    for leader in english.leaders.all():
        leader.position = LEADER_POSITIONS_EN.get(leader.name, leader.position)
        leader.save()
    for unit in english.units.all():
        unit.name = UNIT_NAMES_EN[unit.kind]
        unit.save()
    english = OrganisationPage.objects.get(pk=english.pk)
    english.save_revision().publish()
    return page


def load(communes, locales):
    for commune in communes:
        name = commune.profile["unit_name"].replace("Ủy ban nhân dân xã ", "")
        home = commune.home
        neighbour = "xã Ia Pal" if commune.key == "ia-ko" else "xã Ia Ko"
        created = not home.get_children().filter(slug="gioi-thieu").exists()
        overview = get_or_add_child(
            home,
            IntroductionPage,
            "gioi-thieu",
            title="Giới thiệu",
            show_in_menus=True,
            intro=f"Khái quát về xã {name}: điều kiện tự nhiên, lịch sử - văn hóa, tổ chức bộ máy.",
            body=[paragraph(OVERVIEW.format(name=name))],
        )
        if created:  # first in the main menu, as the rules expect (Home, Introduction, ...)
            overview.move(home, pos="first-child")
            overview.refresh_from_db()
        get_or_add_child(
            overview,
            IntroductionPage,
            "dieu-kien-tu-nhien",
            title="Điều kiện tự nhiên",
            body=[paragraph(text) for text in NATURAL],
        )
        get_or_add_child(
            overview,
            IntroductionPage,
            "lich-su-van-hoa",
            title="Lịch sử - Văn hóa",
            body=[paragraph(text.format(name=name)) for text in HISTORY],
        )
        get_or_add_child(
            overview,
            AdministrativeMapPage,
            "ban-do-hanh-chinh",
            title="Bản đồ hành chính",
            map_image=placeholder_image(f"Bản đồ hành chính xã {name}", colour=(60, 120, 80)),
            image_alt=f"Bản đồ hành chính xã {name}, tỉnh Gia Lai",
            description=(
                f"Xã {name} giáp huyện Chư Prông ở phía Bắc, {neighbour} ở phía Đông, "
                "tỉnh lộ 665 chạy qua trung tâm xã theo hướng Bắc – Nam. Trụ sở UBND xã đặt tại thôn Tứ Kỳ; "
                "12 thôn, làng phân bố dọc tỉnh lộ và các suối Ia Ko, Ia Băng."
            ),
            interactive_map_url="https://www.openstreetmap.org/#map=12/13.72/107.95",
        )
        # The English parent first: translating the organisation page would otherwise copy it untranslated.
        translate_page(
            overview,
            locales["en"],
            title="Introduction",
            slug="gioi-thieu",
            intro=f"About {name} commune: natural conditions, history and culture, organisation.",
            body=[paragraph(f"{name} commune lies in the south-west of Gia Lai province.")],
        )
        organisation = ensure_organisation(overview, commune.key, locales)
        commune.extras["introduction"] = overview
        commune.extras["organisation"] = organisation
