"""Curating on the article page through Streamlit's AppTest: edits reach the table, survive a new publication
date, are undone and redone; a timeline file opened with --open (TIMELINE_OPEN) shows what was saved; bad
files say why and keep the screen. Real clicks and downloads are in tests/browser/test_curation_browser.py."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from dashboard_app import opened_page
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hst
from streamlit.testing.v1 import AppTest

import timeline
from app.options import dashboard_options
from timeline.curation import (
    AddEvent,
    EditDate,
    EditHeadline,
    Hide,
    Merge,
    Restore,
    RevertEvent,
    Split,
    apply_operations,
    article_hash,
    dump_timeline_file,
    event_key,
    timeline_file,
)

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "us-iraq-withdrawal-2021-04-07.txt"
TEXT = SEED.read_text(encoding="utf-8")
EXTRACTED = timeline.extract(TEXT, date(2021, 4, 7), name=SEED.name)
KEYS = [event_key(article_hash(TEXT), e) for e in EXTRACTED.events]
SUNDAY = next(i for i, e in enumerate(EXTRACTED.events) if e.expression == "Sunday")
MARCH_2003 = next(i for i, e in enumerate(EXTRACTED.events) if e.expression == "March 2003")


def table(at: AppTest) -> pd.DataFrame:
    (frame,) = [d.value for d in at.dataframe]
    return frame


def no_errors(at: AppTest) -> None:
    assert not at.exception, [e.message for e in at.exception]


def button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def select(at: AppTest, index: int) -> AppTest:
    at.session_state["selected"] = f"0-{EXTRACTED.events[index].id}"
    return at.run()


@pytest.fixture()
def app() -> AppTest:
    return opened_page().run()


def test_edit_undo_redo_and_restore_original(app):
    select(app, SUNDAY)
    edit_widget(app, "text_input", "What happened").set_value("Rockets hit Balad")
    button(app, "Apply").click().run()
    no_errors(app)
    assert "Rockets hit Balad" in set(table(app)["What happened"])
    assert table(app).loc[table(app)["What happened"] == "Rockets hit Balad", "Curated"].tolist() == ["edited"]
    button(app, "Hide").click().run()
    assert len(table(app)) == len(KEYS) - 1 and "Rockets hit Balad" not in set(table(app)["What happened"])
    button(app, "Undo").click().run()
    assert "Rockets hit Balad" in set(table(app)["What happened"])
    button(app, "Undo").click().run()
    assert "Rockets hit Balad" not in set(table(app)["What happened"]) and len(table(app)) == len(KEYS)
    button(app, "Redo").click().run()
    assert "Rockets hit Balad" in set(table(app)["What happened"])
    select(app, SUNDAY)
    button(app, "Restore original").click().run()
    assert EXTRACTED.events[SUNDAY].headline in set(table(app)["What happened"])
    no_errors(app)


def test_the_merge_choice_and_its_button_are_one_action(app):
    """Choosing "Same happening as" and pressing Merge reach the app together (one form): a Merge pressed right
    after the choice used to reach the app before the choice's own rerun, and the app asked for the choice."""
    select(app, MARCH_2003)
    (box,) = [s for s in app.selectbox if s.label == "Same happening as"]
    merge = button(app, "Merge")
    assert box.proto.form_id and box.proto.form_id == merge.proto.form_id and merge.proto.is_form_submitter
    box.set_value(next(k for k, e in zip(KEYS, EXTRACTED.events, strict=True) if e.value == "2011-12"))
    merge.click().run()  # the choice and the press in one run, as the form sends them
    no_errors(app)
    assert len(table(app)) == len(KEYS) - 1
    assert not [e for e in app.error if "Choose the event" in e.value]


def test_an_edit_in_one_session_leaves_another_sessions_events_alone(app):
    """The rows of an article's events are kept for the whole server (a reload draws without making them
    again): one reader's edits must not reach another reader of the same article, before or after."""
    select(app, SUNDAY)
    edit_widget(app, "text_input", "What happened").set_value("Rockets hit Balad")
    button(app, "Apply").click().run()
    button(app, "Hide").click().run()
    other = opened_page().run()  # another reader opens the same article
    no_errors(other)
    assert len(table(other)) == len(KEYS) and "Rockets hit Balad" not in set(table(other)["What happened"])
    assert set(table(other).get("Curated", pd.Series(dtype=str)).fillna("")) <= {""}
    button(app, "Undo").click().run()
    assert "Rockets hit Balad" in set(table(app)["What happened"]) and len(table(app)) == len(KEYS)
    assert len(table(other.run())) == len(KEYS)


