"""The dashboard's pure view logic (app/view.py, app/style.py, app/options.py), tested without Streamlit."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import timeline
from app import view
from app.options import DEFAULT_MAX_MARKS, dashboard_options
from app.style import (
    STYLESHEET,
    articles_html,
    fact_table_html,
    marked_html,
    page_head_html,
    quote_html,
    stand_in_html,
    text_html,
)

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "us-iraq-withdrawal-2021-04-07.txt"


@pytest.fixture(scope="module")
def seed() -> pd.DataFrame:
    """The seed article's events, numbered as the page numbers them."""
    return view.number_events(timeline.extract(SEED.read_text(encoding="utf-8")).to_frame(), 0, "seed")


def test_the_view_modules_import_without_streamlit():
    """Plain functions: importing them with Streamlit made unimportable still works."""
    code = ("import sys; sys.modules['streamlit'] = None\n"
            "import app.view, app.collection_view, app.style, app.options\n"
            "print('ok')")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "ok", done.stderr


def test_year_bounds_take_an_intervals_exclusive_end(seed):
    assert view.year_bounds(seed) == (2003, 2021)
    december = pd.DataFrame({"start": pd.to_datetime(["2011-12-01"]), "end": pd.to_datetime(["2012-01-01"])})
    assert view.year_bounds(december) == (2011, 2011)


def test_filters_by_years_precision_keyword_and_source(seed):
    assert sorted(view.filter_events(seed, years=(2015, 2021))["value"]) == [
        "2019-03", "2021-03-15", "2021-04-04", "2021-04-07"]
    assert sorted(view.filter_events(seed, granularities=["day"], keyword="ROCKETS")["value"]) == [
        "2021-03-15", "2021-04-04"]
    assert view.filter_events(seed, sources=["other"]).empty
    assert len(view.filter_events(seed, keyword="  ")) == len(seed)


@given(st.integers(1990, 2030), st.integers(1990, 2030))
def test_a_year_filter_keeps_exactly_the_events_touching_it(a, b):
    frame = pd.DataFrame({
        "start": pd.to_datetime(["1995-01-01", "2003-03-01", "2014-01-01", "2021-04-04"]),
        "end": pd.to_datetime(["2005-01-01", "2003-04-01", "2015-01-01", "2021-04-05"]),
    })
    lo, hi = sorted((a, b))
    kept = view.filter_events(frame, years=(lo, hi))
    for _, row in frame.iterrows():
        touches = row["start"].year <= hi and (row["end"] - pd.Timedelta(days=1)).year >= lo
        assert (row.name in kept.index) == touches


def test_parse_years_clamps_a_shared_link_to_the_data():
    assert view.parse_years("2010-2030", (2003, 2021)) == (2010, 2021)
    assert view.parse_years(" 2021 - 2015 ", (2003, 2021)) == (2015, 2021)
    for bad in ("junk", None, "", "1990-1995", "2010"):
        assert view.parse_years(bad, (2003, 2021)) == (2003, 2021)


def test_several_articles_are_numbered_apart_and_sorted_in_time(seed):
    other = view.number_events(timeline.extract("The war began in March 2003.").to_frame(), 1, "other")
    both = view.all_events([other, seed, other.iloc[0:0]])
    assert both["event_id"].is_unique and set(both["event_id"]) >= {"0-0", "1-0"}
    assert list(both["start"]) == sorted(both["start"])
    first_two = both[both["value"] == "2003-03"]
    assert list(first_two["source"]) == ["seed", "other"]  # same date: the first article first
    assert view.all_events([]).empty
    assert view.unique_names(["a.txt", None, "a.txt", "a.txt"]) == ["a.txt", "Article 2", "a.txt (2)",
                                                                    "a.txt (2) (2)"]


def test_table_and_download_columns(seed):
    seed = seed.assign(when="in words")  # story.with_importance adds it
    assert list(view.table_columns(seed).values()) == ["Date", "What happened", "As written", "Precision", "Sentence"]
    two = seed.assign(source=["a", "b"] * 3 + ["a"])
    assert "Article" in view.table_columns(two).values()
    table = view.download_table(seed)
    assert list(table.columns[:3]) == ["event_id", "source", "value"]
    assert table.loc[table["value"] == "2014", ["start", "end"]].values.tolist() == [["2014-01-01", "2015-01-01"]]


