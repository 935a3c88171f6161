"""The golden corpus: hand-written expected TIMEX3 spans, types and values, one file per rule family.

tests/golden/<family>.tsv, one case a line (# comments and blank lines allowed):
    published <TAB> sentence <TAB> expression <TAB> type <TAB> value [<TAB> occurrence]
tests/golden/negatives.tsv:
    published <TAB> sentence <TAB> forbidden [<TAB> occurrence]
English files lie in tests/golden/, another language's in tests/golden/<code>/ (run with the
rules of timeline/lang/<code>/; ids `<code>/<family>:<line>`).
`published` is YYYY-MM-DD or empty (no publication date). `expression` is the exact substring the
tagger must tag; `occurrence` (1-based) picks which one when it occurs more than once. A forbidden
`*` means the sentence must yield no timex at all. Test ids are `<family>:<line number>`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from timex3_grammar import is_timex3_value, type_agrees

from timeline.ruleset import DEFAULT_LANGUAGE

GOLDEN = Path(__file__).parent / "golden"
NEGATIVES = "negatives"
MIN_CASES_PER_FILE = 5
MIN_POSITIVE_CASES = 170
TYPES = ("DATE", "TIME", "DURATION", "SET")
OTHER_SPECS = {"headlines", "labels"}  # tests/test_headlines.py reads those


@dataclass(frozen=True)
class Case:
    """One line of a golden file; `expected` is (type, value), or None for a negative case."""

    family: str
    line: int
    published: date | None
    sentence: str
    expression: str
    occurrence: int | None  # None: the expression must occur exactly once
    expected: tuple[str, str] | None
    language: str = DEFAULT_LANGUAGE

    @property
    def id(self) -> str:
        return f"{self.family}:{self.line}"

    def span(self) -> tuple[int, int]:
        """Offsets of the chosen occurrence of `expression` in `sentence`."""
        start = -1
        for _ in range(self.occurrence or 1):
            start = self.sentence.find(self.expression, start + 1)
            if start < 0:
                raise ValueError(f"{self.id}: {self.expression!r} does not occur {self.occurrence or 1}x")
        return start, start + len(self.expression)


def _parse_line(family: str, number: int, line: str, language: str = DEFAULT_LANGUAGE) -> Case:
    columns = line.rstrip("\n").split("\t")
    negative = family.rsplit("/", 1)[-1] == NEGATIVES
    width = 3 if negative else 5
    if len(columns) not in (width, width + 1):
        raise ValueError(f"{family}:{number}: expected {width} or {width + 1} tab-separated columns, "
                         f"got {len(columns)}")
    published = date.fromisoformat(columns[0]) if columns[0].strip() else None
    occurrence = int(columns[width]) if len(columns) > width else None
    expected = None if negative else (columns[3], columns[4])
    return Case(family, number, published, columns[1], columns[2], occurrence, expected, language)


def golden_files() -> list[tuple[str, str, Path]]:
    """(language, family, file): English files at the top, another language's in a folder named by its code."""
    files = [(DEFAULT_LANGUAGE, path.stem, path) for path in sorted(GOLDEN.glob("*.tsv")) if path.stem not in OTHER_SPECS]
    return files + [(path.parent.name, f"{path.parent.name}/{path.stem}", path) for path in sorted(GOLDEN.glob("*/*.tsv"))]


def load_corpus() -> tuple[list[Case], list[str]]:
    """All cases of all golden files, and the errors of lines that could not be read."""
    cases: list[Case] = []
    errors: list[str] = []
    for language, family, path in golden_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            try:
                cases.append(_parse_line(family, number, line, language))
            except ValueError as error:
                errors.append(f"{path.name}:{number}: {error}")
    return cases, errors


CASES, LOAD_ERRORS = load_corpus()
POSITIVES = [case for case in CASES if case.expected is not None]
NEGATIVE_CASES = [case for case in CASES if case.expected is None]


