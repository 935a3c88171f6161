"""Streamlit dashboard: articles in, every dated event on an interactive timeline out.

    streamlit run dashboard.py
    streamlit run dashboard.py -- --store STORE [--stores-dir DIR] [--max-marks 1500]

Sidebar: the article(s) (bundled, pasted or uploaded) or a collection store, their publication dates and
the filters. Main area: metrics, the chart (click an event), the selected event's sentence and
paragraph, a table (a second way to pick) and downloads. The year range, the selected event
and the bundled articles live in the URL query string, so a link reopens the same view.
Article text is never rendered as HTML: everything from an article is escaped first.

A collection (a store made by `python -m timeline build`) is queried through DuckDB
(timeline.collection): above --max-marks events in view (env TIMELINE_MAX_MARKS, default 1,500) the
chart counts events per period and a click on a bar lists that bar's events; fewer are drawn one by
one, near-duplicates across articles folded into one mark that says how many articles report it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import html
import io
import json
import re
import sys
import threading
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import streamlit as st

import timeline
from timeline.chart import GRANULARITY_ORDER, POINT_GRANULARITIES, counts_chart, interval_text, timeline_chart
from timeline.collection import (
    StoreError,
    count_by_period,
    get_article,
    list_sources,
    open_store,
    query_events,
    summary,
)
from timeline.collection_view import (
    DashboardOptions,
    auto_period,
    bin_label,
    dashboard_options,
    event_key,
    events_view,
    find_stores,
    safe_url,
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
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>$~:])")


# ---------------------------------------------------------------- pure helpers (tested directly)

def md_escape(text: str) -> str:
    """`text` with every Markdown-active character backslash-escaped (names in st.error etc.)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph around text[start:end]: from the blank line before it to the blank line after."""
    para_start = 0
    for match in _BLANK_LINE.finditer(text, 0, start):
        para_start = match.end()
    after = _BLANK_LINE.search(text, end)
    return para_start, after.start() if after else len(text)


def marked_html(text: str, start: int, end: int, *, tag: str = "mark") -> str:
    """`text` escaped for HTML with only text[start:end] wrapped in <tag>; nothing else is markup."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    return (html.escape(text[:start]) + f"<{tag}>" + html.escape(text[start:end]) + f"</{tag}>"
            + html.escape(text[end:]))


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


