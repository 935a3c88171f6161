"""English vocabularies: the words the rules and resolvers know, and the word-level regexes
resolvers consult to accept or reject a match. Values are language-neutral codes (TIMEX3
letters, month and weekday numbers) that the engine works with.
"""

from __future__ import annotations

import re
from pathlib import Path

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
# The short forms ("Jan.", "Sept"), as against the full names ("May", "June" and "July" are both)
MONTH_ABBREVIATIONS = tuple(m for m in MONTHS if len(m) <= 4 and m not in ("may", "june", "july"))
WEEKDAYS = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
# A date written as a possessive ("Saturday's bombing"): what it names happened then, not the day the news is at.
POSSESSIVE_AFTER = re.compile(r"\w+(?:\s\w+)?'s\b")
# Happenings nobody schedules: once a day is named for one, it has taken place. A result is told once it is in
# ("during Thursday's team loss", with "may miss two to four weeks" before it); "meeting", "vote" may be ahead.
UNPLANNED_HAPPENINGS = (
    "accident|attack|bombing|blast|collision|crash|derailment|earthquake|quake|explosion|fire|shooting|massacre|"
    "killing|violence|unrest|riot|clash|disaster|tragedy|storm|flood|tornado|landslide|tsunami|coup|assassination|"
    "invasion|raid|ambush|murder|uprising|hijacking|cyclone|hurricane|typhoon|loss|defeat|victory|win")
# A weekday's unplanned event has happened, whatever the clause's tense: "the victims of Friday's train collision
# will be buried next week" is the Friday just gone ("Friday's meeting" may be ahead: it is no such event).
UNPLANNED_EVENT_AFTER = re.compile(
    rf"'s(?:\s[\w-]+){{0,2}}?\s(?:{UNPLANNED_HAPPENINGS})(?:s|es)?\b",
    re.I,
)
# Nouns of aftermath: what follows a happening and exists only once it is over. A possessive weekday they take after
# "of"/"from" has happened, whatever the clause's tense ("The results of Saturday's referendum will be announced later
# this week", "the fallout from Tuesday's vote will last"; values32). Not nouns a preview uses of a coming event
# ("the outcome of Thursday's vote will decide", "the winner of Sunday's race will face"), nor nouns of prospect
# ("Sunday's final", "Friday's derby"): there the clause's verb tells, as dev gold has it ("the 116th minute of
# Sunday's final" past, "Sunday's run-off will go ahead" ahead).
AFTERMATH_BEFORE = re.compile(
    r"\b(?:aftermath|wake|fallout|repercussions|results?|count|recount|tally|clean-?up)\s(?:of|from)\s$", re.I)
# A weekday alone on its line (a bracketed note aside) over a line of fixtures, "Home v Away" with no score: a
# sports page's schedule, so the day is ahead ("Wednesday\n\nCelta Vigo v Real Sociedad (1900)").
FIXTURE_HEADING_AFTER = re.compile(r"[^\S\n]*(?:\([^()\n]*\))?[^\S\n]*\n\s*[A-Z][^\n\d]*?\s(?:v|vs\.?)\s[A-Z]")
# A part of the day before these nouns qualifies them, no time of a day ("the morning session", "in morning trade",
# "In the midday trading", "the midnight shift"): left untagged, as the blind sets (set 2's "morning trade") and
# te3-silver leave it.
DAY_PART_NOUNS = (
    "session", "sessions", "trade", "trading", "rush", "shift", "edition", "paper", "papers", "newspaper", "newspapers",
    "prayer", "prayers", "service", "show", "news", "time",
)
# "overnight" before these nouns names a kind of thing ("the overnight lending rate", "an overnight stop"), no night.
OVERNIGHT_NOUNS = (
    "rate", "rates", "interest", "lending", "loan", "loans", "deposit", "deposits", "repo", "funds", "money", "call",
    "index", "stop", "stay", "stays", "sit", "sit-in", "trip", "flight", "flights", "train", "trains", "bus", "bag", "camp",
    "success", "sensation", "delivery", "visit", "shift", "shelter", "guests",
)
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "last": 4,
}
# "the second week of April", "the first Monday of March", "the last day of 2006": the place of a day or a week
# counted in its month or year (-1: counted from the end)
PERIOD_EDGES = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1, "final": -1}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a single": 1, "single": 1,
    "hundred": 100, "a hundred": 100, "a couple of": 2, "couple of": 2, "a half": 0.5, "half a": 0.5, "half an": 0.5,
    "a quarter": 0.25, "a quarter of a": 0.25, "a quarter of an": 0.25, "three quarters of a": 0.75,
    "three quarters of an": 0.75, "three-quarters of a": 0.75, "three-quarters of an": 0.75,
}
UNIT_STEMS = {"centur": "century"}  # unit words whose plural is not the unit plus "s" ("centuries")
# The words after which a bare plural unit heads "years of research", "months of twists and turns": prepositions and
# "that" (rules.py "unit_of"; a determiner or an adjective before it is left alone: "the early days of").
UNIT_OF_AFTER = ("after", "despite", "following", "follows", "through", "with", "from", "to", "amid", "by", "of",
                 "that", "ending", "ends")
# Vague amounts: the count is unknown, so the value uses X (e.g. PXY).
VAGUE_AMOUNTS = ("several", "a few", "few", "many", "some", "a number of", "the past few", "recent")
# Unit -> (TIMEX3 letter, multiplier, is a time unit written after "T").
UNITS = {
    "year": ("Y", 1, False), "month": ("M", 1, False), "week": ("W", 1, False),
    "day": ("D", 1, False), "decade": ("Y", 10, False), "century": ("Y", 100, False),
    "quarter": ("Q", 1, False), "hour": ("H", 1, True), "minute": ("M", 1, True),
    "second": ("S", 1, True), "fortnight": ("W", 2, False),
    "season": ("Y", 1, False),  # a sports season, counted ("nine seasons"): rules.py "duration_seasons"
}
# Units whose unknown amount keeps its own letter: "for centuries" PXC (TBAQ dev 1 PXC, 1 PXE; te3-silver-blind8's
# README), "several decades" PXDE (as web-articles' gold writes a vague "decades", 2 of 2); a count is in years ("two
# centuries" P200Y, "two decades" P20Y) and so is the adjective "decades-long" (TBAQ dev PXY)
VAGUE_OWN_UNIT = ("decade", "century")
# "two years and three months", "four hours and 54 minutes": units that may follow each other in one duration,
# largest first (weeks and days are not written together in a TIMEX3 value)
COMPOUND_UNIT_ORDER = ("year", "month", "day", "hour", "minute", "second")
AMOUNT_AND_UNIT = re.compile(r"(?:^|[,\s]+(?:and\s)?)(.+?)[\s-]((?:year|month|day|hour|minute|second)s?)\b")
SET_ADVERBS = {
    # "quarterly" mostly qualifies money ("quarterly dividend"), not a schedule.
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y",
    "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W",
}
# "nine hours of sleep a night": the period a stretch of time is spent in, every such one ("a night" is every day: P1D)
SET_PER_UNIT = {"day": "day", "night": "day", "week": "week", "month": "month", "year": "year"}
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
    "future": "FUTURE_REF",  # only as the adverb "in future" (REFERENCE_AS_ADVERB)
    "present": "PRESENT_REF",  # only as the adverb "at present" (REFERENCE_AFTER_AT)
    "the years ahead": "FUTURE_REF", "the months ahead": "FUTURE_REF",  # as "the coming years" (REFERENCE_AHEAD)
    "one day": "FUTURE_REF",  # only after a modal: "will one day be" (REFERENCE_AFTER_MODAL)
}
# "in the short or medium term", "over the medium to long term", "in the medium term", "over the long-term,": the time
# ahead, as "the short term" (TBAQ dev FUTURE_REF); the lengths a "term" is said in, alone or two joined
TERM_LENGTHS = ("short", "medium", "mid", "long", "longer", "near")
TERM_REFERENCE = "FUTURE_REF"
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
    "the fourth of july": (7, 4), "fourth of july": (7, 4),
    # observance days of the United Nations and of nations, days like holidays in news ("marched on Earth Day", "Today
    # is World AIDS Day"; issue 16, wiki10); not "International Women's Day", which TBAQ dev leaves untagged (2 of 2)
    "world aids day": (12, 1), "earth day": (4, 22), "anzac day": (4, 25),
    "remembrance day": (11, 11), "armistice day": (11, 11), "st. patrick's day": (3, 17), "st patrick's day": (3, 17),
    "saint patrick's day": (3, 17), "st. stephen's day": (12, 26), "st stephen's day": (12, 26),  # Ireland's Boxing Day
    "australia day": (1, 26), "canada day": (7, 1), "human rights day": (12, 10),
    "world environment day": (6, 5), "world water day": (3, 22), "world health day": (4, 7),
    "world press freedom day": (5, 3), "world refugee day": (6, 20), "world cancer day": (2, 4),
    "holocaust memorial day": (1, 27), "international holocaust remembrance day": (1, 27),
    # "New Year's" alone, before a noun ("a New Year's party", "New Year's fireworks"), is New Year's Day; Scotland's
    # "Hogmanay" is New Year's Eve
    "new year's": (1, 1), "hogmanay": (12, 31),
    # Christmas of the Julian calendar, kept by the Orthodox churches: 7 January from 1901 to 2099; Britain's night of
    # bonfires
    "orthodox christmas": (1, 7), "orthodox christmas day": (1, 7), "orthodox christmas eve": (1, 6),
    "guy fawkes night": (11, 5), "guy fawkes day": (11, 5), "bonfire night": (11, 5),
}
HOLIDAYS |= {name.replace("'", "’"): day for name, day in HOLIDAYS.items() if "'" in name}  # a typographic apostrophe
# Holidays named only with a capital: "the new year's budget" is the coming year, not January 1.
HOLIDAYS_CAPITALISED = ("new year's", "new year’s")
# Another calendar's new year ("Chinese New Year's Eve", "the Lunar New Year's Day") is not January's.
NEW_YEAR = "new year"
OTHER_CALENDAR_BEFORE = re.compile(
    r"\b(?:Chinese|Lunar|Jewish|Persian|Iranian|Islamic|Muslim|Hijri|Vietnamese|Tibetan|Orthodox|Thai|Khmer|Cambodian|"
    r"Sinhala|Sinhalese|Tamil|Hindu|Korean|Mongolian|Lao|Nepali|Bengali|Balinese)\s$")
# A holiday dated by a preposition in a past clause, after a date of an earlier year in the same sentence, is that
# year's ("in 1957 and '58, and threw a one-hitter on the Fourth of July"); not "Christmas commodities" or "Merry
# Christmas", which name no day of the story.
HOLIDAY_NARRATIVE_CHARS = 200
HOLIDAY_PREPOSITION_BEFORE = re.compile(r"\b(?:on|at|over|before|after|until|since|by)\s$", re.I)
# The year said beside a holiday, at the end of its short clause: "on Christmas Eve in 2000", "as many shoppers as
# Black Friday alone did in 2012" (up to three words between, no comma, no word that opens another clause)
HOLIDAY_YEAR_AFTER = re.compile(r"(?:\s(?!(?:and|or|but|as|than|when|while|which|who|that|after|before|since|until)\b)"
                                r"[a-z]+){0,3}\sin\s(?P<y>(?:1[5-9]|20)\d\d)\b(?![\w-])")
# A month-day that names an event of a known year, and what follows it when it does: "since the September 11 attacks"
# said in 2008 is 2001's ("the September 11 terrorist attacks", "the September 11 commission"; issue 16, wiki10).
EVENT_DAYS = {(9, 11): 2001}
EVENT_DAY_AFTER = re.compile(r"(?:,\s2001,?)?\s(?:terrorist\s|terror\s)?(?:attacks?|hijackings?|commission)\b", re.I)
# A month-day naming a happening that has taken place, as the modifier of its noun after "the": "hit by the December 26
# tsunami" said in November is last year's, not the coming December's (issue 16, blind4); a scheduled noun ("the
# March 15 deadline", "the May 5 vote") is left to the tense.
HAPPENING_AFTER_DAY = re.compile(
    r"\s(?:(?:deadly|devastating|massive|terrorist|suicide|bomb|car-bomb|failed)\s)?"
    rf"(?:{UNPLANNED_HAPPENINGS})(?:s|es)?\b")
