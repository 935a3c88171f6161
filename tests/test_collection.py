"""Collections (timeline.collection): build a store from many inputs, incrementally and safely; query it."""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import timeline
from timeline import cli
from timeline.collection import (
    BuildInterrupted,
    SourceError,
    StoreError,
    StoreOutdated,
    best_dates,
    build,
    count_by_period,
    count_by_source,
    count_events,
    get_article,
    group_near_duplicates,
    key_dates,
    list_sources,
    near_duplicates,
    open_store,
    query_events,
    rank_happenings,
    summary,
)
from timeline.collection import builder as build_module
from timeline.collection import store as store_module
from timeline.collection.sources import iter_items
from timeline.documents import read_document
from timeline.word_search import search_terms

# Each record: what a JSON Lines line holds. Their texts are extracted directly too, for comparison.
RECORDS = [
    {
        "id": "a1",
        "title": "Rockets hit base",
        "url": "https://www.rt.com/news/1",
        "published": "2021-04-07",
        "text": "On Sunday, two rockets hit a base near Baghdad. The US invaded Iraq in March 2003.",
    },
    {
        "id": "a2",
        "url": "https://apnews.com/x",
        "published": "2021-04-08",
        "text": "Rockets struck an Iraqi base on Sunday, officials said. Troops left in December 2011.",
    },
    {
        "id": "a3",
        "published": "2020-06-01T10:00:00Z",
        "text": "Talks resumed in 2019 after a long pause. A deal was signed on 3 May 2020.",
    },
]

TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>T_0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-03-04" functionInDocument="CREATION_TIME">March 4, 1998</TIMEX3></DCT>
<TITLE>URGENTStrike &amp; talks (picture)</TITLE>
<TEXT>
Workers went on strike on Monday. The union was founded in 1950.
</TEXT>
</TimeML>
"""

ARTICLE_TXT = (
    "Storm hits coast\n\n12 Jan 2022\n\nA storm hit the coast on Tuesday. It was the worst since 1999.\n"
)
HTML = (
    b"<html><head><title>Vote</title><meta property='article:published_time' content='2019-11-05'></head>"
    b"<body><article><p>Voters went to the polls on Sunday. The last vote was in 2015.</p></article></body></html>"
)


def jsonl(records: list[dict]) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder with every kind of input: JSON Lines, TimeML, txt, html, and a zip of two articles."""
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "feed.jsonl").write_text(jsonl(RECORDS), encoding="utf-8")
    (folder / "doc.tml").write_text(TIMEML, encoding="utf-8")
    (folder / "storm.txt").write_text(ARTICLE_TXT, encoding="utf-8")
    (folder / "sub" / "vote.html").write_bytes(HTML)
    (folder / "ignored.csv").write_text("a,b\n1,2\n")  # not an article extension: not read from a folder
    with zipfile.ZipFile(folder / "more.zip", "w") as archive:
        archive.writestr("x/one.txt", "Markets fell on Friday after the 2008 crash was recalled.\n")
        archive.writestr("x/two.md", "# Two\n\nThe bridge opened in June 1990 and closed last week.\n")
    return folder


def table(store: Path, name: str) -> list[dict]:
    """A store table's rows in part order, read with pyarrow (independent of the query code)."""
    manifest = json.loads((store / "manifest.json").read_text())
    rows: list[dict] = []
    for part in manifest["parts"]:
        rows += pq.read_table(store / name / f"{part['name']}.parquet").to_pylist()
    return rows


# --------------------------------------------------------------------------------------------
# Building
# --------------------------------------------------------------------------------------------


