"""TempEval-3 timex scoring (UzZaman et al. 2013, as in the official TE3 scorer).

Input: gold and system mentions per document, `dict[doc_id, list[(start, end, type, value)]]`
(type may be a str or a TimexType; only TEXT is scored, so leave the DCT out).

    score(gold: dict, system: dict) -> Scores
    Scores.row() -> {"gold", "system", "strict_p", "strict_r", "strict_f1", "relaxed_p", ...}  (percentages)
    format_table(rows: dict[str, Scores]) -> str   # one line per named Scores
    align(gold: list, system: list) -> list[Match]  # the pairing behind the numbers, for error analysis
    mentions(timexes) -> list[(start, end, type, value)]  # from timeline.types.Timex objects

Definitions:
- strict match: same start and end; relaxed match: the spans overlap. Each gold and each system
  mention is used at most once: exact-span pairs are taken first, then overlapping pairs in order
  of decreasing overlap (ties: earlier gold first).
- precision = matches / system mentions, recall = matches / gold mentions, F1 their harmonic mean.
- value (type) accuracy = relaxed matches with equal value (type) / relaxed matches.
- value (type) F1 = relaxed F1 * value (type) accuracy: TE3's attribute F1, which equals the F1 of
  attribute precision (correct / system) and attribute recall (correct / gold).
A ratio with a zero denominator is 0.

Example: gold [(0, 9, "DATE", "2021-04-04")], system [(3, 9, "DATE", "2021-04-04")]
-> strict F1 0, relaxed F1 100, value accuracy 100, value F1 100.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

Mention = tuple[int, int, str, str]  # (start, end, type, value)

__all__ = ["Match", "Mention", "Scores", "align", "format_table", "mentions", "score"]


@dataclass(frozen=True)
class Match:
    """A relaxed match between gold[gold_index] and system[system_index]."""

    gold_index: int
    system_index: int
    strict: bool
    same_value: bool
    same_type: bool


def _kind(value) -> str:
    return value.value if isinstance(value, Enum) else str(value)


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def _f1(p: float, r: float) -> float:
    return _ratio(2 * p * r, p + r)


@dataclass(frozen=True)
class Scores:
    """Counts of one evaluation; the metrics are properties (fractions 0..1)."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value_correct: int = 0
    type_correct: int = 0

    def __add__(self, other: Scores) -> Scores:
        return Scores(*(a + b for a, b in zip(self._counts(), other._counts(), strict=True)))

    def _counts(self) -> tuple[int, ...]:
        return (self.gold, self.system, self.strict, self.relaxed, self.value_correct, self.type_correct)

    @property
    def strict_p(self) -> float:
        return _ratio(self.strict, self.system)

    @property
    def strict_r(self) -> float:
        return _ratio(self.strict, self.gold)

    @property
    def strict_f1(self) -> float:
        return _f1(self.strict_p, self.strict_r)

    @property
    def relaxed_p(self) -> float:
        return _ratio(self.relaxed, self.system)

    @property
    def relaxed_r(self) -> float:
        return _ratio(self.relaxed, self.gold)

    @property
    def relaxed_f1(self) -> float:
        return _f1(self.relaxed_p, self.relaxed_r)

    @property
    def value_accuracy(self) -> float:
        return _ratio(self.value_correct, self.relaxed)

    @property
    def value_f1(self) -> float:
        return self.relaxed_f1 * self.value_accuracy

    @property
    def type_accuracy(self) -> float:
        return _ratio(self.type_correct, self.relaxed)

    @property
    def type_f1(self) -> float:
        return self.relaxed_f1 * self.type_accuracy

    def row(self) -> dict[str, float | int]:
        """Counts, and every metric as a percentage rounded to 2 decimals."""
        metrics = ("strict_p", "strict_r", "strict_f1", "relaxed_p", "relaxed_r", "relaxed_f1",
                   "value_accuracy", "value_f1", "type_accuracy", "type_f1")
        row: dict[str, float | int] = {"gold": self.gold, "system": self.system}
        row.update({name: round(100 * getattr(self, name), 2) for name in metrics})
        return row


def align(gold: Sequence[Mention], system: Sequence[Mention]) -> list[Match]:
    """Pair gold and system mentions one-to-one: exact spans first, then by decreasing overlap."""
    pairs = []
    for gi, (gs, ge, _, _) in enumerate(gold):
        for si, (ss, se, _, _) in enumerate(system):
            overlap = min(ge, se) - max(gs, ss)
            if overlap > 0:
                exact = gs == ss and ge == se
                pairs.append((not exact, -overlap, gi, si))
    pairs.sort()
    used_gold: set[int] = set()
    used_system: set[int] = set()
    matches = []
    for inexact, _, gi, si in pairs:
        if gi in used_gold or si in used_system:
            continue
        used_gold.add(gi)
        used_system.add(si)
        g, s = gold[gi], system[si]
        matches.append(Match(gi, si, not inexact, g[3] == s[3], _kind(g[2]) == _kind(s[2])))
    return sorted(matches, key=lambda m: m.gold_index)


def score_document(gold: Sequence[Mention], system: Sequence[Mention]) -> Scores:
    """Scores of one document's mentions."""
    matches = align(gold, system)
    return Scores(
        gold=len(gold),
        system=len(system),
        strict=sum(m.strict for m in matches),
        relaxed=len(matches),
        value_correct=sum(m.same_value for m in matches),
        type_correct=sum(m.same_type for m in matches),
    )


def score(gold: Mapping[str, Sequence[Mention]], system: Mapping[str, Sequence[Mention]]) -> Scores:
    """Pooled (micro-averaged) scores over every document in gold or system; a missing doc is empty."""
    total = Scores()
    for doc_id in sorted(set(gold) | set(system)):
        total = total + score_document(gold.get(doc_id, ()), system.get(doc_id, ()))
    return total


def mentions(timexes: Iterable) -> list[Mention]:
    """(start, end, type, value) tuples from objects with those attributes (e.g. Timex)."""
    return [(t.start, t.end, _kind(t.type), t.value) for t in timexes]


_COLUMNS = (
    ("gold", "gold", "{:d}"), ("system", "sys", "{:d}"),
    ("strict_p", "strict P", "{:.2f}"), ("strict_r", "strict R", "{:.2f}"),
    ("strict_f1", "strict F1", "{:.2f}"),
    ("relaxed_p", "relax P", "{:.2f}"), ("relaxed_r", "relax R", "{:.2f}"),
    ("relaxed_f1", "relax F1", "{:.2f}"),
    ("value_accuracy", "value acc", "{:.2f}"), ("value_f1", "value F1", "{:.2f}"),
    ("type_accuracy", "type acc", "{:.2f}"), ("type_f1", "type F1", "{:.2f}"),
)


def format_table(rows: Mapping[str, Scores]) -> str:
    """A Markdown table, one line per named Scores, metrics as percentages."""
    header = ["", *(title for _, title, _ in _COLUMNS)]
    lines = [header]
    for name, scores in rows.items():
        row = scores.row()
        lines.append([name, *(fmt.format(row[key]) for key, _, fmt in _COLUMNS)])
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]

    def render(cells: list[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = (c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True))
        return "| " + " | ".join([first, *rest]) + " |"

    rule = "|" + "|".join("-" * (w + 1) + ":" if i else "-" * (w + 2) for i, w in enumerate(widths)) + "|"
    return "\n".join([render(lines[0]), rule, *(render(line) for line in lines[1:])])
