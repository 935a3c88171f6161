"""Typed values (timeline/values.py) and their TIMEX3 strings (timeline/timex3.py).

Every value the golden corpus expects reads and writes back to the same string; generated values
survive a write and a read; each granularity covers the interval it should.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_golden import load_corpus

from timeline import tag
from timeline.anchor import nearest_by_tense
from timeline.timex3 import format_value, interval, parse_value
from timeline.values import SEASON_START, Duration, Granularity, TimeValue, shift_months

G = Granularity
GOLDEN_VALUES = sorted({case.expected[1] for case in load_corpus()[0] if case.expected})


@pytest.mark.parametrize("value", GOLDEN_VALUES)
def test_every_golden_value_reads_and_writes_back_the_same(value):
    assert format_value(parse_value(value)) == value


@pytest.mark.parametrize(("text", "expected"), [
    ("2021-04-07", TimeValue(G.DAY, date(2021, 4, 7), date(2021, 4, 8))),
    ("2021-W14-WE", TimeValue(G.WEEK, date(2021, 4, 10), date(2021, 4, 12), weekend=True)),
    ("2021-H2", TimeValue(G.QUARTER, date(2021, 7, 1), date(2022, 1, 1))),
    ("2019-WI", TimeValue(G.SEASON, date(2019, 12, 1), date(2020, 3, 1))),
    ("2021-03-XX", TimeValue(G.DAY, date(2021, 3, 1), date(2021, 4, 1), within=G.MONTH)),
    ("1989-WXX", TimeValue(G.WEEK, date(1989, 1, 1), date(1990, 1, 1), within=G.YEAR)),
    ("XXXX-WXX-7TNI", TimeValue(G.TIME, weekday=7, time="NI")),
    ("XXXX-03-15", TimeValue(G.DAY, month=3, day=15)),
    ("XXXX-Q2", TimeValue(G.QUARTER, part="Q2")),
    ("2021-04-07T14:30", TimeValue(G.TIME, date(2021, 4, 7), date(2021, 4, 8), time="14:30")),
    # a clock time with its zone's offset (ISO 8601), as the language data can write it ("2:10 a.m. CDT")
    ("2013-05-20T02:10-05", TimeValue(G.TIME, date(2013, 5, 20), date(2013, 5, 21), time="02:10-05")),
    ("2012-07-31T13:00+05:30", TimeValue(G.TIME, date(2012, 7, 31), date(2012, 8, 1), time="13:00+05:30")),
    ("PRESENT_REF", TimeValue(None, ref="PRESENT_REF")),
    ("P2Y6M", Duration(((2, "year"), (6, "month")))),
    ("P1DT12H", Duration(((1, "day"), (12, "hour")))),
    ("PTXH", Duration(((None, "hour"),))),
])
def test_strings_read_as_the_value_they_mean(text, expected):
    assert parse_value(text) == expected
    assert format_value(expected) == text


@pytest.mark.parametrize("text", ["2021-04-31", "XXXX-XX-15", "2021-W14-3", "2021-XX-07", "2021-04TMO", "P", "soon"])
def test_strings_we_cannot_represent_are_refused(text):
    with pytest.raises(ValueError):
        parse_value(text)


def test_only_values_with_a_place_in_time_have_an_interval():
    assert interval("2021-03-XX") is None and interval("XXXX-WXX-7") is None and interval("P3Y") is None
    assert interval("2020-Q2") == (G.QUARTER, date(2020, 4, 1), date(2020, 7, 1))


# --- generated values ------------------------------------------------------------------------------------

DAYS = st.dates(min_value=date(1000, 1, 1), max_value=date(9998, 12, 31))
PERIODS = [G.DAY, G.WEEK, G.MONTH, G.QUARTER, G.SEASON, G.YEAR, G.DECADE, G.CENTURY]
TIMES = st.one_of(st.none(), st.sampled_from(["MO", "AF", "EV", "NI"]),
                  st.builds("{:02d}:{:02d}".format, st.integers(0, 23), st.integers(0, 59)))
YEARS = st.integers(1000, 9998)

anchored = st.one_of(
    st.builds(TimeValue.of, DAYS, st.sampled_from(PERIODS)),
    st.builds(lambda day, time: TimeValue.of(day).at(time), DAYS, TIMES),
    st.builds(TimeValue.weekend_of, DAYS),
    st.builds(TimeValue.half, YEARS, st.integers(1, 2)),
    st.builds(TimeValue.season, YEARS, st.sampled_from(sorted(SEASON_START))),
)
partly_known = st.one_of(
    st.builds(lambda day, g: TimeValue.of(day, G.YEAR).with_unknown(g), DAYS,
              st.sampled_from([G.QUARTER, G.MONTH, G.WEEK, G.DAY])),
    st.builds(lambda day: TimeValue.of(day, G.MONTH).with_unknown(G.DAY), DAYS),
    st.builds(lambda g: TimeValue.unknown(g), st.sampled_from([g for g in PERIODS if g is not G.SEASON])),
    st.builds(lambda w, t: TimeValue.unknown(G.DAY, weekday=w).at(t), st.integers(1, 7), TIMES),
    st.builds(lambda m: TimeValue.unknown(G.MONTH, month=m), st.integers(1, 12)),
    st.builds(lambda d: TimeValue.unknown(G.DAY, month=d.month, day=d.day), DAYS),
    st.builds(lambda q: TimeValue.unknown(G.QUARTER, part=q), st.sampled_from(["Q1", "Q2", "Q3", "Q4", "H1", "H2"])),
    st.builds(lambda s: TimeValue.unknown(G.SEASON, part=s), st.sampled_from(sorted(SEASON_START))),
    st.just(TimeValue.unknown(G.WEEK, weekend=True)),
    st.builds(TimeValue.reference, st.sampled_from(["PRESENT_REF", "PAST_REF", "FUTURE_REF"])),
)
AMOUNTS = st.one_of(st.none(), st.integers(1, 9999), st.sampled_from([0.5, 1.5, 2.25, 12.75]))
durations = st.builds(
    lambda date_parts, time_parts: Duration(tuple(date_parts) + tuple(time_parts)),
    st.lists(st.tuples(AMOUNTS, st.sampled_from(["year", "quarter", "month", "week", "day", "decade", "century"])),
             max_size=2),
    st.lists(st.tuples(AMOUNTS, st.sampled_from(["hour", "minute", "second"])), max_size=2),
).filter(lambda d: d.parts)


@given(st.one_of(anchored, partly_known, durations))
def test_a_value_survives_writing_and_reading(value):
    text = format_value(value)
    assert parse_value(text) == value, text
    assert format_value(parse_value(text)) == text


# Interval widths in days, by granularity (a half year shares QUARTER, a weekend WEEK: see below).
WIDTH_DAYS = {G.DAY: (1, 1), G.TIME: (1, 1), G.WEEK: (7, 7), G.MONTH: (28, 31), G.QUARTER: (90, 92),
              G.SEASON: (89, 93), G.YEAR: (365, 366), G.DECADE: (3652, 3653), G.CENTURY: (36524, 36525)}


# The century and decade of a day after 9899 end in the year 10000, past Python's calendar: such values
# are not made (the tagger drops them), so the property is over days whose every period ends in it.
PERIOD_DAYS = st.dates(min_value=date(1000, 1, 1), max_value=date(9899, 12, 31))


@given(PERIOD_DAYS, st.sampled_from(PERIODS))
def test_a_period_holds_its_day_and_is_as_wide_as_its_granularity(day, granularity):
    value = TimeValue.of(day, granularity)
    assert value.anchored and value.start <= day < value.end
    low, high = WIDTH_DAYS[granularity]
    assert low <= (value.end - value.start).days <= high
    assert TimeValue.of(value.end - timedelta(days=1), granularity) == value  # its last day is in it too


@given(YEARS, st.integers(1, 2), DAYS, st.sampled_from(sorted(SEASON_START)))
def test_halves_weekends_and_seasons_have_their_own_widths(year, half, day, code):
    assert 181 <= (TimeValue.half(year, half).end - TimeValue.half(year, half).start).days <= 184
    assert TimeValue.half(year, half).is_half and not TimeValue.quarter(year, half).is_half
    weekend = TimeValue.weekend_of(day)
    assert weekend.start.isoweekday() == 6 and (weekend.end - weekend.start).days == 2
    assert weekend.start.isocalendar()[:2] == day.isocalendar()[:2]
    season = TimeValue.season(year, code)
    assert WIDTH_DAYS[G.SEASON][0] <= (season.end - season.start).days <= WIDTH_DAYS[G.SEASON][1]


def test_months_are_shifted_to_the_nearest_valid_day():
    assert shift_months(date(2021, 1, 31), 1) == date(2021, 2, 28)
    assert shift_months(date(2020, 1, 31), 1) == date(2020, 2, 29)
    assert shift_months(date(2021, 3, 15), -14) == date(2020, 1, 15)


def test_tense_moves_the_nearest_date_only_when_it_is_months_away():
    published = date(2021, 4, 7)
    options = [date(2020, 9, 5), date(2021, 9, 5), date(2022, 9, 5)]
    assert nearest_by_tense(published, options, None) == date(2021, 9, 5)
    assert nearest_by_tense(published, options, None, untensed_is_past=True) == date(2020, 9, 5)
    assert nearest_by_tense(published, options, "past") == date(2020, 9, 5)
    near = [date(2020, 5, 1), date(2021, 5, 1), date(2022, 5, 1)]
    assert nearest_by_tense(published, near, "past") == date(2021, 5, 1)  # weeks ahead: stays


def test_the_tagger_keeps_the_value_it_wrote():
    timexes = tag("On Sunday, three years after the war, talks resumed the next morning.", date(2021, 4, 7))
    assert [(t.value, t.time_value) for t in timexes] == [
        ("2021-04-04", TimeValue.of(date(2021, 4, 4))),
        ("P3Y", Duration.of(3, "year")),
        ("2021-04-05TMO", TimeValue.of(date(2021, 4, 5)).at("MO")),
    ]


def test_gold_timexes_read_from_timeml_carry_their_typed_value():
    from timeline.timeml import read_timeml

    xml = ('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">'
           'January 8, 1998</TIMEX3></DCT><TEXT>Sales rose <TIMEX3 tid="t1" type="DATE" value="1997-Q4">'
           'last quarter</TIMEX3> after <TIMEX3 tid="t2" type="DATE" value="1998-W3">a week</TIMEX3>.</TEXT></TimeML>')
    gold = read_timeml(xml).gold
    assert gold[0].time_value == TimeValue.quarter(1997, 4)
    assert gold[1].value == "1998-W3" and gold[1].time_value is None  # outside the grammar: kept as text only


def test_a_weekday_alone_over_a_line_of_fixtures_is_ahead():
    """Stop 34: a sports page's schedule ("Wednesday" over "Celta Vigo v Real Sociedad (1900)"), published on a
    Monday, gave the Wednesday just gone; a weekday over results, or one inside a sentence, keeps its tense."""
    text = ("Spanish league fixtures:\n\nTuesday (Kick off in GMT)\n\nValencia v Real Mallorca (2000)\n\n"
            "Wednesday\n\nCelta Vigo v Real Sociedad (1900)\n\nResults on Saturday:\n\nSaturday\n\n"
            "Valencia 1 Athletic Bilbao 1\n\nSevilla beat Getafe on Thursday.\n")
    values = {(t.text, t.start): t.value for t in tag(text, date(2006, 12, 18))}
    found = {text: value for (text, _), value in values.items()}
    assert found["Tuesday"] == "2006-12-19" and found["Wednesday"] == "2006-12-20"
    assert [v for (t, _), v in values.items() if t == "Saturday"] == ["2006-12-16", "2006-12-16"]
    assert found["Thursday"] == "2006-12-14"
