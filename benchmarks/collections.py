"""Collections: build throughput, memory, store size and DuckDB query time (issue 6).

    python -m benchmarks.collections [--data ../shared/data/te3-silver] [--scales 1,2,4,8]
                                     [--events 1000000] [--workdir DIR] [--skip-build] [--skip-scale]

Prints Markdown tables:
1. te3-silver (2,452 TimeML news documents): build on 1 worker (in-process) and 2 worker processes:
   seconds, articles/s, peak RSS of the reading process and of a worker (getrusage), store size;
   then an incremental re-run (everything skipped).
2. DuckDB queries on that store: a year filter (count, events per month, first 500 events).
3. Scale: the corpus replicated k times as JSON Lines (each copy a distinct article: its "id" differs),
   built on 2 workers: time per article and peak memory as the collection grows.
4. 1,000,000+ events written straight into a store (the te3 events repeated, shifted by whole years so
   that they spread over 1950-2049), then the dashboard's queries on it, median of repeated runs.
Each build runs in a fresh child process so that its peak memory is its own.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "te3-silver"


def _mb(kilobytes: int) -> float:
    return kilobytes / 1024  # ru_maxrss is in KiB on Linux


def _size_mb(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1e6


# --------------------------------------------------------------------------------------------
# One build in a child process
# --------------------------------------------------------------------------------------------


def _child_build(spec: str) -> None:
    from timeline.collection import build

    args = json.loads(spec)
    started = time.perf_counter()
    report = build(args["sources"], args["store"], workers=args["workers"], on_failure=lambda f: None)
    seconds = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(
        json.dumps(
            {
                "seconds": seconds,
                "added": report.added,
                "skipped": report.skipped,
                "failed": report.failed,
                "events": report.events,
                "rss_main_mb": _mb(own),
                "rss_worker_mb": _mb(children) if children else _mb(own),
            }
        )
    )


def run_build(sources: list[str], store: Path, workers: int) -> dict:
    """Build in a fresh interpreter; its report, time and peak memory."""
    spec = json.dumps({"sources": sources, "store": str(store), "workers": workers})
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.collections", "--child-build", spec],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def _build_row(label: str, result: dict, store: Path | None) -> str:
    rate = (result["added"] + result["skipped"]) / result["seconds"]
    size = f"{_size_mb(store):.1f}" if store else ""
    return (
        f"| {label} | {result['added']:,} | {result['skipped']:,} | {result['events']:,} | "
        f"{result['seconds']:.1f} | {rate:,.0f} | {1000 * result['seconds'] / max(result['added'], 1):.2f} | "
        f"{result['rss_main_mb']:.0f} | {result['rss_worker_mb']:.0f} | {size} |"
    )


BUILD_HEADER = (
    "| run | added | skipped | events | seconds | articles/s | ms/article added | peak RSS main MB "
    "| peak RSS worker MB | store MB |\n|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
)


# --------------------------------------------------------------------------------------------
# Query timing
# --------------------------------------------------------------------------------------------


def timed(fn, repeat: int = 15) -> tuple[float, object]:
    """Median milliseconds over `repeat` runs after one warm-up; and the last result."""
    result = fn()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append(1000 * (time.perf_counter() - started))
    return statistics.median(times), result


def query_table(store_path: Path, year: int, keyword: str, memory: bool = False) -> list[str]:
    from timeline.collection import (
        count_by_period,
        count_events,
        key_dates,
        near_duplicates,
        open_store,
        query_events,
    )

    started = time.perf_counter()
    store = open_store(store_path, memory=memory)
    opened_ms = 1000 * (time.perf_counter() - started)
    rows = [
        f"| open_store{' (memory=True)' if memory else ''} | {opened_ms:.0f} | {store.n_events:,} events |"
    ]
    cases = [
        (f"count_events(years=({year}, {year}))", lambda: count_events(store, years=(year, year))),
        (
            f"count_by_period(years=({year}, {year}), period='month')",
            lambda: len(count_by_period(store, years=(year, year), period="month")),
        ),
        (
            "count_by_period(period='year') over everything",
            lambda: len(count_by_period(store, period="year")),
        ),
        ("query_events(limit=500) over everything", lambda: len(query_events(store, limit=500))),
        (f"count_events(keyword={keyword!r}) over everything", lambda: count_events(store, keyword=keyword)),
        (
            f"query_events(years=({year}, {year}), limit=500)",
            lambda: len(query_events(store, years=(year, year), limit=500)),
        ),
        (
            f"query_events(years=({year}, {year}), keyword={keyword!r}, limit=500)",
            lambda: len(query_events(store, years=(year, year), keyword=keyword, limit=500)),
        ),
        (
            f"query_events(years=({year}, {year}), granularities=['day'], sources=[...], limit=500)",
            lambda: len(
                query_events(
                    store, years=(year, year), granularities=["day"], sources=["te3-silver"], limit=500
                )
            ),
        ),
        ("key_dates(n=10) over everything", lambda: len(key_dates(store, n=10))),
        (f"key_dates(n=10, keyword={keyword!r})", lambda: len(key_dates(store, n=10, keyword=keyword))),
        (
            f"query_events(years=({year}, {year}), happenings=True, limit=500)",
            lambda: len(query_events(store, years=(year, year), happenings=True, limit=500)),
        ),
        (
            f"near_duplicates(dates=({year}-03-01, {year}-04-01))",
            lambda: len(near_duplicates(store, dates=(_d(year, 3), _d(year, 4)))),
        ),
    ]
    for label, fn in cases:
        ms, result = timed(fn, repeat=5 if "near" in label else 15)
        rows.append(f"| {label} | {ms:.1f} | {result:,} rows |")
    store.close()
    return rows


def _d(year: int, month: int):
    from datetime import date

    return date(year, month, 1)


QUERY_HEADER = "| query | median ms | result |\n|---|--:|--:|"


# --------------------------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------------------------


def write_replicas(data: Path, out: Path, copies: int) -> int:
    """The corpus as JSON Lines, `copies` times (ids differ, so every line is a new article)."""
    from timeline import read_timeml

    documents = [read_timeml(p) for p in sorted(data.glob("*.tml"))]
    with out.open("w", encoding="utf-8") as handle:
        for copy in range(copies):
            for doc in documents:
                record = {
                    "id": f"{copy}-{doc.doc_id}",
                    "text": doc.text,
                    "published": doc.published.isoformat() if doc.published else None,
                }
                handle.write(json.dumps(record) + "\n")
    return copies * len(documents)


def synthetic_store(source: Path, out: Path, target_events: int, part_events: int = 100_000) -> int:
    """Repeat the events of `source` (new article ids, dates shifted by whole years) into a new store."""
    import pandas as pd
    import pyarrow as pa
    import pyarrow.parquet as pq

    from timeline.collection import ARTICLES_SCHEMA, EVENTS_SCHEMA, StoreWriter

    def read(table: str):
        manifest = json.loads((source / "manifest.json").read_text())
        return pd.concat(
            [pq.read_table(source / table / f"{p['name']}.parquet").to_pandas() for p in manifest["parts"]]
        )

    events, articles = read("events").reindex(columns=EVENTS_SCHEMA.names), read("articles")  # a format-2 store: no mod
    window = (events["start"] >= pd.Timestamp(1990, 1, 1).date()) & (
        events["start"] < pd.Timestamp(2010, 1, 1).date()
    )
    events = events[window]  # far-off dates would leave the calendar once shifted
    written, buffered = 0, []
    with StoreWriter(out) as writer:
        copy = 0
        while written < target_events:
            shift = copy % 100 - 48  # te3 is mostly 1997-1998: copies spread over about 1950-2049
            e, a = events.copy(), articles.copy()
            for frame in (e, a):
                frame["article_id"] = frame["article_id"].str[:12] + f"{copy:04x}"
            for frame, column in ((e, "start"), (e, "end"), (e, "published"), (a, "published")):
                frame[column] = (pd.to_datetime(frame[column]) + pd.DateOffset(years=shift)).dt.date
            e["value"] = e["value"].map(
                lambda v, s=shift: f"{int(v[:4]) + s:04d}{v[4:]}" if v[:4].isdigit() else v
            )
            buffered.append((a, e))
            written += len(e)
            copy += 1
            if sum(len(x[1]) for x in buffered) >= part_events or written >= target_events:
                writer.write_tables(
                    pa.Table.from_pandas(
                        pd.concat([x[0] for x in buffered]), ARTICLES_SCHEMA, preserve_index=False
                    ),
                    pa.Table.from_pandas(
                        pd.concat([x[1] for x in buffered]), EVENTS_SCHEMA, preserve_index=False
                    ),
                )
                buffered = []
    return written


# --------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.collections", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument(
        "--scales", default="1,2,4,8", help="corpus copies for the scale run (default 1,2,4,8)"
    )
    parser.add_argument("--events", type=int, default=1_000_000, help="events in the synthetic query store")
    parser.add_argument("--workdir", type=Path, help="where stores are written (default: a temporary folder)")
    parser.add_argument(
        "--skip-build", action="store_true", help="skip sections 1-2 (needs an existing workdir)"
    )
    parser.add_argument("--skip-scale", action="store_true", help="skip section 3")
    parser.add_argument("--child-build", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_build:
        _child_build(args.child_build)
        return 0
    if not args.data.is_dir():
        print(f"collections: error: no corpus at {args.data}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="timeline-bench-") as temp:
        work = args.workdir or Path(temp)
        work.mkdir(parents=True, exist_ok=True)
        te3 = work / "te3"
        n_docs = len(list(args.data.glob("*.tml")))
        print(
            f"(load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores, shared with others)\n"
        )
        if not args.skip_build:
            print(f"## Build: {args.data.name} ({n_docs:,} TimeML documents)\n\n{BUILD_HEADER}", flush=True)
            for workers in (1, 2):
                store = work / f"te3-w{workers}"
                result = run_build([str(args.data)], store, workers)
                print(_build_row(f"{workers} worker{'s' if workers > 1 else ''}", result, store), flush=True)
            (work / "te3-w2").rename(te3) if not te3.exists() else None
            result = run_build([str(args.data)], te3, 2)
            print(_build_row("re-run, 2 workers (all skipped)", result, None), flush=True)
            print(f"\n## Queries on the te3-silver store\n\n{QUERY_HEADER}")
            print("\n".join(query_table(te3, 1998, "president")), flush=True)
        if not args.skip_scale:
            print(f"\n## Scale: the corpus replicated as JSON Lines, 2 workers\n\n{BUILD_HEADER}", flush=True)
            for copies in (int(c) for c in args.scales.split(",")):
                feed = work / f"replica-{copies}.jsonl"
                n = write_replicas(args.data, feed, copies)
                result = run_build([str(feed)], work / f"scale-{copies}", 2)
                print(_build_row(f"x{copies} ({n:,} articles)", result, work / f"scale-{copies}"), flush=True)
                feed.unlink()
        big = work / "events-1m"
        if not (big / "manifest.json").exists():
            written = synthetic_store(te3, big, args.events)
            print(f"\n(synthetic store: {written:,} events, {_size_mb(big):.0f} MB)")
        print(f"\n## Queries on {args.events:,}+ events\n\n{QUERY_HEADER}")
        print("\n".join(query_table(big, 1998, "president")), flush=True)
        print("\n".join(query_table(big, 1998, "president", memory=True)), flush=True)
        print(f"\n(load average after: {os.getloadavg()[0]:.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
