"""dashboard.py on a collection store (AppTest: app/collection_page.py), and the pure helpers behind it
(app/collection_view.py, app/stores.py)."""

from __future__ import annotations

import calendar
import json
import os
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from dashboard_app import opened_page
from streamlit.testing.v1 import AppTest

from app import progressive
from app.collection_page import KEY_DATES_PENDING
from app.collection_view import SOURCES_NAMED, auto_period, bin_label, events_view, safe_url
from app.stores import find_stores
from timeline.chart import counts_chart
from timeline.collection import build, count_events, open_store, query_events
from timeline.describe import date_in_words, shorten


def words(values) -> list[str]:
    """The table's Date column says dates in words."""
    return [date_in_words(v) for v in values]


ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "dashboard.py")
MONTHS = list(calendar.month_name)[1:]
ROCKETS = "Two rockets hit the Balad air base north of Baghdad on 4 April 2021, officials said"
HOSTILE_TITLE = "<script>window.__pwned = 1</script>Base attacked"


def article(i: int) -> dict:
    """A generated article: three dated sentences over 1990-2012, a site per i % 3."""
    year = 1990 + (i * 7) % 20
    text = (
        f"Report {i}\n\nTalks opened in {MONTHS[i % 12]} {year}. "
        f"The council met on {1 + i % 27} {MONTHS[(i * 5) % 12]} {year + 1}.\n\n"
        f"Troops arrived in {2000 + i % 13}."
    )
    return {
        "id": f"n{i}",
        "title": f"Report {i}",
        "url": f"https://site{i % 3}.example/{i}",
        "published": "2021-04-07",
        "text": text,
    }


def records() -> list[dict]:
    rows = [article(i) for i in range(40)]
    # The same event in three articles from three sites: near-duplicates (one with a word more).
    for n, (site, tail) in enumerate([("rt.com", "."), ("apnews.com", "."), ("bbc.co.uk", " on Monday.")]):
        rows.append(
            {
                "id": f"dup{n}",
                "title": f"Rockets {n}",
                "url": f"https://{site}/rockets-{n}",
                "published": "2021-04-07",
                "text": f"Rocket attack\n\n{ROCKETS}{tail} Nobody was hurt.",
            }
        )
    rows.append(
        {
            "id": "bad",
            "title": HOSTILE_TITLE,
            "url": "javascript:alert(1)",
            "published": "2021-04-07",
            "text": 'Hostile\n\nOn 9 May 2021, <img src=x onerror="window.__pwned = 2"> rockets hit the base.',
        }
    )
    return rows


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("stores")
    feed = folder / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in records()), encoding="utf-8")
    report = build([str(feed)], folder / "news", workers=1)
    assert report.failed == 0 and report.events > 100
    return folder / "news"


