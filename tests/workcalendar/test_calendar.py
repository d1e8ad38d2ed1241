"""The leaders' work calendar: week view, week navigation, bad input, sites, language, print, widget, admin."""

import datetime

import pytest
from django.utils import timezone

from core.demo import translate_page
from tests.factories.core import en, url_of
from tests.factories.legaldocs import site_editor
from tests.factories.workcalendar import calendar_page, make_entry
from workcalendar.blocks import TodayCalendarBlock
from workcalendar.models import CalendarEntry, parse_week, week_param

pytestmark = pytest.mark.django_db
HOST_A = {"HTTP_HOST": "a.gialai.gov.vn"}
HOST_B = {"HTTP_HOST": "b.gialai.gov.vn"}
MONDAY = datetime.date(2026, 11, 23)  # ISO week 2026-W48


def get(client, url, host=HOST_A, **params):
    response = client.get(url, params, **host)
    assert response.status_code == 200, (url, params)
    return response.content.decode()


@pytest.fixture
def pages(two_sites):
    a, b = two_sites
    return calendar_page(a.home), calendar_page(b.home)


def this_monday():
    today = timezone.localdate()
    return today - datetime.timedelta(days=today.weekday())


@pytest.mark.parametrize(
    "value",
    ["", "garbage", "2026-W99", "2026-W00", "1900-W10", "99999-W01", "2026-W4８", "2026-w48", "2026-W48\n", None],
)
def test_bad_week_values_give_the_current_week(value):
    assert parse_week(value) == this_monday()


def test_week_parameter_round_trips():
    assert parse_week("2026-W48") == MONDAY
    assert week_param(MONDAY) == "2026-W48"
    assert parse_week("2025-W53") == this_monday()  # 2025 has 52 ISO weeks
    assert week_param(parse_week("2020-W53")) == "2020-W53"


def test_week_view_groups_entries_by_day_with_navigation(client, two_sites, pages):
    a, _ = two_sites
    make_entry(a.site, MONDAY, "Giao ban lãnh đạo", chair="Chủ tịch UBND xã", venue="Phòng họp", participants="Các ban")
    make_entry(
        a.site,
        MONDAY + datetime.timedelta(days=2),
        "Tiếp công dân",
        start=datetime.time(8, 0),
        end_time=datetime.time(11, 0),
    )
    make_entry(a.site, MONDAY + datetime.timedelta(days=7), "Việc tuần sau")
    html = get(client, url_of(pages[0]), week="2026-W48")
    assert "Tuần 48: 23/11/2026 – 29/11/2026" in html
    assert html.count('<section class="calendar-day') == 7  # Monday to Sunday
    assert html.index("Thứ 2, 23/11/2026") < html.index("Giao ban lãnh đạo") < html.index("Tiếp công dân")
    assert "08:00–11:00" in html and "Chủ tịch UBND xã" in html and "Phòng họp" in html
    assert "Việc tuần sau" not in html and "Không có lịch." in html
    assert 'href="?week=2026-W47"' in html and 'href="?week=2026-W49"' in html
    assert '<th scope="col">Thời gian</th>' in html and "<caption" in html
    assert "Việc tuần sau" in get(client, url_of(pages[0]), week="2026-W49")


def test_empty_week_shows_no_data(client, pages):
    html = get(client, url_of(pages[0]))
    assert "Không có dữ liệu" in html and 'href="?week=' in html


@pytest.mark.parametrize("week", ["2026-W99", "x" * 5000, "<script>", "2026-W48' OR 1=1"])
def test_bad_week_never_fails(client, pages, week):
    html = get(client, url_of(pages[0]), week=week)
    assert f"Tuần {this_monday().isocalendar()[1]}:" in html and "<script>" not in html


def test_calendar_shows_only_this_sites_entries(client, two_sites, pages):
    a, b = two_sites
    make_entry(a.site, this_monday(), "Việc của xã A")
    make_entry(b.site, this_monday(), "Việc của xã B")
    html_a = get(client, url_of(pages[0]))
    html_b = get(client, url_of(pages[1]), HOST_B)
    assert "Việc của xã A" in html_a and "Việc của xã B" not in html_a
    assert "Việc của xã B" in html_b and "Việc của xã A" not in html_b


