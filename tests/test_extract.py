"""The pipeline end to end on the seed article, and the pieces it is made of."""

import warnings
from datetime import date
from pathlib import Path

import pytest

import timeline.events as events_module
from timeline import Granularity, HeadlineFailure, TimexType, extract
from timeline.sentences import split_sentences
from timeline.timex3 import interval, is_well_formed

SEED = Path(__file__).resolve().parents[1] / "data" / "us-iraq-withdrawal-2021-04-07.txt"


def test_seed_article_has_its_seven_events_and_no_others():
    timeline = extract(SEED.read_text(encoding="utf-8"))
    assert timeline.document.published == date(2021, 4, 7)
    assert timeline.document.published_source == "dateline"
    values = sorted(e.value for e in timeline.events)
    assert values == ["2003-03", "2011-12", "2014", "2019-03", "2021-03-15", "2021-04-04", "2021-04-07"]
    for event in timeline.events:  # each event carries exactly its own source sentence
        assert event.expression in event.sentence
        assert event.sentence.lstrip("“\"")[0].isupper() and event.sentence[-1] in ".”\""
        assert "\n" not in event.sentence
    by_value = {e.value: e for e in timeline.events}
    assert by_value["2021-04-04"].expression == "Sunday"
    assert by_value["2021-04-07"].expression == "Wednesday"
    assert by_value["2014"].granularity is Granularity.YEAR
    assert by_value["2021-03-15"].sentence == "This follows a March 15 attack on the base with five rockets."
    # a headline says what happened, without the date
    assert by_value["2021-04-04"].headline == "Two rockets were fired on the Balad air base near Baghdad"
    assert by_value["2021-04-04"].trigger.text == "fired"
    assert by_value["2021-03-15"].headline == "Attack on the base with five rockets"
    assert by_value["2011-12"].headline == "The US withdrew"


def test_seed_article_dateline_is_a_timex_but_not_an_event():
    timeline = extract(SEED.read_text(encoding="utf-8"))
    dateline = [t for t in timeline.timexes if t.text == "7 Apr, 2021"]
    assert dateline and dateline[0].value == "2021-04-07"
    assert all(e.expression != "7 Apr, 2021" for e in timeline.events)


def test_without_a_publication_date_relative_dates_stay_unanchored():
    timeline = extract("On Sunday, two rockets were fired. The base was built in 2014.")
    assert [(t.text, t.value) for t in timeline.timexes] == [("Sunday", "XXXX-WXX-7"), ("2014", "2014")]
    assert [e.value for e in timeline.events] == ["2014"]


def test_user_date_wins_over_the_dateline():
    text = SEED.read_text(encoding="utf-8")
    timeline = extract(text, published=date(2021, 4, 14))
    assert timeline.document.published_source == "user"
    assert "2021-04-11" in {e.value for e in timeline.events}  # "On Sunday" re-anchored


def test_durations_and_sets_are_timexes_not_events():
    timeline = extract("The talks lasted three years and now meet every Monday.", published=date(2021, 4, 7))
    kinds = {t.text: (t.type, t.value) for t in timeline.timexes}
    assert kinds["three years"] == (TimexType.DURATION, "P3Y")
    assert kinds["every Monday"] == (TimexType.SET, "XXXX-WXX-1")
    assert timeline.events == ()


@pytest.mark.parametrize("value, granularity, start, end", [
    ("2021-04-07", Granularity.DAY, date(2021, 4, 7), date(2021, 4, 8)),
    ("2019-03", Granularity.MONTH, date(2019, 3, 1), date(2019, 4, 1)),
    ("2014", Granularity.YEAR, date(2014, 1, 1), date(2015, 1, 1)),
    ("197", Granularity.DECADE, date(1970, 1, 1), date(1980, 1, 1)),
    ("18", Granularity.CENTURY, date(1800, 1, 1), date(1900, 1, 1)),
    ("2021-W13", Granularity.WEEK, date(2021, 3, 29), date(2021, 4, 5)),
    ("2020-Q2", Granularity.QUARTER, date(2020, 4, 1), date(2020, 7, 1)),
    ("2019-WI", Granularity.SEASON, date(2019, 12, 1), date(2020, 3, 1)),
    ("2021-04-07TMO", Granularity.TIME, date(2021, 4, 7), date(2021, 4, 8)),
])
def test_interval_of_a_value(value, granularity, start, end):
    assert interval(value) == (granularity, start, end)


