"""The article page: one or several articles (bundled, pasted or uploaded) on one timeline.

Sidebar: the articles, their publication dates, the filters. Main area: the article line, metrics, the
chart (click an event), the selected event's sentence and paragraph, the table (a second way to pick)
and downloads. The year range, the selected event and the bundled articles live in the URL query
string (`?years=2015-2021&event=0-3&article=a.txt,b.txt`), so a link reopens the same view.
"""

from __future__ import annotations

import dataclasses
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from datetime import date
from typing import TypeVar

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from app import curation_panel, progressive, story, view
from app import sources as src
from app.options import DashboardOptions
from app.sources import Source
from app.style import link_html
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
    page_head,
    stand_in,
    year_slider,
)
from timeline.chart import GRANULARITY_ORDER, timeline_spec
from timeline.curation import CuratedTimeline
from timeline.documents import DocumentError, lead_title, shown_title
from timeline.publish import article, safe_url, with_curation
from timeline.types import Document

__all__ = ["CAPTION", "CAPTION_SEVERAL", "caption", "render"]

CAPTION = ("Every dated event in the article, placed on a timeline with the sentence it comes from. "
           "Dates are only as precise as the text: a day is a dot, a month or a year is a bar.")
CAPTION_SEVERAL = ("Every dated event in the articles, on one timeline, each with the sentence it comes from. "
                   "Dates are only as precise as the text: a day is a dot, a month or a year is a bar.")
DATES_SHOWN = 3  # more articles than this: their publication dates are in a folded box above the filters
_CAPTION_SHOWN = "_page_caption"  # session_state: the caption the page head was last drawn with
#: What each source asks for while it has nothing to show ("Timeline file" asks in curation_panel): "Upload files"
#: with no file said "Choose a bundled article, paste an article or a link, or upload files in the sidebar".
ASK = {
    src.BUNDLED: "Choose one or more bundled articles in the sidebar.",
    src.PASTE: "Paste an article in the sidebar, headline and dateline included, then press Ctrl+Enter or click "
               "outside the box.",
    src.UPLOAD: "Upload one or more articles in the sidebar: plain text, Markdown, HTML or TimeML files. Several "
                "are compared on one timeline.",
    src.LINK: "Paste a link to an article in the sidebar, then click **Fetch**.",
}
ARTICLE_LINE_NAMES = 5  # names in "30 articles compared: ..."; the sidebar's file list and filter have them all
LINK = ("years", "event", "article", "url")  # the query parameters a shared link carries
#: Said instead of an empty page when a link was made from pasted text or uploads, which no server keeps.
NOT_RESTORABLE = {
    src.PASTE: "This link was made from pasted text, which is not kept anywhere, so its view cannot be restored. "
               "Paste the article again to see its timeline.",
    src.UPLOAD: "This link was made from uploaded files, which are not kept anywhere, so its view cannot be "
                "restored. Upload the files again to see their timeline.",
}
_MAIN_FAILED = "_main_area_failed"  # session_state: this run's main area raised (no chart to wait for)
T = TypeVar("T")
_SOURCE_NOTES = {
    "dateline": "found in the dateline", "meta": "found in the page metadata", "user": "set by you",
    "timeml": "from the document's creation time",
}


def caption() -> str:
    """The caption the page head was drawn with on the session's last run (one article's on its first): the head is
    drawn with it at once, and worded again (`render`) only if the articles read are fewer or more than one."""
    return st.session_state.get(_CAPTION_SHOWN, CAPTION)


def _word_caption(head: DeltaGenerator | None, documents: list[Document]) -> None:
    """The page head's caption for one article or several, drawn again in `head` when it changes (before the chart
    is sent: the chart is drawn under the caption it keeps)."""
    wanted = CAPTION_SEVERAL if len(documents) > 1 else CAPTION
    if head is not None and wanted != caption():
        page_head(wanted, place=head)
    st.session_state[_CAPTION_SHOWN] = wanted


