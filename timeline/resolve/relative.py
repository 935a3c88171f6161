"""Resolvers for expressions relative to the publication date or to the narrative's last date:
weekdays, today/yesterday, holidays, "last week", "two years ago", "the next day", clock times.

    "On Sunday" (published Wednesday 2021-04-07, past) -> 2021-04-04;  "the next day" -> reference + 1
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from types import ModuleType

from timeline.anchor import (
    dated_by_past_verb,
    follows_since,
    nearest_by_tense,
    resolve_month_day,
    resolve_weekday,
    tense_near,
)
from timeline.resolve.calendar import either_reading, nth_weekday
from timeline.resolve.context import (
    DATE,
    DURATION,
    TIME,
    Context,
    Reference,
    Resolved,
    day_tense_of,
    modifier_of,
    month_number,
    months_period_before,
    new_year_of,
    parse_number,
    part_of_name,
    recent_period,
    recent_quarter,
    reference_before,
    tense_of,
    unit_name,
    year_of_two_digits,
)
from timeline.resolve.other_calendars import calendar_holiday_days
from timeline.values import Duration, Granularity, TimeValue, shift

# --- weekdays, days relative to today, holidays ------------------------------------------------------

def _part(part: str | None, words: ModuleType) -> str | None:
    """The TIMEX3 code of a part of the day ("morning" -> "MO")."""
    return words.PARTS_OF_DAY[part.lower()] if part else None


def _name_before(m: re.Match[str], ctx: Context) -> bool:
    """A capitalised 'Today' right after a capitalised word, mid-sentence: 'USA Today'."""
    if not m.group()[:1].isupper():
        return False
    before = ctx.text[max(0, m.start() - 12): m.start()]
    return bool(re.search(r"[A-Z][A-Za-z]*\s$", before)) and not ctx.lang.words.NOT_A_NAME_BEFORE.search(before)


def _day_before_a_name(m: re.Match[str], ctx: Context) -> bool:
    """A weekday after a determiner, "on" or a reporting verb is a day even before a capital ("his Sunday Mass",
    "the ministry said Thursday Israel would withdraw")."""
    return bool(ctx.lang.words.DAY_DETERMINER_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start())
                or ctx.lang.cues.REPORTED_BEFORE.search(ctx.text, max(0, m.start() - 24), m.start()))


def resolve_weekday_(m: re.Match[str], ctx: Context) -> Resolved | None:
    words = ctx.lang.words
    if part_of_name(m, ctx) and not (_day_before_a_name(m, ctx) and not words.PUBLICATION_AFTER.match(ctx.text, m.end())):
        return None  # "Sunday Times", but "his Sunday Mass" and "said Thursday Israel would" are days
    if words.WEEKDAY_NAME_WORDS_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()):
        return None  # "Super Tuesday", "Bloody Sunday"
    if _in_wire_bracket(m, ctx):
        return None  # "(0340 GMT Sunday)": the restated wire time's day
    weekday = words.WEEKDAYS[m["weekday"].lower()]
    rel = (m["rel"] or "").lower().replace("\n", " ")
    part = _part(m["part"], words)
    kind = TIME if part else DATE
    mod = modifier_of(rel, words) if rel in words.DAY_MODIFIERS else None
    if ctx.published is None:
        return Resolved(kind, TimeValue.unknown(Granularity.DAY, weekday=weekday).at(part), mod)
    if m["week_on"] or m.groupdict().get("week_ahead"):  # British "on Thursday week", "a week on Thursday"
        return Resolved(kind, TimeValue.of(resolve_weekday(ctx.published, weekday, None, "next") + timedelta(days=7)))
    relation = words.WEEKDAY_RELATIONS.get(rel)
    if words.UNPLANNED_EVENT_AFTER.match(ctx.text, m.end(), m.end() + 40) or _of_an_aftermath(m, ctx):
        tense = "past"
    elif _heads_fixtures(m, ctx):
        tense = "future"
    else:
        tense = day_tense_of(m, ctx, weekday=True)
    day = resolve_weekday(ctx.published, weekday, tense, relation)
    if tense == "future" and relation is None:
        day = _after_the_saying(m, ctx, weekday) or day
    return Resolved(kind, TimeValue.of(day).at(part), mod)


def _after_the_saying(m: re.Match[str], ctx: Context, weekday: int) -> date | None:
    """A weekday a "would" clause names after a saying dated by its own weekday ("said on Friday that it would announce
    the count on Monday"): the first such day on or after the saying's (the future of the saying, which may be over
    by publication), else None."""
    cues = ctx.lang.cues
    window = max(0, m.start() - 200)
    ends = list(_SENTENCE_END.finditer(ctx.text, window, m.start()))
    start = ends[-1].end() if ends else window
    said = cues.SAID_ON_DAY_BEFORE.search(ctx.text, start, m.start()) or cues.SAID_ON_DAY_FRONTED.match(
        ctx.text, start, m.start())
    if not said or not cues.FUTURE_OF_THE_SAYING.search(said["rest"]) or cues.FUTURE_OF_THE_PAPER.search(said["rest"]):
        return None
    saying = resolve_weekday(ctx.published, ctx.lang.words.WEEKDAYS[said["weekday"].lower()], "past")
    return saying + timedelta(days=(weekday - saying.isoweekday()) % 7)


def _of_an_aftermath(m: re.Match[str], ctx: Context) -> bool:
    """A bare possessive weekday after a noun of aftermath ("the results of Saturday's referendum"): a day gone."""
    words = ctx.lang.words
    return not m["rel"] and ctx.text.startswith(ctx.lang.cues.POSSESSIVE, m.end()) and \
        bool(words.AFTERMATH_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start()))


def _heads_fixtures(m: re.Match[str], ctx: Context) -> bool:
    """A bare weekday alone on its line over a line of fixtures ("Tuesday (Kick off in GMT)\n\nValencia v Real
    Mallorca (2000)"): a schedule's day, ahead."""
    line_start = ctx.text.rfind("\n", 0, m.start()) + 1
    return not (m["rel"] or m["part"]) and not ctx.text[line_start:m.start()].strip() and bool(
        ctx.lang.words.FIXTURE_HEADING_AFTER.match(ctx.text, m.end()))


def _in_wire_bracket(m: re.Match[str], ctx: Context) -> bool:
    """A bare weekday closing a bracketed wire time: "local time (0340 GMT Sunday)"."""
    words = ctx.lang.words
    return not (m["rel"] or m["part"]) and ctx.text.startswith(words.WIRE_BRACKET_CLOSE, m.end()) and \
        bool(words.WIRE_TIME_BEFORE_DAY.search(ctx.text, max(0, m.start() - 18), m.start()))


def resolve_relative_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    if _name_before(m, ctx) or _generic_day(m, ctx):
        return None
    words = ctx.lang.words
    rel = m["rel"].lower()
    part = (m["part"] or "").lower()
    tonight, today, night = words.TONIGHT
    if rel == tonight:
        rel, part = today, night
    offset = words.DAY_OFFSETS[rel] + (words.DAYS_IN_A_WEEK if m.groupdict().get("week_ahead") else 0)  # "a week tomorrow"
    last, evening_parts = words.LAST_NIGHT
    if rel == last and part not in evening_parts:
        return None  # "last morning" is not English news usage
    code = _part(part or None, words)
    kind = TIME if code else DATE
    mod = modifier_of(m.groupdict().get("mod"), words)
    if ctx.published is None:
        return Resolved(kind, TimeValue.unknown(Granularity.DAY).at(code), mod)
    return Resolved(kind, TimeValue.of(ctx.published + timedelta(days=offset)).at(code), mod)


def _generic_day(m: re.Match[str], ctx: Context) -> bool:
    """'in today's world', 'the people of tomorrow': the present age or the future, not a day."""
    words = ctx.lang.words
    if m["part"] or m.groupdict().get("mod"):
        return False
    after = ctx.text[m.end(): m.end() + 20]
    if after.startswith(words.GENERIC_POSSESSIVE):
        return after[len(words.GENERIC_POSSESSIVE):].split(" ", 1)[0].strip(".,;:").lower() in words.GENERIC_DAY_NOUNS
    before = ctx.text[max(0, m.start() - 6): m.start()].lower()
    return before.endswith(words.GENERIC_OF) and not before.endswith(words.NOT_GENERIC_OF) \
        and not words.DAY_PART_OF_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start()) \
        and not re.match(r"[\w'’]|\s\d", after)