def run_app(monkeypatch, *args: str, **env: str) -> AppTest:
    monkeypatch.setattr(sys, "argv", ["dashboard.py", *args])
    for name in ("TIMELINE_STORE", "TIMELINE_STORES_DIR", "TIMELINE_MAX_MARKS", "TIMELINE_ALLOW_ANY_STORE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return opened_page().run()


def no_errors(at: AppTest) -> None:
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def table(at: AppTest) -> pd.DataFrame:
    (frame,) = [d.value for d in at.dataframe]
    return frame


def html_text(at: AppTest) -> str:
    return "\n".join(h.value for h in at.html)


def captions(at: AppTest) -> str:
    return "\n".join(c.value for c in at.caption)


def years_slider(at: AppTest):
    (slider,) = [s for s in at.slider if s.key.startswith("c_years:")]
    return slider


def total(store: Path, **filters) -> int:
    with open_store(store) as opened:
        return count_events(opened, **filters)


def test_store_argument_opens_the_collection_with_bars_above_the_threshold(monkeypatch, store):
    at = run_app(monkeypatch, "--store", str(store), "--max-marks", "20")
    no_errors(at)
    assert at.radio(key="mode").value == "Collection"
    everything = total(store)
    lo, hi = at.slider[0].value  # the years where the events are: stray ones left out, and counted
    n = total(store, years=(lo, hi))
    assert (at.slider[0].min, at.slider[0].max) != (lo, hi) and n < everything
    assert metrics(at)["Events"] == f"{n:,} of {everything:,}" and metrics(at)["Articles"] == "44"
    outside = everything - n
    assert f"{outside} event{'s' if outside > 1 else ''} outside {lo} – {hi}" in shown_text(at)
    assert f"{n:,} events in view, more than the 20 drawn one by one" in captions(at)
    at.button(key=f"{at.slider[0].key}:all").click().run()  # one click shows every year
    assert metrics(at)["Events"] == f"{everything:,}"
    assert "count them per year" in captions(at)  # 1990-2021 is over 30 years
    assert not at.dataframe  # no bar picked yet


def test_clicking_a_bar_lists_exactly_that_periods_events(monkeypatch, store):
    at = run_app(monkeypatch, "--store", str(store), "--max-marks", "20")
    at.toggle(key="c_group").set_value(False).run()
    at.session_state["c_bins"] = {"selection": {"bin": [{"bin_id": "2001-01-01"}]}}
    at.run()
    no_errors(at)
    rows = table(at)
    expected = total(store, years=(2001, 2001))
    assert len(rows) == expected > 0
    assert all(d.endswith("2001") or " 2001" in d for d in rows["Date"])
    assert any(s.value.startswith(f"2001: {expected:,} events") for s in at.header)
    # A row opens the event: its sentence, expression marked, and its article with a link.
    at.session_state["c_table"] = {"selection": {"rows": [0], "columns": []}}
    at.run()
    no_errors(at)
    shown = html_text(at)
    first = rows.iloc[0]
    assert "<mark" in shown and first["Sentence"].split(" ")[0] in shown
    assert 'rel="noopener noreferrer nofollow"' in shown and first["Article"] in shown


def test_bins_follow_the_period_setting_and_zoom_shows_single_events(monkeypatch, store):
    at = run_app(monkeypatch, "--store", str(store), "--max-marks", "20")
    at.toggle(key="c_group").set_value(False).run()
    at.selectbox(key="c_period").set_value("month").run()
    assert "count them per month" in captions(at)
    at.session_state["c_bins"] = {"selection": {"bin": [{"bin_id": "2003-01-01"}]}}
    at.run()
    no_errors(at)
    with open_store(store) as opened:
        january = query_events(opened, dates=(date(2003, 1, 1), date(2003, 2, 1)))
    assert sorted(table(at)["Date"]) == sorted(words(january["value"])) and len(january) > 0
    at.button(key="c_zoom").click().run()
    no_errors(at)
    assert years_slider(at).value == (2003, 2003)
    assert total(store, years=(2003, 2003)) <= 20
    assert "drawn one by one" not in captions(at)  # single events again
    assert sorted(table(at)["Date"]) == sorted(words(query_values(store, (2003, 2003))))


def query_values(store: Path, years: tuple[int, int]) -> list[str]:
    with open_store(store) as opened:
        return query_events(opened, years=years)["value"].tolist()


def test_narrow_years_show_single_events_and_a_pick_shows_sentence_and_article(monkeypatch, store):
    at = run_app(monkeypatch, "--store", str(store), "--max-marks", "20")
    years_slider(at).set_value((1995, 1996)).run()
    no_errors(at)
    n = total(store, years=(1995, 1996))
    assert 0 < n <= 20 and metrics(at)["Events"].startswith(f"{n:,} of")
    assert "drawn one by one" not in captions(at)
    rows = table(at)
    assert sorted(rows["Date"]) == sorted(words(query_values(store, (1995, 1996))))
    with open_store(store) as opened:
        first = query_events(opened, years=(1995, 1996), limit=1).iloc[0]
    at.session_state["c_timeline"] = {
        "selection": {"pick": [{"event_id": f"{first['article_id']}:{first['event_id']}"}]}
    }
    at.run()
    no_errors(at)
    shown = html_text(at)
    assert '<mark class="tl-when">' + first["expression"] + "</mark>" in shown
    assert f'href="{first["url"]}"' in shown and first["title"] in shown
    assert "Article text" in [e.label for e in at.expander]


def test_filters_by_source_keyword_and_precision_query_the_store(monkeypatch, store):
    at = run_app(monkeypatch, "--store", str(store), "--max-marks", "20")
    (sources,) = [m for m in at.multiselect if m.key.startswith("c_sources:")]
    sources.set_value(["site1.example"]).run()
    no_errors(at)
    assert metrics(at)["Events"].startswith(f"{total(store, sources=['site1.example']):,} of")
    at.multiselect(key="c_granularity").set_value(["day"]).run()
    expected = total(store, sources=["site1.example"], granularities=["day"])
    assert metrics(at)["Events"].startswith(f"{expected:,} of") and expected <= 20
    assert set(table(at)["Precision"]) == {"day"}
    at.text_input(key="c_keyword").input("COUNCIL").run()
    assert metrics(at)["Events"].startswith(
        f"{total(store, sources=['site1.example'], keyword='council'):,} of"
    )
    at.text_input(key="c_keyword").input("no such words anywhere").run()
    no_errors(at)
    assert any("No events match" in i.value for i in at.info)


def test_near_duplicates_are_one_mark_reported_by_three_articles(monkeypatch, store):
    at = run_app(monkeypatch, "--store", str(store), "--max-marks", "20")
    years_slider(at).set_value((2021, 2021)).run()
    no_errors(at)
    rows = table(at)
    rockets = rows[rows["Date"] == date_in_words("2021-04-04")]
    assert len(rockets) == 1 and rockets.iloc[0]["Reported by"] == 3
    in_view = total(store, years=(2021, 2021))
    assert metrics(at)["Events"].startswith(f"{in_view:,} of")  # reports, adding up with the store's total
    # the chart draws fewer marks than the metric counts: the words above it say how many and why
    assert f"**{in_view:,} events in view, {len(rows):,} happenings**: {in_view - len(rows):,}" in captions(at)
    assert "other articles' reports of happenings already in view" in captions(at)
    (events_metric,) = [m for m in at.metric if m.label == "Events"]
    assert "one per article that reports a happening" in events_metric.proto.help
    at.session_state["c_table"] = {"selection": {"rows": [int(rockets.index[0])], "columns": []}}
    at.run()
    shown = html_text(at)
    assert all(f"Rockets {n}" in shown for n in range(3))
    assert any("Reported by 3 articles" in m.value for m in at.markdown)
    at.toggle(key="c_group").set_value(False).run()
    assert (table(at)["Date"] == date_in_words("2021-04-04")).sum() == 3


def test_article_markup_and_unsafe_urls_stay_text(monkeypatch, store):
    at = run_app(monkeypatch, "--store", str(store), "--max-marks", "20")
    years_slider(at).set_value((2021, 2021)).run()
    rows = table(at)
    row = int(rows.index[rows["Date"] == date_in_words("2021-05-09")][0])
    assert pd.isna(rows.loc[row, "Link"])  # javascript: is not offered as a link
    at.session_state["c_table"] = {"selection": {"rows": [row], "columns": []}}
    at.run()
    no_errors(at)
    shown = html_text(at)
    assert "&lt;script&gt;" in shown and "&lt;img src=x" in shown
    assert "<script" not in shown and "<img" not in shown and "javascript:" not in shown


def test_a_missing_or_damaged_store_gets_a_one_line_message(monkeypatch, tmp_path, store):
    at = run_app(monkeypatch, "--store", str(tmp_path / "nowhere"))
    assert not at.exception
    assert any("Cannot open the store" in e.value and "nowhere" in e.value for e in at.error)
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "manifest.json").write_text("{not json", encoding="utf-8")
    at = run_app(monkeypatch, "--store", str(broken))
    assert not at.exception and any("Cannot open the store" in e.value for e in at.error)
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    (damaged / "manifest.json").write_text((store / "manifest.json").read_text(), encoding="utf-8")
    for table_name in ("articles", "events"):
        (damaged / table_name).mkdir()
        for part in (store / table_name).glob("*.parquet"):
            (damaged / table_name / part.name).write_bytes(b"not parquet at all" * 10)
    at = run_app(monkeypatch, "--store", str(damaged))  # verified on open: the damaged part is named
    assert not at.exception and any("store is damaged" in e.value.replace("\\", "") and "repair" in e.value
                                    for e in at.error)


