"""Our tagger on TBAQ-cleaned (TempEval-3 training data): TE3 scores and throughput.

    python -m benchmarks.tbaq [--data ../shared/data/tbaq] [--json OUT.json] [--predictions PRED.json]

Prints one Markdown table (TimeBank, AQUAINT, pooled: strict/relaxed P/R/F1, value and type
accuracy and F1, in %) and the steady-state throughput on one core of the temporal tagger alone and of
the whole pipeline (every document is tagged once as a warm-up, then each is timed again with
time.perf_counter; benchmarks/tagger_speed.py measures the tagger's CPU time).
`--predictions` writes {doc_id: [{"start", "end", "text", "type", "value", "rule"}]}, the format
`python -m benchmarks.errors --other` reads.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.scorer import Scores, format_table, mentions, score
from timeline import Document, TimemlDocument, Timex, extract_document, load_ruleset, read_timeml
from timeline import tag as tag_text

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "tbaq"
CORPORA = ("TimeBank", "AQUAINT")


@dataclass(frozen=True)
class Corpus:
    """The gold documents of one TBAQ part."""

    name: str
    documents: tuple[TimemlDocument, ...]


def load(data: Path) -> list[Corpus]:
    """Read TimeBank/*.tml and AQUAINT/*.tml under `data`; ValueError if neither is there."""
    corpora = [Corpus(name, tuple(read_timeml(p) for p in sorted((data / name).glob("*.tml"))))
               for name in CORPORA]
    if not any(c.documents for c in corpora):
        raise ValueError(f"{data}: no TimeBank/*.tml or AQUAINT/*.tml files (use --data DIR)")
    return [c for c in corpora if c.documents]


def tag(doc: TimemlDocument) -> tuple[Timex, ...]:
    """Our timexes for a gold document's text, anchored on its DCT: the whole pipeline (`extract_document`:
    sentences, timexes, events and their headlines)."""
    document = Document(text=doc.text, published=doc.published,
                        published_source="timeml" if doc.published else None, name=doc.doc_id)
    return extract_document(document).timexes


def timexes(doc: TimemlDocument) -> tuple[Timex, ...]:
    """The same timexes from the temporal tagger alone: the call `extract_document` makes for them (it adds a
    limit of at least 500, which no TBAQ document reaches; tests/test_tagger_speed.py checks they are equal)."""
    return tuple(tag_text(doc.text, doc.published, load_ruleset()))


def predict(corpora: list[Corpus]) -> tuple[dict[str, tuple[Timex, ...]], dict[str, str]]:
    """Our timexes for every document by doc id, and the documents where the tagger raised.

    A failing document counts as tagged with nothing, so one bug does not hide every figure.
    """
    predictions: dict[str, tuple[Timex, ...]] = {}
    failures: dict[str, str] = {}
    for doc in (d for corpus in corpora for d in corpus.documents):
        try:
            predictions[doc.doc_id] = tag(doc)
        except Exception as err:  # report and go on
            predictions[doc.doc_id] = ()
            failures[doc.doc_id] = f"{type(err).__name__}: {err}"
    return predictions, failures


def report_failures(failures: dict[str, str]) -> None:
    """One line per failing document on stderr."""
    for doc_id, message in failures.items():
        print(f"warning: tagger failed on {doc_id}: {message}", file=sys.stderr)


def evaluate(corpora: list[Corpus], predictions: dict[str, tuple[Timex, ...]]) -> dict[str, Scores]:
    """Scores per corpus, then pooled."""
    rows: dict[str, Scores] = {}
    for corpus in corpora:
        gold = {d.doc_id: mentions(d.gold) for d in corpus.documents}
        rows[corpus.name] = score(gold, {d.doc_id: mentions(predictions[d.doc_id]) for d in corpus.documents})
    rows["pooled"] = sum(rows.values(), Scores())
    return rows


def throughput(documents: list[TimemlDocument], run: Callable[[TimemlDocument], object] = tag) -> dict[str, float]:
    """Steady-state speed of `run` (the whole pipeline, or `timexes`): time each (already warmed-up) document once."""
    times = []
    for doc in documents:
        began = time.perf_counter()
        run(doc)
        times.append(time.perf_counter() - began)
    total = sum(times)
    kilobytes = sum(len(d.text.encode("utf-8")) for d in documents) / 1024
    ordered = sorted(times)
    return {
        "documents": len(documents),
        "seconds": round(total, 3),
        "docs_per_s": round(len(documents) / total, 2),
        "kb_per_s": round(kilobytes / total, 2),
        "median_ms": round(1000 * statistics.median(times), 2),
        "p95_ms": round(1000 * ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 2),
    }


def predictions_json(predictions: dict[str, tuple[Timex, ...]]) -> dict[str, list[dict]]:
    """The --predictions format."""
    return {
        doc_id: [{"start": t.start, "end": t.end, "text": t.text, "type": getattr(t.type, "value", t.type),
                  "value": t.value, "rule": t.rule} for t in timexes]
        for doc_id, timexes in predictions.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.tbaq", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="TBAQ-cleaned directory")
    parser.add_argument("--json", type=Path, help="save the scores and throughput here")
    parser.add_argument("--predictions", type=Path, help="save our timexes per document here")
    args = parser.parse_args(argv)
    try:
        corpora = load(args.data)
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    predictions, failures = predict(corpora)  # also the warm-up for the timing below
    report_failures(failures)
    rows = evaluate(corpora, predictions)
    timed = [doc for corpus in corpora for doc in corpus.documents if doc.doc_id not in failures]
    for doc in timed:
        timexes(doc)  # the tagger's warm-up
    speed, tagger_speed = throughput(timed), throughput(timed, timexes)
    print(format_table(rows))
    print()
    if failures:
        print(f"The tagger failed on {len(failures)} documents (scored as empty, not timed).")
    for name, numbers in (("temporal tagger (timexes)", tagger_speed), ("whole pipeline (extract_document)", speed)):
        print(f"Throughput, {name} (one core, {numbers['documents']} documents, steady state, wall time): "
              f"{numbers['docs_per_s']:.2f} docs/s, {numbers['kb_per_s']:.2f} KB/s, "
              f"median {numbers['median_ms']:.2f} ms/doc, p95 {numbers['p95_ms']:.2f} ms/doc")
    if args.json:
        numbers = {"scores": {name: s.row() for name, s in rows.items()}, "throughput": speed,
                   "tagger_throughput": tagger_speed, "failures": failures}
        args.json.write_text(json.dumps(numbers, indent=2) + "\n", encoding="utf-8")
    if args.predictions:
        dumped = json.dumps(predictions_json(predictions), indent=1)
        args.predictions.write_text(dumped + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
