"""Temporal tagging: text -> TIMEX3 expressions with values anchored to the publication date.

    tag("On Sunday, two rockets were fired.", date(2021, 4, 7))
    -> [Timex(text="Sunday", start=3, end=9, type=DATE, value="2021-04-04", rule="weekday")]

Three steps: every rule's pattern proposes candidate spans (the language's rules, loaded by
`ruleset.load_ruleset`: English unless another `Ruleset` is given); overlapping
candidates are settled longest-first; then, in text order, each survivor is resolved to a
value (resolve.py) while the narrative's reference time moves with the dates mentioned.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from types import ModuleType

from timeline.anchor import tense_near
from timeline.resolve import RESOLVERS, Context, Reference
from timeline.ruleset import Rule, Ruleset, load_ruleset
from timeline.scan import Segment
from timeline.timex3 import format_value, is_well_formed
from timeline.types import Timex, TimexType
from timeline.values import Granularity, TimeValue

_TRIM = re.compile(r"^[\s,]+|[\s,]+$")
# Longer texts are tagged a segment at a time, so the candidates alive at once stay few (memory) and
# tagging can stop at a limit. Segments end at a paragraph or sentence break near this length.
SEGMENT_CHARS = 50_000
_BREAKS = ("\n\n", ". ", "\n", " ")


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    rule: Rule
    match: re.Match[str]


def find_candidates(text: str, ruleset: Ruleset, start: int = 0, end: int | None = None) -> list[Candidate]:
    """Every rule's matches in text[start:end], as candidate spans (trimmed of surrounding spaces and commas)."""
    found = []
    # one pass finds every rule's words; each word list is then looked up once (the month rules share one), and a
    # rule whose words are absent is skipped
    segment = Segment(text, start, end, ruleset.word_finder)
    for rule, pattern in ruleset.compiled:
        has_tx = "tx" in pattern.groupindex
        for match in segment.matches(pattern, rule.required):
            lo, hi = match.span("tx") if has_tx else match.span()
            piece = text[lo:hi]
            lead = len(piece) - len(piece.lstrip(" ,"))
            tail = len(piece) - len(piece.rstrip(" ,"))
            if hi - tail > lo + lead:
                found.append(Candidate(lo + lead, hi - tail, rule, match))
    return found


