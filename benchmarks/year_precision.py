"""Precision of year-, decade- and century-granularity events on te3-silver, against hand judgements.

    python -m benchmarks.year_precision                 # current code vs benchmarks/year-sample.tsv
    python -m benchmarks.year_precision --as-drawn      # the values tagged when the sample was drawn
    python -m benchmarks.year_precision --draw OUT.tsv  # draw a new sample (judgement columns empty)

The sample (`benchmarks/year-sample.tsv`) was drawn once, with a fixed seed, from the events the
tagger then gave on te3-silver (AFP, TimeML; the text is read with `read_timeml`, the silver tags are
ignored). It is stratified: every event falls in exactly one stratum, the first of `STRATA` whose test
its context passes (a number in parentheses, next to a currency or unit, in a number range, after a
capitalised word, a decade or century, else `plain`). A uniform draw over all events is topped up
with extra events of each suspicious stratum, so both figures can be reported: the precision of the
uniform part alone, and the stratified estimate over the whole sample, each stratum weighted by its
share of the population (`population` column).

Every row was judged by reading its sentence: `expected` is the right TIMEX3 value of the expression
as tagged (`none` when it is no date: a resolution number, an amount, a clock time), `judgement` says
whether the value tagged when the sample was drawn was right. The current code is then scored
against `expected`: an event still tagged (an event of the current extraction overlapping the sampled
expression) is correct when its value equals `expected`; an event no longer tagged is "removed",
counted as removed-correct (a true date lost) or removed-incorrect (a false date gone).
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from timeline import Document, extract_document, read_timeml

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "te3-silver"
SAMPLE = Path(__file__).resolve().parent / "year-sample.tsv"
GRANULARITIES = ("year", "decade", "century")
SEED = 14
UNIFORM = 180  # events drawn uniformly over the whole population
EXTRA = 30  # extra events drawn from each suspicious stratum
FIELDS = ("doc", "start", "end", "expression", "value", "stratum", "population", "uniform", "snippet",
          "judgement", "expected", "reason")

_CURRENCY_BEFORE = re.compile(r"(?:[$£€¥]|\b(?:US|USD|EUR|GBP|DM|FF|Rs|dollars?|euros?|yen|yuan|francs?|marks?|"
                              r"pounds?|rupees?|pesos?|baht|ringgit|won)\s?)$", re.I)
_UNIT_AFTER = re.compile(r"^\s?(?:million|billion|trillion|thousand|dollars|euros|yen|yuan|francs|marks|pounds|"
                         r"rupees|pesos|percent|per\s?cent|%|tonnes|tons|barrels|km|kilomet|metres|meters|miles|"
                         r"points|people|hours|GMT|local|kg|mw|megawatts|carats|shares|votes)", re.I)
_RANGE = re.compile(r"(?:\d[-–/.,]\s?$)|(?:^[-–/.,]\s?\d)")
_CAPITALISED_BEFORE = re.compile(r"(?<![.!?:\"]\s)(?<!^)\b[A-Z][\w-]*\.?\s$")


@dataclass(frozen=True)
class Mention:
    """One year/decade/century event of a document: where its expression is, and the text around it."""

    doc: str
    start: int
    end: int
    expression: str
    value: str
    granularity: str
    before: str
    after: str
    snippet: str


def _in_parentheses(m: Mention) -> bool:
    return m.before.rstrip().endswith("(") or m.after.lstrip().startswith(")")


def _next_to_unit(m: Mention) -> bool:
    return bool(_CURRENCY_BEFORE.search(m.before) or _UNIT_AFTER.match(m.after))


def _in_range(m: Mention) -> bool:
    return bool(_RANGE.search(m.before[-3:]) or _RANGE.match(m.after[:3]))


def _after_capitalised(m: Mention) -> bool:
    return bool(_CAPITALISED_BEFORE.search(m.before[-30:]))


def _decade_or_century(m: Mention) -> bool:
    return m.granularity != "year" or "centur" in m.expression.lower()


STRATA: tuple[tuple[str, Callable[[Mention], bool]], ...] = (
    ("parentheses", _in_parentheses), ("unit", _next_to_unit), ("range", _in_range),
    ("century", _decade_or_century), ("capitalised", _after_capitalised),
)


def stratum(m: Mention) -> str:
    """The first suspicious stratum whose test the mention passes, else 'plain'."""
    return next((name for name, test in STRATA if test(m)), "plain")


def _events(path: Path) -> tuple[str, list[dict]]:
    """A TimeML file's text and the events the current code extracts from it, anchored on its DCT."""
    doc = read_timeml(path)
    document = Document(text=doc.text, published=doc.published,
                        published_source="timeml" if doc.published else None, name=doc.doc_id)
    return doc.text, extract_document(document).to_dict()["events"]


