"""Resolvers: one small function per rule kind, turning a match into a TIMEX3 type and value.

    resolve(match of "On Sunday", kind "weekday", context published 2021-04-07)
    -> Resolved(DATE, "2021-04-04")

A resolver returns None to reject a match that is not temporal after all ("Sunday Times",
"2,000 troops"). `Context` carries the publication date and the narrative's reference
time (the last date mentioned), which "the next day" and "a year earlier" move from.
This is the one module that calls dateparser (for explicit dates in their many formats).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache

from timeline.anchor import (
    resolve_month,
    resolve_month_day,
    resolve_weekday,
    shift,
    tense_near,
)
from timeline.rules import (
    HOLIDAYS,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    PARTS_OF_DAY,
    REFERENCES,
    SEASONS,
    SET_ADVERBS,
    UNITS,
    VAGUE_AMOUNTS,
    WEEKDAYS,
)
from timeline.timex3 import quarter_of, week_value
from timeline.types import TimexType

MODS = {"early": "START", "late": "END", "mid": "MID", "the beginning of": "START", "the start of": "START",
        "the end of": "END", "the middle of": "MID", "earlier": "START", "later": "END"}
# Words before a 4-digit number that make it a count or a name, not a year.
NOT_YEAR_BEFORE = frozenset(
    "flight no no. number route highway room page boeing airbus model version section article rule "
    "code item channel chapter exit apartment suite pin about nearly approximately than some over "
    "under around almost least to".split()
)
# ... unless the number ends the clause ("by about 2010.").
NOT_YEAR_BEFORE_SOFT = frozenset("about nearly approximately than some over under around almost least to".split())
COUNT_NOUNS = (
    "people|persons|men|women|children|troops|soldiers|workers|police|residents|refugees|civilians|"
    "students|voters|members|jobs|homes|houses|cars|vehicles|tons|tonnes|barrels|shares|dollars|euros|"
    "pounds|yuan|yen|miles|kilometers|kilometres|meters|metres|feet|acres|votes|seats|cases|deaths|"
    "percent|per\\s?cent|points|units|copies|rockets|missiles|planes|ships|"
    "grams|kilograms|kg|km|kilometres|kilometers|litres|liters|calories|pages|words|metres|meters|euros|"
    "hectares|patients|delegates|employees|jobs|companies|firms|households|users|customers|visitors|fans"
)
COUNT_NOUN_AFTER = re.compile(r"\s(?:more\s|other\s|new\s)?(?:" + COUNT_NOUNS + r")\b|\s?%|\sof\s(?:the|them|us|those)\b")


@dataclass
class Reference:
    """A date the narrative is at: its first day, its granularity and where it was said."""

    day: date
    granularity: str
    position: int


@dataclass
class Context:
    """What a resolver may look at besides its match."""

    text: str
    published: date | None
    reference: Reference | None = None
    last_quarter: Reference | None = None
    history: list[Reference] = field(default_factory=list)


@dataclass(frozen=True)
class Resolved:
    type: TimexType
    value: str
    mod: str | None = None


DATE, TIME, DURATION, SET = TimexType.DATE, TimexType.TIME, TimexType.DURATION, TimexType.SET


def format_value(day: date, granularity: str) -> str:
    """A date written at a granularity: day 2021-04-07, month 2021-04, week 2021-W14, ..."""
    if granularity == "day":
        return day.isoformat()
    if granularity == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if granularity == "week":
        return week_value(day)
    if granularity == "quarter":
        return f"{day.year:04d}-Q{quarter_of(day)}"
    if granularity == "decade":
        return f"{day.year // 10:03d}"
    if granularity == "century":
        return f"{day.year // 100:02d}"
    return f"{day.year:04d}"


def unanchored(granularity: str) -> str:
    """The value of a relative expression when there is no publication date."""
    return {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX",
            "decade": "XXX", "century": "XX"}.get(granularity, "XXXX")


def parse_number(word: str) -> float | None:
    """'three' -> 3, '18' -> 18, 'twenty-five' -> 25, 'several' -> None (vague)."""
    word = " ".join(word.lower().replace("-", " ").split())
    if word in VAGUE_AMOUNTS:
        return None
    if word in NUMBER_WORDS:
        return float(NUMBER_WORDS[word])
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


def _amount(n: float | None) -> str:
    if n is None:
        return "X"
    return str(int(n)) if n == int(n) else str(n)


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _mod(word: str | None) -> str | None:
    return MODS.get(word.lower()) if word else None


def _tense(m: re.Match[str], ctx: Context) -> str | None:
    return tense_near(ctx.text, m.start(), m.end())


# --- explicit dates -------------------------------------------------------------------------

@lru_cache(maxsize=4096)
def parse_explicit(text: str, order: str = "MDY") -> date | None:
    """An explicit day ("7 Apr, 2021", "14/07/1989") parsed by dateparser; None if invalid."""
    parser = _date_parser(order)
    try:
        data = parser.get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd input; invalid is the answer
        return None
    if data is None or data.date_obj is None or data.period != "day":
        return None
    return data.date_obj.date()


@lru_cache(maxsize=4)
def _date_parser(order: str):
    """One dateparser parser per day order; imported lazily (dateparser takes ~0.3 s to load)."""
    from dateparser.date import DateDataParser

    settings = {
        "REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": order,
        "RELATIVE_BASE": datetime(2000, 1, 1), "PREFER_DAY_OF_MONTH": "first",
    }
    return DateDataParser(languages=["en"], settings=settings)


def resolve_iso_date(m: re.Match[str], ctx: Context) -> Resolved | None:
    try:
        day = date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    if m["hh"] and int(m["hh"]) < 24:
        return Resolved(TIME, f"{day.isoformat()}T{m['hh']}:{m['mm']}")
    return Resolved(DATE, day.isoformat())


def resolve_numeric_date(m: re.Match[str], ctx: Context) -> Resolved | None:
    a, b = int(m["a"]), int(m["b"])
    if a == 0 or b == 0 or (a > 12 and b > 12):
        return None
    if a > 12 or b > 12 or m["sep"] == ".":
        day = parse_explicit(m.group(), "DMY" if a > 12 or m["sep"] == "." else "MDY")
    else:  # 12/06/2022: both readings are dates; news is about days near its publication
        readings = [d for d in (parse_explicit(m.group(), "MDY"), parse_explicit(m.group(), "DMY")) if d]
        if ctx.published and readings:
            day = min(readings, key=lambda d: abs((d - ctx.published).days))
        else:
            day = readings[0] if readings else None
    return Resolved(DATE, day.isoformat()) if day else None


def resolve_full_date(m: re.Match[str], ctx: Context) -> Resolved | None:
    day = parse_explicit(m.group())
    return Resolved(DATE, day.isoformat()) if day else None


def resolve_month_day_(m: re.Match[str], ctx: Context) -> Resolved | None:
    month, day_of_month = _month(m["month"]), int(re.match(r"\d+", m["d"]).group())
    if _looks_like_count(m, ctx):
        return None
    if ctx.published is None:
        try:
            date(2000, month, day_of_month)
        except ValueError:
            return None
        return Resolved(DATE, f"XXXX-{month:02d}-{day_of_month:02d}")
    day = resolve_month_day(ctx.published, month, day_of_month, _tense(m, ctx))
    return Resolved(DATE, day.isoformat()) if day else None


def _looks_like_count(m: re.Match[str], ctx: Context) -> bool:
    """'In April 7 people died': a number followed by a count noun is a count, not a day."""
    after = ctx.text[m.end(): m.end() + 20]
    return bool(COUNT_NOUN_AFTER.match(after)) and m.group().rstrip()[-1].isdigit()


def resolve_month_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    return Resolved(DATE, f"{int(m['y']):04d}-{_month(m['month']):02d}", _mod(m["mod"]))


def resolve_month_relative_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    month = _month(m["month"])
    if ctx.published is None:
        return Resolved(DATE, f"XXXX-{month:02d}")
    step = {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    return Resolved(DATE, f"{ctx.published.year + step:04d}-{month:02d}")


def resolve_month_alone(m: re.Match[str], ctx: Context) -> Resolved | None:
    month = _month(m["month"])
    rel = (m.groupdict().get("rel") or "").lower().replace("\n", " ")
    if m["month"].lower() in ("may", "march") and not rel and _next_word_is_verb_like(m, ctx):
        return None
    mod = _mod(rel) if rel in ("early", "late", "mid") else None
    if ctx.published is None:
        return Resolved(DATE, f"XXXX-{month:02d}", mod)
    relation = {"last": "last", "next": "next", "this": "this"}.get(rel)
    if rel.startswith(("earlier this", "later this")):
        relation = "this"
    tense = None if mod else _tense(m, ctx)  # "early November" is the nearest one
    year = resolve_month(ctx.published, month, tense, relation)
    return Resolved(DATE, f"{year:04d}-{month:02d}", mod)


def _next_word_is_verb_like(m: re.Match[str], ctx: Context) -> bool:
    after = ctx.text[m.end(): m.end() + 12]
    return bool(re.match(r"\s(?:be|have|not|also|still|need|want|well|the|a|an|to)\b", after))


# --- years, decades, centuries, seasons, quarters ----------------------------------------------------

def resolve_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    if m.groupdict().get("yy"):
        yy = int(m["yy"])
        year = 1900 + yy if yy > 30 else 2000 + yy
        return Resolved(DATE, f"{year:04d}")
    mod = m.groupdict().get("mod")
    if not mod and not m.groupdict().get("fiscal") and not _plausible_year(m, ctx):
        return None
    return Resolved(DATE, m["y"], _mod(mod))


def _plausible_year(m: re.Match[str], ctx: Context) -> bool:
    """A bare 4-digit number is a year unless a count noun or a name-like word surrounds it."""
    before = ctx.text[max(0, m.start() - 20): m.start()].split()
    after = ctx.text[m.end(): m.end() + 20]
    prev = before[-1].lower() if before else ""
    if prev in ("to", "and", "or") and re.search(r"\b(?:1[5-9]|20)\d\d\s\S+\s$", ctx.text[max(0, m.start() - 12):m.start()]):
        return True  # "from 1939 to 1945"
    if prev in NOT_YEAR_BEFORE and not (prev in NOT_YEAR_BEFORE_SOFT and re.match(r"\s?[,.;:)]|$", after)):
        return False
    if re.match(r"\s?(?:-|to|and)\s?\d", after) and prev in ("between", "from"):
        return True
    return not COUNT_NOUN_AFTER.match(after)


def resolve_spoken_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    """'nineteen ninety-six' -> 1996, 'two thousand' -> 2000 (broadcast transcripts spell years out)."""
    rest = parse_number(m["rest"]) if m["rest"] else 0
    if m["century"].lower() == "nineteen":
        if not m["rest"] or rest is None or rest < 10:
            return None  # "nineteen" alone is a count
        return Resolved(DATE, f"{1900 + int(rest)}")
    before = ctx.text[max(0, m.start() - 9): m.start()].lower()
    if not m["rest"] and not re.search(r"(?:in|year|since|by|until)\s$", before):
        return None  # "two thousand people"
    return Resolved(DATE, f"{2000 + int(rest or 0)}")


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}


def resolve_decade_word(m: re.Match[str], ctx: Context) -> Resolved | None:
    """'the nineties' -> 199 (the 20th century's, as news means it)."""
    return Resolved(DATE, f"19{_DECADE_WORDS[m['word'].lower()]}", _mod(m["mod"]))


def resolve_decade(m: re.Match[str], ctx: Context) -> Resolved | None:
    if m.groupdict().get("yy"):
        digit = int(m["yy"])
        century = 20 if ctx.published and digit * 10 + 2000 <= ctx.published.year and digit < 3 else 19
        return Resolved(DATE, f"{century}{digit}", _mod(m["mod"]))
    if m["y"].endswith("0") and int(m["y"]) < 200:  # "the 1800s" is the century, not the decade 1800-1809
        return Resolved(DATE, m["y"][:2], _mod(m["mod"]))
    return Resolved(DATE, m["y"], _mod(m["mod"]))


def resolve_century(m: re.Match[str], ctx: Context) -> Resolved | None:
    word = m["n"].lower()
    n = ORDINALS.get(word) if word in ORDINALS else int(re.match(r"\d+", word).group())
    if not n or word == "last" or n > 30:
        return None
    return Resolved(DATE, f"{n - 1:02d}", _mod(m["mod"]))


_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def resolve_season(m: re.Match[str], ctx: Context) -> Resolved | None:
    code = SEASONS[m["season"].lower()]
    rel = (m["rel"] or "").lower().replace("\n", " ")
    if not m["y"] and rel in ("", "the"):
        before = ctx.text[max(0, m.start() - 12): m.start()].lower()
        if m["season"].lower() == "fall" or not re.search(r"\b(?:in|into|during|by|until|since|over|through|this|last|next)\s$", before):
            return None
    mod = _mod(rel.replace("the ", "")) if rel.replace("the ", "") in ("early", "late") else None
    if m["y"]:
        return Resolved(DATE, f"{m['y']}-{code}", mod)
    if ctx.published is None:
        return Resolved(DATE, f"XXXX-{code}", mod)
    return Resolved(DATE, f"{_season_year(ctx.published, code, rel, _tense(m, ctx)):04d}-{code}", mod)


def _season_year(published: date, code: str, rel: str, tense: str | None) -> int:
    """The year of "last summer", "next winter", "in the spring" (winter starts in December)."""
    def bounds(year: int) -> tuple[date, date]:
        start = date(year, _SEASON_START[code], 1)
        return start, shift(start, "month", 3)

    years = [published.year - 2, published.year - 1, published.year, published.year + 1]
    if rel in ("last", "the past", "this past") or (rel not in ("this", "next", "the coming") and tense == "past"):
        ended = [y for y in years if bounds(y)[1] <= published] if rel in ("last", "the past", "this past") else \
            [y for y in years if bounds(y)[0] <= published]
        return max(ended)
    if rel in ("next", "the coming") or tense == "future":
        return min(y for y in years if bounds(y)[0] > published or (rel not in ("next", "the coming")
                                                                   and bounds(y)[1] > published))
    return published.year


def _quarter_number(word: str) -> int:
    word = word.lower()
    return {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "final": 4, "last": 4}.get(word) or ORDINALS[word]


def resolve_quarter(m: re.Match[str], ctx: Context) -> Resolved | None:
    groups = m.groupdict()
    q = int(m["q"][1]) if groups.get("q") else _quarter_number(m["ord"])
    year = groups.get("y") or groups.get("y2")
    if year:
        return Resolved(DATE, f"{year}-Q{q}")
    if groups.get("rely") and ctx.published:
        step = {"this": 0, "last": -1, "next": 1}[groups["rely"].lower()]
        return Resolved(DATE, f"{ctx.published.year + step:04d}-Q{q}")
    if groups.get("yago") and ctx.published:
        return Resolved(DATE, f"{ctx.published.year - 1:04d}-Q{q}")
    recent = _recent_quarter(ctx, m, 400)
    if recent and quarter_of(recent.day) == q:
        return Resolved(DATE, format_value(recent.day, "quarter"))
    if ctx.published is None:
        return Resolved(DATE, f"XXXX-Q{q}")
    year = ctx.published.year
    if date(year, (q - 1) * 3 + 1, 1) > ctx.published and _tense(m, ctx) != "future":
        year -= 1
    return Resolved(DATE, f"{year:04d}-Q{q}")


def resolve_half(m: re.Match[str], ctx: Context) -> Resolved | None:
    half = 1 if m["ord"].lower() in ("first", "1st") else 2
    if m["y"]:
        return Resolved(DATE, f"{m['y']}-H{half}")
    if ctx.published is None:
        return Resolved(DATE, f"XXXX-H{half}")
    year = ctx.published.year
    if half == 2 and ctx.published.month < 7 and _tense(m, ctx) != "future":
        year -= 1
    return Resolved(DATE, f"{year:04d}-H{half}")


def _recent_quarter(ctx: Context, m: re.Match[str], window: int) -> Reference | None:
    """The quarter the article just spoke of, if it is near and of the publication's time."""
    ref = ctx.last_quarter
    if ref is None or ref.position < m.start() - window:
        return None
    if ctx.published and not -400 < (ref.day - ctx.published).days < 100:
        return None  # a year-ago comparison quarter is not "the quarter"
    return ref


def resolve_reporting_quarter(m: re.Match[str], ctx: Context) -> Resolved | None:
    rel = (m["rel"] or "").lower()
    recent = _recent_quarter(ctx, m, 600)
    if ctx.published is None and recent is None:
        return Resolved(DATE, "XXXX-QX")
    if rel.startswith("current"):
        day = ctx.published
    elif recent is not None and not rel.startswith(("latest", "most")):
        day = recent.day
    else:  # the quarter being reported: the latest one that has ended
        day = shift(date(ctx.published.year, (quarter_of(ctx.published) - 1) * 3 + 1, 1), "quarter", -1)
    if rel in ("year-earlier", "year-ago"):
        day = shift(day, "year", -1)
    return Resolved(DATE, format_value(day, "quarter"))


# --- weekdays, days relative to today, holidays ------------------------------------------------------

def _part_suffix(part: str | None) -> str:
    return f"T{PARTS_OF_DAY[part.lower()]}" if part else ""


_NAME_AFTER = re.compile(r"\s(?:[A-Z][a-z]|school\b)")
_DATE_WORD_AFTER = re.compile(r"\s(?:[A-Z][a-z]+\.?\s\d|(?:Morning|Afternoon|Evening|Night)\b(?!\s[A-Z]))")


def _part_of_name(m: re.Match[str], ctx: Context) -> bool:
    """A capitalised word followed by a name: 'Sunday Times', 'Good Friday Agreement', 'Daily Mail'."""
    if not m.group()[:1].isupper():
        return False
    after = ctx.text[m.end(): m.end() + 20]
    return bool(_NAME_AFTER.match(after)) and not _DATE_WORD_AFTER.match(after)


def _name_before(m: re.Match[str], ctx: Context) -> bool:
    """A capitalised 'Today' right after a capitalised word, mid-sentence: 'USA Today'."""
    if not m.group()[:1].isupper():
        return False
    before = ctx.text[max(0, m.start() - 12): m.start()]
    return bool(re.search(r"[A-Z][A-Za-z]*\s$", before)) and \
        not re.search(r"(?:^|[.!?:]\s*|\b(?:On|Last|Next|This|By|Until|Since)\s)$", before)


def resolve_weekday_(m: re.Match[str], ctx: Context) -> Resolved | None:
    if _part_of_name(m, ctx):
        return None
    weekday = WEEKDAYS[m["weekday"].lower()]
    rel = (m["rel"] or "").lower().replace("\n", " ")
    suffix = _part_suffix(m["part"])
    kind = TIME if suffix else DATE
    mod = _mod(rel) if rel in ("early", "late") else None
    if ctx.published is None:
        return Resolved(kind, f"XXXX-WXX-{weekday}{suffix}", mod)
    relation = {"last": "last", "this past": "last", "next": "next", "this coming": "next", "this": "this"}.get(rel)
    day = resolve_weekday(ctx.published, weekday, _tense(m, ctx), relation)
    return Resolved(kind, day.isoformat() + suffix, mod)


def resolve_relative_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    if _name_before(m, ctx):
        return None
    rel = m["rel"].lower()
    part = (m["part"] or "").lower()
    if rel == "tonight":
        rel, part = "today", "night"
    offset = {"today": 0, "this": 0, "yesterday": -1, "last": -1, "tomorrow": 1}[rel]
    if rel == "last" and part != "night":
        return None  # "last morning" is not English news usage
    suffix = _part_suffix(part or None)
    kind = TIME if suffix else DATE
    mod = _mod(m.groupdict().get("mod"))
    if ctx.published is None:
        return Resolved(kind, "XXXX-XX-XX" + suffix, mod)
    return Resolved(kind, (ctx.published + timedelta(days=offset)).isoformat() + suffix, mod)


def holiday_date(name: str, year: int) -> date | None:
    """The date of a named holiday in a year."""
    name = name.lower()
    if name in HOLIDAYS:
        month, day = HOLIDAYS[name]
        return date(year, month, day)
    if name.startswith("thanksgiving"):
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name == "labor day":
        first = date(year, 9, 1)
        return first + timedelta(days=(0 - first.weekday()) % 7)
    if name == "memorial day":
        last = date(year, 5, 31)
        return last - timedelta(days=last.weekday())
    from dateutil.easter import easter

    return easter(year) - timedelta(days=2) if name == "good friday" else easter(year)


def resolve_holiday(m: re.Match[str], ctx: Context) -> Resolved | None:
    if _part_of_name(m, ctx):
        return None
    name = m["name"]
    if m["y"]:
        return Resolved(DATE, holiday_date(name, int(m["y"])).isoformat())
    if ctx.published is None:
        return Resolved(DATE, "XXXX-XX-XX")
    tense = _tense(m, ctx)
    this_year = holiday_date(name, ctx.published.year)
    if tense == "past" and this_year > ctx.published:
        this_year = holiday_date(name, ctx.published.year - 1)
    elif tense == "future" and this_year < ctx.published:
        this_year = holiday_date(name, ctx.published.year + 1)
    return Resolved(DATE, this_year.isoformat())


# --- relative units, ago, anaphora --------------------------------------------------------------------

_UNIT_GRANULARITY = {"week": "week", "weekend": "week", "month": "month", "year": "year",
                     "decade": "decade", "century": "century", "quarter": "quarter", "day": "day"}


def _base(ctx: Context, m: re.Match[str]) -> date | None:
    """The narrative's reference day if one was mentioned, else the publication date."""
    if ctx.reference is not None and ctx.reference.position < m.start():
        return ctx.reference.day
    return ctx.published


def resolve_relative_unit(m: re.Match[str], ctx: Context) -> Resolved | None:
    rel = " ".join(m["rel"].lower().split())
    unit = m["unit"].lower()
    granularity = _UNIT_GRANULARITY[unit]
    if rel in ("the last", "the past") and m.groupdict().get("mod"):
        return None
    if rel in ("that", "the same", "the following", "the previous") and unit != "weekend":
        base = _base(ctx, m)
    else:
        base = ctx.published
    if base is None:
        return Resolved(DATE, unanchored(granularity) + ("-WE" if unit == "weekend" else ""))
    step = {"last": -1, "the previous": -1, "the past": -1, "the last": -1, "the latest": -1, "next": 1, "the coming": 1,
            "the next": 1, "the following": 1}.get(rel, 0)
    day = shift(base, "week" if unit == "weekend" else unit, step)
    if unit == "weekend":
        if rel == "the":  # the weekend just past, unless the clause speaks of the future
            future = _tense(m, ctx) == "future"
            day = base + timedelta(days=(5 - base.weekday()) % 7 if future else -((base.weekday() + 1) % 7 + 1))
        return Resolved(DATE, week_value(day) + "-WE")
    mod = _mod((m.groupdict().get("mod") or "").strip()) if (m.groupdict().get("mod") or "").lower() not in (
        "earlier", "later") else None
    return Resolved(DATE, format_value(day, granularity), mod)


_FINENESS = ("century", "decade", "year", "quarter", "month", "week", "day")


def resolve_ago(m: re.Match[str], ctx: Context) -> Resolved | None:
    direction = " ".join(m["dir"].lower().split())
    backwards = direction in ("ago", "earlier", "before")
    raw = m.groupdict().get("n")
    unit = (m.groupdict().get("unit") or "year").lower().rstrip("s")
    if raw and raw.lower() in ("year", "month", "week", "quarter"):  # "year-earlier"
        unit, amount = raw.lower(), 1.0
    elif raw is None:  # "years ago"
        return Resolved(DATE, "PAST_REF" if backwards else "FUTURE_REF")
    else:
        amount = parse_number(raw)
    if amount is None or amount != int(amount):
        return Resolved(DATE, "PAST_REF" if backwards else "FUTURE_REF")
    relative_to_now = direction in ("ago", "from now", "hence")
    base = ctx.published if relative_to_now else _base(ctx, m)
    granularity = _UNIT_GRANULARITY.get(unit, "year")
    if not relative_to_now and ctx.reference and base == ctx.reference.day and \
            _FINENESS.index(ctx.reference.granularity) > _FINENESS.index(granularity):
        granularity = ctx.reference.granularity  # "on Nov. 2 ... a year earlier" is a day
    window = 300  # "a year ago" looks back less far than "a year earlier"
    if unit == "year" and ctx.last_quarter and ctx.last_quarter.position > m.start() - window:
        base, granularity = ctx.last_quarter.day, "quarter"  # "third-quarter profit ... a year earlier"
    if base is None:
        return Resolved(DATE, unanchored(granularity))
    day = shift(base, unit, int(amount) * (-1 if backwards else 1))
    return Resolved(DATE, format_value(day, granularity))


def resolve_anaphoric(m: re.Match[str], ctx: Context) -> Resolved | None:
    groups = m.groupdict()
    rel = " ".join((groups.get("rel") or "").lower().split())
    unit = (groups.get("unit") or "day").lower()
    if rel in ("day before", "day after"):
        offset = -1 if rel == "day before" else 1
        relday = (groups.get("relday") or "").lower()
        if relday:
            base = ctx.published
            offset += -1 if relday == "yesterday" else 1
        else:
            base = _base(ctx, m)
    else:
        offset = {"the next": 1, "the following": 1, "the previous": -1}.get(rel, 0)
        if groups.get("before"):
            offset = -1
        base = _base(ctx, m)
    suffix = _part_suffix(unit) if unit != "day" else ""
    kind = TIME if suffix else DATE
    if base is None:
        return Resolved(kind, "XXXX-XX-XX" + suffix)
    return Resolved(kind, (base + timedelta(days=offset)).isoformat() + suffix)


# --- times of day ----------------------------------------------------------------------------------------

def resolve_clock_time(m: re.Match[str], ctx: Context) -> Resolved | None:
    groups = m.groupdict()
    if groups.get("word"):
        hour, minute = (0, 0) if groups["word"].lower() == "midnight" else (12, 0)
    else:
        hour, minute = int(groups["h"]), int(groups.get("min") or 0)
        ampm = (groups.get("ampm") or "").lower()
        if ampm:
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    day = _time_day(m, ctx)
    clock = f"T{hour:02d}:{minute:02d}"
    return Resolved(TIME, (day.isoformat() if day else "XXXX-XX-XX") + clock)


def _time_day(m: re.Match[str], ctx: Context) -> date | None:
    tail = (m.groupdict().get("tail") or "").lower()
    if ctx.published is None:
        return None
    if tail in WEEKDAYS:
        return resolve_weekday(ctx.published, WEEKDAYS[tail], _tense(m, ctx))
    if tail in ("today", "tonight", "yesterday", "tomorrow"):
        return ctx.published + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(tail, 0))
    if m.groupdict().get("tmonth"):
        return resolve_month_day(ctx.published, _month(m["tmonth"]), int(re.match(r"\d+", m["tday"]).group()),
                                 _tense(m, ctx))
    if ctx.reference and ctx.reference.granularity == "day" and ctx.reference.position > m.start() - 200:
        return ctx.reference.day
    return ctx.published


