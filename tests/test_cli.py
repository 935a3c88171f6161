"""`python -m timeline`: output formats and one-line errors (timeline.cli)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from timeline import cli
from timeline.export import EVENT_COLUMNS, FRAME_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "us-iraq-withdrawal-2021-04-07.txt"
TIMEX_KEYS = {"text", "start", "end", "type", "value"}


def run(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def assert_one_line_error(status: int, out: str, err: str, *words: str) -> None:
    assert status == 2
    assert out == ""
    assert err.startswith("timeline: error: ")
    assert err.count("\n") == 1 and err.endswith("\n")
    assert "Traceback" not in err
    for word in words:
        assert word in err


def test_json_shape_and_offsets(capsys: pytest.CaptureFixture) -> None:
    status, out, err = run(capsys, "extract", str(SEED), "--format", "json")
    assert (status, err) == (0, "")
    result = json.loads(out)
    assert set(result) == {"published", "timexes", "events"}
    assert result["published"] == "2021-04-07"  # found in the text: no --published given
    assert result["events"], "the seed article has dated events"
    text = SEED.read_text(encoding="utf-8")
    for event in result["events"]:
        assert list(event) == list(EVENT_COLUMNS)
        assert text[event["expression_start"]:event["expression_end"]] == event["expression"]
        assert text[event["sentence_start"]:event["sentence_end"]] == event["sentence"]
    for timex in result["timexes"]:
        assert set(timex) == TIMEX_KEYS
        assert text[timex["start"]:timex["end"]] == timex["text"]


def test_json_is_export_to_dict(capsys: pytest.CaptureFixture) -> None:
    import timeline
    from timeline.documents import load_path
    from timeline.export import to_dict

    _, out, _ = run(capsys, "extract", str(SEED), "--format", "json")
    expected = to_dict(timeline.extract_document(load_path(SEED)))
    assert out == json.dumps(expected, ensure_ascii=False, indent=2) + "\n"


def test_published_option_wins(capsys: pytest.CaptureFixture) -> None:
    status, out, _ = run(capsys, "extract", str(SEED), "--published", "2021-04-09", "--format", "json")
    assert status == 0
    assert json.loads(out)["published"] == "2021-04-09"
    _, table, _ = run(capsys, "extract", str(SEED), "--published", "2021-04-09")
    assert table.splitlines()[-1] == "published: 2021-04-09 (user)"


def test_a_timeml_file_is_read_as_its_text_and_dct(capsys: pytest.CaptureFixture, tmp_path: Path) -> None:
    path = tmp_path / "AFP_ENG_20061117.0042.tml"
    path.write_text('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2006-11-17" functionInDocument="CREATION_TIME">'
                    '20061117</TIMEX3></DCT><TEXT>A flash flood <EVENT eid="e1">killed</EVENT> 47 people on '
                    '<TIMEX3 tid="t1" type="DATE" value="2006-11-16">Thursday</TIMEX3>.</TEXT></TimeML>')
    status, out, err = run(capsys, "extract", str(path), "--format", "json")
    assert (status, err) == (0, "")
    result = json.loads(out)
    assert result["published"] == "2006-11-17"
    [event] = result["events"]
    assert (event["value"], event["sentence"]) == ("2006-11-16", "A flash flood killed 47 people on Thursday.")


def test_table(capsys: pytest.CaptureFixture) -> None:
    status, out, _ = run(capsys, "extract", str(SEED))
    _, as_json, _ = run(capsys, "extract", str(SEED), "--format", "json")
    events = json.loads(as_json)["events"]
    lines = out.splitlines()
    assert status == 0
    assert lines[0].split() == ["value", "granularity", "expression", "headline"]
    assert lines[-1] == "published: 2021-04-07 (dateline)"
    rows = lines[1:-1]
    assert len(rows) == len(events)
    for row, event in zip(rows, events, strict=True):
        assert row.startswith(event["value"] + " ")
    # aligned: the granularity column starts at the same place on every line
    column = lines[0].index("granularity")
    assert all(row[column - 1] == " " and row[column] != " " for row in rows)


def test_csv(capsys: pytest.CaptureFixture) -> None:
    status, out, _ = run(capsys, "extract", str(SEED), "--format", "csv")
    _, as_json, _ = run(capsys, "extract", str(SEED), "--format", "json")
    rows = list(csv.reader(io.StringIO(out)))
    assert status == 0
    assert rows[0] == list(FRAME_COLUMNS)
    assert [row[1] for row in rows[1:]] == [e["value"] for e in json.loads(as_json)["events"]]


@pytest.mark.parametrize("value", ["2021-02-30", "tomorrow", "07/04/2021", ""])
def test_invalid_published_date(capsys: pytest.CaptureFixture, value: str) -> None:
    assert_one_line_error(*run(capsys, "extract", str(SEED), "--published", value), "--published")


def test_missing_file(capsys: pytest.CaptureFixture, tmp_path: Path) -> None:
    assert_one_line_error(*run(capsys, "extract", str(tmp_path / "nope.txt")), "no such file")


def test_directory(capsys: pytest.CaptureFixture, tmp_path: Path) -> None:
    assert_one_line_error(*run(capsys, "extract", str(tmp_path)), "directory")


def test_binary_file(capsys: pytest.CaptureFixture, tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(b"%PDF-1.7\n\x00\x01binary")
    assert_one_line_error(*run(capsys, "extract", str(path)), "not a text file")


def test_usage_errors_are_one_line(capsys: pytest.CaptureFixture) -> None:
    assert_one_line_error(*run(capsys))
    assert_one_line_error(*run(capsys, "extract"))
    assert_one_line_error(*run(capsys, "extract", str(SEED), "--format", "xml"), "xml")


def test_stdin(capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(SEED.read_bytes())))
    status, out, _ = run(capsys, "extract", "-", "--format", "json")
    assert status == 0
    assert json.loads(out)["published"] == "2021-04-07"


def test_decoding_guess_is_noted_on_stderr(capsys: pytest.CaptureFixture, tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Café owners said on 7 April 2021 that it rained.\n".encode("latin-1"))
    status, out, err = run(capsys, "extract", str(path), "--format", "json")
    assert status == 0
    assert err == "timeline: note: decoded as cp1252\n"
    assert json.loads(out)["events"][0]["sentence"].startswith("Café")


def test_internal_error_is_one_line(capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    import timeline

    def broken(document):
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(timeline, "extract_document", broken)
    status, _, err = run(capsys, "extract", str(SEED))
    assert status == 1
    assert err == "timeline: error: internal error: RuntimeError: boom second line\n"


def test_broken_pipe_is_quiet(capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    class ClosedPipe:
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self) -> None:
            raise BrokenPipeError(32, "Broken pipe")

        def fileno(self) -> int:
            raise OSError("no file descriptor")

    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    status = cli.main(["extract", str(SEED)])
    assert status == 1
    assert capsys.readouterr().err == ""


def test_timeml_bad_input(capsys: pytest.CaptureFixture, tmp_path: Path) -> None:
    path = tmp_path / "plain.tml"
    path.write_text("no TimeML here", encoding="utf-8")
    assert_one_line_error(*run(capsys, "timeml", str(path), "--out-dir", str(tmp_path / "out")))


TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>doc1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2021-04-07" functionInDocument="CREATION_TIME">April 7, 2021</TIMEX3></DCT>
<TEXT>On Sunday, two rockets were fired.</TEXT>
</TimeML>
"""


