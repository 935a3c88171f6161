"""The collection store: a folder of Parquet parts listed by a manifest, read with DuckDB.

    STORE/
      manifest.json             {"format": 4, "parts": [{"name": "part-00001", "articles": 20, "events": 93,
                                 "words": 2710, "sha256": {"articles": "9f2c...", "events": "4b1a...", "words": ...}}]}
      articles/part-00001.parquet
      events/part-00001.parquet
      words/part-00001.parquet  the word index of the events' sentences (derived from events/ when a part is written)
      .lock                     held while a build writes (it records the writer's pid and host)

Formats: this version writes format 4 and reads formats 2 to 4. Format 3 added events.mod, format 4
events.short_headline and events.trigger_main; a reader can do without them: an older store opens, queries and
groups as it did (those columns read as null: the chart labels an event with its headline cut to fit and scores it
without the main-clause signal), and a build adds format-4 parts to it beside the old ones (the manifest then says
format 4; each table is read by column name over parts of both shapes). Format 1 stores (no trigger_lemma) must be
rebuilt.

A part is written as temporary files renamed into place (os.replace), and only then added to the
manifest (itself replaced atomically). Readers read only the parts the manifest lists, so a build
stopped at any moment (Ctrl-C, a crash, a full disk) leaves the store as it was after its last
complete part; files of an unfinished part are ignored and removed by the next build.

Every part is verified when a store is opened and before a build adds to it: its files exist, their
Parquet footers hold the row counts the manifest lists, and their SHA-256 matches (stores written
before checksums were recorded are checked on counts alone). A part that fails makes StoreDamaged
("store is damaged: events/part-00002.parquet: ..."), which names `timeline build --repair`: that
drops the damaged parts from the manifest and re-extracts their articles from the SOURCEs given.
Part names must be `part-NNNNN`, so a manifest cannot point a reader outside the store.

Schema (one row per article, one row per event; dates are Parquet DATE, offsets are string indices):

articles
    article_id        string  16 hex digits of SHA-256 over the raw article (its content hash): the key
    doc_id            string  the id the input gave (JSON Lines "id", TimeML DOCID), or null
    title             string  JSON Lines "title", the HTML title or a plain-text headline line, or null
    url               string  JSON Lines "url", a fetched page's or a saved page's own address, or null
    published         date    publication date, or null when unknown
    published_source  string  "user" (JSON Lines "published"), "timeml" (DCT), "meta" (HTML), "dateline", null
    source            string  the site of the url ("reuters.com"), else a web page's title (a file of its own), else
                              the file it came from ("a.txt", "2021/a.txt" in a folder, "feed.jsonl", "old.zip"), never
                              the folder
    path              string  where it was read: "news/a.txt", "archive.zip!a.html", "feed.jsonl:12"
    kind              string  "document", "jsonl" or "timeml"
    n_chars           int64   length of the article text
    n_events          int32   number of events extracted
    notes             string  reading notes ("decoded as cp1252"), or null
    text              string  the article text the offsets index into (Parquet reads it only when asked)
    lead_title        string  not stored: worked out when read, for an article with no title, from the start of its
                              text (documents.lead_title: "Ukraine declared a state of emergency"), else null; so a
                              store built before the rule names its untitled stories as a new one does
events
    article_id        string  the article (articles.article_id)
    event_id          int32   the event's index within its article
    value             string  TIMEX3 value: "2021-04-04", "2019-03", "2014", "197"
    mod               string  the TIMEX3 mod, the part of the period the text names ("early this year": START;
                              MID, END, APPROX, ...), or null (format 3: a format-2 part has no such column, and
                              its events read as null: their dates say the whole period)
    granularity       string  century, decade, year, season, quarter, month, week, day, time
    start, end        date    the half-open interval [start, end) the value covers
    headline          string  a short clause saying what happened (words of the sentence)
    short_headline    string  the chart's label: the headline's clause pruned to about 40 characters (format 4)
    trigger_main      bool    whether the trigger heads its sentence's main clause: what the sentence reports
                              (timeline.importance reads it to choose key events; format 4)
    trigger           string  the word naming the happening (or null); trigger_start/trigger_end its offsets
    trigger_lemma     string  the trigger without its inflection ("withdrew" -> "withdraw"), lower case, or null:
                              what groups reports of one happening across articles (format 2)
    happening_words   string  the headline's telling words, sorted (extract.happening_words): compared to
                              group reports of one happening (format 2)
    sentence          string  the sentence the date is in; sentence_start/sentence_end its offsets
    expression        string  the temporal expression; expression_start/expression_end its offsets
    published         date    the article's publication date (copied so filters need no join)
    source            string  the article's source (copied so filters need no join)
words (format 2: the keyword filter's index; one row per word of each event's sentence, sorted by word so
       that a lookup reads only the row groups holding it)
    word              string  lower case, a run of letters, digits and combining marks (word_index)
    article_id, event_id      the event
    position          int32   the word's index in the sentence (a phrase is words at consecutive positions)
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from timeline.collection.locking import LockBusy, acquire
from timeline.documents import LEAD_TEXT_CHARS, lead_title

__all__ = [
    "ARTICLES_SCHEMA",
    "EVENTS_SCHEMA",
    "Store",
    "StoreDamaged",
    "StoreError",
    "StoreOutdated",
    "StoreWriter",
    "WORDS_SCHEMA",
    "open_store",
    "read_manifest",
    "split_words",
    "word_index",
]

# 2: events.trigger_lemma (format 1 stores must be rebuilt: see OLD_FORMAT_HINT); 3: events.mod; 4: the chart's
# label and the main-clause signal (events.short_headline, events.trigger_main)
FORMAT = 4
OLDEST_FORMAT = 2  # the oldest format read: a format-2 part lacks only the columns of OPTIONAL
# columns a part of an older readable format may lack (read as null)
OPTIONAL = {"events": {"mod", "short_headline", "trigger_main"}}
MANIFEST = "manifest.json"
OLD_FORMAT_HINT = ("was made by an older version of timeline (store format {found}; this version reads formats "
                   f"{OLDEST_FORMAT} to {FORMAT}): rebuild it with `timeline build SOURCE... --out NEW_STORE` "
                   "(a new folder)")
UPGRADE_NOTE = ("the store is format {found}: articles added now keep what this version stores of an event (the part "
                "of a period their dates name, \"early 2005\"; the chart's label and whether it heads its sentence), "
                "those already in it do not; rebuild it into a new folder to have them all")
NEW_FORMAT_HINT = (f"was made by a newer version of timeline (store format {{found}}; this version reads formats "
                   f"{OLDEST_FORMAT} to {FORMAT}): open it with that version, or upgrade timeline")

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
        ("mod", pa.string()),
        ("granularity", pa.string()),
        ("start", pa.date32()),
        ("end", pa.date32()),
        ("headline", pa.string()),
        ("short_headline", pa.string()),
        ("trigger_main", pa.bool_()),
        ("trigger", pa.string()),
        ("trigger_lemma", pa.string()),
        ("happening_words", pa.string()),
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

WORDS_SCHEMA = pa.schema(
    [("word", pa.string()), ("article_id", pa.string()), ("event_id", pa.int32()), ("position", pa.int32())]
)

TABLES = {"articles": ARTICLES_SCHEMA, "events": EVENTS_SCHEMA, "words": WORDS_SCHEMA}
WORD_SPLIT = r"[^\pL\pN\pM]+"  # RE2 (Arrow): what separates words, in any script
WORDS_ROW_GROUP = 65_536  # small row groups: a word's lookup skips all others by their min/max statistics


def split_words(texts) -> pa.ListArray:
    """Each text (an Arrow string array or a list) as its lower-case words, positions kept: a text that starts
    with a separator has an empty first word, so words keep the same distance apart whatever the text's start."""
    import pyarrow.compute as pc

    array = pa.chunked_array([pa.array(texts, pa.string())]) if isinstance(texts, list) else texts
    lowered = pc.utf8_lower(pc.fill_null(array, ""))
    split = pc.split_pattern_regex(lowered, pattern=WORD_SPLIT)
    return split.combine_chunks() if isinstance(split, pa.ChunkedArray) else split


