"""Chart labels: a person's title and a name in the subject's place, which a label keeps, drops or puts back.

    _titles(doc)   # "Israeli Prime Minister Ehud Olmert" -> {title word: the words "Israeli Prime Minister"}

Reads a parsed sentence for the titles before full names (`_titles`, read once per parse and kept in its user data;
`_role_noun`: "Colombian [cyclist] Maria Luisa Calle") and the name a verb's subject stands as (`_subject_name`), and
puts back a title a later cut left room for (`_titles_back`). Hands token index sets to the pruning (`prune`), which
cuts titles as a kind of their own in a label only (a limit of SHORT_MAX).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.events.syntax import ids
from timeline.events.wording import render
from timeline.lang.en.events import (
    COMMON_NOUN_TAGS,
    DETERMINER_TAGS,
    HYPHEN,
    NAME_MODIFIER_TAGS,
    NAME_PARTICLES,
    NAME_TAGS,
    PERSON_TITLES,
    POSSESSIVE_TAG,
    SUBJECT_NAME_VERB_TAGS,
    TITLE_SUFFIXES,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_ROLE_NOUN_TAGS = ("NN", "NNP")  # a singular noun (NNP: the parse misreads "cyclist" before a name as one)
_ROLE_NOUN_WORDS = ("amod", "compound", "det", "nmod:poss", "case")  # what a role noun's title takes before it


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
    """Whether a word is part of the name that ends after it: a capitalised or upper-case name word ("PKN Orlen"), a
    hyphenated name's parts ("Adnan al-Dulaimi"), or a word of a name the word after it is in (`_names`)."""
    word, after = doc[i], doc[i + 1]
    return word.tag_ in NAME_TAGS and (word.is_title or word.is_upper) or HYPHEN in (word.text, after.text) or any(
        {i, i + 1} <= name for name in _names(doc))  # "Luiz[NN] Inacio Lula [da] Silva"


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


_NAMES_KEY = "timeline.headline.names"


def _names(doc: Doc) -> list[frozenset[int]]:
    """The words of each name of two words or more in `doc`, read once per parse: a run of capitalised nouns (a
    name's words the parse may tag as common nouns: "[Luiz] Inacio Lula"), with a name's particles (NAME_PARTICLES:
    "Lula [da] Silva", "Osama [bin] Laden") between them, and no person's title ("[Brazilian President] Luiz Inacio
    Lula da Silva"). A headline keeps such a name whole or not at all, whatever the parse made of it ("Lula" an
    apposition, "da Silva" a conjunct: "President Luiz visited"); a hyphenated name is one word
    (`repair._whole_words`)."""
    names = doc.user_data.get(_NAMES_KEY)
    if names is None:
        names = doc.user_data[_NAMES_KEY] = _read_names(doc)
    return names


def _read_names(doc: Doc) -> list[frozenset[int]]:
    """`_names`, read from the words."""
    titled = {i for title in _titles(doc).values() for i in title}
    out, run, joiners = [], [], []
    for word in [*doc, None]:
        if word is not None and _name_word(word) and word.i not in titled:
            run += [*joiners, word.i]
            joiners = []
        elif word is not None and run and word.lower_ in NAME_PARTICLES:
            joiners.append(word.i)
        else:
            if sum(_name_word(doc[i]) for i in run) >= 2:
                out.append(frozenset(run))
            run, joiners = [], []
    return out


def _name_word(word: Token) -> bool:
    """A capitalised noun that is no person's title (PERSON_TITLES, TITLE_SUFFIXES) nor a number ("[Nine] Taliban
    rebels", tagged a name)."""
    return word.tag_.startswith("NN") and word.is_alpha and (word.is_title or word.is_upper) and not word.like_num and (
        word.lower_ not in PERSON_TITLES and word.lower_ not in TITLE_SUFFIXES)


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
