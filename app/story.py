"""Reading a timeline at any size: the default window, key events, and the story view. Both pages use these.

    window_note(n_outside, window, key, ...)      "3 events outside 2003 – 2006 [Show all years]"
    key_events(shown, ...)                        the key events only, above KEY_THRESHOLD in view
    story(shown, selected=...)                    a vertical timeline: date in words, headline, source

The pure parts are in timeline.window (which years), timeline.importance (which events) and
timeline.describe (dates in words); app/style.py's story_html writes the list (every text escaped).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app.style import story_html
from app.view import year_range
from timeline.chart import axis_domain
from timeline.describe import dates_in_words, span_in_words
from timeline.importance import frame_importance, spread_top

__all__ = ["KEY_COUNT", "KEY_THRESHOLD", "axis_note", "key_events", "spread_keys", "story", "with_importance",
           "window_note"]

KEY_THRESHOLD = 40  # above this many events in view, "key events only" is on by default
KEY_COUNT = 25  # how many key events it keeps
# The story's box (style.css: .tl-story-box max-height) and what a step takes in it, measured on the page at 1,400 px:
# a date line and a headline line with the gap after them; a source line when several articles are shown; one more
# line per STORY_LINE_CHARS of a long headline. Only an estimate: it decides whether to say that the list scrolls.
STORY_BOX_PX = 460
STEP_PX = 65
SOURCE_PX = 20
LINE_PX = 22
STORY_LINE_CHARS = 95


def with_importance(frame: pd.DataFrame, published: pd.Series | None = None) -> pd.DataFrame:
    """`frame` with an importance column (timeline.importance), and a `when` column (the date in words)."""
    if frame.empty:
        return frame.assign(importance=pd.Series(dtype="float64"), when=pd.Series(dtype="object"))
    scored = frame.assign(published=published) if published is not None else frame
    return frame.assign(importance=frame_importance(scored), when=dates_in_words(frame["value"], frame.get("mod")))


def window_note(outside: int, window: tuple[int, int], slider_key: str | None, bounds: tuple[int, int],
                opened_on: tuple[int, int] | None = None) -> None:
    """Say how many events the year range hides (`outside`: those the other filters keep), with one click to
    show every year; why they are left out depends on who chose the years: the page (`opened_on`, where the
    events are) or the reader (the slider or a link). When the years hide nothing but reach past those the page
    opened on (after "Show all years"), one click goes back there: the way out is also a way back."""
    if slider_key is None:
        return
    if not outside:
        if opened_on and tuple(window) != tuple(opened_on) and window[0] <= opened_on[0] and opened_on[1] <= window[1]:
            _back_note(window, tuple(opened_on), slider_key)
        return
    left, right = st.columns([5, 2], vertical_alignment="center")  # the button whole at 1,000 px
    why = ("the view starts on the years where the events are (stray and far dates left out)."
           if window == opened_on else "the years chosen leave them out.")
    left.caption(f"**{outside:,} event{'s' if outside > 1 else ''} outside {year_range(window)}**: {why}")
    right.button("Show all years", key=f"{slider_key}:all", on_click=_set, args=(slider_key, bounds),
                 help=f"Widen the years to {year_range(bounds)}.")


def _back_note(window: tuple[int, int], opened_on: tuple[int, int], slider_key: str) -> None:
    left, right = st.columns([5, 2], vertical_alignment="center")
    left.caption(f"**Every year, {year_range(window)}**: the view started on {year_range(opened_on)}, where the "
                 "events are.")
    right.button(f"Back to {year_range(opened_on)}", key=f"{slider_key}:back", on_click=_set,
                 args=(slider_key, opened_on), help="The years the page opened on (stray and far dates left out).")


def _set(key: str, value: object) -> None:
    st.session_state[key] = value
    st.rerun()  # the whole page: the slider is in the sidebar, outside a fragment the button may be in


def key_events(shown: pd.DataFrame, *, key: str, keep: str | None = None,
               window: tuple[int, int] | None = None) -> pd.DataFrame:
    """What the chart, the story, the table and the downloads hold: the key events of `shown` (KEY_COUNT, see
    spread_keys) when the toggle is on, which it is by default above KEY_THRESHOLD events, and the event `keep`
    (the selected one: it stays in sight) whatever it is; in `shown`'s order. Says how many others there are,
    and what the chart's axis (its years: `window`) leaves out of the events in view (axis_note)."""
    if len(shown) <= KEY_THRESHOLD:
        return shown
    only = st.toggle("Key events only", value=True, key=key,
                     help="The events that matter most: dated precisely, heading their sentence, mentioned "
                          "or reported often, near the article's own days.")
    if not only:
        st.caption(f"All {len(shown):,} events in view. Turn on *Key events only* for the {KEY_COUNT} that "
                   "matter most.")
        return shown
    keys = spread_keys(shown, KEY_COUNT)
    drawn = shown[shown["event_id"].isin(keys) | shown["event_id"].eq(keep)]
    st.caption(f"The {KEY_COUNT} key events of {len(shown):,} in view; {len(shown) - KEY_COUNT:,} others are "
               f"hidden (turn off *Key events only* to see every one).{axis_note(shown, drawn, window)}")
    return drawn


