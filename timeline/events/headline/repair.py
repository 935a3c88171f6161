"""Repairs of stranded words: what a chosen or pruned clause keeps that no longer reads on its own.

    _leftovers(keep, clause, protected, doc)   # "Four soldiers [wounded] said" -> without "wounded"

Given the clause's kept token indices (and, for a cut, the clause before it), each repair returns the words to take
out or put back: a relative clause's verb without its relative word, a bare participle, conjuncts without their
"and", a phrase's opener before a cut, a title's modifiers left on a name (`_leftovers`); an opening conjunction,
comma-set phrase or "that" and a dangling last word (`_trim_edges`); a speaker without its verb of saying
(`_stranded_speaker`); a lone function word between kept words (`_fill_gaps`); hyphenated words kept whole or not at
all (`_whole_words`, `_whole_name`). It hands the repaired index sets back to the clause choice (`clause`), the
pruning (`prune`) and the entry point (`__init__`); it imports nothing of theirs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.events.syntax import ids, is_punctuation
from timeline.lang.en.events import (
    ADVERB_TAG,
    BASE_VERB_TAG,
    CLAUSE_PUNCT,
    COMPLEMENTIZER_TAGS,
    COMPLEMENTIZERS,
    CONJUNCT_DEP,
    CONTROLLED_INFINITIVE_DEP,
    DANGLING_TAGS,
    DOER_OBJECT_TAGS,
    FINITE_CLAUSE_TAGS,
    FINITE_TAGS,
    GAP_TAGS,
    HYPHEN,
    INFINITIVE_TAG,
    MODIFIED_BY_ADVERB_TAGS,
    NAME_TAGS,
    NOMINAL_TAG_OPENINGS,
    NUMBER_TAG,
    OBJECT_DEP,
    PAIR_PRECONJUNCTIONS,
    PAIR_PREPOSITIONS,
    PARTICIPLE_TAGS,
    PARTICLES,
    PHRASE_OPENER_TAGS,
    POSSESSIVE_TAG,
    PRECONJUNCTION_DEP,
    PREPOSITION_TAG,
    QUOTE_MARKS,
    RELATIVE_TAGS,
    REPORTING_VERBS,
    SIDE_CLAUSE_DEPS,
    SIDE_INFINITIVE_DEPS,
    SPEAKER_MAX_WORDS,
    SUPERLATIVE_TAGS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Relations of a verb heading a clause of its own (not a relative clause): one keeps its verb when its wh-word is cut.
_CLAUSE_DEPS = ("ccomp", "xcomp", "csubj", "advcl", "conj", "parataxis", "ROOT")


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
                              and not (doc[words[-1]].lower_ in PARTICLES and doc[words[-1]].dep_ != "case")
                              or _needs_cut_word(doc[words[-1]], keep, removed)):
        # "... by a", "... matches in": the phrase it opened is gone; "... a force [to investigate]": so is its object
        keep = keep - {words[-1]} - _infinitive_mark(doc[words[-1]], keep)
        words = sorted(i for i in keep if i >= 0)
    return keep


def _needs_cut_word(word: Token, keep: set[int], removed: set[int]) -> bool:
    """A last word that reads only with a word the cut took: an adverb before its cut adjective or participle ("the
    newly [elected]"), or a to-infinitive of purpose or a noun's ("a confession to try [and avoid a sentence]", "set
    up a force to investigate [the tragedy]") without its cut object (one it may share with a conjunct), not a date.
    An infinitive a kept verb needs ("pledged to issue [the constitution]") stays: without it the verb dangles too."""
    head = word.head
    if word.tag_ == ADVERB_TAG:
        return head.i > word.i and head.i not in keep and head.tag_.startswith(MODIFIED_BY_ADVERB_TAGS)
    if word.tag_ != BASE_VERB_TAG or not _infinitive_mark(word, keep) or not (
            word.dep_ in SIDE_INFINITIVE_DEPS or word.dep_ == CONTROLLED_INFINITIVE_DEP and _after_thing_object(word, keep)):
        return False
    verbs = [word, *(c for c in word.children if c.dep_ == CONJUNCT_DEP)]
    return any(c.dep_ == OBJECT_DEP and c.i not in keep and c.i not in removed for verb in verbs for c in verb.children)


def _after_thing_object(infinitive: Token, keep: set[int]) -> bool:
    """Whether an infinitive the parse made its verb's complement follows that verb's kept object, a thing, so that it
    says what for ("set up a force [to investigate]", "deterring the use of loans [to buy]"); after a person or a name
    it says what they are to do ("urged Bayern Munich to get", "instructed Urinson to draft"), which the verb needs."""
    return any(c.dep_ == OBJECT_DEP and c.i in keep and c.i < infinitive.i and c.tag_ not in DOER_OBJECT_TAGS
               for c in infinitive.head.children)


def _infinitive_mark(word: Token, keep: set[int]) -> set[int]:
    return {c.i for c in word.children if c.tag_ == INFINITIVE_TAG and c.i in keep}


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
