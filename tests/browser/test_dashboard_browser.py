"""The dashboard in a real headless Chromium: render, click, filter, upload, and no script injection.

    pytest tests/browser        (needs /usr/bin/chromium; fails instead of skipping when CI is set)
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import upload_files

import timeline

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data" / "us-iraq-withdrawal-2021-04-07.txt"
EVENT_MARKS = ".vega-embed g.spans_marks > path, .vega-embed g.points_marks > path"
# The picked point: outlined in the pick colour (timeline.chart._PICK_COLOUR), a condition on the points layer.
PICKED_POINT = ".vega-embed g.points_marks > path[stroke='#1f2933']"

pytestmark = pytest.mark.browser


def mark_count(page) -> int:
    return page.locator(EVENT_MARKS).count()


def open_app(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(".vega-embed svg", timeout=60_000)
    page.wait_for_function(
        "sel => document.querySelectorAll(sel).length > 0", arg=EVENT_MARKS, timeout=30_000
    )


def wait_for_marks(page, predicate: str, timeout: int = 30_000) -> int:
    """Wait until the number of event marks n satisfies the JS expression `predicate` in n."""
    page.wait_for_function(
        f"sel => {{ const n = document.querySelectorAll(sel).length; return {predicate}; }}",
        arg=EVENT_MARKS, timeout=timeout,
    )
    return mark_count(page)


def choose_source(page, label: str) -> None:
    page.locator('[data-testid="stSidebar"]').get_by_text(label, exact=True).click()


def no_exception(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0


def test_chart_shows_one_mark_per_event_and_nothing_is_fetched_from_elsewhere(
        page, server_url, screenshots, outside_requests):
    open_app(page, server_url)
    events = timeline.extract(SEED.read_text(encoding="utf-8")).events
    assert len(events) == 7
    assert wait_for_marks(page, "n === 7") == len(events)
    page.locator(".vega-embed g.points_marks > path").first.click()  # the panel, its quote and fact table
    page.locator("blockquote").first.wait_for()
    page.wait_for_load_state("networkidle")
    no_exception(page)
    assert outside_requests == []  # no font, icon or script from a CDN
    # The stylesheet (app/style.css) reached the page: the quote has its border.
    assert page.locator("blockquote.tl-quote").evaluate("q => getComputedStyle(q).borderLeftWidth") == "4px"
    page.screenshot(path=screenshots / "seed.png", full_page=True)


def test_the_chart_stays_where_it_is_first_drawn_when_the_rest_of_the_page_follows(page, server_url):
    """A session's first frame is the chart alone (app.progressive); the toolbar, article line and metrics above
    it follow, and must not push it down under the reader's pointer (it moved ~180 px)."""
    top = "() => Math.round(document.querySelector('.vega-embed').getBoundingClientRect().top)"
    page.goto(server_url)
    page.wait_for_function("sel => document.querySelectorAll(sel).length > 0", arg=EVENT_MARKS, timeout=60_000,
                           polling="raf")
    first = page.evaluate(top)
    page.locator('[data-testid="stMetric"]').first.wait_for(timeout=60_000)  # the whole page has come
    page.get_by_role("button", name="Undo", exact=True).wait_for()
    assert page.evaluate(top) == first
    no_exception(page)


def test_clicking_a_mark_shows_its_sentence(page, server_url, screenshots):
    open_app(page, server_url)
    sunday = page.locator(".vega-embed g.points_marks > path[aria-label*='Sunday']")
    assert sunday.count() == 1
    sunday.click()
    quote = page.locator("blockquote").filter(has_text="two rockets were fired on the Balad air base")
    quote.wait_for()
    assert quote.locator("mark.tl-when").inner_text() == "Sunday"
    assert quote.locator("mark.tl-what").inner_text() == "fired"
    event = next(e for e in timeline.extract(SEED.read_text(encoding="utf-8")).events if e.expression == "Sunday")
    headline = page.locator("p.tl-headline")
    assert headline.inner_text() == event.headline  # the headline, above the sentence
    assert headline.bounding_box()["y"] < quote.bounding_box()["y"]
    page.wait_for_function("sel => document.querySelectorAll(sel).length === 1", arg=PICKED_POINT)
    assert "Sunday" in page.locator(PICKED_POINT).get_attribute("aria-label")  # the mark clicked, no other
    page.wait_for_url(lambda url: "event=" in url)  # the link is written when the run ends
    no_exception(page)
    page.screenshot(path=screenshots / "selected.png", full_page=True)


