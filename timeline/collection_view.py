"""What the dashboard shows of a collection store, as plain data (pure: no Streamlit, no clock).

    options = dashboard_options(["--store", "store/", "--max-marks", "800"])
    auto_period((1990, 2021))                  -> "year"   (bins for the aggregated chart)
    events_view(query_events(store, ...))      -> one row per near-duplicate group, ready to chart

The dashboard (dashboard.py) asks `timeline.collection.query` for counts and events and uses these
helpers to decide how to draw them: single events when few enough are in view, counts per period
otherwise, and near-duplicate events (same value, similar sentence, several articles) folded into one.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd

from timeline.chart import shorten
from timeline.collection.query import group_near_duplicates

__all__ = [
    "DEFAULT_MAX_MARKS",
    "DashboardOptions",
    "auto_period",
    "bin_label",
    "dashboard_options",
    "event_key",
    "events_view",
    "find_stores",
    "safe_url",
]

#: Above this many events in view the chart shows counts per period instead of single events.
DEFAULT_MAX_MARKS = 1500
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class DashboardOptions:
    """Settings read from `streamlit run dashboard.py -- ARGS` and the environment."""

    store: str | None = None
    stores_dir: str | None = None
    max_marks: int = DEFAULT_MAX_MARKS


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise ValueError(text)
    return value


def dashboard_options(argv: Sequence[str], environ: dict[str, str] | None = None) -> DashboardOptions:
    """Options from the script's arguments (what follows `--` in `streamlit run dashboard.py -- ...`),
    falling back on TIMELINE_STORE, TIMELINE_STORES_DIR and TIMELINE_MAX_MARKS.

    Unknown arguments are ignored (under a test runner argv is the runner's own), and a bad
    --max-marks value falls back on the default rather than stopping the app.
    """
    environ = os.environ if environ is None else environ
    parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    parser.add_argument("--store")
    parser.add_argument("--stores-dir")
    parser.add_argument("--max-marks")
    args, _ = parser.parse_known_args(list(argv))
    raw_marks = args.max_marks or environ.get("TIMELINE_MAX_MARKS")
    try:
        max_marks = _positive(raw_marks) if raw_marks else DEFAULT_MAX_MARKS
    except ValueError:
        max_marks = DEFAULT_MAX_MARKS
    return DashboardOptions(
        store=args.store or environ.get("TIMELINE_STORE") or None,
        stores_dir=args.stores_dir or environ.get("TIMELINE_STORES_DIR") or None,
        max_marks=max_marks,
    )


def find_stores(base: Path | str, *, depth: int = 2, limit: int = 100) -> list[Path]:
    """Folders under `base` (itself included, down to `depth` levels) that hold a store manifest, sorted.

    Hidden folders and the stores' own table folders are not entered; unreadable folders are skipped.
    """
    base = Path(base)
    found: list[Path] = []
    level = [base]
    for _ in range(depth + 1):
        below: list[Path] = []
        for folder in level:
            try:
                if (folder / MANIFEST).is_file():
                    found.append(folder)
                    continue  # a store's subfolders are its tables
                below.extend(sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")))
            except OSError:
                continue
            if len(found) >= limit:
                return sorted(found)
        level = below
    return sorted(found)


def auto_period(years: tuple[int, int]) -> str:
    """The bin for counting events over a year range: years for decades, months for a few years, else weeks."""
    span = years[1] - years[0] + 1
    if span > 30:
        return "year"
    if span > 2:
        return "month"
    return "week"


def bin_label(start: pd.Timestamp, period: str) -> str:
    """How a bin starting at `start` is named: '1998', '1998 Q2', 'March 1998', 'week of 2 Mar 1998'."""
    start = pd.Timestamp(start)
    if period == "year":
        return f"{start.year}"
    if period == "quarter":
        return f"{start.year} Q{start.quarter}"
    if period == "month":
        return f"{start:%B %Y}"
    if period == "week":
        return f"week of {start.day} {start:%b %Y}"
    return f"{start.day} {start:%b %Y}"


def safe_url(url: object) -> str | None:
    """`url` if it is an http(s) address to show as a link, else None (no javascript:, data:, ...)."""
    if not isinstance(url, str) or not url.strip():
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if (
        parts.scheme.lower() not in ("http", "https")
        or not parts.netloc
        or any(c in url for c in "\"'<> \n\r\t")
    ):
        return None
    return url


def event_key(article_id: str, event_id: int) -> str:
    """The dashboard's id for one event of a store: 'ARTICLE_ID:EVENT_ID'."""
    return f"{article_id}:{int(event_id)}"


def events_view(events: pd.DataFrame, *, group: bool = True) -> pd.DataFrame:
    """A query_events frame -> one row per event to chart and list, near-duplicates folded when `group`.

    Adds event_id (event_key of the row), article (its title, else its path), reported_by (how many
    articles report the event: the near-duplicate group's size, 1 when not grouped), members (the
    event_ids of the group, the row's own first) and source_text (what the chart's tooltip calls the
    article: its title, and how many others report it). Rows stay in the frame's order; a group is
    shown by its first event (the earliest start, then article id).
    """
    frame = events.reset_index(drop=True)
    keys = [event_key(a, e) for a, e in zip(frame["article_id"], frame["event_id"], strict=True)]
    titles = frame["title"] if "title" in frame else pd.Series([None] * len(frame), dtype=object)
    paths = frame["path"] if "path" in frame else frame["article_id"]
    article = [t if isinstance(t, str) and t.strip() else str(p) for t, p in zip(titles, paths, strict=True)]
    frame = frame.assign(event_id=keys, article=article, store_event_id=frame["event_id"])
    if group and len(frame):
        grouped = group_near_duplicates(frame)
        members = grouped.groupby("group", sort=False)["event_id"].agg(list)
        first = ~grouped["group"].duplicated()
        frame = (
            grouped[first]
            .assign(
                reported_by=grouped.loc[first, "group_articles"].astype(int),
                members=[members[g] for g in grouped.loc[first, "group"]],
            )
            .drop(columns=["group", "group_articles"])
        )
    else:
        frame = frame.assign(reported_by=1, members=[[k] for k in frame["event_id"]])
    more = frame["reported_by"] - 1
    frame["source_text"] = [
        shorten(a, 60) + (f" (+{m} more article{'s' if m > 1 else ''})" if m > 0 else "")
        for a, m in zip(frame["article"], more, strict=True)
    ]
    return frame.reset_index(drop=True)
