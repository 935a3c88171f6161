"""A TIMEX3 date value in words, as precise as the text was (pure: no clock, no Streamlit).

    date_in_words("2021-04-04")   -> "Sunday 4 April 2021"
    date_in_words("2003-03")      -> "March 2003"
    date_in_words("2011-SP")      -> "spring 2011"
    date_in_words("2006-W50")     -> "the week of 11 Dec 2006"
    date_in_words("199")          -> "the 1990s"
    span_in_words(date(1997, 2, 17), date(1997, 7, 5))  -> "March – July 1997" (a chart's axis: its labels)

What a reader sees instead of the code: the code itself stays in tooltips and exports. And `shorten`: a text cut
to fit a line (a headline, a chart label), at a word boundary with an ellipsis. The words are
English; they live in timeline/lang/en/describe.py (a language folder may hold its own).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from timeline.lang.en import describe as words
from timeline.timex3 import parse_value
from timeline.values import Granularity, TimeValue

__all__ = ["date_in_words", "dates_in_words", "shorten", "span_in_words"]

_G = Granularity


def shorten(text: str, limit: int) -> str:
    """`text` on one line, cut at a word boundary to at most `limit` characters with an ellipsis."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] or text[: limit - 1]
    return cut.rstrip(",;:—–- ") + "…"


def dates_in_words(values: Iterable[str], mods: Iterable[str | None] | None = None) -> list[str]:
    """`date_in_words` of each value with its mod (a frame's "value" and "mod" columns; no mods: none)."""
    values = [str(v) for v in values]
    mods = [m if isinstance(m, str) else None for m in mods] if mods is not None else [None] * len(values)
    return [date_in_words(v, m) for v, m in zip(values, mods, strict=True)]


def date_in_words(value: str, mod: str | None = None) -> str:
    """`value` (a TIMEX3 date or time) said as a reader would say it, with its TIMEX3 `mod` where a period's part
    is meant ("early 2005", "the late 1970s"); the value itself when it has no place in time we can name (a
    duration, "XXXX-WXX-7", a value we do not represent)."""
    try:
        parsed = parse_value(value)
    except (ValueError, OverflowError):
        return value
    if not isinstance(parsed, TimeValue) or parsed.start is None:
        return value
    if parsed.within is not None:  # "2021-03-XX": a day of March 2021
        outer = TimeValue(parsed.within, parsed.start, parsed.end)
        return _capitalised(words.SOME_TIME_IN.format(when=_period(outer)))
    text = _with_mod(_period(parsed), parsed.granularity, mod)
    if parsed.granularity is _G.TIME and parsed.time:
        text = f"{text}, {words.PARTS_OF_DAY.get(parsed.time, parsed.time)}"
    return _capitalised(text)


def _with_mod(text: str, granularity: Granularity, mod: str | None) -> str:
    """A period's words with the part of it `mod` names (START, MID, END); a day's and a time's unchanged."""
    if granularity in (_G.DAY, _G.TIME) or mod not in words.MOD_BEFORE:  # (a frame's missing mod is NaN)
        return text
    if granularity in (_G.WEEK, _G.QUARTER):
        return words.MOD_AROUND[mod].format(when=text)
    if text.startswith(words.THE):  # "the 1970s" -> "the late 1970s"
        return words.THE + words.MOD_BEFORE[mod].format(when=text.removeprefix(words.THE))
    return words.MOD_BEFORE[mod].format(when=text)


def _capitalised(text: str) -> str:
    """A date in words stands alone (a story's heading, a table's cell, a mark's label): "Autumn 2005"."""
    return text[:1].upper() + text[1:]


def _period(value: TimeValue) -> str:
    """The words for an anchored value's own period."""
    g, start, end = value.granularity, value.start, value.end
    if g in (_G.DAY, _G.TIME):
        return _day(start, weekday=True)
    if g is _G.WEEK:
        if (end - start).days == 2:
            return words.WEEKEND_OF.format(day=_day(start, short=True))
        return words.WEEK_OF.format(day=_day(start, short=True))
    if g is _G.MONTH:
        return f"{words.MONTHS[start.month - 1]} {start.year}"
    if g is _G.QUARTER:
        if (end.year - start.year) * 12 + end.month - start.month == 6:
            return words.HALVES[start.month > 6].format(year=start.year)
        return words.QUARTERS[(start.month - 1) // 3].format(year=start.year)
    if g is _G.SEASON:  # winter runs from December into the next year
        year = f"{start.year}–{(start.year + 1) % 100:02d}" if start.month == 12 else str(start.year)
        return f"{words.SEASONS[start.month]} {year}"
    if g is _G.DECADE:
        return words.DECADE.format(year=start.year // 10 * 10)
    if g is _G.CENTURY:
        return words.CENTURY.format(ordinal=words.ordinal(start.year // 100 + 1))
    return str(start.year)


def span_in_words(first: date, last: date) -> str:
    """The days `first` to `last` (a chart's time axis) named as the axis labels them: by the first and last day
    over a season or less ("23 October – 4 December 2005"), else by the first and last month (over three years or
    less) or year that begins on it ("March – June 1997" for 17 February - 5 July 1997, "1997 – 2007" for November
    1996 - March 2007): the labels the reader sees under it."""
    days = (last - first).days
    if days <= 92:
        if first.year != last.year:
            return f"{_day(first)} – {_day(last)}"
        left = f"{first.day}" + (f" {words.MONTHS[first.month - 1]}" if first.month != last.month else "")
        return f"{left} – {_day(last)}" if days else _day(last)
    if days <= 3 * 366:
        months = first.year * 12 + first.month - 1 + (first.day > 1), last.year * 12 + last.month - 1
        (y0, m0), (y1, m1) = (divmod(m, 12) for m in months)
        return f"{words.MONTHS[m0]}{f' {y0}' if y0 != y1 else ''} – {words.MONTHS[m1]} {y1}"
    return f"{first.year + (first.timetuple().tm_yday > 1)} – {last.year}"


def _day(day: date, *, weekday: bool = False, short: bool = False) -> str:
    """'Sunday 4 April 2021', '4 April 2021', or '4 Apr 2021' (`short`)."""
    month = words.MONTHS[day.month - 1]
    text = f"{day.day} {month[:3] if short else month} {day.year}"
    return f"{words.WEEKDAYS[day.weekday()]} {text}" if weekday else text
