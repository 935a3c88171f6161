"""Curating on the article page: edit, hide, merge, split and add events, undo and redo, save and open
`*.timeline.json` files. The Streamlit shell over `timeline.curation` (which holds every rule).

The page keeps an operation log per workspace: one for the articles chosen in the sidebar ("session"),
one per opened timeline file. Each step of the log (one click: one or two operations) can be undone and
redone; every run replays the log on the extracted events (`apply_operations`), so edits survive filters,
a new publication date (the events are re-extracted, their keys stay) and reruns. Widget keys carry a
revision number, so after any change the edit widgets show the values now in force.

Speed: the replay is kept while the log and the articles are the same, the events' rows are made once per
extraction (an edit remakes only the rows it changed), and the edit controls and the add form are fragments
(filling them in reruns them alone). A change made in the event's controls or the toolbar reruns the page's
main area (the fragment PAGE, app.article_page), which shows it everywhere but in the sidebar's widgets; one
made in the add form reruns the whole page. A saved
file's `view` is what the page shows (`remember_view`), and an opened file's view sets the filters once
(`saved_view`).
"""

from __future__ import annotations

import io
import sys
import threading
import uuid
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import streamlit as st

from app import sources as src
from app import view
from app.options import dashboard_options
from app.sources import Source
from timeline.curation import (
    MAX_FILE_BYTES,
    AddEvent,
    CuratedEvent,
    CuratedTimeline,
    EditDate,
    EditHeadline,
    Hide,
    Merge,
    Operation,
    Restore,
    RevertEvent,
    Split,
    TimelineFile,
    TimelineFileError,
    apply_operations,
    article_hash,
    date_value,
    dump_timeline_file,
    event_key,
    load_timeline_file,
    timeline_file,
)
from timeline.describe import date_in_words
from timeline.publish import safe_url
from timeline.types import Document, Timeline, TimexType
from timeline.values import SEASON_START

__all__ = ["MAX_STEPS", "PAGE", "add_form", "apply", "editor", "extracted", "marked_labels", "opened_documents", "article_url", "remember_view",
           "saved_view", "toolbar", "use_session_workspace"]

MAX_STEPS = 500  # undo steps kept per workspace (the issue asks for at least 50)
PRECISIONS = ("day", "week", "month", "quarter", "season", "year", "decade", "century")
_SEASON_NAMES = {"SP": "Spring", "SU": "Summer", "FA": "Autumn", "WI": "Winter"}
EDITED_MARK = "✎ "  # before an edited event's chart label
SESSION = "session"
#: The key of the article page's main-area fragment (app.article_page): a change made in the event's controls
#: reruns it, not the sidebar.
PAGE = "article-main"
_JUST_HIDDEN = "_cur_just_hidden"  # session_state: the key of the event the reader hid from the selected-event panel
_SELECT_AGAIN = "_select_key"  # session_state: the key of an event to select on the next run (as after "Add")


@dataclass
class Log:
    """A workspace's operation log: the steps in force and the steps undone (redo)."""

    steps: list[tuple[Operation, ...]] = field(default_factory=list)
    redo: list[tuple[Operation, ...]] = field(default_factory=list)

    def operations(self) -> list[Operation]:
        return [op for step in self.steps for op in step]


# ---------------------------------------------------------------- state

def _logs() -> dict[str, Log]:
    return st.session_state.setdefault("_curation_logs", {})


def _log() -> Log:
    return _logs().setdefault(st.session_state.get("_workspace", SESSION), Log())


def _revision() -> int:
    return st.session_state.get("_curation_rev", 0)


def _changed() -> None:
    st.session_state["_curation_rev"] = _revision() + 1
    st.session_state["_curation_page_stale"] = True  # a fragment that made the change reruns the page


def _push(*ops: Operation) -> None:
    log = _log()
    log.steps.append(tuple(ops))
    del log.steps[:-MAX_STEPS]
    log.redo.clear()
    _changed()


def _undo() -> None:
    forget_hidden_note()  # the note answers the Hide just pressed, not one undone or redone
    log = _log()
    if log.steps:
        log.redo.append(log.steps.pop())
        _changed()


def _redo() -> None:
    forget_hidden_note()
    log = _log()
    if log.redo:
        log.steps.append(log.redo.pop())
        _changed()