def test_calendar_renders_in_english(client, two_sites, pages):
    make_entry(two_sites[0].site, this_monday(), "Giao ban")
    translate_page(two_sites[0].home, en(), title="Home")
    english = translate_page(pages[0], en(), title="Work calendar")
    html = get(client, url_of(english))
    assert '<html lang="en"' in html and "Previous week" in html and "Giao ban" in html and "Tuần trước" not in html


def test_calendar_is_printable(client, pages):
    html = get(client, url_of(pages[0]))
    assert 'href="/static/workcalendar/workcalendar.css' in html and 'media="print"' in html
    from django.contrib.staticfiles import finders

    with open(finders.find("workcalendar/workcalendar.css")) as handle:
        css = handle.read()
    assert "@media print" in css and ".calendar-nav { display: none; }" in css


def test_week_queries_do_not_grow_with_entries(client, two_sites, pages, django_assert_max_num_queries):
    a, _ = two_sites
    url = url_of(pages[0])
    client.get(url, **HOST_A)
    make_entry(a.site, this_monday(), "Một việc")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url, **HOST_A)  # re-warm the widget caches the new entry invalidated
    with CaptureQueriesContext(connection) as few:
        client.get(url, **HOST_A)
    CalendarEntry.objects.bulk_create(
        [
            CalendarEntry(
                site=a.site,
                date=this_monday() + datetime.timedelta(days=n % 7),
                start_time=datetime.time(8),
                content=f"Việc {n}",
            )
            for n in range(200)
        ]
    )
    with CaptureQueriesContext(connection) as many:
        assert "Việc 199" in client.get(url, **HOST_A).content.decode()
    assert len(few) == len(many), (len(few), len(many))


def test_today_widget_lists_todays_entries_and_falls_back(rf, two_sites, pages):
    a, b = two_sites
    today = timezone.localdate()
    make_entry(a.site, today, "Họp Ban Chỉ đạo", start=datetime.time(14, 0), chair="Phó Bí thư")
    make_entry(a.site, today - datetime.timedelta(days=1), "Việc hôm qua")
    make_entry(b.site, today, "Việc của xã B")
    block = TodayCalendarBlock()
    value = block.to_python({"heading": ""})

    def render(host):
        return block.render(value, context={"request": rf.get("/", HTTP_HOST=host)})

    html = render("a.gialai.gov.vn")
    assert "Lịch công tác hôm nay" in html and "14:00" in html and "Họp Ban Chỉ đạo" in html
    assert "Việc hôm qua" not in html and "Việc của xã B" not in html
    assert f'href="{url_of(pages[0])}"' in html
    CalendarEntry.objects.filter(site=b.site).delete()
    assert "Không có dữ liệu" in render("b.gialai.gov.vn")


def test_site_editor_manages_only_own_sites_entries(client, two_sites):
    a, b = two_sites
    mine = make_entry(a.site, MONDAY, "Việc xã A")
    theirs = make_entry(b.site, MONDAY, "Việc xã B")
    client.force_login(
        site_editor("lich_a", a.home, "workcalendar.add_calendarentry", "workcalendar.change_calendarentry")
    )
    listing = client.get("/admin/snippets/workcalendar/calendarentry/").content.decode()
    assert "Việc xã A" in listing and "Việc xã B" not in listing
    assert client.get(f"/admin/snippets/workcalendar/calendarentry/edit/{mine.pk}/").status_code == 200
    ajax = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}
    assert client.get(f"/admin/snippets/workcalendar/calendarentry/edit/{theirs.pk}/", **ajax).status_code == 403
    response = client.post(
        "/admin/snippets/workcalendar/calendarentry/add/",
        {
            "site": a.site.pk,
            "date": "2026-11-24",
            "start_time": "08:00",
            "end_time": "07:00",
            "content": "Sai giờ",
            "chair": "",
            "participants": "",
            "venue": "",
            "notes": "",
        },
    )
    assert response.status_code == 200 and not CalendarEntry.objects.filter(content="Sai giờ").exists()
    response = client.post(
        "/admin/snippets/workcalendar/calendarentry/add/",
        {
            "site": b.site.pk,
            "date": "2026-11-24",
            "start_time": "08:00",
            "end_time": "",
            "content": "Sang xã B",
            "chair": "",
            "participants": "",
            "venue": "",
            "notes": "",
        },
    )
    assert not CalendarEntry.objects.filter(content="Sang xã B").exists()
