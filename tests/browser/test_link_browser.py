"""'Paste a link' in a real Chromium: the dashboard fetches a page from a local HTTP server started by
the test (the dashboard runs with --allow-private-urls, as the server is on 127.0.0.1), and refuses it
with one message when run without that option.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import free_port, start_server, stop_server
from test_accessibility import accessible_and_offline

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: the local page server
from fetch_server import PUBLISHED, serve  # noqa: E402

pytestmark = pytest.mark.browser
EVENT_MARKS = ".vega-embed g.spans_marks > path, .vega-embed g.points_marks > path"


@pytest.fixture(scope="module")
def pages():
    with serve() as url:
        yield url


@pytest.fixture(scope="module")
def allowing_server():
    """A dashboard run with `-- --allow-private-urls`."""
    port = free_port()
    process = start_server(port, options=("--allow-private-urls",))
    yield f"http://127.0.0.1:{port}"
    stop_server(process)


def paste_link(page, app_url: str, link: str) -> None:
    page.goto(app_url)
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_text("Paste a link", exact=True).click()
    box = sidebar.get_by_role("textbox", name="Link to an article")
    box.fill(link)
    sidebar.get_by_role("button", name="Fetch").click()


def test_pasted_link_gives_its_events_with_the_pages_date(page, allowing_server, pages, screenshots,
                                                          outside_requests):
    paste_link(page, allowing_server, f"{pages}/article.html")
    page.wait_for_function("sel => document.querySelectorAll(sel).length >= 3", arg=EVENT_MARKS, timeout=90_000)
    sunday = page.locator(".vega-embed g.points_marks > path[aria-label^='Sunday 10 March 2019:']")
    assert sunday.count() == 1  # "on Sunday", counted from the page's metadata date
    date_box = page.locator('[data-testid="stSidebar"] [data-testid="stDateInput"] input').first  # (then "Add an event")
    assert date_box.input_value() == PUBLISHED
    assert page.get_by_text("Publication date found in the page metadata.").count() == 1
    sunday.click()
    page.locator("blockquote.tl-quote").filter(has_text="Two rockets were fired").wait_for()
    link = page.locator("a.tl-link")
    assert link.get_attribute("href") == f"{pages}/article.html"
    accessible_and_offline(page, outside_requests)  # no exception, no axe violation, nothing from elsewhere
    page.screenshot(path=screenshots / "link.png", full_page=True)


def test_refusal_is_one_message_without_a_traceback(page, server_url, pages, screenshots, outside_requests):
    paste_link(page, server_url, f"{pages}/article.html")  # the shared server: no --allow-private-urls
    alert = page.locator('[data-testid="stAlertContentError"]')
    alert.wait_for(timeout=60_000)
    assert "is a loopback address" in alert.inner_text() and "only public addresses" in alert.inner_text()
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator(".vega-embed").count() == 0
    accessible_and_offline(page, outside_requests)
    page.screenshot(path=screenshots / "link-refused.png", full_page=True)