# The same day written "9/11" (rules: "named_day").
NAMED_DAYS = {"9/11": (2001, 9, 11)}
# Shots made of shots taken, "9/11 from the free-throw line", "5/8 from three": a player's record, no date.
SHOT_RECORD_AFTER = (r"(?!\sfrom\s(?:the\s)?(?:field|floor|free[-\s]throw|foul|line|three|beyond|deep|downtown|"
                     r"(?:penalty\s)?spot)\b)")
# Movable holidays: name -> how its date is computed (timeline.resolve.relative.holiday_date).
MOVABLE_HOLIDAY_RULES = {
    "thanksgiving day": "fourth_thursday_of_november", "thanksgiving": "fourth_thursday_of_november",
    "easter sunday": "easter_sunday", "easter": "easter_sunday", "labor day": "first_monday_of_september",
    "memorial day": "last_monday_of_may", "good friday": "good_friday", "easter monday": "easter_monday",
    "election day": "tuesday_after_first_monday_of_november",
    # days named from these: "on Black Friday" is the day after Thanksgiving, not last Friday
    "black friday": "day_after_thanksgiving", "cyber monday": "monday_after_thanksgiving",
    "ash wednesday": "ash_wednesday", "shrove tuesday": "shrove_tuesday", "palm sunday": "palm_sunday",
    "maundy thursday": "maundy_thursday", "holy thursday": "maundy_thursday", "holy saturday": "holy_saturday",
    "fat tuesday": "shrove_tuesday", "mardi gras": "shrove_tuesday", "pancake day": "shrove_tuesday",
    "ascension day": "ascension", "pentecost": "pentecost", "pentecost sunday": "pentecost", "whitsun": "pentecost",
    "whit sunday": "pentecost", "whit monday": "whit_monday", "pentecost monday": "whit_monday",
    "orthodox easter": "orthodox_easter", "orthodox easter sunday": "orthodox_easter",
    # days a US or British law sets on a weekday of a month (nth_weekday_of_month: month, weekday, nth, -1 the last)
    "martin luther king day": "third_monday_of_january", "martin luther king jr. day": "third_monday_of_january",
    "martin luther king jr day": "third_monday_of_january", "mlk day": "third_monday_of_january",
    "presidents' day": "third_monday_of_february", "presidents day": "third_monday_of_february",
    "president's day": "third_monday_of_february", "columbus day": "second_monday_of_october",
    "mother's day": "second_sunday_of_may", "father's day": "third_sunday_of_june",
    "remembrance sunday": "second_sunday_of_november",
}
MOVABLE_HOLIDAY_RULES |= {name.replace("'", "’"): rule for name, rule in MOVABLE_HOLIDAY_RULES.items() if "'" in name}
# A day set on the nth weekday of a month (-1: the last): rule -> (month, weekday 0=Monday, nth).
NTH_WEEKDAY_RULES = {
    "third_monday_of_january": (1, 0, 3), "third_monday_of_february": (2, 0, 3),
    "second_monday_of_october": (10, 0, 2), "second_sunday_of_may": (5, 6, 2), "third_sunday_of_june": (6, 6, 3),
    "second_sunday_of_november": (11, 6, 2), "first_monday_of_september": (9, 0, 1), "last_monday_of_may": (5, 0, -1),
}
# Days after (or before) Thanksgiving and Easter Sunday of the named days above.
THANKSGIVING_SHIFTS = {"day_after_thanksgiving": 1, "monday_after_thanksgiving": 4}
EASTER_SHIFTS = {"good_friday": -2, "easter_monday": 1, "ash_wednesday": -46, "shrove_tuesday": -47,
                 "palm_sunday": -7, "maundy_thursday": -3, "holy_saturday": -1, "ascension": 39, "pentecost": 49,
                 "whit_monday": 50}
# Easter of the Julian calendar, kept by the Orthodox churches (dateutil.easter's method).
ORTHODOX_EASTER_RULES = ("orthodox_easter",)
# A weekday after one of these words is part of a day's name whose date varies by year or is history ("Super Tuesday"
# primaries, "Bloody Sunday" of 1972, the "Black Monday" crash of 1987, "Small Business Saturday"): not the weekday
# nearest the article.
WEEKDAY_NAME_WORDS_BEFORE = re.compile(r"\b(?-i:Black|Bloody|Super|Mega|Cyber|Giving|Holy|Fat|Mad|Business)\s$")
MOVABLE_HOLIDAYS = tuple(MOVABLE_HOLIDAY_RULES)


def _spellings(*names: str) -> tuple[str, ...]:
    """A transliterated name as news writes it: "eid al-fitr", "eid al fitr", "eid-al-fitr"."""
    return tuple({spelling for name in names
                  for spelling in (name, name.replace("-", " "), name.replace(" ", "-", 1) if "-" in name else name)})


# Holidays of lunar and lunisolar calendars: name -> (calendar, holiday), their days computed by
# timeline.resolve.other_calendars (its CALENDARS: islamic_lunar, hebrew_lunisolar, ...). A festival
# of several days is its first day, as "Easter week" is Easter's week and "Christmas" its day (tests/golden/README.md).
_OTHER_CALENDAR_NAMES = {
    ("islamic_lunar", "ramadan_beginning"): _spellings("ramadan", "ramazan", "ramadhan"),
    ("islamic_lunar", "eid_al_fitr"): _spellings(
        "eid al-fitr", "eid ul-fitr", "eid el-fitr", "id al-fitr", "id ul-fitr", "eid al-fitri", "aid el-fitr",
        "idul fitri", "idul fitr", "hari raya puasa", "hari raya aidilfitri", "hari raya", "lebaran", "ramazan bayrami",
        "ramadan bayram", "seker bayrami", "the feast of breaking the fast"),
    ("islamic_lunar", "eid_al_adha"): _spellings(
        "eid al-adha", "eid ul-adha", "eid el-adha", "id al-adha", "id ul-adha", "eid al-adhaa", "eid al-azha",
        "eid ul-azha", "eid al-kabir", "eid el-kebir", "aid el-kebir", "aid al-adha", "idul adha", "hari raya haji",
        "kurban bayrami", "kurban bayram", "qurban bayram", "bakrid", "bakri eid", "the feast of the sacrifice",
        "the feast of sacrifice"),
    ("islamic_lunar", "hijri_new_year"): ("islamic new year", "hijri new year", "muslim new year"),
    ("islamic_lunar", "ashura"): ("ashura", "ashoura", "ashura day"),
    ("islamic_lunar", "mawlid"): _spellings("mawlid", "mawlid al-nabi", "mawlid an-nabi", "milad un-nabi", "maulid"),
    ("hebrew_lunisolar", "passover"): ("passover", "pesach"),
    ("hebrew_lunisolar", "rosh_hashanah"): ("rosh hashanah", "rosh hashana", "rosh hashonah", "jewish new year"),
    ("hebrew_lunisolar", "yom_kippur"): ("yom kippur",),
    ("hebrew_lunisolar", "hanukkah"): ("hanukkah", "hanukah", "chanukah", "chanukkah"),
    ("hebrew_lunisolar", "sukkot"): ("sukkot", "succot", "sukkoth"),
    ("hebrew_lunisolar", "purim"): ("purim",),
    ("hebrew_lunisolar", "shavuot"): ("shavuot", "shavuoth"),
    ("chinese_lunisolar", "lunar_new_year"): ("lunar new year", "chinese new year", "lunar new year's day",
                                    "chinese new year's day", "the spring festival", "spring festival"),
    ("chinese_lunisolar", "mid_autumn"): ("mid-autumn festival", "the mid-autumn festival", "moon festival"),
    ("chinese_lunisolar", "dragon_boat"): ("dragon boat festival", "the dragon boat festival"),
    ("korean_lunisolar", "lunar_new_year"): ("seollal", "korean new year"),
    ("vietnamese_lunisolar", "lunar_new_year"): ("tet", "vietnamese new year"),
    ("hindu_lunisolar", "diwali_india"): ("diwali", "deepavali", "divali"),
    ("hindu_lunisolar", "holi"): ("holi",),
    ("persian_solar", "new_year"): ("nowruz", "norooz", "nowrooz", "noruz", "navruz", "nauryz", "persian new year",
                              "iranian new year"),
}
CALENDAR_HOLIDAYS = {name: rule for rule, names in _OTHER_CALENDAR_NAMES.items() for name in names}
# ... and the eve of some: the day before ("Chinese New Year's Eve")
CALENDAR_HOLIDAY_EVES = {"chinese new year's eve": ("chinese_lunisolar", "lunar_new_year"),
                         "lunar new year's eve": ("chinese_lunisolar", "lunar_new_year"), "erev yom kippur": ("hebrew_lunisolar", "yom_kippur")}
CALENDAR_HOLIDAYS |= CALENDAR_HOLIDAY_EVES
CALENDAR_HOLIDAYS |= {name.replace("'", "’"): rule for name, rule in CALENDAR_HOLIDAYS.items() if "'" in name}
# Names written only with a capital ("holi", "tet" are other words in lower case, "hari raya" a Malay phrase).
CALENDAR_HOLIDAYS_CAPITALISED = ("tet", "holi", "hari raya")
# A month-long festival: its name is the Gregorian month that holds its middle day (TIMEX3 values are Gregorian; the
# month of Ramadan 2005, 4 October to 2 November, is 2005-10); its first day is "the first day/start of" it, its last
# day the one before the holiday that ends it ("the end of Ramadan" is the day before Eid al-Fitr).
MONTH_LONG_HOLIDAYS = {("islamic_lunar", "ramadan_beginning"): ("islamic_lunar", "eid_al_fitr")}
MONTH_LONG_MIDDLE_DAY = 14
# A calendar whose months begin when the new moon is sighted: a country may keep a holiday up to SIGHTING_DAYS after
# (rarely before) the computed day, so a past clause said that close before it may tell of this year's.
SIGHTED_CALENDARS = ("islamic_lunar",)
SIGHTING_DAYS = 2
# ... and the article's own weekday wins over the computed day: "for Eid al-Adha, the Feast of the Sacrifice, on
# Saturday" (30 December 2006; Umm al-Qura: Sunday the 31st) is that Saturday, when it lies a day from the computed one
SIGHTED_WEEKDAY_AFTER = re.compile(r"[^.;!?]{0,50}?\bon\s(?-i:(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|"
                                   r"Saturday|Sunday))\b")
SIGHTED_WEEKDAY_DAYS = 1
# "the holy month of Ramadan", "the Muslim fasting month of Ramadan": the month's name in the span
MONTH_OF_BEFORE = r"(?:the\s)?(?:(?:Muslim|Moslem|Islamic|holy|fasting|sacred|fast)\s){0,3}month\sof\s"
OTHER_CALENDAR_HOLIDAYS = tuple(CALENDAR_HOLIDAYS)
# Words one of which each of those names holds (the rule's required words: few, so that a text is scanned for few)
OTHER_CALENDAR_HOLIDAY_WORDS = (
    "ramad", "ramaz", "eid", "id al", "id ul", "id el", "id-al", "id-ul", "id-el", "idul", "aid el", "aid-el",
    "aid al", "aid-al", "hari raya", "lebaran", "bayram",
    "bakri", "feast of", "new year", "ashur", "ashour", "mawlid", "milad", "maulid", "passover", "pesach", "rosh hash",
    "kippur", "hanuk", "chanuk", "sukko", "succot", "purim", "shavuot", "spring festival", "autumn festival",
    "dragon boat", "moon festival", "seollal", "tet", "diwali", "deepavali", "divali", "holi", "nowruz", "norooz",
    "nowrooz", "noruz", "navruz", "nauryz")
