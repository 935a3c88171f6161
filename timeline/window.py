"""Which years a timeline should show first: where the events are, not where a stray date points.

    year_mass(starts, ends)                    -> {2003: 41.0, 2004: 7.5, 1721: 1.0, ...}
    event_window(starts, ends, published=[2004]) -> (2001, 2004)   (the years holding 98% of the mass)
    outside_window(starts, ends, (2001, 2004))   -> 3              (events that touch none of them)

Each event weighs one, spread evenly over the calendar years its interval [start, end) touches: a day
or a month puts its whole weight on one year, a decade a tenth on each of its years, a century a
hundredth. One stray "1721" is then one event among hundreds, and a "21st century" cannot stretch
the view to 2100. Pure: dates in, years out (no Streamlit, no clock).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

__all__ = ["SHARE", "event_window", "hull", "outside_window", "year_mass"]

#: The share of the events' weight the default view holds.
SHARE = 0.98


def _years(start: date, end: date) -> range:
    """The calendar years [start, end) touches (an empty interval touches its start's year)."""
    last = max(start, end - timedelta(days=1))
    return range(start.year, last.year + 1)


def year_mass(starts: Sequence[date], ends: Sequence[date]) -> dict[int, float]:
    """Each year's share of the events: an event weighs 1, spread evenly over the years it touches."""
    mass: dict[int, float] = defaultdict(float)
    for start, end in zip(starts, ends, strict=True):
        years = _years(start, end)
        for year in years:
            mass[year] += 1 / len(years)
    return dict(mass)


def event_window(starts: Sequence[date], ends: Sequence[date], *, published: Iterable[int] = (),
                 share: float = SHARE) -> tuple[int, int] | None:
    """The year range to show first: from the first to the last of the fewest years that hold `share`
    of the events' weight (the heaviest years first), widened to every publication year in `published`.

    None when there are no events and no publication year.
    """
    mass = year_mass(starts, ends)
    total = sum(mass.values())
    kept: list[int] = list(published)
    held = 0.0
    # Heaviest first; between equal weights the later year, as news is about the recent past.
    for year, weight in sorted(mass.items(), key=lambda item: (-item[1], -item[0])):
        if held >= share * total - 1e-9:
            break
        kept.append(year)
        held += weight
    return hull(kept)


def hull(years: Iterable[int]) -> tuple[int, int] | None:
    """(first, last) of `years`, None for none."""
    years = list(years)
    return (min(years), max(years)) if years else None


def outside_window(starts: Sequence[date], ends: Sequence[date], window: tuple[int, int]) -> int:
    """How many events touch none of the years in `window` (first and last year included)."""
    lo, hi = window
    count = 0
    for start, end in zip(starts, ends, strict=True):
        years = _years(start, end)
        count += years[0] > hi or years[-1] < lo
    return count
