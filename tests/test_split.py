"""The fixed TBAQ development/test split: the recipe's properties, and the committed file never drifting."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from benchmarks import split

SOURCES = {"TimeBank": [f"wsj_{n:04d}" for n in range(180)], "AQUAINT": [f"APW{n:08d}" for n in range(70)]}
TBAQ = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "tbaq"


def test_recipe_puts_thirty_percent_of_each_source_in_test() -> None:
    made = split.make_split(SOURCES)
    counts = Counter((a.source, a.part) for a in made.values())
    assert counts["TimeBank", "test"] == 54 and counts["AQUAINT", "test"] == 21
    assert counts["TimeBank", "dev"] + counts["TimeBank", "test"] == 180


def test_every_dev_fold_holds_both_sources_and_test_has_no_fold() -> None:
    made = split.make_split(SOURCES)
    folds = {(a.source, a.fold) for a in made.values() if a.part == "dev"}
    assert folds == {(s, k) for s in SOURCES for k in range(1, split.FOLDS + 1)}
    assert {a.fold for a in made.values() if a.part == "test"} == {0}


def test_a_document_keeps_its_part_when_others_are_added() -> None:
    before = split.make_split({"AQUAINT": SOURCES["AQUAINT"]})
    after = split.make_split({"AQUAINT": SOURCES["AQUAINT"], "TimeBank": SOURCES["TimeBank"]})
    assert all(after[d].part == a.part for d, a in before.items())  # sources are split independently


def test_written_split_reads_back_and_select_picks_one_part(tmp_path: Path) -> None:
    made = split.make_split(SOURCES)
    path = tmp_path / "split.tsv"
    split.write_split(made, path)
    assert split.load_split(path) == made
    test_ids = split.select(made, "test", made)
    assert test_ids == {d for d, a in made.items() if a.part == "test"}
    assert split.select(["unknown", *made], "all", made) == {"unknown", *made}
    assert "unknown" not in split.select(["unknown"], "dev", made)


@pytest.mark.corpus
def test_committed_split_is_the_recipe_on_tbaq() -> None:
    if not TBAQ.is_dir():
        pytest.skip("TBAQ is not in ../shared")
    from benchmarks.tbaq import load

    sources = {c.name: [d.doc_id for d in c.documents] for c in load(TBAQ)}
    assert split.load_split() == split.make_split(sources)
