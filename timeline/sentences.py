"""Sentence splitting with exact offsets: text -> [Span], never copies of the text.

    split_sentences("Dr. Smith came on Dec. 3. He left.")
    -> [Span(0, 25), Span(26, 34)]

A sentence ends at . ! ? (with closing quotes/brackets) followed by space and a capital
letter, digit or quote, unless the word before the dot is a known abbreviation (U.S.,
Dr., Dec.) or an initial. A blank line, or a line break after a line without final
punctuation (a headline, a dateline), always ends a sentence.
"""

from __future__ import annotations

import re
from types import ModuleType

from timeline.ruleset import load_ruleset
from timeline.types import Span

_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)|\n[ \t]*\n|\n")
_WORD_BEFORE = re.compile(r"([\w.]+)\.?$")


def split_sentences(text: str, words: ModuleType | None = None) -> list[Span]:
    """Sentence spans of `text`, trimmed of surrounding whitespace, in order.

    `words`: the language's vocabularies (`Ruleset.words`, default English) for its abbreviations."""
    words = words or load_ruleset().words
    spans = []
    start = 0
    for boundary in _BOUNDARY.finditer(text):
        end = boundary.end()
        if boundary.group().startswith("\n"):
            if boundary.group() == "\n" and _continues(text, start, boundary.start()):
                continue
        elif not _ends_sentence(text, boundary.start(), boundary.group(), end, words):
            continue
        _add(spans, text, start, end)
        start = end
    _add(spans, text, start, len(text))
    return spans


def _add(spans: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end))


def _continues(text: str, start: int, newline: int) -> bool:
    """A single line break inside a paragraph (wrapped text) does not end the sentence."""
    line = text[start:newline].rstrip()
    if not line:
        return False
    next_char = text[newline + 1: newline + 2]
    return line[-1] not in ".!?:\"”'" and len(line) > 60 and next_char.islower()


def _ends_sentence(text: str, dot: int, mark: str, end: int, words: ModuleType) -> bool:
    following = text[end:end + 3].lstrip()
    if not following or not (following[0].isupper() or following[0].isdigit() or following[0] in "\"'“‘([—–-"):
        return False
    if not mark.startswith("."):
        return True
    m = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    word = m.group(1).lower() if m else ""
    if len(word) == 1 and word.isalpha():  # an initial: "John F. Kennedy"
        return False
    if word in words.SENTENCE_FINAL_ABBREVIATIONS:
        return _next_word_starts_sentence(text, end, words)
    return word not in words.ABBREVIATIONS


def _next_word_starts_sentence(text: str, end: int, words: ModuleType) -> bool:
    """After "U.S." a new sentence starts with a common capitalised function word."""
    m = re.match(r"\s+[\"“]?([A-Z][a-z]*)", text[end:end + 20])
    return bool(m) and m.group(1) in words.SENTENCE_STARTERS