def holiday_days(name: str, year: int, words: ModuleType) -> list[date]:
    """The days a named holiday falls on in a Gregorian year: one, or for another calendar's none or two."""
    name = name.lower()
    if name in words.CALENDAR_HOLIDAYS:
        days = calendar_holiday_days(*words.CALENDAR_HOLIDAYS[name], year)
        return [day - timedelta(days=1) for day in days] if name in words.CALENDAR_HOLIDAY_EVES else days
    return [holiday_date(name, year, words)]


def holiday_date(name: str, year: int, words: ModuleType) -> date | None:
    """The date of a named holiday in a year (another calendar's: its first that year, None if it has none)."""
    name = name.lower()
    if name in words.CALENDAR_HOLIDAYS:
        return next(iter(holiday_days(name, year, words)), None)
    if name in words.HOLIDAYS:
        month, day = words.HOLIDAYS[name]
        return date(year, month, day)
    rule = words.MOVABLE_HOLIDAY_RULES.get(name, "easter_sunday")
    if rule == "fourth_thursday_of_november" or rule in words.THANKSGIVING_SHIFTS:
        thanksgiving = nth_weekday(year, 11, 3, 4)  # the fourth Thursday of November
        return thanksgiving + timedelta(days=words.THANKSGIVING_SHIFTS.get(rule, 0))
    if rule in words.NTH_WEEKDAY_RULES:
        return nth_weekday(year, *words.NTH_WEEKDAY_RULES[rule])
    if rule == "tuesday_after_first_monday_of_november":
        return nth_weekday(year, 11, 0, 1) + timedelta(days=1)
    from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter

    method = EASTER_ORTHODOX if rule in words.ORTHODOX_EASTER_RULES else EASTER_WESTERN
    return easter(year, method) + timedelta(days=words.EASTER_SHIFTS.get(rule, 0))


def resolve_holiday(m: re.Match[str], ctx: Context) -> Resolved | None:
    words = ctx.lang.words
    in_a_name = part_of_name(m, ctx) and not words.HOLIDAY_EVENT_AFTER.match(ctx.text, m.end())
    if in_a_name or _not_this_holiday(m, ctx) or words.HOLIDAY_THING_AFTER.match(ctx.text, m.end()) or \
            _a_persons_surname(m["name"], ctx) or \
            words.HOLIDAY_CUSTOM_BEFORE.search(ctx.text, max(0, m.start() - words.HOLIDAY_CUSTOM_CHARS), m.start()):
        return None  # a name, another calendar's new year, a kind of thing ("Christmas trees"), a person, a custom
    year_after = words.HOLIDAY_YEAR_AFTER.match(ctx.text, m.end())
    if m["y"] or year_after:  # "Thanksgiving 2012", "on Christmas Eve in 2000"
        day = holiday_date(m["name"], int(m["y"] or year_after["y"]), words)
    elif m["yrel"] and ctx.published:  # "Thanksgiving last year"
        day = holiday_date(m["name"], ctx.published.year + words.YEAR_STEPS[m["yrel"].lower()], words)
    elif ctx.published is None:
        return Resolved(DATE, TimeValue.unknown(_holiday_granularity(m, words), weekend=bool(m["weekend"])))
    else:
        day = _holiday_near(m["name"], m, ctx)
    if day is None:
        return None  # a year the calendar does not reach
    if m["weekend"]:  # a Monday holiday's weekend is the one before it ("the Labor Day weekend"), else its own week's
        return Resolved(DATE, TimeValue.weekend_of(day - timedelta(days=1) if day.isoweekday() == 1 else day))
    return Resolved(DATE, _holiday_value(_sighted_day(day, m, ctx), m, words))


def _sighted_day(day: date, m: re.Match[str], ctx: Context) -> date:
    """A sighted calendar's holiday on the weekday the text gives it ("for Eid al-Adha ... on Saturday"), when that
    weekday lies a day from the computed day; else the computed day."""
    words = ctx.lang.words
    said = words.SIGHTED_WEEKDAY_AFTER.match(ctx.text, m.end())
    if not _sighted(m["name"], words) or said is None or _eve(m) or m["edge"]:
        return day
    weekday = words.WEEKDAYS[said["weekday"].lower()]
    near = [day + timedelta(days=shift) for shift in range(-words.SIGHTED_WEEKDAY_DAYS, words.SIGHTED_WEEKDAY_DAYS + 1)]
    return next((d for d in near if d.isoweekday() == weekday), day)


def _sighted(name: str, words: ModuleType) -> bool:
    """Whether a holiday's calendar is set by sighting the moon (an Islamic holiday: its computed day may be off)."""
    rule = words.CALENDAR_HOLIDAYS.get(name.lower())
    return rule is not None and rule[0] in words.SIGHTED_CALENDARS


def _a_persons_surname(name: str, ctx: Context) -> bool:
    """A holiday's name that the text gives a person as a surname ("Taha Yassin Ramadan")."""
    words = ctx.lang.words
    return name.lower() in words.SURNAME_HOLIDAYS and \
        re.search(words.SURNAME_BEFORE + re.escape(name) + r"\b", ctx.text) is not None


def _eve(m: re.Match[str]) -> bool:
    """"the eve of Eid", "Diwali eve": the day before the holiday."""
    return bool(m.groupdict().get("eve") or m.groupdict().get("eve_after"))


def _holiday_granularity(m: re.Match[str], words: ModuleType) -> Granularity:
    """A festival's week ("Easter week"), a month-long festival's month ("Ramadan"), else a day."""
    if m["week"]:
        return Granularity.WEEK
    month_long = words.CALENDAR_HOLIDAYS.get(m["name"].lower()) in words.MONTH_LONG_HOLIDAYS
    return Granularity.MONTH if month_long and not m["edge"] else Granularity.DAY


def _holiday_value(day: date, m: re.Match[str], words: ModuleType) -> TimeValue:
    """The value of a holiday whose (first) day is `day`: the day before for "the eve of", a month-long festival's
    last day for "the end of", its month for its name alone (the month holding its middle day)."""
    granularity = _holiday_granularity(m, words)
    if _eve(m):
        return TimeValue.of(day - timedelta(days=1))
    if m["edge"] and not m["first"]:  # "the end of Ramadan": the day before the holiday that ends it
        ending = words.MONTH_LONG_HOLIDAYS[words.CALENDAR_HOLIDAYS[m["name"].lower()]]
        ends = [end for year in (day.year, day.year + 1) for end in calendar_holiday_days(*ending, year) if end > day]
        return TimeValue.of(min(ends) - timedelta(days=1)) if ends else TimeValue.of(day, Granularity.MONTH)
    if granularity == Granularity.MONTH:
        return TimeValue.of(day + timedelta(days=words.MONTH_LONG_MIDDLE_DAY), granularity)
    return TimeValue.of(day, granularity)


