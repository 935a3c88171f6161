"""Anchoring: where a relative expression lands, given the publication date and the tense.

The news policy (HeidelTime's): a bare weekday or month-day is the most recent one on or
before the publication date, unless the clause speaks of the future ("will meet on
Friday"), or "next"/"last" says otherwise. The only "now" is the publication date.

    tense_near("They will meet on Friday.", 17, 23, cues)  -> "future"
    resolve_weekday(date(2021, 4, 7), 7, "past")         -> date(2021, 4, 4)
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from types import ModuleType
from typing import NamedTuple

_CUE_WINDOW = 120  # characters either side in which a tense cue is looked for
TENSE_OVERRULES_AFTER_DAYS = 60  # how far on the wrong side of publication a date must be for tense to move it
# With no cue at all, a month-day months ahead is last year's ("the March 28 election" said in April), but one
# within a third of a year ahead is the coming one ("after the July 1 handover" said in April).
UNTENSED_PAST_AFTER_DAYS = 120


def tense_near(text: str, start: int, end: int, cues: ModuleType, day: bool = False,
               weekday: bool = False) -> str | None:
    """"future", "past" or None: the tense cue nearest to text[start:end] in its clause.

    `cues` is a language's cue module (`Ruleset.cues`): auxiliaries and past forms
    (FUTURE_CUES / PAST_CUES, regular past endings) and the contexts that change them;
    the nearest cue by distance wins, so "said on Monday it will" reads as past.
    `day`: text[start:end] names a day (a weekday, a month-day): the present of a schedule and a modal before it are
    future cues ("Offices close on Monday", "could reach 40C on Saturday"), which are too often a headline's past or
    an ability for a month or a span ("Ryanair falls on second profit warning in two months"). `weekday`: a bare
    weekday, which a forward preposition points ahead too (`forward_day`).
    """
    left = max(0, start - _CUE_WINDOW)
    before = text[left:start]
    stops = list(cues.CLAUSE_STOP.finditer(before))
    if stops:
        left += stops[-1].end()
    after_end = min(len(text), end + _CUE_WINDOW)
    stop = cues.CLAUSE_STOP.search(text, end, after_end)
    right = stop.start() if stop else after_end
    content = cues.REPORTED_CONTENT_AFTER.search(text, end, right)
    right = content.start() if content else right  # ", writing that ... is unlikely to": said content, its own tense
    conjunct = cues.COORDINATED_VERB_AFTER.match(text, end, right)
    right = conjunct.start("conjunct") if conjunct else right  # "on Monday and will meet again": the next verb phrase's tense
    if follows_since(text, start, cues):
        return "past"  # "since Monday": a start that has happened
    if cues.COMPARISON_BASE_BEFORE.search(text, max(0, start - 60), start):
        return "past"  # "down from 2.6% in June": an earlier figure's time
    if cues.COPULA_BEFORE.search(text, max(0, start - 8), start) or cues.DEADLINE_COPULA_AFTER.match(text, end):
        return "future"  # "the deadline is Thursday", "the vote is on Friday": a day named by the present
    if weekday and cues.WEEKDAY_SUBJECT_COPULA_AFTER.match(text, end) and \
            cues.SUBJECT_OPENER_BEFORE.search(text, max(0, start - 12), start):
        return "future"  # '"Thursday night is a night to celebrate," she said': a day the present names
    if cues.MODAL_SPAN_BEFORE.search(text, max(left, start - 60), start):
        return "future"  # "said in June that the season could last well into the fall": the modal's verb looks ahead
    if cues.FORECAST_CHANCE_BEFORE.search(text, left, start):
        return "future"  # "a 60% chance of acceptable weather ..., improving to 80% on Saturday": a forecast's day
    if _plan_infinitive_before(text, left, start, cues):
        return "future"  # "the summit due to open on Sunday was cancelled"
    if _sets_deadline(text, start, end, left, cues):
        return "future"  # "extended its deadline until Tuesday": a deadline moved to a coming day
    caption = in_caption(text, start, cues)
    if weekday and _heads_subject(text, start, end, cues):
        own = _nearest_cue(text, start, end, end, right, cues, day, caption=caption)
        if own:
            return own  # "said Tuesday that Sunday's elections will go ahead": the clause's own verb
    tense = _nearest_cue(text, start, end, left, right, cues, day, caption=caption)
    if weekday and tense != "future" and forward_day(text, start, end, cues):
        return _nearest_cue(text, start, end, left, right, cues, day, lenient=True, caption=caption) or "future"
    return tense


def _heads_subject(text: str, start: int, end: int, cues: ModuleType) -> bool:
    """A possessive day opening its clause's subject ("that Sunday's elections will"), not an object or a part of
    a phrase ("the victims of Friday's collision", "up from Monday's close")."""
    return text.startswith(cues.POSSESSIVE, end) and \
        bool(cues.SUBJECT_OPENER_BEFORE.search(text, max(0, start - 12), start))


def in_caption(text: str, start: int, cues: ModuleType) -> bool:
    """True when text[start] lies in a photo caption: a line opening with a caption's label ("Photo:", "Photo
    caption:") or ending with a bracketed photo credit ("(Jerry Holt / Star Tribune)")."""
    line_start, line_end = _line_around(text, start)
    return bool(cues.CAPTION_LABEL.match(text, line_start, line_end)
                or cues.CAPTION_CREDIT_END.search(text, max(line_start, line_end - 80), line_end))