def render(mode: str, options: DashboardOptions | None = None, head: DeltaGenerator | None = None) -> None:
    """Draw the page for the sources chosen in the sidebar radio (`mode`: one of sources.MODES) under the page
    head `head` (a placeholder holding the title and `caption()`)."""
    qp = _shared_link()
    _follow_clicks()
    bundled = mode == src.BUNDLED
    if mode != src.LINK:
        _write_param("url", None)  # a fetched page's address belongs to "Paste a link" only
    if mode == src.OPEN_FILE:
        documents, errors = curation_panel.opened_documents()
    else:
        curation_panel.use_session_workspace()
        if mode == src.LINK:
            documents, errors = _linked_documents(options or DashboardOptions())
        else:
            documents, errors = src.read_all(_sidebar_items(mode, qp), bundled=bundled)
    _word_caption(head, documents)
    sources, extract_errors = _read_dates(documents, bundled=bundled)
    curated = curation_panel.apply(sources)
    frame = _all_events(sources)
    if documents and not frame.empty:
        filters = _sidebar_filters(frame, qp, sources)
        whole = progressive.whole_page() or filters.shown(frame).empty  # as _timeline decides
        if whole:
            curation_panel.add_form(sources)
        _main_area(sources, qp, mode, errors + extract_errors, filters)
        failed = st.session_state.pop(_MAIN_FAILED, False)  # no chart to wait for: progressive reruns at once
        if not whole and not failed:
            progressive.signal()  # a rerun of the whole script: the sidebar's add form comes with the rest
        return
    for message in errors + extract_errors:
        error(message)
    if sources:
        curation_panel.toolbar(curated, sources)
        curation_panel.add_form(sources)
    if not documents and not errors and _linked_to_lost(mode):
        st.warning(NOT_RESTORABLE[mode], icon=":material/link_off:")
    elif not documents:
        if not errors and mode in ASK:
            st.info(ASK[mode], icon=":material/arrow_back:")
    elif curated.events:
        st.info("Every event is hidden or merged: show them again under **Hidden events**, or **Undo**.")
    else:
        _metrics(sources, frame, frame)
        st.info("\n\n".join(_empty_explanation(sources)), icon=":material/event_busy:")
    _forget_widgets()


def _shared_link() -> dict[str, str | None]:
    """The query parameters of the link the session was opened with (read once, when it opens); none from a
    link to pasted text, uploads or a collection (another text must not open on their years and event)."""
    ss = st.session_state
    if "_qp" not in ss:
        ss["_qp_source"] = st.query_params.get("source")
        if ss["_qp_source"] == "link":  # the address of a fetched page, shown in the box, fetched on click only
            ss["_qp_url"] = safe_url(st.query_params.get("url"))
        mine = ss["_qp_source"] in (None, "bundled")  # not a collection's years, nor a lost text's
        ss["_qp"] = {k: st.query_params.get(k) if mine else None for k in LINK}
        ss["selected"] = ss["_qp"].get("event")
    return ss["_qp"]


def _linked_to_lost(mode: str) -> bool:
    """Whether the page was opened from a link to pasted text or uploads (of this mode), not yet replaced."""
    return mode in NOT_RESTORABLE and st.session_state.get("_qp_source") == {src.PASTE: "paste"}.get(mode, "upload")


def _follow_clicks() -> None:
    """Fold what the user just clicked (chart or table) into session_state['selected'].

    Runs before anything is drawn so the chart highlights the new pick on this very run. A pick
    survives filter changes; only a click on empty chart space clears it.
    """
    ss = st.session_state
    view.fold_clicks(ss, "selected", view.picked(ss.get("timeline"), "pick", "event_id"), "_last_chart",
                view.table_rows(ss.get("table")), "_last_table", "_table_ids")


def _forget_widgets() -> None:
    """No chart or table this run: their selections start empty next time."""
    st.session_state["_last_chart"], st.session_state["_last_table"] = [], []


# ---------------------------------------------------------------- sidebar