def word_index(events: pa.Table) -> pa.Table:
    """The words table of an events table (WORDS_SCHEMA), sorted by word."""
    import numpy as np
    import pyarrow.compute as pc

    lists = split_words(events.column("sentence"))
    words = lists.flatten()
    parents = pc.list_parent_indices(lists)
    offsets = lists.offsets.to_numpy()
    position = np.arange(len(words), dtype=np.int64) + offsets[0] - offsets[parents.to_numpy()]
    keep = pc.not_equal(words, "")
    parents = pc.filter(parents, keep)
    table = pa.table(
        {
            "word": pc.filter(words, keep),
            "article_id": pc.take(events.column("article_id"), parents),
            "event_id": pc.take(events.column("event_id"), parents),
            "position": pc.filter(pa.array(position, pa.int32()), keep),
        },
        schema=WORDS_SCHEMA,
    )
    return table.take(pc.sort_indices(table, [("word", "ascending"), ("article_id", "ascending")]))


_PART_NAME = re.compile(r"part-\d{5,9}")


class StoreError(ValueError):
    """A path that is not a usable store, or a store in use; the message is one line."""


class StoreOutdated(StoreError):
    """A store written by an older version of timeline, in a format this one does not read: rebuild it."""


class StoreDamaged(StoreError):
    """A store whose listed parts are missing, unreadable or not what the manifest says.

    `parts` names the damaged parts ("part-00002"); the message names the first file, relative to the store.
    """

    def __init__(self, message: str, parts: list[str]):
        super().__init__(message)
        self.parts = parts


