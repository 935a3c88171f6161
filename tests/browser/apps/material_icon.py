"""A page that fetches from a public CDN (a Material page icon): the offline checks must catch it.

Used only by tests/browser/test_accessibility.py; the dashboard itself uses an emoji page icon.
"""

import streamlit as st

st.set_page_config(page_title="Icon probe", page_icon=":material/calendar_month:")
st.info("An icon from a font.", icon=":material/event_busy:")
