"""The collection page: a Parquet/DuckDB store of many articles (made by `python -m timeline build`).

Above `--max-marks` events in view the chart counts events per period and a click on a bar lists
its events; fewer are drawn one by one, near-duplicates across articles folded into one mark.
Every query goes to DuckDB through timeline.collection (app/stores.py); nothing loads the whole store.
The view (store, filters, keyword, period, clicked bar, selected event) lives in the URL query string
(`?store=te3&years=1997-1998&site=a.com&q=election&event=ID:3`, collection_view.LINK_PARAMS): a link reopens it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from app import progressive, story
from app.collection_view import (
    LINK_PARAMS,
    SOURCES_LISTED,
    SOURCES_NAMED,
    CollectionLink,
    article_names,
    article_to_correct,
    auto_period,
    bin_id,
    bin_label,
    chart_frame,
    event_key,
    events_view,
    folded_note,
    key_dates_lines,
    link_params,
    published_events,
    read_link,
    reader_title,
    source_labels,
    sources_in_view,
    starts_outside,
    store_window,
    table_frame,
)
from app.options import DashboardOptions
from app.sources import PASTE
from app.stores import (
    StoreChoice,
    StoreRefused,
    listed_store,
    shown_message,
    store_query,
    store_version,
    stores_under,
    typed_store,
)
from app.style import articles_html, marked_html, text_html
from app.view import (
    KEYWORD_HELP,
    digest,
    event_choice,
    event_count,
    event_facts,
    fold_clicks,
    md_escape,
    picked,
    table_rows,
    year_range,
)
from app.widgets import (
    chart_width,
    downloads,
    error,
    event_panel,
    events_table,
    keyboard_pick,
    measure_chart_width,
    metrics,
    no_match,
    stand_in,
    year_slider,
)
from timeline.chart import GRANULARITY_ORDER, counts_spec, timeline_spec
from timeline.collection import StoreError, best_dates

__all__ = ["CAPTION", "LINK_PARAMS", "render"]

CAPTION = ("Every dated event of a collection of articles. With many events in view the chart counts "
           "them per period; narrow the years to see single events and the sentences they come from.")
OTHER_STORE = "Another folder…"
PERIOD_CHOICES = ("Automatic", "century", "decade", "year", "quarter", "month", "week", "day")
MAX_BINS = 2500  # more bars than this and the chart counts per the automatic period instead
BIN_ROWS = 1000  # events listed for one bar of the aggregated chart
ARTICLE_CHARS = 100_000  # longest article text shown in full
ARTICLES_LISTED = 12  # articles listed as reporting one event
KEY_DATES = 10  # dates in the topic timeline
KEY_DATES_EXACT = 100_000  # more events in view, filtered by years only: the collection's key dates, in those years
KEY_DATES_POOL = 200  # the collection's key dates (cached once per store) they are chosen from
KEY_DATES_PENDING = "Finding the dates most reported in view…"  # until the run after the chart is drawn


@dataclass(frozen=True)
class _Store:
    """The open store for this run: where it is, what the page calls it, its version and summary."""

    path: str
    shown: str
    version: str
    info: dict

    def query(self, kind: str, filters: dict | None = None, **options):
        """A cached query on this store (stores.store_query)."""
        return store_query(self.path, self.version, kind, filters, **options)


def render(options: DashboardOptions) -> None:
    """Draw the page: the store picker, then the store's filters, metrics and chart."""
    base = options.stores_dir or "."
    link = _shared_link()
    try:
        choice = _sidebar_store(options, base, link)
    except StoreRefused as refused:
        error(f"Cannot open the store: {refused}")
        return
    if choice is None:
        st.info("Choose a store in the sidebar, or type the folder of one made with "
                "`python -m timeline build SOURCE... --out STORE`.", icon=":material/arrow_back:")
        return
    store = _open(choice, base)
    if store is None:
        return
    if not store.info["events"]:
        st.info(f"The store {md_escape(store.shown)} holds {store.info['articles']:,} articles but no dated "
                "events yet.", icon=":material/event_busy:")
        return
    _restore(link, store)
    _collection(store, options.max_marks)


