"""A store's years and bars that read right: year spans for the default window, coarse dates spread
over their period instead of a spike on its first day (timeline.collection.windows)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from app.collection_view import starts_outside, store_window
from timeline.collection import build, count_by_period, open_store
from timeline.collection.windows import count_bars, count_spread, year_spans

ARTICLES = [
    ("2021-04-07", "On Sunday, two rockets hit the base. In 2020 the base was attacked twice."),
    ("2021-04-08", "The talks resumed on 2 March 2021. A treaty was signed in 2020."),
    ("2021-04-09", "Troops arrived in March 2021. In the 1990s the base was built."),
    ("2021-04-10", "The ministers met on 10 April 2021. In 1721 the town was founded."),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("windows")
    feed = folder / "feed.jsonl"
    feed.write_text("".join(json.dumps({"text": t, "published": p}) + "\n" for p, t in ARTICLES), encoding="utf-8")
    build([str(feed)], folder / "store", workers=1)
    return folder / "store"


_PERIOD_OFFSETS = {"century": pd.DateOffset(years=100), "decade": pd.DateOffset(years=10), "year": pd.DateOffset(years=1), "quarter": pd.DateOffset(months=3),
                   "month": pd.DateOffset(months=1), "week": pd.DateOffset(weeks=1), "day": pd.DateOffset(days=1)}


def with_spread(counts: pd.DataFrame, spread: pd.DataFrame, period: str) -> pd.DataFrame:
    """The reference count_bars must equal: `count_by_period` rows joined with `count_spread` rows (precise, spread) on their period; a period
    only coarser dates reach gets a row of its own (no events start in it)."""
    spread = spread.assign(period=pd.to_datetime(spread["period"]))
    frame = counts.assign(period=pd.to_datetime(counts["period"])).merge(spread, on="period", how="outer")
    frame["period_end"] = frame["period_end"].fillna(frame["period"] + _PERIOD_OFFSETS[period])
    frame = frame.fillna({"events": 0, "articles": 0, "precise": 0, "spread": 0.0})
    frame[["events", "articles", "precise"]] = frame[["events", "articles", "precise"]].astype("int64")
    return frame.sort_values("period", ignore_index=True)


def test_year_spans_count_each_event_by_its_first_and_last_year(store):
    with open_store(store) as opened:
        spans = year_spans(opened)
        values = opened.cursor().execute("SELECT value FROM events").df()["value"].tolist()
    assert spans[(1990, 1999)] == values.count("199")
    assert spans[(1721, 1721)] == 1
    assert sum(spans.values()) == len(values)


def test_year_only_dates_are_spread_over_their_months_not_counted_in_january(store):
    with open_store(store) as opened:
        spread = count_spread(opened, period="month", years=(2020, 2021)).set_index("period")
        by_start = count_by_period(opened, period="month", years=(2020, 2021)).set_index("period")
    january = pd.Timestamp("2020-01-01")
    assert by_start.loc[january, "events"] == 2  # both 2020 events start on 1 January
    assert spread.loc[january, "precise"] == 0
    assert spread.loc[january, "spread"] == pytest.approx(2 / 12)
    assert spread.loc[pd.Timestamp("2020-07-01"), "spread"] == pytest.approx(2 / 12)
    in_2021 = spread[spread.index >= pd.Timestamp("2021-01-01")]
    assert in_2021["precise"].sum() == by_start[by_start.index >= pd.Timestamp("2021-01-01")]["events"].sum()
    assert spread["precise"].sum() + spread["spread"].sum() == pytest.approx(by_start["events"].sum())


def test_bars_join_counts_and_spread_and_keep_the_periods_only_coarse_dates_reach(store):
    with open_store(store) as opened:
        counts = count_by_period(opened, period="month", years=(2020, 2021))
        spread = count_spread(opened, period="month", years=(2020, 2021))
    bars = with_spread(counts, spread, "month")
    months_2020 = set(pd.date_range("2020-01-01", periods=12, freq="MS"))  # reached by the 2020 events' spread
    assert set(bars["period"]) == months_2020 | set(pd.to_datetime(counts["period"]))
    march = bars[bars["period"] == pd.Timestamp("2020-03-01")].iloc[0]
    assert march["events"] == 0 and march["period_end"] == pd.Timestamp("2020-04-01")


def test_the_store_opens_on_its_events_years_and_counts_the_rest():
    spans = {(2021, 2021): 80, (2020, 2020): 19, (1721, 1721): 1}
    info = {"first_published": pd.Timestamp("2021-04-07").date(), "last_published": None}
    assert store_window(spans, info, (1721, 2021)) == (2020, 2021)
    assert starts_outside(spans, (2020, 2021)) == 1
    assert store_window({}, {}, (2000, 2001)) == (2000, 2001)


@pytest.mark.parametrize("period", ["century", "decade", "year", "month", "day"])
@pytest.mark.parametrize("filters", [{}, {"years": (2020, 2021)}, {"years": (1990, 1995)}, {"keyword": "base"}])
def test_count_bars_is_count_by_period_joined_with_count_spread_in_one_scan(store, period, filters):
    with open_store(store) as opened:
        one = count_bars(opened, period=period, **filters)
        two = with_spread(count_by_period(opened, period=period, **filters),
                          count_spread(opened, period=period, **filters), period)
    assert len(one) and one["events"].sum() == two["events"].sum()
    columns = ["period", "period_end", "events", "articles", "precise", "spread"]
    one = one.assign(period=pd.to_datetime(one["period"]), period_end=pd.to_datetime(one["period_end"]))[columns]
    two = two.assign(period=pd.to_datetime(two["period"]), period_end=pd.to_datetime(two["period_end"]))[columns]
    pd.testing.assert_frame_equal(one.reset_index(drop=True), two.reset_index(drop=True), check_dtype=False)
