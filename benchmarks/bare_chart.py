"""The baseline page of benchmarks/first_chart.py: Streamlit with one 7-point Altair chart, nothing else.

    streamlit run benchmarks/bare_chart.py
"""

import altair as alt
import pandas as pd
import streamlit as st

points = pd.DataFrame({"year": [2003, 2008, 2011, 2019, 2021, 2021, 2021], "lane": [0, 1, 0, 1, 0, 1, 2]})
st.altair_chart(alt.Chart(points).mark_point().encode(x="year:O", y="lane:O"), width="stretch")
