"""timeline.chart: lanes, honest marks per granularity, the selection parameter, tooltips."""

from __future__ import annotations

import json
from datetime import date

import altair as alt
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.chart import (
    CHART_COLUMNS,
    DATASET,
    LABEL_LANES,
    PICK,
    SOURCE_COLOURS,
    assign_lanes,
    axis_domain,
    chart_frame,
    counts_chart,
    counts_spec,
    domain,
    interval_text,
    interval_texts,
    timeline_chart,
    timeline_spec,
)
from timeline.chart import (
    COUNTS as COUNTS_DATASET,
)


def events(*rows: tuple[str, str, str, str], source: str = "a.txt") -> pd.DataFrame:
    """Rows of (value, granularity, start, end) as the dashboard's events frame."""
    return pd.DataFrame({
        "event_id": [f"0-{i}" for i in range(len(rows))],
        "value": [r[0] for r in rows],
        "granularity": [r[1] for r in rows],
        "start": pd.to_datetime([r[2] for r in rows]),
        "end": pd.to_datetime([r[3] for r in rows]),
        "expression": [f"expr {i}" for i in range(len(rows))],
        "headline": [f"headline {i}" for i in range(len(rows))],
        "sentence": [f"Sentence {i}." for i in range(len(rows))],
        "sentence_start": 0, "sentence_end": 10, "expression_start": 0, "expression_end": 4,
        "source": source,
    })


SEED = events(
    ("2003-03", "month", "2003-03-01", "2003-04-01"),
    ("2011-12", "month", "2011-12-01", "2012-01-01"),
    ("2014", "year", "2014-01-01", "2015-01-01"),
    ("2019-03", "month", "2019-03-01", "2019-04-01"),
    ("2021-03-15", "day", "2021-03-15", "2021-03-16"),
    ("2021-04-04", "day", "2021-04-04", "2021-04-05"),
    ("2021-04-07", "day", "2021-04-07", "2021-04-08"),
)


def spec(chart) -> dict:
    with alt.data_transformers.disable_max_rows():
        return chart.to_dict()


def layers_by_mark(chart_spec: dict) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for layer in chart_spec["layer"]:
        mark = layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]
        out.setdefault(mark, []).append(layer)
    return out


def test_assign_lanes_example():
    assert assign_lanes([0, 1, 5], [4, 3, 6]) == [0, 1, 0]


def test_touching_intervals_share_a_lane():
    assert assign_lanes([0, 2, 4], [2, 4, 6]) == [0, 0, 0]


def test_lanes_reject_mismatched_lengths():
    with pytest.raises(ValueError):
        assign_lanes([0, 1], [2])


intervals = st.lists(
    st.tuples(st.integers(0, 1000), st.integers(0, 50)).map(lambda t: (t[0], t[0] + t[1])), max_size=60
)


@given(intervals)
def test_lanes_never_overlap(spans):
    lanes = assign_lanes([s for s, _ in spans], [e for _, e in spans])
    for i, (s1, e1) in enumerate(spans):
        for j, (s2, e2) in enumerate(spans):
            if i < j and lanes[i] == lanes[j] and s1 != e1 and s2 != e2:
                assert e1 <= s2 or e2 <= s1, (spans[i], spans[j])


@given(intervals)
def test_lanes_are_as_few_as_the_deepest_overlap(spans):
    """Greedy partitioning is optimal: lanes == the largest number of intervals over one moment."""
    spans = [(s, e) for s, e in spans if e > s]
    lanes = assign_lanes([s for s, _ in spans], [e for _, e in spans])
    depth = max((sum(s <= t < e for s, e in spans) for t in range(0, 1051)), default=0)
    assert (max(lanes) + 1 if lanes else 0) == depth


def test_max_lanes_caps_the_rows():
    lanes = assign_lanes([0] * 10, [5] * 10, max_lanes=3)
    assert set(lanes) == {0, 1, 2}


