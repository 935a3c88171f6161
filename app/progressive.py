"""A session's first page draws its chart first and the rest once the browser has drawn the chart.

On a session's first run (a page open or a reload) the browser has to build every element the run sends
before Vega gets the main thread: the events table (glide-data-grid), the download buttons, the story,
the metrics, the curation toolbar. So that run draws the sidebar and the chart only, plus `signal()`: a
tiny script that waits in the browser for the chart's first marks (or a few seconds), then asks for the
next run, which draws the whole page. Every later run of the session draws the whole page at once.

    if progressive.whole_page(): ...draw the rest...
    else: progressive.signal()

The same idea for a slow part below a chart that changed (the collection's key dates for a new keyword):
`after_drawn(token, key=...)` returns False and asks for one more run once the browser is idle (the new chart
drawn); in that run (and later ones with the same token) it returns True, and the slow part is computed then,
not while the browser draws the chart on the same cores.
"""

from __future__ import annotations

import streamlit as st

__all__ = ["DRAWN", "after_drawn", "signal", "whole_page"]

DRAWN = "_first_frame_drawn"  # session_state: True once the session's first chart has been drawn
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


@st.cache_resource
def _component():
    return st.components.v2.component("timeline_first_frame", js=_JS % {"wait": WAIT_MS})


@st.cache_resource
def _idle_component():
    return st.components.v2.component("timeline_after_drawn", js=_IDLE_JS % {"wait": IDLE_MS})


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
    _component()(key="first_frame", on_drawn_change=_drawn)
