"""The TIMEX3 value grammar (TimeML 1.2 / TIDES 2005) as one regular expression, for tests.

    is_timex3_value("2021-W13")      -> True
    is_timex3_value("2021-04-07TMO") -> True
    is_timex3_value("2021-W7")       -> False  (weeks have two digits)

Written from the guidelines, independently of the tagger, so the tests can check its output.
"""

from __future__ import annotations

import re

_YEAR = r"[0-9X]{4}"
_MONTH = r"(?:0[1-9]|1[0-2]|XX)"
_DAY = r"(?:0[1-9]|[12][0-9]|3[01]|XX)"
_WEEK = r"(?:0[1-9]|[1-4][0-9]|5[0-3]|XX)"
_WEEKDAY = r"(?:[1-7X]|WE)"  # -WE: the weekend of a week
_DAY_LEVEL = rf"{_YEAR}-(?:{_MONTH}-{_DAY}|W{_WEEK}-{_WEEKDAY})"
_PART_OF_DAY = r"(?:MO|MI|AF|EV|NI|DT)"
_CLOCK = r"(?:[01][0-9]|2[0-4])(?::[0-5][0-9](?::[0-5][0-9](?:\.[0-9]+)?)?)?"
_ZONE = r"(?:Z|[+-](?:[01][0-9]|2[0-3])(?::?[0-5][0-9])?)?"
_TIME = rf"{_DAY_LEVEL}T(?:{_PART_OF_DAY}|{_CLOCK}{_ZONE})"
_DATE = (
    rf"{_DAY_LEVEL}"
    rf"|{_YEAR}-{_MONTH}"  # month
    rf"|{_YEAR}-W{_WEEK}"  # ISO week
    rf"|{_YEAR}-(?:Q[1-4X]|H[12X]|SP|SU|FA|WI)"  # quarter, half, season
    rf"|{_YEAR}"  # year
    r"|[0-9X]{3}|[0-9]{3}X"  # decade (199; XXX unknown; 199X a year in it)
    r"|[0-9X]{2}"  # century (18; XX unknown)
)
_NUMBER = r"(?:[0-9]+(?:\.[0-9]+)?|X)"
_DURATION = rf"P(?:(?:{_NUMBER}(?:Y|M|W|D|Q|H|DE|CE|ML|E|C|L|WE))+(?:T(?:{_NUMBER}[HMS])+)?|T(?:{_NUMBER}[HMS])+)"
_REF = r"PRESENT_REF|PAST_REF|FUTURE_REF"

TIMEX3_VALUE = re.compile(rf"(?:{_TIME}|{_DATE}|{_DURATION}|{_REF})")


def is_timex3_value(value: str) -> bool:
    """True when `value` is a well-formed TIMEX3 value."""
    return TIMEX3_VALUE.fullmatch(value) is not None


def type_agrees(timex_type: str, value: str) -> bool:
    """Whether a value has the shape its TIMEX3 type requires.

    DURATION values are P..., TIME values carry a T part (or are a vague reference),
    DATE values never have a T part nor a P... form; SET values are either.
    """
    is_duration = value.startswith("P") and not value.endswith("_REF")
    has_time = "T" in value and not is_duration and not value.endswith("_REF")
    if timex_type == "DURATION":
        return is_duration
    if timex_type == "TIME":
        return has_time or value.endswith("_REF")
    if timex_type == "DATE":
        return not is_duration and not has_time
    return timex_type == "SET"