def test_edits_survive_a_new_publication_date(app):
    select(app, SUNDAY)
    edit_widget(app, "text_input", "What happened").set_value("Rockets hit Balad")
    button(app, "Apply").click().run()
    # Apply reran the page's main area only; AppTest keeps the elements of its last run alone (a browser keeps
    # the sidebar on screen), so a whole run brings the sidebar's publication date back.
    app.run()
    next(d for d in app.date_input if d.label == "Publication date").set_value(date(2021, 4, 14)).run()  # re-anchored: "Sunday" is 11 April now
    no_errors(app)
    row = table(app)[table(app)["What happened"] == "Rockets hit Balad"]
    assert row["Date"].tolist() == ["Sunday 11 April 2021"]


def years_slider(at: AppTest):
    return next(s for s in at.slider if s.label == "Years")


def test_an_edit_that_changes_the_years_redraws_the_sidebar(app):
    """An edit reruns the page's main area only, unless it changes what the sidebar's filters offer: hiding the one
    event of the first year reruns the whole page, whose years slider then starts at the next year."""
    assert years_slider(app).min == 2003
    select(app, MARCH_2003)
    button(app, "Hide").click().run()
    no_errors(app)
    assert years_slider(app).min == 2011 and len(table(app)) == len(KEYS) - 1
    button(app, "Undo").click().run()
    assert years_slider(app).min == 2003 and len(table(app)) == len(KEYS)


def edit_widget(at: AppTest, kind: str, label: str):
    return next(w for w in getattr(at, kind) if w.label == label and str(w.key).startswith("cur-edit"))


def test_month_picker_sets_a_month(app):
    select(app, SUNDAY)
    edit_widget(app, "selectbox", "Precision").set_value("month").run()
    edit_widget(app, "selectbox", "Month").set_value(2).run()
    button(app, "Apply").click().run()
    no_errors(app)
    row = table(app)[table(app)["As written"] == "Sunday"]
    assert row["Date"].tolist() == ["February 2021"] and row["Precision"].tolist() == ["month"]


def test_an_empty_headline_is_refused_with_a_message(app):
    select(app, SUNDAY)
    edit_widget(app, "text_input", "What happened").set_value("   ")
    button(app, "Apply").click().run()
    no_errors(app)
    assert any("headline cannot be empty" in e.value for e in app.error)
    assert EXTRACTED.events[SUNDAY].headline in set(table(app)["What happened"])


def write(tmp_path: Path, ops, name: str = "story.timeline.json") -> Path:
    path = tmp_path / name
    path.write_text(dump_timeline_file(timeline_file([EXTRACTED], ops)), encoding="utf-8")
    return path


def test_open_flag_shows_the_saved_timeline(tmp_path, monkeypatch):
    ops = [EditHeadline(KEYS[SUNDAY], "Opened from a file"), Hide(KEYS[0]),
           AddEvent("manual:x", "2020-06", "Added by hand"), EditHeadline(f"{article_hash(TEXT)[:12]}:1-3", "Gone")]
    monkeypatch.setenv("TIMELINE_OPEN", str(write(tmp_path, ops)))
    at = opened_page().run()
    no_errors(at)
    assert at.radio(key="mode").value == "Timeline file"
    headlines = set(table(at)["What happened"])
    assert {"Opened from a file", "Added by hand"} <= headlines
    assert EXTRACTED.events[0].headline not in headlines and len(table(at)) == len(KEYS)
    assert any("no longer finds" in e.label for e in at.expander)  # the orphan is listed


def test_a_saved_view_is_restored_on_open_and_written_again(tmp_path, monkeypatch):
    """The file's `view` (years, precision, keyword, selection): the page opens on it, and what the page then
    shows is what a save would write (remember_view), so save -> open -> save keeps the view."""
    sunday = EXTRACTED.events[SUNDAY]
    saved = {"years": [2012, 2021], "precision": ["day", "year"], "keyword": "", "articles": None,
             "key_events_only": None, "selected": KEYS[SUNDAY]}
    path = tmp_path / "view.timeline.json"
    path.write_text(dump_timeline_file(timeline_file([EXTRACTED], [], view=saved)), encoding="utf-8")
    monkeypatch.setenv("TIMELINE_OPEN", str(path))
    at = opened_page().run()
    no_errors(at)
    assert at.slider[0].value == (2012, 2021)
    assert next(m for m in at.multiselect if m.label == "Precision").value == ["year", "day"]
    kept = [e for e in EXTRACTED.events if e.granularity.value in ("day", "year") and e.end.year > 2012]
    assert sorted(table(at)["As written"]) == sorted(e.expression for e in kept)
    assert at.session_state["selected"] == f"0-{sunday.id}"  # the saved key's event is selected again
    assert dict(at.session_state["_curation_view"]) == saved | {"precision": ["year", "day"]}
    at.text_input(key="keyword").set_value("rockets").run()  # the reader's filters are theirs after
    assert at.session_state["_curation_view"]["keyword"] == "rockets" and at.slider[0].value == (2012, 2021)


