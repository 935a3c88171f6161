"""A journalist on real news, in headless Chromium (branch ux5): eight te3-silver reports of one earthquake
uploaded at once, and a small te3-silver store. Each test is a place where such a reader lost their way:
articles the legend never named, a keyword that found words inside words, a count of hidden events that
ignored the keyword, a collection table without what happened.

    pytest tests/browser/test_journalist_browser.py
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from conftest import store_server, upload_files
from conftest import te3_files as _te3

import timeline
from timeline.collection import build, count_events, open_store
from timeline.documents import shown_title
from timeline.word_search import every_term_in, search_terms

pytestmark = pytest.mark.browser

# Eight reports of the October 2005 earthquake and its aftermath, and of other quakes (Iran, Turkey, China).
QUAKE = (
    "XIN_ENG_20051129.0062",
    "XIN_ENG_20051128.0205",
    "XIN_ENG_20051129.0009",
    "XIN_ENG_20051126.0147",
    "XIN_ENG_20051105.0099",
    "XIN_ENG_20051129.0185",
    "XIN_ENG_20051113.0122",
    "XIN_ENG_20051102.0255",
)
OTHERS = ("XIN_ENG_20051117.0289", "XIN_ENG_20051116.0094", "AFP_ENG_20061202.0007", "AFP_ENG_20061227.0011")
EVENT_MARKS = ".vega-embed g.spans_marks > path, .vega-embed g.points_marks > path"


def no_exception(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0


def wait_marks(page, n: int) -> None:
    page.wait_for_function(f"sel => document.querySelectorAll(sel).length === {n}", arg=EVENT_MARKS, timeout=90_000)


def upload_quake_reports(page, url: str) -> list[Path]:
    files = _te3(QUAKE)
    page.goto(url)
    page.wait_for_selector(".vega-embed svg", timeout=90_000)
    upload_files(page, files)
    return files


def test_every_uploaded_article_is_named_by_the_legend_on_a_narrow_window(page, server_url, screenshots):
    """Eight file names in one legend row ran past the chart's right edge at 1,000 px: five articles had a
    colour on the chart and no name anywhere beside it."""
    page.set_viewport_size({"width": 1000, "height": 800})
    files = upload_quake_reports(page, server_url)
    legend = ".vega-embed g.role-legend g.role-legend-label text"
    page.wait_for_function(f"n => document.querySelectorAll({legend!r}).length === n", arg=len(files), timeout=90_000)
    svg = page.locator(".vega-embed svg").first.bounding_box()
    boxes = page.locator(legend).evaluate_all(
        "els => els.map(e => { const r = e.getBoundingClientRect(); return [e.textContent, r.left, r.right]; })"
    )
    assert sorted(text for text, *_ in boxes) == sorted(f.stem for f in files)  # whole names, none cut
    beyond = [text for text, left, right in boxes if left < svg["x"] - 0.5 or right > svg["x"] + svg["width"] + 0.5]
    assert beyond == []
    # The downloads below: six buttons in six columns cut every label ("Even…" for both CSV and JSON).
    buttons = page.locator('[data-testid="stDownloadButton"] button')
    page.get_by_role("button", name="Chart SVG").wait_for(timeout=60_000)
    cut = buttons.evaluate_all(
        "els => els.filter(b => [b, ...b.querySelectorAll('*')].some(e => e.scrollWidth > e.clientWidth + 1))"
        ".map(b => b.innerText)"
    )
    assert buttons.count() >= 6 and cut == []
    no_exception(page)
    page.screenshot(path=screenshots / "journalist-legend-1000.png")


def test_the_article_keyword_finds_whole_words(page, server_url):
    """ "quake" in eight earthquake reports: only the events that say "quake" or "quakes" (not "earthquake") in
    their sentence or headline, or whose report's title does (several articles: word_search.every_term_in)."""
    files = upload_quake_reports(page, server_url)
    documents = [timeline.read_timeml(f) for f in files]
    events = [(e, shown_title(d.title or "")) for d in documents
              for e in timeline.extract(d.text, published=d.published).events]
    wait_marks(page, len(events))
    word = sum(every_term_in(search_terms("quake"), [e.sentence, e.headline, title]) for e, title in events)
    inside = sum("quake" in f"{e.sentence} {e.headline} {title}".lower() for e, title in events)
    assert 0 < word < inside  # the reports say "earthquake" more often than "quake"
    box = page.locator(".st-key-keyword input")
    box.fill("quake")
    box.press("Enter")
    wait_marks(page, word)
    no_exception(page)


