"""What every resolver shares: the Context it reads, the Resolved value it returns, helpers.

    Resolved(DATE, TimeValue.of(date(2021, 4, 7), Granularity.WEEK))   (written "2021-W14" by the tagger)
    parse_number("twenty-five", words) -> 25.0
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from types import ModuleType

from timeline.anchor import tense_near
from timeline.ruleset import Ruleset, load_ruleset
from timeline.types import TimexType
from timeline.values import Granularity, Value


@dataclass
class Reference:
    """A date the narrative is at: its first day, its granularity and where it was said."""

    day: date
    granularity: Granularity
    position: int
    half: bool = False  # a half year, which shares QUARTER granularity with quarters


@dataclass
class Context:
    """What a resolver may look at besides its match; `lang` is the language's ruleset."""

    text: str
    published: date | None
    lang: Ruleset = field(default_factory=load_ruleset)
    reference: Reference | None = None
    last_quarter: Reference | None = None
    current_quarter: Reference | None = None  # the last quarter mentioned that is of the publication's time
    last_decade: Reference | None = None  # the last decade named: 'the next decade' after 'the 1960s'
    last_period: Reference | None = None  # the last month, quarter or half named: what 'the same period' repeats
    last_day: Reference | None = None  # the last day named (a date, a weekday, a time's day): a story's day
    dates_since_day: list[int] = field(default_factory=list)  # where the dates named after last_day were said
    said_day: Reference | None = None  # the last day a saying is dated by ('said yesterday'), no story day
    history: list[Reference] = field(default_factory=list)
    stamp: datetime | None = None  # the latest page stamp so far (a full date with its clock time): the page's now


@dataclass(frozen=True)
class Resolved:
    """A resolver's answer: the TIMEX3 type, the typed value and its modifier (START, END, MID, ...)."""

    type: TimexType
    value: Value
    mod: str | None = None


DATE, TIME, DURATION, SET = TimexType.DATE, TimexType.TIME, TimexType.DURATION, TimexType.SET


def unit_name(word: str, words: ModuleType) -> str:
    """The unit code of a unit word: 'years' -> 'year', 'centuries' -> 'century'."""
    word = word.lower()
    stem = next((unit for stem, unit in words.UNIT_STEMS.items() if word.startswith(stem)), None)
    return stem or word.rstrip("s")


def parse_number(word: str, words: ModuleType) -> float | None:
    """'three' -> 3, '18' -> 18, 'twenty-five' -> 25, 'several' -> None (vague); `words`: Ruleset.words."""
    word = " ".join(word.lower().replace("-", " ").split())
    if word in words.VAGUE_AMOUNTS:
        return None
    if word in words.NUMBER_WORDS:
        return float(words.NUMBER_WORDS[word])
    for half in (" 1/2", " and a half"):  # "2 1/2 years", "3 and a half hours"
        if word.endswith(half):
            whole = parse_number(word[: -len(half)], words)
            return whole + 0.5 if whole is not None else None
    try:
        return float(word.replace(",", ""))
    except ValueError:
        pass
    total = 0.0
    for part in word.split():
        if part not in words.NUMBER_WORDS:
            return None
        value = words.NUMBER_WORDS[part]
        total = total * value if value == 100 and total else total + value  # "six hundred" is 6 x 100
    return total or None


def year_number(text: str, words: ModuleType) -> int:
    """'1994' -> 1994, 'nineteen ninety-four' -> 1994, 'two thousand and one' -> 2001."""
    if text.isdigit():
        return int(text)
    tokens = text.lower().replace("-", " ").split()
    if tokens[0] == words.SPOKEN_NINETEEN:
        return 1900 + int(parse_number(" ".join(tokens[1:]), words) or 0)
    rest = [w for w in tokens[2:] if w not in words.SPOKEN_YEAR_FILLERS]
    return 2000 + int(parse_number(" ".join(rest), words) or 0) if rest else 2000


# A two-digit year ("'58", "fiscal 89", "06/05/24", "14/07/89") names the year ending in those digits from 80 years
# before the publication's year to 19 after it: news looks back far more than ahead (Java's SimpleDateFormat reads
# one so, 80 years back and 20 ahead of now). Without a publication, the window of 2011: '31-'99 are 1931-1999,
# '00-'30 2000-2030, the pivot the year rules used before.
TWO_DIGIT_YEARS_BACK = 80
TWO_DIGIT_YEAR_ANCHOR = 2011


def year_of_two_digits(digits: int, published: date | None) -> int:
    """The year a two-digit year names, anchored on the publication date: '58 said in 2013 -> 1958, '18 said in
    1998 -> 1918, '24 said in 2024 -> 2024, fiscal 32 said in 2026 -> 2032."""
    first = (published.year if published else TWO_DIGIT_YEAR_ANCHOR) - TWO_DIGIT_YEARS_BACK
    return first + (digits - first) % 100


def month_number(name: str, words: ModuleType) -> int:
    return words.MONTHS[name.lower().rstrip(".")]


def new_year_of(published: date) -> int:
    """The year "the new year" is: the coming one when said in its last quarter, else the year under way."""
    return published.year + (1 if published.month >= 10 else 0)


def modifier_of(word: str | None, words: ModuleType) -> str | None:
    return words.MODS.get(word.lower()) if word else None


def tense_of(m: re.Match[str], ctx: Context) -> str | None:
    return tense_near(ctx.text, m.start(), m.end(), ctx.lang.cues)


def day_tense_of(m: re.Match[str], ctx: Context, weekday: bool = False) -> str | None:
    """tense_of for a day: a schedule's present or a modal before it looks ahead ("Offices close on Monday", "Voting
    ends on April 30"), and for a bare `weekday` a forward preposition too ("until Wednesday", "from Monday")."""
    return tense_near(ctx.text, m.start(), m.end(), ctx.lang.cues, day=True, weekday=weekday)


def part_of_name(m: re.Match[str], ctx: Context) -> bool:
    """A capitalised word followed by a name: 'Sunday Times', 'Good Friday Agreement', 'Daily Mail'."""
    if not m.group()[:1].isupper():
        return False
    after = ctx.text[m.end(): m.end() + 20]
    words = ctx.lang.words
    return (
        bool(words.NAME_AFTER.match(after))
        and not words.DATE_WORD_AFTER.match(after)
        and not words.DAY_SERVICE_AFTER.match(after)
    )


def months_period_before(ctx: Context, m: re.Match[str]) -> bool:
    """The sentence so far reports a span of months ("For the nine months, ... a year earlier"):
    a comparison with it is with that year, not with a quarter."""
    sentence = ctx.text[max(0, m.start() - 200): m.start()].rsplit(". ", 1)[-1]
    return bool(ctx.lang.words.MONTHS_PERIOD.search(sentence))


def reference_before(ctx: Context, m: re.Match[str]) -> Reference | None:
    """The last date the narrative mentioned before m, if any."""
    ref = ctx.reference
    return ref if ref is not None and ref.position < m.start() else None


def recent_period(ctx: Context, m: re.Match[str], window: int) -> Reference | None:
    """The month, quarter or half the article named last, if it is near (for "the same period last year")."""
    ref = ctx.last_period
    return ref if ref is not None and m.start() - window < ref.position < m.start() else None


def recent_quarter(ctx: Context, m: re.Match[str], window: int) -> Reference | None:
    """The quarter of the publication's time the article just spoke of, if it is near."""
    ref = ctx.current_quarter
    if ref is None or ref.position < m.start() - window:
        return None
    return ref
