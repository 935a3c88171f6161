"""Resolvers for amounts of time and vague references: durations, sets, PRESENT_REF and kin.

    "three years" -> DURATION P3Y;  "every Monday" -> SET XXXX-WXX-1;  "recently" -> DATE PAST_REF
"""

from __future__ import annotations

import re
from calendar import monthrange
from types import ModuleType

from timeline.resolve.context import (
    DATE,
    DURATION,
    SET,
    Context,
    Resolved,
    month_number,
    parse_number,
    part_of_name,
    tense_of,
    unit_name,
)
from timeline.timex3 import parse_value
from timeline.values import DATE_UNITS, TIME_UNITS, Duration, Granularity, TimeValue, shift

# --- durations, sets, references ---------------------------------------------------------------------

def duration_value(amount: float | None, unit: str, words: ModuleType) -> Duration:
    """P3Y, PT2H, P2Y6M, PT15M, PXM ... for an amount of a unit (None = unknown amount)."""
    letter, multiplier, is_time = words.UNITS[unit]
    name = (TIME_UNITS if is_time else DATE_UNITS)[letter]
    if amount is not None:
        amount *= multiplier
        if amount != int(amount) and unit in _SMALLER_UNIT:
            # TIDES writes fractions in the next smaller unit: 2 1/2 years = P2Y6M, a quarter hour = PT15M
            small_letter, per_unit, small_is_time = _SMALLER_UNIT[unit]
            rest = (amount - int(amount)) * per_unit
            if rest == int(rest):
                whole = ((int(amount), name),) if int(amount) else ()
                return Duration(whole + ((int(rest), (TIME_UNITS if small_is_time else DATE_UNITS)[small_letter]),))
    return Duration.of(amount, name)


# The unit a fraction is written in: (letter, how many per unit, is a time unit).
_SMALLER_UNIT = {"year": ("M", 12, False), "month": ("D", 30, False), "day": ("H", 24, True),
                 "hour": ("M", 60, True), "minute": ("S", 60, True)}


