"""English rules: the patterns that find temporal expressions, each a complete record.

Each `Rule` has a name, the `kind` of resolver that turns a match into a TIMEX3 value (see
`timeline.resolve`), a regular expression with named groups and `{placeholders}` for the
vocabularies (`PLACEHOLDERS`), the words one of which every match contains (`required`, lower
case: a rule runs only on texts holding one), and examples with a publication date and the
expected value, which the tests run through the whole tagger.

Patterns are written so that no part can backtrack catastrophically: every repetition is
bounded or over disjoint token classes. Month and weekday names are case-sensitive
(capitalised or upper case) so that "may", "march" and "sun" in running text do not match.
"""

from __future__ import annotations

from timeline.lang.en.words import (
    CALENDAR_HOLIDAYS,
    CLOCK_DAYS,
    CLOCK_HOUR_WORDS,
    CLOCK_MINUTE_WORDS,
    DATELINE_WEEKDAY,
    DAY_PART_NOUNS,
    HOLIDAYS,
    HOPE_WORDS,
    MODALS,
    MONTH_ABBREVIATIONS,
    MONTH_LONG_HOLIDAYS,
    MONTH_OF_BEFORE,
    MONTHS,
    MOVABLE_HOLIDAYS,
    NUMBER_WORDS,
    ORDINALS,
    OTHER_CALENDAR_HOLIDAY_WORDS,
    PARTS_OF_DAY,
    PERIOD_EDGES,
    REFERENCE_AFTER_MODAL,
    REFERENCES,
    SEASONS,
    SET_ADVERBS,
    SHOT_RECORD_AFTER,
    SOUTHERN_SEASON_PLACES,
    TERM_LENGTHS,
    UNIT_OF_AFTER,
    VAGUE_AMOUNTS,
    WEEKDAYS,
    ZONE_OFFSETS,
    ZONE_REGIONS,
)
from timeline.ruleset import Example, Rule, alternation, case_variants

_MONTH_NAMES = sorted(MONTHS, key=len, reverse=True)

_MONTH_ABBR = [m for m in _MONTH_NAMES if m in MONTH_ABBREVIATIONS]
_MONTH_FULL = [m for m in _MONTH_NAMES if m not in MONTH_ABBREVIATIONS]
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
# "six hundred" is 600, not 100
# "3 and a half", "three-and-a-half years", "a two-and-a-half-year term": a half more, spaced or hyphenated
_AND_A_HALF = r"[\s-]and[\s-]a[\s-]half"
# a number word starts a word ("Iran years ago" holds no "an")
_NUMBER = (r"(?:(?<![\d/.,:])\d{1,3}(?:,\d{3})?(?:\.\d+)?(?:\s1/2|" + _AND_A_HALF + r")?|(?<!\w)(?:(?:" + _TENS
           + r")[ -](?:one|two|three|four|five|six|seven|eight|nine)\b|(?:two|three|four|five|six|seven|eight|nine)"
           r"[\s-]hundred\b|" + alternation(NUMBER_WORDS) + r"(?!\w)(?:" + _AND_A_HALF + r")?))")

# Years spelled out, as broadcast transcripts write them: "nineteen ninety-four", "two thousand and one".
_SPOKEN_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_SPOKEN_TENS = (r"(?:(?:" + _TENS + r")(?:[\s-](?:" + _SPOKEN_UNITS + r"))?|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                r"sixteen|seventeen|eighteen|nineteen)")
# the plural units a bare span may be ("for years", "weeks rather than months")
_BARE_UNIT_WORDS = ("years", "months", "weeks", "days", "decades", "hours")
_BARE_UNITS = "(?:" + "|".join(_BARE_UNIT_WORDS) + ")"
# what sets two of them against each other ("weeks rather than months", "months, not years", "days, if not weeks")
_CONTRAST = r"(?:\srather\sthan|,\s(?:if\s)?not)\s"
_CONTRAST_WORDS = ("rather than", ", not", ", if not")
# A calendar quarter named by its first and last months ("April-June", "Jul-Sep", "Oct.-Dec."), either as full names or
# abbreviations, capitalised or upper case
_QUARTER_MONTHS = "(?:" + "|".join(
    case_variants([m for m, n in MONTHS.items() if n == first]) + r"\.?\s?[-–/]\s?"
    + case_variants([m for m, n in MONTHS.items() if n == first + 2]) + r"(?:\.|(?!\w))"
    for first in (1, 4, 7, 10)) + ")"
# the bound hedges a duration keeps in its span (TBAQ's majority: "more than four hours", "nearly a decade")
_BOUND_HEDGE = r"(?:nearly|almost|exactly|at\sleast|more\sthan|less\sthan|fewer\sthan|no\smore\sthan|up\sto)"
_SPOKEN_YEAR = (r"(?:nineteen[\s-]" + _SPOKEN_TENS + r"|two\sthousand(?:[\s-](?:and\s)?(?:" + _SPOKEN_TENS + "|"
                + _SPOKEN_UNITS + r"))?)\b")

# "a day" or "a night" as an occasion, not a length (modern30): before a relative clause with a subject and a verb of
# its own ("a day my daughters will remember", "a day I will never forget", "a night we'll never forget") or "to" and a
# verb ("It was a day to remember", "is a night to celebrate"), only as a predicate or a conjunct (after a copula,
# "and", a comma, "what"): "it takes a day to process", "within a day we had the results" stay lengths
_PREDICATE_BEFORE = r"(?:(?<=\bis\s)|(?<=\bwas\s)|(?<=\bbe\s)|(?<=\bbeen\s)|(?<=['’]s\s)|(?<=\band\s)|(?<=,\s)|(?<=\bwhat\s))"
_NOT_AN_OCCASION = (
    r"(?!(?=an?\s(?:day|night)\s)" + _PREDICATE_BEFORE + r"an?\s(?:day|night)\s(?:(?:(?:I|we|you|he|she|they|everyone|everybody|nobody|no\sone|"
    r"(?:my|our|your|his|her|their|the)\s[a-z]+)(?:\s(?:will|would|shall|can|could|won't|wouldn't|can't|couldn't|"
    r"never|always|all|will\snever|would\snever|had|have|'ll|'d|'ve)\b|['’](?:ll|d|ve)\b))|to\s[a-z]+\b))")

PLACEHOLDERS = {
    "not_an_occasion": _NOT_AN_OCCASION,
    # "Apr." may touch the day ("Nov.13"); a full name or a bare "Apr" ends at a word boundary (not "Mar" in "Mark").
    "month": "(?:" + case_variants(_MONTH_FULL) + r"(?!\w)|" + case_variants(_MONTH_ABBR) + r"(?:\.|(?!\w)))",
    "quarter_months": _QUARTER_MONTHS,
    "bound_hedge": _BOUND_HEDGE,
    "weekday": case_variants(WEEKDAYS) + r"(?!\w)",
    # right after a month and a comma ("June, "): one fixed-width look-behind per month name
    "after_month_comma": "(?:" + "|".join(f"(?<={m.capitalize()},\\s)" for m in _MONTH_FULL) + ")",
    # "Wed", "Tue." as page time stamps write them, or in capitals ("THU, AUG 3 2023", CNBC's stamps); case-sensitive,
    # so a word "sat" or "sun" is none
    "weekday_abbr": "(?-i:" + DATELINE_WEEKDAY + "|" + DATELINE_WEEKDAY.upper() + r")(?!\w)",
    # the words between an article and a month before the noun it dates: one or two lower-case words ("an upset January
    # election win", "an earlier June summit"), no function word ("sign an agreement in May to buy": the preposition
    # dates it) nor a naming word ("an actress named June starred"), and a noun after the month, no function word ("the
    # annual March for Life" is a name)
    "attributive_gap": r"(?:(?!(?:named|called|dubbed|nicknamed|in|on|at|of|to|for|from|by|with|since|until|into|"
    r"during|before|after|and|or|as|that|which|who)\s)(?-i:[a-z][a-z-]*)\s){1,2}"
    r"(?!\w+\s(?:for|of|to|in|on|at|and|or|by|with|as|from)\b)",
    # not the first word of a name ("in June Carter's songs"); a name does not run over a line break, where a page
    # line (a headline, a subhead) ends and the next piece of the page begins ("... in June\nThe board voted")
    "no_name_after": r"(?![^\S\n](?-i:[A-Z][a-z]))",
    # First-letter checks that let the engine skip most positions before trying dozens of month names.
    "at_month": r"(?=[JFMASONDjfmasond])",
    "at_month_or_weekday": r"(?=[JFMASONDTWjfmasondtw])",
    "at_month_or_modifier": r"(?=[JFMASONDELTjfmasondelt])",  # "early", "late", "mid", "the end of"
    "at_day_or_weekday": r"(?=[\dMTWFSmtwfs])",  # "15 March", "the 15th of March", "Monday, 15 March"
    "day": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\w|:\d)",
    "year": r"(?:1[5-9]\d\d|20\d\d|21\d\d)(?![\w,.]\d|-\d|\d)",
    "spoken_year": _SPOKEN_YEAR,
    # years before Christ have no TIMEX3 value here ("B.C" without its last dot too)
    "not_bc": r"(?!\s?(?:BCE?|B\.C\.?(?:E\.?)?)(?!\w))",
    "season": alternation(SEASONS),
    "southern_place": alternation(SOUTHERN_SEASON_PLACES),
    "part": alternation(PARTS_OF_DAY),
    "part_noun": alternation(DAY_PART_NOUNS) + r"\b",  # "the morning session", "midday trading": a kind of thing
    "ordinal": alternation(ORDINALS),
    "edge_ordinal": alternation(PERIOD_EDGES),
    "number": _NUMBER,
    "vague": r"(?<!\w)" + alternation(VAGUE_AMOUNTS),
    "unit": r"(?:year|month|week|day|decade|century|centuries|quarter|hour|minute|second|fortnight)s?",
    "dayunit": r"(?:year|month|week|day|decade|quarter|fortnight)s?",
    "mod": r"(?:early|earlier|late|later|mid|the middle of|the end of|the beginning of|the start of)",
    "ampm": r"(?:a\.m\.?|p\.m\.?|am\b|pm\b|A\.M\.?|P\.M\.?)",
    # upper case only: "est" and "ist" in running text are no zones; a zone written as an offset from GMT/UTC
    # ("03:21 pm GMT+7", "UTC+05:30") is one zone, kept whole in the span, its value with no offset as a named zone's
    "zone": r"(?-i:(?:GMT|UTC)[+\-−](?:1[0-4]|0?\d)(?::?[0-5]\d)?(?![\d:])|"
    + "|".join(sorted((z.replace(" ", r"\s") for z in ZONE_OFFSETS if len(z) > 1), key=len, reverse=True))
    + "|(?:" + "|".join(ZONE_REGIONS) + r")(?!\s[A-Z]|-))(?!\w)",
    "set_adverb": alternation(SET_ADVERBS),
    "reference": alternation([w for w in REFERENCES if w not in REFERENCE_AFTER_MODAL]),
    "term_length": alternation(TERM_LENGTHS),
    # after the words it follows: a look-behind over a modal and "one day" (the pattern then starts with a literal)
    "after_modal_one_day": "(?:" + "|".join(rf"(?<=\b{m}\sone\sday)" if m[0].isalpha() else rf"(?<={m}\sone\sday)"
                                            for m in MODALS) + ")",
    "hope_word": alternation(HOPE_WORDS),
    "shot_record_after": SHOT_RECORD_AFTER,
    "holiday": alternation(list(HOLIDAYS) + list(MOVABLE_HOLIDAYS) + list(CALENDAR_HOLIDAYS)),
    # a month-long festival's names ("Ramadan") and the words before one that name its month ("the holy month of")
    "month_long_holiday": alternation([name for name, rule in CALENDAR_HOLIDAYS.items() if rule in MONTH_LONG_HOLIDAYS]),
    "month_of": MONTH_OF_BEFORE,
    "holiday_edge": r"the\s(?:first\sday|start|beginning|onset|end|last\sday)\sof\s",
    "relday": r"(?:today|tonight|yesterday|tomorrow)",
    # a clock read in words: the minutes past the hour ("twenty-five past", not a bare "a"), the hour ("ten past nine")
    "clock_minute_word": r"(?:twenty[\s-](?:one|two|three|four|five|six|seven|eight|nine)\b|" + alternation(CLOCK_MINUTE_WORDS) + r"\b)",
    "clock_hour_word": alternation(CLOCK_HOUR_WORDS) + r"\b",
    # the day a clock time may name after it: a relative day or a part of one ("11.30pm last night", "9 a.m. this
    # morning": one TIME, as TBAQ's "mid-afternoon yesterday" and "10 p.m. Wednesday")
    "clockday": "(?:" + "|".join(sorted((d.replace(" ", r"\s") for d in CLOCK_DAYS), key=len, reverse=True)) + ")",
    # a bare plural unit set off by a comma or opening its sentence, before "after"/"before"/"later"/"earlier": "...,
    # hours after the vote", "Days later, ..." (not "a matter of days before"); or right after a past verb or "just",
    # "only", "mere" ("was found hours before the visit", "happened hours after", "came just days before"); "minutes" too
    # ("signed minutes before the window closed"), not a meeting's record ("published minutes after the meeting")
    "set_off_unit": r"(?!(?:(?<=released\s)|(?<=published\s)|(?<=issued\s)|(?<=approved\s))minutes\b)"
    r"(?=(?i:years|months|weeks|days|decades|hours|minutes)\s(?:after|before|later|earlier)\b)(?:(?<=,\s)|(?<=[.!?]\s)"
    r"|(?<![^\n])|(?<=[a-z]ed\s)|(?<=\bcame\s)|(?<=\bfound\s)|(?<=\bjust\s)|(?<=\bonly\s)|(?<=\bmere\s))",
    # a bare plural unit heading "years of research", "months of twists and turns", "Days of fierce storms": so long a
    # stretch of what follows (TBAQ dev 2 of 3: "follows months of twists", "the heady days of swelling sales", not
    # "After weeks of high-profile public sparring"; blind sets 3 of 3), opening its sentence or after a past verb or
    # a word of UNIT_OF_AFTER, in lower case there ("Days of Our Lives" is a show); not bare "decades" (TBAQ dev 0 of 2)
    "unit_of": r"(?=(?:years|months|weeks|days|hours)\sof\s)(?:(?<=[.!?]\s)|(?<![^\n])|(?=(?-i:[a-z]))(?:(?<=[a-z]ed\s)|"
    + "|".join(rf"(?<=\b{w}\s)" for w in UNIT_OF_AFTER) + "))",
}
# A zone after a 24-hour time, bare or in brackets ("14:00 UTC", "14:00 (UTC)"), and the day a zoned time may name:
# a weekday, "today", a month-day in either order ("on June 14", "on 12 February"); not a month-day with its year
# ("on March 1, 2008", "on 20 January next year": the date stays a timex of its own and dates the time).
# (First in the table: the placeholders inside them are expanded after them.)
PLACEHOLDERS = {
    "bracketed_zone": r"(?P<zopen>\()?(?P<zone>{zone})(?(zopen)\))",
    # more days after the first of a list, each after a comma: ", 10", ", 10, 17" (at most five: a bounded pattern is
    # searched only near its month words, timeline/scan.py)
    "listed_days": r"(?:,\s{day}){0,5}",
    # the rest of a clock time after its hour: a number after a date and a comma may be a kick-off, not a year or a
    # count ("Wednesday, 30 October, 19:45 GMT", "October 29, 8pm": the date stands)
    "clock_tail": r":\d\d|\s?{ampm}",
    "zone_day_tail": r"(?:,?\s(?:on\s)?(?P<tail>{dated_weekday_tail}|{weekday_not_dated}|{clockday})"
    r"(?!\d|,?\s\d{4}|\s(?:this|last|next)\syear\b))?",
    # a clock's day written as a date, a weekday before it or not: "on 20 January", "on Thursday 11 May", "on
    # Wednesday, August 27"
    "dated_weekday_tail": r"(?:{weekday},?\s)?(?:(?P<tmonth>{month})\s(?P<tday>{day})|(?P<tday_first>{day})\s(?P<tmonth_after>{month}))",
    # a clock's weekday alone, not the start of a date ("on Monday 4 March 2019": the date dates the clock)
    "weekday_not_dated": r"{weekday}(?!,?\s(?:{day}\s{month}|{month}\s{day}))",
    **PLACEHOLDERS,
}