# --- durations, sets, references ---------------------------------------------------------------------

def duration_value(amount: float | None, unit: str) -> str:
    """P3Y, PT2H, P1.5Y, PXM ... for an amount of a unit (None = unknown amount)."""
    letter, multiplier, is_time = UNITS[unit]
    if amount is not None:
        amount *= multiplier
    return ("PT" if is_time else "P") + _amount(amount) + letter


def _unit_name(word: str) -> str:
    word = word.lower()
    return "century" if word.startswith("centur") else word.rstrip("s")


# A plural noun, an amount of money or a count right before "a week" makes it a rate, not a span.
_RATE_BEFORE = re.compile(r"(?:\b\w+[^s\W]s|\d|\b(?:million|billion|percent|times|once|twice|cents|dollars))\s$")


def resolve_duration(m: re.Match[str], ctx: Context) -> Resolved | None:
    groups = m.groupdict()
    if (groups.get("long") or "").lower() == "old":
        return None  # "a three-year-old girl" is an age
    unit = _unit_name(m["unit"])
    raw = groups.get("n")
    amount = parse_number(raw) if raw else None
    if raw and amount is None and raw.lower() not in VAGUE_AMOUNTS:
        return None
    if amount is not None and amount > 10000:
        return None
    if unit == "second" and raw and raw.lower() in ("a", "an"):
        return None  # "a second round"
    if raw and raw.lower() in ("a", "an") and not groups.get("rel") and _RATE_BEFORE.search(
            ctx.text[max(0, m.start() - 25): m.start()]):
        return Resolved(SET, duration_value(1, unit))  # "four flights a week", "$5 million a year"
    if unit == "quarter" and amount is not None:
        return Resolved(DURATION, f"P{_amount(amount * 3)}M")
    return Resolved(DURATION, duration_value(amount, unit))