def test_words_on_the_page(seed):
    assert view.event_count(7, 7) == "7" and view.event_count(3, 1200) == "3 of 1,200"
    assert view.year_range((2021, 2021)) == "2021" and view.year_range((2003, 2021)) == "2003 – 2021"
    assert view.day_count(seed) == 3
    facts = dict(view.event_facts(seed[seed["value"] == "2019-03"].iloc[0]))
    assert facts["As written"] == "March 2019" and facts["Precision"] == "month"
    assert facts["Covers"] == "2019-03-01 – 2019-03-31"
    assert view.published_when(date(2021, 4, 7)) == "· published 7 April 2021" and view.published_when(None) == ""
    lines = view.empty_explanation(["x.txt"], ["Sunday"], undated=True)
    assert "“Sunday”" in lines[2] and "publication date" in lines[2]
    assert len(view.empty_explanation(["x.txt"], [], undated=False)) == 2


def test_text_helpers():
    text = "Title\n\nFirst one. Second one.\n  \nThird."
    start = text.index("Second")
    assert text[slice(*view.paragraph_bounds(text, start, start + 11))] == "First one. Second one."
    assert view.md_escape("[x](javascript:alert) *y* :red[z] $1") == r"\[x\]\(javascript\:alert\) \*y\* \:red\[z\] \$1"
    assert view.digest("a", 1) == view.digest("a", 1) != view.digest("a", 2)


def test_clicks_fold_into_one_selection():
    ss: dict = {}
    view.fold_clicks(ss, "sel", ["0-1"], "picks", [], "rows", "ids")
    assert ss["sel"] == "0-1"
    ss["ids"] = ["0-4", "0-5"]
    view.fold_clicks(ss, "sel", ["0-1"], "picks", [1], "rows", "ids")  # the same pick, a new row
    assert ss["sel"] == "0-5"
    view.fold_clicks(ss, "sel", ["0-1"], "picks", [], "rows", "ids")  # the table emptied: no change
    assert ss["sel"] == "0-5"
    view.fold_clicks(ss, "sel", [], "picks", [], "rows", "ids")  # a click on empty chart space
    assert ss["sel"] is None
    state = {"selection": {"pick": [{"event_id": 2}, {"other": 1}]}}
    assert view.picked(state, "pick", "event_id") == ["2"]
    assert view.picked({"selection": {"pick": {}}}, "pick", "event_id") == []
    assert view.picked(None, "pick", "event_id") == []
    assert view.table_rows({"selection": {"rows": [3], "columns": []}}) == [3]
    assert view.table_rows({"selection": {}}) == []


def test_query_updates_change_only_what_differs():
    current = {"years": "2015-2021", "event": "0-1"}
    assert view.query_updates(current, {"years": "2015-2021", "event": None, "article": None}) == {"event": None}
    assert view.query_updates({}, {"years": None, "event": "0-2"}) == {"event": "0-2"}


def test_html_fragments_escape_article_text():
    assert marked_html("a <b> c", 2, 5) == "a <mark>&lt;b&gt;</mark> c"
    assert quote_html("x").startswith('<blockquote class="tl-quote">')
    assert text_html("<p> one two", 4, 7, "<mark>one</mark>") == (
        '<div class="tl-text">&lt;p&gt; <span class="tl-sentence"><mark>one</mark></span> two</div>')
    assert fact_table_html([("<k>", "<v>")]) == (
        '<table class="tl-facts"><tr><th>&lt;k&gt;</th><td>&lt;v&gt;</td></tr></table>')
    articles = pd.DataFrame([{"article": "<script>x</script>", "path": "p", "published": pd.Timestamp("2021-04-07"),
                              "source": "rt.com", "url": "javascript:alert(1)"}])
    shown = articles_html(articles)
    assert "&lt;script&gt;" in shown and "javascript" not in shown and "rt.com · 2021-04-07" in shown
    assert STYLESHEET.startswith("<style>") and ".tl-quote" in STYLESHEET
    assert page_head_html("T", "a <b>") == '<h1 class="tl-title">T</h1><p class="tl-caption">a &lt;b&gt;</p>'


