"""Triage on unseen news: where HeidelTime and te3-silver agree on a value and we do not.

    python -m benchmarks.disagreements [--data ../shared/data/te3-silver]
                                       [--heideltime benchmarks/cache/heideltime-te3silver.json]
                                       [--family NAME] [--limit N] [--out report.md] [--counts-only]

For every silver timex of te3-silver that one of our timexes AND one of HeidelTime's overlap (TempEval-3
relaxed alignment, `benchmarks.scorer.align`, run once against ours and once against HeidelTime), the
three values are compared:
- "ours differs": HeidelTime == silver != ours: most likely our error (two independent taggers agree);
- "ours alone right": ours == silver != HeidelTime;
- "silver alone": ours == HeidelTime != silver (silver is machine-made: often silver's error);
- "all differ".
"ours differs" is counted by family (our rule's name, and the family `benchmarks.errors.family_of` guesses
from the silver text) and listed with ±70 characters of text, to be read and decided by hand: silver tags
are machine-made and HeidelTime errs too. te3-silver is tuning material (issue 16), never a test set.

The HeidelTime cache comes from `python -m benchmarks.heideltime --data ../shared/data/te3-silver --out
benchmarks/cache/heideltime-te3silver.json --refresh` (about 12 minutes on a quiet core at ~250 ms a document;
1.7 hours on the loaded 2-core machine of 2026-12-02, where `--checkpoint PARTIAL.json` let triage start early); it is kept outside git
when large, and this script says how to regenerate it when it is missing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from benchmarks.errors import family_of
from benchmarks.scorer import Mention, align, mentions
from benchmarks.tbaq import tag
from timeline import read_timeml

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "te3-silver"
DEFAULT_HEIDELTIME = REPO / "benchmarks" / "cache" / "heideltime-te3silver.json"
CONTEXT = 70
KINDS = ("ours differs", "ours alone right", "silver alone", "all differ")


@dataclass(frozen=True)
class Case:
    """One silver timex that all three taggers found, with the three values."""

    doc_id: str
    kind: str
    rule: str  # our rule
    family: str  # guessed from the silver text
    text: str  # silver span
    ours_text: str
    silver: str
    heideltime: str
    ours: str
    context: str


def _pairs(gold: list[Mention], system: list[Mention]) -> dict[int, int]:
    """gold index -> system index of the relaxed (overlap) alignment."""
    return {m.gold_index: m.system_index for m in align(gold, system)}


def _context(text: str, start: int, end: int) -> str:
    before = text[max(0, start - CONTEXT):start]
    after = text[end:end + CONTEXT]
    return " ".join(f"{before}[[{text[start:end]}]]{after}".split())


def _kind(silver: str, heideltime: str, ours: str) -> str | None:
    if silver == heideltime == ours:
        return None
    if silver == heideltime:
        return "ours differs"
    if silver == ours:
        return "ours alone right"
    if ours == heideltime:
        return "silver alone"
    return "all differ"


def cases(data: Path, heideltime: dict[str, list[dict]]) -> tuple[list[Case], Counter]:
    """Every three-way-matched silver timex whose values are not all equal, and counts of the matching."""
    counts: Counter = Counter()
    found: list[Case] = []
    for path in sorted(data.rglob("*.tml")):
        if path.stem not in heideltime:  # te3-silver files are named by their DOCID: skip unread ones
            counts["documents without HeidelTime output"] += 1
            continue
        doc = read_timeml(path)
        if doc.doc_id not in heideltime:
            counts["documents without HeidelTime output"] += 1
            continue
        counts["documents"] += 1
        ours_timexes = tag(doc)
        silver = mentions(doc.gold)
        ours = mentions(ours_timexes)
        theirs = [(t["start"], t["end"], t["type"], t["value"]) for t in heideltime[doc.doc_id]]
        with_ours, with_theirs = _pairs(silver, ours), _pairs(silver, theirs)
        counts["silver timexes"] += len(silver)
        for g, (start, end, _, value) in enumerate(silver):
            if g not in with_ours or g not in with_theirs:
                continue
            counts["matched by both"] += 1
            o, h = ours[with_ours[g]], theirs[with_theirs[g]]
            kind = _kind(value, h[3], o[3])
            if kind is None:
                counts["all agree"] += 1
                continue
            counts[kind] += 1
            found.append(Case(doc.doc_id, kind, ours_timexes[with_ours[g]].rule or "?",
                              family_of(doc.text[start:end], value, str(doc.gold[g].type.value)),
                              doc.text[start:end], doc.text[o[0]:o[1]], value, h[3], o[3],
                              _context(doc.text, start, end)))
    return found, counts


def render(found: list[Case], counts: Counter, family: str | None = None, limit: int = 0,
           counts_only: bool = False, kind: str = KINDS[0]) -> str:
    """Markdown: the matching counts, 'ours differs' by our rule and by family, then the cases of `kind`."""
    lines = ["# te3-silver: three-way value disagreements", ""]
    lines += [f"- {k}: {v}" for k, v in counts.items()]
    differs = [c for c in found if c.kind == "ours differs"]
    for title, key in (("our rule", lambda c: c.rule), ("family (silver text)", lambda c: c.family)):
        lines += ["", f"## 'ours differs' by {title}", "", "| group | ours differs | ours alone right |",
                  "|---|---:|---:|"]
        right = Counter(key(c) for c in found if c.kind == "ours alone right")
        for name, n in Counter(key(c) for c in differs).most_common():
            lines.append(f"| {name} | {n} | {right.get(name, 0)} |")
    if counts_only:
        return "\n".join(lines) + "\n"
    shown = [c for c in found if kind in ("all", c.kind) and family in (None, c.rule, c.family)]
    lines += ["", f"## '{kind}' cases ({len(shown)})", ""]
    for c in sorted(shown, key=lambda c: (c.rule, c.doc_id))[: limit or None]:
        span = c.text if c.text == c.ours_text else f"{c.text} / ours {c.ours_text!r}"
        lines.append(f"- {c.kind}: `{c.rule}` {c.doc_id} **{span}** silver `{c.silver}`, HT `{c.heideltime}`, ours `{c.ours}`: "
                     f"{c.context}")
    return "\n".join(lines) + "\n"


def load_heideltime(path: Path) -> dict[str, list[dict]]:
    """{doc_id: [timex dict]} from a benchmarks.heideltime cache, without its '_timing'/'_meta' keys."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def main(argv: list[str] | None = None) -> int:
    """CLI entry point; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.disagreements",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--heideltime", type=Path, default=DEFAULT_HEIDELTIME)
    parser.add_argument("--family", help="list only this rule or family")
    parser.add_argument("--limit", type=int, default=0, help="at most N cases (0: all)")
    parser.add_argument("--kind", choices=(*KINDS, "all"), default=KINDS[0],
                        help="which cases to list (default: %(default)s)")
    parser.add_argument("--counts-only", action="store_true")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    if not args.heideltime.is_file():
        print(f"error: no HeidelTime cache {args.heideltime}: run python -m benchmarks.heideltime --data "
              f"{args.data} --out {args.heideltime} --refresh", file=sys.stderr)
        return 1
    if not args.data.is_dir():
        print(f"error: no such directory: {args.data}", file=sys.stderr)
        return 1
    found, counts = cases(args.data, load_heideltime(args.heideltime))
    report = render(found, counts, args.family, args.limit, args.counts_only, args.kind)
    if args.out:
        args.out.write_text(report, encoding="utf-8")
        print(f"wrote {args.out}: " + ", ".join(f"{k} {counts[k]}" for k in KINDS))
    else:
        print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