def test_the_picker_lists_stores_under_a_folder_and_takes_a_typed_path(monkeypatch, store, tmp_path):
    at = run_app(monkeypatch, TIMELINE_STORES_DIR=str(store.parent))
    at.radio(key="mode").set_value("Collection").run()
    no_errors(at)
    assert at.selectbox(key="store_pick").options == ["news", "Another folder…"]  # relative to --stores-dir
    assert metrics(at)["Events"] == f"{total(store, years=at.slider[0].value):,} of {total(store):,}"
    at.selectbox(key="store_pick").set_value("Another folder…").run()
    assert any("Choose a store" in i.value for i in at.info)
    at.text_input(key="store_path").input("news").run()  # read relative to the stores folder
    no_errors(at)
    assert metrics(at)["Articles"] == "44"
    at.text_input(key="store_path").input(str(store)).run()  # an absolute path inside it is fine too
    no_errors(at)
    assert metrics(at)["Articles"] == "44"


def shown_text(at: AppTest) -> str:
    """Every message and text the page shows (not its style sheet, whose comments are no text), Markdown escapes
    removed."""
    parts = [e.value for e in at.error] + [i.value for i in at.info] + [m.value for m in at.markdown]
    parts += [c.value for c in at.caption] + [h.value for h in at.html if not h.value.lstrip().startswith("<style")]
    parts += [str(o) for box in at.selectbox for o in box.options]
    return "\n".join(parts).replace("\\", "")


def test_another_folder_stays_inside_the_stores_folder(monkeypatch, store, tmp_path):
    stores = tmp_path / "stores"
    (stores / "broken").mkdir(parents=True)
    (stores / "broken" / "manifest.json").write_text("{not json", encoding="utf-8")
    (stores / "link").symlink_to(store, target_is_directory=True)  # a link inside, pointing outside
    at = run_app(monkeypatch, "--stores-dir", str(stores))
    at.radio(key="mode").set_value("Collection").run()
    at.selectbox(key="store_pick").set_value("Another folder…").run()
    outside = [str(store), os.path.relpath(store, stores), "link", "../.."]
    for typed in outside:
        at.text_input(key="store_path").input(typed).run()
        assert not at.exception and not at.metric, typed  # nothing opened
        assert any("outside the stores folder" in e.value.replace("\\", "") for e in at.error), typed
    for typed, name in (("missing", "missing"), ("~", "~"), ("broken", "broken/manifest.json")):  # ~ is a name
        at.text_input(key="store_path").input(typed).run()
        assert any("Cannot open the store" in e.value and name in e.value.replace("\\", "") for e in at.error)
    # No message names a resolved server path: only paths relative to the stores folder.
    assert str(tmp_path) not in shown_text(at) and str(store.parent) not in shown_text(at)


def test_the_operator_may_allow_any_store(monkeypatch, store, tmp_path):
    at = run_app(monkeypatch, "--stores-dir", str(tmp_path), "--allow-any-store")
    at.radio(key="mode").set_value("Collection").run()
    at.text_input(key="store_path").input(str(store)).run()
    no_errors(at)
    assert metrics(at)["Articles"] == "44"


def test_single_article_modes_still_work_beside_a_store(monkeypatch, store):
    at = run_app(monkeypatch, "--store", str(store))
    at.radio(key="mode").set_value("Bundled article").run()
    no_errors(at)
    assert metrics(at)["Events"] == "7"


# ------------------------------------------------------------ pure helpers


def test_find_stores_finds_manifests_but_not_inside_stores(tmp_path):
    for folder in ("a", "deep/b", "deep/b/events", ".hidden/c", "too/deep/down/d"):
        (tmp_path / folder).mkdir(parents=True)
    for folder in ("a", "deep/b", "deep/b/events", ".hidden/c", "too/deep/down/d"):
        (tmp_path / folder / "manifest.json").write_text("{}")
    assert find_stores(tmp_path) == [tmp_path / "a", tmp_path / "deep" / "b"]
    assert find_stores(tmp_path / "a") == [tmp_path / "a"]
    assert find_stores(tmp_path / "missing") == []