def _shared_link() -> CollectionLink:
    """The collection view of the link the session was opened with (read once, when it opens)."""
    ss = st.session_state
    if "_c_link" not in ss:
        ss["_c_link"] = read_link({k: st.query_params.get_all(k) for k in LINK_PARAMS},
                                  periods=PERIOD_CHOICES[1:], precisions=GRANULARITY_ORDER)
    return ss["_c_link"]


def _restore(link: CollectionLink, store: _Store) -> None:
    """Put the link's filters, bar and selection into the widgets' state, once, before they are drawn
    (only for the store the link names: another store starts from its defaults)."""
    ss = st.session_state
    if ss.get("_c_restored") or (link.store is not None and link.store != store.shown):
        ss["_c_restored"] = True
        return
    ss["_c_restored"] = True
    lo, hi = store.info["first_event"].year, store.info["last_event"].year
    if link.years and lo < hi:
        first, last = max(lo, min(link.years[0], hi)), min(hi, max(link.years[1], lo))
        ss[_years_key(store)] = (first, last)
    if link.sites:
        ss[_sources_key(store)] = [s for s in link.sites if s in set(store.query("sources"))]
    if link.precision:
        ss["c_granularity"] = list(link.precision)
    if link.keyword:
        ss["c_keyword"] = link.keyword
    if link.period:
        ss["c_period"] = link.period
    ss["c_group"] = link.group
    ss["c_bin"] = link.bin
    ss["c_selected"] = link.event


def _write_link(store: _Store, filters: dict, period: str | None, group: bool) -> None:
    """Put the view in the URL, so that a copied link reopens it (only what differs from the defaults)."""
    ss = st.session_state
    lo, hi = store.info["first_event"].year, store.info["last_event"].year
    years = tuple(filters["years"])
    chosen = ss.get("c_period")
    link = CollectionLink(
        store=store.shown, years=years if years != (lo, hi) else None, sites=tuple(filters.get("sources") or ()),
        precision=tuple(filters.get("granularities") or ()), keyword=filters.get("keyword") or "",
        period=chosen if chosen and chosen != PERIOD_CHOICES[0] else None, group=group,
        bin=tuple(ss["c_bin"]) if ss.get("c_bin") and period else None, event=ss.get("c_selected"),
    )
    for name, values in link_params(link).items():
        if st.query_params.get_all(name) == values:
            continue
        if values:
            st.query_params[name] = values if len(values) > 1 else values[0]
        else:
            del st.query_params[name]


def _sidebar_store(options: DashboardOptions, base: str, link: CollectionLink) -> StoreChoice | None:
    """The store to open: --store first, then stores found under the stores folder, or a folder typed in
    (inside the stores folder unless the server allows any)."""
    bar = progressive.sidebar()
    found = [listed_store(p, base) for p in ([options.store] if options.store else []) + stores_under(base)]
    choices = {c.shown: c for c in dict.fromkeys(found)}  # one entry per store, however it was found
    picked_name = OTHER_STORE
    if link.store and "store_pick" not in st.session_state:  # a shared link names its store
        st.session_state["store_pick"] = link.store if link.store in choices else OTHER_STORE
        if link.store not in choices:
            st.session_state["store_path"] = link.store
    if choices:
        picked_name = bar.selectbox("Store", [*choices, OTHER_STORE], key="store_pick",
                                    help="Stores given with --store or found in the stores folder (--stores-dir).")
    if picked_name != OTHER_STORE:
        return choices[picked_name]
    where = "any folder" if options.allow_any_store else "a folder inside the stores folder"
    typed = bar.text_input("Store folder", key="store_path", placeholder="path/to/store",
                           help=f"{where.capitalize()}, made by `python -m timeline build SOURCE... --out STORE`.")
    return typed_store(typed.strip(), base, allow_any=options.allow_any_store) if typed.strip() else None


def _open(choice: StoreChoice, base: str) -> _Store | None:
    """The store's version and summary, or None after a one-line message naming it as the page does."""
    try:
        version = store_version(choice.path)
        return _Store(str(choice.path), choice.shown, version, store_query(str(choice.path), version, "summary"))
    except (StoreError, OSError) as err:
        message = (str(err) if isinstance(err, StoreError)
                   else f"not a timeline store (no manifest.json): {choice.shown}")
        error(f"Cannot open the store: {shown_message(message, choice, base)}")
    except Exception as err:  # a damaged Parquet file, a foreign manifest...
        message = " ".join(str(err).split())[:300] or type(err).__name__
        error(f"Cannot read the store {choice.shown}: {shown_message(message, choice, base)}")
    return None


