"""The years each page opens on (timeline.window): window, years shown and events outside, before/after.

    python -m benchmarks.windows --store /tmp/ux7/te3-store [--before /tmp/ux7/before] [--seed 14]

Cases: the te3-silver store (the collection page: events counted by the year they start, the publication
years of its articles kept), collections of 5, 10, 20 and 50 te3-silver articles drawn from that store (the
same draw for both trees: `--seed`), and the bundled article (the article page: events touching the years).
Each tree's own `app.collection_view.store_window` and `app.view.default_years` choose the window; `--before`
runs the same cases in another checkout (a child process with that tree first on sys.path), so both columns
come from one run. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZES = (5, 5, 10, 10, 20, 20, 50, 50)


def _cases(store: Path, seed: int) -> list[dict]:
    """Each case as plain data: spans [first, last, n], publication years, bounds; or the article's events."""
    import duckdb

    events, articles = (f"read_parquet('{store / part}/*.parquet')" for part in ("events", "articles"))
    con = duckdb.connect()
    ids = [r[0] for r in con.execute(f"SELECT article_id FROM {articles} ORDER BY 1").fetchall()]
    rng = random.Random(seed)
    cases = [_collection(con, events, articles, None, f"te3-silver store ({len(ids):,} articles)")]
    cases += [_collection(con, events, articles, rng.sample(ids, k), f"{k} te3-silver articles #{i + 1}")
              for i, k in enumerate(SIZES)]
    return [*cases, _article(ROOT / "data" / "us-iraq-withdrawal-2021-04-07.txt")]


def _collection(con, events: str, articles: str, ids: list[str] | None, name: str) -> dict:
    where = "" if ids is None else f"WHERE article_id IN ({', '.join('?' * len(ids))})"
    params = ids or []
    spans = con.execute(f'SELECT year(start), greatest(year(start), year("end" - INTERVAL 1 DAY)), count(*) '
                        f"FROM {events} {where} GROUP BY 1, 2", params).fetchall()
    published = con.execute(f"SELECT year(min(published)), year(max(published)) FROM {articles} {where}",
                            params).fetchone()
    return {"name": name, "kind": "collection", "spans": spans, "published": [y for y in published if y]}


def _article(path: Path) -> dict:
    import timeline

    document = timeline.read_document(path.read_bytes(), path.name)
    frame = timeline.extract_document(document).to_frame()
    return {"name": f"bundled article ({path.name})", "kind": "article", "published": [str(document.published)],
            "starts": [str(d.date()) for d in frame["start"]], "ends": [str(d.date()) for d in frame["end"]]}


def measure(cases: list[dict]) -> list[dict]:
    """Window, years shown, events and events outside per case, with this interpreter's `app` modules."""
    return [_collection_window(c) if c["kind"] == "collection" else _article_window(c) for c in cases]


def _collection_window(case: dict) -> dict:
    from datetime import date

    from app.collection_view import starts_outside, store_window

    spans = {(first, last): n for first, last, n in case["spans"]}
    bounds = (min(f for f, _ in spans), max(f for f, _ in spans))
    info = {"first_published": date(min(case["published"]), 1, 1), "last_published": date(max(case["published"]), 1, 1)}
    window = store_window(spans, info, bounds)
    return {"window": window, "events": sum(spans.values()), "outside": starts_outside(spans, window)}


def _article_window(case: dict) -> dict:
    from datetime import date

    import pandas as pd

    from app import view

    frame = pd.DataFrame({"start": pd.to_datetime(case["starts"]), "end": pd.to_datetime(case["ends"])})
    window = view.default_years(frame, [date.fromisoformat(d) for d in case["published"]])
    return {"window": window, "events": len(frame), "outside": view.events_outside(frame, window)}


def _in_tree(tree: Path, cases: list[dict]) -> list[dict]:
    code = (f"import json, runpy, sys; sys.path.insert(0, {str(tree)!r}); "
            f"measure = runpy.run_path({__file__!r})['measure']; print(json.dumps(measure(json.load(sys.stdin))))")
    done = subprocess.run([sys.executable, "-c", code], input=json.dumps(cases), capture_output=True, text=True,
                          cwd=tree, check=True)
    return json.loads(done.stdout)


def _cell(result: dict) -> str:
    lo, hi = result["window"]
    share = result["outside"] / result["events"] if result["events"] else 0
    return f"{lo} – {hi} | {hi - lo + 1} | {result['outside']:,} ({share:.1%})"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--before", type=Path, help="another checkout to compare (e.g. main)")
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args(argv)
    cases = _cases(args.store, args.seed)
    after = _in_tree(ROOT, cases)
    before = _in_tree(args.before, cases) if args.before else None
    head = "| case | events | before: window | years | outside | after: window | years | outside |"
    print(head if before else "| case | events | window | years | outside |")
    print("|---|--:|" + ("--:|" * 6 if before else "--:|" * 3))
    for i, case in enumerate(cases):
        cells = ([_cell(before[i])] if before else []) + [_cell(after[i])]
        print(f"| {case['name']} | {after[i]['events']:,} | " + " | ".join(cells) + " |")
    for label, results in (("before", before), ("after", after)):
        if results:
            small = results[1:-1]
            print(f"\n{label}: {len(small)} small collections, median years shown "
                  f"{statistics.median(r['window'][1] - r['window'][0] + 1 for r in small)}, events outside "
                  f"{sum(r['outside'] for r in small):,} of {sum(r['events'] for r in small):,}")


if __name__ == "__main__":
    main()
