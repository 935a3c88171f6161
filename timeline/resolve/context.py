"""What every resolver shares: the Context it reads, the Resolved value it returns, helpers.

    Resolved(DATE, TimeValue.of(date(2021, 4, 7), Granularity.WEEK))   (written "2021-W14" by the tagger)
    parse_number("twenty-five") -> 25.0
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from timeline.anchor import tense_near
from timeline.rules import (
    MONTHS,
    NUMBER_WORDS,
    VAGUE_AMOUNTS,
)
from timeline.types import TimexType
from timeline.values import Granularity, Value

MODS = {"early": "START", "late": "END", "mid": "MID", "the beginning of": "START", "the start of": "START",
        "the end of": "END", "the middle of": "MID", "earlier": "START", "later": "END"}


@dataclass
class Reference:
    """A date the narrative is at: its first day, its granularity and where it was said."""

    day: date
    granularity: Granularity
    position: int


@dataclass
class Context:
    """What a resolver may look at besides its match."""

    text: str
    published: date | None
    reference: Reference | None = None
    last_quarter: Reference | None = None
    current_quarter: Reference | None = None  # the last quarter mentioned that is of the publication's time
    history: list[Reference] = field(default_factory=list)


@dataclass(frozen=True)
class Resolved:
    """A resolver's answer: the TIMEX3 type, the typed value and its modifier (START, END, MID, ...)."""

    type: TimexType
    value: Value
    mod: str | None = None


DATE, TIME, DURATION, SET = TimexType.DATE, TimexType.TIME, TimexType.DURATION, TimexType.SET


def parse_number(word: str) -> float | None:
    """'three' -> 3, '18' -> 18, 'twenty-five' -> 25, 'several' -> None (vague)."""
    word = " ".join(word.lower().replace("-", " ").split())
    if word in VAGUE_AMOUNTS:
        return None
    if word in NUMBER_WORDS:
        return float(NUMBER_WORDS[word])
    for half in (" 1/2", " and a half"):  # "2 1/2 years", "3 and a half hours"
        if word.endswith(half):
            whole = parse_number(word[: -len(half)])
            return whole + 0.5 if whole is not None else None
    try:
        return float(word.replace(",", ""))
    except ValueError:
        pass
    total = 0.0
    for part in word.split():
        if part not in NUMBER_WORDS:
            return None
        total += NUMBER_WORDS[part]
    return total or None


def year_number(text: str) -> int:
    """'1994' -> 1994, 'nineteen ninety-four' -> 1994, 'two thousand and one' -> 2001."""
    if text.isdigit():
        return int(text)
    words = text.lower().replace("-", " ").split()
    if words[0] == "nineteen":
        return 1900 + int(parse_number(" ".join(words[1:])) or 0)
    rest = [w for w in words[2:] if w != "and"]
    return 2000 + int(parse_number(" ".join(rest)) or 0) if rest else 2000


def month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def modifier_of(word: str | None) -> str | None:
    return MODS.get(word.lower()) if word else None


def tense_of(m: re.Match[str], ctx: Context) -> str | None:
    return tense_near(ctx.text, m.start(), m.end())


_NAME_AFTER = re.compile(r"\s(?:[A-Z][a-z]|school\b)")
_DATE_WORD_AFTER = re.compile(r"\s(?:[A-Z][a-z]+\.?\s\d|(?:Morning|Afternoon|Evening|Night)\b(?!\s[A-Z]))")


def part_of_name(m: re.Match[str], ctx: Context) -> bool:
    """A capitalised word followed by a name: 'Sunday Times', 'Good Friday Agreement', 'Daily Mail'."""
    if not m.group()[:1].isupper():
        return False
    after = ctx.text[m.end(): m.end() + 20]
    return bool(_NAME_AFTER.match(after)) and not _DATE_WORD_AFTER.match(after)


_MONTHS_PERIOD = re.compile(r"\bmonths\b|\bhalf\b", re.I)


def months_period_before(ctx: Context, m: re.Match[str]) -> bool:
    """The sentence so far reports a span of months ("For the nine months, ... a year earlier"):
    a comparison with it is with that year, not with a quarter."""
    sentence = ctx.text[max(0, m.start() - 200): m.start()].rsplit(". ", 1)[-1]
    return bool(_MONTHS_PERIOD.search(sentence))


def reference_before(ctx: Context, m: re.Match[str]) -> Reference | None:
    """The last date the narrative mentioned before m, if any."""
    ref = ctx.reference
    return ref if ref is not None and ref.position < m.start() else None


def recent_quarter(ctx: Context, m: re.Match[str], window: int) -> Reference | None:
    """The quarter of the publication's time the article just spoke of, if it is near."""
    ref = ctx.current_quarter
    if ref is None or ref.position < m.start() - window:
        return None
    return ref