def resolve_duration(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"three years" -> P3Y; "in five years" said of the future -> the date that far ahead."""
    words = ctx.lang.words
    groups = m.groupdict()
    if (groups.get("long") or "").lower() == words.AGE or _states_an_age(m, ctx):
        return None  # "a three-year-old girl", "men age 65 to 80 years": an age
    if m["unit"][:1].isupper() and not m.group()[:1].isupper():
        return None  # a name: CBS's "60 Minutes"
    unit = unit_name(m["unit"], words)
    raw = groups.get("n")
    amount = parse_number(raw, words) if raw else None
    if raw and amount is None and raw.lower() not in words.VAGUE_AMOUNTS:
        return None
    amount = _whole_amount(m, raw, amount, words)
    if _not_a_span(m, ctx, (raw or "").lower(), amount, unit):
        return None
    if _in_future(m, ctx, amount, unit):
        # "will be redeemed in five years": a date that many units after publication
        granularity = Granularity.YEAR if unit in ("decade", "century") else Granularity(unit)
        return Resolved(DATE, TimeValue.of(shift(ctx.published, unit, int(amount)), granularity))
    if amount is None and unit in words.VAGUE_OWN_UNIT and not m.group().lower().endswith(words.LONG_SUFFIX):
        return Resolved(DURATION, Duration.of(None, unit))  # "for centuries" PXC, "several decades" PXDE
    return Resolved(DURATION, duration_value(amount, unit, words))


def resolve_seconds(m: re.Match[str], ctx: Context) -> Resolved | None:
    """A number of seconds written without the unit word ("10.57s", a race time) -> PT10.57S."""
    return Resolved(DURATION, duration_value(float(m["n"]), "second", ctx.lang.words))


def resolve_race_clock(m: re.Match[str], ctx: Context) -> Resolved | None:
    """A race time written as a clock ("won in 2:03:59", "ran 1:16:31"): hours, minutes and seconds of running, a
    length, PT2H3M59S; not a time of day."""
    seconds = float(m["s"])
    return Resolved(DURATION, Duration(((int(m["h"]), "hour"), (int(m["min"]), "minute"),
                                        (int(seconds) if seconds.is_integer() else seconds, "second"))))


def resolve_part_century(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"the past half-century" -> P50Y, "the next quarter century" -> P25Y."""
    return Resolved(DURATION, Duration.of(ctx.lang.words.CENTURY_PARTS[m["part"].lower()], "year"))


def resolve_duration_compound(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"four hours and 54 minutes" -> PT4H54M: one duration when each unit is smaller than the one before."""
    words = ctx.lang.words
    order = words.COMPOUND_UNIT_ORDER
    parts, last = (), -1
    hedge = words.HEDGE_START.match(m["tx"])  # "up to six minutes and 39 seconds": the hedge gives the mod only
    for number, unit_word in words.AMOUNT_AND_UNIT.findall(m["tx"][hedge.end() if hedge else 0:]):
        amount, unit = parse_number(number, words), unit_name(unit_word, words)
        if amount is None or unit not in order or order.index(unit) <= last:
            return None
        parts, last = parts + duration_value(amount, unit, words).parts, order.index(unit)
    return Resolved(DURATION, Duration(parts))


def _whole_amount(m: re.Match[str], raw: str | None, amount: float | None, words: ModuleType) -> float | None:
    """The amount with what the words around the number add: "a day-long", "an hour and a half"."""
    groups = m.groupdict()
    if groups.get("one"):
        return 1  # "the year ahead": one such unit
    if raw is None and m.group().lower().endswith(words.LONG_SUFFIX) and not groups.get("plural"):
        return 1  # "a day-long meeting"; "decades-long" stays vague
    if groups.get("andhalf") and (amount is not None or raw is None):
        return (amount or 1) + 0.5  # "an hour and a half"; "the first day and a half" (one unit and a half)
    return amount


def _not_a_span(m: re.Match[str], ctx: Context, word: str, amount: float | None, unit: str) -> bool:
    """An amount that is not a span of time: too large, "a second round", a fraction, a rate."""
    words = ctx.lang.words
    if amount is not None and amount > 10000:
        return True
    if unit == "second" and word in words.ONE:
        return True  # "a second round"
    if unit == "quarter" and word in words.FRACTION_OF and ctx.text.startswith(words.OF_AFTER, m.end()):
        return True  # "three quarters of voters": a fraction
    if (
        unit == "quarter"
        and word in words.FRACTION_OF
        and words.CHANGE_BY_BEFORE.search(ctx.text, max(0, m.start() - 4), m.start())
    ):
        return True  # "sales fell by a quarter", "by nearly a quarter": a fraction
    if unit == "quarter" and words.QUARTER_POINT_AFTER.match(ctx.text, m.end()):
        return True  # "three quarter-point increases": a fraction of a point
    if unit == "century" and _runs_century(m, ctx):
        return True  # "hit a half-century": runs in cricket
    # a rate ("four flights a week", "$5 million a year"): TimeBank leaves these untagged; not a span counted from an
    # event ("to 2,457.20 a day after closing")
    return word in words.ONE and not m.groupdict().get("rel") and _after_a_rate_noun(m, ctx) \
        and not words.SPAN_FROM_EVENT_AFTER.match(ctx.text, m.end())


def _runs_century(m: re.Match[str], ctx: Context) -> bool:
    """"scored a century", "a half-century stand": a cricketer's hundred (fifty) runs, by the verb before or the
    partnership's noun after."""
    words = ctx.lang.words
    if m.end("unit") != m.end():
        return False  # "made a century ago": a date
    return bool(words.RUNS_CENTURY_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start())
                or words.RUNS_CENTURY_AFTER.match(ctx.text, m.end()))


def _states_an_age(m: re.Match[str], ctx: Context) -> bool:
    """"men age 65 to 80 years", "cows aged 20 months or younger", "under the age of five years": an amount of
    years or months that is someone's age, which TBAQ's dev annotators leave untagged as they do "37 years old"."""
    words, text = ctx.lang.words, ctx.text
    start = m.start("tx") if m.groupdict().get("tx") is not None else m.start()
    return bool(words.AGE_BEFORE.search(text, max(0, start - 40), start) or words.AGE_AFTER.match(text, m.end()))


def _after_a_rate_noun(m: re.Match[str], ctx: Context) -> bool:
    """The word before the amount itself is a plural or a figure ("four flights a week"); not one before "for" ("the
    longest delays for nearly a decade" is a span)."""
    start = m.start("tx") if m.groupdict().get("tx") is not None else m.start()
    return bool(ctx.lang.words.RATE_BEFORE.search(ctx.text[max(0, start - 30) : start]))


def _in_future(m: re.Match[str], ctx: Context, amount: float | None, unit: str) -> bool:
    """'in five years' (no article, whole amount, a calendar unit) in a clause about the future."""
    if ctx.published is None or amount is None or amount != int(amount) or m.groupdict().get("rel") \
            or m.groupdict().get("one"):
        return False
    if unit not in ("day", "week", "month", "year", "decade") or not m.group()[:1].isdigit() and \
            m.group().split()[0].lower() in ctx.lang.words.ONE:
        return False
    before = ctx.text[max(0, m.start() - 6): m.start()]
    if m.groupdict().get("tx") is not None and m.group()[: m.start("tx") - m.start()].strip().lower() \
            in ctx.lang.words.SPAN_LEADS:
        return False  # "will be phased in over 18 months": "over" makes a length, not the date that far ahead
    if ctx.lang.words.SPAN_TO_NOW_BEFORE.search(ctx.text, max(0, m.start() - 60), m.start()):
        return False  # "for the first time in three decades": the span up to now
    return bool(ctx.lang.words.IN_BEFORE.search(before)) and tense_of(m, ctx) == "future"


def _calendar_day(groups: dict[str, str | None], words: ModuleType) -> TimeValue | None:
    """The month and day a calendar day's SET names, in either order, with no year ("XXXX-05-01"); None for no such
    day ("every Feb. 30"; 2000 is a leap year: "every Feb. 29" is one)."""
    for n in ("", "2", "3", "4"):
        if groups.get("cal_month" + n):
            month, day = month_number(groups["cal_month" + n], words), int(re.match(r"\d+", groups["cal_day" + n]).group())
            return TimeValue.unknown(Granularity.DAY, month=month, day=day) if day <= monthrange(2000, month)[1] else None
    return None  # not reached: the caller checks a month was matched


def resolve_set(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"every Monday" -> XXXX-WXX-1, "daily" -> P1D, "twice a week" -> P1W."""
    words = ctx.lang.words
    groups = m.groupdict()
    if groups.get("adverb"):
        if part_of_name(m, ctx) or _names_a_publication(m, ctx):
            return None
        return Resolved(SET, parse_value(words.SET_ADVERBS[m["adverb"].lower()]))
    if groups.get("weekday") and not groups.get("unit"):
        day = TimeValue.unknown(Granularity.DAY, weekday=words.WEEKDAYS[m["weekday"].lower().rstrip("s")])
        return Resolved(SET, _at_part(day, groups.get("part"), words))
    if any(groups.get(f"cal_month{n}") for n in ("", "2", "3", "4")):  # "every May 1", "Dec. 12 each year"
        calendar_day = _calendar_day(groups, words)
        return None if calendar_day is None else Resolved(SET, calendar_day)
    if groups.get("per"):  # "two hours a week", "nine hours of sleep a night": every such period
        return Resolved(SET, duration_value(1, words.SET_PER_UNIT[m["per"].lower()], words))
    if groups.get("count"):  # "three days a week": one such period, counted over and over
        return Resolved(SET, duration_value(1, m["unit"].lower(), words))
    unit = m["unit"].lower()
    if unit.rstrip(".") in words.MONTHS:
        return Resolved(SET, TimeValue.unknown(Granularity.MONTH, month=month_number(unit, words)))
    if groups.get("n_to") or groups.get("few"):  # "every six to 12 months", "every few weeks": no one amount
        return Resolved(SET, duration_value(None, unit.rstrip("s"), words)) if unit.rstrip("s") in words.UNITS else None
    if m.groupdict().get("n"):
        amount = parse_number(m["n"], words)
        return Resolved(SET, duration_value(amount, unit.rstrip("s"), words)) if amount and unit.rstrip("s") in words.UNITS else None
    unit = unit.rstrip("s") if unit.rstrip("s") in words.UNITS else unit
    if groups.get("other") and unit in words.UNITS:  # "every other week": every second one, P2W
        return Resolved(SET, duration_value(2, unit, words))
    if unit in words.WEEKDAYS:
        day = TimeValue.unknown(Granularity.DAY, weekday=words.WEEKDAYS[unit])
        return Resolved(SET, _at_part(day, groups.get("part"), words))
    if unit.rstrip("s") in words.SEASONS:
        unit = unit.rstrip("s")
    if unit in words.SEASONS:
        return Resolved(SET, TimeValue.unknown(Granularity.SEASON, part=words.SEASONS[unit]))
    if unit in words.PARTS_OF_DAY:
        return Resolved(SET, TimeValue.unknown(Granularity.DAY).at(words.PARTS_OF_DAY[unit]))
    return Resolved(SET, duration_value(1, unit, words))


def _at_part(day: TimeValue, part: str | None, words: ModuleType) -> TimeValue:
    """Every such day, or that part of it ("every Saturday morning", "Tuesday nights")."""
    return day.at(words.PARTS_OF_DAY[part.lower().rstrip("s")]) if part else day


def _names_a_publication(m: re.Match[str], ctx: Context) -> bool:
    """'the daily said', 'the Communist Party daily Granma': the adverb is the noun for a newspaper; 'the People's
    Daily', 'China Daily': the last word of its name."""
    words, text = ctx.lang.words, ctx.text
    before, after = text[max(0, m.start() - 60):m.start()], text[m.end():m.end() + 20]
    if m["adverb"][:1].isupper() and words.NAME_WORD_BEFORE.search(before):
        return True
    if words.PUBLICATION_ARTICLE_BEFORE.search(before) and words.PHRASE_END_AFTER.match(after):
        return True
    if words.PRESS_WORD_BEFORE.search(before) and words.PUBLICATION_PHRASE_BEFORE.search(before) and (
            words.PHRASE_END_AFTER.match(after) or words.PRESS_PHRASE_END_AFTER.match(after)):
        return True  # "the respected Vedomosti business daily in Moscow", "the tabloid daily."
    if words.ARTICLE_AND_NAME_BEFORE.search(before) and (words.PHRASE_END_AFTER.match(after) or
                                                         _past_verb_after(after, ctx)):
        return True  # "the Haaretz daily attributed", "published by the Maariv daily, found"
    if words.PUBLICATION_ARTICLE_BEFORE.search(before) and _past_verb_after(after, ctx):
        verb_end = m.end() + words.NAMED_PAPER_PAST_VERB_AFTER.match(after).end()
        if words.PAPER_VERB_THEN.match(ctx.text, verb_end):
            return True  # '..., the daily warned.', 'The daily quoted Jahir Muhammad': the paper, with no name before
    return bool(words.PUBLICATION_PHRASE_BEFORE.search(before) and words.PUBLICATION_NOUN_AFTER.match(after)
                and not words.RECURRING_EVENT_AFTER.match(ctx.text, m.end(), m.end() + 80))


def _past_verb_after(after: str, ctx: Context) -> bool:
    """Whether `after` opens with a past verb: an "-ed" form or an irregular past ("found", "wrote")."""
    verb = ctx.lang.words.NAMED_PAPER_PAST_VERB_AFTER.match(after)
    return bool(verb) and (verb["irregular"] is None or verb["irregular"] in ctx.lang.cues.PAST_CUES)


def resolve_reference(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"now" -> PRESENT_REF, "recently" -> PAST_REF, "the future" -> FUTURE_REF (after a preposition of time:
    "the future of the territory" and "the future government" are no time), "in future" -> FUTURE_REF (the adverb
    only: not "in future talks")."""
    words = ctx.lang.words
    if m.groupdict().get("term"):  # "in the short or medium term": the time ahead
        return Resolved(DATE, TimeValue.reference(words.TERM_REFERENCE))
    word = " ".join(m["word"].lower().split())
    if word in words.REFERENCE_NEEDS_PREPOSITION and not _reference_noun(m, ctx):
        return None
    if word in words.REFERENCE_AS_ADVERB and not _in_future_adverb(m, ctx):
        return None
    if word in words.REFERENCE_AFTER_AT and not _at_present_adverb(m, ctx):
        return None
    if word == words.CURRENT and words.CURRENT_NOUN_AFTER.match(ctx.text, m.end()):
        return None  # "against a strong current so": the noun, no time
    if words.AS_RECENTLY_AS.match(ctx.text, max(0, m.start() - words.AS_RECENTLY_AS_REACH)):
        return None  # "as recently as July": the month is the time
    if word in words.REFERENCE_AHEAD and words.AHEAD_OF_AFTER.match(ctx.text, m.end()):
        return Resolved(DURATION, Duration.of(None, words.REFERENCE_AHEAD[word]))
    return Resolved(DATE, TimeValue.reference(words.REFERENCES[word]))  # "now that he is in power" is the present too (TimeBank)


def _reference_noun(m: re.Match[str], ctx: Context) -> bool:
    """"the past", "the future" as a time: after a preposition of time ("in the past"), or as the object that ends a
    clause ("let us forget the past,"); not "the future of the territory", "the future government", "a thing of the
    past"."""
    words, text, start = ctx.lang.words, ctx.text, m.start()
    if words.OF_PHRASE_AFTER.match(text, m.end()):
        return False
    if words.REFERENCE_PREPOSITION_BEFORE.search(text, max(0, start - 12), start):
        return True
    return bool(words.REFERENCE_CLAUSE_END_AFTER.match(text, m.end())
                and not words.OF_BEFORE.search(text, max(0, start - 4), start))


def _at_present_adverb(m: re.Match[str], ctx: Context) -> bool:
    """"present" in the adverb "at present" ("is at present the biggest"), not "at present levels"."""
    words, start = ctx.lang.words, m.start()
    return bool(words.AT_BEFORE.search(ctx.text, max(0, start - 4), start)
                and not words.AT_PRESENT_ADJECTIVE_AFTER.match(ctx.text, m.end()))


def _in_future_adverb(m: re.Match[str], ctx: Context) -> bool:
    """"future" in the adverb "in future": "will in future check", "ties with Europe in future, it adds", "in future at
    the risk of" (not "confidence in future demand": an adjective)."""
    words, text, start = ctx.lang.words, ctx.text, m.start()
    if not words.ADVERB_IN_BEFORE.search(text, max(0, start - 4), start):
        return False
    return bool(words.AUXILIARY_IN_BEFORE.search(text, max(0, start - 12), start)
                or words.ADVERB_END_AFTER.match(text, m.end()))