def _fail(message: str) -> None:
    st.session_state["_curation_error"] = message
    st.session_state["_curation_page_stale"] = True


def use_session_workspace() -> None:
    """The articles of the sidebar (bundled, pasted, uploaded) share one log."""
    st.session_state["_workspace"] = SESSION


# ---------------------------------------------------------------- opening a file

def opened_documents() -> tuple[list[Document], list[str]]:
    """The sidebar's "Timeline file" source: an uploaded file, else the server's `--open FILE`. A file that
    cannot be opened is a one-line error and the file opened before stays on screen."""
    ss = st.session_state
    upload = st.sidebar.file_uploader(
        "Timeline file", type=["json"], key="timeline_upload",
        help="A *.timeline.json saved from this page: the articles, their events and your edits.")
    errors: list[str] = []
    item = (upload.getvalue(), upload.name) if upload is not None else _server_file(errors)
    if item is not None:
        data, name = item
        digest = view.digest(len(data), data[:4096], data[-4096:], name)
        if digest != ss.get("_opened_digest"):
            try:
                opened = load_timeline_file(data)
            except TimelineFileError as error:
                errors.append(f"{name}: {error}")
            else:
                ss["_opened"], ss["_opened_digest"] = opened, digest
                _logs().setdefault(f"file:{digest}", Log(steps=[(op,) for op in opened.operations]))
                _changed()
                # The file's filters and selection: the filters read them once (saved_view), the selection
                # is the event of the saved key (apply).
                ss["_saved_view"] = dict(opened.view)
                if isinstance(opened.view.get("selected"), str):
                    ss["_select_key"] = opened.view["selected"]
    opened: TimelineFile | None = ss.get("_opened")
    if opened is None:
        ss["_workspace"] = SESSION
        if not errors:
            st.info("Open a timeline file (*.timeline.json) in the sidebar: saved from this page with "
                    "**Save timeline file**.", icon=":material/folder_open:")
        return [], errors
    ss["_workspace"] = f"file:{ss['_opened_digest']}"
    names = ss["_opened_names"] = view.unique_names(a.name or a.title for a in opened.articles)
    return [Document(text=a.text or "", published=a.published, published_source=a.published_source,
                     title=a.title, name=n) for a, n in zip(opened.articles, names, strict=True)], errors


def _server_file(errors: list[str]) -> tuple[bytes, str] | None:
    """`--open FILE` from the server's command line, read once per session."""
    ss = st.session_state
    path = dashboard_options(sys.argv[1:]).open
    if not path or ss.get("_opened_path") == path:
        return None
    ss["_opened_path"] = path
    name = Path(path).name
    try:
        size = Path(path).stat().st_size
        if size > MAX_FILE_BYTES:
            errors.append(f"{name}: timeline file too large: {size:,} bytes, the limit is {MAX_FILE_BYTES:,}")
            return None
        return Path(path).read_bytes(), name
    except OSError as error:
        errors.append(f"{name}: cannot be read ({error.strerror or type(error).__name__})")
    return None


def _opened_article(document: Document):
    """The opened timeline file's article shown as `document` (by its name on the page and its text), if any."""
    opened: TimelineFile | None = st.session_state.get("_opened")
    if opened is None or not str(st.session_state.get("_workspace", "")).startswith("file:"):
        return None
    names = st.session_state.get("_opened_names") or []
    return next((a for a, name in zip(opened.articles, names, strict=False)
                 if name == document.name and (a.text or "") == document.text), None)


def _hash_of(document: Document) -> str:
    """The SHA-256 an article's events are keyed by: its text's, or the one the opened file stores for an
    article it keeps by address only (no text here to hash)."""
    kept = _opened_article(document) if not document.text else None
    return kept.sha256 if kept is not None else article_hash(document.text)


def article_url(source: Source) -> str | None:
    """An article's address (for a saved file and the downloads): as the opened timeline file has it, else
    a fetched page's name."""
    kept = _opened_article(source.document)
    return (kept.url if kept is not None else None) or safe_url(source.document.name)