def mentions(data: Path = DATA) -> Iterator[Mention]:
    """Every year/decade/century event the current code finds in te3-silver, in a fixed order."""
    for path in sorted(data.glob("*.tml")):
        text, events = _events(path)
        for e in events:
            if e["granularity"] not in GRANULARITIES:
                continue
            s, t = e["expression_start"], e["expression_end"]
            snippet = " ".join(text[max(e["sentence_start"], s - 110): min(e["sentence_end"], t + 110)].split())
            yield Mention(path.name, s, t, e["expression"], e["value"], e["granularity"],
                          text[max(0, s - 40):s], text[t:t + 40], snippet)


def draw(population: list[Mention], seed: int = SEED) -> list[dict[str, str]]:
    """The stratified sample: UNIFORM events over all, plus up to EXTRA more from each suspicious stratum."""
    rng = random.Random(seed)
    sizes = Counter(stratum(m) for m in population)
    uniform = set(rng.sample(range(len(population)), min(UNIFORM, len(population))))
    chosen = set(uniform)
    for name, _ in STRATA:
        rest = [i for i, m in enumerate(population) if stratum(m) == name and i not in chosen]
        chosen.update(rng.sample(rest, min(EXTRA, len(rest))))
    rows = []
    for i in sorted(chosen):
        m = population[i]
        rows.append({"doc": m.doc, "start": str(m.start), "end": str(m.end), "expression": m.expression,
                     "value": m.value, "stratum": stratum(m), "population": str(sizes[stratum(m)]),
                     "uniform": "1" if i in uniform else "0", "snippet": m.snippet,
                     "judgement": "", "expected": "", "reason": ""})
    return rows


def read_sample(path: Path = SAMPLE) -> list[dict[str, str]]:
    """The judged sample (tab-separated, '#' lines are comments)."""
    with path.open(encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None))