# A holiday's name that is also a surname ("Taha Yassin Ramadan", "coach Salman Ramadan", "By Saud Abu Ramadan"): in a
# text that names such a person (a capitalised first name, not opening a sentence nor a religion's adjective, before
# it), the name is the person's everywhere ("Aside from Saddam and Ramadan, the defendants ...").
# A festival named as a custom, one of a kind of days ("Traditional Chinese festivals like the Spring Festival and
# Mid-Autumn Festival", "flights on major festivals, including the Spring Festival", "western festivals like the
# Valentine's Day and Christmas"): no one day (te3-silver-blind7's README: a holiday is one dated occurrence)
HOLIDAY_CUSTOM_CHARS = 80
HOLIDAY_CUSTOM_BEFORE = re.compile(r"\b(?:festivals,?\s(?:like|such\sas|including)|(?:holidays|feasts|occasions)\s"
                                   r"(?:like|such\sas))\s[^.;:!?]*$", re.I)
SURNAME_HOLIDAYS = ("ramadan", "ramazan", "ramadhan")
SURNAME_BEFORE = r"(?<=[a-z,]\s)(?!(?:Muslim|Moslem|Islamic|Holy|Last|Next|This|Jewish|Arab|Blessed)\s)[A-Z][a-z]+\s"

# Quarter ordinals beyond ORDINALS ("the final quarter", "1st quarter").
RELATIVE_ORDINAL = "last"  # "the last century" is no ordinal century
QUARTER_ORDINALS = {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "final": 4, "last": 4}
# Modifiers -> TIMEX3 MOD.
MODS = {"early": "START", "late": "END", "mid": "MID", "the beginning of": "START", "the start of": "START",
        "the end of": "END", "the middle of": "MID", "earlier": "START", "later": "END",
        "end of": "END", "start of": "START", "beginning of": "START", "middle of": "MID"}
# A hedge at the start of a timex or just before it gives the TIMEX3 mod (TimeML 1.2.1 / TIDES 2005; TBAQ dev: "more
# than four hours" MORE_THAN, "at least 30 days" EQUAL_OR_MORE, "no more than sixty days" EQUAL_OR_LESS, "almost two
# years ago" LESS_THAN, "about two years ago", "around Nov. 1" APPROX, "1994 or later" ON_OR_AFTER). The span rules
# decide what is inside; "about" stays outside a duration (TBAQ) but still makes it APPROX.
HEDGE_MODS = {"more than": "MORE_THAN", "less than": "LESS_THAN", "fewer than": "LESS_THAN",
              "at least": "EQUAL_OR_MORE", "no more than": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
              "almost": "LESS_THAN", "nearly": "LESS_THAN",
              "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX"}
_HEDGE = "(?P<hedge>" + "|".join(sorted(HEDGE_MODS, key=len, reverse=True)).replace(" ", r"\s") + ")"  # longest first
HEDGE_BEFORE = re.compile(r"\b" + _HEDGE + r"\s$", re.I)
HEDGE_START = re.compile(r"(?:the\s)?" + _HEDGE + r"\s", re.I)
TAIL_MODS = {"or so": "APPROX", "or later": "ON_OR_AFTER", "and beyond": "ON_OR_AFTER", "or earlier": "ON_OR_BEFORE",
             "or more": "EQUAL_OR_MORE", "or longer": "EQUAL_OR_MORE", "or less": "EQUAL_OR_LESS"}
HEDGE_END = re.compile(r"\s(?P<tail>or\sso|or\slater|and\sbeyond|or\searlier|or\smore|or\slonger|or\sless)$", re.I)
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                "eighties": 8, "nineties": 9}
# Spoken years (resolve.context.year_number): "nineteen ninety-four"; "two thousand and one".
SPOKEN_NINETEEN = "nineteen"
SPOKEN_YEAR_FILLERS = ("and",)
# dateparser's language codes for explicit dates.
DATEPARSER_LANGUAGES = ("en",)
# The first clock time of a range ("from 7pm to", "between 9 pm and", "from 22:00 until"): a second time earlier in
# the day than it falls on the next day.
CLOCK_RANGE_START_BEFORE = re.compile(
    r"\b(?:[Ff]rom|[Bb]etween)\s(?P<h>[01]?\d|2[0-3])(?:[:.](?P<min>[0-5]\d))?\s?(?P<ampm>[aApP]\.?[mM]\b\.?)?"
    r"(?:\s(?:local\stime|GMT|UTC|[A-Z]{2,4}T))?\s(?:to|until|till|and)\s$"
)
# The order a page writes its dates in, which decides an ambiguous "02/01/2013" (issue 16): British, Irish, Indian,
# Australian and Hong Kong pages write "5 March" and "25/03/2013", American ones "March 5" and "03/25/2013".
_MONTH_CAPITALISED = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                      r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b")
_DAY_NUMBER = r"(?:[12]\d|3[01]|0?[1-9])"
DAY_FIRST_DATES = re.compile(r"(?<![\d/.])" + _DAY_NUMBER + r"(?:st|nd|rd|th)?\s(?:of\s)?" + _MONTH_CAPITALISED
                             + r"|(?<![\d/.])(?:1[3-9]|2\d|3[01])/(?:0?[1-9]|1[0-2])/\d{2,4}(?![\d/])")
MONTH_FIRST_DATES = re.compile(_MONTH_CAPITALISED + r"\.?\s" + _DAY_NUMBER + r"(?:st|nd|rd|th)?(?![\d:.]\d|\d)"
                               + r"|(?<![\d/.])(?:0?[1-9]|1[0-2])/(?:1[3-9]|2\d|3[01])/\d{2,4}(?![\d/])")

# --- numbers and years -----------------------------------------------------------------------------
# Words before a 4-digit number that make it a count or a name, not a year ("Windows 2000": a product's version, wiki30).
NOT_YEAR_BEFORE = frozenset(
    "flight no no. number route highway room page boeing airbus model version windows section article rule "
    "code item channel chapter exit apartment suite pin resolution resolutions decree bus platform gate "
    "about nearly approximately than some over under around almost least to above below".split()
)
# ... unless the number ends the clause ("by about 2010."); "closed above 1600 for the first time" is an index level.
NOT_YEAR_BEFORE_SOFT = frozenset("about nearly approximately than some over under around almost least to above below".split())
COUNT_NOUNS = (
    "people|persons|men|women|children|troops|soldiers|workers|police|residents|refugees|civilians|"
    "students|voters|members|jobs|homes|houses|cars|vehicles|tons|tonnes|barrels|shares|dollars|euros|"
    "pounds|yuan|yen|miles|kilometers|kilometres|meters|metres|feet|acres|votes|seats|cases|deaths|"
    "percent|per\\s?cent|points|units|copies|rockets|missiles|planes|ships|"
    "grams|kilograms|kg|km|kilometres|kilometers|litres|liters|calories|pages|words|metres|meters|euros|"
    "hectares|patients|delegates|employees|jobs|companies|firms|households|users|customers|visitors|fans|"
    "hours|minutes|seconds|days|weeks|months|years|times|GMT|UTC|"  # "(1500 GMT)" is a clock time
    "million|billion|trillion|"  # "(1721 million US dollars)" is an amount
    "runs|wickets|yards|rebounds|assists"  # "he scored 1999 runs": a tally
)
COUNT_NOUN_AFTER = re.compile(r"\s(?:more\s|other\s|new\s)?(?:" + COUNT_NOUNS + r")\b|\s?%|\sof\s(?:the|them|us|those)\b")
# A house number: a capitalised street name and a street word after it ("at 1945 Market Street", "2001 Pennsylvania
# Avenue", "1600 N. Elm St."), or a police log's "the 1900 block of Main Street"; a year only after a preposition of
# time ("In 1999 Main Street was repaved", YEAR_BEFORE_ADDRESS)
ADDRESS_AFTER = re.compile(
    r"\s(?:(?-i:(?:[A-Z][\w'.-]*|\d+(?:st|nd|rd|th))\s){1,3}(?-i:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|"
    r"Lane|Drive|Dr\.|Place|Way|Court|Terrace|Crescent|Parkway|Plaza)(?!\w)|block\sof\b)")
YEAR_BEFORE_ADDRESS = frozenset("in since until till by before after during from through".split())
# "at 1730 local time", "2100 hrs": a clock time, not a year.
CLOCK_AFTER = re.compile(r"\s?(?:local(?:\stime\b|\s?\()|hrs\b|h\b)")
# "Watford v Arsenal (1730)": a number alone in parentheses after a fixture is its kick-off time.
FIXTURE_BEFORE = re.compile(r"\s(?:v|vs\.?)\s[^()\n]{2,60}\($")
# "in three decades" after "the first time", "the highest", "the first pope to do so": the span up to now, not a
# date ahead; so after "the first direct talks", "their first official visit" (two words may qualify the noun).
_ORDINAL_WORDS = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"
SPAN_TO_NOW_BEFORE = re.compile(
    r"\b(?:(?:first|only)\s(?:[\w-]+\s){1,2}to\s(?:[\w'-]+\s){1,6}|"  # "the first American president to visit Cuba in"
    r"(?:first|only)\s(?:[\w-]+\s){0,2}(?:time|visit|trip|meeting|talks|summit|election|elections|win|victory|title|defeat|"
    r"increase|rise|fall|drop|decline|gain|cut|case|attack|execution|test|appearance|contact)s?\s(?:[\w-]+\s){0,8}|"
    r"(?:second|third|last)\stime\s(?:[\w-]+\s){0,2}|"
    r"(?:highest|lowest|worst|best|biggest|largest|strongest|weakest|fastest|slowest|deadliest|hottest|coldest|"
    r"wettest|driest)\s(?:level|point|rate|pace|figure|reading|close|mark|total|margin|score|result|showing|quarter|"
    r"month|year|week|day)\s(?:[\w-]+\s){0,2}|"
    # an ordinal counting within the span, in a future clause too, after a copula or as an aside: alone ("the new
    # proposals -- the third in two weeks -- will be put", "will be the second in a month") or with its noun ("will be
    # the second cut in two months"); not after another verb ("will pay the second (instalment) in two years": a date
    # ahead). te3-silver has 35 ordinals a word at most before "in N units", all spans to now. The noun may take an
    # "of" phrase ("..., the first resignation of a pope in almost 600 years" after a future clause: wiki30)
    r"(?:(?<=--\s)|(?<=[,;—–]\s)|(?<=\()|(?:is|are|was|were|be|been)\s)(?:the|its|his|her|their|our)\s" + _ORDINAL_WORDS +
    r"\s(?:[\w-]+\s(?:of\s(?:[\w'-]+\s){1,3})?)?)in\s$", re.I)
# "his first century of the series", "Hayden's fifth century in eight Tests": a hundred runs in cricket, not a
# century of the calendar: an ordinal century after a possessive, standing alone (not "her 18th-century house").
SPORT_CENTURY_BEFORE = re.compile(r"\b(?:his|her|their|\w+'s?)\s$", re.I)
# "Ponting hit a half-century", "smashed a century", "a century stand": a hundred (fifty) runs, not a span of 100
# (50) years; after a verb of scoring, or before a partnership's noun (not "for a half-century", a span)
RUNS_CENTURY_BEFORE = re.compile(
    r"\b(?:hit|hits|hitting|scored|scores|scoring|struck|strikes|striking|smashed|smashes|made|makes|reached|"
    r"reaches|raised|notched|completed|completes|brought\sup|compiled|posted|cracked|slammed|registered)\s$", re.I)
