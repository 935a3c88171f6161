"""What a reader's words find in an event: every word, in any order, in its sentence, headline or article title.

    terms = search_terms('iraq elections "car bomb"')
    -> [Term(words=('car', 'bomb'), exact=True), Term(words=('iraq',)), Term(words=('elections',))]
    terms[2].forms[0]          -> frozenset({'election', 'elections', ...}): a word finds its plural and verb forms
    term_pattern(terms[0])     -> re.Pattern finding "car bomb", "Car-bomb" (a quoted phrase: its words in a row)
    every_term_in(terms, ["Iraq's elections ...", "Vote held"])  -> True when every term is in one of the texts

One policy for the article page (`every_term_in`, `term_pattern`) and the collection store (timeline.collection.query renders
the same terms as SQL over its word index). Words are runs of letters and digits, compared in lower case; a word
is folded by a few endings (`SEARCH_ENDINGS` in timeline.lang.en.words), so "election" finds "elections", "rocket"
"rockets", "attack" "attacked"; words that only look inflected ("news", "us") stay as they are. Forms no ending
gives come from a table built from UD English EWT's lemmas (`SEARCH_IRREGULAR_FORMS`): "fight" finds "fought",
"rise" "rose", "man" "men"; a verb's -ing noun is one of its forms ("killings" finds "killed"). Other words of a
family are apart: "election" does not find "electoral" (an inflection is the same word, a derivation another).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from timeline.lang.en.words import (
    SEARCH_ENDINGS,
    SEARCH_ES_AFTER,
    SEARCH_GERUND_PLURAL,
    SEARCH_IRREGULAR_FORMS,
    SEARCH_MIN_STEM,
    SEARCH_PARTICIPLE,
    SEARCH_PAST,
    SEARCH_PLURAL,
    SEARCH_PLURAL_ES,
    SEARCH_UNDOUBLED,
    SEARCH_VOWELS,
    SEARCH_WHOLE_WORDS,
    SEARCH_Y,
    SEARCH_Y_INFLECTED,
)

__all__ = ["Term", "every_term_in", "regular_relation", "search_terms", "term_pattern", "word_alternatives",
           "word_forms"]

_WORD_SEPARATOR = re.compile(r"[\W_]+")  # what separates words, in any script (as the store's word index)
_SILENT_E = SEARCH_PAST[:1]  # the e of -ed a stem may end in: "rate" -> "rat-ed", "rat-ing"; "prices" -> "price"
_QUOTED = re.compile(r"[\"“”„]([^\"“”„]*)[\"“”„]?")


@dataclass(frozen=True)
class Term:
    """One thing a search asks for: a word, a quoted phrase (`exact`: its words in a row, as typed), or, for text
    with no word in it ("%"), `literal` text looked for as typed."""

    words: tuple[str, ...]
    exact: bool = False
    literal: str = ""

    @property
    def forms(self) -> tuple[frozenset[str], ...]:
        """For each word, the words it finds: itself only in a quoted phrase, else its inflected forms too."""
        return tuple(frozenset({w}) if self.exact else word_forms(w) for w in self.words)


def _words(text: str) -> list[str]:
    return [w for w in _WORD_SEPARATOR.split(text.lower()) if w]


def search_terms(text: str) -> list[Term]:
    """The terms of what a reader typed: each word apart, each "quoted phrase" whole; [] for blank text."""
    text = text.strip()
    terms = [Term(tuple(words), exact=len(words) > 1) for words in map(_words, _QUOTED.findall(text)) if words]
    terms += [Term((w,)) for w in _words(_QUOTED.sub(" ", text))]
    if not terms and text:
        return [Term((), literal=text)]
    return list(dict.fromkeys(terms))


def _stems(word: str) -> set[str]:
    """The words `word` may be a form of: itself, and without its ending ("elections" -> "election", "parties" ->
    "party", "prices" -> "price", "stopped" -> "stop"); a verb's -ing noun in the plural, the verb's too
    ("killings" -> "killing", "kill")."""
    if word.endswith(SEARCH_GERUND_PLURAL) and word not in SEARCH_WHOLE_WORDS:
        return {word} | _stems(word[: -len(SEARCH_PLURAL)])
    ending = next((e for e in SEARCH_ENDINGS if word.endswith(e) and len(word) - len(e) >= SEARCH_MIN_STEM), None)
    if word in SEARCH_WHOLE_WORDS or ending is None or word.endswith(SEARCH_PLURAL * 2):
        return {word}
    stem = word[: -len(ending)]
    if ending != SEARCH_PARTICIPLE and stem.endswith(SEARCH_Y_INFLECTED) and stem[-2] not in SEARCH_VOWELS:
        return {word, stem[:-1] + SEARCH_Y}  # "parties" -> "party", not "part"
    if ending == SEARCH_PLURAL_ES:
        return {word, stem if SEARCH_ES_AFTER.search(stem) else stem + _SILENT_E}
    if ending == SEARCH_PLURAL:
        return {word, stem}
    stems = {word, stem, stem + _SILENT_E}  # -ed, -ing: "attacked" -> "attack", "rated" -> "rate"
    if len(stem) > SEARCH_MIN_STEM and stem[-1] == stem[-2] and stem[-1] not in SEARCH_VOWELS + SEARCH_UNDOUBLED:
        stems.add(stem[:-1])  # "stopped" -> "stop"
    return stems


def _inflections(stem: str) -> set[str]:
    """A word's plural and verb forms: "election" -> "elections", "price" -> "prices", "priced", "pricing"."""
    if len(stem) < SEARCH_MIN_STEM or stem in SEARCH_WHOLE_WORDS:
        return {stem}
    plural = SEARCH_PLURAL_ES if SEARCH_ES_AFTER.search(stem) else SEARCH_PLURAL
    forms = {stem, stem + plural, stem + SEARCH_PAST, stem + SEARCH_PARTICIPLE, stem + SEARCH_GERUND_PLURAL}
    if stem.endswith(_SILENT_E):
        forms |= {stem + SEARCH_PAST[1:], stem[:-1] + SEARCH_PARTICIPLE, stem[:-1] + SEARCH_GERUND_PLURAL}
    if stem.endswith(SEARCH_Y) and stem[-2] not in SEARCH_VOWELS:
        forms |= {stem[:-1] + SEARCH_Y_INFLECTED + e for e in (SEARCH_PLURAL_ES, SEARCH_PAST)}
    return forms


