"""Issue 13 (reliability round two): each defect an outside probe found, as a test that failed before its fix."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq

import timeline
from timeline.collection import build


def _rows(store: Path, table: str) -> list[dict]:
    manifest = json.loads((store / "manifest.json").read_text())
    return [row for part in manifest["parts"] for row in pq.read_table(store / table / f"{part['name']}.parquet").to_pylist()]


# -- item 2: a lone surrogate in JSON Lines metadata ------------------------------------------------------


def test_lone_surrogates_in_metadata_are_repaired_and_the_part_is_saved(tmp_path: Path) -> None:
    good = {"id": "g", "text": "Rockets hit the base on Sunday.", "published": "2021-04-07"}
    bad = {"id": "bad \ud800 id", "title": "bad \ud800 title", "url": "https://x.org/\udfff",
           "text": "The talks ended in March 2019.", "published": "2021-04-07"}
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")  # ASCII: \\ud800 escapes
    report = build([str(feed)], tmp_path / "store", workers=1)
    assert (report.added, report.failed) == (2, 0)
    articles = {row["doc_id"]: row for row in _rows(tmp_path / "store", "articles")}
    repaired = articles["bad \ufffd id"]
    assert repaired["title"] == "bad \ufffd title" and repaired["url"] == "https://x.org/\ufffd"
    assert "lone surrogates" in repaired["notes"] and "title" in repaired["notes"]
    assert articles["g"]["notes"] is None
    assert [e["value"] for e in _rows(tmp_path / "store", "events")] == ["2021-04-04", "2019-03"]


# -- item 5: Timeline.to_frame with lone surrogates ---------------------------------------------------------


def test_to_frame_replaces_lone_surrogates_in_the_frame_only() -> None:
    text = "On Sunday \ud800 two rockets were fired. Talks ended in March 2019 \udfff."
    result = timeline.extract(text, date(2021, 4, 7))
    frame = result.to_frame()
    assert frame["value"].tolist() == ["2021-04-04", "2019-03"]
    assert frame["sentence"][0] == "On Sunday \ufffd two rockets were fired."
    for row in frame.itertuples():  # one code point for one: the offsets still index the original text
        assert len(row.sentence) == row.sentence_end - row.sentence_start
        assert text[row.expression_start:row.expression_end] == row.expression
    assert "\ud800" in result.events[0].sentence  # the Timeline itself keeps the text as given
    assert frame.to_csv(index=False).count("\ufffd") == 4  # in both labels and both sentences
