"""dashboard.py through Streamlit's AppTest (widgets and session state, no browser)."""

from __future__ import annotations

import re
import uuid
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from dashboard_app import opened_page
from streamlit.testing.v1 import AppTest

import timeline
from app import progressive
from timeline.describe import date_in_words

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "dashboard.py")
SEED = ROOT / "data" / "us-iraq-withdrawal-2021-04-07.txt"
SEED_VALUES = ["2003-03", "2011-12", "2014", "2019-03", "2021-03-15", "2021-04-04", "2021-04-07"]
WHEN = '<mark class="tl-when">'  # the date expression's mark in the selected sentence


@pytest.fixture()
def app() -> AppTest:
    at = opened_page()
    return at.run()


def words(values: list[str]) -> list[str]:
    """The table's Date column says dates in words."""
    return [date_in_words(v) for v in values]


def table(at: AppTest) -> pd.DataFrame:
    (frame,) = [d.value for d in at.dataframe]
    return frame


def no_errors(at: AppTest) -> None:
    assert not at.exception, [e.message for e in at.exception]


def seed_event_id(value: str) -> str:
    """The dashboard's id for the seed article's event with this value (document 0)."""
    events = timeline.extract(SEED.read_text(encoding="utf-8")).events
    return f"0-{next(e.id for e in events if e.value == value)}"


def upload(at: AppTest, *files: tuple[str, bytes, str]) -> None:
    """Choose "Upload files" and upload (name, bytes, MIME type) files, as a reader would."""
    at.radio(key="mode").set_value("Upload files").run()
    at.file_uploader(key="uploads").set_value(list(files)).run()


def html_text(at: AppTest) -> str:
    return "\n".join(h.value for h in at.html)


def test_opens_on_the_seed_article_with_its_seven_events(app):
    no_errors(app)
    assert sorted(table(app)["Date"]) == sorted(words(SEED_VALUES))
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Articles"] == "1" and metrics["Events"] == "7"
    assert app.date_input[0].value == date(2021, 4, 7)
    assert "Click an event" in " ".join(c.value for c in app.caption)


def test_year_slider_narrows_the_table(app):
    app.slider[0].set_value((2015, 2021)).run()
    no_errors(app)
    assert sorted(table(app)["Date"]) == sorted(words(["2019-03", "2021-03-15", "2021-04-04", "2021-04-07"]))
    assert app.query_params["years"] == "2015-2021"


def test_picking_an_event_on_the_chart_shows_its_sentence(app):
    app.session_state["timeline"] = {"selection": {"pick": [{"event_id": seed_event_id("2021-04-04")}]}}
    app.run()
    no_errors(app)
    shown = html_text(app)
    assert 'On <mark class="tl-when">Sunday</mark>, two rockets were <mark class="tl-what">fired</mark> on the Balad' in shown
    assert '<p class="tl-headline">Two rockets were fired on the Balad air base near Baghdad</p>' in shown
    assert "They missed the base and hit a nearby village instead." in shown  # the paragraph
    assert "2021-04-04" in shown and "day" in shown
    assert app.query_params["event"] == seed_event_id("2021-04-04")


def test_selection_survives_a_filter_that_keeps_the_event_and_hides_with_one_that_drops_it(app):
    app.session_state["timeline"] = {"selection": {"pick": [{"event_id": seed_event_id("2014")}]}}
    app.run()
    app.slider[0].set_value((2010, 2021)).run()
    assert f"claimed</mark> a large portion of Iraq and Syria in {WHEN}2014</mark>" in html_text(app)
    app.slider[0].set_value((2019, 2021)).run()
    no_errors(app)
    assert f"{WHEN}2014</mark>" not in html_text(app)
    assert any("hidden by the filters" in c.value for c in app.caption)
    app.slider[0].set_value((2003, 2021)).run()
    assert f"{WHEN}2014</mark>" in html_text(app)


def test_picking_a_table_row_shows_its_sentence(app):
    rows = table(app)
    row = rows.index[rows["Date"] == date_in_words("2019-03")][0]
    app.session_state["table"] = {"selection": {"rows": [int(row)], "columns": []}}
    app.run()
    no_errors(app)
    assert f"liberated</mark> in {WHEN}March 2019</mark>" in html_text(app)


