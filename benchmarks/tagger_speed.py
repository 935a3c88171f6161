"""CPU time of the temporal tagger alone per TBAQ document: one core, warm, the fastest of N rounds.

    OMP_NUM_THREADS=1 python -m benchmarks.tagger_speed [--data ../shared/data/tbaq] [--rounds 5] [--before DIR]

Times the call `extract_document` makes to produce the TIMEX3s, `timeline.tag(text, published, ruleset)` (the
pipeline adds `limit=`, at least 500 timexes, which no news article reaches: tests/test_tagger_speed.py checks the
timexes equal `extract_document`'s), with thread CPU time (`time.thread_time`: what other processes on a shared
machine do is not counted, as wall time would). Every document is tagged once to warm up, then timed in each of
N rounds; a document keeps its fastest round. Printed: median, p95 and mean over the documents (the issue's bar:
median <= 5 ms).

`--before DIR` times a second tree (another checkout: `git -C REPO archive REV | tar -x -C DIR`) in the same run:
each tree tags in its own worker process (`OMP_NUM_THREADS=1`), the rounds alternate between them (and which goes
first), and the ratio this tree / DIR is printed: of the medians, of the totals, and the median, p95 and maximum
of the per-document ratios. Both workers tag the same texts, read once by this tree.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
# A worker runs in its tree (cwd and sys.path) and loads this file by path: the other tree needs no copy of it.
_WORKER = ("import importlib.util as u, sys; s = u.spec_from_file_location('tagger_speed', sys.argv[1]); "
           "m = u.module_from_spec(s); s.loader.exec_module(m); m.worker(sys.argv[2])")


def worker(docs_path: str) -> None:
    """Worker loop (in the tree being timed): tag every text once, say "ready", then time one round per line read."""
    from datetime import date

    from timeline import load_ruleset, tag

    ruleset = load_ruleset()
    docs = [(text, date.fromisoformat(day) if day else None) for text, day in json.loads(Path(docs_path).read_text())]

    def one_round() -> list[float]:
        times = []
        for text, published in docs:
            began = time.thread_time()
            tag(text, published, ruleset)
            times.append((time.thread_time() - began) * 1000)
        return times

    one_round()
    print("ready", flush=True)
    for _ in sys.stdin:
        print(json.dumps(one_round()), flush=True)


class Tree:
    """A worker process tagging with one tree's `timeline`; `fastest` holds each document's best ms so far."""

    def __init__(self, root: Path, docs_path: Path) -> None:
        env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONPATH": str(root)}
        self.root = root
        self.process = subprocess.Popen([sys.executable, "-c", _WORKER, __file__, str(docs_path)], cwd=root, env=env,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        if self.process.stdout.readline().strip() != "ready":
            raise RuntimeError(f"worker in {root} did not start")
        self.fastest: list[float] | None = None

    def round(self) -> None:
        """Time every document once more; keep each document's fastest time."""
        self.process.stdin.write("round\n")
        self.process.stdin.flush()
        times = json.loads(self.process.stdout.readline())
        self.fastest = times if self.fastest is None else [min(a, b) for a, b in zip(self.fastest, times, strict=True)]

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait()


def summary(times: Sequence[float]) -> dict[str, float]:
    """Median, p95 (nearest rank), mean and total ms over the documents."""
    ordered = sorted(times)
    return {"median": statistics.median(ordered), "p95": ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))],
            "mean": statistics.fmean(ordered), "total": sum(ordered)}


def ratios(after: Sequence[float], before: Sequence[float]) -> dict[str, float]:
    """after / before: of the medians, of the totals, the median, p95 and maximum of the per-document ratios."""
    a, b = summary(after), summary(before)
    per_document = sorted(x / y for x, y in zip(after, before, strict=True) if y > 0)
    return {"median": a["median"] / b["median"], "total": a["total"] / b["total"],
            "per_document_median": statistics.median(per_document),
            "per_document_p95": per_document[min(len(per_document) - 1, int(0.95 * len(per_document)))],
            "per_document_max": per_document[-1]}


def run(roots: Sequence[Path], docs_path: Path, rounds: int) -> list[list[float]]:
    """Each tree's fastest ms per document over `rounds` rounds, the trees alternating (and which goes first)."""
    trees = [Tree(root, docs_path) for root in roots]
    try:
        for r in range(rounds):
            for tree in (trees if r % 2 == 0 else trees[::-1]):
                tree.round()
    finally:
        for tree in trees:
            tree.close()
    return [tree.fastest for tree in trees]


def _line(name: str, times: Sequence[float]) -> str:
    s = summary(times)
    return f"{name}: median {s['median']:.2f} ms, p95 {s['p95']:.2f} ms, mean {s['mean']:.2f} ms per document"


def main(argv: list[str] | None = None) -> int:
    """CLI entry point; returns the exit code."""
    from benchmarks.tbaq import DEFAULT_DATA, load

    parser = argparse.ArgumentParser(prog="python -m benchmarks.tagger_speed", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="TBAQ directory (default: %(default)s)")
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds per document (default: %(default)s)")
    parser.add_argument("--before", type=Path, metavar="DIR", help="another tree to time in the same run")
    parser.add_argument("--json", type=Path, help="save the per-document ms here")
    args = parser.parse_args(argv)
    try:
        documents = [d for corpus in load(args.data) for d in corpus.documents]
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    if args.before and not (args.before / "timeline" / "tagger.py").is_file():
        print(f"error: {args.before}: no timeline/tagger.py there", file=sys.stderr)
        return 2
    roots = [HERE] + ([args.before.resolve()] if args.before else [])
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        docs_path = Path(tmp) / "docs.json"
        docs_path.write_text(json.dumps([(d.text, d.published.isoformat() if d.published else None)
                                         for d in documents]))
        results = run(roots, docs_path, args.rounds)
    print(f"timeline.tag, CPU time (thread), fastest of {args.rounds} rounds per document, "
          f"{len(documents)} TBAQ documents, one core; load average {load_before[0]:.2f} before, "
          f"{os.getloadavg()[0]:.2f} after")
    print(_line(f"this tree ({HERE})", results[0]))
    if args.before:
        print(_line(f"before ({roots[1]})", results[1]))
        r = ratios(results[0], results[1])
        print(f"ratio this/before: medians {r['median']:.3f}, totals {r['total']:.3f}, per document median "
              f"{r['per_document_median']:.3f} (p95 {r['per_document_p95']:.3f}, max {r['per_document_max']:.3f})")
    if args.json:
        names = [d.doc_id for d in documents]
        args.json.write_text(json.dumps({str(root): dict(zip(names, times, strict=True))
                                         for root, times in zip(roots, results, strict=True)}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