RUNS_CENTURY_AFTER = re.compile(r"[\s-](?:stands?|partnerships?|off\s\d+\sballs)\b", re.I)
NOUN_ALONE_AFTER = re.compile(r"\s?(?:[,.;:)]|$|\s(?:of|in|for|against|at|off|from|with|since|and|to|on|until|next|this|last)\b)")
# A year before a BC year in a range is BC too: "1200-1000 BC", "between 1200 and 1000 BC".
BC_RANGE_AFTER = re.compile(r"\s?(?:[-–]|to|and|until)\s?\d{1,4}\s?(?:BCE?|B\.C\.?(?:E\.?)?)(?!\w)")
# A plural noun, an amount of money or a count right before "a week" makes it a rate, not a span; not a verb in -s
# ("it was nearly a decade before", "the trip takes a week", "the show lasts an hour"). Plurals without an -s count
# ("served 1,200 children a year", "4,000 people a day"), and so does a hyphenated rate ("its $85 billion-a-month
# pace", "a $5-a-day habit"). So do a sum's bracketed conversion ("30 billion dollars (3.8 billion US) a year",
# "8,000 Singapore dollars (5,714 US) a month") and one unit of money ("living on 1 US dollar a day", "a dollar a day"),
# and a count of one of a thing ("living on one meal a day", "one flight a week": a count, as "two meals a day"; not
# time spent, "one day a week").
# Nor is a verb that places an event in time ("The move comes less than a year after ...", "follows a week of talks",
# as "came" does; TBAQ dev's one, "This move comes barely a month after", is a span).
RATE_BEFORE = re.compile(r"(?:\b(?!(?:was|has|is|does|takes|lasts|needs|gets|remains|seems|spends|marks|comes|follows"
                         r"|arrives|happens|occurs)\s)\w+[^s\W]s|\d|"
                         r"\b(?:million|billion|percent|per\scent|times|once|twice|cents|dollars|people|children|men|women)|"
                         r"\(\d[\d.,]*(?:\s[\w$]+){0,3}\)|(?:\d|\b(?i:a|one))\s(?:US\s)?(?:dollar|euro|pound|yuan|yen|rupee|peso)|"
                         r"\b(?i:one)\s(?!(?:minute|hour|day|night|morning|evening|week|month|year)\b)[a-z]+"
                         r")(?:\s|(?<=\w)-)$")

# ... but a span counted from what someone did is no rate, though an amount comes before it: "after"/"before" and a
# verb in -ing ("advanced to 2,457.20 a day after closing at its highest", "died at 91 a week after suffering a
# stroke"); before a noun it may still be a rate ("2,000 people a day before the holiday", "$500 a day before tax")
SPAN_FROM_EVENT_AFTER = re.compile(r"\s(?:after|before)\s(?-i:[a-z]+ing)\b", re.I)

# --- names that are not dates ----------------------------------------------------------------------
# A capitalised "Today" after a capitalised word is a name ("USA Today"), unless a sentence or one of these starts there.
NOT_A_NAME_BEFORE = re.compile(r"(?:^|[.!?:]\s*|\b(?:On|Last|Next|This|By|Until|Since)\s)$")
# A pronoun, article or preposition after it starts the next sentence of an unpunctuated page line ("will crest at St.
# Louis Saturday Up to 5 inches of rain fell", "elected on the fifth ballot Wednesday evening He is"): no name goes on so.
# Nor does a name run over a line break: a page line (a headline, a subhead) may end on a date, and the next line is
# another piece of the page ("... to close the school in June\nThe board voted", "... starting Friday\nArticle by:").
NAME_AFTER = re.compile(r"[^\S\n](?!(?:He|She|It|They|We|The|A|An|His|Her|Its|Their|Up|In|On|At)\s)(?:[A-Z][a-z]|school\b)")
# A service held on the day is no name: "celebrated Easter Sunday Mass", "the Christmas Eve Vigil" are days.
DAY_SERVICE_AFTER = re.compile(r"\s(?:Mass|Masses|Vigil|Liturgy)\b")
# So is a holiday's parade, held on the day: "London's New Year's Day Parade", "the Thanksgiving Day Parade".
HOLIDAY_EVENT_AFTER = re.compile(r"\s(?:Parade|Parades|Procession)\b")
# a holiday before a thing named for it ("Christmas trees", "Christmas commodities", "Easter eggs", "Valentine's Day
# cards"): a kind of thing, no day (as "overnight trains"); events stay dated ("a Christmas concert", "the New Year's
# fireworks")
HOLIDAY_THING_AFTER = re.compile(
    r"\s(?:trees?|cards|carols?|songs|music|decorations?|lights|ornaments?|gifts?|presents|commodities|goods|"
    r"creches?|cribs?|cookies|puddings?|cakes?|stockings?|eggs?|costumes?|wreaths?|hampers?|crackers|candy|sweets)\b",
    re.I)
DATE_WORD_AFTER = re.compile(r"\s(?:[A-Z][a-z]+\.?\s\d|(?:Morning|Afternoon|Evening|Night)\b(?!\s[A-Z]))")
# "his Sunday Mass", "said on Tuesday Mike Cox ...": a day even before a capitalised word
DAY_DETERMINER_BEFORE = re.compile(r"\b(?:his|her|their|its|our|my|your|on)\s$", re.I)
# "the daily said", "the Communist Party daily Granma", "the weekly Welt am Sonntag", "an Arabic-language daily
# newspaper": a set adverb used as the noun for a newspaper, not a recurrence. Right after an article any end of the
# noun phrase will do ("quoted by the daily."); after a name or a longer phrase ("the independent Alwan daily") a
# newspaper word, a name or a reporting verb must follow ("runs the figures weekly." stays a recurrence).
PUBLICATION_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an)\s$", re.I)
PUBLICATION_PHRASE_BEFORE = re.compile(r"(?:\b(?i:the|a|an|its|another)\s(?:[\w'-]+\s){0,4}|[A-Z][\w'-]*\s)$")
PUBLICATION_NOUN_AFTER = re.compile(
    r"\s(?:newspapers?|papers?|magazines?|tabloids?|journals?|editions?|reported|reports|said|says|quoted|wrote|"
    r"writes|added|claimed|carried|published|cited|noted|commented|stated|revealed|quoting|citing|reporting)\b"
    r"|\s(?-i:[A-Z](?:[a-z]|'[A-Z]|-[A-Z]))")  # "Granma", "L'Espresso", "Al-Ahram"
# "the respected Vedomosti business daily in Moscow", "told the tabloid daily.", "the national daily on Monday": a word
# that sorts the press (its field, reach, owner or politics) right before the adverb makes it the newspaper's noun
# whatever ends the phrase: punctuation, a preposition, a reporting verb; "the local daily market" stays a recurrence.
PRESS_WORD_BEFORE = re.compile(
    r"\b(?:business|financial|economic|tabloid|national|local|regional|provincial|government|official|state-run|"
    r"state-owned|liberal|conservative|independent|opposition|mass-circulation|[a-z]+-language|popular|leading|"
    r"influential|Communist|party|news)\s$", re.I)
PRESS_PHRASE_END_AFTER = re.compile(r"\s(?:in|on|at|of|from|here|there|and|as)\b")
# "a monthly Employment and Unemployment Survey", "the weekly Cabinet meeting": a capitalised name that ends in a
# recurring event is no newspaper's; the adverb is its recurrence.
RECURRING_EVENT_AFTER = re.compile(
    r"\s(?:[A-Z][\w'&-]*\s(?:(?:and|of|for|on|&)\s)?){1,6}(?i:surveys?|meetings?|conferences?|sessions?|summits?|"
    r"briefings?|polls?|census|forums?|prayers|auctions?|index)\b")
# "the People's Daily", "China Daily", "Lloyd's List Weekly": a capitalised adverb after a capitalised word (not one
# that opens a sentence) ends a newspaper's name.
NAME_WORD_BEFORE = re.compile(r"(?<![.!?:\n]\s)(?<!^)\b(?-i:[A-Z][\w'’&.-]*)\s$")
# "the Haaretz daily attributed the decision to", "the Yediot Aharonot daily found that", "the Izvestia daily pointed
# out": an article, a name and the adverb, then a past verb (an "-ed" form or an irregular past tense cue) or the end of
# the phrase ("published by the Maariv daily, found"), is the newspaper; "the daily confirmed cases" (no name),
# "Doctors in Gaza daily treated" (no article before the name) and "the Bank of Japan daily injected" (a name with a
# lowercase word in it) stay recurrences.
ARTICLE_AND_NAME_BEFORE = re.compile(r"\b(?i:the|a|an)\s(?:(?-i:[A-Z][\w'’&.-]*)\s){1,4}$")
NAMED_PAPER_PAST_VERB_AFTER = re.compile(r"\s(?:[a-z]{2,}ed|(?P<irregular>[a-z]+))\b")
# What follows a paper's past verb ("the daily warned.", "the daily quoted Jahir", "the daily wrote that"), not a noun
# an "-ed" adjective would qualify ("the daily reported cases", "the daily required dose")
PAPER_VERB_THEN = re.compile(r"\s?[,.;:)\"'”]|\s(?:(?:that|the|a|an|its|his|her|their|on|in|of|to|about|against)\b|"
                             r"(?-i:[A-Z]))", re.I)
PHRASE_END_AFTER = re.compile(r"\s?(?:[,.;:)]|'s\b)|\s(?:that|which|who)\b")
# "in the future", "a thing of the past": "the future" and "the past" name a time after a preposition of time; "the
# future of the territory", "the future government" and "pertaining to the future Administrative Region" are a fate
# and adjectives.
REFERENCE_NEEDS_PREPOSITION = ("the future", "the near future", "the distant future", "the past")
REFERENCE_PREPOSITION_BEFORE = re.compile(r"\b(?:in|into|for|until|till|from|to|toward|towards)\s$", re.I)
# ... and as the object that ends its clause: "let us forget the past", "they must bury the past and move on"; not after
# "of" ("a thing of the past", "a vision of the future": a noun's complement).
REFERENCE_CLAUSE_END_AFTER = re.compile(r"\s?(?:[,.;:!?)\"”]|$)|\s(?:and|or|but|behind)\b")
OF_BEFORE = re.compile(r"\bof\s$", re.I)
OF_PHRASE_AFTER = re.compile(r"\s(?:of\b|(?-i:[A-Z][a-z]))")  # "the future of ...", "the future Special Region"
# British "in future" is an adverb, "from now on" ("will in future check every load", "closer ties with Europe in future,
# it adds", "in future at the risk of ..."): "future" is a time only so, not as the adjective of "in future talks",
# "confidence in future demand". The adverb ends a phrase, or a word that starts none with a noun follows it, or it
# stands between an auxiliary and its verb.
REFERENCE_AS_ADVERB = ("future",)
# "at present" is "now" ("the bank is at present the biggest", "At present, ..."): "present" is a time only so, not in
# "present the plan", "the present government", nor as the adjective of "at present levels".
REFERENCE_AFTER_AT = ("present",)
# "as recently as July", "as recently as last year": a comparison with the date said after it, which is the timex;
# "recently" is no past of its own there (and the month after it is a past one, as after "since")
AS_RECENTLY_AS = re.compile(r"(?i)as\s+recently\s+as\s")
AS_RECENTLY_AS_REACH = 3  # "as " before "recently"
# "Islam will one day be the second largest religion", "children who could one day ride": "one day" after a modal is
# some day ahead (TBAQ dev FUTURE_REF, 1 of 1), not a duration ("in the job one day", "followed by one day": P1D)
REFERENCE_AFTER_MODAL = ("one day",)
MODALS = ("will", "would", "could", "might", "may", "can", "shall", "should", "'ll")
# "hopes one day to visit the Holy Land", "a dream that one day ...", "dreams of one day playing": "one day" right after
# a word of hoping is some day ahead too, FUTURE_REF (the fourth blind set's "I have a dream that one day"), not P1D
HOPE_WORDS = ("hope", "hopes", "hoped", "hoping", "dream", "dreams", "dreamed", "dreamt", "dreaming", "wish", "wishes",
              "wished", "wishing")
