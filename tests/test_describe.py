"""Dates in words: what a reader sees instead of a TIMEX3 code (timeline.describe)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.describe import date_in_words, dates_in_words, shorten, span_in_words
from timeline.timex3 import format_value
from timeline.values import Granularity, TimeValue

GOLDEN = [
    ("2021-04-04", "Sunday 4 April 2021"),
    ("2003-03", "March 2003"),
    ("2014", "2014"),
    ("2011-SP", "Spring 2011"),
    ("2010-WI", "Winter 2010–11"),
    ("2005-FA", "Autumn 2005"),  # a heading on its own line
    ("2006-W50", "The week of 11 Dec 2006"),
    ("2006-W51-WE", "The weekend of 23 Dec 2006"),
    ("2006-11-01TMO", "Wednesday 1 November 2006, morning"),
    ("2021-04-04T14:30", "Sunday 4 April 2021, 14:30"),
    ("2021-Q3", "Q3 2021"),
    ("2021-H1", "The first half of 2021"),
    ("199", "The 1990s"),
    ("20", "The 21st century"),
    ("11", "The 12th century"),
    ("2021-03-XX", "Some time in March 2021"),
    ("2021-XX", "Some time in 2021"),
]


@pytest.mark.parametrize(("value", "words"), GOLDEN, ids=[v for v, _ in GOLDEN])
def test_golden_dates_in_words(value, words):
    assert date_in_words(value) == words


# The part of a period the text names (its timex's TIMEX3 mod): "early this year", "mid-July", "the late 1970s".
GOLDEN_MODS = [
    ("2005", "START", "Early 2005"),
    ("2005-07", "MID", "Mid-July 2005"),
    ("2005-10", "END", "Late October 2005"),
    ("197", "END", "The late 1970s"),
    ("19", "START", "The early 20th century"),
    ("2005-SP", "END", "Late spring 2005"),
    ("2005-W46", "END", "Late in the week of 14 Nov 2005"),
    ("2005-Q1", "START", "Early in Q1 2005"),
    # a day keeps its words ("earlier today" is START), and other mods say nothing of a part
    ("2005-11-19", "START", "Saturday 19 November 2005"),
    ("2005-11-19TMO", "END", "Saturday 19 November 2005, morning"),
    ("2005", "APPROX", "2005"),
    ("2005", None, "2005"),
    ("2005-XX", "START", "Some time in 2005"),
]


@pytest.mark.parametrize(("value", "mod", "words"), GOLDEN_MODS, ids=[f"{v}-{m}" for v, m, _ in GOLDEN_MODS])
def test_golden_dates_with_their_mod_in_words(value, mod, words):
    assert date_in_words(value, mod) == words


def test_a_frame_without_mods_says_its_periods():
    assert dates_in_words(["2005", "2005-07"], None) == ["2005", "July 2005"]
    assert dates_in_words(["2005", "2005-07"], ["START", float("nan")]) == ["Early 2005", "July 2005"]


@pytest.mark.parametrize("value", ["P3Y", "XXXX-WXX-7", "PRESENT_REF", "not a value", "2021-13"])
def test_what_has_no_place_in_time_is_left_as_it_is(value):
    assert date_in_words(value) == value


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(2999, 12, 31)),
       st.sampled_from([g for g in Granularity if g is not Granularity.TIME]))
def test_every_anchored_value_is_said_without_its_code(day, granularity):
    value = format_value(TimeValue.of(day, granularity))
    words = date_in_words(value)
    assert "XX" not in words and "-W" not in words and not words[:1].isdigit() or words.isdigit()
    assert words != value or granularity is Granularity.YEAR  # a year is its own code
    if granularity in (Granularity.DAY, Granularity.MONTH, Granularity.YEAR, Granularity.SEASON):
        assert str(TimeValue.of(day, granularity).start.year) in words


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(2999, 12, 31)))
def test_a_week_is_said_by_its_monday(day):
    monday = day - timedelta(days=day.weekday())
    assert date_in_words(format_value(TimeValue.of(day, Granularity.WEEK))) == \
        f"The week of {monday.day} {monday:%b} {monday.year}"


def test_shorten_cuts_at_a_word():
    assert shorten("one two three four", 12) == "one two…"
    assert shorten("short", 40) == "short"
    assert shorten("line\nbreaks  here", 40) == "line breaks here"
    assert shorten("Rockets hit, the base", 14) == "Rockets hit…"  # no comma before the ellipsis


@pytest.mark.parametrize(("first", "last", "words"), [
    (date(2005, 10, 23), date(2005, 12, 4), "23 October – 4 December 2005"),  # a season or less: days
    (date(2005, 11, 5), date(2005, 11, 19), "5 – 19 November 2005"),
    (date(2005, 12, 5), date(2006, 1, 19), "5 December 2005 – 19 January 2006"),
    (date(1997, 2, 17), date(1997, 7, 5), "March – July 1997"),  # up to three years: the months labelled
    (date(1997, 3, 1), date(1997, 6, 20), "March – June 1997"),
    (date(2005, 10, 2), date(2006, 6, 20), "November 2005 – June 2006"),
    (date(1996, 11, 2), date(2007, 3, 20), "1997 – 2007"),  # beyond: the years labelled
    (date(1997, 1, 1), date(2007, 3, 20), "1997 – 2007"),
])
def test_a_span_is_named_by_the_labels_an_axis_of_its_length_shows(first, last, words):
    assert span_in_words(first, last) == words
