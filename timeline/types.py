"""Typed values passed between the pipeline's stages.

text -> Span (sentences) -> Timex (temporal expressions) -> Event (dated, with trigger and headline)
All offsets are Python string indices into the document text: text[start:end].
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import NamedTuple

from timeline.values import Granularity, Value

__all__ = ["Document", "Event", "Granularity", "Span", "Timeline", "Timex", "TimexType"]


class TimexType(str, Enum):
    """TIMEX3 types (TimeML 1.2)."""

    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


@dataclass(frozen=True)
class Span:
    """A half-open character range [start, end) of the document text."""

    start: int
    end: int


class Dateline(NamedTuple):
    """The publication date an article states near its top, and the span of that date in the text."""

    day: date
    span: Span


class Unread(Enum):
    """What a hand-built Document has in the fields only reading the text fills in."""

    UNREAD = "not looked for yet"


@dataclass(frozen=True)
class Document:
    """An article's text and what we know about it (frozen and hashable: caches key on it).

    `published_source` says where the publication date came from:
    "user", "dateline", "meta" (HTML metadata), "timeml" (a DCT), or None when unknown.
    `dateline` is decided once, when the text is read (`documents.read_document`, `extract`): the
    dateline found, or None when the text has none; a Document built by hand leaves it UNREAD and
    `extract_document` looks for it. It stays when the publication date is changed
    (`dataclasses.replace`): the dateline is not an event only while it states the date in use.
    """

    text: str
    published: date | None = None
    published_source: str | None = None
    title: str | None = None
    name: str | None = None
    notes: tuple[str, ...] = ()
    dateline: Dateline | None | Unread = Unread.UNREAD


@dataclass(frozen=True)
class Timex:
    """One TIMEX3 temporal expression found in the text.

    `value` is in TimeML/TIDES form: "2021-04-04", "2019-03", "197", "P3Y",
    "XXXX-WXX-1", "PRESENT_REF", ... `rule` names the rule family that found it.
    `time_value` is the typed value the tagger wrote as `value` (None for a timex read from a
    file: `timex3.parse_value` reads one).
    """

    text: str
    start: int
    end: int
    type: TimexType
    value: str
    rule: str = ""
    mod: str | None = None
    time_value: Value | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Trigger:
    """The word naming what happened at a date (a verb or event noun): text[start:end] == text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Event:
    """A dated event: a DATE/TIME timex that places something in time.

    `start`/`end` is the half-open interval [start, end) the value covers
    (a month covers its first day up to the first day of the next month). `headline` says what happened
    (`short_headline`: the same clause pruned to about 40 characters, for chart labels), `trigger` is the word naming it (None when the sentence has none). `mentions` holds the expression
    span of every mention of this happening in the article (same date, same trigger word or headline),
    the first one being `expression_start`/`expression_end`.
    """

    id: int
    value: str
    granularity: Granularity
    start: date
    end: date
    headline: str
    short_headline: str
    trigger: Trigger | None
    sentence: str
    sentence_start: int
    sentence_end: int
    expression: str
    expression_start: int
    expression_end: int
    mentions: tuple[Span, ...] = ()
    main_clause: bool = False  # the trigger heads the sentence's main clause (what the sentence reports)
    mod: str | None = None  # its timex's TIMEX3 mod: "START" for "early 2005", "MID", "END" ("the late 1970s")


@dataclass(frozen=True)
class Timeline:
    """Everything extracted from one document."""

    document: Document
    timexes: tuple[Timex, ...] = field(default_factory=tuple)
    events: tuple[Event, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict:
        """The documented JSON shape: published, timexes, events."""
        from timeline.export import to_dict

        return to_dict(self)

    def to_frame(self):  # -> pandas.DataFrame (pandas imported lazily)
        """One row per event, columns as in `to_dict()["events"]`."""
        from timeline.export import to_frame

        return to_frame(self)