def test_a_first_frames_stand_in_escapes_its_lines_between_rooms():
    shown = stand_in_html([("<i>Title</i>", "· published 7 April 2021"), ("", "Reading a&b")], before=["toolbar"],
                          after=["metrics", "note"])
    assert shown == ('<div class="tl-stand-in"><div class="tl-room tl-room-toolbar"></div>'
                     '<p class="tl-line"><b>&lt;i&gt;Title&lt;/i&gt;</b> · published 7 April 2021</p>'
                     '<p class="tl-line">Reading a&amp;b</p><div class="tl-room tl-room-metrics"></div>'
                     '<div class="tl-room tl-room-note"></div></div>')
    for kind in ("toolbar", "metrics", "note"):  # every room kind has a height in the stylesheet
        assert f".tl-room-{kind}" in STYLESHEET


def test_dashboard_options_read_arguments_then_environment():
    assert dashboard_options(["--store", "s", "--max-marks", "80"], {}) == dashboard_options(
        [], {"TIMELINE_STORE": "s", "TIMELINE_MAX_MARKS": "80"}
    )
    options = dashboard_options(["-q", "tests/x.py", "--stores-dir", "d"], {"TIMELINE_STORE": "e"})
    assert (options.store, options.stores_dir, options.max_marks) == ("e", "d", DEFAULT_MAX_MARKS)
    assert dashboard_options(["--max-marks", "-3"], {}).max_marks == DEFAULT_MAX_MARKS
    assert dashboard_options(["--max-marks", "lots"], {}).max_marks == DEFAULT_MAX_MARKS
    assert not dashboard_options([], {}).allow_any_store
    assert dashboard_options(["--allow-any-store"], {}).allow_any_store
    assert dashboard_options([], {"TIMELINE_ALLOW_ANY_STORE": "true"}).allow_any_store
    assert not dashboard_options([], {"TIMELINE_ALLOW_ANY_STORE": "0"}).allow_any_store


def test_the_page_opens_on_the_years_of_the_events_with_the_publication_year(seed):
    stray = seed.iloc[:1].assign(start=pd.Timestamp("1721-01-01"), end=pd.Timestamp("1722-01-01"), value="1721",
                                 granularity="year")
    many = pd.concat([seed] * 10 + [stray], ignore_index=True)
    lo, hi = view.default_years(many, [date(2021, 4, 7)])
    assert lo > 1721 and hi == 2021
    assert view.events_outside(many, (lo, hi)) == 1
    assert view.default_years(seed, [None]) == view.year_bounds(seed)  # seven events: every one counts

def test_event_choice_says_the_date_in_words_then_what_happened(seed):
    """As the table and the story say it: a reader types "April", never "2021-04-04"."""
    lines = [view.event_choice(e) for _, e in seed.iterrows()]
    sunday = seed.index[seed["expression"] == "Sunday"][0]
    assert lines[sunday] == "Sunday 4 April 2021 · " + seed.loc[sunday, "headline"]
    year = seed.index[seed["granularity"] == "year"][0]
    assert lines[year].startswith(f"{seed.loc[year, 'start'].year} · ")
    month = seed.index[seed["value"] == "2003-03"][0]
    assert lines[month].startswith("March 2003 · ")
    assert not any(re.search(r"\d{4}-\d\d", line) for line in lines)  # no ISO code left
    assert len(set(lines)) == len(lines)  # one line per event: the picker tells them apart


def test_event_choices_of_a_frame_are_each_rows_event_choice(seed):
    frame = seed.assign(headline=[None, *seed["headline"].iloc[1:]])  # one without a headline
    assert view.event_choices(frame) == {e["event_id"]: view.event_choice(e) for _, e in frame.iterrows()}


def test_event_choice_quotes_the_expression_when_there_is_no_headline(seed):
    event = seed.iloc[0].copy()
    event["headline"] = None
    assert view.event_choice(event).endswith(f"· “{event['expression']}”")


def test_year_stops_are_every_year_up_to_a_century():
    assert view.year_stops(2003, 2021, {2003: 1, 2021: 6}) == list(range(2003, 2022))
    assert view.year_stops(1950, 2050) == list(range(1950, 2051))


def test_year_stops_over_a_stray_year_keep_the_years_where_the_events_are():
    """te3-silver's range before item 1: 1 to 2100, nearly everything 1990-2010 (the issue's 210-year PageUp)."""
    per_year = {1: 1, 1636: 1, 1721: 1, 2100: 1, **{y: 100 for y in range(1990, 2011)}}
    stops = view.year_stops(1, 2100, per_year)
    assert stops[0] == 1 and stops[-1] == 2100
    assert set(range(1980, 2021)) <= set(stops)  # every year where the events are, and 10 either side
    assert {1900, 1950, 2050} <= set(stops) and 1955 not in stops and 1750 not in stops  # decades near, centuries far
    assert view.snap_years((1721, 1721), stops) == (1700, 1800)  # a stray year: the century around it
    page = len(stops) // 10  # a slider's PageUp: a tenth of its stops
    core = stops.index(1995)
    assert stops[core + page] - stops[core] <= 10


