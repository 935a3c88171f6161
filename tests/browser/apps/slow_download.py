"""A page whose run writes its version, then, 0.4 s later, a download of that version: under the 0.5 s Streamlit waits
before it shows its status widget, so the widget never says the run is on. A click between the two presses the
download button of the run before. Used only by tests/browser/test_curation_browser.py (the waits of its helpers).
"""

import time

import streamlit as st

version = st.session_state.get("version", 0) + (1 if st.session_state.get("next") else 0)
st.session_state["version"] = version
st.button("Next", key="next")
st.markdown(f"Version {version}")
time.sleep(0.4)  # the work between what the page shows first and its downloads (the curation page's chart, table...)
st.download_button("Download", data=lambda: str(version).encode(), file_name="version.txt", on_click="ignore")
