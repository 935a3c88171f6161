"""te3-silver-blind12's draw (silver12): seed 12121, two articles per agency x length cell, of two different years.

    python benchmarks/te3-silver-blind12/draw.py   (from the repo root; prints the twelve doc ids, cell by cell)

Walks `random.Random(12121).sample(sorted(te3-silver file names), all)`, skipping texts under 80 words and any doc id
named under `benchmarks/` or `tests/` (this set's own folder and the caches excepted), and keeps the first two of
each cell: AFP / XIN x short (< 200 words) / medium (200-399) / long (400+), the second only if its year differs from
the first's (so each cell spans two of the corpus's years). The first kept in a cell is dev.
"""

import random
import subprocess
from pathlib import Path

from timeline import read_timeml

TEXTS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "te3-silver"


def named_elsewhere(doc_id: str) -> bool:
    """Whether a file under benchmarks/ or tests/ (not this set, not a cache) names the doc id."""
    found = subprocess.run(["grep", "-rlF", "--exclude-dir=cache", "--exclude-dir=te3-silver-blind12", doc_id,
                            "benchmarks", "tests"], capture_output=True, text=True)
    return bool(found.stdout.strip())


def band(words: int) -> str:
    """The length cell of a text of so many words."""
    return "short" if words < 200 else "medium" if words < 400 else "long"


def draw() -> dict[tuple[str, str], list[tuple[str, int]]]:
    """Two (doc id, words) per agency x length cell, of two years, in draw order."""
    names = sorted(p.name for p in TEXTS.glob("*.tml"))
    cells: dict[tuple[str, str], list[tuple[str, int]]] = {
        (agency, length): [] for agency in ("AFP", "XIN") for length in ("short", "medium", "long")}
    for name in random.Random(12121).sample(names, len(names)):
        doc_id = name.removesuffix(".tml")
        words = len(read_timeml(TEXTS / name).text.split())
        cell = cells[(doc_id[:3], band(words))]
        if words < 80 or len(cell) >= 2 or any(kept[8:12] == doc_id[8:12] for kept, _ in cell):
            continue
        if named_elsewhere(doc_id):
            continue
        cell.append((doc_id, words))
        if all(len(kept) >= 2 for kept in cells.values()):
            break
    return cells


if __name__ == "__main__":
    for key, kept in draw().items():
        print(*key, kept)
