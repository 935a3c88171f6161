"""Importance of events: key events first (timeline.importance)."""

from __future__ import annotations

from datetime import date

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from timeline.importance import (
    PRECISION,
    days_away,
    frame_importance,
    importance,
    key_event_ids,
    says_what,
    spread_top,
)

GRANULARITIES = list(PRECISION)
events = st.fixed_dictionaries({
    "granularity": st.sampled_from(GRANULARITIES), "main_clause": st.booleans(),
    "mentions": st.integers(1, 50), "articles": st.integers(1, 50),
    "days_away": st.one_of(st.none(), st.floats(0, 50_000)),
})


@given(events, st.integers(0, 20))
def test_more_mentions_or_articles_never_lower_the_score(event, more):
    base = importance(**event)
    assert importance(**{**event, "mentions": event["mentions"] + more}) >= base
    assert importance(**{**event, "articles": event["articles"] + more}) >= base


@given(events)
def test_heading_the_main_clause_never_lowers_the_score(event):
    assert importance(**{**event, "main_clause": True}) >= importance(**{**event, "main_clause": False})


@given(events, st.floats(0, 10_000))
def test_nearer_the_publication_day_never_lowers_the_score(event, closer):
    if event["days_away"] is None:
        return
    nearer = max(event["days_away"] - closer, 0)
    assert importance(**{**event, "days_away": nearer}) >= importance(**event)


@given(events)
def test_a_label_that_says_what_happened_never_lowers_the_score(event):
    assert importance(**event, says_what=True) >= importance(**event, says_what=False)


def test_a_label_of_only_who_spoke_says_nothing_of_what_happened():
    """Its last word a verb of saying, thinking or showing, or "have": "The Straits Times reported" (labels27)."""
    assert not says_what("The Straits Times reported") and not says_what("Russian media wrote")
    assert not says_what("The minister said.") and not says_what("Insee data showed") and not says_what("I heard")
    assert not says_what("Deutsche Boerse announced that it expected") and not says_what("The US did not have")
    assert says_what("France would not support the resolution") and says_what("The deal was announced")  # passive
    assert says_what("Merkel was sworn in") and says_what("A jet crashed") and says_what("") and says_what(None)


def test_a_key_event_says_what_happened_before_one_that_says_who_spoke():
    """Two reports of one day, both heading their sentence: the one whose label is only its sayer and verb of saying
    ranks below the one saying what happened, as a side remark would (it ranked first: nearer publication)."""
    frame = pd.DataFrame({
        "granularity": ["day", "day"], "start": pd.to_datetime(["2005-11-29", "2005-11-28"]),
        "end": pd.to_datetime(["2005-11-30", "2005-11-29"]), "trigger_main": [True, True],
        "headline": ["Astronomers reported", "A MiG-21 fighter jet crashed in western Romania"],
        "short_headline": ["Astronomers reported", "A MiG-21 fighter jet crashed"], "trigger": ["reported", "crashed"],
        "published": pd.to_datetime(["2005-11-30"] * 2),
    })
    scores = frame_importance(frame)
    assert scores[1] > scores[0]
    assert frame_importance(frame.drop(columns="short_headline"))[1] > scores[0]  # a store without labels: headline


@given(events, st.sampled_from(GRANULARITIES), st.sampled_from(GRANULARITIES))
def test_a_finer_date_never_lowers_the_score(event, a, b):
    if PRECISION[a] >= PRECISION[b]:
        assert importance(**{**event, "granularity": a}) >= importance(**{**event, "granularity": b})


def test_a_reported_day_near_publication_outranks_a_century_of_background():
    assert importance("day", main_clause=True, days_away=3) > importance("century", days_away=36_000)
    assert importance("year", articles=5) > importance("year")


def test_days_away_is_zero_inside_the_interval_and_counts_to_its_nearest_day():
    assert days_away(date(2021, 1, 1), date(2022, 1, 1), date(2021, 6, 1)) == 0
    assert days_away(date(2021, 4, 4), date(2021, 4, 5), date(2021, 4, 7)) == 3
    assert days_away(date(2021, 5, 1), date(2021, 6, 1), date(2021, 4, 7)) == 24
    assert days_away(date(2021, 5, 1), date(2021, 6, 1), None) is None


def test_frame_importance_reads_the_columns_it_finds():
    frame = pd.DataFrame({
        "granularity": ["day", "day", "year"],
        "start": pd.to_datetime(["2021-04-04", "2021-04-04", "2014-01-01"]),
        "end": pd.to_datetime(["2021-04-05", "2021-04-05", "2015-01-01"]),
        "mentions": [3, 1, 1], "published": pd.to_datetime(["2021-04-07"] * 3),
    })
    scores = frame_importance(frame)
    assert scores[0] > scores[1] > scores[2]


@given(st.lists(st.floats(0, 10), min_size=1, max_size=50), st.integers(0, 60))
def test_key_events_are_the_highest_scores(scores, count):
    ids = [str(i) for i in range(len(scores))]
    keys = key_event_ids(ids, scores, count)
    assert len(keys) == min(count, len(ids))
    rest = [scores[i] for i in range(len(ids)) if ids[i] not in keys]
    assert all(scores[int(k)] >= max(rest, default=0) for k in keys)


MAIN_CLAUSE = [
    ("Police said two rockets were fired on Sunday.", {"Sunday": True}),
    ("The base, which was built in 2003, was attacked on Sunday.", {"2003": False, "Sunday": True}),
    ("After talks ended in March 2019, the army withdrew on Sunday.", {"March 2019": False, "Sunday": True}),
]


def test_events_know_whether_their_trigger_heads_the_main_clause():
    from timeline import extract

    for text, expected in MAIN_CLAUSE:
        found = {e.expression: e.main_clause for e in extract(text, published=date(2021, 4, 7)).events}
        assert found == expected, text


def test_ties_at_the_last_place_are_spread_over_their_order_not_the_first():
    """Ten of twelve tie (in time order): three places after the two best go to the tied ones spread evenly."""
    scores = [1, 1, 1, 1, 3, 1, 1, 1, 1, 2, 1, 1]
    picked = spread_top(scores, 5)
    assert 4 in picked and 9 in picked and len(picked) == 5 == len(set(picked))
    assert picked == sorted(picked) and picked[0] < 4 and picked[-1] > 9  # the tied ones from both ends' thirds
    assert spread_top([1, 2], 5) == [0, 1] and spread_top([2, 1, 1], 1) == [0]
