"""Queries on an opened store for the dashboard: filtered events, counts per period, near-duplicates.

    store = open_store("store/")
    query_events(store, years=(1997, 1998), keyword="election", limit=500) -> DataFrame, one per event
    count_by_period(store, years=(1997, 1998), period="month")   -> DataFrame: period, events, articles
    count_by_source(store, keyword="election")                    -> DataFrame: source, events (most first)
    near_duplicates(store, years=(1998, 1998))                    -> DataFrame, one row per group
    query_events(store, ..., happenings=True)  adds happening (an id shared by the reports of one happening),
                                               reported_by (how many articles report it) and happening_mod
    key_dates(store, keyword="quake", n=10)    -> the most reported happenings, one per date (topic timeline)

Every function takes the same filters (all optional, combined with AND):
    years=(first, last)       events that start in these years (inclusive)
    dates=(start, end)        events that start in [start, end): a bin of count_by_period
    sources=[...]             articles.source values (see list_sources)
    keyword="..."             words, each in any order in the event's sentence, headline or article title (the
                              name its lead gives a story without one), whole and with their forms ("election" finds
                              "Elections", not "electoral"; "art" not "start"; "fight" "fought"), a "quoted phrase"
                              its words in a row ("new york" finds "New-York"): timeline.word_search
    granularities=[...]       "year", "month", "day", ... (Granularity values)
    article_ids=[...]         these articles only
An event is placed by its start, so an event counted in a bin is listed by that bin's `dates` filter.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from datetime import date

from timeline.collection.extract import CONTENT_WORD
from timeline.collection.store import Store
from timeline.events import SAME_REPORT_MIN, SAME_REPORT_SHARE
from timeline.importance import spread_top
from timeline.lang.en.events import UNTELLING_WORDS
from timeline.word_search import Term, search_terms, word_alternatives

__all__ = [
    "PERIODS",
    "best_dates",
    "count_by_period",
    "count_by_source",
    "count_events",
    "get_article",
    "group_near_duplicates",
    "key_dates",
    "list_sources",
    "near_duplicates",
    "query_events",
    "rank_happenings",
    "summary",
]

PERIODS = ("century", "decade", "year", "quarter", "month", "week", "day")
EVENT_ORDER = "e.start, e.article_id, e.event_id"


def _literal(text: str) -> str:
    """`text` as an RE2 pattern matching itself: ASCII punctuation escaped, the rest literal."""
    return "".join("\\" + c if c.isascii() and not c.isalnum() and not c.isspace() else c for c in text)


_RE2_WORD_EDGE = r"[^\pL\pN\pM]"  # what separates words in the store's word index (store.WORD_SPLIT)


def _re2_pattern(term: Term) -> str:
    """A term as an RE2 pattern over text: its words (any of their forms) whole, a phrase's words in a row."""
    if not term.words:
        return "(?i)" + _literal(term.literal)
    return (f"(?i)(?:^|{_RE2_WORD_EDGE})" + f"{_RE2_WORD_EDGE}+".join(word_alternatives(term))
            + f"(?:$|{_RE2_WORD_EDGE})")


def _in_sentence(term: Term) -> tuple[str, list]:
    """A term in the event's sentence, looked up in the word index (no scan of the sentences): a word as any of
    its forms, a phrase as its words at consecutive positions."""
    if not term.words:
        return "regexp_matches(e.sentence, ?)", [_re2_pattern(term)]
    joins = "".join(
        f" JOIN words w{i} ON w{i}.article_id = w0.article_id AND w{i}.event_id = w0.event_id"
        f" AND w{i}.position = w0.position + {i}"
        for i in range(1, len(term.words))
    )
    same = " AND ".join(f"list_contains(?, w{i}.word)" for i in range(len(term.words)))
    return (f"EXISTS (SELECT 1 FROM words w0{joins} WHERE {same} "
            "AND w0.article_id = e.article_id AND w0.event_id = e.event_id)"), [sorted(f) for f in term.forms]


# What a reader sees as an article's title: its own, else the name its lead gives it (store.articles.lead_title).
_SHOWN_TITLE = "coalesce(nullif(trim(title), ''), lead_title, '')"