def test_an_event_clicked_on_the_chart_is_marked_in_the_story(page, server_url):
    """22 events from eight reports: a click showed the sentence below, and nothing in the story said which
    of its steps that was."""
    files = upload_quake_reports(page, server_url)
    page.locator(".vega-embed g.points_marks > path").nth(18).click(force=True)  # late in the story
    headline = page.locator("p.tl-headline")
    headline.wait_for(timeout=60_000)
    picked = page.locator('ol.tl-story li[aria-current="true"]')
    picked.wait_for(timeout=60_000)
    assert picked.count() == 1 and picked.locator("p").inner_text() == headline.inner_text()
    assert picked.locator(".tl-meta").inner_text() in {f.stem for f in files}  # several articles: its own named
    # The story scrolls inside its box: the picked step is brought into sight there.
    page.wait_for_function(
        """() => { const li = document.querySelector('ol.tl-story li[aria-current="true"]');
                   const box = li.closest('.tl-story-box').getBoundingClientRect(), r = li.getBoundingClientRect();
                   return r.top >= box.top - 1 && r.bottom <= box.bottom + 1; }""",
        timeout=30_000,
    )
    no_exception(page)


# ---------------------------------------------------------------- a small te3-silver store


@pytest.fixture(scope="module")
def quake_store(tmp_path_factory):
    paths = _te3(QUAKE + OTHERS)
    out = tmp_path_factory.mktemp("quakes") / "store"
    report = build([str(p) for p in paths], out, workers=1)
    assert report.failed == 0
    return out


@pytest.fixture(scope="module")
def quake_url(quake_store):
    with store_server(quake_store, 1000) as url:
        yield url


def test_a_keyword_link_counts_only_its_own_events_outside_the_years_and_lists_what_happened(
    page, quake_url, quake_store, screenshots
):
    """A link to the 2005 earthquake reports: the note counted every event of the store outside 2005 (the
    keyword's few were lost among them) and said the page had chosen the years; the table had no headline."""
    with open_store(quake_store) as store:
        everything = count_events(store, years=(2005, 2005))
        found = count_events(store, keyword="earthquake")
        outside = found - count_events(store, keyword="earthquake", years=(2005, 2005))
        every_outside = count_events(store) - everything
    assert 0 < outside < every_outside
    page.goto(f"{quake_url}/?source=collection&years=2005-2005&q=earthquake")
    page.wait_for_selector(".vega-embed svg", timeout=90_000)
    note = page.locator('[data-testid="stCaptionContainer"]').filter(has_text=re.compile(r"events? outside 2005"))
    note.wait_for(timeout=60_000)
    text = note.inner_text()
    assert text.startswith(f"{outside} event{'s' if outside > 1 else ''} outside 2005") and "years chosen" in text
    heading = '[data-testid="stDataFrame"] [role="columnheader"]'  # the grid's accessible table (a canvas draws it)
    page.wait_for_function(f"() => document.querySelectorAll({heading!r}).length > 0", timeout=60_000)
    headings = page.locator(heading).evaluate_all("els => els.map(e => e.textContent)")
    assert "What happened" in headings, headings
    no_exception(page)
    page.screenshot(path=screenshots / "journalist-store-keyword.png", full_page=True)


def test_the_events_of_a_keyword_are_downloaded_and_published_from_the_collection(page, quake_url, tmp_path):
    """Narrowed to one earthquake's reports, the collection offered nothing to take away: its events in view
    are downloaded (CSV) and published (one HTML page), each event named by its article."""
    page.goto(f"{quake_url}/?source=collection&years=2005-2005&q=earthquake")
    page.wait_for_selector(".vega-embed svg", timeout=90_000)
    page.get_by_role("button", name="Events CSV").wait_for(timeout=60_000)
    marks = page.locator(EVENT_MARKS).count()
    with page.expect_download() as download:
        page.get_by_role("button", name="Events CSV").click()
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))
    assert len(rows) == marks > 0
    assert all("earthquake" in " ".join(row.values()).lower() for row in rows)  # its sentence, headline or title
    assert not {row["source"] for row in rows} & {"te3-silver", ""}  # the article, not the collection's input
    with page.expect_download() as download:
        page.get_by_role("button", name="Publish page (HTML)").click()
    published = Path(download.value.path()).read_text(encoding="utf-8")
    assert published.count('<li class="event"') == marks and "<title>store: earthquake</title>" in published
    no_exception(page)