def test_an_article_kept_by_address_only_shows_its_edits(tmp_path, monkeypatch):
    """A file keeping an article by url and hash (no text): its events are keyed by the stored hash, so the
    edits apply, and a file saved from the page keeps it by address."""
    url = "https://news.example/iraq"
    doc = json.loads(dump_timeline_file(timeline_file([EXTRACTED], [EditHeadline(KEYS[SUNDAY], "Edited by hand"),
                                                                     Hide(KEYS[0])], urls=[url])))
    del doc["articles"][0]["text"]
    path = tmp_path / "by-address.timeline.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    monkeypatch.setenv("TIMELINE_OPEN", str(path))
    at = opened_page().run()
    no_errors(at)
    headlines = set(table(at)["What happened"])
    assert "Edited by hand" in headlines and EXTRACTED.events[0].headline not in headlines
    assert len(table(at)) == len(KEYS) - 1 and not any("no longer finds" in e.label for e in at.expander)
    select(at, SUNDAY)
    button(at, "Hide").click().run()  # a new edit is keyed by the stored hash too
    assert "Edited by hand" not in set(table(at)["What happened"])


@pytest.mark.parametrize(("content", "message"), [
    ("{not json", "broken JSON"),
    (json.dumps({"schema_version": 7, "articles": [], "operations": []}), "newer version"),
])
def test_a_bad_file_says_why(tmp_path, monkeypatch, content, message):
    path = tmp_path / "bad.timeline.json"
    path.write_text(content, encoding="utf-8")
    monkeypatch.setenv("TIMELINE_OPEN", str(path))
    at = opened_page().run()
    no_errors(at)
    assert any(message in e.value for e in at.error)


def test_open_option():
    assert dashboard_options(["--open", "a.timeline.json"], {}).open == "a.timeline.json"
    assert dashboard_options([], {"TIMELINE_OPEN": "b.timeline.json"}).open == "b.timeline.json"
    assert dashboard_options([], {}).open is None


def test_at_least_fifty_steps_undo_and_redo(monkeypatch):
    from app import curation_panel as panel

    monkeypatch.setattr(panel.st, "session_state", {})
    steps = [EditHeadline(KEYS[SUNDAY], f"Headline {n}") for n in range(60)]
    for op in steps:
        panel._push(op)
    assert panel._log().operations() == steps
    for _ in range(55):
        panel._undo()
    assert panel._log().operations() == steps[:5]
    for _ in range(55):
        panel._redo()
    assert panel._log().operations() == steps
    panel._undo()
    panel._push(Hide(KEYS[0]))  # a new step after an undo drops the redo
    assert panel._log().redo == [] and panel._log().operations() == [*steps[:-1], Hide(KEYS[0])]


# ---------------------------------------------------------------- the events frame, made incrementally

@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hst.lists(hst.one_of(
    hst.builds(Hide, hst.sampled_from(KEYS)), hst.builds(Restore, hst.sampled_from(KEYS)),
    hst.builds(EditHeadline, hst.sampled_from(KEYS), hst.sampled_from(["Rockets hit Balad", "Talks"])),
    hst.builds(EditDate, hst.sampled_from(KEYS), hst.sampled_from(["2020-06", "2019", "2021-03-02"])),
    hst.lists(hst.sampled_from(KEYS), min_size=2, max_size=2, unique=True).map(lambda k: Merge(*k)),
    hst.builds(Split, hst.sampled_from(KEYS)), hst.builds(RevertEvent, hst.sampled_from(KEYS)),
    hst.builds(AddEvent, hst.sampled_from(["manual:a", "manual:b"]), hst.sampled_from(["2020-06", "1999"]),
               hst.just("Added by hand")),
), max_size=12))
def test_the_frame_made_from_the_changed_rows_is_the_frame_of_the_whole_curated_timeline(ops):
    """The page's events frame after any log: made from the kept rows of the extraction plus the changed ones,
    it equals the frame made from scratch of the curated timeline's visible events."""
    from app import curation_panel, view
    from app.sources import Source

    curated = apply_operations([EXTRACTED], ops)
    source = Source(0, SEED.name, EXTRACTED.document, pd.DataFrame(), (), EXTRACTED)
    made = curation_panel._frame(curated, 0, source)
    shown = curated.timelines()[0]
    items = {item.event.id: item for item in curated.events if item.visible}
    whole = shown.to_frame().assign(trigger_main=[e.main_clause for e in shown.events],
                                    key=[items[e.id].key for e in shown.events],
                                    curated=[curation_panel._mark(items[e.id]) for e in shown.events])
    pd.testing.assert_frame_equal(made, view.number_events(whole, 0, SEED.name)[list(made.columns)])
    assert list(made.columns) == list(view.number_events(whole, 0, SEED.name).columns)
