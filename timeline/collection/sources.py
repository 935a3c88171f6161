"""Collection inputs -> a stream of raw articles (bytes plus where they came from), read lazily.

    iter_items(["news/", "feed.jsonl", "archive.zip", "te3/*.tml"])
    -> Item(kind="document", path="news/a.html", source="news", data=b"<html>...", key="9f2c..."), ...

A SOURCE is a folder (walked recursively, sorted), a glob, a .zip (its members), a JSON Lines file (one
article per line: {"text", "title"?, "url"?, "published"?, "id"?}) or a single article or TimeML file.
Nothing is parsed here beyond telling the kinds apart: parsing and extraction happen in the workers
(`timeline.collection.extract`), so the process that reads the inputs stays light.
A problem with an input (unreadable file, broken zip, over-long line) is yielded as an Item of kind
"error" whose `data` is the one-line reason, so the build counts and reports it like a bad article.
"""

from __future__ import annotations

import glob
import hashlib
import os
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from timeline.documents import DEFAULT_MAX_BYTES

__all__ = ["Item", "SourceError", "count_items", "iter_items", "item_key"]

# Extensions read when walking a folder or a zip; a file named explicitly is read whatever its name.
DOCUMENT_EXTENSIONS = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"})
TIMEML_EXTENSIONS = frozenset({".tml", ".timeml", ".te3input"})
JSONL_EXTENSIONS = frozenset({".jsonl", ".ndjson"})
# Looked at in the first bytes of a .xml file to tell TimeML from other XML.
_TIMEML_MARK = b"<TimeML"


class SourceError(ValueError):
    """A SOURCE argument that names nothing readable (one-line message)."""


@dataclass(frozen=True)
class Item:
    """One raw article, or one input problem (kind "error", data = the reason as UTF-8).

    kind: "document" (txt/md/html bytes), "timeml" (a TimeML file), "jsonl" (one JSON line), "error".
    path: where it is, for people: "news/a.txt", "archive.zip!2021/a.html", "feed.jsonl:12".
    source: the collection input it belongs to, by name: "news", "archive.zip", "feed.jsonl".
    key: the content hash (hex), the article's id in the store; "" for errors.
    """

    kind: str
    path: str
    source: str
    data: bytes
    key: str = ""


def item_key(kind: str, data: bytes) -> str:
    """The article id: 16 hex digits of SHA-256 over the kind and the raw bytes."""
    digest = hashlib.sha256(kind.encode("ascii") + b"\0" + data).hexdigest()
    return digest[:16]


def _make(kind: str, path: str, source: str, data: bytes) -> Item:
    return Item(kind, path, source, data, item_key(kind, data))


def _error(path: str, source: str, reason: str) -> Item:
    return Item("error", path, source, reason.encode("utf-8"))


def _kind_of(name: str, head: bytes, explicit: bool) -> str | None:
    """ "document", "timeml", "jsonl", "zip" or None (not an article: skipped in folders and zips)."""
    suffix = Path(name).suffix.lower()
    if suffix == ".zip":
        return "zip"
    if suffix in JSONL_EXTENSIONS:
        return "jsonl"
    if suffix in TIMEML_EXTENSIONS or (suffix == ".xml" and _TIMEML_MARK in head[:4096]):
        return "timeml"
    if suffix in DOCUMENT_EXTENSIONS or explicit:
        return "document"
    return None


def _read_limited(handle, where: str) -> bytes:
    data = handle.read(DEFAULT_MAX_BYTES + 1)
    if len(data) > DEFAULT_MAX_BYTES:
        raise OSError(f"{where} is over the limit of {DEFAULT_MAX_BYTES:,} bytes")
    return data


def _jsonl_lines(lines: Iterable[bytes], path: str, source: str) -> Iterator[Item]:
    for number, line in enumerate(lines, start=1):
        line = line.strip()
        if not line:
            continue
        where = f"{path}:{number}"
        if len(line) > DEFAULT_MAX_BYTES:
            yield _error(where, source, f"line is over the limit of {DEFAULT_MAX_BYTES:,} bytes")
        else:
            yield _make("jsonl", where, source, line)


