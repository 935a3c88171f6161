"""Streamlit dashboard: articles in, every dated event on an interactive timeline out.

    streamlit run dashboard.py
    streamlit run dashboard.py -- --store STORE [--stores-dir DIR] [--max-marks 1500] [--allow-any-store]
    streamlit run dashboard.py -- --open FILE.timeline.json
    streamlit run dashboard.py -- --allow-private-urls   # "Paste a link" may fetch local/private hosts

This file only routes: the sidebar's Sources radio picks the page, app/article_page.py (a bundled,
pasted or uploaded article) or app/collection_page.py (a store made by `python -m timeline build`).
One script and one URL for both, so the query string of a shared link (`?source=collection&years=...&event=...`)
keeps working: `source` picks the page, each page restores and writes its own parameters. Article text is never rendered as HTML: everything from an article is escaped first.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import streamlit as st

from app import article_page, progressive
from app.collection_view import LINK_PARAMS as COLLECTION_LINK
from app.options import DashboardOptions, dashboard_options
from app.sources import BUNDLED, OPEN_FILE, warm_up, warm_up_started
from app.sources import MODES as ARTICLE_MODES
from app.widgets import page_head, stylesheet
from timeline.chart import keep_templates_in

COLLECTION = "Collection"
MODES = (*ARTICLE_MODES, COLLECTION)
#: The Sources choice in the URL (`?source=collection`), so that a link opens the same kind of page.
SOURCE_PARAM = dict(zip(MODES, ("bundled", "paste", "upload", "link", "file", "collection"), strict=True))
# A file served by this server: a Material icon here makes the browser fetch a font from a public CDN, and an
# emoji costs Streamlit a large regular expression (about a second under load) on the first page open.
PAGE_ICON = Path(__file__).resolve().parent / "app" / "icon.svg"
#: The bundled article's widgets whose change needs the parser (another article, a publication date) and the
#: Sources radio (a page that parses text): the first touch of one starts loading it.
SOURCE_WIDGETS = ".st-key-mode, .st-key-bundled, [class*='st-key-published']"
# Beside Streamlit's own disk cache (the bundled articles' events): a restarted server draws its first chart
# without building the Altair layers again.
CHART_TEMPLATES = Path.home() / ".streamlit" / "cache" / "timeline-chart-templates"


def _sidebar_mode(options: DashboardOptions) -> str:
    """The sources radio: as the link says (`?source=`), else a collection when --store is given, else bundled."""
    st.sidebar.header("Sources")  # drawn in every run: the sidebar holds its place (and the chart its width)
    if "mode" not in st.session_state:
        linked = {v: k for k, v in SOURCE_PARAM.items()}.get(st.query_params.get("source") or "")
        st.session_state["mode"] = linked or (COLLECTION if options.store else OPEN_FILE if options.open else MODES[0])
    # The pages that open on a chart draw it before the sidebar's widgets on a session's first run (app.progressive)
    progressive.begin_run(defer_sidebar=st.session_state["mode"] in (BUNDLED, COLLECTION))
    return progressive.sidebar().radio("Article", MODES, key="mode", label_visibility="collapsed")


def _write_source(mode: str) -> None:
    """`?source=` says which page the link opens; the other page's parameters leave the URL."""
    if st.query_params.get("source") != SOURCE_PARAM[mode]:
        st.query_params["source"] = SOURCE_PARAM[mode]
    mine = COLLECTION_LINK if mode == COLLECTION else article_page.LINK
    others = article_page.LINK if mode == COLLECTION else COLLECTION_LINK
    for name in set(others) - set(mine):
        if name in st.query_params:
            del st.query_params[name]


def _collection_page():
    """app.collection_page, imported when a collection is shown: with it come DuckDB and Parquet (about 0.1 s
    of imports), which a bundled article's first open does without."""
    from app import collection_page

    return collection_page


def main() -> None:
    """Draw the page chosen in the sidebar."""
    # "auto": open beside the page on a screen wide enough for both, closed on a phone, where an open sidebar
    # covers the whole page (a 390 px phone opened on the sources and filters, the chart hidden behind them)
    st.set_page_config(page_title="Timeline · dated events", page_icon=PAGE_ICON, layout="wide",
                       initial_sidebar_state="auto")
    stylesheet()
    keep_templates_in(CHART_TEMPLATES)
    options = dashboard_options(sys.argv[1:])
    mode = _sidebar_mode(options)
    page = _collection_page() if mode == COLLECTION else article_page
    head = st.empty()  # the title and caption; the article page words its caption for one article or several
    page_head(page.CAPTION if mode == COLLECTION else article_page.caption(), place=head)
    try:
        if mode == COLLECTION:
            page.render(options)
        else:
            article_page.render(mode, options, head)
    except Exception as error:  # last resort: a one-line message, never a traceback
        st.error(f"Something went wrong while drawing this view ({type(error).__name__}). "
                 "Try another article or reset the filters.")
    _write_source(mode)
    progressive.end_run()
    if mode not in (BUNDLED, COLLECTION):  # a page that parses text (paste, upload, link, file): load the parser
        warm_up()  # while the reader pastes; the bundled article's events and a store's are read, not parsed
    elif mode == BUNDLED and progressive.whole_page() and not warm_up_started():
        progressive.on_first_touch(SOURCE_WIDGETS, warm_up, key="warm-up-on-touch")


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
