"""The collection store: a folder of Parquet parts listed by a manifest, read with DuckDB.

    STORE/
      manifest.json             {"format": 1, "parts": [{"name": "part-00001", "articles": 20, "events": 93}]}
      articles/part-00001.parquet
      events/part-00001.parquet
      .lock                     held while a build writes

A part is written as temporary files renamed into place (os.replace), and only then added to the
manifest (itself replaced atomically). Readers read only the parts the manifest lists, so a build
stopped at any moment (Ctrl-C, a crash, a full disk) leaves the store as it was after its last
complete part; files of an unfinished part are ignored and removed by the next build.

Schema (one row per article, one row per event; dates are Parquet DATE, offsets are string indices):

articles
    article_id        string  16 hex digits of SHA-256 over the raw article (its content hash): the key
    doc_id            string  the id the input gave (JSON Lines "id", TimeML DOCID), or null
    title             string  JSON Lines "title", the HTML title or a plain-text headline line, or null
    url               string  JSON Lines "url", or null
    published         date    publication date, or null when unknown
    published_source  string  "user" (JSON Lines "published"), "timeml" (DCT), "meta" (HTML), "dateline", null
    source            string  the site of the url ("reuters.com"), else the input it came from ("news")
    path              string  where it was read: "news/a.txt", "archive.zip!a.html", "feed.jsonl:12"
    kind              string  "document", "jsonl" or "timeml"
    n_chars           int64   length of the article text
    n_events          int32   number of events extracted
    notes             string  reading notes ("decoded as cp1252"), or null
    text              string  the article text the offsets index into (Parquet reads it only when asked)
events
    article_id        string  the article (articles.article_id)
    event_id          int32   the event's index within its article
    value             string  TIMEX3 value: "2021-04-04", "2019-03", "2014", "197"
    granularity       string  century, decade, year, season, quarter, month, week, day, time
    start, end        date    the half-open interval [start, end) the value covers
    headline          string  a short clause saying what happened (words of the sentence)
    trigger           string  the word naming the happening (or null); trigger_start/trigger_end its offsets
    sentence          string  the sentence the date is in; sentence_start/sentence_end its offsets
    expression        string  the temporal expression; expression_start/expression_end its offsets
    published         date    the article's publication date (copied so filters need no join)
    source            string  the article's source (copied so filters need no join)
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

__all__ = [
    "ARTICLES_SCHEMA",
    "EVENTS_SCHEMA",
    "Store",
    "StoreError",
    "StoreWriter",
    "open_store",
    "read_manifest",
]

FORMAT = 1
MANIFEST = "manifest.json"

ARTICLES_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("doc_id", pa.string()),
        ("title", pa.string()),
        ("url", pa.string()),
        ("published", pa.date32()),
        ("published_source", pa.string()),
        ("source", pa.string()),
        ("path", pa.string()),
        ("kind", pa.string()),
        ("n_chars", pa.int64()),
        ("n_events", pa.int32()),
        ("notes", pa.string()),
        ("text", pa.string()),
    ]
)

EVENTS_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("event_id", pa.int32()),
        ("value", pa.string()),
        ("granularity", pa.string()),
        ("start", pa.date32()),
        ("end", pa.date32()),
        ("headline", pa.string()),
        ("trigger", pa.string()),
        ("trigger_start", pa.int32()),
        ("trigger_end", pa.int32()),
        ("sentence", pa.string()),
        ("sentence_start", pa.int32()),
        ("sentence_end", pa.int32()),
        ("expression", pa.string()),
        ("expression_start", pa.int32()),
        ("expression_end", pa.int32()),
        ("published", pa.date32()),
        ("source", pa.string()),
    ]
)

TABLES = {"articles": ARTICLES_SCHEMA, "events": EVENTS_SCHEMA}


class StoreError(ValueError):
    """A path that is not a usable store, or a store in use; the message is one line."""


# --------------------------------------------------------------------------------------------
# Manifest
# --------------------------------------------------------------------------------------------


def _empty_manifest() -> dict:
    return {"format": FORMAT, "parts": []}


def read_manifest(path: Path | str) -> dict:
    """The manifest of the store at `path` (empty for a new or empty folder); StoreError if unusable."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise StoreError(f"not a folder: {path}")
    file = path / MANIFEST
    if not file.exists():
        if path.is_dir() and any(p for p in path.iterdir() if p.name not in (".lock", *TABLES)):
            raise StoreError(f"not a timeline store (no {MANIFEST}, and the folder is not empty): {path}")
        return _empty_manifest()
    try:
        manifest = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise StoreError(f"cannot read {file}: {err}") from None
    if (
        not isinstance(manifest, dict)
        or manifest.get("format") != FORMAT
        or not isinstance(manifest.get("parts"), list)
    ):
        raise StoreError(f"{file} is not a timeline store manifest (format {FORMAT})")
    return manifest


def _replace_atomically(target: Path, write) -> None:
    """Write to a temporary file beside `target`, flush it to disk, then rename it over `target`."""
    temp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        write(temp)
        with open(temp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, target)
    finally:
        if temp.exists():
            temp.unlink()


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------


