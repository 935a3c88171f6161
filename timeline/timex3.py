"""TIMEX3 value strings <-> typed values (values.py): the one place that writes and reads them.

    format_value(TimeValue.of(date(2021, 4, 7), Granularity.WEEK))  -> "2021-W14"
    parse_value("2019-03")     -> TimeValue(MONTH, start=2019-03-01, end=2019-04-01)
    parse_value("XXXX-WXX-7")  -> TimeValue(DAY, weekday=7)   (no place in time)
    parse_value("P2Y6M")       -> Duration(((2, "year"), (6, "month")))

The pipeline formats each value once (tagger.py); parsing is for values read from elsewhere
(TimeML files, golden files, tests).
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from timeline.values import DATE_UNITS, REFERENCES, SEASON_START, TIME_UNITS, Duration, Granularity, TimeValue, Value

_G = Granularity

# The TimeML/TIDES value grammar, for validation (see tests).
WELL_FORMED = re.compile(
    r"^(?:PRESENT_REF|PAST_REF|FUTURE_REF"
    r"|P(?=[\dX.T])(?:[\dX.]+(?:DE|[CYMWDQ]))*(?:T(?:[\dX.]+[HMS])+)?"
    r"|[\dX]{2}|[\dX]{3}"
    r"|[\dX]{4}(?:-(?:[\dX]{2}(?:-[\dX]{2}(?:T(?:[0-2]\d(?::[0-5]\d(?::[0-5]\d)?)?(?:Z|[+-][01]\d(?::[0-5]\d)?)?|MO|AF|EV|NI|DT))?)?"
    r"|W[\dX]{2}(?:-(?:[1-7X]|WE)(?:T(?:MO|AF|EV|NI))?)?|Q[1-4X]|H[12X]|SP|SU|FA|WI))?"
    r"|XXXX-WXX-[1-7](?:T(?:MO|AF|EV|NI))?)$"
)


def is_well_formed(value: str) -> bool:
    """True when `value` follows the TIMEX3 value grammar we emit."""
    return bool(WELL_FORMED.match(value))


# --- writing ---------------------------------------------------------------------------------------------

_SEASON_CODE = {month: code for code, month in SEASON_START.items()}
# What stands for the unknown finer part of a partly known value: "2021-QX", "2021-XX-XX", "2021-03-XX".
_FILLER = {_G.QUARTER: "-QX", _G.MONTH: "-XX", _G.WEEK: "-WXX", _G.DAY: "-XX-XX", _G.TIME: "-XX-XX"}
_UNKNOWN = {_G.CENTURY: "XX", _G.DECADE: "XXX", _G.YEAR: "XXXX", _G.QUARTER: "XXXX-QX", _G.MONTH: "XXXX-XX",
            _G.WEEK: "XXXX-WXX", _G.DAY: "XXXX-XX-XX", _G.TIME: "XXXX-XX-XX"}
_LETTER = {**{name: letter for letter, name in DATE_UNITS.items()}, **{name: letter for letter, name in TIME_UNITS.items()}}


def format_value(value: Value) -> str:
    """The TIMEX3 string of a value: "2021-04-07", "2021-W14-WE", "XXXX-WXX-7TNI", "P2Y6M", ..."""
    if isinstance(value, Duration):
        return _format_duration(value)
    if value.ref:
        return value.ref
    if value.start is None:
        text = _format_yearless(value)
    elif value.within is not None:
        text = _format_period(value.within, value.start, value.end) + \
            ("-XX" if value.within is _G.MONTH else _FILLER[value.granularity])
    else:
        text = _format_period(value.granularity, value.start, value.end)
    return text + (f"T{value.time}" if value.time else "")


def _format_period(granularity: Granularity, start: date, end: date) -> str:
    if granularity in (_G.DAY, _G.TIME):
        return start.isoformat()
    if granularity is _G.WEEK:
        year, week, _ = start.isocalendar()
        return f"{year:04d}-W{week:02d}" + ("-WE" if (end - start).days == 2 else "")
    if granularity is _G.MONTH:
        return f"{start.year:04d}-{start.month:02d}"
    if granularity is _G.QUARTER:
        if (end.year - start.year) * 12 + end.month - start.month == 6:
            return f"{start.year:04d}-H{1 if start.month == 1 else 2}"
        return f"{start.year:04d}-Q{(start.month - 1) // 3 + 1}"
    if granularity is _G.SEASON:
        return f"{start.year:04d}-{_SEASON_CODE[start.month]}"
    if granularity is _G.DECADE:
        return f"{start.year // 10:03d}"
    if granularity is _G.CENTURY:
        return f"{start.year // 100:02d}"
    return f"{start.year:04d}"


def _format_yearless(value: TimeValue) -> str:
    if value.weekend:
        return "XXXX-WXX-WE"
    if value.part:
        return f"XXXX-{value.part}"
    if value.weekday:
        return f"XXXX-WXX-{value.weekday}"
    if value.month and value.day:
        return f"XXXX-{value.month:02d}-{value.day:02d}"
    if value.month:
        return f"XXXX-{value.month:02d}"
    return _UNKNOWN[value.granularity]


def _amount_text(amount: float | None) -> str:
    if amount is None:
        return "X"
    return str(int(amount)) if amount == int(amount) else str(amount)


def _format_duration(value: Duration) -> str:
    text, in_time = "P", False
    for amount, unit in value.parts:
        if unit in TIME_UNITS.values() and not in_time:
            text, in_time = text + "T", True
        text += _amount_text(amount) + _LETTER[unit]
    return text


# --- reading ---------------------------------------------------------------------------------------------

_VALUE = re.compile(
    r"^(?:(?P<century>\d{2}|XX)|(?P<decade>\d{3}|XXX)|(?P<year>\d{4}|XXXX)"
    r"(?:-(?:(?P<month>\d{2}|XX)(?:-(?P<day>\d{2}|XX))?|W(?P<week>\d{2}|XX)(?:-(?P<weekday>[1-7])|(?P<weekend>-WE))?"
    r"|(?P<part>Q[1-4X]|H[12]|SP|SU|FA|WI)))?(?:T(?P<time>\d{2}(?::\d{2}(?::\d{2})?)?(?:Z|[+-][01]\d(?::[0-5]\d)?)?|MO|AF|EV|NI))?)$"
)
_DURATION = re.compile(r"^P(?P<date>(?:[\dX.]+(?:DE|[CYMWDQ]))*)(?:T(?P<time>(?:[\dX.]+[HMS])+))?$")
_DURATION_PART = re.compile(r"([\dX.]+)(DE|[CYMWDQHS])")


@lru_cache(maxsize=1024)
def parse_value(text: str) -> Value:
    """The typed value of a TIMEX3 string; ValueError for one we cannot represent."""
    if text in REFERENCES:
        return TimeValue.reference(text)
    if text.startswith("P"):
        return _parse_duration(text)
    m = _VALUE.match(text)
    if not m:
        raise ValueError(f"not a TIMEX3 value we represent: {text!r}")
    value = _parse_date(m)
    if m["time"]:
        if value.granularity is not _G.DAY:
            raise ValueError(f"a time on a value that is not a day: {text!r}")
        value = value.at(m["time"])
    if format_value(value) != text:  # e.g. "2021-04-31", "XXXX-XX-15": no value of ours is written so
        raise ValueError(f"not a TIMEX3 value we represent: {text!r}")
    return value


def _parse_duration(text: str) -> Duration:
    m = _DURATION.match(text)
    if not m or text in ("P", "PT"):
        raise ValueError(f"not a TIMEX3 duration: {text!r}")
    parts = [(_amount(a), DATE_UNITS[u]) for a, u in _DURATION_PART.findall(m["date"])]
    parts += [(_amount(a), TIME_UNITS[u]) for a, u in _DURATION_PART.findall(m["time"] or "")]
    return Duration(tuple(parts))


def _amount(text: str) -> float | None:
    return None if text == "X" else float(text)


def _parse_date(m: re.Match[str]) -> TimeValue:
    if m["century"]:
        return TimeValue.unknown(_G.CENTURY) if m["century"] == "XX" else TimeValue.century(int(m["century"]))
    if m["decade"]:
        return TimeValue.unknown(_G.DECADE) if m["decade"] == "XXX" else TimeValue.decade(int(m["decade"]))
    if m["year"] == "XXXX":
        return _parse_yearless(m)
    year = TimeValue.year(int(m["year"]))
    if m["part"]:
        return _parse_part(int(m["year"]), m["part"])
    if m["week"]:
        return _parse_week(int(m["year"]), m["week"], m["weekday"], bool(m["weekend"]))
    if m["month"] == "XX":
        return year.with_unknown(_G.DAY if m["day"] else _G.MONTH)
    if m["month"]:
        month = TimeValue.month_of(int(m["year"]), int(m["month"]))
        if m["day"] == "XX":
            return month.with_unknown(_G.DAY)
        return TimeValue.of(date(int(m["year"]), int(m["month"]), int(m["day"]))) if m["day"] else month
    return year


def _parse_part(year: int, part: str) -> TimeValue:
    if part == "QX":
        return TimeValue.year(year).with_unknown(_G.QUARTER)
    if part[0] == "Q":
        return TimeValue.quarter(year, int(part[1]))
    if part[0] == "H":
        return TimeValue.half(year, int(part[1]))
    return TimeValue.season(year, part)


def _parse_week(year: int, week: str, weekday: str | None, weekend: bool) -> TimeValue:
    if week == "XX":
        if weekday or weekend:
            raise ValueError("a day of an unknown week of a known year")
        return TimeValue.year(year).with_unknown(_G.WEEK)
    monday = date.fromisocalendar(year, int(week), 1)
    if weekend:
        return TimeValue.weekend_of(monday)
    if weekday:
        raise ValueError("a weekday of a numbered week")
    return TimeValue.of(monday, _G.WEEK)


def _parse_yearless(m: re.Match[str]) -> TimeValue:
    if m["part"]:
        if m["part"] == "QX":
            return TimeValue.unknown(_G.QUARTER)
        return TimeValue.unknown(_G.SEASON if m["part"] in SEASON_START else _G.QUARTER, part=m["part"])
    if m["week"]:
        if m["weekend"]:
            return TimeValue.unknown(_G.WEEK, weekend=True)
        weekday = int(m["weekday"]) if m["weekday"] else None
        return TimeValue.unknown(_G.DAY if weekday else _G.WEEK, weekday=weekday)
    if not m["month"]:
        return TimeValue.unknown(_G.YEAR)
    month = None if m["month"] == "XX" else int(m["month"])
    day = None if m["day"] in (None, "XX") else int(m["day"])
    return TimeValue.unknown(_G.DAY if m["day"] else _G.MONTH, month=month, day=day)


def interval(value: str) -> tuple[Granularity, date, date] | None:
    """The [start, end) interval a TIMEX3 date value covers, or None if it has no place in time.

    For values read from elsewhere (TimeML, tests); the pipeline keeps the TimeValue it built.
    """
    try:
        parsed = parse_value(value)
    except (ValueError, OverflowError):
        return None
    if not isinstance(parsed, TimeValue) or not parsed.anchored:
        return None
    return parsed.granularity, parsed.start, parsed.end
