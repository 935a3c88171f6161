"""The dashboard on a collection store in headless Chromium: bars, a click on one, its events, zoom, an event.

pytest tests/browser/test_collection_browser.py
"""

from __future__ import annotations

import calendar
import re

import pytest
from conftest import built_store, store_server

from timeline.collection import count_by_period, count_events, open_store

pytestmark = pytest.mark.browser

MAX_MARKS = 20
BARS = ".vega-embed g.bins_marks > path"
POINTS = ".vega-embed g.points_marks > path"
MONTHS = list(calendar.month_name)[1:]


def records() -> list[dict]:
    rows = []
    for i in range(36):
        year = 1990 + (i * 7) % 20
        rows.append(
            {
                "id": f"n{i}",
                "title": f"Report {i}",
                "url": f"https://site{i % 3}.example/{i}",
                "published": "2021-04-07",
                "text": f"Report {i}\n\nTalks opened in {MONTHS[i % 12]} {year}. The council met on "
                f"{1 + i % 27} {MONTHS[(i * 5) % 12]} {year + 1}.\n\nTroops arrived in {2000 + i % 13}.",
            }
        )
    for n, site in enumerate(("rt.com", "apnews.com", "bbc.co.uk")):
        rows.append(
            {
                "id": f"dup{n}",
                "title": f"Rockets {n}",
                "url": f"https://{site}/rockets-{n}",
                "published": "2021-04-07",
                "text": "Rocket attack\n\nTwo rockets hit the Balad air base north of Baghdad on 4 April 2021, "
                "officials said. Nobody was hurt.",
            }
        )
    rows.append(
        {
            "id": "bad",
            "title": "<script>window.__pwned = 1</script>Base attacked",
            "url": "javascript:alert(1)",
            "published": "2021-04-07",
            "text": 'Hostile\n\nOn 9 May 2021, <img src=x onerror="window.__pwned = 2"> rockets hit the base.',
        }
    )
    return rows


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return built_store(tmp_path_factory.mktemp("collection"), records())


@pytest.fixture(scope="module")
def store_url(store):
    """A dashboard server opened on the store (TIMELINE_STORE), drawing at most MAX_MARKS single events."""
    with store_server(store, MAX_MARKS) as url:
        yield url


def no_exception(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0


def test_bars_then_a_bins_events_then_zoom_to_single_events(page, store_url, store, screenshots, outside_requests):
    with open_store(store) as opened:
        in_2021 = count_events(opened, years=(2021, 2021))
    page.add_init_script("window.__pwned = 0;")
    page.goto(store_url)
    page.wait_for_function("sel => document.querySelectorAll(sel).length > 0", arg=BARS, timeout=60_000,
                           polling="raf")
    top = "() => Math.round(document.querySelector('.vega-embed').getBoundingClientRect().top)"
    drawn_at = page.evaluate(top)
    # The view opens on the years where the events are (the publication year included): a bar per year.
    # The filters come just after the bars (a session's first run draws the chart alone: app/progressive.py).
    page.locator('[data-testid="stSliderThumbValue"]').nth(1).wait_for()
    page.locator('[data-testid="stMetric"]').first.wait_for()
    assert page.evaluate(top) == drawn_at  # the metrics above had their room: the bars did not move
    first, last = (int(t) for t in page.locator('[data-testid="stSliderThumbValue"]').all_inner_texts())
    with open_store(store) as opened:
        years = count_by_period(opened, period="year", years=(first, last))
    assert last == 2021 and page.locator(BARS).count() == len(years)
    # A screen reader reads each bar as its year and its count, not as "period: 2021; events: 12".
    said = page.locator(BARS).evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")
    assert sorted(said) == sorted(f"{start.year}: {n:,} event{'' if n == 1 else 's'}"
                                  for start, n in zip(years["period"], years["events"], strict=True))
    page.get_by_text("drawn one by one").wait_for()
    # The count axis says whole numbers ("0", "2", "1,500"), never "500m" or "0k".
    counts = page.locator('.vega-embed g[aria-label^="Y-axis"] g.role-axis-label text').evaluate_all(
        "els => els.map(e => e.textContent)")
    assert counts and all(re.fullmatch(r"\d{1,3}(,\d{3})*", c) for c in counts), counts
    no_exception(page)
    page.screenshot(path=screenshots / "collection-bars.png", full_page=True)

    page.locator(f"{BARS}[aria-label^='2021: ']").click()
    page.get_by_role("heading", name=f"2021: {in_2021} events").wait_for()
    page.locator('[data-testid="stDataFrame"]').wait_for()
    no_exception(page)
    page.screenshot(path=screenshots / "collection-bin.png", full_page=True)

    page.get_by_role("button", name="Zoom to 2021").click()
    page.wait_for_function("sel => document.querySelectorAll(sel).length > 0", arg=POINTS, timeout=30_000)
    page.wait_for_function("sel => document.querySelectorAll(sel).length === 0", arg=BARS)  # bars gone
    # The three reports of the rocket attack are one mark, and its article list has three links.
    rockets = page.locator(f"{POINTS}[aria-label^='Sunday 4 April 2021:']")
    assert rockets.count() == 1
    rockets.click()
    quote = page.locator("blockquote").filter(has_text="Two rockets hit the Balad air base")
    quote.wait_for()
    assert quote.locator("mark.tl-when").inner_text() == "4 April 2021"
    assert quote.locator("mark.tl-what").inner_text() == "hit"  # the trigger, marked too
    page.get_by_text("Reported by 3 articles", exact=True).wait_for()
    links = page.locator("[data-testid='stMain'] a[href^='https://'][rel~='noopener']")
    links.nth(2).wait_for()  # the list may arrive a moment after the caption on a busy machine
    assert sorted(links.evaluate_all("els => els.map(e => e.getAttribute('href'))")) == sorted(
        f"https://{s}/rockets-{n}" for n, s in enumerate(("rt.com", "apnews.com", "bbc.co.uk"))
    )
    no_exception(page)
    page.screenshot(path=screenshots / "collection-event.png", full_page=True)

    hostile = page.locator(f"{POINTS}[aria-label^='Sunday 9 May 2021:']")
    hostile.click()
    page.locator("blockquote").filter(has_text="rockets hit the base").wait_for()
    page.get_by_text("<script>window.__pwned = 1</script>Base attacked").first.wait_for()  # shown as text
    assert page.evaluate("window.__pwned") == 0
    assert page.locator("[data-testid='stMain'] img[src='x']").count() == 0
    assert page.locator("[data-testid='stMain'] a[href^='javascript']").count() == 0
    no_exception(page)
    page.wait_for_load_state("networkidle")
    assert outside_requests == []  # links are shown, never fetched; no font or icon from a CDN