def test_periods_labels_and_urls():
    assert [auto_period(y) for y in [(1950, 2049), (1990, 2000), (2020, 2021)]] == ["year", "month", "week"]
    # "Show all years" over centuries: decades, then centuries, not a thousand one-year bars under a pixel wide
    assert [auto_period(y) for y in [(1800, 2033), (850, 2021), (6, 2033)]] == ["decade", "century", "century"]
    assert bin_label(pd.Timestamp("1990-01-01"), "decade") == "1990s"
    assert bin_label(pd.Timestamp("1900-01-01"), "century") == "1900 – 1999"
    assert bin_label(pd.Timestamp("1998-03-01"), "month") == "March 1998"
    assert bin_label(pd.Timestamp("1998-04-01"), "quarter") == "1998 Q2"
    assert safe_url(" https://rt.com/a?b=1 ") == "https://rt.com/a?b=1"
    for bad in ("javascript:alert(1)", "data:text/html,x", "http://", 'https://x.org/"><script>', None, 3):
        assert safe_url(bad) is None


def test_events_view_folds_near_duplicates_keeping_the_first(store):
    with open_store(store) as opened:
        events = query_events(opened, years=(2021, 2021))
    view = events_view(events)
    rockets = view[view["value"] == "2021-04-04"]
    assert len(rockets) == 1 and rockets.iloc[0]["reported_by"] == 3 and len(rockets.iloc[0]["members"]) == 3
    assert rockets.iloc[0]["event_id"] == rockets.iloc[0]["members"][0]
    assert "(+2 more articles)" in rockets.iloc[0]["source_text"]
    assert len(events_view(events, group=False)) == len(events)
    assert set(events_view(events, group=False)["reported_by"]) == {1}


def test_counts_chart_has_a_bin_selection_and_marks_the_picked_bin():
    counts = pd.DataFrame(
        {
            "period": pd.to_datetime(["2000-01-01", "2001-01-01"]),
            "period_end": pd.to_datetime(["2001-01-01", "2002-01-01"]),
            "events": [3, 5],
            "articles": [1, 2],
        }
    )
    spec = counts_chart(counts, selected="2001-01-01").to_dict()
    assert spec["params"][0]["name"] == "bin" and spec["params"][0]["select"]["fields"] == ["bin_id"]
    (rows,) = spec["datasets"].values()
    assert [r["selected"] for r in rows] == [False, True] and [r["bin_id"] for r in rows] == [
        "2000-01-01",
        "2001-01-01",
    ]


def test_events_are_fetched_a_page_at_a_time_never_the_whole_store(monkeypatch, tmp_path):
    import timeline.collection as collection

    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in records()), encoding="utf-8")
    build([str(feed)], tmp_path / "paged", workers=1)  # a new store: nothing of it is cached yet
    limits: list[int | None] = []

    def recording(store, *, limit=None, **filters):
        limits.append(limit)
        return query_events(store, limit=limit, **filters)

    monkeypatch.setattr(collection, "query_events", recording)
    at = run_app(monkeypatch, "--store", str(tmp_path / "paged"), "--max-marks", "20")
    at.session_state["c_bins"] = {"selection": {"bin": [{"bin_id": "2001-01-01"}]}}
    at.run()
    years_slider(at).set_value((2021, 2021)).run()
    no_errors(at)
    assert len(limits) == 2 and all(limit is not None and limit <= 1000 for limit in limits)


def test_a_store_that_grows_is_read_afresh(monkeypatch, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(article(i)) + "\n" for i in range(5)), encoding="utf-8")
    build([str(feed)], tmp_path / "growing", workers=1)
    at = run_app(monkeypatch, "--store", str(tmp_path / "growing"))
    assert metrics(at)["Articles"] == "5"
    feed.write_text("".join(json.dumps(article(i)) + "\n" for i in range(8)), encoding="utf-8")
    build([str(feed)], tmp_path / "growing", workers=1)
    at.run()
    no_errors(at)
    assert metrics(at)["Articles"] == "8"
    assert metrics(at)["Events"] == f"{total(tmp_path / 'growing'):,}"


def app_with_link(monkeypatch, params: dict[str, str | list[str]], *args: str) -> AppTest:
    monkeypatch.setattr(sys, "argv", ["dashboard.py", *args])
    for name in ("TIMELINE_STORE", "TIMELINE_STORES_DIR", "TIMELINE_MAX_MARKS", "TIMELINE_ALLOW_ANY_STORE"):
        monkeypatch.delenv(name, raising=False)
    at = opened_page()
    for name, value in params.items():
        at.query_params[name] = value
    return at.run()