# Word lists several rules share (one tuple object each: the tagger looks a list up once per text).
MONTH_WORDS = tuple(MONTHS)
LISTED_MONTH_WORDS = tuple(", " + m for m in MONTHS)  # a list of months holds ", July"
HOLIDAY_WORDS = tuple(HOLIDAYS) + MOVABLE_HOLIDAYS + OTHER_CALENDAR_HOLIDAY_WORDS
PARTS = ("morning", "afternoon", "evening", "night")
# a race time's last digit and its "s" ("10.57s"): a rare pair, so that the rule searches only around one
RACE_TIME_ENDS = tuple(f"{digit}s" for digit in "0123456789")
UNIT_WORDS = ("year", "month", "week", "day", "decade", "centur", "quarter", "hour", "minute", "second", "fortnight")
EDGE_ORDINAL_WORDS = tuple(PERIOD_EDGES)

# A full date with its year, a weekday (or a stamp's "Tue") before it: "Tue 3 May 2022", "Sept. 12, 2013"
_MONTH_DAY_YEAR = r"(?:(?:{weekday}|{weekday_abbr}),?\s)?(?P<month>{month})(?:\s|(?<=\.))(?P<d>{day}),?\s(?P<y>{year})"
_DAY_MONTH_YEAR = r"(?:(?:{weekday}|{weekday_abbr}),?\s)?(?P<d>{day})\s(?P<month>{month}),?\s(?P<y>{year})"

# The clock after a page stamp's full date: "7:41 p.m. ET", "- 3:43PM", a 24-hour "23:41 IST" or "14:02"; a dotted
# 24-hour clock ("19.30") only with a zone or at the line's end, where no decimal number ("in May 2013 12.50 euros") is
_STAMP_CLOCK_TIME = (r"(?P<h>[01]?\d|2[0-3])(?=:|\.\d\d(?:\s?(?:{ampm}|{zone})|[ \t]*(?:\n|\Z)))"
                     r"[:.](?P<min>[0-5]\d)(?::(?P<sec>[0-5]\d))?(?:\s?(?P<ampm>{ampm}))?(?:\s(?P<zone>{zone}))?(?![\d:])")
_STAMP_CLOCK = r",?\s(?:-\s)?" + _STAMP_CLOCK_TIME  # "Oct. 8, 2013 7:41 p.m. ET": one TIME
# "Sept. 12, 2013 at 4:31 PM": "at" is in no timex (conventions.tsv 11), so the clock alone is the TIME, dated by the
# date before it, which its own rule tags as a DATE
_STAMP_AT_CLOCK = r",? at (?P<tx>" + _STAMP_CLOCK_TIME + ")"

# The clock a page stamp opens with, before its full date: "1:52 PM EDT", or a 24-hour clock with its zone ("09:12
# GMT"); a 24-hour clock needs both its minutes and a zone, so that no count or score ("3, 14 March 2013") is a time
_LEADING_STAMP_CLOCK = (r"(?<![\d:.])(?P<h>[01]?\d|2[0-3])(?:[:.](?P<min>[0-5]\d))?(?:\s?(?P<ampm>{ampm}))?"
                        r"(?:\s(?P<zone>{zone}))?(?(ampm)|(?(min)(?(zone)|(?!))|(?!)))")