def _collection(store: _Store, max_marks: int) -> None:
    """Filters, metrics, then bars or single events depending on how many are in view. A session's first run
    draws the filters and the chart only (app.progressive): the rest follows once the browser has drawn it."""
    ss = st.session_state
    filters, period, group = _filters(store)
    ss["_c_period"] = period
    _follow_clicks()
    counts, period = _counts(store, filters, period)
    n = int(counts["events"].sum())
    whole = progressive.whole_page() or n == 0
    note = None
    noted = _note_expected(store, filters)
    # above the chart: on a session's first run, drawn once the chart is (room kept for it); the container's CSS
    # height (app/style.css) keeps that room while the whole page's head arrives piece by piece
    with st.container(key="tl_head_note" if noted else "tl_head"):
        if whole:
            note = _head(store, filters, n)
            if not _other_filters(filters):  # the note's count is the store's own (cached): drawn before the chart
                with note:
                    _window_note(store, filters)
                note = None
        else:
            _head_room(store, noted)
    if n == 0:
        no_match()
        ss["_c_last_bins"], ss["_c_last_pick"], ss["_c_last_rows"] = [], [], []
    else:
        if n > max_marks:
            _aggregated(store, filters, counts, period, group, n, max_marks, whole)
        else:
            _single_events(store, filters, group, n, whole)
    if note is not None:  # its query (the other filters over every year) runs once the chart is sent
        with note:
            _window_note(store, filters)
    if n and whole:
        _key_dates(store, filters, n)
    elif n:
        progressive.signal()
    _write_link(store, filters, period, group)


#: What the "Events" metric counts: reports, so that it adds up with the store's total and the events outside.
EVENTS_HELP = ("Dated events the filters keep, of all the store holds: one per article that reports a happening. "
               "Reports of one happening by several articles share one mark (*Group reports of one happening*).")


#: What the "Sources" metric counts ("Sources 1" said nothing to a reader of one agency's feed).
SOURCES_HELP = ("Where the articles come from: the sites of their addresses, or the files and feeds the store was "
                "built from (filter them in the sidebar when there are several).")


def _note_expected(store: _Store, filters: dict) -> bool:
    """Whether the years leave out some of the store's events, so that the note on them has room kept above
    the chart (the store's own spans, cached: the count with the other filters comes with the whole page)."""
    return bool(starts_outside(store.query("year_spans"), filters["years"]) and st.session_state.get("_c_years_key"))


def _head_room(store: _Store, note: bool) -> None:
    """A session's first run: the store's name, and room for the metrics and the note, which follow the chart."""
    stand_in([_store_line_text(store)], after=["metrics", "note"] if note else ["metrics"])


def _store_line(store: _Store) -> None:
    name, rest = _store_line_text(store)
    st.markdown(f"**{md_escape(name)}** {rest}")


def _store_line_text(store: _Store) -> tuple[str, str]:
    """The store's name and its article count: ('news', '· 2,452 articles')."""
    return Path(store.shown).name or store.shown, f"· {store.info['articles']:,} articles"


def _head(store: _Store, filters: dict, n: int) -> DeltaGenerator:
    """The store's name and the metrics; returns the place of the note on the events outside the years."""
    info = store.info
    _store_line(store)
    metrics([("Articles", f"{info['articles']:,}", None), ("Events", event_count(n, info["events"]), EVENTS_HELP),
             ("Years", year_range(filters["years"]), None),
             ("Sources", f"{len(filters.get('sources') or store.query('sources')):,}", SOURCES_HELP)])
    return st.container()


def _window_note(store: _Store, filters: dict) -> None:
    """How many events the years alone hide: those the other filters (keyword, sources, precision) keep."""
    info = store.info
    bounds = (info["first_event"].year, info["last_event"].year)
    others = _other_filters(filters)
    spans = store.query("year_spans", others or None)  # without other filters: the store's, cached for all
    key = st.session_state.get("_c_years_key")
    story.window_note(starts_outside(spans, filters["years"]), filters["years"], key, bounds,
                      st.session_state.get(f"{key}:opening"))


def _other_filters(filters: dict) -> dict:
    """The filters besides the years (keyword, sources, precision): with none, the note's count is cached."""
    return {name: value for name, value in filters.items() if name != "years"}


