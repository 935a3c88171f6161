"""TempEval-3 scorer on tiny hand-computed examples."""

from __future__ import annotations

import pytest

from benchmarks.scorer import Scores, align, format_table, mentions, score
from timeline.types import Timex, TimexType

GOLD = {"a": [(0, 9, "DATE", "2021-04-04"), (20, 30, "DURATION", "P3Y"), (40, 45, "DATE", "2014")]}
SYSTEM = {"a": [
    (3, 9, "DATE", "2021-04-04"),  # relaxed match, right value
    (20, 30, "DATE", "P3Y"),  # strict match, right value, wrong type
    (50, 55, "DATE", "2015"),  # spurious; gold (40, 45) is missed
]}


def test_counts_and_metrics_of_a_mixed_document():
    s = score(GOLD, SYSTEM)
    assert (s.gold, s.system, s.strict, s.relaxed, s.value_correct, s.type_correct) == (3, 3, 1, 2, 2, 1)
    assert s.strict_p == pytest.approx(1 / 3) and s.strict_r == pytest.approx(1 / 3)
    assert s.strict_f1 == pytest.approx(1 / 3)
    assert s.relaxed_p == pytest.approx(2 / 3) and s.relaxed_f1 == pytest.approx(2 / 3)
    assert s.value_accuracy == pytest.approx(1.0) and s.value_f1 == pytest.approx(2 / 3)
    assert s.type_accuracy == pytest.approx(0.5) and s.type_f1 == pytest.approx(1 / 3)


def test_attribute_f1_equals_f1_of_attribute_precision_and_recall():
    s = score(GOLD, SYSTEM)
    p, r = s.type_correct / s.system, s.type_correct / s.gold
    assert s.type_f1 == pytest.approx(2 * p * r / (p + r))


def test_row_gives_percentages_rounded_to_two_decimals():
    row = score(GOLD, SYSTEM).row()
    assert row["gold"] == 3 and row["system"] == 3
    assert row["relaxed_f1"] == 66.67 and row["type_accuracy"] == 50.0 and row["strict_p"] == 33.33


def test_each_mention_is_matched_at_most_once():
    # One system span overlapping two gold spans counts once.
    s = score({"d": [(0, 10, "DATE", "x"), (12, 20, "DATE", "y")]}, {"d": [(5, 15, "DATE", "x")]})
    assert (s.relaxed, s.strict) == (1, 0)
    assert s.relaxed_p == 1.0 and s.relaxed_r == 0.5 and s.relaxed_f1 == pytest.approx(2 / 3)


def test_exact_spans_are_paired_before_overlaps():
    gold = [(0, 5, "DATE", "a"), (6, 10, "DATE", "b")]
    system = [(0, 10, "DATE", "a"), (6, 10, "DATE", "b")]
    matches = align(gold, system)
    assert [(m.gold_index, m.system_index, m.strict) for m in matches] == [(0, 0, False), (1, 1, True)]
    assert score({"d": gold}, {"d": system}).value_correct == 2


def test_touching_spans_do_not_overlap():
    assert score({"d": [(0, 5, "DATE", "a")]}, {"d": [(5, 9, "DATE", "a")]}).relaxed == 0


def test_documents_are_pooled_and_a_missing_document_counts_as_empty():
    s = score({"a": [(0, 4, "DATE", "2014")], "b": [(0, 4, "DATE", "2015")]},
              {"a": [(0, 4, "DATE", "2014")], "c": [(0, 3, "SET", "P1D")]})
    assert (s.gold, s.system, s.strict) == (2, 2, 1)
    assert s.strict_f1 == pytest.approx(0.5)


def test_nothing_to_score_gives_zeros_not_errors():
    s = score({}, {})
    assert s == Scores() and s.relaxed_f1 == 0.0 and s.value_accuracy == 0.0


def test_scores_add_up_like_pooling():
    a = score({"a": GOLD["a"]}, {"a": SYSTEM["a"]})
    b = score({"b": [(0, 4, "DATE", "2014")]}, {"b": []})
    assert a + b == score({**GOLD, "b": [(0, 4, "DATE", "2014")]}, SYSTEM)


def test_mentions_from_timexes_accepts_enum_types():
    timex = Timex(text="Sunday", start=3, end=9, type=TimexType.DATE, value="2021-04-04")
    assert mentions([timex]) == [(3, 9, "DATE", "2021-04-04")]
    assert score({"d": mentions([timex])}, {"d": [(3, 9, "DATE", "2021-04-04")]}).type_correct == 1


def test_format_table_has_one_line_per_row():
    table = format_table({"TimeBank": score(GOLD, SYSTEM), "pooled": score(GOLD, GOLD)})
    lines = table.splitlines()
    assert len(lines) == 4
    assert lines[2].startswith("| TimeBank") and "66.67" in lines[2] and "33.33" in lines[2]
    assert lines[3].count("100.00") == 10
