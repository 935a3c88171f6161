"""benchmarks/blind_sets.py: the web sets' machine-readable splits, and pooled rows that sum counts (micro)."""

import re
from pathlib import Path

import pytest

from benchmarks import web_articles
from benchmarks.blind_sets import BlindSet, Item, build_rows, score_row

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
WEB_SETS = sorted(p for p in BENCHMARKS.glob("web-articles*") if p.is_dir())


def _readme_split(readme: Path) -> dict[str, str]:
    """The pages a README's "Split, fixed before the first score" paragraph lists, by part ("dev", "held")."""
    paragraph = readme.read_text(encoding="utf-8").split("\nSplit", 1)[1].split("\n\n", 1)[0]
    parts = {}
    for entry in paragraph.split("\n- ")[1:]:
        head, _, names = entry.partition(":")
        part = "held" if head.startswith("held") else "dev"
        parts.update({name: part for name in re.split(r",\s*", " ".join(names.split()))})
    return parts


@pytest.mark.parametrize("set_dir", WEB_SETS, ids=lambda p: p.name)
def test_a_web_sets_split_names_exactly_its_pages(set_dir: Path) -> None:
    split = web_articles.read_split(set_dir)
    assert sorted(split) == sorted(p.stem for p in set_dir.glob("*.txt"))
    assert set(split.values()) <= {"dev", "held"}
    if (set_dir / "README.md").is_file():
        assert split == _readme_split(set_dir / "README.md")


def _item(set_name: str, gold: int, found: int) -> Item:
    """A document of `gold` one-word DATEs, the first `found` of them found (exactly) by the system."""
    mentions = tuple((10 * n, 10 * n + 4, "DATE", "2013") for n in range(gold))
    return Item(f"{set_name}/doc", "doc", "held", "", None, mentions, mentions[:found])


def test_pooled_rows_sum_the_counts_before_computing_f1() -> None:
    perfect, empty = _item("web-a", gold=2, found=2), _item("web-b", gold=2, found=0)
    sets = [BlindSet("web-a", "web", (perfect,)), BlindSet("web-b", "web", (empty,))]
    system = {item.key: item.heideltime for item in (perfect, empty)}
    rows = {(row.name, row.part): score_row(row, system) for row in build_rows(sets)}
    pooled = rows[("every blind set's held part, 2 sets pooled", "held")]
    assert pooled == rows[("web-a", "held (all)")] + rows[("web-b", "held (all)")]
    assert (pooled.gold, pooled.system, pooled.strict) == (4, 2, 2)
    # micro: P 100, R 50 -> F1 66.67 (the mean of the two sets' F1, 100 and 0, would be 50)
    assert pooled.row()["strict_f1"] == pytest.approx(66.67)
    assert rows[("web-articles*, 2 sets pooled", "all")] == pooled
