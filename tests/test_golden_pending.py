"""Pending golden cases (tests/golden_pending/<family>.tsv): known failures, each run as a strict xfail.

A pending case that starts to pass fails the suite (XPASS strict), so that it is moved into
tests/golden/<family>.tsv, where it keeps the fix from regressing. Format and checks are those of
tests/test_golden.py (its case parser and its assertions are reused).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import test_golden

PENDING = Path(__file__).parent / "golden_pending"


def _load() -> tuple[list, list[str]]:
    cases, errors = [], []
    for path in sorted(PENDING.glob("*.tsv")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            try:
                cases.append(test_golden._parse_line(f"pending/{path.stem}", number, line))
            except ValueError as error:
                errors.append(f"{path.name}:{number}: {error}")
    return cases, errors


CASES, LOAD_ERRORS = _load()
_XFAIL = pytest.mark.xfail(strict=True, raises=AssertionError,
                           reason="pending: move the line to tests/golden/ once it passes")


@pytest.mark.parametrize("case", [pytest.param(c, marks=_XFAIL) for c in CASES], ids=[c.id for c in CASES])
def test_pending_case_still_fails(case) -> None:
    test_golden.test_golden_case(case)


def test_pending_lines_parse_and_are_well_formed() -> None:
    assert not LOAD_ERRORS, "\n".join(LOAD_ERRORS)
    problems = [c.id for c in CASES if c.sentence.count(c.expression) != 1 and c.occurrence is None]
    problems += [f"{c.id}: {c.expected}" for c in CASES
                 if not test_golden.is_timex3_value(c.expected[1]) or not test_golden.type_agrees(*c.expected)]
    assert not problems, "\n".join(problems)


def test_pending_cases_are_not_already_golden() -> None:
    golden = {(c.published, c.sentence, c.expression) for c in test_golden.CASES}
    repeated = [c.id for c in CASES if (c.published, c.sentence, c.expression) in golden]
    assert not repeated, f"already in tests/golden: {repeated}"