def extracted(document: Document, *, bundled: bool = False) -> tuple[Timeline, tuple[str, ...]]:
    """The events of one article: as the opened timeline file holds them while its publication date is the
    file's (so a reopened file shows exactly what was saved), else extracted now."""
    opened: TimelineFile | None = st.session_state.get("_opened")
    if opened is not None and str(st.session_state.get("_workspace", "")).startswith("file:"):
        text_hash = _hash_of(document)
        for article, events in zip(opened.articles, opened.events, strict=True):
            if article.sha256 == text_hash and article.published == document.published:
                return Timeline(document=document, events=events), ()
    result = src.extract_timeline(document, bundled=bundled)
    unplaced = tuple(t.text for t in result.timexes
                     if t.type in (TimexType.DATE, TimexType.TIME) and t.value.startswith("XXXX"))
    return result, unplaced


# ---------------------------------------------------------------- the curated events

def apply(sources: list[Source]) -> CuratedTimeline:
    """Replay the workspace's log on the sources' extracted events; each source's `events` becomes its
    visible, edited events (with the columns `key` and `curated`: '', 'edited', 'added', 'merged')."""
    ss = st.session_state
    ss.pop("_curation_page_stale", None)  # this run is the whole page: it shows every change
    # The page says again what it shows (remember_view), in a new holder: a Save clicked meanwhile reads the
    # last run's, whole.
    ss["_curation_view"] = {}
    ops = tuple(_log().operations())
    # A click or a filter reruns the page with the same articles and log: the frames made last time serve.
    articles = tuple((s.index, s.name, s.document, len(s.timeline.events)) for s in sources)
    memo_key = (ss.get("_workspace"), articles, ops)
    memo = ss.get("_curation_memo")
    if memo is not None and memo[0] == memo_key:
        curated, frames = memo[1], memo[2]
    else:
        curated = apply_operations([s.timeline for s in sources], ops, hashes=[_hash_of(s.document) for s in sources])
        frames = [_frame(curated, position, source) for position, source in enumerate(sources)]
        ss["_curation_memo"] = (memo_key, curated, frames)
    wanted = ss.pop("_select_key", None)
    for source, frame in zip(sources, frames, strict=True):
        source.events = frame
        if wanted is not None and wanted in set(frame["key"]):
            ss["selected"] = frame.loc[frame["key"] == wanted, "event_id"].iloc[0]
    return curated


def _frame(curated: CuratedTimeline, position: int, source: Source) -> pd.DataFrame:
    """One article's visible events as the page's events frame, with their keys and curation marks.

    An edit changes one or two events of hundreds: the rows of the events as extracted are made once per
    article (`_extracted_rows`); an edit takes the visible ones and makes only the edited, merged and added
    events' rows again."""
    items = [item for item in curated.events if item.article == position and item.visible]
    base, keys, plain = _extracted_rows(source)
    changed = [item for item in items if item.event is not item.original]
    kept = {item.key for item in items} - {item.key for item in changed}
    marks = {item.key: mark for item in items if (mark := _mark(item))}
    if not changed and not marks and len(kept) == len(keys):
        return plain  # every event as extracted: the same frame for every session (app.article_page._made_once)
    frame = base[np.fromiter((key in kept for key in keys), dtype=bool, count=len(keys))]
    if changed:
        order = {key: i for i, key in enumerate(keys)}  # an edited event keeps its place, an added one comes last
        rows = _rows(Timeline(source.document, events=tuple(item.event for item in changed)),
                     [item.key for item in changed], source)
        rows["_order"] = [order.get(item.key, len(keys) + i) for i, item in enumerate(changed)]
        frame = pd.concat([frame, rows], ignore_index=True) if len(frame) else rows
        # the columns' types of a whole frame (an added event's empty trigger would make it `object`)
        frame = frame.sort_values("_order", kind="stable").astype(base.dtypes.to_dict())
    if marks:
        frame = frame.assign(curated=[marks.get(key, "") for key in frame["key"]])
    return frame.drop(columns="_order").reset_index(drop=True)


def _rows(shown: Timeline, keys: list[str], source: Source) -> pd.DataFrame:
    """`shown`'s events as the page's frame rows (view.number_events), with their keys, no curation mark yet,
    and their order in the article (_order); trigger_main: whether each trigger heads its sentence's main
    clause (timeline.importance reads it)."""
    frame = shown.to_frame().assign(trigger_main=[e.main_clause for e in shown.events], key=keys, curated="",
                                    _order=range(len(keys)))
    return view.number_events(frame, source.index, source.name)