def _counts(store: _Store, filters: dict, period: str) -> tuple[pd.DataFrame, str]:
    """The bars: events per period with the coarser dates' spread share (one scan of the store, count_bars);
    per the automatic period when the chosen one makes too many bars. The bars' counts add up to the events in
    view, so the same scan says how many there are."""
    counts = store.query("bars", filters, period=period)
    if len(counts) > MAX_BINS:  # days over decades: too many bars to click, and slow to draw
        wider = auto_period(filters["years"])
        st.info(f"{len(counts):,} {period}s are too many bars: counting per {wider} instead.",
                icon=":material/bar_chart:")
        st.session_state["_c_period"] = wider
        return store.query("bars", filters, period=wider), wider
    return counts, period


def _filters(store: _Store) -> tuple[dict, str, bool]:
    """The sidebar filters as query_events keyword arguments, the bin period chosen and whether to group."""
    bar = progressive.sidebar()
    bar.header("Filters")
    filters: dict = {"years": _years_slider(store)}
    chosen = _sources_filter(store, filters["years"])
    if chosen:
        filters["sources"] = chosen
    granularities = bar.multiselect("Precision", GRANULARITY_ORDER, key="c_granularity", placeholder="Any precision",
                                    help="How precisely the text dates each event.")
    if granularities:
        filters["granularities"] = list(granularities)
    keyword = bar.text_input("Words", key="c_keyword", placeholder="e.g. election",
                             help=KEYWORD_HELP).strip()
    if keyword:
        filters["keyword"] = keyword
    period = bar.selectbox("Bars count events per", PERIOD_CHOICES, key="c_period",
                           help="When too many events are in view to draw one by one.")
    st.session_state.setdefault("c_group", True)
    group = bar.toggle("Group reports of one happening", key="c_group",
                       help="One mark for a happening several articles report: same date, same action word and "
                            "similar wording.")
    return filters, (auto_period(filters["years"]) if period == PERIOD_CHOICES[0] else period), group


def _sources_filter(store: _Store, years: tuple[int, int]) -> list[str]:
    """The Sources filter: every source by its name when there are a handful (SOURCES_NAMED); in a store of more
    (a folder of 2,452 wire stories, each file a source) the sources with events under the other filters, most
    events first, each with its count and its story's title (source_labels), found by typing any words of it."""
    names = store.query("sources")
    if len(names) <= 1:
        return []
    bar, key = progressive.sidebar(), _sources_key(store)
    if len(names) <= SOURCES_NAMED:
        return bar.multiselect("Sources", names, key=key, placeholder="All sources",
                               help="Sites (from the article URL), or the files the articles were read from.")
    ss = st.session_state
    keyword, granularities = str(ss.get("c_keyword") or "").strip(), ss.get("c_granularity")  # drawn below
    others = {"years": years, **({"keyword": keyword} if keyword else {}),
              **({"granularities": list(granularities)} if granularities else {})}
    in_view = store.query("source_counts", others)
    labels = sources_in_view(_source_labels(store.path, store.version), in_view, ss.get(key) or [])
    return bar.multiselect(
        "Sources", list(labels), key=key, format_func=lambda name: labels.get(name, name), filter_mode="contains",
        select_all=False,  # "all in view" is not "all": the years moved, it would leave the new ones out
        placeholder=f"All {len(names):,} sources · type to find",
        help=f"The {_listed(len(in_view))} sources with events in view (the years, words and precision chosen), the "
             "most events first: each with its events in the store, its story's title when it is one article, and its "
             "name (a site, from the article URL, or the file the articles were read from). Type any words of a "
             "title or a name to find one.")


def _listed(in_view: int) -> str:
    return f"{in_view:,}" if in_view <= SOURCES_LISTED else f"{SOURCES_LISTED:,} of the {in_view:,}"


# Every source's label, once per store (2,452: 0.1 s to make): a run only picks those in view.
@st.cache_data(show_spinner=False, max_entries=8)
def _source_labels(path: str, version: str) -> dict[str, str]:
    return source_labels(store_query(path, version, "source_table"))


