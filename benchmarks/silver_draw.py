"""A stratified draw of te3-silver articles for a new blind set (issue 16): two per agency x length cell.

The draws of `benchmarks/te3-silver-blind11/` and `-blind12/` (each folder's `draw.py` gives its seed) walk
`random.Random(seed).sample(sorted(te3-silver file names), all)`, skipping texts under 80 words and any doc id named
under `benchmarks/` or `tests/` (the set's own folder and the caches excepted), and keep the first two of each cell:
AFP / XIN x short (< 200 words) / medium (200-399) / long (400+); with `two_years`, the second only if its year
differs from the first's. The first kept in a cell is dev.
"""

from __future__ import annotations

import random
import subprocess

from benchmarks.silver_blind import DEFAULT_DATA, REPO
from timeline import read_timeml

MIN_WORDS = 80
Cells = dict[tuple[str, str], list[tuple[str, int]]]


def named_elsewhere(doc_id: str, own_folder: str) -> bool:
    """Whether a file under benchmarks/ or tests/ (not the set's own folder, not a cache) names the doc id."""
    found = subprocess.run(["grep", "-rlF", "--exclude-dir=cache", f"--exclude-dir={own_folder}", doc_id,
                            "benchmarks", "tests"], capture_output=True, text=True, cwd=REPO)
    return bool(found.stdout.strip())


def band(words: int) -> str:
    """The length cell of a text of so many words."""
    return "short" if words < 200 else "medium" if words < 400 else "long"


def draw_cells(seed: int, own_folder: str, two_years: bool = False) -> Cells:
    """Two (doc id, words) per agency x length cell, in draw order."""
    names = sorted(p.name for p in DEFAULT_DATA.glob("*.tml"))
    cells: Cells = {(agency, length): [] for agency in ("AFP", "XIN") for length in ("short", "medium", "long")}
    for name in random.Random(seed).sample(names, len(names)):
        doc_id = name.removesuffix(".tml")
        words = len(read_timeml(DEFAULT_DATA / name).text.split())
        cell = cells[(doc_id[:3], band(words))]
        same_year = two_years and any(kept[8:12] == doc_id[8:12] for kept, _ in cell)
        if words < MIN_WORDS or len(cell) >= 2 or same_year or named_elsewhere(doc_id, own_folder):
            continue
        cell.append((doc_id, words))
        if all(len(kept) >= 2 for kept in cells.values()):
            break
    return cells


def print_cells(cells: Cells) -> None:
    """One line per cell: agency, length, the two (doc id, words) kept."""
    for key, kept in cells.items():
        print(*key, kept)