def _extracted_rows(source: Source) -> tuple[pd.DataFrame, list[str], pd.DataFrame]:
    """The rows of an article's events as extracted, their keys, and the page's frame of them all (what `_frame`
    gives while nobody edited, hid or added an event), kept while its extraction is the same.

    Kept for the whole server, not per session: a reload (a new session) of an article shown before draws
    its first chart without making its rows again. Nobody changes the rows in place (`_frame` copies)."""
    timeline = source.timeline
    # Equal values, not the same objects: st.cache_data hands out a copy of the extraction on every run.
    text_hash = _hash_of(timeline.document)
    key = (text_hash, source.name, source.index)
    with _ROWS_LOCK:
        cached = _ROWS.get(key)
    if cached is not None and cached[:2] == (timeline.document, timeline.events):
        return cached[2], cached[3], cached[4]
    keys = [event_key(text_hash, e) for e in timeline.events]
    rows = _rows(timeline, keys, source)
    plain = rows.drop(columns="_order").reset_index(drop=True)
    with _ROWS_LOCK:
        _ROWS[key] = (timeline.document, timeline.events, rows, keys, plain)
        _ROWS.move_to_end(key)
        while len(_ROWS) > _ROWS_KEPT:
            _ROWS.popitem(last=False)
    return rows, keys, plain


_ROWS_KEPT = 64  # articles whose rows are kept (500 events: about 200 KB each)
_ROWS: OrderedDict[tuple[str, str, int], tuple] = OrderedDict()
_ROWS_LOCK = threading.Lock()


def marked_labels(shown: pd.DataFrame) -> pd.DataFrame:
    """`shown` for the chart on screen: an edited or added event's label starts with ✎ (the exports keep
    the plain headline)."""
    marked = shown["curated"] != ""
    if not marked.any():
        return shown
    shown = shown.copy()
    shown.loc[marked, "short_headline"] = EDITED_MARK + shown.loc[marked, "short_headline"].astype(str)
    return shown


def _mark(item: CuratedEvent) -> str:
    marks = (["added"] if item.manual else []) + (["edited"] if item.edited else []) + \
        ([f"merged ×{len(item.members) + 1}"] if item.members else [])
    return ", ".join(marks)


# ---------------------------------------------------------------- toolbar

def toolbar(curated: CuratedTimeline, sources: list[Source]) -> None:
    """Undo, redo, save; the hidden events (to show again), edits that lost their event, adding an event."""
    log = _log()
    message = st.session_state.pop("_curation_error", None)
    if message:
        st.error(view.md_escape(message), icon=":material/warning:")
    # keyed: on a phone its CSS (app/style.css) keeps the three buttons on one row instead of three
    undo, redo, save, _ = st.container(key="tl_toolbar").columns([1, 1, 2, 3], vertical_alignment="center")
    undo.button("Undo", key="cur-undo", on_click=_undo, disabled=not log.steps, width="stretch",
                help=f"{len(log.steps)} step(s) to undo.")
    redo.button("Redo", key="cur-redo", on_click=_redo, disabled=not log.redo, width="stretch",
                help=f"{len(log.redo)} step(s) to redo.")
    data = _file_bytes(curated, sources)
    # Streamlit draws a button with `help` twice: with its tooltip above 576 px, plain (display: none above) below,
    # where a touch cannot hover: a page holds two "Save timeline file" buttons, one of them hidden at any width.
    save.download_button("Save timeline file", data=lambda: io.BytesIO(data()), file_name=_file_name(sources),
                         mime="application/json", on_click="ignore", key="cur-save", width="stretch",
                         help="The articles, their events and every edit, as one *.timeline.json file. "
                              "Open it again with the source “Timeline file”.")
    hidden = [item for item in curated.events if item.hidden and item.merged_into is None]
    if hidden:
        with st.expander(f"Hidden events ({len(hidden)})"):
            for item in hidden:
                left, right = st.columns([5, 1], vertical_alignment="center")
                left.markdown(f"{view.md_escape(_when(item))} · {view.md_escape(item.event.headline)}")
                right.button("Show again", key=f"cur-restore:{item.key}", on_click=_push, args=(Restore(item.key),))
    if curated.orphans:
        with st.expander(f"{len(curated.orphans)} edit(s) whose event this extraction no longer finds",
                         icon=":material/warning:"):
            st.caption("They are kept in the log and in a saved file, and apply again if the event comes back.")
            for op in curated.orphans:
                st.text(f"{op.kind}: {op.event}")


