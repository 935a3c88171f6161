"""Typed temporal values: what resolvers build and timex3.py writes as TIMEX3 strings.

    TimeValue.of(date(2021, 4, 7), Granularity.WEEK)  -> the week [2021-04-05, 2021-04-12)  "2021-W14"
    TimeValue.unknown(Granularity.DAY, weekday=7)      -> some Sunday                        "XXXX-WXX-7"
    TimeValue.of(date(2021, 3, 1), Granularity.MONTH).with_unknown(Granularity.DAY)
                                                        -> a day of March 2021                "2021-03-XX"
    Duration.of(3, "year")                              -> three years                        "P3Y"

A date or time is, as Duckling's TimeObject {start, grain, end}, the half-open interval
[start, end) it covers at a granularity; a value with no place in time (its year unknown) keeps
only what is known of it: a month, a month-day, a weekday, a named part of a year.
Also here: the calendar arithmetic the resolvers share (one `shift_months`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import Enum


class Granularity(str, Enum):
    """How precise a date is; decides the interval an event covers."""

    CENTURY = "century"
    DECADE = "decade"
    YEAR = "year"
    SEASON = "season"
    QUARTER = "quarter"
    MONTH = "month"
    WEEK = "week"
    DAY = "day"
    TIME = "time"


SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # winter starts in December, ends in March next year
REFERENCES = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")


# --- calendar arithmetic ---------------------------------------------------------------------------------

def opposite_season(code: str) -> str:
    """The season six months on from `code` (SU -> WI): a southern season has the months of the northern opposite."""
    month = (SEASON_START[code] + 5) % 12 + 1
    return next(c for c, start in SEASON_START.items() if start == month)


def shift_months(day: date, months: int) -> date:
    """`day` moved by whole months, clamped to the month's last day."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(d, day.day))
        except ValueError:
            continue
    return date(year, month, 28)


_MONTHS_PER = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}


def shift(day: date, unit: str, amount: int) -> date:
    """`day` moved by `amount` units (day, week, month, quarter, year, decade, century)."""
    if unit == "day":
        return day + timedelta(days=amount)
    if unit == "week":
        return day + timedelta(weeks=amount)
    return shift_months(day, _MONTHS_PER[unit] * amount)


def quarter_of(day: date) -> int:
    """The calendar quarter (1-4) a day is in."""
    return (day.month - 1) // 3 + 1