def _extract(case: Case):
    import timeline  # imported here so that a broken tagger fails the cases, not the collection

    return timeline.extract(case.sentence, published=case.published, language=case.language)


def _type_name(timex) -> str:
    return getattr(timex.type, "value", str(timex.type))


def _describe(timexes) -> str:
    if not timexes:
        return "  (no timex found)"
    return "\n".join(
        f"  [{t.start}:{t.end}] {t.text!r} {_type_name(t)} {t.value}" + (f" rule={t.rule}" if t.rule else "")
        for t in timexes
    )


@pytest.mark.parametrize("case", POSITIVES, ids=[case.id for case in POSITIVES])
def test_golden_case(case: Case) -> None:
    start, end = case.span()
    timexes = _extract(case).timexes
    want_type, want_value = case.expected
    header = (f"{case.id} published={case.published}\n  {case.sentence}\n"
              f"expected [{start}:{end}] {case.expression!r} {want_type} {want_value}\nfound:\n")
    found = [t for t in timexes if (t.start, t.end) == (start, end)]
    assert found, header + _describe(timexes)
    timex = found[0]
    assert (_type_name(timex), timex.value) == (want_type, want_value), header + _describe(timexes)


@pytest.mark.parametrize("case", NEGATIVE_CASES, ids=[case.id for case in NEGATIVE_CASES])
def test_golden_negative(case: Case) -> None:
    timexes = _extract(case).timexes
    if case.expression == "*":
        assert not timexes, f"{case.id}: expected no timex in {case.sentence!r}, found:\n{_describe(timexes)}"
        return
    start, end = case.span()
    overlapping = [t for t in timexes if t.start < end and start < t.end]
    assert not overlapping, (f"{case.id}: {case.expression!r} [{start}:{end}] must not be tagged in "
                             f"{case.sentence!r}; found:\n{_describe(overlapping)}")


# The corpus itself: well-formed, big enough, and unambiguous.

def test_every_line_parses() -> None:
    assert not LOAD_ERRORS, "\n".join(LOAD_ERRORS)


def test_every_file_has_enough_cases() -> None:
    counts = {family: 0 for _, family, _ in golden_files()}
    for case in CASES:
        counts[case.family] += 1
    thin = {family: n for family, n in counts.items() if n < MIN_CASES_PER_FILE}
    assert counts and not thin, f"files with fewer than {MIN_CASES_PER_FILE} cases: {thin}"


def test_corpus_size() -> None:
    assert len(POSITIVES) >= MIN_POSITIVE_CASES, f"only {len(POSITIVES)} positive cases"
    assert len(NEGATIVE_CASES) >= 30, f"only {len(NEGATIVE_CASES)} negative cases"


def test_expressions_are_unambiguous_substrings() -> None:
    problems = []
    for case in CASES:
        if case.expression == "*":
            continue
        count = case.sentence.count(case.expression)
        ambiguous = count > 1 and case.occurrence is None
        if count == 0 or ambiguous or (case.occurrence or 1) > count:
            problems.append(f"{case.id}: {case.expression!r} occurs {count}x in {case.sentence!r}")
    assert not problems, "\n".join(problems)


def test_expected_values_are_well_formed() -> None:
    problems = [
        f"{case.id}: {case.expected}"
        for case in POSITIVES
        if case.expected[0] not in TYPES
        or not is_timex3_value(case.expected[1])
        or not type_agrees(*case.expected)
    ]
    assert not problems, "malformed expected type/value:\n" + "\n".join(problems)


def test_no_case_is_duplicated() -> None:
    seen: dict[tuple, str] = {}
    duplicates = []
    for case in CASES:
        key = (case.published, case.sentence, case.expression, case.occurrence)
        if key in seen:
            duplicates.append(f"{case.id} repeats {seen[key]}")
        seen[key] = case.id
    assert not duplicates, "\n".join(duplicates)
