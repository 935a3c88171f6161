"""'Paste a link' on the article page through Streamlit's AppTest, against a local HTTP server.

The server listens on 127.0.0.1: the dashboard fetches from it only with TIMELINE_ALLOW_PRIVATE_URLS
(the same as `-- --allow-private-urls`); without it the refusal is the test.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from dashboard_app import opened_page
from fetch_server import PUBLISHED, serve
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "dashboard.py")


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


def test_the_shared_link_names_the_fetched_page_and_a_new_session_waits_for_the_click(monkeypatch, base):
    url = f"{base}/article.html"
    at = fetch(link_page(monkeypatch, allow=True), url)
    assert at.query_params.get("source") == "link" and at.query_params.get("url") == url
    before = dates(at)
    fresh = opened_page()  # the link opened in a new session
    fresh.query_params.update({"source": "link", "url": url})
    fresh.run()
    assert not fresh.exception and not fresh.error
    assert fresh.radio(key="mode").value == "Paste a link" and fresh.text_input(key="link").value == url
    assert not fresh.dataframe  # nothing fetched yet: the reader asks for it
    assert fresh.query_params.get("url") == url  # the link stays whole until then
    (fetch_button,) = [b for b in fresh.button if b.label == "Fetch"]
    fetch_button.click().run()
    assert dates(fresh) == before
    fresh.radio(key="mode").set_value("Bundled article").run()
    assert "url" not in fresh.query_params  # the address belongs to "Paste a link" only


def test_a_link_to_something_not_a_web_address_is_not_put_in_the_box(monkeypatch):
    at = opened_page()
    at.query_params.update({"source": "link", "url": "javascript:alert(1)"})
    at.run()
    assert not at.exception and at.text_input(key="link").value == ""