@pytest.mark.parametrize("value", ["XXXX-WXX-7", "PRESENT_REF", "P3Y", "XXXX-03-15", "2021-02-30"])
def test_values_without_a_place_in_time_have_no_interval(value):
    assert interval(value) is None


def test_well_formed_values():
    assert all(is_well_formed(v) for v in ["2014", "197", "2021-W13", "2021-04-07T10:30", "P18M", "PT2H", "XXXX-WXX-1"])
    assert not any(is_well_formed(v) for v in ["2021-4-7", "P", "yesterday", "2021-Q5"])


@pytest.mark.parametrize("text, sentences", [
    ("Dr. Smith arrived on Dec. 3. He left.", ["Dr. Smith arrived on Dec. 3.", "He left."]),
    ("Troops left the U.S. The war ended.", ["Troops left the U.S.", "The war ended."]),
    ("The U.S. Army said so. Then it left.", ["The U.S. Army said so.", "Then it left."]),
    ("Headline here\n\n7 Apr, 2021\n\nBody text.", ["Headline here", "7 Apr, 2021", "Body text."]),
    ("John F. Kennedy spoke. \"We go,\" he said.", ["John F. Kennedy spoke.", "\"We go,\" he said."]),
])
def test_sentences(text, sentences):
    assert [text[s.start:s.end] for s in split_sentences(text)] == sentences


def test_headline_names_the_happening_without_the_date_or_the_side_clause():
    text = ("Even though the last territory claimed by the IS caliphate was liberated in March 2019 by US-backed "
            "militia in Syria, Washington has kept combat troops in the region citing fears of a resurgence.")
    event = extract(text, published=date(2021, 4, 7)).events[0]
    assert event.trigger.text == "liberated" and text[event.trigger.start:event.trigger.end] == "liberated"
    assert "liberated" in event.headline and "March" not in event.headline and "Washington" not in event.headline
    assert len(event.headline) <= 90


def test_mentions_of_one_happening_become_one_event():
    text = ("Two rockets were fired on the base on Sunday. Nobody was hurt. "
            "The rockets fired on Sunday missed the base.")
    events = extract(text, published=date(2021, 4, 7)).events
    assert len(events) == 1 and len(events[0].mentions) == 2
    assert [text[m.start:m.end] for m in events[0].mentions] == ["Sunday", "Sunday"]


def test_a_date_on_a_line_of_its_own_dates_the_line_under_it():
    """Stop 34: a fixture list's "Wednesday" and a chronology's "-- November 1986" were events that said only
    "Wednesday"; the line they head says what happened, and the event's passage holds both."""
    text = ("Fixtures on Wednesday and Thursday (GMT):\n\nWednesday\n\nCelta Vigo v Real Sociedad (1900)\n\n"
            "Getafe v Espanyol (1900)\n\nMajor visits so far:\n\n-- November 1986\n\n"
            "A U.S. navy fleet of three warships visited the port of Qingdao.\n\n"
            "The talks ended on Friday.\n\nThe delegates flew home.\n")
    timeline = extract(text, date(2006, 12, 11))
    by_expression = {text[e.expression_start:e.expression_end]: e for e in timeline.events}
    fixture = next(e for e in timeline.events if e.expression == "Wednesday" and e.expression_start > 40)
    assert fixture.headline == "Celta Vigo v Real Sociedad"
    assert fixture.sentence == "Wednesday\n\nCelta Vigo v Real Sociedad (1900)"
    visit = by_expression["November 1986"]
    assert visit.headline == "A U.S. navy fleet of three warships visited the port of Qingdao" and visit.trigger.text == "visited"
    assert text[visit.trigger.start:visit.trigger.end] == "visited"
    assert by_expression["Friday"].headline == "The talks ended"  # a date inside its sentence keeps that sentence


