"""Fuzzing timeline.extract and the CLI with hostile text: no exception, valid offsets, well-formed values.

The texts mix random Unicode (lone surrogates, control characters, right-to-left marks, other
scripts) with date-like tokens that are out of range or impossible ("year 99999999",
"31 February 2021", "2021-13-45", "999 decades ago"), and with HTML fragments. The CLI gets
random bytes (invalid UTF-8 included) on standard input: it exits 0 with output, or 2 with one
line on stderr, never 1 (internal error) and never a traceback.
The longer corpus-mutation fuzzer is benchmarks/fuzz.py.
"""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from timex3_grammar import is_timex3_value

from timeline import TimexType, cli, extract
from timeline.timex3 import interval, is_well_formed

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

HUGE_AND_IMPOSSIBLE = (
    "year 99999999", "in 99999999", "99999999-01-01", "31 February 2021", "February 31, 2021", "2021-13-45",
    "2021-02-29", "Feb 30", "30/02/2021", "0/0/0000", "00.00.00", "29 Feb 1900", "December 32", "Q5 2021",
    "the 0th century", "the 99th century", "0000-01-01", "25:00 GMT", "13 p.m.", "12:99 a.m.",
    "999 decades ago", "999,999 days ago", "999,999 weeks from now", "999 decades later", "999,999 months later",
    "a hundred decades ago", "9,999 quarters later", "every 999999999999 years", "1e308 years ago",
    "99999999999999999999 days", "2199 and the next year", "December 31, 2199, the next week", "the 2090s",
    "fiscal 99", "FY00", "week 53", "the '00s", "on Sunday", "the next day", "a year later", "last week",
)
HTML_FRAGMENTS = (
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "&amp;", "&#0;", "&#xD800;", "<!--",
    "-->", "<![CDATA[", "]]>", "<p>", "</div>", '<a href="javascript:alert(1)">', "[x](javascript:alert(1))",
    "<!DOCTYPE html>", '<!ENTITY a "aaaa">', "&a;",
)
ODD_CHARACTERS = (
    "\x00", "\x07", "\x1b[31m", "\x7f", "\x85", "\u2028", "\u2029", "\ufeff", "\u200b", "\u200d", "\u202e",
    "\u0301", "\ud800", "\udfff", "\U0001f600", "\ufffd", "\r", "\r\n", "\t", "\f", "\v",
)
SCRIPTS = ("١٢ أبريل ٢٠٢١", "7 באפריל 2021", "2021年4月7日", "७ अप्रैल २०२१", "7 апреля 2021", "Ⅻ", "²⁰²¹", "٣١/١٢/٢٠٢١")
TOKENS = st.sampled_from(HUGE_AND_IMPOSSIBLE + HTML_FRAGMENTS + ODD_CHARACTERS + SCRIPTS)
ANY_CHARACTER = st.characters(exclude_categories=())  # surrogates (Cs) included
NUMBERS = st.one_of(st.integers(0, 10**30), st.integers(-10**6, 0)).map(str)
SEPARATORS = st.sampled_from((" ", "", ", ", ". ", "\n", "\n\n", "-", "/"))
HOSTILE_TEXTS = st.one_of(
    st.text(ANY_CHARACTER, max_size=300),
    st.lists(st.tuples(st.one_of(TOKENS, NUMBERS, st.text(ANY_CHARACTER, max_size=6)), SEPARATORS), max_size=30)
    .map(lambda parts: "".join(a + b for a, b in parts)),
)
# Publication dates a user can give (the CLI and the dashboard accept any calendar date).
PUBLISHED = st.one_of(st.none(), st.dates(date(1000, 1, 1), date(2999, 12, 31)))


def assert_valid(text: str, published: date | None) -> None:
    """extract() on `text` returns, with faithful offsets and well-formed values."""
    timeline = extract(text, published=published)
    previous_end = 0
    for timex in timeline.timexes:
        assert previous_end <= timex.start < timex.end <= len(text), timeline.timexes
        assert text[timex.start:timex.end] == timex.text
        assert is_well_formed(timex.value), f"{timex.text!r} -> {timex.value!r}"
        assert is_timex3_value(timex.value), f"{timex.text!r} -> {timex.value!r}"
        if timex.type in (TimexType.DATE, TimexType.TIME) and interval(timex.value):
            _, start, end = interval(timex.value)
            assert start < end
        previous_end = timex.end
    for event in timeline.events:
        assert event.start < event.end, event
        for name in ("sentence", "expression"):
            start, end = getattr(event, f"{name}_start"), getattr(event, f"{name}_end")
            assert 0 <= start <= end <= len(text)
            assert text[start:end] == getattr(event, name)