def _line_around(text: str, position: int) -> tuple[int, int]:
    """The start and end of the line holding text[position] (its newline left out)."""
    end = text.find("\n", position)
    return text.rfind("\n", 0, position) + 1, len(text) if end < 0 else end


def forward_day(text: str, start: int, end: int, cues: ModuleType) -> bool:
    """True when a forward preposition governs the day at text[start:end] ("until Wednesday", "from Monday",
    "starting Saturday", "for Friday's draw"): with no past of its own, such a day lies ahead."""
    if cues.RECORD_FROM_BEFORE.search(text, max(0, start - 30), start):
        return False  # "the company's statement from Wednesday night": when the record was made
    prep = cues.FORWARD_PREPOSITION_BEFORE.search(text, max(0, start - 16), start)
    return bool(prep) and (prep["for"] is not None or not text.startswith(cues.POSSESSIVE, end))


def _plan_infinitive_before(text: str, left: int, start: int, cues: ModuleType) -> bool:
    plan = cues.PLAN_INFINITIVE_BEFORE.search(text, left, start)
    if plan:
        return not (plan["plan"] == cues.DUE and cues.CAUSE_AFTER_DUE_TO.match(text, plan.end("plan")))
    passive = cues.PASSIVE_PLAN_BEFORE.search(text, left, start)
    return bool(passive) and not cues.ORDINAL_BEFORE_PLAN.search(text, max(0, passive.start() - 30), passive.start())


def is_deadline(text: str, start: int, end: int, cues: ModuleType) -> bool:
    """True when text[start:end] is a deadline a verb of its clause sets ("gave Iran until August 31",
    "adjourned the trial until January 23")."""
    left = max(0, start - _CUE_WINDOW)
    stops = list(cues.CLAUSE_STOP.finditer(text, left, start))
    return _sets_deadline(text, start, end, stops[-1].end() if stops else left, cues)


def deadline_tense(text: str, start: int, end: int, cues: ModuleType) -> str | None:
    """The tense a deadline at text[start:end] is read in: None (the nearest such day, either side) when a past verb
    of its clause set it ("gave Iran until August 31" said in December, "gave the government until March 31" said in
    December), else "future" ("have until Oct. 17" said in April, "gives them until May 1"): the verb, not "until",
    decides."""
    left = max(0, start - _CUE_WINDOW)
    stops = list(cues.CLAUSE_STOP.finditer(text, left, start))
    left = stops[-1].end() if stops else left
    return None if _nearest_cue(text, start, end, left, start, cues) == "past" else "future"


def _sets_deadline(text: str, start: int, end: int, left: int, cues: ModuleType) -> bool:
    return bool(cues.DEADLINE_BEFORE.search(text[left:start]) and cues.DEADLINE_VERB.search(text, left, start)
                and not text.startswith(cues.POSSESSIVE, end))