def _keyword_clause(keyword: str) -> tuple[str, list]:
    """The keyword filter on events `e` (timeline.word_search's policy): every term in the event's sentence,
    its headline or its article's title as shown (a story without one is named by its lead)."""
    clauses, params = [], []
    for term in search_terms(keyword):
        sentence, words = _in_sentence(term)
        pattern = _re2_pattern(term)
        clauses.append(f"({sentence} OR regexp_matches(coalesce(e.headline, ''), ?) OR e.article_id IN "
                       f"(SELECT article_id FROM articles WHERE regexp_matches({_SHOWN_TITLE}, ?)))")
        params += [*words, pattern, pattern]
    return " AND ".join(clauses) or "TRUE", params


def _where(
    years: tuple[int, int] | None = None,
    dates: tuple[date, date] | None = None,
    sources: Sequence[str] | None = None,
    keyword: str | None = None,
    granularities: Sequence[str] | None = None,
    article_ids: Sequence[str] | None = None,
) -> tuple[str, list]:
    """The filters as an SQL condition on events `e`, and its parameters."""
    clauses, params = ["TRUE"], []
    if years is not None:
        first, last = (int(y) for y in years)
        if first > last:
            raise ValueError(f"years must be (first, last) with first <= last, not {years}")
        clauses.append("e.start >= ? AND e.start < ?")
        params += [date(max(first, 1), 1, 1), date(min(last + 1, 9999), 1, 1)]
    if dates is not None:
        clauses.append("e.start >= ? AND e.start < ?")
        params += list(dates)
    if sources is not None:
        clauses.append("list_contains(?, e.source)")
        params.append(list(sources))
    if keyword and keyword.strip():
        clause, words = _keyword_clause(keyword.strip())
        clauses.append(clause)
        params += words
    if granularities is not None:
        clauses.append("list_contains(?, e.granularity)")
        params.append([str(getattr(g, "value", g)) for g in granularities])
    if article_ids is not None:
        clauses.append("list_contains(?, e.article_id)")
        params.append(list(article_ids))
    return " AND ".join(clauses), params


def query_events(store: Store, *, limit: int | None = None, offset: int = 0, happenings: bool = False, **filters):
    """The events matching the filters, ordered by start date, with their article's title (and lead_title, the name
    an article without one is given: see the store's schema), url, path and doc id.

    Columns: the events columns of the schema, then title, lead_title, url, path, doc_id; with `happenings`, also happening,
    reported_by and happening_mod (see happenings_sql: grouped over every event matching the filters, not only
    the page returned). `limit` None means all.
    """
    where, params = _where(**filters)
    if happenings:
        params = params * 2  # happenings_sql reads the filter twice: to group, and for the rows it returns
    page = ""
    if limit is not None:
        page = " LIMIT ? OFFSET ?"
        params += [int(limit), int(offset)]
    source = f"({happenings_sql(where)})" if happenings else "events"
    sql = f"""
        WITH hits AS (SELECT e.* FROM {source} e WHERE {'TRUE' if happenings else where}
                      ORDER BY {EVENT_ORDER}{page})
        SELECT e.*, a.title, a.lead_title, a.url, a.path, a.doc_id FROM hits e LEFT JOIN articles a USING (article_id)
        ORDER BY {EVENT_ORDER}
    """
    return store.cursor().execute(sql, params).df()


# --------------------------------------------------------------------------------------------
# Happenings: the reports of one happening across articles (same date, trigger lemma, similar headline)
# --------------------------------------------------------------------------------------------

_HAPPENING_COLUMNS = ("article_id", "event_id", "value", "mod", "granularity", "start", '"end"', "headline", "trigger",
                      "trigger_lemma", "happening_words", "published", "source")
SAME_HAPPENING = 0.6  # shared content words / those of the shorter headline ("The earthquake struck" is
                      # "A 7.6-magnitude earthquake struck South Asia"), against the block's first report
