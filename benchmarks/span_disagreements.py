"""Extent triage on unseen news: where our timex spans disagree with te3-silver and HeidelTime.

    python -m benchmarks.span_disagreements [--data ../shared/data/te3-silver] [--heideltime HT.json]
                                            [--examples 5] [--limit N] [--counts-only] [--out report.md]

te3-silver's tags are machine-made, and so are HeidelTime's; where the two agree and we do not, the
expression is worth reading by hand. Three kinds, each grouped by family (the expression's shape: digits as
9, month names as MONTH, weekdays as WEEKDAY, number words as NUM, lower case):
- miss: silver tags it (and HeidelTime overlaps it, when given) and no timex of ours overlaps it;
- false: a timex of ours that neither silver nor HeidelTime overlaps;
- boundary: ours overlaps a silver timex, the spans differ, and HeidelTime has exactly silver's span (when
  given); the family is the difference (`+the` = we add "the" on the left, `-early` = we leave it out).
`--against silver` or `--against heideltime` compares with that one alone (the "silver" of the kinds above).
Without --heideltime only silver is used; with it, only the documents HeidelTime tagged are read (a partial
run's checkpoint will do). Prints the counts per kind and the largest families with
examples (±60 characters of context, the expression in [[ ]]); `--counts-only` prints the totals.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from timeline import Document, extract_document, read_timeml

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "te3-silver"
KINDS = ("miss", "false", "boundary")
CONTEXT = 60
Span = tuple[int, int]

_MONTH = re.compile(r"\b(?:jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|may|june?|july?|aug(?:ust)?"
                    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?")
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b")
_NUMBER = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
                     r"|thirty|forty|fifty|hundred|several|few|couple)\b")


def shape(text: str) -> str:
    """The family of an expression: lower case, digits 9, month/weekday/number words as placeholders."""
    text = " ".join(text.lower().split())
    text = _MONTH.sub("MONTH", text)
    text = _WEEKDAY.sub("WEEKDAY", text)
    text = _NUMBER.sub("NUM", text)
    return re.sub(r"\d+", "9", text)


def boundary_family(text: str, ours: Span, silver: Span) -> str:
    """How our span differs from silver's: '+x' = words we add, '-x' = words we leave out, per side."""
    parts = []
    if ours[0] < silver[0]:
        parts.append("+" + shape(text[ours[0]:silver[0]]) + "…")
    elif ours[0] > silver[0]:
        parts.append("-" + shape(text[silver[0]:ours[0]]) + "…")
    if ours[1] > silver[1]:
        parts.append("…+" + shape(text[silver[1]:ours[1]]))
    elif ours[1] < silver[1]:
        parts.append("…-" + shape(text[ours[1]:silver[1]]))
    return " ".join(parts)


@dataclass(frozen=True)
class Case:
    """One disagreement: kind, family, document, the expression(s) and context."""

    kind: str
    family: str
    doc_id: str
    ours: str
    silver: str
    context: str


def _context(text: str, start: int, end: int) -> str:
    before, after = text[max(0, start - CONTEXT):start], text[end:end + CONTEXT]
    return " ".join(f"{before}[[{text[start:end]}]]{after}".split())


def _overlaps(span: Span, others: Sequence[Span]) -> bool:
    return any(min(span[1], o[1]) > max(span[0], o[0]) for o in others)


def cases(doc_id: str, text: str, ours: Sequence[Span], silver: Sequence[Span],
          heideltime: Sequence[Span] | None) -> Iterator[Case]:
    """The disagreements of one document (HeidelTime None: silver alone decides)."""
    others = list(silver) + list(heideltime or ())
    for s in silver:
        if not _overlaps(s, ours) and (heideltime is None or _overlaps(s, heideltime)):
            yield Case("miss", shape(text[s[0]:s[1]]), doc_id, "", text[s[0]:s[1]], _context(text, *s))
    for o in ours:
        if not _overlaps(o, others):
            yield Case("false", shape(text[o[0]:o[1]]), doc_id, text[o[0]:o[1]], "", _context(text, *o))
    exact = set(ours)
    for s in silver:
        if s in exact or (heideltime is not None and s not in heideltime):
            continue
        overlapping = [o for o in ours if _overlaps(o, [s])]
        if len(overlapping) == 1:
            o = overlapping[0]
            start, end = min(o[0], s[0]), max(o[1], s[1])
            yield Case("boundary", boundary_family(text, o, s), doc_id, text[o[0]:o[1]], text[s[0]:s[1]],
                       _context(text, start, end))


def triage(data: Path, heideltime: dict | None, limit: int | None = None, against: str = "both") -> list[Case]:
    """Every disagreement over the .tml files under `data` (the first `limit` when given).

    `against`: "both" (silver, confirmed by HeidelTime when given), "silver" or "heideltime" (that one alone)."""
    found: list[Case] = []
    paths = sorted(data.rglob("*.tml"))
    if heideltime is not None:  # a partial HeidelTime run: only the documents it tagged
        paths = [p for p in paths if p.stem in heideltime]
    for path in paths[:limit]:
        doc = read_timeml(path)
        document = Document(text=doc.text, published=doc.published,
                            published_source="timeml" if doc.published else None, name=doc.doc_id)
        ours = [(t.start, t.end) for t in extract_document(document).timexes]
        silver = [(t.start, t.end) for t in doc.gold]
        ht = None
        if heideltime is not None:
            ht = [(p["start"], p["end"]) for p in heideltime.get(doc.doc_id, ())]
        if against == "heideltime":
            silver, ht = ht or [], None
        elif against == "silver":
            ht = None
        found.extend(cases(doc.doc_id, doc.text, ours, silver, ht))
    return found


def render(found: Sequence[Case], examples: int, families: int = 40) -> str:
    """Markdown: counts per kind, then per kind the largest families with examples."""
    lines = ["| kind | cases | families |", "|---|---:|---:|"]
    by_kind: dict[str, list[Case]] = defaultdict(list)
    for case in found:
        by_kind[case.kind].append(case)
    for kind in KINDS:
        lines.append(f"| {kind} | {len(by_kind[kind])} | {len({c.family for c in by_kind[kind]})} |")
    for kind in KINDS:
        counts = Counter(c.family for c in by_kind[kind])
        lines += ["", f"## {kind} ({len(by_kind[kind])})"]
        for family, count in counts.most_common(families):
            lines.append(f"\n### {count} × `{family}`")
            for case in [c for c in by_kind[kind] if c.family == family][:examples]:
                lines.append(f"- {case.doc_id}: ours `{case.ours}` silver `{case.silver}` — {case.context}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--heideltime", type=Path, default=None, help="benchmarks.heideltime output")
    parser.add_argument("--against", choices=("both", "silver", "heideltime"), default="both",
                        help="whose tags ours are compared with (default: silver confirmed by HeidelTime)")
    parser.add_argument("--examples", type=int, default=5)
    parser.add_argument("--families", type=int, default=40)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--counts-only", action="store_true")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    heideltime = None
    if args.heideltime is not None:
        heideltime = {k: v for k, v in json.loads(args.heideltime.read_text(encoding="utf-8")).items()
                      if not k.startswith("_")}
    found = triage(args.data, heideltime, args.limit, args.against)
    report = render(found, 0 if args.counts_only else args.examples, 0 if args.counts_only else args.families)
    if args.out:
        args.out.write_text(report + "\n", encoding="utf-8")
    print(report if args.counts_only or not args.out else report.split("\n\n", 1)[0])
    return 0


if __name__ == "__main__":
    sys.exit(main())