def test_changing_the_publication_date_re_anchors_on_sunday(app):
    app.date_input[0].set_value(date(2021, 4, 14)).run()
    no_errors(app)
    frame = table(app)
    sunday = frame.loc[frame["As written"].str.contains("Sunday"), "Date"].tolist()
    assert sunday == words(["2021-04-11"])
    assert date_in_words("2021-04-14") in frame["Date"].tolist()  # 'on Wednesday' follows too
    assert date_in_words("2003-03") in frame["Date"].tolist()  # absolute dates stay


def test_pasted_text_with_script_is_shown_as_text(app):
    app.radio(key="mode").set_value("Paste text").run()
    payload = ("Attack report\n\n7 Apr, 2021\n\n<script>window.__pwned = 1</script> On Sunday, "
               "<img src=x onerror=\"window.__pwned = 2\"> rockets hit the base in March 2019.")
    app.text_area(key="paste").input(payload).run()
    no_errors(app)
    frame = table(app)
    assert date_in_words("2019-03") in frame["Date"].tolist()
    ids = [f"0-{e.id}" for e in timeline.extract(payload).events]
    app.session_state["timeline"] = {"selection": {"pick": [{"event_id": ids[0]}]}}
    app.run()
    no_errors(app)
    shown = html_text(app)
    assert "&lt;script&gt;" in shown or "&lt;img" in shown
    assert "<script" not in shown and "<img" not in shown


def test_text_without_dates_explains_instead_of_an_empty_chart(app):
    app.radio(key="mode").set_value("Paste text").run()
    app.text_area(key="paste").input("Nothing in this text can be placed on a calendar.").run()
    no_errors(app)
    assert not app.dataframe
    assert any("No dated events" in i.value for i in app.info)


def test_relative_dates_without_a_publication_date_ask_for_one(app):
    app.radio(key="mode").set_value("Paste text").run()
    app.text_area(key="paste").input("On Sunday, two rockets were fired at the base.").run()
    no_errors(app)
    assert any("publication date" in i.value for i in app.info)
    assert app.date_input[0].value is None
    app.date_input[0].set_value(date(2021, 4, 7)).run()
    no_errors(app)
    assert table(app)["Date"].tolist() == words(["2021-04-04"])


def test_bad_upload_is_reported_and_good_files_still_show(app):
    upload(
        app,
        ("broken.txt", bytes(range(256)) * 8, "text/plain"),
        ("good.md", b"# Report\n\nThe base was attacked in March 2019.\n", "text/markdown"),
    )
    no_errors(app)
    errors = [e.value.replace("\\", "") for e in app.error]  # names are Markdown-escaped
    assert any("broken.txt: not a text file" in e for e in errors), errors
    assert table(app)["Date"].tolist() == words(["2019-03"])


def test_several_uploads_are_coloured_and_filterable_by_article(app):
    upload(
        app,
        ("one.txt", b"The war began in March 2003.", "text/plain"),
        ("two.html", b"<html><body><p>Troops left in December 2011.</p></body></html>", "text/html"),
    )
    no_errors(app)
    frame = table(app)
    assert sorted(frame["Article"]) == ["one.txt", "two.html"]
    app.multiselect(key=[m.key for m in app.multiselect if m.key.startswith("sources:")][0]) \
        .set_value(["two.html"]).run()
    assert table(app)["Date"].tolist() == words(["2011-12"])


def test_a_long_list_of_uploads_is_named_in_part_on_the_article_line(app):
    """Thirty uploads wrote thirty file names above the chart; the line names the first few and counts the rest."""
    from app.article_page import ARTICLE_LINE_NAMES

    n = ARTICLE_LINE_NAMES + 2
    upload(app, *((f"a{i}.txt", f"The council met in March {2000 + i}.".encode(), "text/plain") for i in range(n)))
    no_errors(app)
    names = ", ".join(f"a{i}\\.txt" for i in range(ARTICLE_LINE_NAMES))  # Markdown-escaped as written
    assert f"**{n} articles** compared\\: {names} and 2 more" in [m.value for m in app.markdown]


def test_the_story_names_the_article_of_each_step_only_when_there_are_several(app):
    assert 'class="tl-story"' in html_text(app) and '<span class="tl-meta">' not in html_text(app)  # one article
    upload(
        app,
        ("one.txt", b"The war began in March 2003.", "text/plain"),
        ("two.txt", b"Troops left in December 2011.", "text/plain"),
    )
    no_errors(app)
    story = html_text(app)
    assert '<span class="tl-meta">one.txt</span>' in story and '<span class="tl-meta">two.txt</span>' in story


