"""The subject's place: words a chosen clause needs before its verb when the parse gave it none.

    _subject_before_auxiliary(doc, keep, removed)   # "[The marines], who are staying ..., have been subpoenaed"

A finite verb left without a subject takes a bare noun phrase set off by commas before it (`_with_fronted_subject`)
or standing in the subject's place before its auxiliary (`_subject_before_auxiliary`, remembered per parse under
_PLACED_KEY so the pruning keeps it); a date that is the clause's subject stays (`_date_subject`); a fronted phrase
running into the subject without a comma goes (`_fronted_remnant`). Hands token index sets to the clause choice
(`clause`).
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from timeline.events.trigger import dateline
from timeline.lang.en.events import (
    ADVERB_TAG,
    ASIDE_CLOSERS,
    AUXILIARY_DEPS,
    CLAUSE_PUNCT,
    COMMON_NOUN_TAGS,
    COMPLEMENTIZERS,
    FINITE_CLAUSE_TAGS,
    HYPHEN,
    MODIFIER_VERB_DEPS,
    NAME_TAGS,
    NOMINAL_TAG_OPENINGS,
    NUMBER_TAG,
    PREPOSITION_TAG,
    QUOTE_MARKS,
    RELATIVE_CLAUSE_DEP,
    RELATIVE_PRONOUNS,
    REPORTED_CLAUSE_DEPS,
    REPORTING_VERBS,
    SUBORDINATORS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_PLACED_KEY = "timeline.headline.placed"  # a subject found in its place: its words, by the auxiliary after them


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
