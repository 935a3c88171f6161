"""Dependency parses of the sentences that hold a date, with the project's own model (loaded once).

    parse_sentences(text, [Span(0, 34)]) -> [spacy Doc of "On Sunday, two rockets were fired."]

The model (`timeline/models/en_ewt/`, trained by `training/train_parser.py` on UD English EWT) is read
lazily on first use and cached for the process. Each Doc is one of *our* sentences (the project's
splitter decides the boundaries; the parser is told never to start a sentence inside it), and each
token's `idx` is an offset into the Doc; add the sentence's start for an offset into the text.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from timeline.events.syntax import is_punctuation
from timeline.export import replace_surrogates
from timeline.lang.en.events import (
    ADVERB_DEP,
    ADVERB_ENDING,
    ADVERB_TAG,
    ARGUMENT_DEPS,
    AUXILIARY_DEPS,
    BASE_VERB_TAG,
    COMPARATIVE_DIRECTIONS,
    COMPLEMENT_DEPS,
    COMPLEMENTIZERS,
    CONJUNCT_DEP,
    CONTRAST_MARKS,
    COORDINATORS,
    DUE_WORDS,
    FINITE_CLAUSE_TAGS,
    INFINITIVE_WORD,
    INVERSION_VERBS,
    INVERTED_SAYING,
    MARK_DEP,
    MISREAD_NAME_TAGS,
    MODIFIER_VERB_DEPS,
    NAME_TAGS,
    NOMINAL_DEPS,
    NOMINAL_TAG_OPENINGS,
    NUMBER_TAG,
    OBJECT_DEP,
    PARATAXIS_DEP,
    PARTICIPLE_TAG,
    PARTICLE_DEP,
    PARTICLES,
    PAST_ENDING,
    PAST_VERB_TAG,
    POSSESSIVE_ENDINGS,
    POSSESSIVE_TAG,
    POSSESSOR_DEP,
    QUOTE_MARKS,
    RANGE_BOUNDS,
    REDUCED_RELATIVE_VERB_DEPS,
    RELATIVE_CLAUSE_DEP,
    REPORTED_CLAUSE_DEP,
    REPORTING_VERBS,
    SAYING_NOUNS,
    SIDE_CLAUSE_DEP,
    SIDE_VERB_DEPS,
    SLASH,
    SPEAKER_DEPS,
    SPEAKER_MAX_WORDS,
    SUSPENDED_HYPHEN_NEXT,
    TRAILING_SAYING_AFTER,
    VERB_OBJECT_DEPS,
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
    article of its own (an owned noun takes none); the ending goes back to its owner. An owned noun the parse hung
    on a verb above the possessor's ("to demonstrate [NATO troops][']", [ability] the object of "held") takes the
    possessor's place first: a cut of the possessor's clause left "held an exercise ['] ability". Run after the
    triggers are found: the trigger ranker learned its paths on the parser's own trees."""
    for noun in doc:
        if noun.dep_ not in ARGUMENT_DEPS or not noun.tag_.startswith("NN"):
            continue
        after = noun.right_edge.i + (noun.right_edge.lower_ not in POSSESSIVE_ENDINGS)
        if after >= len(doc) or doc[after].lower_ not in POSSESSIVE_ENDINGS or doc[after].tag_ != POSSESSIVE_TAG:
            continue
        ending = doc[after]
        if ending.head.i != noun.i and ending.i != noun.i + 1:  # the ending of a word deeper in the phrase: its own
            continue
        if any(doc[j].tag_.startswith("VB") for j in range(noun.i + 1, ending.i)):
            continue  # the ending of a noun in a clause of the phrase ("an exercise [to demonstrate NATO troops]'")
        owned = next((s for s in noun.head.children if _owned_after(s, ending)), None) or _owned_above(noun, ending)
        if owned is not None and not any(c.dep_ == "det" for c in owned.children):
            if owned.head.i != noun.head.i:
                owned.head, owned.dep_ = noun.head, noun.dep_
            noun.head, noun.dep_ = owned, POSSESSOR_DEP
            if ending.head.i != noun.i:
                ending.head, ending.dep_ = noun, "case"
    return doc


def _owned_after(noun: Token, ending: Token) -> bool:
    """Whether `noun` is a noun argument whose phrase starts at or right after a possessive ending."""
    return noun.i > ending.i and noun.tag_.startswith("NN") and noun.dep_ in ARGUMENT_DEPS and (
        noun.left_edge.i in (ending.i, ending.i + 1))


def _owned_above(noun: Token, ending: Token) -> Token | None:
    """The noun argument right after a possessive ending that the parse hung on a verb above the possessor's head
    (not on the possessor's way up)."""
    doc = noun.doc
    owned = doc[ending.i + 1] if ending.i + 1 < len(doc) else None
    if owned is None or not _owned_after(owned, ending) or not owned.head.tag_.startswith("VB"):
        return None
    above = owned.head.is_ancestor(noun.head) and not owned.is_ancestor(noun)
    return owned if above else None


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


