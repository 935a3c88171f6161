"""Streamlit dashboard: articles in, every dated event on an interactive timeline out.

    streamlit run dashboard.py
    streamlit run dashboard.py -- --store STORE [--stores-dir DIR] [--max-marks 1500]

Sidebar: the article(s) (bundled, pasted or uploaded) or a collection store, their publication dates and
the filters. Main area: metrics, the chart (click an event), the selected event's sentence and
paragraph, a table (a second way to pick) and downloads. The year range, the selected event
and the bundled articles live in the URL query string, so a link reopens the same view.
Article text is never rendered as HTML: everything from an article is escaped first.

A collection (a store made by `python -m timeline build`) has its own page in dashboard_collection.py;
dashboard_common.py holds what both pages share (escaping, highlighting, click folding).
"""

from __future__ import annotations

import dataclasses
import html
import io
import json
import re
import sys
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

import timeline
from dashboard_collection import collection_page
from dashboard_common import digest, fold_clicks, marked_html, md_escape, paragraph_bounds, quote_html, rows_from_table
from timeline.chart import GRANULARITY_ORDER, POINT_GRANULARITIES, interval_text, timeline_chart
from timeline.collection_view import (
    DashboardOptions,
    dashboard_options,
)
from timeline.documents import DocumentError, read_document
from timeline.timelinejs import to_timelinejs
from timeline.types import Document, TimexType

DATA_DIR = Path(__file__).resolve().parent / "data"
SEED = "us-iraq-withdrawal-2021-04-07.txt"
SUFFIXES = (".txt", ".md", ".html", ".htm")
COLLECTION = "Collection"
MODES = ("Bundled article", "Paste text", "Upload files", COLLECTION)
PASTED = "Pasted text"
TABLE_COLUMNS = {
    "value": "Date", "expression": "As written", "granularity": "Precision", "label": "Event",
    "source": "Article", "sentence": "Sentence",
}
_SOURCE_NOTES = {
    "dateline": "found in the dateline", "meta": "found in the page metadata", "user": "set by you",
    "timeml": "from the document's creation time",
}


# ---------------------------------------------------------------- pure helpers (tested directly)


def year_bounds(frame: pd.DataFrame) -> tuple[int, int]:
    """First and last calendar year the events touch (an interval's end is exclusive)."""
    return int(frame["start"].min().year), int((frame["end"] - pd.Timedelta(days=1)).max().year)


def filter_events(
    frame: pd.DataFrame, *, years: tuple[int, int] | None = None, granularities: list[str] | None = None,
    keyword: str = "", sources: list[str] | None = None,
) -> pd.DataFrame:
    """Events overlapping the year range, of the chosen granularities and sources, whose sentence
    contains `keyword` (case-insensitive)."""
    mask = pd.Series(True, index=frame.index)
    if years is not None:
        last = frame["end"] - pd.Timedelta(days=1)
        mask &= (frame["start"].dt.year <= years[1]) & (last.dt.year >= years[0])
    if granularities is not None:
        mask &= frame["granularity"].isin(granularities)
    if sources is not None:
        mask &= frame["source"].isin(sources)
    if keyword.strip():
        mask &= frame["sentence"].str.contains(keyword.strip(), case=False, regex=False)
    return frame[mask]


def parse_years(value: str | None, bounds: tuple[int, int]) -> tuple[int, int]:
    """A 'YYYY-YYYY' query value clamped to `bounds`; `bounds` when absent or malformed."""
    match = re.fullmatch(r"\s*(\d{1,4})\s*-\s*(\d{1,4})\s*", value or "")
    if not match:
        return bounds
    lo, hi = sorted(int(g) for g in match.groups())
    lo, hi = max(lo, bounds[0]), min(hi, bounds[1])
    return (lo, hi) if lo <= hi else bounds


