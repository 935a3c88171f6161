"""What `timeline render` publishes, read from a file: a curated timeline file (`*.timeline.json`), or the
JSON that `timeline extract --format json` prints (every event of one article, none hidden).

Bad input raises PublishInputError with a one-line reason; nothing here prints.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from timeline.types import Document, Event, Granularity, Span, Timeline, Trigger

__all__ = ["MAX_FILE_BYTES", "PublishInputError", "read_timelines", "timeline_from_extract_json"]

MAX_FILE_BYTES = 64 * 1024 * 1024  # a timeline file of many long articles stays far below this


_KIND_NAMES = {str: "a string", int: "a whole number"}


class PublishInputError(ValueError):
    """A file `timeline render` cannot publish; the message is one line."""


def _field(row: dict, name: str, kind: type | tuple[type, ...], where: str) -> Any:
    value = row.get(name)
    if not isinstance(value, kind) or isinstance(value, bool):
        raise PublishInputError(f"{where}: '{name}' is missing or not {_KIND_NAMES.get(kind, 'of its type')}")
    return value


def _event(row: object, index: int) -> Event:
    where = f"events[{index}]"
    if not isinstance(row, dict):
        raise PublishInputError(f"{where} is not an object")
    text = {name: _field(row, name, str, where) for name in ("value", "headline", "sentence", "expression")}
    offsets = {name: _field(row, name, int, where) for name in
               ("id", "sentence_start", "sentence_end", "expression_start", "expression_end")}
    try:
        granularity = Granularity(_field(row, "granularity", str, where))
        start, end = (date.fromisoformat(_field(row, name, str, where)) for name in ("start", "end"))
    except ValueError as err:
        raise PublishInputError(f"{where}: {err}") from None
    trigger = row.get("trigger")
    if trigger is not None:
        if not isinstance(trigger, dict):
            raise PublishInputError(f"{where}: 'trigger' is not an object")
        trigger = Trigger(_field(trigger, "text", str, where), _field(trigger, "start", int, where),
                          _field(trigger, "end", int, where))
    mentions = row.get("mentions") or []
    if not isinstance(mentions, list) or not all(
            isinstance(m, list) and len(m) == 2 and all(isinstance(x, int) for x in m) for m in mentions):
        raise PublishInputError(f"{where}: 'mentions' is not a list of [start, end] pairs")
    return Event(granularity=granularity, start=start, end=end, trigger=trigger,
                 short_headline=row.get("short_headline") if isinstance(row.get("short_headline"), str) else "",
                 mentions=tuple(Span(a, b) for a, b in mentions), **text, **offsets)


def timeline_from_extract_json(data: dict, *, name: str | None = None) -> Timeline:
    """The Timeline of an article from the JSON `timeline extract --format json` printed (the events; the
    article's text is not in it). Raises PublishInputError when `data` is not of that shape."""
    events = data.get("events")
    if not isinstance(events, list):
        raise PublishInputError("'events' is missing or not a list")
    published = data.get("published")
    try:
        day = date.fromisoformat(published) if isinstance(published, str) else None
    except ValueError:
        raise PublishInputError(f"'published' is not a date: {published!r}") from None
    document = Document(text="", published=day, published_source="user" if day else None, name=name,
                        dateline=None)
    return Timeline(document=document, events=tuple(_event(row, i) for i, row in enumerate(events)))


def _is_extract_json(data: object) -> bool:
    return isinstance(data, dict) and "events" in data and "timexes" in data and "published" in data


def read_timelines(path: Path) -> list[Timeline]:
    """The timelines to publish from the file at `path` (only their visible events)."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as err:
        raise PublishInputError(f"cannot read {path}: {err.strerror or err}") from None
    if len(raw) > MAX_FILE_BYTES:
        raise PublishInputError(f"{path} is over the limit of {MAX_FILE_BYTES:,} bytes")
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise PublishInputError(f"{path} is not JSON ({err})") from None
    if _is_extract_json(data):
        return [timeline_from_extract_json(data, name=Path(path).name)]
    raise PublishInputError(f"{path} is neither a timeline file (*.timeline.json) nor the JSON of "
                            "'timeline extract --format json'")
