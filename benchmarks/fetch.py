"""What a fetch costs, and what the limits cost when a server misbehaves: a local server (tests/fetch_server.py)
serves an article page, 50 MB with and without Content-Length, and an answer 5 s late.

    python -m benchmarks.fetch [--runs 5]

Prints, per page, the median wall and CPU time of `fetch_document` and how it ended, the peak memory
(tracemalloc, the server's thread included) of the 50 MB fetch, and the load average.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

from timeline import FetchError, FetchLimits, fetch_document

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from fetch_server import serve  # noqa: E402

PAGES = ("/article.html", "/big", "/big-declared", "/slow")


def _once(url: str, limits: FetchLimits) -> tuple[float, float, str]:
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        fetch_document(url, limits)
        outcome = "read"
    except FetchError as err:
        outcome = str(err).split(": ", 1)[1][:60]
    return time.perf_counter() - wall, time.process_time() - cpu, outcome


def main(argv: list[str] | None = None) -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--runs", type=int, default=5)
    runs = args.parse_args(argv).runs
    limits = FetchLimits(allow_private=True, read_timeout=1.0)  # the server is on 127.0.0.1; 1 s for /slow
    with serve() as base:
        _once(f"{base}/article.html", limits)  # warm-up: trafilatura and htmldate imported
        print("| page | median wall | median CPU | outcome |\n|---|--:|--:|---|")
        for path in PAGES:
            results = [_once(base + path, limits) for _ in range(runs)]
            wall = statistics.median(r[0] for r in results) * 1000
            cpu = statistics.median(r[1] for r in results) * 1000
            print(f"| `{path}` | {wall:.0f} ms | {cpu:.0f} ms | {results[-1][2]} |")
        tracemalloc.start()
        _once(f"{base}/big", limits)
        print(f"\npeak memory of the 50 MB fetch: {tracemalloc.get_traced_memory()[1] / 1e6:.1f} MB")
    print("load average: " + ", ".join(f"{x:.1f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
