"""The rules as data: English vocabularies and the patterns that find temporal expressions.

Each `Rule` has a name, the `kind` of resolver that turns a match into a TIMEX3 value
(see `resolve.py`), a regular expression with named groups and `{placeholders}` for the
vocabularies below, and an example that the tests check it matches.

Patterns are written so that no part can backtrack catastrophically: every repetition is
bounded or over disjoint token classes. Month and weekday names are case-sensitive
(capitalised or upper case) so that "may", "march" and "sun" in running text do not match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "last": 4,
}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "a couple of": 2, "couple of": 2, "a half": 0.5, "half a": 0.5, "half an": 0.5,
    "a quarter": 0.25, "a quarter of a": 0.25, "a quarter of an": 0.25, "three quarters of a": 0.75,
    "three quarters of an": 0.75, "three-quarters of a": 0.75, "three-quarters of an": 0.75,
}
# Vague amounts: the count is unknown, so the value uses X (e.g. PXY).
VAGUE_AMOUNTS = ("several", "a few", "few", "many", "some", "a number of", "the past few", "recent")
# Unit -> (TIMEX3 letter, multiplier, is a time unit written after "T").
UNITS = {
    "year": ("Y", 1, False), "month": ("M", 1, False), "week": ("W", 1, False),
    "day": ("D", 1, False), "decade": ("Y", 10, False), "century": ("Y", 100, False),
    "quarter": ("Q", 1, False), "hour": ("H", 1, True), "minute": ("M", 1, True),
    "second": ("S", 1, True), "fortnight": ("W", 2, False),
}
SET_ADVERBS = {
    # "quarterly" mostly qualifies money ("quarterly dividend"), not a schedule.
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y",
    "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W",
}
REFERENCES = {
    # Only words that nearly always refer to time in news; "soon", "previously", "recent" and
    # "current" were tagged far more often than annotators tag them (TBAQ error analysis).
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "right now": "PRESENT_REF",
    "recently": "PAST_REF", "more recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF", "the coming months": "FUTURE_REF",
    "the coming years": "FUTURE_REF", "coming months": "FUTURE_REF", "current": "PRESENT_REF",
    "the near term": "FUTURE_REF", "the short term": "FUTURE_REF", "the long term": "FUTURE_REF",
    "the longer term": "FUTURE_REF", "a later date": "FUTURE_REF", "past years": "PAST_REF",
}
# "Player of the year" is a title, not a date: these nouns before "of the year" say so.
TITLE_NOUNS = frozenset(
    "player person man woman coach manager rookie athlete sportsman sportswoman personality footballer "
    "cricketer driver rider album song record film movie book car word team newcomer".split()
)
# "today's world", "the people of tomorrow": today and tomorrow meaning the present age or the future.
GENERIC_DAY_NOUNS = frozenset("world society youth generation children kids young teenagers economy".split())
# Fixed-date holidays (month, day); movable ones are computed in resolve.py.
HOLIDAYS = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "christmas day": (12, 25),
    "christmas eve": (12, 24), "christmas": (12, 25), "valentine's day": (2, 14),
    "independence day": (7, 4), "halloween": (10, 31), "boxing day": (12, 26),
    "bastille day": (7, 14), "veterans day": (11, 11), "may day": (5, 1),
}
MOVABLE_HOLIDAYS = ("thanksgiving day", "thanksgiving", "easter sunday", "easter", "labor day", "memorial day",
                    "good friday", "election day")

# Words that tell the tense of the clause around an expression (see anchor.tense_near).
FUTURE_CUES = frozenset(
    "will 'll shall won't going gonna plans plan planned planning scheduled schedule expected expects expect "
    "due set intends intend upcoming coming next would hopes hope aims aim "
    "tomorrow slated payable "
    # the present of scheduled events: "the law takes effect on 1 July", "the offer expires Friday"
    "starts begins opens resumes expires takes kicks comes runs goes heads votes plays meets visits "
    "travels flies arrives".split()
)
# Future cues that only speak of the future when "to" follows ("plans to", "due to", "set to").
FUTURE_CUES_WITH_TO = frozenset("due set going plans plan planned planning expected expects expect hopes hope "
                                "aims aim intends intend".split())
PAST_CUES = frozenset(
    "said says was were had did ago last earlier told began came went made took met held gave got "
    "left saw won lost fell rose sold bought paid found kept led ran sent spoke struck thought wrote "
    "became brought caught chose drew drove fought flew grew heard hit knew meant put quit read "
    "rode rang said shot shut sought stood stole swore threw tore understood woke wore yesterday "
    "been claimed".split()
)

_MONTH_NAMES = sorted(MONTHS, key=len, reverse=True)


def _case_variants(words) -> str:
    """An alternation matching each word Capitalised or UPPER, longest first."""
    forms = []
    for word in sorted(words, key=len, reverse=True):
        forms += [word.capitalize(), word.upper()]
    return "(?-i:" + "|".join(re.escape(f) for f in forms) + ")"


def _words(words) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


_MONTH_FULL = [m for m in _MONTH_NAMES if len(m) > 4 or m in ("may", "june", "july")]
_MONTH_ABBR = [m for m in _MONTH_NAMES if m not in _MONTH_FULL]
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_NUMBER = (r"(?:(?<![\d/.,])\d{1,3}(?:,\d{3})?(?:\.\d+)?(?:\s1/2|\sand\sa\shalf)?|(?:" + _TENS + r")[ -](?:one|two|three|four|five|six|seven|eight|nine)\b|"
           + _words(NUMBER_WORDS) + r"(?!\w)(?:\sand\sa\shalf)?)")

# Years spelled out, as broadcast transcripts write them: "nineteen ninety-four", "two thousand and one".
_SPOKEN_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_SPOKEN_TENS = (r"(?:(?:" + _TENS + r")(?:[\s-](?:" + _SPOKEN_UNITS + r"))?|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                r"sixteen|seventeen|eighteen|nineteen)")
_SPOKEN_YEAR = (r"(?:nineteen[\s-]" + _SPOKEN_TENS + r"|two\sthousand(?:[\s-](?:and\s)?(?:" + _SPOKEN_TENS + "|"
                + _SPOKEN_UNITS + r"))?)\b")

PLACEHOLDERS = {
    # "Apr." may touch the day ("Nov.13"); a full name or a bare "Apr" ends at a word boundary (not "Mar" in "Mark").
    "month": "(?:" + _case_variants(_MONTH_FULL) + r"(?!\w)|" + _case_variants(_MONTH_ABBR) + r"(?:\.|(?!\w)))",
    "weekday": _case_variants(WEEKDAYS) + r"(?!\w)",
    # First-letter checks that let the engine skip most positions before trying dozens of month names.
    "at_month": r"(?=[JFMASONDjfmasond])",
    "at_month_or_weekday": r"(?=[JFMASONDTWjfmasondtw])",
    "at_month_or_modifier": r"(?=[JFMASONDELTjfmasondelt])",  # "early", "late", "mid", "the end of"
    "at_day_or_weekday": r"(?=[\dMTWFSmtwfs])",  # "15 March", "the 15th of March", "Monday, 15 March"
    "day": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\w|:\d)",
    "year": r"(?:1[5-9]\d\d|20\d\d|21\d\d)(?![\w,.]\d|-\d|\d)",
    "spoken_year": _SPOKEN_YEAR,
    "not_bc": r"(?!\s?(?:BCE?|B\.C\.(?:E\.)?)(?!\w))",  # years before Christ have no TIMEX3 value here
    "season": _words(SEASONS),
    "part": _words(PARTS_OF_DAY),
    "ordinal": _words(ORDINALS),
    "number": _NUMBER,
    "vague": _words(VAGUE_AMOUNTS),
    "unit": r"(?:year|month|week|day|decade|century|centuries|quarter|hour|minute|second|fortnight)s?",
    "dayunit": r"(?:year|month|week|day|decade|quarter|fortnight)s?",
    "mod": r"(?:early|earlier|late|later|mid|the middle of|the end of|the beginning of|the start of)",
    "ampm": r"(?:a\.m\.?|p\.m\.?|am\b|pm\b|A\.M\.?|P\.M\.?)",
    "zone": r"(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST)",
    "set_adverb": _words(SET_ADVERBS),
    "reference": _words(REFERENCES),
    "holiday": _words(list(HOLIDAYS) + list(MOVABLE_HOLIDAYS)),
    "relday": r"(?:today|tonight|yesterday|tomorrow)",
}


@dataclass(frozen=True)
class Rule:
    """One pattern: `kind` names the resolver; `example` must match the whole pattern."""

    name: str
    kind: str
    pattern: str
    example: str
    priority: int = 0  # breaks ties between overlapping matches of equal length
    # A group named "tx", when present, is the expression; the rest of the match is context
    # ("in" before a month). Cheaper than a lookbehind tried at every position.


R = Rule
RULES: tuple[Rule, ...] = (
    # --- explicit dates ----------------------------------------------------------------
    R("iso_date", "iso_date",
      r"\b(?P<y>\d{4})(?P<sep>[-/])(?P<m>[01]\d)(?P=sep)(?P<d>[0-3]\d)(?:[T\s](?P<hh>[0-2]\d):(?P<mm>[0-5]\d))?\b",
      "2021-04-07"),
    R("numeric_date", "numeric_date", r"(?<![\d/.])(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/.]|\.\d)",
      "14/07/1989"),
    R("day_month_year", "full_date",
      r"{at_day_or_weekday}(?:{weekday},?\s)?(?:the\s)?(?P<d>{day})\s(?:of\s)?(?P<month>{month}),?\s(?P<y>{year})", "7 Apr, 2021", 2),
    R("month_day_year", "full_date",
      r"{at_month_or_weekday}(?:{weekday},?\s)?(?P<month>{month})(?:\s|(?<=\.))(?P<d>{day}),?\s(?P<y>{year})", "April 7, 2021", 2),
    R("month_day", "month_day", r"{at_month_or_weekday}(?:{weekday},?\s)?(?P<month>{month})(?:\s|(?<=\.))(?P<d>{day})(?!\s?(?:,\s?)?\d)", "March 15", 1),
    # "on April 24 and 25, 1999": two dates, the second without its month, the year after both
    R("month_day_first", "month_day",
      r"{at_month}(?P<tx>(?P<month>{month})(?:\s|(?<=\.))(?P<d>{day}))\s(?:and|or|to|through|till|until)\s{day},?\s(?P<y>{year})",
      "April 24 and 25, 1999", 2),
    R("month_day_second", "month_day",
      r"{at_month}(?P<month>{month})\s{day}(?:\s(?:and|or|to|through|till|until)\s|\s?[-–]\s?)(?P<tx>(?P<d>{day})(?:,?\s(?P<y>{year}))?)"
      r"(?!\s?(?:,\s?)?\d|[.,]\d)", "April 24 and 25"),
    R("day_month_first", "month_day",  # "3-5 March", "3 and 4 March": the first day is a date too
      r"(?<![\d/.,-])(?P<tx>(?P<d>{day}))(?:\s(?:and|or|to)\s|\s?[-–]\s?){day}\s(?:of\s)?(?P<month>{month})", "3-5 March"),
    R("day_month", "month_day", r"{at_day_or_weekday}(?:{weekday},?\s)?(?:the\s)?(?P<d>{day})\s(?:of\s)?(?P<month>{month})(?!\s?,?\s?\d)",
      "15 March", 1),
    R("week_of", "week_of", r"\bthe\sweek\sof\s(?P<month>{month})(?:\s|(?<=\.))(?P<d>{day})(?:,?\s(?P<y>{year}))?(?!\d)",
      "the week of March 6", 2),
    R("month_year", "month_year", r"{at_month_or_modifier}(?:(?P<mod>{mod})[\s-])?(?P<month>{month}),?\s(?:of\s)?(?P<y>{year}|{spoken_year})", "March 2019"),
    R("month_alone", "month_alone",
      r"\b(?:the\s(?=\w+\.?\s(?-i:[a-z]))|(?:in|since|until|by|from|through|during|before|after|of|to|till|on|for|"
      r"between)\s)(?P<tx>(?P<month>{month}))(?!\w)(?!\.?\s\d)(?!\s(?-i:[A-Z][a-z]))", "in March"),
    R("month_possessive", "month_alone",  # "December's toll", "at April's election"
      r"\b(?P<tx>(?P<month>{month}))(?='s\s(?-i:[a-z]))", "December's toll"),
    R("month_part", "month_alone",  # "the end of June": the month, its END part
      r"\b(?P<tx>(?P<part>the\s(?:end|beginning|start|middle)\sof)\s(?P<month>{month}))(?!\w)(?!\.?\s\d)(?!,?\s{year})",
      "the end of June", 1),
    R("month_second", "month_alone",  # "in July and August": the second month has no preposition of its own
      r"\b(?:in|since|until|by|from|through|during|between|for)\s{month},?\s(?:and|or|to|through|until|till)\s"
      r"(?P<tx>(?P<month>{month}))(?!\w)(?!\.?\s\d)(?!\s(?-i:[A-Z][a-z]))", "in July and August"),
    R("month_with_modifier", "month_alone",
      r"(?P<rel>last|next|this|early|late|mid|that|the\sfollowing|the\snext|the\sprevious)[\s-](?P<month>{month})(?!\w)"
      r"(?!\.?\s\d)", "last March"),
    # --- years, decades, centuries -----------------------------------------------------
    R("year", "year", r"(?<![\w$£€#./-])(?P<lead>the\syear\s)?(?:(?P<mod>{mod})[\s-](?:of\s)?)?(?P<fiscal>fiscal\s(?:year\s)?)?(?P<y>{year})(?![\w%°-]){not_bc}",
      "2014"),
    R("early_year", "year", r"(?<=\b(?:in|of|by)\s)(?P<y>1[0-4]\d\d)\b(?![,.]?\d){not_bc}", "in 1066"),
    R("year_range_end", "year", r"(?<=\d{4}[-–])(?P<y>{year})\b", "2014-2015"),
    R("apostrophe_year", "year", r"\b(?:in|of|since|until|by|from|to|through|during|class\sof)\s(?P<tx>'(?P<yy>\d{2}))(?![\w'%])",
      "in '98"),
    R("short_year_fiscal", "year", r"\b(?P<fiscal>fiscal\s(?:year\s)?|FY\s?)'?(?P<yy>\d{2})\b", "fiscal 89"),
    R("fiscal_year_code", "year", r"\b(?P<fiscal>FY)\s?(?P<y>{year})\b", "FY2020"),
    R("spoken_year", "spoken_year",
      r"\b(?P<lead>the\syear\s)?(?P<century>nineteen|two\sthousand)(?:[\s-](?:and\s)?(?P<rest>" + _SPOKEN_TENS + "|" + _SPOKEN_UNITS + r"))?\b",
      "nineteen ninety-six"),
    R("decade", "decade", r"(?:\bthe\s)?(?:(?P<mod>early|late|mid)[\s-])?(?P<y>1[5-9]\d|20\d)0'?s\b{not_bc}", "the 1990s", 1),
    R("short_decade", "decade", r"(?:\bthe\s)?(?:(?P<mod>early|late|mid)[\s-])?'(?P<yy>\d)0s\b", "the '90s", 1),
    R("century", "century",
      r"\b(?:the\s)?(?:(?P<mod>early|late|mid)[\s-])?(?P<n>\d{1,2}(?:st|nd|rd|th)|{ordinal})[\s-]century\b{not_bc}", "the 19th century"),
    R("decade_word", "decade_word",
      r"\bthe\s(?:(?P<mod>early|late|mid)[\s-])?(?:nineteen[\s-])?(?P<word>twenties|thirties|forties|fifties|sixties|seventies|"
      r"eighties|nineties)\b", "the nineties"),
    R("this_century", "relative_unit", r"\b(?P<rel>this|last|next|the\scurrent|the\spast|the\sprevious)\s(?P<unit>century|decade)\b",
      "this century"),
    # --- seasons, quarters, halves -------------------------------------------------------
    R("season", "season",
      r"\b(?:(?P<rel>this\spast|this|last|next|that|the\spast|the\scoming|early|late|the\searly|the\slate|the)\s)?"
      r"(?P<season>{season})(?:\s(?:of\s)?(?P<y>{year}|{spoken_year}))?\b(?!-)", "last summer"),
    R("quarter", "quarter",
      r"\b(?:(?:the|its|their|a)\s)?(?:(?P<rely>this|last|next)\syear's\s)?(?:(?P<yago>year-ago|year-earlier)\s)?"
      r"(?:(?P<y2>{year})\s)?(?:fiscal[\s-])?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final)\s"
      r"(?:fiscal\s)?quarter(?:\s(?:of\s)?(?:(?:fiscal|the\syear)\s)?(?P<y>{year})|\sof\s(?P<ofrel>this|last|next)\syear)?\b",
      "the third quarter"),
    R("quarter_adjective", "quarter", r"\b(?:fiscal\s)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)-quarter\b",
      "third-quarter"),
    R("quarter_code", "quarter", r"\b(?P<q>Q[1-4])(?:\s?(?P<y>{year}))?\b", "Q3 2021"),
    R("half", "half",
      r"\b(?:the\s)?(?P<ord>first|second|1st|2nd|last|latter)[\s-]half(?:\s(?:of\s)?(?:fiscal\s)?(?P<y>{year})|"
      r"\sof\s(?P<ofrel>this|last|next)\syear)?\b"
      # not a match's half: "the second half of the season", "ended the first half 18-11", "first-half goals"
      r"(?!\sof\s(?!the\syear|fiscal|{year})|\s\d+-\d|\s(?:goals?|penalty|strike|header|try|tries|lead)\b)",
      "the first half of 2021"),
    R("reporting_quarter", "reporting_quarter",
      r"\bthe\s(?:(?P<rel>latest|current|latest\sfiscal|recent|most\srecent|same|year-earlier|year-ago|comparable)|"
      r"(?P<y>{year}))?\s?(?:fiscal\s)?(?:quarter|(?<=[a-z\d]\s)(?P<period>period))\b(?!-)"
      r"(?=\s(?:ended|ending)\s(?P<emonth>{month})\s(?P<eday>{day}))?", "the latest quarter"),
    # --- weekdays and days relative to today --------------------------------------------
    R("weekday", "weekday",
      r"\b(?:(?P<rel>last|next|this|this\spast|this\scoming|early|late)\s)?(?P<weekday>{weekday})"
      r"(?:\s(?P<part>{part})|(?P<week_on>\sweek(?![\w-])))?", "Sunday", 1),  # "Thursday week": a week after the coming one
    R("relative_day", "relative_day",
      r"\b(?:(?P<mod>early|late|earlier|later)\s)?(?P<rel>{relday})(?:\s(?P<part>morning|afternoon|evening|night))?\b",
      "yesterday"),
    R("part_of_day", "relative_day",
      r"\b(?P<rel>this|last|tomorrow|yesterday)\s(?P<part>morning|afternoon|evening|night)\b", "this morning"),
    R("part_before_day", "relative_day",
      r"\b(?:(?P<mod>early|late|mid)[\s-]?)?(?P<part>morning|afternoon|evening|night)\s(?P<rel>yesterday|today|tomorrow)\b",
      "mid-afternoon yesterday"),
    R("holiday", "holiday", r"(?:\b(?P<rel>last|next|this)\s)?(?-i:\b(?P<name>(?i:{holiday})))"
      r"(?:\s(?P<y>{year})|(?P<week>\sweek))?\b", "last Christmas"),
    # --- relative units: last week, next month, two years ago ------------------------------
    R("relative_unit", "relative_unit",
      r"\b(?:(?P<mod>early|late|earlier|later|the\send\sof|the\sbeginning\sof|the\sstart\sof|the\smiddle\sof)\s)?(?P<rel>(?<!the\s)(?:this\spast|this\scoming|this|last|next)|"
      r"(?P<the>the)\s(?:current|coming|previous|past|following|next|last|same|latest)|that)\s"
      r"(?:fiscal\s)?(?P<unit>week|weekend|month|year|decade|quarter)\b"
      r"(?(the)(?!\sof\b))",  # "the last week of March" is not last week
      "last week"),
    R("period_end", "period_end",
      r"\b(?:(?:the\s)?end\sof\s(?P<rel>the|this|last|next)\s(?P<unit>year|month)|(?P<yearend>year[-\s]end|year's\send))\b",
      "year-end"),
    R("the_year", "the_year",
      # "for the year", "the first nine months of the year": the year the news is in. Not "the year
      # of the Pig", "the year before", "the year-earlier period", "rising by the year", "the year 2015".
      r"(?<!\bby\s)\b(?P<tx>the\s(?:(?:fiscal|full|calendar|financial)\s)?year)(?![\w-])"
      r"(?!\s(?:\d|two\sthousand|nineteen|of|when|that|in\swhich|before|after|earlier|later|ago|just|round|old|long)\b)"
      r"(?P<ended>\s(?:ended|ending|to|through)\s(?={month}|{relday}|(?:this|next|last)\s))?", "the year"),
    R("the_new_year", "the_new_year", r"\b(?:in|into|after|by|until|early\sin|late\sin)\s(?P<tx>the\snew\syear)\b(?!'s|\sholiday)",
      "in the new year"),
    R("the_weekend", "relative_unit", r"\b(?P<rel>the)\s(?P<unit>weekend)\b(?!\sof\b)", "the weekend"),
    R("month_relative_year", "month_relative_year",
      r"{at_month}(?P<month>{month})\s(?P<rel>this|last|next)\syear\b", "January this year"),
    R("ago", "ago",
      r"\b(?:(?:about|almost|nearly|some|around|more\sthan|less\sthan|over|just|roughly|only)\s)?"
      r"(?P<n>{number}|{vague})\s(?P<unit>{dayunit})\s(?P<dir>ago|earlier|later|from\snow|hence)\b",
      "three days ago", 2),
    R("unit_ago", "ago", r"\b(?P<unit>year|month|week|day)s\s(?P<dir>ago|earlier)\b", "years ago"),
    R("year_earlier", "ago", r"\b(?P<n>year|month|week|quarter)-(?P<dir>earlier|ago|before)\b", "year-earlier"),
    R("anaphoric_day", "anaphoric",
      r"\b(?:(?P<mod>earlier|later)\s)?(?P<rel>the\snext|the\sfollowing|the\sprevious|the\ssame|that|that\ssame)\s"
      r"(?P<unit>day|morning|afternoon|evening|night)\b(?P<before>\sbefore)?", "the next day"),
    R("day_before", "anaphoric",
      r"\bthe\s(?P<rel>day\sbefore|day\safter)(?:\s(?P<relday>yesterday|tomorrow)|"
      r"\s(?:(?P<wrel>last|next|this)\s)?(?P<weekday>{weekday})|\s(?-i:(?=[A-Z]))(?P<name>{holiday}))?\b",
      "the day before yesterday"),
    # --- times of day ----------------------------------------------------------------------
    R("clock_time", "clock_time",
      r"(?<![\d:.])(?P<h>[01]?\d)(?:[:.](?P<min>[0-5]\d))?\s?(?P<ampm>{ampm})"  # "10:35 a.m.", "7.45pm"
      r"(?:\s(?P<zone>{zone}))?(?:,?\s(?:on\s)?(?P<tail>{weekday}|{relday}|(?P<tmonth>{month})\s(?P<tday>{day})))?",
      "10:35 a.m."),
    R("clock_day_part", "clock_time",
      r"\b(?:at|by|until|till|before|after|around|about|from|to|since)\s(?P<tx>(?P<h>1[0-2]|0?[1-9])(?::(?P<min>[0-5]\d))?"
      r"\s(?:o'clock\s)?(?P<daypart>in\sthe\s(?:morning|afternoon|evening)|at\snight))\b", "at 4 in the morning"),
    R("clock_24h", "clock_time", r"(?<![\d:.])(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)\s?(?:GMT|UTC|{zone}|hours|h)\b",
      "14:30 GMT"),
    R("noon", "clock_time",
      r"\b(?P<word>noon|midnight|midday)(?:\s(?P<zone>{zone}))?(?:,?\s(?:on\s)?(?P<tail>{weekday}|{relday}))?", "noon"),
    # --- durations and sets ----------------------------------------------------------------
    R("duration", "duration",
      # TimeBank leaves "about", "only", "at least" out of the span, and "the" before "eight-year"
      r"\b(?:(?:about|almost|some|around|at\sleast|just|roughly|only|approximately|over|for)\s)?(?P<tx>"
      r"(?:(?P<rel>the\spast|the\slast|the\snext|the\scoming|the\sfirst|the\sfinal|the\sprevious|"
      r"the(?!\s[\w.]+-{unit}\b))\s)?"
      r"(?:(?:nearly|more\sthan|less\sthan|no\smore\sthan|up\sto)\s)?"
      r"(?P<n>{number}|{vague})(?:\s|-(?!quarter))(?:(?:more|straight|consecutive|successive|full|additional|long|trading|business|working)\s)?"
      r"(?P<unit>{unit})(?:[\s-](?P<long>long|old)|(?P<andhalf>\sand\sa\shalf))?)\b"
      # "three days ago" is the ago rule's; "an hour later" stays a duration (the ago rule has no hours)
      r"(?!(?<!hour)(?<!hours)(?<!minute)(?<!minutes)(?<!half)\s(?:earlier|later)\b)(?!\s(?:ago|from\snow)\b)"
      # "a quarter of the market" is a fraction, "several quarters of losses" a duration
      r"(?!(?:(?<=quarter)|(?<=quarters))(?:\sof\s(?:the|all|its|their|his|her|those|these|our|them|us|total|every|each)\b"
      r"|[\s-]centur))",
      "three years"),
    R("duration_bare", "duration",
      r"(?=[ymwdhcrYMWDHCR])(?:(?<=\bfor\s)|(?<=\bover\s)|(?<=\bwithin\s)|(?<=\bin\s)|\brecent\s|\bcoming\s)(?P<unit>years|months|weeks|days|decades|hours|centuries)\b",
      "for years"),
    R("duration_over_the", "duration", r"\bover\s(?P<tx>the\s(?P<unit>years|months|weeks|decades))\b", "over the years"),
    R("duration_ahead", "duration", r"\bthe\s(?:(?:coming|next\sfew)\s)?(?P<unit>days|weeks|months|years)\sahead\b",
      "the weeks ahead"),
    R("duration_long", "duration", r"\b(?P<unit>hour|day|week|month|year|decade)(?P<plural>s)?-long\b", "day-long"),
    R("set_every", "set",
      r"\b(?P<q>every|each|per)\s(?:other\s)?(?:(?P<n>{number})\s)?"
      r"(?P<unit>(?:year|month|week|day|quarter|hour)s?|{weekday}|{month}|{season}|morning|night|evening)\b",
      "every Monday"),
    R("set_adverb", "set", r"\b(?P<adverb>{set_adverb})\b", "daily"),
    R("set_times", "set", r"\b(?P<times>once|twice|(?:\w+\s)times)\sa\s(?P<unit>year|month|week|day)\b", "twice a week"),
    R("set_plural_weekday", "set", r"\b(?P<weekday>(?-i:Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays))\b",
      "Mondays"),
    # --- past, present and future references -------------------------------------------------
    # priority: "in coming months" is FUTURE_REF (TimeBank), not the duration "coming months"
    R("reference", "reference", r"(?<!\w)(?P<word>{reference})\b(?!\s(?:account|accounts|affairs|events)\b)", "recently", 1),
)


_MONTH_WORDS = tuple(MONTHS)
_UNIT_WORDS = ("year", "month", "week", "day", "decade", "centur", "quarter", "hour", "minute", "second", "fortnight")
# A rule runs only on texts that contain one of its words (lower case): every match of its
# pattern contains one. Most texts lack most of them, and a pattern without a literal prefix
# is tried at every position, so this check is what keeps tagging fast.
_MONTH_RULES = ("day_month_year", "month_day_year", "month_day", "month_day_first", "month_day_second", "day_month",
                "day_month_first", "month_year", "month_alone", "month_with_modifier", "month_second", "month_part",
                "month_possessive")
_PARTS = ("morning", "afternoon", "evening", "night")
REQUIRED_WORDS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(_MONTH_RULES, _MONTH_WORDS),  # the month rules share one word list, so it is looked for once
    "iso_date": ("-", "/"), "numeric_date": ("/", "."), "year_range_end": ("-", "–"),
    "week_of": ("week",), "month_relative_year": ("year",),
    "short_year_fiscal": ("fiscal", "fy"), "fiscal_year_code": ("fy",), "apostrophe_year": ("'",),
    "spoken_year": ("nineteen", "thousand"),
    "decade": ("0s", "0's"), "short_decade": ("0s",), "century": ("centur",), "decade_word": ("ties",),
    "this_century": ("century", "decade"), "season": tuple(SEASONS), "quarter": ("quarter",),
    "quarter_adjective": ("quarter",), "reporting_quarter": ("quarter", "period"), "half": ("half",),
    "weekday": tuple(WEEKDAYS), "set_plural_weekday": tuple(WEEKDAYS),
    "relative_day": ("today", "tonight", "yesterday", "tomorrow"), "part_of_day": tuple(PARTS_OF_DAY),
    "part_before_day": ("yesterday", "today", "tomorrow"),
    "holiday": tuple(HOLIDAYS) + MOVABLE_HOLIDAYS, "relative_unit": ("week", "month", "year", "decade", "quarter"),
    "period_end": ("end",), "the_year": ("year",), "the_new_year": ("new year",), "the_weekend": ("weekend",),
    "ago": ("ago", "earlier", "later", "now", "hence"), "unit_ago": ("ago", "earlier"),
    "year_earlier": ("-earlier", "-ago", "-before"),
    "anaphoric_day": ("day",) + _PARTS, "day_before": ("day",),
    "clock_24h": (":",), "clock_day_part": _PARTS, "noon": ("noon", "midnight", "midday"),
    "duration": _UNIT_WORDS, "duration_bare": _UNIT_WORDS, "duration_over_the": ("over",),
    "duration_ahead": ("ahead",), "duration_long": ("-long",),
    "set_every": ("every", "each", "per"), "set_adverb": tuple(SET_ADVERBS),
    "set_times": ("once", "twice", "times"), "reference": tuple(REFERENCES),
}


def compile_rule(rule: Rule) -> re.Pattern[str]:
    """Expand `{placeholders}` and compile case-insensitively (names stay case-sensitive)."""
    pattern = rule.pattern
    for name, sub in PLACEHOLDERS.items():
        pattern = pattern.replace("{" + name + "}", sub)
    return re.compile(pattern, re.IGNORECASE)


COMPILED: tuple[tuple[Rule, re.Pattern[str]], ...] = tuple((r, compile_rule(r)) for r in RULES)
