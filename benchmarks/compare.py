"""Our tagger next to HeidelTime 2.2.1 on TBAQ: one table of TempEval-3 scores and time per document.

    python -m benchmarks.compare [--data ../shared/data/tbaq] [--heideltime benchmarks/cache/heideltime-tbaq.json]
                                 [--run-heideltime] [--markdown] [--save-ours PRED.json] [--splits-only]

Rows: TimeBank, AQUAINT and pooled, each for HeidelTime and for ours. Columns: gold and system counts,
strict and relaxed P/R/F1, value and type accuracy and F1 (%, benchmarks/scorer.py), median steady-state
milliseconds per document of temporal tagging (ours: `timeline.tag`, the call that makes the TIMEX3s; HeidelTime:
one tagging request), start-up plus first document, and how many times faster than HeidelTime. A line under the
table gives our whole pipeline per document too (`extract_document`: sentences, timexes, events, headlines).

A second table, the split report, scores both taggers on the fixed development/test split
(benchmarks/split.py): dev, test, each part per source, and each dev fold; F1 only, HeidelTime beside ours,
and our value-F1 lead. `--splits-only` prints just that table (no timing run: a few seconds).

HeidelTime's predictions and timings come from the committed cache (no Java needed); `--run-heideltime`
reruns it first (see benchmarks/heideltime.py for what that needs). Ours run live: every document is tagged
once (predictions and warm-up), then timed once more, on one core (wall time, as HeidelTime's; CPU time of the
tagger alone: benchmarks/tagger_speed.py); our start-up is a fresh Python process starting, importing timeline and
tagging the document HeidelTime's run began with.
`--save-ours` writes our predictions as {doc_id: [{"start", "end", "text", "type", "value", "rule"}]}.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from benchmarks import heideltime, split
from benchmarks.scorer import Mention, Scores, mentions, score
from benchmarks.tbaq import DEFAULT_DATA, Corpus, load, predictions_json, tag, timexes

POOLED = "pooled"

# (key in Scores.row() or in the timing dict, column title, format)
_COLUMNS = (
    ("gold", "gold", "{:d}"), ("system", "sys", "{:d}"),
    ("strict_p", "strict P", "{:.2f}"), ("strict_r", "strict R", "{:.2f}"), ("strict_f1", "strict F1", "{:.2f}"),
    ("relaxed_p", "relax P", "{:.2f}"), ("relaxed_r", "relax R", "{:.2f}"), ("relaxed_f1", "relax F1", "{:.2f}"),
    ("value_accuracy", "value acc", "{:.2f}"), ("value_f1", "value F1", "{:.2f}"),
    ("type_accuracy", "type acc", "{:.2f}"), ("type_f1", "type F1", "{:.2f}"),
    ("ms", "ms/doc", "{:.2f}"), ("startup_ms", "start-up+1st ms", "{:.0f}"), ("speedup", "× faster", "{:.0f}"),
)


def heideltime_mentions(predictions: Mapping[str, Sequence[dict]]) -> dict[str, list[Mention]]:
    """(start, end, type, value) per document from cached HeidelTime predictions."""
    return {doc_id: [(t["start"], t["end"], t["type"], t["value"]) for t in timexes]
            for doc_id, timexes in predictions.items()}


def evaluate(corpora: Sequence[Corpus], system: Mapping[str, Sequence[Mention]]) -> dict[str, Scores]:
    """Scores per corpus, then pooled; a document the system has no entry for counts as empty."""
    rows = {corpus.name: _score_documents(corpus.documents, system) for corpus in corpora}
    rows[POOLED] = sum(rows.values(), Scores())
    return rows


def _score_documents(documents: Sequence, system: Mapping[str, Sequence[Mention]]) -> Scores:
    gold = {d.doc_id: mentions(d.gold) for d in documents}
    return score(gold, {d.doc_id: system.get(d.doc_id, []) for d in documents})


def split_scopes(corpora: Sequence[Corpus], assignments: Mapping[str, split.Assignment]) -> dict[str, list]:
    """{scope name: documents}: dev, test, each part per source, then each dev fold."""
    documents = [d for corpus in corpora for d in corpus.documents]
    where = {d.doc_id: assignments.get(d.doc_id) for d in documents}

    def pick(part: str, source: str | None = None, fold: int | None = None) -> list:
        return [d for d in documents if where[d.doc_id] is not None and where[d.doc_id].part == part
                and source in (None, where[d.doc_id].source) and fold in (None, where[d.doc_id].fold)]

    scopes = {part: pick(part) for part in split.PARTS}
    scopes.update({f"{part} · {c.name}": pick(part, c.name) for part in split.PARTS for c in corpora})
    scopes.update({f"dev fold {k}": pick("dev", fold=k) for k in range(1, split.FOLDS + 1)})
    return scopes


_SPLIT_METRICS = (("strict_f1", "strict"), ("relaxed_f1", "relaxed"), ("value_f1", "value"), ("type_f1", "type"))


def split_report(corpora: Sequence[Corpus], ours: Mapping[str, Sequence[Mention]],
                 theirs: Mapping[str, Sequence[Mention]], markdown: bool,
                 assignments: Mapping[str, split.Assignment] | None = None) -> str:
    """F1 of HeidelTime (HT) and ours on every scope of the split, with our value-F1 lead in points."""
    assignments = split.load_split() if assignments is None else assignments
    header = ["scope", "docs", "gold"]
    for _, title in _SPLIT_METRICS:
        header += [f"HT {title}", f"ours {title}"]
    header.append("value lead")
    lines = [header]
    for scope, documents in split_scopes(corpora, assignments).items():
        ht, us = _score_documents(documents, theirs).row(), _score_documents(documents, ours).row()
        cells = [scope, str(len(documents)), str(us["gold"])]
        for key, _ in _SPLIT_METRICS:
            cells += [f"{ht[key]:.2f}", f"{us[key]:.2f}"]
        cells.append(f"{us['value_f1'] - ht['value_f1']:+.2f}")
        lines.append(cells)
    return render_table(lines, markdown, text_columns=1)


def median_ms(corpora: Sequence[Corpus], per_document_ms: Mapping[str, float]) -> dict[str, float]:
    """Median ms per document for each corpus and pooled (documents without a timing are left out)."""
    medians = {}
    pooled: list[float] = []
    for corpus in corpora:
        times = [per_document_ms[d.doc_id] for d in corpus.documents if d.doc_id in per_document_ms]
        pooled += times
        medians[corpus.name] = statistics.median(times) if times else float("nan")
    medians[POOLED] = statistics.median(pooled) if pooled else float("nan")
    return medians


def time_ours(corpora: Sequence[Corpus], run: Callable[[object], object] = timexes) -> dict[str, float]:
    """Steady-state ms per document of `run` (the tagger, or `tag`: the whole pipeline), one core; each document
    is run once first."""
    documents = [doc for corpus in corpora for doc in corpus.documents]
    for doc in documents:
        run(doc)
    times = {}
    for doc in documents:
        began = time.perf_counter()
        run(doc)
        times[doc.doc_id] = (time.perf_counter() - began) * 1000
    return times


_COLD_START = "import sys; from benchmarks.tbaq import timexes; from timeline.timeml import read_timeml; " \
              "timexes(read_timeml(sys.argv[1]))"


def cold_start_ms(first_document: Path) -> float:
    """Wall ms for a fresh Python process to start, import timeline, tag one document (the tagger) and exit."""
    repo = Path(__file__).resolve().parents[1]
    began = time.perf_counter()
    subprocess.run([sys.executable, "-c", _COLD_START, str(first_document)], cwd=repo, check=True)
    return (time.perf_counter() - began) * 1000


def build_rows(corpora: Sequence[Corpus], ours: Mapping[str, Sequence[Mention]], ours_ms: Mapping[str, float],
               ours_startup_ms: float, cache: Mapping) -> list[tuple[str, str, dict]]:
    """(corpus, system, cells) for each corpus and pooled, HeidelTime first."""
    predictions = {k: v for k, v in cache.items() if not k.startswith("_")}
    timing = cache.get("_timing", {})
    ht_scores = evaluate(corpora, heideltime_mentions(predictions))
    our_scores = evaluate(corpora, ours)
    ht_ms = median_ms(corpora, timing.get("per_document_ms", {}))
    our_ms = median_ms(corpora, ours_ms)
    ht_startup = 1000 * timing.get("startup_and_first_document_s", float("nan"))
    rows = []
    for name in ht_scores:
        ht = {**ht_scores[name].row(), "ms": ht_ms[name], "startup_ms": ht_startup, "speedup": 1.0}
        us = {**our_scores[name].row(), "ms": our_ms[name], "startup_ms": ours_startup_ms,
              "speedup": ht_ms[name] / our_ms[name] if our_ms[name] else float("nan")}
        rows += [(name, "HeidelTime 2.2.1", ht), (name, "ours", us)]
    return rows


def format_rows(rows: Sequence[tuple[str, str, dict]], markdown: bool) -> str:
    """The side-by-side table: Markdown with `markdown`, else aligned plain text."""
    header = ["corpus", "tagger", *(title for _, title, _ in _COLUMNS)]
    lines = [header] + [[corpus, system, *(fmt.format(cells[key]) for key, _, fmt in _COLUMNS)]
                        for corpus, system, cells in rows]
    return render_table(lines, markdown, text_columns=2)


def render_table(lines: Sequence[Sequence[str]], markdown: bool, text_columns: int) -> str:
    """Aligned plain text or Markdown; the first `text_columns` columns left-aligned, the rest right."""
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]

    def cells(line: Sequence[str]) -> list[str]:
        return [c.ljust(w) if i < text_columns else c.rjust(w)
                for i, (c, w) in enumerate(zip(line, widths, strict=True))]

    if not markdown:
        return "\n".join("  ".join(cells(line)) for line in lines)
    rule = ["-" * w if i < text_columns else "-" * (w - 1) + ":" for i, w in enumerate(widths)]
    return "\n".join("| " + " | ".join(row) + " |" for row in [cells(lines[0]), rule, *map(cells, lines[1:])])


def main(argv: list[str] | None = None) -> int:
    """CLI entry point; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.compare", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="TBAQ directory (default: %(default)s)")
    parser.add_argument("--heideltime", type=Path, default=heideltime.DEFAULT_OUT,
                        help="HeidelTime cache (default: %(default)s)")
    parser.add_argument("--run-heideltime", action="store_true", help="rerun HeidelTime and rewrite its cache")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument("--save-ours", type=Path, metavar="PRED.json", help="write our predictions here")
    parser.add_argument("--splits-only", action="store_true", help="print only the dev/test split report")
    args = parser.parse_args(argv)
    try:
        corpora = load(args.data)
        if args.run_heideltime:
            heideltime.save(heideltime.run(args.data), args.heideltime)
        elif not args.heideltime.is_file():
            raise ValueError(f"no HeidelTime cache at {args.heideltime} (use --run-heideltime)")
        cache = json.loads(args.heideltime.read_text(encoding="utf-8"))
    except (ValueError, OSError, heideltime.HeidelTimeError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    predictions = {doc.doc_id: tag(doc) for corpus in corpora for doc in corpus.documents}
    theirs = heideltime_mentions({k: v for k, v in cache.items() if not k.startswith("_")})
    report = split_report(corpora, {k: mentions(v) for k, v in predictions.items()}, theirs, args.markdown)
    if args.splits_only:
        print(report)
        return 0
    ours_ms, pipeline_ms = time_ours(corpora), time_ours(corpora, tag)
    first = sorted(args.data.rglob("*.tml"))[0]  # the document HeidelTime's run started with
    rows = build_rows(corpora, {k: mentions(v) for k, v in predictions.items()}, ours_ms,
                      cold_start_ms(first), cache)
    print(format_rows(rows, args.markdown))
    meta, timing = cache.get("_meta", {}), cache.get("_timing", {})
    print(f"\nHeidelTime: {meta.get('tagger', '?')}; {meta.get('java', '?')}; steady state "
          f"{timing.get('steady_ms_median')} ms/doc median, {timing.get('steady_ms_mean')} ms mean; "
          f"offset mismatches {meta.get('offset_char_mismatches')}. Ours, one core, steady state: the tagger "
          f"{statistics.median(ours_ms.values()):.2f} ms/doc median, {statistics.fmean(ours_ms.values()):.2f} ms "
          f"mean; the whole pipeline (extract_document: sentences, timexes, events, headlines) "
          f"{statistics.median(pipeline_ms.values()):.2f} ms/doc median, {statistics.fmean(pipeline_ms.values()):.2f}"
          " ms mean.")
    print(f"\nSplit report (benchmarks/split.py; HT = HeidelTime; F1 in %):\n{report}")
    if args.save_ours:
        heideltime.save(predictions_json(predictions), args.save_ours)  # same layout as HeidelTime's cache
    return 0


if __name__ == "__main__":
    sys.exit(main())