def write_sample(rows: list[dict[str, str]], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, FIELDS, delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None,
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def current_values(rows: list[dict[str, str]], data: Path = DATA) -> list[str | None]:
    """For each sampled row, the value the current code gives an event overlapping its expression (None: removed)."""
    wanted = defaultdict(list)
    for row in rows:
        wanted[row["doc"]].append(row)
    found: dict[tuple[str, int], str] = {}
    for doc_name, doc_rows in wanted.items():
        _, events = _events(data / doc_name)
        for row in doc_rows:
            s, t = int(row["start"]), int(row["end"])
            hit = next((e for e in events if e["expression_start"] < t and s < e["expression_end"]), None)
            if hit is not None:
                found[(doc_name, s)] = hit["value"]
    return [found.get((row["doc"], int(row["start"]))) for row in rows]


@dataclass
class Tally:
    """Counts of one stratum (or of the uniform part): kept correct / kept, and what was removed."""

    population: int = 0
    sampled: int = 0
    correct: int = 0
    kept: int = 0
    removed_correct: int = 0
    removed_incorrect: int = 0

    def add(self, expected: str, value: str | None) -> None:
        self.sampled += 1
        if value is None:
            if expected == "none":
                self.removed_incorrect += 1
            else:
                self.removed_correct += 1
            return
        self.kept += 1
        self.correct += value == expected

    @property
    def precision(self) -> float:
        return self.correct / self.kept if self.kept else 1.0


def weighted_precision(tallies: dict[str, Tally]) -> float:
    """Stratified ratio estimate: correct and kept events scaled to each stratum's population."""
    correct = sum(t.population * t.correct / t.sampled for t in tallies.values() if t.sampled)
    kept = sum(t.population * t.kept / t.sampled for t in tallies.values() if t.sampled)
    return correct / kept if kept else 1.0


def score(rows: list[dict[str, str]], values: list[str | None]) -> tuple[dict[str, Tally], Tally, list[str]]:
    """Per-stratum tallies, the uniform part's tally, and a line for each row the current code gets wrong
    (a false date kept, a wrong value, or a true date removed)."""
    tallies: dict[str, Tally] = {}
    uniform = Tally()
    wrong = []
    for row, value in zip(rows, values, strict=True):
        expected = row["expected"]
        if not expected:
            raise ValueError(f"{row['doc']}:{row['start']} {row['expression']!r}: not judged")
        tally = tallies.setdefault(row["stratum"], Tally(population=int(row["population"])))
        tally.add(expected, value)
        if row["uniform"] == "1":
            uniform.add(expected, value)
        if (value or "none") != expected:
            wrong.append(f"  {row['stratum']:<11} {row['expression']!r} = {value or 'removed'} (expected {expected}: "
                         f"{row['reason']}) in {row['doc']}")
    return tallies, uniform, wrong


def report(tallies: dict[str, Tally], uniform: Tally) -> str:
    """A Markdown table: per stratum, the uniform part, and the weighted estimate."""
    lines = ["| part | population | sampled | kept | correct | precision % | removed correct | removed incorrect |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]

    def line(name: str, t: Tally, population: str) -> str:
        return (f"| {name} | {population} | {t.sampled} | {t.kept} | {t.correct} | {100 * t.precision:.1f} | "
                f"{t.removed_correct} | {t.removed_incorrect} |")

    for name in [s for s, _ in STRATA] + ["plain"]:
        if name in tallies:
            lines.append(line(name, tallies[name], str(tallies[name].population)))
    lines.append(line("uniform part", uniform, "all"))
    total = Tally(population=sum(t.population for t in tallies.values()))
    for t in tallies.values():
        for field in ("sampled", "correct", "kept", "removed_correct", "removed_incorrect"):
            setattr(total, field, getattr(total, field) + getattr(t, field))
    lines.append(line("whole sample (unweighted)", total, str(total.population)))
    lines.append(f"| **weighted estimate** | {total.population} | {total.sampled} | | | "
                 f"**{100 * weighted_precision(tallies):.2f}** | | |")
    low, high = wilson_interval(uniform.correct, uniform.kept)
    lines.append(f"\nUniform part: 95% Wilson interval {100 * low:.1f}-{100 * high:.1f}% "
                 f"({uniform.correct}/{uniform.kept} kept events correct).")
    return "\n".join(lines)


def wilson_interval(successes: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval of a proportion (sound at 0 or n successes, unlike the normal one)."""
    if n == 0:
        return 0.0, 1.0
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--sample", type=Path, default=SAMPLE)
    parser.add_argument("--draw", type=Path, help="draw a new sample into this file (judgements empty)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--as-drawn", action="store_true",
                        help="score the values recorded when the sample was drawn (the code before the fixes)")
    parser.add_argument("--wrong", action="store_true", help="list the sampled events the current code gets wrong (or removes)")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"{args.data}: not found (te3-silver)", file=sys.stderr)
        return 2
    if args.draw:
        rows = draw(list(mentions(args.data)), args.seed)
        write_sample(rows, args.draw)
        print(f"wrote {len(rows)} rows to {args.draw}: {dict(Counter(r['stratum'] for r in rows))}")
        return 0
    rows = read_sample(args.sample)
    values = [row["value"] for row in rows] if args.as_drawn else current_values(rows, args.data)
    tallies, uniform, wrong = score(rows, values)
    print(report(tallies, uniform))
    if args.wrong:
        print("\n".join(["", "wrong:"] + wrong))
    return 0


if __name__ == "__main__":
    sys.exit(main())
