"""Events -> TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html).

    to_timelinejs(frame, title="US agrees to withdraw ...")
    -> {"title": {"text": {...}}, "events": [{"start_date": {"year": 2019, "month": 3},
        "text": {"headline": "...", "text": "..."}, "unique_id": "0-3", ...}]}

Dates are only as precise as the text: a year gives {"year"}, a month {"year", "month"},
a day {"year", "month", "day"}; decades, seasons, quarters and weeks get an end_date and a
display_date. TimelineJS renders headline and text as HTML, so every piece of article text
is escaped here.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlsplit

import pandas as pd

_SEASONS = {"SP": "Spring", "SU": "Summer", "FA": "Autumn", "AU": "Autumn", "WI": "Winter"}
_YEAR_ONLY = {"year", "decade", "century"}
_MONTH = {"month", "season", "quarter"}


def _as_date(value: Any) -> date:
    if isinstance(value, str):
        return date.fromisoformat(value[:10])
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value


def date_object(day: date, granularity: str) -> dict[str, int]:
    """A TimelineJS date object no more precise than `granularity`: month and day are left out
    for a year, the day for a month."""
    if granularity in _YEAR_ONLY:
        return {"year": day.year}
    if granularity in _MONTH:
        return {"year": day.year, "month": day.month}
    return {"year": day.year, "month": day.month, "day": day.day}


def display_date(value: str, granularity: str, start: date, end: date) -> str | None:
    """A reader's name for coarse or unusual spans ('1970s', 'Summer 2019', 'Q2 2020'), else None
    (TimelineJS formats plain years, months and days itself)."""
    last = end - timedelta(days=1)
    if granularity == "decade":
        return f"{start.year}s"
    if granularity == "century":
        return f"{start.year}–{last.year}"
    if granularity == "season":
        code = value.rsplit("-", 1)[-1]
        return f"{_SEASONS.get(code, code)} {start.year}"
    if granularity == "quarter":
        return f"{value.rsplit('-', 1)[-1]} {start.year}"
    if granularity == "week":
        return f"Week of {start.day} {start:%B %Y}"
    return None


def marked_sentence(row: Mapping[str, Any], *, tag: str = "strong") -> str:
    """The sentence, escaped, with the temporal expression in <`tag`> (found at its offsets, else by text)."""
    sentence = str(row.get("sentence") or "")
    expression = str(row.get("expression") or "")
    at = -1
    if "expression_start" in row and "sentence_start" in row:
        at = int(row["expression_start"]) - int(row["sentence_start"])
        if sentence[at:at + len(expression)] != expression:
            at = -1
    if at < 0:
        at = sentence.find(expression) if expression else -1
    if at < 0:
        return html.escape(sentence)
    return (html.escape(sentence[:at]) + f"<{tag}>" + html.escape(expression) + f"</{tag}>"
            + html.escape(sentence[at + len(expression):]))


def _href(url: object) -> str | None:
    """`url` escaped for an href when it is an http(s) address, else None (no javascript:, data:, ...)."""
    if not isinstance(url, str) or not url.strip():
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return html.escape(url.strip(), quote=True) if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def _slide_text(row: Mapping[str, Any], source_url: str | None) -> str:
    """The slide's text: the sentence with its date expression marked, then what the reader added (a note
    and a source link, for an event added by hand) and the article's address, each escaped."""
    parts = [f"<p>{marked_sentence(row)}</p>"] if row.get("sentence") else []
    note = row.get("note")
    if isinstance(note, str) and note.strip():
        parts.append(f"<p>{html.escape(note.strip())}</p>")
    link = _href(row.get("link"))
    if link:
        parts.append(f'<p><a href="{link}">{link}</a></p>')
    source = _href(source_url)
    if source:
        name = str(row.get("source") or "") or html.unescape(source)
        parts.append(f'<p>Source: <a href="{source}">{html.escape(name)}</a></p>')
    return "".join(parts) or "<p></p>"


def event_slide(row: Mapping[str, Any], *, group: str | None = None, source_url: str | None = None
                ) -> dict[str, Any]:
    """One event (a mapping with value, granularity, start, end, headline, sentence, expression, and, when
    curated, note and link) as a TimelineJS slide; `source_url` is its article's address."""
    granularity = str(row["granularity"])
    start, end = _as_date(row["start"]), _as_date(row["end"])
    last = end - timedelta(days=1)
    slide: dict[str, Any] = {"start_date": date_object(start, granularity)}
    if granularity not in {"year", "month", "day", "time"} and last > start:
        slide["end_date"] = date_object(last, granularity)
    shown = display_date(str(row["value"]), granularity, start, end)
    if shown:
        slide["display_date"] = shown
    headline = str(row.get("headline") or "") or str(row.get("expression") or "")
    slide["text"] = {"headline": html.escape(headline), "text": _slide_text(row, source_url)}
    if group:
        slide["group"] = html.escape(group)
    if row.get("event_id") is not None:
        slide["unique_id"] = f"event-{row['event_id']}"
    slide["autolink"] = False  # article text is not a place to invent links
    return slide


def to_timelinejs(
    events: pd.DataFrame | Iterable[Mapping[str, Any]], *, title: str = "Timeline", text: str = "",
    urls: Mapping[str, str | None] | None = None,
) -> dict[str, Any]:
    """The TimelineJS3 JSON for `events` (a DataFrame as the dashboard shows it, or row mappings).

    Events are grouped by their `source` column when there are several sources; `urls` maps a source to
    its article's address, linked from each of its slides.
    """
    rows = events.to_dict("records") if isinstance(events, pd.DataFrame) else list(events)
    sources = {row.get("source") for row in rows if row.get("source")}
    urls = urls or {}
    slides = [event_slide(row, group=row.get("source") if len(sources) > 1 else None,
                          source_url=urls.get(row.get("source"))) for row in rows]
    return {
        "title": {"text": {"headline": html.escape(title), "text": html.escape(text)}},
        "events": slides,
    }
