"""A session's first page draws its chart first and the rest once the browser has drawn the chart.

On a session's first run (a page open or a reload) the browser has to build every element the run sends
before Vega gets the main thread: the events table (glide-data-grid), the download buttons, the story,
the metrics, the curation toolbar. So that run draws the sidebar and the chart only, plus `signal()`: a
tiny script that waits in the browser for the chart's first marks (or a few seconds), then asks for the
next run, which draws the whole page. Every later run of the session draws the whole page at once.

    if progressive.whole_page(): ...draw the rest...
    else: progressive.signal()
"""

from __future__ import annotations

import streamlit as st

__all__ = ["DRAWN", "signal", "whole_page"]

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


@st.cache_resource
def _component():
    return st.components.v2.component("timeline_first_frame", js=_JS % {"wait": WAIT_MS})


def whole_page() -> bool:
    """Whether this run draws the whole page (every run but a session's first, which draws the chart only)."""
    return bool(st.session_state.get(DRAWN))


def _drawn() -> None:
    st.session_state[DRAWN] = True


def signal() -> None:
    """Call at the end of a first run: the next run (the whole page) starts once the chart is on screen."""
    _component()(key="first_frame", on_drawn_change=_drawn)