def digest(*parts: object) -> str:
    """A short stable fingerprint for widget keys and caches."""
    return hashlib.sha1(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()[:12]


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


def _rows_from_table(state: object) -> list[int]:
    try:
        return [int(r) for r in state["selection"]["rows"]]  # type: ignore[index]
    except (KeyError, TypeError, ValueError):
        return []


def _update_selection() -> None:
    """Fold what the user just clicked (chart or table) into session_state['selected'].

    Runs before anything is drawn so the chart highlights the new pick on this very run. A pick
    survives filter changes; only a click on empty chart space clears it.
    """
    ss = st.session_state
    _fold_clicks(ss, "selected", _picked_from_chart(ss.get("timeline")), "_last_chart",
                 _rows_from_table(ss.get("table")), "_last_table", "_table_ids")


def _fold_clicks(ss, target: str, picks: list, picks_key: str, rows: list, rows_key: str, ids_key: str) -> None:
    """A new chart pick or a new table row becomes ss[target]; an unchanged selection leaves it alone."""
    if picks != ss.get(picks_key, []):
        ss[target] = picks[-1] if picks else None
    ss[picks_key] = picks
    if rows != ss.get(rows_key, []):
        ids = ss.get(ids_key, [])
        # Only a new row counts: an emptied table selection may just be the table's data changing.
        if rows and rows[0] < len(ids):
            ss[target] = ids[rows[0]]
    ss[rows_key] = rows


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
        st.html(
            '<blockquote style="margin:0;padding:.6rem 1rem;border-left:4px solid #2f6690;'
            'background:#f4f7fa;border-radius:0 6px 6px 0;font-size:1.08rem;line-height:1.6;'
            f'white-space:pre-wrap">{quote}</blockquote>'
        )
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
            _collection_page(options)
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


# ---------------------------------------------------------------- a collection store

OTHER_STORE = "Another folder…"
PERIOD_CHOICES = ("Automatic", "year", "quarter", "month", "week", "day")
MAX_BINS = 2500  # more bars than this and the chart counts per the automatic period instead
BIN_ROWS = 1000  # events listed for one bar of the aggregated chart
ARTICLE_CHARS = 100_000  # longest article text shown in full
ARTICLES_LISTED = 12  # articles listed as reporting one event
COLLECTION_COLUMNS = {
    "value": "Date", "granularity": "Precision", "sentence": "Sentence", "article": "Article", "link": "Link",
    "source": "Source", "published": "Published", "reported_by": "Reported by",
}


def store_version(path: str) -> str:
    """Changes whenever a build adds a part (the manifest is replaced): cached queries then start afresh."""
    stat = (Path(path) / "manifest.json").stat()
    return f"{stat.st_mtime_ns}-{stat.st_size}"


@st.cache_resource(show_spinner="Opening the store…", max_entries=4)
def open_collection(path: str, version: str):
    """One DuckDB connection per store (and version), shared by every session; queries use cursors."""
    return open_store(path)


@st.cache_data(show_spinner=False, max_entries=512)
def store_query(path: str, version: str, kind: str, filters: dict | None = None, **options):
    """A query on the store, cached on the store, its version, the filters and the options."""
    store = open_collection(path, version)
    filters = filters or {}
    if kind == "summary":
        return summary(store)
    if kind == "sources":
        return list_sources(store)["source"].dropna().tolist()
    if kind == "counts":
        return count_by_period(store, period=options["period"], **filters)
    if kind == "events":
        return query_events(store, limit=options["limit"], **filters)
    if kind == "article":
        return get_article(store, options["article_id"])
    raise ValueError(kind)


@st.cache_data(show_spinner=False, ttl=30)
def stores_under(base: str) -> list[str]:
    """Store folders found under `base` (looked for again every 30 s)."""
    return [str(p) for p in find_stores(base)]


def _sidebar_store(options: DashboardOptions) -> str | None:
    """The store to open: --store first, then stores found under --stores-dir (or the current folder),
    or any folder typed in."""
    bar = st.sidebar
    base = options.stores_dir or "."
    choices = list(dict.fromkeys(([options.store] if options.store else []) + stores_under(base)))
    picked = OTHER_STORE
    if choices:
        picked = bar.selectbox("Store", [*choices, OTHER_STORE], key="store_pick",
                               help=f"Stores given with --store or found under {base} (--stores-dir).")
    if picked == OTHER_STORE:
        typed = bar.text_input("Store folder", key="store_path", placeholder="path/to/store",
                               help="A folder made by `python -m timeline build SOURCE... --out STORE`.")
        return typed.strip() or None
    return picked


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())[:300] or type(error).__name__


def _collection_filters(path: str, version: str, info: dict) -> tuple[dict, str, bool]:
    """The sidebar filters as query_events keyword arguments, the bin period chosen and whether to group."""
    bar = st.sidebar
    bar.header("Filters")
    lo, hi = info["first_event"].year, info["last_event"].year
    years = (lo, hi)
    if lo < hi:
        key = f"c_years:{digest(path)}:{lo}-{hi}"
        st.session_state["_c_years_key"] = key
        st.session_state.setdefault(key, (lo, hi))  # set here, not as value=, so the zoom button may move it
        years = bar.slider("Years", min_value=lo, max_value=hi, key=key,
                           help="Events that start in these years.")
    else:
        st.session_state["_c_years_key"] = None
        bar.caption(f"All events start in {lo}.")
    filters: dict = {"years": tuple(years)}
    names = store_query(path, version, "sources")
    if len(names) > 1:
        chosen = bar.multiselect("Sources", names, key=f"c_sources:{digest(path)}", placeholder="All sources",
                                 help="Sites (from the article URL) or the inputs the articles came from.")
        if chosen:
            filters["sources"] = chosen
    granularities = bar.multiselect("Precision", GRANULARITY_ORDER, key="c_granularity",
                                    placeholder="Any precision",
                                    help="How precisely the text dates each event.")
    if granularities:
        filters["granularities"] = list(granularities)
    keyword = bar.text_input("Sentence contains", key="c_keyword", placeholder="e.g. election").strip()
    if keyword:
        filters["keyword"] = keyword
    period = bar.selectbox("Bars count events per", PERIOD_CHOICES, key="c_period",
                           help="When too many events are in view to draw one by one.")
    group = bar.toggle("Group near-duplicates", value=True, key="c_group",
                       help="One mark for the same date reported in very similar sentences by several "
                            "articles.")
    return filters, (auto_period(tuple(years)) if period == PERIOD_CHOICES[0] else period), group