def test_a_story_longer_than_its_box_says_that_it_scrolls(app):
    """The story's box (460 px) holds seven one-line steps of one article: past that a reader is told the list goes
    on, and not before (the bundled article's seven steps all show)."""
    def scroll_notes() -> list[str]:
        return [c.value for c in app.caption if "scroll the list" in c.value]

    def council(years: range) -> bytes:
        return " ".join(f"The council met in March {year}." for year in years).encode()

    no_errors(app)
    assert len(table(app)) == 7 and scroll_notes() == []  # the bundled article
    upload(app, ("seven.txt", council(range(1990, 1997)), "text/plain"))
    assert len(table(app)) == 7 and scroll_notes() == []
    upload(app, ("nine.txt", council(range(1990, 1999)), "text/plain"))
    no_errors(app)
    assert scroll_notes() == ["9 events, earliest first; scroll the list to read them all."]


def test_the_story_and_table_say_the_part_of_a_period_the_text_names(app):
    upload(app, ("talks.txt", b"NAIROBI, Nov 16, 2005 (AFP) - The talks stalled in mid-2003. They resumed early this year.",
                 "text/plain"))
    no_errors(app)
    assert {"Mid-2003", "Early 2005"} <= set(table(app)["Date"])
    story = html_text(app)
    assert "Mid-2003" in story and "Early 2005" in story


def test_a_shared_link_reopens_the_same_view():
    at = opened_page()
    at.query_params["years"] = "2015-2021"
    at.query_params["event"] = seed_event_id("2021-03-15")
    at.run()
    no_errors(at)
    assert at.slider[0].value == (2015, 2021)
    assert f"This follows a {WHEN}March 15</mark> <mark class=\"tl-what\">attack</mark>" in html_text(at)


def test_filters_by_precision_and_keyword(app):
    precision = [m for m in app.multiselect if m.label == "Precision"][0]
    precision.set_value(["day"]).run()
    assert sorted(table(app)["Date"]) == sorted(words(["2021-03-15", "2021-04-04", "2021-04-07"]))
    app.text_input(key="keyword").input("ROCKETS").run()
    assert sorted(table(app)["Date"]) == sorted(words(["2021-03-15", "2021-04-04"]))
    app.text_input(key="keyword").input("no such words").run()
    no_errors(app)
    assert any("No events match" in i.value for i in app.info)


def test_downloads_are_offered(app):
    labels = [b.label for b in app.get("download_button")]
    assert labels[0] == "Save timeline file"  # the curated timeline (app/curation_panel.py), above the chart
    assert labels[1:] == ["Publish page (HTML)", "Events CSV", "Events JSON", "TimelineJS JSON", "Chart PNG",
                          "Chart SVG"]


# ------------------------------------------------------------ one Document path


def test_each_article_is_searched_for_its_dateline_once(monkeypatch):
    """Reading decides the dateline; extraction, filters and a new publication date never search again."""
    import timeline.documents as documents

    calls: list[str] = []
    real = documents.find_dateline
    monkeypatch.setattr(documents, "find_dateline", lambda text: calls.append(text) or real(text))
    monkeypatch.setattr(timeline, "find_dateline", lambda text: calls.append(text) or real(text))
    at = opened_page().run()
    at.radio(key="mode").set_value("Paste text").run()
    text = f"Talks resume {uuid.uuid4().hex}\n\n7 Apr, 2021\n\nThe envoys met on Sunday. Talks began in March 2019."
    at.text_area(key="paste").input(text).run()
    no_errors(at)
    assert sorted(table(at)["Date"]) == sorted(words(["2019-03", "2021-04-04"]))
    assert calls.count(text) == 1 and len(calls) == len(set(calls))  # the seed too, if not cached yet
    at.text_input(key="keyword").input("envoys").run()
    assert sorted(table(at)["Date"]) == sorted(words(["2021-04-04"]))
    at.text_input(key="keyword").input("").run()
    at.date_input[0].set_value(date(2021, 4, 14)).run()
    no_errors(at)
    assert sorted(table(at)["Date"]) == sorted(words(["2019-03", "2021-04-07", "2021-04-11"]))  # the dateline is now an event
    assert calls.count(text) == 1 and len(calls) == len(set(calls))


