"""The year-precision benchmark's arithmetic: kept/removed counts and the stratified estimate."""

from benchmarks.year_precision import read_sample, score, weighted_precision, wilson_interval


def _row(stratum: str, population: int, expected: str, uniform: str = "0") -> dict[str, str]:
    return {"doc": "d.tml", "start": "0", "end": "4", "expression": "1730", "value": "1730", "stratum": stratum,
            "population": str(population), "uniform": uniform, "snippet": "", "judgement": "", "expected": expected,
            "reason": "r"}


def test_removed_and_kept_are_counted_apart():
    rows = [_row("parentheses", 10, "none"), _row("parentheses", 10, "1730"), _row("plain", 90, "2001", "1")]
    tallies, uniform, wrong = score(rows, [None, "1730", "2002"])
    assert (tallies["parentheses"].removed_incorrect, tallies["parentheses"].removed_correct) == (1, 0)
    assert tallies["parentheses"].precision == 1.0 and tallies["plain"].precision == 0.0
    assert uniform.kept == 1 and len(wrong) == 1


def test_weighted_estimate_scales_each_stratum_to_its_population():
    # a small stratum sampled in full (1 of 2 wrong) and a large one sampled at 1 in 10 (all right)
    rows = [_row("parentheses", 2, "none"), _row("parentheses", 2, "1730")] + [_row("plain", 100, "1730")] * 10
    tallies, _, _ = score(rows, ["1730"] * 12)
    assert abs(weighted_precision(tallies) - 101 / 102) < 1e-9


def test_the_committed_sample_is_fully_judged():
    rows = read_sample()
    assert len(rows) >= 300
    assert all(r["judgement"] in ("correct", "incorrect") and r["expected"] and r["reason"] for r in rows)
    assert all((r["judgement"] == "correct") == (r["expected"] == r["value"]) for r in rows)


def test_wilson_interval_stays_inside_zero_one_and_narrows_with_n():
    low, high = wilson_interval(177, 177)
    assert 0.97 < low < 1.0 and high == 1.0
    assert wilson_interval(50, 100)[0] < wilson_interval(500, 1000)[0] < 0.5 < wilson_interval(500, 1000)[1]
