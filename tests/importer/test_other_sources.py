"""Feeds, a legacy-encoded page with per-source selectors, WordPress exports, saved pages (ZIP), dry runs,
drafts, updates and a page that fails: each against the local fixture portal."""

import datetime
import shutil
import zipfile
import zoneinfo
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.contrib.redirects.models import Redirect

from importer.models import ImportEvent
from importer.runner import run_import
from news.models import NewsPage

pytestmark = pytest.mark.django_db
HCM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
FIXTURES = Path(__file__).parent / "fixtures"
LAYOUT_B = {
    "title_selector": ".tieu-de",
    "date_selector": ".ngay-dang",
    "lead_selector": ".mo-ta",
    "body_selector": ".noi-dung",
}


def test_feed_with_selectors_and_a_legacy_encoding(make_source, old_portal):
    run = run_import(make_source("feed", old_portal.url("feed.xml"), **LAYOUT_B))
    assert (run.created, run.failed) == (2, 0)
    legacy = NewsPage.objects.get(title="Hội nghị tiếp xúc cử tri trước kỳ họp thứ mười")  # windows-1258 page
    assert legacy.publication_date == datetime.datetime(2026, 11, 5, tzinfo=HCM)
    assert legacy.lead.startswith("Đại biểu Hội đồng nhân dân xã tiếp xúc cử tri thôn Ia Bang")
    assert legacy.source == "Thường trực HĐND xã"
    assert "đầu tư giếng nước sạch cho các hộ đồng bào dân tộc thiểu số" in legacy.body[0].value.source
    assert not legacy.live and legacy.has_unpublished_changes  # the source's default: drafts for review
    vaccination = NewsPage.objects.get(title="Tiêm chủng mở rộng cho trẻ em dưới 5 tuổi")
    image = next(block.value for block in vaccination.body if block.block_type == "image")
    assert image["caption"] == "Cán bộ y tế tiêm vắc xin cho trẻ tại thôn Plei Pal."  # the italic line below
    assert "Tin nổi bật" not in str(vaccination.body.get_prep_value())
    assert [b.block_type for b in vaccination.body] == ["paragraph", "image", "heading", "paragraph", "paragraph"]


def test_atom_feed(make_source, old_portal):
    run = run_import(make_source("feed", old_portal.url("atom.xml"), **LAYOUT_B))
    assert run.created == 1 and NewsPage.objects.get().title == "Tiêm chủng mở rộng cho trẻ em dưới 5 tuổi"


def test_wordpress_export(make_source, old_portal, tmp_path):
    export = tmp_path / "wordpress.xml"
    export.write_bytes((FIXTURES / "wordpress.xml").read_bytes().replace(b"{HOST}", old_portal.host.encode()))
    run = run_import(make_source("wordpress", str(export), publish=True))
    assert (run.created, run.failed) == (1, 0)  # the attachment and the draft are not articles
    page = NewsPage.objects.get()
    assert page.title == "Khám tuyển nghĩa vụ quân sự năm 2026"
    assert page.publication_date == datetime.datetime(2026, 10, 20, 14, 5, tzinfo=HCM)
    assert page.lead == "Xã khám tuyển nghĩa vụ quân sự cho 80 thanh niên."
    assert page.source == "Ban Chỉ huy Quân sự xã"
    assert [b.block_type for b in page.body] == ["paragraph", "image", "heading", "paragraph"]
    assert page.body[1].value["caption"] == "Thanh niên làm thủ tục khám tuyển."
    assert list(page.tags.names()) == ["tuyển quân"]
    assert Redirect.objects.filter(old_path="/2026/10/kham-tuyen-nghia-vu").exists()


def test_saved_pages_in_a_zip(make_source, tmp_path):
    folder = tmp_path / "saved"
    shutil.copytree(FIXTURES / "cong-a", folder / "cong-a")
    shutil.copytree(FIXTURES / "anh", folder / "anh")
    shutil.copytree(FIXTURES / "tep", folder / "tep")
    archive = tmp_path / "saved.zip"
    with zipfile.ZipFile(archive, "w") as saved:
        for file in folder.rglob("*"):
            if file.is_file():
                saved.write(file, file.relative_to(folder).as_posix())
    run = run_import(make_source("archive", str(archive), old_portal_url="http://iako.chuse.gialai.gov.vn"))
    assert run.created == 2
    page = NewsPage.objects.get(title__startswith="Xã Ia Ko tổ chức lễ ra quân")
    assert sum(1 for block in page.body if block.block_type == "image") == 1  # tang-qua.jpg is on the old host
    assert Redirect.objects.filter(old_path="/tin-tuc/le-ra-quan-nghia-vu-quan-su.html").exists()  # canonical
    assert Redirect.objects.filter(old_path="/cong-a/ngay-hoi-dai-doan-ket.html").exists()  # its place


def test_dry_run_changes_nothing_and_says_why(make_source, old_portal, capsys):
    source = make_source("sitemap", old_portal.url("sitemap.xml"))
    call_command("import_portal", str(source.pk), "--dry-run")
    out = capsys.readouterr().out
    assert NewsPage.objects.count() == 0 and Redirect.objects.count() == 0
    assert "Sẽ tạo “Xã Ia Ko tổ chức lễ ra quân nghĩa vụ quân sự năm 2026”" in out
    assert "robots.txt" in out and "2 đã tạo, 0 đã cập nhật, 2 bỏ qua, 1 lỗi" in out


def test_changed_article_is_updated_through_a_revision(make_source, old_portal):
    source = make_source("urls", old_portal.url("cong-a/ngay-hoi-dai-doan-ket.html"), publish=True)
    run_import(source)
    page = NewsPage.objects.get()
    source.lead_selector = ".author"  # the portal "changed": a different lead
    source.save()
    second = run_import(source)
    assert (second.created, second.updated) == (0, 1)
    page.refresh_from_db()
    assert page.lead == "Mặt trận Tổ quốc xã" and page.revisions.count() == 2 and NewsPage.objects.count() == 1


def test_a_page_without_an_article_fails_alone(make_source, old_portal):
    urls = "\n".join(
        [old_portal.url("robots.txt"), old_portal.url("cham.html"), old_portal.url("cong-a/ngay-hoi-dai-doan-ket.html")]
    )
    run = run_import(make_source("urls", urls, max_bytes=1024 * 1024))
    assert (run.created, run.failed) == (1, 2)
    reasons = [event.reason for event in run.events.filter(outcome=ImportEvent.FAILED)]
    assert any("giới hạn dung lượng" in reason for reason in reasons) and any("HTML" in reason for reason in reasons)


@pytest.mark.parametrize("name", ["feed.xml", "atom.xml"])
def test_a_feed_items_date_is_read_for_pages_that_show_none(make_source, old_portal, name):
    from importer.fetching import Fetcher
    from importer.sources import feed

    source = make_source("feed", old_portal.url(name))
    items = list(feed(source, Fetcher(old_portal.host, "test", delay=0)))
    assert items and all(item.date is not None for item in items), items
    assert datetime.datetime(2026, 10, 31, 9, tzinfo=HCM) in {item.date for item in items}
