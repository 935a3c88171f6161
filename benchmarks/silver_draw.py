"""A stratified draw of te3-silver articles for a new blind set (issue 16): two per agency x length cell.

The draws of `benchmarks/te3-silver-blind11/` and `-blind12/` (each folder's `draw.py` gives its seed) walk
`random.Random(seed).sample(sorted(te3-silver file names), all)`, skipping texts under 80 words and any doc id named
under `benchmarks/` or `tests/` (the set's own folder and the caches excepted), and keep the first two of each cell:
AFP / XIN x short (< 200 words) / medium (200-399) / long (400+); with `two_years`, the second only if its year
differs from the first's. The first kept in a cell is dev.
"""

from __future__ import annotations

import itertools
import random
import re
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


# te3-silver-blind13's genres, told apart by their words (the genre with the most hits, at least 3 and twice the
# next one's; otherwise no genre); the rarest genre is filled first, so that every agency x genre cell gets one text
GENRE_WORDS = {
    "weather": r"rain(s|fall)?|storms?|typhoons?|floods?|flooding|snow(fall)?|temperatures?|weather|drought|"
               r"hurricanes?|cyclones?|heat ?wave|winds?|monsoon|blizzards?|celsius|forecasters?",
    "markets": r"shares?|stocks?|index|indices|bourse|Nikkei|Dow|Hang Seng|points|trading|traders|dealers|yen|dollar|"
               r"euro|crude|futures|bonds?",
    "sport": r"match|goals?|championships?|tournament|coach|[Cc]up|seeds?|semi-finals?|final|Olympics?|medals?|"
             r"football|soccer|tennis|striker|league|players?|scored|team",
    "business": r"compan(y|ies)|profits?|revenues?|sales|firms?|investments?|investors|merger|acquisition|billion|"
                r"exports?|imports?|economy|economic|industry|market share|chief executive|products?",
    "politics": r"elections?|parliament(ary)?|party|parties|vote[sd]?|voters|opposition|cabinet|prime minister|"
                r"president|senate|lawmakers|coalition|polls?",
    "conflict": r"killed|troops|soldiers|rebels?|militants?|bomb(ing|s)?|attacks?|army|insurgents?|fighting|wounded|"
                r"clashes|police|explosion|war",
}
GENRE_PATTERNS = {genre: re.compile(rf"\b({words})\b") for genre, words in GENRE_WORDS.items()}
AGENCIES = ("AFP", "XIN")
BANDS = ("short", "medium", "long")


def genre(text: str) -> str | None:
    """The genre whose words a text uses most (at least 3 hits and twice the runner-up's), or None."""
    hits = sorted(((len(pattern.findall(text)), name) for name, pattern in GENRE_PATTERNS.items()), reverse=True)
    (top, name), (second, _) = hits[0], hits[1]
    return name if top >= 3 and top >= 2 * second else None


def draw_genre_cells(seed: int, own_folder: str) -> dict[tuple[str, str], tuple[str, int]]:
    """One (doc id, words) per agency x genre cell, each agency two texts per length band and per year at most
    ceil(6 / its years); cells filled rarest genre first, each by the first text of the seeded walk that fits."""
    names = sorted(p.name for p in DEFAULT_DATA.glob("*.tml"))
    walk = random.Random(seed).sample(names, len(names))
    texts = {name: read_timeml(DEFAULT_DATA / name).text for name in names}
    years = {agency: {name[8:12] for name in names if name.startswith(agency)} for agency in AGENCIES}
    per_year = {agency: -(-6 // len(years[agency])) for agency in AGENCIES}
    kept: dict[tuple[str, str], tuple[str, int]] = {}
    for genre_name in GENRE_WORDS:
        for agency in AGENCIES:
            for name in walk:
                doc_id, words = name.removesuffix(".tml"), len(texts[name].split())
                same = [kept_text for (kept_agency, _), kept_text in kept.items() if kept_agency == agency]
                if (not doc_id.startswith(agency) or words < MIN_WORDS or genre(texts[name]) != genre_name
                        or sum(band(kept_words) == band(words) for _, kept_words in same) >= 2
                        or sum(kept_id[8:12] == doc_id[8:12] for kept_id, _ in same) >= per_year[agency]
                        or named_elsewhere(doc_id, own_folder)):
                    continue
                kept[(agency, genre_name)] = (doc_id, words)
                break
    return kept


def genre_split(kept: dict[tuple[str, str], tuple[str, int]]) -> dict[str, str]:
    """Doc id -> dev/held: in each genre one agency's text is dev, the other's held; the first choice (genres in
    GENRE_WORDS order, AFP dev before XIN dev) in which each agency's dev texts are one of each length band."""
    genres = [name for name in GENRE_WORDS if all((agency, name) in kept for agency in AGENCIES)]
    for dev_agencies in itertools.product(AGENCIES, repeat=len(genres)):
        dev = {kept[(agency, name)][0] for agency, name in zip(dev_agencies, genres, strict=True)}
        bands = {agency: sorted(band(words) for (kept_agency, _), (doc_id, words) in kept.items()
                                if kept_agency == agency and doc_id in dev) for agency in AGENCIES}
        if all(found == sorted(BANDS) for found in bands.values()):
            return {doc_id: "dev" if doc_id in dev else "held" for doc_id, _ in kept.values()}
    raise ValueError("no split gives each agency's dev part one text of each length band")


def print_genre_draw(seed: int, own_folder: str) -> None:
    """One line per drawn text (agency, genre, doc id, words, length band, part): `draw_genre_cells` + `genre_split`."""
    kept = draw_genre_cells(seed, own_folder)
    parts = genre_split(kept)
    for (agency, genre_name), (doc_id, words) in kept.items():
        print(agency, genre_name, doc_id, words, band(words), parts[doc_id])
