"""Documents (văn bản): list, search without diacritics, filters, detail, validity, sites, languages, queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.demo import translate_page
from core.pdf import minimal_pdf
from core.text import fold
from legaldocs.models import DocumentType, LegalDocument
from tests.factories.core import en, url_of
from tests.factories.legaldocs import bulk_documents, documents_page, make_document, site_editor

pytestmark = pytest.mark.django_db
HOST_A = {"HTTP_HOST": "a.gialai.gov.vn"}
HOST_B = {"HTTP_HOST": "b.gialai.gov.vn"}


@pytest.fixture
def pages(two_sites):
    a, b = two_sites
    return documents_page(a.home), documents_page(b.home)


def get(client, url, host=HOST_A, **params):
    response = client.get(url, params, **host)
    assert response.status_code == 200, (url, params, response.status_code)
    return response.content.decode()


def test_fold_removes_vietnamese_diacritics():
    assert fold("Quyết ĐỊNH kiện toàn  Ban Chỉ đạo") == "quyet dinh kien toan ban chi dao"


def test_empty_list_shows_no_data_and_the_filter_form(client, pages):
    html = get(client, url_of(pages[0]))
    assert "Không có dữ liệu" in html
    assert '<form class="doc-filter"' in html and "<h1>Văn bản</h1>" in html


def test_list_shows_only_this_sites_documents(client, two_sites, pages):
    a, b = two_sites
    make_document(a.site, "11/QĐ-UBND", abstract="Văn bản của xã A")
    make_document(b.site, "22/QĐ-UBND", abstract="Văn bản của xã B")
    html_a = get(client, url_of(pages[0]))
    html_b = get(client, url_of(pages[1]), HOST_B)
    assert "11/QĐ-UBND" in html_a and "22/QĐ-UBND" not in html_a
    assert "22/QĐ-UBND" in html_b and "11/QĐ-UBND" not in html_b


def test_another_sites_document_is_not_found_through_this_site(client, two_sites, pages):
    a, b = two_sites
    other = make_document(b.site, "22/QĐ-UBND")
    assert client.get(f"{url_of(pages[0])}{other.pk}/", **HOST_A).status_code == 404
    assert client.get(f"{url_of(pages[1])}{other.pk}/", **HOST_B).status_code == 200
    assert client.get(f"{url_of(pages[0])}{'9' * 30}/", **HOST_A).status_code == 404


@pytest.mark.parametrize("query", ["quyet dinh kien toan", "QUYẾT ĐỊNH kiện toàn", "kien TOAN ban chi dao", "215/qđ"])
def test_search_ignores_diacritics_and_case(client, two_sites, pages, query):
    a, _ = two_sites
    make_document(a.site, "215/QĐ-UBND", abstract="Quyết định kiện toàn Ban Chỉ đạo chuyển đổi số")
    make_document(a.site, "30/KH-UBND", doc_type=DocumentType.PLAN, abstract="Kế hoạch phòng chống thiên tai")
    html = get(client, url_of(pages[0]), q=query)
    assert "215/QĐ-UBND" in html and "30/KH-UBND" not in html


def test_filters_by_type_year_field_and_issuer(client, two_sites, pages):
    a, _ = two_sites
    make_document(a.site, "1/QĐ", issue_date=datetime.date(2025, 5, 1), field="Đất đai", issuer="UBND xã")
    make_document(a.site, "2/KH", doc_type=DocumentType.PLAN, issue_date=datetime.date(2026, 5, 1), field="Y tế")
    make_document(a.site, "3/NQ", doc_type=DocumentType.RESOLUTION, issuer="HĐND xã")
    url = url_of(pages[0])
    assert "2/KH" in (html := get(client, url, type="ke-hoach")) and "1/QĐ" not in html and "3/NQ" not in html
    assert "1/QĐ" in (html := get(client, url, year="2025")) and "2/KH" not in html
    assert "2/KH" in (html := get(client, url, field="Y tế")) and "1/QĐ" not in html
    assert "3/NQ" in (html := get(client, url, issuer="HĐND xã")) and "1/QĐ" not in html
    # The choices come from the site's own documents.
    assert '<option value="2025">2025</option>' in get(client, url)


@pytest.mark.parametrize(
    "params",
    [
        {"page": "abc"},
        {"page": "-1"},
        {"page": "99999999999999999999"},
        {"year": "xyz"},
        {"year": "1"},
        {"type": "<script>alert(1)</script>"},
        {"q": "x" * 5000},
        {"issuer": "không tồn tại", "field": "không có"},  # NUL/control characters: 400 (tests/core/test_invalid_input)
    ],
)
def test_bad_parameters_never_break_the_list(client, two_sites, pages, params):
    make_document(two_sites[0].site, "1/QĐ")
    html = get(client, url_of(pages[0]), **params)
    assert "<script>alert(1)</script>" not in html


def test_pagination_keeps_the_filters(client, two_sites, pages):
    bulk_documents(two_sites[0].site, 45)
    html = get(client, url_of(pages[0]), q="thong bao", page="2")
    assert "Trang 2 / 3" in html
    assert "?q=thong+bao&amp;page=3" in html and "?q=thong+bao&amp;page=1" in html


def test_expired_and_replaced_documents_are_marked_with_the_replacement_linked(client, two_sites, pages):
    a, _ = two_sites
    new = make_document(a.site, "102/QĐ-UBND", abstract="Quy chế mới")
    old = make_document(a.site, "57/QĐ-UBND", abstract="Quy chế cũ", replaced_by=new)
    make_document(a.site, "21/KH-UBND", abstract="Kế hoạch năm cũ", expiry_date=datetime.date(2025, 12, 31))
    assert not old.is_in_force and new.is_in_force
    html = get(client, url_of(pages[0]))
    assert html.count("Hết hiệu lực") == 2
    assert "Thay thế bởi" in html and f'href="{url_of(pages[0])}{new.pk}/"' in html
    assert "Hết hạn ngày 31/12/2025" in html
    detail = get(client, f"{url_of(pages[0])}{old.pk}/")
    assert "Hết hiệu lực" in detail and f'href="{url_of(pages[0])}{new.pk}/"' in detail
    # The new one lists what it replaces.
    assert f'href="{url_of(pages[0])}{old.pk}/"' in get(client, f"{url_of(pages[0])}{new.pk}/")


def test_detail_shows_every_field_and_the_attached_file(client, two_sites, pages):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    file = get_document_model().objects.create(
        title="Văn bản 7", file=ContentFile(minimal_pdf(["So: 7/QD", "Quyết định thử"]), name="7-qd.pdf")
    )
    document = make_document(
        two_sites[0].site,
        "7/QĐ-UBND",
        signer="Võ Công Hòa",
        field="Chuyển đổi số",
        effective_date=datetime.date(2026, 3, 5),
        file=file,
    )
    html = get(client, f"{url_of(pages[0])}{document.pk}/")
    assert "<h1>Quyết định 7/QĐ-UBND</h1>" in html
    for text in ["Võ Công Hòa", "Chuyển đổi số", "01/03/2026", "05/03/2026", "Còn hiệu lực", file.url, "(PDF)"]:
        assert text in html, text
    with file.open_file() as handle:
        assert handle.read().startswith(b"%PDF-1.4")


def test_generated_pdf_is_well_formed():
    data = minimal_pdf(["Số: 1/QĐ-UBND (thử)"])
    assert data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")
    xref_at = int(data.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    assert data[xref_at:].startswith(b"xref")
    assert b"(so: 1/qd-ubnd \\(thu\\)) Tj" in data  # folded: the standard fonts have no Vietnamese


def test_page_renders_translated_under_en(client, two_sites, pages):
    make_document(two_sites[0].site, "57/QĐ-UBND", expiry_date=datetime.date(2020, 1, 1))
    translate_page(pages[0].get_parent().specific, en(), title="Home")
    english = translate_page(pages[0], en(), title="Documents")
    html = get(client, url_of(english))
    assert '<html lang="en"' in html
    assert "No longer in force" in html and "Decision" in html and "57/QĐ-UBND" in html
    assert "Hết hiệu lực" not in html


def test_list_and_search_cost_the_same_number_of_queries_for_50_or_10000_documents(client, two_sites, pages):
    site = two_sites[0].site
    url = url_of(pages[0])

    def count_queries(**params):
        client.get(url, params, **HOST_A)  # warm per-process caches (site root paths, locales)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url, params, **HOST_A).status_code == 200
        return len(queries)

    bulk_documents(site, 50)
    small = [count_queries(), count_queries(q="tiep cong dan", year="2021", page="2"), count_queries(type="thong-bao")]
    bulk_documents(site, 10_000 - 50)
    assert LegalDocument.objects.filter(site=site).count() == 10_000
    large = [count_queries(), count_queries(q="tiep cong dan", year="2021", page="2"), count_queries(type="thong-bao")]
    assert small == large, (small, large)
    assert max(large) <= 20, large


def test_latest_documents_widget_lists_this_sites_newest_and_falls_back(rf, two_sites, pages):
    a, b = two_sites
    make_document(a.site, "1/QĐ", issue_date=datetime.date(2026, 1, 1))
    make_document(a.site, "2/QĐ", issue_date=datetime.date(2026, 2, 1), expiry_date=datetime.date(2026, 3, 1))
    make_document(b.site, "9/QĐ")
    from legaldocs.blocks import LatestDocumentsBlock

    block = LatestDocumentsBlock()
    value = block.to_python({"heading": "", "count": 5})

    def render(host):
        request = rf.get("/", HTTP_HOST=host)
        return block.render(value, context={"request": request})

    html = render("a.gialai.gov.vn")
    assert "Văn bản mới" in html and html.index("2/QĐ") < html.index("1/QĐ") and "9/QĐ" not in html
    assert f'href="{url_of(pages[0])}' in html and "Hết hiệu lực" in html
    LegalDocument.objects.filter(site=b.site).delete()
    assert "Không có dữ liệu" in render("b.gialai.gov.vn")


def test_widget_is_refreshed_when_a_document_is_added(rf, two_sites, pages):
    from legaldocs.blocks import LatestDocumentsBlock

    block = LatestDocumentsBlock()
    value = block.to_python({"heading": "Văn bản chỉ đạo", "count": 3})
    request = rf.get("/", HTTP_HOST="a.gialai.gov.vn")
    assert "Không có dữ liệu" in block.render(value, context={"request": request})
    make_document(two_sites[0].site, "5/QĐ")
    html = block.render(value, context={"request": request})
    assert "5/QĐ" in html and "Văn bản chỉ đạo" in html


def test_site_editor_sees_and_edits_only_own_sites_documents(client, two_sites):
    a, b = two_sites
    mine = make_document(a.site, "1/QĐ-A")
    theirs = make_document(b.site, "1/QĐ-B")
    editor = site_editor("bientap_a", a.home, "legaldocs.add_legaldocument", "legaldocs.change_legaldocument")
    client.force_login(editor)
    listing = client.get("/admin/snippets/legaldocs/legaldocument/").content.decode()
    assert "1/QĐ-A" in listing and "1/QĐ-B" not in listing
    assert client.get(f"/admin/snippets/legaldocs/legaldocument/edit/{mine.pk}/").status_code == 200
    refused = client.get(f"/admin/snippets/legaldocs/legaldocument/edit/{theirs.pk}/")
    assert refused.status_code in (302, 403) and refused.get("Location", "/admin/") == "/admin/"
    ajax = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}
    assert client.get(f"/admin/snippets/legaldocs/legaldocument/edit/{theirs.pk}/", **ajax).status_code == 403


def test_editor_adds_a_document_in_the_admin_and_cannot_pick_another_sites_replacement(client, two_sites, pages):
    a, b = two_sites
    theirs = make_document(b.site, "1/QĐ-B")
    editor = site_editor("bientap_a", a.home, "legaldocs.add_legaldocument", "legaldocs.change_legaldocument")
    client.force_login(editor)
    form = {
        "site": a.site.pk,
        "number": "99/QĐ-UBND",
        "published": "on",  # the form shows it ticked
        "doc_type": "quyet-dinh",
        "abstract": "Quyết định thử nghiệm",
        "issuer": "UBND xã",
        "signer": "",
        "field": "",
        "issue_date": "2026-11-01",
        "effective_date": "",
        "expiry_date": "",
        "replaced_by": theirs.pk,
        "file": "",
    }
    response = client.post("/admin/snippets/legaldocs/legaldocument/add/", form)
    assert response.status_code == 200 and not LegalDocument.objects.filter(number="99/QĐ-UBND").exists()
    form["replaced_by"] = ""
    response = client.post("/admin/snippets/legaldocs/legaldocument/add/", form)
    assert response.status_code == 302, response.content.decode()[:3000]
    created = LegalDocument.objects.get(number="99/QĐ-UBND")
    assert created.site == a.site and created.search_text.startswith("99/qd-ubnd quyet dinh")
    assert "99/QĐ-UBND" in get(client, url_of(pages[0]), q="thu nghiem")