REPAIR_HINT = "repair with `timeline build SOURCE... --out STORE --repair` (re-extracts the damaged parts' articles)"


# --------------------------------------------------------------------------------------------
# Manifest
# --------------------------------------------------------------------------------------------


def _empty_manifest() -> dict:
    return {"format": FORMAT, "parts": []}


def read_manifest(path: Path | str, *, lenient: bool = False) -> dict:
    """The manifest of the store at `path` (empty for a new or empty folder); StoreError if unusable.

    Each part entry is checked (StoreDamaged for a bad name or count) unless `lenient` (for --repair).
    """
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
        raise StoreError(f"cannot read {file}: {_one_line(str(err))}") from None
    found = manifest.get("format") if isinstance(manifest, dict) else None
    found = found if isinstance(found, int) and not isinstance(found, bool) else None
    if found is not None and 1 <= found < OLDEST_FORMAT:
        raise StoreOutdated(f"the store {path} {OLD_FORMAT_HINT.format(found=found)}")
    if found is not None and found > FORMAT:
        raise StoreError(f"the store {path} {NEW_FORMAT_HINT.format(found=found)}")
    if found is None or found < OLDEST_FORMAT or not isinstance(manifest.get("parts"), list):
        raise StoreError(f"{file} is not a timeline store manifest (format {FORMAT})")
    for part in [] if lenient else manifest["parts"]:
        if (problem := entry_problem(part)) is not None:
            name = part.get("name") if isinstance(part, dict) else None
            raise StoreDamaged(f"store is damaged: {problem}; {REPAIR_HINT}", [name] if isinstance(name, str) else [])
    return manifest


def _one_line(text: str) -> str:
    return " ".join(text.split())


def entry_problem(part: object) -> str | None:
    """What is wrong with a manifest entry (a name that is not part-NNNNN could lead outside the store)."""
    name = part.get("name") if isinstance(part, dict) else None
    if not isinstance(name, str) or not _PART_NAME.fullmatch(name):
        return f"{MANIFEST} lists a part named {json.dumps(name)[:80]}, not part-NNNNN"
    for table in TABLES:
        count = part.get(table)
        if not isinstance(count, int) or isinstance(count, bool) or count < 0:
            return f"{MANIFEST} has no {table} count for {name}"
    checksums = part.get("sha256", {})  # absent in stores written before checksums were recorded
    if not isinstance(checksums, dict) or not all(isinstance(v, str) for v in checksums.values()):
        return f"{MANIFEST} has malformed checksums for {name}"
    return None


