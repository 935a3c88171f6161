"""Error analysis of our tagger on TBAQ, grouped by rule family, as Markdown.

    python -m benchmarks.errors [--data DIR] [--split dev|test|all] [--ours PRED.json] [--other PRED.json]
                                [--limit N] [--out report.md]

Only the development documents are read by default (`--split dev`, benchmarks/split.py): the test part is
scored by benchmarks.compare and never analysed, so no rule is written from its errors.

Kinds of error (TempEval-3 alignment from benchmarks.scorer):
- miss: a gold timex no system timex overlaps; family guessed from the gold text/value (`family_of`);
- spurious: a system timex overlapping no gold one; family = Timex.rule;
- wrong value: a relaxed match whose values differ; family = Timex.rule;
- wrong span: a relaxed match that is not strict; family = Timex.rule.
Each entry shows the doc id, gold and system text and value, and ±60 characters of context with the
expression in [[ ]]. With `--other PRED.json` (the `benchmarks.tbaq --predictions` format, e.g. from
HeidelTime) it also lists the gold timexes where exactly one of the two systems has the right value.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from benchmarks import split
from benchmarks.scorer import Mention, align, mentions
from benchmarks.tbaq import DEFAULT_DATA, Corpus, load, predict

KINDS = ("miss", "spurious", "wrong value", "wrong span")
CONTEXT = 60

_WEEKDAY = r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?s?\b"
_MONTH = (r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?")
_UNIT = (r"(?:years?|months?|weeks?|days?|quarters?|decades?|centur(?:y|ies)|weekends?|hours?|half|season"
         r"|spring|summer|autumn|fall|winter)")
_FAMILY_PATTERNS = (  # first match wins; order matters
    ("ago", re.compile(rf"\bago\b|{_UNIT}[ -](?:earlier|later|before)\b")),
    ("quarter", re.compile(r"\b(?:first|second|third|fourth|latest|fiscal|\d\w*)[ -]+"
                           r"(?:fiscal[ -]+)?quarter\b|\bq[1-4]\b")),
    ("reference", re.compile(r"^(?:now|right now|currently|recently|recent|lately|the past|the future|former|"
                             r"once|these days|nowadays|so far|to date|present|the present|at present|soon|"
                             r"then)$")),
    ("relative_day", re.compile(r"\b(?:today|yesterday|tomorrow|tonight)\b")),
    ("time_of_day", re.compile(r"\b(?:\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)|\d{1,2}:\d\d|o'clock|noon|"
                               r"midnight|"
                               r"morning|afternoon|evening|night|dawn|dusk)\b")),
    ("weekday", re.compile(_WEEKDAY)),
    ("month_day", re.compile(rf"{_MONTH}\s*\d{{1,2}}\b|\b\d{{1,2}}\s+{_MONTH}")),
    ("month_year", re.compile(_MONTH)),
    ("decade", re.compile(r"\b(?:\d{2})?\d0'?s\b|\bdecade\b")),
    ("year", re.compile(r"\b\d{4}\b|\b'\d\d\b")),
    ("relative_unit", re.compile(rf"\b(?:last|next|this|coming|past|previous|current|recent|following|"
                                 rf"same|that|earlier|later|prior)\b.*\b{_UNIT}\b|^(?:the\s+)?{_UNIT}$")),
)


def family_of(text: str, value: str, kind: str) -> str:
    """Guess the rule family of a gold timex from its text, value and TIMEX3 type.

    Families are named like the tagger's rules where one fits: weekday, month_day, month_year,
    year, decade, quarter, relative_day, relative_unit, ago, duration, set, reference,
    time_of_day, other.
    """
    lowered = " ".join(text.lower().split())
    if kind == "SET":
        return "set"
    if kind == "DURATION" and not re.search(r"\bago\b", lowered):
        return "duration"
    if value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF") and not re.search(r"\d", lowered):
        return "reference"
    for family, pattern in _FAMILY_PATTERNS:
        if pattern.search(lowered):
            return family
    return "other"


@dataclass(frozen=True)
class Entry:
    """One error: where, which family, and the gold and/or system mention."""

    kind: str
    family: str
    doc_id: str
    gold: dict | None
    system: dict | None
    context: str


def _context(text: str, start: int, end: int) -> str:
    before = text[max(0, start - CONTEXT):start]
    after = text[end:end + CONTEXT]
    return " ".join(f"{before}[[{text[start:end]}]]{after}".split())


def _as_dict(text: str, mention: Mention, rule: str | None = None) -> dict:
    start, end, kind, value = mention
    item = {"text": text[start:end], "type": kind, "value": value}
    if rule is not None:
        item["rule"] = rule or "(no rule)"
    return item


def _gold_family(text: str, mention: Mention) -> str:
    return family_of(text[mention[0]:mention[1]], mention[3], mention[2])


def find_errors(corpora: list[Corpus], ours: dict[str, list[dict]]) -> list[Entry]:
    """Every miss, spurious, wrong-value and wrong-span entry of `ours` (the --predictions format)."""
    entries: list[Entry] = []
    for doc in (d for corpus in corpora for d in corpus.documents):
        text, gold = doc.text, mentions(doc.gold)
        predicted = ours.get(doc.doc_id, [])
        system = [(p["start"], p["end"], p["type"], p["value"]) for p in predicted]
        rules = [p.get("rule", "") or "(no rule)" for p in predicted]
        matches = align(gold, system)
        matched_gold = {m.gold_index for m in matches}
        matched_system = {m.system_index for m in matches}
        for gi, g in enumerate(gold):
            if gi not in matched_gold:
                entries.append(Entry("miss", _gold_family(text, g), doc.doc_id, _as_dict(text, g), None,
                                     _context(text, g[0], g[1])))
        for si, s in enumerate(system):
            if si not in matched_system:
                entries.append(Entry("spurious", rules[si], doc.doc_id, None, _as_dict(text, s, rules[si]),
                                     _context(text, s[0], s[1])))
        for m in matches:
            g, s = gold[m.gold_index], system[m.system_index]
            start, end = min(g[0], s[0]), max(g[1], s[1])
            for kind, wrong in (("wrong value", not m.same_value), ("wrong span", not m.strict)):
                if wrong:
                    rule = rules[m.system_index]
                    entries.append(Entry(kind, rule, doc.doc_id, _as_dict(text, g), _as_dict(text, s, rule),
                                         _context(text, start, end)))
    return entries


def compare(corpora: list[Corpus], ours: dict[str, list[dict]], other: dict[str, list[dict]]) -> list[Entry]:
    """Gold timexes where exactly one system has a relaxed match with the right value.

    kind is "other right, ours wrong" or "ours right, other wrong"; family from the gold timex.
    """
    def right_values(gold: list[Mention], predicted: list[dict]) -> set[int]:
        system = [(p["start"], p["end"], p["type"], p["value"]) for p in predicted]
        return {m.gold_index for m in align(gold, system) if m.same_value}

    def found(gold: Mention, predicted: list[dict]) -> dict | None:
        for p in predicted:
            if p["start"] < gold[1] and gold[0] < p["end"]:
                return {"text": p.get("text", ""), "type": p["type"], "value": p["value"],
                        "rule": p.get("rule", "")}
        return None

    entries: list[Entry] = []
    for doc in (d for corpus in corpora for d in corpus.documents):
        gold = mentions(doc.gold)
        mine, theirs = ours.get(doc.doc_id, []), other.get(doc.doc_id, [])
        ours_right, other_right = right_values(gold, mine), right_values(gold, theirs)
        for gi, g in enumerate(gold):
            if (gi in ours_right) == (gi in other_right):
                continue
            kind = "ours right, other wrong" if gi in ours_right else "other right, ours wrong"
            shown = found(g, theirs if gi in other_right else mine)  # the right answer's mention
            wrong = found(g, mine if gi in other_right else theirs)
            system = {"right": shown, "wrong": wrong}
            entries.append(Entry(kind, _gold_family(doc.text, g), doc.doc_id, _as_dict(doc.text, g), system,
                                 _context(doc.text, g[0], g[1])))
    return entries


def _mention(item: dict | None) -> str:
    if item is None:
        return "—"
    rule = f" ({item['rule']})" if item.get("rule") else ""
    return f"\"{item['text']}\" {item['type']} `{item['value']}`{rule}"


def _line(entry: Entry) -> str:
    if entry.kind in KINDS:
        pair = f"gold {_mention(entry.gold)} · ours {_mention(entry.system)}"
    else:
        pair = (f"gold {_mention(entry.gold)} · right {_mention(entry.system['right'])} · "
                f"wrong {_mention(entry.system['wrong'])}")
    return f"- `{entry.doc_id}` {pair}\n  > {entry.context}"


def groups(entries: list[Entry]) -> list[tuple[str, str, list[Entry]]]:
    """(kind, family, entries) for every non-empty group, largest first."""
    by_group: dict[tuple[str, str], list[Entry]] = {}
    for entry in entries:
        by_group.setdefault((entry.kind, entry.family), []).append(entry)
    return sorted(((k, f, e) for (k, f), e in by_group.items()), key=lambda g: (-len(g[2]), g[0], g[1]))


def render(entries: list[Entry], comparison: list[Entry] | None = None, limit: int = 0) -> str:
    """The Markdown report: summary counts per family, largest groups, then every group's entries.

    A relaxed match with a wrong span and a wrong value counts under both kinds.
    """
    out = ["# Timex errors on TBAQ", ""]
    counts = Counter((e.family, e.kind) for e in entries)
    families = sorted({f for f, _ in counts}, key=lambda f: (-sum(counts[f, k] for k in KINDS), f))
    out += ["| family | " + " | ".join(KINDS) + " | total |", "|---|" + "---:|" * (len(KINDS) + 1)]
    for family in families:
        cells = [counts[family, k] for k in KINDS]
        out.append(f"| {family} | " + " | ".join(map(str, cells)) + f" | {sum(cells)} |")
    totals = [sum(counts[f, k] for f in families) for k in KINDS]
    out += ["| **all** | " + " | ".join(map(str, totals)) + f" | {sum(totals)} |", ""]
    largest = ", ".join(f"{kind} · {family} {len(group)}" for kind, family, group in groups(entries)[:10])
    out += [f"Largest groups: {largest}.", ""]
    sections = [("Errors", entries)]
    if comparison is not None:
        sections.append(("Gold timexes only one of the two systems gets right", comparison))
    for title, items in sections:
        out += [f"## {title}", ""]
        if not items:
            out += ["(none)", ""]
        order = {kind: i for i, kind in enumerate(KINDS)}
        by_kind = sorted(groups(items), key=lambda g: (order.get(g[0], len(KINDS)), g[0], -len(g[2]), g[1]))
        for kind, family, group in by_kind:
            out += [f"### {kind} · {family} ({len(group)})", ""]
            shown = group[:limit] if limit else group
            out += [_line(e) for e in shown]
            if len(shown) < len(group):
                out.append(f"- … {len(group) - len(shown)} more")
            out.append("")
    return "\n".join(out)


_KEYS = {"start", "end", "type", "value"}


def restrict(corpora: list[Corpus], part: str) -> list[Corpus]:
    """The corpora with only the documents of one part of the split ("dev", "test" or "all")."""
    keep = split.select([d.doc_id for c in corpora for d in c.documents], part)
    return [Corpus(c.name, tuple(d for d in c.documents if d.doc_id in keep)) for c in corpora]


def _load_predictions(path: Path) -> dict[str, list[dict]]:
    """{doc_id: [mention dicts]}; keys starting with "_" (metadata such as "_meta") are ignored."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ValueError(f"{path}: cannot read predictions ({err})") from None
    if isinstance(data, dict):
        data = {k: v for k, v in data.items() if not k.startswith("_")}
    ok = isinstance(data, dict) and all(
        isinstance(v, list) and all(isinstance(p, dict) and _KEYS <= p.keys() for p in v)
        for v in data.values())
    if not ok:
        raise ValueError(f"{path}: expected {{doc_id: [{{start, end, type, value, ...}}]}}")
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.errors",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="TBAQ-cleaned directory")
    parser.add_argument("--split", choices=("dev", "test", "all"), default="dev",
                        help="which part of the fixed TBAQ split to read (default: %(default)s; never tune on test)")
    parser.add_argument("--ours", type=Path, help="our predictions (tbaq --predictions); default: tag now")
    parser.add_argument("--other", type=Path, help="another system's predictions, same format")
    parser.add_argument("--limit", type=int, default=0, help="entries shown per group (0: all)")
    parser.add_argument("--out", type=Path, help="write the report here instead of stdout")
    args = parser.parse_args(argv)
    try:
        corpora = restrict(load(args.data), args.split)
        if args.ours:
            ours = _load_predictions(args.ours)
        else:
            from benchmarks.tbaq import predictions_json, report_failures

            predictions, failures = predict(corpora)
            report_failures(failures)
            ours = predictions_json(predictions)
        other = _load_predictions(args.other) if args.other else None
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    entries = find_errors(corpora, ours)
    report = render(entries, compare(corpora, ours, other) if other is not None else None, args.limit)
    if args.out:
        args.out.write_text(report + "\n", encoding="utf-8")
        print(f"{len(entries)} errors written to {args.out}")
    else:
        print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