# Across triggers (second pass): timeline.events.same_report's thresholds, chosen on 88 hand-labelled te3-silver
# pairs (benchmarks/happening-pairs.tsv): at least 2 shared telling words, 60% of the shorter list, one of them
# a trigger: precision 21/21 on the labelled pairs (without the trigger condition 34/42, with 1 word 22/22).
COMMON_WORD_CAP = 50


def happenings_sql(where: str, events: str = "events") -> str:
    """SQL for the events matching `where` (on `e`), with `happening`, `reported_by` and `happening_mod` columns.

    First pass, by trigger: reports of one happening share a date value and a trigger lemma (a block);
    within a block, a report joins the block's first one (earliest published, then article and event id)
    when their telling words (happening_words, computed at build: words of 4+ letters of the headline, not
    the trigger's nor the date's; of the sentence when the headline is the bare trigger "Struck") are shared
    for more than half of the shorter list, or both have none but are more than the bare trigger ("The
    invasion", "The invasion"; never "Founded" = "Founded", which may be any two foundings). Events without
    a trigger block by their headline.

    Second pass, across triggers (one report anchors "earthquake", another "struck"): on a day (or a time),
    two happenings of the first pass are one when their telling words with their trigger words, less words
    that tell nothing (see `same_report_words`), share at least SAME_REPORT_MIN words, at least
    SAME_REPORT_SHARE of the shorter list, and one of the shared words names the happening (is a trigger of
    either). A happening takes the smallest id within two steps of it. A word that more than
    COMMON_WORD_CAP happenings of one date hold tells none of them apart and is not compared (it also bounds
    the pairs compared on a busy day). reported_by counts the distinct articles of the happening among the
    events matched. The reports of a happening share its date value; happening_mod is the part of that period
    they name ("early 2005": START) when they all name the same, else null (one says "early this year", another
    "this year": the happening is dated "2005", which both say). All in DuckDB: window functions, and a join on
    (date, word) for the second pass; the
    grouping reads only the few columns it needs, and `where` appears twice (its parameters too).
    """
    untelling = ", ".join(f"'{w}'" for w in sorted(UNTELLING_WORDS))
    return f"""
        WITH blocked AS MATERIALIZED (
            SELECT e.article_id, e.event_id, e.value, e.mod, e.granularity, e.trigger, e.published,
                   e.value || chr(31) || coalesce(e.trigger_lemma, '~' || lower(coalesce(e.headline, ''))) AS block,
                   e.article_id || ':' || CAST(e.event_id AS VARCHAR) AS event_key,
                   CASE WHEN coalesce(e.happening_words, '') = '' THEN []::VARCHAR[]
                        ELSE string_split(e.happening_words, ' ') END AS words,
                   e.happening_words IS NOT NULL AS worded
            FROM {events} e WHERE {where}
        ), ranked AS (
            SELECT *, first_value(words) OVER block_order AS first_words,
                      first_value(worded) OVER block_order AS first_worded,
                      first_value(event_key) OVER block_order AS first_key
            FROM blocked
            WINDOW block_order AS (PARTITION BY block ORDER BY published NULLS LAST, article_id, event_id)
        ), joined AS MATERIALIZED (
            SELECT article_id, event_id, value, mod, granularity, trigger, words,
                   CASE WHEN event_key = first_key
                          OR (len(words) = 0 AND len(first_words) = 0 AND worded AND first_worded)
                          OR (len(words) > 0 AND len(first_words) > 0 AND len(list_intersect(words, first_words))
                              >= {SAME_HAPPENING} * least(len(words), len(first_words)))
                        THEN block || chr(31) || first_key ELSE block || chr(31) || event_key END AS first_pass
            FROM ranked
        ), told_words AS (
            SELECT first_pass, any_value(value) AS value, word, bool_or(names) AS names FROM (
                SELECT first_pass, value, unnest(words) AS word, false AS names FROM joined
                WHERE granularity IN ('day', 'time')
                UNION ALL
                SELECT first_pass, value, lower(trigger), true FROM joined
                WHERE granularity IN ('day', 'time') AND trigger IS NOT NULL
            ) ANTI JOIN (SELECT unnest([{untelling}]) AS word) USING (word)
            GROUP BY first_pass, word
        ), sizes AS (
            SELECT first_pass, count(*) AS n FROM told_words GROUP BY first_pass
        ), telling AS (
            SELECT value, word FROM told_words GROUP BY value, word HAVING count(*) BETWEEN 2 AND {COMMON_WORD_CAP}
        ), compared AS (
            SELECT t.* FROM told_words t SEMI JOIN telling c ON t.value = c.value AND t.word = c.word
        ), shared AS (
            SELECT a.first_pass AS a, b.first_pass AS b, count(*) AS shared
            FROM compared a JOIN compared b ON a.value = b.value AND a.word = b.word AND a.first_pass < b.first_pass
            GROUP BY a.first_pass, b.first_pass
            HAVING count(*) >= {SAME_REPORT_MIN} AND bool_or(a.names OR b.names)
        ), pairs AS (
            SELECT p.a, p.b FROM shared p JOIN sizes sa ON sa.first_pass = p.a JOIN sizes sb ON sb.first_pass = p.b
            WHERE p.shared >= {SAME_REPORT_SHARE} * least(sa.n, sb.n)
        ), edges AS (
            SELECT a AS node, b AS other FROM pairs UNION ALL SELECT b, a FROM pairs
        ), step AS (
            SELECT node, least(node, min(other)) AS label FROM edges GROUP BY node
        ), second AS (
            SELECT e.node, least(min(s.label), any_value(own.label)) AS label
            FROM edges e JOIN step s ON s.node = e.other JOIN step own ON own.node = e.node GROUP BY e.node
        ), labels AS (
            SELECT j.article_id, j.event_id, j.mod, coalesce(s.label, j.first_pass) AS happening
            FROM joined j LEFT JOIN second s ON s.node = j.first_pass
        ), counted AS (
            SELECT *, count(DISTINCT article_id) OVER reports AS reported_by,
                   CASE WHEN min(coalesce(mod, '')) OVER reports = max(coalesce(mod, '')) OVER reports
                        THEN mod END AS happening_mod
            FROM labels WINDOW reports AS (PARTITION BY happening)
        )
        SELECT e.*, c.happening, c.reported_by, c.happening_mod
        FROM {events} e JOIN counted c ON c.article_id = e.article_id AND c.event_id = e.event_id WHERE {where}
    """