def _years_slider(store: _Store) -> tuple[int, int]:
    """The years filter; its key goes to session_state['_c_years_key'] so the zoom button can move it."""
    ss = st.session_state
    lo, hi = store.info["first_event"].year, store.info["last_event"].year
    if lo == hi:
        ss["_c_years_key"] = None
        progressive.sidebar().caption(f"All events start in {lo}.")
        return lo, hi
    key = ss["_c_years_key"] = _years_key(store)
    if key not in ss:  # set here, not as value=, so the zoom button (and a shared link) may move it
        ss[key] = ss[f"{key}:opening"] = store_window(store.query("year_spans"), store.info, (lo, hi))
    per_year = store.query("counts", {"years": (lo, hi)}, period="year")  # the slider's stops follow the events
    events_per_year = dict(zip(pd.to_datetime(per_year["period"]).dt.year, per_year["events"], strict=True))
    return year_slider("Years", lo, hi, key=key, events_per_year=events_per_year,
                       help_text="Events that start in these years.")


def _years_key(store: _Store) -> str:
    lo, hi = store.info["first_event"].year, store.info["last_event"].year
    return f"c_years:{digest(store.path)}:{lo}-{hi}"


def _sources_key(store: _Store) -> str:
    return f"c_sources:{digest(store.path)}"


def _key_dates(store: _Store, filters: dict, n: int) -> None:
    """The topic timeline: the dates most reported in view, each with what happened and who reported it.

    Above KEY_DATES_EXACT events filtered by years alone, they are the collection's key dates (computed once
    per store, for every session) that fall in those years: grouping a million events anew at each step of
    the year slider would hold up the next redraw."""
    only_years = not any(filters.get(k) for k in ("keyword", "sources", "granularities"))
    if n > KEY_DATES_EXACT and only_years:
        pool = store.query("key_dates", None, n=KEY_DATES_POOL)
        first, last = filters["years"]
        years = pd.to_datetime(pool["start"]).dt.year if len(pool) else pool.get("start")
        dates = pool[(years >= first) & (years <= last)] if len(pool) else pool
        dates = best_dates(dates, KEY_DATES) if len(dates) else dates
        about = "the whole collection, in these years"
    else:
        # Grouping the events in view costs a few hundred ms of CPU at a million events: computed in the run after
        # the browser has drawn the new bars (progressive.after_drawn), so that it does not hold up the redraw.
        if not progressive.after_drawn(digest(store.path, store.version, sorted(filters.items())), key="c_key_dates"):
            st.header("Key dates")  # h2 after the page's h1 (axe: heading-order)
            st.caption(KEY_DATES_PENDING)
            return
        dates = store.query("key_dates", filters, n=KEY_DATES)
        about = f"“{filters['keyword']}”" if filters.get("keyword") else "the events in view"
    if dates is None or dates.empty:
        return
    st.header("Key dates")  # h2 after the page's h1 (axe: heading-order)
    st.caption(f"The {len(dates)} happenings reported by the most articles, of {md_escape(about)}, one per date.")
    st.markdown("\n".join(f"- **{md_escape(when)}** · {md_escape(what)} · *{md_escape(who)}*"
                          for when, what, who in key_dates_lines(dates)))


def _follow_clicks() -> None:
    """Fold new clicks (a bar, an event mark, a table row) into c_bin and c_selected."""
    ss = st.session_state
    bins = picked(ss.get("c_bins"), "bin", "bin_id")
    if bins != ss.get("_c_last_bins", []):
        ss["c_bin"] = (ss.get("_c_period"), bins[-1]) if bins else None
        ss["c_selected"] = None
    ss["_c_last_bins"] = bins
    fold_clicks(ss, "c_selected", picked(ss.get("c_timeline"), "pick", "event_id"), "_c_last_pick",
                table_rows(ss.get("c_table")), "_c_last_rows", "_c_table_ids")


