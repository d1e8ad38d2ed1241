"""Events: upcoming and past views, the month filter, RFC 5545 feeds read back with the icalendar parser,
per-site isolation, the home widget and query budgets."""

import datetime
import re

import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories.core import url_of
from tests.factories.events import DAY, event, events_index

pytestmark = pytest.mark.django_db
HOST_A = {"HTTP_HOST": "a.gialai.gov.vn"}
HOST_B = {"HTTP_HOST": "b.gialai.gov.vn"}
TZ = timezone.get_current_timezone()


@pytest.fixture
def indexes(two_sites):
    a, b = two_sites
    return events_index(a.home), events_index(b.home)


def titles(response):
    return re.findall(r'event-card__title"><a [^>]+>([^<]+)<', response.content.decode())


def test_upcoming_soonest_first_past_newest_first_and_only_this_site(client, indexes):
    index_a, index_b = indexes
    event(index_a, "Tuần sau", starts=7 * DAY)
    event(index_a, "Ngày mai", starts=DAY)
    event(index_a, "Đang diễn ra", starts=-datetime.timedelta(hours=1), hours=3)
    event(index_a, "Tháng trước", starts=-30 * DAY)
    event(index_a, "Hôm qua", starts=-DAY)
    event(index_b, "Sự kiện xã B", starts=DAY)
    upcoming = client.get(url_of(index_a), **HOST_A)
    assert upcoming.status_code == 200 and "public" in upcoming["Cache-Control"]
    assert titles(upcoming) == ["Đang diễn ra", "Ngày mai", "Tuần sau"]
    past = client.get(f"{url_of(index_a)}da-dien-ra/", **HOST_A)
    assert titles(past) == ["Hôm qua", "Tháng trước"]
    assert "Sự kiện đã diễn ra" in past.content.decode()


def test_month_filter_and_forged_months(client, indexes):
    index = indexes[0]
    event(index, "Họp tháng 1", starts=datetime.datetime(2031, 1, 15, 8, tzinfo=TZ))
    event(index, "Hội chợ cuối tháng 1", starts=datetime.datetime(2031, 1, 31, 8, tzinfo=TZ), hours=30)
    event(index, "Họp tháng 2", starts=datetime.datetime(2031, 2, 10, 8, tzinfo=TZ))
    url = url_of(index)
    assert titles(client.get(f"{url}?month=2031-02", **HOST_A)) == ["Hội chợ cuối tháng 1", "Họp tháng 2"]
    assert titles(client.get(f"{url}?month=2031-01", **HOST_A)) == ["Họp tháng 1", "Hội chợ cuối tháng 1"]
    for forged in ["2031-13", "abc", "2031-1", "9999-01", "'; DROP TABLE--"]:
        response = client.get(url, {"month": forged}, **HOST_A)
        assert response.status_code == 200 and len(titles(response)) == 3, forged
    html = client.get(f"{url}?month=2031-02", **HOST_A).content.decode()
    assert '<option value="2031-02" selected>' in html and 'aria-current="page"' in html


def test_an_empty_index_shows_no_data(client, indexes):
    assert "Không có dữ liệu" in client.get(url_of(indexes[0]), **HOST_A).content.decode()