def _first_day(day: date, granularity: Granularity) -> date:
    """The first day of the period at `granularity` that holds `day`."""
    if granularity is Granularity.WEEK:
        return day - timedelta(days=day.weekday())
    if granularity is Granularity.MONTH:
        return day.replace(day=1)
    if granularity is Granularity.QUARTER:
        return date(day.year, (quarter_of(day) - 1) * 3 + 1, 1)
    if granularity is Granularity.SEASON:  # January and February are in the winter that began in December
        return date(day.year - (day.month < 3), day.month // 3 * 3 or 12, 1)
    if granularity is Granularity.DECADE:
        return date(max(day.year // 10 * 10, 1), 1, 1)
    if granularity is Granularity.CENTURY:
        return date(max(day.year // 100 * 100, 1), 1, 1)
    if granularity is Granularity.YEAR:
        return date(day.year, 1, 1)
    return day  # a day, a time


def _end(start: date, granularity: Granularity) -> date:
    """The day after the period at `granularity` that starts on `start`."""
    if granularity in (Granularity.DAY, Granularity.TIME):
        return start + timedelta(days=1)
    if granularity is Granularity.WEEK:
        return start + timedelta(days=7)
    if granularity is Granularity.DECADE:  # year 1 starts the first decade and century
        return date(start.year // 10 * 10 + 10, 1, 1)
    if granularity is Granularity.CENTURY:
        return date(start.year // 100 * 100 + 100, 1, 1)
    months = {Granularity.MONTH: 1, Granularity.QUARTER: 3, Granularity.SEASON: 3, Granularity.YEAR: 12}
    return shift_months(start, months[granularity])


# --- values ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class TimeValue:
    """A DATE or TIME value.

    granularity: how precise the value is (None only for PRESENT_REF, PAST_REF, FUTURE_REF: `ref`).
    start, end:  the half-open interval [start, end) it covers; None when its year is unknown.
    within:      set when only a coarser period is known: "2021-03-XX" is a DAY within the MONTH
                 [2021-03-01, 2021-04-01).
    month, day, weekday, part: what is known of a value whose year is not: "XXXX-03-15",
                 "XXXX-WXX-7", "XXXX-Q2" / "XXXX-H1" / "XXXX-SU" (part "Q2", "H1", "SU").
    weekend:     the Saturday and Sunday of a week ("2021-W14-WE", "XXXX-WXX-WE").
    time:        the time of a TIME value: a clock time "14:30" or a part of the day "MO", "AF", "EV", "NI".
    """

    granularity: Granularity | None
    start: date | None = None
    end: date | None = None
    within: Granularity | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    part: str | None = None
    weekend: bool = False
    time: str | None = None
    ref: str | None = None

    @classmethod
    def of(cls, day: date, granularity: Granularity = Granularity.DAY) -> TimeValue:
        """The period at `granularity` that holds `day` ("2021-04-07" at WEEK is 2021-W14)."""
        start = _first_day(day, granularity)
        return cls(granularity, start, _end(start, granularity))

    @classmethod
    def unknown(cls, granularity: Granularity, *, month: int | None = None, day: int | None = None,
                weekday: int | None = None, part: str | None = None, weekend: bool = False) -> TimeValue:
        """A value whose year is unknown ("XXXX-XX-XX"), with what is known of it."""
        return cls(granularity, month=month, day=day, weekday=weekday, part=part, weekend=weekend)

    @classmethod
    def reference(cls, name: str) -> TimeValue:
        """PRESENT_REF, PAST_REF or FUTURE_REF."""
        if name not in REFERENCES:
            raise ValueError(f"not a TIMEX3 reference: {name!r}")
        return cls(None, ref=name)

    @classmethod
    def year(cls, year: int) -> TimeValue:
        return cls.of(date(year, 1, 1), Granularity.YEAR)

    @classmethod
    def month_of(cls, year: int, month: int) -> TimeValue:
        return cls.of(date(year, month, 1), Granularity.MONTH)

    @classmethod
    def quarter(cls, year: int, quarter: int) -> TimeValue:
        return cls.of(date(year, (quarter - 1) * 3 + 1, 1), Granularity.QUARTER)

    @classmethod
    def half(cls, year: int, half: int) -> TimeValue:
        """A half year: QUARTER granularity (as events have always shown it), six months wide."""
        start = date(year, 1 if half == 1 else 7, 1)
        return cls(Granularity.QUARTER, start, shift_months(start, 6))

    @classmethod
    def season(cls, year: int, code: str) -> TimeValue:
        """A season by its TIMEX3 code (SP, SU, FA, WI); winter 2019 runs from December 2019."""
        start = date(year, SEASON_START[code], 1)
        return cls(Granularity.SEASON, start, shift_months(start, 3))

    @classmethod
    def decade(cls, number: int) -> TimeValue:
        """The decade whose years start with `number` (199 -> the 1990s)."""
        return cls.of(date(max(number * 10, 1), 1, 1), Granularity.DECADE)

    @classmethod
    def century(cls, number: int) -> TimeValue:
        """The century whose years start with `number` (18 -> 1800-1899)."""
        return cls.of(date(max(number * 100, 1), 1, 1), Granularity.CENTURY)

    @classmethod
    def weekend_of(cls, day: date) -> TimeValue:
        """The weekend (Saturday and Sunday) of the ISO week holding `day`."""
        saturday = _first_day(day, Granularity.WEEK) + timedelta(days=5)
        return cls(Granularity.WEEK, saturday, saturday + timedelta(days=2), weekend=True)

    def at(self, time: str | None) -> TimeValue:
        """This day at a time ("14:30") or part of the day ("MO"): a TIME value; unchanged for None."""
        return replace(self, granularity=Granularity.TIME, time=time) if time else self

    def with_unknown(self, granularity: Granularity) -> TimeValue:
        """A finer value somewhere in this period: 2021-03 -> "2021-03-XX" (DAY within MONTH)."""
        return replace(self, granularity=granularity, within=self.granularity)

    @property
    def anchored(self) -> bool:
        """True when the value has a place in time: an interval of its own granularity."""
        return self.start is not None and self.within is None

    @property
    def is_half(self) -> bool:
        """A half year (2021-H1), which shares QUARTER granularity with quarters."""
        # counted in months, not by shifting the start: a third quarter of year 9999 has no date six months on
        return self.granularity is Granularity.QUARTER and self.anchored and \
            (self.end.year - self.start.year) * 12 + self.end.month - self.start.month == 6


# a century is "C" in a duration, as TBAQ dev writes "for centuries" PXC
DATE_UNITS = {"Y": "year", "Q": "quarter", "M": "month", "W": "week", "D": "day", "DE": "decade", "C": "century"}
TIME_UNITS = {"H": "hour", "M": "minute", "S": "second"}


@dataclass(frozen=True)
class Duration:
    """An amount of time: (amount, unit) parts, an amount None when vague ("PXY": some years).

    Units are the TIMEX3 ones by name: year, quarter, month, week, day, decade, century (date part)
    and hour, minute, second (time part). P2Y6M is ((2, "year"), (6, "month")).
    """

    parts: tuple[tuple[float | None, str], ...]

    @classmethod
    def of(cls, amount: float | None, unit: str) -> Duration:
        """An amount of one unit: Duration.of(3, "year") is P3Y."""
        return cls(((amount, unit),))


Value = TimeValue | Duration