def _sidebar_items(mode: str, qp: dict[str, str | None]) -> list[tuple[bytes, str]]:
    """The chosen articles' bytes and names, from the widget of `mode`."""
    bar = progressive.sidebar()
    if mode == src.BUNDLED:
        names = src.bundled_articles()
        wanted = [n for n in (qp.get("article") or "").split(",") if n in names] or names[:1]
        return src.bundled_items(bar.multiselect("Bundled articles", names, default=wanted, key="bundled",
                                                 help="Articles shipped in the data/ folder."))
    if mode == src.PASTE:
        return src.pasted_items(bar.text_area(
            "Article text", key="paste", height=240, placeholder="Paste the article here, headline and dateline "
            "included.", help="Press Ctrl+Enter or click outside the box to apply."))
    files = bar.file_uploader("Article files", type=[s.lstrip(".") for s in src.SUFFIXES],
                              accept_multiple_files=True, key="uploads",
                              help="Plain text, Markdown, HTML or TimeML; several files are compared.") or []
    return [(f.getvalue(), f.name) for f in files]


def _linked_documents(options: DashboardOptions) -> tuple[list[Document], list[str]]:
    """The article fetched from the link the user pasted, and the reason the last fetch failed. The page is
    fetched only when Fetch is clicked (or Enter pressed); what it gave stays until the next fetch, and a
    failed fetch leaves the article already shown in place."""
    ss = st.session_state
    linked = ss.pop("_qp_url", None)  # a shared link's address (?source=link&url=...): in the box, not fetched
    if linked:
        ss["link"] = ss["_link_url"] = linked
    with st.sidebar.form("link-form", border=False):
        url = st.text_input("Link to an article", key="link", placeholder="https://…",
                            help="A web page (HTML) or plain text; it is fetched only when you click Fetch.")
        fetch = st.form_submit_button("Fetch")
    if linked and not ss.get("_link_document"):
        st.sidebar.caption("This link names the page above: click **Fetch** to read it (nothing is fetched "
                           "until you do).")
    if fetch:
        ss["_link_error"] = None
        if not url.strip():
            ss["_link_error"] = "Paste a link (http:// or https://) first."
        else:
            try:
                with st.spinner("Fetching the page…"):
                    ss["_link_document"] = src.fetch_link(url, options.allow_private_urls)
                ss["_link_url"] = safe_url(url)  # the shared link names the page the reader fetched
            except DocumentError as err:  # FetchError: refused, too large, timed out, not a page, ...
                ss["_link_error"] = str(err)
            except Exception as err:  # a bug must not take the page down
                ss["_link_error"] = f"{url.strip()}: could not be fetched ({type(err).__name__})"
    _write_param("url", ss.get("_link_url"))
    document = ss.get("_link_document")
    return ([document] if document else []), ([ss["_link_error"]] if ss.get("_link_error") else [])


def _write_param(name: str, value: str | None) -> None:
    """Set (or, with None, remove) one parameter of the page's URL, only when it changes."""
    if value is None and name in st.query_params:
        del st.query_params[name]
    elif value is not None and st.query_params.get(name) != value:
        st.query_params[name] = value


def _publication_date(document: Document, several: bool, bar) -> Document:
    """A date input in `bar` showing the publication date found; a change re-anchors the article (the same
    Document with another date: its title, notes and dateline stay)."""
    key = f"published:{view.digest(document.name, document.text)}"
    label = f"Published: {document.name}" if several else "Publication date"
    chosen = bar.date_input(
        label, value=document.published, key=key, min_value=date(1800, 1, 1), max_value=date(2100, 12, 31),
        format="YYYY-MM-DD", help="Relative dates ('on Sunday', 'last year') are counted from this day.",
    )
    if chosen != document.published:
        document = dataclasses.replace(document, published=chosen, published_source="user" if chosen else None)
    note = _SOURCE_NOTES.get(document.published_source or "", "")
    if document.published is None:
        bar.caption("No publication date found: relative dates cannot be placed until you set one.")
    elif note:
        bar.caption(f"Publication date {note}.")
    return document


def _read_dates(documents: list[Document], *, bundled: bool) -> tuple[list[Source], list[str]]:
    """`_load_sources`, saying meanwhile in the main area what the page is doing. Fifteen uploaded files took a
    second or more to read (longer while the parser loads), and all that time the page went on saying "Choose
    a bundled article, paste an article or a link, or upload files", as before the files were given."""
    if bundled or not documents:  # the bundled article is read from disk at once; its first frame stays as it is
        return _load_sources(documents, bundled=bundled)
    reading = st.empty()
    count = f"{len(documents)} articles" if len(documents) > 1 else "the article"
    reading.info(f"Finding the dates in {count}…",
                 icon=":material/hourglass_top:")
    try:
        return _load_sources(documents, bundled=bundled)
    finally:
        reading.empty()


