"""A reader's pass over the dashboard on real news (branch ui26): the bundled article at a laptop's size and a
390x844 phone, uploaded te3-silver articles. Each test is a place where such a reader lost their way.

    pytest tests/browser/test_reader_browser.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import settle, upload_files

import timeline

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data" / "us-iraq-withdrawal-2021-04-07.txt"
TE3 = ROOT.parent / "shared" / "data" / "te3-silver"  # ../shared beside the checkout
EVENT_MARKS = ".vega-embed g.spans_marks > path, .vega-embed g.points_marks > path"
PHONE = {"width": 390, "height": 844}


def _te3(names: list[str]) -> list[Path]:
    """te3-silver (../shared/data) is part of the test data: missing, the test skips, or fails in CI."""
    if not TE3.exists():
        if os.environ.get("CI"):
            pytest.fail(f"te3-silver is missing: {TE3}")
        pytest.skip(f"te3-silver is not here: {TE3}")
    return [TE3 / f"{name}.tml" for name in names]


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
        page.locator(".vega-embed g.points_marks > path").first.click()  # a tap on a mark picks its event
        page.locator("p.tl-headline").wait_for()
        no_exception(page)
    finally:
        context.close()


def test_uploaded_files_are_never_asked_for_while_they_are_read(page, server_url, screenshots):
    """Fifteen te3-silver files uploaded at once: while they were read the sidebar listed their publication dates
    and the page went on saying "Choose a bundled article, paste an article or a link, or upload files in the
    sidebar", as if nothing had been given. It says what it is doing instead."""
    files = sorted(_te3(["*"])[0].parent.glob("XIN_ENG_2006*.tml"))[100:115]
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