def _follow_clicks() -> None:
    """Fold new clicks (a bar, an event mark, a table row) into c_bin and c_selected, as _update_selection."""
    ss = st.session_state
    bins = [str(p["bin_id"]) for p in _selection(ss.get("c_bins"), "bin") if "bin_id" in p]
    if bins != ss.get("_c_last_bins", []):
        ss["c_bin"] = (ss.get("_c_period"), bins[-1]) if bins else None
        ss["c_selected"] = None
    ss["_c_last_bins"] = bins
    picks = [str(p["event_id"]) for p in _selection(ss.get("c_timeline"), "pick") if "event_id" in p]
    _fold_clicks(ss, "c_selected", picks, "_c_last_pick", _rows_from_table(ss.get("c_table")), "_c_last_rows",
                 "_c_table_ids")


def _selection(state: object, name: str) -> list[dict]:
    try:
        picked = state["selection"][name]  # type: ignore[index]
    except (KeyError, TypeError):
        return []
    return [p for p in picked if isinstance(p, dict)] if isinstance(picked, list) else []


def _collection_page(options: DashboardOptions) -> None:
    ss = st.session_state
    path = _sidebar_store(options)
    if not path:
        st.info("Choose a store in the sidebar, or type the folder of one made with "
                "`python -m timeline build SOURCE... --out STORE`.", icon=":material/arrow_back:")
        return
    path = str(Path(path).expanduser().resolve())  # one cache entry however the folder is written
    try:
        version = store_version(path)
        info = store_query(path, version, "summary")
    except (StoreError, OSError) as error:
        message = (str(error) if isinstance(error, StoreError)
                   else f"not a timeline store (no manifest.json): {path}")
        st.error(f"Cannot open the store: {md_escape(message)}", icon=":material/error:")
        return
    except Exception as error:  # a damaged Parquet file, a foreign manifest...
        st.error(f"Cannot read the store {md_escape(path)}: {md_escape(_one_line(error))}",
                 icon=":material/error:")
        return
    if not info["events"]:
        st.info(f"The store {md_escape(path)} holds {info['articles']:,} articles but no dated events yet.",
                icon=":material/event_busy:")
        return
    filters, period, group = _collection_filters(path, version, info)
    ss["_c_period"] = period
    _follow_clicks()
    # The bars' counts add up to the events in view: one scan of the store answers both questions.
    counts = store_query(path, version, "counts", filters, period=period)
    if len(counts) > MAX_BINS:  # days over decades: too many bars to click, and slow to draw
        st.info(f"{len(counts):,} {period}s are too many bars: counting per "
                f"{auto_period(filters['years'])} instead.",
                icon=":material/bar_chart:")
        period = ss["_c_period"] = auto_period(filters["years"])
        counts = store_query(path, version, "counts", filters, period=period)
    n = int(counts["events"].sum())
    st.markdown(f"**{md_escape(Path(path).name or path)}** · {info['articles']:,} articles")
    cols = st.columns(4)
    cols[0].metric("Articles", f"{info['articles']:,}")
    cols[1].metric("Events", f"{n:,}" if n == info["events"] else f"{n:,} of {info['events']:,}")
    years = filters["years"]
    cols[2].metric("Years", f"{years[0]}" if years[0] == years[1] else f"{years[0]} – {years[1]}")
    cols[3].metric("Sources", len(filters.get("sources") or store_query(path, version, "sources")))
    if n == 0:
        st.info("No events match the filters. Widen the year range or clear the other filters.",
                icon=":material/filter_alt_off:")
        ss["_c_last_bins"], ss["_c_last_pick"], ss["_c_last_rows"] = [], [], []
        return
    if n > options.max_marks:
        _aggregated(path, version, filters, counts, period, group, n, options.max_marks)
    else:
        _single_events(path, version, filters, group, n)