def repair_said_in_statement(doc: Doc, dates: list[Span]) -> Doc:
    """`doc` with what was said, which the parse hung on the noun of saying the verb of saying was said in as a relative
    clause ("said in an interview [on Friday] [that the team would appeal]": "that" read as the noun's relative
    pronoun), hung back on that verb as its reported clause: the noun (SAYING_NOUNS) is the verb's phrase, the clause
    opens with "that" right after the noun's phrase, and "that" is no word of the clause (its mark) or follows a date
    closing the phrase (a relative clause does not come after its noun's date). Not when the verb has a reported clause
    already. `dates` are spans of `doc`."""
    date_ends = {date.end for date in dates}
    for noun in doc:
        verb = noun.head
        if noun.lower_ not in SAYING_NOUNS or not noun.dep_.startswith(("obl", "obj")) or (
                verb.lower_ not in REPORTING_VERBS or not verb.tag_.startswith("VB")):
            continue
        said = next((c for c in noun.children if c.dep_ == RELATIVE_CLAUSE_DEP
                     and doc[c.left_edge.i].lower_ in COMPLEMENTIZERS), None)
        if said is None or any(c.dep_ == REPORTED_CLAUSE_DEP for c in verb.children):
            continue
        that = doc[said.left_edge.i]
        if that.dep_ == MARK_DEP or that.i in date_ends:
            said.head, said.dep_ = verb, REPORTED_CLAUSE_DEP
            that.head, that.dep_ = said, MARK_DEP
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
    # a word after it that hangs elsewhere (but the full stop, or a conjunct or side clause of the root noun the verb
    # takes over: "... began on Thursday and are to be carried out in the Gulf, [the Sea of Oman] and [14] provinces"):
    # not the sentence's verb, or a parse too broken to mend
    taken = {t.i for c in root.children if verb.dep_ == PARATAXIS_DEP and c.i > verb.i and c.dep_ in (
        CONJUNCT_DEP, PARATAXIS_DEP) for t in c.subtree}
    if any(t.i not in clause | taken and not (t.head.i == root.i and is_punctuation(t)) for t in doc[verb.i:]):
        return doc
    inside = clause | taken | {t.i for r in doc if r.dep_ == RELATIVE_CLAUSE_DEP and r.i < verb.i for t in r.subtree}
    if any(t.tag_ in FINITE_CLAUSE_TAGS and t.i not in inside for t in doc):
        return doc
    moved = [c for c in root.children if c.i > verb.i]
    verb.head, verb.dep_ = verb, "ROOT"
    root.head, root.dep_ = verb, "nsubj"
    for child in moved:
        child.head = verb
    if doc[verb.i - 1].text in QUOTE_MARKS and doc[verb.i - 1].head.i == verb.i:  # the aside's closing quote
        doc[verb.i - 1].head = doc[verb.i - 2].head
    return doc


def repair_coordinated_verbs(doc: Doc) -> Doc:
    """`doc` with a verb after ", but"/", and" that the parse read as a modifier of its own object made a conjunct of
    the first verb, whose subject it shares: in "Chin emigrated to the United States in 1945, but [resumed] contacts
    with China in 1972" the parse hung "resumed" on "contacts" (amod) and "contacts" on "emigrated", so 1972's
    headline was a bare "Resumed" and 1945's kept "but resumed contacts with China". A past form (PAST_VERB_TAG,
    PARTICIPLE_TAG) right after a coordinator (COORDINATORS), opening the phrase of a noun the parse hung on an earlier
    verb as its object or oblique (VERB_OBJECT_DEPS): the noun is its object. Without a comma before the coordinator,
    not when that verb has an object of its own (two objects: "bought oil and refined products"). Run after the
    triggers are found, as `repair_possessors`."""
    for verb in doc:
        if verb.dep_ not in MODIFIER_VERB_DEPS or verb.tag_ not in (PAST_VERB_TAG, PARTICIPLE_TAG) or verb.i < 2:
            continue
        coordinator, comma, noun = doc[verb.i - 1], doc[verb.i - 2], verb.head
        first = noun.head
        if (coordinator.lower_ not in COORDINATORS or noun.dep_ not in VERB_OBJECT_DEPS or not first.tag_.startswith("VB")
                or first.i >= coordinator.i or noun.left_edge.i not in (comma.i, coordinator.i, verb.i)):
            continue
        # without a comma, "bought oil and [refined] products" may be two objects of one verb
        if comma.text != "," and any(c.dep_ == OBJECT_DEP and c.i != noun.i for c in first.children):
            continue
        if _heads_any((coordinator, comma), (verb, first)):  # a parse too broken to mend (and no cycle made)
            continue
        verb.head, verb.dep_ = first, CONJUNCT_DEP
        noun.head, noun.dep_ = verb, OBJECT_DEP
        coordinator.head, coordinator.dep_ = verb, "cc"
        if comma.text == ",":
            comma.head, comma.dep_ = verb, "punct"
    return doc


