"""The fixed development/test split of TBAQ, by document, and k folds over the development part.

    python -m benchmarks.split            # print the split's sizes (and check the committed file)
    python -m benchmarks.split --write    # (re)write benchmarks/tbaq-split.tsv from the recipe (done once)

Rules are written and errors are read on `dev` documents only; `test` documents are scored and reported,
never analysed (issue 16: a rule fitted to the documents it is measured on says nothing about unseen news).

The recipe: within each source (TimeBank, AQUAINT, so both are in each part), documents are ordered by
SHA-256 of "<SEED>:<doc id>"; the first 30% (rounded) are `test`, the rest `dev`, and the dev documents
are dealt in that order into FOLDS folds (fold = position % FOLDS + 1), so every fold holds both sources.
The result is committed as data (`benchmarks/tbaq-split.tsv`: doc id, source, part, fold) and read from
there, so the split never changes, whatever the corpus or this code becomes.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

SEED = "timeline-issue-16"
TEST_SHARE = 0.3
FOLDS = 5
SPLIT_FILE = Path(__file__).resolve().parent / "tbaq-split.tsv"
PARTS = ("dev", "test")
_HEADER = "doc_id\tsource\tpart\tfold"


@dataclass(frozen=True)
class Assignment:
    """Where one document belongs: its source, `dev` or `test`, and its dev fold (0 for test)."""

    doc_id: str
    source: str
    part: str
    fold: int


def _order(doc_id: str) -> str:
    return hashlib.sha256(f"{SEED}:{doc_id}".encode()).hexdigest()


def make_split(sources: Mapping[str, Iterable[str]]) -> dict[str, Assignment]:
    """The recipe: {doc id: Assignment} for documents grouped by source ({source: doc ids})."""
    split: dict[str, Assignment] = {}
    for source, doc_ids in sources.items():
        ordered = sorted(doc_ids, key=_order)
        n_test = round(TEST_SHARE * len(ordered))
        for doc_id in ordered[:n_test]:
            split[doc_id] = Assignment(doc_id, source, "test", 0)
        for position, doc_id in enumerate(ordered[n_test:]):
            split[doc_id] = Assignment(doc_id, source, "dev", position % FOLDS + 1)
    return split


def write_split(split: Mapping[str, Assignment], path: Path = SPLIT_FILE) -> None:
    """The split as TSV, one document a line, sorted by source then doc id."""
    rows = sorted(split.values(), key=lambda a: (a.source, a.doc_id))
    lines = [_HEADER, *(f"{a.doc_id}\t{a.source}\t{a.part}\t{a.fold}" for a in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def load_split(path: Path = SPLIT_FILE) -> dict[str, Assignment]:
    """The committed split; ValueError if the file is malformed."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or lines[0] != _HEADER:
        raise ValueError(f"{path}: expected the header {_HEADER!r}")
    split = {}
    for number, line in enumerate(lines[1:], start=2):
        doc_id, source, part, fold = line.split("\t")
        if part not in PARTS or not fold.isdigit():
            raise ValueError(f"{path}:{number}: bad part or fold in {line!r}")
        split[doc_id] = Assignment(doc_id, source, part, int(fold))
    return split


def read_parts(path: Path) -> dict[str, str]:
    """A blind set's `split.tsv` (columns doc_id, part): doc id -> part ("dev" or "held"), in the file's order."""
    with open(path, encoding="utf-8", newline="") as f:
        return {row["doc_id"]: row["part"] for row in csv.DictReader(f, delimiter="\t")}


def select(doc_ids: Iterable[str], part: str, split: Mapping[str, Assignment] | None = None) -> set[str]:
    """The doc ids of one part ("dev", "test", or "all"); a document missing from the split is in none."""
    if part == "all":
        return set(doc_ids)
    split = load_split() if split is None else split
    return {d for d in doc_ids if d in split and split[d].part == part}


def main(argv: list[str] | None = None) -> int:
    """CLI entry point; returns the exit code."""
    from benchmarks.tbaq import DEFAULT_DATA, load

    parser = argparse.ArgumentParser(prog="python -m benchmarks.split", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="TBAQ directory (default: %(default)s)")
    parser.add_argument("--write", action="store_true", help=f"write {SPLIT_FILE.name} from the recipe")
    args = parser.parse_args(argv)
    try:
        sources = {c.name: [d.doc_id for d in c.documents] for c in load(args.data)}
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    recipe = make_split(sources)
    if args.write:
        write_split(recipe)
    committed = load_split()
    for source in sources:
        for part in PARTS:
            rows = [a for a in committed.values() if a.source == source and a.part == part]
            folds = sorted({a.fold for a in rows if a.fold})
            print(f"{source:9} {part:4} {len(rows):4} documents" + (f", folds {folds}" if folds else ""))
    if committed != recipe:
        print(f"warning: {SPLIT_FILE.name} differs from the recipe on this corpus", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