def _nearest_cue(text: str, start: int, end: int, left: int, right: int, cues: ModuleType, day: bool = False,
                 lenient: bool = False, caption: bool = False) -> str | None:
    """The tense of the cue nearest to text[start:end] within text[left:right]; a modal or a schedule's present is a
    cue for a day only (`day`).

    `lenient`: a present perfect or a verb that sets a date tells no past ("has issued a flood watch until Wednesday",
    "rallies were announced for Sunday"): a day a forward preposition governs then lies ahead.

    `caption`: the expression lies in a photo caption, whose present shows what has happened: a schedule's present, a
    plural schedule verb, a modal or a present progressive is no cue there ("Parents hold signs before Wednesday's
    vote").

    One after the expression counts at triple distance: the verb before usually governs it
    ("will meet them on Friday, his office said"); a reporting verb after a comma does not count
    ("would be necessary with statements from June 30, it added"). A relative clause set off by commas is a clause of
    its own: inside one, only its words count ("the parties, which boycotted the January 30 election,
    will join"); outside, its words do not ("On Thursday, Ozawa, who heads the party, promised")."""
    best: tuple[int, str] | None = None
    cue_words, cue_endings = _cue_index(cues)
    asides = []
    for aside in cues.RELATIVE_ASIDE.finditer(text, left, right):
        if aside.start() <= start and end <= aside.end():
            left, right, asides = aside.start(), aside.end(), []
            break
        asides.append(aside.span())
    for m in cues.WORD.finditer(text, left, right):
        word = m.group().lower()
        if start <= m.start() < end or not (word in cue_words or word.endswith(cue_endings)):
            continue  # most words are no cue: no check below could rule on them
        if (asides and any(a <= m.start() < b for a, b in asides)) or (
                not day and word in _day_cues(cues) and not _verb_by_object(word, text, m.end(), cues)):
            continue  # a schedule's present is a day's cue, but "take effect" is one for a month too, as "takes"
        if word == cues.AHEAD_OF[0] and (m.start() >= end or "," in text[m.end():start]):
            continue  # 'ahead of' dates only its own object: not "ahead of the poll, on Tuesday reached"
        if m.start() >= end and word in cues.REPORTING_VERBS and cues.SPEECH_TAG_START in text[end:m.start()] \
                and cues.SPEECH_TAG_END.match(text, m.end()):
            continue  # '..., it added.': when it was said, not the tense of what was said
        if day and m.start() >= end and _reduced_passive(word, text, m.start(), m.end(), cues):
            continue  # "expected in Lima early Thursday accompanied by relatives": a modifier, no verb (a day's only:
            # "set to examine the second report in two months released by" keeps its span a duration)
        cue = _Cue(word, text, m.end(), text[max(0, m.start() - 24):m.start()], cues)
        tense = _cue_tense(cue)
        if lenient and tense == "past":
            if word in cues.VERBS_SETTING_A_DATE or word in cues.VERBS_OF_NOTICE:
                tense = "future"  # "rallies were announced for Sunday", "issued a flood warning until Tuesday"
            elif cues.PERFECT_BEFORE.search(cue.before):
                continue  # "has issued a flood watch until Wednesday": a present perfect, no past
        if caption and (tense in (_SCHEDULED, "arrangement") or word in cues.PLURAL_SCHEDULE_VERBS):
            continue  # a caption's present: what the picture shows, no schedule
        if tense == _SCHEDULED:
            tense = "arrangement" if day else None
        if tense == "arrangement":  # a present progressive, a schedule's present or a modal: future only as the verb before
            tense = "future" if m.end() <= start else None
        if tense:
            distance = start - m.end() if m.end() <= start else 3 * (m.start() - end)
            if best is None or distance < best[0]:
                best = (distance, tense)
    return best[1] if best else None


