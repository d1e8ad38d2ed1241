"""Extraction and fetching without the database: dates, encodings, relative image addresses, boxes that are not
the body, and the fetcher's politeness (delay, size limit, host) against the local fixture portal."""

import datetime
import time
import zoneinfo
from pathlib import Path

import pytest

from importer.body import Picture
from importer.dates import parse_any_date
from importer.encoding import decode_html
from importer.extraction import ExtractionError, extract_article
from importer.fetching import Fetcher, FetchError, Refused

HCM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thứ Năm, 31/10/2026 08:30", datetime.datetime(2026, 10, 31, 8, 30, tzinfo=HCM)),
        ("Ngày đăng: 31-10-2026", datetime.datetime(2026, 10, 31, tzinfo=HCM)),
        ("08:30 | 05/11/2026", datetime.datetime(2026, 11, 5, 8, 30, tzinfo=HCM)),
        ("Cập nhật ngày 5 tháng 11 năm 2026", datetime.datetime(2026, 11, 5, tzinfo=HCM)),
        ("2026-10-20T07:05:00Z", datetime.datetime(2026, 10, 20, 7, 5, tzinfo=datetime.UTC)),
        ("Lượt xem: 120", None),
        ("31/02/2026", None),
    ],
)
def test_vietnamese_dates(text, expected, settings):
    assert parse_any_date(text) == expected


def test_windows_1258_page_is_decoded_and_composed():
    raw = (FIXTURES / "cong-b/tiep-xuc-cu-tri.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text = decode_html(raw)
    assert "Hội nghị tiếp xúc cử tri trước kỳ họp thứ mười" in text  # NFC, same as typed


def test_layout_a_without_selectors():
    text = (FIXTURES / "cong-a/le-ra-quan-nghia-vu-quan-su.html").read_text(encoding="utf-8")
    article = extract_article(text, "http://old.example.vn/cong-a/le-ra-quan-nghia-vu-quan-su.html")
    pictures = [piece for piece in article.pieces if isinstance(piece, Picture)]
    assert [p.src for p in pictures] == [
        "http://old.example.vn/anh/le-giao-quan.jpg",  # "../anh/..." resolved
        "http://{HOST}/anh/tang-qua.jpg",  # protocol-relative: takes the page's scheme
        "http://old.example.vn/anh/hong.jpg",
    ]
    everything = repr(article.pieces)
    assert "Tin liên quan" not in everything and "Tin nổi bật" not in everything and "Từ khóa" not in everything


def test_a_page_without_an_article_is_refused():
    with pytest.raises(ExtractionError):
        extract_article("<html><body><ul class='menu'><li>Trang chủ</li></ul></body></html>", "http://x.vn/")


def test_fetcher_waits_between_requests_and_stays_on_its_host(old_portal):
    fetcher = Fetcher(old_portal.host, "TestImporter/1.0", delay=0.3, timeout=5)
    started = time.monotonic()
    fetcher.get(old_portal.url("cong-a/ngay-hoi-dai-doan-ket.html"))  # robots.txt, then the page
    fetcher.get(old_portal.url("anh/logo.png"))
    assert time.monotonic() - started >= 0.6
    with pytest.raises(Refused):
        fetcher.get("http://example.com/")
    with pytest.raises(Refused):
        fetcher.get(old_portal.url("noi-bo/bien-ban-hop.html"))
    small = Fetcher(old_portal.host, "TestImporter/1.0", delay=0, timeout=5, max_bytes=100_000)
    with pytest.raises(FetchError, match="giới hạn dung lượng"):
        small.get(old_portal.url("cham.html"))