def test_the_view_goes_to_the_url_and_a_link_reopens_it(monkeypatch, store):
    at = run_app(monkeypatch, "--store", str(store), "--max-marks", "20")
    years_slider(at).set_value((2021, 2021)).run()
    at.text_input(key="c_keyword").input("rockets").run()
    no_errors(at)
    shown = table(at)
    at.session_state["c_table"] = {"selection": {"rows": [0], "columns": []}}
    at.run()
    link = {name: at.query_params[name] for name in at.query_params}
    assert link["source"] == "collection" and link["store"] == "news"
    assert (link["years"], link["q"]) == ("2021-2021", "rockets")
    assert link["event"].split(":")[0] in set(query_events(open_store(store), keyword="rockets")["article_id"])
    # the link, opened in a new session, shows the same view with the same event selected
    again = app_with_link(monkeypatch, link, "--store", str(store), "--max-marks", "20")
    no_errors(again)
    assert years_slider(again).value == (2021, 2021) and again.text_input(key="c_keyword").value == "rockets"
    assert table(again).equals(shown)
    assert any(h.value == "Selected event" for h in again.header)
    assert {name: again.query_params[name] for name in again.query_params} == link


def test_a_link_with_sources_precision_period_and_grouping_off(monkeypatch, store):
    link = {"source": "collection", "store": "news", "site": ["rt.com", "apnews.com"], "precision": "day",
            "group": "off", "period": "month"}
    at = app_with_link(monkeypatch, link, "--store", str(store), "--max-marks", "20")
    no_errors(at)
    (sites,) = [m for m in at.multiselect if m.key.startswith("c_sources:")]
    assert sorted(sites.value) == ["apnews.com", "rt.com"]
    assert at.multiselect(key="c_granularity").value == ["day"]
    assert at.toggle(key="c_group").value is False and at.selectbox(key="c_period").value == "month"
    assert metrics(at)["Events"].startswith(f"{total(store, sources=['rt.com', 'apnews.com'], granularities=['day']):,}")
    assert at.query_params["site"] == ["rt.com", "apnews.com"]


def test_a_link_to_pasted_text_says_it_cannot_be_restored(monkeypatch):
    at = app_with_link(monkeypatch, {"source": "paste", "years": "2015-2016", "event": "0-3"})
    no_errors(at)
    assert at.radio(key="mode").value == "Paste text"
    assert any("pasted text, which is not kept" in w.value for w in at.warning)
    assert not any("No events match" in i.value for i in at.info)
    at.text_area(key="paste").input("Rockets hit the base on 4 April 2021. Troops left in 2011.").run()
    no_errors(at)
    assert not at.warning and len(at.dataframe) == 1  # the new text, on its own years (not the link's)


def test_switching_from_a_collection_link_to_an_article_drops_the_collection_view(monkeypatch, store):
    link = {"source": "collection", "store": "news", "years": "2021-2021", "q": "rockets", "event": "x:1"}
    at = app_with_link(monkeypatch, link, "--store", str(store), "--max-marks", "20")
    no_errors(at)
    at.radio(key="mode").set_value("Bundled article").run()
    no_errors(at)
    assert not any("No events match" in i.value for i in at.info) and len(at.dataframe) == 1
    assert at.query_params["source"] == "bundled"
    assert not {"store", "q", "site", "years"} & set(at.query_params)  # the article's full range: no years


def test_a_sessions_first_run_draws_the_bars_then_the_whole_page_once_the_browser_has_drawn_them(monkeypatch, store):
    monkeypatch.setattr(sys, "argv", ["dashboard.py", "--store", str(store), "--max-marks", "2"])
    at = AppTest.from_file(APP, default_timeout=120).run()  # a page open: no first frame drawn yet
    no_errors(at)
    assert len(at.get("vega_lite_chart")) == 1 and not at.metric  # the bars alone: no metrics, no period box
    assert "c_bin_box" not in [box.key for box in at.selectbox]
    widgets = [type(e).__name__ for e in at.sidebar if type(e).__name__ not in ("Header", "SpecialBlock")]
    assert [h.value for h in at.sidebar.header] == ["Sources"] and not widgets  # the filters follow the bars
    assert len(at.get("bidi_component")) == 1
    (first_bars,) = [c.proto.spec for c in at.get("vega_lite_chart")]
    at.session_state[progressive.DRAWN] = True  # what the first frame's trigger does
    at.run()
    no_errors(at)
    assert len(at.get("vega_lite_chart")) == 1 and at.metric and at.selectbox(key="c_bin_box")
    assert at.get("vega_lite_chart")[0].proto.spec == first_bars  # drawn from what the filters now say
    assert at.selectbox(key="store_pick") and at.text_input(key="c_keyword") and at.toggle(key="c_group").value
    # no first-frame script any more; the one component left asks for the key dates' run (progressive.after_drawn)
    assert len(at.get("bidi_component")) == 1 and KEY_DATES_PENDING in [c.value for c in at.caption]
    at.session_state["_c_key_dates_ready"] = at.session_state["_c_key_dates_token"]  # what its trigger does
    at.run()
    no_errors(at)
    assert not at.get("bidi_component") and "Key dates" in [h.value for h in at.main.header]
    assert KEY_DATES_PENDING not in [c.value for c in at.caption]


def test_the_collection_page_leaves_the_parser_unloaded_until_an_article_page_is_chosen(monkeypatch, store):
    """Loading spaCy in the background takes a core for a second or more: a store's page never needs it."""
    from app import sources

    started = []
    monkeypatch.setattr(sources, "warm_up", lambda: started.append(True))
    monkeypatch.setattr(sys, "argv", ["dashboard.py", "--store", str(store)])
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.session_state[progressive.DRAWN] = True
    at.run()
    no_errors(at)
    assert at.get("vega_lite_chart") and not started
    at.sidebar.radio(key="mode").set_value("Paste text").run()
    assert started