def test_chart_frame_has_one_row_per_event_and_only_chart_columns():
    frame = chart_frame(SEED.assign(extra="not for the browser"))
    assert len(frame) == len(SEED)
    assert set(frame.columns) <= set(CHART_COLUMNS) | {"label_side"}
    assert "sentence" not in frame and "extra" not in frame


def test_marks_in_one_lane_do_not_overlap_on_screen():
    frame = chart_frame(SEED)
    lo, hi = domain(frame)
    for _, lane in frame.groupby("lane"):
        lane = lane.sort_values("start")
        assert (lane["start"].iloc[1:].to_numpy() >= lane["end"].iloc[:-1].to_numpy()).all()
    assert lo < frame["start"].min() and hi > frame["end"].max()


def test_days_are_points_in_the_middle_of_their_day_and_coarser_values_are_spans():
    frame = chart_frame(SEED).set_index("value")
    assert frame.loc["2021-04-04", "is_point"]
    assert frame.loc["2021-04-04", "x"] == pd.Timestamp("2021-04-04 12:00", tz="UTC")
    for value in ("2003-03", "2014", "2019-03"):
        assert not frame.loc[value, "is_point"]
        assert frame.loc[value, "start"] < frame.loc[value, "end"]


def test_spec_draws_spans_as_bars_from_start_to_end_and_days_as_points():
    layers = layers_by_mark(spec(timeline_chart(SEED)))
    bar = next(layer for layer in layers["bar"] if layer.get("name") == "spans")
    assert bar["encoding"]["x"]["field"] == "start" and bar["encoding"]["x2"]["field"] == "end"
    assert any("!datum.is_point" in json.dumps(t) for t in bar.get("transform", []))
    point = next(layer for layer in layers["point"] if layer.get("name") == "points")
    assert point["encoding"]["x"]["field"] == "x"
    assert "x2" not in point["encoding"]


def test_spec_has_the_pick_selection_on_event_id():
    chart_spec = spec(timeline_chart(SEED))
    params = [p for p in chart_spec.get("params", []) if p.get("select")]
    assert [p["name"] for p in params] == [PICK]
    assert params[0]["select"]["type"] == "point"
    assert params[0]["select"]["fields"] == ["event_id"]


def test_tooltips_show_expression_value_granularity_label_and_source():
    chart_spec = spec(timeline_chart(SEED))
    for name in ("spans", "points"):
        layer = next(layer for layer in chart_spec["layer"] if layer.get("name") == name)
        fields = {t["field"] for t in layer["encoding"]["tooltip"]}
        assert {"expression", "value", "granularity", "headline", "source", "interval"} <= fields


def test_dataset_rows_equal_events_and_hold_no_unused_columns():
    chart_spec = spec(timeline_chart(SEED))
    (rows,) = chart_spec["datasets"].values()
    assert len(rows) == len(SEED)
    assert "sentence" not in rows[0]


def test_selected_event_is_marked_in_the_data():
    frame = chart_frame(SEED, selected="0-5")
    assert frame["selected"].tolist() == [e == "0-5" for e in SEED["event_id"]]


def test_colour_by_source_when_there_are_several():
    several = pd.concat([SEED, events(("2020", "year", "2020-01-01", "2021-01-01"), source="b.txt")
                         .assign(event_id="1-0")], ignore_index=True)
    one = spec(timeline_chart(SEED))["layer"][1]["encoding"]["color"]["field"]
    two = spec(timeline_chart(several))["layer"][1]["encoding"]["color"]["field"]
    assert (one, two) == ("granularity", "source")


