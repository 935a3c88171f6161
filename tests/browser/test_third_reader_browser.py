"""A third reader's pass (branch ui28): what the last one left on a collection of te3-silver reports of three
years, on a laptop and on a 390x844 phone. Each test is a place where such a reader stumbled.

    pytest tests/browser/test_third_reader_browser.py
"""

from __future__ import annotations

import re

import pandas as pd
import pytest
from conftest import settle, store_server

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
EVENT_CHART = ".st-key-c_timeline"


@pytest.fixture(scope="module")
def store_url(three_years):
    with store_server(three_years, 1000) as url:
        yield url


@pytest.fixture()
def phone(browser):
    """A page in a 390x844 phone: touch, no hover."""
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.set_default_timeout(60_000)
    yield page
    context.close()


def key_caption(page):
    """The caption under *Key events only*."""
    return page.get_by_text("key events of")


def no_exception(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0


def drawn(page) -> None:
    """Until the whole page has come (app.progressive) and its runs are over."""
    page.wait_for_selector(f"{EVENT_CHART} .vega-embed svg g.role-mark path", timeout=90_000)
    page.locator('[data-testid="stMetric"]').first.wait_for(timeout=60_000)
    settle(page)


def test_a_collections_key_dates_come_from_all_its_news(page, store_url, screenshots):
    """The ten key dates of a collection of 1997, 2005 and 2006 news were nine of March and April 1997 and one of
    1995: every happening was reported by one article, the tie went to the earliest dates (the 60 candidates
    grouped too). The most reported come first; the places left go to dates spread over the collection's time."""
    page.goto(f"{store_url}/?source=collection")
    drawn(page)
    lines = page.locator("li").filter(has_text="reported by")
    lines.first.wait_for(timeout=60_000)
    settle(page)
    page.get_by_role("heading", name="Key dates").scroll_into_view_if_needed()
    page.screenshot(path=screenshots / "third-reader-key-dates.png")
    dates = [text.split(" · ")[0] for text in lines.all_inner_texts()]
    years = [int(y) for d in dates for y in re.findall(r"\b(?:19|20)\d\d\b", d)]
    assert len(dates) == 10, dates
    assert {2005, 2006} <= set(years), dates  # the news of the collection's other two years
    months = pd.Series([" ".join(d.split()[-2:]) for d in dates]).value_counts()
    assert months.iloc[0] <= len(dates) // 2, dates  # no one month holds most of them
    no_exception(page)


def _column_lines(page) -> dict:
    """Where the events table draws its column borders (x, px from its left), read off its canvas: a border is
    a column of grey pixels from the top of the table to its bottom."""
    return page.evaluate("""(sel) => {
      const c = document.querySelector(sel), w = c.width, h = c.height;
      const d = c.getContext('2d').getImageData(0, 0, w, h).data, ratio = window.devicePixelRatio || 1;
      const lines = [];
      for (let x = 0; x < w; x++) {
        let grey = 0;
        for (let y = 2; y < h - 2; y++) {
          const i = (y * w + x) * 4;
          if (d[i + 3] > 0 && d[i] > 180 && d[i] < 245 && Math.abs(d[i] - d[i + 2]) < 20) grey++;
        }
        if (grey > 0.9 * (h - 4)) lines.push(x / ratio);
      }
      return {width: w / ratio, lines};
    }""", '[data-testid="stMain"] [data-testid="stDataFrame"] canvas[data-testid="data-grid-canvas"]')


def test_on_a_phone_the_events_table_shows_what_happened(phone, store_url, screenshots):
    """At 390x844 the table's Date column, fitted to "Wednesday 16 November 2005", took 238 of its 340 px and
    "What happened" showed a dozen letters ("The first face"), the rest a swipe away. On a phone the dates take at
    most a third (their cells wrap) and "What happened" is whole on the screen beside them."""
    phone.goto(f"{store_url}/?source=collection")
    drawn(phone)
    table = phone.locator('[data-testid="stMain"] [data-testid="stDataFrame"]').last
    table.scroll_into_view_if_needed()
    phone.wait_for_timeout(300)  # the grid draws its canvas once in view
    phone.screenshot(path=screenshots / "third-reader-phone-table.png")
    found = _column_lines(phone)
    # [row checkboxes | Date | What happened | ...]: the border after "What happened" on the screen
    assert len(found["lines"]) >= 3, found
    checkbox, date_end, what_end = found["lines"][:3]
    assert date_end - checkbox <= found["width"] / 3, found
    assert what_end - date_end >= 150 and what_end <= found["width"], found
    no_exception(phone)


def _span(words: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """ "17 March – 16 May 1997", "March – June 1997" or "1997 – 2007" as its first and last day."""
    left, right = words.split(" – ")
    if not re.search(r"\d{4}$", left):
        left = f"{left} {right[-4:]}"
    first, last = pd.Timestamp(left), pd.Timestamp(right)
    if re.fullmatch(r"\d{4}", right):
        return first, last + pd.offsets.YearEnd(0)
    return first, last if re.match(r"\d", right) else last + pd.offsets.MonthEnd(0)


def test_the_key_events_caption_says_what_the_axis_shows(page, store_url, screenshots):
    """With the years at 1989 - 1998 the chart of key events spans a fraction of them (its axis hugs the events it
    draws, whose labels then read), and nothing on the page said so: the years said 1989 - 1998, the caption "25
    key events of 57 in view". The caption now names the time the axis shows and how many of the events in view
    lie there; no event is hidden for it."""
    page.goto(f"{store_url}/?source=collection&years=1989-1998")
    drawn(page)
    caption = key_caption(page).inner_text()
    page.screenshot(path=screenshots / "third-reader-axis-caption.png")
    in_view = int(re.search(r"key events of ([\d,]+) in view", caption).group(1).replace(",", ""))
    said = re.search(r"The axis shows (.+?), where ([\d,]+) of the ([\d,]+) events in view lie\.", caption)
    assert said, caption
    inside, total = (int(said.group(i).replace(",", "")) for i in (2, 3))
    assert total == in_view and 0 < inside < total, caption
    first, last = _span(said.group(1))
    ticks = page.locator(f"{EVENT_CHART} .vega-embed g.role-axis-label text").evaluate_all(
        "els => els.map(e => e.textContent)")
    days = [pd.Timestamp(t) for t in ticks]
    assert days and first <= min(days) and max(days) <= last, (said.group(1), ticks)
    years = pd.Timestamp("1998-12-31") - pd.Timestamp("1989-01-01")
    assert (last - first) < years / 2, said.group(1)  # the axis is narrower than the years: the point of saying so
    no_exception(page)


def test_a_tap_on_the_chart_leaves_its_caption_readable(phone, store_url, screenshots):
    """On a phone, after a tap on a mark, Streamlit's chart toolbar (data, download, copy, full screen) stayed
    above the chart, over the end of its caption: "(turn off *Key events only* to see every one)" half covered.
    It sits in the chart's top right corner, beside the legend."""
    phone.goto(f"{store_url}/?source=collection")
    drawn(phone)
    mark = phone.locator(f"{EVENT_CHART} .vega-embed g.points_marks > path").nth(3)
    mark.scroll_into_view_if_needed()
    mark.tap()
    phone.locator("p.tl-headline").wait_for()  # the tap picked the event
    settle(phone)
    key_caption(phone).scroll_into_view_if_needed()
    toolbar = phone.locator(f'{EVENT_CHART} [data-testid="stElementToolbar"]')
    toolbar.wait_for()  # shown after the tap
    phone.screenshot(path=screenshots / "third-reader-phone-toolbar.png")
    bar, caption = toolbar.bounding_box(), key_caption(phone).bounding_box()
    assert bar["y"] >= caption["y"] + caption["height"], (bar, caption)
    no_exception(phone)
