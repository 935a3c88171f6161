"""The days of other calendars' holidays (timeline/resolve/other_calendars.py) against days the news reported, and
the properties a reader relies on: the python-holidays calendars behind them are that package's internals, so a
release that moves or renames them fails here."""

from datetime import date, timedelta

import pytest

from timeline.lang.en import words
from timeline.resolve.calendar import nth_weekday
from timeline.resolve.other_calendars import calendar_holiday_days
from timeline.resolve.relative import holiday_date

# (calendar, holiday, the day the news reported)
REPORTED = [
    ("islamic_lunar", "ramadan_beginning", date(2005, 10, 4)),  # Saudi Arabia, Egypt: fasting began Tuesday 4 October
    ("islamic_lunar", "eid_al_fitr", date(2005, 11, 3)),  # Thailand's south: Hari Raya "from Thursday"
    ("islamic_lunar", "eid_al_adha", date(2010, 11, 16)),
    ("hebrew_lunisolar", "passover", date(1997, 4, 22)),  # "this week's Passover holidays", said 25 April 1997
    ("hebrew_lunisolar", "yom_kippur", date(1973, 10, 6)),  # the Yom Kippur war began on the holiday
    ("hebrew_lunisolar", "hanukkah", date(2006, 12, 16)),
    ("chinese_lunisolar", "lunar_new_year", date(2007, 2, 18)),  # the Year of the Pig
    ("vietnamese_lunisolar", "lunar_new_year", date(2007, 2, 17)),  # Tet a day before China's new year in 2007
    ("korean_lunisolar", "lunar_new_year", date(1997, 2, 8)),  # Seollal a day after China's in 1997
    ("hindu_lunisolar", "diwali_india", date(2006, 10, 21)),
    ("persian_solar", "new_year", date(2006, 3, 21)),
]


@pytest.mark.parametrize(("calendar", "holiday", "reported"), REPORTED)
def test_reported_days(calendar: str, holiday: str, reported: date) -> None:
    assert reported in calendar_holiday_days(calendar, holiday, reported.year)


@pytest.mark.parametrize("year", range(1987, 2026))
def test_ramadan_shape(year: int) -> None:
    """Every year of the corpora has one or two Ramadans of 29 or 30 days, each ended by Eid al-Fitr, and the
    Islamic year moves them about 11 days earlier each Gregorian year."""
    starts = calendar_holiday_days("islamic_lunar", "ramadan_beginning", year)
    assert 1 <= len(starts) <= 2
    for start in starts:
        eid = min(d for y in (year, year + 1) for d in calendar_holiday_days("islamic_lunar", "eid_al_fitr", y) if d > start)
        assert (eid - start).days in (29, 30)
        following = calendar_holiday_days("islamic_lunar", "ramadan_beginning", (start + timedelta(days=354)).year)
        assert any(353 <= (later - start).days <= 356 for later in following)


@pytest.mark.parametrize("year", range(1987, 2026))
def test_lunar_new_year_and_passover_in_their_season(year: int) -> None:
    """The Lunar New Year falls between 21 January and 20 February; Passover in March or April."""
    (new_year,) = calendar_holiday_days("chinese_lunisolar", "lunar_new_year", year)
    assert date(year, 1, 21) <= new_year <= date(year, 2, 20)
    (passover,) = calendar_holiday_days("hebrew_lunisolar", "passover", year)
    assert passover.month in (3, 4)
    assert holiday_date("yom kippur", year, words) - holiday_date("rosh hashanah", year, words) == timedelta(days=9)


def test_a_year_the_calendar_does_not_reach_has_no_day() -> None:
    assert calendar_holiday_days("hindu_lunisolar", "diwali_india", 1995) == []
    assert holiday_date("diwali", 1995, words) is None


def test_eve_and_western_days() -> None:
    assert holiday_date("chinese new year's eve", 2007, words) == date(2007, 2, 17)
    assert holiday_date("orthodox easter", 2006, words) == date(2006, 4, 23)
    assert holiday_date("pentecost", 2006, words) == date(2006, 6, 4)
    assert nth_weekday(2006, 1, 0, 3) == date(2006, 1, 16)  # Martin Luther King Day
    assert nth_weekday(2013, 5, 0, -1) == date(2013, 5, 27)  # Memorial Day
    assert nth_weekday(2013, 12, 1, -1) == date(2013, 12, 31)  # the last Tuesday of a December


def test_every_name_holds_a_required_word() -> None:
    """The holiday rule runs only on a text holding one of OTHER_CALENDAR_HOLIDAY_WORDS: each name holds one."""
    assert all(any(word in name for word in words.OTHER_CALENDAR_HOLIDAY_WORDS) for name in words.CALENDAR_HOLIDAYS)
