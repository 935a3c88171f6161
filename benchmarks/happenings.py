"""One happening, one event across a collection: grouping judged on hand-labelled te3-silver pairs (issue 14 item 5).

    python -m timeline build ../shared/data/te3-silver --out te3-store/ --workers 1
    python -m benchmarks.happenings --store te3-store/
    python -m benchmarks.happenings --store te3-store/ --speed BIG_STORE   # and the grouping's CPU time there

`benchmarks/happening-pairs.tsv` holds 88 pairs of te3-silver reports of one date (day or finer), each named by
its file and the offset of its date expression, labelled by reading both sentences: `same` = y when they
report one happening. The pairs were drawn (seeded) from the candidates the store's grouping could join
across triggers: two happenings of one date sharing at least two telling words, at least 40% of the
shorter list, in four bands of that share. Printed: how many labelled pairs the store's grouping
(`query_events(..., happenings=True)`) puts together, its precision and recall on them, and how many
happenings the whole store has, and how many of them several articles report.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

from timeline.collection import open_store, query_events

PAIRS = Path(__file__).resolve().parent / "happening-pairs.tsv"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", required=True, help="a store built from te3-silver")
    parser.add_argument("--show", action="store_true", help="print the pairs judged wrongly")
    parser.add_argument("--speed", metavar="BIG_STORE", help="also time the grouping on this (big) store")
    args = parser.parse_args(argv)
    if args.speed:
        speed(args.speed)
    with open_store(args.store) as store:
        started = time.process_time()
        events = query_events(store, happenings=True)
        cpu = time.process_time() - started
    happening = {f"{Path(p).name}:{s}": h for p, s, h in
                 zip(events["path"], events["expression_start"], events["happening"], strict=True)}
    with PAIRS.open(encoding="utf-8") as f:
        pairs = list(csv.DictReader(f, delimiter="\t"))
    counts = {"tp": 0, "fp": 0, "fn": 0, "tn": 0, "missing": 0}
    for pair in pairs:
        a, b = happening.get(pair["key_a"]), happening.get(pair["key_b"])
        if a is None or b is None:
            counts["missing"] += 1
            continue
        joined, same = a == b, pair["same"] == "y"
        counts[("t" if joined == same else "f") + ("p" if joined else "n")] += 1
        if args.show and joined != same:
            print(f"{'joined' if joined else 'apart'} but labelled {pair['same']}: {pair['sentence_a'][:80]} | "
                  f"{pair['sentence_b'][:80]}")
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    print(f"labelled pairs: {len(pairs)} ({sum(p['same'] == 'y' for p in pairs)} same), not found: {counts['missing']}")
    print(f"joined {tp + fp}: precision {tp / max(tp + fp, 1):.2f} ({tp}/{tp + fp}), "
          f"recall {tp / max(tp + fn, 1):.2f} ({tp}/{tp + fn})")
    reported = events.groupby("happening")["article_id"].nunique()
    print(f"store: {len(events)} events -> {len(reported)} happenings, {(reported >= 2).sum()} reported by 2+ "
          f"articles; grouping {cpu * 1000:.0f} ms CPU")
    return 0


def speed(path: str, repeat: int = 3) -> None:
    """CPU ms of query_events(happenings=True, limit=1500) on two years and on the whole store (median)."""
    import statistics

    with open_store(path) as store:
        for label, filters in (("years 1998-1999", {"years": (1998, 1999)}), ("whole store", {})):
            times = []
            for _ in range(repeat):
                started = time.process_time()
                query_events(store, happenings=True, limit=1500, **filters)
                times.append((time.process_time() - started) * 1000)
            print(f"query_events(happenings=True, limit=1500), {label}: median {statistics.median(times):.0f} ms CPU "
                  f"({', '.join(f'{t:.0f}' for t in times)})")


if __name__ == "__main__":
    sys.exit(main())