# "in the years ahead", "the months ahead" are the future, as "the coming years" and "coming months" (TBAQ dev: FUTURE_REF);
# "the months ahead of the vote" are a span before it: a vague duration (unit -> TIMEX3 unit name)
REFERENCE_AHEAD = {"the years ahead": "year", "the months ahead": "month"}
AHEAD_OF_AFTER = re.compile(r"\s+of\b", re.I)
AT_BEFORE = re.compile(r"\bat\s$", re.I)
AT_PRESENT_ADJECTIVE_AFTER = re.compile(r"\s(?:levels?|rates?|prices?|values?|trends?|speeds?|capacity|strength)\b", re.I)
# "since year-end": the end of the year before ("since year-end" in a market report of November; TBAQ dev gold)
SINCE_BEFORE = re.compile(r"\bsince\s$", re.I)
ADVERB_IN_BEFORE = re.compile(r"\bin\s$", re.I)
AUXILIARY_IN_BEFORE = re.compile(r"\b(?:will|would|shall|should|must|can|could|may|might|to)\sin\s$", re.I)
ADVERB_END_AFTER = re.compile(
    r"\s?(?:[,.;:!?)\"”]|$)|\s(?:at|to|for|with|and|but|or|as|than|if|when|so|by|on|in|from|because|unless|without|"
    r"the|a|an|this|these|those|we|they|he|she|it|I|you|there|is|are|was|were|will|would|should|could|can|may|must|"
    r"be|not|too|also)\b", re.I)
PUBLICATION_AFTER = re.compile(r"\s(?:Times|Telegraph|Mail|Express|Post|Herald|Tribune|Mirror|Star|News|Journal|"
                               r"Independent|Observer|Sport|People|Edition|Magazine)\b")
# "Player of the Year": the noun before "of the year" (looked up in TITLE_NOUNS).
TITLE_BEFORE = re.compile(r"(\w+)\sof\s$")
# "the day before returning home": a clause follows, the day itself is not said.
CLAUSE_AFTER = re.compile(r"\s(?:\w+ing|he|she|they|it|we|I|you|authorities|police|officials)\b")
# "For the nine months, ... a year earlier": a span of months reported in the sentence; a half year ("first-half
# profit", "for the half"), not a fraction ("fewer than half of the students").
MONTHS_PERIOD = re.compile(r"\bmonths\b|\b(?:first|second)[\s-]half\b|\bhalf[\s-]year|\bthe\shalf\b(?!\sof\b)", re.I)

# --- the dateline grammar (documents.py): a full date at the top of an article -------------------
DATELINE_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
DATELINE_WEEKDAY = r"(?:Mon|Tues|Tue|Wednes|Wed|Thurs|Thur|Thu|Fri|Satur|Sat|Sun)(?:day)?\.?"
# "Published:", "Last updated on", "By Jane Doe": the labels and byline around a dateline.
DATELINE_LABELS = r"(?:(?:first\s+|originally\s+)?published|(?:last\s+)?updated|last\s+modified|posted|dated?)"
# A label of a later date than the publication's ("Last updated on ..."): a dateline of another label comes first.
DATELINE_LATER_LABELS = ("updated", "modified")
DATELINE_LABEL_LINK = r"(?:on|at)"
DATELINE_BY = "by"

# --- a wire story's title line (documents.py): what the service writes there beside the headline -------------
# A priority flag before the headline, at times glued to it ("URGENTChina quake kills three").
WIRE_FLAG = re.compile(r"^(?:URGENT|FLASH|BULLETIN|ALERT)(?=\s|[A-Z][a-z])\s*")
# An editor's note or the writer's name alone in place of a headline: "ATTENTION - ADDS quotes ///", "= (PICTURES) =",
# "By Huang Xingwei".
WIRE_NOTE = re.compile(r"^ATTENTION\b|///|^=\s*\(PICTURES?\)\s*=$|^By\s+[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){1,2}$")
# A media note or the writer's name after the headline: "... begin in Cambodia (picture)", "... by Miwa Suzuki".
WIRE_ASIDE = re.compile(r"\s*\((?i:pictures?|photos?|graphics?|video|new series)\)|\s+by\s+[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){1,2}$")
# A wire's routing flags around a story's title, in any case, an ordinal or a number beside them: "2nd Ld-Writethru:
# ...", "Urgent: ...", "UPDATE-2: ...", "(Recast) ...", "... (updated 3)". They say which version of the story this is,
# for the service's editors: the name a reader is shown leaves them out (documents.shown_title); the title stored
# keeps them. A label of the piece's kind stays ("Interview:", "Backgrounder:", "Profile:", "Day 5 roundup:"): it
# tells the reader what the piece is.
WIRE_ROUTING_FLAGS = ("urgent", "flash", "bulletin", "alert", "update", "updated", "corrected", "correction",
                      "refile", "refiled", "recast", "writethru", "roundup", "lead", "ld", "repeat", "rpt")

# --- a story without a title (documents.lead_title): a reader's name made of its lead's opening clause -------------
# A wire's place and agency before the lead: "WASHINGTON (AP) -- ", "BEIJING, Nov. 7 (Xinhua) -- ".
LEAD_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{1,40}(?:,\s+[A-Z][\w .]{0,20})?\s*(?:\([\w .]{1,30}\))?(?:\s*(?:-{2,3}|—|–)\s*|\s+-\s+)")
# Who said it, at the lead's end (a headline says what happened, not who told it): ", European Union experts said on
# Thursday", ", the Olympic Council of Asia announced Monday", ", said a former head of the department".
_LEAD_SAYING = (r"(?:said|says|announced|reported|told\s+[\w-]+|added|stated|confirmed|declared|insisted|noted|"
                r"wrote|quoted)")
# After the verb only when and where it was said ("on Thursday", "in a statement", "here"), never what was said
# (", the coach said he would not resign" stays).
_LEAD_SAID_WHEN = (r"(?:\s+(?:(?:on|in|at|during|from|late|early)(?:\s+[\w'’.-]+){1,5}|"
                   r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|here|today|yesterday|tonight))*")
LEAD_ATTRIBUTION = re.compile(rf",\s+(?!(?:and|but|which|who|that|while|as)\s)(?:(?:[\w'’.-]+\s+){{0,12}}?"
                              rf"{_LEAD_SAYING}{_LEAD_SAID_WHEN}|{_LEAD_SAYING}\s+[^,]{{1,80}})\s*$")
# The weekday a wire lead dates its news by ("said Thursday", "on Wednesday", "late Sunday afternoon"): the reader has
# the article's date; a headline leaves it out. Not a weekday's possessive ("Tuesday's vote").
LEAD_WEEKDAY = re.compile(r"(?:\s+(?:on|late|early))?\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?!['’]s)"
                          r"(?:\s+(?:morning|afternoon|evening|night))?(?=[\s,.;:!?]|$)")
# Where a long lead's opening clause may end: before a clause of time, cause or concession, a non-restrictive relative
# clause, a participle of saying, a dash, a semicolon or a colon ("Ukraine declared a state of emergency | after ...").
# Not "hours after", "shortly before", "long since": those date the clause, they do not end it. Not ", who": a person's
# aside follows a name, most often the subject's ("Chinese film director Chen Kaige, who ...").
LEAD_CLAUSE_BREAK = re.compile(
    r"(?<!\bhours)(?<!\bdays)(?<!\bweeks)(?<!\bmonths)(?<!\byears)(?<!\bminutes)(?<!\bshortly)(?<!\bjust)(?<!\bsoon)"
    r"(?<!\blong)(?<!\bonly)(?<!\beven)"
    r"(?:,?\s(?=(?:as|when|while|because|although|though|after|before|since|until|once|if|unless|whereas|amid|despite|"
    r"ahead\sof|but)\s)|,\s(?=(?:which|saying|adding|and)\s)|\s(?:--|—|–)\s|;\s|:\s)")
# A lead that opens on such a clause ("Despite another failure with the bat, ...") has no break before its subject.
LEAD_FRONTED_CLAUSE = re.compile(r"^(?:As|When|While|Because|Although|Though|After|Before|Since|Until|Once|If|Unless|"
                                 r"Whereas|Amid|Despite|With|Having|Cut|Known)\b")
# A byline standing before the lead: "by Xinhua writer Tian Sulei", "By Jane Doe, Reuters".
LEAD_BYLINE = re.compile(r"^[Bb]y\s+(?:[A-Za-z][\w'’.-]*\s+){0,5}[A-Z][\w'’.-]+,?(?:\s+[A-Z][\w'’.-]+)*$")
# Words a cut lead does not end on ("... did his best to console a…" -> "... did his best to console…").
LEAD_WEAK_ENDING = re.compile(
    r"(?:a|an|the|of|to|in|on|for|with|and|or|by|at|from|his|her|its|their|as|that|into|over|after|before|than|but|"
    r"this|these|those|only|even|just|is|are|was|were|be|been|has|have|had|will|would|could)[,;:]?", re.IGNORECASE)

# --- relation words the resolvers compare (captured by the rules' named groups) -----------------------
# Steps in years: "January next year", "the third quarter of last year".
YEAR_STEPS = {"this": 0, "last": -1, "next": 1, "the": 0}  # "the second half of the year": the news's year
# The month from which "this season" of sport is the one begun that year (football, basketball and hockey seasons
# begin August-October and run into the next year: web-articles-fresh3's "last season" said in October 2013 is 2012,
# fresh4's "next season" said in April 2013 is 2013, web-articles' "next season" said in November 2013 is 2014)
SPORT_SEASON_TURN = 7
# Month names that are also verbs: "to march the prisoners", "it may rain".
# A month word inside a place name: "Mar del Plata", "May de Villa" (a particle of a Romance or Germanic name, then a
# capital); English never puts these lowercase words between a month and a name.
NAME_PARTICLE_AFTER = re.compile(r"\s(?:de|del|de\sla|da|do|di|dos|das|du|des|la|el|von|van|der)\s(?-i:[A-Z])")
VERB_MONTHS = ("may", "march")
# "in May 2014 and ... in August": how far a month dated with a written year reaches a later bare month.
MONTH_YEAR_REACH = 80
YEAR_WRITTEN = re.compile(r"^[\w.,\s]{2,12}?\b(?:1[5-9]|20)\d\d\b")  # "May 2014", "Nov. 3, 2014", "3 May 2014"
# A year that frames its sentence: an opening "In 2000," ("During 1976", "Back in early 2000") or "2000, when ...":
# a bare month-day or month later in that sentence is in that year ("In 1976, ... asked the IMF for a loan in
# September": 1976-09; "was 2000, when the count ... ended on Dec. 12": 2000-12-12). Not "since 2000" nor "from 2000"
# (a span up to the news's time), not a year's modifier ("the 1994 peace accords ... scheduled for January 25"), not a
# range ("1964-85"). Only the year's own sentence: TBAQ dev's five month(-day)s after a year in the sentence before
# all keep the publication's time.
YEAR_FRAME_OPENING = re.compile(r"[\"“]?(?:(?:In|During|Throughout|Back\sin)\s(?:(?:early|late|mid-?)\s?)?"
                                r"(?P<y>(?:1[5-9]|20)\d\d)\b(?![-–/]\d)"
                                # the same year said from the news's own: "Last year, the monsoon reached Kerala on
                                # May 29", "Two years ago, ..." (the year it names, as "In 2018," would)
                                r"|(?P<rel>Last|This|Next)\syear\b(?!'s|’s)|(?P<ago>A|One|Two|Three|Four|Five|\d{1,2})"
                                r"\syears?\sago\b)")
