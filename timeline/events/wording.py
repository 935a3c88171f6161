"""A headline's words put back into text: the kept words in order with their own spacing, a few agreed forms
("a"/"an", a verb's past), and the minimal fix-ups (unpaired quotes and brackets, stray punctuation, a capital).

    render(doc, keep={0, 1, 2})        # the words at those indices, as written
    past_tense("withdraw") -> "withdrew";  lemma("withdrawing") -> "withdraw";  participle_past("winning") -> "won"
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from timeline.lang.en.events import (
    APOSTROPHE_QUOTES,
    CLOSING_QUOTES,
    DATELINE_DASHES,
    INDEFINITE_ARTICLES,
    INFLECTION_SUFFIXES,
    IRREGULAR_PAST,
    OPENING_QUOTES,
    PARTICIPLE_ENDING,
    PAST_ENDING,
    RENDERED_IRREGULAR_PAST,
    STRAIGHT_AND_CURLY_QUOTES,
    UNDOUBLED_CONSONANTS,
    indefinite_article,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc


class _Words(NamedTuple):
    """A sentence's words as plain lists, read from the parse once: `render` runs per option
    `headline.prune._shorten` tries, and reading spaCy tokens each time was most of its cost."""

    text: list[str]
    space: list[str]
    lower: list[str]
    alpha: list[bool]
    partner: dict[int, int | None]  # each straight or curly quotation mark's partner (None: it has none here)


_WORDS_KEY = "timeline.headline.words"


def _words_of(doc: Doc) -> _Words:
    """The doc's `_Words`, kept in its user data (a parse is read-only once made)."""
    words = doc.user_data.get(_WORDS_KEY)
    if words is None or len(words.text) != len(doc):
        text = [t.text for t in doc]
        partner: dict[int, int | None] = {i: None for i, word in enumerate(text) if word in STRAIGHT_AND_CURLY_QUOTES}
        for i, j in quotation_pairs(text, STRAIGHT_AND_CURLY_QUOTES):
            partner[i], partner[j] = j, i
        words = _Words(text, [t.whitespace_ for t in doc], [t.lower_ for t in doc], [t.is_alpha for t in doc], partner)
        doc.user_data[_WORDS_KEY] = words
    return words


def quotation_pairs(words: list[str], marks: frozenset[str]) -> list[tuple[int, int]]:
    """The positions of the quotation marks (`marks`) among `words`, paired in order: the first with the second, the
    third with the fourth, ...; a last odd one has no pair."""
    at = [i for i, word in enumerate(words) if word in marks]
    return list(zip(at[::2], at[1::2], strict=False))


def render(doc: Doc, keep: set[int], texts: dict[int, str] | None = None) -> str:
    """The kept words in order, with their own spacing (a word of `texts` rendered as given), then the
    minimal fix-ups."""
    table = _words_of(doc)
    written, lower = table.text, table.lower
    past = {-1 - i for i in keep if i < 0}
    words = _outside_brackets(written, sorted(i for i in keep if i >= 0))
    kept = set(words)
    # a kept quotation mark whose partner was left out goes: the close of one quotation and the open of the next
    # would otherwise enclose words nobody said ('expressed their will [" and reiterated support "] Olmert's office');
    # old wire text's ``...'' is left as it is (its opening marks are often glued to the word)
    unpaired = {i for i, j in table.partner.items() if i in kept and j not in kept}
    closing = _closing_commas(doc, kept)
    words = sorted({i for i in words if i not in unpaired} | closing)
    kept |= closing
    parts: list[str] = []
    previous = None
    for i in words:
        word = written[i]
        if (word == "," or word in DATELINE_DASHES) and not (i - 1 in kept and i + 1 in kept) and i not in closing \
                and not (word == "," and previous is not None and _opens_conjunct(doc, previous, i, kept)):
            continue  # a comma or dash left over from a dropped phrase ("The charity [-- featuring X --] is due")
        text = past_tense(word) if i in past else word
        if texts and i in texts:
            text = texts[i]
        if lower[i] in INDEFINITE_ARTICLES and i + 1 not in kept:
            text = _agreeing_article(table, i, words)
        if previous is not None:
            parts.append(table.space[previous] if i == previous + 1 else " ")
        parts.append(text)
        previous = i
    return _tidy("".join(parts))


def _opens_conjunct(doc: Doc, previous: int, comma: int, kept: set[int]) -> bool:
    """Whether a comma opens the kept conjunct verb right after it, a phrase left out between it and the `previous`
    word kept ("attacked the city [on Monday], killed ten people"): the comma joins the verbs, not the phrase. Not
    after an aside left out, set off by commas of its own ("a Marine officer[, Marine Captain Nicanor Faeldon,]
    escaped"): that comma closed the aside."""
    following = doc[comma + 1] if comma + 1 < len(doc) else None
    return following is not None and comma + 1 in kept and doc[comma].head.i == following.i and (
        following.dep_ == "conj" and following.tag_.startswith("VB")) and not any(
        t.text == "," for t in doc[previous + 1:comma])


def _closing_commas(doc: Doc, kept: set[int]) -> set[int]:
    """The comma that closes an aside whose opening comma is kept ("The city[,] Lubumbashi[,] fell"): the parse hangs
    it on the verb after the aside, which a clause may leave out, and "The city, Lubumbashi fell" reads as a list.
    An aside hangs on a word before it; the words after a fronted phrase's comma do not ("According to X, [the
    exam this year], scheduled for ...")."""
    closing = set()
    for i in kept:
        if doc[i].text != "," or i - 1 not in kept or i + 1 not in kept:
            continue
        j = i + 1  # the aside's words may have lost a date ("which helped found it [in 1969][,] quit")
        while j < len(doc) and doc[j].text != ",":
            j += 1
        outside = {t.head.i for t in doc[i + 1:j] if not i < t.head.i < j}
        if j + 1 in kept and outside and max(outside) < i:
            closing.add(j)
    return closing


