"""Every blind set's TempEval-3 figures in one table: ours beside HeidelTime's cached output (issue 16).

    python -m benchmarks.blind_sets [--before TREE] [--markdown] [--sets REGEX]

One row per part of each set, strict / relaxed / value F1 (%, `benchmarks/scorer.py`) with the gold and system
counts, for HeidelTime 2.2.1 (its cached output in `benchmarks/cache/`; never run here) and ours:
- TBAQ dev and the untouched test part (`benchmarks/tbaq-split.tsv`, as `python -m benchmarks.compare --splits-only`);
- each te3-silver blind set (`benchmarks/te3-silver-blind*`), all and held, then pooled: the nine first sets
  (blind..blind9, the rows reported before blind10 came) and every set;
- each web set (`benchmarks/web-articles*`), all, dev and held (each folder's `split.tsv`: its README's split, fixed
  before the first score; the four folders without a README are one part each, as RESULTS.md used them:
  `web-articles` dev (the rules were written on it), `web-articles-fresh` dev (written after them and first only
  scored, but its errors were read in stop 33, extent21), `web-articles-intl` dev, `web-articles-intl-fresh` held),
  then every web set pooled;
- each Wikinews and hand-cases blind set (`benchmarks/wikinews-blind*`, `hand-cases-blind*`: `dev.tsv`, `held.tsv`);
- last, every held part of every blind set pooled (TBAQ's test part is not a blind set and stays out).

Pooled rows are micro-averaged: the counts of every document are summed before P/R/F1 are computed (as the scorer's
`Scores` adds up), so a set weighs by its timexes. Only scores are printed: no gold, output or error of any part.

Our timexes come from a subprocess run in the tree (`cwd`), so that it imports that tree's `timeline`: this tree's,
and with `--before TREE` another checkout's too, both on this tree's gold and text (the two run side by side).
A document goes through the whole pipeline (`benchmarks.tbaq.tag`, as the sets' own modules score it); a Wikinews or
hand-cases sentence through `timeline.tag`, as `benchmarks.wikinews_openings` does. `--sets REGEX` keeps the sets whose
name matches (`re.search`: "tbaq", "te3-silver-blind3", "web-articles-modern2", "wikinews-blind", ...); `--markdown`
prints a Markdown table for RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from benchmarks import compare, heideltime, silver_blind, split, tbaq, web_articles, wikinews_openings
from benchmarks.scorer import Mention, Scores, mentions, score
from timeline import TimemlDocument

REPO = Path(__file__).resolve().parents[1]
BENCHMARKS = REPO / "benchmarks"
CACHE = BENCHMARKS / "cache"
HELD = "held"
# the te3-silver sets pooled as "nine sets" before blind10 came (stop 36); pooled on their own for comparison
SILVER_FIRST_NINE = ("te3-silver-blind", *(f"te3-silver-blind{n}" for n in range(2, 10)))


@dataclass(frozen=True)
class Item:
    """One scored unit of a set: a document (tagged by the whole pipeline) or a sentence (by `timeline.tag`)."""

    key: str  # "<set>/<doc id>", unique over every set, so sets pool without clashes
    doc_id: str
    part: str  # "dev" or "held"; TBAQ "dev" or "test"
    text: str
    published: date | None
    gold: tuple[Mention, ...]
    heideltime: tuple[Mention, ...]
    sentence: bool = False


@dataclass(frozen=True)
class BlindSet:
    """A set's name, its kind ("tbaq", "te3-silver", "web", "sentences") and its items."""

    name: str
    kind: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Row:
    """One line of the table: a set (or a pool) and a part, and the items it scores."""

    name: str
    part: str
    items: tuple[Item, ...]


# --- loading: each set through its own module's loader ------------------------------------------------------------

def _documents(name: str, kind: str, documents: Iterable[TimemlDocument], parts: Mapping[str, str],
               theirs: Mapping[str, Sequence[Mention]]) -> BlindSet:
    items = []
    for doc in documents:
        if doc.doc_id not in parts:
            raise ValueError(f"{name}: {doc.doc_id} is in no part of the split")
        items.append(Item(f"{name}/{doc.doc_id}", doc.doc_id, parts[doc.doc_id], doc.text, doc.published,
                          tuple(mentions(doc.gold)), tuple(theirs.get(doc.doc_id, ()))))
    return BlindSet(name, kind, tuple(items))