def _file_bytes(curated: CuratedTimeline, sources: list[Source]):
    elsewhere = set(curated.elsewhere)
    ops = [op for op in _log().operations() if op not in elsewhere]
    timelines = [s.timeline for s in sources]
    urls, hashes = [article_url(s) for s in sources], [_hash_of(s.document) for s in sources]
    shown = _view_holder()  # filled by the page later in this run (remember_view); read when the file is made

    def make() -> bytes:
        return dump_timeline_file(timeline_file(timelines, ops, view=dict(shown), urls=urls, hashes=hashes)
                                  ).encode("utf-8")
    return make


def _view_holder() -> dict:
    return st.session_state.setdefault("_curation_view", {})


def remember_view(**settings: object) -> None:
    """What the page shows now, for the `view` of a saved timeline file: years ([first, last], None for
    all), precision (the granularities kept), keyword, articles (None for all), key_events_only, selected
    (the event's key). Each run sets them again."""
    _view_holder().update(settings)


def saved_view() -> dict:
    """The `view` of the timeline file opened on this run (empty on any other run): the filters set
    themselves from it once, and are the reader's again after."""
    return st.session_state.pop("_saved_view", None) or {}


def _file_name(sources: list[Source]) -> str:
    base = str(sources[0].document.title or sources[0].name) if len(sources) == 1 else "timeline"
    return f"{view.file_slug(base)}.timeline.json"


def add_form(sources: list[Source]) -> None:
    """The sidebar's "Add an event" form, after the filters (the toolbar's undo and redo cover it)."""
    with st.sidebar.expander("Add an event"):
        _add_form(sources)


@st.fragment
def _add_form(sources: list[Source]) -> None:
    """The fields of an event added by hand (a fragment: filling them in reruns the form only). Its keys change
    only when an event is added (the form then starts empty), so an edit elsewhere keeps what is typed here."""
    _rerun_page()
    prefix = f"cur-add:{st.session_state.get('_added', 0)}"
    if len(sources) > 1:
        st.selectbox("Article", range(len(sources)), format_func=lambda i: sources[i].name, key=f"{prefix}:article")
    published = sources[0].document.published or date.today()
    _date_widgets(prefix, published, "day")
    st.text_input("What happened", key=f"{prefix}:headline", placeholder="e.g. Talks began in Geneva")
    st.text_input("Note (optional)", key=f"{prefix}:note")
    st.text_input("Source link (optional)", key=f"{prefix}:link", placeholder="https://…")
    st.button("Add event", key=f"{prefix}:go", type="primary", on_click=_add, args=(prefix, sources))


def _add(prefix: str, sources: list[Source]) -> None:
    ss = st.session_state
    position = ss.get(f"{prefix}:article", 0) or 0
    try:
        op = AddEvent(f"manual:{uuid.uuid4().hex[:12]}", _value_from_state(prefix),
                      ss.get(f"{prefix}:headline", ""), note=ss.get(f"{prefix}:note", ""),
                      link=ss.get(f"{prefix}:link", ""),
                      article=_hash_of(sources[position].document)[:12])
    except ValueError as error:
        _fail(f"The event was not added: {error}.")
        return
    _push(op)
    ss["_added"] = ss.get("_added", 0) + 1
    ss["_select_key"] = op.event


# ---------------------------------------------------------------- date widgets

def _date_widgets(prefix: str, start: date, granularity: str) -> str | None:
    """Precision, then the widgets that name a period at that precision (a month picker for a month, a
    quarter or season and a year, ...). Returns the TIMEX3 value chosen, or None when it is not a date."""
    index = PRECISIONS.index(granularity) if granularity in PRECISIONS else 0
    precision = st.selectbox("Precision", PRECISIONS, index=index, key=f"{prefix}:precision")
    if precision in ("day", "week"):
        st.date_input("Date" if precision == "day" else "A day of the week", value=start, key=f"{prefix}:day",
                      min_value=date(1, 1, 1), max_value=date(9999, 12, 31), format="YYYY-MM-DD")
    else:
        left, right = st.columns(2)
        if precision == "month":
            left.selectbox("Month", range(1, 13), index=start.month - 1, key=f"{prefix}:month",
                           format_func=lambda m: date(2000, m, 1).strftime("%B"))
        elif precision == "quarter":
            left.selectbox("Quarter", (1, 2, 3, 4), index=(start.month - 1) // 3, key=f"{prefix}:quarter",
                           format_func=lambda q: f"Q{q}")
        elif precision == "season":
            codes = list(SEASON_START)
            current = next((c for c in codes if SEASON_START[c] == start.month), codes[0])
            left.selectbox("Season", codes, index=codes.index(current), key=f"{prefix}:season",
                           format_func=_SEASON_NAMES.__getitem__)
        year_column = right if precision in ("month", "quarter", "season") else left
        year_column.number_input("Year", min_value=1, max_value=9999, value=start.year, step=1, key=f"{prefix}:year")
    try:
        value = _value_from_state(prefix)
    except ValueError as error:
        st.caption(f"Not a date: {error}")
        return None
    st.caption(f"Date value: `{value}`")
    return value