def test_the_documents_title_and_reading_notes_reach_the_page(app):
    app.radio(key="mode").set_value("Upload files").run()
    data = "Café talks resume\n\n7 Apr, 2021\n\nThe café owners met on Sunday.".encode("cp1252")
    app.file_uploader(key="uploads").set_value([("cafe.txt", data, "text/plain")]).run()
    no_errors(app)
    assert any("Café talks resume" in m.value and "published 7 April 2021" in m.value for m in app.markdown)
    assert any("decoded as cp1252" in c.value for c in app.caption)
    assert table(app)["Date"].tolist() == words(["2021-04-04"])


def test_bundled_articles_start_with_the_seed():
    from app.sources import bundled_articles

    names = bundled_articles()
    assert names[0] == SEED.name and len(names) == len(set(names))


def test_filters_clicks_and_picks_never_re_extract(monkeypatch):
    """With many sessions at once each rerun must be cheap: after a paste, only a new publication date
    extracts again (the cache is keyed on the Document)."""
    calls: list[str] = []
    real = timeline.extract_document
    monkeypatch.setattr(timeline, "extract_document", lambda document: calls.append(document.text) or real(document))
    at = opened_page().run()
    at.radio(key="mode").set_value("Paste text").run()
    text = f"Talks resume {uuid.uuid4().hex}\n\n7 Apr, 2021\n\nThe envoys met on Sunday. Talks began in March 2019."
    at.text_area(key="paste").input(text).run()
    assert calls.count(text) == 1
    at.session_state["timeline"] = {"selection": {"pick": [{"event_id": "0-1"}]}}  # a click on the chart
    at.run()
    assert WHEN in html_text(at)
    at.slider[0].set_value((2020, 2021)).run()
    at.slider[0].set_value((2019, 2021)).run()
    at.text_input(key="keyword").input("envoys").run()
    at.multiselect[-1].set_value(["day"]).run()
    no_errors(at)
    shown = table(at)
    assert len(shown) == 1 and "envoys met" in shown["Sentence"].iloc[0]  # the filters did apply
    assert calls.count(text) == 1
    at.date_input[0].set_value(date(2021, 4, 14)).run()
    assert calls.count(text) == 2  # a new publication date re-anchors: extracted again, once


def test_after_the_first_extraction_full_collections_skip_the_long_lived_heap(app):
    """spaCy's parser, dateparser's data and the libraries (~180,000 objects) are frozen once the first article
    is extracted, so Python's full collections no longer walk them while sessions wait (0.2-1.6 s each)."""
    import gc

    no_errors(app)
    assert gc.get_freeze_count() > 50_000


def sidebar_widgets(at: AppTest) -> list[str]:
    return [type(e).__name__ for e in at.sidebar if type(e).__name__ not in ("Header", "SpecialBlock")]


def chart_spec(at: AppTest) -> str:
    (chart,) = at.get("vega_lite_chart")
    return chart.proto.spec


def test_a_sessions_first_run_draws_the_chart_then_the_whole_page_once_the_browser_has_drawn_it():
    at = AppTest.from_file(APP, default_timeout=120).run()  # a page open: no first frame drawn yet
    no_errors(at)
    assert len(at.get("vega_lite_chart")) == 1
    assert not at.dataframe and not at.get("download_button") and not at.metric  # all of it follows the chart
    assert [h.value for h in at.sidebar.header] == ["Sources"] and not sidebar_widgets(at)  # widgets follow too
    assert len(at.get("bidi_component")) == 1  # the script that reports the first frame
    first_chart = chart_spec(at)
    at.session_state[progressive.DRAWN] = True  # what its trigger does
    at.run()
    assert chart_spec(at) == first_chart  # the first run drew what the widgets now say
    assert at.slider and at.date_input and at.multiselect and at.radio(key="mode").value == "Bundled article"
    assert sorted(table(at)["Date"]) == sorted(words(SEED_VALUES)) and at.get("download_button") and at.metric
    assert "first_frame" not in [c.key for c in at.get("bidi_component")]  # the first frame's script is gone
    at.slider[0].set_value((2015, 2021)).run()  # later runs draw the whole page at once
    assert table(at)["Date"].tolist() == words(["2019-03", "2021-03-15", "2021-04-04", "2021-04-07"])


def test_a_first_run_drawn_from_a_link_draws_the_chart_its_widgets_then_show():
    """The first run has no widgets to read: it takes their values from the link and their defaults, as the
    widgets drawn in the next run do."""
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update({"years": "2015-2021", "event": seed_event_id("2021-04-04")})
    at.run()
    no_errors(at)
    assert not sidebar_widgets(at)
    first_chart = chart_spec(at)
    at.session_state[progressive.DRAWN] = True
    at.run()
    no_errors(at)
    assert at.slider[0].value == (2015, 2021) and chart_spec(at) == first_chart