def _not_this_holiday(m: re.Match[str], ctx: Context) -> bool:
    """"the new year's budget" (no capital: the coming year), "Chinese New Year's Eve" (another calendar's), "tet"."""
    words, name = ctx.lang.words, m["name"]
    capitalised_only = words.HOLIDAYS_CAPITALISED + words.CALENDAR_HOLIDAYS_CAPITALISED
    if name.lower() in capitalised_only and not name[:1].isupper():
        return True
    return words.NEW_YEAR in name.lower() and name.lower() not in words.CALENDAR_HOLIDAYS and \
        bool(words.OTHER_CALENDAR_BEFORE.search(ctx.text, max(0, m.start() - 16), m.start()))


def _holiday_near(name: str, m: re.Match[str], ctx: Context) -> date | None:
    """The nearest such holiday, unless "last"/"next" or the tense points to one months away; "the eve of" a holiday
    is compared as the day it names."""
    eve = timedelta(days=1 if _eve(m) else 0)
    day = _holiday_day_near(name, m, ctx, eve)
    return day + eve if day else None


def _holiday_day_near(name: str, m: re.Match[str], ctx: Context, eve: timedelta) -> date | None:
    words = ctx.lang.words
    tense = tense_of(m, ctx)
    year = ctx.published.year
    options = [day - eve for y in (year - 1, year, year + 1) for day in holiday_days(name, y, words) if day]
    if not options:
        return None
    relation = words.RELATIONS.get((m.groupdict().get("rel") or "").lower())
    if relation == "last":
        return max((d for d in options if d < ctx.published), default=None)
    if relation == "next":
        return min((d for d in options if d > ctx.published), default=None)
    if relation == "this":
        return next((d for d in options if d.year == year), None)
    if relation is None and tense == "past" and _holiday_in_story_year(m, ctx):
        day = holiday_date(name, ctx.reference.day.year, words)  # the story's year, not the latest one
        return day - eve if day else None
    if words.DEADLINE_PREPOSITION_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start()):
        # a deadline, as with months: "may not be freed until Christmas" said in September is the coming one
        tense = None if tense == "past" else "future"
    day = nearest_by_tense(ctx.published, options, tense)
    sighting = timedelta(days=words.SIGHTING_DAYS if _sighted(name, words) else 0)
    if day > ctx.published + sighting and tense == "past" and dated_by_past_verb(ctx.text, m.start(), ctx.lang.cues):
        # "was heavy on Memorial Day" said in April: it has been (an Islamic holiday a day or two ahead of its computed
        # day may have been kept already, by sighting)
        return max((d for d in options if d < day), default=day)
    return day


def _holiday_in_story_year(m: re.Match[str], ctx: Context) -> bool:
    """A date of an earlier year said earlier in the sentence, and a preposition dating the holiday."""
    words = ctx.lang.words
    ref = reference_before(ctx, m)
    if ref is None or ref.day.year >= ctx.published.year or m.start() - ref.position > words.HOLIDAY_NARRATIVE_CHARS:
        return False
    between = ctx.text[ref.position:m.start()]
    return not re.search(r"[.!?]\s", between) and \
        bool(words.HOLIDAY_PREPOSITION_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start()))


# --- relative units, ago, anaphora --------------------------------------------------------------------

def _base(ctx: Context, m: re.Match[str]) -> date | None:
    """The narrative's reference day if one was mentioned, else the publication date."""
    ref = _anchoring_reference(ctx, m)
    return ref.day if ref else ctx.published


def _anchoring_reference(ctx: Context, m: re.Match[str]) -> Reference | None:
    """The reference _base counts from, or None when it counts from the publication date.

    A reference still to come does not anchor a clause in the past tense: in "the vote on Friday
    ... volumes were up from the previous week", the week is the one before publication's."""
    ref = reference_before(ctx, m)
    if ref is None or (ctx.published and ref.day > ctx.published and tense_of(m, ctx) == "past"):
        return None
    return ref


def resolve_relative_unit(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"last week", "next month", "that year", "the weekend": a unit counted from publication or the narrative."""
    words = ctx.lang.words
    rel = " ".join(m["rel"].lower().split())
    unit = words.UNIT_SPELLINGS.get(m["unit"].lower(), m["unit"].lower())
    if rel in words.NOT_AFTER_MOD and (m.groupdict().get("mod") or words.DEFINED_BY_CLAUSE_AFTER.match(ctx.text, m.end())):
        return None
    if rel == words.THE_PAST and unit in ("decade", "century"):
        # the ten years up to now, as "the past ten years" is; not the calendar decade before this one
        return Resolved(DURATION, Duration.of(10 if unit == "decade" else 100, "year"))
    decade = _decade_after(m, ctx) if unit == "decade" and rel in words.DECADE_AFTER else None
    if decade is not None:
        return decade
    if unit == words.WEEKEND:
        return Resolved(DATE, _weekend(m, ctx, rel))
    anaphoric = rel in words.NARRATIVE_RELATIONS or (
        rel == words.THE_NEXT and ctx.reference is not None and tense_of(m, ctx) == "past")  # "In 2015 ... The next year, it grew"
    base = _base(ctx, m) if anaphoric else ctx.published
    granularity = Granularity(words.UNIT_GRANULARITY[unit])
    if base is None:
        return Resolved(DATE, TimeValue.unknown(granularity))
    said = m.groupdict().get("mod") or ""
    mod = modifier_of(said.strip(), words) if said.lower() not in words.NOT_A_MOD else None
    return Resolved(DATE, TimeValue.of(shift(base, unit, words.UNIT_STEPS.get(rel, 0)), granularity), mod)


def _decade_after(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"The 1960s ... the next decade" is the 1970s; with no decade named just before, "the next decade" is
    the ten years from now (P10Y, as "the past decade" is the ten years up to now)."""
    decade = ctx.last_decade
    if decade is not None and m.start() - 400 < decade.position < m.start():
        return Resolved(DATE, TimeValue.of(shift(decade.day, "decade", 1), Granularity.DECADE))
    if " ".join(m["rel"].lower().split()) == ctx.lang.words.THE_NEXT:
        return Resolved(DURATION, Duration.of(10, "year"))
    return None  # "the following decade" after a year: counted from the narrative, as other units are


def _weekend(m: re.Match[str], ctx: Context, rel: str) -> TimeValue:
    """"last weekend", "this coming weekend", "the weekend" (just past, unless said of the future)."""
    words = ctx.lang.words
    base = ctx.published
    if base is None:
        return TimeValue.unknown(Granularity.WEEK, weekend=True)
    # "this coming weekend": the weekend of this week, still to come
    day = shift(base, "week", 0 if rel == words.THIS_COMING else words.UNIT_STEPS.get(rel, 0))
    if rel in words.THE_WEEKEND:  # the weekend just past, unless the clause speaks of the future
        tense = tense_of(m, ctx)
        # "could rise by the weekend": a deadline lies ahead unless the clause is told in the past, and so does an
        # untensed weekend said on a Friday; "the weekend selling bout" (before a noun) is the news's weekend whatever
        # the tense
        future = not _weekend_happening(m, ctx, rel) and (tense == "future" or (
            tense is None and (base.isoweekday() == words.WEEKEND_EVE or bool(
                words.DEADLINE_PREPOSITION_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start())))))
        if future:  # the first weekend from the day its sentence is at: "said on that day he would rest over the weekend"
            base = _sentence_day(m, ctx) or base
        day = base + timedelta(days=(5 - base.weekday()) % 7 if future else -((base.weekday() + 1) % 7 + 1))
    return TimeValue.weekend_of(day)


def _weekend_happening(m: re.Match[str], ctx: Context, rel: str) -> bool:
    """"the weekend selling bout": a happening of the news's weekend (a noun after "the weekend"), not one ahead of it."""
    words = ctx.lang.words
    return rel == words.THE_WEEKEND_BEFORE_NOUN and words.WEEKEND_BEFORE_NOUN.match(ctx.text, m.end()) is not None \
        and not words.WEEKEND_AHEAD_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start())