def test_year_stops_hold_the_opening_years_and_page_from_them_by_years():
    """te3-silver's store: events 200-2033, the core years (1% of the events or more) 1996-2007, the view opening
    on 1989-2010. Without the opening's years as stops, 1989 was no stop (1980 or 1986 shown instead) and PageDown
    from the left thumb jumped to 1960; now it moves 7 years at most."""
    per_year = {200: 1, 1500: 1, 1945: 7, 1980: 43, 1989: 45, 1990: 62, 1995: 88, 1996: 245, 1997: 1663, 2002: 130,
                2003: 184, 2004: 293, 2005: 3141, 2006: 3934, 2007: 376, 2008: 91, 2010: 75, 2033: 1}
    stops = view.year_stops(200, 2033, per_year, around=(1989, 2010))
    assert view.snap_years((1989, 2010), stops) == (1989, 2010)
    page = round(len(stops) / 10)
    low, high = stops.index(1989), stops.index(2010)
    assert 1989 - stops[low - page] <= 10 and stops[high + page] - 2010 <= 10
    assert len(stops) <= 80


@given(st.integers(1, 2100), st.integers(0, 3000), st.dictionaries(st.integers(-100, 3200), st.integers(0, 500)))
def test_year_stops_are_sorted_inside_the_range_and_hold_its_ends_and_event_years(lo, span, per_year):
    hi = min(lo + span, 9999)
    stops = view.year_stops(lo, hi, per_year)
    assert stops == sorted(set(stops)) and stops[0] == lo and stops[-1] == hi
    if hi - lo <= view.EVERY_YEAR_SPAN:
        assert stops == list(range(lo, hi + 1))
        return
    inside = {y: n for y, n in per_year.items() if n and lo <= y <= hi}
    heavy = [y for y, n in inside.items() if n >= 0.01 * sum(inside.values())]
    assert set(heavy) <= set(stops)  # every year holding 1% of the events (and 10 years around each)
    # at most 21 every-year stops per such year, decades within a century of one, centuries elsewhere
    assert len(stops) <= 21 * max(1, len(heavy)) + (hi - lo) // 10 + 2


@given(st.lists(st.integers(0, 3000), min_size=1, unique=True), st.integers(0, 3000), st.integers(0, 3000))
def test_snapped_years_are_stops_that_widen_the_range(stops, a, b):
    stops = sorted(stops)
    a, b = sorted((a, b))
    start, end = view.snap_years((a, b), stops)
    assert start in stops and end in stops and start <= end
    if stops[0] <= a:
        assert start <= a
    if b <= stops[-1]:
        assert end >= b


def test_date_columns_are_as_wide_as_their_longest_value_whatever_the_first_rows():
    """The table sizes a column by its first rows: years first, then a day with its time of day, read
    "Thursday 1". A fitted width grows with the longest value (heading included) and stops at a cap."""
    dates = ["1989", "the 1990s", "2004", "Thursday 17 November 2005, morning"]
    widths = view.fitted_widths(pd.DataFrame({"Date": dates, "As written": ["1989"] * 4, "Sentence": ["x"] * 4}))
    assert set(widths) == {"Date", "As written"}  # long free text keeps the table's own sizing
    assert widths["Date"] > view.fitted_widths(pd.DataFrame({"Date": dates[:3]}))["Date"]
    assert widths["Date"] >= 6.5 * len(dates[-1])  # ~6.5 px a character at the table's 14 px font
    assert widths["As written"] >= 6.5 * len("As written")  # the heading reads whole too
    assert view.fitted_widths(pd.DataFrame({"Date": ["x" * 500]}))["Date"] <= 300