def test_past_ten_articles_the_colours_say_precision_not_article():
    """Thirty uploads drew thirty legend entries in ten colours: three articles per colour, none told apart. Past
    SOURCE_COLOURS articles the chart colours by precision and the article is named in the tooltip."""
    def colour_field(n: int) -> str:
        frame = SEED.head(1).merge(pd.DataFrame({"source": [f"a{i}.txt" for i in range(n)]}), how="cross",
                                   suffixes=("_", "")).drop(columns="source_")
        layer = spec(timeline_chart(frame.assign(event_id=[f"{i}-0" for i in range(n)])))["layer"][1]
        assert {"field": "source", "title": "Article", "type": "nominal"} in layer["encoding"]["tooltip"]
        return layer["encoding"]["color"]["field"]

    assert (colour_field(SOURCE_COLOURS), colour_field(SOURCE_COLOURS + 1)) == ("source", "granularity")


def test_a_single_day_gets_a_padded_domain_not_hours():
    one = events(("2021-04-04", "day", "2021-04-04", "2021-04-05"))
    lo, hi = domain(chart_frame(one))
    assert hi - lo >= pd.Timedelta(days=30)
    chart_spec = spec(timeline_chart(one))
    point = next(layer for layer in chart_spec["layer"] if layer.get("name") == "points")
    assert len(point["encoding"]["x"]["scale"]["domain"]) == 2
    assert "%d" in point["encoding"]["x"]["axis"]["format"]


def test_many_events_get_lanes_of_their_own_and_labels_only_where_there_is_room():
    n = 3000
    starts = pd.date_range("2000-01-01", periods=n, freq="D")
    many = events(*[(f"{d:%Y-%m-%d}", "day", f"{d:%Y-%m-%d}", f"{d + pd.Timedelta(days=1):%Y-%m-%d}")
                    for d in starts])
    frame = chart_frame(many)
    assert len(frame) == n and LABEL_LANES < frame["lane"].max() < 60
    labelled = frame[frame["short_label"] != ""]
    assert len(labelled) <= 40  # labels only where a lane has room: none gets a lane of its own
    assert not any(layer["mark"]["type"] == "text" for layer in spec(timeline_chart(many))["layer"])


def test_empty_frame_gives_an_empty_chart_frame():
    assert chart_frame(SEED.iloc[:0]).empty


def test_interval_text_is_the_closed_range():
    assert interval_text(pd.Timestamp("2019-03-01"), pd.Timestamp("2019-04-01")) == "2019-03-01 – 2019-03-31"
    assert interval_text(pd.Timestamp(date(2021, 4, 4)), pd.Timestamp(date(2021, 4, 5))) == "2021-04-04"


@given(st.lists(st.tuples(st.dates(min_value=date(1, 1, 2), max_value=date(9998, 12, 1)),
                          st.integers(min_value=0, max_value=4000)), max_size=20))
def test_interval_texts_for_a_column_equal_interval_text_of_each_row(pairs):
    starts = pd.Series([pd.Timestamp(day) for day, _ in pairs], dtype="datetime64[us]")
    ends = pd.Series([pd.Timestamp(day) + pd.Timedelta(days=n) for day, n in pairs], dtype="datetime64[us]")
    assert interval_texts(starts, ends) == [interval_text(a, b) for a, b in zip(starts, ends, strict=True)]


def _without_rows(chart_spec: dict) -> dict:
    """A spec without its data, schema and the default theme's sizes (st.altair_chart drops the theme)."""
    rest = {k: v for k, v in chart_spec.items() if k not in ("data", "datasets", "$schema")}
    view = {k: v for k, v in rest["config"]["view"].items() if not k.startswith("continuous")}
    return {**rest, "config": {**rest["config"], "view": view}}


def test_timeline_spec_is_the_altair_chart_with_its_rows_by_name():
    for frame, selected in ((SEED, "0-5"), (SEED.head(1), None), (SEED.assign(source=["a", "b"] * 3 + ["a"]), None)):
        fast = timeline_spec(frame, selected=selected)
        assert _without_rows(fast) == _without_rows(spec(timeline_chart(frame, selected=selected)))
        assert fast["data"] == {"name": DATASET} and set(fast["datasets"]) == {DATASET}
        pd.testing.assert_frame_equal(fast["datasets"][DATASET], chart_frame(frame, selected=selected))