def repair_misread_names(doc: Doc, dates: list[Span]) -> Doc:
    """`doc` with a name the parse read as an adverb or adjective given its place in the clause: the subject of the
    finite verb right after it that has none, when it opens the sentence ("[Nzambo][RB] arrived Thursday": a headline
    "Arrived"); the object of the verb right before it that has none, or whose object is the name's apposition ("visited
    [Qingdao][advmod], a port city in east China": "visited a port city"); a sentence-opening name the parse made the
    root with a past form after it as its modifier ("[Qian][JJ] retired[amod] in 1991") the subject of that verb. A
    word written as a name (a capital, MISREAD_NAME_TAGS; after a verb a proper noun's tag), outside the dates
    (`dates`, spans of `doc`). Run after the triggers are found, as `repair_possessors`."""
    in_dates = {t.i for date in dates for t in date}
    for word in doc:
        if not word.is_title or word.i in in_dates or word.tag_ not in MISREAD_NAME_TAGS:
            continue
        verb = word.head
        if word.dep_ == ADVERB_DEP and word.left_edge.i == 0 and verb.i == word.i + 1:
            if _finite(verb) and not _has_subject(verb) and not _fronted_adverb(word, verb, in_dates):
                word.dep_ = "nsubj"
        elif word.dep_ == ADVERB_DEP and word.tag_ in NAME_TAGS and word.left_edge.i == verb.i + 1:
            _make_object(doc, word, verb)
        elif word.dep_ == "ROOT" and word.left_edge.i == 0 and word.i + 1 < len(doc):
            _name_before_verb(doc, word, doc[word.i + 1])
    return doc


def _fronted_adverb(word: Token, verb: Token, in_dates: set[int]) -> bool:
    """Whether a word read as an adverb may be one, fronted before an inverted verb ("Then came the news": the subject
    after the verb, read as its object): an adverb's ending (ADVERB_ENDING), or a verb that inverts
    (INVERSION_VERBS) with a noun after it other than a date ("Mbeki came [Friday]"). A proper noun's tag is a
    name's."""
    if word.tag_ in NAME_TAGS:
        return False
    return word.lower_.endswith(ADVERB_ENDING) or verb.lower_ in INVERSION_VERBS and any(
        c.dep_ in ARGUMENT_DEPS and c.i > verb.i and c.i not in in_dates for c in verb.children)


def _finite(verb: Token) -> bool:
    """A finite verb's tag, or a participle's heading the sentence with no auxiliary (a past the tagger misread)."""
    return verb.tag_ in FINITE_CLAUSE_TAGS or verb.tag_ == PARTICIPLE_TAG and verb.dep_ == "ROOT" and not any(
        c.dep_ in AUXILIARY_DEPS for c in verb.children)


def _has_subject(verb: Token) -> bool:
    return any(c.dep_.startswith(("nsubj", "csubj", "expl")) for c in verb.children)


def _make_object(doc: Doc, name: Token, verb: Token) -> None:
    """A name right after a verb its object; the verb's object after a comma right after the name its apposition."""
    if not verb.tag_.startswith("VB"):
        return
    objects = [c for c in verb.children if c.dep_ == OBJECT_DEP]
    after = name.right_edge.i + 1
    if objects and (len(objects) > 1 or after + 1 >= len(doc) or doc[after].text != ","
                    or objects[0].left_edge.i not in (after, after + 1) or _heads_any((doc[after],), objects)):
        return
    for apposition in objects:
        apposition.head, apposition.dep_ = name, "appos"
        doc[after].head = apposition
    name.dep_ = OBJECT_DEP


def _name_before_verb(doc: Doc, name: Token, verb: Token) -> None:
    """A root name with a past form right after it hung on it as a modifier: the verb is the root, the name its
    subject, the name's words after the verb the verb's."""
    if verb.head.i != name.i or verb.dep_ not in MODIFIER_VERB_DEPS or not verb.lower_.endswith(PAST_ENDING):
        return
    moved = [c for c in name.children if c.i > verb.i]
    verb.head, verb.dep_, verb.tag_ = verb, "ROOT", PAST_VERB_TAG
    name.head, name.dep_ = verb, "nsubj"
    for child in moved:
        child.head = verb


def repair_due_clause(doc: Doc) -> Doc:
    """`doc` with the infinitive after "due to" (DUE_WORDS) set after a comma right after a noun hung on that noun: in
    "Leaders will meet at the summit, due to conclude on Sunday" the parse read "due to" as the preposition and hung
    "conclude" on "meet", so Sunday's headline was a bare "Conclude"; the summit is what is due to conclude ("The
    summit due to conclude"). The noun is the head of the phrase the comma closes. Run after the triggers are found,
    as `repair_possessors`."""
    for due in doc:
        if due.lower_ not in DUE_WORDS or due.i < 2 or due.i + 2 >= len(doc):
            continue
        comma, mark, verb = doc[due.i - 1], doc[due.i + 1], doc[due.i + 2]
        noun = _phrase_head(doc[due.i - 2])
        if (comma.text != "," or mark.lower_ != INFINITIVE_WORD or verb.tag_ != BASE_VERB_TAG or noun is None
                or verb.dep_ in NOMINAL_DEPS):  # "due to rain" read as the preposition and its noun
            continue
        if verb.dep_ in AUXILIARY_DEPS:  # "due to be announced": the participle heads the clause
            verb = verb.head
        if verb.head.i == noun.i and verb.dep_ == "acl" and due.head.i == verb.i or verb.is_ancestor(noun):
            continue  # read right, or the noun is the verb's own (its subject: "The summit, due to conclude, ...")
        if _heads_any((comma, due, mark), (verb, noun)):  # a parse too broken to mend (and no cycle made)
            continue
        verb.head, verb.dep_ = noun, "acl"
        for word, dep in ((comma, "punct"), (due, "mark"), (mark, "mark")):
            word.head, word.dep_ = verb, dep
    return doc


