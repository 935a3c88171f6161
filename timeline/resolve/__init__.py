"""Resolvers: one small function per rule kind, turning a match into a TIMEX3 type and value.

    RESOLVERS["weekday"](match of "On Sunday", Context(text, published=date(2021, 4, 7)))
    -> Resolved(DATE, "2021-04-04")

A resolver returns None to reject a match that is not temporal after all ("Sunday Times",
"2,000 troops"). `Context` carries the publication date and the narrative's reference time
(the last date mentioned), which "the next day" and "a year earlier" move from.
calendar.py: explicit dates, months, years, seasons, quarters (the one caller of dateparser);
relative.py: weekdays, yesterday, last week, ago, the next day, clock times;
amounts.py: durations, sets, references; context.py: what they share.
"""

from timeline.resolve.amounts import (
    resolve_duration,
    resolve_duration_compound,
    resolve_part_century,
    resolve_race_clock,
    resolve_reference,
    resolve_seconds,
    resolve_set,
)
from timeline.resolve.calendar import (
    parse_explicit,
    resolve_century,
    resolve_day_of_month,
    resolve_decade,
    resolve_decade_word,
    resolve_full_date,
    resolve_half,
    resolve_iso_date,
    resolve_month_alone,
    resolve_month_day_,
    resolve_month_relative_year,
    resolve_month_year,
    resolve_named_day,
    resolve_numeric_date,
    resolve_period_edge,
    resolve_quarter,
    resolve_reporting_quarter,
    resolve_season,
    resolve_spoken_year,
    resolve_sport_season,
    resolve_turn_of_century,
    resolve_week_number,
    resolve_week_of,
    resolve_year,
)
from timeline.resolve.context import Context, Reference, Resolved
from timeline.resolve.relative import (
    resolve_ago,
    resolve_anaphoric,
    resolve_clock_ago,
    resolve_clock_time,
    resolve_holiday,
    resolve_narrative_part,
    resolve_overnight,
    resolve_period_end,
    resolve_relative_day,
    resolve_relative_unit,
    resolve_reported_day,
    resolve_same_period,
    resolve_spoken_clock,
    resolve_stamp_line,
    resolve_the_new_year,
    resolve_the_year,
    resolve_timestamp,
    resolve_weekday_,
)

__all__ = ["RESOLVERS", "Context", "Reference", "Resolved", "parse_explicit"]

RESOLVERS = {
    # explicit dates, months, years
    "iso_date": resolve_iso_date, "numeric_date": resolve_numeric_date, "full_date": resolve_full_date,
    "month_day": resolve_month_day_, "named_day": resolve_named_day, "day_of_month": resolve_day_of_month, "week_of": resolve_week_of, "week_number": resolve_week_number, "month_year": resolve_month_year,
    "month_alone": resolve_month_alone, "month_relative_year": resolve_month_relative_year, "period_edge": resolve_period_edge,
    "year": resolve_year, "spoken_year": resolve_spoken_year, "decade": resolve_decade,
    "decade_word": resolve_decade_word, "century": resolve_century, "turn_of_century": resolve_turn_of_century, "season": resolve_season, "sport_season": resolve_sport_season,
    "quarter": resolve_quarter, "half": resolve_half, "reporting_quarter": resolve_reporting_quarter,
    # relative to the publication or the narrative
    "weekday": resolve_weekday_, "relative_day": resolve_relative_day, "holiday": resolve_holiday,
    "relative_unit": resolve_relative_unit, "period_end": resolve_period_end, "the_year": resolve_the_year,
    "the_new_year": resolve_the_new_year, "same_period": resolve_same_period,
    "reported_day": resolve_reported_day, "ago": resolve_ago, "clock_ago": resolve_clock_ago,
    "anaphoric": resolve_anaphoric,
    "clock_time": resolve_clock_time, "spoken_clock": resolve_spoken_clock, "timestamp": resolve_timestamp, "overnight": resolve_overnight,
    "stamp_line": resolve_stamp_line,
    "narrative_part": resolve_narrative_part,
    # amounts and references
    "duration": resolve_duration, "duration_compound": resolve_duration_compound, "seconds": resolve_seconds,
    "race_clock": resolve_race_clock,
    "part_century": resolve_part_century, "set": resolve_set, "reference": resolve_reference,
}
