"""Issue 13 (reliability round two): each defect an outside probe found, as a test that failed before its fix."""

from __future__ import annotations

import json
import os
import re
import subprocess
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import timeline
from timeline import cli, collection
from timeline.collection import build
from timeline.limits import call_with_timeout


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


# -- item 9: small ones ---------------------------------------------------------------------------------


def test_a_fifo_is_refused_not_waited_on(tmp_path: Path, capsys) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # nobody writes to it: opening it for reading would block forever (a timeout fails the test)
    assert call_with_timeout(cli.main, ["extract", str(fifo)], seconds=10) == 2
    assert "not a regular file" in capsys.readouterr().err
    assert call_with_timeout(cli.main, ["timeml", str(fifo), "--out-dir", str(tmp_path / "out")], seconds=10) == 2
    assert "not a regular file" in capsys.readouterr().err
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("Rockets hit the base on 4 April 2021.")
    os.mkfifo(folder / "b.txt")  # inside a folder SOURCE: skipped (not an article), the build goes on
    report = call_with_timeout(build, [str(folder)], tmp_path / "store", workers=1, seconds=20)
    assert (report.added, report.failed) == (1, 0)


@pytest.mark.parametrize("argv", [["--published", "-2021-04-07"], ["--published=-2021-04-07"]])
def test_a_negative_publication_date_is_refused(argv, tmp_path: Path, capsys) -> None:
    article = tmp_path / "a.txt"
    article.write_text("On Sunday it rained.")
    assert cli.main(["extract", str(article), *argv]) == 2
    assert "--published" in capsys.readouterr().err


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as done:
        cli.main(["--version"])
    assert done.value.code == 0
    assert re.fullmatch(r"timeline (\d+\.\d+\.\d+\S*|\(not installed\))\n", capsys.readouterr().out)


def test_build_summary_counts_are_singular_for_one(tmp_path: Path, capsys) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Rockets hit the base on 4 April 2021.")
    assert cli.main(["build", str(article), "--out", str(tmp_path / "store"), "--quiet"]) == 0
    assert capsys.readouterr().out.startswith("added 1 article (1 event), skipped 0 already in the store")


def test_timeml_out_dir_is_not_created_when_every_input_fails(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.tml"
    bad.write_text("not TimeML at all")
    out = tmp_path / "tagged" / "deeper"
    assert cli.main(["timeml", str(bad), "--out-dir", str(out)]) == 2
    assert "timeline: error:" in capsys.readouterr().err
    assert not (tmp_path / "tagged").exists()


def test_local_cluster_checks_sources_before_starting_dask(tmp_path: Path, capsys, monkeypatch) -> None:
    started = []
    monkeypatch.setattr(collection, "dask_client", lambda *args: started.append(args))
    status = cli.main(["build", str(tmp_path / "missing"), "--out", str(tmp_path / "store"), "--local-cluster"])
    assert status == 2 and started == []
    assert "no such file or folder" in capsys.readouterr().err


def test_files_made_by_readme_commands_are_ignored_by_git() -> None:
    root = Path(__file__).resolve().parents[1]
    ignored = subprocess.run(["git", "check-ignore", "te3-store/manifest.json", "report.md"], cwd=root,
                             capture_output=True, text=True).stdout.split()
    assert ignored == ["te3-store/manifest.json", "report.md"]
