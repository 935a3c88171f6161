"""What is published, as one events frame over every article, and the articles' facts.

The frame is the dashboard's (`Timeline.to_frame()` plus event_id 'DOC-ID', source, doc), in time
order, so the page, the chart and every export read the same rows. A curated timeline
(`timeline.curation.CuratedTimeline`) publishes its visible events only, with what the reader added:
a note and a link (events added by hand), and the other articles' reports of a merged event.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

import pandas as pd

from timeline.curation import CuratedTimeline
from timeline.types import Document, Timeline

__all__ = ["Article", "Publishable", "all_years", "article", "articles_of", "events_frame", "safe_url", "timelines_of",
           "with_curation"]

#: What can be published: timelines (every event in them is published) or a curated timeline.
Publishable = Sequence[Timeline] | CuratedTimeline


@dataclass(frozen=True)
class Article:
    """One article as the published page names it: `name` is unique among the page's articles."""

    index: int
    name: str
    title: str | None
    url: str | None
    published: date | None


def all_years(events: pd.DataFrame) -> tuple[int, int] | None:
    """The chart window holding every event (the dashboard's charts open on where most events are; a published
    chart leaves none out): from the first year any event starts in to the last year any ends in."""
    if events.empty:
        return None
    return int(events["start"].min().year), int((events["end"] - pd.Timedelta(days=1)).max().year)


def safe_url(url: object) -> str | None:
    """`url` if it is an http(s) address to show as a link, else None (no javascript:, data:, ...)."""
    if not isinstance(url, str) or not url.strip():
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or any(c in url for c in "\"'<> \n\r\t"):
        return None
    return url


def timelines_of(source: Publishable) -> tuple[Timeline, ...]:
    """One Timeline per article holding the events to publish (a curated timeline's visible ones)."""
    return source.timelines() if isinstance(source, CuratedTimeline) else tuple(source)


def article(index: int, name: str, document: Document, url: str | None = None) -> Article:
    """The Article of `document`, shown as `name`; `url` (or the document's name, when it is a web address)
    is its link."""
    return Article(index, name, document.title, safe_url(url) or safe_url(document.name), document.published)


def articles_of(source: Publishable, urls: Sequence[str | None] = ()) -> list[Article]:
    """The articles, named by title, else file name, else 'Article N' (made unique); `urls[i]` links article i."""
    seen: set[str] = set()
    articles = []
    for index, timeline in enumerate(timelines_of(source)):
        document = timeline.document
        name = " ".join((document.title or document.name or "").split()) or f"Article {index + 1}"
        while name in seen:  # two articles with one name stay apart
            name += " (2)"
        seen.add(name)
        articles.append(article(index, name, document, urls[index] if index < len(urls) else None))
    return articles


def events_frame(source: Publishable, urls: Sequence[str | None] = ()) -> pd.DataFrame:
    """Every event to publish in one frame, in time order (then article, then text order).

    A curated timeline adds the columns note and link (of events added by hand) and also: the other
    articles' reports merged into the event, as (article name, sentence, expression) triples.
    """
    timelines = timelines_of(source)
    articles = articles_of(timelines, urls)
    frames = []
    for timeline, item in zip(timelines, articles, strict=True):
        frame = timeline.to_frame()
        frames.append(frame.assign(event_id=[f"{item.index}-{i}" for i in frame["id"]], source=item.name,
                                   doc=item.index))
    frames = [f for f in frames if len(f)]
    if not frames:
        empty = Timeline(Document("")).to_frame()
        return empty.assign(event_id=pd.Series(dtype=str), source=pd.Series(dtype=str), doc=pd.Series(dtype=int))
    frame = pd.concat(frames, ignore_index=True)
    if isinstance(source, CuratedTimeline):
        keys = {f"{item.article}-{item.event.id}": item.key for item in source.visible()}
        frame = with_curation(frame.assign(key=frame["event_id"].map(keys)), source, [a.name for a in articles])
    return frame.sort_values(["start", "end", "doc", "expression_start"], kind="stable").reset_index(drop=True)


def with_curation(frame: pd.DataFrame, curated: CuratedTimeline, names: Sequence[str]) -> pd.DataFrame:
    """`frame` (events of `curated`, their keys in the column `key`) with what the reader added: note and link
    (events added by hand) and also, the reports merged in from other articles as (article name, sentence,
    expression) triples; `names[i]` names the curated timeline's article i."""
    by_key = curated.by_key()
    notes, links, also = [], [], []
    for key in frame["key"]:
        item = by_key.get(key)
        members = [by_key[k] for k in item.members] if item else []
        notes.append(item.note if item else "")
        links.append((safe_url(item.link) or "") if item else "")
        also.append(tuple((names[m.article], m.original.sentence, m.original.expression) for m in members
                          if m.original is not None and m.article != item.article))
    return frame.assign(note=notes, link=links, also=also)
