"""A reader's pass over the dashboard on real news (branch ui26): the bundled article at a laptop's size and a
390x844 phone, uploaded te3-silver articles. Each test is a place where such a reader lost their way.

    pytest tests/browser/test_reader_browser.py
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import TE3, quiet, settle, store_server, te3_files, upload_files

import timeline
from timeline.collection import build

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data" / "us-iraq-withdrawal-2021-04-07.txt"
EVENT_MARKS = ".vega-embed g.spans_marks > path, .vega-embed g.points_marks > path"
PHONE = {"width": 390, "height": 844}


def no_exception(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0


def wait_marks(page, n: int) -> None:
    page.wait_for_function(f"sel => document.querySelectorAll(sel).length === {n}", arg=EVENT_MARKS, timeout=90_000)


def test_a_hidden_event_says_so_where_it_was_and_shows_again_from_there(page, server_url, screenshots):
    """Hide, pressed under the selected event's sentence, left "Click an event on the chart" in its place: nothing
    there said what had become of the event, and the list of hidden events (with Show again) was at the page's top,
    out of sight. Now the panel names the hidden event, and Show again puts it back, selected."""
    events = timeline.extract(SEED.read_text(encoding="utf-8")).events
    sunday = next(e for e in events if e.expression == "Sunday")
    page.goto(server_url)
    wait_marks(page, len(events))
    page.locator(".vega-embed g.points_marks > path[aria-label*='Sunday']").click()
    page.locator("p.tl-headline").filter(has_text=sunday.headline).wait_for(timeout=60_000)
    main = page.locator('[data-testid="stMain"]')
    main.get_by_role("button", name="Hide", exact=True).click()
    wait_marks(page, len(events) - 1)
    note = main.locator('[data-testid="stAlert"]').filter(has_text="Hidden:")
    note.wait_for(timeout=60_000)
    assert sunday.headline in note.inner_text()
    # the note stands where the sentence was: right under the "Selected event" heading
    heading = main.get_by_role("heading", name="Selected event")
    assert 0 < note.bounding_box()["y"] - heading.bounding_box()["y"] < 120
    page.screenshot(path=screenshots / "reader-hidden-note.png", full_page=True)
    main.get_by_role("button", name="Show again", exact=True).first.click()
    wait_marks(page, len(events))
    page.locator("p.tl-headline").filter(has_text=sunday.headline).wait_for(timeout=60_000)  # selected again
    assert note.count() == 0
    no_exception(page)


def test_a_phone_opens_on_the_chart_not_under_the_sidebar(browser, server_url, screenshots):
    """At 390x844 the page opened with the sidebar spread over it: sources, filters and a date picker where the
    chart should be; a tap meant for a mark opened the publication date's calendar. The sidebar now starts
    closed on a phone (its button opens it), and open beside the page on a laptop."""
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.goto(server_url)
        wait_marks(page, 7)
        settle(page)
        page.locator('[data-testid="stMetric"]').first.wait_for()  # the whole page (app.progressive)
        page.locator(".vega-embed").scroll_into_view_if_needed()
        covered = page.locator(EVENT_MARKS).evaluate_all(
            """els => els.filter(e => { const r = e.getBoundingClientRect();
                 const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                 return !(top && top.closest('.vega-embed')); }).map(e => e.getAttribute('aria-label'))""")
        page.screenshot(path=screenshots / "reader-phone-open.png")
        assert covered == [], "the sidebar covers these marks"
        quiet(page)  # a phone's chart is laid out again for its width: tap the one drawn
        page.locator(".vega-embed g.points_marks > path").first.click()  # a tap on a mark picks its event
        page.locator("p.tl-headline").wait_for()
        no_exception(page)
    finally:
        context.close()


def test_uploaded_files_are_never_asked_for_while_they_are_read(page, server_url, screenshots):
    """Fifteen te3-silver files uploaded at once: while they were read the sidebar listed their publication dates
    and the page went on saying "Choose a bundled article, paste an article or a link, or upload files in the
    sidebar", as if nothing had been given. It says what it is doing instead."""
    te3_files([])  # skips (or fails in CI) without te3-silver
    files = sorted(TE3.glob("XIN_ENG_2006*.tml"))[100:115]
    page.goto(server_url)
    page.wait_for_selector(".vega-embed svg", timeout=90_000)
    # What the reader sees, noted on every change of the page: the main area's message while the sidebar
    # already names the uploaded files (their "Publication dates").
    page.evaluate("""() => {
      window.seen = [];
      new MutationObserver(() => {
        const sidebar = document.querySelector('[data-testid="stSidebar"]');
        const main = document.querySelector('[data-testid="stMain"]');
        if (sidebar && main && sidebar.innerText.includes('Publication dates')) {
          window.seen.push([...main.querySelectorAll('[data-testid="stAlert"]')].map(a => a.innerText).join(' | '));
        }
      }).observe(document.body, {childList: true, subtree: true, characterData: true});
    }""")
    upload_files(page, files)
    page.get_by_text(f"{len(files)} articles").first.wait_for(timeout=120_000)
    page.locator('[data-testid="stMetric"]').first.wait_for(timeout=60_000)
    seen = page.evaluate("window.seen")
    assert seen and not [s for s in seen if "upload files in the sidebar" in s]
    page.screenshot(path=screenshots / "reader-fifteen-uploaded.png")
    no_exception(page)


