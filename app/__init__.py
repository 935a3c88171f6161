"""The Streamlit shell of timeline, thin: dashboard.py routes to a page here.

    article_page.py     one or several articles: sources, filters, chart, selected event, table, downloads
    collection_page.py  a store made by `python -m timeline build`: counts per period, single events, grouping
    widgets.py          what both pages draw alike: event panel, fact table, events table, metrics, downloads
    sources.py          bundled articles, uploads, pasted text -> Documents; cached extraction and exports
    stores.py           which stores the collection page may open, and cached queries on them
    view.py             pure view logic for the article page (filters, year bounds, click folding, words)
    collection_view.py  pure view logic for the collection page (periods, near-duplicate rows, chart frames)
    options.py          the server's options (`streamlit run dashboard.py -- --store ...`)
    style.py, style.css the page's own HTML fragments and their stylesheet

Only the page, widget, source and store modules import Streamlit; the view modules are plain functions.
"""