def test_timeline_spec_reuses_the_layers_when_only_rows_or_the_pick_change():
    from timeline.chart import _spec_template

    first = timeline_spec(SEED)
    hits = _spec_template.cache_info().hits
    second = timeline_spec(SEED, selected="0-2")  # another pick: new rows, same layers
    assert _spec_template.cache_info().hits == hits + 1
    assert second["datasets"][DATASET]["selected"].sum() == 1 and not first["datasets"][DATASET]["selected"].any()
    second["layer"].clear()  # each caller gets its own copy
    assert timeline_spec(SEED)["layer"]


def test_timeline_spec_rows_kept_by_content_are_the_rows_of_that_content(monkeypatch):
    """An edit, its undo, then a pick: every view's rows are chart_frame's of that very content; a view
    seen before is not laid out again, and changing rows one caller got changes no other caller's."""
    import timeline.chart as chart

    laid_out = []
    real = chart.chart_frame
    monkeypatch.setattr(chart, "chart_frame", lambda *a, **k: laid_out.append(1) or real(*a, **k))
    base = SEED.assign(headline=[f"kept {i}" for i in range(len(SEED))])  # rows no other test draws
    hidden = base.drop(index=2)
    edited = base.assign(headline=base["headline"].where(base.index != 4, "kept 4, edited"))
    views = [(base, None), (hidden, None), (base, None), (edited, None), (base, "0-3"), (edited, "0-4")]
    for frame, selected in views:
        rows = timeline_spec(frame, selected=selected)["datasets"][DATASET]
        pd.testing.assert_frame_equal(rows, real(frame, selected=selected))
        rows.loc[:, "lane"] = 99  # a caller changing its rows
    assert len(laid_out) == 3  # base, hidden, edited: the undo and the picks drew rows laid out before


def test_a_session_drawing_a_built_shape_does_not_wait_for_another_shapes_build(monkeypatch):
    """8 sessions at once: one building a new shape's layers (100-200 ms of Altair, more on a busy server)
    must not hold up the others, whose shapes are built already."""
    import threading

    import timeline.chart as chart

    timeline_spec(SEED)  # its shape is built
    new_width = 1000 + threading.get_ident() % 1000  # a shape no other test has built
    building, release = threading.Event(), threading.Event()
    real = chart._layered

    def slow(data, shape, x_domain):
        if shape.width == new_width:
            building.set()
            release.wait(60)
        return real(data, shape, x_domain)

    monkeypatch.setattr(chart, "_layered", slow)
    builder = threading.Thread(target=timeline_spec, args=(SEED,), kwargs={"width": new_width})
    builder.start()
    try:
        assert building.wait(60)
        drawn: list[dict] = []
        drawer = threading.Thread(target=lambda: drawn.append(timeline_spec(SEED, selected="0-1")))
        drawer.start()
        drawer.join(60)
        assert drawn and drawn[0]["datasets"][DATASET]["selected"].sum() == 1  # drawn during the build
        assert builder.is_alive()
    finally:
        release.set()
        builder.join(60)
    assert timeline_spec(SEED, width=new_width)["width"] == new_width


def test_a_century_span_is_cut_at_the_window_and_does_not_stretch_the_axis():
    rows = events(("2003-03-20", "day", "2003-03-20", "2003-03-21"), ("2004", "year", "2004-01-01", "2005-01-01"),
                  ("20", "century", "2000-01-01", "2100-01-01"), ("1721", "year", "1721-01-01", "1722-01-01"))
    frame = chart_frame(rows, window=(2003, 2004))
    lo, hi = domain(frame)
    assert "1721" not in set(frame["value"])  # outside the window: not drawn
    century = frame.set_index("value").loc["20"]
    assert century["clipped_left"] and century["clipped_right"]
    assert century["end"] == pd.Timestamp("2005-01-01", tz="UTC") and century["interval"].endswith("2099-12-31")
    assert hi < pd.Timestamp("2005-03-01", tz="UTC") and lo > pd.Timestamp("2002-10-01", tz="UTC")