@pytest.mark.parametrize(("keyword", "sentence", "found"), [
    ("art", "At the start of the talks", False),  # a word inside another is not the word
    ("art", "Modern art, they said.", True),
    ("ROCKETS", "Two rockets were fired", True),
    ("air base", "the Balad Air-Base near Baghdad", True),
    ("air base", "air power at the base", True),  # words apart: each anywhere, in any order
    ('"air base"', "the Balad Air-Base near Baghdad", True),  # a quoted phrase: its words in a row, any separator
    ('"air base"', "air power at the base", False),
    ("iraq election", "Elections were held in Iraq", True),  # a word finds its plural
    ("new york", "a New Yorker", False),
    ("U.S.", "the U.S. army", True),
    ("%", "up 100% on the year", True),  # no word at all: looked for as typed
])
def test_the_article_keyword_finds_whole_words_as_the_collection_does(keyword, sentence, found):
    frame = pd.DataFrame({"sentence": [sentence], "start": pd.to_datetime(["2021-01-01"]),
                          "end": pd.to_datetime(["2021-01-02"]), "granularity": ["day"], "source": ["a"]})
    assert len(view.filter_events(frame, keyword=keyword)) == found


def test_on_a_phone_the_date_column_leaves_what_happened_the_screen():
    """At 390 px the date (up to 300 px, fitted whole) left "What happened" a dozen letters: on a phone's room the
    dates take at most a third (their cells wrap) and "What happened" what the screen shows of the rest."""
    table = pd.DataFrame({"Date": ["Wednesday 16 November 2005"], "What happened": ["x" * 80], "Sentence": ["y"]})
    desk, phone = view.fitted_widths(table, 940), view.fitted_widths(table, 300)
    assert desk["Date"] > 100  # a wide page: as before (and "What happened" its headline's width, ui30)
    assert phone["Date"] <= 100 and phone["What happened"] >= 150
    assert phone["Date"] + phone["What happened"] <= 300


def _phone_table(headline: str, room: int = 300):
    """The events table as a 390 px phone draws it (room 300), or a page of `room`, with one row of `headline`,
    through AppTest."""
    from streamlit.testing.v1 import AppTest

    def page(headline: str, room: int) -> None:
        import pandas as pd

        from app.widgets import events_table
        table = pd.DataFrame({"Date": ["Wednesday 9 April 1997", "Thursday 10 April 1997"],
                              "What happened": [headline, "Tulips deck out a park"], "Sentence": ["s", "t"]})
        events_table(table, ["a", "b"], key="t", ids_key="_t_ids", room=room)

    at = AppTest.from_function(page, args=(headline, room)).run()
    (frame,) = at.dataframe
    return frame


def _headline_column_px(frame) -> int | None:
    """The width the table was given for "What happened" (None: left to the table)."""
    return json.loads(frame.proto.columns or "{}").get("What happened", {}).get("width")


def test_on_a_wide_page_what_happened_is_as_wide_as_its_longest_headline():
    """At 1,400 px the table left "What happened" as wide as its first rows' headlines and cut a longer one at the
    column's border with no ellipsis ("...a special law would be pas"): the reader could not tell there was more.
    The column is now as wide as the longest headline in the table where the page has the room (the rows stay one
    line), and where it has not, the rows wrap as on a phone, tall enough for the longest."""
    cohen = "US Defense Secretary William Cohen won assurances that a special law would be pass"
    wide = _phone_table(cohen, room=900)  # a 1,400 px window beside the sidebar
    assert (_headline_column_px(wide) or 0) >= 497 + 16  # Chromium draws it 497 px wide; 8 px padding each side
    assert wide.proto.row_height == 0  # one-line rows, as before
    edited = " ".join(["Talks between the two delegations resumed in Geneva after a long pause"] * 2)
    longer = _phone_table(edited, room=900)  # a hand-edited headline wider than the page
    px = _headline_column_px(longer)
    assert px is not None and px <= 900 - 34 and longer.value["What happened"][0] == edited
    lines = view.wrapped_lines(edited, px)
    assert lines >= 2 and longer.proto.row_height == max(view.WRAPPED_ROW_PX, lines * 18 + 12)  # wrapped, whole


def _column_widths(dates: list[str], room: int) -> dict[str, int]:
    """The widths the events table gives its columns (AppTest of events_table) for a table of `dates`."""
    from streamlit.testing.v1 import AppTest

    def page(dates: list[str], room: int) -> None:
        import pandas as pd

        from app.widgets import events_table
        table = pd.DataFrame({"Date": dates, "What happened": ["Talks resumed"] * len(dates),
                              "As written": ["1997"] * len(dates), "Sentence": ["s"] * len(dates)})
        events_table(table, [str(i) for i in range(len(dates))], key="t", ids_key="_t_ids", room=room)

    (frame,) = AppTest.from_function(page, args=(dates, room)).run().dataframe
    widths = {name: column["width"] for name, column in json.loads(frame.proto.columns).items() if "width" in column}
    return {**widths, "row": frame.proto.row_height}