E = Example
R = Rule
RULES: tuple[Rule, ...] = (
    # --- explicit dates ----------------------------------------------------------------
    R("iso_date", "iso_date",
      r"\b(?P<y>\d{4})(?P<sep>[-/])(?P<m>[01]\d)(?P=sep)(?P<d>[0-3]\d)(?:[T\s](?P<hh>[0-2]\d):(?P<mm>[0-5]\d))?\b",
      (E('2021-04-07', '2021-04-07', '2021-04-07'),), required=('-', '/')),
    # "since the 9/11 attacks", "post-9/11": a day named by its event (words.NAMED_DAYS), not a numeric date
    # not a shooting record, "going 9/11 from the free-throw line" (words.SHOT_RECORD_AFTER)
    R("named_day", "named_day", r"(?<![\d/.])(?P<name>9/11)(?![\d/]|\.\d){shot_record_after}",
      (E('since 9/11', '2021-04-07', '2001-09-11', expression='9/11'),), 1, required=('9/11',)),
    R("numeric_date", "numeric_date", r"(?<![\d/.])(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/]|\.\d)",
      (E('14/07/1989', '2021-04-07', '1989-07-14'),), required=('/', '.')),
    R("day_month_year", "full_date",
      r"{at_day_or_weekday}(?:(?:{weekday}|{weekday_abbr}),?\s)?(?:the\s)?(?P<d>{day})\s(?:of\s)?(?P<month>{month}),?\s(?P<y>{year})",
      (E('7 Apr, 2021', '2021-04-07', '2021-04-07'),), 2, required=MONTH_WORDS),
    R("month_day_year", "full_date",
      r"{at_month_or_weekday}" + _MONTH_DAY_YEAR,
      (E('April 7, 2021', '2021-04-07', '2021-04-07'),), 2, required=MONTH_WORDS),
    # not before a year-like number, but "on April 20, 67 days after ...", "the week to March 3, 94.1%" and the first of
    # a list of days ("on March 2, 9, 16 and 23") are the day
    R("month_day", "month_day", r"{at_month_or_weekday}(?:{weekday},?\s)?(?P<month>{month})(?:\s|(?<=\.))(?P<d>{day})"
      r"(?!(?!{listed_days},?\s(?:and|or)\s{day})\s?(?:,\s?)?\d(?!\d*(?:\s(?-i:[a-z])|[.,]\d|%|{clock_tail})))"
      r"(?=(?:{listed_days},?\s(?:and|or)\s{day},?\s(?P<y>{year}))?)",  # the list's year: "March 2, 9 and 16, 2020"
      (E('March 15', '2021-04-07', '2021-03-15'),), 1, required=MONTH_WORDS),
    # "on April 24 and 25, 1999": two dates, the second without its month, the year after both
    R("month_day_first", "month_day",
      r"{at_month}(?P<tx>(?P<month>{month})(?:\s|(?<=\.))(?P<d>{day}))\s(?:and|or|to|through|till|until)\s{day},?\s(?P<y>{year})",
      (E('April 24 and 25, 1999', '2021-04-07', '1999-04-24', expression='April 24'),), 2, required=MONTH_WORDS),
    # "on May 2 and 3 last year", "June 7-8 this year": the first day is of the year said after the second
    R("month_day_first_relative", "month_day",
      r"{at_month}(?P<tx>(?P<month>{month})(?:\s|(?<=\.))(?P<d>{day}))(?:\s(?:and|or|to|through|till|until)\s|\s?[-–]\s?)"
      r"{day}\s(?P<yrel>this|last|next)\syear\b",
      (E('May 2 and 3 last year', '2021-04-07', '2020-05-02', expression='May 2'),), 2, required=MONTH_WORDS),
    # the last day of a list ("on May 3, 10 and 17") as of a pair ("on April 24 and 25")
    R("month_day_second", "month_day",
      r"{at_month}(?P<month>{month})\s{day}(?:{listed_days},?\s(?:and|or)\s|\s(?:and|or|to|through|till|until)\s|\s?[-–]\s?)"
      r"(?P<tx>(?P<d>{day})(?:,?\s(?P<y>{year})|"
      r"\s(?P<yrel>this|last|next)\syear\b)?)(?!\s?(?:,\s?)?\d|[.,]\d)",  # "June 7-8 this year": "8 this year" (as "December 14 this year")
      (E('April 24 and 25', '2021-04-07', '2021-04-25', expression='25'),), required=MONTH_WORDS),
    # the days inside a list after a month-day ("on May 3, 10 and 17", "Nov. 14, 21, 28 and 30"): each a date of that
    # month; only a list closed by "and"/"or" and a day, so "on May 3, 10 people" stays a count, and the match runs to
    # the list's end, so a count noun after it ("10 and 17 percent") is seen (one rule a place: a match starts at the
    # month, so a later day of the same list needs its own)
    *(R(f"month_day_listed_{place}", "month_day",
        r"{at_month}(?P<month>{month})\s{day}" + r",\s{day}" * (place - 2)
        + r",\s(?P<tx>(?P<d>{day})){listed_days},?\s(?:and|or)\s{day}(?:,?\s(?P<y>{year}))?(?![.,/]?\d|\s?[-–]\s?\d)",
        (E('May 3, 10 and 17', '2021-04-07', '2021-05-10', expression='10'),) if place == 2 else
        (E('May 3, 10, 17 and 24', '2021-04-07', '2021-05-17', expression='17'),), required=MONTH_WORDS)
      for place in (2, 3)),
    R("day_month_first", "month_day",  # "3-5 March", "3 and 4 March", "3, 10 and 17 May": the first day is a date too
      r"(?<![\d/.,-])(?P<tx>(?P<d>{day}))(?:{listed_days},?\s(?:and|or)\s|\s(?:and|or|to)\s|\s?[-–]\s?){day}\s(?:of\s)?"
      r"(?P<month>{month})",
      (E('3-5 March', '2021-04-07', '2021-03-03', expression='3'),), required=MONTH_WORDS),
    # a day inside a list before its month ("on 3, 10 and 17 May"): after a day and a comma, the list closed by "and"/"or",
    # a day and the month (read ahead, not taken, so that each day inside is found)
    R("day_month_listed", "month_day",
      r"(?<=\d,\s)(?P<d>{day})(?={listed_days},?\s(?:and|or)\s{day}\s(?:of\s)?(?P<month>{month}))",
      (E('3, 10 and 17 May', '2021-04-07', '2021-05-10', expression='10'),), required=MONTH_WORDS),
    R("day_month", "month_day", r"{at_day_or_weekday}(?:{weekday},?\s)?(?:the\s)?(?P<d>{day})\s(?:of\s)?(?P<month>{month})(?!\s?,?\s?\d(?!\d*(?:[.,]\d|%|{clock_tail})))",
      (E('15 March', '2021-04-07', '2021-03-15'),), 1, required=MONTH_WORDS),
    # "On the 14th, ...", "took office on the 11th after ...", "said on the 7th that ...": a day of the month the story
    # is in; not "on the 15th Asian Games", "on the 18th green" (a noun follows)
    R("day_of_month", "day_of_month",
      # the literal "the" first lets the engine skip to it; the preposition is checked behind it
      r"(?P<tx>the\s(?=\d)(?:(?<=\bon\sthe\s)|(?<=\bby\sthe\s)|(?<=\buntil\sthe\s)|(?<=\btill\sthe\s)|"
      r"(?<=\bsince\sthe\s)|(?<=\bfrom\sthe\s)|(?<=\bbefore\sthe\s)|(?<=\bafter\sthe\s))(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)"
      r"(?:\sof\s(?:this|the)\smonth)?)(?=\s?[,.;:)]|$|\s(?:and|or|but|when|at|in|as|with|after|before|to|until|while|that)\b)",
      (E('On the 14th, rebels took the town', '2021-04-07', '2021-03-14', expression='the 14th'),),
      required=('st', 'nd', 'rd', 'th')),
    # a week by its number, as statistics offices count them ("1,400 excess deaths in week 14", "calendar week 32",
    # "week 2 of 2021"): the ISO week, of the year written, else of the publication's ISO year (the year before for a
    # later week told in the past, the next for an earlier one told ahead); lower case only ("Week 12" is a sports
    # schedule's), and not a count of an event's weeks ("in week 3 of the trial") nor a noun's modifier ("the week 2
    # schedule")
    R("week_number", "week_number",
      r"(?<!\bthe\s)(?<!\ba\s)(?-i:\b(?:calendar\s)?week\s)(?P<n>[1-9]|[1-4]\d|5[0-3])(?:\sof\s(?P<y>{year}))?"
      r"(?!\w|[.,:/-]\d|\sof\s|\s(?:and|to|or|through)\s\d)",
      (E('deaths in week 14', '2020-04-15', '2020-W14', expression='week 14'),
       E('in calendar week 2 of 2021', '2021-04-07', '2021-W02', expression='calendar week 2 of 2021')),
      required=('week ',)),
    R("week_of", "week_of", r"\bthe\sweek\sof\s(?P<month>{month})(?:\s|(?<=\.))(?P<d>{day})(?:,?\s(?P<y>{year}))?(?!\d)",
      (E('the week of March 6', '2021-04-07', '2021-W09'),), 2, required=('week',)),
    R("month_year", "month_year", r"{at_month_or_modifier}(?:(?P<mod>{mod})[\s-])?(?P<month>{month}),?\s(?:of\s)?(?P<y>{year}|{spoken_year})",
      (E('March 2019', '2021-04-07', '2019-03'),), required=MONTH_WORDS),
    # after an article (and at most two lower-case words, as "attributive_gap" says) before a lower-case noun it dates
    # ("the May curbs", "an upset January election win"), or after a preposition of time
    R("month_alone", "month_alone",
      r"(?:(?:\b(?:the|a|an|its|their|his|her)\s(?:{attributive_gap})?|(?<=\w['’]s\s)(?!\w+\s(?:on|to)\s))(?=\w+\.?\s(?-i:[a-z]))|\b(?:in|since|until|by|from|through|throughout|into|during|before|after|of|to|till|on|for|"
      r"between|as\searly\sas|as\slate\sas|as\srecently\sas)\s)(?P<tx>(?P<month>{month}))(?!\w)(?!\.?\s\d){no_name_after}",
      (E('in March', '2021-04-07', '2021-03', expression='March'),), required=MONTH_WORDS),
    # "the January-March instalments": both months of a hyphenated range (the first as after "the"); "the January-March
    # quarter" or "period" is the rule quarter_months' one quarter
    R("month_range_first", "month_alone", r"{at_month}(?P<tx>(?P<month>{month}))(?=[-–]{month}(?!\w)(?!,?\s{year}))",
      (E('the January-March instalments', '2021-04-07', '2021-01', expression='January'),), required=MONTH_WORDS),
    R("month_range_first_year", "month_year",  # "May-June 2004": the year after the range is the first month's too
      r"{at_month}(?P<tx>(?P<month>{month}))(?=[-–]{month},?\s(?P<y>{year}))(?:(?!)(?P<mod>))?",
      (E('May-June 2004', '2021-04-07', '2004-05', expression='May'),), 2, required=MONTH_WORDS),
    R("month_range_second", "month_alone", r"{at_month}{month}[-–](?P<tx>(?P<month>{month}))(?!\w)(?!\.?\s?\d)",
      (E('the January-March instalments', '2021-04-07', '2021-03', expression='March'),), required=MONTH_WORDS),
    R("month_possessive", "month_alone",  # "December's toll", "at April's election"
      r"\b(?P<tx>(?P<month>{month}))(?='s\s(?-i:[a-z]))",
      (E("December's toll", '2021-04-07', '2020-12', expression='December'),), required=MONTH_WORDS),
    # a month after a superlative ("the warmest March since records began", "its wettest April on record"): the
    # month, capitalised (not "the biggest march since 2003"); wiki28
    R("month_superlative", "month_alone",
      r"\b(?:the|its|their|his|her|this|last|a)\s(?:[a-z]+(?<!west)(?<!best)(?<!rest)(?<!test)(?<!harvest)(?<!forest)"
      r"(?<!interest)(?<!protest)(?<!quest)(?<!arrest)(?<!honest)(?<!modest)est)\s(?=(?-i:[A-Z]))"
      r"(?P<tx>(?P<month>{month}))(?!\w)(?!\.?\s\d)(?!\s(?-i:[A-Z][a-z]))",
      (E('the warmest March on record', '2021-04-07', '2021-03', expression='March'),), required=MONTH_WORDS),
    R("month_part", "month_alone",  # "the end of June": the month, its END part
      r"\b(?P<tx>(?P<part>the\s(?:end|beginning|start|middle)\sof)\s(?P<month>{month}))(?!\w)(?!\.?\s\d)(?!,?\s{year})",
      (E('the end of June', '2021-04-07', '2021-06'),), 1, required=MONTH_WORDS),
    # "the last day of 2006", "the first week of March", "the last month of 2005": one DATE, that part of the period
    # (wikinews-blind2's settled "the last day of 2006" 2006-12-31, te3-silver-blind3's "the first week of October"
    # 2005-W40, the week that holds the month's first Thursday; TBAQ dev's "the last half of 1989" is one DATE too); a
    # plural ("the final months of 2009") is a span beside the year, as TBAQ dev's "the first nine months of 1997".
    # Counted on ("the second week of April", "the third day of 2010") and a month's weekdays ("the first Monday of
    # March", "the last Sunday of October": that day), and the month said as this/next/last month ("the last day of
    # the month": the publication's)
    R("period_edge", "period_edge",
      r"\bthe\s(?P<edge>{edge_ordinal})\s(?:(?P<unit>day|week|{weekday})\sof\s(?:(?P<month>{month})(?:,?\s(?P<my>{year}))?"
      r"|(?P<mrel>the|this|next|last)\smonth)|(?P<yunit>day|week|month)\sof\s(?:(?P<y>{year})|(?P<rel>this|next|last)\syear))"
      r"(?!\w)(?!\.?\s\d)",
      (E('the last day of 2006', '2021-04-07', '2006-12-31'),
       E('the first Monday of March', '2021-02-10', '2021-03-01'),
       E('expires on the last day of the month', '2019-01-08', '2019-01-31', expression='the last day of the month'),
       E('the second week of April', '2013-04-25', '2013-W15')),
      required=EDGE_ORDINAL_WORDS),
    R("month_second", "month_alone",  # "in July and August", "in June, July and August": the last month of a list
      # and before a noun after a determiner or a possessive ("at the Fed's October or December meeting")
      r"(?:\b(?:in|since|until|by|from|through|during|between|for)\s|(?:\b(?:the|its|their|his|her)\s|(?<=\w['’]s\s))"
      r"(?={month}(?:,\s{month}){0,10},?\s(?:and|or)\s{month}\s(?-i:[a-z])))"
      r"{month}(?:,\s{month}){0,10},?\s(?:and|or|to|through|until|till)\s"
      r"(?P<tx>(?P<month>{month}))(?!\w)(?!\.?\s\d){no_name_after}",
      (E('in July and August', '2021-04-07', '2021-08', expression='August'),), required=MONTH_WORDS),
    # "in September, October and November": a month inside a list, between a month and a comma before it and the
    # list's other months after it (the first takes its preposition, the last is "month_second"); not a list of
    # names ("Tom, April and May")
    R("month_in_list", "month_alone",
      r"{at_month}(?<=,\s){after_month_comma}(?P<tx>(?P<month>{month}))(?=(?:,\s{month}){0,10},?\s(?:and|or)\s{month}(?!\w)(?!\.?\s\d){no_name_after})",
      (E('in June, July and August', '2021-04-07', '2021-07', expression='July'),), required=LISTED_MONTH_WORDS),
    # a list of three months or more is months at both ends, with no preposition too ("July, August and September
    # had passed")
    R("month_list_first", "month_alone",
      r"{at_month}(?<![\w-])(?P<tx>(?P<month>{month})),\s{month}(?:,\s{month}){0,10},?\s(?:and|or)\s{month}(?!\w)(?!\.?\s\d)",
      (E('July, August and September', '2021-04-07', '2021-07', expression='July'),), required=LISTED_MONTH_WORDS),
    R("month_list_last", "month_alone",
      r"{at_month}(?<=,\s){after_month_comma}{month}(?:,\s{month}){0,10},?\s(?:and|or)\s(?P<tx>(?P<month>{month}))(?!\w)(?!\.?\s\d)"
      r"{no_name_after}",
      (E('July, August and September', '2021-04-07', '2021-09', expression='September'),), required=LISTED_MONTH_WORDS),
    R("month_with_modifier", "month_alone",
      r"(?P<rel>last|next|this|early|late|mid|that|the\sfollowing|the\snext|the\sprevious)[\s-](?P<month>{month})(?!\w)"
      r"(?!\.?\s\d)", (E('last March', '2021-04-07', '2020-03'),), required=MONTH_WORDS),
    # --- years, decades, centuries -----------------------------------------------------
    # "until 1994 or later", "for 1990 and beyond": the hedge belongs to the year (TBAQ)
    R("year", "year", r"(?<![\w$£€#./-])(?P<lead>the\syear\s)?(?:(?P<mod>{mod})[\s-](?:of\s)?)?(?P<fiscal>fiscal\s(?:year\s)?)?(?P<y>{year})(?![\w%°-]){not_bc}"
      r"(?:\s(?:or\slater|or\searlier|and\sbeyond)\b(?!\s[a-z]))?",
      (E('2014', '2021-04-07', '2014'),), required=('1', '2')),
    R("year_fiscal_year", "year",  # "the 2009 fiscal year": that year (TBAQ: "fiscal 1989" -> 1989)
      r"\bthe\s(?P<y>{year})\s(?P<fiscal>fiscal|financial|budget)\syear\b",
      (E('the 2009 fiscal year', '2021-04-07', '2009'),), required=('year',)),
    R("the_year_number", "year",  # "in the year 1066": any year of three or four digits after "the year"
      r"\b(?P<lead>the\syear\s)(?P<y>[1-9]\d{2,3})(?![\w%°.,-]?\d)(?![\w%°-]){not_bc}",
      (E('In the year 1066 Harold died', '2021-04-07', '1066', expression='the year 1066'),), required=('year',)),
    R("early_year", "year", r"(?<=\b(?:in|of|by)\s)(?P<y>1[0-4]\d\d)\b(?![,.]?\d){not_bc}",
      (E('in 1066', '2021-04-07', '1066', expression='1066'),), required=('1',)),
    # a season or a fiscal year written with a slash ("the 2010/11 season", "fiscal 2013/14", "in 2005/06") is one
    # DATE, the year it begins (wikinews-blind2's settled "2010/11" -> 2010; te3-silver's silver "the fiscal year
    # 2006/07" -> 2006, "the Bogor Goals in 2010/2020" -> 2010); a pair that runs backwards is none (a score)
    R("year_slash_pair", "year",
      r"(?<![\w.,$£€#/-])(?P<lead>the\syear\s)?(?P<fiscal>fiscal\s(?:year\s)?)?(?P<y>(?:1[5-9]|20)\d\d)/(?P<next>(?:1[5-9]|20)\d\d|\d\d)"
      r"(?![\w%°/-]|[.,]\d)",
      (E('the 2010/11 season', '2021-04-07', '2010', expression='2010/11'),), required=('/',)),
    # the range's start is a year too, not the tail of a longer number ("1.1682-1692" is an exchange rate); a wire's
    # "between 2006- 2010" (a space after the hyphen) is a range of two years too
    # "the 1980-1988 war", "the 1998-99 season": the range's first year is a date of its own (as the end is), as
    # HeidelTime and the TIDES ranges tag it; the range must run forwards ("won 2003-2001" is a score)
    R("year_range_start", "year",
      r"(?<![\w.,$£€#/-])(?P<fiscal>fiscal\s(?:year\s)?)?(?P<y>(?:1[5-9]|20)\d\d)(?=[-–](?:\s(?=(?:1[5-9]|20)\d\d))?(?P<to>(?:1[5-9]|20)\d\d|\d\d)(?![\w%°-]|[.,]\d))",
      (E('the 1998-99 season', '2021-04-07', '1998', expression='1998'),), required=('-', '–')),
    R("year_range_short_end", "year",
      r"(?<=(?<![\w.,$£€#/-])(?P<from>(?:1[5-9]|20)\d\d)[-–])(?P<yy>\d\d)(?![\w%°-]|[.,]\d){not_bc}",
      (E('the 1998-99 season', '2021-04-07', '1999', expression='99'),), required=('-', '–')),
    R("year_range_end", "year", r"(?<=(?<![\w.,$£€/-])(?:1[5-9]|20)\d\d[-–])(?P<y>{year})\b{not_bc}",
      (E('2014-2015', '2021-04-07', '2015', expression='2015'),), required=('-', '–')),
    # after a preposition, in a list of years ("in 1966 and '68", "1956, '57"), before a noun ("the '58 final")
    R("apostrophe_year", "year",
      r"(?:\b(?:in|of|since|until|by|from|to|through|during|class\sof)\s|(?<=\d,\s)|(?<=\d\sand\s)|(?<=\d,\sand\s)|"
      r"\bthe\s(?='\d\d\s[a-z]))(?P<tx>'(?P<yy>\d{2}))(?![\w'%])",
      (E("in '98", '2021-04-07', '1998', expression="'98"),), required=("'",)),
    R("short_year_fiscal", "year", r"\b(?P<fiscal>fiscal\s(?:year\s)?|FY\s?)'?(?P<yy>\d{2})\b",
      (E('fiscal 89', '2021-04-07', '1989'),), required=('fiscal', 'fy')),
    R("fiscal_year_code", "year", r"\b(?P<fiscal>FY)\s?(?P<y>{year})\b",
      (E('FY2020', '2021-04-07', '2020'),), required=('fy',)),
    R("spoken_year", "spoken_year",
      r"\b(?P<lead>the\syear\s)?(?P<century>nineteen|two\sthousand)(?:[\s-](?:and\s)?(?P<rest>" + _SPOKEN_TENS + "|" + _SPOKEN_UNITS + r"))?\b",
      (E('nineteen ninety-six', '2021-04-07', '1996'),), required=('nineteen', 'thousand')),
    R("decade", "decade", r"(?:\bthe\s)?(?:(?P<mod>early|late|mid)[\s-])?(?P<y>1[5-9]\d|20\d)0'?s\b{not_bc}",
      (E('the 1990s', '2021-04-07', '199'),), 1, required=('0s', "0's")),
    R("short_decade", "decade", r"(?:\bthe\s)?(?:(?P<mod>early|late|mid)[\s-])?'(?P<yy>\d)0s\b",
      (E("the '90s", '2021-04-07', '199'),), 1, required=('0s',)),
    # "the 90s", "the early 80s" written without the apostrophe (TIDES: a decade, as "the '90s"); not "his 30s" (an
    # age: TBAQ leaves it), "highs in the 90s" (degrees: the resolver looks for a temperature before)
    R("short_decade_bare", "decade", r"\bthe\s(?:(?P<mod>early|late|mid)[\s-])?(?P<bare>(?P<yy>[2-9])0s)\b(?!\s?(?:degrees|°))",
      (E("the 90s", '2021-04-07', '199'),), 1, required=('0s',)),
    # a decade listed after another: "the 1970s and 80s", "the 1960s, 70s and 80s" (the first decade's century)
    R("short_decade_listed", "decade",
      r"(?:(?<=\d0s,\s)|(?<=\d0s\sand\s)|(?<=\d0s\sor\s)|(?<=\d0s,\sand\s)|(?<=\d0s\sto\s))(?P<bare>(?P<yy>[2-9])0s)\b"
      r"(?!\s?(?:degrees|°))",
      (E("the 1970s and 80s", '2021-04-07', '198', expression='80s'),), required=('0s',)),
    R("century", "century",
      # "the 19th century", but "the 19th-century church": an adjective's article is the noun's ("a six-month")
      r"\b(?:the\s(?![\w-]+-century\b))?(?:(?P<mod>early|late|mid)[\s-])?(?!last\b)(?P<n>\d{1,2}(?:st|nd|rd|th)|{ordinal})"
      r"[\s-]century\b{not_bc}",
      (E('the 19th century', '2021-04-07', '18'),), required=('centur',)),
    # "the turn of the century", "the turn of the 20th century": the century begun at that turn (TIDES values a
    # century by its first two digits: the 2000s are 20), the turn named or the nearest by the clause's tense
    R("turn_of_century", "turn_of_century",
      r"\bthe\sturn\sof\s(?:the\s|this\s)?(?:(?P<n>\d{1,2}(?:st|nd|rd|th)|{ordinal})\s)?century\b",
      (E('since the turn of the century', '2011-05-16', '20', expression='the turn of the century'),),
      required=('turn of',)),
    R("decade_word", "decade_word",
      r"\bthe\s(?:(?P<mod>early|late|mid)[\s-])?(?:nineteen[\s-])?(?P<word>twenties|thirties|forties|fifties|sixties|seventies|"
      r"eighties|nineties)\b", (E('the nineties', '2021-04-07', '199'),), required=('ties',)),
    # "early last century", "the last century" ("last" is no ordinal of a century; "his last century" is cricket's)
    R("this_century", "relative_unit",
      r"\b(?<!his\s)(?<!her\s)(?<!their\s)(?<!'s\s)(?:(?P<mod>early|late|mid)[\s-])?(?P<rel>this|last|next|the\scurrent|the\spast|the\sprevious|the\slast)\s"
      r"(?P<unit>century|decade)\b",
      (E('this century', '2021-04-07', '20'),), required=('century', 'decade')),
    # --- seasons, quarters, halves -------------------------------------------------------
    R("season", "season",
      r"\b(?:(?P<rel>this\spast|this|last|next|that|the\spast|the\scoming|the\sfollowing|the\snext|the\sprevious|early|late|"
      r"the\searly|the\slate|the)\s)?"
      # "the winter of 1995-96": a season across two years is one expression, the first year's
      # "autumn this year", "the spring of last year": the season of the year said, one expression (as "January this year")
      # "the Australian summer", "the southern winter": a season of the southern hemisphere (its place inside)
      r"(?:(?P<south>{southern_place})\s)?(?P<season>{season})(?:\s(?:of\s)?(?:(?P<y1>(?:1[5-9]|20)\d\d)[-–/](?:\d\d){1,2}(?![\w-])|(?P<y>{year}|{spoken_year})|"
      r"(?P<yrel>this|last|next)\syear\b))?"
      r"\b(?!-)",
      (E('last summer', '2021-04-07', '2020-SU'),), required=tuple(SEASONS)),
    # "next season", "last season", "this season's": a season of sport named from the publication date, the year it
    # begins (the web sets' settled "last season" 2012 and "next season" 2014, 2013); not "the holiday season", not
    # "his last season" (his final one)
    R("sport_season", "sport_season",
      r"\b(?<!\bthe\s)(?<!\bhis\s)(?<!\bher\s)(?<!\bits\s)(?<!\btheir\s)(?<!['’]s\s)(?P<rel>this|last|next)\sseason\b(?!-)",
      (E('He expects to contend next season.', '2013-04-18', '2013', expression='next season'),), required=('season',)),
    R("quarter", "quarter",
      # a possessive stays outside ("its fourth quarter" -> "fourth quarter", as TBAQ tags it)
      r"\b(?:(?:its|their)\s)?(?P<tx>(?:(?:the|a)\s)?(?:(?P<rely>this|last|next)\syear's\s)?(?:(?P<yago>year-ago|year-earlier)\s)?"
      r"(?:(?P<y2>{year})\s)?(?P<fiscal>fiscal[\s-])?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final)\s"
      r"(?P<fiscal2>fiscal\s)?quarter(?!-final)(?:\s(?:of\s)?(?:(?:fiscal|the\syear)\s)?(?P<y>{year})|\sof\s(?P<ofrel>this|last|next|the)\syear)?)\b",
      (E('the third quarter', '2021-04-07', '2020-Q3'),), required=('quarter',)),
    R("quarter_adjective", "quarter", r"\b(?P<fiscal>fiscal\s)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)-quarter\b",
      (E('third-quarter', '2021-04-07', '2020-Q3'),), required=('quarter',)),
    # "the December quarter", "the June quarter": the calendar quarter that month ends or falls in (as a company
    # names its quarters by their last month), not the month
    R("quarter_month", "quarter", r"\bthe\s(?P<qmonth>{month})\squarter\b(?!-)",
      (E('the June quarter', '2021-08-10', '2021-Q2'),), required=('quarter',)),
    # "the April-June quarter", "the July-September period": a calendar quarter named by its first and last months (as
    # results and national accounts of Japan and India name them), not those two months; not another span of months
    # ("the August-October period" stays two months)
    R("quarter_months", "quarter",
      r"\b(?:the\s)?(?P<qmonths>{quarter_months})\s(?:quarter|period)(?:\sof\s(?P<y>{year}))?\b(?!-)",
      (E('in the April-June quarter', '2012-11-22', '2012-Q2', expression='the April-June quarter'),),
      required=('quarter', 'period')),
    R("quarter_code", "quarter", r"\b(?P<q>Q[1-4])(?:\s?(?P<y>{year}))?\b",
      (E('Q3 2021', '2021-04-07', '2021-Q3'),), required=('q',)),
    # "H1 profit", "in H2.", "H1 2015": a company's half as it writes it (as "Q3" is its quarter); upper case, and bare only
    # before a word of results or after "in"/"for" at a clause's end: not hydrogen ("make H2 from water"), "H1N1", "H-1B"
    R("half_code", "half",
      r"(?-i:\b(?P<ord>H[12]))(?:\s(?P<y>{year})\b|(?=\s(?:profits?|sales|revenues?|results|earnings|net|loss(?:es)?|"
      r"growth|figures|output|guidance|deliveries|shipments)\b)|(?:(?<=\bin\sH\d)|(?<=\bfor\sH\d)|(?<=\bduring\sH\d)|"
      r"(?<=\bthrough\sH\d)|(?<=\bover\sH\d))(?=\s?[,.;:)]|\s(?:as|than|compared|versus)\b))",
      (E('H1 2021', '2021-08-04', '2021-H1'), E('H1 profit rose', '2021-08-04', '2021-H1', expression='H1')),
      required=('h1', 'h2')),
    R("half", "half",
      r"\b(?:the\s)?(?P<ord>first|second|1st|2nd|last|latter|"
      # "the back half of the year" (earnings calls); "the back half" alone is often a place ("the back half of the bus")
      r"(?:front|back)(?=[\s-]half\sof\s(?:(?:the|this|next|last)\syear|fiscal|\d)))[\s-]half(?:\s(?:of\s)?(?:fiscal\s)?(?P<y>{year})|"
      r"\sof\s(?P<ofrel>this|last|next|the)\s(?P<new>new\s)?year)?\b"  # "the first half of the new year"
      # not a match's half: "the second half of the season", "ended the first half 18-11", "first-half goals"; not a
      # cricketer's "second half century", nor a compound ("the first half-chance"; "the first half-year" is the half)
      r"(?!\sof\s(?!the\syear|fiscal|{year})|\s\d+-\d|\s(?:goals?|penalty|strike|header|try|tries|lead|centur(?:y|ies))\b"
      r"|-(?!year\b))",
      (E('the first half of 2021', '2021-04-07', '2021-H1'),), required=('half',)),
    R("reporting_quarter", "reporting_quarter",
      r"\bthe\s(?:(?P<rel>latest|current|latest\sfiscal|recent|most\srecent|same|year-earlier|year-ago|comparable)|"
      r"(?P<y>{year}))?\s?(?:fiscal\s)?(?:quarter|(?<=[a-z\d]\s)(?P<period>period))\b(?!-)"
      r"(?=\s(?:ended|ending)\s(?P<emonth>{month})\s(?P<eday>{day}))?",
      (E('the latest quarter', '2021-04-07', '2021-Q1'),), required=('quarter', 'period')),
    # --- weekdays and days relative to today --------------------------------------------
    R("weekday", "weekday",
      # "a week on Friday", "a week from Thursday": the day a week after the coming one, as "Thursday week"
      r"\b(?:(?P<week_ahead>a\sweek\s(?:on|from)\s)|(?P<rel>last|next|this|this\spast|this\scoming|early|late)\s)?"
      r"(?P<weekday>{weekday})"
      r"(?:\s(?P<part>{part})|(?P<week_on>\sweek(?![\w-])))?",
      (E('On Sunday', '2021-04-07', '2021-04-04', expression='Sunday'),
       E('begins a week on Friday', '2011-03-14', '2011-03-25', expression='a week on Friday')), 1,
      required=tuple(WEEKDAYS)),  # "Thursday week": a week after the coming one
    R("relative_day", "relative_day",
      # "a week today", "a week tomorrow", "a week from today": that day a week on (not "a week today since/that ...",
      # a week back)
      r"\b(?:(?P<week_ahead>a\sweek\s(?:from\s)?)(?=(?:today|tonight|tomorrow)\b(?![^\S\n](?:since|that)\b))|"
      r"(?P<mod>early|late|earlier|later)\s)?(?P<rel>{relday})(?:\s(?P<part>morning|afternoon|evening|night))?\b",
      (E('yesterday', '2021-04-07', '2021-04-06'),
       E('Clearing opens a week tomorrow.', '2019-07-17', '2019-07-25', expression='a week tomorrow')),
      required=('today', 'tonight', 'yesterday', 'tomorrow')),
    R("part_of_day", "relative_day",
      # "late last night", "later this afternoon": the modifier is part of the expression, as in "early yesterday"
      r"\b(?:(?P<mod>early|late|earlier|later)\s)?(?P<rel>this|last|tomorrow|yesterday)\s(?P<part>morning|afternoon|evening|night)\b",
      (E('this morning', '2021-04-07', '2021-04-07TMO', 'TIME'),
       E('late last night', '2021-04-07', '2021-04-06TNI', 'TIME')), required=tuple(PARTS_OF_DAY)),
    # "rain fell overnight", "overnight losses in New York": the night before publication (TBAQ tags it a TIME)
    R("overnight", "overnight", r"\b(?P<word>overnight)\b(?!-)",
      (E('Five inches of rain fell overnight.', '2021-04-07', '2021-04-06TNI', 'TIME', expression='overnight'),),
      required=('overnight',)),
    # "Celebrations overnight Sunday were cancelled": the night of the weekday named, one TIME (as "Sunday night")
    R("overnight_weekday", "weekday",
      r"\b(?P<part>overnight)\s(?P<weekday>{weekday})(?!\s(?:morning|afternoon|evening|night|week)\b)(?:(?!)(?P<rel>)(?P<week_on>))?",
      (E('Flooding overnight Sunday closed roads.', '2021-04-07', '2021-04-04TNI', 'TIME', expression='overnight Sunday'),),
      required=('overnight',)),
    R("part_before_day", "relative_day",
      r"\b(?:(?P<mod>early|late|mid)[\s-]?)?(?P<part>morning|afternoon|evening|night)\s(?P<rel>yesterday|today|tomorrow)\b",
      (E('mid-afternoon yesterday', '2021-04-07', '2021-04-06TAF', 'TIME'),), required=('yesterday', 'today', 'tomorrow')),
    R("holiday", "holiday", r"(?:\b(?P<rel>last|next|this)\s|\bthe\s(?=(?:{holiday})\s(?:long\s)?weekend\b)"
      # "on the eve of Eid al-Fitr": the day before; "the first day of Ramadan", "the end of the holy month of
      # Ramadan": a month-long festival's first or last day; "the Muslim fasting month of Ramadan": its month
      r"|\b(?P<eve>the\seve\sof\s)(?-i:(?=[A-Z]|the\s[A-Z]))"
      r"|\b(?=(?:{holiday_edge})?(?:{month_of})?(?:{month_long_holiday})\b)"
      r"(?P<edge>the\s(?:(?P<first>first\sday|start|beginning|onset)|end|last\sday)\sof\s)?(?P<month_of>{month_of})?"
      r")?"
      r"(?-i:\b(?P<name>(?i:{holiday})))"
      # "Thanksgiving 2012", "Easter week", "Christmas Eve last year" (one expression, as "January this year"); "the
      # Labor Day weekend", "Thanksgiving weekend": the holiday's weekend, its article in the span as in "the weekend"
      # "on Diwali eve", "Eid eve": the day before, as "the eve of Diwali"
      r"(?:\s(?P<y>{year})|(?P<week>\sweek)|(?P<weekend>\s(?:long\s)?weekend)|\s(?P<yrel>this|last|next)\syear\b"
      r"|(?P<eve_after>\s(?-i:eve)))?\b",
      (E('last Christmas', '2021-04-07', '2020-12-25'), E('Christmas last year', '2021-04-07', '2020-12-25'),
       E('over the Labor Day weekend', '2013-09-03', '2013-W35-WE', expression='the Labor Day weekend'),
       E('fasting during Ramadan', '2005-10-20', '2005-10', expression='Ramadan'),
       E('on the eve of Eid al-Fitr', '2005-11-01', '2005-11-02', expression='the eve of Eid al-Fitr'),
       E('trains on Diwali eve', '2013-10-30', '2013-11-02', expression='Diwali eve')),
      required=HOLIDAY_WORDS),
    # --- relative units: last week, next month, two years ago ------------------------------
    R("relative_unit", "relative_unit",
      r"\b(?:sometime\s)?(?:(?P<mod>early|late|earlier|later|the\send\sof|the\sbeginning\sof|the\sstart\sof|the\smiddle\sof)\s)?(?P<rel>(?<!the\s)(?:this\spast|this\scoming|this|last|next)|"
      r"(?P<the>the)\s(?:current|coming|previous|past|following|next|last|same|latest)|that)\s"
      # "the current Iranian fiscal year": a nation's fiscal year is still the year
      r"(?:(?-i:[A-Z][a-z]+\s)?fiscal\s)?(?P<unit>week-?end|week|month|year|decade|quarter(?!-final))\b(?:\sor\sso\b)?"
      r"(?(the)(?!\sof\b))",  # "the last week of March" is not last week
      (E('last week', '2021-04-07', '2021-W13'),), required=('week', 'month', 'year', 'decade', 'quarter')),
    R("period_end", "period_end",
      r"\b(?:(?P<part>(?P<article>the\s)?(?:end|start|beginning|middle)\sof)\s"
      r"(?:(?P<rel>the|this|last|next)\s(?:(?:fiscal|financial)\s)?|"
      # "by the end of year" (no article before "year"): the same year as "the end of the year"; not a numbered
      # school or plan year ("the end of year two", "Year 9") nor a compound ("the end of year-long talks")
      r"(?(article)(?=year\b(?!\s{number}|-))|(?!)))"
      r"(?P<unit>year|month|week|decade)|"
      r"(?P<yearend>year[-\s]end|year's\send))\b",
      (E('year-end', '2021-04-07', '2021-12-31'), E('by the end of year', '2021-04-07', '2021', expression='the end of year'),
       E('by the end of the decade', '2024-06-05', '202', expression='the end of the decade')),
      required=('end', 'start', 'beginning', 'middle')),
    R("the_year", "the_year",
      # "for the year", "the first nine months of the year": the year the news is in. Not "the year
      # of the Pig", "the year before", "the year-earlier period", "rising by the year", "the year 2015".
      r"(?<!\bby\s)\b(?P<tx>the\s(?:(?:fiscal|full|calendar|financial)\s)?year)(?![\w-])"
      r"(?!\s[-−–]?\d)"  # "the year 1066", "the year 10000 problem": a number, never the publication's year
      r"(?!\s(?:two\sthousand|nineteen|of|when|that|in\swhich|before|after|earlier|later|ago|just|round|old|long)\b)"
      r"(?P<ended>\s(?:(?:ended|ending)\s(?:in\s)?|to\s|through\s)(?={month}|{relday}|(?:this|next|last)\s))?",
      (E('the year', '2021-04-07', '2021'),), required=('year',)),
    # "in the new year"; "the start of the New Year": a part of it is one DATE of the year, the part inside (as "the
    # start of the year"), whatever comes before
    R("the_new_year", "the_new_year",
      r"\b(?P<tx>(?:(?P<part>the\s(?:end|start|beginning|middle)\sof)\s|(?<=\bin\s)|(?<=\binto\s)|(?<=\bafter\s)"
      r"|(?<=\bby\s)|(?<=\buntil\s))the\snew\syear)\b"
      r"(?!'s|’s|\s(?:holidays?|festival|festivities|celebrations?|party|eve|day|message|greetings?)\b)",  # the feast
      (E('in the new year', '2021-04-07', '2021', expression='the new year'),
       E('for the start of the New Year', '2006-12-24', '2007', expression='the start of the New Year')),
      required=('new year',)),
    # "over the past day": the day before publication (as "the past week" is the week before); "the past day of
    # talks" is a day the clause defines
    R("the_past_day", "relative_unit", r"\b(?P<rel>the\spast|this\spast)\s(?P<unit>day)\b(?!\sof\b)",
      (E('over the past day', '2021-04-07', '2021-04-06', expression='the past day'),), required=('past day',)),
    # "for the rest of the week", "the rest of the month": the week (month) of the news, "the rest of" outside, as "for
    # the rest of the year" gives "the year" (the_year; modern3's gold; TBAQ dev tags a bare "the week" of the news, "the
    # week's most active session", and has no "the rest of" a period)
    R("the_rest_of", "relative_unit",
      r"\bthe\srest\sof\s(?P<tx>(?P<rel>the)\s(?P<unit>week|month))\b(?!'s|’s|-|\s(?:of|before|after|ahead|that|which|when)\b)",
      (E('for the rest of the week', '2021-04-07', '2021-W14', expression='the week'),), required=('rest of the',)),
    # "a weekend rally", "a weekend fire": a weekend before a noun is the weekend of the news, as "the weekend" is
    R("the_weekend", "relative_unit",
      r"\b(?P<rel>the|a(?=\sweek-?end\s(?!(?:in|at|of|away|with|on|for|to|and|or|off|trip|break)\b)[a-z]))\s(?P<unit>week-?end)\b"
      r"(?!\sof\b)",
      (E('the weekend', '2021-04-07', '2021-W13-WE'), E('the week-end', '2021-04-07', '2021-W13-WE')),
      required=('weekend', 'week-end')),
    # "the end of December last year", "early June this year": the part goes with the month and its year;
    # "20 January next year", "March 5 last year": the day too
    R("month_relative_year", "month_relative_year",
      r"(?:\b(?:(?P<part>the\s(?:end|beginning|start|middle)\sof)\s|(?P<mod>early|late|mid)[\s-]))?"
      r"(?:(?<![\d/.,-])(?P<d>{day})\s(?:of\s)?)?"
      r"{at_month}(?P<month>{month})(?:(?:\s|(?<=\.))(?P<d2>{day}),?)?\s(?:of\s)?(?P<rel>this|last|next)\syear\b",
      (E('January this year', '2021-04-07', '2021-01'), E('20 January next year', '2021-04-07', '2022-01-20')),
      required=('year',)),
    # "the same period last year", "the same quarter a year earlier", "the same period of 2003": the period just
    # named, a year back (or in the year said)
    R("same_period", "same_period",
      r"\bthe\ssame\s(?:period|quarter|month|half|time)\s(?:(?:last\syear|a\syear\s(?:earlier|ago|before)|"
      r"the\s(?:previous|prior)\syear|the\syear\sbefore)|(?:of|in)\s(?P<y>{year}))\b",
      (E('the same period last year', '2021-04-07', '2020'),), 2, required=('same',)),
    R("ago", "ago",
      # a figure before "more than" compares amounts, no hedge of the time: "21 wins, 14 more than a year ago"
      r"(?:\b(?:just|only)\s)?(?P<tx>(?:\b(?:about|almost|nearly|some|around|(?<!\d\s)(?:more|less)\sthan|over|roughly)\s)?"
      r"(?P<n>{number}|{vague})\s(?P<unit>{dayunit}|centur(?:y|ies))\s(?P<dir>ago|earlier|later|from\snow|hence))\b"
      r"(?!\sthan\b)",  # "eight years earlier than planned" compares two times: the amount is a duration
      (E('three days ago', '2021-04-07', '2021-04-04'), E('a century ago', '2021-04-07', '1921')), 2,
      required=('ago', 'earlier', 'later', 'now', 'hence')),
    # "3 hours ago", "an hour ago", "5h ago" (a related-story box): a TIME that long before the page's latest stamp (the
    # web sets' convention: the page's stamp is its now), the publication day without one. Only "ago": "an hour later"
    # stays a duration. TBAQ and te3-silver have none
    R("clock_ago", "clock_ago",
      r"(?P<tx>(?:\b(?:about|almost|nearly|some|around|over|roughly)\s)?\b(?P<n>{number})\s?"
      r"(?P<unit>hours?|hrs?|h|minutes?|mins?)\sago)\b",
      (E('3 hours ago', '2021-04-07', '2021-04-07'),
       E('Updated 9:15 p.m. ET July 4, 2015\nMORE STORIES\nJapan coach: We are not afraid 3 hours ago', '2015-07-04',
         '2015-07-04T18:15', 'TIME', expression='3 hours ago')), 2, required=(' ago',)),
    R("unit_ago", "ago", r"\b(?P<unit>year|month|week|day)s\s(?P<dir>ago|earlier)\b(?!\sthan\b)",
      (E('years ago', '2021-04-07', 'PAST_REF'),), required=('ago', 'earlier')),
    # "hours ago", "minutes ago": some time back, as "years ago" (TBAQ dev "several years ago" PAST_REF); only "ago":
    # "minutes earlier" stays a duration
    R("clock_unit_ago", "ago", r"\b(?P<unit>hour|minute)s\s(?P<dir>ago)\b",
      (E('minutes ago', '2021-04-07', 'PAST_REF'),), required=(' ago',)),
    # "the year-earlier month" is one DATE, as "the year-ago quarter" and "the year-earlier period" are (TBAQ dev: whole);
    # before another noun ("year-earlier levels") the adjective stands alone
    R("year_earlier", "ago",
      r"(?:\b(?P<the>the)\s)?\b(?P<n>year|month|week|quarter)-(?P<dir>earlier|ago|before)(?(the)\smonth)\b",
      (E('year-earlier', '2021-04-07', '2020'),
       E('Exports in March beat the year-ago month.', '2021-04-07', '2020-03', expression='the year-ago month')),
      required=('-earlier', '-ago', '-before')),
    # market reports: "Shell was down on the day", "later in the day", "for a second consecutive day",
    # "stocks ended the week lower": the trading day (week) reported
    R("the_day", "reported_day",
      r"(?:\b(?:on|for|during)\s(?=the\sday(?:\s?[,.;:)!?]|\s(?:at|to)\s[\d$€£]|\s(?:and|as|while|with)\s))|"
      r"(?<=\blater\sin\s)|(?<=\bearlier\sin\s))(?P<tx>the\s(?P<unit>day))\b",
      (E('fell 2% on the day.', '2021-04-07', '2021-04-07', expression='the day'),), required=('the day',)),
    # an event's ordinal day or week, after a possessive ("the trial entered its third week", "the regular season's
    # final day", "his first day in office") or before "of" and the event ("on the third day of the talks", "the final
    # day of the summit"): the day (week) the story is at, else the publication's (TBAQ dev "his first day" 1 of 1; the
    # blind sets' "its second day" and "the final day" of the summit; web-articles-fresh4's README); not the first day
    # of a month, a year or a week, which are calendar days ("the first day of June": period_edge)
    R("event_day", "reported_day",
      r"(?<![\w-])(?:(?<=\bits\s)|(?<=\bhis\s)|(?<=\bher\s)|(?<=\btheir\s)|(?<=\w['’]s\s))"
      r"(?<!year's\s)(?<!month's\s)(?<!week's\s)(?:{ordinal}|\d{1,3}(?:st|nd|rd|th)|final)\s(?P<unit>day|week)\b(?![-'’])",
      (E('The fraud trial entered its third week.', '2013-04-25', '2013-W17', expression='third week'),),
      required=(' day', ' week')),
    R("event_day_of", "reported_day",
      r"\b(?P<tx>the\s(?:{ordinal}|\d{1,3}(?:st|nd|rd|th)|final)\s(?P<unit>day|week))\sof\s(?=\w)"
      r"(?!(?:the\s|this\s|that\s|next\s|last\s)?(?:year|month|week|decade|century|{month}|\d))",
      (E('on the third day of the talks', '2021-04-07', '2021-04-07', expression='the third day'),),
      required=(' day of', ' week of')),
    R("consecutive_day", "reported_day",
      r"\b(?:a|the)\s(?:{ordinal}|\d{1,2}(?:st|nd|rd|th))\s(?:consecutive|straight|successive)\s(?:trading\s)?"
      r"(?P<unit>day|session)\b",
      (E('a second straight day', '2021-04-07', '2021-04-07'),), required=('consecutive', 'straight', 'successive')),
    R("the_week_ended", "reported_day", r"\b(?:ended|closed|finished)\s(?P<tx>the\s(?P<unit>week))\b(?!\sof|')",
      (E('ended the week lower', '2021-04-07', '2021-W14', expression='the week'),), required=('the week',)),
    # a markets wrap's "For the week, the S&P 500 fell 1.55%": the week of the trading day reported, as "ended the
    # week"; only a sentence's opening phrase set off by a comma ("for the week before each vote" is another week)
    R("for_the_week", "reported_day", r"(?:^|(?<=[\n.!?]\s)|(?<=\n))(?-i:For)\s(?P<tx>the\s(?P<unit>week)),",
      (E('For the week, the index fell 2%.', '2021-04-09', '2021-W14', expression='the week'),), required=('the week',)),
    R("anaphoric_day", "anaphoric",
      r"\b(?:(?P<mod>earlier|later)\s)?(?P<rel>the\snext|the\sfollowing|the\sprevious|the\ssame|that|that\ssame)\s"
      r"(?P<unit>day|morning|afternoon|evening|night)\b(?P<before>\sbefore)?",
      (E('the next day', '2021-04-07', '2021-04-08'),), required=("day",) + PARTS),
    # "placed orders in the morning", "returned home in the evening": a part of the day the story is at (TIDES marks it;
    # TBAQ dev: "in the morning" after "Friday" -> that Friday's TMO); not "the morning of March 3" (the date's), not
    # "in the morning session" (a noun's modifier, left untagged as te3-silver leaves it). An early or late part, its
    # modifier in the span as in "early Tuesday", after "the" or after "by"/"until" ("in the late afternoon", "winds
    # expected to drop by late afternoon", "open until early evening"; TBAQ dev has none of these shapes); not before
    # a day that names its own ("by late afternoon Tuesday": left to the day) nor before a noun ("the mid-afternoon
    # melee")
    R("narrative_part", "narrative_part",
      r"\b(?:in|during|throughout|through|into|by|until|till)\s(?P<tx>(?P<the>(?<=[ghtno]\s)the\s)?"
      r"(?(the)|(?:(?<=by\s)|(?<=til\s)|(?<=till\s))(?=early|late|mid))(?:(?P<edge>early|late|mid-?)\s?)?"
      r"(?P<unit>morning|afternoon|evening))\b(?!\sof\b|\s(?:before|after)\b|')"
      r"(?(edge)(?!\s(?:{weekday}|yesterday|today|tomorrow|tonight)\b)(?!\s(?!(?:and|or|but|as|when|while|local|on|in|"
      r"at|with|to|the|a|an|after|before|until|that|if|because|there|it|he|she|they|we)\b)(?-i:[a-z]))|)"
      r"(?!\s{part_noun})",
      (E('Dealers bought heavily in the morning.', '2021-04-07', '2021-04-07TMO', 'TIME', expression='the morning'),),
      required=PARTS),
    R("day_before", "anaphoric",
      r"\bthe\s(?P<rel>day\sbefore|day\safter)(?:\s(?P<relday>yesterday|tomorrow)|"
      r"\s(?:(?P<wrel>last|next|this)\s)?(?P<weekday>{weekday})|\s(?-i:(?=[A-Z]))(?P<name>{holiday}))?\b",
      (E('the day before yesterday', '2021-04-07', '2021-04-05'),), required=('day',)),
    # --- times of day ----------------------------------------------------------------------
    R("clock_time", "clock_time",
      r"(?:\baround\s)?(?<![\d:.])(?P<h>[01]?\d)(?:[:.](?P<min>[0-5]\d))?\s?(?P<ampm>{ampm})"  # "10:35 a.m.", "7.45pm"
      r"(?:\s(?P<zone>{zone}))?(?:,?\s(?:on\s)?(?P<tail>(?:{weekday},?\s)?(?P<tmonth>{month})\s(?P<tday>{day})(?!,?\s{year})"
      r"|(?:{weekday},?\s)?(?P<tday_first>{day})\s(?P<tmonth_after>{month})(?!,?\s\d)|{weekday_not_dated}|{clockday}))?",
      # "11pm BST on 2 September", as the 24-hour clock; "5.15pm on Wednesday, August 27": the weekday and its date; a
      # date with its year after the clock is a DATE of its own ("5 p.m. ET on July 15, 2025"; CLOCK_DATE_WITH_YEAR_AFTER)
      (E('10:35 a.m.', '2021-04-07', '2021-04-07T10:35', 'TIME'),), required=('am', 'pm', 'a.m', 'p.m')),
    # a page's time stamp: a clock time and a full date are one TIME, in either order ("1:52 PM EDT, Wed April 17,
    # 2013", "Oct. 8, 2013 7:41 p.m. ET", "09/30/2013 08:15:42 PM EDT"), as TBAQ's "5 p.m. EST, Nov. 6" is one
    R("clock_full_date", "timestamp",
      _LEADING_STAMP_CLOCK + r",?\s" + _MONTH_DAY_YEAR,
      (E('1:52 PM EDT, Wed April 17, 2013', '2013-04-17', '2013-04-17T13:52', 'TIME'),), 3,
      required=('am', 'pm', 'a.m', 'p.m', ':')),
    # the same with the day first, as British and Irish pages stamp ("PUBLISHED: 09:12 GMT, 14 March 2013")
    R("clock_day_month_year", "timestamp",
      _LEADING_STAMP_CLOCK + r",?\s" + _DAY_MONTH_YEAR,
      (E('09:12 GMT, 14 March 2013', '2013-03-14', '2013-03-14T09:12Z', 'TIME'),), 3,
      required=('am', 'pm', 'a.m', 'p.m', ':')),
    R("full_date_clock", "timestamp",
      r"{at_month_or_weekday}" + _MONTH_DAY_YEAR + _STAMP_CLOCK,
      (E('Oct. 8, 2013 7:41 p.m. ET', '2013-10-08', '2013-10-08T19:41', 'TIME'),
       E('February 28, 2013 23:41 IST', '2013-02-28', '2013-02-28T23:41', 'TIME'),
       E('June 10, 2013 - 3:43PM', '2013-06-10', '2013-06-10T15:43', 'TIME')), 3,
      required=MONTH_WORDS),
    R("full_date_at_clock", "timestamp",
      r"{at_month_or_weekday}" + _MONTH_DAY_YEAR + _STAMP_AT_CLOCK,
      (E('Sept. 12, 2013 at 4:31 PM', '2013-09-13', '2013-09-12T16:31', 'TIME', expression='4:31 PM'),), 3,
      required=(" at ",)),
    # the day-first stamps of British, Irish, Indian, Australian and Hong Kong pages: "Tuesday 5 March 2013 19.30 GMT",
    # "18 Jul 2013 14:02", "Fri 27 Dec 2013, 2:14pm AEDT", "Thursday, 12 September, 2013, 4:02pm"
    R("day_month_year_clock", "timestamp",
      r"{at_day_or_weekday}" + _DAY_MONTH_YEAR + _STAMP_CLOCK,
      (E('Tuesday 5 March 2013 19.30 GMT', '2013-03-05', '2013-03-05T19:30Z', 'TIME'),
       E('Fri 27 Dec 2013, 2:14pm AEDT', '2013-12-27', '2013-12-27T14:14', 'TIME')), 3,
      required=MONTH_WORDS),
    R("day_month_year_at_clock", "timestamp",
      r"{at_day_or_weekday}" + _DAY_MONTH_YEAR + _STAMP_AT_CLOCK,
      (E('22 May 2022 at 18:41 BST', '2022-05-20', '2022-05-22T18:41', 'TIME', expression='18:41 BST'),), 3,
      required=(" at ",)),
    R("numeric_date_clock", "timestamp",
      # a two-digit year too, a US page's update line ("Update 06/05/24, 1:47 p.m. ET:")
      r"(?<![\d/.])(?P<mm>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>(?:19|20)\d\d|\d\d),?\s(?P<h>[0-2]?\d):(?P<min>[0-5]\d)"
      r"(?::(?P<sec>[0-5]\d))?(?:\s?(?P<ampm>{ampm}))?(?:\s(?P<zone>{zone}))?(?!\d|:\d)",  # "ET:" ends an update line
      (E('09/30/2013 08:15:42 PM EDT', '2013-09-30', '2013-09-30T20:15:42', 'TIME'),
       E('06/05/24, 1:47 p.m. ET', '2024-06-05', '2024-06-05T13:47', 'TIME')), 3, required=('/',)),
    R("clock_day_part", "clock_time",
      r"\b(?:at|by|until|till|before|after|around|about|from|to|since)\s(?P<tx>(?P<h>1[0-2]|0?[1-9])(?::(?P<min>[0-5]\d))?"
      r"\s(?:o'clock\s)?(?P<daypart>in\sthe\s(?:morning|afternoon|evening)|at\snight))\b",
      (E('at 4 in the morning', '2021-04-07', '2021-04-07T04:00', 'TIME', expression='4 in the morning'),), required=PARTS),
    # "at five o'clock in the morning", "4 o'clock yesterday afternoon", "one o'clock Wednesday morning": an hour
    # written with "o'clock" (digits or a word), the part of the day or the day after it in the same TIME; a bare hour
    # is the hour as written, as "at 16:53" (not "a five o'clock shadow")
    R("clock_oclock", "clock_time",
      r"(?<![\w:.,-])(?P<h>1[0-2]|0?[1-9]|{clock_hour_word})\s(?P<oclock>o['’]clock)\b(?!\sshadow\b)"
      r"(?:\s(?P<daypart>in\sthe\s(?:morning|afternoon|evening)|at\snight)|,?\s(?:on\s)?(?P<tail>{weekday}|{clockday})"
      r"(?:(?<=day)\s(?P<tpart>morning|afternoon|evening|night)\b)?)?",
      (E("at five o'clock in the morning", '2021-04-07', '2021-04-07T05:00', 'TIME',
         expression="five o'clock in the morning"),), required=("o'clock", "o’clock")),
    # "14:30 GMT", "12:00 UTC Monday", "16:00 UTC today"; wire copy's "1600 GMT Thursday" (four digits, a zone);
    # not "10:35 a.m. (0735 GMT)": a bracketed four-digit wire time after a local one restates it (TBAQ leaves it
    # untagged; resolve.relative._restates_a_local_clock); "2:46 p.m. local time (05:46 UTC)" keeps its colon clock
    R("clock_24h", "clock_time", r"(?<![\d:.])(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)\s?(?:{bracketed_zone}|(?:hours|h)\b)"
      r"{zone_day_tail}",  # "10:00 UTC on February 12", "14:00 (UTC) on Monday", "14:30 UTC on 12 February"
      (E('14:30 GMT', '2021-04-07', '2021-04-07T14:30Z', 'TIME'),), required=(':',)),
    # "at 16:53 local time", "from 07:00 to 16:00", "at 17:00 on Sunday": a 24-hour clock time with no zone, after a
    # preposition of time (not a score, a ratio or a race time: "won 2:1", "in 2:05:30")
    R("clock_24h_bare", "clock_time",
      r"\b(?:at|from|until|till|by|before|after|to|since)\s(?P<tx>(?:(?:about|around)\s)?(?<![\d:.])(?P<h>[01]?\d|2[0-3]):"
      r"(?P<min>[0-5]\d)(?![\d:]|[.,]\s?\d|\s?(?:{ampm}|hours|h\b|{zone}))"
      r"(?:,?\s(?:on\s)?(?P<tail>{dated_weekday_tail}|{weekday_not_dated}|{clockday})(?!\d|,?\s{year}))?)",
      (E('at 16:53 local time', '2021-04-07', '2021-04-07T16:53', 'TIME', expression='16:53'),), required=(':',)),
    # a fixture list's kick-off: "Liverpool v Stoke (12:45)", "Chelsea vs. Hull (16:00)": a 24-hour time in brackets
    # closing a line that pairs two sides, of the day the list is under (not a score, which has no colon)
    R("clock_fixture", "clock_time",
      r"(?m)^[^\n()]*\S\s(?:v|vs\.?)\s\S[^\n()]*\((?P<tx>(?P<h>[01]\d|2[0-3]):(?P<min>[0-5]\d))\)[ \t]*$",
      (E('Arsenal v Aston Villa (15:00)', '2021-04-07', '2021-04-07T15:00', 'TIME', expression='15:00'),),
      required=(' v ', ' vs')),
    # a live page's entry stamp: a 24-hour clock alone on its line ("18:41" above "Post update"), a time of the day the
    # page is of, as a US page's "[Updated 9:42 p.m. ET]" (not a score, which has no colon, nor a race time's seconds)
    R("clock_stamp_line", "stamp_line", r"(?m)^[ \t]*(?P<tx>(?P<h>[01]\d|2[0-3]):(?P<min>[0-5]\d))[ \t]*$",
      (E('18:41', '2021-04-07', '2021-04-07T18:41', 'TIME'),), required=(':',)),
    R("clock_wire", "clock_time", r"(?<![\d:.,])(?P<h>[01]\d|2[0-3])(?P<min>[0-5]\d)\s?(?P<zone>GMT|UTC)\b"
      r"{zone_day_tail}",
      (E('1600 GMT', '2021-04-07', '2021-04-07T16:00Z', 'TIME'),), required=('gmt', 'utc')),
    # "nearly midnight", "almost noon": the bound hedge is in the span, as a duration's ("nearly six hours"); not before
    # a noun it qualifies ("In the midday trading", "the midnight shift"), as "morning" there ("the morning session")
    R("noon", "clock_time",
      r"\b(?:(?P<hedge>nearly|almost)\s)?(?P<word>noon|midnight|midday)(?!\s{part_noun})(?:\s(?P<zone>{zone}))?"
      # its day as a clock's ("by noon on Thursday 4 October": one TIME, as "10:00 on Thursday 11 May")
      r"(?:,?\s(?:on\s)?(?P<tail>{dated_weekday_tail}|{weekday_not_dated}|{clockday})(?!\d|,?\s{year}))?",
      (E('noon', '2021-04-07', '2021-04-07T12:00', 'TIME'),), required=('noon', 'midnight', 'midday')),
    # the weekday first, wire style: "by Monday noon", "signed on Wednesday midnight": one TIME, as "noon Saturday"
    # (the day's noon; "midnight" that day's end or start as "midnight Friday" is); in lower case, as the wires write
    # it: "the Sunday Midnight Mass" is a service's name
    R("noon_weekday_first", "clock_time", r"\b(?P<tail>{weekday})\s(?P<word>(?-i:noon|midnight|midday))\b",
      (E('Results will be announced by Monday noon.', '2021-04-07', '2021-04-12T12:00', 'TIME',
         expression='Monday noon'),), required=('noon', 'midnight', 'midday')),
    # a clock time in words, minutes past the hour (TIDES 2005): "at ten past nine", "by a quarter past eleven last
    # night", "at one minute past midnight on Saturday", "at 25 minutes past 3 p.m."; after a preposition of time
    # other than "to", so "one past two hundred" and "went to five past ten points" are no time; "around" is in the
    # span as in "around 7:15 p.m.", "about" is not
    R("clock_words_past", "spoken_clock",
      r"\b(?:at|by|until|till|before|after|from|since|about)\s(?P<tx>(?:around\s)?(?:(?P<min>{clock_minute_word}|"
      r"(?<!\d)[1-5]?\d(?=\sminutes?\b))(?:\sminutes?)?|(?P<part>(?:a\s)?quarter|half))\spast\s"
      r"(?:(?P<word>midnight|noon|midday)|(?P<h>{clock_hour_word}|(?<!\d)(?:1[0-2]|0?[1-9]))(?![\w:.]\d|\w)"
      r"(?!\s(?:hundred|thousand|million|billion|percent|per\b))(?:\s?(?P<ampm>{ampm})|\so['’]clock\b)?)"  # "ten past four o'clock"
      r"(?:\s(?P<daypart>in\sthe\s(?:morning|afternoon|evening)|at\snight))?(?:,?\s(?:on\s)?(?P<tail>{weekday}|{clockday}))?)",
      (E('at ten past nine', '2021-04-07', '2021-04-07T09:10', 'TIME', expression='ten past nine'),), required=('past',)),
    # --- durations and sets ----------------------------------------------------------------
    R("duration", "duration",
      # TimeBank leaves "about", "only", "just" out of the span, and "the" before "eight-year"; "nearly", "almost",
      # "at least", "more than" are in it (TBAQ's majority; HeidelTime and te3-silver agree: issue 16), and "exactly", a
      # modifier of precision as "nearly" (no TBAQ dev case; the blind sets' convention: "exactly 10 years")
      r"\b(?:(?:about|some|around|just|roughly|only|approximately|over|for)\s)?(?P<tx>{not_an_occasion}"
      r"(?:(?P<rel>the\spast|the\slast|the\snext|the\scoming|the\sfirst|the\sfinal|the\sprevious|the\sprior|the\slatest|"
      # a demonstrative is a determiner as "the" is: "these past two years", "those first few days" (issue 16)
      r"th(?:ese|ose)\s(?:past|last|next|coming|first|final)|"
      r"the(?!\s[\w.,]+-{unit}\b)|"
      # "in its first 10 years", "their final 48 hours": the adjective is in the span, the possessive is not (TBAQ's
      # "the first nine months"; the possessive outside a span, as the blind sets have it)
      r"(?=[flpn])(?:(?<=\bits\s)|(?<=\bhis\s)|(?<=\bher\s)|(?<=\btheir\s)|(?<=\bour\s)|(?<=\bmy\s)|(?<=\byour\s))"
      r"(?:first|final|last|past|next|previous))\s)?"
      r"(?:{bound_hedge}\s)?"
      # not the article of a "-long" adjective ("a decades-long feud": "decades-long" PXY, as TBAQ dev has it; "a
      # week-long recess": "week-long", the article outside as before "six-month"; duration_long takes them)
      r"(?P<n>(?!a\ssingle-|single\s|an?\s[a-z]+-long\b){number}|{vague})(?:\s|-(?!quarter))(?:(?:more|straight|consecutive|successive|full|additional|long|trading|business|working|remaining)\s)?"
      # a bound after the amount is in the span with its mod, as "or so" is ("27 weeks or more" EQUAL_OR_MORE, as TIDES
      # 2005 has it; the web pages' gold 2 in, 1 out; te3-silver's machine tags out; no TBAQ dev case)
      r"(?P<unit>{unit})(?:[\s-](?P<long>long|old)|(?P<andhalf>\sand\sa\shalf))?(?:\sor\s(?:so|more|longer|less))?)\b"
      # "a year-on-year rise", "a year-over-year basis": a compound adjective, no span of time
      r"(?!-(?:on|over|to)-)"
      # "three days ago" is the ago rule's; "an hour later" stays a duration (the ago rule has no hours)
      r"(?!(?<!hour)(?<!hours)(?<!minute)(?<!minutes)(?<!half)\s(?:earlier|later)\b(?!\sthan\b))(?!\s(?:ago|from\snow)\b)"
      # "a quarter of the market" is a fraction, "several quarters of losses" a duration
      r"(?!(?:(?<=quarter)|(?<=quarters))(?:\sof\s(?:the|all|its|their|his|her|those|these|our|them|us|total|every|each)\b"
      r"|[\s-]centur))",
      (E('three years', '2021-04-07', 'P3Y', 'DURATION'),), required=UNIT_WORDS),
    # "in the first day and a half", "over the past year and a half": one unit and a half after "the first/past/next
    # ...", a span of 1.5 units as "a year and a half" is (not "the past year" with a half left over)
    R("duration_unit_and_half", "duration",
      r"\b(?P<rel>the\s(?:past|last|next|coming|first|final|previous))\s"
      r"(?P<unit>year|month|week|day|hour|minute|decade)(?P<andhalf>" + _AND_A_HALF + r")\b",
      (E('over the past year and a half', '2021-04-07', 'P1Y6M', 'DURATION', expression='the past year and a half'),),
      required=('half',)),
    # "four hours and 54 minutes", "one day, 18 hours, 40 minutes and 10 seconds": one duration (the resolver checks
    # that the units get smaller); not "20 years, five days a week" (a rate), "17 years and three months old" (an age),
    # "one year, 68 days or two months" (a list: a comma joins parts only before a closing "and", or before minutes or
    # seconds, as sports pages time a match: "a final that lasted 4 hours, 51 minutes")
    R("duration_compound", "duration_compound",
      # with the bound hedges the simple duration keeps in its span ("up to six minutes and 39 seconds", "nearly five
      # hours and 20 minutes"; issue 16, wiki10)
      r"(?<![\w.,-])(?P<tx>(?:{bound_hedge}\s)?"
      r"(?=[\w-]+\s(?:[\w-]+\s)?(?:year|month|day|hour|minute))"  # a unit word just ahead: most words fail fast
      r"{number}\s(?:year|month|day|hour|minute)s?(?:(?:,?\sand\s|,\s(?=[^.;]{0,40}\sand\s|[\w-]+\s(?:minute|second)s?\b)|\s)"
      r"(?!an?\s){number}\s"
      r"(?:month|day|hour|minute|second)s?){1,3})\b(?!\s(?:ago|earlier|later|from\snow|old|a|an|per)\b|-old)",
      (E('four hours and 54 minutes', '2021-04-07', 'PT4H54M', 'DURATION'),), required=UNIT_WORDS),
    # "a 4-hour, 20-minute semifinal": hours and minutes as one adjective, one duration as "4 hours, 51 minutes"
    R("duration_compound_adjective", "duration_compound",
      r"(?<![\w.,-])(?P<tx>{number}-hour,?\s{number}-minute)\b(?!-)",
      (E('a 4-hour, 20-minute semifinal', '2019-09-08', 'PT4H20M', 'DURATION', expression='4-hour, 20-minute'),),
      required=('-minute',)),
    # "a three-year period", "his one-year term": an adjectival duration with "period" or "term" is a noun phrase of
    # time, its article and noun included (TBAQ; te3-silver and HeidelTime keep "term" too)
    R("duration_period", "duration",
      r"\b(?P<tx>(?:(?:a|an|the)\s)?(?P<n>{number})-(?P<unit>(?:year|month|week|day|hour|minute)s?)\s(?:term|period))\b",
      (E('over a three-year period', '2021-04-07', 'P3Y', 'DURATION', expression='a three-year period'),),
      required=('term', 'period')),
    # "for the eighth time in nine seasons", "spent four seasons in the minors": a sports season is counted as a year
    # (web-articles' settled "four seasons" P4Y); not "the four seasons" or "all four seasons" of the year, not the
    # capitalised "Four Seasons" hotel, not "three seasons ago" (a date)
    R("duration_seasons", "duration",
      r"(?<!\bthe\s)(?<!\ball\s)\b(?P<tx>(?:the\s(?:past|last|previous|next)\s)?"
      r"(?:(?:nearly|almost|at\sleast|more\sthan|less\sthan|fewer\sthan|up\sto)\s)?"
      r"(?P<n>{number})\s(?-i:(?P<unit>seasons)))\b"
      r"(?!\s(?:ago|earlier|later)\b)",
      (E('for the eighth time in nine seasons', '2021-04-07', 'P9Y', 'DURATION', expression='nine seasons'),),
      required=('seasons',)),
    # a bare unit after "for", "in", "over", "within" is a vague span ("for years"); not bare "decades" ("the least
    # popular leader in decades", "For decades, ..."): TBAQ dev 0 of 2, the second blind set's "after decades of"
    R("duration_bare", "duration",
      r"(?=[ymwdhcrtpseYMWDHCRTPSE]|[fl](?<=[sr]\s[fl])(?:i|a))(?:(?:(?<=\bfor\s)|(?<=\bover\s)|(?<=\bwithin\s)|(?<=\bin\s))(?!decades\b)|\b(?:the\s)?recent\s|\bth(?:e|ese|ose)\spast\s|\b(?:th(?:e|ese|ose)\s)?coming\s|{set_off_unit}|{unit_of}|"
      # "in previous years", "the following days", "in subsequent years": a run of units before or after a point, as
      # "the past years" (not the preposition "following months of talks": "following" only after "the")
      r"\b(?:the\s)?(?:previous|preceding|subsequent|ensuing)\s|\bthe\sfollowing\s|"
      # "its final hours", "the first days of the war", "his last years": a span at the start or end of something, as
      # "the first few hours" (the possessive outside, as "its first 10 years"); "the final days of the year" is a part
      # of the year, not a span of days
      r"(?:\bthe\s|(?=[fl])(?:(?<=\bits\s)|(?<=\bhis\s)|(?<=\bher\s)|(?<=\btheir\s)|(?<=\bour\s)))(?:first|final|last)\s"
      r"(?![a-z]+\sof\sthe\s(?:year|month|week|decade|century)\b)|"
      # "weeks later", "Months later": so long after the date the story is at (TBAQ: "A few days" later is PXD)
      r"\b(?=\w+\slater\b))(?P<unit>years|months|weeks|days|decades|hours|centuries|minutes)"
      # "within weeks or months", "for days or weeks": one vague span, its first unit the value's (TBAQ dev PXW)
      r"(?:\sor\s(?:years|months|weeks|days|decades|hours|minutes))?\b",
      (E('for years', '2021-04-07', 'PXY', 'DURATION', expression='years'),
       E('Weeks later, he left.', '2021-04-07', 'PXW', 'DURATION', expression='Weeks'),
       E('as in previous years', '2021-04-07', 'PXY', 'DURATION', expression='previous years')), required=UNIT_WORDS),
    # a bare unit as what a verb of lasting takes ("could take years", "lasted hours", "spent months"): a vague span,
    # as "for years" (not "decades", as there; not "took years off")
    R("duration_bare_lasting", "duration",
      r"\b(?:take|takes|took|taking|taken|lasts|lasted|lasting|spend|spends|spent|spending|waited|waiting)\s"
      r"(?P<tx>(?P<unit>years|months|weeks|days|hours))\b(?!\s(?:ago|earlier|later|old|off)\b)(?!-)",
      (E('The repairs could take years.', '2021-04-07', 'PXY', 'DURATION', expression='years'),),
      required=('tak', 'took', 'last', 'spen', 'wait')),
    # a race time written "10.57s", "14.08s" (hundredths of a second and "s" right after them): so many seconds, as
    # "11.61 seconds" (blind set 4: "a winning clocking of 10.57s"; no TBAQ case); not "the 1990s", not "$2.5s"; a
    # digit first, its look-behind after it: the engine then skips to digits
    # two bare plural units set against each other: "it's going to be weeks rather than months", "months, not years",
    # "days, if not weeks": each a vague span (the first blind set's "months, not years"; TBAQ dev "weeks or months"
    # PXW is one span: "or" joins where these contrast); the first unit, then the second
    R("duration_contrast_first", "duration",
      r"\b(?P<tx>(?P<unit>" + _BARE_UNITS + r"))(?=" + _CONTRAST + _BARE_UNITS + r"\b)",
      (E("It's going to be weeks rather than months", '2021-04-07', 'PXW', 'DURATION', expression='weeks'),),
      required=_CONTRAST_WORDS),
    R("duration_contrast_second", "duration",
      r"\b" + _BARE_UNITS + _CONTRAST + r"(?P<tx>(?P<unit>" + _BARE_UNITS + r"))\b",
      (E('months, not years', '2021-04-07', 'PXY', 'DURATION', expression='years'),), required=_CONTRAST_WORDS),
    # "the next 12 to 18 months", "the next six or seven months", "the past two to three weeks": one vague span of that
    # unit, the determiner and both amounts in it (TBAQ dev "the next 12 to 18 months" PXM, 1 of 1)
    R("duration_next_range", "duration",
      r"\b(?P<tx>(?P<rel>the\s(?:next|past|last|coming|previous|first|final))\s{number}\s(?:to|or)\s{number}\s(?P<unit>{unit}))\b"
      r"(?!\s(?:ago|earlier|later)\b)",
      (E('during the next 12 to 18 months', '2021-04-07', 'PXM', 'DURATION', expression='the next 12 to 18 months'),),
      required=(' to ', ' or ')),
    # "two or three days", "in 10 or 14 days", "win the match in 90 or 120 minutes": two amounts joined by "or" before
    # one unit, an estimate or a choice, are one vague span of that unit with both amounts in it, as "the next six or
    # seven months" and "a week or two" (TBAQ dev "a year or two", "weeks or months" one timex each; the blind sets'
    # "two or three years" PXY). Not after "every" (a SET), an age's "age(d)", "between", nor before "ago", "earlier",
    # "later", "old" (a date or an age: the second amount's, as before); "the next ..." keeps its longer span
    R("duration_or_range", "duration",
      r"\b(?=[\w.,-]+\sor\s)"  # cheap: one word, then " or " (before the costly number alternation)
      r"(?<!\bevery\s)(?<!\beach\s)(?<!\bage\s)(?<!\bages\s)(?<!\baged\s)(?<!\bbetween\s)"
      r"(?P<tx>{number}\sor\s{number}\s(?P<unit>{unit}))\b(?![\s-](?:ago|old|earlier|later)\b|-)",
      (E('will reach the capital in two or three days', '2021-04-07', 'PXD', 'DURATION',
         expression='two or three days'),), required=(' or ',)),
    # "in a week or two", "a day or two", "an hour or two": one vague span of that unit (TBAQ dev "in a year or two" is
    # one timex); not "a week or two weeks" (two amounts)
    R("duration_or_two", "duration",
      r"\b(?P<tx>(?:a|an|one)\s(?P<unit>day|week|month|year|hour|minute)\sor\stwo)\b(?!\s" + _BARE_UNITS + r"\b|\sminutes\b)",
      (E('in a week or two', '2021-04-07', 'PXW', 'DURATION', expression='a week or two'),), required=(' or two',)),
    # "between 35 and 50 days", "between two to six days": the first number is a span of the unit the second names,
    # each its own DURATION (TBAQ dev "between two to six days": "two" P2D and "six days" P6D, 1 of 1)
    R("duration_range_first", "duration",
      r"\bbetween\s(?P<tx>(?P<n>{number}))(?=\s(?:and|to)\s{number}\s(?P<unit>{unit})\b(?![\s-](?:ago|old|earlier|later)\b))",
      # not an age or a date back ("between 18 and 25 years old", "between two and three years ago")
      (E('took between 35 and 50 days', '2021-04-07', 'P35D', 'DURATION', expression='35'),), required=('between',)),
    # ... and so is a bare range, "between" left out: "likely to take two to three months", "for four to six weeks",
    # "within 10 to 15 years" give "two" P2M and "three months" P3M. Not after "the next/past ..." (one vague span:
    # duration_next_range), "every" (a recurrence), "age(d)" (an age), nor before "ago/old/earlier/later"; "or" ("two
    # or three days", an estimate) is one vague span (duration_or_range).
    R("duration_bare_range_first", "duration",
      r"\b(?=[\w.,-]+\sto\s)"  # cheap: one word, then " to " (before the costly number alternation)
      r"(?<!\bnext\s)(?<!\bpast\s)(?<!\blast\s)(?<!\bcoming\s)(?<!\bprevious\s)(?<!\bfirst\s)(?<!\bfinal\s)"
      r"(?<!\bevery\s)(?<!\bage\s)(?<!\bages\s)(?<!\baged\s)(?<!\bbetween\s)"
      r"\b(?P<tx>(?P<n>{number}))(?=\sto\s{number}\s(?P<unit>{unit})\b(?![\s-](?:ago|old|earlier|later)\b))",
      (E('likely to take two to three months', '2021-04-07', 'P2M', 'DURATION', expression='two'),),
      required=(' to ',)),
    R("duration_race_time", "seconds", r"(?P<n>\d(?<![\w.,$£€]\d)\d?\.\d\d)s\b(?!\.\d)",
      (E('a winning clocking of 10.57s', '2021-04-07', 'PT10.57S', 'DURATION', expression='10.57s'),),
      required=RACE_TIME_ENDS),
    # a race time written as a clock with a one-digit hour and seconds ("won the marathon in 2:03:59", "ran 2:06:20",
    # "(Yu Chaohong, 1:23:51)"): a length, DURATION PT2H3M59S, not a time of day (web-articles-modern4's settled
    # choice; te3-silver's race reports have six, all finishing times; TBAQ none). Not a clock time: not after "at",
    # "until", "since", nor before "a.m./p.m.", a zone or "local time" ("at 9:30:15 a.m.", "4:05:10 GMT")
    R("duration_race_clock", "race_clock",
      r"(?<![\w.,:$/-])(?<!\bat\s)(?<!\buntil\s)(?<!\btill\s)(?<!\bsince\s)"
      r"(?P<tx>(?P<h>\d):(?P<min>[0-5]\d):(?P<s>[0-5]\d(?:\.\d{1,2})?))(?![\d:.,]\d)"
      r"(?!\s?(?:[ap]\.?m\b|(?-i:[A-Z]{2,4})\b|local\b|hrs?\b|h\b))",
      (E('won the marathon in 2:03:59', '2021-04-07', 'PT2H3M59S', 'DURATION', expression='2:03:59'),),
      required=(':',)),
    R("duration_over_the", "duration", r"\bover\s(?P<tx>the\s(?P<unit>years|months|weeks|decades))\b",
      (E('over the years', '2021-04-07', 'PXY', 'DURATION', expression='the years'),), required=('over',)),
    R("duration_ahead", "duration", r"\bthe\s(?:(?:coming|next\sfew)\s)?(?P<unit>days|weeks|months|years)\sahead\b",
      (E('the weeks ahead', '2021-04-07', 'PXW', 'DURATION'),), required=('ahead',)),
    # "in the year ahead", "the week ahead": the one unit from now on
    R("duration_one_ahead", "duration", r"\b(?P<one>the)\s(?P<unit>day|week|month|year|decade)\sahead\b",
      (E('in the year ahead', '2021-04-07', 'P1Y', 'DURATION', expression='the year ahead'),), required=('ahead',)),
    R("part_century", "part_century",
      r"\b(?P<tx>the\s(?:past|last|next|coming|previous)\s(?P<part>half|quarter)[\s-]century)\b",
      (E('over the past half-century', '2021-04-07', 'P50Y', 'DURATION', expression='the past half-century'),),
      required=('century',)),
    # "a day-long meeting", written as one word too ("a yearlong review", "a weeklong festival", "a monthlong strike")
    R("duration_long", "duration", r"\b(?P<unit>hour|day|week|month|year|decade)(?P<plural>s)?-?long\b",
      (E('day-long', '2021-04-07', 'P1D', 'DURATION'),
       E('without a yearlong review', '2013-01-31', 'P1Y', 'DURATION', expression='yearlong')), required=('long',)),
    # not "per": "28 million barrels per day", "100 dollars per month" are rates, which TimeML leaves untagged (TBAQ
    # leaves "$1.76 a year" untagged too; HeidelTime and te3-silver agree: issue 16)
    R("set_every", "set",
      # "every six to 12 months", "every two or three weeks", "every few months": a recurrence whose period is no one
      # amount, the unit's SET with an unknown amount (PXM), as "for a few months" is PXM
      r"\b(?P<q>every|each)\s(?:(?P<other>other)\s)?(?:(?P<n>{number})\s(?:(?:to|or)\s(?P<n_to>{number})\s)?|(?P<few>few|several)\s)?"
      r"(?P<unit>(?:year|month|week|day|quarter|hour|minute)s?|{weekday}|{month}|{season}|morning|night|evening)\b"
      r"(?:(?<=day)\s(?P<part>morning|afternoon|evening|night)\b)?",  # "every Saturday morning": that part of the day
      (E('every Monday', '2021-04-07', 'XXXX-WXX-1', 'SET'),
       E('every Saturday morning', '2021-04-07', 'XXXX-WXX-6TMO', 'SET'),
       E('every other year', '2021-04-07', 'P2Y', 'SET')), required=('every', 'each')),
    # a calendar day every year: "every May 1", "each 12 December", "Dec. 12 each year", "May 1 annually" one SET XXXX-MM-DD (as "each
    # July" is XXXX-07: TBAQ); a month-day after "annually on" / "every year on" is that day of every year too, beside
    # the adverb's own SET P1Y. TBAQ and te3-silver have none; before, "every May" took the month alone
    R("set_calendar_day", "set",
      r"(?:\b(?P<q>every|each)\s|(?:(?<=\bannually\son\s)|(?<=\byearly\son\s)|(?<=\bevery\syear\son\s)|"
      r"(?<=\beach\syear\son\s)))(?:(?P<cal_day>{day})\s(?:of\s)?(?P<cal_month>{month})|"
      r"(?P<cal_month2>{month})\s(?P<cal_day2>{day}))(?!,?\s\d{4})|"
      r"(?:(?<![\d/.,-])(?P<cal_day3>{day})\s(?:of\s)?(?P<cal_month3>{month})|(?P<cal_month4>{month})\s(?P<cal_day4>{day})),?"
      r"\s(?:(?:each|every)\syear|annually|yearly)\b",
      (E('every May 1', '2021-04-07', 'XXXX-05-01', 'SET'), E('Dec. 12 each year', '2021-04-07', 'XXXX-12-12', 'SET')),
      3, required=('every', 'each', 'annually', 'yearly')),
    R("set_adverb", "set", r"\b(?P<adverb>{set_adverb})\b",
      (E('daily', '2021-04-07', 'P1D', 'SET'),), required=tuple(SET_ADVERBS)),
    # "twice a week", and with a set adverb: "twice weekly", "three times daily" (the count is part of the SET)
    R("set_times", "set",
      r"\b(?P<times>once|twice|(?:\w+\s)times)\s(?:a\s(?P<unit>year|month|week|day)|(?P<adverb>{set_adverb}))\b",
      (E('twice a week', '2021-04-07', 'P1W', 'SET'), E('trains twice weekly', '2013-05-05', 'P1W', 'SET',
                                                        expression='twice weekly')),
      required=('once', 'twice', 'times')),
    R("set_plural_weekday", "set", r"\b(?P<weekday>(?-i:Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays))\b",
      (E('Mondays', '2021-04-07', 'XXXX-WXX-1', 'SET'),), required=tuple(WEEKDAYS)),
    # "on Saturday mornings", "Tuesday nights": a habit, that part of every such day (TBAQ: "Tuesday nights" is a SET)
    R("set_weekday_parts", "set",
      r"\b(?P<weekday>(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\s(?P<part>mornings|afternoons|evenings|nights)\b",
      (E('Tuesday nights', '2021-04-07', 'XXXX-WXX-2TNI', 'SET'),), required=tuple(WEEKDAYS)),
    # "three days a week", "two nights a month": so many days in every such period; not after "for", which asks how
    # long (set_days_for)
    R("set_days_a", "set",
      r"\b(?<!\bfor\s)(?<!\bfor\sup\sto\s)(?<!\bfor\sabout\s)(?<!\bfor\saround\s)(?<!\bfor\snearly\s)"
      r"(?<!\bfor\salmost\s)(?<!\bfor\sat\sleast\s)"
      r"(?P<count>{number})\s(?:days|nights|mornings|evenings)\sa\s(?P<unit>week|month|year)\b",
      (E('three days a week', '2021-04-07', 'P1W', 'SET'),), required=(' a week', ' a month', ' a year')),
    # "kept them on the road for up to 18 days a month", "closed for two days a week": "for" asks how long, so the
    # days are a DURATION and the period a SET beside it, as "for at least two hours a week" (set_time_per). Dev gold:
    # 3 of 3 counts after "for" are DURATIONs (web-articles-modern3 "up to 18 days", te3-silver-blind7 "24 hours",
    # web-articles-fresh3 "at least two hours"), 2 of 2 without "for" one SET ("five days a week", "three days a week")
    R("set_days_for", "set",
      r"\bfor\s(?:(?:up\sto|about|around|nearly|almost|at\sleast)\s)?{number}\s(?:days|nights)\s"
      r"(?P<tx>a\s(?P<per>week|month|year))\b",
      (E('kept them on the road for up to 18 days a month', '2013-03-19', 'P1M', 'SET', expression='a month'),), 1,
      required=(' a week', ' a month', ' a year')),
    # "at least two hours a week", "nine hours of sleep a night", "150 minutes of moderate exercise a week", "an hour
    # more sleep a night": time spent in every such period, a SET beside the DURATION (the blind sets' sleep page: "a
    # night" P1D); not a count of things per period ("50,000 passengers a day", a rate: negatives.tsv), nor "24 hours a
    # day", round the clock (te3-silver: 2 of 2 the idiom; the duration stays)
    R("set_time_per", "set",
      r"\b(?<!\b24\s)(?:hours?|minutes)(?:\s(?:of|more)(?:\s[a-z-]+){1,3}?)?\s(?P<tx>a\s(?P<per>day|night|week|month|year))\b(?!\s(?:ago|earlier|later|before|after|ahead)\b)",
      (E('nine hours of sleep a night', '2021-04-07', 'P1D', 'SET', expression='a night'),), 1,
      required=('hour', 'minute')),
    # --- past, present and future references -------------------------------------------------
    # priority: "in coming months" is FUTURE_REF (TimeBank), not the duration "coming months"
    # not "current account", "current affairs", nor the accounts' "current expenditures", "current assets" (a kind of
    # spending or holding, no time: blind sets 3 and 4)
    # nor a word glued to an adjective: "the now-defunct airline", "the now-retired politician" (no time of their own)
    R("reference", "reference", r"(?<!\w)(?P<word>{reference})\b(?!-[a-z])(?!\s(?:account|accounts|affairs|events|"
      r"expenditures?|spending|assets|liabilities)\b)",
      (E('recently', '2021-04-07', 'PAST_REF'),), 1, required=tuple(REFERENCES)),
    # "in the short or medium term", "over the medium to long term", "in the medium term", "over the long-term,": the
    # time ahead (TERM_LENGTHS), as "the short term"; after a preposition and ending its phrase, so that "in the
    # long-term interest" (an adjective before its noun) stays out
    R("term_reference", "reference",
      r"(?:(?<=\bin\s)|(?<=\bover\s)|(?<=\bfor\s)|(?<=\bduring\s)|(?<=\binto\s)|(?<=\bwithin\s)|(?<=\bbeyond\s))"
      r"(?P<term>the\s{term_length}(?:(?:\s(?:or|to|and)\s|-to-){term_length})?[\s-]term)"
      r"(?=\s?[,.;:!?)\"'’”]|\s(?:and|or|but|as|while|because|if|when|than|to|for|in|at|on|with|from)\b|$)",
      (E('Rates will rise in the short or medium term.', '2021-04-07', 'FUTURE_REF',
         expression='the short or medium term'),), 1, required=('term',)),
    # "will one day be", "could one day ride": some day ahead, after a modal only (REFERENCE_AFTER_MODAL)
    R("reference_after_modal", "reference", r"(?P<word>one\sday)\b{after_modal_one_day}",
      (E('Islam will one day be the largest religion.', '2021-04-07', 'FUTURE_REF', expression='one day'),), 1,
      required=('one day',)),
    # "hopes one day to visit", "a dream that one day": after a word of hoping (HOPE_WORDS), not "one day after"
    R("reference_after_hope", "reference",
      r"\b{hope_word}\s(?:(?:that|of)\s)?(?P<tx>(?P<word>one\sday))\b(?!\s(?:after|before|earlier|later|ago|ahead|of)\b)",
      (E('The pope hopes one day to visit the Holy Land.', '2021-04-07', 'FUTURE_REF', expression='one day'),), 1,
      required=('one day',)),
    # "hopes to run the business one day.": a hope's infinitive ending its clause with "one day" (not "for one day")
    R("reference_after_hope_clause", "reference",
      r"\b{hope_word}\sto\s[^.;:!?]{0,60}?(?<!\bfor)(?<!\bin)(?<!\bwithin)(?<!\bthan)\s(?P<tx>(?P<word>one\sday))"
      r"(?=\s?[.,;!?]|\s*$)",
      (E('She hopes to run the family firm one day.', '2021-04-07', 'FUTURE_REF', expression='one day'),), 1,
      required=('one day',)),
)