def representative(headlines: list[str | None]) -> str:
    """The wording that shares the most words with the others (ties: the longer, then the earlier)."""
    texts = [h for h in headlines if isinstance(h, str) and h.strip()]
    if not texts:
        return ""
    words = [{w for w in _WORD.findall(t.lower()) if len(w) >= CONTENT_WORD} for t in texts]
    shared = [sum(len(w & other) for j, other in enumerate(words) if j != i) for i, w in enumerate(words)]
    best = max(range(len(texts)), key=lambda i: (shared[i], len(words[i]), -i))
    return texts[best]


_PRECISION = {"time": 7, "day": 6, "week": 5, "month": 4, "season": 3, "quarter": 3, "year": 2, "decade": 1,
              "century": 0}


def rank_happenings(happenings, score=None):
    """Happenings (rows of key_dates' candidates) sorted best first.

    `score(frame) -> Series` (higher is better) ranks them when given (an importance score, say);
    otherwise: more reporting articles first, then the more precise date, then the earlier date.
    """
    frame = happenings.copy()
    if score is not None:
        frame["score"] = score(frame)
    else:
        frame["score"] = frame["articles"] + frame["granularity"].map(_PRECISION).fillna(0) / 10
    return frame.sort_values(["score", "start", "value"], ascending=[False, True, True], ignore_index=True)


def best_dates(happenings, n: int, score=None):
    """The `n` best happenings (rank_happenings), one per date (its best), in date order. Of the dates tied at
    the last place taken, ones spread evenly over the collection's time are taken, not the earliest: in a store of
    1997, 2005 and 2006 news, dozens of happenings reported by one article tie, and the earliest were April 1997."""
    best = rank_happenings(happenings, score).drop_duplicates("value")  # one happening per date: the best reported
    ordered = best.sort_values(["start", "value"], ignore_index=True)
    return ordered.iloc[spread_top(ordered["score"].round(9).tolist(), n)].reset_index(drop=True)


