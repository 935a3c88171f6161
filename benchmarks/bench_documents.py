"""Time timeline.documents.read_document on text and HTML of growing size; prints figures.

    python benchmarks/bench_documents.py
"""

from __future__ import annotations

import time
from pathlib import Path

from timeline import read_document

SEED = Path(__file__).resolve().parents[1] / "data" / "us-iraq-withdrawal-2021-04-07.txt"


def timed(label: str, data: bytes, name: str, repeat: int = 1) -> None:
    start = time.perf_counter()
    for _ in range(repeat):
        read_document(data, name)
    per = (time.perf_counter() - start) / repeat
    print(f"{label:<34} {len(data) / 1e6:8.2f} MB {per * 1000:10.1f} ms")


def main() -> None:
    seed = SEED.read_bytes()
    paragraph = "<p>The US agreed on Sunday to withdraw its remaining combat troops from Iraq.</p>\n"
    timed("seed .txt (first call, loads dateparser)", seed, "a.txt")
    timed("seed .txt", seed, "a.txt", repeat=50)
    timed("seed as cp1252 x 200", seed.decode().encode("cp1252", "replace") * 200, "a.txt")
    timed("text 9 MB", (seed * 3000)[:9_000_000], "a.txt")
    for count in (100, 10_000, 100_000):
        html = f"<html><head><title>t</title></head><body><article>{paragraph * count}</article></body></html>"
        timed(f"html, {count:,} paragraphs", html.encode(), "a.html")


if __name__ == "__main__":
    main()
