"""A sitemap of the old portal (layout A) imported into a news section, checked field by field."""

import datetime
import zoneinfo

import pytest
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import ReferenceIndex

from importer.models import ImportedArticle, ImportEvent
from importer.runner import run_import
from news.models import NewsPage

pytestmark = pytest.mark.django_db
HCM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
ARTICLE = "cong-a/le-ra-quan-nghia-vu-quan-su.html"


@pytest.fixture
def imported(make_source, old_portal):
    source = make_source("sitemap", old_portal.url("sitemap.xml"), publish=True, user_agent="XaIaKoImporter/2.0")
    run = run_import(source)
    return source, run


def events(run, outcome):
    return {event.url: event.reason for event in run.events.filter(outcome=outcome)}


def test_report_counts_and_reasons(imported, old_portal):
    _source, run = imported
    assert (run.created, run.updated, run.skipped, run.failed) == (2, 0, 2, 1)
    skipped = events(run, ImportEvent.SKIPPED)
    assert "robots.txt" in skipped[old_portal.url("noi-bo/bien-ban-hop.html")]
    assert "máy chủ" in skipped["http://example.com/tin-tuc/bai-ngoai.html"]
    assert "404" in events(run, ImportEvent.FAILED)[old_portal.url("cong-a/khong-co.html")]
    assert "hong.jpg" in " ".join(events(run, ImportEvent.WARNING).values())
    assert old_portal.hits["/noi-bo/bien-ban-hop.html"] == 0  # robots.txt honoured: never requested
    assert "XaIaKoImporter/2.0" in old_portal.user_agents


def test_article_fields(imported, commune, old_portal):
    page = NewsPage.objects.get(title="Xã Ia Ko tổ chức lễ ra quân nghĩa vụ quân sự năm 2026")
    assert page.live and page.get_parent().pk == commune.section.pk
    assert page.publication_date == datetime.datetime(2026, 10, 31, 8, 30, tzinfo=HCM)
    assert page.lead.startswith("Sáng ngày 30/10, Ủy ban nhân dân xã Ia Ko tổ chức lễ giao nhận quân")
    assert page.source == "Văn phòng HĐND-UBND xã Ia Ko"
    assert list(page.categories.all()) == [commune.category]
    assert page.revisions.count() == 1 and page.live_revision_id is not None
    record = ImportedArticle.objects.get(page=page)
    assert record.original_url == old_portal.url(ARTICLE)


def test_body_blocks(imported):
    page = NewsPage.objects.get(title__startswith="Xã Ia Ko tổ chức lễ ra quân")
    kinds = [block.block_type for block in page.body]
    assert kinds == [
        "paragraph",
        "image",
        "paragraph",
        "heading",
        "paragraph",
        "table",
        "quote",
        "image",
        "paragraph",
        "paragraph",
    ]
    first_image, second_image = (block.value for block in page.body if block.block_type == "image")
    assert first_image["caption"] == "Các tân binh xã Ia Ko tại lễ giao nhận quân năm 2026."
    assert first_image["image"].contextual_alt_text == first_image["caption"]  # no alt: the caption
    assert second_image["caption"] == "Lãnh đạo xã tặng quà cho các tân binh."
    assert second_image["image"].contextual_alt_text == "Tặng quà tân binh"  # protocol-relative src, own alt
    heading = next(block.value for block in page.body if block.block_type == "heading")
    assert (heading["text"], heading["level"]) == ("Kết quả tuyển quân", "h3")
    table = next(block.value for block in page.body if block.block_type == "table")
    assert table["table"]["data"][1] == ["Làng Ia Ko", "12"] and table["table"]["first_row_is_table_header"]
    assert "Bold" not in str(page.body)
    assert "<b>Ủy ban nhân dân xã</b>" in str(page.body[2].value.source)
    text = str(page.body.get_prep_value())
    for boilerplate in ("Tin liên quan", "Tin nổi bật", "Hội nghị tổng kết", "Trang chủ", "Cơ quan chủ quản"):
        assert boilerplate not in text
    assert page.cover_image_id == first_image["image"].pk


def test_images_and_documents(imported):
    Image, Document = get_image_model(), get_document_model()
    # Two articles use le-giao-quan.jpg: one image in the library (same content hash).
    assert Image.objects.count() == 2
    assert sorted(Document.objects.values_list("title", flat=True)) == [
        "Kế hoạch giao quân năm 2026",
        "danh sách tân binh",
    ]
    page = NewsPage.objects.get(title__startswith="Xã Ia Ko tổ chức lễ ra quân")
    links = next(str(b.value.source) for b in page.body if "Xem chi tiết" in str(b.value))
    pdf = Document.objects.get(title="Kế hoạch giao quân năm 2026")
    assert f'linktype="document" id="{pdf.pk}"' in links
    assert pdf.file.read().startswith(b"%PDF")
    # The reference index (the admin's "Usage" of an image or document) is written once, after publishing.
    for used in (page.cover_image, pdf):
        assert str(page.pk) in {ref.object_id for ref in ReferenceIndex.get_references_to(used)}


def test_old_address_redirects(imported, client, commune):
    page = NewsPage.objects.get(title__startswith="Xã Ia Ko tổ chức lễ ra quân")
    redirect = Redirect.objects.get(old_path=f"/{ARTICLE}")
    assert redirect.site == commune.site and redirect.redirect_page.pk == page.pk
    response = client.get(f"/{ARTICLE}", HTTP_HOST=commune.site.hostname)
    assert response.status_code == 301
    assert response["Location"].endswith(page.get_url(current_site=commune.site))


def test_second_run_creates_nothing_and_skips_unchanged(imported):
    source, _run = imported
    pages, images = NewsPage.objects.count(), get_image_model().objects.count()
    second = run_import(source)
    assert (second.created, second.updated) == (0, 0)
    assert "Không thay đổi" in " ".join(events(second, ImportEvent.SKIPPED).values())
    assert NewsPage.objects.count() == pages and get_image_model().objects.count() == images
    assert Redirect.objects.count() == 2


def test_old_articles_are_not_mailed_to_subscribers(
    make_source, old_portal, commune, django_capture_on_commit_callbacks
):
    """Moving in publishes years of old news in one evening; residents who subscribed get no mail for it."""
    from django.core import mail

    from subscriptions.models import NotifiedPage
    from tests.factories.subscriptions import subscriber

    subscriber(commune.site, email="nguoidan@example.vn")
    source = make_source("sitemap", old_portal.url("sitemap.xml"), publish=True)
    with django_capture_on_commit_callbacks(execute=True):
        run = run_import(source)
    assert run.created >= 2
    assert NotifiedPage.objects.filter(announced=False).count() == run.created
    assert mail.outbox == []
