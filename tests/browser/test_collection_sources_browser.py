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


# The open Sources list: its box, and for each option drawn its label, the width it is given, the width it needs and
# whether a cut shows an ellipsis.
_LIST_JS = """() => {
  const list = document.querySelector('[data-testid="stMultiSelectDropdown"]');
  const options = [...list.querySelectorAll('[role="option"] > div')].map(e => [e.innerText, e.clientWidth,
    e.scrollWidth, getComputedStyle(e).textOverflow]);
  const box = list.getBoundingClientRect();
  return {left: box.left, right: box.right, width: innerWidth, options};
}"""


# Every scroll of the page or of a part of it from now on, as [its element's test id or class, its scrollTop].
_SCROLLS_JS = """() => {
  window.__scrolls = [];
  document.addEventListener('scroll', e => {
    const el = e.target === document ? document.scrollingElement : e.target;
    window.__scrolls.push([el.dataset.testid || String(el.className), el.scrollTop]);
  }, true);
}"""
# The phone's sidebar has slid in: its left edge is the screen's.
_SIDEBAR_IN_PLACE_JS = """() => {
  const bar = document.querySelector('[data-testid="stSidebar"]');
  return bar && bar.getBoundingClientRect().left === 0 && getComputedStyle(bar).visibility !== 'hidden';
}"""
# The sidebar scrolled (a reader's swipe) until the element shows half of it at the screen's foot, as far as it scrolls.
_HALF_SHOWN_JS = """el => {
  const content = document.querySelector('[data-testid="stSidebarContent"]');
  const box = el.getBoundingClientRect();
  content.scrollTop += box.top + box.height / 2 - innerHeight;
}"""
# Two frames on: scroll events are sent at the frame after a scroll.
_NEXT_FRAMES_JS = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def tap_where_seen(page, locator) -> None:
    """A finger's tap on the part of `locator` that is on screen, as a reader taps a box half under the screen's
    edge. Not Playwright's tap or click: they scroll it whole into view first, and on a phone that scroll of the
    sidebar reaches the page after the tap has opened the Sources list, which react-aria closes when its box
    scrolls (ui32: 2 of 6 runs saw the list closing; a reader's tap scrolls nothing)."""
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    assert box and box["y"] < height - 4, f"not on screen: {box}"
    page.touchscreen.tap(box["x"] + min(40, box["width"] / 2), (box["y"] + min(box["y"] + box["height"], height)) / 2)


@pytest.mark.parametrize("size", [(1400, 1000), (390, 844), (390, 560)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_sources_list_shows_a_storys_title_not_its_first_35_characters(browser, sources_url, size, screenshots):
    """The list opened as wide as the sidebar's box (240 px, 260 on a phone): a row showed "19 events · Canada's
    NDP withdraws s", cut with no mark, and two stories of one subject read the same. It opens as wide as the window
    allows, up to 40rem: a label of 80 characters reads whole at 1,400 px, 45 on a 390 px phone; a longer one is cut
    with "…"; every story shows a name beside its file (ui32: an untitled one its lead's). On a phone the box is
    tapped where it shows (at 560 px, a phone with its browser's bars, part of it under the screen's foot) and the
    list stays open: the tap scrolls nothing."""
    phone = size[0] < 600
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, has_touch=phone, is_mobile=phone)
    try:
        page = context.new_page()
        page.set_default_timeout(90_000)
        page.goto(sources_url)
        page.locator(YEAR_THUMBS).nth(1).wait_for(state="attached")
        settle(page)
        if phone:  # the sidebar starts closed on a phone
            page.locator('[data-testid="stExpandSidebarButton"]').first.click()
        box = page.locator(SOURCES).filter(has_text="Sources")
        if phone:  # a reader swipes the sidebar until the box shows at the screen's foot, half of it, and taps it
            page.wait_for_function(_SIDEBAR_IN_PLACE_JS)
            box.locator("input").evaluate(_HALF_SHOWN_JS)
            page.evaluate(_NEXT_FRAMES_JS)  # the swipe's scroll events are sent
            seen = box.locator("input").bounding_box()
            assert size[1] > 600 or seen["y"] + seen["height"] > size[1], seen  # at 560 px: partly off-screen
            page.evaluate(_SCROLLS_JS)
            tap_where_seen(page, box.locator("input"))
        else:
            box.locator("input").click()
        box.locator('input[aria-expanded="true"]').wait_for()
        page.get_by_role("option").first.wait_for()
        if phone:  # a scroll the tap set off is told by the frame after the list is drawn
            page.evaluate(_NEXT_FRAMES_JS)
            assert page.evaluate("window.__scrolls") == [], "the tap scrolled the sidebar: the list closes"
            assert box.locator("input").get_attribute("aria-expanded") == "true"  # still open
        drawn = page.evaluate(_LIST_JS)
        page.screenshot(path=screenshots / f"sources-list-{size[0]}x{size[1]}.png")
        assert drawn["right"] - drawn["left"] >= min(640, drawn["width"] - 40) - 1 and drawn["right"] <= drawn["width"]
        whole = 80 if not phone else 45
        for label, given, needed, overflow in drawn["options"]:
            assert needed <= given or (overflow == "ellipsis" and len(label) > whole), label
            assert re.fullmatch(r"\d+ events? · .+ · \S+\.tml", label), label  # a name beside the file
    finally:
        context.close()