def repair_contrast_clauses(doc: Doc) -> Doc:
    """`doc` with a clause opened by "while", "whereas", "although" or "though" (CONTRAST_MARKS) that the parse hung on
    a verb as its reported clause made that verb's side clause: in "the United States said it was prepared to absorb
    60,000 refugees, [while] Australia and Canada have also said they are willing" the parse read the second "said" as
    what the first said, so October's headline was Australia's and Canada's. Not a clause that "that" opens too (what
    was said, a contrast inside it: "said that, while prices rose, ..."). Run after the triggers are found, as
    `repair_possessors`."""
    for clause in doc:
        marks = [c.lower_ for c in clause.children if c.dep_ == MARK_DEP]
        if clause.dep_ == REPORTED_CLAUSE_DEP and set(marks) & CONTRAST_MARKS and not set(marks) & COMPLEMENTIZERS:
            clause.dep_ = SIDE_CLAUSE_DEP
    return doc


def repair_inverted_saying(doc: Doc) -> Doc:
    """`doc` with a verb of saying set after what was said, its speaker after it (", said the report"), made a side
    note of the clause before it with the speaker its subject: in "... has caused the fog, [said] He Lifu" and "...
    will achieve literacy, said [the communique][obj]" the parse read the verb as the clause's conjunct and the speaker
    as its object or clause, so the headline kept "said the communique". A verb of INVERTED_SAYING right after a comma,
    hung on a word before it, with no coordinator of its own ("..., and said he would"), whose words after it are a
    noun phrase (the speaker, SPEAKER_DEPS) and phrases of place or time, to the sentence's end, and none before it.
    Run after the triggers are found, as `repair_possessors`."""
    for verb in doc[2:]:
        if (verb.lower_ not in INVERTED_SAYING or doc[verb.i - 1].text != "," or verb.head.i >= verb.i
                or verb.dep_ == PARATAXIS_DEP or any(c.dep_ == "cc" for c in verb.children)):
            continue
        speaker = next((c for c in verb.children if c.left_edge.i == verb.i + 1), None)
        if speaker is None or speaker.dep_ not in SPEAKER_DEPS or not speaker.tag_.startswith("NN"):
            continue
        after = [c for c in verb.children if c.i > verb.i and c.i != speaker.i and not is_punctuation(c)]
        if any(c.dep_ not in ("obl", "obl:unmarked", "obl:tmod", ADVERB_DEP) for c in after) or not all(
                is_punctuation(t) for t in doc[verb.right_edge.i + 1:]):
            continue
        if any(c.i < verb.i and not is_punctuation(c) for c in verb.children):  # words of the clause before it: a
            continue  # parse too broken to mend ("after suffering food [poisoning][nsubj of said], said a source")
        verb.dep_, speaker.dep_ = PARATAXIS_DEP, "nsubj"
    return doc


