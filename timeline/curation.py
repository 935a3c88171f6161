"""Curation: what a reader changes in an extracted timeline, as an operation log replayed on the events.

    key = event_key(article_hash(text), event)                  -> "3f2a9c01d4e5:213-219"
    ops = [EditHeadline(key, "Rockets hit Balad"), Hide(other)]
    curated = apply_operations([extract(text, published)], ops)
    curated.timelines()      -> one Timeline per article, only the visible events, edits applied
    curated.orphans          -> the operations whose event is no longer extracted (listed, never dropped)

An event is known by a stable key: the first 12 hex digits of the SHA-256 of its article's text and the
offsets of its date expression. Extraction may change between versions (other headlines, other values),
but an edit keeps pointing at the same words of the same text; an edit whose words are no longer an event
is an orphan. Operations are small frozen dataclasses, checked when made (a date through timex3, a link
http(s) only), and the log is replayed from the extracted events every time: no state but the log.

The timeline file (`*.timeline.json`, schema in timeline/schema/timeline.schema.json) holds the articles,
their extracted events and the log: `dump_timeline_file` / `load_timeline_file`.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlsplit

from timeline.describe import shorten
from timeline.export import event_to_dict
from timeline.timex3 import format_value, parse_value
from timeline.types import Document, Event, Span, Timeline, Trigger
from timeline.values import Granularity, TimeValue

__all__ = [
    "MAX_FILE_BYTES", "OPERATIONS", "SCHEMA_VERSION", "AddEvent", "ArticleRecord", "CuratedEvent",
    "CuratedTimeline", "EditDate", "EditHeadline", "Hide", "Merge", "Operation", "Restore", "RevertEvent", "Split",
    "TimelineFile", "TimelineFileError", "apply_operations", "article_hash", "date_value", "dump_timeline_file",
    "event_from_dict", "event_key", "load_timeline_file", "operation_from_dict", "operation_to_dict",
    "short_headline", "timeline_file",
]

SCHEMA_VERSION = 1
#: A timeline file larger than this is refused before it is parsed (articles are at most 10 MiB each).
MAX_FILE_BYTES = 50 * 1024 * 1024
SCHEMA_PATH = Path(__file__).resolve().parent / "schema" / "timeline.schema.json"
HASH_CHARS = 12
MANUAL_PREFIX = "manual:"
_SHORT_MAX = 42  # a chart label, as timeline.events.headline.SHORT_MAX
_HEADLINE_MAX = 300


# ---------------------------------------------------------------- keys and values

def article_hash(text: str) -> str:
    """The SHA-256 (hex) of an article's text: what its events' keys and the timeline file name it by."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def event_key(text_hash: str, event: Event) -> str:
    """The stable key of an extracted event: '<12 hex digits of the article hash>:<start>-<end>' of its
    date expression (offsets into the article text)."""
    return f"{text_hash[:HASH_CHARS]}:{event.expression_start}-{event.expression_end}"


def date_value(day: date, granularity: Granularity | str) -> str:
    """The TIMEX3 value of the period at `granularity` holding `day` (date(2021, 3, 9), "month" -> "2021-03")."""
    return format_value(TimeValue.of(day, Granularity(granularity)))


def _anchored(value: str) -> TimeValue:
    """The typed value of a date the reader typed; ValueError with a reason for anything not a placed date."""
    try:
        parsed = parse_value(value)
    except (ValueError, OverflowError) as error:
        raise ValueError(f"not a date value: {value!r} (e.g. 2021-04-07, 2021-04, 2021)") from error
    if not isinstance(parsed, TimeValue) or not parsed.anchored or parsed.granularity is None:
        raise ValueError(f"not a date with a place in time: {value!r}")
    return parsed


def short_headline(headline: str, limit: int = _SHORT_MAX) -> str:
    """A typed headline cut to a chart label: one line, at a word boundary, with an ellipsis."""
    return shorten(headline, limit)


def _clean_headline(headline: str) -> str:
    text = " ".join(str(headline).split())
    if not text:
        raise ValueError("a headline cannot be empty")
    if len(text) > _HEADLINE_MAX:
        raise ValueError(f"a headline is at most {_HEADLINE_MAX} characters ({len(text)} given)")
    return text