def axis_note(shown: pd.DataFrame, drawn: pd.DataFrame, window: tuple[int, int] | None = None) -> str:
    """What the time axis of the key events `drawn` leaves out of `shown`, the events in view: the axis spans the
    key events (timeline.chart.axis_domain: spread over the chart, their labels read), so with the years saying 1989 -
    1998 it showed March - May 1997 and said nothing of it. " The axis shows 17 March – 16 May 1997, where 168 of
    the 306 events in view lie.", or "" when it shows every one of them."""
    first, last = axis_domain(drawn, window)
    inside = (pd.to_datetime(shown["start"]) >= first) & (pd.to_datetime(shown["end"]) <= last)
    if inside.all():
        return ""
    return (f" The axis shows {span_in_words(first.date(), last.date())}, where {int(inside.sum()):,} of the "
            f"{len(shown):,} events in view lie.")


def spread_keys(shown: pd.DataFrame, count: int) -> set[str]:
    """The event_ids of the `count` events of highest importance. Of the events tied at the last place taken,
    those spread evenly over their time order are taken, not the earliest: in a collection hundreds of reports of
    their own publication day tie (a precise date, the main clause, the day it was published), and the first of
    them by date were one week of April 1997 in a collection of 1997, 2005 and 2006, one crowded column."""
    ordered = shown.sort_values(["start", "end"], kind="stable")
    scores = ordered["importance"].round(9).tolist()  # the same signals, the same score, however it was summed
    return set(ordered["event_id"].iloc[spread_top(scores, count)])


def story_overflows(headlines: pd.Series, with_sources: bool) -> bool:
    """Whether the story's steps (their headlines, with a source line each or not) overrun its box, by estimate."""
    lines = (headlines.str.len() // STORY_LINE_CHARS).sum()
    height = len(headlines) * (STEP_PX + (SOURCE_PX if with_sources else 0)) + lines * LINE_PX
    return bool(height > STORY_BOX_PX + STEP_PX // 4)  # the last step's gap below it may be hidden


def story(shown: pd.DataFrame, *, source: str = "source", selected: str | None = None) -> None:
    """The events as a vertical timeline in time order: the date in words, the headline, then the source
    (left out when every event comes from the same one); the `selected` event (an event_id) is marked."""
    st.header("Story")
    if shown.empty:
        return
    ordered = shown.sort_values(["start", "end"], kind="stable")
    sources = ordered[source].fillna("")
    if sources.nunique() < 2:  # one article: its name under every step would say nothing
        sources = sources.str.slice(0, 0)
    if story_overflows(ordered["headline"].fillna(""), sources.ne("").any()):  # or a reader takes the first for all
        st.caption(f"{len(shown):,} events, earliest first; scroll the list to read them all.")
    picked = ordered["event_id"].eq(selected) if selected is not None else None
    st.html(story_html(ordered["when"], ordered["headline"].fillna(""), sources, ordered["granularity"], picked))