def _file_items(path: Path, shown: str, source: str, explicit: bool) -> Iterator[Item]:
    try:
        with path.open("rb") as handle:
            kind = _kind_of(path.name, handle.read(4096), explicit)
            if kind is None:
                return
            handle.seek(0)
            if kind == "zip":
                yield from _zip_items(path, shown, source)
            elif kind == "jsonl":
                yield from _jsonl_lines(handle, shown, source)
            else:
                yield _make(kind, shown, source, _read_limited(handle, shown))
    except OSError as err:
        yield _error(shown, source, f"cannot read {shown}: {err.strerror or err}")


def _zip_items(path: Path, shown: str, source: str) -> Iterator[Item]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as err:
        yield _error(shown, source, f"not a readable zip file: {shown} ({err})")
        return
    with archive:
        for info in sorted(archive.infolist(), key=lambda i: i.filename):
            if info.is_dir():
                continue
            where = f"{shown}!{info.filename}"
            try:
                with archive.open(info) as member:
                    kind = _kind_of(info.filename, member.read(4096), explicit=False)
                if kind in (None, "zip"):  # no zips inside zips
                    continue
                with archive.open(info) as member:
                    if kind == "jsonl":
                        yield from _jsonl_lines(member, where, source)
                    else:
                        yield _make(kind, where, source, _read_limited(member, where))
            except (OSError, zipfile.BadZipFile, RuntimeError, ValueError) as err:
                # RuntimeError: encrypted member; ValueError/BadZipFile: a corrupt entry.
                yield _error(where, source, f"cannot read {where}: {err}")


def _folder_files(folder: Path) -> list[Path]:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        # Regular files only: opening a pipe or a device found in a folder would block the build.
        found.extend(p for f in sorted(files) if not f.startswith(".") and (p := Path(root) / f).is_file())
    return found


def _expand(source: str) -> tuple[str, list[tuple[Path, bool]]]:
    """A SOURCE argument -> (its short name, [(file, named explicitly?)]); SourceError if it names nothing."""
    path = Path(source)
    if path.is_dir():
        return path.resolve().name or str(path), [(f, False) for f in _folder_files(path)]
    if path.is_file():
        return path.name, [(path, True)]
    if glob.has_magic(source):
        matches = sorted(Path(m) for m in glob.glob(source, recursive=True))
        files = [(m, True) for m in matches if m.is_file()]
        for m in matches:
            if m.is_dir():
                files.extend((f, False) for f in _folder_files(m))
        if files:
            return source, files
        raise SourceError(f"no files match {source}")
    if path.exists():
        raise SourceError(f"not a file or folder: {source}")
    raise SourceError(f"no such file or folder: {source}")


def check_sources(sources: Iterable[str]) -> None:
    """Raise SourceError for the first SOURCE argument that names nothing (before a build starts)."""
    for source in sources:
        _expand(source)


def iter_items(sources: Iterable[str]) -> Iterator[Item]:
    """Every raw article of the SOURCE arguments, in a stable order (sorted within each source)."""
    for source in sources:
        name, files = _expand(source)
        for file, explicit in files:
            yield from _file_items(file, str(file), name, explicit)


def count_items(sources: Iterable[str]) -> int:
    """About how many items iter_items will yield: files, zip members, JSON lines (for a progress bar)."""
    total = 0
    for source in sources:
        try:
            _, files = _expand(source)
        except SourceError:
            continue
        for file, explicit in files:
            kind = _kind_of(file.name, b"", explicit) if file.suffix.lower() != ".xml" else "timeml"
            try:
                if kind == "zip":
                    with zipfile.ZipFile(file) as archive:
                        total += sum(1 for i in archive.infolist() if not i.is_dir())
                elif kind == "jsonl":
                    with file.open("rb") as handle:
                        total += sum(1 for line in handle if line.strip())
                elif kind is not None:
                    total += 1
            except (OSError, zipfile.BadZipFile):
                total += 1
    return total
