"""Event anchoring on TimeBank/AQUAINT: does our trigger for a date name the event a gold TLINK ties it to?

    python -m benchmarks.events [--data ../shared/data/tbaq] [--errors N] [--silver-docs N]
    python -m benchmarks.events --speed        # ms per article, model cold start, memory after loading

Items: every gold DATE/TIME TIMEX3 that a gold TLINK ties to an EVENT in the same sentence (sentences by
our splitter, parses by our model). Our trigger is right when it overlaps one of the linked events.
The trigger ranker is learned, so it is scored by document on the fixed TBAQ split
(`benchmarks/tbaq-split.tsv`): each of the 5 development folds with weights trained on the other four,
and the test part with weights trained on the whole development part (never on test documents); every
training set also holds the first 1,000 te3-silver documents (machine-annotated, weighed 0.3; `--silver-docs 0`
leaves them out). Rules
and features are written looking only at errors of the development folds (`--errors` never prints a test
item). Baselines: "nearest gold EVENT in the sentence" (it knows the gold
events) and "the syntactic head the expression attaches to". Prints a Markdown table.

`--speed` times (CPU time, one thread: run with OMP_NUM_THREADS=1) the whole pipeline (`extract_document`: sentences, tagging, parsing the sentences that
hold a date, triggers, headlines) on every TBAQ article after one warm-up pass, and tagging alone;
then loads the model in a fresh interpreter for its cold-start time and resident memory.
"""

from __future__ import annotations

import argparse
import functools
import statistics
import subprocess
import sys
import time
from pathlib import Path

from timeline import Document, extract_document, read_timeml, tag
from training.tbaq_events import (
    DEFAULT_DATA,
    DEFAULT_SILVER,
    SILVER_DOCS,
    TEST_FOLD,
    Sentence,
    attachment,
    hits,
    load,
    load_silver,
    nearest_gold,
    predict,
    train,
)


def cross_validate(sentences: list[Sentence], silver: list[Sentence] = ()) -> dict[int, dict[str, float]]:
    """Per fold (0: the test part): accuracy (%) of ours (trained on other dev folds and on `silver`, the
    machine-annotated te3-silver documents) and of the baselines."""
    results = {}
    for fold in sorted({s.fold for s in sentences}):
        weights = train([s for s in sentences if s.fold not in (fold, TEST_FOLD)], silver)
        held = [(s, i) for s in sentences if s.fold == fold for i in s.items]
        results[fold] = {
            "items": len(held),
            "ours": _accuracy(held, functools.partial(predict, weights=weights)),
            "nearest gold event": _accuracy(held, nearest_gold),
            "attachment head": _accuracy(held, attachment),
        }
    return results


def _accuracy(items, choose) -> float:
    right = sum(1 for s, i in items if (c := choose(s, i)) is not None and hits(c, i.linked))
    return 100 * right / max(1, len(items))


def show_errors(sentences: list[Sentence], limit: int, silver: list[Sentence] = ()) -> None:
    """Print up to `limit` errors of the development folds (never the test part)."""
    shown = 0
    for fold in sorted({s.fold for s in sentences} - {TEST_FOLD}):
        weights = train([s for s in sentences if s.fold not in (fold, TEST_FOLD)], silver)
        for sentence in (s for s in sentences if s.fold == fold):
            for item in sentence.items:
                guess = predict(sentence, item, weights)
                if guess is not None and hits(guess, item.linked) or shown >= limit:
                    continue
                shown += 1
                doc = sentence.doc
                gold = ", ".join(doc[s:e].text for s, e in item.linked)
                print(f"- {doc[item.timex[0]:item.timex[1]].text!r}: ours {doc[guess].text if guess is not None else None!r}"
                      f" gold {gold!r} | {doc.text}")


def table(results: dict[int, dict[str, float]]) -> str:
    """Markdown: development folds (pooled by item), test part, both pooled by item."""
    dev = [r for f, r in results.items() if f != TEST_FOLD]
    dev_items = sum(r["items"] for r in dev)
    rows = ["| | dev folds (cross-validated) | test part | all items |", "|---|---:|---:|---:|"]
    total = sum(r["items"] for r in results.values())
    for key in ("ours", "nearest gold event", "attachment head"):
        pooled = sum(r[key] * r["items"] for r in results.values()) / total
        dev_pooled = sum(r[key] * r["items"] for r in dev) / dev_items
        rows.append(f"| {key} | {dev_pooled:.1f} | {results[TEST_FOLD][key]:.1f} | {pooled:.1f} |")
    rows.append(f"| items | {dev_items} | {results[TEST_FOLD]['items']} | {total} |")
    return "\n".join(rows)


def speed(data: Path) -> str:
    """Markdown: median/p90 ms per article (whole pipeline and tagging alone), cold start, RSS."""
    documents = [read_timeml(p) for p in sorted(data.glob("*/*.tml"))]
    inputs = [Document(text=d.text, published=d.published, published_source="timeml") for d in documents]
    for document in inputs:  # warm-up: the model loads once, caches fill
        extract_document(document)
    whole, tagging = [], []
    for document in inputs:  # CPU time of this process: the machine is shared, wall time is noisy
        started = time.process_time()
        extract_document(document)
        whole.append(1000 * (time.process_time() - started))
        started = time.process_time()
        tag(document.text, document.published)
        tagging.append(1000 * (time.process_time() - started))
    probe = ("import resource, time; t = time.perf_counter(); c = time.process_time(); "
             "from timeline.events.parse import load_parser; load_parser(); "
             "print(time.perf_counter() - t, time.process_time() - c, "
             "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    cold, cold_cpu, rss = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                               cwd=Path(__file__).resolve().parents[1]).stdout.split()
    quantile = lambda xs, q: sorted(xs)[int(q * (len(xs) - 1))]  # noqa: E731
    return "\n".join([
        "| measure | value |", "|---|---:|",
        f"| articles | {len(inputs)} |",
        f"| whole pipeline, median CPU ms/article | {statistics.median(whole):.1f} |",
        f"| whole pipeline, p90 CPU ms/article | {quantile(whole, 0.9):.1f} |",
        f"| tagging alone, median CPU ms/article | {statistics.median(tagging):.1f} |",
        f"| model cold start (import spaCy + load), s wall / s CPU | {float(cold):.2f} / {float(cold_cpu):.2f} |",
        f"| peak RSS after loading the model, MB | {int(rss) / 1024:.0f} |",
    ])


def main(argv: list[str] | None = None) -> None:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--errors", type=int, default=0, help="print N errors of the development folds")
    parser.add_argument("--speed", action="store_true", help="time the pipeline instead of scoring it")
    parser.add_argument("--silver", type=Path, default=DEFAULT_SILVER, help="te3-silver, extra training data")
    parser.add_argument("--silver-docs", type=int, default=SILVER_DOCS, help="silver documents to train on (0: none)")
    args = parser.parse_args(argv)
    if args.speed:
        print(speed(args.data))
        return
    sentences = load(args.data)
    silver = load_silver(args.silver, args.silver_docs) if args.silver_docs else []
    if args.errors:
        show_errors(sentences, args.errors, silver)
        return
    print(table(cross_validate(sentences, silver)))


if __name__ == "__main__":
    main()