YEAR_FRAME_WHEN = re.compile(r"\b(?P<y>(?:1[5-9]|20)\d\d),?\swhen\b")
YEAR_FRAME_REACH = 250
# Where a sentence ends: a stop (not an initial's, "U.S. Supreme Court") before a capital, or a line break.
SENTENCE_BREAK = re.compile(r"(?<!\b[A-Z])[.!?][\"”’]?\s+(?=[\"“]?[A-Z])|\n")
YEAR_DIGITS = re.compile(r"\b(?:1[5-9]|20)\d\d\b")
DECADE_WRITTEN = re.compile(r"\b(?P<y>1[5-9]\d|20\d)0'?s\b")  # "the 1990s" (199), for "the end of the decade"
# A preposition before such a month (or before a month and "and" before it) makes it the month: "In March a
# supervisor was fired", "revised its estimates for February and March to show".
# "as early as January" (the rule's match opens there): the month takes the tense "as early as" gives it, a coming
# time ("calls for embedding troops as early as January", said in December), as "as early as next week" does
MONTH_AS_EARLY_AS = re.compile(r"(?i)as\searly\sas\s")
# unless a past verb of its own clause is what was done that early ("the rules took effect as early as January",
# "warned as early as March"); a reporting verb is not ("said the plan calls for ... as early as January"), nor a
# passive ("could be held as early as January")
VERB_OF_AS_EARLY_AS = re.compile(r"(?<!\bbe\s)(?<!\bbeen\s)(?<!\bis\s)(?<!\bare\s)\b[a-z]+\b")
MONTH_PREPOSITION = re.compile(r"(?i)(?:in|since|until|till|during|through|by|between|from|before|after|for)\s")
# ... and a verb-like word after it makes it a verb: "may be", "march the prisoners".
VERB_LIKE_AFTER = re.compile(r"\s(?:be|have|not|also|still|need|want|well|the|a|an|to)\b")
PART_MODIFIERS = ("early", "late", "mid")  # "early November": a part of the month, the nearest one
# ... unless a past verb dates it and the coming one is more than this many months ahead ("launched in early March"
# said in November is last March; "decided to admit them in early March" said in February is a plan)
PAST_PART_MONTHS_AHEAD = 2
# "early Monday"; not "earlier"/"later", which TBAQ dev gold leaves outside a weekday ("Earlier [Friday]", 4 of 4)
DAY_MODIFIERS = ("early", "late")
# "that January" (the reference's year), "the following January", "the previous January".
MONTH_AFTER_REFERENCE = ("that", "the following", "the next", "the previous")
FOLLOWING, PREVIOUS = ("the following", "the next"), "the previous"
# Relation words -> anchoring's relation codes ("last March", "next Christmas", "the day before last Tuesday").
RELATIONS = {"last": "last", "next": "next", "this": "this"}
FIRST_HALF = ("first", "1st", "front", "h1")  # "the first half", "the front half", "H1"; else the second ("the back half")
# A sentence about a game: a score ("17-14", "a 19-9 run"), a goal, time left on a game clock. Its bare "the first
# half", "the fourth quarter" are the game's, not the year's (a year or "fiscal" said with them still makes them the
# year's). Words of business never count ("points" and "game" are left out: "the index rose 50 points").
GAME_CUES = re.compile(
    r"(?<![\d.,$/:-])\d{1,3}-\d{1,3}(?![\d%/-])|\b(?:goals?|scored|scoring|equali[sz](?:ed|er)|whistle|half-?time|"
    r"free-kicks?|crossbar|touchdowns?|quarterback|innings|wickets?|minutes\sinto|"
    r"seconds\s(?:left|remaining|to\splay))\b", re.I)
MONTH_THIS = ("earlier this", "later this")  # "earlier this March" is this year's
# "crude for December delivery": a futures contract names a coming month.
FUTURES_AFTER = re.compile(r"\s(?:delivery|settlement|contracts?|futures|expiry)\b")
DEADLINE_PREPOSITION_BEFORE = re.compile(r"\b(?:by|until|till|through)\s$")  # "repay the loan by February"
# The end of a reported period told by a participle ("the fiscal year ending in March", "the year ending March 31",
# "the 12 months ending in June"): "ending" has no tense of its own, so the month or day is the nearest one (a forecast
# for the fiscal year ending in March said in January is the coming March; results for it told in May the one gone).
PERIOD_ENDING_BEFORE = re.compile(r"\bending\s(?:in\s)?$", re.I)
# "is expected to close in June" said in July: under a future, a month a verb's own preposition governs, the verb
# right after "to", a modal or "be", is the coming one even when the month just gone is nearer. Not a month in another
# clause ("started talks in October which is expected to last"), nor "would have risen by 0.1 percent in October",
# nor one with no preposition ("will report its June sales" said in July is that June).
MONTH_AHEAD_VERB_BEFORE = re.compile(r"\b(?:to|will|would|shall|can|could|may|might|be)\s[a-z]+\s(?:again\s|[a-z]+ly\s)?"
                                     r"(?:in|by|until|till|through)\s$")
# Years in a range: "from 1939 to 1945", "between 2001 and 2003".
RANGE_LINKS = ("to", "and", "or")
RANGE_AFTER = re.compile(r"\s?(?:-|to|and)\s?\d")
RANGE_STARTS = ("between", "from")
# Two bare weekdays as the ends of one range ("lasted from Monday to Wednesday", "between Sunday and Tuesday"):
# the word before the first end, and the link between them (matched on the whole text between the two).
WEEKDAY_RANGE_START = re.compile(r"(?i)\b(?:from|between)\s$")
WEEKDAY_RANGE_LINK = re.compile(r"(?i)\s(?:to|through|thru|until|till|and)\s|\s?[-\u2013]\s?")
# A year written in a date's own words ("June 1, 2013"): such a date needs no range to place it.
YEAR_IN = re.compile(r"\d{4}")
# Two coming weekdays listed in one clause ("must beat Arsenal on Tuesday and Villa at home on Sunday"): the link
# between them, an "and" with no clause break; the second comes after the first
WEEKDAY_LIST_LINK = re.compile(r"(?i)[^.;!?\n]{0,60}\s(?:and|then)\s[^.;!?\n]{0,40}")
# Opening hours: a range of weekdays after "is open", "open from" is a habit, every such day ("The museum is open
# from Tuesday to Sunday", "a clinic open Monday through Friday"); not a one-off ("will be open from Monday")
HABIT_RANGE_BEFORE = re.compile(r"(?i)(?:\b(?:is|are|stays?|remains?)\s|(?<!\bbe\s)(?<!\bwas\s)(?<!\bwere\s))"
                                r"\bopen\s(?:daily\s)?(?:from\s)?$")
# The rules of a page's stamp (a full date with a clock time, a live page's clock line): the latest is the page's now
# for "3 hours ago" (tagger._note_stamp)
STAMP_KINDS = ("timestamp", "stamp_line")
# A clock time before "on" and a day named apart ("until 7 a.m. on Election Day", "at 9 a.m. on Christmas Day") is
# that day's time (tagger.clock_times_on_days; a weekday or a month-day after "on" is the clock rule's own tail)
CLOCK_ON_DAY_LINK = re.compile(r"\son\s")
# A bare weekday listed before a weekly set shares it: "flights leave on Monday and Tuesday nights" (TBAQ dev: "Monday"
# SET XXXX-WXX-1TNI beside "Tuesday nights" XXXX-WXX-2TNI), "on Saturday and Sunday mornings"
WEEKDAY_SET_LIST_LINK = re.compile(r"(?i),?\s(?:and|or|&)\s|,\s")
WEEKDAY_SET_RULES = ("set_weekday_parts", "set_plural_weekday")
WEEKDAY_NAMES_ONLY = re.compile(r"(?i)(?:early\s|late\s)?[a-z]+day(?:\s[a-z]+)?$")  # no "last", "next", "this"
SPOKEN_YEAR_BEFORE = re.compile(r"(?:in|year|since|by|until)\s$")  # "in two thousand", not "two thousand people"
# A season name alone is a season only after these ("in the spring"); "fall" alone is the verb.
SEASON_BEFORE = re.compile(r"\b(?:in|into|during|by|until|since|over|through|before|after|this|last|next)\s$")
# A verb of spending time, or "for" and "the", before a season that stands alone ("will spend the summer in Charlotte",
# "spent the winter in Spain", "will rise for the summer on 17 July", "closed for the winter."; not "spent the summer
# budget", "queued for the summer sale", where the season is a noun's modifier: NOUN_ALONE_AFTER; not "migrating ...
# for summer", a habit)
SEASON_SPENT_BEFORE = re.compile(r"\b(?:(?P<verb>spend|spends|spent|spending)|for)\s$")
SEASON_AMBIGUOUS = "fall"
OF_BEFORE_SEASON = " of "  # "the first three months of the winter," (see CLAUSE_END_AFTER_SEASON)
CLAUSE_END_AFTER_SEASON = re.compile(r"[.,;:!?]")
# "Autumn came early this year": a season that opens a sentence, then its verb (not "Spring Festival", nor the noun a
# season names a kind of: "Spring barley yielded 5.9 tonnes", "Winter wheat prices rose", "Summer camps opened")
SENTENCE_START_BEFORE = re.compile(r"(?:^|[.!?][\"'”’]?\s+|\n\s*)$")
SEASON_VERB_AFTER = re.compile(r"\s(?:[a-z]+ly\s)?(?:is|was|has|had|will|would|could|may|might|can|should|must|brings|"
                               r"brought|comes|came|arrives|begins|began|starts|ends|returns|seems|looks|lasts|"
                               r"[a-z]{2,}ed)\b")
SEASON_BARE = ("", "the")  # "in the spring": no relation word before the season
SEASON_MODIFIERS = ("early", "late")  # "the early spring"
ARTICLE = "the "
SEASON_OF_REFERENCE = "that"  # "that autumn": the season of the year the narrative is in
SEASON_PAST = ("last", "the past", "this past")
SEASON_NOT_PAST = ("this", "next", "the coming")
SEASON_NEXT = ("next", "the coming")
# A season of the southern hemisphere, named by its place ("the Australian summer", "during the southern winter", "the
# New Zealand summer"; values32): TIMEX3 codes carry no hemisphere, so its value is the season as named, of the year
# its months begin in, as a northern winter's ("the Australian summer" said in December 2012 or February 2013 is
# 2012-SU); the place only says which months it has: a southern season has the months of the northern one opposite
# (values.opposite_season).
SOUTHERN_SEASON_PLACES = ("Australian", "New Zealand", "South African", "Argentine", "Argentinian", "Chilean",
                          "Uruguayan", "Antarctic", "austral", "southern", "southern hemisphere", "southern-hemisphere")
YEAR_AGO = ("year-earlier", "year-ago")  # "the year-ago quarter"
# A day that opens a span running on ("beginning April 9", "since Monday", "starting on Tuesday"): no story day for
# a clock time in a later sentence (relative._story_day)
SPAN_START_BEFORE = re.compile(r"\b(?:since|beginning|starting)\s(?:on\s)?$", re.I)
# "For the three months ended Sept. 30": the day that ends a reported quarter (tagger: the quarter the story reports)
QUARTER_MONTHS_ENDED_BEFORE = re.compile(r"\bthe\s(?:three|3)\smonths\s(?:that\s)?(?:ended|ending|through)\s$", re.I)
LATEST = ("current", "latest", "most")  # "the latest quarter", "the most recent quarter"
CURRENT = "current"
# "current" as the noun, no adjective before a noun of its own ("pushing against a strong current so", "the strong
# current of morality", "swept away by the current."): a punctuation mark or a function word after it (not "and"/"or":
# "current and former officials" is the adjective)
CURRENT_NOUN_AFTER = re.compile(r"\s?[,.;:!?)\"'’”]|\s(?:so|of|that|which|is|was|flows?|flowed|to|in|from|at|on|"
                                r"for|with|by|but|as|off|along|near|into|through|under|past|across|toward|towards|the|a|an)\b|\s*$")