def _aggregated(store: _Store, filters: dict, counts: pd.DataFrame, period: str, group: bool, n: int,
                max_marks: int, whole: bool = True) -> None:
    """Bars per period; a clicked bar lists its events (at most BIN_ROWS) and offers to zoom to it."""
    ss = st.session_state
    bars, counts = counts, counts[counts["events"] > 0]  # a bar only coarser dates reach lists no events
    ids = bin_id(counts["period"])
    chosen = ss.get("c_bin")
    picked_bin = chosen[1] if chosen and chosen[0] == period and chosen[1] in set(ids) else None
    st.caption(f"{n:,} events in view, more than the {max_marks:,} drawn one by one: the bars count them per "
               f"{period}. Dark: dated within the {period}; light: dates known only to a coarser period (a "
               f"year, a decade), spread evenly over it. Click a bar to list the events starting in it; narrow "
               "the years to see single events.")
    bars = bars.assign(label=[bin_label(start, period) for start in bars["period"]])  # read out by screen readers
    st.vega_lite_chart(spec=_counts_spec(bars, picked_bin), on_select="rerun",
                       selection_mode="bin", key="c_bins", width="stretch")
    if not whole:
        return
    _bin_box(counts, ids, period, picked_bin)
    ss["_c_last_pick"] = []
    if picked_bin is None:
        ss["_c_last_rows"], ss["_c_table_ids"] = [], []
        return
    row = counts[ids == picked_bin].iloc[0]
    start, end = row["period"].date(), row["period_end"].date()
    events = store.query("events", {**filters, "dates": (start, end)}, limit=BIN_ROWS, happenings=group)
    view = events_view(events, group=group)
    st.header(f"{bin_label(row['period'], period)}: {int(row['events']):,} events "
              f"in {int(row['articles']):,} articles")
    shown = f"The first {len(events):,} by date" if int(row["events"]) > len(events) else "All of them"
    st.caption(f"{shown}{', near-duplicates grouped' if group else ''}. Pick a row to read its sentence.")
    _zoom_button(filters["years"], (start.year, (end - timedelta(days=1)).year))
    _table(view)
    _event(store, view, events, hint=False)


# Every new session (a page open, a reload) asks for the same bars: their rows (about a thousand, with their
# interval texts) are built once for all sessions, keyed by the counts and the picked bar.
@st.cache_data(show_spinner=False, max_entries=64)
def _counts_spec(bars: pd.DataFrame, picked_bin: str | None) -> dict:
    return counts_spec(bars, selected=picked_bin)


def _bin_box(counts: pd.DataFrame, ids: pd.Series, period: str, picked_bin: str | None) -> None:
    """The bars' click for the keyboard: a select box of the periods, with their counts."""
    ss = st.session_state
    choices = {i: f"{bin_label(start, period)}: {int(n):,} events"
               for i, start, n in zip(ids, counts["period"], counts["events"], strict=True)}

    def chosen() -> None:
        ss["c_bin"] = (period, ss["_c_bin_pick"]) if ss["_c_bin_pick"] else None
        ss["c_selected"] = None

    keyboard_pick("Choose a period", choices, picked_bin, key="c_bin_box", target="_c_bin_pick", then=chosen,
                  help_text="Lists the period's events as a click on its bar does.")


def _zoom_button(years: tuple[int, int], to: tuple[int, int]) -> None:
    key = st.session_state.get("_c_years_key")
    if key and tuple(years) != to:
        label = f"Zoom to {to[0]}" if to[0] == to[1] else f"Zoom to {to[0]}–{to[1]}"
        st.button(label, key="c_zoom", on_click=_zoom, args=(key, to), icon=":material/zoom_in:")


def _zoom(key: str, years: tuple[int, int]) -> None:
    st.session_state[key] = years
    st.session_state["c_bin"] = None


def _single_events(store: _Store, filters: dict, group: bool, n: int, whole: bool = True) -> None:
    """One mark per event (near-duplicates folded when `group`), the table, and the picked event."""
    ss = st.session_state
    events = store.query("events", filters, limit=max(n, 1), happenings=group)
    view = story.with_importance(events_view(events, group=group))
    selected = ss.get("c_selected")
    visible = selected in set(view["event_id"])
    if len(view) < len(events):  # above the chart in both runs (nothing moves): the metric counted every report
        st.caption(folded_note(len(events), len(view)))
    drawn = story.key_events(view, key="c_key_only", keep=selected if visible else None,
                             window=tuple(filters["years"]))
    spec = timeline_spec(chart_frame(drawn), selected=selected if visible else None, color_by_source=False,
                         window=tuple(filters["years"]), layout_width=chart_width("c_timeline"))
    st.vega_lite_chart(spec=spec, on_select="rerun", selection_mode="pick", key="c_timeline", width="stretch")
    if not whole:
        return
    measure_chart_width("c_timeline")
    choices = dict(zip(view["event_id"], view.apply(event_choice, axis=1), strict=True))
    keyboard_pick("Choose an event", choices, selected if visible else None, key="c_event_box", target="c_selected",
                  help_text="Picks the event as a click on its mark does: its sentence and article are shown below.")
    ss["_c_last_bins"] = []
    story.story(drawn, source="source_text", selected=selected if visible else None)
    panel = st.container()
    st.header("Events")
    _table(drawn)  # the chart's events (the key events only when it draws them only); the pick box has them all
    with panel:
        _event(store, view, events)
    shown, articles = published_events(drawn)  # as the article page publishes its own
    keyword = filters.get("keyword")
    downloads(shown, f"{Path(store.shown).name or store.shown}" + (f": {keyword}" if keyword else ""), articles,
              in_view=len(view))


