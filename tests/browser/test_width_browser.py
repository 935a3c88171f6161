"""The article chart at the width the window gives it, in headless Chromium: no two labels overlap and none runs
past the plot's edge at 1,000 and 1,400 px, on the bundled article and on three long te3-silver articles (88 events,
uploaded as .tml); and every mark tells a screen reader its date in words and what happened.

    pytest tests/browser/test_width_browser.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import quiet, upload_files

import timeline
from timeline.describe import date_in_words

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data" / "us-iraq-withdrawal-2021-04-07.txt"
TE3 = ROOT.parent / "shared" / "data" / "te3-silver"  # ../shared beside the checkout
LONG = ("AFP_ENG_20061213.0713", "AFP_ENG_20061231.0059", "AFP_ENG_20061202.0552")  # 88 events together
EVENT_MARKS = ".vega-embed g.spans_marks > path, .vega-embed g.points_marks > path"
SIZES = [(1000, 800), (1400, 900)]

pytestmark = pytest.mark.browser

# The drawn labels' boxes on screen and the chart's own box (a label past it is cut off).
_BOXES_JS = """() => {
  const svg = document.querySelector('.vega-embed svg');
  const box = (e) => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const labels = [...svg.querySelectorAll('g.mark-text.role-mark text')].filter(e => e.textContent)
    .map(e => [e.textContent, ...box(e)]);
  return {plot: box(svg), labels};
}"""


def label_faults(page) -> list[str]:
    """What is wrong with the labels drawn now: pairs that overlap (by more than half a pixel each way) and labels
    reaching past the chart's left or right edge."""
    drawn = page.evaluate(_BOXES_JS)
    boxes, (left, _, right, _) = drawn["labels"], drawn["plot"]
    faults = [f"overlap: {a[0]!r} / {b[0]!r}" for i, a in enumerate(boxes) for b in boxes[i + 1:]
              if min(a[3], b[3]) - max(a[1], b[1]) > 0.5 and min(a[4], b[4]) - max(a[2], b[2]) > 0.5]
    return faults + [f"cut: {t!r}" for t, x0, _, x1, _ in boxes if x0 < left - 0.5 or x1 > right + 0.5]


def settled_labels(page) -> list[str]:
    """The label faults once the page has laid the chart out for its width: the chart is first laid out for a
    default width and again when the browser has said how wide it is. Waits (up to 30 s) for a state without
    faults that lasts, and returns the faults of the last look (none when it settled)."""
    page.locator(".vega-embed g.mark-text.role-mark text").first.wait_for(timeout=60_000)
    for _ in range(30):
        if not label_faults(page):
            page.wait_for_timeout(1500)  # and it stays so (no rerun pending that draws it again)
            if not label_faults(page):
                return []
        page.wait_for_timeout(1000)
    return label_faults(page)


def _need_te3() -> None:
    if not TE3.exists():
        if os.environ.get("CI"):
            pytest.fail(f"te3-silver is missing: {TE3}")
        pytest.skip(f"te3-silver is not here: {TE3}")


