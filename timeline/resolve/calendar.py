"""Resolvers for calendar expressions: explicit dates, months, years, decades, centuries,
seasons, quarters. The one module that calls dateparser (explicit dates in their many formats).

    "7 Apr, 2021" -> 2021-04-07;  "in March" (published 2021-04-07, past) -> 2021-03;  "the 1990s" -> 199
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from types import ModuleType

from timeline.anchor import (
    dated_by_past_verb,
    day_of_month_near,
    deadline_tense,
    follows_since,
    is_deadline,
    resolve_month,
    resolve_month_day,
    tense_near,
)
from timeline.limits import short_enough
from timeline.resolve.context import (
    DATE,
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
    recent_quarter,
    reference_before,
    tense_of,
    year_number,
    year_of_two_digits,
)
from timeline.ruleset import load_ruleset
from timeline.values import Granularity, TimeValue, opposite_season, quarter_of, shift

# --- explicit dates -------------------------------------------------------------------------

@lru_cache(maxsize=4096)
def parse_explicit(text: str, order: str = "MDY", languages: tuple[str, ...] | None = None) -> date | None:
    """An explicit day ("7 Apr, 2021", "14/07/1989") parsed by dateparser; None if invalid.

    `languages`: dateparser's codes (default: the default ruleset's)."""
    if not short_enough(text):  # the input bound is what bounds dateparser's time (see limits.py)
        return None
    parser = _date_parser(order, languages or load_ruleset().words.DATEPARSER_LANGUAGES)
    try:
        data = parser.get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd input; invalid is the answer
        return None
    if data is None or data.date_obj is None or data.period != "day":
        return None
    return data.date_obj.date()


@lru_cache(maxsize=8)
def _date_parser(order: str, languages: tuple[str, ...]):
    """One dateparser parser per day order; imported lazily (dateparser takes ~0.3 s to load)."""
    from dateparser.date import DateDataParser

    settings = {
        "REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": order,
        "RELATIVE_BASE": datetime(2000, 1, 1), "PREFER_DAY_OF_MONTH": "first",
    }
    return DateDataParser(languages=list(languages), settings=settings)


def resolve_iso_date(m: re.Match[str], ctx: Context) -> Resolved | None:
    try:
        day = date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    if m["hh"] and int(m["hh"]) < 24:
        return Resolved(TIME, TimeValue.of(day).at(f"{m['hh']}:{m['mm']}"))
    return Resolved(DATE, TimeValue.of(day))


def resolve_numeric_date(m: re.Match[str], ctx: Context) -> Resolved | None:
    a, b = int(m["a"]), int(m["b"])
    languages = ctx.lang.words.DATEPARSER_LANGUAGES
    if a == 0 or b == 0 or (a > 12 and b > 12):
        return None
    text = m.group()
    if len(m["y"]) == 2:  # "14/07/89": the year the publication anchors, not dateparser's own pivot
        text = text[: m.start("y") - m.start()] + str(year_of_two_digits(int(m["y"]), ctx.published))
    if a > 12 or b > 12 or m["sep"] == ".":
        day = parse_explicit(text, "DMY" if a > 12 or m["sep"] == "." else "MDY", languages)
    else:  # 12/06/2022: both readings are dates
        day = either_reading(parse_explicit(text, "MDY", languages), parse_explicit(text, "DMY", languages), ctx)
    return Resolved(DATE, TimeValue.of(day)) if day else None


def either_reading(month_first: date | None, day_first: date | None, ctx: Context) -> date | None:
    """The day a numeric date means when it reads both ways ("12/06/2022", "09/10/2013 10:15"): the order the page's
    other dates are written in, else the reading nearer publication, else the month first."""
    readings = [d for d in (month_first, day_first) if d]
    order = _date_order(ctx)
    if order and len(readings) == 2:
        return readings[order == "DMY"]
    if ctx.published and readings:
        return min(readings, key=lambda d: abs((d - ctx.published).days))
    return readings[0] if readings else None


def _date_order(ctx: Context) -> str | None:
    """The order the text writes its dates in: "DMY" when more are day first ("5 March", "25/03/2013") than month
    first ("March 5", "03/25/2013"), "MDY" for the reverse, None when it does not tell."""
    words = ctx.lang.words
    day_first = len(words.DAY_FIRST_DATES.findall(ctx.text))
    month_first = len(words.MONTH_FIRST_DATES.findall(ctx.text))
    if day_first == month_first:
        return None
    return "DMY" if day_first > month_first else "MDY"


def resolve_full_date(m: re.Match[str], ctx: Context) -> Resolved | None:
    day = parse_explicit(m.group(), "MDY", ctx.lang.words.DATEPARSER_LANGUAGES)
    return Resolved(DATE, TimeValue.of(day)) if day else None


def resolve_month_day_(m: re.Match[str], ctx: Context) -> Resolved | None:
    month, day_of_month = month_number(m["month"], ctx.lang.words), int(re.match(r"\d+", m["d"]).group())
    if _looks_like_count(m, ctx):
        return None
    if m.groupdict().get("y"):  # "April 24 and 25, 1999"
        return Resolved(DATE, TimeValue.of(date(int(m["y"]), month, day_of_month)))
    if m.groupdict().get("yrel") and ctx.published:  # "on June 7-8 this year"
        year = ctx.published.year + ctx.lang.words.YEAR_STEPS[m["yrel"].lower()]
        return Resolved(DATE, TimeValue.of(date(year, month, day_of_month)))
    event_year = _event_year(m, ctx, month, day_of_month) or _framing_year(ctx, m.start())
    if event_year:  # "since the September 11 attacks", "In 2000, the court ruled on Dec. 12"
        return Resolved(DATE, TimeValue.of(date(event_year, month, day_of_month)))
    if ctx.published is None:
        try:
            date(2000, month, day_of_month)
        except ValueError:
            return None
        return Resolved(DATE, TimeValue.unknown(Granularity.DAY, month=month, day=day_of_month))
    if is_deadline(ctx.text, m.start(), m.end(), ctx.lang.cues):
        # a deadline is set near the time of the news: the nearest such day, before or after publication ("gave
        # Iran until August 31" said in December is the August past, "adjourned until January 23" the coming one),
        # unless the tense of the verb setting it says the other side months away ("have until Oct. 17" said in April)
        tense = deadline_tense(ctx.text, m.start(), m.end(), ctx.lang.cues)
        day = resolve_month_day(ctx.published, month, day_of_month, tense, untensed_is_past=False)
        return Resolved(DATE, TimeValue.of(day)) if day else None
    if _ends_a_period(ctx, m.start()):  # "the year ending March 31": the nearest one
        day = resolve_month_day(ctx.published, month, day_of_month, None, untensed_is_past=False)
        return Resolved(DATE, TimeValue.of(day)) if day else None
    tense = day_tense_of(m, ctx)
    day = resolve_month_day(ctx.published, month, day_of_month, tense)
    if day and day > ctx.published and (follows_since(ctx.text, m.start(), ctx.lang.cues)
                                        or (tense == "past" and dated_by_past_verb(ctx.text, m.start(), ctx.lang.cues))
                                        or (tense != "future" and _names_happening(m, ctx))):
        day = day.replace(year=day.year - 1)  # "since May 3" said on May 1, "took effect on Jan. 1" said in November
    return Resolved(DATE, TimeValue.of(day)) if day else None


def _ends_a_period(ctx: Context, start: int) -> bool:
    """The month or day at `start` ends a reported period told by "ending (in)" (`words.PERIOD_ENDING_BEFORE`)."""
    return bool(ctx.lang.words.PERIOD_ENDING_BEFORE.search(ctx.text, max(0, start - 10), start))


def _names_happening(m: re.Match[str], ctx: Context) -> bool:
    """"the December 26 tsunami": the month-day modifies, after "the", the noun of a happening that has taken place."""
    return ctx.text[max(0, m.start() - 4):m.start()].lower() == "the " \
        and bool(ctx.lang.words.HAPPENING_AFTER_DAY.match(ctx.text, m.end()))


def _event_year(m: re.Match[str], ctx: Context, month: int, day_of_month: int) -> int | None:
    """The year of a month-day that names an event ("the September 11 attacks": 2001), else None."""
    words = ctx.lang.words
    year = words.EVENT_DAYS.get((month, day_of_month))
    return year if year and words.EVENT_DAY_AFTER.match(ctx.text, m.end()) else None


def resolve_named_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    """A day written as its event's name: "9/11" -> 2001-09-11."""
    return Resolved(DATE, TimeValue.of(date(*ctx.lang.words.NAMED_DAYS[m["name"]])))


