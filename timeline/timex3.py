"""TIMEX3 values <-> calendar intervals.

    interval("2019-03")  -> (Granularity.MONTH, date(2019, 3, 1), date(2019, 4, 1))
    interval("197")      -> (Granularity.DECADE, date(1970, 1, 1), date(1980, 1, 1))
    interval("XXXX-WXX-7") -> None   (unanchored: no place in time)

Intervals are half-open: [start, end).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from timeline.types import Granularity

SEASON_MONTHS = {"SP": (3, 6), "SU": (6, 9), "FA": (9, 12), "WI": (12, 15)}  # month 15 = March next year

_VALUE = re.compile(
    r"^(?:(?P<century>\d{2})|(?P<decade>\d{3})|(?P<year>\d{4})"
    r"(?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2})(?P<time>T.*)?)?|W(?P<week>\d{2})(?P<weekend>-WE)?"
    r"|Q(?P<quarter>[1-4])|H(?P<half>[12])|(?P<season>SP|SU|FA|WI)))?)$"
)

# The TimeML/TIDES value grammar, for validation (see tests).
WELL_FORMED = re.compile(
    r"^(?:PRESENT_REF|PAST_REF|FUTURE_REF"
    r"|P(?=[\dX.T])(?:[\dX.]+(?:DE|CE|[YMWDQ]))*(?:T(?:[\dX.]+[HMS])+)?"
    r"|[\dX]{2}|[\dX]{3}"
    r"|[\dX]{4}(?:-(?:[\dX]{2}(?:-[\dX]{2}(?:T(?:[0-2]\d(?::[0-5]\d)?|MO|AF|EV|NI|DT))?)?"
    r"|W[\dX]{2}(?:-(?:[1-7X]|WE)(?:T(?:MO|AF|EV|NI))?)?|Q[1-4X]|H[12X]|SP|SU|FA|WI))?"
    r"|XXXX-WXX-[1-7](?:T(?:MO|AF|EV|NI))?)$"
)


def is_well_formed(value: str) -> bool:
    """True when `value` follows the TIMEX3 value grammar we emit."""
    return bool(WELL_FORMED.match(value))


def week_value(day: date) -> str:
    """The ISO week of a day, e.g. 2021-W14."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def _add_months(year: int, month: int, months: int) -> date:
    index = year * 12 + (month - 1) + months
    return date(index // 12, index % 12 + 1, 1)


def interval(value: str) -> tuple[Granularity, date, date] | None:
    """The [start, end) interval a TIMEX3 date value covers, or None if it has no place in time."""
    m = _VALUE.match(value)
    if not m:
        return None
    try:
        return _interval_from_match(m)
    except (ValueError, OverflowError):
        return None


def _interval_from_match(m: re.Match[str]) -> tuple[Granularity, date, date]:
    if m["century"]:
        start = int(m["century"]) * 100
        return Granularity.CENTURY, date(max(start, 1), 1, 1), date(start + 100, 1, 1)
    if m["decade"]:
        start = int(m["decade"]) * 10
        return Granularity.DECADE, date(max(start, 1), 1, 1), date(start + 10, 1, 1)
    year = int(m["year"])
    if m["day"]:
        day = date(year, int(m["month"]), int(m["day"]))
        granularity = Granularity.TIME if m["time"] else Granularity.DAY
        return granularity, day, day + timedelta(days=1)
    if m["month"]:
        return Granularity.MONTH, date(year, int(m["month"]), 1), _add_months(year, int(m["month"]), 1)
    if m["week"]:
        monday = date.fromisocalendar(year, int(m["week"]), 1)
        if m["weekend"]:
            return Granularity.WEEK, monday + timedelta(days=5), monday + timedelta(days=7)
        return Granularity.WEEK, monday, monday + timedelta(days=7)
    if m["quarter"]:
        first = (int(m["quarter"]) - 1) * 3 + 1
        return Granularity.QUARTER, date(year, first, 1), _add_months(year, first, 3)
    if m["half"]:
        first = 1 if m["half"] == "1" else 7
        return Granularity.QUARTER, date(year, first, 1), _add_months(year, first, 6)
    if m["season"]:
        first, last = SEASON_MONTHS[m["season"]]
        return Granularity.SEASON, _add_months(year, first, 0), _add_months(year, last, 0)
    return Granularity.YEAR, date(year, 1, 1), date(year + 1, 1, 1)