def test_the_arrows_layer_is_drawn_only_when_a_span_is_cut():
    """A layer costs the browser a dataflow (and its tooltip's expressions) on every draw, rows or none: the
    arrows at a cut span's ends come with the spans that have them."""
    def arrows(chart_spec: dict) -> list[dict]:
        return [layer for layer in chart_spec["layer"] if "fold" in json.dumps(layer.get("transform", []))]

    assert not arrows(timeline_spec(SEED))
    rows = events(("2021-04-04", "day", "2021-04-04", "2021-04-05"), ("20", "century", "2000-01-01", "2100-01-01"))
    assert len(arrows(timeline_spec(rows))) == 1
    assert len(arrows(spec(timeline_chart(rows)))) == 1


def test_the_picked_point_is_outlined_on_its_own_mark():
    """No ring layer: the points layer draws the picked point larger, outlined in the pick colour, from the data
    (a pick from the table shows too); the others keep their white edge."""
    chart_spec = timeline_spec(SEED, selected="0-5")
    points = next(layer for layer in chart_spec["layer"] if layer.get("name") == "points")
    stroke, size = points["encoding"]["stroke"], points["encoding"]["size"]
    assert stroke["condition"] == {"test": "datum.selected", "value": "#1f2933"} and stroke["value"] == "white"
    assert size["condition"]["value"] > size["value"]
    assert len(chart_spec["layer"]) == 3  # spans, points, labels
    rows = chart_spec["datasets"][DATASET]
    assert list(rows.loc[rows["selected"], "event_id"]) == ["0-5"]


def test_without_a_window_decades_and_centuries_do_not_set_the_axis():
    rows = events(("2021-04-04", "day", "2021-04-04", "2021-04-05"), ("20", "century", "2000-01-01", "2100-01-01"))
    frame = chart_frame(rows)
    assert frame["end"].max() == pd.Timestamp("2021-04-05", tz="UTC")  # the axis hugs the day
    assert frame.set_index("value").loc["20", ["clipped_left", "clipped_right"]].all()


def test_a_span_wholly_before_the_axis_hugging_the_days_is_an_arrow_at_its_edge():
    days = [(f"2005-10-{d:02d}", "day", f"2005-10-{d:02d}", f"2005-10-{d + 1:02d}") for d in range(8, 20)]
    rows = events(*days, ("1990", "year", "1990-01-01", "1991-01-01"), ("199", "decade", "1990-01-01", "2000-01-01"),
                  ("2005", "year", "2005-01-01", "2006-01-01"))
    frame = chart_frame(rows, window=(1940, 2020)).set_index("value")
    assert len(frame) == len(rows)  # nothing in the window is lost
    lo, hi = frame["start"].min(), frame["end"].max()
    assert (frame["start"] <= frame["end"]).all()  # no bar runs backwards, out of the plot
    assert lo == pd.Timestamp("2005-10-08", tz="UTC") and hi == pd.Timestamp("2005-10-20", tz="UTC")
    for before in ("1990", "199"):
        assert frame.loc[before, "clipped_left"] and not frame.loc[before, "clipped_right"]
        assert frame.loc[before, "start"] == frame.loc[before, "end"] == lo
        assert frame.loc[before, "interval"].startswith("1990")  # the tooltip keeps the whole span
    assert frame.loc["2005", ["clipped_left", "clipped_right"]].all()


def test_the_most_important_events_get_the_labels_when_not_all_fit():
    days = pd.date_range("2021-03-01", periods=80, freq="D")
    many = events(*[(f"{d:%Y-%m-%d}", "day", f"{d:%Y-%m-%d}", f"{d + pd.Timedelta(days=1):%Y-%m-%d}")
                    for d in days])
    many["importance"] = [float(i % 7) for i in range(len(many))]
    frame = chart_frame(many)
    labelled = frame[frame["short_label"] != ""]
    assert 0 < len(labelled) <= 40 and frame["lane"].max() < LABEL_LANES
    assert labelled["event_id"].map(many.set_index("event_id")["importance"]).min() >= \
        frame[frame["short_label"] == ""]["event_id"].map(many.set_index("event_id")["importance"]).max()


