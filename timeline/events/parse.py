"""Dependency parses of the sentences that hold a date, with the project's own model (loaded once).

    parse_sentences(text, [Span(0, 34)]) -> [spacy Doc of "On Sunday, two rockets were fired."]

The model (`timeline/models/en_ewt/`, trained by `training/train_parser.py` on UD English EWT) is read
lazily on first use and cached for the process. Each Doc is one of *our* sentences (the project's
splitter decides the boundaries; the parser is told never to start a sentence inside it), and each
token's `idx` is an offset into the Doc; add the sentence's start for an offset into the text.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from timeline.events.syntax import is_punctuation
from timeline.export import replace_surrogates
from timeline.lang.en.events import (
    ARGUMENT_DEPS,
    BASE_VERB_TAG,
    COMPLEMENTIZERS,
    CONJUNCT_DEP,
    FINITE_CLAUSE_TAGS,
    MODIFIER_VERB_DEPS,
    OBJECT_DEP,
    PARATAXIS_DEP,
    PARTICIPLE_TAG,
    PAST_VERB_TAG,
    POSSESSIVE_ENDINGS,
    POSSESSIVE_TAG,
    POSSESSOR_DEP,
    RELATIVE_CLAUSE_DEP,
    REPORTING_VERBS,
    SIDE_VERB_DEPS,
)
from timeline.types import Span

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "en_ewt"


_LOAD_LOCK = threading.Lock()  # a server may warm the model up while a first request needs it


def load_parser() -> Language:
    """The tagger + parser pipeline, loaded once per process (spaCy is imported here, not at start-up)."""
    with _LOAD_LOCK:
        return _load_parser()


@lru_cache(maxsize=1)
def _load_parser() -> Language:
    """Load the shipped model (see load_parser).

    The morphologizer (UPOS and features, for the model's own accuracy report) is left out: triggers and
    headlines read the fine-grained tags and the dependencies only.
    """
    import spacy

    return spacy.load(MODEL_DIR, exclude=["morphologizer"])


def parse_sentences(text: str, sentences: list[Span]) -> Iterator[Doc]:
    """One parsed Doc per sentence span of `text`, each kept a single sentence, in order.

    A generator: a long article's parses are not all held in memory at once.
    """
    nlp = load_parser()
    return nlp.pipe(_single_sentence(nlp, text, sentence) for sentence in sentences)


def repair_possessors(doc: Doc) -> Doc:
    """`doc` with each possessor the parse made a sibling of what it owns hung on its owned noun: in "rejected [the
    European Union]['s] carefully prepared constitution" the parse took "Union" for the object and "constitution" for
    a second one, so a shortened headline kept "rejected the European Union" (the meaning changed). A verb's argument
    (ARGUMENT_DEPS) whose phrase is followed by a possessive ending ("'s", "'"; the parse may hang it on a word after
    it) is the possessor of the sibling argument that starts at or right after the ending, when that phrase has no
    article of its own (an owned noun takes none); the ending goes back to its owner. Run after the triggers are
    found: the trigger ranker learned its paths on the parser's own trees."""
    for noun in doc:
        if noun.dep_ not in ARGUMENT_DEPS or not noun.tag_.startswith("NN"):
            continue
        after = noun.right_edge.i + (noun.right_edge.lower_ not in POSSESSIVE_ENDINGS)
        if after >= len(doc) or doc[after].lower_ not in POSSESSIVE_ENDINGS or doc[after].tag_ != POSSESSIVE_TAG:
            continue
        ending = doc[after]
        if ending.head.i != noun.i and ending.i != noun.i + 1:  # the ending of a word deeper in the phrase: its own
            continue
        owned = next((s for s in noun.head.children if s.i > ending.i and s.tag_.startswith("NN") and s.dep_ in ARGUMENT_DEPS
                      and s.left_edge.i in (ending.i, ending.i + 1)), None)
        if owned is not None and not any(c.dep_ == "det" for c in owned.children):
            noun.head, noun.dep_ = owned, POSSESSOR_DEP
            if ending.head.i != noun.i:
                ending.head, ending.dep_ = noun, "case"
    return doc


def repair_said_after_date(doc: Doc, dates: list[Span]) -> Doc:
    """`doc` with what was said, which the parse hung on the date right before it as a relative clause ("told US
    television [this week] [that Iraq ... has given parties ammunition]": "that" read as the date's relative pronoun),
    hung back on the verb of saying the date dates, as its reported clause: "that" right after the date opens it, and the
    date hangs on that verb. `dates` are spans of `doc`."""
    for date in dates:
        verb = date.root.head
        if date.end >= len(doc) or doc[date.end].lower_ not in COMPLEMENTIZERS or verb.lower_ not in REPORTING_VERBS:
            continue
        said = next((c for t in date for c in t.children if c.dep_ == "acl:relcl" and c.left_edge.i == date.end), None)
        if said is not None and not any(c.dep_ == "ccomp" and not date.start <= c.i < date.end for c in verb.children):
            said.head, said.dep_ = verb, "ccomp"
            if doc[date.end].head.i == said.i:
                doc[date.end].dep_ = "mark"
    return doc


def repair_conjunct_objects(doc: Doc) -> Doc:
    """`doc` with each object the parse hung on a verb across that verb's own conjunct or side clause hung on that
    verb: in "met at his residence, kissing and warmly shaking [hands] after a dinner" the parse made "hands" the
    object of "met", so a shortened headline said "The two leaders met hands". An object (OBJECT_DEP) right after the
    phrase of a verb's conjunct or side clause (SIDE_VERB_DEPS) with no object of its own is that one's (the first of
    a coordination, where UD hangs a shared object), when the verb has an argument of its own between them. Run after the triggers are found, as
    `repair_possessors`."""
    for noun in doc:
        verb = noun.head
        if noun.dep_ != OBJECT_DEP or noun.left_edge.i == 0 or not verb.tag_.startswith("VB") or noun.i < verb.i:
            continue
        before = doc[noun.left_edge.i - 1]  # the word right before the object's phrase
        conjunct = next((c for c in (before, *before.ancestors) if c.head.i == verb.i and c.dep_ in SIDE_VERB_DEPS
                         and c.tag_.startswith("VB") and c.right_edge.i == before.i), None)
        if conjunct is None or conjunct.i < verb.i or any(c.dep_ == OBJECT_DEP for c in conjunct.children):
            continue
        # not an object the coordinated verbs share ("bought and sold [shares]": UD hangs it on the first): the verb
        # has a phrase of its own before its conjunct, which a shared object would have to cross
        if any(c.dep_ in ARGUMENT_DEPS and verb.i < c.i < conjunct.left_edge.i for c in verb.children):
            noun.head = conjunct
    return doc


def repair_verbless_subject(doc: Doc) -> Doc:
    """`doc` with the finite verb the parse hung on its own subject as a modifier made the sentence's root: in "The
    president and the prime minister [met] in Paris on Monday" the parse hung "met" on "minister" (acl), so the
    headline said "The prime minister met in Paris". When the root is a noun with no preposition (no verb heads the
    sentence, and the noun opens no fronted phrase), a past-tense verb with no subject of its own hangs as a modifier
    on a noun of the root's phrase before it (`_misread_verb`), its clause closes the sentence and no other finite verb
    lies outside that clause (a relative clause inside the subject excepted), the verb is the root and the root noun,
    every conjunct with it, its subject; the root's words after the verb (the full stop) go to the verb. The last such
    verb: one before it is more likely a participle of the subject's ("the officials [named] in the report"). Run
    after the triggers are found, as `repair_possessors`."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or not root.tag_.startswith("NN") or any(c.dep_ == "case" for c in root.children):
        return doc
    verb = next((t for t in reversed(doc) if _misread_verb(t, root)), None)
    if verb is None:
        return doc
    clause = {t.i for t in verb.subtree}
    # a word after it that hangs elsewhere (but the full stop): not the sentence's verb, or a parse too broken to mend
    if any(t.i not in clause and not (t.head.i == root.i and is_punctuation(t)) for t in doc[verb.i:]):
        return doc
    inside = clause | {t.i for r in doc if r.dep_ == RELATIVE_CLAUSE_DEP and r.i < verb.i for t in r.subtree}
    if any(t.tag_ in FINITE_CLAUSE_TAGS and t.i not in inside for t in doc):
        return doc
    moved = [c for c in root.children if c.i > verb.i]
    verb.head, verb.dep_ = verb, "ROOT"
    root.head, root.dep_ = verb, "nsubj"
    for child in moved:
        child.head = verb
    return doc


def _misread_verb(verb: Token, root: Token) -> bool:
    """Whether a word is a past-tense verb (PAST_VERB_TAG) with no subject, hung as a modifier (MODIFIER_VERB_DEPS) on a
    noun of the root's phrase before it; a participle's tag too when that noun is in a coordination, after which the
    tagger reads a past as a participle ("The ministers and their deputies gathered[VBN]"). Not a verb before the noun
    it hangs on (its object read as the one it describes: "suspended[amod] Kenya")."""
    if verb.dep_ == PARATAXIS_DEP:
        return _set_beside(verb, root) and not any(c.dep_.startswith("nsubj") for c in verb.children)
    if verb.dep_ not in MODIFIER_VERB_DEPS or not root.i < verb.head.i < verb.i or not _in_phrase(verb.head, root):
        return False
    past = verb.tag_ == PAST_VERB_TAG or verb.tag_ == PARTICIPLE_TAG and _coordinated(verb.head)
    return past and not any(c.dep_.startswith("nsubj") for c in verb.children)


def _set_beside(verb: Token, root: Token) -> bool:
    """Whether a past-tense verb hangs beside the root noun itself (PARATAXIS_DEP) right after a comma that closes an
    aside on that noun ("Chile, which helped found it, [quit]"): the parse read the subject as a sentence of its own."""
    before = verb.doc[verb.i - 1]
    past = verb.tag_ == PAST_VERB_TAG or verb.tag_ == BASE_VERB_TAG and not any(  # "quit", "cut" read as bare forms
        c.dep_.startswith(("aux", "mark")) for c in verb.children)
    return past and verb.head.i == root.i < verb.i - 1 and before.text == ","


def _in_phrase(noun: Token, root: Token) -> bool:
    """Whether a noun hangs on the root noun through nouns only (not in a verb's phrase: "froze [aid]")."""
    return all(not t.tag_.startswith("VB") for t in noun.ancestors if t.i != root.i) and not noun.tag_.startswith("VB")


def _coordinated(noun: Token) -> bool:
    return noun.dep_ == CONJUNCT_DEP or any(c.dep_ == CONJUNCT_DEP for c in noun.children)


def _single_sentence(nlp: Language, text: str, sentence: Span) -> Doc:
    # spaCy cannot store a lone surrogate; U+FFFD keeps one character for one, so offsets hold.
    doc = nlp.make_doc(replace_surrogates(text[sentence.start:sentence.end]))
    for token in doc[1:]:
        token.is_sent_start = False  # our splitter knows better; the parser must not cut "in 2014"
    return doc
