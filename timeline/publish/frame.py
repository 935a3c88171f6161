"""Timelines -> what is published: one events frame over every article, and the articles' facts.

The frame is the dashboard's (`Timeline.to_frame()` plus event_id 'DOC-ID', source, doc), in time
order, so the page, the chart and every export read the same rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

import pandas as pd

from timeline.types import Document, Timeline

__all__ = ["Article", "article", "articles_of", "events_frame", "safe_url"]


@dataclass(frozen=True)
class Article:
    """One article as the published page names it: `name` is unique among the page's articles."""

    index: int
    name: str
    title: str | None
    url: str | None
    published: date | None


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


def _document_url(document: Document) -> str | None:
    """Where the article was read from, when that is a web address (a fetched page, or a name that is one)."""
    return safe_url(getattr(document, "url", None)) or safe_url(document.name)


def article(index: int, name: str, document: Document) -> Article:
    """The Article of `document`, shown as `name`."""
    return Article(index, name, document.title, _document_url(document), document.published)


def articles_of(timelines: Sequence[Timeline]) -> list[Article]:
    """The articles of `timelines`, named by title, else file name, else 'Article N' (made unique)."""
    seen: set[str] = set()
    articles = []
    for index, timeline in enumerate(timelines):
        document = timeline.document
        name = (document.title or document.name or f"Article {index + 1}").strip() or f"Article {index + 1}"
        while name in seen:  # two articles with one name stay apart
            name += " (2)"
        seen.add(name)
        articles.append(article(index, name, document))
    return articles


def events_frame(timelines: Sequence[Timeline]) -> pd.DataFrame:
    """Every event of `timelines` in one frame, in time order (then article, then text order)."""
    frames = []
    for timeline, article in zip(timelines, articles_of(timelines), strict=True):
        frame = timeline.to_frame()
        frames.append(frame.assign(event_id=[f"{article.index}-{i}" for i in frame["id"]], source=article.name,
                                   doc=article.index))
    frames = [f for f in frames if len(f)]
    if not frames:
        empty = timelines[0].to_frame() if timelines else Timeline(Document("")).to_frame()
        return empty.assign(event_id=pd.Series(dtype=str), source=pd.Series(dtype=str), doc=pd.Series(dtype=int))
    frame = pd.concat(frames, ignore_index=True)
    return frame.sort_values(["start", "end", "doc", "expression_start"], kind="stable").reset_index(drop=True)