def _value_from_state(prefix: str) -> str:
    """The TIMEX3 value the date widgets under `prefix` name (read from session_state, so callbacks can too)."""
    ss = st.session_state
    precision = ss.get(f"{prefix}:precision", "day")
    if precision in ("day", "week"):
        day = ss.get(f"{prefix}:day")
        if not isinstance(day, date):
            raise ValueError("choose a date")
    else:
        year = int(ss.get(f"{prefix}:year") or 0)
        if not 1 <= year <= 9999:
            raise ValueError("a year from 1 to 9999")
        month = {"month": int(ss.get(f"{prefix}:month") or 1),
                 "quarter": (int(ss.get(f"{prefix}:quarter") or 1) - 1) * 3 + 1,
                 "season": SEASON_START.get(ss.get(f"{prefix}:season") or "SP", 3)}.get(precision, 1)
        day = date(year, month, 1)
    return date_value(day, precision)


# ---------------------------------------------------------------- the selected event

def editor(event: pd.Series, curated: CuratedTimeline, sources: list[Source]) -> None:
    """Under the selected event: its curation marks and "Restore original", its sources when merged, and the
    controls: edit headline and date, hide, merge with another event, split."""
    items = curated.by_key()
    item = items.get(str(event["key"]))
    if item is None:
        return
    key = item.key
    names = {position: s.name for position, s in enumerate(sources)}
    if item.manual:
        st.caption("Added by hand." + (f" Note: {item.note}" if item.note else ""))
        if item.link:
            st.link_button("Open the source link", item.link)
    if item.edited:
        original = item.original
        was = "; ".join(f"{f}: {view.md_escape(original.headline if f == 'headline' else original.value)}"
                        for f in item.edited_fields)
        left, right = st.columns([3, 1], vertical_alignment="center")
        left.warning(f"Edited by hand. Original {was}", icon=":material/edit:")
        right.button("Restore original", key=f"cur-revert:{key}", on_click=_push, args=(RevertEvent(key),))
    if item.members:
        _sources_list(item, items, names)
    _controls(item, curated, names)


@st.fragment
def _controls(item: CuratedEvent, curated: CuratedTimeline, names: dict[int, str]) -> None:
    """Edit, hide, merge, split: a fragment, so typing a headline or choosing a precision reruns these
    controls only; a change made here reruns the page's main area (`_in_page`), whose chart and table show it."""
    _rerun_page()
    key = item.key
    items = curated.by_key()
    prefix = f"cur-edit:{_revision()}:{key}"
    with st.expander("Edit this event", expanded=False):
        st.text_input("What happened", value=item.event.headline, key=f"{prefix}:headline")
        _date_widgets(prefix, item.event.start, item.event.granularity.value)
        st.button("Apply", key=f"{prefix}:apply", type="primary", on_click=_in_page, args=(_edit, prefix, item))
    hide, merging, split = st.columns([1, 4, 1], vertical_alignment="bottom")
    hide.button("Hide", key=f"cur-hide:{key}", on_click=_in_page, args=(_hide, key), width="stretch",
                help="Leave this event off the timeline and the exports (Hidden events lists it).")
    others = [i.key for i in curated.events if i.visible and i.key != key]
    # One form: the choice goes to the app with the Merge press, never in a rerun of its own that a quick press
    # could overtake (the app then asked for the choice the reader had just made).
    with merging.form(f"{prefix}:merge-form", border=False):
        merge_with, merge = st.columns([3, 1], vertical_alignment="bottom")
        merge_with.selectbox("Same happening as", others, index=None, key=f"{prefix}:merge",
                             placeholder="Choose an event",  # whole in a 1,000 px window ("…into this e" was cut)
                             format_func=lambda k: _label(items[k], names))
        merge.form_submit_button("Merge", key=f"cur-merge:{key}", on_click=_in_page, args=(_merge, prefix, key),
                                 width="stretch")
    if item.members:
        split.button("Split", key=f"cur-split:{key}", on_click=_in_page, args=(_push, Split(key)), width="stretch",
                     help="Undo the merge: each source becomes an event again.")


