"""The dashboard's collection page: a Parquet/DuckDB store of many articles (issue: Collections).

Above `--max-marks` events in view the chart counts events per period and a click on a bar lists
its events; fewer are drawn one by one, near-duplicates across articles folded into one mark.
Every query goes to DuckDB through timeline.collection; nothing loads the whole store.
"""

from __future__ import annotations

import html
from datetime import timedelta
from pathlib import Path

import pandas as pd
import streamlit as st

import timeline.collection as collection  # called through the module: tests may swap its functions
from dashboard_common import digest, fold_clicks, marked_html, md_escape, paragraph_bounds, quote_html, rows_from_table
from timeline.chart import GRANULARITY_ORDER, counts_chart, interval_text, timeline_chart
from timeline.collection import StoreError
from timeline.collection_view import (
    DashboardOptions,
    auto_period,
    bin_label,
    event_key,
    events_view,
    find_stores,
    safe_url,
)

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
    return collection.open_store(path)


@st.cache_data(show_spinner=False, max_entries=512)
def store_query(path: str, version: str, kind: str, filters: dict | None = None, **options):
    """A query on the store, cached on the store, its version, the filters and the options."""
    store = open_collection(path, version)
    filters = filters or {}
    if kind == "summary":
        return collection.summary(store)
    if kind == "sources":
        return collection.list_sources(store)["source"].dropna().tolist()
    if kind == "counts":
        return collection.count_by_period(store, period=options["period"], **filters)
    if kind == "events":
        return collection.query_events(store, limit=options["limit"], **filters)
    if kind == "article":
        return collection.get_article(store, options["article_id"])
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
    """Fold new clicks (a bar, an event mark, a table row) into c_bin and c_selected, as the article page's click folding."""
    ss = st.session_state
    bins = [str(p["bin_id"]) for p in _selection(ss.get("c_bins"), "bin") if "bin_id" in p]
    if bins != ss.get("_c_last_bins", []):
        ss["c_bin"] = (ss.get("_c_period"), bins[-1]) if bins else None
        ss["c_selected"] = None
    ss["_c_last_bins"] = bins
    picks = [str(p["event_id"]) for p in _selection(ss.get("c_timeline"), "pick") if "event_id" in p]
    fold_clicks(ss, "c_selected", picks, "_c_last_pick", rows_from_table(ss.get("c_table")), "_c_last_rows",
                 "_c_table_ids")


def _selection(state: object, name: str) -> list[dict]:
    try:
        picked = state["selection"][name]  # type: ignore[index]
    except (KeyError, TypeError):
        return []
    return [p for p in picked if isinstance(p, dict)] if isinstance(picked, list) else []


def collection_page(options: DashboardOptions) -> None:
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
        st.html(quote_html(quote))
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