def key_dates(store: Store, *, n: int = 10, candidates: int = 60, score=None, **filters):
    """The topic timeline of the events matching the filters: the `n` best happenings, one per date, in date order.

    Columns: value, mod (see happenings_sql), granularity, start, end, headline (the most reported wording, else
    the first report's),
    trigger_lemma, articles (how many report it), sources (list), titles (list, first articles by
    publication date: each one's title, else its lead_title), reporters (list, the same articles as a reader tells
    them apart: the site of an article with an address, else its title, else its lead_title, else its document id,
    else its file), article_ids (list), happening, score. Only the `candidates` (date, trigger) blocks
    reported by the most articles are grouped into happenings, so the cost stays that of one GROUP BY over
    the events matched (reading only the block's columns) plus one scan of the candidate dates' rows. Ties, of
    blocks at the last candidate place and of dates at the last place (best_dates), are spread evenly over their
    time, the same way on every run. `score` as in rank_happenings.
    """
    where, params = _where(**filters)
    cursor = store.cursor()
    # Blocks ranked by reports (count(*): a count of distinct articles costs three times as much on a million
    # events, and the happenings below count the articles exactly). A query of its own, reading only the
    # block's columns: a CTE of the wide rows read twice would be materialised, every column of every event
    # in view (137 MB at a million events, 2/3 of the cost).
    # Ties at the last place break by a hash of the block (the same on every run), not by date: the earliest were
    # one week of a collection of three years, and best_dates can spread the dates only over those it is given.
    blocks = cursor.execute(f"""
        SELECT e.value, e.trigger_lemma FROM events e WHERE {where} AND e.trigger_lemma IS NOT NULL
        GROUP BY e.value, e.trigger_lemma ORDER BY count(*) DESC, hash(e.value, e.trigger_lemma), e.value, e.trigger_lemma
        LIMIT {int(candidates)}
    """, params).fetchall()
    values = sorted({v for v, _ in blocks}) or [None]  # [None]: no block, the query below returns no row
    block_keys = [f"{v}\x1f{t}" for v, t in blocks]
    # The candidates' dates as constants (the scan keeps only their rows), the wide columns read once; the
    # filters then apply to those rows only (a keyword's word-index join probes thousands of rows, not a million).
    columns = ", ".join(f"e.{c}" for c in _HAPPENING_COLUMNS)  # not the sentences: the costliest to read
    sql = f"""
        WITH dated AS MATERIALIZED (
            SELECT {columns} FROM events e WHERE e.value IN ({", ".join("?" * len(values))})
            AND (list_contains(?, e.value || chr(31) || e.trigger_lemma) OR e.granularity IN ('day', 'time'))
        ), candidates AS MATERIALIZED (SELECT e.* FROM dated e WHERE {where}), grouped AS ({happenings_sql("TRUE", "candidates")})
        SELECT happening, any_value(g.value) AS value, any_value(g.happening_mod) AS mod,
               any_value(g.granularity) AS granularity,
               min(g.start) AS start, max(g."end") AS "end", any_value(g.trigger_lemma) AS trigger_lemma,
               list(g.headline ORDER BY g.published NULLS LAST, g.article_id, g.event_id) AS headlines,
               count(DISTINCT g.article_id) AS articles,
               list_sort(list_distinct(list(g.source))) AS sources,
               list(coalesce(nullif(trim(a.title), ''), a.lead_title)
                    ORDER BY g.published NULLS LAST, g.article_id)[1:12] AS titles,
               list(CASE WHEN a.url IS NOT NULL THEN g.source
                         ELSE coalesce(nullif(trim(a.title), ''), a.lead_title, nullif(trim(a.doc_id), ''), g.source) END
                    ORDER BY g.published NULLS LAST, g.article_id)[1:12] AS reporters,
               list_sort(list_distinct(list(g.article_id))) AS article_ids
        FROM grouped g LEFT JOIN articles a USING (article_id) GROUP BY happening ORDER BY happening
    """
    params = [*values, block_keys, *params]
    frame = cursor.execute(sql, params).df()
    if frame.empty:
        return frame.assign(headline=[], score=[]).drop(columns="headlines")
    frame["headline"] = [representative(list(h)) for h in frame.pop("headlines")]
    return best_dates(frame, n, score)