@lru_cache(maxsize=1)
def _irregular() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """From the irregular forms' table: each lemma's forms, and the lemmas of each form that is no word of its own."""
    forms_of: dict[str, set[str]] = {}
    lemmas_of: dict[str, set[str]] = {}
    for line in SEARCH_IRREGULAR_FORMS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            form, lemma, own = line.split("\t")
            forms_of.setdefault(lemma, set()).add(form)
            if own == "0":
                lemmas_of.setdefault(form, set()).add(lemma)
    return ({k: frozenset(v) for k, v in forms_of.items()}, {k: frozenset(v) for k, v in lemmas_of.items()})


def regular_relation(form: str, lemma: str) -> bool:
    """Whether the endings alone make `form` a form of `lemma` ("elections" election; not "fought" fight)."""
    return form in _inflections(lemma) or lemma in _stems(form)


def word_forms(word: str) -> frozenset[str]:
    """The words a searched word finds (lower case): its forms and those of the word it is a form of."""
    word = word.lower()
    forms_of, lemmas_of = _irregular()
    bases = (_stems(word) - {word}) | lemmas_of.get(word, frozenset()) or {word}  # an inflected word's are its base's
    forms = {word} | {form for base in bases for form in _inflections(base) | forms_of.get(base, frozenset())}
    return frozenset(f for f in forms if f == word or f not in SEARCH_WHOLE_WORDS)


def word_alternatives(term: Term) -> list[str]:
    """Each word of a term as a pattern matching any of its forms, the longest first; the same text in Python's
    patterns and RE2's (a form is a run of letters and digits: escaping leaves it as it is)."""
    return ["(?:" + "|".join(map(re.escape, sorted(forms, key=len, reverse=True))) + ")" for forms in term.forms]


def term_pattern(term: Term) -> re.Pattern:
    """A term as a Python pattern over text: its words whole, in any case, whatever separates a phrase's words."""
    if not term.words:
        return re.compile(re.escape(term.literal), re.IGNORECASE)
    return re.compile(r"(?<![^\W_])" + r"[\W_]+".join(word_alternatives(term)) + r"(?![^\W_])", re.IGNORECASE)


def every_term_in(terms: Iterable[Term], texts: Iterable[str | None]) -> bool:
    """Whether every term is in one of the texts (an event's sentence, headline, article title)."""
    texts = [t for t in texts if t]
    return all(any(term_pattern(term).search(t) for t in texts) for term in terms)
