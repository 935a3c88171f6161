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
    "id", "value", "granularity", "start", "end", "label", "sentence",
    "sentence_start", "sentence_end", "expression", "expression_start", "expression_end",
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
    """An event with exactly the documented keys; dates as ISO strings."""
    row = {name: getattr(event, name) for name in EVENT_COLUMNS}
    row["granularity"] = event.granularity.value
    row["start"] = event.start.isoformat()
    row["end"] = event.end.isoformat()
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
    """Events as a pandas DataFrame (one row per event, EVENT_COLUMNS order).

    Lone surrogates (possible in a str given to `extract`) become U+FFFD in the frame only: pandas
    stores strings in Arrow, which takes valid UTF-8 alone; the Timeline keeps the text as given.
    """
    import pandas as pd

    rows = [_encodable(event_to_dict(e)) for e in timeline.events]
    frame = pd.DataFrame(rows, columns=list(EVENT_COLUMNS))
    frame["start"] = pd.to_datetime(frame["start"])
    frame["end"] = pd.to_datetime(frame["end"])
    return frame


def _encodable(row: dict) -> dict:
    return {key: replace_surrogates(value) if isinstance(value, str) else value for key, value in row.items()}
