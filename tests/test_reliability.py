"""Issue 13 (reliability round two): each defect an outside probe found, as a test that failed before its fix."""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import timeline
from timeline import cli, collection, tagger
from timeline.collection import StoreDamaged, StoreError, build, open_store
from timeline.documents import read_document
from timeline.limits import CHARS_PER_DATE, MIN_DATES, call_with_timeout, max_dates


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
    text = "On Sunday two \ud800 rockets were fired. Talks ended in March 2019 \udfff."
    result = timeline.extract(text, date(2021, 4, 7))
    frame = result.to_frame()
    assert frame["value"].tolist() == ["2021-04-04", "2019-03"]
    assert frame["sentence"][0] == "On Sunday two \ufffd rockets were fired."
    for row in frame.itertuples():  # one code point for one: the offsets still index the original text
        assert len(row.sentence) == row.sentence_end - row.sentence_start
        assert text[row.expression_start:row.expression_end] == row.expression
    assert "\ud800" in result.events[0].sentence  # the Timeline itself keeps the text as given
    assert frame.to_csv(index=False).count("\ufffd") == 4  # in the first event's two labels and both sentences


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


# -- items 7 and 8: damaged stores, part names outside the store --------------------------------------------

FEED = [
    {"id": f"n{i}", "published": "2021-04-07", "text": f"Talks number {i} were held on Sunday. They began in March {1990 + i}."}
    for i in range(6)
]


@pytest.fixture
def store(tmp_path: Path) -> tuple[Path, Path]:
    """(feed, store): six articles in three parts of two."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in FEED), encoding="utf-8")
    build([str(feed)], tmp_path / "store", workers=1, batch_size=2, part_size=2)
    return feed, tmp_path / "store"


def _damage(file: Path, how: str) -> None:
    data = file.read_bytes()
    if how == "truncate":
        file.write_bytes(data[: len(data) // 2])
    else:  # flip bytes in the middle: same size, footer intact
        middle = len(data) // 2
        file.write_bytes(data[:middle] + bytes(b ^ 0xFF for b in data[middle:middle + 8]) + data[middle + 8:])


@pytest.mark.parametrize("table, how", [("articles", "truncate"), ("events", "flip")])
def test_a_damaged_part_is_reported_by_open_and_build(store, table: str, how: str, capsys) -> None:
    feed, path = store
    _damage(path / table / "part-00002.parquet", how)
    with pytest.raises(StoreDamaged) as damaged:
        open_store(path)
    message = str(damaged.value)
    assert message.startswith(f"store is damaged: {table}/part-00002.parquet ") and "--repair" in message
    assert str(path) not in message  # the part is named relative to the store
    assert damaged.value.parts == ["part-00002"]
    assert cli.main(["build", str(feed), "--out", str(path), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"timeline: error: store is damaged: {table}/part-00002.parquet") and err.count("\n") == 1


def test_repair_drops_damaged_parts_and_extracts_their_articles_again(store, tmp_path: Path, capsys) -> None:
    feed, path = store
    _damage(path / "events" / "part-00002.parquet", "flip")
    (path / "articles" / "part-00003.parquet").unlink()
    assert cli.main(["build", str(feed), "--out", str(path), "--quiet", "--repair"]) == 0
    out, err = capsys.readouterr()
    assert "dropped part part-00002 (2 articles)" in err and "dropped part part-00003 (2 articles)" in err
    assert out.startswith("added 4 articles (8 events), skipped 2 already in the store")
    build([str(feed)], tmp_path / "fresh", workers=1)
    with open_store(path) as repaired, open_store(tmp_path / "fresh") as fresh:
        assert (repaired.n_articles, repaired.n_events) == (6, 12)
        columns = "article_id, event_id, value, sentence"
        query = f"SELECT {columns} FROM events ORDER BY article_id, event_id"
        assert repaired.cursor().execute(query).fetchall() == fresh.cursor().execute(query).fetchall()
    assert sorted(p.name for p in (path / "events").iterdir()) == ["part-00001.parquet", "part-00002.parquet"]


def test_every_part_records_its_checksums(store) -> None:
    _, path = store
    manifest = json.loads((path / "manifest.json").read_text())
    for part in manifest["parts"]:
        for table in ("articles", "events"):
            data = (path / table / f"{part['name']}.parquet").read_bytes()
            assert part["sha256"][table] == hashlib.sha256(data).hexdigest()


def test_malformed_checksums_are_damage_not_a_crash(store) -> None:
    feed, path = store
    manifest = json.loads((path / "manifest.json").read_text())
    manifest["parts"][0]["sha256"] = "not a mapping"
    (path / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(StoreDamaged, match="malformed checksums for part-00001"):
        open_store(path)


@pytest.mark.parametrize("name", ["../../other/events/part-00001", "/etc/part-00001", "part-1/../../x", 7])
def test_manifest_part_names_cannot_leave_the_store(store, tmp_path: Path, name) -> None:
    feed, path = store
    other = tmp_path / "other"
    build([str(feed)], other, workers=1)  # a store of its own, outside `path`
    manifest_file = path / "manifest.json"
    manifest = json.loads(manifest_file.read_text())
    manifest["parts"][1]["name"] = name
    manifest_file.write_text(json.dumps(manifest))
    with pytest.raises(StoreDamaged, match=r"^store is damaged: manifest.json lists a part named .*not part-NNNNN"):
        open_store(path)
    with pytest.raises(StoreDamaged):
        build([str(feed)], path, workers=1)
    report = build([str(feed)], path, workers=1, repair=True)  # repair drops the entry, re-extracts its articles
    assert report.dropped[0][0] == str(name) and report.added == 2
    with open_store(path) as repaired:
        assert repaired.n_articles == 6


# -- item 1: a killed build must not lock its store ---------------------------------------------------------

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _children(pid: int) -> list[int]:
    """Live child processes of `pid` (from /proc: no psutil needed)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def _articles(folder: Path, count: int) -> None:
    """`count` distinct articles of about 6 KB, each with a few dozen dates (slow enough to be killed midway)."""
    folder.mkdir()
    for i in range(count):
        sentences = [f"On {WEEKDAYS[(i + k) % 7]}, the council of town {i} met for the {k}th time since March "
                     f"{1950 + (i + k) % 70}, and officials said the vote was delayed." for k in range(60)]
        (folder / f"a{i:03d}.txt").write_text(" ".join(sentences), encoding="utf-8")


