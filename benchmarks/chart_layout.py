"""Server time of the article chart's rows (timeline.chart.chart_frame: lanes, labels, tooltip and ARIA texts) and of a
whole timeline_spec with its rows not yet kept, on the bundled article (7 events), three long te3-silver articles
(88 events) and 500 synthetic events; the rows at the default layout width (900 px) and a 1,000 px window's
(500 px), the spec at the default.

    python -m benchmarks.chart_layout                          # this tree
    python -m benchmarks.chart_layout --compare /tmp/before    # and another tree, alternating, in the same run

Each figure is the median of --repeat timings in a fresh process per tree and round (rounds alternate the trees,
so a busy machine weighs on both alike); ratios are this tree over the other.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "us-iraq-withdrawal-2021-04-07.txt"
TE3 = ROOT.parent / "shared" / "data" / "te3-silver"
LONG = ("AFP_ENG_20061213.0713", "AFP_ENG_20061231.0059", "AFP_ENG_20061202.0552")
WIDTHS = (900, 500)


def _inputs() -> dict:
    import pandas as pd

    import timeline

    def frame(tl, name: str, doc: int) -> pd.DataFrame:
        events = tl.to_frame()
        return events.assign(event_id=[f"{doc}-{i}" for i in range(len(events))], source=name)

    seed = frame(timeline.extract(SEED.read_text(encoding="utf-8")), SEED.name, 0)
    long = pd.concat([frame(timeline.extract(d.text, published=d.published), name, i)
                      for i, name in enumerate(LONG) for d in [timeline.read_timeml(TE3 / f"{name}.tml")]],
                     ignore_index=True)
    days = pd.date_range("2019-01-01", periods=500, freq="D")
    many = pd.DataFrame({"event_id": [f"0-{i}" for i in range(500)], "value": [f"{d:%Y-%m-%d}" for d in days],
                         "granularity": "day", "start": days, "end": days + pd.Timedelta(days=1),
                         "expression": "that day", "headline": [f"Ministers met for talks number {i}" for i in range(500)],
                         "source": "a.txt"})
    return {"seed (7)": seed, f"te3 x3 ({len(long)})": long, "synthetic (500)": many}


def child(repeat: int) -> dict[str, float]:
    """Median milliseconds per case, in this process (the tree on sys.path)."""
    from timeline import chart

    figures = {}
    for name, events in _inputs().items():
        for width in WIDTHS:
            kwargs = {"width": width} if width != 900 else {}
            chart.chart_frame(events, **kwargs)  # warm: imports, the describe tables
            times = []
            for _ in range(repeat):
                start = time.perf_counter()
                chart.chart_frame(events, **kwargs)
                times.append(time.perf_counter() - start)
            figures[f"chart_frame {name} @{width}"] = statistics.median(times) * 1000
        chart.timeline_spec(events)  # the shape's template built once (laid out for the default width)
        times = []
        for _ in range(repeat):
            chart._ROWS.clear()
            start = time.perf_counter()
            chart.timeline_spec(events)
            times.append(time.perf_counter() - start)
        figures[f"timeline_spec {name} @900"] = statistics.median(times) * 1000
    return figures


def _run(tree: Path, repeat: int) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    out = subprocess.run([sys.executable, "-m", "benchmarks.chart_layout", "--child", "--repeat", str(repeat)],
                         cwd=tree, env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--compare", type=Path, help="another checkout (e.g. main) to time alternately")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.repeat)))
        return
    trees = {"this": ROOT, **({"other": args.compare.resolve()} if args.compare else {})}
    rounds: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
    for _ in range(args.rounds):
        for name, tree in trees.items():
            rounds[name].append(_run(tree, args.repeat))
    cases = list(rounds["this"][0])
    print(f"| case | this (ms) |{' other (ms) | this / other |' if args.compare else ''}")
    print(f"|---|---:|{'---:|---:|' if args.compare else ''}")
    for case in cases:
        mine = statistics.median(r[case] for r in rounds["this"])
        row = f"| {case} | {mine:.1f} |"
        if args.compare:
            theirs = statistics.median(r[case] for r in rounds["other"] if case in r)
            row += f" {theirs:.1f} | {mine / theirs:.2f} |"
        print(row)


if __name__ == "__main__":
    main()
