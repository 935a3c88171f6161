"""Collection inputs -> a stream of raw articles (bytes plus where they came from), read lazily.

    iter_items(["news/", "feed.jsonl", "archive.zip", "te3/*.tml"])
    -> Item(kind="document", path="news/a.html", source="a.html", data=b"<html>...", key="9f2c..."), ...

A SOURCE is a folder (walked recursively, sorted), a glob, a .zip (its members), a JSON Lines file (one
article per line: {"text", "title"?, "url"?, "published"?, "id"?}) or a single article or TimeML file,
or a list of web addresses (a `.urls` file named as a SOURCE: one http(s) address a line), whose pages
are fetched here (timeline.fetch, with its limits) only when the build is given FetchLimits.
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
from timeline.fetch import Fetched, FetchError, FetchLimits, fetch

__all__ = ["Item", "SourceError", "count_items", "file_name", "iter_items", "item_key", "read_web_item", "web_item"]

# Extensions read when walking a folder or a zip; a file named explicitly is read whatever its name.
DOCUMENT_EXTENSIONS = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"})
TIMEML_EXTENSIONS = frozenset({".tml", ".timeml", ".te3input"})
JSONL_EXTENSIONS = frozenset({".jsonl", ".ndjson"})
URLS_EXTENSIONS = frozenset({".urls"})  # one web address a line; read only when named as a SOURCE
# Looked at in the first bytes of a .xml file to tell TimeML from other XML.
_TIMEML_MARK = b"<TimeML"


class SourceError(ValueError):
    """A SOURCE argument that names nothing readable (one-line message)."""


def file_name(path: str) -> str:
    """The file's own name in an Item's path: "archive.zip!2021/a.html" -> "a.html", "news/a.txt" -> "a.txt"."""
    return path.rsplit("!", 1)[-1].rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Item:
    """One raw article, or one input problem (kind "error", data = the reason as UTF-8).

    kind: "document" (txt/md/html bytes), "timeml" (a TimeML file), "jsonl" (one JSON line), "web" (a fetched
    page: see web_item), "error".
    path: where it is, for people: "news/a.txt", "archive.zip!2021/a.html", "feed.jsonl:12", "links.urls:3".
    source: the file it came from, by its own name: "a.txt" (named, or found in a folder), "2021/a.html" (in a
    subfolder of the folder given), "archive.zip", "feed.jsonl", "links.urls".
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


def web_item(page: Fetched, path: str, source: str) -> Item:
    """A fetched page as an Item: its address, content type and charset on three lines, then the body."""
    head = f"{page.url}\n{page.content_type}\n{page.charset or ''}\n".encode("utf-8", "surrogateescape")
    return _make("web", path, source, head + page.data)


def read_web_item(data: bytes) -> Fetched:
    """The Fetched page a web_item holds (its address as the one asked for: the redirect is not kept)."""
    url, content_type, charset, body = data.split(b"\n", 3)
    address = url.decode("utf-8", "surrogateescape")
    return Fetched(address, address, content_type.decode("ascii", "replace"),
                   charset.decode("ascii", "replace") or None, body)


def _url_lines(handle, shown: str) -> Iterator[tuple[str, str]]:
    """(where, address) for each address of a .urls file; blank lines and # comments skipped."""
    for number, line in enumerate(handle, start=1):
        text = line.decode("utf-8", "replace").strip()
        if text and not text.startswith("#"):
            yield f"{shown}:{number}", text


def _url_items(handle, shown: str, source: str, limits: FetchLimits | None) -> Iterator[Item]:
    """Each address of a .urls file fetched (one at a time, within `limits`); a failure is an error Item."""
    if limits is None:  # check_sources stops a build before this; a direct caller gets one error per file
        yield _error(shown, source, f"{shown} lists web addresses: fetching them needs --fetch-urls")
        return
    for where, url in _url_lines(handle, shown):
        try:
            yield web_item(fetch(url, limits), where, source)
        except FetchError as err:
            yield _error(where, source, str(err))


def _kind_of(name: str, head: bytes, explicit: bool) -> str | None:
    """ "document", "timeml", "jsonl", "zip", "urls" or None (not an article: skipped in folders and zips)."""
    suffix = Path(name).suffix.lower()
    if suffix in URLS_EXTENSIONS and explicit:
        return "urls"
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


def _file_items(path: Path, shown: str, source: str, explicit: bool,
                fetch_limits: FetchLimits | None = None) -> Iterator[Item]:
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
            elif kind == "urls":
                yield from _url_items(handle, shown, source, fetch_limits)
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


def _expand(source: str) -> list[tuple[Path, bool, str]]:
    """A SOURCE argument -> [(file, named explicitly?, the file's own name)]; SourceError if it names nothing.

    A file's own name is what its articles are called by in the store (`source`, unless their address names a
    site): its name as given, or its path inside the folder it was found in ("a.txt", "2021/a.html"), never the
    folder's: a store built from one folder named every one of its 300 articles after the folder."""
    path = Path(source)
    if path.is_dir():
        return [(f, False, f.relative_to(path).as_posix()) for f in _folder_files(path)]
    if path.is_file():
        return [(path, True, path.name)]
    if glob.has_magic(source):
        matches = sorted(Path(m) for m in glob.glob(source, recursive=True))
        files = [(m, True, m.name) for m in matches if m.is_file()]
        for m in matches:
            if m.is_dir():
                files.extend((f, False, f.relative_to(m).as_posix()) for f in _folder_files(m))
        if files:
            return files
        raise SourceError(f"no files match {source}")
    if path.exists():
        raise SourceError(f"not a file or folder: {source}")
    raise SourceError(f"no such file or folder: {source}")


def check_sources(sources: Iterable[str], fetch_urls: bool = False) -> None:
    """Raise SourceError for the first SOURCE argument that names nothing (before a build starts), or
    that lists web addresses when fetching is not allowed (`fetch_urls`)."""
    for source in sources:
        for file, explicit, _ in _expand(source):
            if not fetch_urls and _kind_of(file.name, b"", explicit) == "urls":
                raise SourceError(f"{file} lists web addresses: fetching them needs --fetch-urls")


def iter_items(sources: Iterable[str], fetch_limits: FetchLimits | None = None) -> Iterator[Item]:
    """Every raw article of the SOURCE arguments, in a stable order (sorted within each source).

    The pages of a .urls file are fetched within `fetch_limits`, one at a time; None: not fetched.
    """
    for source in sources:
        for file, explicit, name in _expand(source):
            yield from _file_items(file, str(file), name, explicit, fetch_limits)


def count_items(sources: Iterable[str]) -> int:
    """About how many items iter_items will yield: files, zip members, JSON lines (for a progress bar)."""
    total = 0
    for source in sources:
        try:
            files = _expand(source)
        except SourceError:
            continue
        for file, explicit, _ in files:
            kind = _kind_of(file.name, b"", explicit) if file.suffix.lower() != ".xml" else "timeml"
            try:
                if kind == "zip":
                    with zipfile.ZipFile(file) as archive:
                        total += sum(1 for i in archive.infolist() if not i.is_dir())
                elif kind == "jsonl":
                    with file.open("rb") as handle:
                        total += sum(1 for line in handle if line.strip())
                elif kind == "urls":
                    with file.open("rb") as handle:
                        total += sum(1 for _ in _url_lines(handle, ""))
                elif kind is not None:
                    total += 1
            except (OSError, zipfile.BadZipFile):
                total += 1
    return total