def _check_link(link: str) -> None:
    if link and (urlsplit(link).scheme not in ("http", "https") or not urlsplit(link).netloc):
        raise ValueError(f"a source link must be an http(s) address: {link!r}")


# ---------------------------------------------------------------- operations

@dataclass(frozen=True)
class EditHeadline:
    """Say what happened in other words."""

    kind: ClassVar[str] = "edit_headline"
    event: str
    headline: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "headline", _clean_headline(self.headline))


@dataclass(frozen=True)
class EditDate:
    """Give the event another date: a TIMEX3 value with a place in time; its precision is the value's
    ("2021-03" is a month, "2021-03-09" a day)."""

    kind: ClassVar[str] = "edit_date"
    event: str
    value: str

    def __post_init__(self) -> None:
        _anchored(self.value)


@dataclass(frozen=True)
class Hide:
    """Leave the event off the timeline (it stays in the file, and can be restored)."""

    kind: ClassVar[str] = "hide"
    event: str


@dataclass(frozen=True)
class Restore:
    """Show a hidden event again."""

    kind: ClassVar[str] = "restore"
    event: str


@dataclass(frozen=True)
class RevertEvent:
    """Restore the original: the extracted headline and date again (undoing every edit of this event)."""

    kind: ClassVar[str] = "revert"
    event: str


@dataclass(frozen=True)
class Merge:
    """`other` is the same happening as `event`: one mark, `other`'s mentions kept as sources of `event`."""

    kind: ClassVar[str] = "merge"
    event: str
    other: str

    def __post_init__(self) -> None:
        if self.event == self.other:
            raise ValueError("an event cannot be merged with itself")


@dataclass(frozen=True)
class Split:
    """Undo the merges into `event`: every event merged into it is on its own again."""

    kind: ClassVar[str] = "split"
    event: str


@dataclass(frozen=True)
class AddEvent:
    """An event the article implies but does not date, added by hand to the article `article` (its hash;
    "" for the first article). `event` is its key, 'manual:<id>', chosen once when it is made."""

    kind: ClassVar[str] = "add"
    event: str
    value: str
    headline: str
    note: str = ""
    link: str = ""
    article: str = ""

    def __post_init__(self) -> None:
        if not self.event.startswith(MANUAL_PREFIX) or len(self.event) <= len(MANUAL_PREFIX):
            raise ValueError(f"an added event's key starts with {MANUAL_PREFIX!r}: {self.event!r}")
        _anchored(self.value)
        object.__setattr__(self, "headline", _clean_headline(self.headline))
        object.__setattr__(self, "note", str(self.note).strip())
        object.__setattr__(self, "link", str(self.link).strip())
        _check_link(self.link)


Operation = EditHeadline | EditDate | Hide | Restore | RevertEvent | Merge | Split | AddEvent
OPERATIONS: dict[str, type] = {cls.kind: cls for cls in (EditHeadline, EditDate, Hide, Restore, RevertEvent,
                                                          Merge, Split, AddEvent)}


def operation_to_dict(op: Operation) -> dict[str, Any]:
    """An operation as the timeline file stores it: {"op": kind, field: value, ...}."""
    return {"op": op.kind, **dataclasses.asdict(op)}


def operation_from_dict(data: dict[str, Any]) -> Operation:
    """The operation a file's dict describes; ValueError with a reason when it is not one."""
    cls = OPERATIONS.get(str(data.get("op")))
    if cls is None:
        raise ValueError(f"unknown operation {data.get('op')!r}")
    names = {f.name for f in dataclasses.fields(cls)}
    extra = set(data) - names - {"op"}
    if extra:
        raise ValueError(f"operation {cls.kind!r} has unknown fields: {', '.join(sorted(extra))}")
    try:
        return cls(**{k: v for k, v in data.items() if k != "op"})
    except TypeError as error:
        raise ValueError(f"operation {cls.kind!r}: {error}") from error


# ---------------------------------------------------------------- the curated timeline