def resolve_day_of_month(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"On the 14th, ...": a day of the month the story is in (the month of a date just said, else the
    publication's, read by tense)."""
    day_of_month = int(m["d"])
    ref = ctx.reference
    if ref is not None and ref.granularity in (Granularity.MONTH, Granularity.DAY) and ref.position > m.start() - 500:
        try:  # "In March, ... On the 14th": that month
            return Resolved(DATE, TimeValue.of(ref.day.replace(day=day_of_month)))
        except ValueError:
            return None
    if ctx.published is None:
        return Resolved(DATE, TimeValue.unknown(Granularity.DAY))
    day = day_of_month_near(ctx.published, day_of_month, tense_of(m, ctx))
    return Resolved(DATE, TimeValue.of(day)) if day else None


def resolve_week_of(m: re.Match[str], ctx: Context) -> Resolved | None:
    """'the week of March 6' -> the ISO week holding that day."""
    day = resolve_month_day_(m, ctx)
    if day is None or not day.value.anchored:
        return Resolved(DATE, TimeValue.unknown(Granularity.WEEK)) if day else None
    return Resolved(DATE, TimeValue.of(day.value.start, Granularity.WEEK))


def resolve_week_number(m: re.Match[str], ctx: Context) -> Resolved | None:
    """'week 14' -> the ISO week 14 of the year written, else of the publication's ISO year, the year before when
    told in the past of a week still ahead, the year after when told ahead of a week gone."""
    n = int(m["n"])
    if m["y"]:
        year = int(m["y"])
    elif ctx.published is None:
        return Resolved(DATE, TimeValue.unknown(Granularity.WEEK))
    else:
        year, now, _ = ctx.published.isocalendar()
        tense = tense_of(m, ctx)
        year += -1 if tense == "past" and n > now else 1 if tense == "future" and n < now else 0
    try:
        return Resolved(DATE, TimeValue.of(date.fromisocalendar(year, n, 1), Granularity.WEEK))
    except ValueError:
        return None  # no week 53 that year


def _looks_like_count(m: re.Match[str], ctx: Context) -> bool:
    """'In April 7 people died': a number followed by a count noun is a count, not a day."""
    after = ctx.text[m.end(): m.end() + 20]
    return bool(ctx.lang.words.COUNT_NOUN_AFTER.match(after)) and m.group().rstrip()[-1].isdigit()


def resolve_month_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    words = ctx.lang.words
    return Resolved(DATE, TimeValue.month_of(year_number(m["y"], words), month_number(m["month"], words)),
                    modifier_of(m["mod"], words))


def resolve_month_relative_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    month = month_number(m["month"], ctx.lang.words)
    if ctx.published is None:
        return Resolved(DATE, TimeValue.unknown(Granularity.MONTH, month=month),
                        modifier_of(m["part"] or m["mod"], ctx.lang.words))
    step = ctx.lang.words.YEAR_STEPS[m["rel"].lower()]
    mod = modifier_of(m["part"] or m["mod"], ctx.lang.words)
    day = m["d"] or m["d2"]
    if day:  # "20 January next year"
        return Resolved(DATE, TimeValue.of(date(ctx.published.year + step, month, int(re.match(r"\d+", day).group()))))
    return Resolved(DATE, TimeValue.month_of(ctx.published.year + step, month), mod)


def resolve_month_alone(m: re.Match[str], ctx: Context) -> Resolved | None:
    words = ctx.lang.words
    month = month_number(m["month"], words)
    rel = (m.groupdict().get("rel") or "").lower().replace("\n", " ")
    if m["month"].lower() in words.VERB_MONTHS and not rel and _next_word_is_verb_like(m, ctx) and \
            not words.MONTH_PREPOSITION.match(m.group()):
        return None  # "to march the prisoners", but "In March a supervisor was fired" is the month
    if words.NAME_PARTICLE_AFTER.match(ctx.text, m.end("month")):
        return None  # "in Mar del Plata": a place
    mod = modifier_of(rel, words) if rel in words.PART_MODIFIERS else modifier_of(m.groupdict().get("part"), words)
    if ctx.published is None:
        return Resolved(DATE, TimeValue.unknown(Granularity.MONTH, month=month), mod)
    if rel in words.MONTH_AFTER_REFERENCE:  # "took office the following January"
        return Resolved(DATE, TimeValue.month_of(_month_after_reference(ctx, m, month, rel), month))
    relation = words.RELATIONS.get(rel)
    if rel.startswith(words.MONTH_THIS):
        relation = "this"
    # the match may start at its preposition ("since July"), so "since" is looked for before the month itself
    if follows_since(ctx.text, m.start("month"), ctx.lang.cues) or words.AS_RECENTLY_AS.match(m.group()):
        tense = "past"
    elif words.MONTH_AS_EARLY_AS.match(m.group()) and not _past_verb_before(m, ctx):
        tense = tense_near(ctx.text, m.start("month"), m.end(), ctx.lang.cues)
    else:
        tense = tense_of(m, ctx)
    if mod and not (tense == "past" and _months_ahead(ctx.published, month) > words.PAST_PART_MONTHS_AHEAD) \
            and not (tense == "future" and _months_ahead(ctx.published, month) < 12 - words.PAST_PART_MONTHS_AHEAD):
        # "early November" is the nearest one ("decided to admit them in early March" said in February is a plan),
        # but "launched in early March" said in November is past: the coming March is months away; and "will step
        # down at the end of December" said in March is the coming one: the last lies months behind (wiki28)
        tense = None
    if words.FUTURES_AFTER.match(ctx.text[m.end():m.end() + 14]):
        tense = "future"  # "crude for December delivery": a futures contract names a coming month
    elif words.DEADLINE_PREPOSITION_BEFORE.search(ctx.text[max(0, m.start("month") - 8):m.start("month")]):
        # a deadline: "repay the loan by February" lies ahead; "extended ... through January" is the nearest
        tense = None if tense == "past" else "future"
    elif _ends_a_period(ctx, m.start("month")):
        tense = None  # "the fiscal year ending in March": the nearest March
    year = _year_of_month_just_dated(ctx, m, month) or _framing_year(ctx, m.start("month")) \
        if relation is None else None
    if year is None:
        governed = bool(words.MONTH_AHEAD_VERB_BEFORE.search(ctx.text, max(0, m.start("month") - 40),
                                                             m.start("month")))
        year = resolve_month(ctx.published, month, tense, relation, governed)
    return Resolved(DATE, TimeValue.month_of(year, month), mod)


def _past_verb_before(m: re.Match[str], ctx: Context) -> bool:
    """The last verb-like word of the clause before the match is a past, not a reporting verb: "the rules took effect
    as early as January" did so then; "said the plan calls for it as early as January" looks ahead."""
    cues, text = ctx.lang.cues, ctx.text
    left = max(0, m.start() - 100)
    stops = list(cues.CLAUSE_STOP.finditer(text, left, m.start()))
    if stops:
        left = stops[-1].end()
    for verb in reversed(ctx.lang.words.VERB_OF_AS_EARLY_AS.findall(text, left, m.start())):
        if verb in cues.PAST_CUES or (verb.endswith(cues.PAST_SUFFIX) and not verb.endswith(cues.NOT_PAST_SUFFIX)):
            return verb not in cues.REPORTING_VERBS
    return False


def resolve_period_edge(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"the last day of 2006" -> 2006-12-31, "the first week of March" -> the week of March's first Thursday (the
    second week: of its second; the last week: of its last), "the first Monday of March" -> that Monday, "the last
    day of the month" -> the publication month's, "the last month of 2005" -> 2005-12; a year's weeks are its ISO
    weeks."""
    words = ctx.lang.words
    place = words.PERIOD_EDGES[m["edge"].lower()]
    if m["month"] or m["mrel"]:
        first_day = _edge_month(m, ctx)
        if first_day is None:
            return None
        unit = m["unit"].lower()
        if unit == "day":
            return _counted_day(first_day, _month_after(first_day), place, 1)
        if unit == "week":  # a week is the month's that holds its Thursday, as a week is the ISO year's
            day = _counted_day(first_day, _month_after(first_day), place, 7, weekday=4)
            return day and Resolved(DATE, TimeValue.of(day.value.start, Granularity.WEEK))
        return _counted_day(first_day, _month_after(first_day), place, 7, weekday=words.WEEKDAYS[unit])
    if m["y"]:
        year = int(m["y"])
    elif ctx.published is None:
        return None
    else:
        year = ctx.published.year + words.YEAR_STEPS[m["rel"].lower()]
    unit = m["yunit"].lower()
    if unit == "month":
        return Resolved(DATE, TimeValue.month_of(year, 13 + place if place < 0 else place)) if place <= 12 else None
    if unit == "day":
        return _counted_day(date(year, 1, 1), date(year + 1, 1, 1), place, 1)
    # ISO 8601: week 1 holds January 4th, the last week December 28th
    week = date(year, 12, 28) + timedelta(weeks=place + 1) if place < 0 else date(year, 1, 4) + timedelta(weeks=place - 1)
    return Resolved(DATE, TimeValue.of(week, Granularity.WEEK)) if week.isocalendar()[0] == year else None


def _counted_day(first: date, after: date, place: int, step: int, weekday: int | None = None) -> Resolved | None:
    """`counted_day` as a day's value, or None when it falls outside [first, after)."""
    day = counted_day(first, after, place, step, weekday)
    return Resolved(DATE, TimeValue.of(day)) if day else None


def counted_day(first: date, after: date, place: int, step: int, weekday: int | None = None) -> date | None:
    """The `place`-th day (of `weekday`, ISO 1-7, if given: `step` 7) from `first`, or from the end (before `after`)
    when `place` is negative; None when it falls outside [first, after)."""
    if place > 0:
        day = first + timedelta(days=(weekday - first.isoweekday()) % 7 if weekday else 0) + timedelta(days=step * (place - 1))
    else:
        last = after - timedelta(days=1)
        day = last - timedelta(days=(last.isoweekday() - weekday) % 7 if weekday else 0) + timedelta(days=step * (place + 1))
    return day if first <= day < after else None


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date | None:
    """The nth `weekday` (0 Monday) of a month; nth -1 is its last ("the third Monday of January", "the last Monday
    of May"); None past the month's end."""
    first = date(year, month, 1)
    return counted_day(first, _month_after(first), nth, 7, weekday + 1)


def _month_after(first: date) -> date:
    return date(first.year + first.month // 12, first.month % 12 + 1, 1)


def _edge_month(m: re.Match[str], ctx: Context) -> date | None:
    """The first day of the month in "the first week of March (2007)": the year written, else the nearest such month's
    for the tense ("since the first week of March" is past); "the month" and "this month" the publication's, "next
    month" and "last month" the one after or before it; "the month" only in a clause with a tense (a generic present,
    "The first day of the month is a holiday", tells every month)."""
    if m["mrel"]:
        if ctx.published is None or (m["mrel"].lower() == ctx.lang.words.ARTICLE.strip() and tense_of(m, ctx) is None):
            return None
        first = ctx.published.replace(day=1)
        step = ctx.lang.words.YEAR_STEPS[m["mrel"].lower()]
        return _month_after(first) if step > 0 else (first - timedelta(days=1)).replace(day=1) if step < 0 else first
    if m["my"]:
        year = int(m["my"])
    elif ctx.published is None:
        return None
    else:
        tense = "past" if follows_since(ctx.text, m.start(), ctx.lang.cues) else tense_of(m, ctx)
        year = resolve_month(ctx.published, month_number(m["month"], ctx.lang.words), tense)
    return date(year, month_number(m["month"], ctx.lang.words), 1)


def _year_of_month_just_dated(ctx: Context, m: re.Match[str], month: int) -> int | None:
    """"will reach the comet in May 2014 and go into orbit in August": a later month in the clause of a month dated
    with its year is in that year (not after a comma: "in April 2003, two governments and a constitution in October"
    lists the story's events)."""
    ref = reference_before(ctx, m)
    if ref is None or ref.granularity not in (Granularity.MONTH, Granularity.DAY) or month <= ref.day.month:
        return None
    between = ctx.text[ref.position:m.start("month")]
    if len(between) > ctx.lang.words.MONTH_YEAR_REACH or re.search(r"[.!?;]\s+(?=[A-Z\"“])|,\s(?!\d)", between):
        return None
    return ref.day.year if ctx.lang.words.YEAR_WRITTEN.search(between) else None


def _framing_year(ctx: Context, at: int) -> int | None:
    """The year that frames the sentence before `at` ("In 2000, the court ruled on Dec. 12", "was 2000, when the
    count ended on Dec. 12", "Last year, the monsoon reached Kerala on May 29"), if no other year was written between
    it and `at`; else None."""
    words = ctx.lang.words
    left = max(0, at - words.YEAR_FRAME_REACH)
    breaks = list(words.SENTENCE_BREAK.finditer(ctx.text, left, at))
    start = breaks[-1].end() if breaks else left
    frame = words.YEAR_FRAME_OPENING.match(ctx.text, start, at) if breaks or left == 0 else None
    if frame is None:
        frame = next(reversed(list(words.YEAR_FRAME_WHEN.finditer(ctx.text, start, at))), None)
    if frame is None or words.YEAR_DIGITS.search(ctx.text, frame.end(), at):
        return None
    if frame["y"]:
        return int(frame["y"])
    if ctx.published is None:
        return None
    if frame["rel"]:  # "Last year, ..."
        return ctx.published.year + words.YEAR_STEPS[frame["rel"].lower()]
    ago = frame["ago"].lower()  # "Two years ago, ..."
    return ctx.published.year - (int(ago) if ago.isdigit() else words.NUMBER_WORDS[ago])


def _reference_day(ctx: Context, m: re.Match[str]) -> date:
    """The last date the narrative mentioned before m, else the publication date."""
    ref = reference_before(ctx, m)
    return ref.day if ref else ctx.published


def _month_after_reference(ctx: Context, m: re.Match[str], month: int, rel: str) -> int:
    """The year of "that January" (the reference's year), "the following/next January" (the first
    after the reference) or "the previous January" (the last before it)."""
    base = _reference_day(ctx, m)
    if rel in ctx.lang.words.FOLLOWING:
        return base.year if month > base.month else base.year + 1
    if rel == ctx.lang.words.PREVIOUS:
        return base.year if month < base.month else base.year - 1
    return base.year


def _months_ahead(published: date, month: int) -> int:
    """How many months ahead of the publication's month the coming `month` is (0 for the same month)."""
    return (month - published.month) % 12


def _next_word_is_verb_like(m: re.Match[str], ctx: Context) -> bool:
    after = ctx.text[m.end(): m.end() + 12]
    return bool(ctx.lang.words.VERB_LIKE_AFTER.match(after))


# --- years, decades, centuries, seasons, quarters ----------------------------------------------------

def resolve_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    groups = m.groupdict()
    if groups.get("from") or groups.get("to"):
        return _range_year(m, ctx)
    if groups.get("next"):
        return _year_pair(m, ctx)
    if groups.get("yy"):
        return Resolved(DATE, TimeValue.year(year_of_two_digits(int(m["yy"]), ctx.published)))
    mod = m.groupdict().get("mod")
    if not mod and not m.groupdict().get("fiscal") and not m.groupdict().get("lead") and not _plausible_year(m, ctx):
        return None
    return Resolved(DATE, TimeValue.year(int(m["y"])), modifier_of(mod, ctx.lang.words))


def _plausible_year(m: re.Match[str], ctx: Context) -> bool:
    """A bare 4-digit number is a year unless a count noun or a name-like word surrounds it."""
    words = ctx.lang.words
    before = ctx.text[max(0, m.start() - 20): m.start()].split()
    after = ctx.text[m.end(): m.end() + 20]
    prev = before[-1].lower() if before else ""
    if prev in words.RANGE_LINKS and re.search(r"\b(?:1[5-9]|20)\d\d\s\S+\s$", ctx.text[max(0, m.start() - 12):m.start()]):
        return True  # "from 1939 to 1945"
    if prev in words.NOT_YEAR_BEFORE and not (prev in words.NOT_YEAR_BEFORE_SOFT and re.match(r"\s?[,.;:)]|$", after)):
        return False
    if words.RANGE_AFTER.match(after) and prev in words.RANGE_STARTS:
        return not words.BC_RANGE_AFTER.match(after)
    if prev not in words.YEAR_BEFORE_ADDRESS and words.ADDRESS_AFTER.match(ctx.text, m.end(), m.end() + 50):
        return False  # "the shop at 1945 Market Street", "the 1900 block of Main Street": an address
    return not (words.COUNT_NOUN_AFTER.match(after) or words.BC_RANGE_AFTER.match(after) or
                words.CLOCK_AFTER.match(after) or _kick_off(m, ctx) or _range_backwards(m, ctx))


def _range_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    """A year of a hyphenated range ("1980-1988", "1998-99"): a year when the range runs forwards, over at most a
    century, and is no count or clock time ("1600-1700 GMT", "1500-2000 people")."""
    first = int(m["from"] if m.groupdict().get("from") else m["y"])
    last = _second_year(first, m["yy"] if m.groupdict().get("from") else m["to"])
    end = m.end() if m.groupdict().get("from") else m.end("to")
    words = ctx.lang.words
    after = ctx.text[end:end + 20]
    if not first < last <= first + 100 or words.COUNT_NOUN_AFTER.match(after) or words.CLOCK_AFTER.match(after):
        return None
    if m.groupdict().get("from"):
        return Resolved(DATE, TimeValue.year(last))
    return Resolved(DATE, TimeValue.year(first)) if _plausible_year(m, ctx) else None


def _second_year(first: int, text: str) -> int:
    """The second year of a pair after `first`: four digits as written, two the next such year ("1998-99" 1999,
    "1999-01" 2001); the same two digits stay in `first`'s century (no pair runs a century on)."""
    last = int(text)
    if len(text) == 2:
        last += first - first % 100 + (100 if last < first % 100 else 0)
    return last


def _year_pair(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"the 2010/11 season", "2004/2005", "the Bogor Goals in 2010/2020": years joined by a slash, running forwards,
    are one span dated by the first; two years in a row are one whatever follows ("the 2002/2003 voters cards"),
    others not before a count ("1500/1600 people")."""
    first = int(m["y"])
    last = _second_year(first, m["next"])
    if not first < last <= first + 100 or (last > first + 1 and not _plausible_year(m, ctx)):
        return None
    return Resolved(DATE, TimeValue.year(first))


def _range_backwards(m: re.Match[str], ctx: Context) -> bool:
    """'beat them 1998-1997': a range of years runs forwards; one that does not is a score."""
    start = re.search(r"(\d{4})[-–]$", ctx.text[max(0, m.start() - 5):m.start()])
    return bool(start) and int(start.group(1)) >= int(m["y"])


def _kick_off(m: re.Match[str], ctx: Context) -> bool:
    """'Watford v Arsenal (1730)': a number alone in parentheses after a fixture is a kick-off time."""
    line_start = ctx.text.rfind("\n", 0, m.start()) + 1
    return ctx.text.startswith(")", m.end()) and \
        bool(ctx.lang.words.FIXTURE_BEFORE.search(ctx.text, max(line_start, m.start() - 80), m.start()))


def resolve_spoken_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    """'nineteen ninety-six' -> 1996, 'two thousand' -> 2000 (broadcast transcripts spell years out)."""
    rest = parse_number(m["rest"], ctx.lang.words) if m["rest"] else 0
    if m["century"].lower() == ctx.lang.words.SPOKEN_NINETEEN:
        if not m["rest"] or rest is None or rest < 10:
            return None  # "nineteen" alone is a count
        return Resolved(DATE, TimeValue.year(1900 + int(rest)))
    before = ctx.text[max(0, m.start() - 9): m.start()].lower()
    if not m["rest"] and not m["lead"] and not ctx.lang.words.SPOKEN_YEAR_BEFORE.search(before):
        return None  # "two thousand people"
    return Resolved(DATE, TimeValue.year(2000 + int(rest or 0)))


def resolve_decade_word(m: re.Match[str], ctx: Context) -> Resolved | None:
    """'the nineties' -> 199 (the 20th century's, as news means it)."""
    words = ctx.lang.words
    return Resolved(DATE, TimeValue.decade(190 + words.DECADE_WORDS[m["word"].lower()]), modifier_of(m["mod"], words))


def resolve_decade(m: re.Match[str], ctx: Context) -> Resolved | None:
    words = ctx.lang.words
    if m.groupdict().get("bare") and words.TEMPERATURE_BEFORE.search(ctx.text, max(0, m.start() - 60), m.start()):
        return None  # "highs in the 90s": degrees, not a decade
    if m.groupdict().get("yy"):
        digit = int(m["yy"])
        century = 20 if ctx.published and digit * 10 + 2000 <= ctx.published.year and digit < 3 else 19
        return Resolved(DATE, TimeValue.decade(century * 10 + digit), modifier_of(m.groupdict().get("mod"), words))
    if m["y"].endswith("0") and int(m["y"]) < 200:  # "the 1800s" is the century, not the decade 1800-1809
        return Resolved(DATE, TimeValue.century(int(m["y"][:2])), modifier_of(m["mod"], ctx.lang.words))
    return Resolved(DATE, TimeValue.decade(int(m["y"])), modifier_of(m["mod"], ctx.lang.words))


def resolve_century(m: re.Match[str], ctx: Context) -> Resolved | None:
    words = ctx.lang.words
    word = m["n"].lower()
    n = _ordinal_number(word, words)
    if not n or word == words.RELATIVE_ORDINAL or n > 30 or _runs_in_cricket(m, ctx):
        return None
    return Resolved(DATE, TimeValue.century(n - 1), modifier_of(m["mod"], words))


def _ordinal_number(word: str, words: ModuleType) -> int | None:
    """The number an ordinal says, in words or digits ("third" 3, "19th" 19)."""
    return words.ORDINALS.get(word) if word in words.ORDINALS else int(re.match(r"\d+", word).group())


def resolve_turn_of_century(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"the turn of the century": the century begun at that turn, the latest one by publication in a past clause ("was
    built at the turn of the century" said in 1990: the 1900s, 19), the next in a future one ("by the turn of the
    century" said in 1995: 20), else the nearest ("since the turn of the century" said in 2011: 20; "prepare for
    membership around the turn of the century" said in 1997: 20); "the turn of the 20th century" the one that century
    ended (around 1900: 19)."""
    words = ctx.lang.words
    if m["n"]:
        n = _ordinal_number(m["n"].lower(), words)
        return Resolved(DATE, TimeValue.century(n - 1)) if n and n <= 30 else None
    if ctx.published is None:
        return Resolved(DATE, TimeValue.unknown(Granularity.CENTURY))
    tense, year = tense_of(m, ctx), ctx.published.year
    century = year // 100 + (1 if tense == "future" else 0 if tense == "past" else round(year % 100 / 100))
    return Resolved(DATE, TimeValue.century(century))


def _runs_in_cricket(m: re.Match[str], ctx: Context) -> bool:
    """'his first century of the series': an ordinal century after a possessive, standing as a noun."""
    words = ctx.lang.words
    return not m.group().lower().startswith(words.ARTICLE) and \
        bool(words.SPORT_CENTURY_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start())) and \
        bool(words.NOUN_ALONE_AFTER.match(ctx.text, m.end()))


def _time_spent(m: re.Match[str], ctx: Context, before: str) -> bool:
    """"will spend the summer in Charlotte", "closed for the winter": the season a verb of spending takes, or "for" with
    "the", standing alone (not "spent the summer budget", nor "migrating for summer", a habit)."""
    words = ctx.lang.words
    spent = words.SEASON_SPENT_BEFORE.search(before)
    return bool(spent and (spent["verb"] or m.group().lower().startswith(words.ARTICLE))
                and words.NOUN_ALONE_AFTER.match(ctx.text, m.end()))


def resolve_sport_season(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"next season", "last season" on a sports page: the year that season begins, counted from the season under way
    at publication, which began this year from July on, else last year ("next season" said in April 2013 is the
    2013-14 season, 2013; "last season" said in October 2013 the 2012-13 season, 2012)."""
    words = ctx.lang.words
    if ctx.published is None:
        return Resolved(DATE, TimeValue.unknown(Granularity.YEAR))
    current = ctx.published.year - (ctx.published.month < words.SPORT_SEASON_TURN)
    return Resolved(DATE, TimeValue.year(current + words.YEAR_STEPS[m["rel"].lower()]))


def resolve_season(m: re.Match[str], ctx: Context) -> Resolved | None:
    words = ctx.lang.words
    if m["season"][:1].isupper() and words.NAME_AFTER.match(ctx.text, m.end()) and not (
            words.DATE_WORD_AFTER.match(ctx.text, m.end())):
        return None  # a capitalised season opening a name: "the Summer Games", "the Spring Festival"
    code = words.SEASONS[m["season"].lower()]
    rel = (m["rel"] or "").lower().replace("\n", " ")
    if m["yrel"]:  # "Since autumn this year": that year's season
        return _season_of_relative_year(m, ctx, code)
    if not (m["y"] or m["y1"]) and rel in words.SEASON_BARE:
        before = ctx.text[max(0, m.start() - 12): m.start()].lower()
        if m["season"].lower() == words.SEASON_AMBIGUOUS:
            if not _the_fall_ahead(m, ctx, rel, before):
                return None
        elif not (words.SEASON_BEFORE.search(before) or _opens_sentence(m, ctx) or _part_of_the_season(m, ctx, rel)
                  or _time_spent(m, ctx, before)):
            return None
    bare = rel.replace(words.ARTICLE, "")
    mod = modifier_of(bare, words) if bare in words.SEASON_MODIFIERS else None
    if m["y"] or m["y1"]:
        return Resolved(DATE, TimeValue.season(year_number(m["y"] or m["y1"], words), code), mod)
    if ctx.published is None:
        return Resolved(DATE, TimeValue.unknown(Granularity.SEASON, part=code), mod)
    # "the Australian summer": which one is meant is counted by its own months, those of the northern winter
    months = opposite_season(code) if m["south"] else code
    if rel == words.SEASON_OF_REFERENCE:  # "that autumn": the season of the year the narrative is in
        return Resolved(DATE, TimeValue.season(_reference_day(ctx, m).year, code), mod)
    if rel in words.FOLLOWING or rel == words.PREVIOUS:  # "the following spring": from the date the story is at
        following, ref = rel in words.FOLLOWING, reference_before(ctx, m)
        if ref is not None:
            return Resolved(DATE, TimeValue.season(_season_beside(ref, months, following), code), mod)
        rel = words.SEASON_NEXT[0] if following else words.SEASON_PAST[0]  # no story to count from: "next" / "last"
    return Resolved(DATE, TimeValue.season(_season_year(ctx.published, months, rel, tense_of(m, ctx), words), code),
                    mod)


def _season_of_relative_year(m: re.Match[str], ctx: Context, code: str) -> Resolved:
    """"autumn this year", "the winter of last year": the season of the publication's year, or the one before/after."""
    words = ctx.lang.words
    if ctx.published is None:
        return Resolved(DATE, TimeValue.unknown(Granularity.SEASON, part=code))
    rel = (m["rel"] or "").lower()
    mod = modifier_of(rel.replace(words.ARTICLE, ""), words) if rel.replace(words.ARTICLE, "") in words.SEASON_MODIFIERS else None
    year = ctx.published.year + words.YEAR_STEPS[m["yrel"].lower()]
    return Resolved(DATE, TimeValue.season(year, code), mod)


def _season_beside(ref: Reference, code: str, following: bool) -> int:
    """The year of "the following spring" (the first that starts after the date the story is at) or "the previous
    winter" (the last that ended before it); after a whole year ("in 2004 ... the next summer") the year after."""
    day = ref.day
    if ref.granularity is Granularity.YEAR and (day.month, day.day) == (1, 1):
        return day.year + (1 if following else -1)
    years = range(day.year - 2, day.year + 3)
    if following:
        return min(y for y in years if TimeValue.season(y, code).start > day)
    return max(y for y in years if TimeValue.season(y, code).end <= day)


def _the_fall_ahead(m: re.Match[str], ctx: Context, rel: str, before: str) -> bool:
    """ "will start in the fall.", "opens in the fall,": "the fall" ending its clause after a season's preposition,
    told in the present or the future; a past clause may tell a tumble ("was hurt in the fall.")."""
    words = ctx.lang.words
    return rel == words.ARTICLE.strip() and bool(words.SEASON_BEFORE.search(before)) and \
        bool(words.CLAUSE_END_AFTER_SEASON.match(ctx.text, m.end())) and tense_of(m, ctx) != "past"


def _opens_sentence(m: re.Match[str], ctx: Context) -> bool:
    """A capitalised bare season that starts a sentence and a clause, its verb after it: "Autumn came early this year"
    (not "Spring barley yielded ...": a kind of crop)."""
    words = ctx.lang.words
    return not m["rel"] and m["season"][:1].isupper() and \
        bool(words.SENTENCE_START_BEFORE.search(ctx.text, max(0, m.start() - 4), m.start())) and \
        bool(words.SEASON_VERB_AFTER.match(ctx.text, m.end()))


def _part_of_the_season(m: re.Match[str], ctx: Context, rel: str) -> bool:
    """ "the first three months of the winter,", "the longest of the spring.": "of the <season>" ending its clause is
    the season (not "of the winter transfer market", "the bulk of winter")."""
    words = ctx.lang.words
    return rel == words.ARTICLE.strip() and ctx.text.endswith(words.OF_BEFORE_SEASON, 0, m.start()) and \
        bool(words.CLAUSE_END_AFTER_SEASON.match(ctx.text, m.end()))


_SEASON_LENGTH = timedelta(days=92)  # the longest season: the one before the current one ended within it


def _season_year(published: date, code: str, rel: str, tense: str | None, words: ModuleType) -> int:
    """The year of "last summer", "next winter", "in the spring" (winter starts in December)."""
    def bounds(year: int) -> tuple[date, date]:
        season = TimeValue.season(year, code)
        return season.start, season.end

    years = [published.year - 2, published.year - 1, published.year, published.year + 1]
    if rel in words.SEASON_PAST or (rel not in words.SEASON_NOT_PAST and tense == "past"):
        ended = [y for y in years if bounds(y)[1] <= published] if rel in words.SEASON_PAST else \
            [y for y in years if bounds(y)[0] <= published]
        return max(ended)
    if rel in words.SEASON_NEXT or tense == "future":
        return min(y for y in years if bounds(y)[0] > published or (rel not in words.SEASON_NEXT
                                                                   and bounds(y)[1] > published))
    # the season the publication day is in: "this winter" said in January is the winter that began in December (a
    # winter is named by the year it starts: "the winter of 1995-96" is 1995-WI); told in the past in the season
    # after it, the one just ended ("have soared this winter" said in March, as "spent the winter" is then; "began
    # trading this summer" said in November), not one ended months before ("concerns about shortfalls in heating
    # fuel supplies this winter" said in November, with "helped" before them); else the publication's year
    current = next((y for y in years if bounds(y)[0] <= published < bounds(y)[1]), None)
    just_ended = [y for y in years if timedelta(0) <= published - bounds(y)[1] <= _SEASON_LENGTH]
    if current is None and tense == "past" and just_ended:
        return just_ended[0]
    return published.year if current is None else current


def _quarter_number(word: str, words: ModuleType) -> int:
    word = word.lower()
    return words.QUARTER_ORDINALS.get(word) or words.ORDINALS[word]


def resolve_quarter(m: re.Match[str], ctx: Context) -> Resolved | None:
    groups = m.groupdict()
    if groups.get("qmonth") or groups.get("qmonths"):  # "the December quarter", "the April-June quarter"
        month = groups.get("qmonth") or re.match(r"[A-Za-z]+", m["qmonths"])[0]
        q = (month_number(month, ctx.lang.words) - 1) // 3 + 1
    else:
        q = int(m["q"][1]) if groups.get("q") else _quarter_number(m["ord"], ctx.lang.words)
    year = groups.get("y") or groups.get("y2")
    if year:
        return Resolved(DATE, TimeValue.quarter(int(year), q))
    relyear = groups.get("rely") or groups.get("ofrel")  # "last year's third quarter", "the third quarter of next year"
    if relyear and ctx.published:
        step = ctx.lang.words.YEAR_STEPS[relyear.lower()]
        return Resolved(DATE, TimeValue.quarter(ctx.published.year + step, q))
    if groups.get("yago") and ctx.published:
        return Resolved(DATE, TimeValue.quarter(ctx.published.year - 1, q))
    if not (groups.get("fiscal") or groups.get("fiscal2")) and in_a_game(m, ctx):
        return None  # "a 19-9 run in the first quarter": the game's quarter
    recent = recent_quarter(ctx, m, 400)
    if recent and quarter_of(recent.day) == q:
        return Resolved(DATE, TimeValue.of(recent.day, Granularity.QUARTER))
    if ctx.published is None:
        return Resolved(DATE, TimeValue.unknown(Granularity.QUARTER, part=f"Q{q}"))
    future = tense_of(m, ctx) == "future"
    if groups.get("fiscal") or groups.get("fiscal2"):
        return Resolved(DATE, TimeValue.quarter(_fiscal_quarter_year(ctx.published, future), q))
    year = ctx.published.year
    if date(year, (q - 1) * 3 + 1, 1) > ctx.published and (not future or _report_still_due(m, ctx, q)):
        year -= 1
    return Resolved(DATE, TimeValue.quarter(year, q))


def _report_still_due(m: re.Match[str], ctx: Context, q: int) -> bool:
    """A future report of a quarter not yet begun this year ("will report fourth-quarter results" in January) is of
    last year's, when that one ended within the reporting season before publication."""
    words = ctx.lang.words
    ended = date(ctx.published.year - 1, q * 3, 1) + timedelta(days=31)  # a day or so after it ended
    return bool(words.QUARTER_REPORT_AFTER.match(ctx.text, m.end())) and \
        0 <= (ctx.published - ended).days <= words.QUARTER_REPORTING_DAYS


def in_a_game(m: re.Match[str], ctx: Context, reach: int = 300) -> bool:
    """Whether the sentence around `m` tells a game (words.GAME_CUES: a score, a goal, a game clock), within
    `reach` characters either side."""
    text, start, end = ctx.text, m.start(), m.end()
    opening = max(text.rfind(". ", max(0, start - reach), start), text.rfind("\n", max(0, start - reach), start))
    closing = [i for i in (text.find(". ", end, end + reach), text.find("\n", end, end + reach)) if i >= 0]
    return bool(ctx.lang.words.GAME_CUES.search(text, opening + 1 if opening >= 0 else max(0, start - reach),
                                                 min(closing) if closing else min(len(text), end + reach)))


def _fiscal_quarter_year(published: date, future: bool) -> int:
    """A fiscal quarter's number is the company's, not the calendar's: the one reported is the latest that has
    ended, the one ahead the current one, each labelled by the calendar year it falls in (TBAQ: Delta's "fiscal
    first quarter", July-September, reported in October 1989 = 1989-Q1; "its fiscal fourth quarter" reported in
    July 2013 is the quarter just ended, 2013-Q4, not the calendar's fourth quarter of 2012)."""
    return published.year if future else _last_ended_quarter(published).year


def resolve_half(m: re.Match[str], ctx: Context) -> Resolved | None:
    groups = m.groupdict()  # "H1 2015" (rule half_code) has no "of the new year"
    half = 1 if m["ord"].lower() in ctx.lang.words.FIRST_HALF else 2
    if m["y"]:
        return Resolved(DATE, TimeValue.half(int(m["y"]), half))
    if ctx.published is None:
        return Resolved(DATE, TimeValue.unknown(Granularity.QUARTER, part=f"H{half}"))
    if groups.get("new"):  # "the first half of the new year"
        return Resolved(DATE, TimeValue.half(new_year_of(ctx.published), half))
    if groups.get("ofrel"):  # "the second half of next year"
        step = ctx.lang.words.YEAR_STEPS[m["ofrel"].lower()]
        return Resolved(DATE, TimeValue.half(ctx.published.year + step, half))
    if in_a_game(m, ctx):
        return None  # "six minutes into the second half": the game's half
    named = _year_named_in_sentence(m, ctx)
    if named:  # "sales will recover in 2014, mostly in the first half"
        return Resolved(DATE, TimeValue.half(named, half))
    year = ctx.published.year
    if half == 2 and ctx.published.month < 7 and tense_of(m, ctx) != "future":
        year -= 1
    return Resolved(DATE, TimeValue.half(year, half))


def _year_named_in_sentence(m: re.Match[str], ctx: Context) -> int | None:
    """The year the sentence named last before m ("In 2011 the plant made 4,000 cars, most of them in the first
    half"), if the last date it named is a year."""
    ref = reference_before(ctx, m)
    if ref is None or ref.granularity is not Granularity.YEAR or m.start() - ref.position > 200:
        return None
    return None if re.search(r"[.!?]\s", ctx.text[ref.position:m.start()]) else ref.day.year


def _quarter_of_year(m: re.Match[str], ctx: Context) -> Resolved:
    """'the 1988 quarter', 'the 1988 period': the quarter being reported, in that year.

    A period compared after "nine months" is that year's nine months: the year is all we know.
    """
    last = ctx.last_quarter if ctx.last_quarter and ctx.last_quarter.position > m.start() - 600 else None
    year = int(m["y"])
    if m["period"] and (last is None or months_period_before(ctx, m)):
        return Resolved(DATE, TimeValue.year(year))
    if last is not None:
        return Resolved(DATE, TimeValue.quarter(year, quarter_of(last.day)))
    if ctx.published is None:
        return Resolved(DATE, TimeValue.year(year).with_unknown(Granularity.QUARTER))
    return Resolved(DATE, TimeValue.quarter(year, quarter_of(_last_ended_quarter(ctx.published))))


def _quarter_ended(published: date, month: int, day: int) -> date | None:
    """A day in the calendar quarter of "the quarter ended July 31": the one holding most of its
    three months (May-July: the second quarter)."""
    end = resolve_month_day(published, month, day, "past")
    if end is None:
        return None
    last_month = end if end.day >= 15 else shift(end.replace(day=1), "month", -1)
    return shift(last_month.replace(day=1), "month", -1)


def _last_ended_quarter(published: date) -> date:
    """The first day of the latest quarter that has ended: the one a report published now is about."""
    return shift(date(published.year, (quarter_of(published) - 1) * 3 + 1, 1), "quarter", -1)


def resolve_reporting_quarter(m: re.Match[str], ctx: Context) -> Resolved | None:
    rel = (m["rel"] or "").lower()
    if m["y"]:
        return _quarter_of_year(m, ctx)
    recent = recent_quarter(ctx, m, 600)
    period, year_ago = bool(m["period"]), rel in ctx.lang.words.YEAR_AGO
    # A quarter the article already named (maybe a fiscal one: "its fiscal first quarter") keeps its number.
    if m["emonth"] and ctx.published and not period and recent is None:
        day = _quarter_ended(ctx.published, month_number(m["emonth"], ctx.lang.words), int(re.match(r"\d+", m["eday"]).group()))
        if day is not None:
            return Resolved(DATE, TimeValue.of(shift(day, "year", -1) if year_ago else day, Granularity.QUARTER))
    if period and recent is None and (not year_ago or ctx.published is None):
        return None  # "the latest period" is a quarter only where the article reports one
    if ctx.published is None and recent is None:
        return Resolved(DATE, TimeValue.unknown(Granularity.QUARTER))
    if recent is not None and (period or not rel.startswith(ctx.lang.words.LATEST)):
        day = recent.day  # the quarter just spoken of (always, for a "period")
    elif rel.startswith(ctx.lang.words.CURRENT):
        day = ctx.published
    else:  # the quarter being reported: the latest one that has ended
        day = _last_ended_quarter(ctx.published)
    if year_ago:
        day = shift(day, "year", -1)
    return Resolved(DATE, TimeValue.of(day, Granularity.QUARTER))