def repair_fused_conjuncts(doc: Doc) -> Doc:
    """`doc` with the first of two coordinated verbs, which the parse read inside the second one's subject or as a
    noun, made the sentence's verb and the second its conjunct: in "The union [struck][acl] in May, and resumed talks
    in June" (the verb hung on its own subject) and "The navy [sank][NN] the ship in 1942 and began a search" (the verb
    read as the subject's head noun, its object still its own) the root was the second verb, so its headline said "The
    union struck resumed talks"; in "The airline [cut][NN] 300 jobs in 2004 and hired 500 pilots" the root was the
    noun, so the second verb had no subject ("Hired 500 pilots"). The root verb has a coordinator before it and a
    subject whose phrase ends before that coordinator and holds no conjunct, and is finite or a participle; the first
    verb is a past form (PAST_VERB_TAG, PARTICIPLE_TAG)
    with no subject hung on that subject as a modifier (MODIFIER_VERB_DEPS), or that subject itself, a noun with an
    object right after the noun it compounds (`_verb_read_as_noun`), as a root noun with a verb conjunct may be. Run
    after the triggers are found, as `repair_possessors`."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is not None and root.tag_.startswith("NN") and any(
            c.dep_ == CONJUNCT_DEP and c.tag_.startswith("VB") and c.i > root.i for c in root.children):
        _verb_read_as_noun(doc, root)  # "The airline [cut] 300 jobs ... and hired": already the root
        return doc
    if root is None or not root.tag_.startswith("VB"):
        return doc
    coordinator = next((c for c in root.children if c.dep_ == "cc" and c.i < root.i and c.lower_ in COORDINATORS), None)
    subject = next((c for c in root.children if c.dep_ == "nsubj" and c.i < root.i), None)
    if coordinator is None or subject is None or subject.right_edge.i >= coordinator.i:
        return doc
    # a subject with conjuncts of its own, or a bare base form for the verb: the parse read a longer stretch as the
    # subject ("protesters marched ..., waving flags and chanting "Cuba libre" and "long [live] the USA"")
    if root.tag_ not in (*FINITE_CLAUSE_TAGS, PARTICIPLE_TAG) or any(c.dep_ == CONJUNCT_DEP for c in subject.children):
        return doc
    if not all(is_punctuation(t) for t in doc[subject.right_edge.i + 1:coordinator.i]):
        return doc
    verb = next((c for c in subject.children if c.dep_ in MODIFIER_VERB_DEPS and c.i > subject.i and (
        c.tag_ in (PAST_VERB_TAG, PARTICIPLE_TAG)) and not _has_subject(c)), None)
    if verb is not None:
        subject.head, subject.dep_ = verb, "nsubj"
    elif _verb_read_as_noun(doc, subject):
        verb = subject
    else:
        return doc
    closing = [c for c in root.children if is_punctuation(c) and all(is_punctuation(t) for t in doc[c.i:])]
    verb.head, verb.dep_ = verb, "ROOT"
    root.head, root.dep_ = verb, CONJUNCT_DEP
    for mark in closing:  # the full stop is the sentence's, not the conjunct's ("... and began a search[.]")
        mark.head = verb
    return doc


def _verb_read_as_noun(doc: Doc, noun: Token) -> bool:
    """Whether a noun with an object of its own right after the noun it compounds is a past verb the parse misread
    ("The navy [sank] the ship"); if so, it is made one: that noun its subject, with the words before it."""
    if not noun.tag_.startswith("NN") or not any(c.dep_ == OBJECT_DEP for c in noun.children) or noun.i == 0:
        return False
    subject = doc[noun.i - 1]
    if subject.dep_ != "compound" or subject.head.i != noun.i or not subject.tag_.startswith("NN"):
        return False
    for child in [c for c in noun.children if c.i < subject.i]:  # "The" of "The navy sank"
        child.head = subject
    subject.dep_, noun.tag_ = "nsubj", PAST_VERB_TAG
    return True


def repair_particles(doc: Doc) -> Doc:
    """`doc` with a verb's particle (PARTICLES) that the parse hung on the adverb right after it hung on the verb: in
    "the summit, which kicked [off] here on Sunday" the parse made "off" a modifier of "here", so the headline, which
    leaves "here" out, said "The five-day summit kicked with ...". The particle follows the verb and the adverb hangs on
    that verb. A particle the parse hung on the verb as an adverb right after the verb's object ("kicked [the season]
    off", which a headline left out as an adverb) is the verb's too, unless a noun phrase follows it (a preposition:
    "reach an agreement [over] its budget") or "to"/"from" and a number (RANGE_BOUNDS: "[up] to three kilometers").
    Run after the triggers are found, as `repair_possessors`."""
    for particle in doc[1:-1]:
        verb, adverb = doc[particle.i - 1], doc[particle.i + 1]
        if (particle.lower_ in PARTICLES and particle.dep_ == ADVERB_DEP and particle.head.i == adverb.i
                and adverb.tag_ == ADVERB_TAG and adverb.head.i == verb.i and verb.tag_.startswith("VB")):
            particle.head, particle.dep_ = verb, PARTICLE_DEP
        elif particle.lower_ in PARTICLES and particle.dep_ == ADVERB_DEP and _after_own_object(particle):
            particle.dep_ = PARTICLE_DEP
    return doc


def repair_directions(doc: Doc) -> Doc:
    """`doc` with a market's direction (COMPARATIVE_DIRECTIONS) right after its verb hung on the verb, when the parse
    made it a modifier of the phrase after it: in "US stocks opened [higher] Tuesday" it described the date, which
    a headline leaves out, so the headline said "US stocks opened". Not a phrase that is the verb's object ("rated
    [higher] risks"). Run after the triggers are found, as `repair_possessors`."""
    for word in doc[1:-1]:
        verb, phrase = doc[word.i - 1], word.head
        if (word.lower_ in COMPARATIVE_DIRECTIONS and verb.tag_.startswith("VB") and phrase.i == word.i + 1
                and phrase.head.i == verb.i and phrase.dep_.startswith("obl") and not list(word.children)):
            word.head, word.dep_ = verb, ADVERB_DEP
    return doc


def _after_own_object(particle: Token) -> bool:
    """Whether a particle hung on a verb as an adverb follows that verb's object, itself right after the verb: "kicked
    [the season] off", "brought [the troops] home"."""
    verb, after = particle.head, particle.doc[particle.i + 1:particle.i + 3]
    # a noun phrase after it, or a number after "to"/"from": a preposition or a quantity's bound ("reach an agreement
    # [over] its budget", "spewing hot clouds [up] to three kilometers")
    if after[0].tag_.startswith(NOMINAL_TAG_OPENINGS) or after[0].lower_ in RANGE_BOUNDS and len(after) > 1 and (
            after[1].tag_ == NUMBER_TAG):
        return False
    return verb.tag_.startswith("VB") and any(
        c.dep_ == OBJECT_DEP and c.left_edge.i == verb.i + 1 and c.right_edge.i == particle.i - 1 for c in verb.children)


