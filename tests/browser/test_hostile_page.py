"""Hostile file names and Markdown links stay inert text on the page (issue 5, "the page")."""

from __future__ import annotations

import pytest
from conftest import upload_files
from test_dashboard_browser import no_exception, open_app, wait_for_marks

import timeline

pytestmark = pytest.mark.browser

HOSTILE_NAME = 'x<img src=y onerror="window.__pwned=4">.md'
ARTICLE = ("# Talks [click me](javascript:window.__pwned=5) resume\n\n"
           "Published: 3 June 2019\n\n"
           "Negotiators met on Monday. [Read more](javascript:window.__pwned=6) "
           "The first round took place in May 2018.\n")


def test_hostile_file_name_and_markdown_links_run_nothing(page, server_url, tmp_path, screenshots):
    page.add_init_script("window.__pwned = 0;")
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    path = tmp_path / HOSTILE_NAME
    path.write_text(ARTICLE, encoding="utf-8")
    expected = len(timeline.extract(ARTICLE).events)
    assert expected >= 2

    open_app(page, server_url)
    upload_files(page, [path])
    assert wait_for_marks(page, f"n === {expected}") == expected
    page.screenshot(path=screenshots / "hostile-name.png", full_page=True)
    page.get_by_text("x<img s", exact=False).first.wait_for()  # the file name is shown as text
    assert page.locator('a[href^="javascript:"]').count() == 0  # no Markdown link became a live link
    page.locator(".vega-embed g.points_marks > path").first.click()
    page.locator("blockquote").first.wait_for()
    shown = [t for t in page.get_by_text("javascript:", exact=False).all() if t.is_visible()]
    assert shown, "the Markdown link text is shown as text"
    for text in shown[:3]:
        text.click()  # clicking the shown link text does nothing
    no_exception(page)
    page.screenshot(path=screenshots / "hostile-name.png", full_page=True)
    assert page.evaluate("window.__pwned") == 0 and dialogs == []