def test_a_first_run_that_draws_no_chart_draws_the_sidebar_at_once(monkeypatch):
    """Nothing to wait for in the browser (here the chart fails): the run is done again with the widgets, so the
    reader can change what broke."""
    from app import article_page

    def broken(*_args, **_kwargs):
        raise RuntimeError("no chart")

    monkeypatch.setattr(article_page, "_chart", broken)
    at = AppTest.from_file(APP, default_timeout=120).run()
    no_errors(at)
    assert at.error and at.slider and at.date_input and at.radio(key="mode")


def test_the_bundled_article_leaves_the_parser_unloaded_until_a_page_that_parses_text_is_chosen(monkeypatch):
    """Its events are read from the disk cache: loading spaCy in the background would take a core while the
    browser draws the first chart. Choosing to paste starts it, so it loads while the reader pastes; touching a
    source widget starts it too (the script listening for that touch is tested in a browser)."""
    from app import sources

    started = []
    monkeypatch.setattr(sources, "warm_up", lambda: started.append(True))
    monkeypatch.setattr(sources, "warm_up_started", lambda: bool(started))
    at = opened_page().run()
    no_errors(at)
    at.slider[0].set_value((2015, 2021)).run()
    assert at.get("vega_lite_chart") and not started
    # the script listening for a touch, and the one measuring the chart's width (app.widgets.measure_chart_width)
    assert sorted(c.key for c in at.get("bidi_component")) == ["tl_width_timeline", "warm-up-on-touch"]
    at.radio(key="mode").set_value("Paste text").run()
    assert started


# ------------------------------------------------------------ the "events outside" note (branch ux5)

def test_events_outside_the_years_are_counted_among_those_the_other_filters_keep():
    """The note counts the events the years alone hide: with a keyword, only those holding it; and the
    years a link (or the slider) chose are said to be chosen, not 'where the events are'."""
    at = opened_page()
    at.query_params["years"] = "2015-2021"
    at.run()
    no_errors(at)
    notes = "\n".join(c.value for c in at.caption)
    assert "3 events outside 2015 – 2021**: the years chosen leave them out" in notes  # 2003, 2011, 2014
    assert "where the events are" not in notes
    at.text_input(key="keyword").input("withdraw").run()  # 2003-03 and 2011-12: both before 2015
    assert "2 events outside 2015 – 2021" in "\n".join(c.value for c in at.caption)
    at.text_input(key="keyword").input("rockets").run()  # both in 2021: nothing is hidden by the years
    assert not any("outside" in c.value for c in at.caption)


def test_the_tables_date_column_is_sized_for_its_longest_date_not_its_first_rows(app):
    """Years in the first rows, days later: the Date column gets a width for "Wednesday 7 April 2021"."""
    import json

    (frame,) = app.dataframe
    config = json.loads(frame.proto.columns)
    longest = max(len(d) for d in table(app)["Date"])
    assert longest >= len("Sunday 4 April 2021") and 6 * longest <= config["Date"]["width"] <= 300


def test_the_picked_event_is_marked_in_the_story(app):
    """Picked on the chart, the event is found again in the story (and only it): aria-current and tl-picked."""
    sunday = seed_event_id("2021-04-04")
    assert 'aria-current="true"' not in html_text(app)
    app.session_state["selected"] = sunday
    app.run()
    story = next(h.value for h in app.html if 'class="tl-story"' in h.value)
    (picked,) = re.findall(r'<li class="[^"]*tl-picked[^"]*" aria-current="true">(.*?)</li>', story)
    assert "<time>Sunday 4 April 2021</time>" in picked and "rockets were fired" in picked
    assert story.count("aria-current") == 1


def test_a_new_session_draws_its_first_chart_from_what_an_earlier_session_made(monkeypatch):
    """A reload is a new session: on an article nobody edited its first run takes the events frame, the filtered
    and scored events and the chart spec an earlier session made (sessions are handed the same frame), and draws
    the same chart; the filters are applied once a run, not three times."""
    from app import article_page, story, view

    first = AppTest.from_file(APP, default_timeout=120).run()
    no_errors(first)
    calls: list[str] = []
    for module, name in ((view, "all_events"), (view, "filter_events"), (story, "with_importance"),
                         (article_page, "timeline_spec")):
        real = getattr(module, name)
        monkeypatch.setattr(module, name, lambda *a, _real=real, _name=name, **k: calls.append(_name) or _real(*a, **k))
    second = AppTest.from_file(APP, default_timeout=120).run()
    no_errors(second)
    assert calls == []
    assert chart_spec(second) == chart_spec(first)
    second.session_state[progressive.DRAWN] = True
    second.run()
    article_page._MEMO.clear()  # as on a fresh server: other tests may have asked for these years already
    second.slider[0].set_value((2015, 2021)).run()  # other years: filtered once (the events, then their years)
    assert calls.count("filter_events") == 2 and table(second)["Date"].tolist() == words(
        ["2019-03", "2021-03-15", "2021-04-04", "2021-04-07"])