def repair_reduced_relative(doc: Doc, dates: list[Span]) -> Doc:
    """`doc` with a participle the parse made the sentence's verb (or the clause below its noun) made a modifier of
    its noun, and the finite verb after it the sentence's verb: in "Troops [stationed] in Iraq since 2003 [were
    withdrawn] on Monday" the parse read "since" as opening a clause whose subject is the date, so the headline was a
    bare "Were withdrawn". The participle (PARTICIPLE_TAG, no auxiliary, no complement but that verb) is the root with
    a noun subject before it, or the root noun's modifier right after it (`_described_by_participle`); a verb hung on
    it after it (REDUCED_RELATIVE_VERB_DEPS) is finite (its tag or its auxiliary's) with no coordinator and no
    subject but a date (`dates`, spans of `doc`), which its only mark opens ("since [2003]"); its clause closes the
    sentence. The noun is that verb's subject, the participle its modifier, the date the participle's phrase. With
    such a date, the verb may hang on any clause describing a noun of the root noun's phrase ("The hostages [who have
    been held] in a prison since April 3 [were released]"): the root noun is its subject. Run after the triggers are
    found, as `repair_possessors`."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    noun, participle = _described_by_participle(root)
    in_dates = {t.i for d in dates for t in d}
    for describer, dated in ((participle, False), *((x, True) for x in _clauses_in_subject(root))):
        verb = _verb_after_describer(doc, describer, in_dates, dated) if describer is not None else None
        if verb is not None:
            _make_main_verb(doc, verb, noun if not dated else root, describer)
            return doc
    return doc


def _verb_after_describer(doc: Doc, describer: Token, in_dates: set[int], dated: bool) -> Token | None:
    """The finite verb hung on a describing clause's verb that is the sentence's (see `repair_reduced_relative`): with
    no subject, or a date its only mark opens (`dated`: a date only), its clause closing the sentence; None if none."""
    verb = next((c for c in describer.children if c.i > describer.i and c.dep_ in REDUCED_RELATIVE_VERB_DEPS
                 and _finite_clause(c)), None)
    if verb is None or not all(is_punctuation(t) for t in doc[verb.right_edge.i + 1:]):
        return None
    # a complement of its own: a verb of its own, a past the tagger misread ("A flood [killed] 47 residents")
    if any(c.dep_ in COMPLEMENT_DEPS and c.i != verb.i for c in describer.children):
        return None
    subjects = [c for c in verb.children if c.dep_.startswith(("nsubj", "csubj", "expl"))]
    marks = [c for c in verb.children if c.dep_ == MARK_DEP]
    if any(c.dep_ == "cc" for c in verb.children) or len(subjects) > 1 or len(marks) > 1 or bool(marks) != bool(subjects):
        return None
    if subjects and (subjects[0].i not in in_dates or marks[0].i != subjects[0].left_edge.i - 1) or dated and not subjects:
        return None
    return verb


def _make_main_verb(doc: Doc, verb: Token, noun: Token, describer: Token) -> None:
    """The verb the sentence's root, the noun its subject, a root describer the noun's modifier, a date read as the
    verb's subject the describer's phrase (its mark the date's preposition)."""
    root = next(t for t in doc if t.dep_ == "ROOT")
    moved = [c for c in root.children if c.i > verb.right_edge.i]
    date = next((c for c in verb.children if c.dep_.startswith("nsubj")), None)
    mark = next((c for c in verb.children if c.dep_ == MARK_DEP), None)
    verb.head, verb.dep_ = verb, "ROOT"
    noun.head, noun.dep_ = verb, "nsubj:pass" if any(c.dep_ == "aux:pass" for c in verb.children) else "nsubj"
    if describer.i == root.i:
        describer.head, describer.dep_ = noun, "acl"
    for child in moved:
        child.head = verb
    if date is not None and mark is not None:
        date.head, date.dep_ = describer, "obl"
        mark.head, mark.dep_ = date, "case"


def _clauses_in_subject(root: Token | None) -> list[Token]:
    """The verbs of the clauses describing a noun in the root noun's phrase ("The hostages [who have been held] ...
    since April 3 were released"), in order."""
    if root is None or not root.tag_.startswith("NN"):
        return []
    return [t for t in root.subtree if t.dep_ in (*MODIFIER_VERB_DEPS, RELATIVE_CLAUSE_DEP) and t.tag_.startswith("VB")
            and all(a.tag_.startswith("NN") or a.dep_ in (*MODIFIER_VERB_DEPS, RELATIVE_CLAUSE_DEP) or a.i == root.i
                    for a in t.ancestors)]


def _described_by_participle(root: Token | None) -> tuple[Token | None, Token | None]:
    """The noun and the participle with no auxiliary that may describe it at the head of the sentence: the root
    participle and its noun subject before it ("Troops[nsubj] stationed[ROOT]"), or the root noun and its participle
    right after it, which the tagger may read as a past ("Workers[ROOT] employed[acl]"); (None, None) otherwise."""
    if root is None:
        return None, None
    if root.tag_ == PARTICIPLE_TAG:
        noun = next((c for c in root.children if c.dep_.startswith("nsubj") and c.i < root.i), None)
        participle = root
    else:
        noun = root
        participle = next((c for c in root.children if c.dep_ in MODIFIER_VERB_DEPS and c.i == root.i + 1
                           and c.tag_ in (PARTICIPLE_TAG, PAST_VERB_TAG)), None)  # "Soldiers deployed[VBD]"
    if noun is None or participle is None or not noun.tag_.startswith("NN") or any(
            c.dep_ in AUXILIARY_DEPS for c in participle.children):
        return None, None
    return noun, participle


def _finite_clause(verb: Token) -> bool:
    """Whether a verb is finite by its own tag or its auxiliary's ("were withdrawn", "will leave")."""
    return verb.tag_ in FINITE_CLAUSE_TAGS or any(
        c.dep_ in AUXILIARY_DEPS and c.tag_ in FINITE_CLAUSE_TAGS for c in verb.children)


def repair_trailing_saying(doc: Doc) -> Doc:
    """`doc` with a verb of saying that closes the sentence after its speaker, which the parse hung on a noun of the
    speaker's phrase as its modifier, made a side note of the sentence's clause with the speaker its subject: in
    "Thirty-six miners were working ... when explosives caught fire, sources with rescue headquarters [confirmed] on
    Monday." the parse read "confirmed" as describing "headquarters", so Monday's headline was "Rescue headquarters
    confirmed". A verb of saying (REPORTING_VERBS) hung by MODIFIER_VERB_DEPS on a noun before it, with no object or
    clause of its own and only phrases of time or place after it (TRAILING_SAYING_AFTER) to the sentence's end; the
    words between it and the comma before it (at most SPEAKER_MAX_WORDS) are one noun phrase, hung from outside by its
    head only; the sentence's root, a verb, is before that comma. As `repair_inverted_saying` leaves an inverted one:
    attribution, left out of the headline. Run after the triggers are found, as `repair_possessors`."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or not root.tag_.startswith("VB"):
        return doc
    for verb in doc:
        if verb.lower_ not in REPORTING_VERBS or verb.dep_ not in MODIFIER_VERB_DEPS or verb.head.i > verb.i:
            continue
        comma = next((t for t in reversed(doc[max(0, verb.i - SPEAKER_MAX_WORDS - 1):verb.i]) if t.text == ","), None)
        if comma is None or comma.i <= root.i or comma.i + 1 == verb.i:
            continue
        phrase = doc[comma.i + 1:verb.i]
        if not phrase[0].tag_.startswith(NOMINAL_TAG_OPENINGS):  # ", according to figures [reported] on Monday"
            continue
        heads = [t for t in phrase if not comma.i < t.head.i < verb.i or t.head.i == t.i]
        if len(heads) != 1 or not heads[0].tag_.startswith("NN") or heads[0].is_ancestor(root):
            continue
        # the words before the comma the parse hung in the speaker's phrase ("the republic of Northern
        # [Ossetia][compound of agency], ITAR-TASS news agency reported"): one phrase, which takes the speaker's place
        swallowed = [t for t in doc[:comma.i] if comma.i < t.head.i < verb.i and not is_punctuation(t)]
        # a conjunct's coordinator hung there with it ("injuring three others [plus] their [teacher], state media
        # reported") goes with its conjunct
        coordinators = [t for t in swallowed if t.dep_ == "cc"]
        swallowed = [t for t in swallowed if t not in coordinators]
        if len(swallowed) > 1 or coordinators and not (swallowed and coordinators[0].i < swallowed[0].i):
            continue
        if any(c.i > verb.i and c.dep_ not in TRAILING_SAYING_AFTER and not is_punctuation(c) for c in verb.children) or not (
                all(is_punctuation(t) for t in doc[verb.right_edge.i + 1:])) or any(c.i < verb.i for c in verb.children):
            continue
        speaker = heads[0]
        for word in swallowed:
            word.head, word.dep_ = speaker.head, speaker.dep_
        for word in coordinators:
            word.head = swallowed[0]
        verb.head, verb.dep_ = root, PARATAXIS_DEP
        speaker.head, speaker.dep_ = verb, "nsubj"
        comma.head = verb
        return doc
    return doc


def _heads_any(words: tuple[Token, ...], others) -> bool:
    """Whether one of `words` is an ancestor of one of `others`: hanging it below them would make a cycle."""
    return any(word.is_ancestor(other) for word in words for other in others)


def _phrase_head(word: Token) -> Token | None:
    """The noun heading the noun phrase that ends at `word` (a name's words, an apposition), or None; the noun a
    phrase after a preposition hangs on only when that phrase is a name ("the talks in [Geneva], due to resume"), not
    a thing that may be what is due ("surveillance of [the new euro area], due to come into being")."""
    if not word.tag_.startswith("NN"):
        return None
    while word.head.i < word.i and word.head.tag_.startswith("NN") and (
            word.dep_ in ("compound", "flat", "appos") or word.dep_ == "nmod" and word.tag_ in NAME_TAGS):
        word = word.head
    return word


def _misread_verb(verb: Token, root: Token) -> bool:
    """Whether a word is a past-tense verb (PAST_VERB_TAG) with no subject, hung as a modifier (MODIFIER_VERB_DEPS) on a
    noun of the root's phrase before it; a participle's tag too when that noun is in a coordination, after which the
    tagger reads a past as a participle ("The ministers and their deputies gathered[VBN]"), and when a past is its
    conjunct ("The union struck[VBN] on Monday and resumed talks on Tuesday"). Not a verb before the noun
    it hangs on (its object read as the one it describes: "suspended[amod] Kenya")."""
    if any(c.dep_.startswith("nsubj") for c in verb.children):
        return False
    if verb.dep_ == PARATAXIS_DEP:
        return _set_beside(verb, root)
    # a past as its conjunct makes a participle a past, though it hangs on the root noun itself
    joined = verb.tag_ == PARTICIPLE_TAG and any(c.dep_ == CONJUNCT_DEP and c.tag_ == PAST_VERB_TAG for c in verb.children)
    if verb.dep_ not in MODIFIER_VERB_DEPS or not (root.i < verb.head.i or joined and root.i == verb.head.i) or not (
            verb.head.i < verb.i) or not _in_phrase(verb.head, root):
        return False
    return verb.tag_ == PAST_VERB_TAG or joined or verb.tag_ == PARTICIPLE_TAG and _coordinated(verb.head)


def _set_beside(verb: Token, root: Token) -> bool:
    """Whether a past-tense verb hangs beside the root noun itself (PARATAXIS_DEP) right after a comma that closes an
    aside on that noun ("Chile, which helped found it, [quit]"), or after a quote mark right after that comma (an aside
    ending in a quoted name: 'dubbed "The Great Prophet 2," [began]'): the parse read the subject as a sentence of its
    own."""
    before = verb.doc[verb.i - 1]
    if before.text in QUOTE_MARKS and verb.i >= 2:  # the aside a quoted name ends ('dubbed "The Great Prophet 2,"')
        before = verb.doc[verb.i - 2]
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
    join_split_words(doc)
    for token in doc[1:]:
        token.is_sent_start = False  # our splitter knows better; the parser must not cut "in 2014"
    return doc


def join_split_words(doc: Doc) -> Doc:
    """Make each word the tokenizer or wire text split one token, so that the parse and a headline's cut take it
    whole: a word broken after its hyphen ("newly- announced", "five- year- old") and words joined by a slash
    ("HIV/AIDS", "Nasdaq/NYSE", "the Sino/US talks"); the token's text and offsets stay the source's."""
    runs: list[tuple[int, int]] = []
    for token in doc[:-1]:
        if _joined_to_next(token, doc[token.i + 1], doc):
            if runs and runs[-1][1] == token.i:
                runs[-1] = (runs[-1][0], token.i + 1)  # a chain: "five- year- old", "HIV / AIDS"
            else:
                runs.append((token.i, token.i + 1))
    with doc.retokenize() as retokenizer:
        for start, end in runs:
            span = doc[start:end + 1]
            retokenizer.merge(span, attrs={"NORM": _joined_norm(span)})
    return doc


def _joined_norm(words: Sequence[Token]) -> str:
    """How the parse reads a joined word: a hyphenated one as itself ("newly-announced"), one of words set side by
    side by a slash as its last ("HIV/AIDS" as "aids", "Nasdaq/NYSE" as "nyse"): read as itself, a word the model
    never saw, the pair was a verb ("Partners [HIV/AIDS] Group") or a preposition ("on the [Nasdaq/NYSE] exchanges")."""
    if any(t.text == SLASH for t in words):
        return words[-1].norm_
    return "".join(t.norm_ for t in words)


def _joined_to_next(token: Token, following: Token, doc: Doc) -> bool:
    """Whether `token` and the token after it are pieces of one word: a hyphen wire text broke off its second half,
    or a slash with a word character on each side and no space ("HIV[/]AIDS": the slash and both its neighbours)."""
    if token.text == SLASH:
        return _slash_between_words(token, doc)
    if following.text == SLASH:
        return _slash_between_words(following, doc)
    # two characters at least before the hyphen: a speaker's broken-off "r- the right" is no word
    return len(token.text) > 2 and token.text.endswith("-") and token.text[-3:-1].isalnum() and token.whitespace_ == " " \
        and following.text[:1].isalpha() and following.lower_ not in SUSPENDED_HYPHEN_NEXT


def _slash_between_words(slash: Token, doc: Doc) -> bool:
    """Whether a slash joins the words on each side of it into one: a word character on each side, no space, and no
    piece that is the end of a name of several words (a doubles pair "Zheng Bo/Zhao Tingting", "an NBC/Wall Street
    Journal poll", "A Los Angeles Times/Bloomberg poll": the slash joins the names, not the words)."""
    before, after = slash.i - 1, slash.i + 1
    if before < 0 or after >= len(doc) or doc[before].whitespace_ or slash.whitespace_ or not (
            doc[before].text[-1:].isalnum() and doc[after].text[:1].isalnum()):
        return False
    return not (_name_goes_on(doc, before, before - 1) or _name_goes_on(doc, after, after + 1))


def _name_goes_on(doc: Doc, piece: int, outer: int) -> bool:
    """Whether a capitalised piece of a slashed pair runs on, across a space, into a capitalised word outside it (not
    the sentence's first word, which is capitalised anyway): the piece ends a name of several words."""
    if not 0 < outer < len(doc) or not doc[piece].text.istitle() or not doc[outer].text.istitle():
        return False
    return bool(doc[min(piece, outer)].whitespace_)
