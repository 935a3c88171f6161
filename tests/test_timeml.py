"""Reading and writing TimeML: offsets into the TEXT content, DCT, round trips."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline import extract_document
from timeline.timeml import read_gold_events, read_timeml, tag_timeml_files, write_timeml
from timeline.types import Timex, TimexType

TBAQ = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "tbaq"

SMALL = """<?xml version="1.0" ?>
<TimeML>
<DOCID>demo.1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2021-04-07" functionInDocument="CREATION_TIME">April 7</TIMEX3></DCT>
<TEXT>
AT&amp;T <EVENT eid="e1" class="OCCURRENCE">said</EVENT> \
<TIMEX3 tid="t5" type="DATE" value="2021-04-04">on Sunday</TIMEX3> that prices rose &lt;5% for \
<TIMEX3 tid="t6" type="DURATION" value="P3Y" mod="MORE_THAN">more than three years</TIMEX3>.
</TEXT>
<TLINK lid="l1" eventInstanceID="ei1" relatedToTime="t5" relType="IS_INCLUDED"/>
</TimeML>
"""
SMALL_TEXT = "\nAT&T said on Sunday that prices rose <5% for more than three years.\n"


def strip_text_tags(xml: str) -> str:
    """The TE3input form of a gold file: every tag inside TEXT removed."""
    def untag(m: re.Match) -> str:
        return m[1] + re.sub(r"<[^>]+>", "", m[2]) + m[3]

    return re.sub(r"(<TEXT>)(.*?)(</TEXT>)", untag, xml, flags=re.DOTALL)


def test_read_small_document():
    doc = read_timeml(SMALL)
    assert doc.doc_id == "demo.1"
    assert doc.published == date(2021, 4, 7)
    assert doc.text == SMALL_TEXT
    assert [(t.text, t.type, t.value, t.mod) for t in doc.gold] == [
        ("on Sunday", TimexType.DATE, "2021-04-04", None),
        ("more than three years", TimexType.DURATION, "P3Y", "MORE_THAN"),
    ]
    for t in doc.gold:
        assert doc.text[t.start:t.end] == t.text


def test_round_trip_small_document():
    gold = read_timeml(SMALL).gold
    out = write_timeml(SMALL, gold)
    ET.fromstring(out)  # well-formed
    assert read_timeml(out).gold == gold
    assert read_timeml(out).text == SMALL_TEXT
    # Tags are renumbered from t1, the DCT's t0 and the EVENT and TLINK stay as they were.
    assert '<TIMEX3 tid="t1" type="DATE" value="2021-04-04">on Sunday</TIMEX3>' in out
    assert 'mod="MORE_THAN"' in out and 'tid="t0"' in out
    assert '<EVENT eid="e1" class="OCCURRENCE">said</EVENT>' in out and "<TLINK" in out


def test_write_into_untagged_text_escapes_and_places_tags():
    source = strip_text_tags(SMALL)
    assert read_timeml(source).gold == ()
    text = read_timeml(source).text
    start = text.index("AT&T")
    timex = Timex(text="AT&T said", start=start, end=start + 9, type=TimexType.DATE, value='a"<b')
    out = write_timeml(source, [timex])
    ET.fromstring(out)
    assert '<TIMEX3 tid="t1" type="DATE" value="a&quot;&lt;b">AT&amp;T said</TIMEX3>' in out
    assert read_timeml(out).gold == (timex,)


def test_new_timex_crossing_an_event_drops_the_event_and_stays_well_formed():
    text = read_timeml(SMALL).text
    start = text.index("T said")
    timex = Timex(text="T sa", start=start, end=start + 4, type=TimexType.DATE, value="x")
    out = write_timeml(SMALL, [timex])
    ET.fromstring(out)
    assert "<EVENT" not in out.split("<TEXT>")[1].split("</TEXT>")[0]
    assert read_timeml(out).gold == (timex,)


def test_write_rejects_offsets_that_do_not_match_the_text():
    bad = Timex(text="Monday", start=5, end=11, type=TimexType.DATE, value="x")
    with pytest.raises(ValueError, match="does not match"):
        write_timeml(SMALL, [bad])


def test_not_timeml_is_a_value_error(tmp_path):
    with pytest.raises(ValueError, match="not a TimeML document"):
        read_timeml("<html><body>hi</body></html>")
    path = tmp_path / "a.txt"
    path.write_text("just text")
    with pytest.raises(ValueError, match="not a TimeML document"):
        tag_timeml_files([path], tmp_path / "out", extract_document)


def test_doc_id_falls_back_to_the_file_name(tmp_path):
    path = tmp_path / "x1.tml.TE3input"
    path.write_text(strip_text_tags(SMALL).replace("<DOCID>demo.1</DOCID>", ""))
    assert read_timeml(path).doc_id == "x1"


def tbaq_files() -> list[Path]:
    return sorted(TBAQ.glob("*/*.tml"))


@pytest.mark.skipif(not TBAQ.is_dir(), reason="../shared/data/tbaq is absent")
@pytest.mark.parametrize("name", ["TimeBank/ABC19980108.1830.0711.tml", "AQUAINT/APW19980807.0261.tml"])
def test_real_tbaq_file(name):
    path = TBAQ / name
    raw = path.read_text(encoding="utf-8")
    doc = read_timeml(path)
    assert doc.published is not None and doc.gold
    for t in doc.gold:
        assert doc.text[t.start:t.end] == t.text
    # The text is what an XML parser sees in TEXT.
    assert doc.text == "".join(ET.fromstring(raw).find("TEXT").itertext())
    out = write_timeml(raw, doc.gold)
    ET.fromstring(out)
    assert read_timeml(out).gold == doc.gold
    te3input = strip_text_tags(raw)
    assert read_timeml(write_timeml(te3input, doc.gold)).gold == doc.gold


def test_tag_timeml_files_writes_tagged_copies(tmp_path):
    from timeline import extract_document
    from timeline.types import Document

    source = tmp_path / "demo.tml.TE3input"
    source.write_text(strip_text_tags(SMALL), encoding="utf-8")
    [written] = tag_timeml_files([source], tmp_path / "out", extract_document)
    assert written == tmp_path / "out" / "demo.tml"
    out = written.read_text(encoding="utf-8")
    ET.fromstring(out)
    expected = extract_document(Document(text=SMALL_TEXT, published=date(2021, 4, 7))).timexes
    got = read_timeml(written).gold
    assert [(t.start, t.end, t.value) for t in got] == [(t.start, t.end, t.value) for t in expected]
    assert any(t.text == "Sunday" or t.text == "on Sunday" for t in got)


def test_events_are_written_as_event_tags_with_tlinks_to_their_dates(tmp_path):
    source = tmp_path / "demo.tml.TE3input"
    source.write_text(SMALL.replace("that prices rose", "that two rockets were fired on Saturday,"), encoding="utf-8")
    [written] = tag_timeml_files([source], tmp_path / "out", extract_document, events=True)
    out = written.read_text(encoding="utf-8")
    ET.fromstring(out)
    document, gold = read_timeml(written), read_gold_events(written)
    assert 'relatedToTime="t5"' not in out  # the file's own links were replaced by ours
    events = {eid: document.text[start:end] for eid, (start, end) in gold.events.items()}
    links = [(document.text[start:end], events[eid]) for (start, end), eid in gold.links]
    assert ("Saturday", "fired") in links and ("Sunday", "said") in links  # said on Sunday: the saying
    assert out.count("<TLINK") == len(links) and "ei1" in out


_CHARS = st.sampled_from(list("ab &<>\"'\n\té"))


@given(text=st.text(_CHARS, min_size=1, max_size=40), cuts=st.lists(st.integers(0, 40), max_size=8))
def test_round_trip_property(text, cuts):
    # Random text with characters needing escapes; random non-overlapping spans from sorted cut points.
    body = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    dct = '<DCT><TIMEX3 tid="t0" type="DATE" value="2000-01-02">x</TIMEX3></DCT>'
    source = f"<TimeML>{dct}<TEXT>{body}</TEXT></TimeML>"
    points = sorted({c for c in cuts if c <= len(text)})
    timexes = [Timex(text=text[a:b], start=a, end=b, type=TimexType.DATE, value=f"v{a}&<\"")
               for a, b in zip(points[::2], points[1::2], strict=False) if a < b]
    out = write_timeml(source, timexes)
    ET.fromstring(out)
    doc = read_timeml(out)
    assert doc.text == text and doc.gold == tuple(timexes) and doc.published == date(2000, 1, 2)
