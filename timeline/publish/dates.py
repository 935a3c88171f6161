"""A date as a reader says it, no more precise than the text: 'Sunday 4 April 2021', 'March 2003', '2014'.

    date_in_words("2003-03", "month", date(2003, 3, 1), date(2003, 4, 1))   -> 'March 2003'

Month and weekday names come from `strftime` (the C locale's English, as timeline.timelinejs);
decades, centuries, seasons, quarters and weeks are named as TimelineJS exports name them.
"""

from __future__ import annotations

import re
from datetime import date

from timeline.timelinejs import display_date

_CLOCK = re.compile(r"T(\d{2}):(\d{2})")


def day_in_words(day: date) -> str:
    """'Sunday 4 April 2021'."""
    return f"{day:%A} {day.day} {day:%B} {day.year}"


def date_in_words(value: str, granularity: str, start: date, end: date) -> str:
    """The event's date in words at its own precision (`start`/`end`: the half-open interval it covers).

    A time keeps its clock time when the value has one ('Sunday 4 April 2021, 14:30'); a year is
    '2014', a month 'March 2003', a day 'Sunday 4 April 2021'; coarser or odd spans as TimelineJS
    names them ('1970s', 'Summer 2019', 'Q2 2020', 'Week of 5 April 2021').
    """
    if granularity in ("day", "time"):
        clock = _CLOCK.search(value) if granularity == "time" else None
        return day_in_words(start) + (f", {clock[1]}:{clock[2]}" if clock else "")
    if granularity == "month":
        return f"{start:%B} {start.year}"
    if granularity == "year":
        return str(start.year)
    return display_date(value, granularity, start, end) or str(value)