def test_every_mark_label_is_its_events_headline(page, server_url):
    open_app(page, server_url)
    events = timeline.extract(SEED.read_text(encoding="utf-8")).events
    assert wait_for_marks(page, f"n === {len(events)}") == len(events)
    page.locator(".vega-embed svg text").first.wait_for()
    drawn = sorted(page.locator(".vega-embed g.mark-text.role-mark text").evaluate_all("els => els.map(e => e.textContent)"))
    assert drawn == sorted(e.short_headline for e in events)
    assert all(not label.endswith("…") and label[:1].isupper() for label in drawn)
    no_exception(page)


def test_year_filter_by_keyboard_changes_the_marks(page, server_url, screenshots):
    open_app(page, server_url)
    assert wait_for_marks(page, "n === 7") == 7
    low_thumb = page.locator('[data-testid="stSlider"] input[type="range"]').first
    low_thumb.focus()
    for _ in range(9):  # 2003 -> 2012: the 2003 and 2011 events drop out
        page.keyboard.press("ArrowRight")
    assert wait_for_marks(page, "n === 5") == 5
    page.wait_for_function("() => location.search.includes('years=2012-2021')")
    no_exception(page)
    page.screenshot(path=screenshots / "filtered.png", full_page=True)


def test_uploaded_file_shows_its_events(page, server_url, tmp_path, screenshots):
    article = ("Treaty talks\n\n3 June 1999\n\nThe treaty was first proposed in May 1998. "
               "Talks broke down in the 1980s and resumed on Monday.\n")
    path = tmp_path / "treaty.txt"
    path.write_text(article, encoding="utf-8")
    expected = timeline.extract(article).events
    assert len(expected) >= 2
    open_app(page, server_url)
    upload_files(page, [path])
    assert wait_for_marks(page, f"n === {len(expected)}") == len(expected)
    page.get_by_text("treaty.txt").first.wait_for()
    no_exception(page)
    page.screenshot(path=screenshots / "upload.png", full_page=True)


def test_article_with_script_and_img_runs_nothing(page, server_url, screenshots):
    page.add_init_script("window.__pwned = 0;")
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    payload = ('Hostile article\n\n7 Apr, 2021\n\n<script>window.__pwned = 1; alert("script")</script> '
               'On Sunday, <img src=x onerror="window.__pwned = 2; alert(\'img\')"> rockets hit the base.\n\n'
               '<b onmouseover="window.__pwned = 3">Bold?</b> It was first attacked in March 2019.')
    open_app(page, server_url)
    choose_source(page, "Paste text")
    box = page.locator('[data-testid="stSidebar"] textarea')
    box.fill(payload)
    box.press("Control+Enter")
    expected = len(timeline.extract(payload).events)
    assert wait_for_marks(page, f"n === {expected}") == expected
    mark = page.locator(".vega-embed g.points_marks > path").first
    mark.hover()
    # the tooltip (as written, headline, ...) shows text only: no element of the article becomes markup
    page.locator("#vg-tooltip-element").filter(has_text="Sunday").wait_for()
    assert page.locator("#vg-tooltip-element img, #vg-tooltip-element script").count() == 0
    mark.click()
    quote = page.locator("blockquote").first
    quote.wait_for()
    page.get_by_text("<script>", exact=False).first.wait_for()  # shown as text
    page.locator("blockquote").first.hover()
    assert page.evaluate("window.__pwned") == 0
    assert dialogs == []
    assert page.locator("[data-testid='stMain'] img[src='x']").count() == 0
    no_exception(page)
    page.screenshot(path=screenshots / "script.png", full_page=True)


