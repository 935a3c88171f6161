"""'Paste a link' on the article page through Streamlit's AppTest, against a local HTTP server.

The server listens on 127.0.0.1: the dashboard fetches from it only with TIMELINE_ALLOW_PRIVATE_URLS
(the same as `-- --allow-private-urls`); without it the refusal is the test.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from fetch_server import PUBLISHED, serve
from streamlit.testing.v1 import AppTest

from app import progressive

APP = str(Path(__file__).resolve().parents[1] / "dashboard.py")


def opened_page() -> AppTest:
    """The dashboard as a browser has it once the session's first chart is drawn: a session's first run draws
    the chart alone, and the browser asks for the whole page after its first frame (app.progressive)."""
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state[progressive.DRAWN] = True
    return at


@pytest.fixture(scope="module")
def base():
    with serve() as url:
        yield url


def link_page(monkeypatch, allow: bool) -> AppTest:
    if allow:
        monkeypatch.setenv("TIMELINE_ALLOW_PRIVATE_URLS", "1")
    else:
        monkeypatch.delenv("TIMELINE_ALLOW_PRIVATE_URLS", raising=False)
    at = opened_page().run()
    return at.radio(key="mode").set_value("Paste a link").run()


def fetch(at: AppTest, url: str) -> AppTest:
    at.text_input(key="link").set_value(url)
    (fetch_button,) = [b for b in at.button if b.label == "Fetch"]  # the undo/redo toolbar has buttons too
    return fetch_button.click().run()


def dates(at: AppTest) -> list[str]:
    (frame,) = [d.value for d in at.dataframe]
    return sorted(frame["Date"])


def test_nothing_is_fetched_before_the_click(monkeypatch, base):
    at = link_page(monkeypatch, allow=True)
    at.text_input(key="link").set_value(f"{base}/article.html").run()
    assert not at.exception and not at.dataframe and not at.error
    assert at.button[0].label == "Fetch"


def test_fetched_page_gives_events_from_its_metadata_date(monkeypatch, base):
    at = fetch(link_page(monkeypatch, allow=True), f"{base}/article.html")
    assert not at.exception and not at.error
    assert "Sunday 10 March 2019" in dates(at)  # "on Sunday" counted from the page's date
    assert at.date_input[0].value == date.fromisoformat(PUBLISHED)
    assert "found in the page metadata" in " ".join(c.value for c in at.sidebar.caption)
    assert any("Rockets hit Balad air base" in m.value for m in at.markdown)


def test_refusal_is_one_message_and_keeps_what_is_shown(monkeypatch, base):
    at = fetch(link_page(monkeypatch, allow=True), f"{base}/notes.txt")
    before = dates(at)
    at = fetch(at, f"{base}/report.pdf")
    assert not at.exception
    assert [e.value for e in at.error] and "a PDF document" in at.error[0].value
    assert dates(at) == before  # the article already on screen stays


def test_loopback_refused_without_the_server_option(monkeypatch, base):
    at = fetch(link_page(monkeypatch, allow=False), f"{base}/article.html")
    assert not at.exception and not at.dataframe
    assert "is a loopback address" in at.error[0].value and "only public addresses" in at.error[0].value


def test_empty_link(monkeypatch):
    at = fetch(link_page(monkeypatch, allow=True), "  ")
    assert "Paste a link" in at.error[0].value


def test_allow_private_urls_is_a_server_option():
    from app.options import dashboard_options

    assert not dashboard_options([], {}).allow_private_urls
    assert dashboard_options(["--allow-private-urls"], {}).allow_private_urls
    assert dashboard_options([], {"TIMELINE_ALLOW_PRIVATE_URLS": "1"}).allow_private_urls
    assert not dashboard_options([], {"TIMELINE_ALLOW_PRIVATE_URLS": "no"}).allow_private_urls