def count_events(store: Store, **filters) -> int:
    """How many events match the filters."""
    where, params = _where(**filters)
    return store.cursor().execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchone()[0]


def count_by_period(store: Store, *, period: str = "month", **filters):
    """Events per period (by start date): columns period (first day), period_end (first day of the next),
    events, articles. Periods without events are absent."""
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")
    where, params = _where(**filters)
    sql = f"""
        SELECT CAST(date_trunc('{period}', e.start) AS DATE) AS period,
               CAST(date_trunc('{period}', e.start) + INTERVAL 1 {period} AS DATE) AS period_end,
               count(*) AS events, count(DISTINCT e.article_id) AS articles
        FROM events e WHERE {where} GROUP BY 1, 2 ORDER BY 1
    """
    return store.cursor().execute(sql, params).df()


def list_sources(store: Store):
    """Each source with its number of articles and events, most articles first, and `title`: its article's title
    when it holds one article (a file of a folder, a page), else null; `lead_title`: that article's lead_title (the
    name an article without a title is given), else null."""
    sql = """
        WITH sources AS (
            SELECT a.source, count(*) AS articles, sum(a.n_events) AS events,
                   CASE WHEN count(*) = 1 THEN any_value(a.title) END AS title,
                   CASE WHEN count(*) = 1 THEN any_value(a.article_id) END AS only_article
            FROM stored_articles a GROUP BY a.source
        )
        SELECT s.source, s.articles, s.events, s.title, a.lead_title
        FROM sources s LEFT JOIN articles a ON a.article_id = s.only_article
        ORDER BY s.articles DESC, s.source
    """
    return store.cursor().execute(sql).df()


def count_by_source(store: Store, **filters):
    """How many events matching the filters each source has: columns source, events; sources without any are
    absent. Most events first."""
    where, params = _where(**filters)
    sql = f"""
        SELECT e.source, count(*) AS events FROM events e WHERE {where} AND e.source IS NOT NULL
        GROUP BY e.source ORDER BY events DESC, e.source
    """
    return store.cursor().execute(sql, params).df()


def summary(store: Store) -> dict:
    """Totals and extent: articles, events, first and last event start, publication date range."""
    cursor = store.cursor()
    articles, first_published, last_published = cursor.execute(
        "SELECT count(*), min(published), max(published) FROM articles"
    ).fetchone()
    events, first, last = cursor.execute("SELECT count(*), min(start), max(start) FROM events").fetchone()
    return {
        "articles": articles,
        "events": events,
        "first_event": first,
        "last_event": last,
        "first_published": first_published,
        "last_published": last_published,
    }


def get_article(store: Store, article_id: str) -> dict | None:
    """One article's row (schema columns), or None."""
    cursor = store.cursor().execute("SELECT * FROM articles WHERE article_id = ?", [article_id])
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cursor.description], row, strict=True))


# --------------------------------------------------------------------------------------------
# Near-duplicates: same value, similar headline and trigger, different articles
# --------------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+")
_BANDS, _ROWS = 8, 2  # MinHash LSH: 16 hashes; a pair with Jaccard 0.5 is a candidate with p ~ 0.9
_PRIME = (1 << 31) - 1


def _shingles(sentence: str) -> frozenset[int]:
    """Hashed word 3-grams of the normalised sentence (words themselves for very short ones)."""
    words = _WORD.findall(sentence.lower())
    grams = [" ".join(words[i : i + 3]) for i in range(len(words) - 2)] or words
    return frozenset(zlib.crc32(g.encode("utf-8")) for g in grams)


def _minhash(shingles: frozenset[int], coefficients) -> tuple[int, ...]:
    import numpy as np

    if not shingles:
        return (-1,) * (_BANDS * _ROWS)
    values = np.fromiter(shingles, dtype=np.uint64, count=len(shingles))
    a, b = coefficients
    hashed = (values[:, None] * a[None, :] + b[None, :]) % np.uint64(_PRIME)
    return tuple(int(v) for v in hashed.min(axis=0))


