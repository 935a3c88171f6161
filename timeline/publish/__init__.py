"""Publish a timeline: one self-contained HTML page that works offline, and the curated exports.

    render_html(timelines, title="US troops leave Iraq")   -> the page, as a string
    export(events_frame(timelines), "timelinejs", title=...) -> bytes (html, csv, json, timelinejs, png, svg)

Everything here takes what is to be published: timelines whose events are all visible (a curated
timeline's hidden events are left out before), or an events frame (`events_frame`, or the dashboard's
filtered rows).
"""

from timeline.publish.exports import DOWNLOAD_COLUMNS, KINDS, chart_image, download_table, export
from timeline.publish.frame import (
    Article,
    Publishable,
    article,
    articles_of,
    events_frame,
    safe_url,
    timelines_of,
    with_curation,
)
from timeline.publish.page import page_html, page_title, render_html, vega_bundle

__all__ = [
    "DOWNLOAD_COLUMNS", "KINDS", "Article", "Publishable", "article", "articles_of", "chart_image", "download_table",
    "events_frame", "export", "page_html", "page_title", "render_html", "safe_url", "timelines_of", "vega_bundle",
    "with_curation",
]