def _sentence_day(m: re.Match[str], ctx: Context) -> date | None:
    """A past day the sentence of m named before it (the story's last day) when a future in the past follows it, else
    None: "Layton said on that day he would consider it over the weekend" (said the Monday after) is counted from that
    day; "was hurt on Tuesday and will rest over the weekend" from publication."""
    said = ctx.last_day
    if said is None or ctx.published is None or said.day >= ctx.published or said.position >= m.start():
        return None
    if _SENTENCE_END.search(ctx.text, said.position, m.start()):
        return None
    return said.day if ctx.lang.words.FUTURE_IN_PAST.search(ctx.text, said.position, m.start()) else None


_FINENESS = (Granularity.CENTURY, Granularity.DECADE, Granularity.YEAR, Granularity.QUARTER, Granularity.MONTH,
             Granularity.WEEK, Granularity.DAY)


def resolve_period_end(m: re.Match[str], ctx: Context) -> Resolved | None:
    """'year-end', 'the end of this month', 'the start of the year', 'the end of the week', 'the end of the decade':
    the current year, month, week or decade (or the one before or after), with its part as the modifier."""
    words = ctx.lang.words
    if m["yearend"] and "-" in m["yearend"]:
        return _year_end_day(m, ctx)
    unit = "year" if m["yearend"] else m["unit"].lower()
    step = words.YEAR_STEPS.get((m["rel"] or "").lower(), 0)
    part = (m["part"] or "").lower()
    mod = modifier_of(part, words) if part else "END"
    granularity = Granularity(unit)
    if unit == "decade" and m["rel"].lower() == "the":  # "In the 1990s ..., by the end of the decade": that decade
        named = _decade_named_before(ctx, m.start())
        if named is not None:
            return Resolved(DATE, TimeValue.decade(named), mod)
    if ctx.published is None:
        return Resolved(DATE, TimeValue.unknown(granularity), mod)
    return Resolved(DATE, TimeValue.of(shift(ctx.published, unit, step), granularity), mod)


def _decade_named_before(ctx: Context, at: int) -> int | None:
    """The decade last written in the sentence before `at` ("the 1990s" -> 199), else None."""
    words = ctx.lang.words
    left = max(0, at - words.YEAR_FRAME_REACH)
    breaks = list(words.SENTENCE_BREAK.finditer(ctx.text, left, at))
    decades = list(words.DECADE_WRITTEN.finditer(ctx.text, breaks[-1].end() if breaks else left, at))
    return int(decades[-1]["y"]) if decades else None


def _year_end_day(m: re.Match[str], ctx: Context) -> Resolved:
    """'by year-end' -> the last day of the publication's year, 'since year-end' -> of the year before (TBAQ dev
    gold writes the compound "year-end" as that day, 2 of 2; "year end" and "the end of the year" stay the year)."""
    if ctx.published is None:
        return Resolved(DATE, TimeValue.unknown(Granularity.DAY, month=12, day=31))
    since = ctx.lang.words.SINCE_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start())
    return Resolved(DATE, TimeValue.of(date(ctx.published.year - (1 if since else 0), 12, 31)))


_YEAR_BEFORE = re.compile(r"\b(?:1[5-9]|2[01])\d\d\s?,\s?$")


def resolve_the_new_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    """'in the new year': the coming year when said in its last quarter, else the year under way; 'the start of
    the new year' is that year with its part as the modifier."""
    mod = modifier_of(m["part"], ctx.lang.words)
    if ctx.published is None:
        return Resolved(DATE, TimeValue.unknown(Granularity.YEAR), mod)
    return Resolved(DATE, TimeValue.year(new_year_of(ctx.published)), mod)


def resolve_the_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    """'for the year' -> the publication's year; 'the year ended March 31' -> P1Y (a fiscal year)."""
    words = ctx.lang.words
    before = ctx.text[max(0, m.start() - 30): m.start()]
    title = words.TITLE_BEFORE.search(before)
    if "Year" in m["tx"] or (title and title[1].lower() in words.TITLE_NOUNS) or _YEAR_BEFORE.search(before):
        return None  # "Player of the Year"; "in 2003, the year the war began" names another year
    if m["ended"]:
        return Resolved(DURATION, Duration.of(1, "year"))
    return Resolved(DATE, TimeValue.year(ctx.published.year) if ctx.published else TimeValue.unknown(Granularity.YEAR))


def _year_ago_quarter(ctx: Context, m: re.Match[str], window: int) -> bool:
    """The last quarter mentioned, just before, lies about a year before the publication."""
    ref = ctx.last_quarter
    return bool(ref and ctx.published and ref.position > m.start() - window
                and 270 < (ctx.published - ref.day).days < 640)


def resolve_ago(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"two years ago" (from publication), "a year earlier" (from the narrative or the period just reported)."""
    direction = " ".join(m["dir"].lower().split())
    words = ctx.lang.words
    backwards = direction in words.BACKWARD
    unit, amount = _ago_amount(m, words)
    if amount is None or amount != int(amount):  # "years ago": some time back
        return Resolved(DATE, TimeValue.reference("PAST_REF" if backwards else "FUTURE_REF"))
    relative_to_now = direction in words.FROM_NOW
    steps = int(amount) * (-1 if backwards else 1)
    # only counting back compares with a period just reported; counting on tells the unit ("a year later" after a
    # quarter is the year, as after a month or a year: `_ago_granularity`)
    compared = _period_compared(ctx, m, steps, relative_to_now) if unit == "year" and backwards else None
    if compared is not None:
        return Resolved(DATE, compared)
    base = ctx.published if relative_to_now else _base(ctx, m)
    by_year = unit == "year" and months_period_before(ctx, m)  # "For the nine months, ... a year earlier"
    if by_year and not relative_to_now and ctx.published:
        base = ctx.published  # the months reported are this year's, whatever date was said last
    granularity = _ago_granularity(ctx, unit, base, counted_from_reference=not (by_year or relative_to_now),
                                   backwards=backwards)
    if granularity is Granularity.WEEK and amount == 1 and relative_to_now and \
            m.start("n") == m.start("tx" if "tx" in m.re.groupindex else 0):
        granularity = Granularity.DAY  # "a week ago" is that weekday last week; "over a week ago" stays a week
    if base is None:
        return Resolved(DATE, TimeValue.unknown(granularity))
    return Resolved(DATE, TimeValue.of(shift(base, unit, steps), granularity))


def resolve_clock_ago(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"3 hours ago", "an hour ago", "20 minutes ago": that long before the page's latest stamp, a TIME; the
    publication day, a DATE, on a page without one."""
    amount = parse_number(m["n"], ctx.lang.words)
    if not amount:
        return None
    if ctx.stamp is None:
        return Resolved(DATE, TimeValue.of(ctx.published)) if ctx.published else None
    moment = ctx.stamp - (timedelta(hours=amount) if m["unit"].lower().startswith("h") else timedelta(minutes=amount))
    zone = ctx.lang.words.ZONE_SUFFIX["UTC"] if moment.tzinfo else ""  # a UTC stamp's count back stays in UTC
    return Resolved(TIME, TimeValue.of(moment.date()).at(f"{moment:%H:%M}{zone}"))


def _period_compared(ctx: Context, m: re.Match[str], steps: int, relative_to_now: bool) -> TimeValue | None:
    """What "a year earlier" compares with when a half or a quarter was just reported: that period a year
    back ("first-half profit ... a year earlier", "third-quarter profit ... a year earlier"); None otherwise."""
    window = 300  # how far back a period just spoken of still sets the comparison
    half = None if relative_to_now else recent_period(ctx, m, window)
    if half is not None and half.half:  # before the months test below: "half" is one of its words
        return _period_value(shift(half.day, "year", steps), half)
    if months_period_before(ctx, m):
        return None  # "For the nine months, ... a year earlier" is by year
    quarter = recent_quarter(ctx, m, window)
    if quarter is not None:
        return TimeValue.of(shift(quarter.day, "year", steps), Granularity.QUARTER)
    if steps < 0 and _year_ago_quarter(ctx, m, window):
        # "in the year-ago quarter. The year-ago results ...": the narrative is already a year back
        return TimeValue.of(ctx.last_quarter.day, Granularity.QUARTER)
    month = _month_compared(ctx, m) if relative_to_now else None  # "from" a month: "a year earlier" has its base
    return None if month is None else TimeValue.of(shift(month, "year", steps), Granularity.MONTH)


def _month_compared(ctx: Context, m: re.Match[str]) -> date | None:
    """The month "a year ago" compares with: one of the last twelve named earlier in its sentence, a word of comparison
    right before ("Retail sales in August were flat compared with a year ago"), as "a year earlier" is counted from
    it; None otherwise ("the revolution that brought him to power 41 years ago" after a month is no comparison)."""
    period = recent_period(ctx, m, 200)
    if period is None or period.granularity is not Granularity.MONTH or ctx.published is None:
        return None
    named = m.groupdict().get("the") is not None  # "the year-ago month" names what it compares with
    if not named and not ctx.lang.words.COMPARED_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()):
        return None
    if not 0 <= (ctx.published - period.day).days < 366 or _SENTENCE_END.search(ctx.text, period.position, m.start()):
        return None
    return period.day