def _load_sources(documents: list[Document], *, bundled: bool = False) -> tuple[list[Source], list[str]]:
    """Each article with its publication date (as set in the sidebar) and its events; one-line reasons
    for those whose extraction failed. `bundled`: bundled articles, whose extraction is kept on disk."""
    several = len(documents) > 1
    bar = progressive.sidebar()
    if len(documents) > DATES_SHOWN:  # folded, unless one needs a date: fifteen took the sidebar's first 2,800 px
        bar = bar.expander(f"Publication dates ({len(documents)} articles)",
                           expanded=any(d.published is None for d in documents))
    elif several:
        bar.subheader("Publication dates")
    documents = [_publication_date(d, several, bar) for d in documents]
    sources, errors = [], []
    for index, (document, name) in enumerate(zip(documents, view.unique_names(d.name for d in documents), strict=True)):
        try:
            extracted, unplaced = curation_panel.extracted(document, bundled=bundled)
        except Exception as err:  # one article failing must leave the others working
            errors.append(f"{name}: dates could not be extracted ({type(err).__name__})")
            continue
        sources.append(Source(index, name, document, pd.DataFrame(), unplaced, extracted))  # events: curated
    return sources, errors


@dataclasses.dataclass(frozen=True)
class Filters:
    """What the sidebar's filters chose, and the facts of the events their widgets were drawn for."""

    years: tuple[int, int] | None  # None: the events all fall in one year
    granularities: tuple[str, ...]
    keyword: str
    articles: tuple[str, ...] | None  # None: one article, or all
    drawn_for: tuple  # _sidebar_facts of the events: an edit that changes them redraws the sidebar
    titles: tuple[tuple[str, str], ...] = ()  # (source, its article's name) of compared articles: words look there too

    def shown(self, frame: pd.DataFrame) -> pd.DataFrame:
        """The events of `frame` the filters keep."""
        return self.views(frame)[0]

    def views(self, frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
        """(the events of `frame` the filters keep, those the filters but the years keep: the years alone hide
        the others), filtered once per run: the page and its main area ask for the same frame and filters."""
        return _made_once("_filtered", (frame,), lambda: self._filter(frame), values=(self,))

    def _filter(self, frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
        any_year = view.filter_events(frame, granularities=list(self.granularities), keyword=self.keyword,
                                      sources=None if self.articles is None else list(self.articles),
                                      titles=dict(self.titles))
        return view.filter_events(any_year, years=self.years), any_year

    def remember(self) -> None:
        """Say them for a saved timeline file's `view` (curation_panel.remember_view)."""
        curation_panel.remember_view(years=list(self.years) if self.years else None, precision=list(self.granularities),
                                     keyword=self.keyword, articles=None if self.articles is None else list(self.articles))


def _all_events(sources: list[Source]) -> pd.DataFrame:
    """`view.all_events` of the sources' events, made once for the same frames: the page and its main-area
    fragment both ask in a run, and curation_panel.apply hands out the same frames until the log changes."""
    frames = tuple(s.events for s in sources)
    return _made_once("_all_events", frames, lambda: view.all_events(frames))


def _sidebar_facts(frame: pd.DataFrame) -> tuple[tuple, dict[int, int]]:
    """What the sidebar's filter widgets show of the events (year bounds, the slider's stops, precisions,
    articles), and the events per year the slider's stops are chosen by (made once per frame of _all_events)."""
    return _made_once("_sidebar_facts", (frame,), lambda: _facts_of(frame))


def _made_once(name: str, inputs: tuple, make: Callable[[], T], values: tuple = ()) -> T:
    """`make()`, kept for the whole server (the last _KEPT per `name`) and made again only for `inputs` that are
    other objects (identity, not equality: comparing frames' contents would cost what it saves) or other `values`
    (hashable, compared by equality). Sessions share what they are given by the same objects: an article nobody
    edited has one events frame for every session (curation_panel), so a reload's first run, a new session,
    draws its chart from the frames, filters and scores made before. What is made must never change in place."""
    key = (name, tuple(map(id, inputs)), values)
    with _MEMO_LOCK:
        kept = _MEMO.get(key)
    if kept is not None and all(a is b for a, b in zip(kept[0], inputs, strict=True)):
        return kept[1]
    made = make()
    with _MEMO_LOCK:  # the inputs are kept too: their ids are not reused while they are
        _MEMO[key] = (inputs, made)
        _MEMO.move_to_end(key)
        names = [k for k in _MEMO if k[0] == name]
        for old in names[:-_KEPT]:
            del _MEMO[old]
    return made


_KEPT = 16  # per kind of result: the views of a few sessions and articles
_MEMO: OrderedDict[tuple, tuple] = OrderedDict()
_MEMO_LOCK = threading.Lock()
if int(pd.__version__.split(".")[0]) < 3:  # what sessions share is derived from, never written through: pandas 3
    pd.set_option("mode.copy_on_write", True)  # always copies on write, 2.x (which pyproject allows) when asked


def _facts_of(frame: pd.DataFrame) -> tuple[tuple, dict[int, int]]:
    found = set(frame["granularity"])
    lo, hi = view.year_bounds(frame)
    counts = frame["start"].dt.year.value_counts().to_dict() if lo < hi else {}
    stops = tuple(view.year_stops(lo, hi, counts)) if lo < hi else ()
    return ((lo, hi), stops, tuple(g for g in GRANULARITY_ORDER if g in found),
            tuple(dict.fromkeys(frame["source"]))), counts


def _sidebar_filters(frame: pd.DataFrame, qp: dict[str, str | None], sources: list[Source]) -> Filters:
    """The filter widgets and what they chose. The years open on where the events are (view.default_years)."""
    bar = progressive.sidebar()
    bar.header("Filters")
    facts, counts = _sidebar_facts(frame)
    (lo, hi), _, present, names = facts
    present, names = list(present), list(names)
    years: tuple[int, int] | None = None
    saved = curation_panel.saved_view()  # a timeline file opened on this run: its filters
    _restore_filters(saved, present, names)
    if lo < hi:
        key = st.session_state["_years_key"] = f"years:{lo}-{hi}"
        if isinstance(saved.get("years"), list) and len(saved["years"]) == 2:
            st.session_state[key] = view.parse_years("-".join(map(str, saved["years"])), (lo, hi))
        if key not in st.session_state:  # the years it opens on: read once (every event's date), not every run
            opening = view.default_years(frame, (s.document.published for s in sources))
            st.session_state[key] = view.parse_years(qp.get("years"), opening)
            st.session_state[f"{key}:opening"] = opening  # the years the page chose, not the reader
        years = year_slider("Years", lo, hi, key=key, events_per_year=counts,
                            help_text="Events whose interval touches these years.")
    else:
        st.session_state["_years_key"] = None
        bar.caption(f"All events fall in {lo}.")
    granularities = bar.multiselect("Precision", present, default=present, key=f"granularity:{'/'.join(present)}",
                                    help="How precisely the text dates each event.")
    keyword = bar.text_input("Words", key="keyword", placeholder="e.g. rockets",
                             help=view.KEYWORD_HELP)
    chosen = (bar.multiselect("Articles", names, default=names, key=f"sources:{view.digest(*names)}")
              if len(names) > 1 else None)
    titles = tuple((s.name, _article_title(s)) for s in sources) if len(sources) > 1 else ()  # one: on every event
    return Filters(years, tuple(granularities), keyword, None if chosen is None else tuple(chosen), facts, titles)


def _restore_filters(saved: dict, present: list[str], names: list[str]) -> None:
    """Set the filters (precision, keyword, articles, key events only) to a saved view's, where it says them
    and they still fit these events; the years are set by the caller, whose slider key depends on them."""
    ss = st.session_state
    if isinstance(saved.get("precision"), list):
        ss[f"granularity:{'/'.join(present)}"] = [g for g in present if g in saved["precision"]]
    if isinstance(saved.get("keyword"), str):
        ss["keyword"] = saved["keyword"]
    if isinstance(saved.get("articles"), list) and len(names) > 1:
        ss[f"sources:{view.digest(*names)}"] = [n for n in names if n in saved["articles"]] or names
    if isinstance(saved.get("key_events_only"), bool):
        ss["key_only"] = saved["key_events_only"]


# ---------------------------------------------------------------- main area

@st.fragment(key=curation_panel.PAGE)
def _main_area(sources: list[Source], qp: dict[str, str | None], mode: str, messages: list[str],
               filters: Filters) -> None:
    """Everything right of the sidebar, a fragment: a click (chart, table, pick box) or an edit (hide, undo,
    Apply, ...) reruns it alone, so the sidebar's widgets are neither sent nor drawn again. It replays the log
    itself; an edit that changes what the sidebar's filters offer (years, precisions, articles) reruns the page."""
    try:
        _follow_clicks()
        curated = curation_panel.apply(sources)
        frame = _all_events(sources)
        if frame.empty or _sidebar_facts(frame)[0] != filters.drawn_for:
            st.rerun()  # the sidebar was drawn for other events (or none is left): the whole page again
        filters.remember()  # apply() began a new view holder
        head = st.container()  # above the chart: on a session's first run, filled once the chart is drawn
        with head:
            for message in messages:
                error(message)
        _timeline(sources, frame, filters, qp, mode, curated, head)
    except Exception as err:  # as dashboard.main: a fragment's own run is not inside its try
        st.session_state[_MAIN_FAILED] = True
        st.error(f"Something went wrong while drawing this view ({type(err).__name__}). "
                 "Try another article or reset the filters.")


def _timeline(sources: list[Source], frame: pd.DataFrame, filters: Filters, qp: dict[str, str | None], mode: str,
              curated: CuratedTimeline, head: DeltaGenerator) -> None:
    """What the filters show: curation toolbar, article line, metrics (in `head`), chart, selected event, story,
    table, downloads. A session's first run draws the filters and the chart only (app.progressive): the rest
    follows once the browser has drawn the chart."""
    ss = st.session_state
    shown, any_year = filters.views(frame)
    (lo, hi), *_ = filters.drawn_for
    in_view = filters.years or (lo, hi)
    years = filters.years if filters.years and filters.years != (lo, hi) else None
    published = {s.index: s.document.published for s in sources}
    shown = _made_once("_scored", (shown,), lambda: story.with_importance(
        shown, shown["doc"].map(published) if "doc" in shown else None), values=tuple(sorted(published.items())))
    selected = ss.get("selected")
    if selected is not None and selected not in set(frame["event_id"]):
        selected = ss["selected"] = None  # a stale link or an article that is gone
    visible = selected is not None and selected in set(shown["event_id"])
    whole = progressive.whole_page() or shown.empty
    # the events the years alone hide (the other filters would show them): the note's count, or its room
    outside = view.events_outside(any_year, in_view)
    noted = outside > 0 and ss.get("_years_key") is not None
    with head:
        _unplaced_notes(sources)
        # the container's CSS height (app/style.css) keeps the first frame's room while the whole head arrives
        with st.container(key="tl_article_head_note" if noted else "tl_article_head"):
            if whole:
                curation_panel.toolbar(curated, sources)
                _article_line(sources)
                _metrics(sources, frame, shown)
                key = ss.get("_years_key")
                story.window_note(outside, in_view, key, view.year_bounds(frame), ss.get(f"{key}:opening"))
            else:
                _head_stand_in(sources, noted)
        drawn = story.key_events(shown, key="key_only", keep=selected if visible else None, window=in_view)
    picked = frame.loc[frame["event_id"] == selected, "key"] if selected is not None else ()
    curation_panel.remember_view(key_events_only=ss.get("key_only") if len(shown) > story.KEY_THRESHOLD else None,
                                 selected=str(picked.iloc[0]) if len(picked) else None)
    _chart(drawn, selected if visible else None, in_view)
    if whole:
        _below_chart(sources, shown, drawn, selected if visible else None, selected is not None and not visible,
                     curated)
    bundled = ss.get("bundled") if mode == src.BUNDLED else None
    _write_link(years, ss.get("selected"), bundled)


def _below_chart(sources: list[Source], shown: pd.DataFrame, drawn: pd.DataFrame, selected: str | None,
                 hidden: bool, curated: CuratedTimeline) -> None:
    """The keyboard's pick box (every event in view), the story, the selected event (with its editor), the table
    and the downloads (the events drawn: the key events only when the chart has them only)."""
    _pick_box(shown, selected)
    story.story(drawn, selected=selected)
    panel = st.container()  # above the table, filled once the table has said which rows it holds
    _table(drawn)
    with panel:
        event = shown[shown["event_id"] == selected].iloc[0] if selected is not None else None
        _selected_event(event, sources, hidden=hidden, curated=curated)
        if event is not None:
            curation_panel.editor(event, curated, sources)
    if not drawn.empty:
        downloads(_as_published(drawn, curated, sources),
                  _article_title(sources[0]) if len(sources) == 1 else "Timeline",
                  [article(s.index, s.name, s.document, curation_panel.article_url(s)) for s in sources],
                  in_view=len(shown))


def _as_published(shown: pd.DataFrame, curated: CuratedTimeline, sources: list[Source]) -> pd.DataFrame:
    """The shown events as the downloads publish them, with the notes, links and merged reports of other
    articles the reader added (the editor's marks are only drawn on the chart on screen)."""
    return with_curation(shown, curated, [s.name for s in sources])


def _head_stand_in(sources: list[Source], note: bool) -> None:
    """The first run's head: the article line, with room kept for the toolbar above it and the metrics (and the
    note on events outside the years, if `note`) below: they come with the whole page, and the chart is drawn
    where it stays (it moved down ~180 px)."""
    stand_in([*_article_lines(sources)], before=["toolbar"], after=["metrics", "note"] if note else ["metrics"])


def _unplaced_notes(sources: list[Source]) -> None:
    """A note per article with relative dates left off the timeline for want of a publication date, naming the
    article as the article line does (one article by its title or lead, several by their names)."""
    for s in sources:
        if s.document.published is None and s.unplaced:
            st.info(f"{view.md_escape(_shown_name(s, sources))}: {len(s.unplaced)} relative date(s) such as "
                    f"“{view.md_escape(s.unplaced[0])}” are not on the timeline because no publication date is "
                    "known. Set it in the sidebar.",
                    icon=":material/event_busy:")


def _article_line(sources: list[Source]) -> None:
    """Which article(s) the page shows, by title, with the publication date used and how it was read."""
    (bold, plain), *notes = _article_lines(sources)
    st.markdown(f"**{view.md_escape(bold)}** {view.md_escape(plain)}")
    for _, note in notes:
        st.caption(view.md_escape(note))


def _article_title(source: Source) -> str:
    """What the page calls an article: its title without a wire's routing flags ("2nd Ld: ..."), else its lead as
    a headline (documents.lead_title, as a collection names a story without a title), else its name (a file's)."""
    if source.document.title:
        return shown_title(source.document.title)
    return lead_title(source.document.text) or source.name


def _shown_name(source: Source, sources: list[Source]) -> str:
    """An article as the article line names it: alone by its title (or lead), among several by its name."""
    return _article_title(source) if len(sources) == 1 else source.name


def _article_lines(sources: list[Source]) -> Iterator[tuple[str, str]]:
    """The article line as (bold, plain) text, then a ('', note) line per source the reader was warned about."""
    if len(sources) == 1:
        yield _article_title(sources[0]), view.published_when(sources[0].document.published)
    else:
        names = [s.name for s in sources]
        shown = ", ".join(names[:ARTICLE_LINE_NAMES])
        more = len(names) - ARTICLE_LINE_NAMES
        yield f"{len(sources)} articles", f"compared: {shown}" + (f" and {more} more" if more > 0 else "")
    for s in sources:
        if s.document.notes:
            yield "", f"Reading {s.name}: {'; '.join(s.document.notes)}."


def _metrics(sources: list[Source], frame: pd.DataFrame, shown: pd.DataFrame) -> None:
    if shown.empty:
        span = precise = "–"
        help_text = None
    else:
        span, n = view.year_range(view.year_bounds(shown)), view.day_count(shown)
        precise = f"{n:,}"
        help_text = (f"{n:,} of the {len(shown):,} events shown are dated to the day; the others only to a week, "
                     "month, year or decade.")
    metrics([("Articles", str(len(sources)), None), ("Events", view.event_count(len(shown), len(frame)), None),
             ("Date range", span, None), ("Dated to the day", precise, help_text)])


def _empty_explanation(sources: list[Source]) -> list[str]:
    undated = [s for s in sources if s.document.published is None]
    return view.empty_explanation([_shown_name(s, sources) for s in sources], [e for s in undated for e in s.unplaced],
                                  bool(undated))


def _chart(shown: pd.DataFrame, selected: str | None, years: tuple[int, int]) -> None:
    if shown.empty:
        no_match()
        st.session_state["_last_chart"] = []
        return
    # timeline_spec keeps laid-out rows for all sessions, by the content of the events (timeline.chart._chart_rows);
    # the spec itself is kept for the same events (the same frame: _made_once) and view
    labelled, width = curation_panel.marked_labels(shown), chart_width("timeline")
    spec = _made_once("_spec", (labelled,), lambda: timeline_spec(labelled, selected=selected, window=years,
                                                                  layout_width=width), values=(selected, years, width))
    st.vega_lite_chart(spec=spec, on_select="rerun", selection_mode="pick", key="timeline", width="stretch")
    if progressive.whole_page():  # a session's first run draws the chart only (app.progressive)
        measure_chart_width("timeline")


def _pick_box(shown: pd.DataFrame, selected: str | None) -> None:
    """The chart's click for the keyboard: a select box of the events in view, in time order."""
    if shown.empty:
        return
    choices = view.event_choices(shown)
    keyboard_pick("Choose an event", choices, selected, key="event_pick", target="selected",
                  help_text="Picks the event as a click on its mark does: its sentence is shown below.")


def _table(shown: pd.DataFrame) -> None:
    st.header("Events")
    if shown.empty:
        st.session_state["_last_table"], st.session_state["_table_ids"] = [], []
        return
    columns = view.table_columns(shown)
    if shown["curated"].ne("").any():  # edited, added or merged events say so in the table
        columns = {"curated": "Curated", **columns}
    events_table(shown[list(columns)].rename(columns=columns), shown["event_id"].tolist(), key="table",
                 ids_key="_table_ids", room=chart_width("timeline"))


def _selected_event(event: pd.Series | None, sources: list[Source], hidden: bool, curated: CuratedTimeline) -> None:
    st.header("Selected event")
    if event is not None:
        curation_panel.forget_hidden_note()
    elif curation_panel.hidden_note(curated):
        return
    if event is None:
        st.caption("The selected event is hidden by the filters." if hidden
                   else "Click an event on the chart, or a row in the table, to read the sentence it comes from.")
        return
    source = next(s for s in sources if s.index == int(event["doc"]))
    published = source.document.published
    url = safe_url(source.document.name)  # a fetched page is named by its address, linked below the facts
    facts = [*view.event_facts(event), ("Article", _article_title(source) if url else source.name),
             ("Counted from", f"{published:%Y-%m-%d} (publication date)" if published else "no publication date")]
    event_panel(event, source.document.text if event["sentence"] else "", facts,  # "": added by hand
                more_facts=(lambda: st.html(link_html(url))) if url else None)


def _write_link(years: tuple[int, int] | None, selected: str | None, bundled: list[str] | None) -> None:
    """Put the view in the URL, so that a copied link reopens it."""
    wanted = {
        "years": f"{years[0]}-{years[1]}" if years else None,
        "event": selected,
        "article": ",".join(bundled) if bundled and bundled != [src.SEED] else None,
    }
    for name, value in view.query_updates(st.query_params, wanted).items():
        if value is None:
            del st.query_params[name]
        else:
            st.query_params[name] = value
