"""Which years a timeline should show first: where the events are, not where a stray date points.

    year_mass(starts, ends)                    -> {2003: 41.0, 2004: 7.5, 1721: 1.0, ...}
    event_window(starts, ends, published=[2004]) -> (2001, 2004)   (98% of the events touch these years)
    outside_window(starts, ends, (2001, 2004))   -> 3              (events that touch none of them)

The window grows outward from the publication years (or, without them, from the year holding the most
events), one side at a time, never by more than the events reached are worth: each step takes, on the
left or on the right, the run of years up to the next events that holds the most events per year, and
stops when the window holds SHARE (98%) of the events, or (from CROWD, 100 events) when that run holds fewer
than DENSITY (5%) of the window's own events per year while the window holds MIN_SHARE (90%) of them. So
one heavy far year ("1945" in a 1996-2008 news collection) is not reached across fifty empty years, while a real second cluster, however far, is:
it holds far more events per year than the empty years cost. The events outside are counted
(outside_window), for the page to say so with one click to show them all.

An event is inside the window when its interval [start, end) touches one of its years; a decade or a
century touches many years, so it is inside as soon as the window meets it and never pulls the window
toward its far end ("21st century" does not stretch the view to 2100). Pass the spans of each event's
*first* year only ((first, first)) for a page that filters events by the year they start: the share is
then counted the way that page counts what it hides. Pure: dates in, years out (no Streamlit, no clock).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta

__all__ = ["CROWD", "DENSITY", "MIN_SHARE", "SHARE", "event_window", "hull", "outside_window", "span_window", "year_mass"]

#: The share of the events the default view holds (at most: see DENSITY).
SHARE = 0.98
#: A run of years is added to the window only when it holds at least this share of the window's events per
#: year: fifty empty years and a far "1945" are not worth a view squeezed into a sliver of the axis.
DENSITY = 0.05
#: The share the window holds whatever DENSITY says: a thin tail is left out, never a tenth of the events.
MIN_SHARE = 0.9
#: DENSITY applies from this many events: fewer are drawn one by one and labelled, readable on a long axis, and
#: hiding one of 22 earthquake reports' events (a "1999" four years before the rest) helped no reader.
CROWD = 100


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
                 share: float = SHARE, density: float = DENSITY, least: float = MIN_SHARE) -> tuple[int, int] | None:
    """The year range to show first: the publication years in `published`, widened toward the events
    (see the module's docstring) until the events touching it are at least `share` of all.

    None when there are no events and no publication year.
    """
    return span_window(_spans(starts, ends), published=published, share=share, density=density, least=least)


def span_window(spans: Mapping[tuple[int, int], float], *, published: Iterable[int] = (),
                share: float = SHARE, density: float = DENSITY, least: float = MIN_SHARE) -> tuple[int, int] | None:
    """`event_window` from the number of events per (first year, last year) they touch (a store's
    counts: no need to hold every event)."""
    spans = {span: n for span, n in spans.items() if n > 0}
    window = hull(published) or _heaviest(spans)
    if window is None:
        return None
    # An event is left of [lo, hi] when its last year is before lo, right of it when its first is after hi.
    before, after = Counter(), Counter()
    for (first, last), n in spans.items():
        before[last] += n
        after[first] += n
    limits = (share, density, least)
    while (year := _next_year(before, after, window, sum(spans.values()), limits)) is not None:
        window = min(window[0], year), max(window[1], year)
    return window


def _next_year(before: Mapping[int, float], after: Mapping[int, float], window: tuple[int, int], total: float,
               limits: tuple[float, float, float]) -> int | None:
    """The year the window reaches next (the end of the densest run of years on either side), or None when
    it holds `share` of the `total` or, from CROWD events, that run is too thin (`density`) while it holds `least`."""
    share, density, least = limits
    lo, hi = window
    left = {y: n for y, n in before.items() if y < lo}
    right = {y: n for y, n in after.items() if y > hi}
    inside = total - sum(left.values()) - sum(right.values())
    if inside >= share * total - 1e-9 or not (left or right):
        return None
    # the denser side; between equals the later one, as news is about the recent past
    rate, year = max(_run(left, lo, -1), _run(right, hi, +1), key=lambda run: (run[0], run[1] > hi))
    if total >= CROWD and inside >= least * total and rate < density * inside / (hi - lo + 1):
        return None
    return year


def _run(counts: Mapping[int, float], edge: int, way: int) -> tuple[float, int]:
    """The densest run of years from `edge` (excluded) outward (`way` -1: earlier, +1: later) up to a year
    holding events: (events per year, that year); (0, edge) when there are none that way."""
    best, total = (0.0, edge), 0.0
    for year in sorted(counts, reverse=way < 0):
        total += counts[year]
        best = max(best, (total / abs(year - edge), year), key=lambda run: run[0])
    return best


def _heaviest(spans: Mapping[tuple[int, int], float]) -> tuple[int, int] | None:
    """The year holding the most events' weight (the later of equals: news is about the recent past)."""
    mass = _mass(spans)
    if not mass:
        return None
    year = max(mass, key=lambda y: (mass[y], y))
    return year, year


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
