"""Curation: operations on extracted events, the replayed log, and the timeline file.

Golden examples on the bundled article (its events and their expressions are known), property tests
on random operation logs (deterministic replay, save -> open -> same timeline), and the file's errors.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import timeline
from timeline.curation import (
    MAX_FILE_BYTES,
    AddEvent,
    EditDate,
    EditHeadline,
    Hide,
    Merge,
    Restore,
    RevertEvent,
    Split,
    TimelineFileError,
    apply_operations,
    article_hash,
    date_value,
    dump_timeline_file,
    event_key,
    load_timeline_file,
    timeline_file,
)
from timeline.export import to_dict
from timeline.timelinejs import to_timelinejs

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "us-iraq-withdrawal-2021-04-07.txt"
TEXT = SEED.read_text(encoding="utf-8")
EXTRACTED = timeline.extract(TEXT, date(2021, 4, 7))
HASH = article_hash(TEXT)
KEYS = [event_key(HASH, e) for e in EXTRACTED.events]
BY_EXPRESSION = {e.expression: key for e, key in zip(EXTRACTED.events, KEYS, strict=True)}


def shown(curated, index: int = 0):
    return curated.timelines()[index].events


def test_keys_are_article_hash_and_expression_offsets():
    sunday = next(e for e in EXTRACTED.events if e.expression == "Sunday")
    key = BY_EXPRESSION["Sunday"]
    assert key == f"{HASH[:12]}:{sunday.expression_start}-{sunday.expression_end}"
    assert TEXT[sunday.expression_start:sunday.expression_end] == "Sunday"
    assert len(set(KEYS)) == len(KEYS)


def test_no_operations_is_the_extraction():
    curated = apply_operations([EXTRACTED], [])
    assert shown(curated) == EXTRACTED.events
    assert not any(item.edited for item in curated.events)
    assert curated.orphans == ()


def test_edit_headline_reaches_every_exporter_and_is_marked():
    key = BY_EXPRESSION["Sunday"]
    curated = apply_operations([EXTRACTED], [EditHeadline(key, "  Rockets   hit Balad air base ")])
    event = next(e for e in shown(curated) if e.expression == "Sunday")
    assert event.headline == "Rockets hit Balad air base" and event.short_headline == "Rockets hit Balad air base"
    item = curated.by_key()[key]
    assert item.edited and item.edited_fields == ("headline",)
    assert item.original.headline != event.headline
    frame = curated.timelines()[0].to_frame()
    assert "Rockets hit Balad air base" in set(frame["headline"])
    slides = to_timelinejs(frame)["events"]
    assert "Rockets hit Balad air base" in [s["text"]["headline"] for s in slides]


def test_long_headline_gets_a_short_label():
    long = "The coalition forces announced a complete withdrawal of all combat troops from the country"
    curated = apply_operations([EXTRACTED], [EditHeadline(KEYS[0], long)])
    event = shown(curated)[0]
    assert event.headline == long
    assert len(event.short_headline) <= 42 and event.short_headline.endswith("…")


def test_edit_date_changes_value_precision_and_interval():
    key = BY_EXPRESSION["Sunday"]
    curated = apply_operations([EXTRACTED], [EditDate(key, date_value(date(2021, 3, 20), "month"))])
    event = next(e for e in shown(curated) if e.expression == "Sunday")
    assert (event.value, event.granularity, event.start, event.end) == (
        "2021-03", timeline.Granularity.MONTH, date(2021, 3, 1), date(2021, 4, 1))
    assert curated.by_key()[key].edited_fields == ("date",)


def test_a_date_set_by_hand_drops_the_part_the_text_named():
    text = "The talks began early this year, officials said on Monday."
    extracted = timeline.extract(text, date(2005, 11, 16))
    early = next(e for e in extracted.events if e.expression == "early this year")
    assert (early.value, early.mod) == ("2005", "START")
    key = event_key(article_hash(text), early)
    edited = next(e for e in shown(apply_operations([extracted], [EditDate(key, "2005-03")]))
                  if e.expression == early.expression)
    assert (edited.value, edited.mod) == ("2005-03", None)
    kept = next(e for e in shown(apply_operations([extracted], [EditHeadline(key, "Talks began")]))
                if e.expression == early.expression)
    assert kept.mod == "START"
    opened = load_timeline_file(dump_timeline_file(timeline_file([extracted], [])).encode("utf-8"))
    assert [e.mod for e in shown(opened.curated())] == [e.mod for e in extracted.events]


@pytest.mark.parametrize("value", ["2021-13", "2021-02-30", "XXXX-WXX-7", "P3Y", "PRESENT_REF", "soon", ""])
def test_edit_date_refuses_what_is_not_a_placed_date(value):
    with pytest.raises(ValueError):
        EditDate(KEYS[0], value)


def test_hide_then_restore():
    key = BY_EXPRESSION["Sunday"]
    hidden = apply_operations([EXTRACTED], [Hide(key)])
    assert "Sunday" not in [e.expression for e in shown(hidden)]
    assert len(shown(hidden)) == len(EXTRACTED.events) - 1
    assert not hidden.by_key()[key].visible
    back = apply_operations([EXTRACTED], [Hide(key), Restore(key)])
    assert shown(back) == EXTRACTED.events


def test_revert_restores_the_original():
    key = KEYS[2]
    ops = [EditHeadline(key, "Changed"), EditDate(key, "1999"), RevertEvent(key)]
    curated = apply_operations([EXTRACTED], ops)
    assert shown(curated) == EXTRACTED.events and not curated.by_key()[key].edited


def test_merge_keeps_both_mentions_and_split_undoes_it():
    a, b = KEYS[2], KEYS[3]
    merged = apply_operations([EXTRACTED], [Merge(a, b)])
    assert len(shown(merged)) == len(EXTRACTED.events) - 1
    event = next(e for e in shown(merged) if e.id == EXTRACTED.events[2].id)
    spans = {(m.start, m.end) for m in event.mentions}
    assert {(m.start, m.end) for m in EXTRACTED.events[3].mentions} <= spans
    assert {(m.start, m.end) for m in EXTRACTED.events[2].mentions} <= spans
    assert merged.by_key()[a].members == (b,) and merged.by_key()[b].merged_into == a
    split = apply_operations([EXTRACTED], [Merge(a, b), Split(a)])
    assert shown(split) == EXTRACTED.events


def test_merge_chains_fold_into_one_event():
    a, b, c = KEYS[:3]
    curated = apply_operations([EXTRACTED], [Merge(b, c), Merge(a, b)])
    assert curated.by_key()[a].members == (b, c)
    assert len(shown(curated)) == len(EXTRACTED.events) - 2
    loop = apply_operations([EXTRACTED], [Merge(a, b), Merge(b, a)])  # merging back is no cycle
    assert len(shown(loop)) == len(EXTRACTED.events) - 1


def test_added_event_is_an_ordinary_event_with_note_and_link():
    op = AddEvent("manual:1", "2020-12", "Talks began", note="From the agency", link="https://example.org/talks")
    curated = apply_operations([EXTRACTED], [op])
    added = shown(curated)[-1]
    assert (added.value, added.headline, added.sentence, added.start) == ("2020-12", "Talks began", "",
                                                                          date(2020, 12, 1))
    assert added.id == max(e.id for e in EXTRACTED.events) + 1
    item = curated.by_key()["manual:1"]
    assert item.manual and item.note == "From the agency" and item.link == "https://example.org/talks"
    assert to_dict(curated.timelines()[0])["events"][-1]["headline"] == "Talks began"


@pytest.mark.parametrize("kwargs", [
    {"link": "javascript:alert(1)"}, {"link": "file:///etc/passwd"}, {"headline": "   "}, {"value": "2021-XX"},
    {"event": "1"},
])
def test_added_event_is_checked(kwargs):
    fields = {"event": "manual:1", "value": "2020", "headline": "Talks began"} | kwargs
    with pytest.raises(ValueError):
        AddEvent(**fields)


def test_edits_of_events_no_longer_extracted_are_listed_not_dropped():
    gone = f"{HASH[:12]}:99999-100005"
    other_article = "0123456789ab:10-14"
    ops = [EditHeadline(gone, "Lost?"), Hide(other_article), EditHeadline(KEYS[0], "Kept")]
    curated = apply_operations([EXTRACTED], ops)
    assert curated.orphans == (ops[0],) and curated.elsewhere == (ops[1],)
    assert shown(curated)[0].headline == "Kept"
    saved = load_timeline_file(dump_timeline_file(timeline_file([EXTRACTED], ops)).encode("utf-8"))
    assert saved.operations == tuple(ops)  # the orphan travels with the file


def test_re_extraction_with_another_publication_date_keeps_the_edits():
    key = BY_EXPRESSION["Sunday"]
    ops = [EditHeadline(key, "Rocket attack"), Hide(BY_EXPRESSION[EXTRACTED.events[0].expression])]
    later = timeline.extract(TEXT, date(2021, 4, 14))
    curated = apply_operations([later], ops)
    assert curated.orphans == ()
    assert "Rocket attack" in [e.headline for e in shown(curated)]


# ---------------------------------------------------------------- the file

def test_file_round_trip_is_identical():
    ops = [EditHeadline(KEYS[0], "Edited"), Hide(KEYS[1]), Merge(KEYS[2], KEYS[3]),
           AddEvent("manual:x", "2019-05-01", "Added", note="n", link="http://example.org")]
    saved = timeline_file([EXTRACTED], ops, view={"years": [2010, 2021]})
    text = dump_timeline_file(saved)
    assert json.loads(text)["schema_version"] == 1
    opened = load_timeline_file(text.encode("utf-8"))
    assert opened == saved
    assert dump_timeline_file(opened) == text
    assert [t.events for t in opened.curated().timelines()] == [t.events for t in
                                                                apply_operations([EXTRACTED], ops).timelines()]


def test_file_from_path(tmp_path):
    path = tmp_path / "a.timeline.json"
    path.write_text(dump_timeline_file(timeline_file([EXTRACTED])), encoding="utf-8")
    assert load_timeline_file(path).articles[0].text == TEXT


@pytest.mark.parametrize(("data", "message"), [
    (b"{\"schema_version\": 1, ", "broken JSON at line 1"),
    (b"\xff\xfe\x00", "not UTF-8"),
    (b"[1, 2]", "no schema_version"),
    (b'{"schema_version": 2, "articles": [], "operations": []}', "newer version (schema 2)"),
    (b'{"schema_version": 1, "articles": [], "operations": [{"op": "explode", "event": "manual:1"}]}',
     "operations/0"),
    (b'{"schema_version": 1, "articles": [{"sha256": "00", "events": [], "text": "x"}], "operations": []}',
     "articles/0/sha256"),
])
def test_bad_files_say_why(data, message):
    with pytest.raises(TimelineFileError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_timeline_file(data)


def test_changed_text_is_refused():
    doc = json.loads(dump_timeline_file(timeline_file([EXTRACTED])))
    doc["articles"][0]["text"] += " tampered"
    with pytest.raises(TimelineFileError, match="does not match its sha256"):
        load_timeline_file(json.dumps(doc).encode("utf-8"))


def test_oversized_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.timeline.json"
    with path.open("wb") as out:
        out.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(TimelineFileError, match="too large"):
        load_timeline_file(path)
    with pytest.raises(TimelineFileError, match="too large"):
        load_timeline_file(b" " * 101, max_bytes=100)


def test_url_only_article():
    doc = json.loads(dump_timeline_file(timeline_file([EXTRACTED], urls=["https://example.org/a"])))
    del doc["articles"][0]["text"]
    opened = load_timeline_file(json.dumps(doc).encode("utf-8"))
    assert opened.articles[0].url == "https://example.org/a" and opened.articles[0].text is None
    assert len(opened.curated().timelines()[0].events) == len(EXTRACTED.events)


def test_a_url_only_article_keys_its_events_by_the_stored_hash():
    """No text to hash: the edits still find their events (keys from the file's sha256, not from ''), and
    saving again keeps the article by address and hash."""
    ops = [EditHeadline(KEYS[0], "Edited by hand"), Hide(KEYS[1])]
    url = "https://example.org/a"
    doc = json.loads(dump_timeline_file(timeline_file([EXTRACTED], ops, urls=[url])))
    del doc["articles"][0]["text"]
    opened = load_timeline_file(json.dumps(doc).encode("utf-8"))
    curated = opened.curated()
    assert curated.orphans == () and curated.elsewhere == ()
    assert curated.by_key()[KEYS[0]].event.headline == "Edited by hand" and curated.by_key()[KEYS[1]].hidden
    shown = curated.timelines()[0].events
    assert len(shown) == len(EXTRACTED.events) - 1
    again = load_timeline_file(dump_timeline_file(timeline_file(
        opened.timelines(), opened.operations, urls=[url], hashes=[a.sha256 for a in opened.articles])).encode())
    assert again.articles[0].text is None and again.articles[0].sha256 == HASH and again.articles[0].url == url
    assert again.curated().timelines()[0].events == shown


# ---------------------------------------------------------------- properties

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
EVENT_KEYS = st.sampled_from([*KEYS, "manual:a", "manual:b", f"{HASH[:12]}:1-2"])
VALUES = st.one_of(
    st.tuples(st.dates(date(1900, 1, 1), date(2100, 12, 31)),
              st.sampled_from(["day", "week", "month", "quarter", "season", "year", "decade", "century"])
              ).map(lambda t: date_value(*t)),
)
HEADLINES = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=60).filter(
    lambda s: s.strip())


def _pair(keys):
    return keys[0], keys[1]


OPERATION = st.one_of(
    st.builds(EditHeadline, EVENT_KEYS, HEADLINES),
    st.builds(EditDate, EVENT_KEYS, VALUES),
    st.builds(Hide, EVENT_KEYS), st.builds(Restore, EVENT_KEYS), st.builds(RevertEvent, EVENT_KEYS),
    st.lists(EVENT_KEYS, min_size=2, max_size=2, unique=True).map(lambda k: Merge(k[0], k[1])),
    st.builds(Split, EVENT_KEYS),
    st.builds(AddEvent, st.sampled_from(["manual:a", "manual:b"]), VALUES, HEADLINES,
              note=st.text(max_size=20), link=st.sampled_from(["", "https://example.org/x"])),
)


@SETTINGS
@given(st.lists(OPERATION, max_size=25))
def test_replay_is_deterministic_and_a_saved_file_replays_the_same(ops):
    first = apply_operations([EXTRACTED], ops)
    assert apply_operations([EXTRACTED], list(ops)) == first
    opened = load_timeline_file(dump_timeline_file(timeline_file([EXTRACTED], ops)).encode("utf-8"))
    assert opened.operations == tuple(ops)
    again = opened.curated()
    assert [t.events for t in again.timelines()] == [t.events for t in first.timelines()]
    assert [(i.key, i.hidden, i.merged_into, i.members, i.edited_fields) for i in again.events] == \
        [(i.key, i.hidden, i.merged_into, i.members, i.edited_fields) for i in first.events]
    # every operation is applied, an orphan or elsewhere: none is lost
    assert len(first.orphans) + len(first.elsewhere) <= len(ops)
    visible = {e.id for e in first.timelines()[0].events}
    assert len(visible) == len(first.timelines()[0].events)  # ids stay unique
