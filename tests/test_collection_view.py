"""The collection page's plain helpers without Streamlit: chart and table frames (app/collection_view.py)
and which store folders a visitor may open, under which name (app/stores.py)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from app.collection_view import (
    CHART_COLUMNS,
    article_names,
    chart_frame,
    events_view,
    key_dates_lines,
    published_events,
    source_labels,
    sources_in_view,
    table_frame,
)
from app.stores import StoreRefused, listed_store, shown_message, typed_store
from timeline.describe import shorten


def events() -> pd.DataFrame:
    """Three query_events rows: two reports of one event (near-duplicates), one with an unsafe url."""
    sentence = "Two rockets hit the Balad air base north of Baghdad on 4 April 2021, officials said."
    return pd.DataFrame({
        "article_id": ["a1", "a2", "a3"],
        "event_id": [0, 0, 1],
        "value": ["2021-04-04", "2021-04-04", "2021-05-09"],
        "granularity": ["day"] * 3,
        "start": pd.to_datetime(["2021-04-04", "2021-04-04", "2021-05-09"]),
        "end": pd.to_datetime(["2021-04-05", "2021-04-05", "2021-05-10"]),
        "headline": ["rockets", "rockets", "base"],
        "sentence": [sentence, sentence, "On 9 May 2021 rockets hit the base."],
        "expression": ["4 April 2021", "4 April 2021", "9 May 2021"],
        "title": ["Rockets", None, "Base"],
        "path": ["feed:1", "feed:2", "feed:3"],
        "url": ["https://rt.com/1", "https://bbc.co.uk/2", "javascript:alert(1)"],
        "source": ["rt.com", "bbc.co.uk", "x"],
        "published": pd.to_datetime(["2021-04-07"] * 3),
    })


def test_an_article_is_named_by_its_title_else_its_doc_id_else_its_files_name():
    frame = pd.DataFrame({"article_id": ["a1", "a2", "a3", "a4", "a5"],
                          "title": ["Rockets hit base", "  ", None, None, None],
                          "doc_id": [None, "AFP_ENG_20050101.0001", None, None, None],
                          "path": ["../news/a.txt", "../shared/te3/x.tml", "../shared/data/b.html",
                                   "news.zip!2021/c.txt", None]})
    assert article_names(frame) == ["Rockets hit base", "AFP_ENG_20050101.0001", "b.html", "c.txt", "a5"]
    assert article_names(frame.drop(columns=["doc_id", "title"]))[:2] == ["a.txt", "x.tml"]  # an older query


def test_chart_frame_sends_only_what_the_chart_draws():
    view = events_view(events())
    frame = chart_frame(view)
    assert list(frame.columns) == [*(c for c in CHART_COLUMNS if c in view), "source", "description"]
    assert "sentence" not in frame
    assert frame["source"].tolist() == ["Rockets (+1 more article)", "Base"]


def test_a_marks_aria_label_names_its_article_and_how_many_more_report_it_even_alone():
    view = events_view(events())
    view = view.assign(when=["Sunday 4 April 2021", "Sunday 9 May 2021"])  # story.with_importance writes them
    assert chart_frame(view)["description"].tolist() == ["Sunday 4 April 2021: rockets (Rockets (+1 more article))",
                                                         "Sunday 9 May 2021: base (Base)"]
    assert chart_frame(view.iloc[:1])["description"].tolist() == [
        "Sunday 4 April 2021: rockets (Rockets (+1 more article))"]  # one mark: still says which article


def test_table_frame_has_safe_links_iso_dates_and_reported_by_only_when_it_says_something():
    table = table_frame(events_view(events()))
    assert list(table.columns) == ["Date", "What happened", "Reported by", "Precision", "Sentence", "Article",
                                   "Link", "Source", "Published"]  # what happened beside its date
    assert table["What happened"].tolist() == events_view(events())["headline"].tolist()  # as on the article page
    assert table["Link"].tolist()[0] == "https://rt.com/1" and pd.isna(table["Link"].tolist()[1])
    assert table["Published"].tolist() == ["2021-04-07", "2021-04-07"]
    ungrouped = table_frame(events_view(events(), group=False))
    assert "Reported by" not in ungrouped.columns and ungrouped["Article"].tolist() == ["Rockets", "feed:2", "Base"]


def test_a_typed_folder_is_read_inside_the_stores_folder(tmp_path: Path):
    base = tmp_path / "stores"
    (base / "news" / "2021").mkdir(parents=True)
    assert typed_store("news/2021", base) == typed_store(str(base / "news" / "2021"), base)
    assert typed_store("news/2021", base).shown == "news/2021"
    assert typed_store("news/../news", base).shown == "news"
    assert typed_store(".", base).shown == "."
    for outside in ("..", "../other", str(tmp_path), "/etc", "news/../../x"):
        with pytest.raises(StoreRefused) as refused:
            typed_store(outside, base)
        assert str(tmp_path) not in str(refused.value).replace(outside, "")  # only what was typed is echoed


def test_links_out_of_the_stores_folder_are_refused(tmp_path: Path):
    base, elsewhere = tmp_path / "stores", tmp_path / "elsewhere"
    base.mkdir()
    elsewhere.mkdir()
    (base / "link").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(StoreRefused):
        typed_store("link", base)
    assert typed_store("link", base, allow_any=True).path == elsewhere.resolve()


def test_any_folder_when_the_operator_allows_it(tmp_path: Path):
    choice = typed_store(str(tmp_path / "x"), tmp_path / "stores", allow_any=True)
    assert choice.path == (tmp_path / "x").resolve() and choice.shown == str(tmp_path / "x")


def test_listed_stores_and_messages_use_names_relative_to_the_stores_folder(tmp_path: Path):
    base = tmp_path / "stores"
    inside = listed_store(base / "news", base)
    assert inside.shown == "news" and inside.path == (base / "news").resolve()
    operators = listed_store(tmp_path / "archive" / "big", base)  # --store outside the stores folder
    assert operators.shown == "big"
    message = f"cannot read {inside.path}/manifest.json: bad; see {base.resolve()}/other and {base.resolve()}"
    assert shown_message(message, inside, base) == "cannot read news/manifest.json: bad; see other and ."


def test_the_events_in_view_publish_as_the_article_page_publishes_its_own():
    """Each event's source is its article (by title, else path), the articles keep their safe address and
    publication date; every download kind is made from that frame."""
    from timeline.publish import export

    rows = events()  # as query_events gives them: with the offsets of the sentence and its date expression
    rows = rows.assign(sentence_start=0, sentence_end=rows["sentence"].str.len(),
                       expression_start=[s.index(e) for s, e in zip(rows["sentence"], rows["expression"], strict=True)])
    rows["expression_end"] = rows["expression_start"] + rows["expression"].str.len()
    shown, articles = published_events(events_view(rows, group=False))
    assert shown["source"].tolist() == ["Rockets", "feed:2", "Base"]
    assert [(a.name, a.url, str(a.published)) for a in articles] == [
        ("Rockets", "https://rt.com/1", "2021-04-07"), ("feed:2", "https://bbc.co.uk/2", "2021-04-07"),
        ("Base", None, "2021-04-07")]  # javascript: is no link
    csv = export(shown, "csv", title="news", articles=articles).decode("utf-8")
    assert csv.splitlines()[0].startswith("event_id,source,value") and len(csv.splitlines()) == 4
    page = export(shown, "html", title="news: rockets", articles=articles).decode("utf-8")
    assert 'href="https://rt.com/1"' in page and "javascript:" not in page and page.count('class="event"') == 3
    assert export(shown, "timelinejs", title="news", articles=articles).startswith(b"{")


EARLY = {"id": "e1", "url": "https://a.com/1", "published": "2005-06-01",
         "text": "Prices rose sharply early this year, the ministry said. Talks resumed on 3 May 2005."}


def test_a_collection_says_the_part_of_a_period_its_article_names(tmp_path: Path):
    """'early this year' in a stored article: the table, the marks, the key dates and the published page say
    'Early 2005' (the article page's words), and the downloads keep the value and its mod."""
    import json

    from app.story import with_importance
    from timeline.collection import build, key_dates, open_store, query_events
    from timeline.publish import export

    (tmp_path / "feed.jsonl").write_text(json.dumps(EARLY) + "\n", encoding="utf-8")
    build([str(tmp_path / "feed.jsonl")], tmp_path / "store", workers=1)
    with open_store(tmp_path / "store") as store:
        view = events_view(query_events(store, happenings=True))
        dates = key_dates(store)
    assert table_frame(view)["Date"].tolist() == ["Early 2005", "Tuesday 3 May 2005"]
    assert chart_frame(view)["description"].str.startswith("Early 2005: ").tolist() == [True, False]
    assert with_importance(view)["when"].tolist()[0] == "Early 2005"  # the story's and the chart's words
    assert [when for when, _, _ in key_dates_lines(dates)] == ["Early 2005", "Tuesday 3 May 2005"]
    shown, articles = published_events(view)
    page = export(shown, "html", title="news", articles=articles).decode("utf-8")
    assert "Early 2005" in page
    csv = export(shown, "csv", title="news", articles=articles).decode("utf-8").splitlines()
    assert csv[0].startswith("event_id,source,value,mod,") and ",2005,START," in csv[1]


def test_a_group_says_the_part_of_the_period_only_when_its_reports_agree():
    rows = events().assign(value="2021", granularity="year", mod=["START", None, "END"], happening=["h", "h", "k"],
                           happening_mod=[None, None, "END"], reported_by=[2, 2, 1])
    assert events_view(rows)["mod"].fillna("-").tolist() == ["-", "END"]  # 'early 2021' and '2021': '2021'
    assert table_frame(events_view(rows))["Date"].tolist() == ["2021", "Late 2021"]
    assert events_view(rows, group=False)["mod"].fillna("-").tolist() == ["START", "-", "END"]  # each report its own
    near = rows.drop(columns=["happening", "happening_mod", "reported_by"])  # grouped here: near-duplicates
    assert events_view(near)["mod"].fillna("-").tolist() == ["-", "END"]
    assert events_view(near.assign(mod=["START", "START", None]))["mod"].fillna("-").tolist() == ["START", "-"]


def test_a_collection_chart_labels_an_event_as_the_article_page_does(tmp_path: Path) -> None:
    """The store keeps the chart's label (short_headline) and the main-clause signal: the collection's chart draws
    the label the article page draws ("Mahathir Mohamad has been recuperating"), never its headline cut at a word
    ("Former Malaysian Prime Minister Mahathir…"), and an event heading its sentence scores above a side remark."""
    from app.story import with_importance
    from timeline import extract
    from timeline.chart import chart_frame as drawn_frame
    from timeline.collection import build, open_store, query_events

    text = ("Former Malaysian Prime Minister Mahathir Mohamad has been recuperating at a heart clinic in Kuala Lumpur "
            "since Thursday, 16 November 2006. The plant, which was built on 19 November 2006, was closed.")
    (tmp_path / "feed.jsonl").write_text(
        f'{{"id": "a", "url": "https://a.com/1", "published": "2006-11-20", "text": "{text}"}}\n', encoding="utf-8")
    build([str(tmp_path / "feed.jsonl")], tmp_path / "store", workers=1)
    with open_store(tmp_path / "store") as store:
        view = with_importance(events_view(query_events(store, happenings=True)))
    labels = dict(zip(view["expression"], drawn_frame(chart_frame(view))["short_label"], strict=True))
    events = {e.expression: e for e in extract(text, published="2006-11-20").events}
    assert labels["Thursday, 16 November 2006"] == events["Thursday, 16 November 2006"].short_headline == (
        "Mahathir Mohamad has been recuperating")
    main = dict(zip(view["expression"], view["importance"], strict=True))
    assert main["Thursday, 16 November 2006"] > main["19 November 2006"]


def test_a_folders_articles_keep_their_own_names_on_the_page(tmp_path: Path):
    """A store built from a folder: the key dates, the table, the tooltip, the story and the downloads name each
    article by its title, else by the name its lead gives it (ui32: was its file), never by the folder ("reported
    by 1 article (src300)" beside every date of a 300-article store); the Source column keeps the file."""
    from app.story import with_importance
    from timeline.collection import build, key_dates, open_store, query_events

    folder = tmp_path / "news"
    folder.mkdir()
    said = "A storm hit the northern coast on 11 January 2022, flooding the harbour, officials said."
    (folder / "storm.txt").write_text(f"Storm hits coast\n\n12 Jan 2022\n\n{said}\n", encoding="utf-8")
    (folder / "harbour.txt").write_text(f"12 Jan 2022 - {said} Talks on repairs begin in March 2022.\n",
                                        encoding="utf-8")
    assert build([str(folder)], tmp_path / "store", workers=1).failed == 0
    with open_store(tmp_path / "store") as store:
        view = with_importance(events_view(query_events(store, happenings=True)))
        dates = key_dates(store)
    storm = dates[dates["value"] == "2022-01-11"].iloc[0]
    (who,) = [who for when, _, who in key_dates_lines(dates) if when == "Tuesday 11 January 2022"]
    lead = "A storm hit the northern coast on 11 January 2022, flooding the harbour"  # its date and speaker left out
    assert storm["articles"] == 2 and who in (f"reported by 2 articles ({lead}; Storm hits coast)",
                                               f"reported by 2 articles (Storm hits coast; {lead})")
    assert set(table_frame(view)["Source"]) == {"storm.txt", "harbour.txt"}
    assert set(table_frame(view)["Article"]) == {"Storm hits coast", lead}
    names = {"Storm hits coast", lead}
    assert {s.split(" (+")[0] for s in chart_frame(view)["source"]} <= {shorten(n, 60) for n in names}  # the tooltip's
    shown, articles = published_events(view)
    assert set(shown["source"]) <= names and {a.name for a in articles} <= names
    assert not any("news" in text for text in [who, *view["source_text"], *shown["source"]])


def test_a_source_is_labelled_by_its_events_its_storys_title_and_its_name():
    sources = pd.DataFrame({"source": ["rt.com", "XIN_ENG_20061116.0041.tml", "AFP_ENG_19970401.0006.tml", "a.txt"],
                            "articles": [40, 1, 1, 1], "events": [120, 9, 1, 3],
                            "title": [None, "2nd Ld: APEC ministerial meeting concludes in Hanoi", None, "a.txt"]})
    assert list(source_labels(sources).values()) == [  # the most events first
        "120 events · rt.com",  # many articles: no one title
        "9 events · APEC ministerial meeting concludes in Hanoi · XIN_ENG_20061116.0041.tml",  # without its flags
        "3 events · a.txt",  # a title that is its name, once
        "1 event · AFP_ENG_19970401.0006.tml",  # no title
    ]


def test_the_sources_listed_are_those_in_view_the_most_reporting_and_the_chosen():
    labels = {f"s{i}": f"label {i}" for i in range(10)}  # source_labels' order: the most events first
    in_view = pd.DataFrame({"source": ["s8", "s2", "s4", "s6"], "events": [9, 5, 3, 1]})
    assert list(sources_in_view(labels, in_view, [])) == ["s2", "s4", "s6", "s8"]
    assert list(sources_in_view(labels, in_view, ["s9", "s1"], limit=2)) == ["s1", "s2", "s4", "s9"]