def _aggregated(path: str, version: str, filters: dict, counts: pd.DataFrame, period: str, group: bool,
                n: int, max_marks: int) -> None:
    ss = st.session_state
    ids = set(counts["period"].dt.strftime("%Y-%m-%d"))
    chosen = ss.get("c_bin")
    bin_id = chosen[1] if chosen and chosen[0] == period and chosen[1] in ids else None
    st.caption(f"{n:,} events in view, more than the {max_marks:,} drawn one by one: the bars count them per "
               f"{period} (by the day each event starts, so a year-only date counts in its January). "
               "Click a bar to list its events; narrow the years to see single events.")
    st.altair_chart(counts_chart(counts, selected=bin_id), on_select="rerun", selection_mode="bin",
                    key="c_bins", width="stretch")
    ss["_c_last_pick"] = []
    if bin_id is None:
        ss["_c_last_rows"], ss["_c_table_ids"] = [], []
        return
    row = counts[counts["period"].dt.strftime("%Y-%m-%d") == bin_id].iloc[0]
    start, end = row["period"].date(), row["period_end"].date()
    events = store_query(path, version, "events", {**filters, "dates": (start, end)}, limit=BIN_ROWS)
    view = events_view(events, group=group)
    st.subheader(f"{bin_label(row['period'], period)}: {int(row['events']):,} events "
                 f"in {int(row['articles']):,} articles")
    shown = f"The first {len(events):,} by date" if int(row["events"]) > len(events) else "All of them"
    first_year, last_year = start.year, (end - timedelta(days=1)).year
    notes = [f"{shown}{', near-duplicates grouped' if group else ''}. Pick a row to read its sentence."]
    st.caption(" ".join(notes))
    key = ss.get("_c_years_key")
    if key and tuple(filters["years"]) != (first_year, last_year):
        st.button(f"Zoom to {first_year}" if first_year == last_year else f"Zoom to {first_year}–{last_year}",
                  key="c_zoom", on_click=_zoom, args=(key, (first_year, last_year)),
                  icon=":material/zoom_in:")
    _events_table(view)
    _collection_event(path, version, view, events, hint=False)


def _zoom(key: str, years: tuple[int, int]) -> None:
    st.session_state[key] = years
    st.session_state["c_bin"] = None


def _single_events(path: str, version: str, filters: dict, group: bool, n: int) -> None:
    ss = st.session_state
    events = store_query(path, version, "events", filters, limit=max(n, 1))
    view = events_view(events, group=group)
    selected = ss.get("c_selected")
    visible = selected in set(view["event_id"])
    chart_input = view[["event_id", "start", "end", "granularity", "value", "expression", "label"]].assign(
        source=view["source_text"])
    chart = timeline_chart(chart_input, selected=selected if visible else None, color_by_source=False)
    st.altair_chart(chart, on_select="rerun", selection_mode="pick", key="c_timeline", width="stretch")
    ss["_c_last_bins"] = []
    if group and len(view) < len(events):
        st.caption(f"{len(events) - len(view):,} near-duplicate events (same date, very similar sentence, "
                   "another article) are folded into the mark of the first report.")
    panel = st.container()
    st.subheader("Events")
    _events_table(view)
    with panel:
        _collection_event(path, version, view, events)


def _events_table(view: pd.DataFrame) -> None:
    ss = st.session_state
    table = view.assign(
        link=[safe_url(u) for u in view["url"]] if "url" in view else None,
        published=pd.to_datetime(view["published"]).dt.strftime("%Y-%m-%d") if "published" in view else None,
    )
    columns = [c for c in COLLECTION_COLUMNS if c in table and (c != "reported_by" or table[c].max() > 1)]
    st.dataframe(
        table[columns].rename(columns=COLLECTION_COLUMNS), key="c_table", on_select="rerun",
        selection_mode="single-row", hide_index=True, width="stretch", height=min(420, 38 + 35 * len(table)),
        column_config={
            "Sentence": st.column_config.TextColumn(width="large"),
            "Link": st.column_config.LinkColumn(display_text="open", width="small",
                                                help="The article's address (opened only when clicked)."),
        },
    )
    ss["_c_table_ids"] = view["event_id"].tolist()


