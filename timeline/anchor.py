"""Anchoring: where a relative expression lands, given the publication date and the tense.

The news policy (HeidelTime's): a bare weekday or month-day is the most recent one on or
before the publication date, unless the clause speaks of the future ("will meet on
Friday"), or "next"/"last" says otherwise. The only "now" is the publication date.

    tense_near("They will meet on Friday.", 17, 23)      -> "future"
    resolve_weekday(date(2021, 4, 7), 7, "past")         -> date(2021, 4, 4)
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from timeline.rules import FUTURE_CUES, FUTURE_CUES_WITH_TO, PAST_CUES

_WORD = re.compile(r"[A-Za-z']+")
# After these, an "-ed" word is an adjective or a present passive ("the scheduled talks", "we are convinced").
_ADJECTIVE_BEFORE = re.compile(r"\b(?:the|a|an|its|his|her|their|our|of|and|more|most|less|very|be|been|being|"
                               r"is|are|am)\s$", re.I)
_PASSIVE_BEFORE = re.compile(r"\b(?:be|been|being|to)\s$", re.I)
_IS_TO_BEFORE = re.compile(r"\b(?:is|are)\s$", re.I)
_WAS_BEFORE = re.compile(r"\b(?:was|were|became|been|had)\s$", re.I)
_IS_BEFORE = re.compile(r"(?:\b(?:is|are|am)|'re)\s$", re.I)  # not "'s": "Friday's closing price" is a possessive
_HAD_BEFORE = re.compile(r"\bhad\s(?:been\s)?$", re.I)
_SINCE_BEFORE = re.compile(r"\bsince\s$", re.I)
_DEADLINE_BEFORE = re.compile(r"\b(?:until|till|to)\s$", re.I)  # "postponed to Friday" too
_DEADLINE_VERB = re.compile(r"\b(?:has\suntil|have\suntil|extend(?:s|ed)?|postpone[sd]?|delay(?:s|ed)?|adjourn(?:s|ed)?|defer(?:s|red)?|"
                            r"given|gave|give[sn]?|push(?:es|ed)?\sback|moved?|reschedule[sd]?|brought\sforward)\b", re.I)
_CUE_WINDOW = 120  # characters either side in which a tense cue is looked for
TENSE_OVERRULES_AFTER_DAYS = 60  # how far on the wrong side of publication a date must be for tense to move it
# A full stop ends the clause, but not after an initial or a title ("Daniel P. Davison", "Mr. Bush").
_NOT_A_FULL_STOP = "".join(f"(?<!{a})" for a in (r"\b[A-Z]", "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Co", "Inc",
                                                  "Corp", "Ltd", "Gen", "Sen", "Rep", "Gov", "Prof", "Lt", "Col"))
_CLAUSE_STOP = re.compile(_NOT_A_FULL_STOP + r"\.|[;!?\n]|\s[–—]\s")


def tense_near(text: str, start: int, end: int) -> str | None:
    """"future", "past" or None: the tense cue nearest to text[start:end] in its clause.

    Cues are auxiliaries and past forms (rules.FUTURE_CUES / PAST_CUES, "-ed" verbs);
    the nearest one by distance wins, so "said on Monday it will" reads as past.
    """
    left = max(0, start - _CUE_WINDOW)
    before = text[left:start]
    stops = list(_CLAUSE_STOP.finditer(before))
    if stops:
        left += stops[-1].end()
    after_end = min(len(text), end + _CUE_WINDOW)
    stop = _CLAUSE_STOP.search(text, end, after_end)
    right = stop.start() if stop else after_end
    if follows_since(text, start):
        return "past"  # "since Monday": a start that has happened
    if _DEADLINE_BEFORE.search(before) and _DEADLINE_VERB.search(text, left, start) and not text.startswith("'s", end):
        return "future"  # "extended its deadline until Tuesday": a deadline moved to a coming day
    # The nearest cue wins, but one after the expression counts at triple distance: the verb
    # before usually governs it ("will meet them on Friday, his office said").
    best: tuple[int, str] | None = None
    for m in _WORD.finditer(text, left, right):
        if start <= m.start() < end:
            continue
        tense = _cue_tense(m.group().lower(), text, m.end(), text[max(0, m.start() - 10):m.start()])
        if tense == "arrangement":  # a present progressive speaks of the future only as the verb before
            tense = "future" if m.end() <= start else None
        if tense:
            distance = start - m.end() if m.end() <= start else 3 * (m.start() - end)
            if best is None or distance < best[0]:
                best = (distance, tense)
    return best[1] if best else None


def follows_since(text: str, start: int) -> bool:
    """True for "since March 3": the date has passed, however near it is."""
    return bool(_SINCE_BEFORE.search(text, max(0, start - 6), start))


def _cue_tense(word: str, text: str, word_end: int, before: str) -> str | None:
    if word == "to" and _IS_TO_BEFORE.search(before):
        return "future"  # "is to resume trading Tuesday"
    if word in ("soon", "early") and before.endswith("as ") and text.startswith(" as", word_end):
        return "future"  # "as soon as Tuesday", "as early as next week"
    if word == "effective" and not _WAS_BEFORE.search(before):
        return "future"  # "a new office, effective Feb. 1": announcements name coming dates
    if word == "next" and text.startswith(" to", word_end):
        return None  # "next to the embassy"
    if word == "earlier" and text.startswith(" than", word_end):
        return None  # "no earlier than Monday" compares, it does not tell the past
    if word in FUTURE_CUES and _HAD_BEFORE.search(before):
        return "past"  # "had been due to expire Friday": a plan in the past
    if _IS_BEFORE.search(before) and word in FUTURE_CUES_WITH_TO:
        return "future"  # "a vote is due on Thursday", "results are expected Friday"
    if _IS_BEFORE.search(before) and word.endswith("ing") and len(word) > 4:
        return "arrangement"  # "she is visiting Paris on Friday"; but "prices we're seeing today" is now
    if word in FUTURE_CUES or word.endswith("'ll"):
        # "due to" / "set to" / "going to" need "to": "set" alone is often a past form.
        if word in FUTURE_CUES_WITH_TO and not text.startswith(" to", word_end):
            return None
        return "future"
    if word in PAST_CUES and not _PASSIVE_BEFORE.search(before):  # "will be paid" is not past
        return "past"
    if len(word) > 4 and word.endswith("ed") and not word.endswith("eed") and not word.startswith("un") \
            and not _ADJECTIVE_BEFORE.search(before):
        return "past"  # "-ed" after an article or possessive is an adjective ("the scheduled talks")
    return None


def resolve_weekday(published: date, weekday: int, tense: str | None, relation: str | None = None) -> date:
    """The date of an ISO weekday (1=Monday) relative to the publication date.

    relation "last" = the most recent strictly before; "next" = strictly after;
    "this" = in the publication's ISO week; otherwise tense decides (future: the coming
    one; past or unknown: the most recent one, the publication day included).
    """
    delta = weekday - published.isoweekday()
    if relation == "this":
        return published + timedelta(days=delta)
    if relation == "next" or (relation is None and tense == "future"):
        return published + timedelta(days=delta % 7 or 7)
    back = (-delta) % 7
    if relation == "last" and back == 0:
        back = 7
    return published - timedelta(days=back)


def resolve_month_day(published: date, month: int, day: int, tense: str | None) -> date | None:
    """The year of a month-day ("a March 15 attack"): past -> on/before publication,
    future -> on/after, unknown -> the nearest occurrence unless it is months ahead (then the
    past one). None for impossible days."""
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    # With no cue at all, news reports what happened: a date months ahead is last year's.
    return nearest_by_tense(published, candidates, tense, untensed_is_past=True)


def nearest_by_tense(published: date, candidates: list[date], tense: str | None, untensed_is_past: bool = False) -> date:
    """The candidate nearest to the publication date, unless the tense says the other side.

    Tense overrules the nearest date only when it is months away: "extended the offer to Nov. 16"
    (a past verb, a coming date) stays close, "met on Sept. 5" said in April is last year's.
    `untensed_is_past`: a clause with no tense cue reads as past.
    """
    nearest = min(candidates, key=lambda c: abs((c - published).days))
    if (tense == "past" or (tense is None and untensed_is_past)) and \
            (nearest - published).days > TENSE_OVERRULES_AFTER_DAYS:
        past = [c for c in candidates if c <= published]
        return max(past) if past else nearest
    if tense == "future" and (published - nearest).days > TENSE_OVERRULES_AFTER_DAYS:
        future = [c for c in candidates if c >= published]
        return min(future) if future else nearest
    return nearest


def resolve_month(published: date, month: int, tense: str | None, relation: str | None = None) -> int:
    """The year of a bare month name ("in March", "last March").

    With no "last"/"next", the nearest such month wins, unless it lies more than a month on
    the wrong side of the publication date for the tense ("sold in November" said in January).
    """
    year = published.year
    # "last February" said in March means a year ago: the month just gone would be "last month".
    if relation == "last":
        return year if month < published.month - 1 else year - 1
    if relation == "next":
        return year if month > published.month + 1 else year + 1
    if relation == "this":
        return year
    here = published.year * 12 + published.month - 1
    options = [(y, (y * 12 + month - 1) - here) for y in (year - 1, year, year + 1)]
    best_year, offset = min(options, key=lambda o: (abs(o[1]), o[1]))  # six months either way: the past one
    if tense == "past" and offset > 0:
        return max(y for y, o in options if o <= 0)
    if tense == "future" and offset < -1:
        return min(y for y, o in options if o >= 0)
    return best_year