@pytest.mark.parametrize(("count", "every"), [(60, "3D"), (400, "D")])
def test_marks_and_labels_never_overlap_on_screen(count, every):
    days = pd.date_range("2021-01-01", periods=count, freq=every)
    frame = chart_frame(events(*[(f"{d:%Y-%m-%d}", "day", f"{d:%Y-%m-%d}", f"{d + pd.Timedelta(days=1):%Y-%m-%d}")
                                 for d in days]), width=900)
    assert (frame["short_label"] != "").any()
    lo, hi = domain(frame)
    px = lambda t: (t - lo) / (hi - lo) * 900  # noqa: E731
    marks, labels = [], []
    for _, row in frame.iterrows():
        x = px(row["x"])
        marks.append((row["lane"], x - 7, x + 7))
        width = len(row["short_label"]) * 6.3 + 12
        if row.get("label_side") == "right":
            labels.append((row["lane"], x + 7, x + 7 + width))
        elif row.get("label_side") == "left":
            labels.append((row["lane"], x - 7 - width, x - 7))
    apart = lambda a, b: a[2] <= b[1] + 1e-6 or b[2] <= a[1] + 1e-6  # noqa: E731
    boxes = marks + labels
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if a[0] == b[0]:
                assert apart(a, b), (a, b)
    near = frame["lane"].max() + 1 > LABEL_LANES  # lanes closer than a line of text
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            if abs(a[0] - b[0]) <= near:
                assert apart(a, b), (a, b)


@pytest.mark.parametrize("width", [300, 540, 900])
def test_every_label_stays_inside_the_plot_it_is_laid_out_for(width):
    """A label that would run past the plot's edge goes to the other side of its mark, or is cut to fit the
    larger side (a bar across the whole plot has room on neither: no label)."""
    wide = events(("2006", "year", "2006-01-01", "2007-01-01"), ("2006-12", "month", "2006-12-01", "2007-01-01"),
                  *[(f"2006-{m:02d}-15", "day", f"2006-{m:02d}-15", f"2006-{m:02d}-16") for m in range(1, 13)])
    wide["headline"] = [f"Ministers of the union agreed on plan number {i} today" for i in range(len(wide))]
    frame = chart_frame(wide, width=width)
    lo, hi = domain(frame)
    px = lambda t: (t - lo) / (hi - lo) * width  # noqa: E731
    drawn = frame[frame["short_label"] != ""]
    assert len(drawn) >= 3
    for _, row in drawn.iterrows():
        size = len(row["short_label"]) * 6.3 + 12
        if row["label_side"] == "right":
            assert px(row["x"] if row["is_point"] else row["end"]) + size <= width + 1e-6, row["short_label"]
        else:
            assert px(row["x"] if row["is_point"] else row["start"]) - size >= -1e-6, row["short_label"]
    year = frame[frame["granularity"] == "year"].iloc[0]
    assert year["short_label"] == ""  # the whole axis: no room either side


def test_a_marks_aria_label_is_its_date_in_words_and_what_happened():
    frame = chart_frame(SEED)
    assert "Sunday 4 April 2021: headline 5" in set(frame["description"])
    assert "March 2003: headline 0" in set(frame["description"])
    both = pd.concat([SEED, SEED.assign(event_id=lambda f: "1-" + f["event_id"], source="b.txt")])
    assert "Sunday 4 April 2021: headline 5 (b.txt)" in set(chart_frame(both)["description"])
    layers = {layer.get("name"): layer for layer in spec(timeline_chart(SEED))["layer"]}
    for name in ("spans", "points"):
        assert layers[name]["encoding"]["description"]["field"] == "description"
        assert layers[name]["mark"]["ariaRoleDescription"] == "event"


