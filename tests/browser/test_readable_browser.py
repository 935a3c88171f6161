"""A timeline you can read at any size, in headless Chromium: ~90 events from three long te3-silver
articles (key events first, labels that never overlap, a story with dates in words), and a te3-silver
store (the view opens on the years where the events are and says how many it leaves out).

    pytest tests/browser/test_readable_browser.py
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from conftest import store_server, upload_files

import timeline
from app.collection_view import store_window
from app.story import KEY_COUNT
from timeline.collection import build, open_store
from timeline.collection.windows import year_spans

ROOT = Path(__file__).resolve().parents[2]
TE3 = ROOT.parent / "shared" / "data" / "te3-silver"  # ../shared beside the checkout
LONG = ("AFP_ENG_20061213.0713", "AFP_ENG_20061231.0059", "AFP_ENG_20061202.0552")  # the most events
EVENT_MARKS = ".vega-embed g.spans_marks > path, .vega-embed g.points_marks > path"
LABELS = ".vega-embed g.mark-text.role-mark text"
CODE = re.compile(r"\d{4}-(?:\d\d|W\d\d|Q\d|H\d|SP|SU|FA|WI)|T(?:MO|AF|EV|NI)\b|^\d{2,3}$|XX")

pytestmark = pytest.mark.browser


def _need_te3() -> None:
    """te3-silver (../shared/data) is part of the test data: missing, the test skips, or fails in CI."""
    if not TE3.exists():
        if os.environ.get("CI"):
            pytest.fail(f"te3-silver is missing: {TE3}")
        pytest.skip(f"te3-silver is not here: {TE3}")


def _te3(name: str):
    _need_te3()
    return timeline.read_timeml(TE3 / f"{name}.tml")


def as_upload(name: str, folder: Path) -> Path:
    """A te3-silver article as the text file a user would upload: its id, its date under it, its text."""
    doc = _te3(name)
    path = folder / f"{name}.txt"
    path.write_text(f"{doc.doc_id}\n\n{doc.published.day} {doc.published:%b}, {doc.published.year}\n\n"
                    f"{doc.text.strip()}\n", encoding="utf-8")
    return path


def marks(page) -> int:
    return page.locator(EVENT_MARKS).count()


def wait_marks(page, predicate: str, timeout: int = 90_000) -> int:
    page.wait_for_function(f"sel => {{ const n = document.querySelectorAll(sel).length; return {predicate}; }}",
                           arg=EVENT_MARKS, timeout=timeout)
    return marks(page)


def overlapping_labels(page) -> list[tuple[str, str]]:
    """Pairs of drawn mark labels whose boxes on screen overlap (more than half a pixel each way)."""
    boxes = page.locator(LABELS).evaluate_all(
        "els => els.filter(e => e.textContent).map(e => { const r = e.getBoundingClientRect();"
        " return [e.textContent, r.left, r.top, r.right, r.bottom]; })")
    return [(a[0], b[0]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if min(a[3], b[3]) - max(a[1], b[1]) > 0.5 and min(a[4], b[4]) - max(a[2], b[2]) > 0.5]


def no_exception(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0


def test_ninety_events_read_as_key_events_a_story_and_labels_that_never_overlap(
        page, server_url, tmp_path, screenshots):
    files = [as_upload(name, tmp_path) for name in LONG]
    total = sum(len(timeline.extract(f.read_text(encoding="utf-8")).events) for f in files)
    assert total > 80
    page.goto(server_url)
    page.wait_for_selector(".vega-embed svg", timeout=90_000)
    upload_files(page, files)
    # Key events only, by default above 40 in view, saying how many others there are.
    assert wait_marks(page, f"n === {KEY_COUNT}") == KEY_COUNT
    caption = page.get_by_text(re.compile(f"The {KEY_COUNT} key events of \\d+ in view"))
    caption.wait_for()
    in_view = int(re.search(r"key events of (\d+) in view", caption.inner_text())[1])
    if in_view < total:  # stray years left out of the first view are counted, not lost
        page.get_by_text(re.compile(f"^{total - in_view} events? outside")).wait_for()
    page.locator(LABELS).first.wait_for()
    assert overlapping_labels(page) == []
    # The story: dates in words, then headline and article; no TIMEX3 code anywhere a reader looks.
    dates = page.locator("ol.tl-story time").all_inner_texts()
    assert len(dates) == KEY_COUNT
    assert all(not CODE.search(d) and re.search(r"\d{4}", d) for d in dates), dates
    labels = page.locator(LABELS).evaluate_all("els => els.map(e => e.textContent)")
    assert labels and not any(CODE.search(t) for t in labels)
    no_exception(page)
    page.screenshot(path=screenshots / "long-key-events.png", full_page=True)
    # Every event, two clicks away: still no two labels overlap.
    if in_view < total:
        page.get_by_role("button", name="Show all years").click()
        page.get_by_text(re.compile(f"The {KEY_COUNT} key events of {total} in view")).wait_for(timeout=90_000)
    page.get_by_test_id("stCheckbox").get_by_text("Key events only", exact=True).click()
    assert wait_marks(page, f"n === {total}") == total
    page.get_by_text(f"All {total} events in view").wait_for()
    assert overlapping_labels(page) == []
    no_exception(page)
    page.screenshot(path=screenshots / "long-all-events.png", full_page=True)


# ---------------------------------------------------------------- a te3-silver store

STORE_ARTICLES = 160  # enough for stray and far dates to appear, small enough to build in a minute


@pytest.fixture(scope="module")
def te3_store(tmp_path_factory):
    _need_te3()
    paths = sorted(TE3.glob("*.tml"))[:: max(1, len(list(TE3.glob("*.tml"))) // STORE_ARTICLES)]
    out = tmp_path_factory.mktemp("te3") / "store"
    build([str(p) for p in paths], out, workers=1)
    return out


@pytest.fixture(scope="module")
def te3_url(te3_store):
    with store_server(te3_store, 100000) as url:
        yield url


def test_store_opens_on_the_years_of_its_events_and_says_how_many_are_outside(page, te3_url, te3_store, screenshots):
    with open_store(te3_store) as store:
        spans = year_spans(store)
        published = store.cursor().execute("SELECT min(published), max(published) FROM articles").fetchone()
        first, last = store.cursor().execute("SELECT year(min(start)), year(max(start)) FROM events").fetchone()
    lo, hi = store_window(spans, {"first_published": published[0], "last_published": published[1]}, (first, last))
    outside = sum(n for (start, _), n in spans.items() if not lo <= start <= hi)
    assert outside > 0 and (lo, hi) != (first, last)  # te3-silver has stray and far dates
    page.goto(te3_url)
    page.wait_for_selector(".vega-embed svg", timeout=120_000)
    note = page.get_by_text(f"{outside:,} event{'s' if outside > 1 else ''} outside {lo} – {hi}")
    note.wait_for(timeout=60_000)
    slider = page.locator('[data-testid="stSlider"]').first
    slider.locator('[data-testid="stSliderThumbValue"]').nth(1).wait_for()  # the filters follow the chart
    assert slider.get_by_text(str(lo)).count() and slider.get_by_text(str(hi)).count()
    # No span stretches the axis past the years in view: every tick is a year of the window (or its padding).
    page.locator(".vega-embed g.role-axis-label text").first.wait_for()
    texts = page.locator(".vega-embed g.role-axis-label text").evaluate_all("els => els.map(e => e.textContent)")
    ticks = [int(year) for t in texts for year in re.findall(r"\d{4}", t)]  # "2006" or "Mar 2006"
    pad = max(1, round((hi - lo + 1) * 0.03) + 1)
    assert ticks and all(lo - pad <= t <= hi + pad for t in ticks), (ticks, lo, hi)
    assert overlapping_labels(page) == []
    page.locator("ol.tl-story time").first.wait_for()  # the story follows the chart (app.progressive)
    dates = page.locator("ol.tl-story time").all_inner_texts()
    assert dates and not any(CODE.search(d) for d in dates)
    no_exception(page)
    page.screenshot(path=screenshots / "te3-store-window.png", full_page=True)
    # One click shows every year.
    page.get_by_role("button", name="Show all years").click()
    page.wait_for_function(f"() => !document.body.innerText.includes('outside {lo} – {hi}')", timeout=90_000)
    assert slider.get_by_text(str(first)).count()
    no_exception(page)


def test_store_metrics_read_whole_on_a_narrow_window(page, te3_url):
    """'11,241 of 11,449' and '1940 – 2020' wrap rather than end in '…' on a 1,000 px window."""
    page.set_viewport_size({"width": 1000, "height": 900})
    page.goto(te3_url)
    page.locator("ol.tl-story time").first.wait_for(timeout=120_000)  # the whole page drawn (app.progressive)
    page.wait_for_function("sel => document.querySelectorAll(sel).length === 4",  # all four values drawn
                           arg='[data-testid="stMetricValue"] p', timeout=60_000)
    # Each value's text is laid out whole (a Range is not clipped by an ellipsis) or may wrap onto a new line.
    values = page.locator('[data-testid="stMetricValue"] p').evaluate_all(
        "els => els.map(e => { const r = document.createRange(); r.selectNodeContents(e);"
        " const clip = [e, e.parentElement].some(x => getComputedStyle(x).whiteSpace === 'nowrap'"
        " && getComputedStyle(x).textOverflow === 'ellipsis');"
        " return [e.textContent, r.getBoundingClientRect().width, e.parentElement.clientWidth, clip]; })")
    assert len(values) == 4 and any(" of " in text or "–" in text for text, *_ in values)
    assert [text for text, drawn, box, clip in values if clip or drawn > box + 0.5] == []
    button = page.get_by_role("button", name="Show all years").locator("p")
    assert button.evaluate("e => e.scrollWidth <= e.clientWidth")
    no_exception(page)
