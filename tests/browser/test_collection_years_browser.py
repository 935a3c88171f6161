"""The collection's years at 1,000 x 800 in headless Chromium, on a store with one far date (the year 850) among
recent news: the view opens on the recent years and says one event is outside; "Show all years" reaches back to
850 with bars per century, each wide enough to see and click (not 1,172 one-year bars under a pixel wide), axis
years written as years ("1000", not "01000"); and one click goes back to where the events are.

    pytest tests/browser/test_collection_years_browser.py
"""

from __future__ import annotations

import calendar
import re

import pytest
from conftest import built_store, store_server, wait_year_thumbs

pytestmark = pytest.mark.browser

MONTHS = list(calendar.month_name)[1:]
BARS = ".vega-embed g.bins_marks > path"
AXIS = ".vega-embed g.role-axis-label text"


def records() -> list[dict]:
    news = [{"id": f"n{i}", "title": f"Report {i}", "url": f"https://site.example/{i}", "published": "2021-04-07",
             "text": f"Report {i}\n\nTalks opened in {MONTHS[i % 12]} 2020. The council met on {1 + i % 27} "
                     f"{MONTHS[(i * 5) % 12]} 2021."} for i in range(30)]
    history = {"id": "old", "title": "History", "url": "https://site.example/old", "published": "2021-04-07",
               "text": "History\n\nThe church dates from the year 850. It was rebuilt in March 2020."}
    return [*news, history]


@pytest.fixture(scope="module")
def store_url(tmp_path_factory):
    with store_server(built_store(tmp_path_factory.mktemp("years"), records(), "store"), 10) as url:  # bars: more events than 10 marks
        yield url


def test_show_all_years_reads_as_years_and_has_a_way_back(browser, store_url, screenshots):
    context = browser.new_context(viewport={"width": 1000, "height": 800})
    try:
        page = context.new_page()
        page.set_default_timeout(90_000)
        page.goto(store_url)
        page.get_by_text("1 event outside 2020 – 2021").wait_for()  # the year 850 is left out, and said
        wait_year_thumbs(page, "2020,2021")
        page.get_by_role("button", name="Show all years").click()
        wait_year_thumbs(page, "850,2021")
        page.locator(f"{BARS}[aria-label^='800 – 899: 1 event']").wait_for()  # the bars reach back to 850, per century
        widths = page.locator(BARS).evaluate_all("els => els.map(e => e.getBoundingClientRect().width)")
        assert min(widths) >= 3, widths  # per year, 850, 2020 and 2021 were 0.5 px slivers
        years = [t for t in page.locator(AXIS).all_text_contents() if re.fullmatch(r"\d+", t.replace(",", ""))]
        assert [t for t in years if t.startswith("0") and t != "0"] == []  # "900", never "0900"
        back = page.get_by_role("button", name="Back to 2020 – 2021")
        page.get_by_text("Every year, 850 – 2021").wait_for()
        page.screenshot(path=screenshots / "years-all.png", full_page=True)
        back.click()
        page.get_by_text("1 event outside 2020 – 2021").wait_for()
        wait_year_thumbs(page, "2020,2021")
        assert page.get_by_role("button", name="Back to 2020 – 2021").count() == 0
        assert page.locator('[data-testid="stException"]').count() == 0
    finally:
        context.close()
