"""A session's first page draws its chart first and the rest once the browser has drawn the chart.

On a session's first run (a page open or a reload) the browser has to build every element the run sends
before Vega gets the main thread: the events table (glide-data-grid), the download buttons, the story,
the metrics, the curation toolbar. So that run draws the sidebar and the chart only, plus `signal()`: a
tiny script that waits in the browser for the chart's first marks (or a few seconds), then asks for the
next run, which draws the whole page. Every later run of the session draws the whole page at once.

    if progressive.whole_page(): ...draw the rest...
    else: progressive.signal()

The sidebar's widgets wait too: in a session's very first run of a page that opens on a chart (`begin_run(
defer_sidebar=True)`), `sidebar()` stands in for `st.sidebar`, draws nothing and returns what each widget will
return when the next run draws it (its session_state value, else its default), so the chart is the one the
widgets will show. Building them (select boxes, date input, slider) took the browser most of a reload's time
before Vega could draw. A first run that draws no chart (`signal()` not called) is run again at once, whole.

The same idea for a slow part below a chart that changed (the collection's key dates for a new keyword):
`after_drawn(token, key=...)` returns False and asks for one more run once the browser is idle (the new chart
drawn); in that run (and later ones with the same token) it returns True, and the slow part is computed then,
not while the browser draws the chart on the same cores.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import streamlit as st

__all__ = ["DRAWN", "after_drawn", "begin_run", "end_run", "on_first_touch", "sidebar", "signal", "whole_page"]

DRAWN = "_first_frame_drawn"  # session_state: True once the session's first chart has been drawn
_RUNS = "_session_runs"  # session_state: how many runs this session has started
_DEFERRED = "_sidebar_deferred"  # session_state: this run's sidebar widgets wait for the next run
_SIGNALLED = "_first_frame_signalled"  # session_state: this run ends with signal()
# Waits for the first chart's marks (SVG or canvas), then for one more frame so that they are on screen,
# then triggers a run; after WAIT_MS it triggers anyway (an empty or failed chart must not hold the page).
_JS = """
export default function ({ setTriggerValue }) {
  const started = performance.now();
  const drawn = () => document.querySelector(".vega-embed canvas, .vega-embed svg g.role-mark path");
  const poll = () => {
    if (drawn() || performance.now() - started > %(wait)d) {
      requestAnimationFrame(() => setTimeout(() => setTriggerValue("drawn", true), 0));
    } else {
      setTimeout(poll, 30);
    }
  };
  poll();
}
"""
WAIT_MS = 4000
# Asks for a run once the browser is idle after this run's deltas (the chart drawn), at most IDLE_MS after it mounts.
_IDLE_JS = """
export default function ({ setTriggerValue }) {
  const ready = () => setTriggerValue("idle", true);
  requestAnimationFrame(() => window.requestIdleCallback
    ? window.requestIdleCallback(ready, { timeout: %(wait)d }) : setTimeout(ready, 100));
}
"""
IDLE_MS = 250
# Asks for a run when the reader first points at or focuses an element inside one matching `data.selector`.
_TOUCH_JS = """
export default function ({ setTriggerValue, data }) {
  const types = ["pointerdown", "focusin"];
  const touched = (event) => {
    if (event.target instanceof Element && event.target.closest(data.selector)) {
      stop();
      setTriggerValue("touched", true);
    }
  };
  const stop = () => types.forEach((type) => document.removeEventListener(type, touched, true));
  types.forEach((type) => document.addEventListener(type, touched, true));
  return stop;
}
"""


@st.cache_resource
def _component():
    return st.components.v2.component("timeline_first_frame", js=_JS % {"wait": WAIT_MS})


@st.cache_resource
def _idle_component():
    return st.components.v2.component("timeline_after_drawn", js=_IDLE_JS % {"wait": IDLE_MS})


@st.cache_resource
def _touch_component():
    return st.components.v2.component("timeline_first_touch", js=_TOUCH_JS)


def on_first_touch(selector: str, then: Callable[[], None], *, key: str) -> None:
    """Calls `then` (before a run) when the reader first points at or focuses an element inside one matching the
    CSS `selector`: work a widget may need (loading the parser for a new publication date) starts as the reader
    reaches for the widget, not while the page is drawn."""
    _touch_component()(key=key, data={"selector": selector}, on_touched_change=then)


def _ready(name: str, token: str) -> None:
    st.session_state[name] = token


def after_drawn(token: str, *, key: str) -> bool:
    """Whether the part named `key` may be computed for `token` (say, a digest of the filters) in this run: True
    when the browser signalled that it drew a run of this token, or when this session already computed it
    (cached); otherwise mounts the signal and returns False (the caller shows a placeholder)."""
    ss = st.session_state
    done = ss.setdefault(f"_{key}_done", set())
    if ss.get(f"_{key}_ready") == token or token in done:
        done.add(token)
        return True
    ss[f"_{key}_token"] = token  # the token waited for (what the trigger will set as ready)
    _idle_component()(key=f"{key}:{token}", on_idle_change=lambda: _ready(f"_{key}_ready", token))
    return False


def whole_page() -> bool:
    """Whether this run draws the whole page (every run but a session's first, which draws the chart only)."""
    return bool(st.session_state.get(DRAWN))


def _drawn() -> None:
    st.session_state[DRAWN] = True


def signal() -> None:
    """Call at the end of a first run: the next run (the whole page) starts once the chart is on screen."""
    st.session_state[_SIGNALLED] = True
    _component()(key="first_frame", on_drawn_change=_drawn)


def begin_run(*, defer_sidebar: bool) -> None:
    """Call at the start of every run: counts the session's runs. With `defer_sidebar` (a page that opens on a
    chart), the session's first run leaves the sidebar's widgets to the next run (see `sidebar()`)."""
    ss = st.session_state
    ss[_RUNS] = ss.get(_RUNS, 0) + 1
    ss[_DEFERRED] = defer_sidebar and ss[_RUNS] == 1 and not whole_page()
    ss[_SIGNALLED] = False


def end_run() -> None:
    """Call at the end of every run: a first run that left out the sidebar's widgets but drew no chart to wait
    for (no events, an error) is run again at once with them."""
    ss = st.session_state
    if ss.pop(_DEFERRED, False) and not ss.get(_SIGNALLED):
        st.rerun()


def sidebar():
    """`st.sidebar`, or in a first run that defers the sidebar's widgets a `FirstRunSidebar` standing in for it."""
    return FirstRunSidebar() if st.session_state.get(_DEFERRED) else st.sidebar


class FirstRunSidebar:
    """Stands in for `st.sidebar` in a session's first run: draws nothing, and each widget returns what it will
    return when drawn in the next run: its session_state value when set, else its default. Only the widgets
    and text elements the pages draw in their sidebar are here (anything else is an error, not a guess)."""

    def _text(self, *_args, **_options) -> None:
        return None  # headers and captions come with the widgets they introduce

    header = subheader = caption = markdown = _text

    def expander(self, *_args, **_options) -> FirstRunSidebar:
        return self  # its widgets stand in as the sidebar's do

    @staticmethod
    def _value(key: str | None, default):
        return st.session_state[key] if key is not None and key in st.session_state else default

    def radio(self, label, options, index=0, *, key=None, **_options):
        return self._value(key, None if index is None else list(options)[index])

    selectbox = radio

    def multiselect(self, label, options, default=None, *, key=None, **_options):
        chosen = [] if default is None else [default] if isinstance(default, str) else list(default)
        return self._value(key, chosen)

    def date_input(self, label, value="today", *, key=None, **_options):
        return self._value(key, date.today() if value == "today" else value)

    def slider(self, label, min_value=None, max_value=None, value=None, *, key=None, **_options):
        return self._value(key, min_value if value is None else value)

    def select_slider(self, label, options=(), value=None, *, key=None, **_options):
        return self._value(key, list(options)[0] if value is None else value)

    def text_input(self, label, value="", *, key=None, **_options):
        return self._value(key, value)

    def toggle(self, label, value=False, *, key=None, **_options):
        return self._value(key, value)