# Enough for two workers to be busy when the build is stopped (an article costs ~0.45 s; 200 took more than the
# rerun's 300 s on a machine loaded 10 times over).
ARTICLES = 60


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc to find the workers")
@pytest.mark.parametrize("stop", [signal.SIGKILL, signal.SIGTERM])
def test_a_killed_build_leaves_no_worker_and_a_rerun_completes(tmp_path: Path, stop: signal.Signals) -> None:
    """kill -9: no cleanup in the parent, the workers die with it; SIGTERM: stops as Ctrl-C does (saves first)."""
    _articles(tmp_path / "news", ARTICLES)
    store = tmp_path / "store"
    command = [sys.executable, "-m", "timeline", "build", str(tmp_path / "news"), "--out", str(store),
               "--workers", "2", "--quiet"]
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(root)}
    parent = subprocess.Popen(command, cwd=root, env=env, stdout=subprocess.DEVNULL, start_new_session=True)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while len(workers) < 2 and time.monotonic() < deadline and parent.poll() is None:
            time.sleep(0.05)
            workers = _children(parent.pid)
        time.sleep(1.0)  # let them work on a few batches
        assert parent.poll() is None and len(workers) == 2, "the build ended before it could be killed"
        parent.send_signal(stop)
        # SIGTERM lets the batches in flight end first (a batch took over 120 s in a clean-clone CI run at load 25)
        assert parent.wait(timeout=300) == (-signal.SIGKILL if stop == signal.SIGKILL else 130)
        deadline = time.monotonic() + 10
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert [w for w in workers if _alive(w)] == [], "workers outlived the killed build"
    finally:
        for worker in workers:  # never leave orphans behind, even when the test fails
            if _alive(worker):
                os.kill(worker, signal.SIGKILL)
    rerun = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    added, skipped = map(int, re.match(r"added (\d+) articles? .*, skipped (\d+) ", rerun.stdout).groups())
    assert added + skipped == ARTICLES  # after SIGTERM, the batches finished before it were saved (skipped now)
    if stop == signal.SIGKILL:
        assert skipped == 0
    with open_store(store) as opened:
        assert opened.n_articles == ARTICLES


def _holder(lock: Path) -> subprocess.Popen:
    """Another process holding the flock on `lock`, as an orphaned worker of a killed build would."""
    code = "import fcntl, sys, time; f = open(sys.argv[1], 'a+b'); fcntl.flock(f, fcntl.LOCK_EX); print(1, flush=True); time.sleep(120)"
    holder = subprocess.Popen([sys.executable, "-c", code, str(lock)], stdout=subprocess.PIPE)
    assert holder.stdout.readline().strip() == b"1"
    return holder


