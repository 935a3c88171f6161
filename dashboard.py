"""Streamlit dashboard: articles in, every dated event on an interactive timeline out.

    streamlit run dashboard.py
    streamlit run dashboard.py -- --store STORE [--stores-dir DIR] [--max-marks 1500] [--allow-any-store]
    streamlit run dashboard.py -- --allow-private-urls   # "Paste a link" may fetch local/private hosts

This file only routes: the sidebar's Sources radio picks the page, app/article_page.py (a bundled,
pasted or uploaded article) or app/collection_page.py (a store made by `python -m timeline build`).
One script and one URL for both, so the query string of a shared link (`?years=...&event=...`) keeps
working. Article text is never rendered as HTML: everything from an article is escaped first.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import streamlit as st

from app import article_page, collection_page
from app.options import DashboardOptions, dashboard_options
from app.sources import MODES as ARTICLE_MODES
from app.widgets import stylesheet

COLLECTION = "Collection"
MODES = (*ARTICLE_MODES, COLLECTION)
# A file served by this server: a Material icon here makes the browser fetch a font from a public CDN, and an
# emoji costs Streamlit a large regular expression (about a second under load) on the first page open.
PAGE_ICON = Path(__file__).resolve().parent / "app" / "icon.svg"


def _sidebar_mode(options: DashboardOptions) -> str:
    """The sources radio: bundled, pasted, uploaded articles or a collection (first, when --store is given)."""
    st.sidebar.header("Sources")
    return st.sidebar.radio("Article", MODES, key="mode", label_visibility="collapsed",
                            index=MODES.index(COLLECTION) if options.store else 0)


def main() -> None:
    """Draw the page chosen in the sidebar."""
    st.set_page_config(page_title="Timeline · dated events", page_icon=PAGE_ICON, layout="wide",
                       initial_sidebar_state="expanded")
    stylesheet()
    options = dashboard_options(sys.argv[1:])
    mode = _sidebar_mode(options)
    page = collection_page if mode == COLLECTION else article_page
    st.title("Timeline")
    st.caption(page.CAPTION)
    try:
        if mode == COLLECTION:
            collection_page.render(options)
        else:
            article_page.render(mode, options)
    except Exception as error:  # last resort: a one-line message, never a traceback
        st.error(f"Something went wrong while drawing this view ({type(error).__name__}). "
                 "Try another article or reset the filters.")


def profiled(run, folder: str) -> None:
    """`run()` under cProfile, its stats in FOLDER/<id>.prof: for `python -m benchmarks.load --profile`
    only (TIMELINE_PROFILE_DIR). cProfile follows one thread, and each script run has its own."""
    import cProfile
    import uuid

    profile = cProfile.Profile()
    try:
        profile.runcall(run)
    finally:
        profile.dump_stats(os.path.join(folder, f"{uuid.uuid4().hex}.prof"))


if __name__ == "__main__":
    if os.environ.get("TIMELINE_PROFILE_DIR"):
        profiled(main, os.environ["TIMELINE_PROFILE_DIR"])
    else:
        main()
