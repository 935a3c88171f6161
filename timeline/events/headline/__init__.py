"""A headline for an event: the clause around its trigger, without the date, attribution or side remarks.

    headline(doc, trigger=doc[5], dates=[doc[0:2]])   # "On Sunday, two rockets were fired on the base."
    -> "Two rockets were fired on the base"

A selection of the sentence's own words (subtrees of the parse), never new prose: the trigger's clause
(its subject, auxiliaries, objects and complements; a shared subject borrowed from the verb it is
coordinated with; the noun a relative clause describes), minus every date expression (not one that is the
clause's subject: "Sunday will see the first round of the polls"), subordinate and
parenthetical clauses, asides in brackets, attributions ("police said", "according to ...") and sentence
adverbs (particles such as "shot down" stay). While it is longer than the limit (HEADLINE_MAX, or SHORT_MAX
for a chart label) optional modifiers are dropped kind by kind (apposition, relative clause, ..., prepositional
phrase): the smallest cut that makes it fit, else the largest of that kind. The only edits: a capital first
letter, unpaired quotes and stray commas removed, "did not X until" read as "X-ed" (the date it held off
until is the date it happened).

Where the parse falls short (te3-silver news, `python -m benchmarks.headline_quality`): a finite verb left
without a subject takes the words around it up to the nearest clause breaks ("A powerful earthquake struck
northern Pakistan", the verb misread as an adjective); a verb of saying after what was said ("X happened,
officials said") heads the clause before the comma; a pronoun subject of reported speech becomes the speaker
when they agree ("Tung said he was disappointed" -> "Tung was disappointed"); a relative clause on
coordinated nouns takes them all, on the predicate of "is" takes its subject ("The G20 is a forum which
met" -> "The G20 met"); "is due to", "is expected to have" keep the verb completed; a gerund takes the subject
of its verb; a phrase set off before the subject, a wire dateline ("SHANGHAI, Nov. 12 (Xinhua) --") and a
dangling last word ("... by a") are left out. An event noun that is the subject of an undated verb takes the
verb's clause ("The 2005 earthquake in Pakistan killed thousands"); a verb the parse left alone ("West Ham on
Monday sacked ...") takes the words around it across its own date; a lone function word between two kept
words stays ("A summit [between] ..."), a number labelled as punctuation stays ("magnitude 7.6"), and
shortening never cuts a word out of a name ("the National Basketball Association", "George W. Bush").
A hyphenated word is kept whole or left out ("ex-dictator", never "Bush -Maliki" or "in the - period"); "a"/"an"
agrees with the next kept word ("by an Irish bishop" once "17th century" is gone); an event noun that sets a
verb's happening at its time ("killed in a raid on Sunday") or is the bare object of a verb ("resumed the
search on Friday") takes the verb's clause; a verb misread as an adjective takes the words around it; a verb
left without a subject by a misparse takes a bare noun phrase set off by commas before it ("On Thursday, Jiang
Xingchang, vice president of ..., stressed" -> "Jiang Xingchang stressed ..."); ", local media reported" misread
as a noun gives what was said; a dash left from a dropped aside goes. "according to" a dated source heads
what the source reported; a fronted gerund holding only its date ("Starting next year, ...") gives the main clause;
the "that" of "said that" never opens a headline; a trailing attribution the parse hung as a side clause, or after a
nominal predicate, gives what was said; an infinitive right after the verb or its object completes it ("vowed on
Sunday to continue the fight", "urged OPEC to take measures"); a verb cut from its object by its own date crosses
it. A participle misread as an adjective after a copula ("was wounded[JJ] in an ambush") and a copula's predicate
("Car sales in March were up[RB] from ...") count as verbs for an event noun they hold; "up"/"down" right after the
copula and the "to" of a copula's infinitive ("the aim was to keep") stay; an adjective after its noun is cut with
its phrase, never the phrase alone ("the militia loyal [to X] was killed"); a headline that would be only a
comparison's baseline (", compared with 280,508 in 1995") takes the clause it is compared with. A fronted participle
misread as a second subject ("Winning his title, Federer climbed") is no part of the main clause; one of speaking
before a verb of saying gives what was said; a report's participle ("A statement received on Monday said ...") and
"was quoted as saying ..." give what was said; a base verb after "to" misread as a phrase completes its verb ("was
expected to last"); a meeting's noun ("the talks") takes the clause of the verb whose named subject met, unless that
verb or its preposition only places something before or after it; shortening keeps a subject's conjunct ("Abbas and
Shalom met") over the verb's other phrases unless cutting it alone makes the headline fit, but not over its goal.
A noun of saying that is the subject of a verb of saying (", a report said Wednesday") gives what was said, and so
does one after a quote ('"X happened," the army said in a statement'); an event noun with a past relative clause of
which it is the subject says what it did ("The earthquake killed 73,000 people"); a lone event noun ("Debate") takes
the clause it is a phrase of when that has a subject; "according to" hung inside the clause gives the main clause;
a speaker the parse hung in the clause before a verb of saying left out goes with it (", Tony Blair [said]").
A cut leaves no broken phrase behind (chart labels, stop 30): a subtype counts as its kind ("[inside a highway]
[tunnel][obl:unmarked]" goes whole), a verb's particle and a subject's count stay, no cut takes every word before
the verb, and what a cut leaves unreadable goes with it (a relative clause's verb, a bare participle, conjuncts
without their "and", an "and" without its first conjunct, a phrase's opener, a degree adverb or a person's article
left before the cut). A verb keeps its complement's core ("called [for the resignation]") and "X happened, experts
warned" gives X, in full headlines and labels alike (stop 31), when the words before the complement stay as they
were and no quotation is cut open; a hyphenated word restored whole counts toward HEADLINE_MAX. A chart label keeps
a person's name over their title (stop 32): a title before a full name (PERSON_TITLES) goes before a subject's
conjunct or the verb's complement does ("[Israeli Prime Minister] Ehud Olmert and Mahmud Abbas", "John Howard
condemned the attacks"), and comes back when a later cut left room; a one-word name keeps it ("King Hussein").
A clause that opens with a finite auxiliary and keeps no subject (stop 33) takes the bare noun phrase standing in the
subject's place, before the auxiliary or before an aside set off right before it ("[The marines], who are staying in
the embassy, have been subpoenaed"). Stop 34: a date that is the subject of the clause's verb stays as the subject; a
name written with a hyphen whose last part alone is kept comes back whole ("Yoo Chong-Ha"); a passive gerund borrows
its head's subject as an active one does ("The service being expanded"); a phrase opening the sentence with a
preposition and running into the subject without a comma ("In the women's breaststroke Luo Xuejuan") ends where a
name or number follows its common noun. Stop 36: a pronoun subject of the main clause ("He", "In 2003, she") is said
as the sentence before's subject when that agrees and no other noun there could be meant (`stands_for`); the noun
of "of" after a noun that makes a preposition ("on the back [of] withdrawals", "in the wake of") is cut only with it;
the "that" of "said [on Tuesday] that" opens no headline wherever the parse hung the date; in a chart label, a
pronoun's name that leaves no room for what the pronoun's label says after the verb gives way to its shortest words or
the pronoun (`_roomy_label`); a verb conjunct joined by a comma alone after a finite verb is another clause's verb the
parse misread, left out ("were working [, caught fire]": `_unjoined_verb`). Stop 38: a light verb that says only that
its subject happened ("The accident occurred", "took place") gives the clause that tells what: its own "when" clause
(kept in a headline, alone in a label), the clause its "when" clause times, or the verb of the subject its relative
clause describes (`clause._light_verb_news`); "It is the first time that X" gives X; a noun of saying that is its
verb's occasion ("said [in an interview]", "told [a press conference]") gives the verb's clause
(`reported._saying_occasion`). Stop 39: a quotation is whole or gone (a quoted name or title is never cut inside, a
quotation of speech cut to fit loses its marks, marks sit on their words: `wording.render`); a name of several words
is whole whatever the parse made of it, its first words aside ("Luiz Inacio Lula da Silva", "[Kofi] Annan"); a quote's
"I"/"we" whose verb the speaker's name cannot take is attributed ("Gonzalez: I object ...": `speakers.quote_speaker`);
a bare "came" with a past "when" clause is a light verb whose clause tells what happened.

Saying who (a participle's subject, a pronoun's name, a quote's speaker) is `speakers`; putting the kept words
back into text is `wording`.

The stages, one module each, data flowing one way (a module imports only those below it in this list):
    __init__     headline / headlines: the clause chosen once, pruned per limit, rendered (`_fitted`)
    clause       which clause: a verb's, what was said, an event noun's verb, else the noun phrase (`_clause`)
    reported     reported speech and attribution: the verb of what was said (`_reported`)
    prune        pruning to fit the room, kind by kind (`_shorten`); HEADLINE_MAX and SHORT_MAX
    label        a chart label's titles and names (`_titles`, `_subject_name`)
    subject      the subject's place when the parse gave the verb none (`_subject_before_auxiliary`)
    verb_clause  a verb with its arguments, what belongs to its gist (`_verb_clause`)
    repair       words a choice or a cut left stranded (`_leftovers`, `_trim_edges`)
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from timeline.describe import shorten
from timeline.events.headline.clause import (
    _clause,
    _date_tokens,
    _emptied_light_clauses,
    _event_noun,
    _first_time_news,
    _light_verb_news,
    _relative_deed,
    _says_only_happened,
)
from timeline.events.headline.prune import HEADLINE_MAX, SHORT_MAX, _core, _shorten
from timeline.events.headline.repair import (
    _dated_participles,
    _hyphenated_words,
    _stranded_speaker,
    _trim_edges,
    _whole_words,
)
from timeline.events.headline.reported import _saying_occasion
from timeline.events.headline.verb_clause import _is_predicate, _led_phrase, _plan_clause
from timeline.events.speakers import attribution, rewritten_words, sayer_forms
from timeline.events.syntax import has_dep
from timeline.events.wording import render
from timeline.lang.en.events import (
    ATTRIBUTED_VERBS,
    HYPHEN,
    PERSONAL_PRONOUNS,
    RELATIVE_PRONOUNS,
    SAID_ALONE_VERBS,
    SPEAKER_MARK,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Span, Token

__all__ = ["HEADLINE_MAX", "SHORT_MAX", "headline", "headlines"]

_FITTED_KEY = "timeline.headline.fitted"  # a sentence's shortened clauses, by what shapes them (_fitted)
_REFIT_MAX = 3  # shortenings to a smaller room when hyphenated words restored whole overran HEADLINE_MAX (_fitted)


def headline(doc: Doc, trigger: Token, dates: list[Span], own: Span | None = None, limit: int = HEADLINE_MAX
             ) -> str:
    """A short clause naming what happened at `trigger`, from the words of `doc` (one sentence).

    `dates` are the sentence's date expressions (all left out); `own` is the one dating this event: a
    coordinated verb holding another date is another event and stays out too.
    """
    return headlines(doc, trigger, dates, own, (limit,))[0]


def headlines(doc: Doc, trigger: Token, dates: list[Span], own: Span | None = None,
              limits: tuple[int, ...] = (HEADLINE_MAX,), stands_for: dict[int, tuple[str, str, str]] | None = None
              ) -> list[str]:
    """`headline` at each of `limits` (e.g. the headline and a shorter chart label): the clause is
    chosen once and only shortened per limit. `stands_for`: words said in place of a pronoun (by its index) that
    stands for a noun of an earlier sentence (`speakers.earlier_subject`: in a headline, in a chart label, and at
    its shortest or not at all in a label the name leaves no room in: `_roomy_label`)."""
    removed = _date_tokens(dates)
    others = removed - _date_tokens([own]) if own is not None else removed
    trigger = _saying_occasion(trigger, others) or trigger  # "said [in an interview]": the saying is the news
    keep = _clause(doc, trigger, dates, own)
    # the first word of a kept phrase's two-word preposition, which the parse hung elsewhere ("[ahead] of a speech")
    keep |= {t.i for t in doc if _led_phrase(t) is not None and t.i + 1 in keep}
    keep -= _dated_participles(doc, keep, removed, trigger) | _emptied_light_clauses(doc, keep, removed, trigger)
    rewritten = rewritten_words(doc, trigger, keep, removed)
    runs = _hyphenated_words(doc) if HYPHEN in doc.text else []
    anchor = _deed_anchor(trigger, keep, others)
    plan = _plan_clause(keep, trigger)

    def said_at(limit: int, form: int | None) -> str:
        # a pronoun said as a noun the caller chose (or left as written) is not the sayer `rewritten` would say
        texts = {i: text for i, text in rewritten.items() if i not in (stands_for or {})} | {
            i: named[form] for i, named in (stands_for or {}).items() if form is not None and named[form]}
        text = _fitted(doc, keep, anchor, limit, texts, runs, removed, trigger)
        if plan is not None and limit < HEADLINE_MAX and not _says_complements(text, trigger, keep):
            # a chart label: a deed's verb with its phrases leaves no room for what was done ("Stocks went up 141.40
            # points to close"), the infinitive with its subject says it ("Hong Kong stocks to close at 18,780.93")
            text = _fitted(doc, plan, anchor, limit, texts, runs, removed, trigger)
        if limit < HEADLINE_MAX and (_ends_at(text, trigger) or _ends_at(text, trigger.head)):  # a chart label left
            # with only who said (a verb of saying, or its subject as the event: "The summit stated"): what was said
            text = _said_label(trigger, keep, removed, limit, lambda verb, room, forms: headlines(
                doc, verb, dates, own, (room,), {**(stands_for or {}), **forms})[0]) or text
        news = _light_verb_news(trigger, others) if _says_only_happened(text, trigger) else _first_time_news(doc, keep)
        if news is not None:  # "The accident occurred", "It is the first time": the clause that tells what happened
            instead = headlines(doc, news, dates, own, (limit,), stands_for)[0]
            text = instead if _reads_alone(instead, limit) else text
        return text

    said = [said_at(limit, 0) if limit >= HEADLINE_MAX or not stands_for else _roomy_label(
        functools.partial(said_at, limit), trigger) for limit in limits]
    # a clause with nothing left to cut (a run of names or dates no sentence of news has) is cut at a word; a
    # shorter limit (a chart label's) stays a wish: the chart fits its labels to the room they have
    return [text if len(text) <= HEADLINE_MAX else shorten(text, HEADLINE_MAX) for text in said]


def _roomy_label(said_as: Callable[[int | None], str], trigger: Token) -> str:
    """A chart label whose pronoun subject stands for an earlier sentence's noun (`said_as(form)`: 1 the name
    without a person's title, 2 its shortest words, None the pronoun): the name, unless it left no room for what the
    pronoun's label says after the verb ("[Spokesman Michael McCurry] evoked" of "He evoked the Joint Declaration
    agreement"); then its shortest words if those leave that room ("McCurry evoked the agreement"), else the pronoun
    ("It saw some 12,490 armed clashes": "the state's 75,000-member police department" has no shorter words)."""
    named, pronoun = said_as(1), said_as(None)
    if not _ends_at(named, trigger) or _ends_at(pronoun, trigger):
        return named
    shortest = said_as(2)  # the pronoun's label when the name has no shorter words
    return pronoun if _ends_at(shortest, trigger) else shortest


def _ends_at(text: str, trigger: Token) -> bool:
    """Whether a label ends with its trigger: nothing said after the verb."""
    return text.lower().rstrip(".").endswith(trigger.lower_)


def _said_label(trigger: Token, keep: set[int], removed: set[int], limit: int,
                label_of: Callable[[Token, int, dict[int, tuple[str, str, str]]], str]) -> str | None:
    """A chart label for a verb of saying whose label kept only the sayer and the verb ("Castro revealed", "Norton
    announced"): what was said (a reported clause after the verb, `_reported_clause`), shortened by
    `label_of(verb, room, stands_for)`. Its pronoun subject standing for the sayer is said as the sayer, at its
    shortest or as the pronoun when the name leaves no room ("Acme was cutting 2,000 jobs"; a pronoun no sayer stands
    for gives none: "France announced [it would not support]" stays); else the
    sayer is an attribution (`speakers.attribution`: "Castro: Those concerns had been shared"), for a verb that
    reports what the sayer holds true (ATTRIBUTED_VERBS, not "denied" or "hoped"), when it leaves room for what was
    said; else, after a verb of saying or a factive one (SAID_ALONE_VERBS), what was said alone, as "X happened,
    police said" gives X. None when none of these makes a label (`_reads_alone`)."""
    if trigger.dep_.startswith("nsubj") and trigger.head.i in keep:  # an event noun that said ("The summit stated")
        trigger = trigger.head
    content = _reported_clause(trigger, keep) if trigger.lower_ in ATTRIBUTED_VERBS else None
    if content is None:
        return None
    pronoun = next((c for c in content.children if c.dep_.startswith("nsubj") and c.lower_ in PERSONAL_PRONOUNS),
                   None)
    if pronoun is not None:  # never an "it" no sayer stands for ("France announced" stays: labels.tsv)
        forms = sayer_forms(pronoun, content, removed)
        said = label_of(content, limit, {pronoun.i: forms}) if forms is not None else ""
        return said if _reads_alone(said, limit) else None
    alone = label_of(content, limit, {}) if trigger.lower_ in SAID_ALONE_VERBS else None
    alone = alone if alone is not None and _reads_alone(alone, limit) else None
    sayer = attribution(trigger, removed)
    if sayer:
        mark = f"{render(trigger.doc, sayer)}{SPEAKER_MARK} "
        said = label_of(content, limit - len(mark), {})
        # the sayer only for room it leaves: not when what was said then ends on its verb and alone it would not
        # ("Paroubek: The proposal was worth" of "The proposal was worth good consideration")
        if _reads_alone(said, limit - len(mark)) and (
                alone is None or not _ends_at(said, content) or _ends_at(alone, content)):
            return mark + said
    return alone


def _reported_clause(trigger: Token, keep: set[int]) -> Token | None:
    """The verb of a clause reported by `trigger`, after it and in `keep` ("announced [it would not support ...]")."""
    return next((c for c in trigger.children if c.dep_ == "ccomp" and c.i > trigger.i and c.i in keep
                 and (c.tag_.startswith("VB") or has_dep(c, "cop", "aux", "aux:pass"))), None)


def _reads_alone(label: str, limit: int) -> bool:
    """Whether what was said, cut from its sayer, makes a label: it fits, says more than a word and opens with no
    word that joined it to the sayer ("[That] bird flu is not responsible", "[Which] volume was") or a piece of one
    ("'s why")."""
    words = label.split()
    return len(label) <= limit and len(words) > 1 and words[0][:1].isalnum() and (
        words[0].lower() not in RELATIVE_PRONOUNS)


def _fitted(doc: Doc, keep: set[int], anchor: Token, limit: int, texts: dict[int, str], runs: list[range],
            removed: set[int], trigger: Token) -> str:
    """The clause shortened to `limit`, rendered with hyphenated words whole (`_fitted_anew`), once per sentence: the
    dates of one sentence often head the same clause (a list of dates, "Q5 2021" 38 times in one fuzzed sentence took
    3.5 s), and each would prune it again; the answer is kept in the parse's user data for the next."""
    key = (frozenset(keep), anchor.i, limit, frozenset(texts.items()), frozenset(removed), trigger.i)
    fitted = doc.user_data.setdefault(_FITTED_KEY, {})
    if key not in fitted:
        fitted[key] = _fitted_anew(doc, keep, anchor, limit, texts, runs, removed, trigger)
    return fitted[key]


def _fitted_anew(doc: Doc, keep: set[int], anchor: Token, limit: int, texts: dict[int, str], runs: list[range],
                 removed: set[int], trigger: Token) -> str:
    """The clause shortened to `limit`, rendered with hyphenated words whole; a word restored whole counts toward
    HEADLINE_MAX: when the text overruns it (and would be cut at a word with an ellipsis), the clause is shortened
    again to a room smaller by the overrun ("a 1[-1] draw"), taking no word before the last hyphenated word. A label's
    overrun of SHORT_MAX stays: re-pruning a label lost more than it saved ("The [action-hero-turned-politician]
    fractured")."""
    def words(room: int) -> set[int]:
        cut = _shorten(keep, anchor, room, texts)
        cut -= _stranded_speaker(doc, cut)  # a cut verb of saying leaves no speaker ("..., Olmert's office [said]")
        return _trim_edges(doc, _whole_words(runs, cut, removed, trigger), fronted=False, removed=removed)
    first = words(limit)
    room, out = limit, render(doc, first, texts)
    # the words before the last hyphenated word stay, as the ellipsis would keep them ("beat [the New York Knicks]
    # 97-92": the parse hung the name on the score)
    start = max((run[0] for run in runs if set(run) & first), default=0)
    for _ in range(_REFIT_MAX if runs else 0):  # a second word restored whole may overrun the smaller room again
        if len(out) <= HEADLINE_MAX:
            break
        room -= len(out) - HEADLINE_MAX
        kept = words(room)
        if not {i for i in first if i < start} <= kept:
            break
        out = render(doc, kept, texts)
    return out


def _deed_anchor(trigger: Token, keep: set[int], others: set[int]) -> Token:
    """What shortening keeps the headline around: the trigger, or the verb of the relative clause that says what an
    event noun did (`_relative_deed`: "The earthquake [killed 73,000 people]"), which must not go as a side clause."""
    if _is_predicate(trigger) or trigger.head.i in keep - {trigger.i}:
        return trigger
    deed = _relative_deed(_event_noun(trigger), others)
    return deed if deed is not None and deed.i in keep else trigger


def _says_complements(text: str, infinitive: Token, keep: set[int]) -> bool:
    """Whether a shortened headline still holds the complements (`_core`) of an infinitive and of its governing verb."""
    words = {word.strip(",;:.!?\"'") for word in text.split()}
    core = _core(infinitive, keep) | _core(infinitive.head, keep)
    return all(infinitive.doc[i].text in words for i in core if infinitive.doc[i].is_alpha or infinitive.doc[i].like_num)