def load_tbaq() -> BlindSet:
    """TBAQ's dev and test parts (`benchmarks/tbaq-split.tsv`), HeidelTime from `cache/heideltime-tbaq.json`."""
    corpora = tbaq.load(tbaq.DEFAULT_DATA)
    scopes = compare.split_scopes(corpora, split.load_split())
    documents = [doc for part in split.PARTS for doc in scopes[part]]
    parts = {doc.doc_id: part for part in split.PARTS for doc in scopes[part]}
    return _documents("tbaq", "tbaq", documents, parts, heideltime.cached_mentions(documents, heideltime.DEFAULT_OUT))


def load_silver(set_dir: Path) -> BlindSet:
    """A te3-silver blind set (its `gold.tsv`, `split.tsv`; the texts in ../shared/data/te3-silver)."""
    documents = silver_blind.load(silver_blind.DEFAULT_DATA, set_dir)
    theirs = heideltime.cached_mentions(documents, silver_blind.HEIDELTIME_CACHE)
    return _documents(set_dir.name, "te3-silver", documents, silver_blind.read_split(set_dir / "split.tsv"), theirs)


def load_web(set_dir: Path) -> BlindSet:
    """A web set: its pages, `split.tsv` and `cache/heideltime-<set>.json`."""
    documents = [doc for doc, _ in web_articles.load(set_dir)]
    theirs = heideltime.cached_mentions(documents, CACHE / f"heideltime-{set_dir.name}.json")
    return _documents(set_dir.name, "web", documents, web_articles.read_split(set_dir), theirs)


def load_sentences(set_dir: Path) -> BlindSet:
    """A Wikinews or hand-cases blind set: `dev.tsv` and `held.tsv`, `cache/heideltime-<set>.json`."""
    cache = heideltime.load(CACHE / f"heideltime-{set_dir.name}.json")
    items = []
    for part in ("dev", HELD):
        openings = wikinews_openings.read_openings((set_dir / f"{part}.tsv",))
        theirs = wikinews_openings.cached_mentions(openings, cache)
        items += [Item(f"{set_dir.name}/{key}", key, part, opening.sentence, opening.published,
                       tuple(opening.gold), tuple(theirs[key]), sentence=True) for key, opening in openings.items()]
    return BlindSet(set_dir.name, "sentences", tuple(items))


def _numbered(pattern: str) -> list[Path]:
    """Folders matching `pattern` under benchmarks/, "x" before "x2" before "x10"."""
    def order(path: Path) -> tuple[str, int]:
        match = re.fullmatch(r"(.*?)(\d*)", path.name)
        return match[1], int(match[2] or 1)
    return sorted((p for p in BENCHMARKS.glob(pattern) if p.is_dir()), key=order)


def sources() -> list[tuple[str, Callable[[], BlindSet]]]:
    """(name, loader) of every set, in the table's order."""
    found: list[tuple[str, Callable[[], BlindSet]]] = [("tbaq", load_tbaq)]
    for pattern, loader in (("te3-silver-blind*", load_silver), ("web-articles*", load_web),
                            ("wikinews-blind*", load_sentences), ("hand-cases-blind*", load_sentences)):
        found += [(path.name, lambda path=path, loader=loader: loader(path)) for path in _numbered(pattern)]
    return found


def load_sets(pattern: str | None = None) -> list[BlindSet]:
    """Every set whose name matches `pattern` (`re.search`; every set without one)."""
    return [load() for name, load in sources() if pattern is None or re.search(pattern, name)]


# --- the rows ------------------------------------------------------------------------------------------------------

def _part(items: Iterable[Item], part: str) -> tuple[Item, ...]:
    return tuple(i for i in items if part == "all" or i.part == part)