def no_exception(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_bundled_articles_labels_fit_the_width_the_window_gives(browser, server_url, size, screenshots):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    try:
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.goto(server_url)
        page.locator("ol.tl-story time").first.wait_for()  # the whole page (app.progressive)
        assert settled_labels(page) == []
        assert page.locator(".vega-embed g.mark-text.role-mark text").count() == 7  # every event labelled
        no_exception(page)
        page.locator(".vega-embed").screenshot(path=screenshots / f"width-seed-{size[0]}.png")
    finally:
        context.close()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_long_articles_labels_fit_the_width_the_window_gives(browser, server_url, size, screenshots):
    _need_te3()
    files = [str(TE3 / f"{name}.tml") for name in LONG]
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    try:
        page = context.new_page()
        page.set_default_timeout(90_000)
        page.goto(server_url)
        page.locator("ol.tl-story time").first.wait_for()
        upload_files(page, files)
        page.get_by_text("3 articles").first.wait_for()
        page.get_by_test_id("stCheckbox").get_by_text("Key events only", exact=True).wait_for()
        assert settled_labels(page) == []  # the key events
        page.locator(".vega-embed").screenshot(path=screenshots / f"width-key-{size[0]}.png")
        page.get_by_test_id("stCheckbox").get_by_text("Key events only", exact=True).click()
        page.get_by_text("events in view. Turn on").wait_for()
        page.wait_for_function("sel => document.querySelectorAll(sel).length > 80", arg=EVENT_MARKS)
        assert settled_labels(page) == []  # every event
        assert page.locator(".vega-embed g.mark-text.role-mark text").count() >= 20  # labels, not none
        no_exception(page)
        page.locator(".vega-embed").screenshot(path=screenshots / f"width-all-{size[0]}.png")
    finally:
        context.close()


def test_every_mark_says_its_date_in_words_and_what_happened(page, server_url):
    page.goto(server_url)
    page.wait_for_function("sel => document.querySelectorAll(sel).length === 7", arg=EVENT_MARKS, timeout=60_000)
    said = page.locator(EVENT_MARKS).evaluate_all(
        "els => els.map(e => [e.getAttribute('aria-label'), e.getAttribute('aria-roledescription')])")
    events = timeline.extract(SEED.read_text(encoding="utf-8")).events
    assert sorted(label for label, _ in said) == sorted(f"{date_in_words(e.value)}: {e.headline}" for e in events)
    assert any(label.startswith("Sunday 4 April 2021: Two rockets were fired on the Balad air base") for label, _ in said)
    assert {role for _, role in said} == {"event"}
    no_exception(page)


# The run states the page goes through from now on, the state now first.
_RUN_STATES_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  window.__states = [app.dataset.testScriptState];
  new MutationObserver(() => window.__states.push(app.dataset.testScriptState))
    .observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""


def test_at_1000_px_no_run_follows_quiet_once_the_first_marks_show(browser, server_url):
    """Why the panel test below timed out once at 1000x800 (stop 39, load 13) and never at 1400: in a 1,000 px
    window the first marks show while the page still runs, or is about to run again, to lay the chart out for the
    width its block has (the chart's width script: the server first lays it out for 900 px); a click then picks a
    mark of the layout being replaced, and under load the pick was lost (no sentence in 60 s). quiet() waits until
    the page has run nothing for a second: no run follows it, and the chart it leaves is the one clicked. (Whether a
    run is on when the first marks show depends on the machine's speed, so only what follows quiet() is asserted: a
    test of that race itself failed on a loaded machine, stop 40.)"""
    context = browser.new_context(viewport={"width": 1000, "height": 800})
    try:
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.goto(server_url)
        page.locator(".vega-embed g.points_marks > path").first.wait_for()
        quiet(page)
        page.evaluate(_RUN_STATES_JS)
        page.wait_for_timeout(1500)
        assert page.evaluate("() => window.__states") == ["notRunning"]  # and none after quiet()
    finally:
        context.close()


# Each fact's value: its box, its line height, and the panel's right edge; the merge box's texts that are cut.
_PANEL_JS = """() => {
  const panel = document.querySelector('blockquote.tl-quote').closest('[data-testid="stHorizontalBlock"]')
    .getBoundingClientRect();
  const quote = document.querySelector('blockquote.tl-quote').getBoundingClientRect();
  const facts = document.querySelector('table.tl-facts').getBoundingClientRect();
  const values = [...document.querySelectorAll('table.tl-facts td')].map(td => [td.textContent,
    td.getBoundingClientRect().height / parseFloat(getComputedStyle(td).lineHeight), td.getBoundingClientRect().right]);
  const merge = [...document.querySelectorAll('[data-testid="stSelectbox"]')]
    .find(box => box.textContent.includes('Same happening as'));
  const cut = [...merge.querySelectorAll('div, span')].filter(e => e.children.length === 0 && e.textContent.trim()
    && e.scrollWidth > e.clientWidth + 1).map(e => e.textContent);
  return {panel: [panel.left, panel.right], quote: [quote.left, quote.right, quote.bottom],
          facts: [facts.left, facts.right, facts.top], values, cut};
}"""


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_selected_events_facts_read_whole_at_the_width_the_window_gives(browser, server_url, size, screenshots):
    """Beside the sentence when there is room, under it when not: never squeezed into values broken over four
    lines running past the column's edge (a 1,000 px window); the merge box's placeholder is not cut either."""
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    try:
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.goto(server_url)
        mark = page.locator(".vega-embed g.points_marks > path[aria-label*='Sunday']")
        mark.wait_for()
        quiet(page)  # at 1,000 px the page runs again to lay the chart out for its width: click the chart it drew
        mark.click()
        page.locator("blockquote.tl-quote").wait_for()
        page.get_by_text("Same happening as").wait_for()
        drawn = page.evaluate(_PANEL_JS)
        right, facts = drawn["panel"][1], drawn["facts"]
        beside = facts[0] >= drawn["quote"][1]
        assert beside == (size[0] >= 1400)  # side by side only where both have room
        if not beside:
            assert facts[2] >= drawn["quote"][2]  # under the sentence
        assert [(text, round(lines, 1)) for text, lines, _ in drawn["values"] if lines > 2.2] == []
        assert [text for text, _, end in drawn["values"] if end > right + 0.5] == []
        assert drawn["cut"] == []
        no_exception(page)
        page.locator('[data-testid="stHorizontalBlock"]').filter(has=page.locator("blockquote.tl-quote")).last.screenshot(
            path=screenshots / f"width-panel-{size[0]}.png")
    finally:
        context.close()


# app.widgets' width script, run on a stand-in of the page: a block holding the script's host element.
_WIDTH_SCRIPT_JS = """async (source) => {
  document.body.innerHTML = '<div data-testid="stVerticalBlock" style="width: 860px"><div id="host"></div></div>';
  const block = document.body.firstElementChild;
  const script = await import('data:text/javascript,' + encodeURIComponent(source));
  const reports = [];
  const pause = (ms) => new Promise((done) => setTimeout(done, ms));
  script.default({ parentElement: document.getElementById('host'), data: { step: 100, least: 300, current: 500 },
                   setStateValue: (name, px) => reports.push(px) });
  await pause(400);
  block.style.width = '1040px';  // the window grows
  await pause(400);
  block.remove();  // another source is chosen: the chart's block leaves the page before the script is stopped
  await pause(400);
  return reports;
}"""


def test_the_chart_width_script_reports_the_width_of_a_block_on_the_page_only(page):
    """A block taken off the page measured 0 px, and the script reported the least width, 300: a report from a
    fragment that no longer exists. Streamlit sent the upload made in the same moment with that fragment's id and
    dropped both, so one upload in five after leaving the bundled article was lost (the page still said "Choose")."""
    from app.widgets import _WIDTH_JS

    assert page.evaluate(_WIDTH_SCRIPT_JS, _WIDTH_JS) == [800, 1000]
