"""Events DataFrame -> Altair timeline chart (pure: no Streamlit, no clock).

    frame = timeline.to_frame().assign(event_id=..., source="article.txt")
    chart = timeline_chart(frame)          # alt.LayerChart, click selection named "pick"

Honest granularity: a day is a point at the middle of its day; a month, a year or a
decade is a bar from the start of its interval to its end (Gantt style). Events are
stacked in lanes so that no two marks (nor their labels, when drawn) overlap.
"""

from __future__ import annotations

import collections
import copy
import functools
import hashlib
import heapq
import json
import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from timeline.describe import dates_in_words, shorten
from timeline.importance import frame_importance

if TYPE_CHECKING:  # imported where layers are built: a chart drawn from a kept template needs no Altair
    import altair as alt

PICK = "pick"
#: The name of the rows in a `timeline_spec`.
DATASET = "events"
COUNTS = "counts"  # the dataset name of counts_spec's rows
_X_PARAMS = ("x_lo", "x_hi")  # the time domain's parameters
_SHAPE_LOCKS: dict[ChartShape, threading.Lock] = {}  # one per shape being built (see _template)
_SHAPE_LOCKS_LOCK = threading.Lock()
_EMPTY_DOMAIN = (pd.Timestamp("2000-01-01"), pd.Timestamp("2001-01-01"))  # the time axis of a chart without events
#: Granularities drawn as a point; every coarser one is drawn as a span.
POINT_GRANULARITIES = frozenset({"day", "time"})
#: Coarse to fine, the order used in legends and filters.
GRANULARITY_ORDER = ("century", "decade", "year", "season", "quarter", "month", "week", "day", "time")
_GRANULARITY_COLOURS = (
    "#6c5b7b", "#8e6bb1", "#3f6fb0", "#e9a03b", "#b5838d", "#2a9d8f", "#f08a4b", "#d1495b", "#9b2335",
)
#: Columns the chart reads; everything else is dropped before charting (all of it is sent to the browser).
CHART_COLUMNS = (
    "event_id", "start", "end", "x", "lane", "granularity", "value", "expression", "headline", "short_label",
    "source", "interval", "when", "description", "is_point", "selected", "clipped_left", "clipped_right",
)
#: Spans of these granularities do not set the default time axis (they are cut at its edges).
COARSE_GRANULARITIES = frozenset({"decade", "century"})
SUB_YEAR_EXCLUDED = COARSE_GRANULARITIES | {"year"}
HUG_SHARE = 0.8  # the axis fits the events dated within a year when they are this share of those drawn
LABEL_LIMIT = 40  # at most this many events get a text label beside their mark
LABEL_LANES = 30  # labels are dropped (least important first) until the marks fit in this many lanes
_LABEL_CHARS = 42  # an event's short headline fits (timeline.events.headline.SHORT_MAX)
_CHAR_PX = 6.3  # average width of an 11px label character
_LEAST_LABEL_CHARS = 12  # a label cut shorter than this says too little to be drawn
_MAX_LANES = 60  # past this many lanes marks may overlap (a lane is then 9 px)
#: The plot width (px) lanes and labels are laid out for when the page has not said how wide the chart is.
DEFAULT_WIDTH = 900
#: Past this many articles in view the chart is coloured by precision, not by article: the palette
#: (tableau10) has ten colours, so an eleventh article would share one and the legend would mislead.
SOURCE_COLOURS = 10
_LEGEND_PX = 480  # the narrowest chart the article legend must fit in (a 1,000 px window beside the sidebar)
_LEGEND_LABEL_PX = 240  # an article's name is cut past this
_PICK_COLOUR = "#1f2933"  # the picked event's ring or outline, and the arrows at a cut span's ends
_LEGEND_CHAR_PX = 6.8  # average width of a 12 px legend label character
_LEGEND_ENTRY_PX = 34  # symbol, gap and padding of one legend entry
DAY = pd.Timedelta(days=1)


def assign_lanes(
    starts: Sequence[float], ends: Sequence[float], *, max_lanes: int | None = None
) -> list[int]:
    """A lane (row) for each interval [start, end) so that intervals in one lane never overlap.

    Greedy interval partitioning in order of start: each interval takes the lowest lane that is
    free at its start, which uses the fewest lanes possible. Touching intervals ([a, b) and
    [b, c)) share a lane. With `max_lanes`, an interval that finds every lane busy goes to
    the lane that frees first (overlap is then unavoidable).

        >>> assign_lanes([0, 1, 5], [4, 3, 6])
        [0, 1, 0]
    """
    if len(starts) != len(ends):
        raise ValueError("starts and ends differ in length")
    order = sorted(range(len(starts)), key=lambda i: (starts[i], ends[i], i))
    lanes = [0] * len(starts)
    busy: list[tuple[float, int]] = []  # (end, lane) of the last interval in each busy lane
    free: list[int] = []  # lanes free at the current start
    count = 0
    for i in order:
        while busy and busy[0][0] <= starts[i]:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            lane = heapq.heappop(free)
        elif max_lanes is None or count < max_lanes:
            lane, count = count, count + 1
        else:
            lane = heapq.heappop(busy)[1]
        lanes[i] = lane
        heapq.heappush(busy, (max(ends[i], starts[i]), lane))
    return lanes


def _text_column(events: pd.DataFrame, name: str) -> list[str]:
    """A text column of `events` as strings ('' where missing or absent)."""
    if name not in events:
        return [""] * len(events)
    return list(events[name].fillna("").astype(str))