def test_downloads_deliver_the_chart_and_timelinejs(page, server_url):
    open_app(page, server_url)
    files = {}
    for label in ("Chart SVG", "Chart PNG", "TimelineJS JSON", "Events CSV"):
        with page.expect_download(timeout=60_000) as info:
            page.get_by_role("button", name=label).click()
        files[label] = Path(info.value.path()).read_bytes()
    assert files["Chart SVG"].lstrip().startswith(b"<svg")
    assert files["Chart PNG"].startswith(b"\x89PNG")
    slides = json.loads(files["TimelineJS JSON"])["events"]
    assert len(slides) == 7 and {"year": 2014} in [s["start_date"] for s in slides]
    assert len(files["Events CSV"].decode("utf-8").strip().splitlines()) == 8
    no_exception(page)


def test_relative_dates_without_publication_date_explain_then_place(page, server_url, screenshots):
    open_app(page, server_url)
    choose_source(page, "Paste text")
    box = page.locator('[data-testid="stSidebar"] textarea')
    box.fill("On Sunday, two rockets were fired at the base.")
    box.press("Control+Enter")
    info = page.locator('[data-testid="stAlert"]').filter(has_text="publication date")
    info.wait_for()
    assert page.locator(".vega-embed").count() == 0
    page.screenshot(path=screenshots / "no-date.png", full_page=True)
    page.locator('[data-testid="stDateInput"] [role="spinbutton"]').first.click()  # year, month, day
    page.keyboard.type("20210407")
    page.keyboard.press("Escape")  # close the calendar; leaving the field commits the date
    page.locator("h1").first.click()
    assert wait_for_marks(page, "n === 1") == 1  # one event: the axis stays readable, not hours
    label = page.locator(".vega-embed g.points_marks > path").first.get_attribute("aria-label")
    assert label.startswith("Sunday 4 April 2021: ")
    no_exception(page)
    page.screenshot(path=screenshots / "single-event.png", full_page=True)


def test_touching_the_publication_date_starts_the_parser_and_a_new_date_redraws(browser):
    """The bundled article's first open leaves the parser unloaded (its events are on disk); reaching for a source
    widget starts loading it, so the new date that follows re-anchors the article without a cold start. A server
    of its own: the shared one may have loaded the parser for another test already."""
    from conftest import free_port, start_server, stop_server

    port = free_port()
    process = start_server(port)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        open_app(page, f"http://127.0.0.1:{port}")
        touch = page.locator(".st-key-warm-up-on-touch")  # the script listening for the first touch
        touch.wait_for(state="attached", timeout=30_000)
        page.locator('[data-testid="stDateInput"] [role="spinbutton"]').first.click()  # year, month, day
        touch.wait_for(state="detached", timeout=30_000)  # the touch started the warm-up: no more listening
        page.keyboard.type("20210414")
        page.keyboard.press("Escape")
        page.locator("h1").first.click()
        page.wait_for_function(  # "Two rockets were fired ... on Sunday": a week later, Sunday 11 April
            "sel => [...document.querySelectorAll(sel)].some(m => (m.getAttribute('aria-label') || '')"
            ".startsWith('Sunday 11 April 2021:'))", arg=EVENT_MARKS, timeout=60_000)
        no_exception(page)
    finally:
        context.close()
        stop_server(process)


def test_the_tables_stored_character_widths_are_the_dashboards_font(page, server_url):
    """app/table_font.json sizes the table's wrapped rows: it must match the font the page really draws with, so a
    theme or Streamlit font change fails here instead of cutting headlines (re-measure it the same way then)."""
    stored = json.loads((ROOT / "app" / "table_font.json").read_text(encoding="utf-8"))["px"]
    open_app(page, server_url)
    measured = page.evaluate(
        """async (chars) => {
          await document.fonts.ready;
          const family = getComputedStyle(document.querySelector('[data-testid=stMain]')).fontFamily;
          const context = document.createElement('canvas').getContext('2d');
          context.font = '400 14px ' + family;
          return Object.fromEntries([...chars].map(ch => [ch, context.measureText(ch).width]));
        }""",
        "".join(stored),
    )
    off = {ch: (px, round(measured[ch], 2)) for ch, px in stored.items() if abs(measured[ch] - px) > 0.05}
    assert not off, f"stored vs measured px: {off}"