def resolve_reported_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    """The trading day (or week) a market report is about: the day the narrative is at when one was named
    just before ("slumped on Monday ... BP was down on the day"), else the publication day."""
    ref = ctx.reference
    recent = ref is not None and ref.granularity is Granularity.DAY and 0 < m.start() - ref.position < 300 and \
        (ctx.published is None or abs((ref.day - ctx.published).days) <= 7)  # not a date of the story's background
    day = ref.day if recent else ctx.published
    granularity = Granularity.WEEK if m["unit"].lower() == "week" else Granularity.DAY
    return Resolved(DATE, TimeValue.of(day, granularity) if day else TimeValue.unknown(granularity))


def resolve_same_period(m: re.Match[str], ctx: Context) -> Resolved | None:
    """'the same period last year': the month, quarter or half just named, a year back (or in the year said:
    'the same period of 2003'); with none named, the year before publication (or the year said)."""
    period = recent_period(ctx, m, 400)
    if period is not None and not period.half and _months_named_since(ctx, m, period):
        period = None  # "For the first nine months of the year, ... the same period last year": by year
    year = int(m["y"]) if m["y"] else None
    if period is None:
        if year is None and ctx.published is None:
            return Resolved(DATE, TimeValue.unknown(Granularity.YEAR))
        return Resolved(DATE, TimeValue.year(year if year is not None else ctx.published.year - 1))
    day = period.day.replace(year=year) if year is not None else shift(period.day, "year", -1)
    return Resolved(DATE, _period_value(day, period))


def _months_named_since(ctx: Context, m: re.Match[str], period: Reference) -> bool:
    """The sentence of m names a span of months ("the first nine months") and the month named last is in an earlier
    sentence."""
    ends = list(re.finditer(r"[.!?]\s", ctx.text[period.position:m.start()]))
    return bool(ends) and months_period_before(ctx, m)


def _period_value(day: date, period: Reference) -> TimeValue:
    """The period of the same kind as `period` (a month, a quarter, a half) that holds `day`."""
    return TimeValue.half(day.year, 1 if day.month < 7 else 2) if period.half else TimeValue.of(day, period.granularity)


def _ago_amount(m: re.Match[str], words: ModuleType) -> tuple[str, float | None]:
    """The unit and amount of "two years ago", "a fortnight earlier", "year-earlier"; None if vague."""
    raw = m.groupdict().get("n")
    unit = unit_name(m.groupdict().get("unit") or words.DEFAULT_AGO_UNIT, words)
    if raw and raw.lower() in words.HYPHEN_AGO_UNITS:  # "year-earlier"
        return raw.lower(), 1.0
    amount = parse_number(raw, words) if raw is not None else None
    if unit == "century" and amount is not None:  # "half a century ago": fifty years back, a year
        return "year", amount * 100
    if unit == words.FORTNIGHT and amount is not None:
        return "week", amount * 2
    return unit, amount


def _ago_granularity(ctx: Context, unit: str, base: date | None, counted_from_reference: bool,
                     backwards: bool = True) -> Granularity:
    """The unit's granularity, or the reference's when counted from a finer one ("on Nov. 2 ... a year
    earlier" is a day). "A decade ago" is about a year (TimeBank: 1989 for "a decade ago" in 1999).

    Counting on by months or years tells the unit only: "opened in March 2004 and closed six years later" is 2010, as
    "six years ago" is a year (HeidelTime too); counting back keeps the reference's (TBAQ's comparisons, "a year
    earlier" after a day or a quarter), and so do weeks and days ("ended one week later" after March 3 is March 10)."""
    granularity = Granularity.YEAR if unit == "decade" else Granularity(ctx.lang.words.UNIT_GRANULARITY.get(unit, "year"))
    if not backwards and _FINENESS.index(granularity) <= _FINENESS.index(Granularity.MONTH):
        return granularity
    ref = ctx.reference
    if counted_from_reference and ref and base == ref.day and \
            _FINENESS.index(ref.granularity) > _FINENESS.index(granularity):
        return ref.granularity
    return granularity


def _date_just_before(m: re.Match[str], ctx: Context) -> bool:
    """A date ends just before, then a comma: "Oct. 12, the day before the crash" (an apposition)."""
    ref = ctx.reference
    if ref is None or not 0 < m.start() - ref.position <= 25:
        return False
    between = ctx.text[ref.position: m.start()]  # the date itself, then ", ": no sentence end, no other word
    return between.endswith(", ") and not re.search(r"[.!?]\s+[A-Z]|\b[a-z]", between)


def _word_after(after: str, words: ModuleType) -> bool:
    return bool(re.match(r"\s[A-Za-z]", after)) and not after.startswith(words.NOT_A_CLAUSE_AFTER)


