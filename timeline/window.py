"""Which years a timeline should show first: where the events are, not where a stray date points.

    year_mass(starts, ends)                    -> {2003: 41.0, 2004: 7.5, 1721: 1.0, ...}
    event_window(starts, ends, published=[2004]) -> (2001, 2004)   (98% of the events touch these years)
    outside_window(starts, ends, (2001, 2004))   -> 3              (events that touch none of them)

Each event weighs one, spread evenly over the calendar years its interval [start, end) touches: a day
or a month puts its whole weight on one year, a decade a tenth on each of its years, a century a
hundredth. One stray "1721" is then one event among hundreds, and a "21st century" cannot stretch
the view to 2100. Pure: dates in, years out (no Streamlit, no clock).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta

__all__ = ["SHARE", "event_window", "hull", "outside_window", "span_window", "year_mass"]

#: The share of the events' weight the default view holds.
SHARE = 0.98


def _years(start: date, end: date) -> range:
    """The calendar years [start, end) touches (an empty interval touches its start's year)."""
    last = max(start, end - timedelta(days=1))
    return range(start.year, last.year + 1)


def year_mass(starts: Sequence[date], ends: Sequence[date]) -> dict[int, float]:
    """Each year's share of the events: an event weighs 1, spread evenly over the years it touches."""
    return _mass(_spans(starts, ends))


def _spans(starts: Sequence[date], ends: Sequence[date]) -> Counter[tuple[int, int]]:
    """How many events touch each (first year, last year)."""
    return Counter((years[0], years[-1]) for years in map(_years, starts, ends))


def _mass(spans: Mapping[tuple[int, int], float]) -> dict[int, float]:
    mass: dict[int, float] = defaultdict(float)
    for (first, last), n in spans.items():
        for year in range(first, last + 1):
            mass[year] += n / (last - first + 1)
    return dict(mass)


def event_window(starts: Sequence[date], ends: Sequence[date], *, published: Iterable[int] = (),
                 share: float = SHARE) -> tuple[int, int] | None:
    """The year range to show first: the publication years in `published`, widened year by year (the
    heaviest years first) until the events touching the range are at least `share` of all.

    None when there are no events and no publication year.
    """
    return span_window(_spans(starts, ends), published=published, share=share)


def span_window(spans: Mapping[tuple[int, int], float], *, published: Iterable[int] = (),
                share: float = SHARE) -> tuple[int, int] | None:
    """`event_window` from the number of events per (first year, last year) they touch (a store's
    counts: no need to hold every event)."""
    wanted = share * sum(spans.values()) - 1e-9
    kept: list[int] = list(published)
    # Heaviest first; between equal weights the later year, as news is about the recent past.
    for year, _ in sorted(_mass(spans).items(), key=lambda item: (-item[1], -item[0])):
        window = hull(kept)
        if window and sum(n for (first, last), n in spans.items() if first <= window[1] and last >= window[0]) >= wanted:
            break
        kept.append(year)
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