def _jaccard(x: frozenset[int], y: frozenset[int]) -> float:
    if not x and not y:
        return 1.0
    return len(x & y) / len(x | y)


def _happening_texts(frame) -> list[str]:
    """What names each event for grouping: its headline and trigger (the sentence for stores without them)."""
    if "headline" not in frame:
        return [s or "" for s in frame["sentence"]]
    triggers = frame["trigger"] if "trigger" in frame else [""] * len(frame)
    return [f"{h or ''} {t or ''}" for h, t in zip(frame["headline"], triggers, strict=True)]


def group_near_duplicates(frame, threshold: float = 0.5):
    """Events (a query_events frame) -> the same frame with `group` (an id shared by near-duplicates:
    same value, headline-and-trigger word-3-gram Jaccard >= threshold) and `group_articles` (articles in
    the group).

    Cheap on purpose: MinHash signatures put candidates in buckets, and each event is compared with
    its bucket's first event only; exact Jaccard decides. No model, linear in the number of events.
    """
    import numpy as np

    frame = frame.reset_index(drop=True).copy()
    n = len(frame)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    rng = np.random.default_rng(20210407)  # fixed: the same input always groups the same way
    coefficients = (
        rng.integers(1, _PRIME, _BANDS * _ROWS, dtype=np.uint64),
        rng.integers(0, _PRIME, _BANDS * _ROWS, dtype=np.uint64),
    )
    shingles = [_shingles(s) for s in _happening_texts(frame)] if n else []
    values = list(frame["value"]) if n else []
    first_in_bucket: dict[tuple, int] = {}
    for i in range(n):
        signature = _minhash(shingles[i], coefficients)
        for band in range(_BANDS):
            key = (values[i], band, signature[band * _ROWS : (band + 1) * _ROWS])
            j = first_in_bucket.setdefault(key, i)
            if j != i and find(i) != find(j) and _jaccard(shingles[i], shingles[j]) >= threshold:
                parent[find(i)] = find(j)
    roots = [find(i) for i in range(n)]
    # Number groups by first appearance so ids are stable for a given frame order.
    ids: dict[int, int] = {}
    frame["group"] = [ids.setdefault(r, len(ids)) for r in roots]
    if n:
        frame["group_articles"] = frame.groupby("group")["article_id"].transform("nunique")
    else:
        frame["group_articles"] = []
    return frame


def near_duplicates(
    store: Store, *, threshold: float = 0.5, min_articles: int = 2, max_events: int = 100_000, **filters
):
    """Groups of near-duplicate events reported by at least `min_articles` articles, most reported first.

    Columns: group, value, granularity, start, end, sentence (from the earliest published article),
    articles, events, sources (list), article_ids (list). Only the first `max_events` events matching
    the filters (by start date) are grouped: narrow the filters on very large stores.
    """
    events = query_events(store, limit=max_events, **filters)
    grouped = group_near_duplicates(events, threshold)
    columns = [
        "group",
        "value",
        "granularity",
        "start",
        "end",
        "sentence",
        "articles",
        "events",
        "sources",
        "article_ids",
    ]
    if grouped.empty:
        return grouped.reindex(columns=columns)
    grouped = grouped[grouped["group_articles"] >= min_articles]
    grouped = grouped.sort_values(["group", "published", "article_id", "event_id"], na_position="last")
    rows = []
    for group, members in grouped.groupby("group", sort=False):
        first = members.iloc[0]
        rows.append(
            {
                "group": group,
                "value": first["value"],
                "granularity": first["granularity"],
                "start": first["start"],
                "end": first["end"],
                "sentence": first["sentence"],
                "articles": members["article_id"].nunique(),
                "events": len(members),
                "sources": sorted(set(members["source"].dropna())),
                "article_ids": sorted(set(members["article_id"])),
            }
        )
    import pandas as pd

    result = pd.DataFrame(rows, columns=columns)
    return result.sort_values(
        ["articles", "start", "group"], ascending=[False, True, True], ignore_index=True
    )
