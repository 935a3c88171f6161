"""Wikinews-style openings: our tagger and HeidelTime 2.2.1 scored sentence by sentence (TempEval-3 scorer).

    python -m benchmarks.wikinews_openings [--dateline] [--show] [--run-heideltime] [--data FILE ... --cache FILE]

The sentences are the golden file tests/golden/news_unseen6.tsv plus its pending lines
(tests/golden_pending/news_unseen6.tsv): each sentence is one document dated by its publication date, and every
timex of the sentence is listed there, so precision counts too. Prints one score table (benchmarks/scorer.py) and,
per family (the `#` comment above a group of lines), how many gold timexes are not exactly right (span, type and
value), e.g. "2 / 61 wrong  Wikinews openings".

`--dateline` reads each sentence as a Wikinews article does, after its date line ("Monday, March 3, 2008" and a
blank line) with no date given, so `timeline.extract` must find the publication date in that line; the date line's
own timex is checked (one DATE, the publication day) and left out of the score. `--show` lists every wrong or extra
timex. HeidelTime's predictions come from benchmarks/cache/heideltime-wikinews-openings.json; `--run-heideltime`
reruns it (Java, see benchmarks/heideltime.py) and rewrites the cache. `--data` scores other files of the same format
instead, e.g. the blind set benchmarks/wikinews-blind/ (`dev.tsv`, `held.tsv`), with HeidelTime's run cached in
`--cache` (default: the cache named after the data's folder, `heideltime-<folder>.json`, when it exists, else
benchmarks/cache/heideltime-wikinews-blind.json). A line of two columns (published, sentence) is a
sentence with no timex at all (benchmarks/hand-cases-blind/'s negatives).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from benchmarks import heideltime
from benchmarks.scorer import Mention, align, format_table, score
from timeline import extract, tag

REPO = Path(__file__).resolve().parents[1]
FILES = (REPO / "tests" / "golden" / "news_unseen6.tsv", REPO / "tests" / "golden_pending" / "news_unseen6.tsv")
CACHE = REPO / "benchmarks" / "cache" / "heideltime-wikinews-openings.json"
BLIND_CACHE = REPO / "benchmarks" / "cache" / "heideltime-wikinews-blind.json"
KEY_SEPARATOR = "\t"  # a document's key in the cache: published <TAB> sentence


@dataclass
class Opening:
    """One sentence with its publication date, its family and every gold timex in it."""

    published: date
    sentence: str
    family: str
    gold: list[Mention] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.published.isoformat()}{KEY_SEPARATOR}{self.sentence}"


def read_openings(paths: tuple[Path, ...] = FILES) -> dict[str, Opening]:
    """The sentences of the golden files, keyed by "published<TAB>sentence", gold mentions gathered per sentence."""
    openings: dict[str, Opening] = {}
    for path in paths:
        family = ""
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#"):
                family = line.lstrip("# ").split(":")[0]
                continue
            if not line.strip():
                continue
            published, sentence, *timex = line.split("\t")
            opening = openings.setdefault(
                f"{published}{KEY_SEPARATOR}{sentence}", Opening(date.fromisoformat(published), sentence, family)
            )
            if not timex:  # a sentence with no timex (benchmarks/hand-cases-blind/): only precision counts it
                continue
            expression, kind, value, *occurrence = timex
            start = -1
            for _ in range(int(occurrence[0]) if occurrence else 1):
                start = sentence.index(expression, start + 1)
            opening.gold.append((start, start + len(expression), kind, value))
    return openings


def date_line(day: date) -> str:
    """A Wikinews date line: "Monday, March 3, 2008"."""
    return f"{day:%A}, {day:%B} {day.day}, {day.year}"


def ours(openings: dict[str, Opening], with_date_line: bool) -> tuple[dict[str, list[Mention]], list[str]]:
    """Our mentions per sentence, and the date lines read wrong (with `with_date_line`)."""
    system: dict[str, list[Mention]] = {}
    wrong_lines: list[str] = []
    for key, opening in openings.items():
        if not with_date_line:
            system[key] = [(t.start, t.end, t.type.value, t.value) for t in tag(opening.sentence, opening.published)]
            continue
        head = date_line(opening.published)
        shift = len(head) + 2
        timeline = extract(f"{head}\n\n{opening.sentence}")
        in_head = [(t.end, t.type.value, t.value) for t in timeline.timexes if t.start < shift]
        if timeline.document.published != opening.published or in_head != [(len(head), "DATE", key[:10])]:
            wrong_lines.append(f"{head}: published {timeline.document.published}, timexes {in_head}")
        system[key] = [
            (t.start - shift, t.end - shift, t.type.value, t.value) for t in timeline.timexes if t.start >= shift
        ]
    return system, wrong_lines


def heideltime_mentions(
    openings: dict[str, Opening], refresh: bool, cache_path: Path = CACHE
) -> dict[str, list[Mention]]:
    """HeidelTime's mentions per sentence, from the cache (rerun with `refresh`, or when a sentence is missing)."""
    cache = heideltime.load(cache_path) if cache_path.is_file() else {}
    if refresh or any(key not in cache for key in openings):
        with heideltime.HeidelTimeServer() as server:
            for key, opening in openings.items():
                timeml, _ = server.tag(opening.sentence, opening.published)
                cache[key] = heideltime.align(opening.sentence, timeml)[0]
        # the whole cache, not these openings only: scoring a set's dev part must not drop its held part's runs
        heideltime.save(cache, cache_path)
    return cached_mentions(openings, cache)


