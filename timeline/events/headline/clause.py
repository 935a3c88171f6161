"""Choosing the clause: the token indices of the whole clause an event's headline is cut from.

    _clause(doc, said, dates, own)   # "On Sunday, two rockets were fired on the base, police said."
                                     # -> the indices of "two rockets were fired on the base"

`_clause` picks the clause by what the trigger is: a verb's clause (`verb_clause`), what was said or reported
(`reported`), an event noun's verb when the noun is its subject, object or setting or has a relative clause saying what
it did, else the noun phrase; where the parse falls short, the words around a verb up to the clause breaks
(`_linear_clause`). The sentence's dates are left out (`_date_tokens`), the subject's place filled (`subject`) and the
edges trimmed (`repair`). Hands the index set to the entry point (`__init__.headlines`), which prunes it per limit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.events.headline.repair import _fill_gaps, _stranded_speaker, _trim_edges, _whole_name
from timeline.events.headline.reported import (
    _attributed,
    _attributed_clause,
    _fronted_content,
    _fronted_gerund_clause,
    _reported,
    _saying_noun_subject,
    _saying_of_described,
)
from timeline.events.headline.subject import (
    _date_subject,
    _fronted_remnant,
    _subject_before_auxiliary,
    _with_fronted_subject,
)
from timeline.events.headline.verb_clause import (
    _belongs,
    _is_predicate,
    _light_verb,
    _likeness,
    _progressive,
    _subtree,
    _told_clause,
    _verb_clause,
)
from timeline.events.speakers import fronted_actor, participle_subject
from timeline.events.syntax import has_dep, ids, is_punctuation
from timeline.events.trigger import dated_thing, dateline
from timeline.lang.en.events import (
    CLAUSE_PUNCT,
    COMPARISON_OPENINGS,
    CONCURRENT_PREPOSITIONS,
    DATE_ADVERBS,
    DATE_JOINERS,
    DATE_LINK_DEPS,
    DONE_TO_TAGS,
    FINITE_TAGS,
    FIRST_TIME_ORDINALS,
    FIRST_TIME_SUBJECTS,
    FIRST_TIME_WORD,
    INDEFINITE_ARTICLES,
    INFINITIVE_TAG,
    INFINITIVE_WORD,
    MEASURE_DEPS,
    MEETING_NOUNS,
    MISREAD_INFINITIVE_HEADS,
    MODAL_TAG,
    PARTICIPLE_ADJECTIVE_TAGS,
    PARTICIPLE_ENDINGS,
    PAST_TAGS,
    PERSON_RELATIVES,
    PERSONAL_PRONOUNS,
    PLACE_TAKING,
    PREPOSITION_TAG,
    RELATIVE_CLAUSE_DEP,
    RELATIVE_PRONOUNS,
    RELATIVE_TAGS,
    REPORTING_VERBS,
    SAYING_NOUNS,
    SEQUENCE_PREPOSITIONS,
    SEQUENCE_VERBS,
    SETTING_RELATIVES,
    SUBORDINATORS,
    TELLING_SUBORDINATORS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# A lone event noun's way up to its clause (_clause_above): the relations of a phrase, and how many nouns it crosses.
# A subject's phrase too ("The cost of Tuesday's [attack] was put at ...", "The theme of this year's [forum] is ...").
_PHRASE_DEPS = ("nmod", "obl", "obj", "nsubj")
_CLIMB_MAX = 3


def _clause(doc: Doc, trigger: Token, dates: list[Span], own: Span | None) -> set[int]:
    """Token indices of the whole clause a headline is cut from."""
    removed = _date_tokens(dates)
    others = removed - _date_tokens([own]) if own is not None else removed
    source = _attributed(trigger)
    if source is not None:  # what the source gave out is the news; the source is attribution
        trigger, removed, others = _attributed_clause(source), removed | ids(source), others | ids(source)
    trigger = (_fronted_gerund_clause(doc, trigger, removed) or _saying_of_described(trigger, others)
               or _saying_noun_subject(trigger, others, removed) or trigger)
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


def _says_only_happened(text: str, trigger: Token) -> bool:
    """Whether a headline ends on its light verb ("The accident occurred", "The blast took place")."""
    if not _light_verb(trigger):
        return False
    words = text.lower().rstrip(".").split()
    return bool(words) and (words[-1] == trigger.lower_ or words[-2:] == [trigger.lower_, PLACE_TAKING[1]])


def _emptied_light_clauses(doc: Doc, keep: set[int], removed: set[int], trigger: Token) -> set[int]:
    """The words of a relative clause on a light verb left with nothing but that verb once its date is out ("A
    landslide [that happened] buried homes", "The explosion[, which occurred,] killed five" of "... that happened on
    Monday"): it says only that its noun happened, which the noun already says. Not the trigger's own clause, nor one
    that keeps a place or anything else ("the fire, which occurred in Krefeld")."""
    out = set()
    for verb in (doc[i] for i in sorted(keep) if i >= 0):
        if verb == trigger or verb.dep_ != RELATIVE_CLAUSE_DEP or not _light_verb(verb):
            continue
        words = ids(verb)
        bare = {verb.i, *(c.i for c in verb.children if c.dep_.startswith("aux") or c.tag_ in RELATIVE_TAGS
                          or c.dep_ == "obj" or is_punctuation(c))}  # "which took [place]": PLACE_TAKING's object
        if words & removed and not (words & keep) - bare:
            out |= words & keep
    return out


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