# Weekdays: "last/this past Sunday" -> strictly before; "next/this coming Sunday" -> after.
WEEKDAY_RELATIONS = {"last": "last", "this past": "last", "next": "next", "this coming": "next", "this": "this"}
# Days from publication; "last" and "this" only before a part of the day ("last night", "this morning").
DAY_OFFSETS = {"today": 0, "this": 0, "yesterday": -1, "last": -1, "tomorrow": 1}
DAYS_IN_A_WEEK = 7  # "a week tomorrow": the day a week on
TONIGHT = ("tonight", "today", "night")  # "tonight" is today's night
LAST_NIGHT = ("last", ("night", "evening"))  # "last night", "last evening" (not "last morning")
# Days named after a clock time: "10 a.m. yesterday", "midnight tonight".
# "4 p.m. yesterday afternoon": a part of yesterday or tomorrow after the clock is that day's, one TIME with it
CLOCK_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1, "last evening": -1,
              "this morning": 0, "this afternoon": 0, "this evening": 0,
              "yesterday morning": -1, "yesterday afternoon": -1, "yesterday evening": -1,
              "tomorrow morning": 1, "tomorrow afternoon": 1, "tomorrow evening": 1}
# A temperature just before "the 90s" written without its apostrophe: degrees, not a decade
TEMPERATURE_BEFORE = re.compile(r"\b(?:temperatures?|highs?|lows?|degrees|mercury|thermometers?|heat\sindex)\b", re.I)
MIDNIGHT = "midnight"  # "midnight" is 00:00, "noon"/"midday" 12:00
# A clock read in words ("ten past nine", "a quarter past eleven", "half past seven"): the hours, the minutes (with
# "twenty-one" to "twenty-nine" spelled in the rule) and the parts of an hour.
CLOCK_HOUR_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                    "ten": 10, "eleven": 11, "twelve": 12}
CLOCK_MINUTE_WORDS = {**CLOCK_HOUR_WORDS, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
                      "eighteen": 18, "nineteen": 19, "twenty": 20}
CLOCK_PARTS = {"quarter": 15, "half": 30}
# "midnight Friday", "until midnight tonight", "at midnight on Sunday": a named day's midnight is the end of that day,
# ISO 8601's hour 24 (TBAQ: "expire at midnight Friday" -> 1989-10-27T24); "shortly after midnight Thursday" is the
# start of the day it names (00:00).
MIDNIGHT_DAY_END = "24"
SMALL_HOURS_END = 6  # the hours before 6 a.m.: a night's, not the morning's (relative._small_hours_ahead)
# an afternoon or evening hour told ("2 p.m.", "7:15 p.m. ET", "tonight", "this evening"): the story is past the small
# hours of its day
LATER_HOUR_BEFORE = re.compile(r"\b(?:1[01]|[1-9])(?:[:.][0-5]\d)?\s?p\.?m\b|\b(?:tonight|this\sevening)\b", re.I)
# "delays were expected to last into Monday": the day a span runs to is where it ends, not where the story is; a clock
# time after it keeps the story's own day
SPAN_END_BEFORE = re.compile(r"\b(?:into|until|till)\s$", re.I)
MIDNIGHT_DAY_START_BEFORE = re.compile(r"\b(?:after|past|since|from)\s(?:(?:about|around|just|shortly)\s)?$", re.I)
# A story day named with its late part ("yesterday afternoon", "Sunday evening", "last night", "late Sunday", "late on
# Tuesday"): a night told after it follows it. "overnight" is that day's own night ("destroyed the building yesterday
# afternoon, and rescuers pulled four survivors out overnight"), not the night before the day, and "after midnight" the
# midnight that ends it ("overturned late Sunday, and rescuers reached the site only after midnight": Monday 00:00).
# Matched where the day's timex starts (EVENING_DAY_AT), or "late (on)" just before it (LATE_BEFORE_DAY).
EVENING_DAY_AT = re.compile(
    r"(?:late\s)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|last)\s(?:afternoon|evening|night)\b"
    r"|late\s(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday)\b", re.I)
LATE_BEFORE_DAY = re.compile(r"\blate\s(?:on\s)?$", re.I)
# A wire time in UTC/GMT as wires and Wikinews write it beside a local time, four digits or with a colon ("0735 GMT",
# "05:46 UTC", "5:46 UTC"): in brackets after the local time the four-digit one restates it and is left untagged, the
# one with a colon stays a TIME (values32; resolve.relative._restates_a_local_clock).
WIRE_ZONES = ("GMT", "UTC")
WIRE_CLOCK = r"(?:(?:[01]?\d|2[0-3]):[0-5]\d|(?:[01]\d|2[0-3])[0-5]\d)\s?(?:GMT|UTC)"
# The local clock a bracketed wire time restates, right before its bracket: "at 10:35 a.m. (", "at 11:30 a. m.(", "at
# 15:40 (", "around midday (", and what may stand between: "local time", a place's time or "in <Place>", a zone, a
# weekday ("2:46 p.m. local time (", "10:00 am in Moscow (", "3:12 p.m. ET (", "11:20 p.m. Saturday local time (").
# Not a fixture's kick-off after its sides ("Arsenal v Wigan (19:45 BST)"), nor "holds news conference (1130 GMT)":
# there the bracket holds the only clock.
LOCAL_CLOCK_BEFORE_BRACKET = re.compile(
    r"(?:\b\d{1,2}(?:[:.]\d\d)?\s?[ap]\.?\s?m\b\.?|\b\d{1,2}[:.]\d\d|\b(?:noon|midnight|midday))"
    r"(?:\s(?:local\stime|in\s(?-i:[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})|(?-i:[A-Z][a-z]+)\stime|(?-i:[A-Z]{2,4})|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)){0,2}\s?\($", re.I)
# "at 2:30 p.m. local time on Monday": the day after "local time" dates the clock time (the span stops before "local
# time", as TBAQ has it, and "Monday" is a timex of its own); so does the day after a bracketed wire time, "at 10:35
# a.m. (0735 GMT) Friday" (TBAQ: "10:35 a.m." is that Friday's; the wire time restates it and stays untagged), and the
# day after both, "at 00:01 local time (0801 GMT) Tuesday"; a place's time is local time too: "at 10:00 am in Moscow
# (0700 GMT) on Monday", "at 8 pm Beijing time on Sunday" (the place named with capitals, up to three words); a day
# and its part too, as after the clock time itself: "at 21:55 local time last night", "at 16:30 local time this
# afternoon" (the day there is the time's, not one named earlier in the sentence).
LOCAL_TIME_DAY_AFTER = re.compile(
    r"\s(?:local\stime(?=[\s,])|in\s(?-i:[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})(?=[\s,])|(?-i:[A-Z][a-z]+)\stime(?=[\s,])|"
    r"(?=\())(?:\s?\(" + WIRE_CLOCK + r"\))?,?\s(?:on\s)?(?P<day>(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
    + "|".join(sorted((d.replace(" ", r"\s") for d in CLOCK_DAYS), key=len, reverse=True)) + r")\b", re.I
)
# A quarter's report named after it ("fourth-quarter results", "third-quarter earnings"): it comes out after the
# quarter ends, so a future report in January is of last year's fourth quarter (resolve.calendar.resolve_quarter).
# So is a country's ("the first estimate of fourth-quarter economic output is due Thursday", "fourth-quarter GDP").
QUARTER_REPORT_AFTER = re.compile(r"(?:\s(?:net|operating|pre-tax|pretax|economic))?\s(?:results|earnings|figures|"
                                  r"report|numbers|profits?|losses|sales|revenues?|output|growth|GDP|"
                                  r"gross\sdomestic\sproduct)\b", re.I)
# The days after a quarter ends in which its report is still ahead (a reporting season: about two months).
QUARTER_REPORTING_DAYS = 60
# A comparison's word right before "a year ago" ("higher than a year ago", "compared with a year ago", "down on a year
# ago"): the figure is set against the period just named, a year back (resolve.relative._month_compared)
COMPARED_BEFORE = re.compile(r"\b(?:than|from|with|on|over|against|versus|vs\.?)\s$", re.I)
# The second clock time of a range, with the day it falls on ("between 7 a.m. and 9 p.m. on Sunday", "from 9am to 5pm
# Saturday"): the day is both ends' (resolve.relative._time_day), as "local time on Monday" is the time's own.
CLOCK_RANGE_DAY_AFTER = re.compile(
    r"(?:\s(?:to|until|till|and)\s|\s?[-\u2013]\s?)(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s?(?:[ap]\.?m\b\.?)?"
    r"(?:\s(?:GMT|UTC|[A-Z]{2,4}T|ET))?,?\s(?:on\s)?(?P<day>(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|tonight|"
    r"yesterday|tomorrow)\b", re.I
)
# The opening of a clock range before its second time ("from 9 a.m. to ", "between 10:00 and "): the second time's day
# is read in the tense the range opens with (resolve.relative._time_day), so both ends land on one day.
CLOCK_RANGE_OPEN_BEFORE = re.compile(
    r"\b(?:from|between)\s(?P<first>(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s?(?:[ap]\.?m\b\.?)?|noon|midnight)"
    r"\s(?:to|until|till|and)\s$", re.I
)
# "at 11:40 p.m. local time (0340 GMT Sunday)", "at 9:00 pm Sunday (0200 GMT Monday)": the day inside a bracketed wire
# time belongs to the restatement (the wire time's own day, often the next) and is left untagged with it, as in
# "(22:40 UTC on Monday)"
WIRE_TIME_BEFORE_DAY = re.compile(r"\(" + WIRE_CLOCK + r"\s(?:on\s)?$")
WIRE_BRACKET_CLOSE = ")"
# "10:00 GMT on 20 January next year", "21:00 GMT on March 1, 2008", "10.30am on Monday 4 March 2019": a date with its
# year right after a clock time dates it (the date stays a timex of its own, as the gold of whole articles has it).
CLOCK_DATE_WITH_YEAR_AFTER = re.compile(
    r",?\s(?:on\s)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s)?(?:(?P<day_first>\d{1,2})(?:st|nd|rd|th)?\s(?P<month_first>[a-z]{3,9}\.?)"
    r"|(?P<month_second>[a-z]{3,9}\.?)\s(?P<day_second>\d{1,2})(?:st|nd|rd|th)?),?\s"
    r"(?:(?P<year>(?:19|20)\d\d)(?!\d)|(?P<rel>this|last|next)\syear\b)",
    re.I,
)
EVENING_PARTS = ("afternoon", "evening")  # "4 in the afternoon": add twelve hours
NIGHT_PART = "night"
MORNING_PART = "morning"  # "ten in the morning", "ten past ten this morning": before noon
# Units of "last week", "the next decade" -> granularity.
UNIT_GRANULARITY = {"week": "week", "weekend": "week", "month": "month", "year": "year",
                    "decade": "decade", "century": "century", "quarter": "quarter", "day": "day"}
WEEKEND = "weekend"
# other spellings of a unit ("the week-end", older and British news): read as the unit
UNIT_SPELLINGS = {"week-end": "weekend"}
# a future told from a past day ("said on that day he would consider it over the weekend"): counted from that day
FUTURE_IN_PAST = re.compile(r"\b(?:would|(?:was|were)\s(?:going|due|set|planning)\sto)\b", re.I)
THE_WEEKEND = ("the", "a")  # "the weekend", "a weekend rally": the one just past, unless the clause speaks of the future
# said on a Friday (ISO weekday 5), "the weekend" of a clause with no tense is the one starting the next day ("Nobody
# wants to hold risk over the weekend" in a Friday markets wrap), as a deadline's is
WEEKEND_EVE = 5
# "the weekend grenade attack", "the week-end selling bout": the weekend before a noun names a happening of the news's
# weekend, just past whatever the clause's tense ("stocks were expected to stabilise given the week-end selling bout");
# a lower-case word after it that is no noun (a preposition, conjunction or verb) leaves the clause's tense to decide,
# as do "a weekend election" (one announced) and "ahead of the weekend vote" (WEEKEND_AHEAD_BEFORE)
THE_WEEKEND_BEFORE_NOUN = "the"
WEEKEND_AHEAD_BEFORE = re.compile(r"\b(?:ahead\sof|before|until|till|by|for)\s$", re.I)
WEEKEND_BEFORE_NOUN = re.compile(r"\s(?!(?:in|at|of|away|with|on|for|to|and|or|off|after|before|as|when|while|is|was|"
                                 r"will|would|could|should|may|might|has|had|have|approaches|ahead)\b)[a-z]+\b")
