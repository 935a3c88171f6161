"""The days of holidays of lunar and lunisolar calendars in a Gregorian year: "Ramadan", "Passover", "Lunar New Year".

Their dates come from the calendars of the python-holidays package (`holidays.calendars`: pure Python, no network):
the Islamic one is Saudi Arabia's Umm al-Qura calendar (1925-2100), the Hebrew one 1947-2100, the Chinese, Korean and
Vietnamese lunisolar ones and the Persian one 1901-2100, the Hindu one (India's Diwali and Holi) 2001-2035. A year a
calendar does not cover has no day (the name is left untagged). The package is imported on first use, so that importing timeline stays fast.

An Islamic holiday is set by sighting the new moon: a country may keep it a day later than Umm al-Qura (rarely two, or a
day earlier), and the computed day is the one read (tests/golden/README.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from functools import cache
from typing import Any


@cache
def _calendar(kind: str) -> Any:
    """One instance of a python-holidays calendar, imported on first use."""
    from holidays import calendars
    from holidays.calendars import chinese

    made = {
        "islamic_lunar": lambda: calendars._IslamicLunar(),
        "hebrew_lunisolar": lambda: calendars._HebrewLunisolar(),
        "chinese_lunisolar": lambda: calendars._ChineseLunisolar(chinese.CHINESE_CALENDAR),
        "korean_lunisolar": lambda: calendars._ChineseLunisolar(chinese.KOREAN_CALENDAR),
        "vietnamese_lunisolar": lambda: calendars._ChineseLunisolar(chinese.VIETNAMESE_CALENDAR),
        "hindu_lunisolar": lambda: calendars._HinduLunisolar(),
        "persian_solar": lambda: calendars._Persian(),
    }
    return made[kind]()


def _days(found: Iterable[date | tuple[date | None, bool] | None] | date | None) -> list[date]:
    """The dates of a calendar's answer: a date, a (date, estimated) pair, or an iterable of them."""
    if found is None:
        return []
    if isinstance(found, date):
        return [found]
    if isinstance(found, tuple):
        return [found[0]] if found[0] else []
    return [day for item in found for day in _days(item)]


def islamic_days(holiday: str, year: int) -> list[date]:
    """Days of an Islamic holiday (Umm al-Qura) in a Gregorian year: none, one, or two (the Islamic year is shorter)."""
    return _days(getattr(_calendar("islamic_lunar"), f"{holiday}_dates")(year))


def hebrew_days(holiday: str, year: int) -> list[date]:
    """The first day of a Jewish holiday in a Gregorian year ("Passover": 15 Nisan)."""
    return _days(getattr(_calendar("hebrew_lunisolar"), f"{holiday}_date")(year))


def lunisolar_days(kind: str) -> Callable[[str, int], list[date]]:
    """Days of a holiday of the Chinese, Korean or Vietnamese lunisolar calendar, or of the Hindu one."""
    def days(holiday: str, year: int) -> list[date]:
        return _days(getattr(_calendar(kind), f"{holiday}_date")(year))
    return days


def persian_days(holiday: str, year: int) -> list[date]:
    """Nowruz, the Persian new year (the March equinox's day in Iran)."""
    persian = _calendar("persian_solar")
    return _days(persian.new_year_date(year) if persian.START_YEAR <= year <= persian.END_YEAR else None)


CALENDARS: dict[str, Callable[[str, int], list[date]]] = {
    "islamic_lunar": islamic_days, "hebrew_lunisolar": hebrew_days, "persian_solar": persian_days,
    **{kind: lunisolar_days(kind) for kind in ("chinese_lunisolar", "korean_lunisolar", "vietnamese_lunisolar",
                                               "hindu_lunisolar")},
}


def calendar_holiday_days(calendar: str, holiday: str, year: int) -> list[date]:
    """The days, in order, on which a holiday of another calendar falls in the Gregorian `year` (none when the
    calendar does not reach that year)."""
    return sorted(day for day in CALENDARS[calendar](holiday, year) if day.year == year)