class StoreWriter:
    """Adds parts to a store, one complete part at a time; holds the store's lock until closed.

    with StoreWriter(path) as writer:
        writer.known_ids()            # article ids already stored
        writer.write_part(articles_rows, events_rows)
    """

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.manifest = read_manifest(self.path)  # before creating anything: refuse a foreign folder
        for table in TABLES:
            (self.path / table).mkdir(parents=True, exist_ok=True)
        self._lock = self._acquire_lock()
        self.manifest = read_manifest(self.path)  # again, now that no other build can change it
        if not (self.path / MANIFEST).exists():
            self._write_manifest(self.manifest)
        self._remove_unfinished()

    def _acquire_lock(self):
        import fcntl

        handle = open(self.path / ".lock", "a+b")  # noqa: SIM115 - held open for the writer's lifetime
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            raise StoreError(f"another build is writing to {self.path}") from None
        return handle

    def _remove_unfinished(self) -> None:
        """Delete part files and temporary files the manifest does not list (left by a stopped build)."""
        listed = {part["name"] for part in self.manifest["parts"]}
        for table in TABLES:
            for file in (self.path / table).iterdir():
                if file.name.endswith(".tmp") or (file.suffix == ".parquet" and file.stem not in listed):
                    file.unlink()

    def known_ids(self) -> set[str]:
        """The article ids in the store (read from the articles parts: one column)."""
        ids: set[str] = set()
        for part in self.manifest["parts"]:
            column = pq.read_table(self.path / "articles" / f"{part['name']}.parquet", columns=["article_id"])
            ids.update(column.column(0).to_pylist())
        return ids

    def write_part(self, articles: list[dict], events: list[dict]) -> str:
        """Write one part (both tables) from rows, then list it in the manifest; returns its name."""
        return self.write_tables(
            pa.Table.from_pylist(articles, schema=ARTICLES_SCHEMA),
            pa.Table.from_pylist(events, schema=EVENTS_SCHEMA),
        )

    def write_tables(self, articles: pa.Table, events: pa.Table) -> str:
        """write_part for Arrow tables of the store's schemas."""
        if not (articles.schema.equals(ARTICLES_SCHEMA) and events.schema.equals(EVENTS_SCHEMA)):
            raise ValueError("tables do not have the store's schemas")
        number = max((int(p["name"].split("-")[1]) for p in self.manifest["parts"]), default=0) + 1
        name = f"part-{number:05d}"
        tables = {"articles": articles, "events": events}
        for table_name, table in tables.items():
            target = self.path / table_name / f"{name}.parquet"
            _replace_atomically(target, lambda temp, t=table: pq.write_table(t, temp, compression="zstd"))
        self._write_manifest(
            {
                **self.manifest,
                "parts": [
                    *self.manifest["parts"],
                    {"name": name, "articles": articles.num_rows, "events": events.num_rows},
                ],
            }
        )
        return name

    def _write_manifest(self, manifest: dict) -> None:
        text = json.dumps(manifest, indent=1) + "\n"
        _replace_atomically(self.path / MANIFEST, lambda temp: temp.write_text(text, encoding="utf-8"))
        self.manifest = manifest

    def close(self) -> None:
        """Release the lock."""
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def __enter__(self) -> StoreWriter:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


# --------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------


@dataclass
class Store:
    """An opened store: DuckDB views `articles` and `events` over the parts its manifest lists.

    Queries go through `store.cursor()` (one DuckDB cursor each), so one Store can be shared by threads.
    """

    path: Path
    manifest: dict
    connection: object = field(repr=False)

    @property
    def n_articles(self) -> int:
        return sum(part["articles"] for part in self.manifest["parts"])

    @property
    def n_events(self) -> int:
        return sum(part["events"] for part in self.manifest["parts"])

    def cursor(self):
        """A DuckDB cursor on the store's views."""
        return self.connection.cursor()

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_store(path: Path | str, *, memory: bool = False) -> Store:
    """Open the store at `path` for queries; StoreError (one line) if it is not a store.

    memory=True loads the events into DuckDB's memory once (faster repeated queries on big stores);
    by default the views read the Parquet files, which DuckDB scans only for the columns a query uses.
    """
    import duckdb

    path = Path(path)
    if not (path / MANIFEST).is_file():
        raise StoreError(f"not a timeline store (no {MANIFEST}): {path}")
    manifest = read_manifest(path)
    connection = duckdb.connect(":memory:")
    for table, schema in TABLES.items():
        files = [str(path / table / f"{part['name']}.parquet") for part in manifest["parts"]]
        missing = [f for f in files if not os.path.exists(f)]
        if missing:
            connection.close()
            raise StoreError(f"store is damaged: {missing[0]} is listed in the manifest but missing")
        kind = "TABLE" if memory and table == "events" else "VIEW"
        if files:  # a view cannot take parameters: the file list is an SQL literal
            listing = ", ".join("'" + f.replace("'", "''") + "'" for f in files)
            connection.execute(f"CREATE {kind} {table} AS SELECT * FROM read_parquet([{listing}])")
        else:  # an empty store still has both tables, with their columns
            connection.register("_empty", schema.empty_table())
            connection.execute(f"CREATE TABLE {table} AS SELECT * FROM _empty")
            connection.unregister("_empty")
    return Store(path=path, manifest=manifest, connection=connection)