def _table(view: pd.DataFrame) -> None:
    events_table(table_frame(view), view["event_id"].tolist(), key="c_table", ids_key="_c_table_ids",
                 column_config={"Link": st.column_config.LinkColumn(
                     display_text="open", width="small", help="The article's address (opened only when clicked).")},
                 room=chart_width("c_timeline"))


def _event(store: _Store, view: pd.DataFrame, events: pd.DataFrame, *, hint: bool = True) -> None:
    """The picked event: its sentence, its article (text, title, link) and the other articles reporting it."""
    selected = st.session_state.get("c_selected")
    match = view[view["event_id"] == selected]
    if match.empty:
        if hint:
            st.caption("Click an event on the chart, or a row in the table, to read its sentence and article."
                       if selected is None or not len(view) else
                       "The selected event is not in this view. Click an event or a row to read it.")
        return
    event = match.iloc[0]
    st.header("Selected event")
    article = store.query("article", article_id=str(event["article_id"])) or {}
    text = article.get("text") or ""
    keys = [event_key(a, e) for a, e in zip(events["article_id"], events["event_id"], strict=True)]
    members = events.assign(key=keys).set_index("key").loc[list(event["members"])]
    event_panel(event, text, event_facts(event), more_text=lambda: _article_text(event, text),
                more_facts=lambda: _reporting(members))
    if text:
        pasted = article_to_correct(reader_title(article.get("title"), article.get("lead_title")),
                                    article.get("published"), text)
        st.button("Correct this article's dates", key="c_correct", icon=":material/edit:", on_click=_correct,
                  args=(pasted,), help="Opens the article on its own page (as pasted text, its name and publication "
                                       "date at its top), where an event's date or words can be corrected, an event "
                                       "hidden or added, and the timeline published. The collection is one click "
                                       "back, under Sources.")


def _correct(pasted: str) -> None:
    """The article page, on `pasted` (article_to_correct): the Sources radio set to "Paste text" before it is drawn."""
    st.session_state["mode"] = PASTE
    st.session_state["paste"] = pasted


def _article_text(event: pd.Series, text: str) -> None:
    """The whole article (its first ARTICLE_CHARS characters) in an expander, the event's sentence marked."""
    if not text:
        st.caption("The store holds no text for this article.")
        return
    sentence = str(event["sentence"])
    s_start, s_end = int(event["sentence_start"]), int(event["sentence_end"])
    if text[s_start:s_end] == sentence and s_end <= ARTICLE_CHARS:
        e_start, e_end = int(event["expression_start"]) - s_start, int(event["expression_end"]) - s_start
        body = text_html(text[:ARTICLE_CHARS], s_start, s_end, marked_html(sentence, e_start, e_end))
    else:
        body = text_html(text[:ARTICLE_CHARS])
    cut = f" (first {ARTICLE_CHARS:,} characters)" if len(text) > ARTICLE_CHARS else ""
    with st.expander(f"Article text{cut}"):
        st.html(body)


def _reporting(members: pd.DataFrame) -> None:
    """'Reported by N articles' and the first ARTICLES_LISTED of them."""
    reporting = members["article_id"].nunique()
    st.markdown(f"**Reported by {reporting} article{'s' if reporting > 1 else ''}**")
    articles = members.drop_duplicates("article_id")
    listed = articles.head(ARTICLES_LISTED)
    st.html(articles_html(listed.assign(article=article_names(listed))))
    if len(articles) > ARTICLES_LISTED:
        st.caption(f"and {len(articles) - ARTICLES_LISTED:,} more")
