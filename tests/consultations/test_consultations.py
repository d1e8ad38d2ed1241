"""Consultations on draft documents: status from the dates, the index order, comments under hostile input,
closing to the second, private until published, receipt codes, per-site isolation, RSS and query budgets."""

import csv
import datetime
import io
import re

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from consultations.models import ConsultationComment, ConsultationPage, Status
from tests.factories.consultations import HOUR, comment, consultation, consultations_index, submission
from tests.factories.core import url_of
from tests.factories.legaldocs import site_editor

pytestmark = pytest.mark.django_db
HOST_A = {"HTTP_HOST": "a.gialai.gov.vn"}
HOST_B = {"HTTP_HOST": "b.gialai.gov.vn"}
DAY = 24 * HOUR


@pytest.fixture
def indexes(two_sites):
    a, b = two_sites
    return consultations_index(a.home), consultations_index(b.home)


def post_comment(client, page, data, host=HOST_A):
    return client.post(url_of(page), data, **host)


def code_in(response):
    return re.search(r'class="receipt-code__value"><strong>([^<]+)</strong>', response.content.decode()).group(1)


def test_status_follows_the_dates_and_the_outcome():
    now = timezone.now()
    page = ConsultationPage(opens_at=now + HOUR, closes_at=now + DAY)
    assert page.status_at(now) == Status.UPCOMING
    assert page.status_at(now + 2 * HOUR) == Status.OPEN and page.is_open(now + 2 * HOUR)
    assert page.days_left(now + 2 * HOUR) == 1
    assert page.status_at(now + DAY) == Status.CLOSED and not page.is_open(now + DAY)
    page.outcome_summary = "<p>14 ý kiến.</p>"
    assert page.status_at(now + DAY) == Status.CONCLUDED
    assert str(Status.OPEN.label) == "Đang lấy ý kiến" and str(Status.UPCOMING.label) == "Sắp mở"
    assert str(Status.CLOSED.label) == "Đã kết thúc" and str(Status.CONCLUDED.label) == "Đã có kết quả"


def test_index_lists_open_first_with_days_left_and_only_this_site(client, two_sites, indexes):
    index_a, index_b = indexes
    consultation(index_a, "Đã đóng", opens=-10 * DAY, closes=-5 * DAY)
    consultation(index_a, "Đóng gần đây", opens=-10 * DAY, closes=-2 * DAY)
    consultation(index_a, "Sắp mở", opens=2 * DAY, closes=9 * DAY)
    consultation(index_a, "Đóng sau", opens=-DAY, closes=10 * DAY - HOUR)
    consultation(index_a, "Đóng trước", opens=-DAY, closes=3 * DAY - HOUR)
    consultation(index_b, "Của xã B")
    html = client.get(url_of(index_a), **HOST_A).content.decode()
    titles = re.findall(r'consultation-card__title"><a [^>]+>([^<]+)<', html)
    assert titles == ["Đóng trước", "Đóng sau", "Sắp mở", "Đóng gần đây", "Đã đóng"]
    assert "còn 3 ngày" in html and "còn 10 ngày" in html
    assert "Của xã B" not in html


def test_empty_index_shows_no_data(client, indexes):
    html = client.get(url_of(indexes[0]), **HOST_A).content.decode()
    assert "Không có dữ liệu" in html


def test_a_comment_is_stored_privately_with_a_receipt_code(client, two_sites, indexes):
    page = consultation(indexes[0])
    response = post_comment(client, page, submission(comment="Đề nghị thêm điều khoản về âm thanh."))
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    code = code_in(response)
    stored = ConsultationComment.objects.get()
    assert stored.site == two_sites[0].site and stored.section == "Điều 3" and not stored.published
    assert code not in stored.receipt_hash and len(code) >= 10
    html = client.get(url_of(page), **HOST_A).content.decode()
    assert "âm thanh" not in html and "Không có dữ liệu" in html
    found = client.post(f"{url_of(page)}tra-cuu/", {"code": f" {code} "}, **HOST_A)
    assert found.status_code == 200 and "không được đăng" in found.content.decode()
    # Another site knows nothing of the code; a wrong code gets one generic answer.
    other = consultation(indexes[1])
    assert client.post(f"{url_of(other)}tra-cuu/", {"code": code}, **HOST_B).status_code == 404
    assert client.post(f"{url_of(page)}tra-cuu/", {"code": "sai-ma"}, **HOST_A).status_code == 404


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"email": "", "phone": ""}, "Hãy cho biết địa chỉ thư điện tử hoặc số điện thoại"),
        ({"email": "khong-phai-thu"}, "Nhập địa chỉ email."),
        ({"comment": "x" * 5001}, "5000"),
        ({"comment": "   "}, "bắt buộc"),
        ({"website": "http://spam.example"}, "để trống ô cuối cùng"),
        ({"started": "forged"}, "đã hết hạn"),
    ],
)
def test_bad_or_spam_comments_are_refused_and_nothing_is_stored(client, indexes, changes, message):
    page = consultation(indexes[0])
    response = post_comment(client, page, submission(**changes))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ConsultationComment.objects.exists()