def _reduced_passive(word: str, text: str, start: int, end: int, cues: ModuleType) -> bool:
    """A past participle at text[start:end] that "by" follows and no auxiliary precedes ("accompanied by")."""
    participle = word in cues.PAST_CUES or (word.endswith(cues.PAST_SUFFIX) and not word.endswith(cues.NOT_PAST_SUFFIX))
    return participle and bool(cues.REDUCED_PASSIVE_AFTER.match(text, end)) \
        and not cues.AUXILIARY_BEFORE.search(text, max(0, start - 12), start)


def follows_since(text: str, start: int, cues: ModuleType) -> bool:
    """True for "since March 3": the date has passed, however near it is."""
    return bool(cues.SINCE_BEFORE.search(text, max(0, start - 60), start))


def dated_by_past_verb(text: str, start: int, cues: ModuleType) -> bool:
    """True when a past verb dates text[start:] directly: "took effect on Jan. 1", "seized the town on January 9",
    or a sentence opening "On Jan. 9," (its clause's tense then rules). Such a date has happened, however near the
    coming one is; a verb further off is too often another clause's ("said it will redeem ... shares on Oct. 31")."""
    before = text[max(0, start - 60):start]
    on = cues.DATED_ON_BEFORE.search(before) or cues.PAST_SPAN_BEFORE.search(before)
    if not on or cues.CONDITIONAL.search(before.rsplit(",", 1)[-1]):
        return False  # "If the government fell on Dec. 8, a vote would ..." is no event
    if on["verb"] is None:
        return True
    verb_start, verb_end = start - len(before) + on.start("verb"), start - len(before) + on.end("verb")
    cue = _Cue(on["verb"].lower(), text, verb_end, text[max(0, verb_start - 24):verb_start], cues)
    # "have called a shutdown on May 3": a present perfect sets a date, it does not report one
    # and "called a shutdown on May 3", "set the vote on Dec. 8" name a coming date in any tense
    return _cue_tense(cue) == "past" and not cues.PERFECT_BEFORE.search(cue.before) \
        and cue.word not in cues.VERBS_SETTING_A_DATE


@cache
def _day_cues(cues: ModuleType) -> frozenset[str]:
    """The words that are tense cues for a day only: modals and a schedule's present not already cues for any
    expression ("starts", "meets" are)."""
    return (cues.MODALS | cues.SCHEDULE_PRESENT_SINGULAR | cues.SCHEDULE_PRESENT_PLURAL | cues.PLAN_WITH_OBJECT) - \
        cues.FUTURE_CUES - cues.PLURAL_SCHEDULE_VERBS - cues.PAST_CUES


@cache
def _cue_index(cues: ModuleType) -> tuple[frozenset[str], tuple[str, ...]]:
    """The words and endings the checks of _CUE_CHECKS look at: a word with neither is no cue."""
    words = cues.FUTURE_CUES | cues.PAST_CUES | cues.PLURAL_SCHEDULE_VERBS | {cues.INFINITIVE, cues.EFFECTIVE} | \
        set(cues.AS_SOON_AS[0]) | cues.ON_COURSE[0] | {cues.AHEAD_OF[0]} | cues.BRACING[0] | cues.SCHEDULE_PRESENT_SINGULAR | cues.SCHEDULE_PRESENT_PLURAL | \
        cues.MODALS | cues.PAST_OR_BARE | cues.PAST_OR_BARE_BEFORE_TIME | cues.STATE_ADJECTIVES
    return frozenset(words | set(cues.NOT_A_CUE_BEFORE)), (cues.WILL_CONTRACTION, cues.PROGRESSIVE_SUFFIX,
                                                           cues.PAST_SUFFIX)


class _Cue(NamedTuple):
    """A word that may tell the tense, with what surrounds it."""

    word: str  # lower case
    text: str
    word_end: int
    before: str  # the 24 characters before the word (enough for "had been initially ")
    cues: ModuleType

    def followed_by(self, piece: str) -> bool:
        return self.text.startswith(piece, self.word_end)

    @property
    def lower_case(self) -> bool:
        return self.text[self.word_end - len(self.word)].islower()


_NO_TENSE = ""  # a check's ruling that the word tells no tense (None: the check does not apply)
_SCHEDULED = "passive"  # a present passive: a future cue for a day only, as the verb before