def test_an_untitled_paste_or_upload_is_named_by_its_lead(app):
    """A pasted text or a file without a headline line was "Pasted text" or its file name above the chart and in
    the downloads; it is named by its lead as a collection names a story without a title (documents.lead_title).
    The file's name stays where a file is meant: the event's *Article* fact, several articles compared."""
    lead = ("BEIJING, Nov. 4 (Xinhua) -- Chinese Premier Wen Jiabao said Thursday that the country would cut "
            "its tariffs on 300 farm goods from 1 January 2006, after talks with European Union ministers.")
    app.radio(key="mode").set_value("Paste text").run()
    app.text_area(key="paste").input(lead).run()
    no_errors(app)
    lines = [m.value for m in app.markdown]
    named = "**Chinese Premier Wen Jiabao said that the country would cut its tariffs on 300 farm goods…**"
    assert any(line.startswith(named) for line in lines), lines
    assert not any("Pasted text" in line for line in lines)

    upload(app, ("tariffs.txt", lead.encode(), "text/plain"))
    no_errors(app)
    lines = [m.value for m in app.markdown]
    assert any(line.startswith(named) for line in lines) and not any("tariffs" in line and ".txt" in line
                                                                     for line in lines), lines
    first = timeline.extract(lead).events[0].id
    app.session_state["timeline"] = {"selection": {"pick": [{"event_id": f"0-{first}"}]}}
    app.run()
    no_errors(app)
    assert "tariffs.txt" in html_text(app) + "".join(m.value for m in app.markdown)  # the *Article* fact


def test_the_relative_dates_note_names_an_untitled_paste_as_the_page_does(app):
    """The note on relative dates left off for want of a publication date said "Pasted text: ..." under an article
    line naming the paste by its lead: it names it the same way (one article; several are named by their files)."""
    app.radio(key="mode").set_value("Paste text").run()
    app.text_area(key="paste").input("Rebels fought government troops near the northern border on Sunday, "
                                     "officials said. Talks resume on Tuesday. A truce was signed in May 2019.").run()
    no_errors(app)
    name = "Rebels fought government troops near the northern border"
    assert any(m.value.startswith(f"**{name}**") for m in app.markdown)
    notes = [i.value for i in app.info if "relative date" in i.value]
    assert len(notes) == 1 and notes[0].startswith(f"{name}: 2 relative date(s)"), notes
    app.text_area(key="paste").input("Rebels fought government troops near the northern border on Sunday, "
                                     "officials said. Talks resume on Tuesday.").run()  # no date it can place
    explained = [i.value for i in app.info if "No dated events" in i.value]
    assert len(explained) == 1 and explained[0].startswith(f"No dated events were found in {name}."), explained
    assert not any("Pasted text" in i.value for i in app.info)


def test_the_words_find_every_word_with_its_forms_and_compared_articles_by_their_titles(app):
    """"iraq election" found nothing where a sentence said "elections in Iraq" (the words were one phrase, no
    plural); with several articles, a word of an article's title keeps its events (with one, it would keep all)."""
    upload(app, ("vote.txt", b"Iraq votes\n\nElections were held on 15 December 2005 in Iraq.\n\n"
                             b"Turnout rose in January 2006.", "text/plain"),
           ("quake.txt", b"A strong earthquake shook Taiwan on 26 December 2006.", "text/plain"))
    app.text_input(key="keyword").input("iraq election").run()
    no_errors(app)
    assert table(app)["Date"].tolist() == words(["2005-12-15"])
    app.text_input(key="keyword").input("votes turnout").run()  # "votes" is in the title only
    assert table(app)["Date"].tolist() == words(["2006-01"])
    app.text_input(key="keyword").input('"iraq elections"').run()  # a quoted phrase: its words in a row
    assert not app.dataframe or table(app).empty