def _sha256(file: Path) -> str:
    digest = hashlib.sha256()
    with open(file, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def part_problem(path: Path, part: object) -> str | None:
    """Why a listed part is damaged ("events/part-00002.parquet ..."), or None when it is sound."""
    if (problem := entry_problem(part)) is not None:
        return problem
    for table in TABLES:
        relative = f"{table}/{part['name']}.parquet"
        file = path / relative
        if not file.is_file():
            return f"{relative} is listed in the manifest but missing"
        expected = (part.get("sha256") or {}).get(table)
        if expected is not None and _sha256(file) != expected:
            return f"{relative} does not match its checksum in the manifest"
        try:
            metadata = pq.read_metadata(file)
            columns = set(metadata.schema.names)
        except (OSError, pa.ArrowException) as err:
            return f"{relative} is not a readable Parquet file ({type(err).__name__})"
        if metadata.num_rows != part[table]:
            return f"{relative} holds {metadata.num_rows:,} rows, the manifest says {part[table]:,}"
        if missing := [c for c in TABLES[table].names if c not in columns and c not in OPTIONAL.get(table, ())]:
            return f"{relative} has no column {', '.join(missing)}"
    return None


def verify(path: Path | str, manifest: dict) -> list[tuple[str, str]]:
    """[(part name, problem)] for each damaged part the manifest lists (empty when the store is sound)."""
    path = Path(path)
    found = []
    for part in manifest["parts"]:
        if (problem := part_problem(path, part)) is not None:
            found.append((str(part.get("name") if isinstance(part, dict) else part), problem))
    return found


def check_parts(path: Path | str, manifest: dict) -> None:
    """StoreDamaged naming the first damaged part (and how to repair it), if any."""
    damaged = verify(path, manifest)
    if damaged:
        more = f" (and {len(damaged) - 1} more damaged part(s))" if len(damaged) > 1 else ""
        raise StoreDamaged(f"store is damaged: {damaged[0][1]}{more}; {REPAIR_HINT}", [name for name, _ in damaged])


def _replace_atomically(target: Path, write) -> str:
    """Write to a temporary file beside `target`, flush it to disk, then rename it over `target`.

    Returns the SHA-256 of what was written (hashed from the temporary file, before it is in place).
    """
    temp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        write(temp)
        with open(temp, "rb") as handle:
            os.fsync(handle.fileno())
        checksum = _sha256(temp)
        os.replace(temp, target)
    finally:
        if temp.exists():
            temp.unlink()
    return checksum


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------


class StoreWriter:
    """Adds parts to a store, one complete part at a time; holds the store's lock until closed.

    with StoreWriter(path) as writer:
        writer.known_ids()            # article ids already stored
        writer.write_part(articles_rows, events_rows)

    The store is verified first (StoreDamaged if a part is damaged). With repair=True, damaged parts
    are dropped from the manifest instead (`writer.dropped`: [(name, problem, articles)]), so their
    articles count as new and the build extracts them again. `writer.notes` says what was taken over.
    """

    def __init__(self, path: Path | str, *, repair: bool = False):
        self.path = Path(path)
        self.notes: list[str] = []
        self.dropped: list[tuple[str, str, int]] = []
        self.manifest = read_manifest(self.path, lenient=repair)  # before creating anything: refuse a foreign folder
        for table in TABLES:
            (self.path / table).mkdir(parents=True, exist_ok=True)
        self._lock = self._acquire_lock()
        try:
            self.manifest = read_manifest(self.path, lenient=repair)  # again, now that no other build can change it
            if repair:
                self._drop_damaged()
            else:
                check_parts(self.path, self.manifest)
            if not (self.path / MANIFEST).exists():
                self._write_manifest(self.manifest)
            if self.manifest["format"] < FORMAT and self.manifest["parts"]:
                self.notes.append(UPGRADE_NOTE.format(found=self.manifest["format"]))
            self._remove_unfinished()
        except BaseException:
            self.close()
            raise

    @property
    def lock_fd(self) -> int | None:
        """The lock's file descriptor (worker processes close their inherited copy)."""
        return self._lock.fileno() if self._lock is not None else None

    def _acquire_lock(self):
        try:
            handle, note = acquire(self.path / ".lock", self.path)
        except LockBusy as busy:
            raise StoreError(str(busy)) from None
        if note:
            self.notes.append(note)
        return handle

    def _drop_damaged(self) -> None:
        """--repair: take the damaged parts out of the manifest (their files go with the unfinished ones)."""
        kept = []
        for part in self.manifest["parts"]:
            problem = part_problem(self.path, part)
            if problem is None:
                kept.append(part)
            else:
                name = part.get("name") if isinstance(part, dict) else None
                articles = part.get("articles") if isinstance(part, dict) else None
                self.dropped.append((str(name), problem, articles if isinstance(articles, int) else 0))
        if self.dropped:
            self._write_manifest({**self.manifest, "parts": kept})

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
        tables = {"articles": articles, "events": events, "words": word_index(events)}
        checksums = {}
        for table_name, table in tables.items():
            target = self.path / table_name / f"{name}.parquet"
            groups = WORDS_ROW_GROUP if table_name == "words" else None
            checksums[table_name] = _replace_atomically(
                target, lambda temp, t=table, g=groups: pq.write_table(t, temp, compression="zstd", row_group_size=g)
            )
        entry = {"name": name, **{t: table.num_rows for t, table in tables.items()}, "sha256": checksums}
        # An older store takes parts of this format (a reader reads both shapes by column name): it is this format now.
        self._write_manifest({**self.manifest, "format": FORMAT, "parts": [*self.manifest["parts"], entry]})
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
    check_parts(path, manifest)
    connection = duckdb.connect(":memory:")
    try:
        for table, schema in TABLES.items():
            _create_table(connection, path, table, schema, manifest, memory and table == "events")
        _add_lead_titles(connection)
    except duckdb.Error as err:  # verified above, so the files changed since: still the store's fault
        connection.close()
        raise StoreError(f"store is damaged: {_one_line(str(err))[:200]}; {REPAIR_HINT}") from None
    return Store(path=path, manifest=manifest, connection=connection)


#: The tables read under another name, and a view of the name adding what is worked out when read (lead_title).
STORED = {"articles": "stored_articles"}


def _add_lead_titles(connection) -> None:
    """The view `articles`: the stored articles with `lead_title`, the name documents.lead_title gives an article
    without a title, worked out from the start of its text (only for the rows a query reads, and only the text's
    first LEAD_TEXT_CHARS)."""
    connection.create_function("lead_title", _lead_title, ["VARCHAR"], "VARCHAR", null_handling="special",
                               side_effects=False)
    connection.execute(f"""
        CREATE VIEW articles AS SELECT *, CASE WHEN nullif(trim(title), '') IS NULL
                                               THEN lead_title(left(text, {LEAD_TEXT_CHARS})) END AS lead_title
        FROM stored_articles""")


@functools.lru_cache(maxsize=8192)  # a query reads the same articles' leads again (0.3 ms each to name)
def _lead_title(text: str | None) -> str | None:
    return lead_title(text) if text else None


def _create_table(connection, path: Path, table: str, schema: pa.Schema, manifest: dict, memory: bool) -> None:
    """The view (or, with `memory`, the table) over the parts the manifest lists of `table`, named `table` or, for a
    table read under another name, that name (STORED: "stored_articles")."""
    name = STORED.get(table, table)
    files = [path / table / f"{part['name']}.parquet" for part in manifest["parts"]]
    if files:  # a view cannot take parameters: the file list is an SQL literal
        listing = ", ".join("'" + str(f).replace("'", "''") + "'" for f in files)
        kind = "TABLE" if memory else "VIEW"
        columns, by_name = _columns_sql(schema, [set(pq.read_schema(f).names) for f in files])
        options = ", union_by_name = true" if by_name else ""
        connection.execute(f"CREATE {kind} {name} AS SELECT {columns} FROM read_parquet([{listing}]{options})")
    else:  # an empty store still has both tables, with their columns
        connection.register("_empty", schema.empty_table())
        connection.execute(f"CREATE TABLE {name} AS SELECT * FROM _empty")
        connection.unregister("_empty")


_SQL_TYPES = {pa.string(): "VARCHAR", pa.int32(): "INTEGER", pa.int64(): "BIGINT", pa.date32(): "DATE",
              pa.bool_(): "BOOLEAN"}


def _columns_sql(schema: pa.Schema, parts: list[set[str]]) -> tuple[str, bool]:
    """What a table's view selects from its parts (the schema's columns, in order; a column no part has, as
    null: a format-2 store's events.mod), and whether the parts differ in their columns (then read by name:
    DuckDB takes the first file's columns for all unless told otherwise). Parts of one shape are read as before."""
    everywhere, anywhere = set.intersection(*parts), set.union(*parts)
    if set(schema.names) <= everywhere:
        return "*", False
    columns = [f'"{name}"' if name in anywhere else f'CAST(NULL AS {_SQL_TYPES[schema.field(name).type]}) AS "{name}"'
               for name in schema.names]
    return ", ".join(columns), anywhere != everywhere
