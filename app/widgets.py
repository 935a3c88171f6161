"""The pieces both pages draw the same way: the selected event's panel (sentence, paragraph, fact table),
the events table, the metrics row, messages, and the article page's downloads. One implementation each.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from app import progressive
from app.sources import cached_export
from app.style import (
    STYLESHEET,
    fact_table_html,
    headline_html,
    marks_html,
    page_head_html,
    quote_html,
    stand_in_html,
    text_html,
)
from app.view import (
    digest,
    download_name,
    fitted_widths,
    md_escape,
    paragraph_bounds,
    row_layout,
    snap_years,
    year_stops,
)
from timeline.chart import DEFAULT_WIDTH
from timeline.publish import KINDS, Article, export

__all__ = [
    "chart_width", "downloads", "error", "event_panel", "event_sentence", "events_table", "fact_table",
    "keyboard_pick", "measure_chart_width", "metrics", "no_match", "page_head", "stand_in", "stylesheet",
    "year_slider",
]

TABLE_HEIGHT = 420  # the events table scrolls past this many pixels
_DOWNLOADS = (  # button label, export kind (timeline.publish.KINDS: file name and media type)
    ("Publish page (HTML)", "html"), ("Events CSV", "csv"), ("Events JSON", "json"),
    ("TimelineJS JSON", "timelinejs"), ("Chart PNG", "png"), ("Chart SVG", "svg"),
)


def stylesheet() -> None:
    """The page's stylesheet (app/style.css); drawn once per run, it takes no room on the page."""
    st.html(STYLESHEET)


WIDTH_STEP = 100  # the chart's width is laid out for in steps of this many px: a resize by a few px reruns nothing
_LEAST_WIDTH = 300
# Measures the block the chart is drawn in (the component is mounted beside the chart), rounded down to a step, and
# reports it when it differs from the width the server laid the chart out for (data.current); again on a resize.
_WIDTH_JS = """
export default function ({ parentElement, setStateValue, data }) {
  const host = parentElement.host || parentElement;
  const block = host.parentElement && host.parentElement.closest('[data-testid="stVerticalBlock"]');
  if (!block) return;
  let sent = data.current, timer = 0;
  const report = () => {
    // A block taken off the page (another source chosen) reports no width: its report would carry this fragment's
    // id, and Streamlit sends a sidebar widget's change made in the same moment (an upload) with it, then drops it.
    if (!block.isConnected || block.clientWidth === 0) return;
    const px = Math.max(data.least, Math.floor(block.clientWidth / data.step) * data.step);
    if (px !== sent) { sent = px; setStateValue("width", px); }
  };
  const watch = new ResizeObserver(() => { clearTimeout(timer); timer = setTimeout(report, 200); });
  watch.observe(block);
  report();
  return () => { watch.disconnect(); clearTimeout(timer); };
}
"""


@st.cache_resource
def _width_component():
    return st.components.v2.component("timeline_chart_width", js=_WIDTH_JS)


def chart_width(key: str) -> int:
    """The plot width (px) the chart named `key` is laid out for: the width the browser last reported for it
    (`measure_chart_width`), rounded down to WIDTH_STEP, or the chart's default until it has."""
    return st.session_state.get(f"_{key}:px") or DEFAULT_WIDTH


def measure_chart_width(key: str) -> None:
    """Mount, beside the chart named `key`, a script that measures how wide the page draws it (only the browser
    knows: about 540 px in a 1,000 px window beside the sidebar, 940 px at 1,400) and reruns the page (or the
    fragment it is in) when that differs from `chart_width(key)`, so that its labels are laid out for it. It takes
    no room (app/style.css hides it)."""
    ss = st.session_state

    def measured() -> None:
        ss[f"_{key}:px"] = (ss.get(f"tl_width_{key}") or {}).get("width")

    _width_component()(key=f"tl_width_{key}", data={"step": WIDTH_STEP, "least": _LEAST_WIDTH,
                                                  "current": chart_width(key)}, on_width_change=measured)


PAGE_TITLE = "Timeline"


def page_head(caption: str, *, place: DeltaGenerator | None = None) -> None:
    """The page's title and the caption under it (one element in every run), in `place` (a placeholder) if given."""
    (place or st).html(page_head_html(PAGE_TITLE, caption))