def test_a_count_bars_aria_label_names_its_period_and_count():
    counts = pd.DataFrame({"period": pd.to_datetime(["2003-01-01", "2004-01-01"]),
                           "period_end": pd.to_datetime(["2004-01-01", "2005-01-01"]),
                           "events": [1234, 1], "articles": [10, 1], "label": ["2003", "2004"]})
    rows = counts_spec(counts)["datasets"][COUNTS_DATASET]
    assert list(rows["description"]) == ["2003: 1,234 events", "2004: 1 event"]


def test_tooltips_say_when_in_words():
    chart_spec = spec(timeline_chart(SEED))
    layer = next(layer for layer in chart_spec["layer"] if layer.get("name") == "points")
    assert layer["encoding"]["tooltip"][0]["field"] == "when"
    assert "Sunday 4 April 2021" in set(chart_frame(SEED)["when"])

@pytest.mark.parametrize("rows, hidden", [
    (SEED[SEED["granularity"] == "day"], "spans"),     # days only: no bar to draw
    (SEED[SEED["granularity"] != "day"], "points"),    # periods only: no point to draw
    (SEED, None),
])
def test_an_empty_clickable_layer_is_hidden_from_assistive_technology(rows, hidden):
    """Vega gives an empty mark container an image role without a name (axe-core: svg-img-alt, serious):
    the layer with no rows says aria=false; a layer with rows keeps its per-mark labels."""
    layers = {layer.get("name"): layer for layer in spec(timeline_chart(rows.reset_index(drop=True)))["layer"]}
    for name in ("spans", "points"):
        assert layers[name]["mark"].get("aria", True) is (name != hidden)


@pytest.mark.parametrize("rows, by_source", [(SEED, None), (SEED[SEED["granularity"] == "day"], None),
                                             (SEED, True)])
def test_the_spec_sent_to_the_page_is_valid_vega_lite(rows, by_source):
    """The spec template is built without validation (server start-up time): it is validated here."""
    from altair.utils.schemapi import validate_jsonschema
    from altair.vegalite.v6.schema import load_schema

    sent = timeline_spec(rows.reset_index(drop=True), color_by_source=by_source)
    sent.pop("datasets")
    validate_jsonschema(sent, load_schema())  # raises on the first schema error


COUNTS = pd.DataFrame({
    "period": pd.to_datetime(["2000-01-01", "2001-01-01", "2002-01-01"]),
    "period_end": pd.to_datetime(["2001-01-01", "2002-01-01", "2003-01-01"]),
    "events": [3, 5, 2], "articles": [1, 2, 2], "precise": [2, 5, 1], "spread": [1.0, 0.0, 1.04],
})


@pytest.mark.parametrize("counts", [COUNTS, COUNTS.drop(columns=["precise", "spread"]), COUNTS.head(0)])
def test_counts_spec_is_the_counts_chart_with_its_rows_by_name_and_valid_vega_lite(counts):
    """The bars' spec is built without validation at each redraw: the same chart as Altair's, validated here."""
    from altair.utils.schemapi import validate_jsonschema
    from altair.vegalite.v6.schema import load_schema

    fast = counts_spec(counts, selected="2001-01-01")
    full = spec(counts_chart(counts, selected="2001-01-01"))
    without = lambda s: _without_rows({**s, "layer": [{k: v for k, v in layer.items() if k != "data"}  # noqa: E731
                                                      for layer in s["layer"]]} if "layer" in s else s)
    assert without(fast) == without(full)
    rows = fast.pop("datasets")[COUNTS_DATASET]
    assert rows["selected"].tolist() == [b == "2001-01-01" for b in rows["bin_id"]]
    assert rows["bin_id"].tolist() == ["2000-01-01", "2001-01-01", "2002-01-01"][:len(counts)]
    validate_jsonschema(fast, load_schema())  # raises on the first schema error


