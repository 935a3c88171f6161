"""Where a store's events are, by year: the default window of the collection page (timeline.window).

    year_spans(store)   -> {(2006, 2006): 9120, (2005, 2005): 1730, (2000, 2099): 3, (1721, 1721): 1, ...}

One GROUP BY over the store: every event counted by the first and last calendar year its interval
[start, end) touches, so the window can be chosen without loading an event.
"""

from __future__ import annotations

from timeline.collection.query import _where
from timeline.collection.store import Store

__all__ = ["year_spans"]


def year_spans(store: Store, **filters) -> dict[tuple[int, int], int]:
    """How many events (matching the query_events filters) touch each (first year, last year)."""
    where, params = _where(**filters)
    sql = f"""
        SELECT year(e.start) AS first, year(e."end" - INTERVAL 1 DAY) AS last, count(*) AS n
        FROM events e WHERE {where} GROUP BY 1, 2
    """
    rows = store.cursor().execute(sql, params).fetchall()
    return {(int(first), int(max(last, first))): int(n) for first, last, n in rows}