def _collection_event(path: str, version: str, view: pd.DataFrame, events: pd.DataFrame, *,
                      hint: bool = True) -> None:
    """The picked event: its sentence, its article (title, link, text) and the other articles reporting it."""
    selected = st.session_state.get("c_selected")
    match = view[view["event_id"] == selected]
    if match.empty and not hint:
        return
    if match.empty:
        st.caption("Click an event on the chart, or a row in the table, to read its sentence and article."
                   if selected is None or not len(view) else
                   "The selected event is not in this view. Click an event or a row to read it.")
        return
    event = match.iloc[0]
    st.subheader("Selected event")
    s_start, s_end = int(event["sentence_start"]), int(event["sentence_end"])
    e_start, e_end = int(event["expression_start"]), int(event["expression_end"])
    sentence = str(event["sentence"])
    quote = marked_html(sentence, e_start - s_start, e_end - s_start)
    keys = [event_key(a, e) for a, e in zip(events["article_id"], events["event_id"], strict=True)]
    members = events.assign(key=keys).set_index("key").loc[list(event["members"])]
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.html(
            '<blockquote style="margin:0;padding:.6rem 1rem;border-left:4px solid #2f6690;'
            'background:#f4f7fa;border-radius:0 6px 6px 0;font-size:1.08rem;line-height:1.6;'
            f'white-space:pre-wrap">{quote}</blockquote>'
        )
        article = store_query(path, version, "article", article_id=str(event["article_id"]))
        text = (article or {}).get("text") or ""
        if text and text[s_start:s_end] == sentence:
            marked = ('<span style="background:#e6eef5">'
                      + marked_html(sentence, e_start - s_start, e_end - s_start) + "</span>")
            p_start, p_end = paragraph_bounds(text, s_start, s_end)
            if text[p_start:p_end].strip() != sentence.strip():
                st.caption("Paragraph")
                st.html('<div style="color:#3d4852;line-height:1.6;white-space:pre-wrap">'
                        f"{html.escape(text[p_start:s_start])}{marked}{html.escape(text[s_end:p_end])}</div>")
            body = html.escape(text[:s_start]) + marked + html.escape(text[s_end:ARTICLE_CHARS])
        else:
            body = html.escape(text[:ARTICLE_CHARS])
        if text:
            cut = f" (first {ARTICLE_CHARS:,} characters)" if len(text) > ARTICLE_CHARS else ""
            with st.expander(f"Article text{cut}"):
                st.html(f'<div style="color:#3d4852;line-height:1.6;white-space:pre-wrap">{body}</div>')
        else:
            st.caption("The store holds no text for this article.")
    with right:
        rows = [
            ("As written", event["expression"]),
            ("Normalised", event["value"]),
            ("Precision", event["granularity"]),
            ("Covers", interval_text(event["start"], event["end"])),
        ]
        st.html(_fact_table(rows))
        reporting = members["article_id"].nunique()
        st.markdown(f"**Reported by {reporting} article{'s' if reporting > 1 else ''}**")
        articles = members.drop_duplicates("article_id")
        st.html(_articles_list(articles.head(ARTICLES_LISTED)))
        if len(articles) > ARTICLES_LISTED:
            st.caption(f"and {len(articles) - ARTICLES_LISTED:,} more")


def _fact_table(rows: list[tuple[str, object]]) -> str:
    cells = "".join(
        f'<tr><th style="text-align:left;font-weight:500;color:#616e7c;padding:.2rem 1rem .2rem 0;'
        f'white-space:nowrap;border:none">{html.escape(k)}</th>'
        f'<td style="padding:.2rem 0;border:none">{html.escape(str(v))}</td></tr>'
        for k, v in rows
    )
    return f'<table style="border-collapse:collapse;border:none">{cells}</table>'


def _articles_list(members: pd.DataFrame) -> str:
    """Each article as title, source and date, and its address as a link (never fetched by the page)."""
    items = []
    for _, member in members.iterrows():
        title = member.get("title")
        title = title if isinstance(title, str) and title.strip() else member["path"]
        published = member["published"]
        meta = " · ".join(str(x) for x in (member.get("source"), None if pd.isna(published)
                                            else f"{published:%Y-%m-%d}") if x)
        url = safe_url(member.get("url"))
        link = (f'<br><a href="{html.escape(url, quote=True)}" target="_blank" '
                f'rel="noopener noreferrer nofollow" style="word-break:break-all">{html.escape(url)}</a>'
                if url else "")
        items.append(f'<li style="margin-bottom:.4rem"><b>{html.escape(str(title))}</b>'
                     f'<br><span style="color:#616e7c">{html.escape(meta)}</span>{link}</li>')
    return f'<ul style="padding-left:1.1rem;margin:0">{"".join(items)}</ul>'


if __name__ == "__main__":
    main()
