"""How dates are said to a reader in English (timeline.describe.date_in_words reads these)."""

from __future__ import annotations

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SEASONS = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}  # by the month each starts in
QUARTERS = ("Q1 {year}", "Q2 {year}", "Q3 {year}", "Q4 {year}")
HALVES = ("the first half of {year}", "the second half of {year}")
DECADE = "the {year}s"
CENTURY = "the {ordinal} century"
WEEK_OF = "the week of {day}"
WEEKEND_OF = "the weekend of {day}"
SOME_TIME_IN = "some time in {when}"
# A TIMEX3 mod said with its period: before a year, month or season ("early 2005", "mid-July 2005"), after the "the" of
# a decade or century ("the late 1970s"), around a week, quarter or half ("late in the week of 14 Nov 2005"). A day
# keeps its words: "earlier today" is START, not early in the day.
MOD_BEFORE = {"START": "early {when}", "MID": "mid-{when}", "END": "late {when}"}
MOD_AROUND = {"START": "early in {when}", "MID": "in the middle of {when}", "END": "late in {when}"}
THE = "the "
PARTS_OF_DAY = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st..."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
