"""Where the article page's articles come from, and the cached work on them.

Bundled articles (the data/ folder beside dashboard.py), pasted text and uploads are read by
`timeline.documents.read_document` into a Document, once per content (cached on the bytes); the
Document decides its publication date and dateline there and is never taken apart: a changed
publication date is `dataclasses.replace` on it. Extraction is cached on the Document itself (frozen,
hashed by value), so filters and clicks never re-extract. Exports are made on click and kept.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import streamlit as st

import timeline
from timeline.documents import DocumentError, read_document
from timeline.publish import chart_image  # noqa: F401 (kept importable from here)
from timeline.types import Document, Timeline, TimexType

__all__ = [
    "BUNDLED", "DATA_DIR", "MODES", "OPEN_FILE", "PASTED", "PASTE", "SEED", "SUFFIXES", "UPLOAD", "Source", "bundled_articles",
    "cached_export", "chart_image", "extract_events", "extract_timeline", "load_document",
    "read_all",
]

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
SEED = "us-iraq-withdrawal-2021-04-07.txt"
SUFFIXES = (".txt", ".md", ".html", ".htm")
BUNDLED, PASTE, UPLOAD, OPEN_FILE = MODES = ("Bundled article", "Paste text", "Upload files", "Timeline file")
PASTED = "Pasted text"
_PASTED_FILE = "pasted.txt"  # read as plain text: HTML-looking pasted text stays text


@dataclasses.dataclass
class Source:
    """One article as the page knows it: its Document (as read, with the publication date in use),
    its display name, its numbered events (as curated: app/curation_panel.py), the relative expressions it
    could not place, and the Timeline extracted from it."""

    index: int
    name: str
    document: Document
    events: pd.DataFrame
    unplaced: tuple[str, ...] = ()
    timeline: Timeline | None = None


def bundled_articles(folder: Path = DATA_DIR) -> list[str]:
    """Names of the articles shipped in `folder`, the seed article first."""
    names = sorted(p.name for p in folder.glob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
    return sorted(names, key=lambda n: n != SEED)


def bundled_items(names: list[str]) -> list[tuple[bytes, str]]:
    """The bytes of bundled articles, with their names."""
    return [((DATA_DIR / n).read_bytes(), n) for n in names]


def pasted_items(text: str) -> list[tuple[bytes, str]]:
    """Pasted text as one plain-text item (none when blank)."""
    return [(text.encode("utf-8"), _PASTED_FILE)] if text.strip() else []


@st.cache_data(show_spinner=False, max_entries=64)
def load_document(data: bytes, name: str) -> Document:
    """Bytes -> Document (raises DocumentError with a one-line reason)."""
    return read_document(data, name)


def read_all(items: list[tuple[bytes, str]]) -> tuple[list[Document], list[str]]:
    """Every (bytes, name) item read into a Document, and one-line reasons for those that could not be."""
    documents: list[Document] = []
    errors: list[str] = []
    for data, name in items:
        try:
            document = load_document(data, name)
        except DocumentError as error:
            errors.append(f"{name}: {error}")
            continue
        except Exception as error:  # a bug in reading one file must not take the others down
            errors.append(f"{name}: could not be read ({type(error).__name__})")
            continue
        documents.append(dataclasses.replace(document, name=PASTED) if name == _PASTED_FILE else document)
    return documents, errors


@st.cache_data(show_spinner="Finding dates…", max_entries=64)
def extract_events(document: Document) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """The events of one article as a DataFrame, and the relative expressions left unplaced.

    Cached on the Document (its text, publication date, dateline, title, ...): filters and clicks
    never re-extract; a new publication date does.
    """
    result = extract_timeline(document)
    unplaced = tuple(t.text for t in result.timexes
                     if t.type in (TimexType.DATE, TimexType.TIME) and t.value.startswith("XXXX"))
    # Whether each trigger heads its sentence's main clause: an importance signal (timeline.importance),
    # not part of the documented exports.
    return result.to_frame().assign(trigger_main=[e.main_clause for e in result.events]), unplaced


@st.cache_resource(show_spinner="Finding dates…", max_entries=64)
def extract_timeline(document: Document) -> Timeline:
    """The Timeline of one article, extracted once per Document and shared (it is frozen): curation replays
    its operation log on these events every run."""
    return timeline.extract_document(document)


_EXPORTS: dict[tuple[str, str], bytes] = {}
_EXPORTS_LOCK = threading.Lock()


def cached_export(kind: str, key: str, make: Callable[[], bytes]) -> bytes:
    """Exports are made on click (deferred download) and kept for the same filtered data."""
    with _EXPORTS_LOCK:
        if (kind, key) in _EXPORTS:
            return _EXPORTS[(kind, key)]
    data = make()
    with _EXPORTS_LOCK:
        if len(_EXPORTS) > 32:
            _EXPORTS.clear()
        _EXPORTS[(kind, key)] = data
    return data
