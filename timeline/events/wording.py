"""A headline's words put back into text: the kept words in order with their own spacing, a few agreed forms
("a"/"an", a verb's past), and the minimal fix-ups (a quotation's marks only around all of its words and set on them,
unpaired brackets, stray punctuation, a possessive ending without its possessor, a capital).

    render(doc, keep={0, 1, 2})        # the words at those indices, as written
    past_tense("withdraw") -> "withdrew";  lemma("withdrawing") -> "withdraw";  participle_past("winning") -> "won"
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from timeline.lang.en.events import (
    APOSTROPHE_QUOTES,
    CLOSING_PUNCTUATION,
    CLOSING_QUOTES,
    DATELINE_DASHES,
    INDEFINITE_ARTICLES,
    INFLECTION_SUFFIXES,
    IRREGULAR_PAST,
    OPENING_QUOTES,
    PARTICIPLE_ENDING,
    PAST_ENDING,
    POSSESSIVE_TAG,
    QUOTE_MARKS,
    RENDERED_IRREGULAR_PAST,
    STRAIGHT_QUOTE,
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
    quotes: list[Quotation]  # the sentence's quotations (`quotations`)
    marks: frozenset[int]  # every quotation mark that is no apostrophe, paired or not
    possessive: frozenset[int]  # possessive endings ("troops[']", "Bush['s]")


_WORDS_KEY = "timeline.headline.words"


def _words_of(doc: Doc) -> _Words:
    """The doc's `_Words`, kept in its user data (a parse is read-only once made)."""
    words = doc.user_data.get(_WORDS_KEY)
    if words is None or len(words.text) != len(doc):
        text = [t.text for t in doc]
        marks = frozenset(i for i, word in enumerate(text) if word in QUOTE_MARKS or word in OPENING_QUOTES)
        possessive = frozenset(t.i for t in doc if t.tag_ == POSSESSIVE_TAG)
        words = _Words(text, [t.whitespace_ for t in doc], [t.lower_ for t in doc], [t.is_alpha for t in doc],
                       quotations(text), marks, possessive)
        doc.user_data[_WORDS_KEY] = words
    return words


class Quotation(NamedTuple):
    """A quotation among a sentence's words: its opening mark (one word, or the two the parse splits "``" into),
    the words inside, its closing mark."""

    opening: tuple[int, ...]
    inside: range
    closing: int
    words: frozenset[int]  # the words inside, not punctuation: kept all, the quotation is kept whole

    @property
    def marks(self) -> tuple[int, ...]:
        """The positions of its marks."""
        return (*self.opening, self.closing)


def quotations(words: list[str]) -> list[Quotation]:
    """The quotations among a sentence's words: straight double quotes paired in turn, every other opening mark
    (OPENING_QUOTES) with the next closing mark of its kind (CLOSING_QUOTES), nested ones inside out; a run of two
    backquotes is one mark (the parse splits "``"), and a mark that may be an apostrophe (APOSTROPHE_QUOTES) closes
    only a one-backquote or curly single quotation, not one a "''" later closes ("`the relatives' home''"). A mark
    with no partner is in none."""
    def quotation(opening: tuple[int, ...], closing: int) -> Quotation:
        inside = range(opening[-1] + 1, closing)
        return Quotation(opening, inside, closing, frozenset(j for j in inside if any(map(str.isalnum, words[j]))))

    straight = [i for i, word in enumerate(words) if word == STRAIGHT_QUOTE]
    out = [quotation((i,), j) for i, j in zip(straight[::2], straight[1::2], strict=False)]
    opened: dict[str, list[tuple[int, ...]]] = {kind: [] for kind in set(OPENING_QUOTES.values())}
    i = 0
    while i < len(words):
        word = words[i]
        if word in OPENING_QUOTES:
            run = (i, i + 1) if word == "`" and i + 1 < len(words) and words[i + 1] == "`" else (i,)
            opened[OPENING_QUOTES[word]].append(run)
            i = run[-1] + 1
            continue
        stack = opened.get(CLOSING_QUOTES.get(word, ""), [])
        if stack and (word not in APOSTROPHE_QUOTES or (
                len(stack[-1]) == 1 and not (len(stack) == 1 and "''" in words[i + 1:]))):
            out.append(quotation(stack.pop(), i))
        i += 1
    return sorted(out)


def sentence_quotations(doc: Doc) -> list[Quotation]:
    """The quotations of a parsed sentence (`quotations` of its words, read once per parse)."""
    return _words_of(doc).quotes


def render(doc: Doc, keep: set[int], texts: dict[int, str] | None = None) -> str:
    """The kept words in order, with their own spacing (a word of `texts` rendered as given), then the
    minimal fix-ups."""
    table = _words_of(doc)
    written, lower = table.text, table.lower
    past = {-1 - i for i in keep if i < 0}
    words = _outside_brackets(written, sorted(i for i in keep if i >= 0))
    kept = set(words)
    quoted = _whole_quotations(table.quotes, kept)
    # a quotation keeps its marks only whole: the close of one quotation and the open of the next would enclose words
    # nobody said ('expressed their will [" and reiterated support "] Olmert's office'), and a quotation a cut or its
    # date opened ('"the [real] bad news is the intensity "') is no longer what was said, but reported speech
    marks = {i for q in quoted for i in q.marks}
    # a possessive ending without its possessor goes ("an exercise ['] ability")
    unread = (table.marks - marks) | {i for i in table.possessive if i - 1 not in kept}
    closing = _closing_commas(doc, kept)
    words = sorted({i for i in words if i not in unread} | marks | closing)
    kept |= marks | closing
    # a mark sits on its words, an ending on its possessor, a full stop on its word ('their " brains "' -> 'their
    # "brains"', "militants ' attack" -> "militants' attack", 'home [today] .' -> 'home.', 'said [on Monday] :')
    glued_after = {i for q in quoted for i in q.opening}
    glued_before = {q.closing for q in quoted} | {i for i in table.possessive if i - 1 in kept} | {
        i for i in words if written[i] in CLOSING_PUNCTUATION}
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
            parts.append("" if previous in glued_after or i in glued_before
                         else table.space[previous] if i == previous + 1 else " ")
        parts.append(text)
        previous = i
    return _tidy("".join(parts))


def _whole_quotations(quotes: list[Quotation], kept: set[int]) -> list[Quotation]:
    """The quotations of which `kept` has a mark and every word inside (their marks are all rendered)."""
    return [q for q in quotes if q.words and q.words <= kept and any(i in kept for i in q.marks)]


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
    first = _OPENING_MARKS.match(text).end()  # the capital after an opening mark ('"Foreign minister" X restated')
    return text[:first] + text[first:first + 1].upper() + text[first + 1:]


# A quotation mark of OPENING_QUOTES or CLOSING_QUOTES; "''" before "'", and a "’"/"'" inside a word is an apostrophe.
_QUOTE_MARK = re.compile(r"''|``?|[“”‘]|[’'](?!\w)")


_OPENING_MARKS = re.compile(r'(?:``?|[“‘"])*')


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