def test_timeml_writes_tagged_files(capsys: pytest.CaptureFixture, tmp_path: Path) -> None:
    source = tmp_path / "doc.tml"
    source.write_text(TIMEML, encoding="utf-8")
    status, out, err = run(capsys, "timeml", str(source), "--out-dir", str(tmp_path / "out"))
    assert (status, err) == (0, "")
    written = Path(out.strip())
    assert written.parent == tmp_path / "out"
    assert 'value="2021-04-04">Sunday</TIMEX3>' in written.read_text(encoding="utf-8")


def test_timeml_refuses_to_overwrite_its_input(capsys: pytest.CaptureFixture, tmp_path: Path) -> None:
    source = tmp_path / "doc.tml"
    source.write_text(TIMEML, encoding="utf-8")
    assert_one_line_error(*run(capsys, "timeml", str(source), "--out-dir", str(tmp_path)), "overwrite")
    assert source.read_text(encoding="utf-8") == TIMEML


# --- the real command, in a subprocess ----------------------------------------------------------

def python_m(*argv: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "timeline", *argv], input=stdin, capture_output=True, cwd=ROOT, timeout=120, check=False,
    )


def test_subprocess_empty_stdin() -> None:
    done = python_m("extract", "-", "--format", "json")
    assert (done.returncode, done.stderr) == (0, b"")
    assert json.loads(done.stdout) == {"published": None, "timexes": [], "events": []}


def test_subprocess_error_exit_status(tmp_path: Path) -> None:
    done = python_m("extract", str(SEED), "--published", "2021-13-01")
    assert done.returncode == 2
    assert done.stdout == b""
    assert done.stderr.decode().count("\n") == 1
    assert done.stderr.startswith(b"timeline: error: ")