@dataclass(frozen=True)
class CuratedEvent:
    """One event as curated: `event` as shown (edits applied; a plain Event every exporter reads),
    `original` as extracted (None for an event added by hand), whether it is hidden or merged into
    another (`merged_into`), the keys merged into it (`members`, its other sources), a note and a link."""

    key: str
    article: int
    event: Event
    original: Event | None
    hidden: bool = False
    merged_into: str | None = None
    members: tuple[str, ...] = ()
    note: str = ""
    link: str = ""

    @property
    def manual(self) -> bool:
        """Added by hand."""
        return self.original is None

    @property
    def visible(self) -> bool:
        """On the timeline: neither hidden nor merged into another event."""
        return not self.hidden and self.merged_into is None

    @property
    def edited_fields(self) -> tuple[str, ...]:
        """Which of headline and date differ from the extracted event."""
        if self.original is None:
            return ()
        fields = []
        if self.event.headline != self.original.headline:
            fields.append("headline")
        if self.event.value != self.original.value:
            fields.append("date")
        return tuple(fields)

    @property
    def edited(self) -> bool:
        """Its headline or date was changed by hand ("restore original" undoes that)."""
        return bool(self.edited_fields)


@dataclass(frozen=True)
class CuratedTimeline:
    """The extracted timelines with an operation log applied (`apply_operations`).

    `events` holds every event, visible or not, in article order then extraction order (added ones
    last); `orphans` the operations naming an event of a loaded article that is not there (listed,
    never dropped), `elsewhere` those naming an article that is not loaded.
    """

    extracted: tuple[Timeline, ...]
    events: tuple[CuratedEvent, ...]
    orphans: tuple[Operation, ...] = ()
    elsewhere: tuple[Operation, ...] = ()

    def timelines(self) -> tuple[Timeline, ...]:
        """One Timeline per article with only its visible events, edits applied (so every exporter works)."""
        visible: dict[int, list[Event]] = {}
        for item in self.events:
            if item.visible:
                visible.setdefault(item.article, []).append(item.event)
        return tuple(replace(t, events=tuple(visible.get(i, ()))) for i, t in enumerate(self.extracted))

    def by_key(self) -> dict[str, CuratedEvent]:
        """Every event by its key."""
        return {item.key: item for item in self.events}

    def visible(self) -> tuple[CuratedEvent, ...]:
        """The events on the timeline."""
        return tuple(item for item in self.events if item.visible)


@dataclass
class _State:
    """One event while the log is replayed."""

    article: int
    original: Event | None
    value: str
    headline: str
    hidden: bool = False
    merged_into: str | None = None
    note: str = ""
    link: str = ""


def _target(op: Operation) -> tuple[str, ...]:
    return (op.event, op.other) if isinstance(op, Merge) else (op.event,)


def apply_operations(extracted: Sequence[Timeline], ops: Iterable[Operation], *,
                     hashes: Sequence[str | None] | None = None) -> CuratedTimeline:
    """Replay `ops` in order on the events of `extracted` (one Timeline per article). Deterministic: the
    same timelines and log give an equal result. An operation whose event is missing is an orphan
    (or `elsewhere` when its article is not among `extracted`) and changes nothing.

    `hashes[i]` is article i's SHA-256 when its text is not at hand (a timeline file may keep only an
    article's address and hash): its events are keyed by it. By default each is the hash of the text."""
    extracted = tuple(extracted)
    given = list(hashes) if hashes is not None else [None] * len(extracted)
    hashes = [(h or article_hash(t.document.text))[:HASH_CHARS] for t, h in zip(extracted, given, strict=True)]
    states: dict[str, _State] = {}
    for index, (t, h) in enumerate(zip(extracted, hashes, strict=True)):
        for event in t.events:
            states.setdefault(event_key(h, event), _State(index, event, event.value, event.headline))
    orphans: list[Operation] = []
    elsewhere: list[Operation] = []
    for op in ops:
        if isinstance(op, AddEvent):
            article = hashes.index(op.article[:HASH_CHARS]) if op.article[:HASH_CHARS] in hashes else (
                0 if not op.article and extracted else -1)
            if article < 0:
                elsewhere.append(op)
            elif op.event not in states:
                states[op.event] = _State(article, None, op.value, op.headline, note=op.note, link=op.link)
            else:
                orphans.append(op)  # the same key twice: the first one stands
            continue
        missing = [k for k in _target(op) if k not in states]
        if missing:
            loaded = any(k.split(":", 1)[0] in hashes or k.startswith(MANUAL_PREFIX) for k in missing)
            (orphans if loaded else elsewhere).append(op)
            continue
        _apply(states, op)
    members: dict[str, list[str]] = {}
    manual: dict[int, list[str]] = {}
    for key, state in states.items():
        if state.merged_into is not None:
            members.setdefault(state.merged_into, []).append(key)
        if state.original is None:
            manual.setdefault(state.article, []).append(key)
    first_manual_id = {article: max((e.id for e in t.events), default=-1) + 1 for article, t in enumerate(extracted)}
    events = tuple(_curated(key, state, states, tuple(members.get(key, ())),
                            first_manual_id.get(state.article, 0) + manual.get(state.article, [key]).index(key)
                            if state.original is None else -1)
                   for key, state in states.items())
    return CuratedTimeline(extracted, events, tuple(orphans), tuple(elsewhere))


