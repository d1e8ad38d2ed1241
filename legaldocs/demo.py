"""Demo documents (văn bản) for each commune, with small generated PDF files."""

import datetime

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from core.demo import get_or_add_child, translate_page
from core.pdf import minimal_pdf
from core.text import fold

from .models import DocumentsIndexPage, DocumentType, LegalDocument

D = datetime.date
T = DocumentType

# (number, type, abstract, issuer, signer, field, issued, effective, expiry, replaced_by number)
IA_KO = [
    (
        "215/QĐ-UBND",
        T.DECISION,
        "Quyết định kiện toàn Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số xã Ia Ko",
        "UBND xã Ia Ko",
        "Võ Công Hòa",
        "Chuyển đổi số",
        D(2026, 10, 28),
        D(2026, 10, 28),
        None,
        None,
    ),
    (
        "216/QĐ-UBND",
        T.DECISION,
        "Quyết định ban hành Quy chế làm việc của Ban Chỉ đạo phát triển khoa học, công nghệ, "
        "đổi mới sáng tạo và chuyển đổi số xã Ia Ko",
        "UBND xã Ia Ko",
        "Võ Công Hòa",
        "Chuyển đổi số",
        D(2026, 10, 28),
        D(2026, 10, 28),
        None,
        None,
    ),
    (
        "98/KH-UBND",
        T.PLAN,
        "Kế hoạch thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị về đột phá phát "
        "triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia trên địa bàn xã Ia Ko",
        "UBND xã Ia Ko",
        "Võ Công Hòa",
        "Chuyển đổi số",
        D(2026, 10, 30),
        D(2026, 10, 30),
        None,
        None,
    ),
    (
        "217/QĐ-UBND",
        T.DECISION,
        "Quyết định thành lập Tổ Giúp việc Ban Chỉ đạo về phát triển khoa học, công nghệ, "
        "đổi mới sáng tạo và chuyển đổi số xã Ia Ko",
        "UBND xã Ia Ko",
        "Võ Công Hòa",
        "Chuyển đổi số",
        D(2026, 10, 30),
        D(2026, 10, 30),
        None,
        None,
    ),
    (
        "45/TB-UBND",
        T.NOTICE,
        "Thông báo phân công nhiệm vụ các thành viên Ban Chỉ đạo phát triển khoa học, công nghệ, "
        "đổi mới sáng tạo và chuyển đổi số xã",
        "UBND xã Ia Ko",
        "Võ Công Hòa",
        "Chuyển đổi số",
        D(2026, 11, 3),
        None,
        None,
        None,
    ),
    (
        "12/NQ-HĐND",
        T.RESOLUTION,
        "Nghị quyết về nhiệm vụ phát triển kinh tế - xã hội, quốc phòng - an ninh năm 2026",
        "HĐND xã Ia Ko",
        "Chủ tịch HĐND xã",
        "Kinh tế - Xã hội",
        D(2025, 12, 18),
        D(2026, 1, 1),
        None,
        None,
    ),
    (
        "30/KH-UBND",
        T.PLAN,
        "Kế hoạch phòng, chống thiên tai và tìm kiếm cứu nạn mùa mưa bão năm 2026",
        "UBND xã Ia Ko",
        "Phó Chủ tịch UBND xã",
        "Phòng chống thiên tai",
        D(2026, 4, 15),
        D(2026, 4, 15),
        D(2026, 12, 31),
        None,
    ),
    (
        "21/KH-UBND",
        T.PLAN,
        "Kế hoạch phòng, chống thiên tai và tìm kiếm cứu nạn năm 2025",
        "UBND xã Ia Ko",
        "Phó Chủ tịch UBND xã",
        "Phòng chống thiên tai",
        D(2025, 4, 10),
        D(2025, 4, 10),
        D(2025, 12, 31),
        None,
    ),
    (
        "102/QĐ-UBND",
        T.DECISION,
        "Quyết định ban hành Quy chế tiếp công dân của Ủy ban nhân dân xã (thay thế)",
        "UBND xã Ia Ko",
        "Võ Công Hòa",
        "Tiếp công dân",
        D(2026, 6, 2),
        D(2026, 6, 2),
        None,
        None,
    ),
    (
        "57/QĐ-UBND",
        T.DECISION,
        "Quyết định ban hành Quy chế tiếp công dân của Ủy ban nhân dân xã",
        "UBND xã Ia Ko",
        "Võ Công Hòa",
        "Tiếp công dân",
        D(2025, 7, 1),
        D(2025, 7, 1),
        None,
        "102/QĐ-UBND",
    ),
    (
        "312/UBND-VP",
        T.OFFICIAL_LETTER,
        "Công văn về việc tăng cường công tác phòng, chống dịch sốt xuất huyết trên địa bàn xã",
        "UBND xã Ia Ko",
        "Phó Chủ tịch UBND xã",
        "Y tế",
        D(2026, 9, 12),
        None,
        None,
        None,
    ),
    (
        "88/BC-UBND",
        T.REPORT,
        "Báo cáo kết quả thực hiện phong trào “Bình dân học vụ số” quý III năm 2026",
        "UBND xã Ia Ko",
        "Võ Công Hòa",
        "Chuyển đổi số",
        D(2026, 10, 5),
        None,
        None,
        None,
    ),
]

IA_PAL = [
    (
        "14/QĐ-UBND",
        T.DECISION,
        "Quyết định thành lập Tổ công nghệ số cộng đồng các thôn, làng xã Ia Pal",
        "UBND xã Ia Pal",
        "Rah Lan H'Nhi",
        "Chuyển đổi số",
        D(2026, 3, 9),
        D(2026, 3, 9),
        None,
        None,
    ),
    (
        "22/KH-UBND",
        T.PLAN,
        "Kế hoạch tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2026",
        "UBND xã Ia Pal",
        "Rah Lan H'Nhi",
        "Văn hóa - Xã hội",
        D(2026, 9, 20),
        None,
        None,
        None,
    ),
]


def demo_file(number, abstract):
    Document = get_document_model()
    title = f"Văn bản {number}"
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    slug = "".join(ch if ch.isalnum() else "-" for ch in fold(number))
    content = minimal_pdf([f"So: {number}", *[abstract[i : i + 80] for i in range(0, len(abstract), 80)]])
    return Document.objects.create(title=title, file=ContentFile(content, name=f"{slug}.pdf"))


def load(communes, locales):
    for commune in communes:
        page = get_or_add_child(
            commune.home,
            DocumentsIndexPage,
            "van-ban",
            title="Văn bản",
            show_in_menus=True,
            intro="Văn bản chỉ đạo, điều hành của Đảng ủy, HĐND và UBND xã.",
        )
        translate_page(page, locales["en"], title="Documents", intro="Documents issued by the commune.")
        commune.extras["documents_page"] = page
        rows = IA_KO if commune.key == "ia-ko" else IA_PAL
        by_number = {}
        for number, doc_type, abstract, issuer, signer, field, issued, effective, expiry, _ in rows:
            document = LegalDocument.objects.filter(site=commune.site, number=number).first()
            if document is None:
                document = LegalDocument.objects.create(
                    site=commune.site,
                    number=number,
                    doc_type=doc_type,
                    abstract=abstract,
                    issuer=issuer,
                    signer=signer,
                    field=field,
                    issue_date=issued,
                    effective_date=effective,
                    expiry_date=expiry,
                    file=demo_file(number, abstract),
                )
            by_number[number] = document
        for number, *_, replaced_by in rows:
            document = by_number[number]
            if replaced_by and document.replaced_by_id is None:
                document.replaced_by = by_number[replaced_by]
                document.save()
