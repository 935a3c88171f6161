"""Queries on an opened store for the dashboard: filtered events, counts per period, near-duplicates.

    store = open_store("store/")
    query_events(store, years=(1997, 1998), keyword="election", limit=500) -> DataFrame, one per event
    count_by_period(store, years=(1997, 1998), period="month")   -> DataFrame: period, events, articles
    near_duplicates(store, years=(1998, 1998))                    -> DataFrame, one row per group

Every function takes the same filters (all optional, combined with AND):
    years=(first, last)       events that start in these years (inclusive)
    dates=(start, end)        events that start in [start, end): a bin of count_by_period
    sources=[...]             articles.source values (see list_sources)
    keyword="..."             case-insensitive substring of the event's sentence
    granularities=[...]       "year", "month", "day", ... (Granularity values)
    article_ids=[...]         these articles only
An event is placed by its start, so an event counted in a bin is listed by that bin's `dates` filter.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from datetime import date

from timeline.collection.store import Store

__all__ = [
    "PERIODS",
    "count_by_period",
    "count_events",
    "get_article",
    "group_near_duplicates",
    "list_sources",
    "near_duplicates",
    "query_events",
    "summary",
]

PERIODS = ("year", "quarter", "month", "week", "day")
EVENT_ORDER = "e.start, e.article_id, e.event_id"


def _literal(text: str) -> str:
    """`text` as an RE2 pattern matching itself: ASCII punctuation escaped, the rest literal."""
    return "".join("\\" + c if c.isascii() and not c.isalnum() and not c.isspace() else c for c in text)


def _where(
    years: tuple[int, int] | None = None,
    dates: tuple[date, date] | None = None,
    sources: Sequence[str] | None = None,
    keyword: str | None = None,
    granularities: Sequence[str] | None = None,
    article_ids: Sequence[str] | None = None,
) -> tuple[str, list]:
    """The filters as an SQL condition on events `e`, and its parameters."""
    clauses, params = ["TRUE"], []
    if years is not None:
        first, last = (int(y) for y in years)
        if first > last:
            raise ValueError(f"years must be (first, last) with first <= last, not {years}")
        clauses.append("e.start >= ? AND e.start < ?")
        params += [date(max(first, 1), 1, 1), date(min(last + 1, 9999), 1, 1)]
    if dates is not None:
        clauses.append("e.start >= ? AND e.start < ?")
        params += list(dates)
    if sources is not None:
        clauses.append("list_contains(?, e.source)")
        params.append(list(sources))
    if keyword:
        clauses.append("regexp_matches(e.sentence, ?)")  # RE2, about twice as fast as lower() + contains()
        params.append("(?i)" + _literal(keyword))
    if granularities is not None:
        clauses.append("list_contains(?, e.granularity)")
        params.append([str(getattr(g, "value", g)) for g in granularities])
    if article_ids is not None:
        clauses.append("list_contains(?, e.article_id)")
        params.append(list(article_ids))
    return " AND ".join(clauses), params


def query_events(store: Store, *, limit: int | None = None, offset: int = 0, **filters):
    """The events matching the filters, ordered by start date, with their article's title, url and path.

    Columns: the events columns of the schema, then title, url, path. `limit` None means all.
    """
    where, params = _where(**filters)
    page = ""
    if limit is not None:
        page = " LIMIT ? OFFSET ?"
        params += [int(limit), int(offset)]
    sql = f"""
        WITH hits AS (SELECT e.* FROM events e WHERE {where} ORDER BY {EVENT_ORDER}{page})
        SELECT e.*, a.title, a.url, a.path FROM hits e LEFT JOIN articles a USING (article_id)
        ORDER BY {EVENT_ORDER}
    """
    return store.cursor().execute(sql, params).df()


def count_events(store: Store, **filters) -> int:
    """How many events match the filters."""
    where, params = _where(**filters)
    return store.cursor().execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchone()[0]


def count_by_period(store: Store, *, period: str = "month", **filters):
    """Events per period (by start date): columns period (first day), period_end (first day of the next),
    events, articles. Periods without events are absent."""
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")
    where, params = _where(**filters)
    sql = f"""
        SELECT CAST(date_trunc('{period}', e.start) AS DATE) AS period,
               CAST(date_trunc('{period}', e.start) + INTERVAL 1 {period} AS DATE) AS period_end,
               count(*) AS events, count(DISTINCT e.article_id) AS articles
        FROM events e WHERE {where} GROUP BY 1, 2 ORDER BY 1
    """
    return store.cursor().execute(sql, params).df()


def list_sources(store: Store):
    """Each source with its number of articles and events, most articles first."""
    sql = """
        SELECT a.source, count(*) AS articles, sum(a.n_events) AS events
        FROM articles a GROUP BY a.source ORDER BY articles DESC, a.source
    """
    return store.cursor().execute(sql).df()


def summary(store: Store) -> dict:
    """Totals and extent: articles, events, first and last event start, publication date range."""
    cursor = store.cursor()
    articles, first_published, last_published = cursor.execute(
        "SELECT count(*), min(published), max(published) FROM articles"
    ).fetchone()
    events, first, last = cursor.execute("SELECT count(*), min(start), max(start) FROM events").fetchone()
    return {
        "articles": articles,
        "events": events,
        "first_event": first,
        "last_event": last,
        "first_published": first_published,
        "last_published": last_published,
    }


def get_article(store: Store, article_id: str) -> dict | None:
    """One article's row (schema columns), or None."""
    cursor = store.cursor().execute("SELECT * FROM articles WHERE article_id = ?", [article_id])
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cursor.description], row, strict=True))