def cached_mentions(openings: dict[str, Opening], cache: dict[str, list[dict]]) -> dict[str, list[Mention]]:
    """HeidelTime's mentions per sentence from a loaded cache, never running it; ValueError when one is missing."""
    missing = sum(key not in cache for key in openings)
    if missing:
        raise ValueError(f"HeidelTime's cache lacks {missing} of {len(openings)} sentences")
    return {key: [(t["start"], t["end"], t["type"], t["value"]) for t in cache[key]] for key in openings}


def wrong_by_family(openings: dict[str, Opening], system: dict[str, list[Mention]], show: bool) -> list[str]:
    """Per family, gold timexes not exactly right; with `show`, each wrong or extra timex under its sentence."""
    wrong, total, lines = Counter(), Counter(), []
    for key, opening in openings.items():
        found = system[key]
        exact = [m for m in align(opening.gold, found) if m.strict and m.same_value and m.same_type]
        missed = [g for i, g in enumerate(opening.gold) if i not in {m.gold_index for m in exact}]
        extra = [s for i, s in enumerate(found) if i not in {m.system_index for m in exact}]
        total[opening.family] += len(opening.gold)
        wrong[opening.family] += len(missed)
        if show and (missed or extra):
            text = opening.sentence
            lines.append(f"  {opening.published} {opening.published:%a} {text}")
            lines += [f"     want {text[s:e]!r} {kind} {value}" for s, e, kind, value in missed]
            lines += [f"     got  {text[s:e]!r} {kind} {value}" for s, e, kind, value in extra]
    lines += [f"  {wrong[f]:3d} / {total[f]:3d} wrong  {f}" for f in total]
    lines.append(
        f"  {sum(wrong.values())} / {sum(total.values())} gold timexes not exactly right; {len(openings)} sentences"
    )
    return lines


def _data_cache(data: Path) -> Path:
    """The cache of a blind set's folder ("hand-cases-blind3/dev.tsv": heideltime-hand-cases-blind3.json) when there
    is one, else the first Wikinews blind set's: a set scored without `--cache` must not run HeidelTime into (and
    rewrite) another set's cache."""
    own = CACHE.parent / f"heideltime-{data.resolve().parent.name}.json"
    return own if own.is_file() else BLIND_CACHE


def main(argv: list[str] | None = None) -> int:
    """CLI entry point; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.wikinews_openings", description=__doc__.splitlines()[0])
    parser.add_argument("--dateline", action="store_true", help="put each sentence after its date line")
    parser.add_argument("--show", action="store_true", help="list every wrong or extra timex")
    parser.add_argument("--run-heideltime", action="store_true", help="rerun HeidelTime and rewrite its cache")
    parser.add_argument("--data", type=Path, nargs="+", help="golden-format files to score instead (a blind set)")
    parser.add_argument("--cache", type=Path, help="HeidelTime's cache for --data (default: the one named after its folder)")
    args = parser.parse_args(argv)
    openings = read_openings(tuple(args.data) if args.data else FILES)
    cache_path = args.cache or (_data_cache(args.data[0]) if args.data else CACHE)
    gold = {key: opening.gold for key, opening in openings.items()}
    mine, wrong_lines = ours(openings, args.dateline)
    try:
        theirs = heideltime_mentions(openings, args.run_heideltime, cache_path)
    except heideltime.HeidelTimeError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    name = "ours, after the date line" if args.dateline else "ours"
    print(format_table({name: score(gold, mine), "HeidelTime 2.2.1": score(gold, theirs)}))
    if args.dateline:
        print(f"date lines read wrong: {len(wrong_lines)} of {len(openings)}", *wrong_lines, sep="\n")
    for title, system in ((name, mine), ("HeidelTime 2.2.1", theirs)):
        print(f"\n{title}:", *wrong_by_family(openings, system, args.show), sep="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
