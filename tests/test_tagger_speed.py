"""The speed benchmarks time what they say: the tagger's call gives the pipeline's timexes, and
benchmarks/tagger_speed.py runs two trees side by side and reports their ratio."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from test_golden import CASES

from benchmarks import tagger_speed
from benchmarks.tbaq import tag, timexes
from timeline.timeml import TimemlDocument

ROOT = Path(__file__).resolve().parents[1]
TBAQ = ROOT.parent / "shared" / "data" / "tbaq"


def _documents() -> list[TimemlDocument]:
    """News-length texts made of golden sentences, each with the first one's publication date."""
    cases = [case for case in CASES if case.language == "en" and case.published]
    return [TimemlDocument(f"golden{i}", "\n\n".join(c.sentence for c in cases[i:i + 25]), cases[i].published, ())
            for i in range(0, len(cases), 25)]


def test_the_tagger_alone_gives_the_pipelines_timexes() -> None:
    documents = _documents()[::3]
    assert len(documents) > 15
    assert [doc.doc_id for doc in documents if timexes(doc) != tag(doc)] == []


@pytest.mark.corpus
def test_the_tagger_alone_gives_the_pipelines_timexes_on_tbaq() -> None:
    if not TBAQ.is_dir():
        pytest.skip("TBAQ is not in ../shared")
    from benchmarks.tbaq import load

    documents = [d for corpus in load(TBAQ) for d in corpus.documents][::6]
    assert [doc.doc_id for doc in documents if timexes(doc) != tag(doc)] == []


def test_summary_and_ratios() -> None:
    before, after = [2.0, 4.0, 6.0, 8.0], [1.0, 2.0, 3.0, 8.0]
    assert tagger_speed.summary(before) == {"median": 5.0, "p95": 8.0, "mean": 5.0, "total": 20.0}
    ratios = tagger_speed.ratios(after, before)
    assert ratios["median"] == 2.5 / 5.0 and ratios["total"] == 14.0 / 20.0
    assert ratios["per_document_median"] == 0.5 and ratios["per_document_max"] == 1.0


def test_two_trees_are_timed_in_alternating_workers(tmp_path: Path) -> None:
    docs = tmp_path / "docs.json"
    docs.write_text(json.dumps([("On Sunday, two rockets were fired.", date(2021, 4, 7).isoformat()),
                                ("Three days ago it rained; it will rain again in March.", None)]))
    results = tagger_speed.run([ROOT, ROOT], docs, rounds=2)
    assert len(results) == 2 and all(len(times) == 2 and all(t >= 0 for t in times) for times in results)
