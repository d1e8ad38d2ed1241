"""Locale number formatting, CSV number parsing and period spelling."""

import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from indicators.numbers import NumberFormat, format_number, parse_number, write_number
from indicators.periods import PeriodKind, format_period_code, parse_period, previous_period_start


@pytest.mark.parametrize(
    "value, places, language, expected",
    [
        ("1234.5", 1, "vi", "1.234,5"),
        ("1234.5", 1, "en", "1,234.5"),
        ("1234567.891", 2, "vi", "1.234.567,89"),
        ("1234567.891", 2, "en", "1,234,567.89"),
        ("15820", 0, "vi", "15.820"),
        ("999", 0, "en", "999"),
        ("-0.45", 1, "vi", "-0,5"),
        ("0.412", 3, "en", "0.412"),
        ("5.8", 1, "jra", "5,8"),
    ],
)
def test_format_number_follows_the_readers_language(value, places, language, expected):
    assert format_number(Decimal(value), places, language) == expected


def test_format_number_uses_the_active_language():
    with translation.override("en"):
        assert format_number(Decimal("1234.5"), 1) == "1,234.5"
    with translation.override("vi"):
        assert format_number(Decimal("1234.5"), 1) == "1.234,5"


@pytest.mark.parametrize(
    "text, number_format, expected",
    [
        ("1.234,5", NumberFormat.VIETNAMESE, "1234.5"),
        ("1234,5", NumberFormat.VIETNAMESE, "1234.5"),
        ("1.234.567", NumberFormat.VIETNAMESE, "1234567"),
        ("-5,8", NumberFormat.VIETNAMESE, "-5.8"),
        ("1234.5", NumberFormat.PLAIN, "1234.5"),
        ("0.412", NumberFormat.PLAIN, "0.412"),
    ],
)
def test_parse_number_in_the_chosen_format(text, number_format, expected):
    assert parse_number(text, number_format) == Decimal(expected)


@pytest.mark.parametrize(
    "text, number_format",
    [
        ("1,234.5", NumberFormat.VIETNAMESE),
        ("1.23,5", NumberFormat.VIETNAMESE),
        ("1,2,3", NumberFormat.VIETNAMESE),
        ("1.234,5", NumberFormat.PLAIN),
        ("1,5", NumberFormat.PLAIN),
        ("abc", NumberFormat.PLAIN),
        ("", NumberFormat.PLAIN),
        ("NaN", NumberFormat.PLAIN),
    ],
)
def test_parse_number_refuses_the_other_format(text, number_format):
    with pytest.raises(ValueError):
        parse_number(text, number_format)


@pytest.mark.parametrize("value", ["1234.5", "15820", "0.412", "-12.75", "1000000"])
@pytest.mark.parametrize("number_format", [NumberFormat.VIETNAMESE, NumberFormat.PLAIN])
def test_written_numbers_parse_back(value, number_format):
    assert parse_number(write_number(Decimal(value), number_format), number_format) == Decimal(value)


@pytest.mark.parametrize(
    "text, kind, start",
    [
        ("2025", PeriodKind.YEAR, datetime.date(2025, 1, 1)),
        ("2025-Q3", PeriodKind.QUARTER, datetime.date(2025, 7, 1)),
        ("2025-07", PeriodKind.MONTH, datetime.date(2025, 7, 1)),
        ("2025-07-15", PeriodKind.DATE, datetime.date(2025, 7, 15)),
    ],
)
def test_periods_round_trip(text, kind, start):
    assert parse_period(text) == (kind, start)
    assert format_period_code(kind, start) == text


@pytest.mark.parametrize("text", ["25", "2025-Q5", "2025-13", "2025-02-30", "Q3/2025", ""])
def test_bad_periods_are_refused(text):
    with pytest.raises(ValueError):
        parse_period(text)


def test_last_completed_period():
    today = datetime.date(2026, 2, 10)
    assert previous_period_start(PeriodKind.YEAR, today) == datetime.date(2025, 1, 1)
    assert previous_period_start(PeriodKind.QUARTER, today) == datetime.date(2025, 10, 1)
    assert previous_period_start(PeriodKind.MONTH, today) == datetime.date(2026, 1, 1)
