"""Sixteen real AFP/Xinhua articles annotated blind: our tagger and HeidelTime, TempEval-3 scores.

    python -m benchmarks.silver_blind [--data benchmarks/te3-silver-blind2] [--texts ../shared/data/te3-silver]
                                      [--errors]

A set is a folder with `gold.tsv` (doc id, start, end, expression, type, value; offsets into the text
`timeline.timeml.read_timeml` gives) and `split.tsv` (10 dev, 6 held back); how each was drawn and annotated is
its README. The default set is `benchmarks/te3-silver-blind/`; `--data` names another (`te3-silver-blind2`).
The texts are licensed and stay in
`../shared/data/te3-silver` (read by doc id here; te3-silver's own silver tags are never used). HeidelTime's
predictions come from the cache `benchmarks/cache/heideltime-te3silver.json` (HeidelTime 2.2.1 on all of
te3-silver, offsets into the same text). Prints one Markdown table (all, dev, held; ours and HeidelTime)
with `benchmarks/scorer.py`. `--errors` lists the timexes that are not right on the dev documents only.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from benchmarks import heideltime
from benchmarks.scorer import Scores, format_table, mentions, score
from benchmarks.split import read_parts as read_split
from benchmarks.tbaq import tag
from benchmarks.web_articles import _errors
from timeline import TimemlDocument, Timex, TimexType, read_timeml

REPO = Path(__file__).resolve().parents[1]
SET_DIR = REPO / "benchmarks" / "te3-silver-blind"
DEFAULT_DATA = REPO.parent / "shared" / "data" / "te3-silver"
HEIDELTIME_CACHE = REPO / "benchmarks" / "cache" / "heideltime-te3silver.json"


def load(data: Path = DEFAULT_DATA, set_dir: Path = SET_DIR) -> list[TimemlDocument]:
    """The split's documents with their blind gold; ValueError when a gold span's text is not its expression."""
    gold: dict[str, list[Timex]] = {}
    with open(set_dir / "gold.tsv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            start, end = int(row["start"]), int(row["end"])
            timex = Timex(row["expression"], start, end, TimexType(row["type"]), row["value"])
            gold.setdefault(row["doc_id"], []).append(timex)
    documents = []
    for doc_id in read_split(set_dir / "split.tsv"):
        source = read_timeml(Path(data) / f"{doc_id}.tml")
        for t in gold.get(doc_id, []):
            if source.text[t.start : t.end] != t.text:
                raise ValueError(f"{doc_id} [{t.start}:{t.end}]: gold {t.text!r}, text {source.text[t.start:t.end]!r}")
        documents.append(TimemlDocument(doc_id=doc_id, text=source.text, published=source.published,
                                        gold=tuple(sorted(gold.get(doc_id, []), key=lambda t: t.start))))
    return documents


def main(argv: list[str] | None = None) -> int:
    """CLI entry point; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.silver_blind", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SET_DIR, help="set folder: gold.tsv, split.tsv (default: %(default)s)")
    parser.add_argument("--texts", type=Path, default=DEFAULT_DATA, help="te3-silver folder (default: %(default)s)")
    parser.add_argument("--heideltime", type=Path, default=HEIDELTIME_CACHE, help="HeidelTime cache file")
    parser.add_argument("--errors", action="store_true", help="list every timex that is not right (dev only)")
    args = parser.parse_args(argv)
    documents = load(args.texts, args.data)
    split = read_split(args.data / "split.tsv")
    gold = {doc.doc_id: mentions(doc.gold) for doc in documents}
    ours = {doc.doc_id: mentions(tag(doc)) for doc in documents}
    theirs = heideltime.cached_mentions(documents, args.heideltime)
    rows: dict[str, Scores] = {}
    for part in ("all", "dev", "held"):
        ids = [d for d in gold if part in ("all", split[d])]
        rows[f"{part} ({len(ids)}) · HeidelTime 2.2.1"] = score({i: gold[i] for i in ids}, {i: theirs[i] for i in ids})
        rows[f"{part} ({len(ids)}) · ours"] = score({i: gold[i] for i in ids}, {i: ours[i] for i in ids})
    print(
        f"{len(documents)} articles, {sum(len(v) for v in gold.values())} gold timexes, "
        f"{sum(len(d.text.split()) for d in documents)} words"
    )
    print(format_table(rows))
    if args.errors:
        for doc in (d for d in documents if split[d.doc_id] == "dev"):
            for line in _errors(doc, gold[doc.doc_id], ours[doc.doc_id], "ours"):
                print(line)
            for line in _errors(doc, gold[doc.doc_id], theirs[doc.doc_id], "HT"):
                print(line, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