def stand_in(lines: Sequence[tuple[str, str]], *, before: Sequence[str] = (), after: Sequence[str] = ()) -> None:
    """A session's first frame above the chart, one element (app.style.stand_in_html): (bold, plain) lines of
    text between room for what comes with the whole page (kinds in app/style.css: `toolbar`, `metrics`,
    `note`), so the chart is drawn where it stays."""
    st.html(stand_in_html(lines, before=before, after=after))


def error(message: str) -> None:
    """A one-line error; `message` may hold names from the outside world, so it is shown as plain text."""
    st.error(md_escape(message), icon=":material/error:")


def no_match() -> None:
    """The filters leave nothing to draw."""
    st.info("No events match the filters. Widen the year range or clear the other filters.",
            icon=":material/filter_alt_off:")


def metrics(values: Sequence[tuple[str, str, str | None]]) -> None:
    """One row of metrics: (label, value, help), in a keyed container whose CSS (app/style.css) keeps the row's
    height while the browser loads Streamlit's metric code (a session's first metrics came ~1 s after the rest)."""
    with st.container(key="tl_metrics"):
        for col, (label, value, help_text) in zip(st.columns(len(values)), values, strict=True):
            col.metric(label, value, help=help_text)


def events_table(table: pd.DataFrame, ids: list[str], *, key: str, ids_key: str,
                 column_config: dict | None = None, room: int | None = None) -> None:
    """The events as a table whose row is a second way to pick one; the row -> event id map goes to
    session_state[ids_key] for the click folding (view.fold_clicks). Dates read whole (view.fitted_widths); on a
    phone (`room`, the page's width, below PHONE_PX) the cells wrap, beside "What happened" as wide as the screen,
    in rows tall enough for the longest in view (view.phone_rows); on a wider page "What happened" is as wide as
    its longest headline where the room allows, and its rows wrap as on a phone where it does not
    (view.row_layout)."""
    widths = fitted_widths(table, room)
    fitted = {name: st.column_config.TextColumn(width=px) for name, px in widths.items()}
    table, row = row_layout(table, widths, room)  # row None: Streamlit's 35 px
    st.dataframe(
        table, key=key, on_select="rerun", selection_mode="single-row", hide_index=True, width="stretch",
        height=min(TABLE_HEIGHT, 38 + (row or 35) * len(table)), row_height=row,
        column_config={"Sentence": st.column_config.TextColumn(width="large"), **fitted, **(column_config or {})},
    )
    st.session_state[ids_key] = ids


def keyboard_pick(label: str, choices: dict[str, str], current: str | None, *, key: str, target: str,
                  help_text: str, then: Callable[[], None] | None = None) -> None:
    """A select box that picks what a chart click picks, for keyboard and screen-reader users: `choices`
    maps ids to their lines; choosing one sets session_state[target] (then calls `then`), and the box
    always shows `current`, however it was picked (chart, table or this box)."""
    ss = st.session_state
    ss[key] = current if current in choices else None  # before the widget: it shows the current pick

    def chosen() -> None:
        ss[target] = ss[key]
        if then:
            then()

    st.selectbox(label, [None, *choices], key=key, on_change=chosen, help=help_text,
                 placeholder="None chosen: type to search, Enter to pick",
                 format_func=lambda option: "None chosen" if option is None else choices[option])


def year_slider(label: str, lo: int, hi: int, *, key: str, value: tuple[int, int] | None = None,
                events_per_year: dict[int, float] | None = None, help_text: str | None = None) -> tuple[int, int]:
    """A year-range slider in the sidebar whose steps suit its range (view.year_stops): every year up to a
    century, beyond that every year where the events are and decades or centuries elsewhere, so PageUp
    never jumps hundreds of years. session_state[key] holds the years (a caller may set it, as a zoom
    button does); `value` is the first value when it holds none; session_state[f"{key}:opening"], the years
    the page opened on, if a caller keeps them. Values are snapped onto the stops, the opening too, so it
    still equals the years shown while the reader has not moved them."""
    ss, bar = st.session_state, progressive.sidebar()
    stops = year_stops(lo, hi, events_per_year, around=ss.get(f"{key}:opening"))
    if f"{key}:opening" in ss:
        ss[f"{key}:opening"] = snap_years(tuple(ss[f"{key}:opening"]), stops)
    if len(stops) == hi - lo + 1:
        options = {"value": value} if value is not None else {}
        return tuple(bar.slider(label, min_value=lo, max_value=hi, key=key, help=help_text, **options))
    # A range select_slider is a range only when given a pair as `value`, and a value given on every run
    # may not also be set through session_state: the widget has its own key, renewed (a new widget at the
    # wanted years) only when session_state[key] was changed by someone else since the last run.
    wanted = snap_years(tuple(ss.get(key, value or (lo, hi))), stops)
    generation = ss.get(f"{key}:generation", 0)
    if ss.get(f"{key}:shown") not in (None, wanted):
        generation += 1
    ss[f"{key}:generation"] = generation
    chosen = tuple(bar.select_slider(label, options=stops, value=wanted, key=f"{key}:stops:{generation}",
                                     help=help_text))
    ss[key] = ss[f"{key}:shown"] = chosen
    return chosen