def parse_calendar(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    raw = response.content
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")  # CRLF only
    assert all(len(line) <= 75 for line in raw.split(b"\r\n")), "lines are folded at 75 octets"
    return icalendar.Calendar.from_ical(raw)


def test_ical_feed_is_valid_rfc5545_and_holds_this_sites_events(client, indexes):
    index_a, index_b = indexes
    start = datetime.datetime(2031, 3, 5, 8, 30, tzinfo=TZ)
    event(
        index_a,
        "Hội nghị; tiếp xúc, cử tri",
        starts=start,
        hours=2,
        venue="Hội trường UBND xã",
        venue_address="Thôn 1, xã A",
        summary="Đại biểu HĐND xã tiếp xúc cử tri trước kỳ họp cuối năm, " * 4,
        organiser="UBND xã A",
    )
    event(index_a, "Ngày hội văn hóa", starts=datetime.datetime(2031, 3, 8, 0, tzinfo=TZ), hours=47, all_day=True)
    event(index_b, "Sự kiện xã B", starts=DAY)
    response = client.get(f"{url_of(index_a)}lich/", **HOST_A)
    calendar = parse_calendar(response)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    events = {str(component["SUMMARY"]): component for component in calendar.walk("VEVENT")}
    assert set(events) == {"Hội nghị; tiếp xúc, cử tri", "Ngày hội văn hóa"}
    meeting = events["Hội nghị; tiếp xúc, cử tri"]
    assert meeting.decoded("DTSTART") == start and meeting.decoded("DTEND") == start + datetime.timedelta(hours=2)
    assert meeting.decoded("DTSTART").utcoffset() == datetime.timedelta(0)  # written in UTC
    assert str(meeting["LOCATION"]) == "Hội trường UBND xã, Thôn 1, xã A"
    assert "UBND xã A" in str(meeting["DESCRIPTION"])
    assert str(meeting["URL"]).startswith("http://a.gialai.gov.vn/su-kien/")
    festival = events["Ngày hội văn hóa"]
    assert festival.decoded("DTSTART") == datetime.date(2031, 3, 8)
    assert festival.decoded("DTEND") == datetime.date(2031, 3, 10)  # exclusive end: the 8th and 9th
    uids = [str(component["UID"]) for component in calendar.walk("VEVENT")]
    assert len(set(uids)) == 2 and all(component.get("DTSTAMP") for component in calendar.walk("VEVENT"))


def test_each_event_offers_its_own_calendar_file(client, indexes):
    page = event(indexes[0], "Tập huấn chuyển đổi số", starts=3 * DAY)
    html = client.get(url_of(page), **HOST_A).content.decode()
    link = f"{url_of(page)}them-vao-lich/"
    assert f'href="{link}"' in html and "Thêm vào lịch (.ics)" in html
    response = client.get(link, **HOST_A)
    assert 'attachment; filename="' in response["Content-Disposition"] and ".ics" in response["Content-Disposition"]
    calendar = parse_calendar(response)
    assert [str(component["SUMMARY"]) for component in calendar.walk("VEVENT")] == ["Tập huấn chuyển đổi số"]
    # Another commune's event is not served on this site's address.
    theirs = event(indexes[1], "Sự kiện xã B", starts=DAY)
    assert client.get(f"{url_of(theirs)}them-vao-lich/", **HOST_A).status_code == 404


def test_home_widget_lists_upcoming_events_or_no_data(client, two_sites, indexes):
    from tests.factories.home import publish_changes

    a, _ = two_sites
    home = a.home
    home.body = [("upcoming_events", {"title": "", "count": 2})]
    publish_changes(home)
    html = client.get("/", **HOST_A).content.decode()
    assert "Sự kiện sắp diễn ra" in html and "Không có dữ liệu" in html
    event(indexes[0], "Sự kiện sắp tới", starts=DAY)
    event(indexes[0], "Sự kiện đã qua", starts=-3 * DAY)
    event(indexes[1], "Sự kiện xã B", starts=DAY)
    html = client.get("/", **HOST_A).content.decode()
    assert "Sự kiện sắp tới" in html and "Sự kiện đã qua" not in html and "Sự kiện xã B" not in html


def listing_queries(client, url):
    client.get(url, **HOST_A)  # warm what every page shares
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, **HOST_A).status_code == 200
    return len(queries)


def test_listing_and_feed_queries_do_not_grow_with_events(client, indexes, django_assert_max_num_queries):
    index = indexes[0]
    for number in range(2):
        event(index, f"Sự kiện {number}", starts=(number + 1) * DAY)
        event(index, f"Đã qua {number}", starts=-(number + 1) * DAY)
    urls = [url_of(index), f"{url_of(index)}da-dien-ra/", f"{url_of(index)}lich/"]
    small = [listing_queries(client, url) for url in urls]
    for number in range(2, 12):
        event(index, f"Sự kiện {number}", starts=(number + 1) * DAY)
        event(index, f"Đã qua {number}", starts=-(number + 1) * DAY)
    for url, bound in zip(urls, small, strict=True):
        client.get(url, **HOST_A)
        with django_assert_max_num_queries(bound):
            assert client.get(url, **HOST_A).status_code == 200