THIS_COMING = "this coming"
# "last week", "the coming month": the step from publication (or from the narrative's date).
UNIT_STEPS = {"last": -1, "the previous": -1, "the past": -1, "the last": -1, "the latest": -1, "this past": -1,
              "next": 1, "the coming": 1, "this coming": 1, "the next": 1, "the following": 1}
NOT_AFTER_MOD = ("the last", "the past")  # "the end of the past year" is not said
# "the last year covered by the treaty", "the last year in which it grew": one year of a series the clause defines,
# not the year before this one.
DEFINED_BY_CLAUSE_AFTER = re.compile(r"\s(?:covered|that|which|when|in\swhich|during\swhich)\b")
THE_PAST = "the past"  # "the past decade": the ten years up to now
# "the past half-century", "the next quarter century": that share of a hundred years, a span as "the past decade" is
# (not "the past" PAST_REF nor "the past quarter", a calendar quarter)
CENTURY_PARTS = {"half": 50, "quarter": 25}
# Relations that count from the narrative's last date ("that week", "the following year").
# Time zones a clock time may state, with their offset from UTC (ISO 8601) or None: "16:08 UTC" -> Z, "2:10 a.m. CDT" -> -05.
# An abbreviation two regions share is read as news most often means it: CST and IST are the US Central and India
# zones, BST is British Summer Time. Every zone here is part of the expression ("14:46 JST").
ZONE_OFFSETS = {
    "GMT": "Z", "UTC": "Z", "Z": "Z",
    "EST": "-05", "EDT": "-04", "CST": "-06", "CDT": "-05", "MST": "-07", "MDT": "-06", "PST": "-08", "PDT": "-07",
    "AKST": "-09", "AKDT": "-08", "HST": "-10", "AST": "-04", "ADT": "-03", "NST": "-03:30", "NDT": "-02:30",
    "WET": "Z", "WEST": "+01", "BST": "+01", "CET": "+01", "CEST": "+02", "EET": "+02", "EEST": "+03", "MSK": "+03",
    "IST": "+05:30", "PKT": "+05", "WIB": "+07", "ICT": "+07", "HKT": "+08", "SGT": "+08", "PHT": "+08", "AWST": "+08",
    "JST": "+09", "KST": "+09", "ACST": "+09:30", "AEST": "+10", "AEDT": "+11", "NZST": "+12", "NZDT": "+13",
    # US zones named without saying standard or daylight time: the offset depends on the date
    "ET": None, "CT": None, "Eastern Time": None, "Central Time": None, "Pacific Time": None,
    # and the Mountain and Pacific zones of a Western live page ("until 10 p.m. PT", "at 6 a.m. MT")
    "MT": None, "PT": None, "Mountain Time": None,
    # the US zones written out as US papers write them ("6 p.m. Eastern time", "8 p.m. Eastern Standard Time"; the
    # value keeps no offset, as for ET): one TIME, as "6 a.m. Eastern Time" (hand-cases-blind5)
    "Eastern time": None, "Central time": None, "Mountain time": None, "Pacific time": None,
    "Eastern Standard Time": "-05", "Eastern Daylight Time": "-04", "Central Standard Time": "-06",
    "Central Daylight Time": "-05", "Mountain Standard Time": "-07", "Mountain Daylight Time": "-06",
    "Pacific Standard Time": "-08", "Pacific Daylight Time": "-07",
}
# ... and named by the region alone right after the clock ("10 a.m. Pacific on Tuesday", "at noon Eastern"), not
# before a capitalised word that makes it a place ("Eastern Europe", "Central Park", "Pacific Rim")
ZONE_REGIONS = ("Eastern", "Central", "Mountain", "Pacific")
# The zones whose offset the TIMEX3 value keeps: TBAQ writes UTC/GMT as Z but drops every other zone ("5 p.m. EST
# Nov. 9" -> 1989-11-09T17:00, "4 a.m. EDT Thursday" -> T04:00: 4 of 4 cases); keeping them costs dev (issue 16).
ZONES_IN_VALUE = ("GMT", "UTC", "Z")
ZONE_SUFFIX = {zone: offset for zone, offset in ZONE_OFFSETS.items() if zone in ZONES_IN_VALUE}
DECADE_AFTER = ("the next", "the following")  # "the next decade": after a decade named, or from now
NARRATIVE_RELATIONS = ("that", "the same", "the following", "the previous")
THE_NEXT = "the next"  # narrative too, in a past-tense clause: "In 2015 ... The next year, it grew"
NOT_A_MOD = ("earlier", "later")  # "later this month" is no part of the month
# "three years ago", "a week later": which way and from where.
BACKWARD = ("ago", "earlier", "before")
FROM_NOW = ("ago", "from now", "hence")
HYPHEN_AGO_UNITS = ("year", "month", "week", "quarter")  # "year-earlier", "month-ago"
DEFAULT_AGO_UNIT = "year"
FORTNIGHT = "fortnight"
# "the day before", "the next day": one day from the narrative's date (or publication).
DAY_BEFORE_AFTER = {"day before": -1, "day after": 1}
DAY_STEPS = {"the next": 1, "the following": 1, "the previous": -1}
# "the same afternoon", "that same day": a day already said (resolve.relative._said_day); "the previous evening", "the
# next day" count from it too ("announced yesterday that he had been killed the previous evening": the evening before
# the announcement, wiki30), a story told before (or after) its saying
SAME_DAY_RELATIONS = ("the same", "that same")
SAID_DAY_RELATIONS = SAME_DAY_RELATIONS + tuple(DAY_STEPS)
YESTERDAY = "yesterday"
# "in today's world", "the people of tomorrow": the present age or the future.
GENERIC_POSSESSIVE = "'s "
GENERIC_OF, NOT_GENERIC_OF = "of ", "as of "
# "in the early hours of yesterday", "on the morning of today": a part of a day said, not the generic past (wiki30)
DAY_PART_OF_BEFORE = re.compile(r"\b(?:hours|morning|afternoon|evening|night)\sof\s$", re.I)
NOT_A_CLAUSE_AFTER = (" and", " or", " but")  # "the day before and ...": no clause follows
# Durations: "a three-year-old girl" is an age, "a second round" an ordinal, "three quarters of" a fraction.
AGE = "old"
# An amount stated as an age: after "age(d)/ages" (a range's first amount, with or without its unit, and "between",
# "from", "under", "over" ... between: "men age 65 to 80 years", "children aged six months to five years", "aged
# between 40 and 60 years", "from the age of nine months"), or before "of age", "and/or older/younger/over/under", or
# a range's second amount that is "old" ("from six months to five years old").
AGE_BEFORE = re.compile(r"\b(?i:age[sd]?)\s(?:of\s)?(?:(?:between|from|under|over|about|around|up\sto)\s)?"
                        r"(?:[\w.]+\s(?:[a-z]+\s)?(?:to|and|or|-)\s)?$")
AGE_AFTER = re.compile(r"\s(?:of\sage|(?:and|or)\s(?:older|younger|over|above|under|up)|(?:to|and|or)\s[\w.]+\s"
                       r"(?:years?|months?)[\s-]old)\b", re.I)
LONG_SUFFIX = "long"  # "a day-long meeting", "a yearlong review"
ONE = ("a", "an")
FRACTION_OF = ("a", "one", "three")
OF_AFTER = " of "
# "cut supplies by a quarter", "have fallen by nearly a quarter": a change by a fraction, not a span of time.
CHANGE_BY_BEFORE = re.compile(r"\bby\s$", re.I)
# "three quarter-point increases", "a quarter percentage point", "a quarter-percent cut": a fraction of a point of a
# rate, not a span of quarters.
QUARTER_POINT_AFTER = re.compile(r"[\s-](?:percentage[\s-])?(?:points?|percent|per\scent|pct)\b", re.I)
IN_BEFORE = re.compile(r"\bin\s$")  # "in five years": a date that many years ahead, in a future clause
# A word between "in" and the amount that makes it a length ("phased in over 18 months", "the highest in over a year"),
# not the date that far ahead
SPAN_LEADS = frozenset({"over"})

# --- sentences (timeline.sentences): a dot after these does not end a sentence -------------------------
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov sen rep pres rev "
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun "
    "inc corp co ltd llc bros dept univ assn no nos vol vs etc al approx est fig "
    "u.s u.k u.n e.u a.m p.m u.s.a d.c i.e e.g ph.d".split()
)
# Abbreviations that often do end a sentence ("... in the U.S. The ..."): split when a capitalised word follows.
SENTENCE_FINAL_ABBREVIATIONS = frozenset("u.s u.k u.n e.u a.m p.m etc u.s.a d.c inc corp co ltd llc".split())
# After "U.S." a new sentence starts with a common capitalised function word.
SENTENCE_STARTERS = frozenset({
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "In", "On", "But", "And", "This", "That",
    "There", "Its", "His", "Her", "Their", "Officials", "However", "At", "As", "After", "When", "While",
    "Last", "Earlier", "Later", "Meanwhile", "So", "Some", "Many", "More", "If",
})

# --- words a reader searches for (timeline.word_search): a word finds its plural and its verb's forms -----------
# The endings a search folds a word by, the longer first where one ends another: "elections" is "election",
# "attacked" "attack", "prices" "price", "taxes" "tax", "parties" "party" (its y written i before the ending).
SEARCH_PLURAL, SEARCH_PLURAL_ES, SEARCH_PAST, SEARCH_PARTICIPLE = "s", "es", "ed", "ing"
SEARCH_ENDINGS = (SEARCH_PLURAL_ES, SEARCH_PAST, SEARCH_PARTICIPLE, SEARCH_PLURAL)
SEARCH_Y, SEARCH_Y_INFLECTED = "y", "i"  # "carry" -> "carri-es", "carri-ed" (after a consonant)
SEARCH_ES_AFTER = re.compile(r"(?:[sxzo]|[cs]h)$")  # the plural is -es after these ("taxes", "churches", "heroes")
SEARCH_VOWELS = "aeiouy"  # no y after a vowel changes ("days"), no vowel is doubled ("agreed")
SEARCH_UNDOUBLED = "lsz"  # letters a stem may end doubled in ("called", "passed", "buzzed"): not undone
# A stem shorter than this keeps its ending, a shorter word has no forms ("is", "us", "has", "red" are words).
SEARCH_MIN_STEM = 3
# Words that look inflected but are words of their own, neither folded nor inflected ("news" is not "new"'s plural,
# nor "us" a plural, nor "press" one of "pres").
SEARCH_WHOLE_WORDS = frozenset(
    "news this thus less unless series species means always perhaps "
    "during thing things nothing something anything everything evening morning spring string sing king ring "
    "bed red need speed feed seed hundred indeed".split()
)
# Forms no ending gives ("fought" fight, "rose" rise, "men" man, "sworn" swear): form, lemma and whether the form is
# also a word of its own ("rose" the flower: a search for it finds it as typed). Built from UD English EWT's lemmas
# and IRREGULAR_PAST (timeline.lang.en.events) by `python -m training.search_forms`; CC BY-SA 4.0, as EWT.
SEARCH_IRREGULAR_FORMS = Path(__file__).with_name("irregular_forms.tsv")
# The plural of a verb's -ing noun is a form of the verb for a search: "killings" finds "killed", "bomb" "bombings".
SEARCH_GERUND_PLURAL = SEARCH_PARTICIPLE + SEARCH_PLURAL