@SETTINGS
@given(text=HOSTILE_TEXTS, published=PUBLISHED)
@example(text="It ended 999 decades ago.", published=date(2021, 4, 7))
@example(text="999,999 days ago, 999,999 months later", published=date(2021, 4, 7))
@example(text="On 31 February 2021, 2021-13-45 and Feb 30, year 99999999.", published=date(2021, 4, 7))
@example(text="\ud800Sunday\udfff the next day", published=None)
def test_extract_survives_hostile_text(text: str, published: date | None) -> None:
    assert_valid(text, published)


@pytest.mark.parametrize("published", [date(1, 1, 1), date(9999, 12, 31)], ids=["first-day", "last-day"])
@pytest.mark.parametrize("text", [
    "On Sunday it rained.", "The next day it rained.", "It rained yesterday and will tomorrow.",
    "Next year, next month, next week and next century.", "Last week and last year.",
    "Sales rose in the third quarter. Prices fell on Monday.",  # a quarter read as a possible half year
])
def test_calendar_edge_publication_dates(text: str, published: date) -> None:
    """A publication date at either end of the calendar: relative dates past the end are dropped, not a crash."""
    assert_valid(text, published)


# --- the CLI, in process --------------------------------------------------------------------

def run_cli(data: bytes, *argv: str) -> tuple[int, str, str]:
    """cli.main(["extract", "-", *argv]) with `data` on stdin; stdout is strict UTF-8 like a terminal's."""
    stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
    stderr = io.StringIO()
    with mock.patch.object(sys, "stdin", stdin), contextlib.redirect_stdout(stdout), \
            contextlib.redirect_stderr(stderr):
        status = cli.main(["extract", "-", *argv])
        stdout.flush()
    return status, stdout.buffer.getvalue().decode("utf-8"), stderr.getvalue()


def assert_cli_outcome(status: int, out: str, err: str) -> None:
    assert status in (0, 2), f"status {status}: {err}"
    assert "Traceback" not in err
    if status == 2:
        assert out == ""
        assert err.startswith("timeline: error: ") and err.count("\n") == 1, err
    else:
        assert all(line.startswith("timeline: note: ") for line in err.splitlines()), err


HOSTILE_BYTES = st.one_of(
    st.binary(max_size=400),
    HOSTILE_TEXTS.map(lambda text: text.encode("utf-8", "surrogatepass")),  # lone surrogates: invalid UTF-8
    st.lists(st.sampled_from((b"\xed\xa0\x80", b"\xc0\xaf", b"\xff", b"\xfe\xff", b"\xef\xbb\xbf", b"\x00",
                              b"7 Apr, 2021\n", b"On Sunday ", b"\xe9t\xe9 ", b"<html>", b"\r\n")), max_size=20)
    .map(b"".join),
)


@SETTINGS
@given(data=HOSTILE_BYTES, fmt=st.sampled_from(("json", "table", "csv")))
@example(data=b"On Sunday, 999 decades ago.", fmt="json")
@example(data=b"\xed\xa0\x80 On Sunday it rained.", fmt="json")
def test_cli_survives_hostile_bytes(data: bytes, fmt: str) -> None:
    status, out, err = run_cli(data, "--format", fmt)
    assert_cli_outcome(status, out, err)
    if status == 0 and fmt == "json":
        result = json.loads(out)
        for timex in result["timexes"]:
            assert is_well_formed(timex["value"]), timex


@pytest.mark.parametrize("data", [
    b"\xed\xa0\x80\xed\xbf\xbf 7 Apr, 2021 \xff\xfe",  # encoded lone surrogates, stray bytes
    "\ufeffOn Sunday \U0001f600 it rained.".encode("utf-16"),  # UTF-16 with a BOM
    b"\xff\xfe" + b"\x00\xd8" + "On Sunday".encode("utf-16-le"),  # UTF-16 with a lone surrogate
    b"year 99999999, 31 February 2021, 2021-13-45, Feb 30, 999 decades ago\n",
    b"",
])
def test_cli_subprocess(data: bytes) -> None:
    """The real `python -m timeline` process: exit 0 or 2, one stderr line on error, no traceback."""
    proc = subprocess.run([sys.executable, "-m", "timeline", "extract", "-", "--format", "json",
                           "--published", "2021-04-07"], input=data, capture_output=True, cwd=ROOT, timeout=60)
    err = proc.stderr.decode("utf-8", "replace")
    assert_cli_outcome(proc.returncode, proc.stdout.decode("utf-8"), err)
    if proc.returncode == 0:
        json.loads(proc.stdout)