def _hide(key: str) -> None:
    _push(Hide(key))
    st.session_state[_JUST_HIDDEN] = key


def hidden_note(curated: CuratedTimeline) -> bool:
    """Where the selected event was, when the reader has just hidden it: what was hidden and a button to show it
    again. The panel used to fall back to "Click an event", the list of hidden events sat at the page's top
    (over 2,000 px above on a phone), and nothing near the pressed button said what had become of the event.
    Returns whether the note was drawn."""
    key = st.session_state.get(_JUST_HIDDEN)
    item = curated.by_key().get(key) if key is not None else None
    if item is None or not item.hidden:
        st.session_state.pop(_JUST_HIDDEN, None)
        return False
    left, right = st.columns([5, 1], vertical_alignment="center")
    left.info(f"Hidden: {view.md_escape(_when(item))} · {view.md_escape(item.event.headline)}. It is off the "
              "chart, the table and the downloads; **Hidden events** at the top lists it.",
              icon=":material/visibility_off:")
    right.button("Show again", key=f"cur-unhide:{key}", on_click=_in_page, args=(_show_again, key),
                 width="stretch")
    return True


def _when(item: CuratedEvent) -> str:
    """The event's date as the page says it ("March 2019", not the TIMEX3 value "2019-03")."""
    return date_in_words(item.event.value, item.event.mod)


def _show_again(key: str) -> None:
    _push(Restore(key))
    st.session_state.pop(_JUST_HIDDEN, None)
    st.session_state[_SELECT_AGAIN] = key


def forget_hidden_note() -> None:
    """Another event is picked: the note on the one hidden before goes."""
    st.session_state.pop(_JUST_HIDDEN, None)


def _in_page(change, *args: object) -> None:
    """A button's change (a callback), then a rerun of the page's main area (PAGE), not of these controls only:
    the chart, the table and the toolbar show the change; the sidebar is drawn again only when its filters no
    longer fit the events (app.article_page checks)."""
    change(*args)
    st.rerun(PAGE)


def _rerun_page() -> None:
    """In a fragment: when a callback just changed the log (or failed and left a message), rerun the whole
    page, whose chart, table and toolbar show the change."""
    if st.session_state.pop("_curation_page_stale", False):
        st.rerun()


def _label(item: CuratedEvent, names: dict[int, str]) -> str:
    headline = item.event.headline or item.event.expression
    return f"{item.event.value} · {headline[:60]} ({names.get(item.article, '')})"


def _sources_list(item: CuratedEvent, items: dict[str, CuratedEvent], names: dict[int, str]) -> None:
    st.markdown(f"**Sources ({len(item.members) + 1})**")
    for source in (item, *(items[k] for k in item.members)):
        event = source.original or source.event
        said = event.sentence or event.headline
        st.markdown(f"- “{view.md_escape(event.expression or event.value)}” — {view.md_escape(said)} "
                    f"*({view.md_escape(names.get(source.article, ''))})*")


def _edit(prefix: str, item: CuratedEvent) -> None:
    ss = st.session_state
    ops: list[Operation] = []
    try:
        headline = " ".join(str(ss.get(f"{prefix}:headline", "")).split())
        if headline != item.event.headline:
            ops.append(EditHeadline(item.key, headline))
        value = _value_from_state(prefix)
        if value != item.event.value:
            ops.append(EditDate(item.key, value))
    except ValueError as error:
        _fail(f"The event was not changed: {error}.")
        return
    if ops:
        _push(*ops)


def _merge(prefix: str, key: str) -> None:
    other = st.session_state.get(f"{prefix}:merge")
    if not other:
        _fail("Choose the event to merge into this one first.")
        return
    _push(Merge(key, other))