def _infinitive_of_plan(c: _Cue) -> str | None:
    if c.word == c.cues.INFINITIVE and c.cues.IS_TO_BEFORE.search(c.before):
        # "is to resume trading Tuesday"; "the service was to have begun on Thursday" did not
        return _NO_TENSE if c.followed_by(c.cues.PERFECT_INFINITIVE) else "future"
    if c.word == c.cues.INFINITIVE and _headline_infinitive(c):
        return "future"  # "Lockdown to end on Thursday night": a headline's plan
    return None


def _headline_infinitive(c: _Cue) -> bool:
    """A title line's "to" of plan, its copula left out ("Talks to resume Friday in Geneva")."""
    cues = c.cues
    if not (c.before.endswith(" ") and cues.HEADLINE_PLAN_VERB_AFTER.match(c.text, c.word_end)):
        return False
    last = c.before.split()[-1:]
    if not last or not last[0][0].isalpha() or last[0].lower() in cues.NOT_HEADLINE_PLAN_BEFORE \
            or last[0].endswith(cues.PAST_SUFFIX):
        return False  # "sentenced to life", "returns to work": a preposition's "to"
    line_start, line_end = _line_around(c.text, c.word_end)
    return bool(cues.TITLE_LINE.fullmatch(c.text, line_start, line_end)) and \
        len(c.text[line_start:line_end].split()) <= cues.TITLE_MAX_WORDS


def _causative(c: _Cue) -> str | None:
    """A participle after a causative have/get and its object ("can have their returns prepared"): no past."""
    return _NO_TENSE if _participle(c) and c.cues.CAUSATIVE_OBJECT_BEFORE.search(c.before) else None


def _participle(c: _Cue) -> bool:
    """An irregular past or a word in -ed (not -eed: "need"), which may be a participle."""
    cues = c.cues
    return c.word in cues.PAST_CUES or (len(c.word) > 4 and c.word.endswith(cues.PAST_SUFFIX)
                                        and not c.word.endswith(cues.NOT_PAST_SUFFIX))


def _as_soon_as(c: _Cue) -> str | None:
    words, before, after = c.cues.AS_SOON_AS
    if c.word in words and c.before.endswith(before) and c.followed_by(after):
        return "future"  # "as soon as Tuesday", "as early as next week"
    return None


def _on_course(c: _Cue) -> str | None:
    words, before, after = c.cues.ON_COURSE
    if c.word in words and c.before.endswith(before) and c.followed_by(after):
        return "future"  # "was on course to win the March 28 election": a forecast's outcome is ahead
    return None


def _ahead_of(c: _Cue) -> str | None:
    word, after = c.cues.AHEAD_OF
    if c.word == word and c.followed_by(after):
        if c.followed_by(c.cues.AHEAD_OF_SCHEDULE):
            return _NO_TENSE  # "opened ahead of schedule on Friday": early, not before a coming event
        return "future"  # "tensions ahead of a speech on Saturday", "ahead of the presidential election in December"
    return None


def _bracing_for(c: _Cue) -> str | None:
    words, after = c.cues.BRACING
    return "future" if c.word in words and c.followed_by(after) else None


def _effective(c: _Cue) -> str | None:
    if c.word == c.cues.EFFECTIVE and not c.cues.WAS_BEFORE.search(c.before):
        return "future"  # "a new office, effective Feb. 1": announcements name coming dates
    return None


def _not_a_cue(c: _Cue) -> str | None:
    after = c.cues.NOT_A_CUE_BEFORE.get(c.word)
    return _NO_TENSE if after and c.followed_by(after) else None  # "next to", "no earlier than Monday"


def _counted_noun(c: _Cue) -> str | None:
    if c.word.endswith(c.cues.PLURAL_ENDING) and c.cues.COUNT_BEFORE.search(c.before):
        return _NO_TENSE  # "won by 24 runs on Sunday": a count of things, no verb of a schedule
    return None