def _set_rows(blind_set: BlindSet) -> list[Row]:
    items = blind_set.items
    if blind_set.kind == "tbaq":
        return [Row("TBAQ", part, _part(items, part)) for part in split.PARTS]
    if blind_set.kind == "te3-silver":
        return [Row(blind_set.name, part, _part(items, part)) for part in ("all", HELD)]
    parts = ("all", "dev", HELD) if blind_set.kind == "web" else ("dev", HELD)
    if len({i.part for i in items}) == 1:  # a set of one part (web-articles, -fresh, -intl, -intl-fresh)
        return [Row(blind_set.name, f"{items[0].part} (all)", items)]
    return [Row(blind_set.name, part, _part(items, part)) for part in parts]


def _pool(name: str, sets: Sequence[BlindSet], parts: Sequence[str]) -> list[Row]:
    """Rows pooling `sets`, one per part that at least two of them have."""
    rows = []
    for part in parts:
        having = [s for s in sets if _part(s.items, part)]
        if len(having) >= 2:
            rows.append(Row(f"{name}, {len(having)} sets pooled", part, _part((i for s in having for i in s.items), part)))
    return rows


def build_rows(sets: Sequence[BlindSet]) -> list[Row]:
    """Each set's rows, the pooled rows after each kind, and last every blind set's held part pooled."""
    rows: list[Row] = []
    for kind in ("tbaq", "te3-silver", "web", "sentences"):
        of_kind = [s for s in sets if s.kind == kind]
        for blind_set in of_kind:
            rows += _set_rows(blind_set)
        if kind == "te3-silver":
            first = [s for s in of_kind if s.name in SILVER_FIRST_NINE]
            if len(first) < len(of_kind):
                rows += _pool("te3-silver-blind..blind9", first, ("all", HELD))
            rows += _pool("te3-silver-blind*", of_kind, ("all", HELD))
        if kind == "web":
            rows += _pool("web-articles*", of_kind, ("all", "dev", HELD))
    rows += _pool("every blind set's held part", [s for s in sets if s.kind != "tbaq"], (HELD,))
    return rows


def score_row(row: Row, system: Mapping[str, Sequence[Mention]]) -> Scores:
    """The row's pooled scores: every item's counts summed (micro), `system` giving each item's mentions by key."""
    return score({i.key: i.gold for i in row.items}, {i.key: system[i.key] for i in row.items})


# --- tagging, in a subprocess of the tree being measured -----------------------------------------------------------

# Run with cwd=TREE, so `timeline` and `benchmarks.tbaq` are that tree's. stdin: [[key, doc id, text, published,
# sentence?], ...]; writes {"mentions": {key: [[start, end, type, value], ...]}, "failures": [key, ...], "timeline":
# the file of the timeline it imported} to argv[1].
_WORKER = """\
import json, sys
from datetime import date
from benchmarks.tbaq import tag as tag_document
from timeline import TimemlDocument, tag as tag_sentence
found, failures = {}, []
for key, doc_id, text, published, sentence in json.load(sys.stdin):
    day = date.fromisoformat(published) if published else None
    try:
        timexes = tag_sentence(text, day) if sentence else tag_document(TimemlDocument(doc_id, text, day, ()))
    except Exception:
        timexes = ()
        failures.append(key)
    found[key] = [(t.start, t.end, getattr(t.type, "value", t.type), t.value) for t in timexes]
with open(sys.argv[1], "w", encoding="utf-8") as out:
    json.dump({"mentions": found, "failures": failures, "timeline": sys.modules["timeline"].__file__}, out)
"""


@dataclass(frozen=True)
class Tagged:
    """One tree's mentions per item key, the keys its tagger raised on, and the seconds it took."""

    mentions: dict[str, list[Mention]]
    failures: list[str]
    seconds: float