def resolve_set(m: re.Match[str], ctx: Context) -> Resolved | None:
    groups = m.groupdict()
    if groups.get("adverb"):
        return None if _part_of_name(m, ctx) else Resolved(SET, SET_ADVERBS[m["adverb"].lower()])
    if groups.get("weekday") and not groups.get("unit"):
        return Resolved(SET, f"XXXX-WXX-{WEEKDAYS[m['weekday'].lower().rstrip('s')]}")
    unit = m["unit"].lower()
    if unit.rstrip(".") in MONTHS:
        return Resolved(SET, f"XXXX-{_month(unit):02d}")
    if m.groupdict().get("n"):
        amount = parse_number(m["n"])
        return Resolved(SET, duration_value(amount, unit.rstrip("s"))) if amount and unit.rstrip("s") in UNITS else None
    unit = unit.rstrip("s") if unit.rstrip("s") in UNITS else unit
    if unit in WEEKDAYS:
        return Resolved(SET, f"XXXX-WXX-{WEEKDAYS[unit]}")
    if unit.rstrip("s") in SEASONS:
        unit = unit.rstrip("s")
    if unit in SEASONS:
        return Resolved(SET, f"XXXX-{SEASONS[unit]}")
    if unit in PARTS_OF_DAY:
        return Resolved(SET, f"XXXX-XX-XXT{PARTS_OF_DAY[unit]}")
    return Resolved(SET, duration_value(1, unit))


def resolve_reference(m: re.Match[str], ctx: Context) -> Resolved | None:
    word = " ".join(m["word"].lower().split())
    if word == "now" and re.match(r"\s(?:that)\b", ctx.text[m.end(): m.end() + 6]):
        return None
    return Resolved(DATE, REFERENCES[word])


RESOLVERS = {
    "iso_date": resolve_iso_date, "numeric_date": resolve_numeric_date, "full_date": resolve_full_date,
    "month_day": resolve_month_day_, "month_year": resolve_month_year, "month_alone": resolve_month_alone,
    "month_relative_year": resolve_month_relative_year,
    "year": resolve_year, "spoken_year": resolve_spoken_year, "decade": resolve_decade, "decade_word": resolve_decade_word, "century": resolve_century, "season": resolve_season,
    "quarter": resolve_quarter, "half": resolve_half, "reporting_quarter": resolve_reporting_quarter,
    "weekday": resolve_weekday_, "relative_day": resolve_relative_day, "holiday": resolve_holiday,
    "relative_unit": resolve_relative_unit, "ago": resolve_ago, "anaphoric": resolve_anaphoric,
    "clock_time": resolve_clock_time, "duration": resolve_duration, "set": resolve_set,
    "reference": resolve_reference,
}