CHART_TOP = "() => Math.round(document.querySelector('.vega-embed').getBoundingClientRect().top)"


def _first_frame_then_whole(browser, url: str, screenshot: Path) -> tuple[int, int]:
    """Where the chart's top is on a phone when its first marks are drawn, and once the whole page has come."""
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.set_default_timeout(90_000)
        page.goto(url)
        page.wait_for_function("sel => document.querySelectorAll(sel).length > 0", arg=EVENT_MARKS, polling="raf")
        first = page.evaluate(CHART_TOP)
        page.locator('[data-testid="stMetric"]').first.wait_for()  # the whole page (app.progressive)
        settle(page)
        page.screenshot(path=screenshot)
        no_exception(page)
        return first, page.evaluate(CHART_TOP)
    finally:
        context.close()


def test_a_phone_shows_the_chart_on_its_first_screen_and_it_stays_there(browser, server_url, screenshots):
    """At 390x844 the undo row (three stacked buttons) and the four metrics (stacked, 80 px each) filled the first
    screen: the chart began 880 px down, below it, and then jumped 26 px up (the first frame's article line, in
    the browser's bolder bold, wrapped once more than the line that replaced it). A link with a year range moved
    it 61 px down (the note's button came under its text)."""
    for query, name in (("", "reader-phone-chart.png"), ("?years=2010-2021", "reader-phone-chart-years.png")):
        first, whole = _first_frame_then_whole(browser, f"{server_url}/{query}", screenshots / name)
        assert first == whole, query
        assert whole + 120 < PHONE["height"], query  # its legend and first lanes on the first screen


@pytest.fixture(scope="module")
def small_store(tmp_path_factory):
    """Twelve te3-silver reports, eight of them of one earthquake, as a store."""
    names = ["XIN_ENG_20051129.0062", "XIN_ENG_20051128.0205", "XIN_ENG_20051129.0009", "XIN_ENG_20051126.0147",
             "XIN_ENG_20051105.0099", "XIN_ENG_20051129.0185", "XIN_ENG_20051113.0122", "XIN_ENG_20051102.0255",
             "XIN_ENG_20051117.0289", "XIN_ENG_20051116.0094", "AFP_ENG_20061202.0007", "AFP_ENG_20061227.0011"]
    out = tmp_path_factory.mktemp("reader") / "store"
    assert build([str(p) for p in te3_files(names)], out, workers=1).failed == 0
    return out


def test_a_collection_on_a_phone_keeps_its_chart_where_it_was_first_drawn(browser, small_store, screenshots):
    """The collection's head on a phone: the note on events outside the years stacks its text over its button,
    and the room kept for it was the button's alone: the chart moved 38 to 61 px down when the page came."""
    with store_server(small_store, 1000) as url:
        for query in ("?source=collection", "?source=collection&years=2005-2005&q=earthquake"):
            first, whole = _first_frame_then_whole(browser, f"{url}/{query}", screenshots / "reader-phone-store.png")
            assert first == whole, query