def resolve_anaphoric(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"the next day", "the day before Christmas", "that morning": a day counted from another."""
    words = ctx.lang.words
    groups = m.groupdict()
    rel = " ".join((groups.get("rel") or "").lower().split())
    unit = (groups.get("unit") or "day").lower()
    ref = _anchoring_reference(ctx, m) or _said_day(ctx, m, rel)
    narrative_day = ref.day if ref else ctx.published  # what _base gives, without looking twice
    if rel in words.DAY_BEFORE_AFTER:
        around = _day_around(m, ctx, rel, narrative_day)
        if around is None:
            return None
        base, offset, from_narrative = around
    else:
        offset = -1 if groups.get("before") else words.DAY_STEPS.get(rel, 0)
        base, from_narrative = narrative_day, True
    part = _part(unit, words) if unit != "day" else None
    value = _day_from(base, offset, ref if from_narrative else None).at(part)
    return Resolved(TIME if part else DATE, value)


def _said_day(ctx: Context, m: re.Match[str], rel: str) -> Reference | None:
    """The day a saying was dated by, for "the same afternoon" when no story day came before it ("North Korea said
    yesterday that ..., and the Security Council met the same afternoon"): "the same" repeats a day said, and the
    only one said is the saying's (never the publication's, which the text would call "this afternoon"); "the
    previous evening", "the next day" count from it ("announced yesterday that he had been killed the previous
    evening")."""
    said = ctx.said_day
    if rel not in ctx.lang.words.SAID_DAY_RELATIONS or said is None or said.position >= m.start():
        return None
    return said


def _day_around(m: re.Match[str], ctx: Context, rel: str, narrative_day: date | None) \
        -> tuple[date | None, int, bool] | None:
    """"the day before/after ...": (base day, offset, counted from the narrative), or None when the
    day is not said ("the day before returning home")."""
    words = ctx.lang.words
    groups = m.groupdict()
    offset = words.DAY_BEFORE_AFTER[rel]
    relday = (groups.get("relday") or "").lower()
    after = ctx.text[m.end(): m.end() + 30]
    if relday:
        return ctx.published, offset + (-1 if relday == words.YESTERDAY else 1), False
    if groups.get("weekday") and ctx.published:  # "the day before last Tuesday"
        wrel = words.RELATIONS.get((groups.get("wrel") or "").lower())
        return resolve_weekday(ctx.published, words.WEEKDAYS[groups["weekday"].lower()], tense_of(m, ctx), wrel), \
            offset, False
    if groups.get("name") and ctx.published:  # "the day after Christmas"
        return _holiday_near(groups["name"], m, ctx), offset, False
    if words.CLAUSE_AFTER.match(after):
        return None  # a conjunction
    if _word_after(after, words) and _date_just_before(m, ctx):
        return narrative_day, 0, True  # "Oct. 12, the day before the crash" is Oct. 12
    return narrative_day, offset, True


def _day_from(base: date | None, offset: int, ref: Reference | None) -> TimeValue:
    """The day `offset` days from `base`; only partly known when counted from a coarser reference."""
    if base is None:
        return TimeValue.unknown(Granularity.DAY)
    if ref is not None and ref.granularity is not Granularity.DAY:
        # "In 2015 ... the next day": a day of that year, but which one is not said
        known = Granularity.MONTH if ref.granularity is Granularity.MONTH else Granularity.YEAR
        return TimeValue.of(base, known).with_unknown(Granularity.DAY)
    return TimeValue.of(base + timedelta(days=offset))


def _ends_a_range_past_midnight(m: re.Match[str], ctx: Context, hour: int) -> bool:
    """The second clock time of "from 7pm to 6am" or "between 9 pm and midnight", earlier in the day than the first."""
    start = m.start("tx") if m.groupdict().get("tx") is not None else m.start()
    first = ctx.lang.words.CLOCK_RANGE_START_BEFORE.search(ctx.text, max(0, start - 40), start)
    if not first or not (first["ampm"] or first["min"]):
        return False
    first_hour = int(first["h"])
    if first["ampm"]:
        first_hour = first_hour % 12 + (12 if first["ampm"].lower().startswith("p") else 0)
    return first_hour > hour


# --- times of day ----------------------------------------------------------------------------------------

def resolve_clock_time(m: re.Match[str], ctx: Context) -> Resolved | None:
    words = ctx.lang.words
    groups = m.groupdict()
    if _restates_a_local_clock(m, ctx):
        return None  # "at 10:35 a.m. (0735 GMT)", "at 2:46 p.m. local time (0546 UTC)"
    if groups.get("word"):
        if m.group().startswith(groups["word"]) and (part_of_name(m, ctx) or (
                m.group()[:1].isupper() and words.DAY_SERVICE_AFTER.match(ctx.text, m.end()))):
            return None  # "Midnight Oil rock star", "the AFR Midnight Rambler", "Midnight Mass": a name
        hour, minute = (0, 0) if groups["word"].lower() == words.MIDNIGHT else (12, 0)
    else:
        named_hour = words.CLOCK_HOUR_WORDS.get(groups["h"].lower())
        hour, minute = _hour_of_day(named_hour or int(groups["h"]), groups.get("ampm")), int(groups.get("min") or 0)
        if hour is None:
            return None
        daypart = (groups.get("daypart") or groups.get("tpart") or _oclock_tail_part(m, words)).lower()
        if daypart.endswith(words.EVENING_PARTS) or (daypart.endswith(words.NIGHT_PART) and 6 <= hour < 12):
            hour += 12  # "4 in the afternoon", "10 at night"
        elif daypart:
            hour %= 12  # "4 in the morning", "12 at night"
    day = _time_day(m, ctx)
    zone = words.ZONE_SUFFIX.get((groups.get("zone") or "").upper(), "")
    if groups.get("hedge") and hour == 0:
        return _nearly_midnight(m, ctx, day, zone)
    if _ends_named_day(m, ctx, day):
        value = TimeValue.of(day) if day else TimeValue.unknown(Granularity.DAY)
        return Resolved(TIME, value.at(words.MIDNIGHT_DAY_END + zone))  # "until midnight Friday": the end of Friday
    if day and (_ends_story_day(m, ctx, day) or _ends_a_range_past_midnight(m, ctx, hour)
                or _small_hours_ahead(m, ctx, day, hour)):
        day += timedelta(days=1)  # "a curfew from 7pm to 6am", "between 9 pm and midnight": the range ends the next day
    value = TimeValue.of(day) if day else TimeValue.unknown(Granularity.DAY)
    return Resolved(TIME, value.at(f"{hour:02d}:{minute:02d}{zone}"))


def _restates_a_local_clock(m: re.Match[str], ctx: Context) -> bool:
    """A wire clock in brackets right after a local clock restates it: no timex of its own ("(0735 GMT)": TBAQ,
    te3-silver and web gold). Written with a colon ("(05:46 UTC)") it stays a TIME: the Wikinews-style sets tag it
    (5 of 5 dev), and the conventions split by source, not by form (values32, lead stop 41)."""
    words = ctx.lang.words
    return (m.groupdict().get("zone") or "").upper() in words.WIRE_ZONES and m.start() > 0 and ":" not in m.group() and \
        ctx.text[m.start() - 1] == "(" and \
        bool(words.LOCAL_CLOCK_BEFORE_BRACKET.search(ctx.text, max(0, m.start() - 60), m.start()))


def _small_hours_ahead(m: re.Match[str], ctx: Context, day: date, hour: int) -> bool:
    """An hour of the small hours told ahead, with no day of its own, on the publication day of a story that has told
    an afternoon or evening hour before it ("at about 2 p.m. ... We're expecting the worst of the wind between 1 a.m.
    and 4 a.m."): the coming night's, the next day's (web-articles-fresh5's README); that day's small hours are past.
    Not a schedule told alone ("The curfew starts at 5 in the morning")."""
    words = ctx.lang.words
    return hour < words.SMALL_HOURS_END and bool(m.groupdict().get("h")) and not m.groupdict().get("tail") \
        and day == ctx.published and tense_of(m, ctx) == "future" \
        and bool(words.LATER_HOUR_BEFORE.search(ctx.text, 0, m.start()))


def _oclock_tail_part(m: re.Match[str], words: ModuleType) -> str:
    """The part of the day an "o'clock" hour's day names ("4 o'clock yesterday afternoon": "afternoon"), else ""."""
    if not m.groupdict().get("oclock") or not m.groupdict().get("tail"):
        return ""
    last = m["tail"].split()[-1].lower()
    return last if last in words.PARTS_OF_DAY else ""


def _nearly_midnight(m: re.Match[str], ctx: Context, day: date | None, zone: str) -> Resolved:
    """"nearly midnight", "almost midnight": the end of an evening's day, hour 24 (web-articles-fresh2's convention);
    said of the past with no day of its own, the evening before publication: the instant the bare "midnight" of the
    publication day is (its T00:00)."""
    if day and day == ctx.published and not m.groupdict().get("tail") and tense_of(m, ctx) == "past":
        day -= timedelta(days=1)
    value = TimeValue.of(day) if day else TimeValue.unknown(Granularity.DAY)
    return Resolved(TIME, value.at(ctx.lang.words.MIDNIGHT_DAY_END + zone), modifier_of(m["hedge"], ctx.lang.words))


def _ends_named_day(m: re.Match[str], ctx: Context, day: date | None) -> bool:
    """"midnight" with the day it ends ("midnight Friday", "midnight tonight"), not "shortly after midnight Thursday";
    `day` is the day the time falls on (`_time_day`)."""
    words = ctx.lang.words
    if (m.groupdict().get("word") or "").lower() != words.MIDNIGHT or not m.groupdict().get("tail"):
        return False
    if words.MIDNIGHT_DAY_START_BEFORE.search(ctx.text, max(0, m.start() - 25), m.start()):
        return False
    # "confirmed the visit at midnight Wednesday" in a Wednesday paper: past on its own day, so its start
    return not (tense_of(m, ctx) == "past" and day == ctx.published)


def _ends_story_day(m: re.Match[str], ctx: Context, day: date) -> bool:
    """A bare "midnight" in a story told of an earlier day ("met the negotiators late Tuesday ... At midnight, ...",
    "acknowledged victory shortly before midnight") ends that day: 00:00 of the day after, as a bare midnight is
    written (te3-silver-blind7's gold); "after midnight", "since midnight" stay the story day's start, unless that
    day was named with its late part ("overturned late Sunday ... only after midnight": Monday 00:00)."""
    words = ctx.lang.words
    if (m.groupdict().get("word") or "").lower() != words.MIDNIGHT or m.groupdict().get("tail") or \
            ctx.published is None or day >= ctx.published:
        return False
    if not words.MIDNIGHT_DAY_START_BEFORE.search(ctx.text, max(0, m.start() - 25), m.start()):
        return True
    ref = reference_before(ctx, m)  # "late Sunday ... only after midnight": the midnight that ends that evening
    return ref is not None and ref.day == day and _evening_of(ref, ctx)


def resolve_spoken_clock(m: re.Match[str], ctx: Context) -> Resolved | None:
    """A clock read in words, minutes past the hour: "ten past nine" 09:10, "half past seven yesterday evening"
    yesterday's 19:30, "one minute past midnight on Saturday" Saturday's 00:01 (past midnight is the day's start, not
    its end); the day as for a clock time in figures (`_time_day`)."""
    words = ctx.lang.words
    groups = m.groupdict()
    part = (groups.get("part") or "").lower().split()[-1:]
    minute = words.CLOCK_PARTS[part[0]] if part else int(parse_number(groups["min"], words) or 0)
    if groups.get("word"):
        hour = 0 if groups["word"].lower() == words.MIDNIGHT else 12
    else:
        hour = _hour_of_day(int(parse_number(groups["h"], words) or 0), groups.get("ampm"))
        if hour is None:
            return None
        if not groups.get("ampm"):
            hour = _hour_in_part(hour, groups.get("daypart") or groups.get("tail") or "", words)
    day = _time_day(m, ctx)
    value = TimeValue.of(day) if day else TimeValue.unknown(Granularity.DAY)
    return Resolved(TIME, value.at(f"{hour:02d}:{minute:02d}"))


def _hour_in_part(hour: int, part: str, words: ModuleType) -> int:
    """A 12-hour clock's `hour` in the part of the day said with it ("seven in the evening" 19, "eleven last night"
    23, "ten in the morning" 10); unchanged with no part."""
    part = part.lower()
    if part.endswith(words.EVENING_PARTS) or (part.endswith(words.NIGHT_PART) and 6 <= hour < 12):
        return hour % 12 + 12
    return hour % 12 if part.endswith(words.MORNING_PART) else hour


def _hour_of_day(hour: int, ampm: str | None) -> int | None:
    """The 24-hour clock's hour of `hour` said with a.m./p.m. (`ampm`, any case and dots), None past 12 with one."""
    if not ampm:
        return hour
    if not 1 <= hour <= 12:
        return None
    return hour % 12 + (12 if ampm.lower().startswith("p") else 0)


def resolve_overnight(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"overnight": the night before the day the news is at, a day of the past week named just before ("London
    shares fell Friday ... overnight losses in New York", TBAQ), else the night before publication; told in the future
    ("engineers will fuel the rocket overnight") the coming night, the publication day's. None before a noun it
    qualifies ("the overnight lending rate", "an overnight stop")."""
    words = ctx.lang.words
    after = re.match(r"\s([\w-]+)", ctx.text[m.end():m.end() + 20])
    if after and after.group(1).lower() in words.OVERNIGHT_NOUNS:
        return None
    night = words.PARTS_OF_DAY["night"]
    if ctx.published is None:
        return Resolved(TIME, TimeValue.unknown(Granularity.DAY).at(night))
    if tense_of(m, ctx) == "future":
        return Resolved(TIME, TimeValue.of(ctx.published).at(night))
    ref = reference_before(ctx, m)
    news_day = ref is not None and ref.granularity is Granularity.DAY and m.start() - ref.position < 300 and \
        0 <= (ctx.published - ref.day).days <= 7 and not follows_since(ctx.text, ref.position, ctx.lang.cues) and \
        not words.POSSESSIVE_AFTER.match(ctx.text, ref.position, ref.position + 30) and \
        not _said_in_aside(ref.position, m, ctx)  # "Saturday's bombing" is earlier
    if news_day and _evening_of(ref, ctx):
        return Resolved(TIME, TimeValue.of(ref.day).at(night))  # "yesterday afternoon ... overnight": its own night
    day = ref.day if news_day else ctx.published
    return Resolved(TIME, TimeValue.of(day - timedelta(days=1)).at(night))


def _evening_of(ref: Reference, ctx: Context) -> bool:
    """The story day at `ref` was named with its late part ("yesterday afternoon", "Sunday night", "late Sunday"): a
    night told after it follows it (`words.EVENING_DAY_AT`)."""
    words = ctx.lang.words
    return bool(words.EVENING_DAY_AT.match(ctx.text, ref.position)
                or words.LATE_BEFORE_DAY.search(ctx.text, max(0, ref.position - 8), ref.position))


def _said_in_aside(position: int, m: re.Match[str], ctx: Context) -> bool:
    """The date at `position` is said in a relative aside that closes before `m` ("The fire, which started Saturday
    afternoon ..., more than doubled in size overnight"): background, not the day the main clause is at."""
    return any(a.start() < position < a.end() <= m.start()
               for a in ctx.lang.cues.RELATIVE_ASIDE.finditer(ctx.text, max(0, position - 200), m.start()))


def resolve_narrative_part(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"in the morning", "in the afternoon": that part of the day the story is at, a day named shortly before ("on
    Tuesday ... in the morning"; not a possessive's, "Friday's data": an earlier day the story looks back to), else the
    publication day."""
    part = ctx.lang.words.PARTS_OF_DAY[m["unit"].lower()]
    if ctx.published is None:
        return Resolved(TIME, TimeValue.unknown(Granularity.DAY).at(part))
    ref = reference_before(ctx, m)
    story_day = ref is not None and ref.granularity is Granularity.DAY and m.start() - ref.position < 300 and \
        not ctx.lang.words.POSSESSIVE_AFTER.match(ctx.text, ref.position, ref.position + 30)
    return Resolved(TIME, TimeValue.of(ref.day if story_day else ctx.published).at(part))


def resolve_stamp_line(m: re.Match[str], ctx: Context) -> Resolved | None:
    """A live page's entry stamp, a 24-hour clock alone on its line ("18:41" above "Post update"): that time of the day
    the page is of, whatever day the entry below the last stamp told of."""
    value = TimeValue.of(ctx.published) if ctx.published else TimeValue.unknown(Granularity.DAY)
    return Resolved(TIME, value.at(f"{int(m['h']):02d}:{m['min']}"))


def resolve_timestamp(m: re.Match[str], ctx: Context) -> Resolved | None:
    """A page's time stamp, a full date and a clock time as one TIME ("1:52 PM EDT, Wed April 17, 2013",
    "Oct. 8, 2013 7:41 p.m. ET", "09/30/2013 08:15:42 PM EDT"): the date said, at that time. After "<date> at" the
    clock alone is the TIME ("Sept. 12, 2013 at 4:31 PM"), of the date before it."""
    words = ctx.lang.words
    groups = m.groupdict()
    hour, minute = _hour_of_day(int(groups["h"]), groups.get("ampm")), int(groups.get("min") or 0)
    if hour is None:
        return None
    month = month_number(groups["month"], words) if groups.get("month") else int(groups["mm"])
    year = int(groups["y"])
    if len(groups["y"]) == 2:  # "06/05/24"
        year = year_of_two_digits(year, ctx.published)
    day = _stamp_day(year, month, int(re.match(r"\d+", groups["d"]).group()), ctx, numeric=not groups.get("month"))
    if day is None or hour > 23:
        return None
    seconds = f":{groups['sec']}" if groups.get("sec") else ""
    zone = words.ZONE_SUFFIX.get((groups.get("zone") or "").upper(), "")
    return Resolved(TIME, TimeValue.of(day).at(f"{hour:02d}:{minute:02d}{seconds}{zone}"))


def _stamp_day(year: int, month: int, day_of_month: int, ctx: Context, numeric: bool) -> date | None:
    """The day of a stamp's date; a numeric one that reads both ways ("Published on 09/10/2013 10:15" on a British
    page) is read as a numeric date alone is (`either_reading`: the page's order, else the reading nearer publication)."""
    def day_of(m: int, d: int) -> date | None:
        try:
            return date(year, m, d)
        except ValueError:
            return None
    if numeric and month != day_of_month and month <= 12 and day_of_month <= 12:
        return either_reading(day_of(month, day_of_month), day_of(day_of_month, month), ctx)
    return day_of(month, day_of_month)


def _tail_month_day(m: re.Match[str]) -> tuple[str | None, str | None]:
    """The month and day a clock time's tail names, in either order ("on June 14", "on 12 February")."""
    groups = m.groupdict()
    if groups.get("tmonth"):
        return groups["tmonth"], groups["tday"]
    return groups.get("tmonth_after"), groups.get("tday_first")


def _date_with_year_after(m: re.Match[str], ctx: Context) -> date | None:
    """The day of a date with its year said right after a clock time ("10:00 GMT on 20 January next year", "21:00 GMT
    on March 1, 2008"): it dates the time, and stays a timex of its own."""
    words = ctx.lang.words
    after = words.CLOCK_DATE_WITH_YEAR_AFTER.match(ctx.text, m.end())
    month_name = after and (after["month_first"] or after["month_second"]).lower().rstrip(".")
    if not after or month_name not in words.MONTHS:
        return None
    year = int(after["year"]) if after["year"] else ctx.published.year + words.YEAR_STEPS[after["rel"].lower()]
    try:
        return date(year, words.MONTHS[month_name], int(after["day_first"] or after["day_second"]))
    except ValueError:
        return None


def _time_day(m: re.Match[str], ctx: Context) -> date | None:
    words = ctx.lang.words
    tail = " ".join((m.groupdict().get("tail") or "").lower().split())  # "last\nnight" as "last night"
    if ctx.published is None:
        return None
    local_day = None if tail else words.LOCAL_TIME_DAY_AFTER.match(ctx.text, m.end())
    if local_day is None and not tail:
        local_day = words.CLOCK_RANGE_DAY_AFTER.match(ctx.text, m.end())  # "between 7 a.m. and 9 p.m. on Sunday"
    if local_day:
        tail = " ".join(local_day["day"].lower().split())  # "at 2:30 p.m. local time on Monday", "... last night"
    # The day is read as it would be alone ("The talks start at 9 a.m. Tuesday": a schedule's present looks ahead,
    # as "The talks start Tuesday" does), so a clock time and its day never land a week apart.
    if tail in words.WEEKDAYS:
        return resolve_weekday(ctx.published, words.WEEKDAYS[tail], _range_day_tense(m, ctx))
    if tail in words.CLOCK_DAYS:
        return ctx.published + timedelta(days=words.CLOCK_DAYS[tail])
    month_name, day_name = _tail_month_day(m)
    if month_name:
        month, day = month_number(month_name, words), int(re.match(r"\d+", day_name).group())
        return resolve_month_day(ctx.published, month, day, day_tense_of(m, ctx))
    dated = None if tail else _date_with_year_after(m, ctx)
    if dated:
        return dated
    story = _story_day(m, ctx)
    if story and _on_story_day(story.day, tense_of(m, ctx), ctx.published):
        return story.day  # "stood at 10 a.m." after "storms would move through Thursday night": today
    return ctx.published


def _on_story_day(day: date, tense: str | None, published: date) -> bool:
    """Whether a bare clock time is of the story's day: a past one told in the past or present, a coming one told in
    any tense but the past; a clock told ahead is not of a day gone ("will be open every day from 10am to 5pm" after
    "the minister visited on Tuesday" are today's hours)."""
    if day < published:
        return tense != "future"
    return day == published or tense != "past"


def _range_day_tense(m: re.Match[str], ctx: Context) -> str | None:
    """The tense a clock time's weekday is read in: the range's, from its first time, when the time closes one ("are
    open from 9 a.m. to 5 p.m. ET on Tuesday": the forward "from" looks ahead for both ends), else its own."""
    opening = ctx.lang.words.CLOCK_RANGE_OPEN_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start())
    start = opening.start("first") if opening else m.start()
    return tense_near(ctx.text, start, m.end(), ctx.lang.cues, day=True, weekday=True)


_SENTENCE_END = re.compile(r"[.!?]\s")


def _opens_span(ref: Reference, m: re.Match[str], ctx: Context) -> bool:
    """The day at `ref` opens a span that runs on ("nine days of testimony, beginning April 9 with the chairman.",
    "since Monday"), in a sentence before the clock time: the story is not at that day ("Court recessed at 4:30 p.m."
    is today's)."""
    return bool(ctx.lang.words.SPAN_START_BEFORE.search(ctx.text, max(0, ref.position - 16), ref.position)
                and _SENTENCE_END.search(ctx.text, ref.position, m.start()))


def _story_day(m: re.Match[str], ctx: Context) -> Reference | None:
    """The day a clock time's story is at: the last date named, if a day and near, no span's end ("last into
    Monday") and no span's start in an earlier sentence (`_opens_span`); or the day named in its sentence
    or the one before when only dates said in a relative aside came after it ("on Monday. The man, who was first
    arrested in 2010, gave himself up at 3 p.m.": an aside does not move the story)."""
    ref, day = ctx.reference, ctx.last_day
    if ref and ref.granularity is Granularity.DAY:
        span_end = ctx.lang.words.SPAN_END_BEFORE.search(ctx.text, max(0, ref.position - 8), ref.position)
        return ref if ref.position > m.start() - 500 and not span_end and not _opens_span(ref, m, ctx) else None
    if day is None or not ctx.dates_since_day or len(_SENTENCE_END.findall(ctx.text, day.position, m.start())) > 1:
        return None
    asides = [a.span() for a in ctx.lang.cues.RELATIVE_ASIDE.finditer(ctx.text, day.position, m.start())]
    return day if all(any(a < said < b for a, b in asides) for said in ctx.dates_since_day) else None
