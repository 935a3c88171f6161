"""Where the article page's articles come from, and the cached work on them.

Bundled articles (the data/ folder beside dashboard.py), pasted text, uploads and pasted links (fetched
when the user clicks Fetch, by `timeline.fetch`, within its limits) are read by
`timeline.documents.read_document` into a Document, once per content (cached on the bytes); the
Document decides its publication date and dateline there and is never taken apart: a changed
publication date is `dataclasses.replace` on it. Extraction is cached on the Document itself (frozen,
hashed by value), so filters and clicks never re-extract. Exports are made on click and kept.
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import hashlib
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

import timeline
from timeline.documents import DocumentError, read_document
from timeline.events.parse import load_parser
from timeline.fetch import FetchLimits, fetch_document
from timeline.publish import chart_image  # noqa: F401 (kept importable from here)
from timeline.types import Document, Timeline

__all__ = [
    "BUNDLED", "DATA_DIR", "LINK", "MODES", "OPEN_FILE", "PASTED", "PASTE", "SEED", "SUFFIXES", "UPLOAD", "Source",
    "bundled_articles", "cached_export", "chart_image", "code_version",
    "extract_timeline", "fetch_link", "load_document", "read_all",
]

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
SEED = "us-iraq-withdrawal-2021-04-07.txt"
SUFFIXES = (".txt", ".md", ".html", ".htm", ".tml")
BUNDLED, PASTE, UPLOAD, LINK, OPEN_FILE = MODES = ("Bundled article", "Paste text", "Upload files", "Paste a link",
                                         "Timeline file")
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
    return list(_articles_in(folder, folder.stat().st_mtime_ns))


@functools.lru_cache(maxsize=8)
def _articles_in(folder: Path, _modified: int) -> tuple[str, ...]:
    """The folder listed once per change of its contents (its mtime), not on every run."""
    names = sorted(p.name for p in folder.glob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
    return tuple(sorted(names, key=lambda n: n != SEED))


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


@functools.cache
def code_version() -> str:
    """A fingerprint of the `timeline` package in use (each file's name, size and modification time) and of
    pandas (whose frames are pickled): the key under which results computed by this code are kept on disk,
    so that changed code never reads them."""
    root = Path(timeline.__file__).parent
    files = sorted((str(p.relative_to(root)), p.stat().st_size, p.stat().st_mtime_ns)
                   for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    return hashlib.sha256(repr((pd.__version__, files)).encode()).hexdigest()[:16]


# The bundled articles are the same for every visitor: read and extracted once, kept on disk
# (~/.streamlit/cache) across server restarts, so a fresh server draws the first chart without loading the
# parse model or dateparser's locale data. Pasted and uploaded text is kept in memory only.
@st.cache_data(show_spinner=False, max_entries=16, persist="disk")
def _load_bundled(data: bytes, name: str, code: str) -> Document:
    return read_document(data, name)


def read_all(items: list[tuple[bytes, str]], *, bundled: bool = False) -> tuple[list[Document], list[str]]:
    """Every (bytes, name) item read into a Document, and one-line reasons for those that could not be.
    `bundled`: the items are bundled articles (their Documents are kept on disk)."""
    documents: list[Document] = []
    errors: list[str] = []
    for data, name in items:
        try:
            document = _load_bundled(data, name, code_version()) if bundled else load_document(data, name)
        except DocumentError as error:
            errors.append(f"{name}: {error}")
            continue
        except Exception as error:  # a bug in reading one file must not take the others down
            errors.append(f"{name}: could not be read ({type(error).__name__})")
            continue
        documents.append(dataclasses.replace(document, name=PASTED) if name == _PASTED_FILE else document)
    return documents, errors


def fetch_link(url: str, allow_private: bool) -> Document:
    """The article at `url`, fetched now (never cached: the user asked for this fetch) and read like an
    uploaded HTML or text file. Raises FetchError (a DocumentError) with a one-line reason."""
    return fetch_document(url, FetchLimits(allow_private=allow_private))


@st.cache_resource(show_spinner="Finding dates…", max_entries=64)
def _timeline(document: Document) -> Timeline:
    return _extract(document)


@st.cache_data(show_spinner="Finding dates…", max_entries=16, persist="disk")
def _timeline_bundled(document: Document, code: str) -> Timeline:
    return _extract(document)


def _extract(document: Document) -> Timeline:
    result = timeline.extract_document(document)
    _freeze_long_lived()
    return result


def extract_timeline(document: Document, *, bundled: bool = False) -> Timeline:
    """The Timeline of one article, extracted once per Document (curation replays its operation log on these
    events every run): in memory, shared (it is frozen); a bundled article's also on disk by code version."""
    return _timeline_bundled(document, code_version()) if bundled else _timeline(document)


_WARMING = threading.Event()


def warm_up() -> None:
    """Once per server process, in the background, when a page that parses text is chosen (paste, upload, link,
    timeline file): load the parse model and the date parser while the reader pastes, so the first paste or
    upload does not also pay for them (~1 s of CPU). The bundled article's events come from the disk cache and
    a store's page parses nothing: those pages never start it, since loading spaCy took a core while the
    browser drew their first chart. Then freeze the long-lived heap (see below)."""
    if _WARMING.is_set():
        return
    _WARMING.set()
    threading.Thread(target=_warm, name="timeline-warm-up", daemon=True).start()


def warm_up_started() -> bool:
    """Whether this server process has started loading the parser (warm_up)."""
    return _WARMING.is_set()


def _warm() -> None:
    try:
        timeline.tag("They met on Sunday.", date(2021, 4, 7))
        load_parser()
        _freeze_long_lived()
    except Exception:  # noqa: BLE001 (a warm-up must never take the server down; a request loads them again)
        _WARMING.clear()


_FROZEN = threading.Event()
_FREEZE_LOCK = threading.Lock()


def _freeze_long_lived() -> None:
    """Once per server process, after the first extraction has loaded spaCy's parser, dateparser's data and
    the libraries: move every object alive then out of the garbage collector's sight (`gc.freeze`).

    Python's full collections walk every tracked object, and this process holds about 180,000 long-lived
    ones: with 8 sessions at once each automatic full collection stalled every session for 0.2-1.6 s
    (benchmarks/RESULTS.md). Frozen objects are still freed by reference counting; only cycles among
    them would never be collected, and they live as long as the server anyway.
    """
    if _FROZEN.is_set():
        return
    with _FREEZE_LOCK:
        if _FROZEN.is_set():
            return
        gc.collect()  # this run's garbage goes first, so only live objects are frozen
        gc.freeze()
        _FROZEN.set()


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
