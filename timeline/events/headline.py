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
import itertools
from typing import TYPE_CHECKING

from timeline.describe import shorten
from timeline.events.speakers import (
    antecedent,
    fronted_actor,
    participle_subject,
    person_before,
    relative_antecedent,
    rewritten_words,
    sayer_for,
    saying_of,
)
from timeline.events.syntax import has_dep, ids, is_punctuation, opening
from timeline.events.trigger import dated_thing, dateline
from timeline.events.wording import quotation_pairs, render
from timeline.lang.en.events import (
    ACCORDING,
    ADJECTIVE_COMPLEMENT_PREPOSITIONS,
    ADVERB_TAG,
    AGENT_PREPOSITION,
    ASIDE_CLOSERS,
    AUXILIARY_DEPS,
    BARE_NOUN_DEPS,
    CLAUSE_PUNCT,
    COMMON_NOUN_TAGS,
    COMPARATIVE_DIRECTIONS,
    COMPARISON_OPENINGS,
    COMPLEMENTIZER_TAGS,
    COMPLEMENTIZERS,
    CONCURRENT_PREPOSITIONS,
    CONJUNCTION_AND,
    CORE_CLAUSE_DEPS,
    CORE_CLAUSE_PARTS,
    CORE_NOUN_DEPS,
    CORE_OBJECT_DEPS,
    CORE_PHRASE_EXCLUDED,
    CORE_PHRASE_YIELDS,
    DANGLING_TAGS,
    DATE_ADVERBS,
    DATE_JOINERS,
    DATE_LINK_DEPS,
    DETERMINER_TAGS,
    DIRECTION_ADVERBS,
    DONE_TO_TAGS,
    FINITE_CLAUSE_TAGS,
    FINITE_TAGS,
    FIRST_PERSON_PRONOUNS,
    FIRST_TIME_ORDINALS,
    FIRST_TIME_SUBJECTS,
    FIRST_TIME_WORD,
    FOCUS_ADVERBS,
    GAP_TAGS,
    GERUND_TAG,
    GOAL_PREPOSITIONS,
    HAPPENING_VERBS,
    HYPHEN,
    INDEFINITE_ARTICLES,
    INFINITIVE_DOER_CASES,
    INFINITIVE_NOUNS,
    INFINITIVE_SUBJECT_CASE,
    INFINITIVE_TAG,
    INFINITIVE_WORD,
    LIKENESS_MARKS,
    LIKENESS_VERBS,
    MEASURE_DEPS,
    MEETING_NOUNS,
    MISREAD_INFINITIVE_HEADS,
    MODAL_TAG,
    MODIFIER_VERB_DEPS,
    NAME_MODIFIER_TAGS,
    NAME_TAGS,
    NEGATIONS,
    NOMINAL_TAG_OPENINGS,
    NUMBER_TAG,
    PAIR_PRECONJUNCTIONS,
    PAIR_PREPOSITIONS,
    PARTICIPLE_ADJECTIVE_TAGS,
    PARTICIPLE_ENDINGS,
    PARTICIPLE_TAG,
    PARTICIPLE_TAGS,
    PARTICLES,
    PAST_AUXILIARY,
    PAST_TAGS,
    PERSON_RELATIVES,
    PERSON_TITLES,
    PERSONAL_PRONOUNS,
    PHRASE_OPENER_TAGS,
    PLACE_TAKING,
    PLURAL_VERB_FORMS,
    PLURAL_VERB_TAGS,
    POSSESSIVE_TAG,
    POSTPOSED_ADJECTIVE_DEPS,
    POSTPOSED_ADJECTIVE_TAGS,
    PRECONJUNCTION_DEP,
    PREPOSITION_NOUN_CASES,
    PREPOSITION_NOUN_OF,
    PREPOSITION_NOUNS,
    PREPOSITION_TAG,
    QUOTE_MARKS,
    QUOTED_AS,
    RELATIVE_CLAUSE_DEP,
    RELATIVE_PRONOUNS,
    RELATIVE_TAGS,
    REPORTED_CLAUSE_DEPS,
    REPORTING_VERBS,
    SAYING_NOUNS,
    SEQUENCE_PREPOSITIONS,
    SEQUENCE_VERBS,
    SETTING_RELATIVES,
    SHORTENING_KEPT_SUBTYPES,
    SHORTENING_SUBTYPE_BASES,
    SIDE_CLAUSE_DEPS,
    SPEAKER_MAX_WORDS,
    SPEAKING_PARTICIPLES,
    SUBJECT_NAME_VERB_TAGS,
    SUBORDINATORS,
    SUPERLATIVE_TAGS,
    TELLING_SUBORDINATORS,
    TITLE_SUFFIXES,
    UNTIL,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Span, Token

HEADLINE_MAX = 90
SHORT_MAX = 42  # a chart label: the same clause pruned harder
# Children never part of a headline: subordinate/parenthetical clauses, discourse words, punctuation.
_NEVER = {"mark", "advcl", "parataxis", "discourse", "vocative", "dislocated", "punct", "dep", "reparandum",
          "orphan", "list", "goeswith"}
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
_ROLE_NOUN_TAGS = ("NN", "NNP")  # a singular noun (NNP: the parse misreads "cyclist" before a name as one)
_ROLE_NOUN_WORDS = ("amod", "compound", "det", "nmod:poss", "case")  # what a role noun's title takes before it
_OPTIONAL = ("appos", "acl:relcl", "acl", "parataxis", "advcl", "advmod", "conj", "obl", _SUBJECT_TITLE, _SUBJECT_CONJ,
             *_NOUN_MODIFIERS, _TITLE, "xcomp", "ccomp", "obj", _SUBJECT_WORD, "flat")
# Relations of a verb heading a clause of its own (not a relative clause): one keeps its verb when its wh-word is cut.
_CLAUSE_DEPS = ("ccomp", "xcomp", "csubj", "advcl", "conj", "parataxis", "ROOT")
# A lone event noun's way up to its clause (_clause_above): the relations of a phrase, and how many nouns it crosses.
# A subject's phrase too ("The cost of Tuesday's [attack] was put at ...", "The theme of this year's [forum] is ...").
_PHRASE_DEPS = ("nmod", "obl", "obj", "nsubj")
_CLIMB_MAX = 3
_REFIT_MAX = 3  # shortenings to a smaller room when hyphenated words restored whole overran HEADLINE_MAX (_fitted)
_CONTROL_CLIMB = 3  # complements and conjuncts climbed to an infinitive's subject (_controlled_subject)
_DEEDS_KEY = "timeline.headline.deeds"  # an infinitive kept with its governing deed: the subject it borrowed (per parse)
_PLACED_KEY = "timeline.headline.placed"  # a subject found in its place: its words, by the auxiliary after them
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
MEASURE_PHRASE_DEPS = ("obl:unmarked", "obl:npmod", "obj")  # a verb's measure before a direction ("rose [5 points] higher")


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
    keep -= _dated_participles(doc, keep, removed, trigger)
    rewritten = rewritten_words(doc, trigger, keep, removed)
    runs = _hyphenated_words(doc) if HYPHEN in doc.text else []
    anchor = _deed_anchor(trigger, keep, others)
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


def _light_verb(verb: Token) -> bool:
    """A verb saying only that its subject happened (HAPPENING_VERBS, "took place": PLACE_TAKING)."""
    takes, place = PLACE_TAKING
    return verb.tag_.startswith("VB") and (verb.lower_ in HAPPENING_VERBS or verb.lower_ in takes and any(
        c.dep_ == "obj" and c.lower_ == place for c in verb.children))


def _says_only_happened(text: str, trigger: Token) -> bool:
    """Whether a headline ends on its light verb ("The accident occurred", "The blast took place")."""
    if not _light_verb(trigger):
        return False
    words = text.lower().rstrip(".").split()
    return bool(words) and (words[-1] == trigger.lower_ or words[-2:] == [trigger.lower_, PLACE_TAKING[1]])


def _told_clause(clause: Token) -> bool:
    """A clause after a past light verb telling what happened as its event happened, opened by TELLING_SUBORDINATORS
    and with a subject of its own ("The accident occurred [when a bus plunged into a ravine]"): the news the light
    verb only places in time; a headline keeps it (`_belongs`) as it keeps a verb's complement. Not after a light verb
    to come ("will take place [when the law comes into force]": a schedule), nor a progressive clause ("when 32 miners
    were working": what was going on)."""
    verb, opener = clause.head, clause.doc[min(ids(clause))]
    return (clause.dep_ == "advcl" and _light_verb(verb) and verb.tag_ in PAST_TAGS and opener.i > verb.i
            and opener.lower_ in TELLING_SUBORDINATORS and has_dep(clause, "nsubj", "nsubj:pass")
            and not _progressive(clause))


def _progressive(verb: Token) -> bool:
    """Whether a verb is a progressive form ("were working"): what was going on, not what happened."""
    return verb.tag_ == GERUND_TAG and has_dep(verb, "aux")


def _light_verb_news(verb: Token, others: set[int]) -> Token | None:
    """For a light verb whose headline says only that its subject happened, the verb whose clause tells what happened:
    its own "when" clause's (`_told_clause`: "A minibus collided with a truck"), the verb its "when"/"as" clause times
    ("Thirty-four miners were trapped [when the accident occurred]"; not a progressive one, which says what was going
    on: "The workers were walking the tracks"), or the verb of the subject its relative clause describes ("The last
    eruption of the volcano, [which occurred in 1993,] killed nine people"). Not a verb another date dates. None
    otherwise."""
    told = next((c for c in verb.children if _told_clause(c) and c.tag_.startswith("VB")), None)
    head = verb.head
    opener = verb.doc[min(ids(verb))]
    if told is None and verb.dep_ == "advcl" and opener.lower_ in TELLING_SUBORDINATORS and opener.i < verb.i and not (
            _progressive(head)):
        told = head
    elif told is None and verb.dep_ == RELATIVE_CLAUSE_DEP:
        noun = head
        while noun.dep_.startswith("nmod") and noun.head.tag_.startswith("NN"):  # "the eruption [of the volcano]"
            noun = noun.head
        told = noun.head if noun.dep_ in ("nsubj", "nsubj:pass") and noun.head.i > verb.i else None
    if told is None or not told.tag_.startswith("VB") or any(c.i in others for c in told.children):
        return None
    return told


def _first_time_news(doc: Doc, keep: set[int]) -> Token | None:
    """The verb of the clause on "time" in a kept "It is the first time that X happened" (FIRST_TIME_ORDINALS, an "it"
    or "this" subject): X is the news, the rest says only how rare it is. None otherwise."""
    for time in (doc[i] for i in sorted(keep) if i >= 0):
        if time.lower_ != FIRST_TIME_WORD or not has_dep(time, "cop") or not any(
                c.lower_ in FIRST_TIME_ORDINALS for c in time.children if c.dep_ == "amod") or not any(
                c.lower_ in FIRST_TIME_SUBJECTS and c.i in keep for c in time.children if c.dep_.startswith("nsubj")):
            continue
        return next((c for c in time.children if c.dep_ in ("acl:relcl", "acl", "ccomp") and c.i > time.i
                     and c.tag_.startswith("VB") and has_dep(c, "nsubj", "nsubj:pass")), None)
    return None


def _reads_alone(label: str, limit: int) -> bool:
    """Whether what was said, cut from its sayer, makes a label: it fits, says more than a word and opens with no
    word that joined it to the sayer ("[That] bird flu is not responsible", "[Which] volume was") or a piece of one
    ("'s why")."""
    words = label.split()
    return len(label) <= limit and len(words) > 1 and words[0][:1].isalnum() and (
        words[0].lower() not in RELATIVE_PRONOUNS)


def _dated_participles(doc: Doc, keep: set[int], removed: set[int], trigger: Token) -> set[int]:
    """Side-clause participles whose words were only a date, inside the clause ("The bridge [built] collapsed", of
    "The bridge built in 1920 collapsed on Monday"): alone they read as a fragment. Not at the clause's end, where
    the parse also reads a finite verb as one ("toxic gas levels dropped")."""
    out = set()
    last = max((i for i in keep if i >= 0 and not is_punctuation(doc[i])), default=-1)
    for i in keep:
        word = doc[i] if 0 <= i < last else None
        if word is None or word == trigger or word.tag_ not in PARTICIPLE_TAGS or word.dep_ not in SIDE_CLAUSE_DEPS:
            continue
        if _left_alone(word, keep, removed):
            out.add(i)
    return out


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


def _hyphenated_words(doc: Doc) -> list[range]:
    """Runs of tokens that are one written word joined by hyphens ("al-Maliki", "August-October")."""
    runs, start = [], 0
    for i in range(1, len(doc) + 1):
        joined = i < len(doc) and not doc[i - 1].whitespace_ and HYPHEN in (doc[i - 1].text, doc[i].text)
        if not joined:
            if i - start > 1:
                runs.append(range(start, i))
            start = i
    return runs


def _whole_name(doc: Doc, keep: set[int]) -> set[int]:
    """A name written with a hyphen whose last part alone is kept, as a subject (the parse hung "Ha" of "Yoo Chong-Ha"
    as the subject and the rest elsewhere): the whole written word and the words of the name right before it that its first
    part is a flat part of ("Yoo"), which `_whole_words` would otherwise drop with it."""
    out: set[int] = set()
    for run in _hyphenated_words(doc) if HYPHEN in doc.text else []:
        first, last = doc[run[0]], doc[run[-1]]
        if last.i not in keep or first.i in keep or first.tag_ not in NAME_TAGS or last.tag_ not in NAME_TAGS or (
                not last.dep_.startswith("nsubj")):
            continue
        out |= set(run)
        while first.dep_ == "flat" and first.head.i == first.i - 1 and first.head.tag_ in NAME_TAGS:
            first = first.head
            out.add(first.i)
    return out


def _whole_words(runs: list[range], keep: set[int], removed: set[int], trigger: Token) -> set[int]:
    """A hyphenated word is kept whole or not at all: whole when its first part or the trigger is kept ("the
    elderly ex-dictator", "his re-election"), left out when a part is a date ("in the [July-September]
    period") or its first part is gone (a cut name leaves no "Bush -Maliki")."""
    for run in runs:  # _hyphenated_words of the sentence
        parts = set(run)
        if not parts & keep or parts <= keep:
            continue
        whole = not parts & removed and (run[0] in keep or trigger.i in parts)
        keep = keep | parts if whole else keep - parts
    return keep


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


def _stranded_speaker(doc: Doc, keep: set[int]) -> set[int]:
    """A speaker the parse hung inside the clause, kept without the verb of saying right after it: the noun phrase
    between a kept comma and the verb (", British Prime Minister Tony Blair [said] after ..."), or, when nothing after
    the verb is kept, the words between the comma before it and the verb ('... in peace and security," Olmert's office
    [said] in a statement'; a quotation mark, a phrase holding a preposition or "and": "sources with the factory",
    "medical sources and witnesses"; no finite verb) and that comma. Not when they are all the clause keeps, nor a
    speaker a kept participle after the verb takes for its subject ("Neftci [said], referring to ..."). Empty
    otherwise."""
    for verb in doc:
        if verb.lower_ not in REPORTING_VERBS or not verb.tag_.startswith("VB") or verb.i in keep or verb.i - 1 not in keep:
            continue
        last = not any(i > verb.i for i in keep)
        start = verb.i - 1
        while start > 0 and verb.i - start < SPEAKER_MAX_WORDS and doc[start - 1].text != "," and (
                doc[start - 1].tag_.startswith(NOMINAL_TAG_OPENINGS) and start - 1 in keep or last and (
                    doc[start - 1].tag_ not in FINITE_CLAUSE_TAGS and not is_punctuation(doc[start - 1])
                    or doc[start - 1].text in QUOTE_MARKS)):
            start -= 1
        run = range(start, verb.i)
        if start > 0 and doc[start - 1].text == "," and (last or start - 1 in keep) and any(
                doc[i].tag_.startswith("NN") for i in run) and any(doc[i].is_alpha for i in keep - {start - 1, *run}):
            return {start - 1, *run}
    return set()


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


def _fill_gaps(doc: Doc, keep: set[int], removed: set[int]) -> set[int]:
    """A lone function word between two kept words is kept too: a preposition or "to" the parse hung
    elsewhere ("A summit [between] Bush and al-Maliki", "Dijkstal was [to] meet") leaves a hole otherwise;
    so is a number before a kept noun."""
    gaps = {i for i in keep if i > 0 and i - 2 in keep and i - 1 not in keep and i - 1 not in removed
            and doc[i - 1].tag_ in GAP_TAGS}
    # a number before a kept noun is its count, wherever the parse hung it ("[two] weeks after the attack")
    counts = {i for i in keep if i > 0 and i - 1 not in keep | removed and doc[i - 1].tag_ == NUMBER_TAG
              and doc[i].tag_.startswith("NN")}
    return keep | {i - 1 for i in gaps | counts}


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


def _saying_occasion(noun: Token, others: set[int]) -> Token | None:
    """The verb a noun of saying is the occasion of ("said [in an interview] with AFP", "told [a press conference]",
    "In a televised speech, Kibaki conceded defeat"): the interview or speech is where it was said or done, the verb's
    clause is the news (what was said, for a verb of saying). Its phrase opened by a preposition of the same time
    (CONCURRENT_PREPOSITIONS), or the object of a verb of saying; also a phrase the parse hung on the verb's subject
    before the verb ("Kibaki Tuesday [in a televised speech] conceded"). Not a verb another date dates, nor one
    without a subject of its own. None otherwise."""
    verb = noun.head
    if noun.dep_ == "nmod" and verb.dep_.startswith("nsubj") and noun.i < verb.head.i:
        verb = verb.head
    elif noun.dep_ == "obj" and verb.lower_ in REPORTING_VERBS:
        pass
    elif noun.dep_ != "obl":
        return None
    if noun.lower_ not in SAYING_NOUNS or not noun.tag_.startswith("NN") or not verb.tag_.startswith("VB") or (
            noun.dep_ != "obj" and _case(noun) not in CONCURRENT_PREPOSITIONS):
        return None
    if any(c.i in others for c in verb.children) or not has_dep(verb, "nsubj", "nsubj:pass"):
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


def _with_fronted_subject(doc: Doc, verb: Token, keep: set[int], removed: set[int]) -> set[int]:
    """A verb left without a subject by a misparse, in a sentence that opens with a name set off by commas
    ("On Thursday, Jiang Xingchang, vice president of the court, stressed that ..."; "Kyrgyzstan, an
    impoverished republic, has been struggling"; "More than 30 people, including 16 policemen, were injured"): the
    first comma-set segment before the verb, when it is a bare noun phrase ending in its noun, is its subject (the
    segments between are appositions). `keep` unchanged otherwise."""
    segment: list[int] = []
    skipped = removed | dateline(doc)
    for token in doc[:verb.i]:
        if token.text in CLAUSE_PUNCT:
            if segment:
                break
            continue
        if token.i not in skipped:
            segment.append(token.i)
    return keep | set(segment) if _bare_noun_phrase(doc, segment) else keep


def _bare_noun_phrase(doc: Doc, segment: list[int]) -> bool:
    """Whether words (in order) are a noun phrase ending in its noun: nominal words, with a preposition or "and"
    inside ("More than 30 people", "he and his wife"), never at its edges, and an adverb before a number ("About 20
    members")."""
    inner = segment[1:-1]
    return bool(segment) and all(doc[i].tag_.startswith(NOMINAL_TAG_OPENINGS) or (i in inner and doc[i].tag_ in (
        PREPOSITION_TAG, "CC")) or (doc[i].tag_ == ADVERB_TAG and i + 1 in segment and doc[i + 1].tag_ == NUMBER_TAG)
        or (i in inner and _joins_word(doc[i])) for i in segment) and doc[segment[-1]].tag_.startswith(("NN", "PRP", "CD"))


def _joins_word(token: Token) -> bool:
    """A hyphen inside one written name ("Kim Hyun[-]Chul"), which the tagger reads as punctuation; not one of a
    measure's modifier ("the 12[-]kilometer (seven-mile) bridge": its noun comes later)."""
    before, after = token.doc[token.i - 1], token.doc[token.i + 1]
    return token.text == HYPHEN and not token.whitespace_ and not before.whitespace_ and before.is_title and (
        after.is_title)


def _subject_before_auxiliary(doc: Doc, keep: set[int], removed: set[int]) -> set[int]:
    """A clause that opens with a finite auxiliary of its kept verb and keeps no subject ("[The marines, who are
    staying in the embassy,] have been subpoenaed"; "[24 reporters, in protective suits,] were allowed"): the words
    that stand in the subject's place, a bare noun phrase (`_bare_noun_phrase`) ending right before the auxiliary or
    before an aside set off by commas, dashes or brackets right before it (a relative clause, an apposition,
    "however"), from the nearest clause break (`_subject_place`). Empty otherwise: the subject may be a relative
    pronoun ("which last year had sales") or lie beyond a break ("before being released")."""
    first = min((i for i in keep if i >= 0), default=None)
    if first is None:
        return set()
    auxiliary, verb = doc[first], doc[first].head
    if auxiliary.dep_ not in AUXILIARY_DEPS or auxiliary.tag_ not in FINITE_CLAUSE_TAGS or verb.i not in keep or any(
            c.dep_.startswith(("nsubj", "csubj", "expl")) and c.i in keep for c in verb.children):
        return set()
    # a verb the clause is the content of ends the subject's place ("records show [Lazaro Gonzalez], 49, was found")
    governor = verb.head.i if verb.dep_ in REPORTED_CLAUSE_DEPS and verb.head.tag_.startswith("VB") and (
        verb.head.i < first) else -1
    segment = _after_fronted_phrase(doc, _subject_place(doc, _aside_start(doc, first), removed, governor))
    if not (_bare_noun_phrase(doc, segment) or _lone_name(doc, segment)):
        return set()
    # the parse may have hung these words as an optional phrase ("690,000 people[obl] were counseled"): the chart
    # label's pruning must not take the subject back (`_protected`)
    core = next((k for k, i in enumerate(segment) if doc[i].tag_.startswith("NN")), len(segment) - 1)
    doc.user_data.setdefault(_PLACED_KEY, {})[first] = set(segment[:core + 1])  # "[690,000 people] in the city"
    return set(segment)


def _after_fronted_phrase(doc: Doc, segment: list[int]) -> list[int]:
    """The subject's place without a phrase fronted before the subject ("[In the women's breaststroke] Ji Liping", "[In
    the period] 690,000 people"): when the place opens with a preposition, the words from where a new noun phrase
    starts (`_new_phrase`); nothing when none does. Other places unchanged."""
    if not segment or doc[segment[0]].tag_ != PREPOSITION_TAG:
        return segment
    k = _new_phrase(doc, segment)
    return segment[k:] if k else []


def _new_phrase(doc: Doc, words: list[int]) -> int:
    """Where in `words` (in order) a noun phrase starts right after another one's common noun: a name or a number
    next to it ("the women's breaststroke | Ji Liping", "the period | 690,000 people"); 0 when nowhere."""
    return next((k for k in range(1, len(words)) if doc[words[k - 1]].tag_ in COMMON_NOUN_TAGS and words[k - 1] + 1 == (
        words[k]) and doc[words[k]].tag_ in NAME_TAGS + (NUMBER_TAG,)), 0)


def _fronted_remnant(doc: Doc, keep: set[int]) -> set[int]:
    """The kept words of a phrase that opens the sentence with a preposition and runs into the subject with no comma
    ("In the women's breaststroke Luo Xuejuan is hoping", "In the 2004-2005 period 820,000 people were counseled",
    the preposition or the date left out): the words before the subject's start (`_new_phrase`), when the rest up to
    the verb is a bare noun phrase. Empty otherwise."""
    verb = next((i for i in sorted(keep) if i >= 0 and doc[i].tag_ in FINITE_CLAUSE_TAGS), None)
    if verb is None or doc[0].tag_ != PREPOSITION_TAG or doc[verb].head.dep_ in MODIFIER_VERB_DEPS + (
            RELATIVE_CLAUSE_DEP,) or doc[verb].dep_ in MODIFIER_VERB_DEPS + (RELATIVE_CLAUSE_DEP,):
        return set()  # "For Japan's coach Zico, who took over": the phrase holds a noun a relative clause describes
    before = sorted(i for i in keep if 0 <= i < verb)
    k = _new_phrase(doc, before)
    subject = list(itertools.takewhile(lambda i: doc[i].text not in CLAUSE_PUNCT, before[k:]))  # to an aside's comma
    if not k or any(doc[i].text in CLAUSE_PUNCT for i in range(before[k])) or not _bare_noun_phrase(doc, subject):
        return set()
    return set(before[:k])


def _date_subject(doc: Doc, keep: set[int], dates: list[Span]) -> set[int]:
    """A clause that opens with its finite verb or that verb's finite auxiliary and whose subject is a date before
    it ("[Sunday] will see the first round of the polls", "[The year 2006] has been catastrophic", "[July, August and
    September] had passed"): the date's words, which every other headline leaves out, say what the clause is about.
    Empty otherwise, and for a date after the verb ("an official said [Friday]": a misparse) or with its own
    preposition ("since October")."""
    first = min((i for i in keep if i >= 0), default=None)
    if first is None or doc[first].tag_ not in FINITE_CLAUSE_TAGS:
        return set()
    verb = doc[first].head if doc[first].dep_ in AUXILIARY_DEPS else doc[first]
    subjects = [c for c in verb.children if c.dep_.startswith("nsubj")]
    if verb.i not in keep or len(subjects) != 1 or subjects[0].i > first or subjects[0].i in keep:
        return set()
    heads = {subjects[0].i} | {c.i for c in subjects[0].children if c.dep_ == "conj"}
    spans = [d for d in dates if any(d.start <= i < d.end for i in heads)]
    if not spans or not all(any(d.start <= i < d.end for d in spans) for i in heads) or not _opens_clause(
            doc, min(d.start for d in spans)):
        return set()
    return set(range(min(d.start for d in spans), max(d.end for d in spans)))


def _opens_clause(doc: Doc, start: int) -> bool:
    """Whether word `start` opens its clause: the sentence's first word (past a quotation mark), the first after a
    complementizer ("said that [Sunday] will see"), or the first after the comma closing a phrase that opens the sentence with a preposition
    ("In 1996, [Nov. 7] was renamed"); not after a verb ("said [Friday]"), an "and" ("October and [November]") or a
    subject's aside ("Yadav, a wily politician, [Monday] refused")."""
    before = start - 1
    while before >= 0 and doc[before].text in QUOTE_MARKS:
        before -= 1
    if before < 0 or doc[before].lower_ in COMPLEMENTIZERS:  # not "since [October]": a preposition's object
        return True
    return doc[before].text == "," and doc[0].tag_ == PREPOSITION_TAG and not any(
        doc[i].text in CLAUSE_PUNCT for i in range(before))


def _aside_start(doc: Doc, end: int) -> int:
    """Where an aside set off right before word `end` opens (its first comma, dash or bracket); `end` when there is
    none."""
    closer = doc[end - 1].text if end > 0 else ""
    if closer not in ASIDE_CLOSERS:
        return end
    opener = ASIDE_CLOSERS[closer]
    return next((i for i in range(end - 2, -1, -1) if doc[i].text in opener), end)


def _subject_place(doc: Doc, end: int, removed: set[int], governor: int) -> list[int]:
    """The words before word `end` back to the nearest clause break (punctuation, a subordinator, a relative pronoun,
    a finite verb of saying, word `governor`); a short bracketed acronym is crossed and left out ("the Movement [(MRTA)]"),
    and so are dates and a leading "and"/"but"."""
    words: list[int] = []
    i = end - 1
    while i >= 0:
        token = doc[i]
        if token.text == ")":  # "the Marxist Tupac Amaru Revolutionary Movement (MRTA)"
            opening = next((j for j in range(i - 1, max(i - 4, -1), -1) if doc[j].text == "("), None)
            if opening is None:
                break
            i = opening - 1
            continue
        if i == governor or token.text in CLAUSE_PUNCT or token.lower_ in SUBORDINATORS or token.lower_ in RELATIVE_PRONOUNS or (
                token.lower_ in REPORTING_VERBS and token.tag_ in FINITE_CLAUSE_TAGS):  # not "the self-[declared] X"
            break
        if token.i not in removed:
            words.insert(0, i)
        i -= 1
    while words and doc[words[0]].dep_ == "cc":  # "[but] Denise O'Donnell, the U.S. attorney, has scheduled"
        words.pop(0)
    return words


def _lone_name(doc: Doc, segment: list[int]) -> bool:
    """One capitalised word the tagger did not read as a noun, standing alone before the auxiliary ("Elian[JJ] was
    found", "Ahly[RB], however, were held", "ABAC[JJ] has had"): the only thing there a name."""
    word = doc[segment[0]] if len(segment) == 1 else None
    return word is not None and word.is_alpha and (word.is_title or word.is_upper and len(word) > 1)


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


def _trim_edges(doc: Doc, keep: set[int], fronted: bool = True, removed: set[int] = frozenset()) -> set[int]:
    """No conjunction or comma-set phrase opening the headline ("And the government ...", "In athletics,
    javelin thrower X won" -> "Javelin thrower X won"; `fronted`: the clause as chosen, not yet shortened;
    `removed`: the sentence's date words, passed over when telling a "that" after a verb of saying)."""
    words = sorted(i for i in keep if i >= 0)
    if not words:
        return keep
    comma = next((i for i in words[:8] if doc[i].text == ","), None)
    # a fronted phrase's preposition, not the "at" of a count ("[At] least eight people, including a girl, died")
    if fronted and comma is not None and doc[words[0]].tag_ == PREPOSITION_TAG and comma + 1 in keep and not (
            doc[words[0]].head.tag_ in SUPERLATIVE_TAGS and doc[words[0]].head.head.like_num):
        keep = keep - set(range(words[0], comma + 1))
        words = sorted(i for i in keep if i >= 0)
    while words and (doc[words[0]].dep_ == "cc" or doc[words[0]].text in CLAUSE_PUNCT or _complementizer(doc, words, removed)
                     or _opening_preposition(doc[words[0]])):
        keep = keep - _fronted_phrase(doc[words[0]], keep)
        words = sorted(i for i in keep if i >= 0)
    while len(words) > 1 and (doc[words[-1]].text in ",;:" or doc[words[-1]].tag_ in DANGLING_TAGS
                              and not (doc[words[-1]].lower_ in PARTICLES and doc[words[-1]].dep_ != "case")):
        keep = keep - {words[-1]}  # "... by a", "... matches in": the phrase it opened is gone
        words = words[:-1]
    return keep


def _opening_preposition(word: Token) -> bool:
    """A preposition opening a headline whose phrase was cut from its date or verb ("[At] a news conference"),
    not one of "at least" or "with whom"."""
    return (word.dep_ == "case" and word.tag_ == PREPOSITION_TAG
            and word.head.tag_ not in SUPERLATIVE_TAGS + RELATIVE_TAGS)


def _fronted_phrase(word: Token, keep: set[int]) -> set[int]:
    """What goes with an opening word: a fronted phrase of a kept verb after it goes whole ("[In Dublin] the
    word was ..."), anything else alone."""
    head = word.head
    if word.dep_ == "case" and head.dep_.startswith("obl") and head.head.i > head.i and head.head.i in keep:
        phrase = {i for i in ids(head) if i < head.head.i}
        if sum(word.doc[i].is_alpha for i in keep - phrase if i >= 0) >= 2:  # not "[During the week] ending"
            return phrase
    return {word.i}


def _complementizer(doc: Doc, words: list[int], removed: set[int] = frozenset()) -> bool:
    """A headline opened by the "that" of "said that ..." (tagged a conjunction or a relative pronoun, never the
    demonstrative of "that euphoria" or "that put the industry on target"): what follows is the clause."""
    first = doc[words[0]]
    if first.lower_ not in COMPLEMENTIZERS or len(words) < 2:
        return False
    # after a verb ("said [on Tuesday] that sentiment rose", misread as "that sentiment") it is one too, its date
    # passed over wherever the parse hung it ("on Wednesday" read as the reported verb's phrase)
    before = next((t for t in reversed(doc[:first.i]) if not t.is_punct and t.i not in ids(first.head)
                   and t.i not in removed), None)
    return first.tag_ in COMPLEMENTIZER_TAGS or (before is not None and before.lower_ in REPORTING_VERBS)


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


def _is_predicate(token: Token) -> bool:
    """A verb, or a word the parse treats as one (a clause head with a subject, auxiliary or object)."""
    if token.tag_.startswith("VB") or token.dep_ == "ROOT":
        return True
    if token.dep_ == "conj" and token.head.tag_.startswith("VB"):
        return True
    return any(c.dep_.split(":")[0] in ("nsubj", "aux", "cop", "obj") for c in token.children)


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


def _subtree(token: Token, removed: set[int]) -> set[int]:
    return {t.i for t in token.subtree if t.i not in removed}


def _verb_clause(verb: Token, removed: set[int], others: set[int]) -> set[int]:
    """The verb with its arguments; a missing subject borrowed from a coordinated or described word."""
    keep = {verb.i}
    has_subject = False
    # a noun's infinitive keeps its "to" ("the poll, to be published Friday" -> "The poll to be published")
    to = {c.i for c in verb.children if c.dep_ == "mark" and c.tag_ == INFINITIVE_TAG}
    participle = verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBG", "VBD", "VBZ", "VBP")  # "troops stationed in Iraq"
    infinitive = verb.dep_ in ("acl", "xcomp") and verb.tag_ == "VB" and verb.head.tag_.startswith("NN") and not any(
        c.dep_.startswith("nsubj") for c in verb.children)  # "the strongest storm to hit Texas"
    if participle or infinitive:  # the noun it describes is its subject
        keep |= antecedent(verb, removed) | to
        has_subject = True
    for child in verb.children:
        if child.i in removed or not _belongs(child, others) or _side_phrase(child, verb) and not _told_clause(child):
            continue
        actor = fronted_actor(child.doc, child, removed) if child.dep_ == "csubj" else set()
        if actor:  # "Winning his title, Federer climbed": a fronted participle misread as a subject; Federer is it
            keep |= actor
            has_subject = True
            continue
        if child.dep_.startswith("nsubj") or child.dep_ == "expl":
            has_subject = True
            person = person_before(child, removed)
            if person:  # "for Federer, who has clinched" hung elsewhere: "who" names a person, not a clause
                keep |= person
                continue
            stand_in = relative_antecedent(child, removed) if child.lower_ in RELATIVE_PRONOUNS else set()
            if stand_in or child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == RELATIVE_CLAUSE_DEP:
                keep |= stand_in  # also a clause misread as a ccomp: "a standoff [that has claimed]"
                continue
            sayer = sayer_for(child, verb, removed)
            if sayer is not None:  # one named after its quote takes the pronoun's place (speakers.rewritten_words)
                keep |= sayer if min(sayer) < child.i else {child.i}
                continue
        keep |= _subtree(child, removed)
    # a gerund ("by [fielding]") or a passive one set off by a subordinator ("before [being] released"; not "slated for
    # [being] commissioned", which says a plan) does what its head's subject does
    passive = verb.dep_ == "advcl" and any(c.dep_ == "aux:pass" and c.tag_ == "VBG" for c in verb.children) and any(
        c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in verb.children)
    borrows = verb.dep_ == "conj" or passive or (verb.tag_ == "VBG" and verb.dep_.split(":")[0] in ("advcl", "obl",
                                                                                                   "xcomp"))
    # the head may be a nominal predicate: "Botha was president from 1978 to 1989, and oversaw ..."
    if not has_subject and borrows and (verb.head.tag_.startswith("VB") or _predicate_conjunct(verb)):
        for sibling in verb.head.children:  # "Leeds broke rules by fielding ..."
            if sibling.dep_.startswith("nsubj") and sibling.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "conj":
                keep |= relative_antecedent(sibling, removed)  # "the conference, which began ... and will end"
            elif sibling.dep_.startswith("nsubj") and sibling.i < verb.i and sibling.lower_ not in RELATIVE_PRONOUNS and (
                    verb.dep_ == "conj" and verb.head.tag_.startswith("VB") or sibling.lower_ not in PERSONAL_PRONOUNS):
                keep |= _subtree(sibling, removed) - _side_parts(sibling)
    elif not has_subject and any(i > verb.i for i in keep):  # a bare "to vow" says less than the words around it
        borrowed = _controlled_subject(verb, removed)
        governor = verb.head if borrowed and verb.head.dep_ not in MODIFIER_VERB_DEPS + (RELATIVE_CLAUSE_DEP,) and (
            _past_deed(verb.head)) else None  # not a participle or relative clause's verb ("the action [it had taken]")
        # "Thailand overcame Malaysia [to win]": the governing verb says the deed happened, "Thailand to win" a plan
        if governor is not None:  # the words "X to do" would have had, for a chart label with no room (_plan_clause)
            verb.doc.user_data.setdefault(_DEEDS_KEY, {})[verb.i] = borrowed
        keep |= borrowed if governor is None else _verb_clause(governor, removed, others) | _infinitive_marks(verb)
    return _until(verb, keep, removed)


def _plan_clause(keep: set[int], trigger: Token) -> set[int] | None:
    """For an infinitive kept with the past deed it borrowed its subject from (`_verb_clause`), the clause without that
    deed's verb and phrases: the borrowed subject, the "to" and the infinitive's own words ("Thailand to win the gold
    medal"). None for any other clause."""
    borrowed = trigger.doc.user_data.get(_DEEDS_KEY, {}).get(trigger.i)
    return None if borrowed is None else keep & (ids(trigger) | borrowed)


def _says_complements(text: str, infinitive: Token, keep: set[int]) -> bool:
    """Whether a shortened headline still holds the complements (`_core`) of an infinitive and of its governing verb."""
    words = {word.strip(",;:.!?\"'") for word in text.split()}
    core = _core(infinitive, keep) | _core(infinitive.head, keep)
    return all(infinitive.doc[i].text in words for i in core if infinitive.doc[i].is_alpha or infinitive.doc[i].like_num)


def _past_deed(verb: Token) -> bool:
    """Whether a verb tells a past deed: its own past tense ("overcame", "fell"; also one the tagger read as a
    participle with a subject and no auxiliary, "the index rose[VBN]"), or a participle with a past auxiliary ("was
    sent", "had agreed"); not a modal's ("would go on"), a present or a present perfect ("has been")."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "aux:pass")]
    if any(c.tag_ == MODAL_TAG for c in auxiliaries):
        return False
    if auxiliaries:
        return verb.tag_ == PARTICIPLE_TAG and auxiliaries[0].tag_ in PAST_TAGS
    return verb.tag_ in PAST_TAGS or verb.tag_ == PARTICIPLE_TAG and has_dep(verb, "nsubj")


def _predicate_conjunct(verb: Token) -> bool:
    """A verb coordinated with a nominal predicate ("Botha was president from 1978 to 1989, and [oversaw] ...") or a
    gerund hung on one ("Iraq is stronger after [overcoming] ...") shares its subject; not when the parse may have lost the verb's own: a noun right before it ("six are in the region,
    and the deficit [totaled]"), a relative pronoun between ("a scandal which, in 1993, [forced]") or a predicate in a
    relative clause ("The accident, in which one miner is missing, [occurred]")."""
    head, doc = verb.head, verb.doc
    before = min((c.i for c in verb.children if c.dep_ in ("aux", "aux:pass", "advmod") and c.i < verb.i), default=verb.i)
    return has_dep(head, "cop") and head.dep_ != "acl:relcl" and before > 0 and not doc[before - 1].tag_.startswith(
        "NN") and not any(t.lower_ in RELATIVE_PRONOUNS and t.tag_ in RELATIVE_TAGS and t.i < verb.i for t in head.subtree)


def _controlled_subject(verb: Token, removed: set[int]) -> set[int]:
    """An infinitive without a subject of its own does what its governing verb's subject (or object) does:
    "Arsenal bounced back from two defeats [to beat] Tottenham" -> "Arsenal to beat Tottenham" (its "to" kept: the
    infinitive says what was meant, as a headline's "X to do" does), "helped [the Lakers] beat the Knicks" -> "The
    Lakers beat the Knicks" (a verb's object before it does what it says). Climbs a chain of complements and
    conjuncts to the first subject; not a relative pronoun or a personal one (no one a reader can tell), nor across
    another verb (which may be the one it belongs to). Empty otherwise."""
    marks = _infinitive_marks(verb)
    if verb.tag_ != "VB" or verb.dep_ not in ("xcomp", "advcl") or not (marks or verb.dep_ == "xcomp"):
        return set()
    head, doc = verb.head, verb.doc
    between = doc[head.i + 1:min(marks, default=verb.i)]
    if any(t.tag_.startswith("VB") and t.dep_ not in ("aux", "aux:pass", "cop") for t in between) or any(
            t.lower_ in INFINITIVE_NOUNS for t in between):
        return set()  # a verb between may govern it ("paid tribute after Arsenal bounced back to beat"), a noun own it
    objects = [c for c in head.children if c.dep_ == "obj" and c.i < verb.i]
    if verb.dep_ == "xcomp" and objects:
        return _subtree(objects[-1], removed) | marks
    before = doc[min(marks, default=verb.i) - 1]
    if objects and max(ids(objects[-1])) == before.i or before.i not in removed and any(
            c.dep_ == "case" and c.lower_ == INFINITIVE_SUBJECT_CASE for c in before.children):
        return set()  # right after the object, it may be the one to act ("expected the economy to continue"); after
        # "for", it is ("the date for the five experts to visit"; not a date: "is planned for Tuesday to discuss")
    for _ in range(_CONTROL_CLIMB):
        if has_dep(head, "neg") or any(c.lower_ in NEGATIONS for c in head.children):
            return set()  # "the fog was not expected to lift": a borrowed subject would say the opposite
        subject = next((c for c in head.children if c.dep_.startswith("nsubj") and c.i < verb.i), None)
        if subject is not None:  # not a clause the parse made a subject ("Since it is bribe money [paid] ...")
            if subject.lower_ in RELATIVE_PRONOUNS | PERSONAL_PRONOUNS or subject.i in removed or any(
                    t.dep_ in ("mark", "cop") for t in subject.subtree):
                return set()
            return (_subtree(subject, removed) - _side_parts(subject)) | marks
        if head.dep_ not in ("xcomp", "conj") or not marks:
            return set()
        head = head.head
    return set()


def _infinitive_marks(verb: Token) -> set[int]:
    return {c.i for c in verb.children if c.dep_ == "mark" and c.tag_ == INFINITIVE_TAG}


def _side_parts(noun: Token) -> set[int]:
    """A noun's appositions and relative clauses: "Fortson, a forward who ..." is Fortson."""
    return {t.i for c in noun.children if c.dep_ in ("appos", "acl:relcl", "acl") for t in c.subtree}


def _belongs(child: Token, others: set[int]) -> bool:
    """Whether a dependent is part of the clause's gist (not a side clause, date or attribution)."""
    dep = child.dep_
    if dep == "mark" and child.tag_ == "JJ":  # "are due to be announced"
        return True
    if dep == "mark" and child.tag_ == INFINITIVE_TAG and has_dep(child.head, "cop"):
        return True  # the "to" of a copula's infinitive ("the aim was [to] keep inflation low")
    if dep == "punct" and not is_punctuation(child):  # a word or number misread as punctuation ("magnitude 7.6")
        return True
    if dep == "advcl" and (_urged_to(child) or _likeness(child)):
        return True
    if dep.startswith("advcl") and _market_direction(child):  # "opened 0.04 of a point [lower] in the morning"
        return True
    if _told_clause(child):  # "The accident occurred [when a bus plunged into a ravine]"
        return True
    if dep in _NEVER or dep.startswith("advcl") or dep == "cc":
        return False
    if dep == "advmod":  # negation, a particle right after the verb ("shot down", "ran aground"), a direction
        return child.lower_ in NEGATIONS or (child.i == child.head.i + 1 and child.lower_ in PARTICLES) or (
            _market_direction(child)) or (
            child.lower_ in DIRECTION_ADVERBS and child.i > 0 and child.doc[child.i - 1].dep_ == "cop"
            and child.doc[child.i - 1].head.i == child.head.i)  # right after its copula ("was [down] from")
    if dep == "conj":  # a coordinated verb with its own date or subject is its own event
        return not child.tag_.startswith("VB") or not (
            any(c.dep_.startswith("nsubj") for c in child.children) or any(t in others for t in ids(child))
            or _unjoined_verb(child))
    if dep.startswith("obl") or dep == "ccomp" or dep == "parataxis":
        first = min(ids(child))
        return child.doc[first].lower_ != ACCORDING and not _attribution(child)
    return True


def _unjoined_verb(verb: Token) -> bool:
    """Whether a verb conjunct is joined to its head by nothing but a comma, no "and" of its own or of a conjunct
    after it ("came, saw and conquered" is a list): a misparse of another clause's verb ("were working when
    explosives stored in a pit, [caught] fire"), which fused into the head's headline is no English ("were working
    caught fire"). Only after a finite head: after a bare participle the conjunct is the sentence's own verb ("One
    marine [assigned] to Regimental Combat Team 5, [died] from wounds"), nor after an aside set off by a pair of commas,
    which closes the conjunct's own subject ("the rumours grew after a Marine officer, Marine Captain Nicanor Faeldon,
    [escaped]"), unless that subject is in a side clause the headline leaves out ("The accident occurred when [the
    car], in which Abramov was riding, [collided] with a truck"). Nor a passive participle with its agent ("hosted the
    World Cup, [won] by England"), which describes the noun before it."""
    head, doc = verb.head, verb.doc
    if not (verb.i > 0 and doc[verb.i - 1].text == "," and not any(c.dep_ == "cc" for c in verb.children) and not any(
            c.dep_ == "conj" and c.i > verb.i for c in head.children) and (
            head.tag_ in FINITE_CLAUSE_TAGS or any(c.dep_ in AUXILIARY_DEPS for c in head.children))):
        return False
    aside = next((t.i for t in doc[head.i + 1:verb.i - 1] if t.text == ","), None)
    if aside is not None:  # the verb of the noun before the aside: out with that noun's side clause
        return _in_side_clause(doc[aside - 1], head)
    return not _agent_participle(verb)


def _in_side_clause(word: Token, head: Token) -> bool:
    """Whether a word lies in a side clause (an advcl) of `head`, or of a word under it: the headline leaves it out."""
    while word.i != head.i and word.head.i != word.i:
        if word.dep_.startswith("advcl"):
            return True
        word = word.head
    return False


def _agent_participle(verb: Token) -> bool:
    """A past form with nothing of a clause of its own (no subject, auxiliary or object) and its agent's "by" right
    after it ("the World Cup, [won by England]"): a reduced passive describing the noun before, whatever its tag."""
    agent = verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].lower_ == AGENT_PREPOSITION and any(
        c.dep_.startswith("obl") and verb.i + 1 in ids(c) for c in verb.children)
    return agent and verb.tag_ in ("VBD", "VBN") and not any(
        c.dep_.startswith(("nsubj", "aux", "obj", "iobj", "ccomp", "xcomp")) for c in verb.children)


def _market_direction(word: Token) -> bool:
    """Whether a word is a market's direction after its verb (COMPARATIVE_DIRECTIONS): right after it ("stocks opened
    [higher]") or after the verb's measure ("opened 0.04 of a point [lower]"), what the prices did; with no clause or
    comparison hung on it ("higher [as market sentiment improved]", "higher [than at the previous close]")."""
    verb = word.head
    if word.lower_ not in COMPARATIVE_DIRECTIONS or not verb.tag_.startswith("VB") or word.i <= verb.i or any(
            not c.dep_.startswith("obl") or _case(c) in CORE_PHRASE_EXCLUDED for c in word.children):
        return False
    between = range(verb.i + 1, word.i)
    return not between or any(c.dep_.startswith(MEASURE_PHRASE_DEPS) and set(between) == ids(c) for c in verb.children)


def _likeness(clause: Token) -> bool:
    """A clause opened by "as if"/"as though" (LIKENESS_MARKS) on a verb of seeming (LIKENESS_VERBS): what the subject
    seemed or felt ("made me feel [as if I were in heaven]"), its complement; alone the verb says nothing."""
    marks = [c.lower_ for c in clause.children if c.dep_ == "mark"]
    first, second = LIKENESS_MARKS
    return clause.head.lower_ in LIKENESS_VERBS and len(marks) >= 2 and marks[0] in first and marks[1] in second


def _urged_to(clause: Token) -> bool:
    """An infinitive the parse took for a purpose clause right after the verb or its object ("urged OPEC [on
    Saturday] to take measures", "vowed on Sunday to continue the fight"): it completes the verb, like an xcomp."""
    verb = clause.head
    mark = next((c for c in clause.children if c.dep_ == "mark"), None)
    objects = [c for c in verb.children if c.dep_ == "obj" and c.i < clause.i]
    complements = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
    if mark is None or mark.tag_ != INFINITIVE_TAG or clause.tag_ != "VB" or complements or not (
            objects or verb.tag_.startswith("VB")):  # "vowed [on Sunday] to continue the fight"
        return False
    between = range(max(ids(objects[-1])) + 1 if objects else verb.i + 1, mark.i)
    return all(verb.doc[i].tag_ == PREPOSITION_TAG or verb.doc[i].ent_type_ or verb.doc[i].like_num
               or not verb.doc[i].is_alpha or verb.doc[i].dep_.startswith("obl") for i in between) and not any(
        verb.doc[i].text == "," for i in between)


def _side_phrase(child: Token, verb: Token) -> bool:
    """A phrase after the verb set off by a comma (", killing 12"), or a clause opened by 'as', 'when'..."""
    first = min(ids(child))
    if first > verb.i and first > 0 and child.doc[first - 1].text == ",":
        return True
    return child.doc[first].lower_ in SUBORDINATORS and not _likeness(child) and any(
        t.tag_.startswith("VB") for t in child.subtree if t.i != first)


def _attribution(clause: Token) -> bool:
    """'police said', 'the statement added': a clause of saying inserted in the sentence."""
    return clause.lower_ in REPORTING_VERBS and not any(c.dep_ in ("ccomp", "obj") for c in clause.children)


def _until(verb: Token, keep: set[int], removed: set[int]) -> set[int]:
    """'did not withdraw until 2011' -> 'withdrew': the happening is dated, not the waiting."""
    children = list(verb.children)
    negated = [c for c in children if c.lower_ in NEGATIONS and c.i in keep]
    did = [c for c in children if c.dep_ == "aux" and c.lower_ == PAST_AUXILIARY]
    until = any(t.lower_ in UNTIL and t.i in removed for t in verb.subtree)
    if negated and did and until and verb.tag_ == "VB":
        return (keep - {negated[0].i, did[0].i}) | {-1 - verb.i}  # a negative index: render the past form
    return keep


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
    if limit >= HEADLINE_MAX:  # a light verb's "when" clause stays, its modifiers go (a label takes it alone)
        protected |= {t.i for c in anchor.children if c.i in keep and _told_clause(c) for t in (*_opening_words(c), c)}
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


def _subject_name(doc: Doc, keep: set[int], anchor: Token) -> set[int]:
    """A name in the subject's place of a verb the parse gave no other subject, after words that only describe it, the
    first kept ("[Struggling English Premiership side] West Ham on Monday sacked manager Alan Pardew": West Ham
    sacked): the name's words, which a label keeps before their modifiers. Empty otherwise (no words before the name,
    or a phrase, a clause or punctuation among them)."""
    if anchor.tag_ not in SUBJECT_NAME_VERB_TAGS:
        return set()
    auxiliaries = {c.i for c in anchor.children if c.dep_ in ("aux", "aux:pass")}
    end = anchor.i - 1
    while end >= 0 and (end not in keep or end in auxiliaries) and not doc[end].is_punct:  # a date left out
        end -= 1
    start = end
    while start >= 0 and start in keep and _name_part(doc, start):
        start -= 1
    lead = [i for i in keep if 0 <= i <= start]
    if start == end or not lead or start not in keep or any(doc[i].tag_ not in NAME_MODIFIER_TAGS for i in lead):
        return set()
    if all(doc[i].tag_ in DETERMINER_TAGS for i in lead) or doc[start].tag_ == POSSESSIVE_TAG:
        return set()  # "[The] Central Bank": nothing describes it; "the Sudan People['s] Liberation Army": a name's own
    if any(c.dep_.startswith("nsubj") and start < c.i and c.i in keep for c in anchor.children):
        return set()  # the verb's subject is another word: the name is not in its place
    # (a subject among the describing words is the parse's misreading: "[Former world champion] boxer Lennox Lewis")
    return set(range(start + 1, end + 1))


def _name_part(doc: Doc, i: int) -> bool:
    """Whether a word is part of the name that ends after it: a capitalised or upper-case name word ("PKN Orlen"), or
    a hyphenated name's parts ("Adnan al-Dulaimi")."""
    word, after = doc[i], doc[i + 1]
    return word.tag_ in NAME_TAGS and (word.is_title or word.is_upper) or HYPHEN in (word.text, after.text)


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


def _titles_back(doc: Doc, keep: set[int], titles: dict[int, set[int]], limit: int, texts: dict[int, str] | None
                 ) -> set[int]:
    """`keep` with each title a later cut left room for: whole, else its own words ("[Chinese] Prime Minister Wen
    Jiabao was due to tour"): a title goes only for what it makes room for."""
    for word, title in titles.items():
        if word in keep or word + 1 not in keep:
            continue
        # "Chinese" may have gone as an amod before the title; a common noun's core alone reads as no title does
        # ("trying [former Iraqi] dictator Saddam Hussein")
        cores = [] if _role_noun(doc[word]) and doc[word].lower_ not in PERSON_TITLES else [_title_core(doc, title, word)]
        for part in (title, *cores):
            if part - keep and len(render(doc, keep | part, texts)) <= limit:
                keep = keep | part
                break
    return keep


_TITLES_KEY = "timeline.headline.titles"


def _titles(doc: Doc) -> dict[int, set[int]]:
    """`_read_titles` of `doc`, read once and kept in its user data: a label's pruning and its complement rule both
    ask (the parse is repaired before any headline is made, and not changed after)."""
    titles = doc.user_data.get(_TITLES_KEY)
    if titles is None:
        titles = doc.user_data[_TITLES_KEY] = _read_titles(doc)
    return titles


def _read_titles(doc: Doc) -> dict[int, set[int]]:
    """A person's title before a full name (PERSON_TITLES, TITLE_SUFFIXES after one), by its title word: the words of
    the name's phrase before the name ("[Jordan's King] Hussein", "[the Palestinian president] Mahmud Abbas",
    "[Israeli Prime Minister] Ehud Olmert"). A name of one word keeps its title ("King Hussein", "Pope Benedict"), as
    does a title with no name after it ("the Pope", "the President said"). A common noun that says what the named one
    is (`_role_noun`: "[Colombian cyclist] Maria Luisa Calle") is a title too, also where the parse hung the name on
    it or beside it ("[Dutch architect] Rem Koolhaas" with the name its object or apposition)."""
    out = {}
    for word in doc:
        if not _title_word(word):
            continue
        end = word.i + 1
        while end < len(doc) and doc[end].tag_ in NAME_TAGS and doc[end].is_title and not _title_word(doc[end]):
            end += 1
        if end - word.i < 3 or end < len(doc) and doc[end].tag_ in NAME_TAGS:  # one name word, or a run to read
            continue
        name = set(range(word.i + 1, end))
        top = next((doc[i] for i in name if doc[i].head.i not in name and doc[i].head.i != word.i), None)
        own = False  # the title in the name's phrase, or a noun's own (the words describing it only)
        if top is not None and word.i in ids(top):
            phrase = ids(top)
        elif _role_noun(word) and (top is None or top.head == word.head and top.dep_ == word.dep_):
            # the parse hung the name on the noun ("architect [Rem Koolhaas]"), or beside it: the title is the noun
            # with the words that describe it
            phrase, own = ids(word), True
        else:  # a title word the parse hung elsewhere: not this name's
            continue
        start = word.i
        while start > 0 and start - 1 in phrase and _title_part(doc[start - 1], name | {word.i}) and (
                not own or doc[start - 1].dep_ in _ROLE_NOUN_WORDS):  # not "[where] midfielder X scored"
            start -= 1
        out[word.i] = set(range(start, word.i + 1))
    return out


def _title_part(word: Token, near: set[int]) -> bool:
    """Whether a word of a titled name's phrase before its title word belongs to the title ("[Safety and Security]
    Minister", "New Zealand [Women's Affairs] Minister"): not what opens or joins the name's phrase ("on", "and" of
    "Olmert and Abbas", hung on the title at times), nor a possessor right before the office's words ("Australia's
    Foreign Minister Alexander Downer", kept: it says whose minister), nor a comma."""
    if word.tag_ == POSSESSIVE_TAG:  # whose office, before the office's own words: stays
        following = word.doc[word.i + 1]
        return not (following.tag_ in NAME_TAGS or _title_word(following))
    if word.dep_ == "cc":  # an "and" joining words of the title ("Safety and Security"), not the names after it
        return word.head.dep_ == "conj" and word.head.i < min(near)
    return word.dep_ not in ("case", "mark") and (not word.is_punct or word.text == HYPHEN)


def _title_core(doc: Doc, title: set[int], word: int) -> set[int]:
    """A title's own words: the run of names and title words ending at its title word ("Chinese [Prime Minister]"),
    without what describes the office ("Chinese", "Former")."""
    start = word
    while start - 1 in title and (doc[start - 1].tag_ in NAME_TAGS or _title_word(doc[start - 1])):
        start -= 1
    return set(range(start, word + 1))


def _coordinated_subject(title: Token) -> bool:
    """Whether a title's name is a subject's conjunct or a subject with one ("[Israeli Prime Minister] Ehud Olmert and
    Mahmud Abbas sparked hope")."""
    doc, end = title.doc, title.i + 1
    while end < len(doc) and doc[end].tag_ in NAME_TAGS:
        end += 1
    return any(_subject_conjunct(w) or (w.dep_.startswith("nsubj") and any(map(_subject_conjunct, w.children)))
               for w in doc[title.i + 1:end])


def _title_word(word: Token) -> bool:
    """A person's title word ("President", "minister", "Secretary General"), or a common noun in lower case that
    says what a named one is ("Colombian [cyclist] Maria Luisa Calle", "Olympic [champion] Taufik Hidayat", "the
    [airline] Air France"): `_read_titles` takes it as one only right before a name of two words or more."""
    lower = word.lower_
    return lower in PERSON_TITLES or (lower in TITLE_SUFFIXES and word.i > 0 and word.doc[word.i - 1].lower_ in
                                      PERSON_TITLES) or _role_noun(word)


def _role_noun(word: Token) -> bool:
    """A lower-case singular noun right before a capitalised word ("cyclist Maria", "champion Taufik"), which the
    parse may tag as a name (a plural's names are several: "weightlifters Elmira Ramileva and ..."); not the last of a compound of common nouns ("national security [adviser]"), whose other
    words would stay behind."""
    doc = word.doc
    after = doc[word.i + 1] if word.i + 1 < len(doc) else None
    before = doc[word.i - 1] if word.i > 0 else None
    return (word.is_lower and word.is_alpha and word.tag_ in _ROLE_NOUN_TAGS and after is not None
            and after.tag_ in NAME_TAGS and after.is_title
            and not (before is not None and before.is_lower and before.tag_ in COMMON_NOUN_TAGS))


def _titled(doc: Doc) -> set[int]:
    """Every word of a person's title before a full name (`_titles`)."""
    return set().union(*_titles(doc).values())


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


def _case(phrase: Token) -> str:
    """The preposition opening a phrase, lower-cased ("" for none)."""
    return next((c.lower_ for c in phrase.children if c.dep_ == "case"), "")


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


def _leftovers(keep: set[int], clause: set[int], protected: set[int], doc: Doc) -> set[int]:
    """`keep` without the words a cut left unreadable, until none is left: the verb of a relative clause whose
    relative word went ("The order [in which parties] appear[s] will be drawn"), a side clause's participle left with
    nothing of its clause ("Four soldiers [wounded] said"), conjuncts left without their "and" ("hit a police patrol
    [others]"), a phrase's opening words before a verb or the end ("The Stock Index [on the] closed") and a degree
    adverb before a noun ("The [highly] substance")."""
    while True:
        gone = (_orphan_relative(keep, clause, protected, doc) or _bare_participle(keep, clause, protected, doc)
                or _unjoined_conjuncts(keep, clause, protected, doc) or _stranded_opener(keep, clause, protected, doc)
                or _headless_conjunction(keep, clause, protected, doc)
                or _stranded_name_modifiers(keep, clause, doc) or _lone_of_pair(keep, clause, protected, doc))
        if not gone:
            return keep
        keep = keep - gone - {-1 - i for i in gone}


def _orphan_relative(keep: set[int], clause: set[int], protected: set[int], doc: Doc) -> set[int]:
    """The relative clause a cut relative word opened: the relative clause's words, or (misparsed) its verb and the
    kept words it heads after it."""
    for i in sorted(clause - keep):
        if i < 0 or doc[i].tag_ not in RELATIVE_TAGS or any(  # gone with its clause ("[who faces ...]")
                a.dep_ == "acl:relcl" and a.i not in keep for a in doc[i].ancestors):
            continue
        verb = next((doc[j] for j in range(i + 1, len(doc)) if j in keep and doc[j].tag_ in FINITE_TAGS
                     and doc[j].dep_ not in ("aux", "aux:pass", "cop")), None)
        if verb is None or verb.i in protected or verb.dep_.split(":")[0] in _CLAUSE_DEPS:
            continue  # a clause of its own ("told [how] he was threatened"): it reads without its wh-word
        if verb.dep_ == "acl:relcl":
            return ids(verb) & keep
        return ({verb.i} | {t for c in verb.children if c.i > verb.i for t in ids(c)}) & keep
    return set()


def _bare_participle(keep: set[int], clause: set[int], protected: set[int], doc: Doc) -> set[int]:
    """A side clause's participle whose every word but itself was cut ("Four soldiers [wounded] said")."""
    for i in sorted(keep):
        word = doc[i] if i >= 0 else None
        if word is None or i in protected or word.tag_ not in PARTICIPLE_TAGS or word.dep_ not in SIDE_CLAUSE_DEPS:
            continue
        if _left_alone(word, keep, clause):
            return {i}
    return set()


def _left_alone(word: Token, keep: set[int], gone_from: set[int]) -> bool:
    """Whether every word of `word`'s phrase but itself is out of `keep`, some of them from `gone_from` (the words cut
    or the dates left out): alone, a side clause's participle reads as a fragment."""
    own = ids(word) - {word.i}
    return bool(own & gone_from) and not own & keep


def _unjoined_conjuncts(keep: set[int], clause: set[int], protected: set[int], doc: Doc) -> set[int]:
    """Conjuncts kept when every "and" of their coordination was cut ("hit a police patrol [and wounding 40 or so]
    others", "Midterm elections, Iraq [and terrorism]")."""
    for i in sorted(keep):
        if i < 0:
            continue
        conjuncts = [c for c in doc[i].children if c.dep_ == "conj" and c.i in clause]
        links = [d.i for c in conjuncts for d in c.children if d.dep_ == "cc"]
        kept = [c for c in conjuncts if c.i in keep and c.i not in protected]
        if kept and links and not any(j in keep for j in links):
            return {t for c in kept for t in ids(c)} & keep
    return set()


def _stranded_opener(keep: set[int], clause: set[int], protected: set[int], doc: Doc) -> set[int]:
    """A phrase's opening word right before a cut, the parse hanging it on the verb after it ("The Stock Index [on
    the] Shanghai Stock Exchange closed"), or a degree adverb before a cut with a noun after it ("The [highly]
    radioactive substance"), or an article before a cut with a person's name after it ("The [late premier] Menachem
    Begin")."""
    words = sorted(i for i in keep if i >= 0)
    for i, after in zip(words, [*words[1:], None][:len(words)], strict=True):  # nothing kept: no opener
        if i in protected or i + 1 not in clause or i + 1 in keep or not doc[i].is_alpha:
            continue
        tag, following = doc[i].tag_, doc[after].tag_ if after is not None else ""
        if tag in PHRASE_OPENER_TAGS and doc[i].dep_ in ("case", "det") and doc[i].head.i == after and following.startswith(
                "VB"):
            return {i}
        if tag == ADVERB_TAG and following.startswith("NN"):
            return {i}
        if doc[i].dep_ == "det" and doc[i].head.i == after and _person_name(doc[after]):
            return {i}  # "The [late premier] Menachem Begin": a person's name takes no article of its own
    return set()


# The words before a cut role word that describe it and stay before the name it stood beside: a determiner or
# possessor, a modifier, an organisation's name ("[his Japanese] counterpart Taro Aso", "[UN] chief Kofi Annan").
_ROLE_MODIFIER_DEPS = ("det", "nmod:poss", "amod", "compound", "nmod", "nummod")


def _stranded_name_modifiers(keep: set[int], clause: set[int], doc: Doc) -> set[int]:
    """The modifiers a cut role word left glued to the name it stood beside: a lower-case word cut right before a
    capitalised name it modifies, a capitalised word (not a possessor) kept right before it ("his Japanese
    [counterpart] Taro Aso", "UN [chief] Kofi Annan" read as one name): the words before the role word go with it.
    Not a cut after an article or possessor ("The [central] Bank Negara", "China's [state-run] Catholic Church" read).
    """
    for i in sorted(clause - keep):
        if i <= 0 or not doc[i].is_lower or not doc[i].is_alpha or i - 1 not in keep or i + 1 not in keep:
            continue
        name, before = doc[i].head, doc[i - 1]
        if name.i <= i or not all(doc[j].is_title and j in keep for j in range(i + 1, name.i + 1)):
            continue
        if not before.text[:1].isupper() or before.dep_ in ("det", "nmod:poss") or before.tag_ == POSSESSIVE_TAG:
            continue
        gone = {j for c in (*name.children, *doc[i].children) if c.i < i and c.dep_ in _ROLE_MODIFIER_DEPS
                for j in ids(c)} & keep
        if i - 1 in gone:
            return gone
    return set()


def _lone_of_pair(keep: set[int], clause: set[int], protected: set[int], doc: Doc) -> set[int]:
    """A pair's word left with one of the pair, the "and" cut: a "between" phrase goes whole ("The war [between
    Israel]"), a "both" alone ("taught [both] in the United States")."""
    for i in sorted(keep):
        word = doc[i] if i >= 0 else None
        if word is None or word.lower_ not in PAIR_PREPOSITIONS | PAIR_PRECONJUNCTIONS or i in protected:
            continue
        phrase = ids(word.head)  # its pair: the phrase's head and a conjunct of it cut with the "and"
        if not any(c.dep_ == "conj" and c.i in clause and c.i not in keep for c in word.head.children) or any(
                doc[j].dep_ == "cc" and j in keep for j in phrase if j > i):
            continue
        if word.lower_ in PAIR_PRECONJUNCTIONS and word.dep_ == PRECONJUNCTION_DEP:
            return {i}
        if word.dep_ == "case" and word.head.dep_ != "compound" and not phrase & protected:  # not a misparse
            # hanging the pair on the next noun ("Trade [between Brazil and South] Africa")
            return phrase & keep
    return set()


def _person_name(word: Token) -> bool:
    """A person's name as the parse gives it: a proper noun heading a flat proper noun ("Menachem [Begin]")."""
    return word.tag_ in NAME_TAGS and any(c.dep_ == "flat" and c.tag_ in NAME_TAGS for c in word.children)


def _headless_conjunction(keep: set[int], clause: set[int], protected: set[int], doc: Doc) -> set[int]:
    """An "and" whose first conjunct a cut took, left right after a phrase's opening word ("convicted for
    [embezzlement] and other financial crimes")."""
    words = sorted(i for i in keep if i >= 0)
    for before, i in zip(words, words[1:], strict=False):
        if (doc[i].dep_ == "cc" and i not in protected and i - 1 in clause - keep
                and doc[before].tag_ in PHRASE_OPENER_TAGS and doc[before].dep_ in ("case", "det")):
            return {i}
    return set()


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