def event_sentence(event: pd.Series, text: str) -> None:
    """The event's headline, its sentence with the date expression and the trigger marked, then the paragraph
    around it when `text` (the article) holds that sentence at the event's offsets and the paragraph says more."""
    sentence = str(event["sentence"])
    s_start, s_end = int(event["sentence_start"]), int(event["sentence_end"])
    marks = [(int(event["expression_start"]) - s_start, int(event["expression_end"]) - s_start, "tl-when")]
    if pd.notna(event.get("trigger_start")) and pd.notna(event.get("trigger_end")):
        marks.append((int(event["trigger_start"]) - s_start, int(event["trigger_end"]) - s_start, "tl-what"))
    if event.get("headline"):
        st.html(headline_html(str(event["headline"])))
    marked = marks_html(sentence, marks)
    st.html(quote_html(marked))
    if text[s_start:s_end] != sentence:
        return
    p_start, p_end = paragraph_bounds(text, s_start, s_end)
    if text[p_start:p_end].strip() != sentence.strip():
        st.caption("Paragraph")
        st.html(text_html(text[p_start:p_end], s_start - p_start, s_end - p_start, marked))


def fact_table(rows: Sequence[tuple[str, object]]) -> None:
    """Label/value rows as a small table."""
    st.html(fact_table_html(rows))


def event_panel(event: pd.Series, text: str, facts: Sequence[tuple[str, object]], *,
                more_text: Callable[[], None] | None = None, more_facts: Callable[[], None] | None = None) -> None:
    """The selected event: its sentence and paragraph (then `more_text`) beside its facts (then `more_facts`), or
    the facts under the sentence when the main column is too narrow for both (app/style.css: tl_event_panel)."""
    left, right = st.container(key="tl_event_panel").columns([3, 2], gap="large")
    with left:
        event_sentence(event, text)
        if more_text:
            more_text()
    with right:
        fact_table(facts)
        if more_facts:
            more_facts()


def downloads(shown: pd.DataFrame, title: str, articles: Sequence[Article] = (), *, in_view: int | None = None) -> None:
    """Buttons for the events of the chart and the table (`shown`) as a published page (HTML that works offline),
    CSV, JSON and TimelineJS, and the chart as PNG and SVG (timeline.publish makes each, when its button is
    clicked); `articles` give the page its source links and publication dates; `in_view`, how many events the
    filters keep, when the chart draws fewer (its key events): the caption says which the files hold."""
    st.header("Download")
    key = digest(tuple(shown["event_id"]), tuple(shown["value"]), tuple(shown["headline"]), title,
                 *(f"{a.name}|{a.url}|{a.published}" for a in articles))
    # One button as wide as its label, wrapping onto a second row when the window is narrow: in six equal
    # columns a 1,000 px window cut every label ("Even…", "Even…": the CSV and the JSON looked the same).
    row = st.container(horizontal=True, wrap=True, gap="small")
    for label, kind in _DOWNLOADS:
        file_name, mime = KINDS[kind]
        make: Callable[[], bytes] = lambda kind=kind: export(shown, kind, title=title, articles=articles)  # noqa: E731
        row.download_button(
            label, data=lambda kind=kind, make=make: io.BytesIO(cached_export(kind, key, make)),
            file_name=download_name(file_name, title), mime=mime, on_click="ignore", key=f"download-{kind}",
            width="content",
        )
    held = f"Downloads hold the {len(shown):,} event{'s' if len(shown) != 1 else ''} of the chart and the table"
    if in_view is not None and in_view > len(shown):  # a reader took "the events the filters show" either way
        held += f", not all {in_view:,} in view: turn off *Key events only* to download every one"
    st.caption(f"{held}. The page (HTML) opens in any browser, offline, and prints; TimelineJS JSON opens in "
               "timeline.knightlab.com; dates keep only the precision the text gives.")