def _schedule_noun(c: _Cue) -> str | None:
    if c.word == c.cues.SCHEDULE_NOUN[0] and c.cues.SCHEDULE_NOUN[1].search(c.before):
        return _NO_TENSE  # "called a year ahead of schedule", "finished on schedule": how early, nothing to come
    return None


def _cause(c: _Cue) -> str | None:
    if c.word == c.cues.DUE and c.cues.CAUSE_AFTER_DUE_TO.match(c.text, c.word_end):
        return _NO_TENSE  # "pulled out due to injuries on Monday": a cause, no plan
    return None


def _after_gerund(c: _Cue) -> str | None:
    if c.word.endswith(c.cues.PROGRESSIVE_SUFFIX) and c.cues.AFTER_BEFORE.search(c.before) \
            and c.text[c.word_end - len(c.word)].islower():  # not "after Beijing regains control on July 1"
        return "past"  # "heading to Russia after winning the NHK Trophy Friday": what was done first has happened
    return None


def _past_plan(c: _Cue) -> str | None:
    if c.word in c.cues.FUTURE_CUES and c.cues.HAD_BEFORE.search(c.before):
        return "past"  # "had been due to expire Friday": a plan in the past
    return None


def _present_plan(c: _Cue) -> str | None:
    if c.word in c.cues.FUTURE_CUES_WITH_TO and c.cues.IS_ADVERB_BEFORE.search(c.before):
        return "future"  # "the return is also due Monday", "results are still expected Friday"
    if not c.cues.IS_BEFORE.search(c.before):
        return None
    if c.word in c.cues.FUTURE_CUES_WITH_TO:
        return "future"  # "a vote is due on Thursday", "results are expected Friday"
    if c.word.endswith(c.cues.PROGRESSIVE_SUFFIX) and len(c.word) > 4 and c.word not in c.cues.NOT_PROGRESSIVE:
        return "arrangement"  # "she is visiting Paris on Friday"; but "prices we're seeing today" is now
    return None


def _modal(c: _Cue) -> str | None:
    if c.word in c.cues.MODALS and c.lower_case:
        # "could reach 40C on Saturday"; "may have died on Monday", "could not be reached" tell no tense
        not_after = c.cues.NOT_MODAL_AFTER_WORD.get(c.word)
        if c.cues.NOT_MODAL_AFTER.match(c.text, c.word_end) or (not_after and not_after.match(c.text, c.word_end)):
            return _NO_TENSE
        if c.cues.ELIDED_MODAL_BEFORE.search(c.before) and c.cues.ELIDED_MODAL_AFTER.match(c.text, c.word_end):
            return _NO_TENSE  # "did what they could on Wednesday": the verb before tells
        return "arrangement"
    return None


def _schedule_present(c: _Cue) -> str | None:
    """The present of a scheduled event: "Government offices close on Monday", "the festival falls on Sunday"."""
    cues = c.cues
    singular, plural = c.word in cues.SCHEDULE_PRESENT_SINGULAR, c.word in cues.SCHEDULE_PRESENT_PLURAL
    plan = c.word in cues.PLAN_WITH_OBJECT and cues.PLAN_OBJECT_AFTER.match(c.text, c.word_end)
    if not (singular or plural or plan) or (c.word in cues.FUTURE_CUES_WITH_TO and c.followed_by(" " + cues.INFINITIVE)):
        return None  # "plans to", "expects to": _future_word rules
    only, noun = cues.VERB_ONLY_BEFORE.get(c.word), cues.NOUN_AFTER.get(c.word)
    by_object = _verb_by_object(c.word, c.text, c.word_end, cues)  # "take effect": a verb whatever comes before it
    # ("boundaries that take effect in September"), though not a bare infinitive ("failed to take effect")
    not_a_verb = cues.NOT_FINITE_BEFORE if by_object else cues.NOT_A_VERB_BEFORE
    if not c.lower_case or not_a_verb.search(c.before) or (only and not only.match(c.text, c.word_end)) \
            or (noun and noun.search(c.before)):
        return _NO_TENSE if singular or plural else None
    verb = cues.PLURAL_SUBJECT_BEFORE.search(c.before) or by_object
    if plural and not verb:
        return _NO_TENSE  # "a flying start on Saturday"
    return "arrangement"  # only as the verb before: not "The strike that began on Friday continues"


