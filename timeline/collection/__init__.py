"""Collections: one timeline over thousands of articles, in a Parquet store queried with DuckDB.

    from timeline.collection import build, open_store, query_events
    build(["news/", "feed.jsonl"], "store/")            # or: python -m timeline build news/ --out store/
    with open_store("store/") as store:
        query_events(store, years=(2020, 2021), keyword="rockets", limit=100)  # whole words

sources.py  SOURCE arguments -> raw articles (folders, globs, zips, JSON Lines, TimeML)
extract.py  raw articles -> article and event rows (the workers' job)
builder.py  the build loop: incremental, batched over processes or a Dask cluster
store.py    the store layout, its schema, atomic parts, verification, open_store; StoreWriter adds
            parts built elsewhere (Arrow tables of ARTICLES_SCHEMA / EVENTS_SCHEMA)
locking.py  one build at a time per store; a stale lock is taken over
query.py    the dashboard's queries: query_events (with happenings), count_by_period, key_dates, ...
windows.py  where the events are by year (the default window), and the bars with coarse dates spread
            (count_bars: the collection page's bars, one scan)
"""

from timeline.collection.builder import BuildInterrupted, BuildReport, build, dask_client
from timeline.collection.extract import Failure
from timeline.collection.query import (
    best_dates,
    count_by_period,
    count_by_source,
    count_events,
    get_article,
    group_near_duplicates,
    key_dates,
    list_sources,
    near_duplicates,
    query_events,
    rank_happenings,
    summary,
)
from timeline.collection.sources import SourceError, check_sources
from timeline.collection.store import (
    ARTICLES_SCHEMA,
    EVENTS_SCHEMA,
    Store,
    StoreDamaged,
    StoreError,
    StoreOutdated,
    StoreWriter,
    open_store,
)
from timeline.collection.windows import count_bars

__all__ = [
    "ARTICLES_SCHEMA",
    "EVENTS_SCHEMA",
    "BuildInterrupted",
    "BuildReport",
    "Failure",
    "SourceError",
    "Store",
    "StoreDamaged",
    "StoreError",
    "StoreOutdated",
    "StoreWriter",
    "best_dates",
    "build",
    "check_sources",
    "count_bars",
    "count_by_period",
    "count_by_source",
    "count_events",
    "dask_client",
    "get_article",
    "group_near_duplicates",
    "key_dates",
    "list_sources",
    "near_duplicates",
    "open_store",
    "query_events",
    "rank_happenings",
    "summary",
]
