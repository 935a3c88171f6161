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
parse misread, left out ("were working [, caught fire]": `_unjoined_verb`).

Saying who (a participle's subject, a pronoun's name, a quote's speaker) is `speakers`; putting the kept words
back into text is `wording`.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from timeline.describe import shorten
from timeline.events.headline.label import _role_noun, _subject_name, _titled, _titles, _titles_back
from timeline.events.headline.repair import (
    _dated_participles,
    _fill_gaps,
    _hyphenated_words,
    _leftovers,
    _stranded_speaker,
    _trim_edges,
    _whole_name,
    _whole_words,
)
from timeline.events.headline.subject import (
    _PLACED_KEY,
    _date_subject,
    _fronted_remnant,
    _subject_before_auxiliary,
    _with_fronted_subject,
)
from timeline.events.headline.verb_clause import (
    _belongs,
    _case,
    _infinitive_marks,
    _is_predicate,
    _likeness,
    _market_direction,
    _plan_clause,
    _subtree,
    _verb_clause,
)
from timeline.events.speakers import fronted_actor, participle_subject, rewritten_words, sayer_for, saying_of
from timeline.events.syntax import has_dep, ids, is_punctuation, opening
from timeline.events.trigger import dated_thing, dateline
from timeline.events.wording import quotation_pairs, render
from timeline.lang.en.events import (
    ACCORDING,
    ADJECTIVE_COMPLEMENT_PREPOSITIONS,
    ADVERB_TAG,
    BARE_NOUN_DEPS,
    CLAUSE_PUNCT,
    COMPARISON_OPENINGS,
    CONCURRENT_PREPOSITIONS,
    CONJUNCTION_AND,
    CORE_CLAUSE_DEPS,
    CORE_CLAUSE_PARTS,
    CORE_NOUN_DEPS,
    CORE_OBJECT_DEPS,
    CORE_PHRASE_EXCLUDED,
    CORE_PHRASE_YIELDS,
    DATE_ADVERBS,
    DATE_JOINERS,
    DATE_LINK_DEPS,
    DETERMINER_TAGS,
    DONE_TO_TAGS,
    FINITE_TAGS,
    FIRST_PERSON_PRONOUNS,
    FOCUS_ADVERBS,
    GERUND_TAG,
    GOAL_PREPOSITIONS,
    HYPHEN,
    INDEFINITE_ARTICLES,
    INFINITIVE_DOER_CASES,
    INFINITIVE_TAG,
    INFINITIVE_WORD,
    MEASURE_DEPS,
    MEETING_NOUNS,
    MISREAD_INFINITIVE_HEADS,
    MODAL_TAG,
    NAME_TAGS,
    NEGATIONS,
    NUMBER_TAG,
    PARTICIPLE_ADJECTIVE_TAGS,
    PARTICIPLE_ENDINGS,
    PARTICLES,
    PAST_TAGS,
    PERSON_RELATIVES,
    PERSONAL_PRONOUNS,
    PLURAL_VERB_FORMS,
    PLURAL_VERB_TAGS,
    POSTPOSED_ADJECTIVE_DEPS,
    POSTPOSED_ADJECTIVE_TAGS,
    PREPOSITION_NOUN_CASES,
    PREPOSITION_NOUN_OF,
    PREPOSITION_NOUNS,
    PREPOSITION_TAG,
    QUOTE_MARKS,
    QUOTED_AS,
    RELATIVE_PRONOUNS,
    RELATIVE_TAGS,
    REPORTING_VERBS,
    SAYING_NOUNS,
    SEQUENCE_PREPOSITIONS,
    SEQUENCE_VERBS,
    SETTING_RELATIVES,
    SHORTENING_KEPT_SUBTYPES,
    SHORTENING_SUBTYPE_BASES,
    SPEAKING_PARTICIPLES,
    SUBORDINATORS,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Span, Token

HEADLINE_MAX = 90
SHORT_MAX = 42  # a chart label: the same clause pruned harder
# Modifiers dropped (largest first, in this order of kinds) while a headline is too long.
# A subject's conjunct ("Abbas [and Shalom] met") says who acted: it goes after the verb's phrases (_SUBJECT_CONJ), and
# never before a verb only a plural subject takes ("China [and Russia] have made" is no English; stop 32: it went
# before any phrase whose cut alone did not fit, "Police [and firefighters] rushed to the scene"). The words of nouns
# so kept go last (_SUBJECT_WORD: "Denmark and [26 other] countries have" says less than the object's words would).
_SUBJECT_CONJ = "conj:subject"
_NOUN_MODIFIERS = ("nmod", "amod", "compound", "nummod")
_SUBJECT_WORD = "conj:subject-word"
# A person's title before a full name (_titles): it goes before a subject's conjunct (a title in a coordinated
# subject) or the verb's complement does, after the complement's modifiers ("Premier Wen Jiabao visited the provinces").
_TITLE = "title"
_SUBJECT_TITLE = "title:subject"
_NAMED = "name"  # the name after a common noun taken as its title (_role_noun): no kind of _OPTIONAL, never cut
_OPTIONAL = ("appos", "acl:relcl", "acl", "parataxis", "advcl", "advmod", "conj", "obl", _SUBJECT_TITLE, _SUBJECT_CONJ,
             *_NOUN_MODIFIERS, _TITLE, "xcomp", "ccomp", "obj", _SUBJECT_WORD, "flat")
# A lone event noun's way up to its clause (_clause_above): the relations of a phrase, and how many nouns it crosses.
# A subject's phrase too ("The cost of Tuesday's [attack] was put at ...", "The theme of this year's [forum] is ...").
_PHRASE_DEPS = ("nmod", "obl", "obj", "nsubj")
_CLIMB_MAX = 3
_REFIT_MAX = 3  # shortenings to a smaller room when hyphenated words restored whole overran HEADLINE_MAX (_fitted)
# A verb's phrase and the infinitive clause of the same verb right after it go together (_infinitive_after): the
# phrase is what the infinitive is done by or describes, the pair one option of the infinitive's kind.
_DOER_DEPS = ("obj", "iobj", "obl")  # an obl: INFINITIVE_DOER_CASES only
_INFINITIVE_CLAUSE_DEPS = ("xcomp", "advcl")
_SEARCH_MAX = 30  # options of one kind tried one by one for the smallest cut that fits (see _shorten)
# cuts one shortening makes before it stops searching (see _pruned): news clauses make at most 25 (all of
# te3-silver, 15,219 shortenings); a flood of dates in one "sentence" made 600 each, seconds in all
_CUTS_MAX = 100
# words of a clause pruned one cut at a time (see _bulk_cut): news clauses reach 64 (869 documents, 5,236 prunings); a
# "sentence" of 250 ISO dates kept 240-270, and each cut renders the clause: 0.1 s a pruning, seconds a text
_PRUNE_WORDS_MAX = 100


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
    keep = _clause(doc, trigger, dates, own)
    keep -= _dated_participles(doc, keep, removed, trigger)
    rewritten = rewritten_words(doc, trigger, keep, removed)
    runs = _hyphenated_words(doc) if HYPHEN in doc.text else []
    anchor = _deed_anchor(trigger, keep, removed - _date_tokens([own]) if own is not None else removed)
    plan = _plan_clause(keep, trigger)

    def said_at(limit: int, form: int | None) -> str:
        texts = {i: named[form] for i, named in (stands_for or {}).items() if form is not None and named[form]
                 } | rewritten
        text = _fitted(doc, keep, anchor, limit, texts, runs, removed, trigger)
        if plan is not None and limit < HEADLINE_MAX and not _says_complements(text, trigger, keep):
            # a chart label: a deed's verb with its phrases leaves no room for what was done ("Stocks went up 141.40
            # points to close"), the infinitive with its subject says it ("Hong Kong stocks to close at 18,780.93")
            text = _fitted(doc, plan, anchor, limit, texts, runs, removed, trigger)
        content = _said_content(trigger, keep, text) if limit < HEADLINE_MAX else None
        if content is not None:  # a chart label left with only who said ("France announced"): what was said, its
            # pronoun subject rendered as the sayer as a reported event's headline does ("France would not support")
            instead = headlines(doc, content, dates, own, (limit,), stands_for)[0]
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


def _said_content(trigger: Token, keep: set[int], text: str) -> Token | None:
    """The verb of what was said when a headline of saying kept only the sayer and the verb ("France announced" of
    "France announced it would not support the resolution"): a reported clause after the verb, in `keep`."""
    if trigger.lower_ not in REPORTING_VERBS or not text.lower().endswith(trigger.lower_):
        return None
    content = next((c for c in trigger.children if c.dep_ == "ccomp" and c.i > trigger.i and c.i in keep
                    and (c.tag_.startswith("VB") or has_dep(c, "cop", "aux", "aux:pass"))), None)
    pronouns = [c for c in content.children if c.dep_.startswith("nsubj") and c.lower_ in PERSONAL_PRONOUNS] if (
        content is not None) else []
    # a pronoun subject only when it is said as the sayer ("it" of a country is not: "It would not support")
    return content if all(sayer_for(p, content) is not None for p in pronouns) else None


def _reads_alone(label: str, limit: int) -> bool:
    """Whether what was said, cut from its sayer, makes a label: it fits, says more than a word and opens with no
    word that joined it to the sayer ("[That] bird flu is not responsible", "[Which] volume was") or a piece of one
    ("'s why")."""
    words = label.split()
    return len(label) <= limit and len(words) > 1 and words[0][:1].isalnum() and (
        words[0].lower() not in RELATIVE_PRONOUNS)


def _fitted(doc: Doc, keep: set[int], anchor: Token, limit: int, texts: dict[int, str], runs: list[range],
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


def _clause(doc: Doc, trigger: Token, dates: list[Span], own: Span | None) -> set[int]:
    """Token indices of the whole clause a headline is cut from."""
    removed = _date_tokens(dates)
    others = removed - _date_tokens([own]) if own is not None else removed
    source = _attributed(trigger)
    if source is not None:  # what the source gave out is the news; the source is attribution
        trigger, removed, others = _attributed_clause(source), removed | ids(source), others | ids(source)
    trigger = (_fronted_gerund_clause(doc, trigger, removed) or _saying_of_described(trigger, others)
               or _saying_noun_subject(trigger, others) or trigger)
    thing = dated_thing(own) if own is not None and trigger.tag_ in ("NN", "NNS") else None
    if thing is not None and thing.i == trigger.i:  # "the [2007-2013] budget": which one, not when the clause happened
        deed = _relative_deed(trigger, others)  # the noun's own clause may tell ("the March 26 fire that killed ...")
        keep = _verb_clause(deed, removed, others) if deed is not None else _noun_phrase(trigger, removed) | _done_to(
            trigger, removed)
    elif _is_predicate(trigger):
        verb = _reported(trigger)
        content = _fronted_content(verb, removed) if verb.lower_ in REPORTING_VERBS else None
        keep = content if content is not None else _verb_clause(verb, removed, others)
        keep -= fronted_actor(doc, verb, removed)  # the main clause's subject, misparsed into the participle's phrase
        described = participle_subject(doc, verb, removed)
        if described is not None and min(described) > verb.i:  # fronted: its phrase ends at the comma
            keep = {i for i in keep if i < min(described)}
        if not _has_subject(keep, verb, content) and described is None:
            keep = (_across_own_date(doc, verb, removed, others) or _linear_clause(doc, verb, removed)
                    or _linear_clause(doc, verb, removed, removed - others)
                    or _with_fronted_subject(doc, verb, keep, removed))
        elif sum(doc[i].is_alpha for i in keep) < 2:  # "West Ham on Monday sacked ..." read as "the Monday-sacked"
            keep = _linear_clause(doc, verb, removed, transparent=removed - others) or keep
    elif _subject_of_verb(_event_noun(trigger), others, removed) or _bare_object(_event_noun(trigger), removed, others):
        keep = _verb_clause(_meeting_verb(_event_noun(trigger)) or _event_noun(trigger).head, removed, others)
    elif _misread_infinitive(trigger):  # "is expected to dip[NN] to 19": the verb's clause
        keep = _verb_clause(trigger.head, removed, others)
    elif _setting_of_verb(_event_noun(trigger), others):
        keep = _verb_clause(trigger.head, removed, others) | _noun_phrase(trigger, removed) | {
            c.i for c in trigger.children if c.dep_ == "case"}
    else:
        keep = _noun_phrase(_event_noun(trigger), removed)
        said_little = sum(doc[i].is_alpha for i in _trim_edges(doc, keep, removed=removed)) < 2  # "report [that]": one word
        if said_little and trigger.head.tag_.startswith("VB"):
            # '"X happened," the army said in a statement': what was said, before the attribution, as for "said"
            content = _fronted_content(trigger.head, removed) if trigger.head.lower_ in REPORTING_VERBS else None
            keep = content or _verb_clause(trigger.head, removed, others)
            if trigger.lower_ in SAYING_NOUNS and not content:  # "said in a report": the report stays (the event)
                keep |= _noun_phrase(trigger, removed) | {c.i for c in trigger.children if c.dep_ == "case"}
        elif said_little and not trigger.tag_.startswith("NN"):
            # a verb misread as an adjective ("eight or nine countries possess[JJ] nuclear weapons")
            keep = (_linear_clause(doc, trigger, removed)
                    or _linear_clause(doc, trigger, removed, removed - others) or keep)
        elif (deed := _relative_deed(_event_noun(trigger), others)) is not None:
            keep = _verb_clause(deed, removed, others)  # "The earthquake [which] killed 73,000 people"
        elif said_little and (above := _clause_above(trigger, others)) is not None:
            keep = _verb_clause(above, removed, others)  # "Debate": "X has been the subject of debate"
    keep |= _compared_clause(doc, trigger, keep, removed, others)
    dated = {i for d in dates for i in range(d.start, d.end)}  # a date the parse made a noun's head stays out
    keep = _fill_gaps(doc, keep, removed) - dateline(doc) - dated
    keep = _trim_edges(doc, keep - _stranded_speaker(doc, keep), removed=removed) | _whole_name(doc, keep)
    keep -= _fronted_remnant(doc, keep)
    return keep | (_date_subject(doc, keep, dates) or _subject_before_auxiliary(doc, keep, removed))


def _compared_clause(doc: Doc, trigger: Token, keep: set[int], removed: set[int], others: set[int]) -> set[int]:
    """For a headline that is only a comparison's baseline (", compared with 280,508 in 1995", ", up from 10.5
    billion won in 1995"; a borrowed subject aside), the clause before the comma it is compared with: "The company
    shipped 471,104 vehicles abroad compared with 280,508". Empty otherwise."""
    if not any(doc[i].lower_ in COMPARISON_OPENINGS for i in keep if i > 0):
        return set()
    words = sorted(i for i in keep & ids(trigger) if i >= 0) or sorted(i for i in keep if i >= 0)
    if not words or doc[words[0]].lower_ not in COMPARISON_OPENINGS or words[0] == 0 or doc[words[0] - 1].text != ",":
        return set()
    if words[0] + 1 < len(doc) and doc[words[0] + 1].tag_ in RELATIVE_TAGS:  # ", from which the cabinet approved"
        return set()
    head = next((t for t in doc[words[0]].ancestors if t.i < words[0] - 1 and t.i not in keep and (
        t.tag_.startswith("VB") or has_dep(t, "cop", "aux", "aux:pass"))), None)
    if head is None:
        return set()
    clause = _verb_clause(head, removed, others)
    return {i for i in clause if i < words[0] - 1} if _has_subject(clause, head, None) else set()


def _across_own_date(doc: Doc, verb: Token, removed: set[int], others: set[int]) -> set[int]:
    """The words around a verb across its own date right after it, when the parse cut the verb off from what
    follows ("The coordinator predicted[amod] Monday a high turnout"): a verb must not lose its object to
    the date between. Empty unless the verb's own date follows it."""
    own = removed - others
    if verb.i + 1 >= len(doc) or verb.i + 1 not in own:
        return set()
    keep = _linear_clause(doc, verb, removed, own)
    return keep if keep and max(keep) > verb.i else set()


def _attributed(trigger: Token) -> Token | None:
    """For "according" (the date belongs to the source: "X happened, according to officials on Wednesday"),
    the source's phrase, when it is given for a clause (its head): what the source reported is the news."""
    if trigger.lower_ != ACCORDING:
        return None
    source = trigger.head if trigger.head.tag_.startswith(("NN", "PRP", "CD")) else trigger  # "to [officials]"
    if source.dep_.startswith("nsubj"):  # a misparse ("According to figures, 213,000 people benefit"): no clause
        return None
    return source if source.head.i != source.i and _attributed_clause(source) is not None else None


def _attributed_clause(source: Token) -> Token | None:
    """The predicate "according to X" is given for: the source's head, or the nearest predicate above it when the
    parse hung the phrase on a word inside the clause ("reached a deal worth [more] than 21 million dollars,
    according to the Los Angeles Times Tuesday": reached, the sentence's main verb; not a side clause on the way)."""
    if _is_predicate(source.head):
        return source.head
    # not a participle or relative clause describing a noun on the way ("the year [ending] Sept. 30", "theatres it runs")
    return next((t for t in source.ancestors if _is_predicate(t) and t.dep_ == "ROOT"), None)


def _fronted_gerund_clause(doc: Doc, trigger: Token, removed: set[int]) -> Token | None:
    """A fronted gerund that holds nothing but its date ("Starting next year, a new program will be rolled
    out"): it times the main clause, which is the happening. So does one of speaking before a verb of saying
    ("Speaking to reporters on Monday, the minister said ..."): the speaking is the saying. None otherwise."""
    if trigger.tag_ != "VBG" or opening(doc, removed) != trigger.i:
        return None
    comma = next((t for t in doc[trigger.i + 1:] if t.text == ","), None)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if comma is None or root is None:
        return None
    speaking = trigger.lower_ in SPEAKING_PARTICIPLES and root.lower_ in REPORTING_VERBS and trigger.head.i == root.i
    # nothing but its date and an adverb ("Looking [ahead] to next year, ...")
    if not speaking and any(i not in removed and doc[i].tag_ != ADVERB_TAG for i in range(trigger.i + 1, comma.i)):
        return None
    return root if root.i > comma.i and root.tag_.startswith("VB") else None


def _saying_of_described(participle: Token, others: set[int]) -> Token | None:
    """A participle describing a noun of saying that is the subject of a verb of saying no other date dates ("A
    statement received by AFP on Monday said the group carried out the attack"): the statement's making or receipt
    is its saying, and what it said is the news (the verb of saying, whose clause gives it). Not a person's
    participle ("A man arrested on Monday said ...": the arrest is the news). None otherwise."""
    noun = participle.head
    verb = noun.head
    if not (participle.dep_ == "acl" and participle.tag_ in ("VBN", "VBG") and noun.lower_ in SAYING_NOUNS
            and noun.i < participle.i
            and noun.dep_ in ("nsubj", "nsubj:pass") and verb.i > participle.i and verb.lower_ in REPORTING_VERBS
            and verb.tag_.startswith("VB")):
        return None
    if any(t.i in others for t in verb.children if t.i != noun.i) or _reported(verb) is verb:
        return None  # another date's, or what was said is no clause the parse shows ('had been "secret and fair"')
    return verb


def _saying_noun_subject(noun: Token, others: set[int]) -> Token | None:
    """The verb of saying whose subject is a noun of saying ("..., a report said Wednesday", "a bank statement said
    Friday"): the report is the sayer, what it said is the news (the verb of saying, whose clause gives it), as for a
    person's "said". Not when another date dates the verb. None otherwise."""
    verb = noun.head
    if not (noun.lower_ in SAYING_NOUNS and noun.dep_ in ("nsubj", "nsubj:pass") and verb.lower_ in REPORTING_VERBS
            and verb.tag_.startswith("VB") and not any(t.i in others for t in verb.children if t.i != noun.i)):
        return None
    if any(c.dep_ == "obj" for c in verb.children):  # "a report quoted a police source as saying": who it quoted
        return None
    return verb


def _clause_above(noun: Token, others: set[int]) -> Token | None:
    """For an event noun that alone is one word ("for [discussion] on Tuesday", "the subject of [debate] since 1997"),
    the predicate of the clause it is a phrase of, through the nouns it modifies ("will be handed to the ministers
    for discussion": handed; "which has been the subject of debate": subject; a subject's phrase: "There were good
    reasons for Sunday's [defeat]": were): a bare noun names no happening, its
    clause says what is done with it. Not across a clause's boundary, nor a predicate another date dates. None
    otherwise."""
    word = noun
    for _ in range(_CLIMB_MAX):
        if word.dep_.split(":")[0] not in _PHRASE_DEPS or word.head.i == word.i:
            return None
        word = word.head
        if word.tag_.startswith("VB") or has_dep(word, "cop"):
            return word if _named_subject(word) and not any(c.i in others for c in word.children) else None
    return None


def _named_subject(verb: Token) -> bool:
    """Whether a predicate has a subject of its own to head a headline: a noun, or the relative pronoun of a relative
    clause on a noun ("which has been the subject of debate"), not "whose construction" nor an infinitive's none."""
    relative = verb.dep_ == "acl:relcl"
    return any(c.dep_ in ("nsubj", "nsubj:pass") and (c.lower_ in RELATIVE_PRONOUNS - PERSON_RELATIVES
                                                      and c.tag_ in RELATIVE_TAGS if relative
                                                      else c.tag_.startswith(("NN", "PRP")))
               for c in verb.children)


def _relative_deed(noun: Token, others: set[int]) -> Token | None:
    """The verb of a relative clause telling what an event noun did ("the October 8 earthquake which killed 73,000
    people" -> "The earthquake killed 73,000 people"): the relative pronoun is its subject, it is in the past (a
    past verb or a participle with an auxiliary: "which has claimed") and no other date dates it. Not a clause in
    the present ("the 1998 treaty which bans landmines": the treaty's signing, not the ban) nor a person's "who".
    None otherwise."""
    if noun.lower_ in SAYING_NOUNS:  # "in a report that suggested growth remains on track": the report's saying
        return None
    for verb in noun.children:
        if verb.dep_ != "acl:relcl" or any(t in others for t in ids(verb)):
            continue
        # its relative word right after the noun's own words (a comma between): a misparse may hang a far clause on it
        # ("The biggest achievement ... lay in the flag that was raised")
        own = ids(noun) - {i for c in noun.children if c.dep_.startswith(("acl", "advcl")) for i in ids(c)}
        relative = any(c.dep_ in ("nsubj", "nsubj:pass") and c.lower_ in RELATIVE_PRONOUNS - PERSON_RELATIVES
                       and c.tag_ in RELATIVE_TAGS and (c.i - 1 in own or c.doc[c.i - 1].text == "," and c.i - 2 in own)
                       for c in verb.children)
        past = verb.tag_ in PAST_TAGS or (verb.tag_ == "VBN" and any(c.dep_.startswith("aux") for c in verb.children))
        if (relative or _setting_relative(verb, own)) and past:
            return verb
    return None


def _done_to(noun: Token, removed: set[int]) -> set[int]:
    """A past participle right after a noun telling what was done to it, with no subject or auxiliary of its own, and its
    words ("the 1974 census [carried out by Spain]", the parse may make it a clause of its own); empty otherwise."""
    doc = noun.doc
    verb = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    if verb is None or verb.tag_ not in DONE_TO_TAGS or verb.dep_.startswith(("aux", "cop")) or noun.head.i == verb.i or any(
            c.dep_.startswith(("nsubj", "aux")) for c in verb.children):  # "The results [were] annulled": a clause
        return set()
    words = _subtree(verb, removed)
    end = next((i for i in sorted(words) if i > verb.i and doc[i].text in CLAUSE_PUNCT), len(doc))
    return {i for i in words if noun.i < i < end}  # up to its comma ("carried out by Spain[, the former ruler]")


def _setting_relative(verb: Token, own: set[int]) -> bool:
    """A relative clause telling what happened in an event, opened by "where"/"when" right after the noun's own words,
    with a noun subject of its own ("a 2002 referendum where residents rejected a proposal ...")."""
    opener = next((c for c in verb.children if c.dep_ == "advmod" and c.lower_ in SETTING_RELATIVES
                   and c.tag_ in RELATIVE_TAGS), None)
    return opener is not None and opener.i - 1 in own and any(
        c.dep_.startswith("nsubj") and c.tag_.startswith("NN") for c in verb.children)


def _subject_of_verb(noun: Token, others: set[int], removed: set[int]) -> bool:
    """An event noun that is the subject of a verb no other date dates ("The 2005 earthquake in Pakistan
    killed thousands"): the verb's clause says what the happening did, the noun alone only names it."""
    verb = noun.head
    # a copula's predicate counts as the verb ("Car sales in March were up[RB] sharply from a low of 40,000"),
    # unless the predicate is the date ("ETA's last killing was in May 2003": the noun alone)
    verbal = verb.tag_.startswith("VB") or (verb.i not in removed and has_dep(verb, "cop"))
    if not (noun.dep_ in ("nsubj", "nsubj:pass") and verbal and noun.i < verb.i
            and not any(c.i in others for c in verb.children)):
        return False
    said = {t.i for c in verb.children if c.i != noun.i and _belongs(c, others) for t in c.subtree}
    return sum(verb.doc[i].is_alpha for i in said | {verb.i}) >= 2  # "Party meeting comes" says no more


def _misread_infinitive(noun: Token) -> bool:
    """A verb after "to" the parse read as a noun in a phrase of the verb before ("is expected to dip[NN] to 19",
    "is set to rise[NN]"): "to" right after a participle or adjective, the noun right after "to"."""
    verb = noun.head
    return (noun.dep_ == "obl" and noun.i >= 2 and verb.i == noun.i - 2 and verb.tag_ in MISREAD_INFINITIVE_HEADS
            and noun.doc[noun.i - 1].lower_ == INFINITIVE_WORD and noun.doc[noun.i - 1].head.i == noun.i
            and not any(c.dep_ == "det" for c in noun.children))


def _setting_of_verb(noun: Token, others: set[int]) -> bool:
    """An event noun that is the setting of a verb's happening, at the same time ("bin Laden was killed in a
    raid on Sunday", "Britain voted in a referendum on Thursday"): the verb says what happened in it. Not
    a noun of saying ("said in a statement") nor a verb another date dates."""
    verb = noun.head
    # a participle the parse read as an adjective after a copula counts ("was wounded[JJ] in an ambush")
    verbal = verb.tag_.startswith("VB") or (verb.tag_ in PARTICIPLE_ADJECTIVE_TAGS and has_dep(verb, "cop")
                                             and verb.lower_.endswith(PARTICIPLE_ENDINGS))
    if not (noun.dep_ == "obl" and verbal and noun.lower_ not in SAYING_NOUNS
            and any(c.dep_ == "case" and c.lower_ in CONCURRENT_PREPOSITIONS for c in noun.children)
            and not any(c.i in others for c in verb.children)):
        return False
    subject = next((c for c in verb.children if c.dep_.startswith("nsubj")), None)
    # a named subject, or the relative pronoun of a clause on a noun ("two soldiers who died in the raid")
    return subject is not None and subject.lower_ not in PERSONAL_PRONOUNS and (
        verb.dep_ != "acl:relcl" or subject.lower_ in RELATIVE_PRONOUNS)


def _bare_object(noun: Token, removed: set[int], others: set[int]) -> bool:
    """An event noun that alone says little ("The search", two words at most) and is the object of a verb
    with a named subject and no other date: "Police and navy started the search for a crashed plane". A meeting's
    noun (MEETING_NOUNS: "talks", "the meeting") says little whatever its length, also after a preposition: "North
    Korea pulled out of the talks", "The EU froze talks on closer ties with Serbia"; not when the verb only places
    something else before or after it ("The violence followed talks", "would be known after a meeting"), nor a
    subordinate clause's verb, nor with a subject that is no noun ("what some have called a blunt discussion"). A
    finite verb coordinated with an earlier one shares its subject ("closed in 1995, but reopened talks ... in 1998"),
    for its object only: "called the situation dangerous and called for an emergency meeting ... next Sunday" dates
    the meeting asked for, not the call."""
    verb = _meeting_verb(noun)
    if verb is not None and not verb.dep_.startswith("advcl") and not any(
            c.i in others for c in verb.children) and not (_sequence(noun) or verb.lower_ in SEQUENCE_VERBS or any(
            t.lower_ in SUBORDINATORS for t in _opening_words(verb))) and any(
            c.tag_.startswith("NN") for c in _acting_subjects(verb, borrow=noun.dep_ == "obj")):
        return True
    verb = noun.head
    if noun.dep_ != "obj" or not verb.tag_.startswith("VB") or any(c.i in others for c in verb.children):
        return False
    if sum(noun.doc[i].is_alpha for i in _noun_phrase(noun, removed)) > 2:
        return False
    return any(c.lower_ not in PERSONAL_PRONOUNS | RELATIVE_PRONOUNS for c in _acting_subjects(verb))


def _acting_subjects(verb: Token, borrow: bool = True) -> list[Token]:
    """A verb's subjects, or (if `borrow`) those of the verb a finite verb is coordinated with when it has none ("The
    mill closed in 1995, but [reopened] talks with the union in 1998": the mill reopened them; `_verb_clause` borrows
    the subject alike). Not an infinitive's ("instructed universities to conduct checks and [to stop] violations":
    the universities are to stop them)."""
    subjects = [c for c in verb.children if c.dep_.startswith("nsubj")]
    if not subjects and borrow and verb.tag_ in FINITE_TAGS and verb.dep_ == "conj" and verb.head.tag_.startswith("VB"):
        subjects = [c for c in verb.head.children if c.dep_.startswith("nsubj")]
    return subjects


def _meeting_verb(noun: Token) -> Token | None:
    """The verb a meeting's noun is a phrase of: its object or phrase ("pulled out of the talks"), or a phrase the parse
    hung on the verb's object ("will discuss the latest developments [at an emergency meeting]", a misread attachment).
    None for another noun or relation."""
    if noun.lower_ not in MEETING_NOUNS:
        return None
    if noun.dep_ in ("obj", "obl") and noun.head.tag_.startswith("VB"):
        return noun.head
    owner = noun.head
    if noun.dep_ == "nmod" and owner.dep_ == "obj" and owner.head.tag_.startswith("VB") and any(
            c.dep_ == "case" and c.lower_ in CONCURRENT_PREPOSITIONS for c in noun.children):
        return owner.head
    return None


def _opening_words(verb: Token) -> list[Token]:
    """A clause's words before its verb that may open it as a subordinate one: its markers and its subject's words
    ("when" hung on the subject in "when Cuba's legislature opens"), not a fronted phrase of its own."""
    return [t for c in verb.children if c.i < verb.i and c.dep_ in ("mark", "advmod") or c.dep_.startswith("nsubj")
            for t in (c.subtree if c.dep_.startswith("nsubj") else (c,))]


def _sequence(noun: Token) -> bool:
    """Whether a noun's phrase places a happening before or after it ("after the meeting", "[ahead] of talks")."""
    cases = [c.i for c in noun.children if c.dep_ == "case" and c.i < noun.i]
    words = noun.doc[min(cases) - 1 if cases and min(cases) > 0 else noun.i:noun.i]
    return any(w.lower_ in SEQUENCE_PREPOSITIONS for w in words)


def _has_subject(keep: set[int], verb: Token, content: set[int] | None) -> bool:
    """Whether a verb's headline names who or what: some kept word before the verb (its subject, an
    antecedent), or an imperative-free clause a fronted report gave."""
    finite = verb.tag_ in FINITE_TAGS or any(  # "has been struggling", "will top"
        c.dep_.startswith("aux") and c.tag_ in FINITE_TAGS | {MODAL_TAG} for c in verb.children)
    if content is not None or not finite:
        return True
    own = ids(verb)
    return any(0 <= i < verb.i and (i not in own or verb.doc[i].dep_.split(":")[0] in ("nsubj", "csubj", "expl"))
               for i in keep)


def _linear_clause(doc: Doc, verb: Token, removed: set[int], transparent: set[int] = frozenset()) -> set[int]:
    """The words around a verb up to the nearest clause breaks, when the parse gave it no subject (a
    misparse: "A powerful earthquake struck northern Pakistan" read with "struck" as an adjective).
    Empty when nothing precedes the verb in its clause. Words of `transparent` (the event's own date) are
    crossed but left out."""
    def breaks(token: Token) -> bool:
        subordinate = token.lower_ in SUBORDINATORS and not (token.dep_ == "mark" and _likeness(token.head))
        return (token.i in removed - transparent or token.text in CLAUSE_PUNCT or subordinate
                or token.lower_ in RELATIVE_PRONOUNS or (token.lower_ in REPORTING_VERBS and token.tag_.startswith("VB")))
    left = verb.i
    while left > 0 and not breaks(doc[left - 1]):
        left -= 1
    right = verb.i
    while right + 1 < len(doc) and not breaks(doc[right + 1]) and not (
            doc[right + 1].dep_ == "cc" and right + 2 < len(doc) and doc[right + 2].tag_.startswith("VB")):
        right += 1
    while left < verb.i and (doc[left].tag_ in (PREPOSITION_TAG, INFINITIVE_TAG, "CC") or not doc[left].is_alpha):
        left += 1
    if not any(doc[i].tag_.startswith(("NN", "PRP", "CD")) for i in range(left, verb.i)):
        return set()  # no noun before the verb to be its subject
    keep = set(range(left, right + 1)) - transparent
    # the preposition of a crossed date ("West Ham on [Monday] sacked") and a final full stop go too
    keep -= {i - 1 for i in transparent if doc[i - 1].tag_ == PREPOSITION_TAG and i - 1 not in transparent}
    return {i for i in keep if not (i == len(doc) - 1 and doc[i].is_punct)}


def _fronted_content(verb: Token, removed: set[int]) -> set[int] | None:
    """'X happened, officials said': the clause before a trailing attribution, when the parse shows it (the
    root, or the head the verb of saying hangs on, before the comma that opens the attribution)."""
    if any(c.dep_ in ("ccomp", "obj") and c.i > verb.i and c.i not in removed for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_.startswith("nsubj") and c.i < verb.i), None)
    if subject is None and verb.dep_ == "acl" and verb.head.i < verb.i:  # ", local media reported" misread
        subject = verb.head  # as a noun the verb describes: the noun with its modifiers is the sayer
        start = min((c.i for c in subject.lefts if c.dep_ in ("amod", "det", "compound")), default=subject.i)
    else:
        start = min((i for i in ids(subject) if not verb.doc[i].is_punct), default=verb.i) if subject else verb.i
    if start == 0 or verb.doc[start - 1].text not in CLAUSE_PUNCT:
        return None
    head = verb.head if verb.dep_ in ("conj", "parataxis", "ccomp", "advcl") and verb.head.i < start else None
    if head is None and verb.dep_ == "acl":  # the sentence's main verb, before the attribution
        head = next((t for t in verb.doc if t.dep_ == "ROOT" and t.i < start - 1), None)
    if head is None:  # what was said, hung on the verb of saying as a side clause ("X will be replaced, he said")
        head = next((c for c in verb.children if c.dep_ in ("advcl", "parataxis", "ccomp") and c.i < start - 1), None)
    if head is None or not (head.tag_.startswith("VB") or has_dep(head, "cop", "aux", "aux:pass")):
        return None  # (a nominal predicate counts: "Growth was 3.2 percent, the office said"; so does a participle
        # read as an adjective after its auxiliary: "New Zealand is set[JJ] to adopt ..., a minister announced")
    attribution = ids(verb) - ids(head) if head.head.i == verb.i else ids(verb)
    keep = _verb_clause(head, removed | attribution, removed)
    return {i for i in keep if i < start - 1} or None


def _event_noun(noun: Token) -> Token:
    """A noun naming the happening inside a compound ("the boom years"): the whole compound's head."""
    return noun.head if noun.dep_ == "compound" and noun.head.tag_.startswith("NN") else noun


def _date_tokens(dates: list[Span]) -> set[int]:
    """Token indices of the date expressions and the prepositions or possessives tied to them."""
    out: set[int] = set()
    for date in dates:
        out.update(range(date.start, date.end))
        # its own preposition, next to it: a parse may hang a far one on the date ("published Wednesday, eight days
        # [before] the election May 1"), which belongs to the words between
        out.update(t.i for t in date.root.children if t.dep_ == "case" and _next_to(t, date))
        first = date.start
        before = date.doc[first - 1] if first > 0 else None
        # its preposition: attached to the date, or misparsed as part of a name ("Annan [on] Tuesday appointed")
        if before is not None and before.tag_ == PREPOSITION_TAG and (
                before.head.i in out | {date.root.i} or before.dep_ not in ("case", "mark")
                or before.head.dep_.startswith("nsubj")):  # "[On] Friday Iraq began": no phrase of a subject
            first -= 1
        if first > 0 and date.doc[first - 1].lower_ in DATE_ADVERBS:  # "late on Friday", "early Sunday"
            first -= 1
        out.update(range(first, date.start))
    # a word joining two dates goes with them ("a review in 2008 [or] 2009 of ...")
    joiners = {i + 1 for i in out if i + 2 in out and i + 1 < len(dates[0].doc)
               and dates[0].doc[i + 1].lower_ in DATE_JOINERS}
    return out | joiners


def _next_to(preposition: Token, date: Span) -> bool:
    """Whether only determiners, date adverbs or other prepositions stand between a preposition and the date
    ("in [early] 2003", "as [of] Sept. 30")."""
    return all(w.lower_ in DATE_ADVERBS or w.dep_ in DATE_LINK_DEPS
               for w in preposition.doc[preposition.i + 1:date.start])


def _reported(verb: Token) -> Token:
    """For a verb of saying, the verb of what was said (attribution is padding in a headline).

    Not when what was said has a pronoun for subject ("announced that it would cut jobs"): the sayer is
    the actor then, and the whole clause is kept; but a quote's "I"/"we" is the speaker ('The company said: "We
    will not raise prices"' -> "The company will not raise prices"). A verb complementing another ("became trapped",
    "agreed to withdraw") is headlined with the verb it completes.
    """
    if verb.lower_ in REPORTING_VERBS:
        verb = _quoted_as_saying(verb)
        saying = saying_of(verb.head) if verb.dep_ in ("advcl", "parataxis") else None
        quote = verb.head if saying is not None and saying.i == verb.i else None
        for child in [*verb.children, *([quote] if quote is not None else [])]:
            pronouns = [c for c in child.children if c.dep_.startswith("nsubj") and c.lower_ in PERSONAL_PRONOUNS]
            if child.dep_ == "ccomp" and child.tag_.startswith("VB") and not pronouns:
                return child
            if saying_of(child) is not None and child.tag_.startswith("VB") and pronouns and all(
                    p.lower_ in FIRST_PERSON_PRONOUNS and sayer_for(p, child) is not None for p in pronouns):
                return child  # a quote's "I"/"we" is its speaker ('The company said: "We will ..."')
    while (verb.dep_ == "xcomp" or _misread_to_verb(verb)) and (
            verb.head.tag_.startswith("VB") or verb.head.tag_ == "JJ") and not any(
            c.dep_.startswith("nsubj") for c in verb.children):  # "is due to be announced", "expected to have"
        verb = verb.head
    return verb


def _quoted_as_saying(verb: Token) -> Token:
    """'X was quoted by local media as saying that ...': the saying, whose clause (after it) is what was said.
    `verb` otherwise (a quote before it: '"...," X was quoted as saying')."""
    return next((c for c in verb.children if c.dep_ == "advcl" and c.tag_ == GERUND_TAG and c.lower_ in REPORTING_VERBS and any(
        m.dep_ == "mark" and m.lower_ == QUOTED_AS for m in c.children) and any(
        d.dep_ == "ccomp" and d.i > c.i for d in c.children)), verb)


def _misread_to_verb(verb: Token) -> bool:
    """A base verb after "to" right after a verb, misread as a prepositional phrase ("was expected [to last][obl]"):
    an infinitive completing that verb, as an xcomp does."""
    return (verb.dep_ == "obl" and verb.tag_ == "VB" and verb.i >= 2 and verb.head.i == verb.i - 2
            and verb.doc[verb.i - 1].lower_ == INFINITIVE_WORD)


def _says_complements(text: str, infinitive: Token, keep: set[int]) -> bool:
    """Whether a shortened headline still holds the complements (`_core`) of an infinitive and of its governing verb."""
    words = {word.strip(",;:.!?\"'") for word in text.split()}
    core = _core(infinitive, keep) | _core(infinitive.head, keep)
    return all(infinitive.doc[i].text in words for i in core if infinitive.doc[i].is_alpha or infinitive.doc[i].like_num)


def _noun_phrase(noun: Token, removed: set[int]) -> set[int]:
    """An event noun with its modifiers, without relative clauses, appositions and a leading 'a'."""
    skip: set[int] = set()
    for child in noun.children:
        if child.i in removed:  # the date itself ("the looting [Monday] of a relief train"): its words stay
            continue
        if child.dep_ in ("acl:relcl", "appos", "case") or child.dep_.startswith("advcl") or is_punctuation(child):
            skip |= ids(child)
        elif _measure_of_relation(child):  # "[eight days] before the election": when, not what
            skip |= ids(child)
    keep = {t.i for t in noun.subtree if t.i not in removed and t.i not in skip}
    if not keep:  # the noun is inside a date expression ("the March 15 anniversary" tagged whole)
        return keep
    keep |= _adjacent_phrase(noun, keep, removed)
    first = min(keep)
    if noun.doc[first].lower_ in INDEFINITE_ARTICLES and first != noun.i:
        keep.discard(first)
    return keep


def _measure_of_relation(child: Token) -> bool:
    """A bare measure ahead of the noun's own preposition ("[eight days] before the election", "[two weeks] after
    the attack"): it places the happening in time relative to another and is no part of what happened."""
    case = [c.i for c in child.head.children if c.dep_ == "case"]
    return child.dep_.endswith(MEASURE_DEPS) and bool(case) and child.i < min(case) < child.head.i


def _adjacent_phrase(noun: Token, keep: set[int], removed: set[int]) -> set[int]:
    """A prepositional phrase right after an object noun that the parse hung on the verb instead
    ("follows a March 15 attack on the base with five rockets"): it describes the happening too."""
    verb, end = noun.head, max(keep) + 1
    if noun.dep_ != "obj" or not verb.tag_.startswith("VB"):
        return set()
    for sibling in verb.children:
        phrase = ids(sibling)
        if sibling.dep_ == "obl" and min(phrase) == end and not phrase & removed and noun.doc[end].tag_ == PREPOSITION_TAG:
            return phrase
    return set()


def _shorten(keep: set[int], trigger: Token, limit: int, texts: dict[int, str] | None = None) -> set[int]:
    """Drop optional modifiers, largest first, until the rendered headline fits `limit` characters. A headline too
    long is what was said when a verb saying it follows ("[X happened], experts warned"), and keeps its verb's
    complement as a bare noun (`_core`: "Yi met [with a delegation]", "made [a visit]") when that fits, every word
    kept before the complement stays as it was (the subject, a reported clause's subject, who was called on) and no
    quotation is cut open (stop 31: full headlines too, `benchmarks/headline-rules-judged.tsv`)."""
    doc = trigger.doc
    if len(render(doc, keep, texts)) <= limit:  # most headlines fit as chosen: nothing to protect
        return keep
    # the clause's head: the trigger, or (a report headlined by what was said) the kept word heading the rest
    anchor = trigger if trigger.i in keep else min(
        (doc[i] for i in keep if i >= 0 and (doc[i].head.i not in keep or doc[i].head.i == i)),
        key=lambda t: t.i, default=trigger)
    said = _said_before(_saying_verb(anchor), keep)
    if said is not None:  # "X happened, experts warned" too long: what was said is the news, the sayer goes
        return _shorten({i for i in ids(said) & keep if not doc[i].is_punct or i < max(ids(said))}, said, limit, texts)
    out = _shortened_clause(keep, anchor, limit, texts)
    name = _subject_name(doc, keep, anchor) if limit <= SHORT_MAX else set()
    # the name's own determiner stays with it ("[The] European Central Bank", not "[The] Polish group PKN Orlen")
    lead = {i for i in keep if 0 <= i < min(name, default=0)
            and not (doc[i].tag_ in DETERMINER_TAGS and doc[i].head.i in name)}
    kept = lead & out  # the describing words a label keeps read only as a run up to the name ("President Jacob Zuma")
    if lead and (not name <= out or kept and kept != set(range(min(kept), min(name)))):
        # a label that lost the name, or cut into the words describing it ("Struggling sacked", "Beleaguered Italian
        # Serie Lazio Roma fired"): the describing words go first, if the name then stays
        lead |= {-1 - i for i in lead}  # (a title's words the pruning puts back when there is room go too)
        slim = _shortened_clause(keep - lead, anchor, limit, texts) - lead
        if name <= slim:
            return slim
    return out


def _shortened_clause(keep: set[int], anchor: Token, limit: int, texts: dict[int, str] | None) -> set[int]:
    """`_shorten`'s pruning of a clause headed by `anchor`, its complement kept when that fits (see `_shorten`)."""
    doc = anchor.doc
    protected = _protected(doc, keep, anchor)
    out = _pruned(keep, anchor, protected, limit, texts)
    core = _core(anchor, keep) - protected
    if core and not core <= out:  # the complement went: keep it if the clause fits without the complement's
        # modifiers, the words before it stay as they were ("called [on Sunni Arab politicians] to withdraw", "ruled
        # that the legality [of targeted strikes] should be determined") and no quote is cut open ('an "arc "')
        kept = _pruned(keep, anchor, protected | core, limit, texts)
        first = doc[min(core - out)]
        owner = first.head if first.head.i in core and first.head.tag_.startswith("NN") else first  # "gold" of "medal"
        before = {i for i in out if i < first.i} - ids(owner) - (_titled(doc) if limit <= SHORT_MAX else set())  # the complement's own words may
        # change, and a person's title may go for it ("[Australian Prime Minister] John Howard condemned the attacks")
        if len(render(doc, kept, texts)) <= limit and before <= kept and not _quote_cut_open(doc, kept):
            return kept
    return out


def _quote_cut_open(doc: Doc, keep: set[int]) -> bool:
    """Whether `keep` has a quotation's marks, or its first one, without all of its words ('an "arc [of prosperity]"')."""
    pairs = quotation_pairs([t.text for t in doc], QUOTE_MARKS)
    return any(i in keep and not set(range(i, j + 1)) <= keep for i, j in pairs)


def _said_before(verb: Token, keep: set[int]) -> Token | None:
    """The clause of what was said before a verb that says it, set off by a comma ("The virus is destroying family
    life across Africa, international health experts warned"), when the verb has nothing said after it."""
    if not verb.tag_.startswith("VB") or any(c.dep_ in ("obj", "ccomp") and c.i > verb.i for c in verb.children):
        return None
    said = next((c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.i < verb.i and c.i in keep
                 and (c.tag_.startswith("VB") or has_dep(c, "cop", "aux", "aux:pass"))), None)
    if said is None:
        return None
    subject = min((i for c in verb.children if c.dep_.startswith("nsubj") and c.i < verb.i for i in ids(c)),
                  default=verb.i)
    return said if any(verb.doc[i].text in CLAUSE_PUNCT for i in range(said.i + 1, subject)) else None


def _saying_verb(anchor: Token) -> Token:
    """The verb a shortened headline's head says with: itself, or the verb of saying a noun of saying is the phrase
    of ("said [in a statement]", SAYING_NOUNS): cut to that phrase, the label says only "Said in a statement"."""
    if anchor.lower_ in SAYING_NOUNS and anchor.dep_.startswith("obl") and anchor.head.lower_ in REPORTING_VERBS:
        return anchor.head
    return anchor


def _protected(doc: Doc, keep: set[int], anchor: Token) -> set[int]:
    """The words of `keep` no cut may take on its own: the clause's head and its ancestors, grafted words, a name's
    words, a measure's or a subject's count, a negation, a verb's particle."""
    protected = {anchor.i, *(t.i for t in anchor.ancestors)}
    # words grafted on the clause (a borrowed subject, an antecedent): their head is not kept
    grafted = {i for i in keep if i >= 0 and doc[i].head.i not in keep}
    protected |= grafted | {i for auxiliary, words in doc.user_data.get(_PLACED_KEY, {}).items() if auxiliary in keep
                            for i in words & keep}
    # A word of a name ("the National Basketball Association" never loses "National", "George W. Bush" never
    # "W. Bush"): a proper noun before its proper-noun head with only proper nouns between, or after it in a flat name.
    protected |= {t.i for t in doc if t.i < t.head.i and all(doc[j].tag_ in NAME_TAGS for j in range(t.i, t.head.i + 1))}
    protected |= {t.i for t in doc if t.dep_ == "flat" and t.tag_ in NAME_TAGS and t.head.tag_ in NAME_TAGS}
    # the count of a measure ("[eight] days before the election"): "days before" would say something else
    protected |= {t.i for t in doc if t.dep_ == "nummod" and t.head.dep_.endswith(MEASURE_DEPS)}
    # a negation: without it the headline says the opposite ("Shanghai will [not] build a landmark"); not the "not" of
    # "not only", which goes with its phrase
    protected |= {t.i for t in doc if t.lower_ in NEGATIONS and not (
        t.i + 1 < len(doc) and doc[t.i + 1].lower_ in FOCUS_ADVERBS)}
    # the count of a subject ("[180,000] people were killed", "[15.5 million] voters cast"), a grafted one's too ("[24]
    # reporters were allowed"): how many is the news, and "million voters" says another; an object's count may go with
    # the object when nothing else fits
    counts = {t.i for t in doc if t.dep_ == "nummod" and (t.head.dep_.startswith("nsubj") or t.head.i in grafted)}
    protected |= counts | {t.i for t in doc if t.tag_ == NUMBER_TAG and t.head.i in counts}
    # the words before a subject that is a number say what it numbers ("[Nov.] 7 was renamed", "[April] 12 is a date")
    protected |= {t.i for t in doc if t.i < t.head.i and t.head.tag_ == NUMBER_TAG and t.head.dep_.startswith("nsubj")}
    # a verb's particle right after it ("was stepping [down]"): part of the verb
    protected |= {t.i for t in doc if t.dep_ in ("advmod", "compound:prt") and t.lower_ in PARTICLES
                  and t.i == t.head.i + 1 and t.head.tag_.startswith("VB")}
    protected |= {t.i for t in doc if t.i in keep and _market_direction(t)}  # "opened [higher]": what prices did
    # the doer of the kept infinitive after it ("ordered [construction] to begin"): without it the verb's subject
    # seems to do it ("Netanyahu ordered to begin")
    head = {anchor.i, *(t.i for t in anchor.ancestors)}
    protected |= {t.i for t in doc if t.i in keep and (clause := _infinitive_after(t)) is not None and clause.i in head}
    # a number's conjunct up to its head, cut only with the number: the numbers make one quantity, half of it says
    # another ("their one [and only previous championship]", "units 1 [and 2]", "One hundred [and twenty men]"); not
    # a date's ("between 1991 and 1995" is left out)
    protected |= {i for t in doc if t.dep_ == "conj" and t.i in keep and (t.head.tag_ == NUMBER_TAG or t.head.like_num)
                  for i in ids(t) if i <= t.i}
    # the noun of "of" after a noun that makes a preposition ("on the back [of] [withdrawals]"), cut only with it
    protected |= {i for t in doc if _preposition_noun_object(t) for i in (t.i, *(c.i for c in t.children
                                                                               if c.dep_ == "case"))}
    return protected


def _preposition_noun_object(noun: Token) -> bool:
    """Whether a noun is the "of" phrase of a noun that makes a preposition with it ("on the back of [withdrawals]",
    "in the wake of [the attack]"; PREPOSITION_NOUNS)."""
    head = noun.head
    return (noun.dep_.startswith("nmod") and _case(noun) == PREPOSITION_NOUN_OF and head.i < noun.i
            and head.lower_ in PREPOSITION_NOUNS and _case(head) in PREPOSITION_NOUN_CASES)


def _infinitive_after(phrase: Token) -> Token | None:
    """The infinitive clause of `phrase`'s verb whose "to" comes right after the phrase (an object, or a phrase opened
    by INFINITIVE_DOER_CASES): the infinitive's doer ("ordered [construction] to begin", "called on [officers] to
    join") or, misparsed, the noun it describes ("opened for [presidential elections] to be held"); else None."""
    dep = phrase.dep_.split(":")[0]
    if dep not in _DOER_DEPS or not phrase.tag_.startswith(("NN", "PRP")) or (
            dep == "obl" and _case(phrase) not in INFINITIVE_DOER_CASES):
        return None
    end = max(ids(phrase)) + 1
    return next((c for c in phrase.head.children if c.dep_ in _INFINITIVE_CLAUSE_DEPS and min(ids(c)) == end
                 and end in _infinitive_marks(c)), None)


def _pruned(keep: set[int], anchor: Token, protected: set[int], limit: int, texts: dict[int, str] | None
            ) -> set[int]:
    """`keep` without optional modifiers (`_OPTIONAL`, kind by kind) not `protected`, until it fits `limit`."""
    doc = anchor.doc
    protected_head = {anchor.i, *(t.i for t in anchor.ancestors)}
    conjuncts = {t.i for t in doc if _subject_conjunct(t)}
    kinds = {t.i: _kind(t, keep) for t in doc}
    agreeing = {i for i in conjuncts if _agreeing(doc[i].head.head)}  # kept: their nouns' words go last
    protected = protected | agreeing
    coordinated = agreeing | {doc[i].head.i for i in agreeing}
    kinds = {i: _SUBJECT_WORD if kind in _NOUN_MODIFIERS and doc[i].head.i in coordinated else kind
             for i, kind in kinds.items()}
    # a verb's phrase with its infinitive after it goes with it, as the later of the two kinds ("called [on officers
    # to join]" as an xcomp); an object stays an object ("told [Ethiopia]" when its infinitive went first)
    order = {kind: n for n, kind in enumerate(_OPTIONAL)}
    kinds |= {t.i: max(kinds[t.i], kinds[clause.i], key=lambda kind: order.get(kind, -1)) for t in doc
              if t.i in keep and t.dep_.startswith("obl") and (clause := _infinitive_after(t)) is not None}
    keep = _bulk_cut(keep, kinds, protected | conjuncts, doc)
    clause, made = keep, 0
    titles = _titles(doc) if limit <= SHORT_MAX else {}  # a chart label's only (see _TITLE)
    # a name the parse hung on the common noun before it ("actor [Armin Mueller-Stahl]" as its appos) is who acted:
    # the noun goes as a title does, the name never as a modifier
    kinds |= {w + 1: _NAMED for w in titles if doc[w + 1].head.i == w and _role_noun(doc[w])}
    for kind in _OPTIONAL:
        while len(render(doc, keep, texts)) > limit:
            if kind in (_TITLE, _SUBJECT_TITLE):  # a title is a name's words (protected from other cuts): cut
                # whole, as a kind is; a chart label's only (a full headline has the room to say who the person is)
                titled = sorted((t for t in titles if t in keep and not titles[t] & protected_head
                                 and (kind == _TITLE or _coordinated_subject(doc[t]))),
                                key=lambda t: len(titles[t]))
                if not titled:
                    break
                cuts = [_leftovers(keep - titles[t] - {-1 - i for i in titles[t]}, clause, protected, doc)
                        for t in titled]
                keep = next((c for c in cuts if len(render(doc, c, texts)) <= limit), cuts[-1])
                continue
            options = sorted((t for t in doc if (t.i in conjuncts if kind == _SUBJECT_CONJ else kinds[t.i] == kind
                                                 and t.i not in conjuncts) and t.i in keep and t.i not in protected),
                             key=lambda t: len(ids(t) & keep))
            cuts: dict[int, set[int]] = {}
            cut_of = functools.partial(_cut_once, cuts, keep, clause, protected)  # each option's cut, made once a round
            fronted = _fronted(anchor, keep)  # then no cut may take every word before the verb (see _fronted)
            # The smallest cut that makes it fit, else the largest of this kind (and go on). Past _SEARCH_MAX
            # options (a run of numbers or names no news sentence has) or _CUTS_MAX cuts made, the largest at once:
            # trying each would render the clause options² times, minutes for a pasted table. Each option's cut is
            # made only when it is tried: making them all every round was cubic in a long clause's words.
            tried = options if len(options) <= _SEARCH_MAX and made < _CUTS_MAX else ()
            if kind == "obl":  # a verb's goal goes last ("went [into space]", "will leave [for Shanghai]")
                tried = [*(t for t in tried if not _goal(t, keep)), *(t for t in tried if _goal(t, keep))]
            cut = next((t for t in tried if (not fronted or _fronted(anchor, cut_of(t)))
                        and len(render(doc, cut_of(t), texts)) <= limit), None)
            if cut is None:
                cut = next((t for t in reversed(options) if not fronted or _fronted(anchor, cut_of(t))), None)
            if cut is None:
                break
            keep = cut_of(cut)
            made += len(cuts)
    return _titles_back(doc, keep, titles, limit, texts)


def _bulk_cut(keep: set[int], kinds: dict[int, str], kept: set[int], doc: Doc) -> set[int]:
    """`keep` of more than _PRUNE_WORDS_MAX words (a run of dates, numbers or names no news clause has) without every
    phrase of a kind of `_OPTIONAL` at once, kind by kind in their order, until it has no more words; `kept` words'
    phrases stay. Pruning it cut by cut would render the whole clause for each cut, each option tried."""
    clause = keep
    for kind in _OPTIONAL:
        if sum(i >= 0 for i in keep) <= _PRUNE_WORDS_MAX:
            break
        for i in sorted(i for i in keep if i >= 0 and kinds[i] == kind and i not in kept):
            if i in keep and not ids(doc[i]) & kept:
                keep = _without(keep, doc[i])
    return keep if keep is clause else _leftovers(keep, clause, kept, doc)


def _coordinated_subject(title: Token) -> bool:
    """Whether a title's name is a subject's conjunct or a subject with one ("[Israeli Prime Minister] Ehud Olmert and
    Mahmud Abbas sparked hope")."""
    doc, end = title.doc, title.i + 1
    while end < len(doc) and doc[end].tag_ in NAME_TAGS:
        end += 1
    return any(_subject_conjunct(w) or (w.dep_.startswith("nsubj") and any(map(_subject_conjunct, w.children)))
               for w in doc[title.i + 1:end])


def _core(verb: Token, keep: set[int]) -> set[int]:
    """The complement of `verb` a shortened headline keeps, as its bare noun (CORE_NOUN_DEPS): its object, else its
    infinitive or reported clause with that clause's own subject or doer (`_infinitive_after`) and complement ("agreed to become [the sponsor]"),
    else the phrase right after it ("met [with a delegation]", "amounted [to 62 billion dollars]"), not a comparison's,
    a role's or a time's ("divided [than at any time]", "detained [as part of ...]", "resigned [after weeks ...]"), with
    a bare noun the parse split from it; none for a phrase whose preposition the parse hung elsewhere (a misparse), a
    verb with none of these kept, or a word that is no verb."""
    if not verb.tag_.startswith("VB"):
        return set()
    children = [c for c in verb.children if c.i in keep and c.i > verb.i]
    noun = next((c for c in children if c.dep_ in CORE_OBJECT_DEPS), None)
    if noun is not None:
        return _bare_noun(noun)
    clause = next((c for c in children if c.dep_ in CORE_CLAUSE_DEPS and c.tag_.startswith("VB")), None)
    if clause is not None:
        parts = {c.i for c in clause.children if c.dep_ in CORE_CLAUSE_PARTS}
        subjects = [c for c in clause.children if c.dep_.startswith("nsubj") and c.i in keep] + [
            c for c in children if c.i < clause.i and _infinitive_after(c) == clause]  # "called on [officers] to join"
        return {clause.i} | parts | {i for s in subjects for i in _bare_noun(s)} | _core(clause, keep)
    after = next((c for c in children if c.dep_ == "obl" and _after_verb(verb.doc, min(ids(c)), keep)), None)
    if after is not None and _case(after) in CORE_PHRASE_YIELDS:  # "increased from 15.6 [to 16.2 percent]": the end
        after = next((c for c in children if c.dep_ == "obl" and _case(c) in CORE_PHRASE_YIELDS[_case(after)]), after)
    first = verb.doc[min(ids(after))] if after is not None else None
    if first is None or first.lower_ in CORE_PHRASE_EXCLUDED | SUBORDINATORS or _bare_phrase(after) or (
            first.tag_ == PREPOSITION_TAG and first.head.i != after.i):  # a noun without a preposition of its own, or
        return set()  # one hung on another word of it: a misparse ("[by the tenth[NN]] Panchen Lama", "closed [over]
        # stronger regional markets")
    return _bare_noun(after).union(*(ids(glued) for glued in _glued(after)))  # "inside a highway [tunnel]"


def _bare_phrase(phrase: Token) -> bool:
    """A verb's noun phrase with no preposition of its own that opens with an adverb: a preposition misread
    ("closed [over[RB]] stronger regional markets"); not an object misread as a phrase ("defeated chancellor Helmut
    Kohl", "exported 640 million dollars") nor an adverb the parse made a phrase ("switched back [on]")."""
    return phrase.tag_.startswith("NN") and not _case(phrase) and phrase.doc[min(ids(phrase))].tag_ == ADVERB_TAG


def _bare_noun(noun: Token) -> set[int]:
    """A noun with the words of its phrase that stay with it (CORE_NOUN_DEPS: "a", "to", a count, a possessor); a
    name whole ("the [Gulf] Coast", "the Gulf [of Oman]"), and a noun without a determiner with its modifiers ("in
    connection [with the robbery]", "to [first] place")."""
    out = {noun.i} | {i for c in noun.children if c.dep_ in CORE_NOUN_DEPS for i in ids(c)}
    name = noun.is_title  # capitalised: the parse tags a name's words as common nouns at times ("the Gulf[NN] of Oman")
    bare = noun.tag_ == "NN" and not any(c.dep_ in ("det", "nmod:poss", "nummod") for c in noun.children)
    for child in noun.children:
        if (name and child.dep_ in ("compound", "amod", "nmod") and child.is_title) or (
                bare and child.dep_ in ("amod", "nmod")):
            out |= ids(child)
    return out


def _cut_once(cuts: dict[int, set[int]], keep: set[int], clause: set[int], protected: set[int], token: Token
              ) -> set[int]:
    """`_cut(keep, token, ...)`, kept in `cuts` (one round of `_shorten`: the same `keep`) so that no option's cut
    is made twice (the front check, the search and the cut taken)."""
    if token.i not in cuts:
        cuts[token.i] = _cut(keep, token, clause, protected)
    return cuts[token.i]


def _kind(token: Token, clause: set[int]) -> str:
    """The kind of `_OPTIONAL` a dependent is dropped as: its relation, a subtype of SHORTENING_SUBTYPE_BASES as its
    base ("obl:unmarked" as "obl") unless the subtype is a kind of its own, a possessor, an agent, a title, or a
    bare noun right after a verb (an object misparsed, kept as objects are)."""
    dep = token.dep_
    common = token.tag_ in ("NN", "NNS")  # an object noun across a left-out date; not "that" or "G.M.T." misread
    if dep in BARE_NOUN_DEPS and token.head.tag_.startswith("VB") and _after_verb(
            token.doc, min(ids(token)), clause if common else None):
        return dep  # a bare noun right after a verb is its object misparsed ("challenged [the conviction]"): kept
    base = dep.split(":")[0]
    if base in SHORTENING_SUBTYPE_BASES and dep not in _OPTIONAL and dep not in SHORTENING_KEPT_SUBTYPES:
        return base
    return dep


def _after_verb(doc: Doc, i: int, clause: set[int] | None) -> bool:
    """Whether word `i` comes right after a verb or a verb and its particle ("swept away [entire towns]"), a date
    left out between them ("challenged [Wednesday] the conviction"), not set off by a comma ("was stepping down[, one
    day]"); `clause` None: no words are left out between."""
    if doc[i].is_punct:
        return False
    while clause is not None and i > 0 and i - 1 not in clause and not doc[i - 1].is_punct:
        i -= 1
    before = doc[i - 1] if i > 0 else None
    if before is not None and before.lower_ in PARTICLES and i > 1:
        before = doc[i - 2]
    return before is not None and before.tag_.startswith("VB")


def _fronted(anchor: Token, keep: set[int]) -> bool:
    """Whether a verb's headline keeps a word before the verb: a cut must not take them all ("[More than 25 Qassam
    rockets] have landed", the subject misread as an adverb), a finite verb needs what stands in its subject's place."""
    if not anchor.tag_.startswith("VB"):
        return False
    first = min([anchor.i, *(c.i for c in anchor.children if c.dep_ in ("aux", "aux:pass", "cop") and c.i in keep)])
    doc = anchor.doc
    return any(0 <= i < first and doc[i].is_alpha for i in keep)


def _cut(keep: set[int], token: Token, clause: set[int], protected: set[int]) -> set[int]:
    """`keep` without `token`'s phrase (`_without`), a bare noun the parse split from it, the
    infinitive right after it (`_infinitive_after`), and what the cut leaves
    behind that no longer reads (`_leftovers`); `clause` is the headline's words before any cut."""
    out = _without(keep, token)
    for glued in [*_glued(token), *filter(None, [_infinitive_after(token)])]:
        if not ids(glued) & protected:
            out = _without(out, glued)
    return _leftovers(out, clause, protected, token.doc)


def _glued(token: Token) -> list[Token]:
    """A verb's bare noun and the prepositional phrase right before it, one phrase split by a misparse ("exploded
    [inside a highway] [tunnel]"): cutting either cuts both."""
    head = token.head
    if not head.tag_.startswith("VB") or head.i == token.i:
        return []
    span = ids(token)
    out = []
    for sibling in head.children:
        if sibling.i == token.i:
            continue
        other = ids(sibling)
        after = min(other) == max(span) + 1 and sibling.dep_ in BARE_NOUN_DEPS and token.dep_ == "obl"
        before = max(other) == min(span) - 1 and token.dep_ in BARE_NOUN_DEPS and sibling.dep_ == "obl"
        if after or before:
            out.append(sibling)
    return out


def _goal(phrase: Token, keep: set[int]) -> bool:
    """A verb's phrase of where to, right after it in the headline ("went [into space]", "will leave [here Wednesday
    evening] for Shanghai")."""
    doc, first = phrase.doc, min(ids(phrase))
    return doc[first].lower_ in GOAL_PREPOSITIONS and phrase.head.i < first and all(
        i not in keep or doc[i].tag_ == ADVERB_TAG for i in range(phrase.head.i + 1, first))


def _subject_conjunct(token: Token) -> bool:
    """A subject's conjunct that `_shorten` drops as _SUBJECT_CONJ: a noun joined by "and" ("Colonel X and Captain Y
    died"), not "Sarraf, a Christian but an ally of Y"."""
    return token.dep_ == "conj" and token.head.dep_ in ("nsubj", "nsubj:pass") and token.tag_.startswith("NN") and any(
        c.dep_ == "cc" and c.lower_ == CONJUNCTION_AND for c in token.children)


def _agreeing(verb: Token) -> bool:
    """Whether `verb`'s finite word (its first auxiliary, else itself) has a form only a plural subject takes ("China
    and Russia [have] made", "[were] killed"): a subject's conjunct cut leaves no English ("China have made")."""
    finite = min((c for c in verb.children if c.dep_ in ("aux", "aux:pass", "cop") and c.i < verb.i),
                 key=lambda c: c.i, default=verb)
    return finite.tag_ in PLURAL_VERB_TAGS or finite.lower_ in PLURAL_VERB_FORMS


def _without(keep: set[int], token: Token) -> set[int]:
    """`keep` without the subtree of `token` (and without its past-tense marks)."""
    gone = ids(token)
    head = token.head
    if head.tag_ in POSTPOSED_ADJECTIVE_TAGS and head.dep_ in POSTPOSED_ADJECTIVE_DEPS and head.head.i < head.i < token.i \
            and any(c.dep_ == "case" and c.lower_ in ADJECTIVE_COMPLEMENT_PREPOSITIONS for c in token.children):
        # "the militia loyal [to X]", "farmers angry [about Y]": the adjective goes with its phrase (not the words
        # before it a misparse hung on it: "a colonel [in the force] loyal to X" keeps "in the force")
        gone = {i for i in ids(head) if i >= head.i}
    first = token.doc[min(gone)]
    if first.i > 0 and first.dep_.endswith(MEASURE_DEPS) and token.doc[first.i - 1].tag_ == NUMBER_TAG:
        gone.add(first.i - 1)  # a measure's count goes with it, wherever the parse hung it ("two [weeks after]")
    return keep - gone - {-1 - i for i in gone}
