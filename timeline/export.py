"""Timeline -> plain data: the JSON dict of the CLI, a pandas DataFrame, CSV.

    to_dict(extract("On Sunday ...", date(2021, 4, 7)))
    -> {"published": "2021-04-07", "timexes": [...], "events": [...]}
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # types.Timeline's to_dict/to_frame call this module: importing types here would be a cycle
    from timeline.types import Event, Timeline, Timex

EVENT_COLUMNS = (
    "id", "value", "mod", "granularity", "start", "end", "headline", "short_headline", "trigger", "sentence",
    "sentence_start", "sentence_end", "expression", "expression_start", "expression_end", "mentions",
)
# The DataFrame/CSV shape: the same, with the trigger flattened and the mentions counted.
FRAME_COLUMNS = (
    "id", "value", "mod", "granularity", "start", "end", "headline", "short_headline", "trigger", "trigger_start",
    "trigger_end",
    "sentence", "sentence_start", "sentence_end", "expression", "expression_start", "expression_end", "mentions",
)


_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> str:
    """`text` with each lone surrogate (which UTF-8, hence Arrow and Parquet, cannot hold) as U+FFFD.

    One code point for one, so offsets into the original text still index the same characters.
    """
    return _SURROGATE.sub("\ufffd", text)


def timex_to_dict(timex: Timex) -> dict:
    """A timex as {"text", "start", "end", "type", "value"}."""
    return {
        "text": timex.text,
        "start": timex.start,
        "end": timex.end,
        "type": timex.type.value,
        "value": timex.value,
    }


def event_to_dict(event: Event) -> dict:
    """An event with exactly the documented keys; dates as ISO strings, the trigger as {"text", "start", "end"}
    (or null), the mentions as [[expression_start, expression_end], ...]."""
    row = {name: getattr(event, name) for name in EVENT_COLUMNS}
    row["granularity"] = event.granularity.value
    row["start"] = event.start.isoformat()
    row["end"] = event.end.isoformat()
    trigger = event.trigger
    row["trigger"] = None if trigger is None else {"text": trigger.text, "start": trigger.start, "end": trigger.end}
    row["mentions"] = [[m.start, m.end] for m in event.mentions]
    return row


def event_row(event: Event) -> dict:
    """An event as one flat table row (FRAME_COLUMNS): trigger text and offsets, number of mentions."""
    row = event_to_dict(event)
    trigger = row["trigger"] or {}
    row["trigger"], row["trigger_start"], row["trigger_end"] = (trigger.get(k) for k in ("text", "start", "end"))
    row["mentions"] = len(event.mentions)
    return row


def to_dict(timeline: Timeline) -> dict:
    """The JSON shape printed by `python -m timeline extract --format json`."""
    published = timeline.document.published
    return {
        "published": published.isoformat() if published else None,
        "timexes": [timex_to_dict(t) for t in timeline.timexes],
        "events": [event_to_dict(e) for e in timeline.events],
    }


def to_frame(timeline: Timeline):
    """Events as a pandas DataFrame (one row per event, FRAME_COLUMNS order).

    Lone surrogates (possible in a str given to `extract`) become U+FFFD in the frame only: pandas
    stores strings in Arrow, which takes valid UTF-8 alone; the Timeline keeps the text as given.
    """
    import pandas as pd

    rows = [_encodable(event_row(e)) for e in timeline.events]
    frame = pd.DataFrame(rows, columns=list(FRAME_COLUMNS))
    for column in ("trigger_start", "trigger_end"):
        frame[column] = frame[column].astype("Int64")
    frame["start"] = pd.to_datetime(frame["start"])
    frame["end"] = pd.to_datetime(frame["end"])
    return frame


def _encodable(row: dict) -> dict:
    return {key: replace_surrogates(value) if isinstance(value, str) else value for key, value in row.items()}