def _root(states: dict[str, _State], key: str) -> str:
    seen = {key}
    while (parent := states[key].merged_into) is not None and parent not in seen:
        seen.add(parent)
        key = parent
    return key


def _apply(states: dict[str, _State], op: Operation) -> None:
    state = states[op.event]
    if isinstance(op, EditHeadline):
        state.headline = op.headline
    elif isinstance(op, EditDate):
        state.value = op.value
    elif isinstance(op, Hide):
        state.hidden = True
    elif isinstance(op, Restore):
        state.hidden = False
    elif isinstance(op, RevertEvent):
        if state.original is not None:
            state.value, state.headline = state.original.value, state.original.headline
    elif isinstance(op, Merge):
        into = _root(states, op.event)
        if into != op.other and _root(states, op.other) != into:
            states[op.other].merged_into = into
            for other in states.values():  # what was merged into `other` now belongs to `into` too
                if other.merged_into == op.other:
                    other.merged_into = into
    elif isinstance(op, Split):
        for other in states.values():
            if other.merged_into == op.event:
                other.merged_into = None


def _curated(key: str, state: _State, states: dict[str, _State], members: tuple[str, ...],
             manual_id: int) -> CuratedEvent:
    event = _shown_event(state, states, members, manual_id)
    return CuratedEvent(key, state.article, event, state.original, state.hidden, state.merged_into, members,
                        state.note, state.link)


def _shown_event(state: _State, states: dict[str, _State], members: tuple[str, ...], manual_id: int) -> Event:
    if state.original is None:
        return _manual_event(state, manual_id)
    base = state.original
    changes: dict[str, Any] = {}
    if state.value != base.value:
        value = _anchored(state.value)
        # a date set by hand is the period itself: the "early" of "early 2005" went with the date as written
        changes.update(value=state.value, granularity=value.granularity, start=value.start, end=value.end, mod=None)
    if state.headline != base.headline:
        changes.update(headline=state.headline, short_headline=short_headline(state.headline))
    mentions = [*base.mentions]
    for member in members:  # the same article's mentions join this event's (offsets into one text)
        other = states[member]
        if other.article == state.article and other.original is not None:
            mentions += [m for m in other.original.mentions if m not in mentions]
    if len(mentions) != len(base.mentions):
        changes["mentions"] = tuple(sorted(mentions, key=lambda m: (m.start, m.end)))
    return replace(base, **changes) if changes else base


def _manual_event(state: _State, number: int) -> Event:
    """The Event of one added by hand: no sentence, no offsets; its id follows its article's extracted ids,
    in the order the events were added."""
    value = _anchored(state.value)
    return Event(id=number, value=state.value, granularity=value.granularity, start=value.start, end=value.end,
                 headline=state.headline, short_headline=short_headline(state.headline), trigger=None,
                 sentence="", sentence_start=0, sentence_end=0, expression="", expression_start=0,
                 expression_end=0, mentions=())


