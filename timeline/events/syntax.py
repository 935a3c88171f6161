"""Small questions asked of a parsed sentence's words by the headline modules (which words a token heads, whether
it has a child of a relation, where the sentence's own words begin)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.events.trigger import dateline

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def ids(token: Token) -> set[int]:
    """The indices of the words `token` heads, itself included."""
    return {t.i for t in token.subtree}


def has_dep(token: Token, *deps: str) -> bool:
    """Whether a token has a child of one of these UD relations (a copula: "was" in "was wounded[JJ]")."""
    return any(c.dep_ in deps for c in token.children)


def is_punctuation(token: Token) -> bool:
    """Punctuation by relation and by form: a number the parse labels `punct` ("magnitude 7.6") is a word."""
    return token.dep_ == "punct" and not any(ch.isalnum() for ch in token.text)


def opening(doc: Doc, removed: set[int]) -> int | None:
    """The index of the sentence's first word (after a wire dateline and the date's own words)."""
    skipped = removed | dateline(doc)
    return next((t.i for t in doc if t.i not in skipped and not t.is_punct), None)
