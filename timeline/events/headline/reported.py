"""Reported speech and attribution: which clause is the news when a sentence says who said it.

    _reported(said)   # "On Sunday, two rockets were fired on the base, police said." -> the verb "fired"

A verb of saying heads what was said (`_reported`, '"X was quoted as saying ..."' too); "according to" a source heads
the clause the source is given for (`_attributed`); "X happened, officials said" gives X (`_fronted_content`); a
report's participle or noun of saying as a subject gives what the report said (`_saying_of_described`,
`_saying_noun_subject`); a fronted gerund holding only its date gives the main clause (`_fronted_gerund_clause`).
Hands a verb (or a clause's token indices) to the clause choice (`clause`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.events.headline.verb_clause import _case, _is_predicate, _verb_clause
from timeline.events.speakers import sayer_for, saying_of
from timeline.events.syntax import has_dep, ids, opening
from timeline.lang.en.events import (
    ACCORDING,
    ADVERB_TAG,
    CLAUSE_PUNCT,
    CLAUSE_SAYING_VERBS,
    CONCURRENT_PREPOSITIONS,
    FIRST_PERSON_PRONOUNS,
    GERUND_TAG,
    INFINITIVE_WORD,
    PERSONAL_PRONOUNS,
    QUOTED_AS,
    REPORTING_VERBS,
    SAYING_NOUNS,
    SPEAKING_PARTICIPLES,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

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


def _saying_noun_subject(noun: Token, others: set[int], removed: set[int]) -> Token | None:
    """The verb of saying whose subject is a noun of saying ("..., a report said Wednesday", "a bank statement said
    Friday") or the noun chosen as the event that is its sayer (", The Washington Post reported Wednesday", ", state
    media reported"): the report or paper is the sayer, what it said is the news (the verb of saying, whose clause
    gives it), as for a person's "said"; the date stays the report's. Not when another date dates the verb (`others`;
    `removed`: every date). None otherwise."""
    verb = noun.head
    sayer = noun.dep_ == "nsubj" and noun.tag_.startswith("NN") and not has_dep(verb, "aux:pass")
    if not ((noun.lower_ in SAYING_NOUNS and noun.dep_ in ("nsubj", "nsubj:pass") or sayer)
            and verb.lower_ in REPORTING_VERBS and verb.tag_.startswith("VB")
            and not any(t.i in others for t in verb.children if t.i != noun.i)):
        return None
    if any(c.dep_ == "obj" and c.i not in removed for c in verb.children):  # "a report quoted a police source as
        return None  # saying": who it quoted (not its date read as an object: "reported [Wednesday]")
    return verb


def _fronted_content(verb: Token, removed: set[int]) -> set[int] | None:
    """'X happened, officials said': the clause before a trailing attribution, when the parse shows it (the
    root, or the head the verb of saying hangs on, before the comma that opens the attribution)."""
    if any(c.dep_ in ("ccomp", "obj") and c.i > verb.i and c.i not in removed for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_.startswith("nsubj") and c.i < verb.i), None) or _speaker_apart(
        verb)
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


def _speaker_apart(verb: Token) -> Token | None:
    """The noun right before a verb of saying with no subject, which the parse hung as a conjunct of a word before it
    (", the Washington Post[conj] reported[ccomp] Friday", ", state radio[conj] reported[advcl]"): the verb's speaker.
    None otherwise."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if before is None or has_dep(verb, "nsubj", "nsubj:pass") or not before.tag_.startswith("NN") or (
            before.dep_ != "conj") or before.head.i >= verb.i - 1:
        return None
    return before


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


def _saying_occasion(noun: Token, others: set[int]) -> Token | None:
    """The verb a noun of saying is the occasion of ("said [in an interview] with AFP", "told [a press conference]",
    "In a televised speech, Kibaki conceded defeat"): the interview or speech is where it was said or done, the verb's
    clause is the news (what was said, for a verb of saying). Its phrase opened by a preposition of the same time
    (CONCURRENT_PREPOSITIONS), or the object of a verb of saying; also a phrase the parse hung on the verb's subject
    before the verb ("Kibaki Tuesday [in a televised speech] conceded"). Not a verb another date dates, one without a
    subject of its own, nor a verb that says only with a clause given an object ("added 132,000 jobs in a report":
    CLAUSE_SAYING_VERBS). None otherwise."""
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
    if verb.lower_ in CLAUSE_SAYING_VERBS and any(c.dep_ == "obj" and c.i != noun.i for c in verb.children):
        return None  # "employers added [132,000 jobs] in a report": no saying (_reported would take a far clause)
    return verb
