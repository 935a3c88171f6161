"""The published events as files: the page, CSV, JSON, TimelineJS JSON, and the chart as PNG or SVG.

Each takes an events frame (`events_frame`, or the dashboard's filtered one) and returns bytes, so the
dashboard's download buttons and `timeline render` write the same files.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

import pandas as pd

from timeline.chart import timeline_chart
from timeline.publish.frame import Article, all_years
from timeline.timelinejs import to_timelinejs

__all__ = ["DOWNLOAD_COLUMNS", "KINDS", "chart_image", "download_table", "export"]

#: The columns of the CSV and JSON downloads, in order.
DOWNLOAD_COLUMNS = ("event_id", "source", "value", "mod", "granularity", "start", "end", "expression", "headline",
                    "trigger", "trigger_start", "trigger_end", "sentence", "sentence_start", "sentence_end",
                    "expression_start", "expression_end", "note", "link")
#: What `export` makes, with the file name and media type a download gets.
KINDS = {
    "html": ("timeline.html", "text/html"),
    "csv": ("timeline-events.csv", "text/csv"),
    "json": ("timeline-events.json", "application/json"),
    "timelinejs": ("timelinejs.json", "application/json"),
    "png": ("timeline.png", "image/png"),
    "svg": ("timeline.svg", "image/svg+xml"),
}
CHART_WIDTH = 1000  # pixels: the images are drawn at a fixed width


def download_table(events: pd.DataFrame) -> pd.DataFrame:
    """The events as the CSV/JSON downloads hold them: the documented columns (note and link when the events
    are curated), dates as YYYY-MM-DD."""
    columns = [c for c in DOWNLOAD_COLUMNS if c in events]
    return events[columns].assign(start=events["start"].dt.strftime("%Y-%m-%d"),
                                  end=events["end"].dt.strftime("%Y-%m-%d"))


def chart_image(events: pd.DataFrame, fmt: str, title: str) -> bytes:
    """The chart of `events` as PNG or SVG bytes, drawn by vl-convert at a fixed width.

    Each mark carries its event: beside it its short headline (up to chart.LABEL_LIMIT events), and in the
    SVG its ARIA label holds the headline, the date as written and normalised, and the article.
    """
    import altair as alt
    import vl_convert

    with alt.data_transformers.disable_max_rows():
        spec = timeline_chart(events, width=CHART_WIDTH, title=title, window=all_years(events)).to_dict()
    if fmt == "png":
        return vl_convert.vegalite_to_png(spec, scale=2)
    if fmt == "svg":
        return vl_convert.vegalite_to_svg(spec).encode("utf-8")
    raise ValueError(f"no chart image format {fmt!r} (png or svg)")


def _json(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def export(events: pd.DataFrame, kind: str, *, title: str, articles: Sequence[Article] = ()) -> bytes:
    """`events` as a file of `kind` (a key of KINDS); `articles` name the sources on the page."""
    from timeline.publish.page import page_html

    makers: dict[str, Callable[[], bytes]] = {
        "html": lambda: page_html(events, articles, title=title).encode("utf-8"),
        "csv": lambda: download_table(events).to_csv(index=False).encode("utf-8"),
        "json": lambda: _json(download_table(events).to_dict("records")),
        "timelinejs": lambda: _json(to_timelinejs(events, title=title, urls={a.name: a.url for a in articles})),
        "png": lambda: chart_image(events, "png", title),
        "svg": lambda: chart_image(events, "svg", title),
    }
    if kind not in makers:
        raise ValueError(f"no export {kind!r} (one of {', '.join(KINDS)})")
    return makers[kind]()