# ---------------------------------------------------------------- the timeline file

class TimelineFileError(ValueError):
    """A timeline file that cannot be opened, with a one-line reason for the reader."""


@dataclass(frozen=True)
class ArticleRecord:
    """An article in a timeline file: its text (or only a url), its SHA-256, and what was known of it."""

    sha256: str
    name: str | None = None
    title: str | None = None
    published: date | None = None
    published_source: str | None = None
    text: str | None = None
    url: str | None = None

    def document(self) -> Document:
        """The Document the dashboard and exporters read (an empty text when the file keeps only a url)."""
        return Document(text=self.text or "", published=self.published, published_source=self.published_source,
                        title=self.title, name=self.name)


@dataclass(frozen=True)
class TimelineFile:
    """A curated timeline as saved: articles, their extracted events (as extracted then: reopening shows the
    same view whatever the extractor does now), the operation log, and the view's own settings."""

    articles: tuple[ArticleRecord, ...]
    events: tuple[tuple[Event, ...], ...]
    operations: tuple[Operation, ...] = ()
    view: dict[str, Any] = field(default_factory=dict)
    schema_version: int = SCHEMA_VERSION
    generator: str = ""

    def timelines(self) -> tuple[Timeline, ...]:
        """The extracted timelines the file holds (no timexes: the file keeps events only)."""
        return tuple(Timeline(document=a.document(), events=e) for a, e in zip(self.articles, self.events,
                                                                              strict=True))

    def curated(self) -> CuratedTimeline:
        """The file's log replayed on its events (keyed by the stored hashes: an article kept by its address
        only has no text to hash)."""
        return apply_operations(self.timelines(), self.operations, hashes=[a.sha256 for a in self.articles])


def timeline_file(extracted: Sequence[Timeline], ops: Iterable[Operation] = (), *,
                  view: dict[str, Any] | None = None, urls: Sequence[str | None] | None = None,
                  hashes: Sequence[str | None] | None = None) -> TimelineFile:
    """A TimelineFile of `extracted` (one Timeline per article) and the log `ops`.

    `urls[i]` is article i's address; `hashes[i]` its SHA-256 when its text is not at hand (an article a
    timeline file kept by address only, with an empty text here): it is written by address and hash again,
    without a text."""
    urls = list(urls or [None] * len(extracted))
    given = list(hashes) if hashes is not None else [None] * len(extracted)
    articles = []
    for t, url, known in zip(extracted, urls, given, strict=True):
        text = t.document.text
        by_address = bool(known and url and not text and known != article_hash(text))
        articles.append(ArticleRecord(
            sha256=known if by_address else article_hash(text), name=t.document.name, title=t.document.title,
            published=t.document.published, published_source=t.document.published_source,
            text=None if by_address else text, url=url))
    articles = tuple(articles)
    return TimelineFile(articles, tuple(t.events for t in extracted), tuple(ops), dict(view or {}),
                        generator=f"timeline {_package_version()}")


def _package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("timeline")
    except PackageNotFoundError:  # a source checkout that was never installed
        return "unknown"


def dump_timeline_file(data: TimelineFile) -> str:
    """The JSON text of a timeline file (UTF-8, keys in a fixed order: equal files dump equal)."""
    doc = {
        "schema_version": data.schema_version,
        "generator": data.generator,
        "articles": [
            {**{k: v for k, v in dataclasses.asdict(a).items() if v is not None and k != "published"},
             **({"published": a.published.isoformat()} if a.published else {}),
             "events": [_event_to_file(e) for e in events]}
            for a, events in zip(data.articles, data.events, strict=True)
        ],
        "operations": [operation_to_dict(op) for op in data.operations],
        "view": data.view,
    }
    return json.dumps(doc, ensure_ascii=False, indent=1)


def _event_to_file(event: Event) -> dict[str, Any]:
    return event_to_dict(event) | {"id": event.id, "main_clause": event.main_clause}


