"""Demo consultations: per commune an open draft with comments, and (Ia Ko) a concluded one with its outcome."""

import datetime

from django.apps import apps
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from core.demo import get_or_add_child, translate_page
from core.pdf import minimal_pdf  # the project's tiny PDF writer for demo attachments

from .models import ConsultationComment, ConsultationDocument, ConsultationIndexPage, ConsultationPage

DAY = datetime.timedelta(days=1)

OPEN_DRAFT = """
<h2>Chương I. Quy định chung</h2>
<h3>Điều 1. Phạm vi điều chỉnh</h3>
<p>Quy chế này quy định việc quản lý, sử dụng nhà văn hóa thôn, làng trên địa bàn xã.</p>
<h3>Điều 2. Đối tượng áp dụng</h3>
<p>Ban điều hành thôn, làng; các tổ chức, hộ gia đình và cá nhân sử dụng nhà văn hóa.</p>
<h2>Chương II. Quản lý và sử dụng</h2>
<h3>Điều 3. Thời gian mở cửa</h3>
<p>Nhà văn hóa mở cửa phục vụ sinh hoạt cộng đồng từ 7 giờ đến 21 giờ hằng ngày.</p>
<h3>Điều 4. Kinh phí</h3>
<p>Kinh phí điện, nước do thôn, làng bảo đảm từ nguồn đóng góp tự nguyện và ngân sách hỗ trợ của xã.</p>
"""

OPEN_DRAFT_EN = """
<h2>Chapter I. General provisions</h2>
<h3>Article 1. Scope</h3>
<p>These rules govern the management and use of the village cultural houses of the commune.</p>
<h3>Article 2. Who they apply to</h3>
<p>Village boards; organisations, households and individuals using the cultural houses.</p>
<h2>Chapter II. Management and use</h2>
<h3>Article 3. Opening hours</h3>
<p>The cultural house is open for community activities from 7 am to 9 pm every day.</p>
<h3>Article 4. Costs</h3>
<p>Electricity and water are paid by the village from voluntary contributions and the commune's support.</p>
"""

CONCLUDED_DRAFT = """
<h3>Điều 1. Nguyên tắc</h3>
<p>Chợ xã hoạt động theo nguyên tắc công khai, bảo đảm vệ sinh an toàn thực phẩm và trật tự.</p>
<h3>Điều 2. Giờ họp chợ</h3>
<p>Chợ họp từ 5 giờ đến 18 giờ hằng ngày.</p>
"""

OPEN_COMMENTS = [
    (
        "Điều 3. Thời gian mở cửa",
        "Đề nghị cho phép mở cửa đến 22 giờ vào các dịp lễ, Tết để bà con sinh hoạt văn nghệ.",
    ),
    ("Điều 4. Kinh phí", "Nên công khai các khoản đóng góp tại nhà văn hóa mỗi quý."),
]
CONCLUDED_COMMENTS = [
    ("Điều 2. Giờ họp chợ", "Đề nghị chợ họp từ 4 giờ 30 để bà con các làng xa kịp bán nông sản buổi sáng."),
    ("", "Cần bố trí khu vực riêng cho bà con bán hàng nông sản tự sản xuất, không thu phí."),
]


def demo_file(title, lines):
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    slug = "".join(ch if ch.isalnum() else "-" for ch in title.lower().encode("ascii", "ignore").decode())[:40]
    return Document.objects.create(title=title, file=ContentFile(minimal_pdf(lines), name=f"{slug or 'du-thao'}.pdf"))


def add_comments(page, site, comments, when):
    if ConsultationComment.objects.filter(consultation=page).exists():
        return
    for number, (section, text) in enumerate(comments):
        ConsultationComment.objects.create(
            site=site,
            consultation=page,
            name=f"Người dân {number + 1}",
            email=f"nguoidan{number + 1}@example.invalid",
            section=section,
            comment=text,
            submitted_at=when + number * DAY,
            published=True,
        )


def attach(page, document, label):
    if not page.draft_documents.exists():
        page.draft_documents.add(ConsultationDocument(document=document, label=label))
        page.save_revision().publish()


def load(communes, locales):
    now = timezone.localtime().replace(minute=0, second=0, microsecond=0)
    LegalDocument = apps.get_model("legaldocs", "LegalDocument")
    for commune in communes:
        name = commune.profile["unit_name"].replace("Ủy ban nhân dân", "UBND")
        index = get_or_add_child(
            commune.home,
            ConsultationIndexPage,
            "lay-y-kien-du-thao",
            title="Lấy ý kiến dự thảo",
            show_in_menus=True,
            intro="Dự thảo văn bản của xã được đăng để người dân góp ý trước khi ban hành.",
        )
        translate_page(
            index,
            locales["en"],
            title="Comment on drafts",
            intro="Draft documents of the commune, posted for residents' comments before adoption.",
        )
        commune.extras["consultations_index"] = index
        opened = get_or_add_child(
            index,
            ConsultationPage,
            "du-thao-quy-che-nha-van-hoa",
            title="Dự thảo Quy chế quản lý, sử dụng nhà văn hóa thôn, làng",
            summary="Lấy ý kiến người dân về giờ mở cửa, kinh phí và trách nhiệm giữ gìn nhà văn hóa thôn, làng.",
            issuing_body=f"{name} (Công chức Văn hóa - Xã hội)",
            opens_at=now - 5 * DAY,
            closes_at=(now + 20 * DAY).replace(hour=17),
            draft_text=OPEN_DRAFT,
        )
        attach(opened, demo_file(f"Dự thảo quy chế nhà văn hóa – {commune.key}", ["Du thao Quy che nha van hoa"]), "")
        add_comments(opened, commune.site, OPEN_COMMENTS, now - 4 * DAY)
        translate_page(
            opened,
            locales["en"],
            title="Draft rules on the village cultural houses",
            summary="Residents' views on opening hours, costs and the care of the village cultural houses.",
            draft_text=OPEN_DRAFT_EN,
        )
        if not commune.is_default:
            continue
        adopted = LegalDocument.objects.filter(site=commune.site).order_by("-issue_date").first()
        concluded = get_or_add_child(
            index,
            ConsultationPage,
            "du-thao-noi-quy-cho-xa",
            title="Dự thảo Nội quy chợ xã",
            summary="Lấy ý kiến tiểu thương và người dân về giờ họp chợ và khu vực bán nông sản.",
            issuing_body=f"{name} (Công chức Địa chính - Xây dựng)",
            opens_at=now - 60 * DAY,
            closes_at=(now - 30 * DAY).replace(hour=17),
            draft_text=CONCLUDED_DRAFT,
            outcome_summary="<p>UBND xã nhận được 14 ý kiến, chủ yếu về giờ họp chợ và khu vực bán nông sản.</p>",
            outcome_response="<ul><li>Giờ họp chợ được điều chỉnh, bắt đầu từ 4 giờ 30.</li>"
            "<li>Bố trí khu vực riêng, không thu phí cho bà con bán nông sản tự sản xuất.</li></ul>",
            adopted_document=adopted,
        )
        add_comments(concluded, commune.site, CONCLUDED_COMMENTS, now - 50 * DAY)
        translate_page(
            concluded,
            locales["en"],
            title="Draft rules of the commune market",
            summary="Views of traders and residents on market hours and an area for selling farm produce.",
            outcome_summary="<p>The commune received 14 comments, mostly on market hours and farm produce.</p>",
            outcome_response="<ul><li>The market now opens at 4.30 am.</li>"
            "<li>A free area is set aside for residents selling their own produce.</li></ul>",
        )