def _verb_by_object(word: str, text: str, end: int, cues: ModuleType) -> bool:
    """A plural form its object makes a verb ("take effect", "take office"), at text[:end]."""
    by_object = cues.VERB_BY_OBJECT_AFTER.get(word)
    return bool(by_object and by_object.match(text, end))


def _present_passive(c: _Cue) -> str | None:
    """A present passive ("after the report is delivered on Feb. 1", "nominations are announced Tuesday"): a dated
    event told in the present is a scheduled one, a future cue for a day only (as a schedule's present is)."""
    return _scheduled_after_copula(c) if _participle(c) else None


def _present_state(c: _Cue) -> str | None:
    """A present state ("polls are open on Tuesday", "hotels are full on Friday"): dated as a present passive is; before
    the schedule's present, whose "open" after "are" is no verb."""
    return _scheduled_after_copula(c) if c.word in c.cues.STATE_ADJECTIVES else None


def _scheduled_after_copula(c: _Cue) -> str | None:
    """A participle or state adjective after a present copula, the verb of the day itself ("is delivered on Feb. 1"),
    not one of a past act ("who is accused of killing ..."): a scheduled happening."""
    cues = c.cues
    if not (c.lower_case and cues.IS_BEFORE_PARTICIPLE.search(c.before)):
        return None
    return _SCHEDULED if cues.PRESENT_PASSIVE_AFTER.match(c.text, c.word_end) else None


def _expected_passive(c: _Cue) -> str | None:
    if c.word == c.cues.EXPECTED and c.cues.EXPECTED_PASSIVE_BEFORE.search(c.before):
        return "future"  # "results were expected Monday": what was awaited lies ahead of the report
    return None


def _future_word(c: _Cue) -> str | None:
    if c.word in c.cues.FUTURE_CUES or c.word.endswith(c.cues.WILL_CONTRACTION):
        # "due to" / "set to" / "going to" need "to": "set" alone is often a past form.
        if c.word in c.cues.FUTURE_CUES_WITH_TO and not c.followed_by(" " + c.cues.INFINITIVE):
            return _NO_TENSE
        return "future"
    return None


def _plural_schedule(c: _Cue) -> str | None:
    if c.word in c.cues.PLURAL_SCHEDULE_VERBS:
        return _NO_TENSE if c.cues.NOT_FINITE_BEFORE.search(c.before) else "future"  # "Ministers meet Friday"
    return None


def _past_word(c: _Cue) -> str | None:
    # "will be paid" is not past, nor "airports will shut from Monday"
    if c.word in c.cues.PAST_CUES and not c.cues.PASSIVE_BEFORE.search(c.before) \
            and not c.cues.BARE_VERB_BEFORE.search(c.before):
        return "past"
    return None


def _bare_past(c: _Cue) -> str | None:
    cues = c.cues
    bare = c.word in cues.PAST_OR_BARE or (c.word in cues.PAST_OR_BARE_BEFORE_TIME
                                           and cues.TIME_PREPOSITION_AFTER.match(c.text, c.word_end))
    if bare and cues.SINGULAR_PRONOUN_BEFORE.search(c.before):
        return "past"  # "it cut rates in March", "the 1.8% it forecast in March": not "it cuts", so past
    return None


def _regular_past(c: _Cue) -> str | None:
    cues = c.cues
    if len(c.word) > 4 and c.word.endswith(cues.PAST_SUFFIX) and not c.word.endswith(cues.NOT_PAST_SUFFIX) \
            and not c.word.startswith(cues.NOT_PAST_PREFIX) and not cues.ADJECTIVE_BEFORE.search(c.before):
        return "past"  # "-ed" after an article or possessive is an adjective ("the scheduled talks")
    return None


# In order: the first check that applies rules.
_CUE_CHECKS = (_infinitive_of_plan, _as_soon_as, _on_course, _ahead_of, _bracing_for, _not_a_cue, _counted_noun, _schedule_noun, _effective, _cause, _after_gerund, _past_plan,
               _present_plan, _modal, _present_state, _schedule_present, _bare_past, _expected_passive, _future_word, _plural_schedule, _causative, _present_passive,
               _past_word, _regular_past)