def load_timeline_file(source: str | Path | bytes, *, max_bytes: int = MAX_FILE_BYTES) -> TimelineFile:
    """Read a timeline file (a path, or its bytes as uploaded). Raises TimelineFileError with a one-line reason
    for a file too large, not JSON, from a newer schema version, or not following the schema."""
    raw = _read_bytes(source, max_bytes)
    try:
        doc = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise TimelineFileError("not a timeline file: it is not UTF-8 text") from error
    except json.JSONDecodeError as error:
        raise TimelineFileError(f"not a timeline file: broken JSON at line {error.lineno}, "
                                f"column {error.colno} ({error.msg})") from error
    if not isinstance(doc, dict) or "schema_version" not in doc:
        raise TimelineFileError("not a timeline file: no schema_version")
    version = doc["schema_version"]
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        raise TimelineFileError(f"this timeline file is from a newer version (schema {version}); this program "
                                f"reads schema {SCHEMA_VERSION} and older: update timeline to open it")
    _validate(doc)
    try:
        return _from_document(doc)
    except (ValueError, KeyError, TypeError) as error:
        raise TimelineFileError(f"not a valid timeline file: {error}") from error


def _read_bytes(source: str | Path | bytes, max_bytes: int) -> bytes:
    if isinstance(source, bytes | bytearray):
        data = bytes(source)
    else:
        path = Path(source)
        try:
            size = path.stat().st_size
            if size > max_bytes:
                raise TimelineFileError(_too_large(size, max_bytes))
            data = path.read_bytes()
        except OSError as error:
            raise TimelineFileError(f"cannot read {path.name}: {error.strerror or error}") from error
    if len(data) > max_bytes:
        raise TimelineFileError(_too_large(len(data), max_bytes))
    return data


def _too_large(size: int, limit: int) -> str:
    return f"timeline file too large: {size:,} bytes, the limit is {limit:,}"


@lru_cache(maxsize=1)
def _validator():
    import jsonschema

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _validate(doc: dict) -> None:
    from jsonschema.exceptions import best_match

    error = best_match(_validator().iter_errors(doc))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "the top level"
        raise TimelineFileError(f"not a valid timeline file: at {where}: {error.message[:200]}")


def _from_document(doc: dict) -> TimelineFile:
    articles, events = [], []
    for index, item in enumerate(doc["articles"]):
        text = item.get("text")
        if text is not None and article_hash(text) != item["sha256"]:
            raise ValueError(f"articles/{index}: the text does not match its sha256 (the file was changed)")
        articles.append(ArticleRecord(
            sha256=item["sha256"], name=item.get("name"), title=item.get("title"),
            published=date.fromisoformat(item["published"]) if item.get("published") else None,
            published_source=item.get("published_source"), text=text, url=item.get("url"),
        ))
        events.append(tuple(event_from_dict(e) for e in item.get("events", [])))
    ops = tuple(operation_from_dict(op) for op in doc.get("operations", []))
    return TimelineFile(tuple(articles), tuple(events), ops, dict(doc.get("view") or {}),
                        schema_version=SCHEMA_VERSION, generator=str(doc.get("generator", "")))


def event_from_dict(data: dict[str, Any]) -> Event:
    """An Event from `export.event_to_dict`'s shape (with its "id")."""
    trigger = data.get("trigger")
    return Event(
        id=int(data["id"]), value=data["value"], granularity=Granularity(data["granularity"]),
        start=date.fromisoformat(data["start"]), end=date.fromisoformat(data["end"]),
        headline=data["headline"], short_headline=data.get("short_headline") or short_headline(data["headline"]),
        trigger=Trigger(trigger["text"], int(trigger["start"]), int(trigger["end"])) if trigger else None,
        sentence=data["sentence"], sentence_start=int(data["sentence_start"]),
        sentence_end=int(data["sentence_end"]), expression=data["expression"],
        expression_start=int(data["expression_start"]), expression_end=int(data["expression_end"]),
        mentions=tuple(Span(int(s), int(e)) for s, e in data.get("mentions", [])),
        main_clause=bool(data.get("main_clause", False)), mod=data.get("mod"),
    )
