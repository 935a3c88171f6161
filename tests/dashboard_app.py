"""The dashboard under Streamlit's AppTest, as a browser has it (shared by the AppTest suites)."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from app import progressive

APP = str(Path(__file__).resolve().parents[1] / "dashboard.py")


def opened_page() -> AppTest:
    """The dashboard as a browser has it once the session's first chart is drawn: a session's first run draws
    the chart alone, and the browser asks for the whole page after its first frame (app.progressive)."""
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state[progressive.DRAWN] = True
    return at