# --------------------------------------------------------------------------------------------
# Near-duplicates: same value, similar headline and trigger, different articles
# --------------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+")
_BANDS, _ROWS = 8, 2  # MinHash LSH: 16 hashes; a pair with Jaccard 0.5 is a candidate with p ~ 0.9
_PRIME = (1 << 31) - 1


def _shingles(sentence: str) -> frozenset[int]:
    """Hashed word 3-grams of the normalised sentence (words themselves for very short ones)."""
    words = _WORD.findall(sentence.lower())
    grams = [" ".join(words[i : i + 3]) for i in range(len(words) - 2)] or words
    return frozenset(zlib.crc32(g.encode("utf-8")) for g in grams)


def _minhash(shingles: frozenset[int], coefficients) -> tuple[int, ...]:
    import numpy as np

    if not shingles:
        return (-1,) * (_BANDS * _ROWS)
    values = np.fromiter(shingles, dtype=np.uint64, count=len(shingles))
    a, b = coefficients
    hashed = (values[:, None] * a[None, :] + b[None, :]) % np.uint64(_PRIME)
    return tuple(int(v) for v in hashed.min(axis=0))


def _jaccard(x: frozenset[int], y: frozenset[int]) -> float:
    if not x and not y:
        return 1.0
    return len(x & y) / len(x | y)


def _happening_texts(frame) -> list[str]:
    """What names each event for grouping: its headline and trigger (the sentence for stores without them)."""
    if "headline" not in frame:
        return [s or "" for s in frame["sentence"]]
    triggers = frame["trigger"] if "trigger" in frame else [""] * len(frame)
    return [f"{h or ''} {t or ''}" for h, t in zip(frame["headline"], triggers, strict=True)]


def group_near_duplicates(frame, threshold: float = 0.5):
    """Events (a query_events frame) -> the same frame with `group` (an id shared by near-duplicates:
    same value, headline-and-trigger word-3-gram Jaccard >= threshold) and `group_articles` (articles in
    the group).

    Cheap on purpose: MinHash signatures put candidates in buckets, and each event is compared with
    its bucket's first event only; exact Jaccard decides. No model, linear in the number of events.
    """
    import numpy as np

    frame = frame.reset_index(drop=True).copy()
    n = len(frame)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    rng = np.random.default_rng(20210407)  # fixed: the same input always groups the same way
    coefficients = (
        rng.integers(1, _PRIME, _BANDS * _ROWS, dtype=np.uint64),
        rng.integers(0, _PRIME, _BANDS * _ROWS, dtype=np.uint64),
    )
    shingles = [_shingles(s) for s in _happening_texts(frame)] if n else []
    values = list(frame["value"]) if n else []
    first_in_bucket: dict[tuple, int] = {}
    for i in range(n):
        signature = _minhash(shingles[i], coefficients)
        for band in range(_BANDS):
            key = (values[i], band, signature[band * _ROWS : (band + 1) * _ROWS])
            j = first_in_bucket.setdefault(key, i)
            if j != i and find(i) != find(j) and _jaccard(shingles[i], shingles[j]) >= threshold:
                parent[find(i)] = find(j)
    roots = [find(i) for i in range(n)]
    # Number groups by first appearance so ids are stable for a given frame order.
    ids: dict[int, int] = {}
    frame["group"] = [ids.setdefault(r, len(ids)) for r in roots]
    if n:
        frame["group_articles"] = frame.groupby("group")["article_id"].transform("nunique")
    else:
        frame["group_articles"] = []
    return frame


def near_duplicates(
    store: Store, *, threshold: float = 0.5, min_articles: int = 2, max_events: int = 100_000, **filters
):
    """Groups of near-duplicate events reported by at least `min_articles` articles, most reported first.

    Columns: group, value, granularity, start, end, sentence (from the earliest published article),
    articles, events, sources (list), article_ids (list). Only the first `max_events` events matching
    the filters (by start date) are grouped: narrow the filters on very large stores.
    """
    events = query_events(store, limit=max_events, **filters)
    grouped = group_near_duplicates(events, threshold)
    columns = [
        "group",
        "value",
        "granularity",
        "start",
        "end",
        "sentence",
        "articles",
        "events",
        "sources",
        "article_ids",
    ]
    if grouped.empty:
        return grouped.reindex(columns=columns)
    grouped = grouped[grouped["group_articles"] >= min_articles]
    grouped = grouped.sort_values(["group", "published", "article_id", "event_id"], na_position="last")
    rows = []
    for group, members in grouped.groupby("group", sort=False):
        first = members.iloc[0]
        rows.append(
            {
                "group": group,
                "value": first["value"],
                "granularity": first["granularity"],
                "start": first["start"],
                "end": first["end"],
                "sentence": first["sentence"],
                "articles": members["article_id"].nunique(),
                "events": len(members),
                "sources": sorted(set(members["source"].dropna())),
                "article_ids": sorted(set(members["article_id"])),
            }
        )
    import pandas as pd

    result = pd.DataFrame(rows, columns=columns)
    return result.sort_values(
        ["articles", "start", "group"], ascending=[False, True, True], ignore_index=True
    )