def test_the_events_outside_note_counts_what_the_other_filters_keep_and_says_who_chose_the_years(
        monkeypatch, store):
    at = run_app(monkeypatch, "--store", str(store), "--max-marks", "20")
    lo, hi = years_slider(at).value
    at.text_input(key="c_keyword").input("troops").run()  # "Troops arrived in 2000-2012" in each report
    no_errors(at)
    outside = total(store, keyword="troops") - total(store, keyword="troops", years=(lo, hi))
    note = f"{outside:,} event{'s' if outside > 1 else ''} outside {lo} – {hi}"
    assert (note in shown_text(at)) if outside else ("outside" not in shown_text(at))
    assert f"{total(store) - total(store, years=(lo, hi)):,} events outside" not in shown_text(at)
    years_slider(at).set_value((2005, 2008)).run()  # the reader narrows the years
    no_errors(at)
    outside = total(store, keyword="troops") - total(store, keyword="troops", years=(2005, 2008))
    assert f"{outside:,} events outside 2005 – 2008**: the years chosen leave them out" in shown_text(at)
    assert "where the events are" not in shown_text(at)


def test_the_single_events_in_view_can_be_downloaded_and_published(monkeypatch, store):
    """A collection narrowed to a keyword gave a reader nothing to take away: the article page's downloads,
    of the events in view (each named by its article), with the keyword in the title."""
    at = run_app(monkeypatch, "--store", str(store), "--max-marks", "1000")
    at.text_input(key="c_keyword").input("rockets").run()
    no_errors(at)
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["Publish page (HTML)", "Events CSV", "Events JSON", "TimelineJS JSON", "Chart PNG", "Chart SVG"]
    assert len(table(at)) == total(store, keyword="rockets", years=years_slider(at).value) - 2  # 3 reports, 1 row


def test_the_sources_metric_says_what_a_source_is(monkeypatch, store):
    at = run_app(monkeypatch, "--store", str(store), "--max-marks", "20")
    (sources,) = [m for m in at.metric if m.label == "Sources"]
    assert "sites of their addresses" in sources.proto.help and "files and feeds" in sources.proto.help


def test_a_wide_store_opens_saying_the_page_chose_its_years(monkeypatch, tmp_path):
    """Over centuries the slider stops only at some years, so the years the page opens on are snapped onto
    them: the note must still say the page chose them (it compared the unsnapped years and blamed the reader)."""
    rows = [{"id": f"w{i}", "title": f"Talks {i}", "url": f"https://site.example/{i}", "published": "2021-04-07",
             "text": f"Talks\n\nTalks opened in {MONTHS[i % 12]} {1990 + i % 10}. They ended in {1991 + i % 10}."}
            for i in range(150)]
    rows += [{"id": "far", "title": "Plans", "url": "https://site.example/far", "published": "2021-04-07",
              "text": "Plans\n\nThe fort was built in 1750. A new one is planned for 2090."}]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert build([str(feed)], tmp_path / "wide", workers=1).failed == 0
    at = run_app(monkeypatch, "--store", str(tmp_path / "wide"), "--max-marks", "20")
    no_errors(at)
    (slider,) = [s for s in at.select_slider if s.key.startswith("c_years:")]  # stops, not every year
    lo, hi = slider.value
    assert lo <= 1990 and 2021 <= hi < 2090  # where the events are, the publication year included
    assert "the view starts on the years where the events are" in shown_text(at)
    assert "the years chosen leave them out" not in shown_text(at)


def test_the_collection_page_says_the_part_of_a_period_an_article_names(monkeypatch, tmp_path):
    """'early this year' in a stored article reads 'Early 2005' in the table, the story, the key dates and the
    selected event's facts, as on the article page (a store keeps each event's TIMEX3 mod)."""
    rows = [{"id": "p1", "title": "Prices", "url": "https://a.example/1", "published": "2005-06-01",
             "text": "Prices\n\nPrices rose sharply early this year, the ministry said. Talks resumed on 3 May 2005."}]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    build([str(feed)], tmp_path / "prices", workers=1)
    at = run_app(monkeypatch, "--store", str(tmp_path / "prices"))
    no_errors(at)
    assert table(at)["Date"].tolist() == ["Early 2005", "Tuesday 3 May 2005"]
    assert "Early 2005" in html_text(at)  # the story
    at.session_state["_c_key_dates_ready"] = at.session_state["_c_key_dates_token"]  # the key dates' own run
    at.run()
    no_errors(at)
    assert any(m.value.startswith("- **Early 2005** · ") for m in at.markdown)
    with open_store(tmp_path / "prices") as opened:
        first = query_events(opened, limit=1).iloc[0]
    at.session_state["c_selected"] = f"{first['article_id']}:{first['event_id']}"
    at.run()
    no_errors(at)
    assert first["expression"] == "early this year" and "<th>When</th><td>Early 2005</td>" in html_text(at)


# ---------------------------------------------------------------- a store of many sources (ui31)

