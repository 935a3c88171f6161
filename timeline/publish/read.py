"""What `timeline render` publishes, read from a file: a curated timeline file (`*.timeline.json`: its
visible events, edits applied), or the JSON that `timeline extract --format json` prints (every event of
one article).

Bad input raises PublishInputError with a one-line reason; nothing here prints.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import NamedTuple

from timeline.curation import MAX_FILE_BYTES, TimelineFileError, event_from_dict, load_timeline_file
from timeline.publish.frame import Publishable
from timeline.types import Document, Timeline

__all__ = ["PublishInputError", "ToPublish", "read_to_publish", "timeline_from_extract_json"]


class PublishInputError(ValueError):
    """A file `timeline render` cannot publish; the message is one line."""


class ToPublish(NamedTuple):
    """What a file holds to publish, and the articles' addresses (None where unknown)."""

    source: Publishable
    urls: tuple[str | None, ...]


def timeline_from_extract_json(data: dict, *, name: str | None = None) -> Timeline:
    """The Timeline of an article from the JSON `timeline extract --format json` printed (the events; the
    article's text is not in it). Raises PublishInputError when `data` is not of that shape."""
    events, published = data.get("events"), data.get("published")
    if not isinstance(events, list):
        raise PublishInputError("'events' is missing or not a list")
    try:
        day = date.fromisoformat(published) if published is not None else None
        read = tuple(event_from_dict(row) for row in events)
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise PublishInputError(f"not the JSON of 'timeline extract': {type(err).__name__}: {err}") from None
    document = Document(text="", published=day, published_source="user" if day else None, name=name,
                        dateline=None)
    return Timeline(document=document, events=read)


def _is_extract_json(data: object) -> bool:
    return isinstance(data, dict) and {"events", "timexes", "published"} <= set(data)


def read_to_publish(path: Path) -> ToPublish:
    """What the file at `path` publishes."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as err:
        raise PublishInputError(f"cannot read {path}: {err.strerror or err}") from None
    if len(raw) > MAX_FILE_BYTES:
        raise PublishInputError(f"{path} is over the limit of {MAX_FILE_BYTES:,} bytes")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        data = None  # the timeline file's reader says what is wrong, in its words
    if _is_extract_json(data):
        return ToPublish([timeline_from_extract_json(data, name=Path(path).name)], ())
    try:
        opened = load_timeline_file(raw)
    except TimelineFileError as err:
        raise PublishInputError(f"{path}: {err}") from None
    return ToPublish(opened.curated(), tuple(a.url for a in opened.articles))