def tag_in_tree(items: Sequence[Item], tree: Path) -> Tagged:
    """Our mentions for every item from the tagger of `tree` (a subprocess with `cwd=tree`)."""
    requests = [[i.key, i.doc_id, i.text, i.published.isoformat() if i.published else None, i.sentence]
                for i in items]
    began = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "mentions.json"
        run = subprocess.run([sys.executable, "-c", _WORKER, str(out)], cwd=tree, input=json.dumps(requests),
                             text=True, capture_output=True)
        if run.returncode:
            last = (run.stderr.strip().splitlines() or ["no message"])[-1]
            raise RuntimeError(f"the tagger of {tree} stopped (exit code {run.returncode}): {last}")
        result = json.loads(out.read_text(encoding="utf-8"))
    if not Path(result["timeline"]).resolve().is_relative_to(tree.resolve()):
        raise RuntimeError(f"the subprocess in {tree} imported {result['timeline']}, not that tree's timeline")
    found = {key: [tuple(m) for m in ms] for key, ms in result["mentions"].items()}
    return Tagged(found, result["failures"], time.perf_counter() - began)


# --- the table -----------------------------------------------------------------------------------------------------

def _triple(scores: Scores) -> str:
    row = scores.row()
    return f"{row['strict_f1']:.2f} / {row['relaxed_f1']:.2f} / {row['value_f1']:.2f}"


def _delta(after: Scores, before: Scores) -> str:
    if after == before:
        return "="
    a, b = after.row(), before.row()
    return " / ".join(f"{a[k] - b[k]:+.2f}" for k in ("strict_f1", "relaxed_f1", "value_f1"))


def format_table(rows: Sequence[Row], systems: Mapping[str, Mapping[str, Sequence[Mention]]], markdown: bool) -> str:
    """The table: per row the item and gold counts, then per system (HeidelTime first) its system count and strict /
    relaxed / value F1; with two of ours ("before", "after"), the change; with one, our value F1 lead."""
    names = list(systems)
    header = ["set", "part", "docs", "gold"]
    for name in names:
        header += [f"{name} sys", f"{name} strict / relaxed / value"]
    header.append("after − before" if "before" in systems else "value lead")
    lines = [header]
    for row in rows:
        scores = {name: score_row(row, system) for name, system in systems.items()}
        cells = [row.name, row.part, str(len(row.items)), str(scores[names[0]].gold)]
        for name in names:
            cells += [str(scores[name].system), _triple(scores[name])]
        if "before" in systems:
            cells.append(_delta(scores["after"], scores["before"]))
        else:
            lead = scores[names[-1]].row()["value_f1"] - scores[names[0]].row()["value_f1"]
            cells.append(f"{lead:+.2f}")
        lines.append(cells)
    return compare.render_table(lines, markdown, text_columns=2)


def main(argv: list[str] | None = None) -> int:
    """CLI entry point; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.blind_sets", description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, metavar="TREE", help="also score this checkout's tagger (same gold)")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--sets", metavar="REGEX", help="only the sets whose name matches (re.search)")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    try:
        if args.before is not None and not (args.before / "timeline").is_dir():
            raise ValueError(f"{args.before}: no timeline/ package there")
        sets = load_sets(args.sets)
        if not sets:
            raise ValueError(f"no set matches {args.sets!r}")
        items = [item for s in sets for item in s.items]
        trees = {"before": args.before, "after": REPO} if args.before is not None else {"ours": REPO}
        with ThreadPoolExecutor(len(trees)) as pool:
            runs = dict(zip(trees, pool.map(lambda tree: tag_in_tree(items, tree), trees.values()), strict=True))
    except (ValueError, OSError, RuntimeError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    systems = {"HeidelTime": {i.key: list(i.heideltime) for i in items}}
    systems.update({name: run.mentions for name, run in runs.items()})
    print(format_table(build_rows(sets), systems, args.markdown))
    print("\nF1 in % (strict / relaxed / value, TempEval-3 scorer); docs = documents or sentences. Pooled rows are "
          "micro-averaged: every document's counts summed, then P/R/F1. HeidelTime 2.2.1 from benchmarks/cache/.")
    for name, run in runs.items():
        tree = trees[name].resolve()
        print(f"{name}: tagger of {tree}, {len(items)} documents in {run.seconds:.1f} s")
        if run.failures:  # set names only: a sentence's key is its text
            where = Counter(key.split("/")[0] for key in run.failures)
            print(f"warning: {name}'s tagger raised on {len(run.failures)} documents, scored as tagged with nothing: "
                  + ", ".join(f"{s} {n}" for s, n in where.items()), file=sys.stderr)
    print(f"whole run {time.perf_counter() - began:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