def story_folder(folder: Path, n: int = 26) -> Path:
    """`n` plain-text stories, each its own file (a folder's file is its own source): story-00 to story-NN, each
    titled; the first six of 2006 and about a harbour (story-00 with three dated sentences), the rest of 1997."""
    folder.mkdir()
    for i in range(n):
        year, place = (2006, "harbour") if i < 6 else (1997, "valley")
        extra = " Repairs began on 3 March 2006. Talks followed in June 2006." if i == 0 else ""
        (folder / f"story-{i:02d}.txt").write_text(
            f"Storm {i} hits the {place}\n\n12 Jan {year}\n\nA storm hit the {place} on {1 + i % 27} January {year}, "
            f"officials said.{extra}\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def many_sources(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("many")
    assert build([str(story_folder(folder / "stories"))], folder / "stories-store", workers=1).failed == 0
    return folder / "stories-store"


def sources_box(at: AppTest):
    (box,) = [m for m in at.multiselect if m.key.startswith("c_sources:")]
    return box


def test_a_store_of_many_sources_lists_those_in_view_with_titles_and_counts(monkeypatch, many_sources):
    """A folder of 2,452 wire stories gave a Sources filter of 2,452 file names in file order: a file picker. Past
    a handful of sources the filter lists those with events in view (the years, words and precision chosen), the
    most events first, each labelled by its story's title, its events and its file, so typing words of a title
    finds it; a choice stays when the years change (its label is the store's, not the view's)."""
    at = run_app(monkeypatch, "--store", str(many_sources), "--max-marks", "1000")
    no_errors(at)
    box = sources_box(at)
    assert len(box.options) == 26 and "26 sources" in box.proto.placeholder
    assert box.options[0] == "3 events · Storm 0 hits the harbour · story-00.txt"  # the most events first
    assert "1 event · Storm 7 hits the valley · story-07.txt" in box.options
    at.text_input(key="c_keyword").input("harbour").run()
    no_errors(at)
    assert [o.split(" · ")[-1] for o in sources_box(at).options] == [f"story-0{i}.txt" for i in range(6)]
    sources_box(at).set_value(["story-03.txt"]).run()
    assert metrics(at)["Events"].startswith("1 of") and metrics(at)["Sources"] == "1"
    years_slider(at).set_value((2006, 2006)).run()
    at.text_input(key="c_keyword").input("").run()
    no_errors(at)
    assert sources_box(at).value == ["story-03.txt"] and metrics(at)["Events"].startswith("1 of")
    assert len(sources_box(at).options) == 6  # the 2006 stories, the chosen one among them


def test_a_handful_of_sources_is_listed_by_name_as_before(monkeypatch, store):
    at = run_app(monkeypatch, "--store", str(store), "--max-marks", "20")
    box = sources_box(at)
    assert box.proto.placeholder == "All sources" and "rt.com" in box.options and "site1.example" in box.options
    assert all(" · " not in o for o in box.options)


def test_wire_stories_are_named_without_their_routing_flags(monkeypatch, tmp_path):
    """Key dates, the table and the sources named TimeML stories by their titles with the wire's routing flags
    ("2nd Ld: APEC ministerial meeting concludes in Hanoi"): the names shown leave them out; the store keeps the
    whole title."""
    folder = tmp_path / "wire"
    folder.mkdir()
    said = "Ministers of the 21 APEC economies wrapped up their meeting in Hanoi on 16 November 2006."
    for name, title in (("XIN_ENG_20061116.0041", "2nd Ld: APEC ministerial meeting concludes in Hanoi"),
                        ("XIN_ENG_20061116.0050", "Urgent: APEC ministers back WTO talks"),
                        ("AFP_ENG_20061116.0100", "Asia-Pacific ministers meet (updated 2)")):
        (folder / f"{name}.tml").write_text(WIRE.format(doc=name, title=title, text=said), encoding="utf-8")
    assert build([str(folder)], tmp_path / "wire-store", workers=1).failed == 0
    at = run_app(monkeypatch, "--store", str(tmp_path / "wire-store"), "--max-marks", "100")
    no_errors(at)
    shown = {"APEC ministerial meeting concludes in Hanoi", "APEC ministers back WTO talks",
             "Asia-Pacific ministers meet"}
    assert set(table(at)["Article"]) <= shown
    at.session_state["_c_key_dates_ready"] = at.session_state["_c_key_dates_token"]  # the browser drew the chart
    at.run()
    key_dates = "\n".join(m.value for m in at.markdown if "reported by" in m.value).replace("\\", "")  # unescaped
    assert "reported by 3 articles" in key_dates and all(name in key_dates for name in shown)
    assert not any(flag in key_dates for flag in ("Ld:", "Urgent", "updated"))
    with open_store(tmp_path / "wire-store") as opened:
        titles = set(query_events(opened)["title"])
    assert "2nd Ld: APEC ministerial meeting concludes in Hanoi" in titles  # kept whole in the store


WIRE = """<?xml version="1.0" ?>
<TimeML>
<DOCID>{doc}</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2006-11-16" functionInDocument="CREATION_TIME">Nov. 16, 2006</TIMEX3></DCT>
<TITLE>{title}</TITLE>
<TEXT>
{text}
</TEXT>
</TimeML>
"""


def test_stories_without_a_title_are_named_by_their_leads(monkeypatch, tmp_path):
    """te3-silver's most reporting stories have an editor's note for a title line ("ATTENTION - ADDS quotes ///",
    "=(PICTURE)="): the Sources filter, the table and the key dates showed them by their files ("34 events ·
    AFP_ENG_20051213.0713.tml"). Each is named by its lead (documents.lead_title), worked out when the store is read,
    so a store built before gets the names too; the store keeps no title for them, and their files stay their
    sources."""
    folder = tmp_path / "wire"
    folder.mkdir()
    notes = {"AFP_ENG_20061116.0200": ("ATTENTION - ADDS quotes ///", "The port of Haifa reopened on 16 November 2006 "
                                       "after a strike by dockers, the port authority said on Thursday."),
             "AFP_ENG_20061116.0300": ("=(PICTURE)=", "Floods cut the main road to the capital on 16 November 2006 "
                                       "when the river burst its banks. The port of Haifa reopened on 16 November "
                                       "2006 after a strike.")}
    for doc, (note, text) in notes.items():
        (folder / f"{doc}.tml").write_text(WIRE.format(doc=doc, title=note, text=text), encoding="utf-8")
    for i in range(SOURCES_NAMED):  # a store of many sources: the filter labels each with its title
        (folder / f"XIN_ENG_2006111{i % 10}.{i:04}.tml").write_text(WIRE.format(
            doc=f"XIN_ENG_2006111{i % 10}.{i:04}", title=f"Council {i} meets",
            text=f"The council met on {i + 1} October 2006."), encoding="utf-8")
    assert build([str(folder)], tmp_path / "wire-store", workers=1).failed == 0
    at = run_app(monkeypatch, "--store", str(tmp_path / "wire-store"), "--max-marks", "100")
    no_errors(at)
    port, floods = "The port of Haifa reopened on 16 November 2006 after a strike by dockers", (
        "Floods cut the main road to the capital on 16 November 2006 when the river burst its banks")
    assert f"1 event · {port} · AFP_ENG_20061116.0200.tml" in sources_box(at).options
    assert f"2 events · {floods} · AFP_ENG_20061116.0300.tml" in sources_box(at).options
    assert {port, floods} <= set(table(at)["Article"]) and not any("AFP_ENG" in a for a in table(at)["Article"])
    at.session_state["_c_key_dates_ready"] = at.session_state["_c_key_dates_token"]  # the browser drew the chart
    at.run()
    key_dates = "\n".join(m.value for m in at.markdown if "reported by" in m.value).replace("\\", "")
    assert f"reported by 2 articles ({port}; {shorten(floods, 80)})" in key_dates and "AFP_ENG" not in key_dates
    with open_store(tmp_path / "wire-store") as opened:
        stored = query_events(opened).set_index("doc_id")
    assert stored.loc[["AFP_ENG_20061116.0200"], "title"].isna().all() and set(stored["source"]) >= {
        "AFP_ENG_20061116.0200.tml"}


def test_a_stores_article_is_corrected_on_the_article_page(monkeypatch, tmp_path):
    """Walking a 300-article store to find one story, correct a date and publish: the collection page draws no
    editor, and nothing said where one was (the reader copied the article text by hand into "Paste text", and lost
    its title and publication date). The selected event's article opens on the article page in one click, its name
    and publication date at its top: the page counts its dates from the same day and can edit and publish them."""
    folder = tmp_path / "wire"
    folder.mkdir()
    text = "Iraqis voted on 15 December 2005 in a landmark election, officials said. Results are due on Monday."
    (folder / "AFP_ENG_20051216.0100.tml").write_text(WIRE.format(doc="AFP_ENG_20051216.0100", title="=(PICTURE)=",
                                                                   text=text).replace("2006-11-16", "2005-12-16"),
                                                       encoding="utf-8")
    assert build([str(folder)], tmp_path / "store", workers=1).failed == 0
    at = run_app(monkeypatch, "--store", str(tmp_path / "store"))
    no_errors(at)
    with open_store(tmp_path / "store") as opened:
        first = query_events(opened, limit=1).iloc[0]
    at.session_state["c_selected"] = f"{first['article_id']}:{first['event_id']}"
    at.run()
    at.button(key="c_correct").click().run()
    no_errors(at)
    assert at.session_state["mode"] == "Paste text"
    assert at.text_area(key="paste").value.startswith(
        "Iraqis voted on 15 December 2005 in a landmark election\n\n16 December 2005\n\nIraqis voted")
    (published,) = [d.value for d in at.date_input if d.key.startswith("published:")]
    assert published == date(2005, 12, 16)  # its dates counted from the day the store counted them from
    assert "Thursday 15 December 2005" in set(table(at)["Date"]) and "Monday 19 December 2005" in set(table(at)["Date"])


def test_a_folder_of_saved_pages_shows_their_sites_or_titles_as_sources(monkeypatch, tmp_path):
    """Saved web pages in a folder were named by their files ("page-1.html") in the Sources filter and the table's
    Source: each is named by the site of the address it gives of itself, else its title; its file only without
    either."""
    folder = tmp_path / "saved"
    folder.mkdir()
    heads = {"page-1.html": ("Troops leave", '<link rel="canonical" href="https://www.example-news.com/a/1">'),
             "page-2.html": ("Talks resume", '<meta property="og:url" content="https://apnews.example/b">'),
             "page-3.html": ("Council approves budget", ""), "page-4.html": (None, "")}
    for i, (name, (title, head)) in enumerate(heads.items()):
        titled = f"<title>{title}</title>" if title else ""
        (folder / name).write_text(f"<html><head>{head}{titled}</head><body><article><p>The council met on {i + 2} "
                                   f"March 2021 to talk about the budget.</p></article></body></html>", encoding="utf-8")
    assert build([str(folder)], tmp_path / "saved-store", workers=1).failed == 0
    at = run_app(monkeypatch, "--store", str(tmp_path / "saved-store"), "--max-marks", "100")
    no_errors(at)
    sources = {"example-news.com", "apnews.example", "Council approves budget", "page-4.html"}
    assert set(sources_box(at).options) == sources and set(table(at)["Source"]) == sources