def test_build_reads_every_kind_of_input(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    report = build([str(corpus)], store, workers=1)
    articles = table(store, "articles")
    assert report.added == len(articles) == 3 + 1 + 1 + 1 + 2
    assert report.failed == 0 and report.skipped == 0
    by_path = {
        Path(a["path"].split("!")[0]).name + ("!" + a["path"].split("!")[1] if "!" in a["path"] else ""): a
        for a in articles
    }
    assert set(by_path) == {
        "feed.jsonl:1",
        "feed.jsonl:2",
        "feed.jsonl:3",
        "doc.tml",
        "storm.txt",
        "vote.html",
        "more.zip!x/one.txt",
        "more.zip!x/two.md",
    }
    rt = by_path["feed.jsonl:1"]
    assert (rt["doc_id"], rt["title"], rt["source"], rt["published"]) == (
        "a1",
        "Rockets hit base",
        "rt.com",
        date(2021, 4, 7),
    )
    assert by_path["feed.jsonl:3"]["published"] == date(2020, 6, 1)
    assert by_path["feed.jsonl:3"]["source"] == "feed.jsonl"  # no url: the file it came from, not the folder
    tml = by_path["doc.tml"]
    assert (tml["doc_id"], tml["title"], tml["published"], tml["published_source"]) == (
        "T_0001",
        "Strike & talks",
        date(1998, 3, 4),
        "timeml",
    )
    assert by_path["storm.txt"]["published"] == date(2022, 1, 12)
    assert by_path["vote.html"]["title"] == "Vote"
    assert len({a["article_id"] for a in articles}) == len(articles)
    events = table(store, "events")
    assert report.events == len(events) == sum(a["n_events"] for a in articles)
    texts = {a["article_id"]: a["text"] for a in articles}
    assert all(len(texts[a["article_id"]]) == a["n_chars"] for a in articles)
    for e in events:  # offsets index into the stored text, whatever the input format
        assert texts[e["article_id"]][e["sentence_start"] : e["sentence_end"]] == e["sentence"]
        assert texts[e["article_id"]][e["expression_start"] : e["expression_end"]] == e["expression"]


def test_events_are_those_of_extract_with_offsets_into_the_text(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    build([str(corpus / "feed.jsonl")], store, workers=1)
    events = table(store, "events")
    articles = {a["doc_id"]: a for a in table(store, "articles")}
    for record in RECORDS:
        published = date.fromisoformat(record["published"][:10])
        expected = timeline.extract_document(
            read_document(record["text"].encode(), "a.txt", published)
        ).events
        article_id = articles[record["id"]]["article_id"]
        stored = [e for e in events if e["article_id"] == article_id]
        assert [(e["value"], e["granularity"], e["start"], e["end"]) for e in stored] == [
            (x.value, x.granularity.value, x.start, x.end) for x in expected
        ]
        assert stored, "each record has dated events"
        for e in stored:
            text = record["text"]
            assert text[e["sentence_start"] : e["sentence_end"]] == e["sentence"]
            assert text[e["expression_start"] : e["expression_end"]] == e["expression"]
            assert e["published"] == published


def test_rebuild_skips_what_is_stored_and_adds_what_is_new(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    first = build([str(corpus)], store, workers=1)
    again = build([str(corpus)], store, workers=1)
    assert (again.added, again.skipped, again.events) == (0, first.added, 0)
    (corpus / "new.txt").write_text("The dam burst on 2 February 2004.\n")
    third = build([str(corpus)], store, workers=1)
    assert (third.added, third.skipped) == (1, first.added)
    assert len(table(store, "articles")) == first.added + 1
    # The same article under another name is the same content: stored once.
    (corpus / "copy.txt").write_text("The dam burst on 2 February 2004.\n")
    assert build([str(corpus)], store, workers=1).added == 0


def test_bad_articles_are_reported_counted_and_skipped(corpus: Path, tmp_path: Path) -> None:
    (corpus / "feed.jsonl").write_text(
        jsonl(RECORDS[:1])
        + "{not json\n"
        + json.dumps({"text": "In 2001.", "published": "yesterday"})
        + "\n"
        + json.dumps(["a list"])
        + "\n"
        + jsonl(RECORDS[1:2])
    )
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    (corpus / "broken.zip").write_bytes(b"PK\x03\x04 this is not a zip")
    seen = []
    report = build([str(corpus)], tmp_path / "store", workers=1, on_failure=seen.append)
    reasons = {Path(f.path).name: f.reason for f in report.failures}
    assert set(reasons) == {"feed.jsonl:2", "feed.jsonl:3", "feed.jsonl:4", "binary.txt", "broken.zip"}
    assert "JSON" in reasons["feed.jsonl:2"] and "published" in reasons["feed.jsonl:3"]
    assert "zip" in reasons["broken.zip"]
    assert all("\n" not in r for r in reasons.values())
    assert report.failed == 5 and seen == report.failures
    assert report.added == 2 + 1 + 1 + 1 + 2  # the good ones are all there
    assert len(table(tmp_path / "store", "articles")) == report.added


def test_a_failing_build_leaves_the_store_as_after_its_last_part(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "store"
    real_replace = store_module._replace_atomically
    parquet_files = []

    def crash_on_second_manifest(target: Path, write) -> str:
        if target.suffix == ".parquet":
            parquet_files.append(target)
        elif len(parquet_files) == 2 * len(store_module.TABLES):  # the second part's files are in place, not listed
            raise OSError("disk full")
        return real_replace(target, write)

    monkeypatch.setattr(store_module, "_replace_atomically", crash_on_second_manifest)
    with pytest.raises(OSError, match="disk full"):
        build([str(corpus)], store, workers=1, batch_size=1, part_size=2)
    assert len(list((store / "articles").glob("*.parquet"))) == 2  # one listed part, one unfinished
    with open_store(store) as opened:
        assert opened.n_articles == 2 == len(table(store, "articles"))
        assert len(query_events(opened)) == opened.n_events == len(table(store, "events"))
    monkeypatch.setattr(store_module, "_replace_atomically", real_replace)
    report = build([str(corpus)], store, workers=1, batch_size=1, part_size=2)
    assert report.skipped == 2 and report.added == 6
    assert len(list((store / "articles").glob("*.parquet"))) == 4  # the unfinished part was removed
    assert len({a["article_id"] for a in table(store, "articles")}) == 8


def test_ctrl_c_keeps_finished_articles_and_a_rerun_completes(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "store"
    real_extract = build_module.extract_batch
    calls = []

    def interrupted_third_batch(items):
        calls.append(items)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real_extract(items)

    monkeypatch.setattr(build_module, "extract_batch", interrupted_third_batch)
    with pytest.raises(BuildInterrupted) as stop:
        build([str(corpus)], store, workers=1, batch_size=1, part_size=100)
    assert stop.value.report.added == 2
    assert len(table(store, "articles")) == 2
    monkeypatch.setattr(build_module, "extract_batch", real_extract)
    report = build([str(corpus)], store, workers=1)
    assert (report.skipped, report.added) == (2, 6)


def test_one_build_at_a_time(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    with store_module.StoreWriter(store):
        with pytest.raises(StoreError, match="another build"):
            build([str(corpus)], store, workers=1)


def test_bad_sources_and_stores_are_refused_before_writing(corpus: Path, tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no such file"):
        build([str(corpus), str(tmp_path / "missing")], tmp_path / "store")
    with pytest.raises(SourceError, match="no files match"):
        build([str(tmp_path / "*.nothing")], tmp_path / "store")
    assert not (tmp_path / "store").exists()
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("mine")
    with pytest.raises(StoreError, match="not a timeline store"):
        build([str(corpus)], tmp_path / "busy")
    with pytest.raises(StoreError):
        open_store(corpus)


def test_a_folders_articles_are_named_after_their_own_files(corpus: Path, tmp_path: Path) -> None:
    """A store built from a folder named every article's source after the folder (of 300 te3-silver files: "Sources
    1", "reported by 1 article (src300)"): each is named by its own file, as when the files are named one by one,
    with its path inside the folder; a feed's or a zip's articles by that file; a site's by its address."""
    build([str(corpus)], tmp_path / "store", workers=1)
    by_file = {Path(a["path"].split("!")[0]).name + ("!" + a["path"].split("!")[1] if "!" in a["path"] else ""):
               a["source"] for a in table(tmp_path / "store", "articles")}
    assert by_file == {
        "feed.jsonl:1": "rt.com", "feed.jsonl:2": "apnews.com", "feed.jsonl:3": "feed.jsonl",
        "doc.tml": "doc.tml", "storm.txt": "storm.txt", "vote.html": "Vote",  # a web page: its title (below)
        "more.zip!x/one.txt": "more.zip", "more.zip!x/two.md": "more.zip",
    }
    files = build([str(corpus / "doc.tml"), str(corpus / "storm.txt")], tmp_path / "files", workers=1)
    assert files.added == 2
    named = {a["source"] for a in table(tmp_path / "files", "articles")}
    assert named == {"doc.tml", "storm.txt"}  # the same names as from the folder


def test_the_cli_build_of_a_folder_names_each_article_by_its_file(corpus: Path, tmp_path: Path) -> None:
    """`python -m timeline build FOLDER --out STORE`, the way the lead built the 300-article store."""
    (corpus / "feed.jsonl").unlink()
    (corpus / "more.zip").unlink()
    assert cli.main(["build", str(corpus), "--out", str(tmp_path / "store"), "--quiet"]) == 0
    with open_store(tmp_path / "store") as opened:
        assert sorted(list_sources(opened)["source"]) == ["Vote", "doc.tml", "storm.txt"]


def saved_page(title: str | None, head: str = "", text: str = "Troops left the base on 7 April 2021.") -> bytes:
    """A web page as a browser saves it, with `head` (an address it gives of itself) and its title, if any."""
    titled = f"<title>{title}</title>" if title else ""
    return f"<html><head>{head}{titled}</head><body><article><p>{text}</p></article></body></html>".encode()


def test_a_folder_of_saved_pages_names_each_by_its_site_else_its_title(tmp_path: Path) -> None:
    """Saved web pages were named by their files ("page-1.html"): each is named as a fetched page is, by the site
    of the address it gives of itself (canonical link, og:url, the browser's "saved from" mark), else by its title;
    by its file only when it has neither. A zip's pages keep the zip's name unless they name their site."""
    folder = tmp_path / "saved"
    folder.mkdir()
    pages = {
        "page-1.html": saved_page("Troops leave", '<link rel="canonical" href="https://www.example-news.com/a/1">'),
        "page-2.htm": saved_page("Talks resume", '<meta property="og:url" content="https://apnews.example/b">',
                                 "Talks resumed on 9 May 2021."),
        "page-3.html": saved_page("Vote", "<!-- saved from url=(0031)https://www.bbc.example/news/1 -->",
                                  "Voters went to the polls on 3 June 2021."),
        "page-4.html": saved_page("Council approves budget", '<link rel="canonical" href="/news/4">',
                                  "The council approved the budget on 2 March 2021."),
        "page-5.html": saved_page(None, "", "The bridge reopened on 12 July 2021."),
        "notes.txt": b"Troop notes\n\nThe last convoy left on 8 April 2021, officials said.\n",
    }
    for name, data in pages.items():
        (folder / name).write_bytes(data)
    with zipfile.ZipFile(folder / "archive.zip", "w") as archive:
        archive.writestr("a.html", saved_page("Dam opens", "", "The dam opened on 1 May 2021."))
        archive.writestr("b.html", saved_page("Port opens", '<meta property="og:url" content="https://rt.example/p">',
                                              "The port opened on 2 May 2021."))
    assert build([str(folder)], tmp_path / "store", workers=1).failed == 0
    rows = {a["path"].rsplit("/", 1)[-1]: (a["source"], a["url"]) for a in table(tmp_path / "store", "articles")}
    assert rows == {
        "page-1.html": ("example-news.com", "https://www.example-news.com/a/1"),
        "page-2.htm": ("apnews.example", "https://apnews.example/b"),
        "page-3.html": ("bbc.example", "https://www.bbc.example/news/1"),
        "page-4.html": ("Council approves budget", None),  # a relative address names no site
        "page-5.html": ("page-5.html", None),
        "notes.txt": ("notes.txt", None),  # a text file: its file, as before
        "archive.zip!a.html": ("archive.zip", None),
        "archive.zip!b.html": ("rt.example", "https://rt.example/p"),
    }


def test_sources_globs_and_zips_are_read_in_a_stable_order(corpus: Path) -> None:
    items = list(iter_items([str(corpus / "*.jsonl"), str(corpus / "more.zip")]))
    assert [i.path.rsplit("/", 1)[-1] for i in items] == [
        "feed.jsonl:1",
        "feed.jsonl:2",
        "feed.jsonl:3",
        "one.txt",
        "two.md",
    ]
    assert [i.key for i in items] == [
        i.key for i in iter_items([str(corpus / "*.jsonl"), str(corpus / "more.zip")])
    ]


def test_process_pool_build_equals_in_process_build(corpus: Path, tmp_path: Path) -> None:
    build([str(corpus)], tmp_path / "one", workers=1, batch_size=2)
    build([str(corpus)], tmp_path / "two", workers=2, batch_size=2)
    for name in ("articles", "events"):
        assert table(tmp_path / "one", name) == table(tmp_path / "two", name)


def test_dask_local_cluster_build_equals_local_build(corpus: Path, tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    from timeline.collection import dask_client

    build([str(corpus)], tmp_path / "local", workers=1, batch_size=2)
    with dask_client(None, workers=2) as client:
        report = build([str(corpus)], tmp_path / "dask", client=client, batch_size=2)
    assert report.added == 8
    for name in ("articles", "events"):
        assert table(tmp_path / "local", name) == table(tmp_path / "dask", name)
    assert (tmp_path / "local" / "manifest.json").read_text() == (
        tmp_path / "dask" / "manifest.json"
    ).read_text()


# --------------------------------------------------------------------------------------------
# Querying
# --------------------------------------------------------------------------------------------


@pytest.fixture
def opened(corpus: Path, tmp_path: Path):
    build([str(corpus)], tmp_path / "store", workers=1, part_size=3)  # several parts
    with open_store(tmp_path / "store") as store:
        yield store


def test_query_filters_match_the_rows(opened) -> None:
    everything = query_events(opened)
    assert len(everything) == opened.n_events == count_events(opened)
    assert list(everything["start"]) == sorted(everything["start"])
    assert {"title", "url", "path", "sentence", "value"} <= set(everything.columns)
    in_2021 = query_events(opened, years=(2021, 2021))
    assert len(in_2021) > 0
    assert all(s.year == 2021 for s in in_2021["start"])
    assert len(in_2021) == sum(s.year == 2021 for s in everything["start"])
    sunday = query_events(opened, keyword="ROCKETS")
    shown = sunday["title"].where(sunday["title"].fillna("").str.strip() != "", sunday["lead_title"])  # as the page
    assert len(sunday) > 0 and all("rockets" in f"{s} {t}".lower() for s, t in zip(sunday["sentence"], shown, strict=True))
    assert set(query_events(opened, sources=["rt.com"])["url"]) == {"https://www.rt.com/news/1"}
    years = query_events(opened, granularities=["year"])
    assert len(years) > 0 and set(years["granularity"]) == {"year"}
    assert len(query_events(opened, limit=2, offset=1)) == 2
    assert list(query_events(opened, limit=2, offset=1)["value"]) == list(everything["value"][1:3])
    with pytest.raises(ValueError, match="first <= last"):
        query_events(opened, years=(2021, 2020))


def _words(text: str) -> list[str]:
    import re

    return re.findall(r"[^\W_]+", text.lower())


def _finds(event, keyword: str) -> bool:
    """The reference: each of the keyword's terms among the words of the event's sentence, headline or article
    title as shown (its lead's name without one): a word as any of its forms (word_search.word_forms), a quoted
    phrase as its words in a row."""
    title = event["title"] if isinstance(event["title"], str) and event["title"].strip() else event["lead_title"]
    texts = [_words("" if pd.isna(value) else str(value)) for value in (event["sentence"], event["headline"], title)]
    return all(any(any(all(w in forms for w, forms in zip(words[i : i + len(term.forms)], term.forms, strict=True))
                       for i in range(len(words) - len(term.forms) + 1)) for words in texts)
               for term in search_terms(keyword))


@pytest.mark.parametrize("keyword", ["rockets", "ROCKETS", "Sunday,", "2003.", "iraqi base", '"iraqi base"',
                                     '"a base near"', "rocket", "ock", "base Baghdad", '"base Baghdad"', "us", "U.S.",
                                     "hit iraq", "strike"])
def test_keyword_finds_every_word_and_quoted_phrases(opened, keyword: str) -> None:
    everything = query_events(opened)
    expected = sorted(everything[[_finds(e, keyword) for _, e in everything.iterrows()]]["sentence"])
    assert sorted(query_events(opened, keyword=keyword)["sentence"]) == expected
    assert count_events(opened, keyword=keyword) == len(expected)


def test_keyword_golden_examples(tmp_path: Path) -> None:
    """'art' is not 'start'; a phrase crosses hyphens and punctuation; a name is found whatever its case."""
    texts = {
        "a": "The art fair opened on 3 May 2020 in Basel.",
        "b": "Talks will start on 4 May 2020 in Geneva.",
        "c": "Al-Qaeda claimed the attack on 5 May 2020, the New York Times reported.",
        "d": "Prices rose 5% on 6 May 2020; the Art's council was silent.",
    }
    records = [{"id": k, "published": "2020-05-07", "text": t} for k, t in texts.items()]
    (tmp_path / "feed.jsonl").write_text(jsonl(records))
    build([str(tmp_path / "feed.jsonl")], tmp_path / "store", workers=1)
    with open_store(tmp_path / "store") as store:
        def found(keyword: str) -> set[str]:
            frame = query_events(store, keyword=keyword)
            return {k for k, t in texts.items() if any(s in t for s in frame["sentence"])}

        assert found("art") == {"a", "d"}
        assert found("start") == {"b"}
        assert found("al qaeda") == found("AL-QAEDA") == {"c"}
        assert found("new york times") == {"c"}
        assert found('"york new"') == set()  # a quoted phrase: its words in a row
        assert found("york new") == {"c"}  # words apart: in any order
        assert found("price council") == {"d"}  # a word finds its plural ("Prices")
        assert found("attacks claims") == {"c"}  # and its verb's forms ("claimed")
        assert found("5%") == found("5") == {"c", "d"}  # the digits are the word; the % is punctuation
        assert found("%") == {"d"}  # no word at all: matched as typed


def test_keyword_finds_a_story_by_the_name_its_lead_gives_it(tmp_path: Path) -> None:
    """A story without a title is shown by its lead's name (documents.lead_title): the words of that name find its
    events as a title's words do; a titled story's lead is no name of it. The store's word index finds a verb's
    irregular forms ("fight" finds "fought")."""
    texts = {
        "floods": ("", "MARLOW (AP) — Floods swept through the river valley, forcing thousands from their homes, "
                       "officials said. Rescue teams reached the town of Marlow on 4 May 2020."),
        "harbour": ("Harbour reopens", "Floods closed the harbour.\n\nShips returned on 5 May 2020."),
        "rebels": ("Border clashes", "Rebels fought government troops near the border on 6 May 2020."),
    }
    records = [{"id": k, "published": "2020-05-07", "title": title, "text": text}
               for k, (title, text) in texts.items()]
    for store in opened_store_of(records, tmp_path):
        def found(keyword: str, store=store) -> set[str]:
            return set(query_events(store, keyword=keyword)["doc_id"])

        assert found("floods valley") == {"floods"}  # the lead's name; "Floods" of a titled story's lead is not
        assert found("rescue river") == {"floods"}  # a word of the sentence, a word of the name
        assert found("thousands homes") == {"floods"}
        assert found("harbour reopens") == {"harbour"}  # a title still names its story
        assert found("fight") == found("fought") == {"rebels"}


def test_counts_by_period_add_up_and_each_bin_lists_its_events(opened) -> None:
    for period in ("year", "month"):
        bins = count_by_period(opened, period=period)
        assert bins["events"].sum() == opened.n_events
        for row in bins.itertuples():
            listed = query_events(opened, dates=(row.period.date(), row.period_end.date()))
            assert len(listed) == row.events
            assert listed["article_id"].nunique() == row.articles
    years = count_by_period(opened, period="year", years=(2020, 2021))
    assert {p.year for p in years["period"]} <= {2020, 2021}
    with pytest.raises(ValueError, match="period"):
        count_by_period(opened, period="fortnight")


def test_sources_summary_and_article(opened) -> None:
    sources = list_sources(opened)
    assert sources["articles"].sum() == opened.n_articles
    assert {"rt.com", "apnews.com", "feed.jsonl", "doc.tml", "Vote"} <= set(sources["source"])  # a page by its title
    info = summary(opened)
    assert (info["articles"], info["events"]) == (opened.n_articles, opened.n_events)
    some = query_events(opened, limit=1).iloc[0]
    article = get_article(opened, some["article_id"])
    assert article["path"] == some["path"]
    assert article["text"][some["sentence_start"] : some["sentence_end"]] == some["sentence"]
    assert get_article(opened, "0" * 16) is None


def test_sources_are_counted_in_view_and_a_one_article_source_has_its_title(opened) -> None:
    sources = list_sources(opened).set_index("source")
    assert sources.loc["doc.tml", "title"] == "Strike & talks" and sources.loc["doc.tml", "articles"] == 1
    assert pd.isna(sources.loc["more.zip", "title"])  # two articles: no one title
    counts = count_by_source(opened, keyword="strike")  # its title's "Strike", and "Rockets struck" (a form)
    assert set(counts["source"]) == {"doc.tml", "apnews.com"} and counts["events"].tolist() == [
        count_events(opened, keyword="strike", sources=[source]) for source in counts["source"]]
    every = count_by_source(opened)
    assert every["events"].sum() == opened.n_events and every["events"].is_monotonic_decreasing


def test_an_empty_store_answers_with_empty_frames(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    build([str(tmp_path / "empty")], tmp_path / "store", workers=1)
    with open_store(tmp_path / "store") as store:
        assert query_events(store).empty and count_by_period(store).empty and near_duplicates(store).empty
        assert "sentence" in query_events(store).columns


def test_near_duplicates_group_same_date_similar_happenings(tmp_path: Path) -> None:
    base = "Two rockets hit the Balad air base north of Baghdad on Sunday, the Iraqi military said."
    records = [
        {"url": "https://a.com/1", "published": "2021-04-07", "text": base},
        {
            "url": "https://b.com/1",
            "published": "2021-04-07",
            "text": "Two rockets hit the Balad air base north of Baghdad on Sunday, the Iraqi army said.",
        },
        {"url": "https://c.com/1", "published": "2021-04-08", "text": base + " Nobody was hurt."},
        {
            "url": "https://d.com/1",
            "published": "2021-04-07",  # same date, another story
            "text": "Parliament met on Sunday to debate the budget for the coming year.",
        },
        {
            "url": "https://e.com/1",
            "published": "2021-04-21",  # same sentence, another date
            "text": base,
        },
    ]
    (tmp_path / "feed.jsonl").write_text(jsonl(records))
    build([str(tmp_path / "feed.jsonl")], tmp_path / "store", workers=1)
    with open_store(tmp_path / "store") as store:
        groups = near_duplicates(store)
        assert len(groups) == 1
        group = groups.iloc[0]
        assert (group["value"], group["articles"]) == ("2021-04-04", 3)
        assert group["sources"] == ["a.com", "b.com", "c.com"]
        # grouped by headline and trigger: "..., the Iraqi army said" and "..., the Iraqi military said" have
        # the same headline ("Two rockets hit the Balad air base north of Baghdad"), so even 0.99 groups all 3
        assert near_duplicates(store, threshold=0.99)["articles"].tolist() == [3]
        assert near_duplicates(store, keyword="parliament").empty


def test_group_near_duplicates_never_joins_different_values() -> None:
    import pandas as pd

    sentence = "The ceasefire took effect at midnight after weeks of talks in Cairo."
    frame = pd.DataFrame(
        {
            "article_id": ["a", "b", "c", "d"],
            "value": ["2020-01", "2020-01", "2020-02", "2020-01"],
            "sentence": [sentence, sentence.upper(), sentence, "Something else entirely happened."],
        }
    )
    grouped = group_near_duplicates(frame)
    assert grouped["group"].tolist() == [0, 0, 1, 2]
    assert grouped["group_articles"].tolist() == [2, 2, 1, 1]


# --------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------


def test_cli_build_reports_counts_and_is_incremental(corpus: Path, tmp_path: Path, capsys) -> None:
    (corpus / "feed.jsonl").write_text(jsonl(RECORDS) + "oops\n")
    store = tmp_path / "store"
    status = cli.main(["build", str(corpus), "--out", str(store), "--workers", "1"])
    out, err = capsys.readouterr()
    assert status == 0
    assert out.startswith("added 8 articles") and "1 failed" in out
    assert "skipped" in err and "feed.jsonl:4" in err and "Traceback" not in err
    assert cli.main(["build", str(corpus), "--out", str(store), "--workers", "1", "--quiet"]) == 0
    assert "added 0 articles" in capsys.readouterr().out and open_store(store).n_articles == 8


@pytest.mark.parametrize(
    "argv, words",
    [
        (["build", "nowhere/", "--out", "s"], ["no such file or folder", "nowhere"]),
        (["build", ".", "--out", "s", "--workers", "0"], ["--workers", "at least 1"]),
        (["build", ".", "--out", "s", "--scheduler", "tcp://x:1", "--local-cluster"], ["not allowed"]),
        (["build", ".", "--out", "s"], ["not a timeline store"]),
    ],
)
def test_cli_build_errors_are_one_line(argv, words, tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "precious.txt").write_text("not a store")
    status = cli.main(argv)
    out, err = capsys.readouterr()
    assert status == 2 and out == ""
    assert err.startswith("timeline: error: ") and err.count("\n") == 1
    for word in words:
        assert word in err
    assert (tmp_path / "s" / "precious.txt").read_text() == "not a store"


HAPPENING_RECORDS = [
    {"url": "https://a.com/1", "published": "2021-04-07",
     "text": "Two rockets hit the Balad air base north of Baghdad on Sunday, the Iraqi military said."},
    {"url": "https://b.com/1", "published": "2021-04-08",  # other words, same happening
     "text": "Rockets hit Balad air base in Iraq on Sunday, wounding nobody."},
    {"url": "https://c.com/1", "published": "2021-04-09",
     "text": "On Sunday, rockets hit the Balad base near Baghdad."},
    {"url": "https://d.com/1", "published": "2021-04-07",  # same date and trigger, another story
     "text": "A storm hit the coast of Florida on Sunday."},
    {"url": "https://e.com/1", "published": "2021-04-21",  # same words, another date
     "text": "Two rockets hit the Balad air base north of Baghdad on Sunday, the Iraqi military said."},
]


def opened_store_of(records: list[dict], folder: Path):
    """A store built from `records` (one JSON Lines feed) in `folder`, open while the caller iterates."""
    (folder / "feed.jsonl").write_text(jsonl(records))
    build([str(folder / "feed.jsonl")], folder / "store", workers=1)
    with open_store(folder / "store") as store:
        yield store


@pytest.fixture(scope="module")
def happening_store(tmp_path_factory):
    yield from opened_store_of(HAPPENING_RECORDS, tmp_path_factory.mktemp("happenings"))


def test_reports_of_one_happening_share_it_across_articles(happening_store) -> None:
    events = query_events(happening_store, happenings=True)
    by_source = {row.source: row for row in events.itertuples()}
    assert set(by_source) == {"a.com", "b.com", "c.com", "d.com", "e.com"}
    rockets = {by_source[s].happening for s in ("a.com", "b.com", "c.com")}
    assert len(rockets) == 1 and by_source["a.com"].reported_by == 3
    assert by_source["d.com"].happening not in rockets and by_source["d.com"].reported_by == 1  # a storm
    assert by_source["e.com"].happening not in rockets and by_source["e.com"].reported_by == 1  # 2021-04-18
    # grouped over everything matched, not only the page returned
    assert query_events(happening_store, happenings=True, limit=1)["reported_by"].tolist() == [
        events["reported_by"].iloc[0]]
    # a filter narrows the reports counted
    narrowed = query_events(happening_store, happenings=True, sources=["a.com", "b.com"])
    assert set(narrowed["reported_by"]) == {2}


def test_key_dates_name_the_most_reported_happening_and_its_sources(happening_store) -> None:
    dates = key_dates(happening_store, n=10)
    assert list(dates["start"]) == sorted(dates["start"])  # a timeline: in date order
    top = dates[dates["value"] == "2021-04-04"].iloc[0]
    assert top["articles"] == 3 and list(top["sources"]) == ["a.com", "b.com", "c.com"]
    assert "rockets" in top["headline"].lower() and "storm" not in top["headline"].lower()
    assert key_dates(happening_store, n=1)["value"].tolist() == ["2021-04-04"]
    assert key_dates(happening_store, keyword="storm")["articles"].tolist() == [1]
    assert key_dates(happening_store, keyword="no such words").empty


# One earthquake in three agencies' words: the detector anchors "struck" in two and the noun "earthquake" in the
# third, so only the second pass (telling words across triggers) can join them. The traps: the same leader
# doing two things on one day, and a second quake elsewhere on that day.
ACROSS_TRIGGERS = [
    {"url": "https://r.com/q", "published": "2005-10-10",
     "text": "A powerful earthquake struck northern Pakistan on 8 October 2005, killing thousands."},
    {"url": "https://p.com/q", "published": "2005-10-10",
     "text": "The earthquake struck northern Pakistan and Kashmir on 8 October 2005, officials said."},
    {"url": "https://f.com/q", "published": "2005-10-11",
     "text": "The earthquake in northern Pakistan on 8 October 2005 struck thousands of villages."},
    {"url": "https://f.com/b1", "published": "2005-12-17",
     "text": "British Prime Minister Tony Blair defended his budget deal on Saturday."},
    {"url": "https://r.com/b2", "published": "2005-12-17",
     "text": "British Prime Minister Tony Blair was praised abroad on Saturday for the budget deal."},
    {"url": "https://p.com/q2", "published": "2005-10-10",
     "text": "A moderate earthquake hit southern Peru on 8 October 2005."},
]


@pytest.fixture(scope="module")
def across_store(tmp_path_factory):
    yield from opened_store_of(ACROSS_TRIGGERS, tmp_path_factory.mktemp("across"))


def test_reports_with_other_triggers_join_when_their_words_agree(across_store) -> None:
    events = query_events(across_store, happenings=True)
    by_url = {row.url: row for row in events.itertuples()}
    triggers = {by_url[u].trigger_lemma for u in ("https://r.com/q", "https://p.com/q", "https://f.com/q")}
    assert len(triggers) == 2  # not one block: the first pass alone could not join them
    quake = {by_url[u].happening for u in ("https://r.com/q", "https://p.com/q", "https://f.com/q")}
    assert len(quake) == 1 and by_url["https://f.com/q"].reported_by == 3
    assert by_url["https://p.com/q2"].happening not in quake  # another quake that day: one shared word only
    assert by_url["https://f.com/b1"].happening != by_url["https://r.com/b2"].happening  # one man, two things
    top = key_dates(across_store, n=1).iloc[0]
    assert top["value"] == "2005-10-08" and top["articles"] == 3 and list(top["sources"]) == ["f.com", "p.com", "r.com"]


def test_same_report_needs_shared_words_and_a_shared_trigger() -> None:
    from timeline.events import same_report

    quake = ("A powerful earthquake struck northern Pakistan", "struck")
    assert same_report(*quake, "An earthquake of magnitude 7.6 struck northern Pakistan", "earthquake")
    assert not same_report(*quake, "The earthquake", "earthquake")  # one word is too little to tell
    assert not same_report("Tony Blair defended his budget deal", "defended", "Tony Blair was praised", "praised")
    assert not same_report("Local media reported the fire", "reported", "Local media reported the vote", "reported")


def test_rank_happenings_takes_a_score() -> None:
    import pandas as pd

    frame = pd.DataFrame({"value": ["2020", "2020-05-03", "2020-05"], "granularity": ["year", "day", "month"],
                          "start": [date(2020, 1, 1), date(2020, 5, 3), date(2020, 5, 1)], "articles": [3, 3, 1]})
    assert rank_happenings(frame)["value"].tolist() == ["2020-05-03", "2020", "2020-05"]  # articles, then precision
    by_month = rank_happenings(frame, score=lambda f: (f["granularity"] == "month").astype(float))
    assert by_month["value"].iloc[0] == "2020-05"


def test_key_dates_tied_at_the_last_place_come_from_all_the_collections_time() -> None:
    """Thirty days reported by one article each (ten of 1997, twenty of 2005-2006) and one by three: of four key
    dates, the three tied places went to 1-3 April 1997, the earliest; now they spread over the thirty."""
    import pandas as pd

    days = [date(1997, 4, d) for d in range(1, 11)] + [date(2005, 11, d) for d in range(1, 11)] + \
        [date(2006, 11, d) for d in range(1, 11)]
    frame = pd.DataFrame({"value": [d.isoformat() for d in days], "granularity": "day", "start": days,
                          "articles": [1] * 25 + [3] + [1] * 4})
    best = best_dates(frame, 4)
    assert best["start"].tolist() == sorted(best["start"]) and days[25] in best["start"].tolist()
    assert {d.year for d in best["start"]} == {1997, 2005, 2006}


def test_a_store_of_an_older_format_says_rebuild(tmp_path: Path) -> None:
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "manifest.json").write_text('{"format": 1, "parts": []}')
    with pytest.raises(StoreOutdated, match=r"older version .*format 1.*rebuild it with `timeline build"):
        open_store(tmp_path / "old")
    (tmp_path / "a.txt").write_text(ARTICLE_TXT)
    with pytest.raises(StoreOutdated, match="rebuild"):
        build([str(tmp_path / "a.txt")], tmp_path / "old", workers=1)
    assert json.loads((tmp_path / "old" / "manifest.json").read_text()) == {"format": 1, "parts": []}  # untouched


# --------------------------------------------------------------------------------------------
# Store formats: events.mod (format 3) beside stores built before it (format 2)
# --------------------------------------------------------------------------------------------

MOD_RECORDS = [  # titled: an untitled story is named by its lead, and "prices" in that name would find every event
    {"id": "m1", "url": "https://a.com/1", "published": "2005-06-01", "title": "Ministry report",
     "text": "Prices rose sharply early this year, the ministry said. The plant was built in the late 1970s."},
    {"id": "m2", "url": "https://b.com/1", "published": "2005-06-02", "title": "Officials speak",
     "text": "Prices rose sharply this year, officials said. Talks resumed on 3 May 2005."},
]


def built(records: list[dict], folder: Path, name: str = "store") -> Path:
    (folder / "feed.jsonl").write_text(jsonl(records))
    build([str(folder / "feed.jsonl")], folder / name, workers=1)
    return folder / name


FORMAT_3_AND_4 = ("mod", "short_headline", "trigger_main")  # the events columns formats 3 and 4 added


def format_2_store(folder: Path) -> Path:
    """A store as timeline wrote it before events.mod: MOD_RECORDS built, then each events part rewritten with
    the format-2 schema (no mod, short_headline or trigger_main column) and the manifest saying format 2 with the parts' new checksums."""
    store = built(MOD_RECORDS, folder, "old")
    old_schema = pa.schema([f for f in store_module.EVENTS_SCHEMA if f.name not in FORMAT_3_AND_4])
    manifest = json.loads((store / "manifest.json").read_text())
    for part in manifest["parts"]:
        file = store / "events" / f"{part['name']}.parquet"
        pq.write_table(pq.read_table(file).select(old_schema.names).cast(old_schema), file, compression="zstd")
        part["sha256"]["events"] = store_module._sha256(file)
    (store / "manifest.json").write_text(json.dumps({**manifest, "format": 2}, indent=1) + "\n")
    return store


def test_events_keep_their_mod_in_the_store(tmp_path: Path) -> None:
    built(MOD_RECORDS, tmp_path)
    assert json.loads((tmp_path / "store" / "manifest.json").read_text())["format"] == 4
    stored = {(r["expression"], r["mod"]) for r in table(tmp_path / "store", "events")}
    extracted = {(e.expression, e.mod) for r in MOD_RECORDS
                 for e in timeline.extract(r["text"], published=r["published"]).events}
    assert stored == extracted and ("early this year", "START") in stored and ("this year", None) in stored
    with open_store(tmp_path / "store") as store:
        events = query_events(store)
        assert list(events.columns[:5]) == ["article_id", "event_id", "value", "mod", "granularity"]
        assert events.loc[events["expression"] == "early this year", "mod"].tolist() == ["START"]


def test_events_keep_their_chart_label_and_main_clause_signal_in_the_store(tmp_path: Path) -> None:
    """Format 4: the collection's chart can label an event as the article page does (its short_headline, not the
    headline cut at a word), and score it with the main-clause signal (trigger_main)."""
    records = [{"id": "s1", "url": "https://a.com/1", "published": "2006-11-20", "text":
                "Former Malaysian Prime Minister Mahathir Mohamad, who stepped down in 2003, has been recuperating "
                "at a heart clinic in Kuala Lumpur since Thursday. The plant, which was built in 1970, was closed."}]
    built(records, tmp_path)
    extracted = timeline.extract(records[0]["text"], published=records[0]["published"]).events
    stored = {(r["expression"], r["short_headline"], r["trigger_main"]) for r in table(tmp_path / "store", "events")}
    assert stored == {(e.expression, e.short_headline, e.main_clause) for e in extracted}
    assert {main for *_, main in stored} == {True, False}


def test_reports_that_name_other_parts_of_a_period_are_dated_by_the_period(tmp_path: Path) -> None:
    """'rose early this year' and 'rose this year' are one happening: dated '2005', which both say."""
    store = open_store(built(MOD_RECORDS, tmp_path))
    events = query_events(store, happenings=True, keyword="prices")
    assert events["happening"].nunique() == 1 and set(events["mod"].fillna("-")) == {"START", "-"}
    assert events["happening_mod"].isna().all()
    assert key_dates(store, keyword="prices")["mod"].isna().all()
    alone = query_events(store, happenings=True, keyword="prices", sources=["a.com"])
    assert alone["happening_mod"].tolist() == ["START"]  # one report: its own mod
    assert key_dates(store, keyword="prices", sources=["a.com"])["mod"].tolist() == ["START"]
    store.close()


def test_a_format_2_store_opens_and_answers_as_before(tmp_path: Path) -> None:
    new = open_store(built(MOD_RECORDS, tmp_path))
    old = open_store(format_2_store(tmp_path))
    assert old.manifest["format"] == 2
    for memory in (False, True):
        with open_store(old.path, memory=memory) as reopened:
            events = query_events(reopened, happenings=True)
            assert events["mod"].isna().all() and events["happening_mod"].isna().all()  # dates say the period
            assert events["short_headline"].isna().all() and events["trigger_main"].isna().all()
            expected = query_events(new, happenings=True)
            assert list(events.columns) == list(expected.columns)
            pd.testing.assert_frame_equal(events.drop(columns=[*FORMAT_3_AND_4, "happening_mod"]),
                                          expected.drop(columns=[*FORMAT_3_AND_4, "happening_mod"]))
    for filters in ({}, {"years": (2005, 2005)}, {"keyword": "prices rose"}, {"sources": ["b.com"]},
                    {"granularities": ["day"]}):
        assert count_events(old, **filters) == count_events(new, **filters) > 0
        pd.testing.assert_frame_equal(count_by_period(old, **filters), count_by_period(new, **filters))
        pd.testing.assert_frame_equal(key_dates(old, **filters).drop(columns="mod"),
                                      key_dates(new, **filters).drop(columns="mod"))
    old.close()
    new.close()


def test_a_build_adds_format_4_parts_to_a_format_2_store(tmp_path: Path) -> None:
    store = format_2_store(tmp_path)
    (tmp_path / "more.jsonl").write_text(jsonl([{"id": "m3", "url": "https://c.com/1", "published": "2006-03-01",
                                                  "text": "Prices fell late last year, traders said."}]))
    report = build([str(tmp_path / "more.jsonl")], store, workers=1)
    assert report.added == 1 and any("store is format 2" in note and "rebuild" in note for note in report.notes)
    assert json.loads((store / "manifest.json").read_text())["format"] == 4
    for memory in (False, True):  # parts of both shapes read together, by column name
        with open_store(store, memory=memory) as opened:
            prices = query_events(opened, keyword="prices", happenings=True)
            assert dict(zip(prices["source"], prices["mod"].fillna("-"), strict=True)) == {
                "a.com": "-", "b.com": "-", "c.com": "END"}
            assert count_events(opened) == len(table(store, "events"))
    assert build([str(tmp_path / "more.jsonl")], store, workers=1).notes == []  # format 4 now: nothing to say


def test_a_store_of_a_newer_format_or_a_part_without_a_column_is_refused(tmp_path: Path) -> None:
    store = format_2_store(tmp_path)
    manifest = json.loads((store / "manifest.json").read_text())
    (store / "manifest.json").write_text(json.dumps({**manifest, "format": 5}))
    with pytest.raises(StoreError, match=r"newer version of timeline \(store format 5; this version reads formats 2 to 4"):
        open_store(store)
    (store / "manifest.json").write_text(json.dumps(manifest))
    file = store / "events" / f"{manifest['parts'][0]['name']}.parquet"
    pq.write_table(pq.read_table(file).drop_columns(["trigger_lemma"]), file)
    manifest["parts"][0]["sha256"]["events"] = store_module._sha256(file)
    (store / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(store_module.StoreDamaged, match="has no column trigger_lemma"):
        open_store(store)