def _cue_tense(cue: _Cue) -> str | None:
    """"future", "past", "arrangement" (a present progressive) or None for one word."""
    for check in _CUE_CHECKS:
        ruling = check(cue)
        if ruling is not None:
            return ruling or None
    return None


def resolve_weekday(published: date, weekday: int, tense: str | None, relation: str | None = None) -> date:
    """The date of an ISO weekday (1=Monday) relative to the publication date.

    relation "last" = the most recent strictly before; "next" = strictly after;
    "this" = in the publication's ISO week; otherwise tense decides (future: the coming
    one, the publication day included; past or unknown: the most recent one, the publication
    day included). "Will meet on Friday" in a Friday paper is that day: a week ahead would
    be "next Friday".
    """
    delta = weekday - published.isoweekday()
    if relation == "this":
        return published + timedelta(days=delta)
    if relation == "next":
        return published + timedelta(days=delta % 7 or 7)
    if relation is None and tense == "future":
        return published + timedelta(days=delta % 7)
    back = (-delta) % 7
    if relation == "last" and back == 0:
        back = 7
    return published - timedelta(days=back)


def resolve_month_day(published: date, month: int, day: int, tense: str | None, untensed_is_past: bool = True) -> date | None:
    """The year of a month-day ("a March 15 attack"): past -> on/before publication,
    future -> on/after, unknown -> the nearest occurrence unless it is months ahead (then the
    past one; with `untensed_is_past` False, the nearest). None for impossible days."""
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    # With no cue at all, news reports what happened: a date months ahead is last year's.
    return nearest_by_tense(published, candidates, tense, untensed_is_past=untensed_is_past)


def day_of_month_near(published: date, day: int, tense: str | None) -> date | None:
    """The month of a bare day number ("On the 14th, rebels took the town"): the latest such day on or before
    publication, or with a future tense the first on or after it. None when no month near has that day."""
    months = [(published.year + (published.month + step - 1) // 12, (published.month + step - 1) % 12 + 1)
              for step in (-2, -1, 0, 1, 2)]
    candidates = []
    for year, month in months:
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if tense == "future":
        ahead = [c for c in candidates if c >= published]
        return min(ahead) if ahead else None
    past = [c for c in candidates if c <= published]
    return max(past) if past else None


def nearest_by_tense(published: date, candidates: list[date], tense: str | None, untensed_is_past: bool = False) -> date:
    """The candidate nearest to the publication date, unless the tense says the other side.

    Tense overrules the nearest date only when it is months away: "extended the offer to Nov. 16"
    (a past verb, a coming date) stays close, "met on Sept. 5" said in April is last year's.
    `untensed_is_past`: a clause with no tense cue reads as past when the date is more than
    UNTENSED_PAST_AFTER_DAYS ahead.
    """
    nearest = min(candidates, key=lambda c: abs((c - published).days))
    ahead = (nearest - published).days
    if (tense == "past" and ahead > TENSE_OVERRULES_AFTER_DAYS) or \
            (tense is None and untensed_is_past and ahead > UNTENSED_PAST_AFTER_DAYS):
        past = [c for c in candidates if c <= published]
        return max(past) if past else nearest
    if tense == "future" and (published - nearest).days > TENSE_OVERRULES_AFTER_DAYS:
        future = [c for c in candidates if c >= published]
        return min(future) if future else nearest
    return nearest


def resolve_month(published: date, month: int, tense: str | None, relation: str | None = None,
                  governed: bool = False) -> int:
    """The year of a bare month name ("in March", "last March").

    With no "last"/"next", the nearest such month wins, unless it lies more than a month on
    the wrong side of the publication date for the tense ("sold in November" said in January).
    `governed`: a future verb's preposition stands before the month ("to close in June"), so
    under a future even the month just gone is the coming one.
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
    if tense == "future" and offset < (0 if governed else -1):
        return min(y for y, o in options if o >= 0)
    return best_year