def test_a_comment_sent_too_quickly_is_refused(client, indexes):
    from consultations.forms import CommentForm
    from core.spam import started_token

    page = consultation(indexes[0])
    response = post_comment(client, page, submission(started=started_token(CommentForm.token_salt)))
    assert response.status_code == 400 and "quá nhanh" in response.content.decode()
    assert not ConsultationComment.objects.exists()


def test_comments_are_rate_limited_per_ip(client, indexes, settings):
    settings.CONSULTATION_RATE_LIMITS = {"comment": (2, 3600)}
    page = consultation(indexes[0])
    assert [post_comment(client, page, submission()).status_code for _ in range(3)] == [200, 200, 429]
    assert ConsultationComment.objects.count() == 2


def test_a_comment_one_second_after_closing_is_refused_and_the_form_is_gone(client, indexes):
    page = consultation(indexes[0], opens=-DAY, closes=datetime.timedelta(seconds=-1))
    response = post_comment(client, page, submission())
    html = response.content.decode()
    assert response.status_code == 403
    assert "Đợt lấy ý kiến này đã kết thúc: góp ý của bạn không được lưu." in html
    assert 'name="comment"' not in html
    assert not ConsultationComment.objects.exists()
    html = client.get(url_of(page), **HOST_A).content.decode()
    assert 'name="comment"' not in html and "không còn nhận góp ý" in html
    # Not open yet: refused the same way.
    early = consultation(indexes[0], "Sắp mở", opens=HOUR, closes=DAY)
    assert post_comment(client, early, submission()).status_code == 403
    assert not ConsultationComment.objects.exists()


def test_open_and_upcoming_pages_are_never_shared_and_the_closed_page_is(client, indexes):
    open_page = consultation(indexes[0])
    closed = consultation(indexes[0], "Đã đóng", opens=-2 * DAY, closes=-DAY)
    assert "no-store" in client.get(url_of(open_page), **HOST_A)["Cache-Control"]
    assert "public" in client.get(url_of(closed), **HOST_A)["Cache-Control"]
    upcoming = consultation(indexes[0], "Sắp mở", opens=HOUR, closes=DAY)
    assert "no-store" in client.get(url_of(upcoming), **HOST_A)["Cache-Control"]


def test_only_published_comments_show_without_contact_on_every_translation(client, two_sites, indexes):
    a, b = two_sites
    page = consultation(indexes[0], opens=-3 * DAY, closes=-DAY, outcome_summary="<p>Đã tiếp thu 3 ý kiến.</p>")
    comment(page, a.site, "Ý kiến đã đăng về Điều 2.", section="Điều 2", phone="0905123456", email="bimat@example.vn")
    comment(page, a.site, "Ý kiến chưa đăng.", published=False)
    comment(page, a.site, "Ý kiến ghi tên.", name="Hoàng Văn Công Khai", show_name=True)
    html = client.get(url_of(page), **HOST_A).content.decode()
    assert "Ý kiến đã đăng về Điều 2." in html and "Hoàng Văn Công Khai" in html
    assert "Đã có kết quả" in html and "Đã tiếp thu 3 ý kiến." in html
    for hidden in ["Ý kiến chưa đăng.", "bimat@example.vn", "0905123456", "Nguyễn Văn Góp"]:
        assert hidden not in html, hidden


def test_the_outcome_links_the_adopted_document(client, two_sites, indexes):
    from legaldocs.models import DocumentsIndexPage, DocumentType, LegalDocument
    from tests.factories.core import add_page

    a, _ = two_sites
    add_page(a.home, DocumentsIndexPage(title="Văn bản", slug="van-ban"))
    adopted = LegalDocument.objects.create(
        site=a.site, number="12/QĐ-UBND", doc_type=DocumentType.DECISION, issuer="UBND xã",
        abstract="Nội quy chợ", issue_date=datetime.date(2026, 11, 1),
    )  # fmt: skip
    page = consultation(
        indexes[0], opens=-3 * DAY, closes=-DAY, outcome_summary="<p>Xong.</p>", adopted_document=adopted
    )
    html = client.get(url_of(page), **HOST_A).content.decode()
    assert f'href="/van-ban/{adopted.pk}/"' in html and "12/QĐ-UBND" in html