def _agreeing_article(table: _Words, article: int, words: list[int]) -> str:
    """'a'/'an' agreeing with the next kept word, when the words between were left out ("by an Irish
    bishop", not "a Irish": "a 17th century Irish bishop" without its date)."""
    following = next((table.text[j] for j in words if j > article and table.alpha[j]), None)
    if following is None:
        return table.text[article]
    agreeing = indefinite_article(following)
    return agreeing.capitalize() if table.text[article][:1].isupper() else agreeing


_BASE_OF_PAST = {past: base for base, past in IRREGULAR_PAST.items()}
_PAST = IRREGULAR_PAST | RENDERED_IRREGULAR_PAST


def lemma(word: str) -> str:
    """A crude stem for comparing triggers: 'withdrew'/'withdrawing'/'withdraws' -> 'withdraw', 'fired' -> 'fir'."""
    word = word.lower()
    if word in _BASE_OF_PAST:
        return _BASE_OF_PAST[word]
    for suffix in INFLECTION_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + ("y" if suffix == "ied" else "")
            break
    return word.rstrip("e")


def past_tense(verb: str) -> str:
    """The simple past of a base-form verb: 'withdraw' -> 'withdrew', 'arrive' -> 'arrived'."""
    word = verb.lower()
    if word in _PAST:
        return _PAST[word]
    if word.endswith("e"):
        return verb + "d"
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return verb[:-1] + "ied"
    return verb + PAST_ENDING


def participle_past(participle: str) -> str:
    """The simple past of a present participle: 'winning' -> 'won', 'returning' -> 'returned', 'citing' -> 'cited',
    'carrying' -> 'carried', 'stopping' -> 'stopped'. The base is not always recoverable from "-ing" ("cit-ing" is
    "cite"), but the regular past is: the stem takes "-ed" whatever its last vowel; an irregular verb is looked up
    as the stem, the stem undoubled ("winn") or the stem with its "e" ("mak" -> "make")."""
    stem = participle[: -len(PARTICIPLE_ENDING)]
    word = stem.lower()
    undoubled = word[:-1] if len(word) > 2 and word[-1] == word[-2] and word[-1] in UNDOUBLED_CONSONANTS else word
    for base in (word, undoubled, word + "e"):
        if base in _PAST:
            past = _PAST[base]
            return past.capitalize() if participle[:1].isupper() else past
    if len(word) > 1 and word.endswith("y") and word[-2] not in "aeiou":  # "carry-ing", "dy-ing"
        return stem[:-1] + "ied"
    return stem + PAST_ENDING


def _outside_brackets(written: list[str], words: list[int]) -> list[int]:
    """The words not inside (round brackets): an aside ("(IS, also known as ISIS)") is not news."""
    out, depth = [], 0
    for i in words:
        depth += written[i] == "("
        if depth == 0:
            out.append(i)
        depth -= written[i] == ")" and depth > 0
    return out


def _tidy(text: str) -> str:
    """Unpaired quotes and brackets out, no dangling punctuation, a capital first letter."""
    text = _without_unpaired_quotes(text)
    if text.count("(") != text.count(")"):
        text = text.replace("(", "").replace(")", "")
    if text.count('"') % 2:
        text = text.replace('"', "")
    text = " ".join(text.split())
    text = text.replace(" ,", ",").strip(" ,;:–—-")
    while text and text[-1] in ",;:–—-([":
        text = text[:-1].rstrip()
    while text and text[0] in ",;:.–—-)]":
        text = text[1:].lstrip()
    return text[:1].upper() + text[1:]


# A quotation mark of OPENING_QUOTES or CLOSING_QUOTES; "''" before "'", and a "’"/"'" inside a word is an apostrophe.
_QUOTE_MARK = re.compile(r"''|``?|[“”‘]|[’'](?!\w)")


def _without_unpaired_quotes(text: str) -> str:
    """The text without the quotation marks whose partner a cut left out ("extended to Aqaba ``", "``boy martyr",
    "Monstrousness,'' read"): each opening mark pairs with the next closing mark of its kind, nested ones inside out.
    A closing mark that may be an apostrophe ("relatives'") stays when it closes nothing; a lone backquote that
    pairs with "''" is written whole (the parse split "``" and a cut kept one half)."""
    open_marks: dict[str, list[re.Match[str]]] = {kind: [] for kind in set(OPENING_QUOTES.values())}
    dropped: list[re.Match[str]] = []
    widened: list[re.Match[str]] = []
    for mark in _QUOTE_MARK.finditer(text):
        if mark.group() in OPENING_QUOTES:
            open_marks[OPENING_QUOTES[mark.group()]].append(mark)
            continue
        opened = open_marks[CLOSING_QUOTES[mark.group()]]
        if mark.group() == "'" and (not opened or opened[-1].group() != "`" or (
                len(opened) == 1 and "''" in text[mark.end():])):
            continue  # an apostrophe, also in the one quotation a "''" closes ("`the relatives' home''")
        if opened:
            opening = opened.pop()
            if opening.group() == "`" and mark.group() == "''":
                widened.append(opening)
        elif mark.group() not in APOSTROPHE_QUOTES:
            dropped.append(mark)
    dropped += [mark for marks in open_marks.values() for mark in marks]
    edits = sorted([(m.start(), m.end(), "") for m in dropped] + [(m.start(), m.end(), "``") for m in widened])
    for start, end, replacement in reversed(edits):
        text = text[:start] + replacement + text[end:]
    return text