def segments(text: str, size: int | None = None) -> list[tuple[int, int]]:
    """(start, end) ranges that cover `text`, each about `size` (SEGMENT_CHARS) long, cut at the best break
    in its second half."""
    size = size or SEGMENT_CHARS
    bounds, start = [], 0
    while len(text) - start > size:
        cut = -1
        for mark in _BREAKS:
            if (cut := text.rfind(mark, start + size // 2, start + size)) != -1:
                cut += len(mark)
                break
        cut = start + size if cut == -1 else cut
        bounds.append((start, cut))
        start = cut
    bounds.append((start, len(text)))
    return bounds


def _selected(text: str, ruleset: Ruleset, after: int = 0) -> Iterator[Candidate]:
    """select() over each segment (from the one holding `after`): one segment's candidates are alive at a time."""
    for start, end in segments(text):
        if end > after:
            yield from select(find_candidates(text, ruleset, start, end))


def count_candidates(text: str, after: int, ruleset: Ruleset | None = None) -> int:
    """How many expressions the rules find from `after` on (not resolved: for a note on what a limit dropped)."""
    return sum(1 for cand in _selected(text, ruleset or load_ruleset(), after) if cand.start >= after)


def select(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: longer first, then higher rule priority, then earlier."""
    ranked = sorted(candidates, key=lambda c: (-(c.end - c.start), -c.rule.priority, c.start))
    taken: list[Candidate] = []
    occupied = bytearray()
    base = min((c.start for c in candidates), default=0)  # a segment far into the text: index from its start
    for cand in ranked:
        start, end = cand.start - base, cand.end - base
        if len(occupied) < end:
            occupied.extend(b"\0" * (end - len(occupied)))
        if any(occupied[start:end]):
            continue
        occupied[start:end] = b"\1" * (end - start)
        taken.append(cand)
    return sorted(taken, key=lambda c: c.start)


def tag(text: str, published: date | None = None, ruleset: Ruleset | None = None, *,
        limit: int | None = None) -> list[Timex]:
    """All temporal expressions of `text`, in order, with TIMEX3 type and value; at most `limit` of them.

    `ruleset` is the language's (default: English, `load_ruleset()`)."""
    ruleset = ruleset or load_ruleset()
    context = Context(text=text, published=published, lang=ruleset)
    timexes = []
    for cand in _selected(text, ruleset):
        if limit is not None and len(timexes) >= limit:
            break
        try:
            resolved = RESOLVERS[cand.rule.kind](cand.match, context)
        except (ValueError, OverflowError):
            continue  # date arithmetic left the calendar (year 0 or 10000): no value to give
        if resolved is None:
            continue
        value = format_value(resolved.value)  # the one place a value becomes a string
        if not is_well_formed(value):
            continue
        mod = resolved.mod or hedge_mod(text, cand.start, cand.end, ruleset, resolved.type is TimexType.DURATION)
        timex = Timex(text=text[cand.start:cand.end], start=cand.start, end=cand.end, type=resolved.type,
                      value=value, rule=cand.rule.name, mod=mod, time_value=resolved.value)
        timexes.append(timex)
        if cand.rule.kind in ruleset.words.STAMP_KINDS:
            _note_stamp(context, timex.time_value)
        if cand.rule.kind not in ("ago", "clock_ago", "overnight"):  # "a year earlier" compares with the reference; it does not move it
            _move_reference(context, timex)
    timexes = order_month_day_ranges(habit_weekday_ranges(order_weekday_ranges(timexes, context), context), context)
    timexes = clock_times_on_days(listed_weekday_sets(timexes, context), context)
    return event_days_in_sentence(timexes, context)


def _note_stamp(context: Context, value: TimeValue) -> None:
    """A page stamp's date and clock time ("THU, AUG 3 2023 7:02 PM EDT", a live page's "18:41"): the latest one is the
    page's now, from which "3 hours ago" counts."""
    clock = re.match(r"(\d\d):(\d\d)(?::\d\d)?(Z?)", value.time or "")
    if clock and value.start is not None:
        zone = timezone.utc if clock[3] else None  # a UTC/GMT stamp's "3 hours ago" is in UTC too
        moment = datetime.combine(value.start, datetime.min.time()).replace(hour=int(clock[1]), minute=int(clock[2]),
                                                                          tzinfo=zone)
        if context.stamp is None or moment.replace(tzinfo=None) >= context.stamp.replace(tzinfo=None):
            context.stamp = moment


_EVENT_DAY_RULES = ("event_day", "event_day_of")  # "its second day", "the final day of the summit"
_SENTENCE_BREAK = re.compile(r"[.!?]\s")


def event_days_in_sentence(timexes: list[Timex], context: Context) -> list[Timex]:
    """An event's ordinal day is the day its own sentence names after it ("on the regular season's final day, beating
    the Cavaliers on Wednesday night": that Wednesday), before the day the story was at."""
    for i in range(len(timexes) - 1):
        event, named = timexes[i], timexes[i + 1]
        if event.rule in _EVENT_DAY_RULES and event.time_value.granularity is Granularity.DAY and _day_value(named) \
                and not _SENTENCE_BREAK.search(context.text, event.end, named.start):
            timexes[i] = _moved(event, named.time_value.start)
    return timexes


def habit_weekday_ranges(timexes: list[Timex], context: Context) -> list[Timex]:
    """Opening hours: "is open from Tuesday to Sunday" names every Tuesday and every Sunday (two SETs), not dates."""
    words, text = context.lang.words, context.text
    for i in range(len(timexes) - 1):
        first, second = timexes[i], timexes[i + 1]
        if _bare_weekdays(first, second, words) \
                and words.HABIT_RANGE_BEFORE.search(text, max(0, first.start - 30), first.start) \
                and words.WEEKDAY_RANGE_LINK.fullmatch(text, first.end, second.start):
            timexes[i], timexes[i + 1] = _every(first), _every(second)
    return timexes


def clock_times_on_days(timexes: list[Timex], context: Context) -> list[Timex]:
    """A clock time followed by "on" and a day of its own is that day's time: "until 7 a.m. on Election Day" (said three
    days later) is Election Day's 7 a.m., not the publication day's."""
    words, text = context.lang.words, context.text
    for i in range(len(timexes) - 1):
        clock, day = timexes[i], timexes[i + 1]
        if clock.type is TimexType.TIME and clock.time_value.time and clock.time_value.time[:1].isdigit() \
                and day.type is TimexType.DATE and _day_value(day) \
                and words.CLOCK_ON_DAY_LINK.fullmatch(text, clock.end, day.start):
            timexes[i] = _moved(clock, day.time_value.start)
    return timexes


def listed_weekday_sets(timexes: list[Timex], context: Context) -> list[Timex]:
    """A bare weekday listed before a weekly set is that set's too, at its part of the day: "Monday and Tuesday nights"
    names every Monday night and every Tuesday night (TBAQ dev), not a coming Monday."""
    words, text = context.lang.words, context.text
    for i in range(len(timexes) - 2, -1, -1):  # from the end: "Monday, Tuesday and Wednesday nights"
        first, second = timexes[i], timexes[i + 1]
        if first.rule == "weekday" and _day_value(first) and first.text.lower() in words.WEEKDAYS \
                and second.type is TimexType.SET \
                and second.rule in (*words.WEEKDAY_SET_RULES, first.rule) \
                and words.WEEKDAY_SET_LIST_LINK.fullmatch(text, first.end, second.start):
            value = replace(second.time_value, weekday=first.time_value.start.isoweekday())
            timexes[i] = replace(first, type=TimexType.SET, value=format_value(value), time_value=value, mod=None)
    return timexes


def _bare_weekdays(first: Timex, second: Timex, words: ModuleType) -> bool:
    """Two weekday timexes valued to a day and named bare ("Monday", "late Friday"; no "last", "next", "this")."""
    return first.rule == second.rule == "weekday" and _day_value(first) and _day_value(second) \
        and bool(words.WEEKDAY_NAMES_ONLY.fullmatch(first.text) and words.WEEKDAY_NAMES_ONLY.fullmatch(second.text))


def _every(timex: Timex) -> Timex:
    """The weekday of `timex`, every week: a SET."""
    value = TimeValue.unknown(Granularity.DAY, weekday=timex.time_value.start.isoweekday())
    return replace(timex, type=TimexType.SET, value=format_value(value), time_value=value, mod=None)


def hedge_mod(text: str, start: int, end: int, ruleset: Ruleset, duration: bool = False) -> str | None:
    """The TIMEX3 mod a hedge gives text[start:end]: "more than four hours" MORE_THAN, "about two years ago" APPROX
    (the hedge inside the span, or just before a `duration`: "about three hours"; not "a book about the 1960s"),
    "1994 or later" ON_OR_AFTER; None without one."""
    words = ruleset.words
    inside = words.HEDGE_START.match(text, start, end)
    before = inside or (duration and words.HEDGE_BEFORE.search(text, max(0, start - 16), start))
    if before:
        return words.HEDGE_MODS[" ".join(before["hedge"].lower().split())]
    tail = words.HEDGE_END.search(text, start, end)
    return words.TAIL_MODS[" ".join(tail["tail"].lower().split())] if tail else None


def order_weekday_ranges(timexes: list[Timex], context: Context) -> list[Timex]:
    """Two bare weekdays that end one range keep their order: "lasted from Monday to Wednesday" said on a Tuesday
    is last week's Monday to Wednesday (a first end before publication: it moves back a week); "runs from Tuesday to
    Friday" said on a Wednesday, "from Thursday through Saturday" said on a Thursday, end on the first such day after
    the first end (the second end moves on a week). So does a list of coming days in one clause: "must win on Tuesday
    and at home on Sunday" said on a Sunday is next Sunday."""
    words, text = context.lang.words, context.text
    for i in range(len(timexes) - 1):
        first, second = timexes[i], timexes[i + 1]
        if not _bare_weekdays(first, second, words):
            continue
        start, end = first.time_value.start, second.time_value.start
        if end >= start or context.published is None:
            continue
        if end >= context.published and words.WEEKDAY_LIST_LINK.fullmatch(text, first.end, second.start):
            if not _told_in_past(second, context):  # "..., and the city opened shelters Tuesday": a clause of its own
                timexes[i + 1] = _moved(second, end + timedelta(days=7))  # a list of coming days keeps its order
            continue
        if not (words.WEEKDAY_RANGE_START.search(text, max(0, first.start - 10), first.start)
                and words.WEEKDAY_RANGE_LINK.fullmatch(text, first.end, second.start)):
            continue
        if start < context.published:  # a range begun before the publication day lies in the past
            timexes[i] = _moved(first, start - timedelta(days=7))
        else:
            timexes[i + 1] = _moved(second, end + timedelta(days=7))
    return timexes


_MONTH_DAY_RULES = ("month_day", "day_month")  # "June 1", "1 June"


def order_month_day_ranges(timexes: list[Timex], context: Context) -> list[Timex]:
    """Two month-days without a year that end one range ("runs from June 1 to Nov. 30", "between Dec. 20 and Jan.
    5") keep their order: when each end, read alone, gives a start after the end, the range is the one that runs
    through the publication day (the hurricane season "runs from June 1 to Nov. 30" said in September is this
    year's: the start moves back a year), else the start moves back if it lies ahead of publication, the end on."""
    words, text, published = context.lang.words, context.text, context.published
    for i in range(len(timexes) - 1):
        first, second = timexes[i], timexes[i + 1]
        if published is None or not (first.rule == second.rule in _MONTH_DAY_RULES and _day_value(first)
                                     and _day_value(second) and not words.YEAR_IN.search(first.text + second.text)):
            continue
        start, end = first.time_value.start, second.time_value.start
        if end >= start or not (words.WEEKDAY_RANGE_START.search(text, max(0, first.start - 10), first.start)
                                and words.WEEKDAY_RANGE_LINK.fullmatch(text, first.end, second.start)):
            continue
        earlier = _years_on(start, -1)
        if earlier is not None and (earlier <= published <= end or start > published):
            timexes[i] = _moved(first, earlier)
        elif (later := _years_on(end, 1)) is not None:
            timexes[i + 1] = _moved(second, later)
    return timexes


def _years_on(day: date, years: int) -> date | None:
    """The same month-day `years` later (earlier if negative); None for a February 29 that year lacks."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return None


def _told_in_past(timex: Timex, context: Context) -> bool:
    """The day at `timex` is read in the past by the verbs of its own clause ("and the city opened two shelters
    Tuesday afternoon")."""
    return tense_near(context.text, timex.start, timex.end, context.lang.cues, day=True, weekday=True) == "past"


def _day_value(timex: Timex) -> bool:
    value = timex.time_value
    return (
        isinstance(value, TimeValue)
        and value.anchored
        and value.start is not None
        and value.granularity in (Granularity.DAY, Granularity.TIME)
    )


def _moved(timex: Timex, day: date) -> Timex:
    """`timex` on another day, at the same time or part of the day."""
    value = TimeValue.of(day).at(timex.time_value.time)
    return replace(timex, value=format_value(value), time_value=value)


def _move_reference(context: Context, timex: Timex) -> None:
    """A date mentioned in the text becomes the reference for "the next day", "a year earlier"; a day a saying is
    dated by ("said yesterday") only what "the same afternoon" repeats when no story day is named."""
    if timex.type not in (TimexType.DATE, TimexType.TIME):
        return
    value = timex.time_value
    if not isinstance(value, TimeValue) or not value.anchored:
        return
    if _speech_time(context, timex):
        if value.granularity is Granularity.DAY:
            context.said_day = Reference(day=value.start, granularity=Granularity.DAY, position=timex.start)
        return
    if value.granularity is Granularity.DAY and context.lang.words.QUARTER_MONTHS_ENDED_BEFORE.search(
            context.text, max(0, timex.start - 40), timex.start):
        # "For the three months ended Sept. 30": the quarter reported, as "the quarter ended Sept. 30" names it (the
        # calendar quarter holding most of its months)
        ended = value.start if value.start.day >= 15 else value.start.replace(day=1) - timedelta(days=1)
        quarter = Reference(ended.replace(day=1), Granularity.QUARTER, timex.start)
        context.last_quarter = context.current_quarter = quarter
    level = _LEVEL.get(value.granularity, value.granularity)
    reference = Reference(day=value.start, granularity=level, position=timex.start)
    if value.granularity is Granularity.DECADE:
        context.last_decade = reference
    if value.granularity in (Granularity.MONTH, Granularity.QUARTER) and _begun(value, context.published):
        context.last_period = Reference(value.start, value.granularity, timex.start, half=value.is_half)
    if value.granularity is Granularity.QUARTER and not value.is_half:
        context.last_quarter = reference
        if _current(reference, context.published) and not _year_before(reference, context.current_quarter):
            context.current_quarter = reference  # "the quarter" is the one reported, not a year-ago one
    if level not in (Granularity.DECADE, Granularity.CENTURY):
        context.reference = reference
    if level is Granularity.DAY:
        context.last_day, context.dates_since_day = reference, []
    else:
        context.dates_since_day.append(timex.start)


# The level a narrative reference keeps: a time is at its day; "that autumn" after a summer is in its year.
_LEVEL = {Granularity.TIME: Granularity.DAY, Granularity.SEASON: Granularity.YEAR}


def _speech_time(context: Context, timex: Timex) -> bool:
    """'the agency said Thursday': when it was said, not a time the story moves to."""
    if timex.rule not in ("weekday", "relative_day"):
        return False
    cues, text = context.lang.cues, context.text
    return bool(cues.REPORTED_BEFORE.search(text, max(0, timex.start - 30), timex.start)
                or cues.REPORTED_AFTER.match(text, timex.end))


def _begun(value: TimeValue, published: date | None) -> bool:
    """A period that has begun by publication: one "the same period last year" may compare (results are reported for
    it), not a coming deadline ("will cut jobs by the end of December")."""
    return published is None or value.start <= published


def _year_before(reference: Reference, quarter: Reference | None) -> bool:
    """`reference` is the quarter a year before `quarter`: "the year-ago quarter" after the quarter reported is the
    comparison's base, not a new quarter of the story."""
    return quarter is not None and reference.day.year == quarter.day.year - 1 and \
        (reference.day.month - 1) // 3 == (quarter.day.month - 1) // 3


def _current(reference: Reference, published: date | None) -> bool:
    """A quarter of the publication's time: within about a year before it or a season after."""
    return published is None or -400 < (reference.day - published).days < 100