def test_editors_of_a_see_and_export_only_their_comments_and_publish_them(client, two_sites, indexes):
    a, b = two_sites
    mine = consultation(indexes[0], "Dự thảo xã A")
    theirs = consultation(indexes[1], "Dự thảo xã B")
    post_comment(client, mine, submission(comment="Góp ý của xã A", phone="0905 111 222"))
    comment(theirs, b.site, "Góp ý bí mật của xã B", published=False)
    editor = site_editor("gopy_a", a.home, "consultations.change_consultationcomment")
    client.force_login(editor)
    listing = client.get("/admin/snippets/consultations/consultationcomment/")
    assert listing.status_code == 200
    exported = client.get("/admin/snippets/consultations/consultationcomment/?export=csv")
    assert exported.status_code == 200 and "text/csv" in exported["Content-Type"]
    rows = list(csv.reader(io.StringIO(b"".join(exported.streaming_content).decode("utf-8-sig"))))
    text = str(rows)
    assert "Góp ý của xã A" in text and "0905 111 222" in text and "Góp ý bí mật của xã B" not in text
    assert len(rows) == 2  # the header and A's comment
    ajax = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}
    own = ConsultationComment.objects.get(site=a.site)
    other = ConsultationComment.objects.get(site=b.site)
    base = "/admin/snippets/consultations/consultationcomment"
    assert client.get(f"{base}/edit/{other.pk}/", **ajax).status_code == 403
    assert client.post(f"{base}/edit/{other.pk}/", {"published": "on"}, **ajax).status_code == 403
    assert client.post(f"{base}/edit/{own.pk}/", {"published": "on"}).status_code == 302
    own.refresh_from_db()
    other.refresh_from_db()
    assert own.published and own.comment == "Góp ý của xã A" and not other.published
    client.logout()
    html = client.get(url_of(mine), **HOST_A).content.decode()
    assert "Góp ý của xã A" in html and "0905 111 222" not in html


def test_rss_feed_lists_this_sites_consultations(client, indexes):
    consultation(indexes[0], "Dự thảo đang mở")
    consultation(indexes[0], "Dự thảo đã đóng", opens=-9 * DAY, closes=-DAY)
    consultation(indexes[1], "Dự thảo xã B")
    response = client.get(f"{url_of(indexes[0])}rss/", **HOST_A)
    assert response.status_code == 200 and "rss" in response["Content-Type"]
    feed = feedparser.parse(response.content)
    titles = [entry.title for entry in feed.entries]
    assert sorted(titles) == ["Dự thảo đang mở (Đang lấy ý kiến)", "Dự thảo đã đóng (Đã kết thúc)"]
    assert all(entry.link.startswith("http://a.gialai.gov.vn/") for entry in feed.entries)
    assert 'type="application/rss+xml"' in client.get(url_of(indexes[0]), **HOST_A).content.decode()


def index_queries(client, index):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url_of(index), **HOST_A).status_code == 200
    return len(queries)


def test_index_queries_do_not_grow_with_consultations(client, two_sites, indexes, django_assert_max_num_queries):
    a, _ = two_sites
    for number in range(2):
        page = consultation(indexes[0], f"Dự thảo {number}")
        comment(page, a.site)
    client.get(url_of(indexes[0]), **HOST_A)  # warm what every page shares
    small = index_queries(client, indexes[0])
    for number in range(2, 12):
        page = consultation(indexes[0], f"Dự thảo {number}", opens=-DAY * number, closes=-HOUR * number)
        comment(page, a.site)
    client.get(url_of(indexes[0]), **HOST_A)
    with django_assert_max_num_queries(small):
        assert client.get(url_of(indexes[0]), **HOST_A).status_code == 200


def test_home_widget_lists_open_consultations_or_no_data(client, two_sites, indexes):
    from tests.factories.home import publish_changes

    a, _ = two_sites
    a.home.body = [("open_consultations", {"title": "", "count": 3})]
    publish_changes(a.home)
    html = client.get("/", **HOST_A).content.decode()
    assert "Lấy ý kiến dự thảo" in html and "Không có dữ liệu" in html
    consultation(indexes[0], "Dự thảo đang mở", closes=5 * DAY - HOUR)
    consultation(indexes[0], "Dự thảo đã đóng", opens=-9 * DAY, closes=-DAY)
    consultation(indexes[1], "Dự thảo xã B")
    html = client.get("/", **HOST_A).content.decode()
    assert "Dự thảo đang mở" in html and "còn 5 ngày" in html
    assert "Dự thảo đã đóng" not in html and "Dự thảo xã B" not in html
