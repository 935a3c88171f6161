"""The Sources filter of a store of many sources in headless Chromium (ui31): every 40th te3-silver story (62 files,
each its own source). A store of every te3-silver file listed 2,452 file names in file order, a picker nobody could
use; past a handful the filter lists the sources with events in view, the most events first, each labelled by its
events, its story's title and its file: a reader types words of a title and picks the story, and the choice stays
when the years move.

    pytest tests/browser/test_collection_sources_browser.py
"""

from __future__ import annotations

import re

import pytest
from conftest import YEAR_THUMBS, settle, store_server, year_thumbs

from timeline.collection import list_sources, open_store
from timeline.documents import shown_title

pytestmark = pytest.mark.browser

SOURCES = '[data-testid="stSidebar"] [data-testid="stMultiSelect"]'
METRIC = '[data-testid="stMetric"]'


@pytest.fixture(scope="module")
def sources_url(three_years):
    with store_server(three_years, 1500) as url:
        yield url


def a_story(store) -> tuple[str, str, str]:
    """(file, shown title, a word of that title no other title has) of the one-article source with the most events."""
    with open_store(store) as opened:
        sources = list_sources(opened)
    titled = sources[(sources["articles"] == 1) & sources["title"].notna()].sort_values("events", ascending=False)
    words = [set(re.findall(r"[A-Za-z]{6,}", shown_title(t).lower())) for t in titled["title"]]
    for i, (name, title) in enumerate(zip(titled["source"], titled["title"], strict=True)):
        unique = words[i] - set().union(*(w for j, w in enumerate(words) if j != i))
        if unique:
            return name, shown_title(title), sorted(unique)[0]
    raise AssertionError("no title with a word of its own")


def metric(page, label: str) -> str:
    return page.locator(METRIC).filter(has_text=label).locator('[data-testid="stMetricValue"]').inner_text()


def test_a_story_is_found_by_its_title_and_stays_chosen_when_the_years_move(browser, sources_url, three_years,
                                                                           screenshots):
    name, title, word = a_story(three_years)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        page.set_default_timeout(90_000)
        page.goto(sources_url)
        page.locator(YEAR_THUMBS).nth(1).wait_for()
        settle(page)
        box = page.locator(SOURCES).filter(has_text="Sources")
        assert "62 sources" in box.locator("input").get_attribute("placeholder")
        box.locator("input").click()
        first = page.get_by_role("option").first.inner_text()
        assert re.match(r"\d+ events? · ", first), first  # its events first: the most reporting lead
        page.keyboard.type(word)
        option = page.get_by_role("option").filter(has_text=title[:25])
        option.wait_for()
        assert name in option.inner_text() and page.get_by_role("option").count() <= 3  # the story (and "Select all")
        page.screenshot(path=screenshots / "sources-typed.png")
        option.click()
        page.keyboard.press("Escape")
        page.wait_for_function("sel => [...document.querySelectorAll(sel)].some(m => m.innerText.includes('Sources')"
                               " && m.innerText.trim().endsWith('\\n1'))", arg=METRIC)
        settle(page)
        events = metric(page, "Events")
        thumb = page.locator('[data-testid="stSidebar"] [data-testid="stSlider"] input[type="range"]').first
        for _ in range(2):  # two runs: a choice the filter no longer knew by its label would go in the second
            years = year_thumbs(page)
            thumb.focus()
            page.keyboard.press("ArrowLeft")  # the years widen: the story's events stay in view
            page.wait_for_function(f"sel => [...document.querySelectorAll(sel)].map(e => e.innerText).join() !== "
                                   f"'{years}'", arg=YEAR_THUMBS)
            settle(page)
        assert metric(page, "Sources") == "1" and metric(page, "Events") == events
        assert title[:20] in box.inner_text()  # its chip still there
        assert page.locator('[data-testid="stException"]').count() == 0
    finally:
        context.close()
