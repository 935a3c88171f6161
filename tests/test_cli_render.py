"""`python -m timeline render`: a timeline file or extract's JSON -> the published page or an export."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import timeline
from timeline import cli
from timeline.curation import EditHeadline, Hide, article_hash, dump_timeline_file, event_key, timeline_file

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "us-iraq-withdrawal-2021-04-07.txt"


def run(capsys: pytest.CaptureFixture, *argv: object) -> tuple[int, str, str]:
    status = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


def assert_one_line_error(result: tuple[int, str, str], *words: str) -> None:
    status, out, err = result
    assert (status, out) == (2, "")
    assert err.startswith("timeline: error: ") and err.count("\n") == 1 and "Traceback" not in err
    for word in words:
        assert word in err, err


@pytest.fixture(scope="module")
def seed() -> timeline.Timeline:
    return timeline.extract(SEED.read_text(encoding="utf-8"), published=date(2021, 4, 7), name=SEED.name)


@pytest.fixture()
def curated_file(tmp_path: Path, seed: timeline.Timeline) -> Path:
    keys = [event_key(article_hash(seed.document.text), e) for e in seed.events]
    ops = [Hide(keys[0]), EditHeadline(keys[1], "An edited headline")]
    path = tmp_path / "iraq.timeline.json"
    path.write_text(dump_timeline_file(timeline_file([seed], ops, urls=["https://news.example/iraq"])),
                    encoding="utf-8")
    return path


def test_extract_json_renders_every_event(capsys, tmp_path: Path, seed) -> None:
    status, printed, _ = run(capsys, "extract", SEED, "--format", "json", "--published", "2021-04-07")
    source = tmp_path / "seed.json"
    source.write_text(printed, encoding="utf-8")
    assert status == 0 and json.loads(printed) == seed.to_dict()
    status, out, err = run(capsys, "render", source, "--out", tmp_path / "page.html")
    assert (status, err) == (0, "")
    assert out.startswith(f"wrote {tmp_path / 'page.html'} (html, {len(seed.events)} events")
    page = (tmp_path / "page.html").read_text(encoding="utf-8")
    assert page.count('<li class="event"') == len(seed.events)
    for event in seed.events:
        assert f'<h3 class="headline">{event.headline}</h3>' in page.replace("&quot;", '"').replace("&#x27;", "'")


def test_a_timeline_file_publishes_its_visible_events_as_edited(capsys, tmp_path: Path, curated_file, seed) -> None:
    status, out, err = run(capsys, "render", curated_file, "--out", tmp_path / "page.html", "--title", "Iraq")
    assert (status, err) == (0, "") and "1 hidden or merged left out" in out
    page = (tmp_path / "page.html").read_text(encoding="utf-8")
    assert page.count('<li class="event"') == len(seed.events) - 1
    assert seed.events[0].sentence not in page and "An edited headline" in page
    assert "<title>Iraq</title>" in page and 'href="https://news.example/iraq"' in page


@pytest.mark.parametrize(("out", "fmt", "check"), [
    ("events.csv", None, lambda data: len(list(csv.DictReader(io.StringIO(data.decode())))) == 6),
    ("events.json", None, lambda data: len(json.loads(data)) == 6),
    ("slides.json", "timelinejs", lambda data: len(json.loads(data)["events"]) == 6),
    ("chart.svg", None, lambda data: data.lstrip().startswith(b"<svg") and b"An edited headline" in data),
    ("chart.png", None, lambda data: data.startswith(b"\x89PNG")),
    ("page.htm", None, lambda data: data.startswith(b"<!DOCTYPE html>")),
])
def test_exports_by_suffix_or_format(capsys, tmp_path: Path, curated_file, seed, out, fmt, check) -> None:
    assert len(seed.events) == 7  # six published: one is hidden
    extra = ["--format", fmt] if fmt else []
    status, _, err = run(capsys, "render", curated_file, "--out", tmp_path / out, *extra)
    assert (status, err) == (0, "")
    data = (tmp_path / out).read_bytes()
    assert check(data) and seed.events[0].headline.encode() not in data


def test_bad_input_is_one_line_and_writes_nothing(capsys, tmp_path: Path, curated_file) -> None:
    out = tmp_path / "page.html"
    assert_one_line_error(run(capsys, "render", tmp_path / "missing.json", "--out", out), "cannot read")
    (tmp_path / "junk.json").write_bytes(b"\x00\xff not json")
    assert_one_line_error(run(capsys, "render", tmp_path / "junk.json", "--out", out), "not a timeline file")
    (tmp_path / "list.json").write_text("[1, 2]")
    assert_one_line_error(run(capsys, "render", tmp_path / "list.json", "--out", out), "not a timeline file")
    (tmp_path / "bad.json").write_text(json.dumps({"published": None, "timexes": [], "events": [{"id": 1}]}))
    assert_one_line_error(run(capsys, "render", tmp_path / "bad.json", "--out", out), "extract")
    newer = json.loads(curated_file.read_text(encoding="utf-8")) | {"schema_version": 99}
    (tmp_path / "newer.timeline.json").write_text(json.dumps(newer))
    assert_one_line_error(run(capsys, "render", tmp_path / "newer.timeline.json", "--out", out), "newer version")
    assert_one_line_error(run(capsys, "render", curated_file, "--out", tmp_path / "page.txt"), "--format")
    assert_one_line_error(run(capsys, "render", curated_file, "--out", tmp_path), "folder")
    assert_one_line_error(run(capsys, "render", curated_file, "--out", tmp_path / "no" / "p.html"), "cannot write")
    assert_one_line_error(run(capsys, "render", curated_file, "--out", out, "--format", "pdf"), "invalid choice")
    assert not out.exists()


def test_the_module_runs_from_the_shell(tmp_path: Path, curated_file) -> None:
    done = subprocess.run([sys.executable, "-m", "timeline", "render", str(curated_file), "--out",
                           str(tmp_path / "p.csv")], capture_output=True, text=True, cwd=tmp_path, timeout=300,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "p.csv").read_text(encoding="utf-8").startswith("event_id,source,value")
