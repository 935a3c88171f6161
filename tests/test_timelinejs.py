"""timeline.timelinejs: TimelineJS3 JSON with honest precision and escaped text."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd

from timeline.timelinejs import date_object, display_date, event_slide, to_timelinejs


def row(value, granularity, start, end, **extra):
    sentence = extra.pop("sentence", f"It happened in {value}.")
    expression = extra.pop("expression", value)
    base = {
        "event_id": "0-0", "value": value, "granularity": granularity, "start": start, "end": end,
        "headline": "It happened", "sentence": sentence, "expression": expression,
        "sentence_start": 0, "expression_start": sentence.find(expression), "source": "a.txt",
    }
    return base | extra


def test_date_objects_are_no_more_precise_than_the_text():
    day = date(2019, 3, 15)
    assert date_object(day, "year") == {"year": 2019}
    assert date_object(day, "decade") == {"year": 2019}
    assert date_object(day, "month") == {"year": 2019, "month": 3}
    assert date_object(day, "day") == {"year": 2019, "month": 3, "day": 15}


def test_month_event_has_year_and_month_only_and_no_end():
    slide = event_slide(row("2019-03", "month", "2019-03-01", "2019-04-01"))
    assert slide["start_date"] == {"year": 2019, "month": 3}
    assert "end_date" not in slide


def test_decade_spans_its_years_with_a_display_date():
    slide = event_slide(row("197", "decade", date(1970, 1, 1), date(1980, 1, 1)))
    assert slide["start_date"] == {"year": 1970}
    assert slide["end_date"] == {"year": 1979}
    assert slide["display_date"] == "1970s"


def test_week_and_season_get_end_dates_and_names():
    week = event_slide(row("2021-W13", "week", date(2021, 3, 29), date(2021, 4, 5)))
    assert week["end_date"] == {"year": 2021, "month": 4, "day": 4}
    assert week["display_date"] == "Week of 29 March 2021"
    assert display_date("2019-SU", "season", date(2019, 6, 1), date(2019, 9, 1)) == "Summer 2019"


def test_day_event_has_full_date():
    slide = event_slide(row("2021-04-04", "day", pd.Timestamp("2021-04-04"), pd.Timestamp("2021-04-05")))
    assert slide["start_date"] == {"year": 2021, "month": 4, "day": 4}
    assert "display_date" not in slide and "end_date" not in slide


def test_text_is_escaped_and_the_expression_is_strong():
    sentence = "<script>alert(1)</script> On Sunday <img src=x onerror=alert(2)> rockets."
    slide = event_slide(row("2021-04-04", "day", "2021-04-04", "2021-04-05", sentence=sentence,
                            expression="On Sunday", headline="<b>bold</b>"))
    text = slide["text"]["text"]
    assert "<script>" not in text and "<img" not in text
    assert "&lt;script&gt;" in text
    assert "<strong>On Sunday</strong>" in text
    assert slide["text"]["headline"] == "&lt;b&gt;bold&lt;/b&gt;"


def test_whole_document_groups_by_source_only_when_several():
    frame = pd.DataFrame([row("2014", "year", "2014-01-01", "2015-01-01"),
                          row("2019-03", "month", "2019-03-01", "2019-04-01") | {"event_id": "0-1"}])
    one = to_timelinejs(frame, title="A & B")
    assert one["title"]["text"]["headline"] == "A &amp; B"
    assert len(one["events"]) == 2 and all("group" not in e for e in one["events"])
    assert [e["unique_id"] for e in one["events"]] == ["event-0-0", "event-0-1"]
    frame.loc[1, "source"] = "b.txt"
    two = to_timelinejs(frame)
    assert [e["group"] for e in two["events"]] == ["a.txt", "b.txt"]
    json.dumps(two)  # plain JSON types only


def test_a_note_a_link_and_the_article_address_are_in_the_text_escaped():
    added = row("2020-06", "month", "2020-06-01", "2020-07-01", sentence="", expression="",
                note="Seen <b>on</b> the wire", link="https://wire.example/a?x=1&y=2")
    text = event_slide(added, source_url="https://news.example/a")["text"]["text"]
    assert text == ('<p>Seen &lt;b&gt;on&lt;/b&gt; the wire</p>'
                    '<p><a href="https://wire.example/a?x=1&amp;y=2">https://wire.example/a?x=1&amp;y=2</a></p>'
                    '<p>Source: <a href="https://news.example/a">a.txt</a></p>')
    unsafe = event_slide(added | {"link": "javascript:alert(1)", "note": None}, source_url="data:text/html,x")
    assert "javascript" not in unsafe["text"]["text"] and "data:" not in unsafe["text"]["text"]
    framed = to_timelinejs(pd.DataFrame([added]), urls={"a.txt": "https://news.example/a"})
    assert framed["events"][0]["text"]["text"] == text