def test_a_stale_lock_is_taken_over_with_a_note(store, tmp_path: Path) -> None:
    feed, path = store
    gone = subprocess.Popen(["true"])
    gone.wait()  # its pid is now free: the build that "wrote" the record is gone
    (path / ".lock").write_text(json.dumps({"pid": gone.pid, "host": socket.gethostname(), "start": None}))
    holder = _holder(path / ".lock")
    try:
        report = build([str(feed)], path, workers=1)
        assert report.notes == [f"took over the lock of a build that is no longer running (pid {gone.pid})"]
        assert report.skipped == 6
        (path / ".lock").write_text(json.dumps({"pid": holder.pid, "host": socket.gethostname(), "start": None}))
        second = _holder(path / ".lock")  # a live owner: the lock is not stale
        try:
            with pytest.raises(StoreError, match=rf"another build is writing to .* \(pid {holder.pid} on "):
                build([str(feed)], path, workers=1)
        finally:
            second.kill()
    finally:
        holder.kill()


# -- item 6: HTML nested deeper than libxml2's limit ------------------------------------------------------


@pytest.mark.parametrize("depth", [300, 3000])
def test_deeply_nested_html_is_read_to_the_end_with_a_note(depth: int) -> None:
    page = ("<html><head><title>Deep page</title><style>p {}</style></head><body><p>It began in 2019.</p>"
            + "<div><span>" * depth + "Rockets hit the base on 7 April 2021.<script>var y = '1999';</script>"
            + "</span></div>" * depth + "<p>Talks resumed in May 2020.</p></body></html>")
    document = read_document(page.encode(), name="deep.html", published=date(2021, 4, 8))
    assert document.text == "It began in 2019.\n\nRockets hit the base on 7 April 2021.\n\nTalks resumed in May 2020."
    assert document.title == "Deep page"
    assert any("nested deeper than 256 levels" in note for note in document.notes)
    values = [e.value for e in timeline.extract_document(document).events]
    assert values == ["2019", "2021-04-07", "2020-05"]


def test_html_within_the_depth_limit_has_no_depth_note() -> None:
    page = "<html><body>" + "<div>" * 200 + "<p>Rockets hit the base on 7 April 2021.</p>" + "</div>" * 200 + "</body></html>"
    document = read_document(page.encode(), name="a.html")
    assert "7 April 2021" in document.text and not any("deeper" in note for note in document.notes)


# -- item 3: memory bounded by the number of dates a text may yield ---------------------------------------


def test_a_flood_of_dates_is_cut_at_the_limit_with_a_note(tmp_path: Path, capsys) -> None:
    text = "on Monday, " * 6_000  # 66,000 characters, one date every 11
    result = timeline.extract(text, date(2021, 4, 7))
    limit = max_dates(len(text))
    assert limit == len(text) // CHARS_PER_DATE == 1_100
    # every date kept is a mention of an event (the same Monday over and over is a few events, many mentions)
    assert len(result.timexes) == sum(len(e.mentions) for e in result.events) == limit
    assert {e.value for e in result.events} == {"2021-04-05"}
    last = result.timexes[-1].end
    assert result.document.notes == (
        f"too many dates for the text's length: kept the first 1,100, dropped about {6_000 - limit:,} more after "
        f"character {last:,} of 66,000 (the limit is one per 60 characters, at least 500: it bounds memory)",
    )
    article = tmp_path / "flood.txt"
    article.write_text(text)
    assert cli.main(["extract", str(article), "--published", "2021-04-07", "--format", "csv"]) == 0
    out, err = capsys.readouterr()
    assert out.count("\n") == 1 + len(result.events) and "timeline: note: too many dates" in err


def test_short_dense_texts_keep_every_date() -> None:
    text = "Jan 5: a vote. Jan 6: a riot. " * (MIN_DATES // 2)  # a date every 15 characters, MIN_DATES of them
    result = timeline.extract(text, date(2021, 4, 7))
    assert len(result.timexes) == sum(len(e.mentions) for e in result.events) == MIN_DATES
    assert result.document.notes == ()


def test_tagging_by_segments_gives_the_same_timexes(monkeypatch) -> None:
    paragraphs = [f"Talks began on {d} March {1990 + i}. They resumed the next day, and again in May. "
                  f"A year later, on Sunday, a deal was signed." for i, d in enumerate(range(1, 29))]
    text = "\n\n".join(paragraphs)
    whole = tagger.tag(text, date(2021, 4, 7))
    monkeypatch.setattr(tagger, "SEGMENT_CHARS", 400)
    assert len(tagger.segments(text)) >= 10
    assert tagger.tag(text, date(2021, 4, 7)) == whole
    bounds = tagger.segments(text)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(bounds))  # contiguous, no gap, no overlap