def test_spec_templates_kept_on_disk_are_the_ones_built_and_never_name_articles(tmp_path):
    from timeline.chart import keep_templates_in

    try:
        keep_templates_in(tmp_path)
        built = timeline_spec(SEED)
        assert len(list(tmp_path.glob("*.json"))) == 1
        keep_templates_in(None)
        keep_templates_in(tmp_path)  # a restarted server: the template comes from the file
        assert timeline_spec(SEED)["layer"] == built["layer"] and timeline_spec(SEED)["params"] == built["params"]
        (path,) = tmp_path.glob("*.json")
        path.write_text("{broken", encoding="utf-8")  # a damaged file is rebuilt, never served
        keep_templates_in(None)
        keep_templates_in(tmp_path)
        assert timeline_spec(SEED)["layer"] == built["layer"]
        timeline_spec(SEED.assign(source=["secret-upload.txt", "b"] * 3 + ["b"]), color_by_source=True)
        assert not any("secret-upload" in p.read_text(encoding="utf-8") for p in tmp_path.glob("*.json"))
    finally:
        keep_templates_in(None)


def test_counts_templates_kept_on_disk_give_the_same_bars_after_a_restart(tmp_path):
    from timeline.chart import keep_templates_in

    try:
        keep_templates_in(tmp_path)
        built = counts_spec(COUNTS, selected="2001-01-01")
        assert len(list(tmp_path.glob("*.json"))) == 1
        keep_templates_in(None)
        keep_templates_in(tmp_path)  # a restarted server: the template comes from the file
        again = counts_spec(COUNTS, selected="2001-01-01")
        assert {k: v for k, v in again.items() if k != "datasets"} == {k: v for k, v in built.items() if k != "datasets"}
        assert again["datasets"]["counts"].equals(built["datasets"]["counts"])
        counts_spec(COUNTS.drop(columns=["precise", "spread"]))  # another shape, another file
        assert len(list(tmp_path.glob("*.json"))) == 2
    finally:
        keep_templates_in(None)


def _legend(frame: pd.DataFrame) -> dict:
    layer = timeline_spec(frame, color_by_source=True)["layer"][0]
    return layer["encoding"]["color"]["legend"]


def test_many_articles_legend_wraps_into_columns_that_fit_a_narrow_chart():
    """One row of eight file names ran past a 1,000 px window's chart: the last five articles were never
    named. The legend wraps into as many columns as fit; two short names stay side by side."""
    names = [f"XIN_ENG_2005110{i}.0{i}55" for i in range(8)]
    eight = SEED.head(1).merge(pd.DataFrame({"source": names}), how="cross", suffixes=("_", ""))
    eight = eight.drop(columns="source_").assign(event_id=[f"{i}-0" for i in range(8)])
    legend = _legend(eight)
    assert 1 <= legend["columns"] < 8
    assert legend["columns"] * (len(names[0]) * 6.8 + 34) <= 480  # each column a whole name, in 480 px
    two = SEED.assign(source=["a.txt", "b.txt"] * 3 + ["a.txt"])
    assert _legend(two).get("columns", 2) == 2


def test_axis_domain_is_the_time_the_chart_shows():
    """The key events' caption says what the axis shows: axis_domain is the spec's own time domain, with a
    window wider than the events (the axis hugs them) and with a decade cut at the axis's edge."""
    frame = events(("1997-04-02", "day", "1997-04-02", "1997-04-03"), ("1997-06-20", "day", "1997-06-20", "1997-06-21"),
                   ("199", "decade", "1990-01-01", "2000-01-01"))
    for window in ((1989, 1998), None):
        params = {p["name"]: p["value"] for p in timeline_spec(frame, window=window)["params"] if "value" in p}
        lo, hi = axis_domain(frame, window)
        assert (lo.value // 10**6, hi.value // 10**6) == (params["x_lo"], params["x_hi"])
        assert lo.year == hi.year == 1997