def interval_text(start: pd.Timestamp, end: pd.Timestamp) -> str:
    """The closed range a half-open [start, end) covers, as a reader says it: '2019-03-01 – 2019-03-31'."""
    last = end - DAY
    if last <= start:
        return _ymd(start)
    return f"{_ymd(start)} – {_ymd(last)}"


def _ymd(t: pd.Timestamp) -> str:
    """YYYY-MM-DD, the year in four digits (as pandas' strftime on a column writes it) also before 1000."""
    return f"{t.year:04d}-{t.month:02d}-{t.day:02d}"


def interval_texts(starts: pd.Series, ends: pd.Series) -> list[str]:
    """`interval_text` of each (start, end) pair, for whole columns at once (a chart redraws hundreds)."""
    starts, ends = pd.to_datetime(pd.Series(starts)), pd.to_datetime(pd.Series(ends))
    first, last = starts.dt.strftime("%Y-%m-%d").tolist(), (ends - DAY).dt.strftime("%Y-%m-%d").tolist()
    one_day = ((ends - DAY) <= starts).tolist()
    return [a if single else f"{a} – {b}" for a, b, single in zip(first, last, one_day, strict=True)]


def domain(frame: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The padded time range to show: a little room either side, at least about a month in all.

    Padding keeps a single event from zooming the axis to hours.
    """
    lo, hi = pd.Timestamp(frame["start"].min()), pd.Timestamp(frame["end"].max())
    pad = max((hi - lo) * 0.03, pd.Timedelta(days=15))
    return lo - pad, hi + pad


def default_years(events: pd.DataFrame) -> tuple[int, int]:
    """The years a chart of `events` spans when no window is given: those of the events dated to a year or
    finer (a decade or a century then only shows where it meets them), else those of all events."""
    fine = events[~events["granularity"].astype(str).isin(COARSE_GRANULARITIES)]
    rows = fine if len(fine) else events
    last = pd.to_datetime(rows["end"]) - DAY
    return int(pd.to_datetime(rows["start"]).min().year), int(last.max().year)


def mark_descriptions(frame: pd.DataFrame, *, with_source: bool | None = None) -> list[str]:
    """What a screen reader says of each event's mark (its ARIA label): the date in words, then what happened,
    then the article (`with_source`; None: when the events come from several): "Sunday 4 April 2021: Two
    rockets were fired on the Balad air base". Needs the columns when, headline, expression and source; a
    `chart_frame` takes them from a `description` column of its events when there is one."""
    what = [h or e for h, e in zip(frame["headline"].fillna(""), frame["expression"], strict=True)]
    text = [f"{when}: {w}" for when, w in zip(frame["when"], what, strict=True)]
    if with_source or with_source is None and frame["source"].nunique() > 1:
        text = [f"{t} ({source})" for t, source in zip(text, frame["source"], strict=True)]
    return text


def window_bounds(years: tuple[int, int]) -> tuple[pd.Timestamp, pd.Timestamp]:
    """[1 January of the first year, 1 January after the last) as timestamps."""
    return pd.Timestamp(year=years[0], month=1, day=1), pd.Timestamp(year=years[1] + 1, month=1, day=1)


def chart_frame(
    events: pd.DataFrame, *, selected: str | None = None, labels: bool | None = None, width: int = DEFAULT_WIDTH,
    window: tuple[int, int] | None = None,
) -> pd.DataFrame:
    """The data the chart draws: one row per event in view with its lane, mark position and tooltip texts.

    `events` needs event_id, start, end (datetimes, [start, end)), granularity, value, expression,
    headline and source; an `importance` column (timeline.importance) decides which events get a label
    when not all fit (computed when absent), and a `when` column gives the dates in words (made from
    `value` and `mod` with timeline.describe.dates_in_words when absent). The time axis covers the years of `window` (default:
    `default_years`), narrowed to the events dated within a year (when they are HUG_SHARE of all) or to a
    year or finer: events outside it are left out, and
    a span reaching past it is cut at its edge
    (clipped_left/clipped_right say so; `interval` and `when` keep the whole span), so no span stretches
    the axis. Lanes keep marks, and the labels drawn, apart on a plot at least `width` px wide (a wider plot only
    spreads them further), and a label stays inside the plot; with `labels` None the most important events are
    labelled, as many as fit in readable lanes.
    """
    if len(events) and "importance" not in events:
        events = events.assign(importance=frame_importance(events))
    frame = pd.DataFrame({
        "event_id": events["event_id"].astype(str),
        "start": pd.to_datetime(events["start"]),
        "end": pd.to_datetime(events["end"]),
        "granularity": events["granularity"].astype(str),
        "value": events["value"].astype(str),
        "expression": events["expression"].astype(str),
        "headline": _text_column(events, "headline"),
        "source": events["source"].astype(str) if "source" in events else "",
        "label_text": [shorten(short or long or expression, _LABEL_CHARS) for short, long, expression in zip(
            _text_column(events, "short_headline"), _text_column(events, "headline"),
            _text_column(events, "expression"), strict=True)],
        "importance": events["importance"].astype(float) if len(events) else 0.0,
    }).reset_index(drop=True)
    if frame.empty:
        return frame.assign(x=frame["start"], lane=0, short_label="", interval="", when="", description="",
                            is_point=False, selected=False, clipped_left=False, clipped_right=False)[list(CHART_COLUMNS)]
    frame["interval"] = interval_texts(frame["start"], frame["end"])
    # app.story.with_importance has written them already
    frame["when"] = (list(events["when"].astype(str)) if "when" in events
                     else dates_in_words(events["value"], events.get("mod")))
    frame["description"] = list(events["description"].astype(str)) if "description" in events else mark_descriptions(frame)
    frame, (w_lo, w_hi) = _on_axis(frame, window)
    frame["clipped_left"], frame["clipped_right"] = frame["start"] < w_lo, frame["end"] > w_hi
    # both ends kept on the axis: a coarse span wholly before (after) the narrowed axis is drawn as an arrow at its
    # edge, not as a bar running backwards out of the plot
    frame["start"] = frame["start"].clip(lower=w_lo, upper=w_hi)
    frame["end"] = frame["end"].clip(lower=w_lo, upper=w_hi)
    frame["is_point"] = frame["granularity"].isin(POINT_GRANULARITIES)
    frame["x"] = frame["start"].where(~frame["is_point"], frame["start"] + (frame["end"] - frame["start"]) / 2)
    frame["selected"] = frame["event_id"] == selected if selected is not None else False
    if frame.empty:
        return frame.assign(lane=0, short_label="")[list(CHART_COLUMNS)]
    frame = _lay_out(frame, labels, width)
    # UTC timestamps so the browser and the PNG/SVG exporter never shift a date by a time zone.
    for column in ("start", "end", "x"):
        frame[column] = frame[column].dt.tz_localize("UTC")
    keep = list(CHART_COLUMNS) + (["label_side"] if "label_side" in frame else [])
    return frame[keep]


def _on_axis(frame: pd.DataFrame, window: tuple[int, int] | None) -> tuple[pd.DataFrame, tuple[pd.Timestamp, pd.Timestamp]]:
    """The rows of `frame` (start, end, granularity) in the years of `window` (default: `default_years`), and the
    time the axis gives them, before padding: it hugs the events dated within a year when they are most of them,
    else those dated to a year or finer (a year, a decade or a century around them is cut at the edge, with an
    arrow)."""
    w_lo, w_hi = window_bounds(window or default_years(frame))
    frame = frame[(frame["start"] < w_hi) & (frame["end"] > w_lo)].reset_index(drop=True)
    for coarse in (SUB_YEAR_EXCLUDED, COARSE_GRANULARITIES):
        fine = frame[~frame["granularity"].isin(coarse)]
        if len(fine) and len(fine) >= HUG_SHARE * len(frame) or coarse is COARSE_GRANULARITIES and len(fine):
            w_lo, w_hi = max(w_lo, fine["start"].min()), min(w_hi, fine["end"].max())
            break
    return frame, (w_lo, w_hi)


def axis_domain(events: pd.DataFrame, window: tuple[int, int] | None = None) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The time the chart of `events` (start, end, granularity) shows, as `timeline_spec(events, window=window)`
    draws it: padded (`domain`), spans cut at the axis's edges; `_EMPTY_DOMAIN` when none is in the window."""
    frame = pd.DataFrame({"start": pd.to_datetime(events["start"]), "end": pd.to_datetime(events["end"]),
                          "granularity": events["granularity"].astype(str)})
    frame, (lo, hi) = _on_axis(frame, window)
    return _x_domain(frame.assign(start=frame["start"].clip(lo, hi), end=frame["end"].clip(lo, hi)))


def _lay_out(frame: pd.DataFrame, labels: bool | None, width: int) -> pd.DataFrame:
    """Lanes and labels: the most important events first get a label, as many as keep the lanes readable
    (at most LABEL_LANES); marks and labels in one lane never overlap."""
    lo, hi = domain(frame)
    ms_per_px = (hi - lo).total_seconds() * 1000 / width
    ms = lambda column: frame[column].astype("datetime64[ms]").astype("int64")  # noqa: E731
    start_ms, end_ms, x_ms = ms("start"), ms("end"), ms("x")
    # What a mark occupies on screen: its interval, at least a point's width.
    left = start_ms.where(~frame["is_point"], x_ms - 7 * ms_per_px)
    right = pd.concat([end_ms, x_ms + 7 * ms_per_px], axis=1).max(axis=1)
    # Labels go right of a mark in the left half of the axis and left of it in the right half, unless that side
    # runs past the plot's edge and the other does not. A label too long for either side is cut to the larger
    # one (none when fewer than _LEAST_LABEL_CHARS fit).
    lo_ms, hi_ms = lo.value // 1_000_000, hi.value // 1_000_000
    room = (np.maximum(hi_ms - right, left - lo_ms) / ms_per_px - 12) // _CHAR_PX  # characters beside the mark
    frame["label_text"] = [text if len(text) <= n else shorten(text, int(n)) if n >= _LEAST_LABEL_CHARS else ""
                           for text, n in zip(frame["label_text"], room, strict=True)]
    label_ms = (frame["label_text"].str.len() * _CHAR_PX + 12) * ms_per_px
    fits_right, fits_left = right + label_ms <= hi_ms, left - label_ms >= lo_ms
    on_right = ((x_ms < (lo_ms + hi_ms) / 2) & fits_right) | ~fits_left
    order = frame["importance"].sort_values(ascending=False, kind="stable").index
    order = order[frame["label_text"].ne("")[order].to_numpy()]
    count = 0 if labels is False else len(order) if labels else min(len(order), LABEL_LIMIT)
    # The loop on NumPy arrays (pandas' alignment costs more than the lanes): frame has a RangeIndex.
    left_a, right_a, label_a = (column.to_numpy(dtype="float64") for column in (left, right, label_ms))
    on_right_a = on_right.to_numpy(dtype=bool)
    positions = order.to_numpy()
    while True:
        labelled = np.zeros(len(frame), dtype=bool)
        labelled[positions[:count]] = True
        lefts = np.where(labelled & ~on_right_a, left_a - label_a, left_a)
        rights = np.where(labelled & on_right_a, right_a + label_a, right_a)
        lanes = assign_lanes(lefts.tolist(), (rights + 2 * ms_per_px).tolist(), max_lanes=_MAX_LANES)
        if count == 0 or labels or max(lanes) < LABEL_LANES:
            break
        count = count * 2 // 3  # fewer labels, the least important dropped first
    with_label = pd.Series(labelled, index=frame.index)
    frame["lane"] = lanes
    sides = on_right.map({True: "right", False: "left"}).where(with_label, "")
    if count == 0 and labels is None:  # too many lanes for labels of their own: label where there is room
        bounds = (lo_ms, hi_ms)
        sides = _labels_in_free_space(order, lanes, left, right, label_ms, on_right.map({True: "right", False: "left"}),
                                      bounds, near=_lane_step(max(lanes) + 1) < 16)
        with_label = sides != ""
    frame["short_label"] = frame["label_text"].where(with_label, "")
    if with_label.any():
        frame["label_side"] = sides
    return frame


def _labels_in_free_space(order, lanes: list[int], left: pd.Series, right: pd.Series, label_ms: pd.Series,
                          preferred: pd.Series, bounds: tuple[float, float], *, near: bool) -> pd.Series:
    """Labels for the most important events (at most LABEL_LIMIT) wherever their lane has room beside the
    mark (the preferred side first); with `near`, lanes are closer than a line of text, so a label also
    keeps clear of the labels in the lanes next to it. The side of each label, '' for none."""
    # Plain lists, not Series: the loop reads them item by item (pandas' indexing cost ~45 ms at 90 events).
    index = list(left.index)
    position = {i: p for p, i in enumerate(index)}
    lefts, rights, sizes, wanted = left.tolist(), right.tolist(), label_ms.tolist(), preferred.tolist()
    marks: dict[int, list[tuple[float, float]]] = {}
    for p, lane in enumerate(lanes):
        marks.setdefault(lane, []).append((lefts[p], rights[p]))
    texts: dict[int, list[tuple[float, float]]] = {}
    sides = [""] * len(index)
    placed = 0
    clear = lambda box, boxes: all(box[1] <= a or box[0] >= b for a, b in boxes)  # noqa: E731
    for i in order:
        if placed >= LABEL_LIMIT:
            break
        p = position[i]
        lane, mark = lanes[p], (lefts[p], rights[p])
        for side in (wanted[p], "left" if wanted[p] == "right" else "right"):
            box = (rights[p], rights[p] + sizes[p]) if side == "right" else (lefts[p] - sizes[p], lefts[p])
            neighbours = [b for n in ((lane - 1, lane, lane + 1) if near else (lane,)) for b in texts.get(n, [])]
            own = [m for m in marks[lane] if m != mark]
            if bounds[0] <= box[0] and box[1] <= bounds[1] and clear(box, own) and clear(box, neighbours):
                sides[p], placed = side, placed + 1
                marks[lane].append(box)
                texts.setdefault(lane, []).append(box)
                break
    return pd.Series(sides, index=left.index)


def _lane_step(lanes: int) -> int:
    if lanes <= 10:
        return 26
    if lanes <= LABEL_LANES:
        return 18
    return max(9, 540 // lanes)


@dataclass(frozen=True)
class ChartShape:
    """Everything of a timeline chart but its rows: two frames with one shape draw with one spec."""

    labels: bool
    color_by_source: bool
    granularities: tuple[str, ...]  # the colour domain when coloured by precision
    sources: tuple[str, ...]  # the colour domain when coloured by article
    step: int  # pixels per lane
    axis_format: str  # the time axis's labels; the time domain itself is a parameter of the spec
    width: int | str
    title: str | None
    # Which of the two clickable layers hold rows: an empty one is hidden from assistive technology
    # (Vega gives an empty mark container an image role without a name, an axe-core violation).
    spans: bool = True
    points: bool = True
    # Whether a span is cut at an edge of the axis: the arrows' layer is drawn only then (a layer costs the browser
    # a dataflow, its transforms and its tooltip's expressions on every draw, with rows or without).
    edges: bool = True


def chart_shape(frame: pd.DataFrame, *, color_by_source: bool | None = None, width: int | str = "container",
                title: str | None = None) -> ChartShape:
    """The shape of the chart of `frame` (a `chart_frame`)."""
    found = set(frame["granularity"])
    present = [g for g in GRANULARITY_ORDER if g in found]
    lanes = int(frame["lane"].max()) + 1 if len(frame) else 1
    lo, hi = _x_domain(frame)
    by_source = 1 < frame["source"].nunique() <= SOURCE_COLOURS if color_by_source is None else color_by_source
    return ChartShape(
        labels="label_side" in frame, color_by_source=by_source,
        granularities=() if by_source else (*present, *sorted(found - set(present))),
        sources=tuple(sorted(set(frame["source"]))) if by_source else (),
        step=_lane_step(lanes), axis_format=_axis_format(hi - lo), width=width, title=title,
        spans=bool((~frame["is_point"]).any()), points=bool(frame["is_point"].any()),
        edges=bool((frame["clipped_left"] | frame["clipped_right"]).any()),
    )


def timeline_chart(
    events: pd.DataFrame,
    *,
    selected: str | None = None,
    color_by_source: bool | None = None,
    labels: bool | None = None,
    width: int | str = "container",
    title: str | None = None,
    window: tuple[int, int] | None = None,
    layout_width: int | None = None,
) -> alt.LayerChart:
    """A horizontal timeline of `events` (see `chart_frame` for the columns it needs).

    Points for day events, bars [start, end) for coarser ones, one lane per overlapping group,
    colour by source when there are several but no more than SOURCE_COLOURS (else by granularity), tooltips with the date as
    written and as normalised. Clicking a point or bar sets the selection parameter "pick"
    (field event_id) and clicking elsewhere clears it; `selected` draws a ring around that event.
    Lanes and labels are laid out for a plot `layout_width` px wide (default: `width` when it is a number,
    else DEFAULT_WIDTH): a "container" chart is as wide as the page makes it, which only the browser knows.
    """
    frame = chart_frame(events, selected=selected, labels=labels, width=_layout_px(width, layout_width),
                        window=window)
    return _layered(frame, chart_shape(frame, color_by_source=color_by_source, width=width, title=title),
                    _x_domain(frame))


def timeline_spec(
    events: pd.DataFrame,
    *,
    selected: str | None = None,
    color_by_source: bool | None = None,
    labels: bool | None = None,
    width: int | str = "container",
    window: tuple[int, int] | None = None,
    layout_width: int | None = None,
) -> dict:
    """`timeline_chart` as a Vega-Lite spec for `st.vega_lite_chart`, its rows (a `chart_frame`) under
    datasets[DATASET] as a DataFrame.

    Building, validating and converting the Altair layers costs far more than the rows (seed article:
    about 170 ms against 13 ms here, seconds when a server is busy), and only a few small facts shape
    them: the spec is made once per `ChartShape` and kept, so a filter or a click only recomputes the
    rows and the time domain (the values of two parameters). The rows are kept too, by the content of
    the events they come from (`_chart_rows`): a click, an undo or a filter set back draws rows laid out
    before without laying them out again.
    """
    frame = _chart_rows(events, selected, labels, _layout_px(width, layout_width), window)
    shape = chart_shape(frame, color_by_source=color_by_source, width=width)
    spec = copy.deepcopy(_template(shape))
    bounds = dict(zip(_X_PARAMS, map(_epoch_ms, _x_domain(frame)), strict=True))
    for param in spec["params"]:
        if param["name"] in bounds:
            param["value"] = bounds[param["name"]]
    spec["datasets"] = {DATASET: frame}
    return spec


def _layout_px(width: int | str, layout_width: int | None) -> int:
    """The plot width to lay lanes and labels out for: `layout_width`, else a numeric `width`, else DEFAULT_WIDTH."""
    if layout_width:
        return int(layout_width)
    return width if isinstance(width, int) else DEFAULT_WIDTH


#: The columns `chart_frame` reads from its events (with importance, computed when absent).
_ROW_INPUTS = ("event_id", "start", "end", "granularity", "value", "mod", "expression", "headline", "short_headline",
               "source", "importance", "when", "description")
_ROWS_KEPT = 32  # chart rows kept by content: a few views of a few sessions (500 events: about 200 KB each)
_ROWS: collections.OrderedDict[tuple, pd.DataFrame] = collections.OrderedDict()
_ROWS_LOCK = threading.Lock()


def _chart_rows(events: pd.DataFrame, selected: str | None, labels: bool | None, width: int,
                window: tuple[int, int] | None) -> pd.DataFrame:
    """`chart_frame(events, ...)`, the lanes and labels laid out once per content of `events` (about 25 ms
    at 500 events, against 3 ms to digest them): the pick only sets the `selected` column, which the layout
    never reads, so a click, an undo or a filter set back reuses rows laid out before."""
    if len(events) and "importance" not in events:
        events = events.assign(importance=frame_importance(events))
    columns = [c for c in _ROW_INPUTS if c in events]
    digest = hashlib.blake2b(pd.util.hash_pandas_object(events[columns], index=False).to_numpy().tobytes(),
                             digest_size=16).hexdigest()
    key = (digest, tuple(columns), tuple(map(str, events[columns].dtypes)), labels, width, window)
    with _ROWS_LOCK:
        frame = _ROWS.get(key)
        if frame is not None:
            _ROWS.move_to_end(key)
    if frame is None:
        frame = chart_frame(events, labels=labels, width=width, window=window)
        with _ROWS_LOCK:
            _ROWS[key] = frame
            while len(_ROWS) > _ROWS_KEPT:
                _ROWS.popitem(last=False)
    # A copy: the rows kept must not change with what a caller does to the ones it gets.
    return frame.assign(selected=frame["event_id"] == selected if selected is not None else False)


def _template(shape: ChartShape) -> dict:
    """`_spec_template(shape)`, built once when several sessions ask for one new shape at once; a session
    drawing a shape already built never waits for another shape's build (100-200 ms of Altair)."""
    with _SHAPE_LOCKS_LOCK:
        if len(_SHAPE_LOCKS) > 1024:  # the locks of shapes built long ago; a build in progress keeps its own
            _SHAPE_LOCKS.clear()
        lock = _SHAPE_LOCKS.setdefault(shape, threading.Lock())
    with lock:
        return _spec_template(shape)


def keep_templates_in(folder: Path | None) -> None:
    """Keep the charts' spec templates (timeline and counts) as JSON files in `folder` too (None: in memory only,
    the default), so
    that a restarted server draws its first chart without building the Altair layers again (about 0.3 s on a
    quiet machine, over a second on a loaded one). A file is named by a digest of its shape, the Altair
    version and this module's source: a change to any of them makes new files; one that cannot be read or
    written is rebuilt in memory. Shapes naming articles or a title (colour by article) are never written:
    what a user pasted or uploaded stays in memory."""
    global _TEMPLATE_DIR  # noqa: PLW0603 (a setting of the app, made once at start-up)
    if folder != _TEMPLATE_DIR:
        _TEMPLATE_DIR = folder
        _spec_template.cache_clear()
        _counts_template.cache_clear()


_TEMPLATE_DIR: Path | None = None


@functools.lru_cache(maxsize=256)
def _spec_template(shape: ChartShape) -> dict:
    """The chart's Vega-Lite spec for rows of `shape`, reading them from the dataset named DATASET."""
    # Not validated against the Vega-Lite schema again (a large part of a first chart's cost): the layers are
    # this module's own, and tests/test_chart.py validates every shape it builds.
    def build() -> dict:
        import altair as alt

        return _as_drawn(_layered(alt.NamedData(name=DATASET), shape, _EMPTY_DOMAIN).to_dict(validate=False))

    if shape.sources or shape.title:  # names from the user's articles: never written to disk
        return build()
    return _kept_on_disk(repr(shape), build)


def _as_drawn(spec: dict) -> dict:
    """An Altair spec as st.altair_chart draws it: no $schema, no default theme's 300 px continuous sizes."""
    spec.pop("$schema", None)
    for size in ("continuousWidth", "continuousHeight"):
        spec.get("config", {}).get("view", {}).pop(size, None)
    return spec


def _kept_on_disk(key: str, build: Callable[[], dict]) -> dict:
    """`build()`, or the JSON file in _TEMPLATE_DIR that an earlier `build()` for `key` wrote (keep_templates_in)."""
    if _TEMPLATE_DIR is None:
        return build()
    path = _TEMPLATE_DIR / f"{_template_digest(key)}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    spec = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps(spec), encoding="utf-8")
        os.replace(partial, path)  # whole or absent, even with two servers writing it
    except OSError:
        pass
    return spec


@functools.cache
def _module_digest() -> str:
    return hashlib.sha256(Path(__file__).read_bytes() + version("altair").encode()).hexdigest()


def _template_digest(key: str) -> str:
    return hashlib.sha256(f"{_module_digest()}|{key}".encode()).hexdigest()[:32]


def _x_domain(frame: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp]:
    return domain(frame) if len(frame) else _EMPTY_DOMAIN


def _layered(data: pd.DataFrame | alt.NamedData, shape: ChartShape,
             x_domain: tuple[pd.Timestamp, pd.Timestamp]) -> alt.LayerChart:
    """The chart's layers over `data` (rows of `shape`): spans and points (the picked one outlined), the arrows
    at cut spans' ends when `shape.edges`, and the labels when `shape.labels`; the time axis spans `x_domain`,
    through two parameters."""
    import altair as alt

    labels, step = shape.labels, shape.step
    bounds = [alt.param(name=name, value=_epoch_ms(t)) for name, t in zip(_X_PARAMS, x_domain, strict=True)]
    x_scale = alt.Scale(type="utc", domain=[alt.ExprRef(expr=name) for name in _X_PARAMS])
    x_axis = alt.Axis(title=None, grid=True, gridOpacity=0.35, labelFlush=True, tickCount=8,
                      format=shape.axis_format)
    y = alt.Y("lane:O", axis=None, scale=alt.Scale(paddingInner=0.3, paddingOuter=0.3))
    if shape.color_by_source:
        # An explicit domain: the bars' outline (stroke) and fill are two scales that must agree.
        colour = {"shorthand": "source:N", "title": "Article",
                  "scale": alt.Scale(domain=list(shape.sources), scheme="tableau10")}
        legend = alt.Legend(orient="top", labelLimit=_LEGEND_LABEL_PX, columns=_legend_columns(shape.sources))
    else:
        palette = dict(zip(GRANULARITY_ORDER, _GRANULARITY_COLOURS, strict=True))
        colour = {"shorthand": "granularity:N", "title": "Precision",
                  "scale": alt.Scale(domain=list(shape.granularities),
                                     range=[palette.get(g, "#888888") for g in shape.granularities])}
        legend = alt.Legend(orient="top", symbolType="circle")
    color = alt.Color(**colour, legend=legend)
    stroke = alt.Stroke(**colour, legend=None)  # the bars' outline: the same colours, no second legend
    tooltip = [
        alt.Tooltip("when:N", title="When"),
        alt.Tooltip("expression:N", title="As written"),
        alt.Tooltip("value:N", title="Normalised"),
        alt.Tooltip("granularity:N", title="Precision"),
        alt.Tooltip("interval:N", title="Covers"),
        alt.Tooltip("headline:N", title="What happened"),
        alt.Tooltip("source:N", title="Article"),
    ]
    base = alt.Chart(data).encode(y=y)
    # The picked span: a dark outline drawn from the data, not from the client-side selection, so a
    # pick from the table shows on the chart too (a condition, not a layer of its own: each layer costs
    # the browser a dataflow and a mark group on every draw).
    picked = "datum.selected"
    spans = (
        base.transform_filter("!datum.is_point")
        .mark_bar(cornerRadius=3, fillOpacity=0.85, cursor="pointer", aria=shape.spans,
                  ariaRoleDescription="event")
        .encode(x=alt.X("start:T", axis=x_axis), x2="end:T", color=color,
                stroke=alt.condition(picked, alt.value(_PICK_COLOUR), stroke),
                strokeWidth=alt.condition(picked, alt.value(2.5), alt.value(1)),
                strokeOpacity=alt.condition(picked, alt.value(1), alt.value(0.85)),
                tooltip=tooltip, description="description:N")
        .properties(name="spans")
        # Vega-Lite listens for the click on the whole layered view: a click on any mark (point,
        # bar or label) selects its event_id, so the parameter lives on one layer only.
        .add_params(alt.selection_point(name=PICK, fields=["event_id"], empty=False))
    )
    # The picked point: drawn larger with a dark outline, a condition like the picked span's (its own ring layer
    # cost the browser a dataflow on every draw).
    size = min(110, int((step * 0.62) ** 2))
    points = (
        base.transform_filter("datum.is_point")
        .mark_point(filled=True, opacity=0.95, cursor="pointer", aria=shape.points, ariaRoleDescription="event")
        # The padded domain sits here, not on the bars: Vega-Lite mishandles an explicit domain
        # next to x2. An explicit domain on one layer wins over the others' data extents.
        .encode(x=alt.X("x:T", scale=x_scale, axis=x_axis), color=color, tooltip=tooltip,
                description="description:N",
                size=alt.condition(picked, alt.value(max(2 * size, 150)), alt.value(size)),
                stroke=alt.condition(picked, alt.value(_PICK_COLOUR), alt.value("white")),
                strokeWidth=alt.condition(picked, alt.value(2.5), alt.value(1 if step > 15 else 0.5)))
        .properties(name="points")
    )
    # A span cut at the edge of the view ends in an arrow pointing on past it: one row per cut end.
    edges = (
        base.transform_filter("datum.clipped_left || datum.clipped_right")
        .transform_fold(["clipped_left", "clipped_right"], as_=["edge", "cut"])
        .transform_filter("datum.cut")
        .transform_calculate(edgex="datum.edge == 'clipped_left' ? datum.start : datum.end")
        .mark_point(shape=alt.ExprRef("datum.edge == 'clipped_left' ? 'triangle-left' : 'triangle-right'"),
                    filled=True, size=min(60, int((step * 0.5) ** 2)), color=_PICK_COLOUR, opacity=0.8,
                    aria=False)
        .encode(x=alt.X("edgex:T"), tooltip=tooltip)
    )
    layers = [spans, points, *([edges] if shape.edges else [])]
    if labels:
        # Right of its mark, or left of it (then aligned on its end): one layer, the side read per row.
        right = "datum.label_side == 'right'"
        layers.append(
            base.transform_filter("datum.short_label && datum.label_side")
            .mark_text(align=alt.ExprRef(f"{right} ? 'left' : 'right'"), dx=alt.ExprRef(f"{right} ? 9 : -9"),
                       fontSize=11, color="#3d4852", aria=False)
            .encode(x=alt.X("labelx:T"), text="short_label:N")
            .transform_calculate(labelx=f"datum.is_point ? datum.x : ({right} ? datum.end : datum.start)")
        )
    chart = alt.layer(*layers).add_params(*bounds).properties(width=shape.width, height=alt.Step(step))
    if shape.title:
        chart = chart.properties(title=alt.Title(shape.title, anchor="start", fontSize=14))
    return chart.configure_view(stroke=None).configure_axis(labelColor="#52606d", domainColor="#cbd2d9")


def _legend_columns(names: Sequence[str]) -> int:
    """How many articles' names the legend puts side by side: all of them when they fit in the narrowest chart,
    else as many columns as fit (one row would run past the chart's right edge, out of sight)."""
    entry = min(_LEGEND_LABEL_PX, max((len(n) for n in names), default=0) * _LEGEND_CHAR_PX) + _LEGEND_ENTRY_PX
    return max(1, min(len(names), int(_LEGEND_PX // entry))) if entry * len(names) > _LEGEND_PX else len(names)


def _epoch_ms(moment: pd.Timestamp) -> int:
    """`moment` (to the hour) as UTC milliseconds since 1970, as the time scale reads it."""
    return int(pd.Timestamp(moment).tz_localize(None).floor("h").value // 1_000_000)


def _axis_format(span: pd.Timedelta) -> str:
    """Year labels for long ranges, month labels for a few years, days below that. Years are not padded ("%-Y"):
    a view reaching back to a year before 1000 reads "900", not "0900"."""
    if span > pd.Timedelta(days=365 * 4):
        return "%-Y"
    if span > pd.Timedelta(days=120):
        return "%b %-Y"
    return "%d %b %-Y"


BIN = "bin"


def counts_chart(
    counts: pd.DataFrame, *, selected: str | None = None, width: int | str = "container", height: int = 260,
) -> alt.Chart | alt.LayerChart:
    """Bars of events per period (a `count_by_period` frame: period, period_end, events, articles).

    Each bar spans its period [period, period_end); clicking one sets the selection parameter "bin"
    (field bin_id, the period's first day as 'YYYY-MM-DD') and clicking elsewhere clears it.
    `selected` (a bin_id) is drawn darker, from the data, so it shows after a rerun too.
    With the columns `precise` and `spread` (timeline.collection.windows.count_spread) a bar stacks the
    events dated within its period and, lighter, its share of the coarser dates spread over their span.
    A bar's ARIA label names its period by the column `label` ('2003', 'March 2003'; default: its first and
    last days) and says its count: '2003: 1,234 events'.
    """
    frame, spread, axis_format = _counts_frame(counts, selected)
    return _counts_layers(frame, spread, axis_format, width, height)


def counts_spec(
    counts: pd.DataFrame, *, selected: str | None = None, width: int | str = "container", height: int = 260,
) -> dict:
    """`counts_chart` as a Vega-Lite spec for `st.vega_lite_chart`, its rows under datasets[COUNTS] as a
    DataFrame. The layers are built and converted once per shape (spread or not, axis format, size) and not
    validated against the Vega-Lite schema at each redraw (Altair's validation: about 0.7 s on a server's
    first chart, tens of milliseconds after; tests/test_chart.py validates the shapes instead)."""
    frame, spread, axis_format = _counts_frame(counts, selected)
    spec = copy.deepcopy(_counts_template(spread, axis_format, width, height))
    spec["datasets"] = {COUNTS: frame}
    return spec


@functools.lru_cache(maxsize=64)
def _counts_template(spread: bool, axis_format: str, width: int | str, height: int) -> dict:
    # Kept on disk too (keep_templates_in): a restarted server's first collection page skips Altair's
    # encoding inference and validation (1-2 s under load); the key holds no article text.
    def build() -> dict:
        import altair as alt

        return _as_drawn(_counts_layers(alt.NamedData(name=COUNTS), spread, axis_format, width, height)
                         .to_dict(validate=False))

    return _kept_on_disk(f"counts|{spread!r}|{axis_format!r}|{width!r}|{height!r}", build)


def _counts_frame(counts: pd.DataFrame, selected: str | None) -> tuple[pd.DataFrame, bool, str]:
    """The bars' rows, whether they stack a spread share, and the time axis format."""
    frame = pd.DataFrame({
        "period": pd.to_datetime(counts["period"]),
        "period_end": pd.to_datetime(counts["period_end"]),
        "events": counts["events"].astype("int64"),
        "articles": counts["articles"].astype("int64") if "articles" in counts else 0,
    }).reset_index(drop=True)
    spread = "spread" in counts and "precise" in counts
    frame["precise"] = counts["precise"].astype("int64").to_numpy() if spread else frame["events"]
    frame["spread"] = counts["spread"].astype(float).round(1).to_numpy() if spread else 0.0
    frame["top"] = frame["precise"] + frame["spread"]
    frame["bin_id"] = frame["period"].dt.strftime("%Y-%m-%d")
    frame["interval"] = [interval_text(start, end)
                         for start, end in zip(frame["period"], frame["period_end"], strict=True)]
    names = counts["label"].astype(str).to_numpy() if "label" in counts else frame["interval"]
    frame["description"] = [f"{name}: {n:,} event{'' if n == 1 else 's'}"
                            for name, n in zip(names, frame["events"], strict=True)]
    frame["selected"] = frame["bin_id"] == selected if selected is not None else False
    if len(frame):
        lo, hi = frame["period"].min(), frame["period_end"].max()
    else:
        lo, hi = pd.Timestamp("2000-01-01"), pd.Timestamp("2001-01-01")
    for column in ("period", "period_end"):
        frame[column] = frame[column].dt.tz_localize("UTC")
    return frame, spread, _axis_format(hi - lo)


def _counts_layers(data: pd.DataFrame | alt.NamedData, spread: bool, axis_format: str, width: int | str,
                   height: int) -> alt.Chart | alt.LayerChart:
    import altair as alt

    # No explicit domain: next to x2, Vega-Lite then draws every bar zero pixels wide.
    x_scale = alt.Scale(type="utc")
    x_axis = alt.Axis(title=None, grid=False, labelFlush=True, tickCount=10, format=axis_format)
    tooltip = [
        alt.Tooltip("interval:N", title="Period"),
        alt.Tooltip("events:Q", title="Events starting in it", format=","),
        alt.Tooltip("articles:Q", title="Articles", format=","),
    ]
    if spread:
        tooltip += [alt.Tooltip("precise:Q", title="Dated within it", format=","),
                    alt.Tooltip("spread:Q", title="Share of coarser dates", format=",.1f")]
    base = alt.Chart(data).encode(x=alt.X("period:T", scale=x_scale, axis=x_axis), x2="period_end:T",
                                  tooltip=tooltip)
    bars = (
        base.mark_bar(cursor="pointer", stroke="white", strokeWidth=0.3, ariaRoleDescription="bar")
        .encode(
            description="description:N",
            y=alt.Y("precise:Q", title="Events", axis=alt.Axis(format=",d", tickCount=5, tickMinStep=1)),
            y2=alt.datum(0),  # without it a bar with x2 is a thin Gantt bar at its value
            color=alt.condition("datum.selected", alt.value("#1f2933"), alt.value("#3f6fb0")),
        )
        .properties(name="bins", width=width, height=height)
        .add_params(alt.selection_point(name=BIN, fields=["bin_id"], empty=False))
    )
    chart: alt.Chart | alt.LayerChart = bars
    if spread:  # the coarser dates' share, lighter, on top of each bar
        # not read out: the bar under it says the period and its count
        shares = base.mark_bar(cursor="pointer", stroke="white", strokeWidth=0.3, opacity=0.9, aria=False).encode(
            y=alt.Y("top:Q"), y2="precise:Q",
            color=alt.condition("datum.selected", alt.value("#52606d"), alt.value("#a9c3e3")),
        )
        chart = alt.layer(bars, shares)
    return chart.configure_view(stroke=None).configure_axis(labelColor="#52606d", domainColor="#cbd2d9")