def bundled_articles(folder: Path = DATA_DIR) -> list[str]:
    """Names of the articles shipped in `folder`, the seed article first."""
    names = sorted(p.name for p in folder.glob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
    return sorted(names, key=lambda n: n != SEED)


# ---------------------------------------------------------------- cached work

@st.cache_data(show_spinner=False, max_entries=64)
def load_document(data: bytes, name: str) -> Document:
    """Bytes -> Document (raises DocumentError with a one-line reason)."""
    return read_document(data, name)


@st.cache_data(show_spinner="Finding dates…", max_entries=64)
def extract_events(text: str, published: date | None, name: str) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """The events of one article as a DataFrame, and the relative expressions left unplaced.

    Cached on (text, published, name): filters and clicks never re-extract.
    """
    document = Document(text=text, published=published, published_source="user" if published else None,
                        name=name)
    result = timeline.extract_document(document)
    unplaced = tuple(t.text for t in result.timexes
                     if t.type in (TimexType.DATE, TimexType.TIME) and t.value.startswith("XXXX"))
    return result.to_frame(), unplaced


_EXPORTS: dict[tuple[str, str], bytes] = {}
_EXPORTS_LOCK = threading.Lock()


def _cached_export(kind: str, key: str, make: Callable[[], bytes]) -> bytes:
    """Exports are made on click (deferred download) and kept for the same filtered data."""
    with _EXPORTS_LOCK:
        if (kind, key) in _EXPORTS:
            return _EXPORTS[(kind, key)]
    data = make()
    with _EXPORTS_LOCK:
        if len(_EXPORTS) > 32:
            _EXPORTS.clear()
        _EXPORTS[(kind, key)] = data
    return data


def chart_image(frame: pd.DataFrame, fmt: str, title: str) -> bytes:
    """The chart of `frame` as PNG or SVG bytes, drawn by vl-convert at a fixed width."""
    import altair as alt
    import vl_convert

    with alt.data_transformers.disable_max_rows():
        spec = timeline_chart(frame, width=1000, title=title).to_dict()
    if fmt == "png":
        return vl_convert.vegalite_to_png(spec, scale=2)
    return vl_convert.vegalite_to_svg(spec).encode("utf-8")


# ---------------------------------------------------------------- page parts

@dataclasses.dataclass
class Source:
    """One article as the page knows it."""

    index: int
    name: str
    document: Document
    events: pd.DataFrame
    unplaced: tuple[str, ...] = ()


def _sidebar_mode(options: DashboardOptions) -> str:
    """The sources radio: bundled, pasted, uploaded articles or a collection (first, when --store is given)."""
    st.sidebar.header("Sources")
    return st.sidebar.radio("Article", MODES, key="mode", horizontal=False, label_visibility="collapsed",
                            index=MODES.index(COLLECTION) if options.store else 0)


def _sidebar_documents(qp: dict[str, str], mode: str) -> tuple[list[Document], list[str]]:
    """The chosen articles as Documents, and one-line reasons for those that could not be read."""
    bar = st.sidebar
    documents: list[Document] = []
    errors: list[str] = []
    if mode == MODES[0]:
        names = bundled_articles()
        wanted = [n for n in (qp.get("article") or "").split(",") if n in names] or names[:1]
        chosen = bar.multiselect("Bundled articles", names, default=wanted, key="bundled",
                                 help="Articles shipped in the data/ folder.")
        items = [((DATA_DIR / n).read_bytes(), n) for n in chosen]
    elif mode == MODES[1]:
        text = bar.text_area("Article text", key="paste", height=240,
                             placeholder="Paste the article here, headline and dateline included.",
                             help="Press Ctrl+Enter or click outside the box to apply.")
        items = [(text.encode("utf-8"), "pasted.txt")] if text.strip() else []
    else:
        files = bar.file_uploader("Article files", type=[s.lstrip(".") for s in SUFFIXES],
                                  accept_multiple_files=True, key="uploads",
                                  help="Plain text, Markdown or HTML; several files are compared.") or []
        items = [(f.getvalue(), f.name) for f in files]
    for data, name in items:
        try:
            document = load_document(data, name)
        except DocumentError as error:
            errors.append(f"{name}: {error}")
            continue
        except Exception as error:  # a bug in reading one file must not take the others down
            errors.append(f"{name}: could not be read ({type(error).__name__})")
            continue
        if name == "pasted.txt":
            document = dataclasses.replace(document, name=PASTED)
        documents.append(document)
    return documents, errors


def _publication_date(document: Document, index: int, several: bool) -> Document:
    """A date input showing the publication date found; a change re-anchors the article."""
    key = f"published:{digest(document.name, document.text)}"
    label = f"Published: {document.name}" if several else "Publication date"
    chosen = st.sidebar.date_input(
        label, value=document.published, key=key, min_value=date(1800, 1, 1), max_value=date(2100, 12, 31),
        format="YYYY-MM-DD", help="Relative dates ('on Sunday', 'last year') are counted from this day.",
    )
    if chosen != document.published:
        document = dataclasses.replace(document, published=chosen, published_source="user" if chosen else None)
    note = _SOURCE_NOTES.get(document.published_source or "", "")
    if document.published is None:
        st.sidebar.caption("No publication date found: relative dates cannot be placed until you set one.")
    elif note:
        st.sidebar.caption(f"Publication date {note}.")
    return document


def _load_sources(documents: list[Document]) -> tuple[list[Source], list[str]]:
    sources, errors = [], []
    several = len(documents) > 1
    names: set[str] = set()
    if several:
        st.sidebar.subheader("Publication dates")
    for index, document in enumerate(documents):
        document = _publication_date(document, index, several)
        name = document.name or f"Article {index + 1}"
        while name in names:  # two uploads with one name stay apart
            name += " (2)"
        names.add(name)
        try:
            events, unplaced = extract_events(document.text, document.published, name)
        except Exception as error:  # one article failing must leave the others working
            errors.append(f"{name}: dates could not be extracted ({type(error).__name__})")
            continue
        events = events.assign(event_id=[f"{index}-{i}" for i in events["id"]], source=name, doc=index)
        sources.append(Source(index, name, document, events, unplaced))
    return sources, errors


def _all_events(sources: list[Source]) -> pd.DataFrame:
    frames = [s.events for s in sources if len(s.events)]
    if not frames:
        return pd.DataFrame()
    frame = pd.concat(frames, ignore_index=True)
    return frame.sort_values(["start", "end", "doc", "expression_start"], kind="stable").reset_index(drop=True)


def _sidebar_filters(frame: pd.DataFrame, qp: dict[str, str]) -> tuple[pd.DataFrame, tuple[int, int] | None]:
    bar = st.sidebar
    bar.header("Filters")
    lo, hi = year_bounds(frame)
    years: tuple[int, int] | None = None
    if lo < hi:
        default = parse_years(qp.get("years"), (lo, hi))
        years = bar.slider("Years", min_value=lo, max_value=hi, value=default, key=f"years:{lo}-{hi}",
                           help="Events whose interval touches these years.")
    else:
        bar.caption(f"All events fall in {lo}.")
    present = [g for g in GRANULARITY_ORDER if g in set(frame["granularity"])]
    granularities = bar.multiselect("Precision", present, default=present, key=f"granularity:{'/'.join(present)}",
                                    help="How precisely the text dates each event.")
    keyword = bar.text_input("Sentence contains", key="keyword", placeholder="e.g. rockets")
    names = list(dict.fromkeys(frame["source"]))
    chosen_sources = None
    if len(names) > 1:
        chosen_sources = bar.multiselect("Articles", names, default=names, key=f"sources:{digest(*names)}")
    shown = filter_events(frame, years=years, granularities=granularities, keyword=keyword,
                          sources=chosen_sources)
    return shown, (years if years and years != (lo, hi) else None)


def _picked_from_chart(state: object) -> list[str]:
    try:
        pick = state["selection"]["pick"]  # type: ignore[index]
    except (KeyError, TypeError):
        return []
    return [str(p["event_id"]) for p in pick if isinstance(p, dict) and "event_id" in p] \
        if isinstance(pick, list) else []


def _update_selection() -> None:
    """Fold what the user just clicked (chart or table) into session_state['selected'].

    Runs before anything is drawn so the chart highlights the new pick on this very run. A pick
    survives filter changes; only a click on empty chart space clears it.
    """
    ss = st.session_state
    fold_clicks(ss, "selected", _picked_from_chart(ss.get("timeline")), "_last_chart",
                 rows_from_table(ss.get("table")), "_last_table", "_table_ids")


def _metrics(sources: list[Source], frame: pd.DataFrame, shown: pd.DataFrame) -> None:
    cols = st.columns(4)
    cols[0].metric("Articles", len(sources))
    cols[1].metric("Events", f"{len(shown):,}" if len(shown) == len(frame) else f"{len(shown):,} of {len(frame):,}")
    if len(shown):
        lo, hi = year_bounds(shown)
        cols[2].metric("Date range", f"{lo}" if lo == hi else f"{lo} – {hi}")
        precise = int(shown["granularity"].isin(POINT_GRANULARITIES).sum())
        cols[3].metric("Dated to the day", f"{precise:,}",
                       help=f"{precise:,} of the {len(shown):,} events shown are dated to the day; the others only "
                            "to a week, month, year or decade.")
    else:
        cols[2].metric("Date range", "–")
        cols[3].metric("Dated to the day", "–")


def _article_line(sources: list[Source]) -> None:
    """Which article(s) the page shows, by title, with the publication date used."""
    if len(sources) == 1:
        document = sources[0].document
        title = document.title or sources[0].name
        published = document.published
        when = f"· published {published.day} {published:%B %Y}" if published else ""
        st.markdown(f"**{md_escape(title)}** {md_escape(when)}")
    else:
        st.markdown(f"**{len(sources)} articles** compared: {md_escape(', '.join(s.name for s in sources))}")


def _explain_empty(sources: list[Source]) -> None:
    names = ", ".join(md_escape(s.name) for s in sources)
    lines = [f"No dated events were found in {names}.",
             "The timeline shows sentences with a date it can place: '15 March 2021', 'March 2019', "
             "'in 2014', 'the 1990s', or relative ones such as 'on Sunday' or 'last year'."]
    undated = [s for s in sources if s.document.published is None]
    stuck = [e for s in undated for e in s.unplaced]
    if stuck:
        sample = ", ".join(f"“{md_escape(e)}”" for e in stuck[:4])
        lines.append(f"It found relative dates ({sample}) but no publication date to count them from: "
                     "set the **publication date** in the sidebar to place them.")
    elif undated:
        lines.append("No publication date was found either; if the article uses relative dates, "
                     "set the **publication date** in the sidebar.")
    st.info("\n\n".join(lines), icon=":material/event_busy:")


def _event_panel(event: pd.Series | None, sources: list[Source], hidden: bool) -> None:
    st.subheader("Selected event")
    if event is None:
        st.caption("The selected event is hidden by the filters." if hidden
                   else "Click an event on the chart, or a row in the table, to read the sentence it comes from.")
        return
    source = next(s for s in sources if s.index == int(event["doc"]))
    text = source.document.text
    s_start, s_end = int(event["sentence_start"]), int(event["sentence_end"])
    e_start, e_end = int(event["expression_start"]), int(event["expression_end"])
    sentence = text[s_start:s_end] if text[s_start:s_end] == event["sentence"] else str(event["sentence"])
    quote = marked_html(sentence, e_start - s_start, e_end - s_start)
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.html(quote_html(quote))
        p_start, p_end = paragraph_bounds(text, s_start, s_end)
        if (p_start, p_end) != (s_start, s_end) and text[p_start:p_end].strip() != sentence.strip():
            paragraph = (html.escape(text[p_start:s_start]) + '<span style="background:#e6eef5">'
                         + marked_html(text[s_start:s_end], e_start - s_start, e_end - s_start)
                         + "</span>" + html.escape(text[s_end:p_end]))
            st.caption("Paragraph")
            st.html(f'<div style="color:#3d4852;line-height:1.6;white-space:pre-wrap">{paragraph}</div>')
    with right:
        published = source.document.published
        rows = [
            ("As written", event["expression"]),
            ("Normalised", event["value"]),
            ("Precision", event["granularity"]),
            ("Covers", interval_text(event["start"], event["end"])),
            ("Article", source.name),
            ("Counted from", f"{published:%Y-%m-%d} (publication date)" if published else "no publication date"),
        ]
        cells = "".join(
            f'<tr><th style="text-align:left;font-weight:500;color:#616e7c;padding:.2rem 1rem .2rem 0;'
            f'white-space:nowrap;border:none">{html.escape(k)}</th>'
            f'<td style="padding:.2rem 0;border:none">{html.escape(str(v))}</td></tr>'
            for k, v in rows
        )
        st.html(f'<table style="border-collapse:collapse;border:none">{cells}</table>')


def _downloads(shown: pd.DataFrame, title: str) -> None:
    st.subheader("Download")
    columns = [c for c in ("event_id", "source", "value", "granularity", "start", "end", "expression",
                           "label", "sentence", "sentence_start", "sentence_end", "expression_start",
                           "expression_end") if c in shown]
    table = shown[columns].assign(start=shown["start"].dt.strftime("%Y-%m-%d"),
                                  end=shown["end"].dt.strftime("%Y-%m-%d"))
    key = digest(tuple(table["event_id"]), tuple(table["value"]), title)
    exports = {
        "csv": lambda: table.to_csv(index=False).encode("utf-8"),
        "json": lambda: json.dumps(table.to_dict("records"), ensure_ascii=False, indent=1).encode("utf-8"),
        "timelinejs": lambda: json.dumps(to_timelinejs(shown, title=title), ensure_ascii=False,
                                         indent=1).encode("utf-8"),
        "png": lambda: chart_image(shown, "png", title),
        "svg": lambda: chart_image(shown, "svg", title),
    }
    buttons = [
        ("Events CSV", "csv", "timeline-events.csv", "text/csv"),
        ("Events JSON", "json", "timeline-events.json", "application/json"),
        ("TimelineJS JSON", "timelinejs", "timelinejs.json", "application/json"),
        ("Chart PNG", "png", "timeline.png", "image/png"),
        ("Chart SVG", "svg", "timeline.svg", "image/svg+xml"),
    ]
    for col, (label, kind, file_name, mime) in zip(st.columns(len(buttons)), buttons, strict=True):
        make = exports[kind]
        col.download_button(
            label, data=lambda kind=kind, make=make: io.BytesIO(_cached_export(kind, key, make)),
            file_name=file_name, mime=mime, on_click="ignore", key=f"download-{kind}", width="stretch",
        )
    st.caption("Downloads hold the events the filters show. TimelineJS JSON opens in "
               "timeline.knightlab.com; dates keep only the precision the text gives.")


def _write_query_params(years: tuple[int, int] | None, selected: str | None, bundled: list[str] | None) -> None:
    wanted = {
        "years": f"{years[0]}-{years[1]}" if years else None,
        "event": selected,
        "article": ",".join(bundled) if bundled and bundled != [SEED] else None,
    }
    for name, value in wanted.items():
        if value is None:
            if name in st.query_params:
                del st.query_params[name]
        elif st.query_params.get(name) != value:
            st.query_params[name] = value


def main() -> None:
    """Draw the page."""
    st.set_page_config(page_title="Timeline · dated events", page_icon=":material/timeline:", layout="wide",
                       initial_sidebar_state="expanded")
    ss = st.session_state
    if "_qp" not in ss:  # the shared link is read once, when the session opens
        ss["_qp"] = {k: st.query_params.get(k) for k in ("years", "event", "article")}
        ss["selected"] = ss["_qp"].get("event")
    qp = ss["_qp"]
    _update_selection()
    options = dashboard_options(sys.argv[1:])

    mode = _sidebar_mode(options)
    st.title("Timeline")
    if mode == COLLECTION:
        st.caption("Every dated event of a collection of articles. With many events in view the chart counts "
                   "them per period; narrow the years to see single events and the sentences they come from.")
    else:
        st.caption("Every dated event in the article, placed on a timeline with the sentence it comes from. "
                   "Dates are only as precise as the text: a day is a dot, a month or a year is a bar.")
    try:
        if mode == COLLECTION:
            collection_page(options)
        else:
            _page(qp, mode)
    except Exception as error:  # last resort: a one-line message, never a traceback
        st.error(f"Something went wrong while drawing this view ({type(error).__name__}). "
                 "Try another article or reset the filters.")


def _page(qp: dict[str, str | None], mode: str) -> None:
    ss = st.session_state
    documents, errors = _sidebar_documents(qp, mode)
    sources, extract_errors = _load_sources(documents)
    for message in errors + extract_errors:
        st.error(md_escape(message), icon=":material/error:")
    if not documents:
        if not errors:
            st.info("Choose a bundled article, paste an article or upload files in the sidebar.", icon=":material/arrow_back:")
        _forget_widgets()
        return
    frame = _all_events(sources)
    if frame.empty:
        _metrics(sources, frame, frame)
        _explain_empty(sources)
        _forget_widgets()
        return
    shown, years = _sidebar_filters(frame, qp)
    bundled = ss.get("bundled") if ss.get("mode", MODES[0]) == MODES[0] else None
    for s in sources:
        if s.document.published is None and s.unplaced:
            st.info(f"{md_escape(s.name)}: {len(s.unplaced)} relative date(s) such as “{md_escape(s.unplaced[0])}” "
                    "are not on the timeline because no publication date is known. "
                    "Set it in the sidebar.", icon=":material/event_busy:")
    _article_line(sources)
    _metrics(sources, frame, shown)

    selected = ss.get("selected")
    if selected is not None and selected not in set(frame["event_id"]):
        selected = ss["selected"] = None  # a stale link or an article that is gone
    visible = selected is not None and selected in set(shown["event_id"])
    if shown.empty:
        st.info("No events match the filters. Widen the year range or clear the other filters.", icon=":material/filter_alt_off:")
        ss["_last_chart"] = []
    else:
        chart = timeline_chart(shown, selected=selected if visible else None)
        st.altair_chart(chart, on_select="rerun", selection_mode="pick", key="timeline", width="stretch")
    panel = st.container()
    st.subheader("Events")
    if shown.empty:
        ss["_last_table"], ss["_table_ids"] = [], []
    else:
        columns = [c for c in TABLE_COLUMNS if c in shown and (c != "source" or shown["source"].nunique() > 1)]
        st.dataframe(
            shown[columns].rename(columns=TABLE_COLUMNS), key="table", on_select="rerun",
            selection_mode="single-row", hide_index=True, width="stretch",
            height=min(420, 38 + 35 * len(shown)),
            column_config={"Sentence": st.column_config.TextColumn(width="large"),
                           "Event": st.column_config.TextColumn(width="medium")},
        )
        ss["_table_ids"] = shown["event_id"].tolist()
    with panel:
        event = shown[shown["event_id"] == selected].iloc[0] if visible else None
        _event_panel(event, sources, hidden=selected is not None and not visible)
    if not shown.empty:
        title = sources[0].document.title or sources[0].name if len(sources) == 1 else "Timeline"
        _downloads(shown, str(title))
    _write_query_params(years, ss.get("selected"), bundled)


def _forget_widgets() -> None:
    """No chart or table this run: their selections start empty next time."""
    st.session_state["_last_chart"], st.session_state["_last_table"] = [], []


if __name__ == "__main__":
    main()
