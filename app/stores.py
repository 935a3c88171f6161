"""The collection page's stores: which folders it may open, what it calls them, and cached queries on them.

A visitor picks a store listed under the operator's `--stores-dir` (or the folder the app runs in) or
types one in "Another folder…"; a typed folder is read relative to that folder and must stay inside it
unless the server runs with `--allow-any-store`. The page names a store by its path relative to the
stores folder (or as the operator or visitor wrote it), never by its resolved path on the server, and
messages from the store are rewritten the same way (`shown_message`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import streamlit as st

import timeline.collection as collection  # called through the module: tests may swap its functions
from timeline.collection.windows import count_bars, year_spans

__all__ = [
    "StoreChoice", "StoreRefused", "find_stores", "listed_store", "open_collection", "shown_message",
    "store_query", "store_version", "stores_under", "typed_store",
]

MANIFEST = "manifest.json"


class StoreRefused(ValueError):
    """A typed folder the page may not open (outside the stores folder); the message is one line."""


@dataclass(frozen=True)
class StoreChoice:
    """A store the page may open: `path` (resolved, to open; never shown) and `shown` (its name on the page)."""

    path: Path
    shown: str


def find_stores(base: Path | str, *, depth: int = 2, limit: int = 100) -> list[Path]:
    """Folders under `base` (itself included, down to `depth` levels) that hold a store manifest, sorted.

    Hidden folders and the stores' own table folders are not entered; unreadable folders are skipped.
    """
    found: list[Path] = []
    level = [Path(base)]
    for _ in range(depth + 1):
        below: list[Path] = []
        for folder in level:
            try:
                if (folder / MANIFEST).is_file():
                    found.append(folder)
                    continue  # a store's subfolders are its tables
                below.extend(sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")))
            except OSError:
                continue
            if len(found) >= limit:
                return sorted(found)
        level = below
    return sorted(found)


def listed_store(path: Path | str, base: Path | str) -> StoreChoice:
    """A store the operator named (--store) or the page found under `base`: shown relative to `base`
    when inside it, else by its folder's name."""
    resolved = Path(path).expanduser().resolve()
    try:
        shown = resolved.relative_to(Path(base).resolve()).as_posix()
    except ValueError:
        shown = resolved.name
    return StoreChoice(resolved, shown or ".")


def typed_store(typed: str, base: Path | str, *, allow_any: bool = False) -> StoreChoice:
    """A folder typed by a visitor, read relative to `base`; StoreRefused when it leaves `base`
    (through '..', an absolute path or a link) and `allow_any` is off."""
    root = Path(base).resolve()
    written = Path(typed).expanduser() if allow_any else Path(typed)
    resolved = (root / written).resolve()  # an absolute `written` replaces root
    if allow_any:
        return StoreChoice(resolved, typed)
    try:
        inside = resolved.relative_to(root).as_posix()
    except ValueError:
        raise StoreRefused(f"{typed} is outside the stores folder: type a folder inside it, such as one listed "
                           "under Store") from None
    return StoreChoice(resolved, inside or ".")


def shown_message(message: str, store: StoreChoice, base: Path | str) -> str:
    """`message` with the store's and the stores folder's resolved paths replaced by the names the page uses."""
    root = str(Path(base).resolve())
    message = message.replace(str(store.path), store.shown)
    return message.replace(root + "/", "").replace(root, ".")


def store_version(path: Path) -> str:
    """Changes whenever a build adds a part (the manifest is replaced): cached queries then start afresh."""
    stat = (path / MANIFEST).stat()
    return f"{stat.st_mtime_ns}-{stat.st_size}"


@st.cache_resource(show_spinner="Opening the store…", max_entries=4)
def open_collection(path: str, version: str):
    """One DuckDB connection per store (and version), shared by every session; queries use cursors."""
    return collection.open_store(path)


@st.cache_data(show_spinner=False, max_entries=512)
def store_query(path: str, version: str, kind: str, filters: dict | None = None, **options):
    """A query on the store, cached on the store, its version, the filters and the options."""
    store = open_collection(path, version)
    filters = filters or {}
    if kind == "summary":
        return collection.summary(store)
    if kind == "sources":
        return collection.list_sources(store)["source"].dropna().tolist()
    if kind == "source_table":
        return collection.list_sources(store).dropna(subset=["source"])
    if kind == "source_counts":
        return collection.count_by_source(store, **filters)
    if kind == "counts":
        return collection.count_by_period(store, period=options["period"], **filters)
    if kind == "events":
        return collection.query_events(store, limit=options["limit"], happenings=options.get("happenings", False),
                                       **filters)
    if kind == "key_dates":
        return collection.key_dates(store, n=options["n"], **filters)
    if kind == "article":
        return collection.get_article(store, options["article_id"])
    if kind == "year_spans":
        return year_spans(store, **filters)
    if kind == "bars":
        return count_bars(store, period=options["period"], **filters)
    raise ValueError(kind)


@st.cache_data(show_spinner=False, ttl=30)
def stores_under(base: str) -> list[str]:
    """Store folders found under `base` (looked for again every 30 s)."""
    return [str(p) for p in find_stores(base)]