@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("Council votes to shut Maple Street library in June\nThe city council approved the plan 6-1.\n",
     date(2013, 1, 31), "June", "2013-06"),
    ("Ferry service to stop for a month starting Friday\nBy ANNA LUND, Staff writer\n",
     date(2013, 8, 12), "Friday", "2013-08-16"),
])
def test_a_date_ending_a_page_line_is_no_name_with_the_next_line(text, published, expression, value):
    """A headline may end on a month or a weekday; the capitalised word that opens the next line (a dek, a byline)
    is another piece of the page, not the rest of a name ("June Carter", "Friday Night Lights")."""
    found = [(t.text, t.value) for t in extract(text, published=published).timexes]
    assert (expression, value) in found


def test_a_month_before_a_name_on_its_line_is_still_a_name():
    assert not extract("She sang with June Carter at the fair.", published=date(2013, 1, 31)).timexes


def test_a_heading_date_over_a_line_with_no_headline_falls_back_to_the_lines_words():
    """Stop 37 (found by the fuzz test): a year on a line of its own heading a line whose verb gives no headline
    ("1500" over "1781/-159868") asked for the words around the heading's date inside the line under it, which
    does not hold it: a HeadlineFailure. The fallback reads the line's own words, as for a line with no verb."""
    text = "1500\n1781/-159868 "
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        timeline = extract(text, date(2021, 4, 7))
    assert {e.expression for e in timeline.events} == {"1500", "1781"}
    assert all(e.headline for e in timeline.events)


def test_a_slip_in_the_headline_rules_costs_one_sentence_its_headline_not_the_article(monkeypatch):
    text = "Two rockets were fired on the base on Sunday. The talks resumed on Monday."
    real = events_module._sentence_happenings

    def failing_on_talks(text_, sentence, doc, timexes, *rest):
        if "talks" in text_[sentence.start:sentence.end]:
            raise IndexError("a rule's slip")
        return real(text_, sentence, doc, timexes, *rest)

    monkeypatch.setattr(events_module, "_sentence_happenings", failing_on_talks)
    with pytest.warns(HeadlineFailure, match="talks resumed"):
        events = extract(text, published=date(2021, 4, 7)).events
    assert [e.value for e in events] == ["2021-04-04", "2021-04-05"]
    assert events[0].headline == "Two rockets were fired on the base"
    assert events[1].headline.startswith("The talks resumed") and events[1].trigger is None


@pytest.mark.parametrize("published", ["2021-04-07", " 2021-04-07 ", date(2021, 4, 7)])
def test_the_publication_date_may_be_given_as_iso_text(published):
    """A library user passes "2021-04-07" as often as a date: "On Sunday" is 4 April either way."""
    assert [t.value for t in extract("On Sunday, two rockets were fired.", published=published).timexes] == ["2021-04-04"]


def test_a_datetime_publication_date_counts_by_its_day():
    from datetime import datetime

    timeline = extract("On Sunday, two rockets were fired.", published=datetime(2021, 4, 7, 23, 59))
    assert timeline.document.published == date(2021, 4, 7)
    assert timeline.timexes[0].value == "2021-04-04"


@pytest.mark.parametrize("published", ["2021-02-30", "7 April 2021", "2021-4-7", 20210407])
def test_a_publication_date_that_is_no_date_is_a_value_error_that_names_it(published):
    with pytest.raises(ValueError, match=r"published must be a calendar date .*" + str(published)[:4]):
        extract("On Sunday, two rockets were fired.", published=published)