@pytest.mark.parametrize(("date", "chromium_px"), [
    ("Wednesday 16 November 2005", 178.87),  # wide letters: 166 px by the 6.4 px average, cut by 9 px
    ("Saturday 29 November 1997", 164.09),
    ("Sunday 4 April 2021, evening", 167.10),  # narrow ones: 179 by the average, 12 px too wide
    ("Thursday 17 November 2005, morning", 222.25),
])
def test_the_date_column_is_as_wide_as_its_longest_date_measured(date: str, chromium_px: float):
    """The Date column was sized by an average character (6.4 px) while the rows counted each character's measured
    width: a date of wide letters overran its column's padding, and the rows, finding it two lines long, wrapped the
    whole desktop table into 72 px rows (2 rows in view where 6 would be); one of narrow letters was padded. Both now
    measure (view.text_px): the column holds the longest date's px as Chromium draws it (canvas measureText of 400
    14px "Source Sans" on the dashboard's page), its 8 px padding either side, and at most a few px more; "As
    written" too, its heading whole."""
    widths = _column_widths(["1997", date, "the 1990s"], room=900)  # a 1,400 px window
    assert chromium_px + 16 <= widths["Date"] <= chromium_px + 16 + 6
    assert widths["row"] == 0  # one-line rows
    assert 58.55 + 16 <= widths["As written"] <= 58.55 + 16 + 6  # its heading (58.55 px) is its widest text
    phone = _column_widths(["1997", date], room=300)  # a 390 px phone: at most a third, the date wraps in its row
    assert phone["Date"] == min(widths["Date"], 100)


def test_on_a_phone_a_long_headline_reads_whole_in_its_row():
    """At 390 px a headline of five lines ("Zairean President Mobutu Sese Seko used his troops and replaced him with
    an army general") was cut at the bottom of its 72 px row, "general" missing and nothing saying so: the rows are
    as tall as the longest Date or What happened cell in view needs, up to MAX_ROW_LINES lines."""
    long = "Zairean President Mobutu Sese Seko used his troops and replaced him with an army general"
    frame = _phone_table(long)
    assert frame.proto.row_height >= 5 * 18 + 12 and frame.value["What happened"][0] == long  # 18 px a line
    assert _phone_table("Tulips deck out a park").proto.row_height == view.WRAPPED_ROW_PX  # short ones: as before


def test_on_a_phone_the_rows_are_as_tall_as_the_headlines_real_lines():
    """ui29's rows counted lines by an average character of 6.4 px; the table's font (14 px "Source Sans") averages
    5.9 over te3 headlines, but no average tells a headline's own lines. On the bundled article the longest headline
    takes four lines in Chromium's table at 390 px and every row was 102 px (five lines); a headline of wide letters
    ("...World Swimming Championships": four lines in Chromium) was estimated three and cut in a 72 px row. Lines are
    now counted by each character's measured width (app/table_font.json)."""
    blinken = "Joint statement following the \u201cstrategic dialogue\u201d between US Secretary Blinken"
    assert _phone_table(blinken).proto.row_height == 4 * 18 + 12  # four lines, as Chromium wraps it
    swimming = "Our plan is to apply to host the World Swimming Championships"
    assert _phone_table(swimming).proto.row_height == 4 * 18 + 12  # was 72: its fourth line cut


def test_on_a_phone_a_headline_longer_than_the_rows_is_cut_with_an_ellipsis():
    """A hand-edited headline can run to any length: past MAX_ROW_LINES lines it is cut at a word with "…" (the
    picked event shows it whole), and the rows stop growing."""
    edited = " ".join(["Talks between the two delegations resumed in Geneva after a long pause"] * 4)
    table, row = view.phone_rows(pd.DataFrame({"Date": ["1997"], "What happened": [edited]}),
                                 {"Date": 100, "What happened": 166})
    shown = table["What happened"][0]
    assert shown.endswith("…") and edited.startswith(shown[:-1].rstrip())
    assert view.wrapped_lines(shown, 166) <= view.MAX_ROW_LINES and row == view.MAX_ROW_LINES * 18 + 12
