"""A second reader's pass over the dashboard (branch ui27): a collection of te3-silver reports from three
years, fifteen uploaded articles, a 390x844 phone. Each test is a place where such a reader stumbled.

    pytest tests/browser/test_second_reader_browser.py
"""

from __future__ import annotations

import csv
import io
import re

import pytest
from conftest import settle, store_server, te3_files, upload_files, wait_settled

pytestmark = pytest.mark.browser

EVENT_MARKS = ".vega-embed g.spans_marks > path, .vega-embed g.points_marks > path"
TABLE = '[data-testid="stMain"] [data-testid="stDataFrame"] table'


def no_exception(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0


def marks_drawn(page) -> list[str]:
    """The ARIA labels of the chart's event marks, once the whole page has come (app.progressive)."""
    page.wait_for_selector(".vega-embed svg g.role-mark path", timeout=90_000)
    page.locator('[data-testid="stMetric"]').first.wait_for(timeout=60_000)
    settle(page)
    return page.locator(EVENT_MARKS).evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")


def csv_rows(page, button: str = "Events CSV") -> tuple[str, list[dict]]:
    """The file `button` downloads: its name and its rows."""
    with page.expect_download(timeout=120_000) as info:
        page.get_by_role("button", name=button).click()
    return info.value.suggested_filename, list(csv.DictReader(io.StringIO(open(info.value.path()).read())))


def test_a_collection_key_events_come_from_all_its_news_and_the_table_and_csv_hold_them(page, three_years,
                                                                                         screenshots):
    """*Key events only* on a collection of 1997, 2005 and 2006 reports drew 18 events of one fortnight of April
    1997 and none of 2006 (which has half the events): ninety reports of their own publication day tie, and the
    first of them by date were taken. Below the 25 marks the table listed all 290 events, from 1989 on, and Events
    CSV held them all, under "Downloads hold the events the filters show". The key events now come from every
    year the news was published in, and the table and the downloads hold what the chart draws, and say so."""
    with store_server(three_years, 1000) as url:
        page.goto(f"{url}/?source=collection")
        labels = marks_drawn(page)
        page.screenshot(path=screenshots / "second-reader-key-events.png", full_page=True)
        years = {int(y) for label in labels for y in re.findall(r"\b(?:19|20)\d\d\b", label.split(":")[0])}
        assert {1997, 2005, 2006} <= years, sorted(years)
        rows = int(page.locator(TABLE).get_attribute("aria-rowcount")) - 1  # its heading is a row
        assert rows == len(labels) == 25
        caption = page.get_by_text("Downloads hold the")
        assert "25 events of the chart and the table, not all" in caption.inner_text()
        name, events = csv_rows(page)
        assert len(events) == len(labels)
        # every event in view, once Key events only is off
        page.get_by_test_id("stCheckbox").get_by_text("Key events only", exact=True).click()
        page.wait_for_function(f"sel => document.querySelectorAll(sel).length > {len(labels)}", arg=EVENT_MARKS)
        settle(page)
        every = page.locator(EVENT_MARKS).count()
        page.wait_for_function(f"sel => document.querySelector(sel).getAttribute('aria-rowcount') == {every + 1}",
                               arg=TABLE)
        assert len(csv_rows(page)[1]) == every
        no_exception(page)


PHONE = {"width": 390, "height": 844}
# Vega's hover tooltip (one element, added to the page's body): whether it shows, and where.
TOOLTIP = """() => { const e = document.getElementById('vg-tooltip-element');
  if (!e || !e.classList.contains('visible') || getComputedStyle(e).display === 'none') return null;
  const r = e.getBoundingClientRect(); return {left: r.left, right: r.right, text: e.innerText}; }"""


def _last_point(page):
    """The chart's last point mark (the bundled article's 7 April 2021, at the axis's right end), in view."""
    marks_drawn(page)
    mark = page.locator(".vega-embed g.points_marks > path").last
    mark.scroll_into_view_if_needed()
    box = mark.bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def test_a_tap_on_a_phone_leaves_no_tooltip_over_the_chart(browser, server_url, screenshots):
    """A tap on a mark (a finger moves a pixel or two while it touches) picked the event and left Vega's hover
    tooltip over the chart until the next tap: cut at the screen's left edge ("t happened" for "What happened"),
    covering the marks beside it, and taking the taps meant for them. A phone cannot hover: the tap picks the
    event, whose sentence and facts follow below, and no tooltip is shown."""
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.goto(server_url)
        x, y = _last_point(page)
        touch = context.new_cdp_session(page)
        for kind, points in (("touchStart", [{"x": x, "y": y}]), ("touchMove", [{"x": x + 2, "y": y + 1}]),
                             ("touchEnd", [])):
            touch.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})
        page.locator("p.tl-headline").wait_for()  # the tap picked the event
        settle(page)
        page.locator(".vega-embed").scroll_into_view_if_needed()
        page.screenshot(path=screenshots / "second-reader-phone-tap.png")
        assert page.evaluate(TOOLTIP) is None
        no_exception(page)
    finally:
        context.close()


def test_a_narrow_window_shows_a_marks_tooltip_whole(browser, server_url, screenshots):
    """In a 390 px window with a mouse, the tooltip of a mark (up to 480 px wide) fitted on neither side of the
    pointer, and Vega put it left of the pointer, past the window's left edge: "t happened", "arch 2019"."""
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.goto(server_url)
        x, y = _last_point(page)
        page.mouse.move(x, y)
        page.wait_for_function(TOOLTIP)
        page.screenshot(path=screenshots / "second-reader-narrow-tooltip.png")
        tip = page.evaluate(TOOLTIP)
        assert "What happened" in tip["text"]
        assert 0 <= tip["left"] and tip["right"] <= PHONE["width"], tip
        no_exception(page)
    finally:
        context.close()


#: What each source, chosen with nothing given yet, asks for: its own words, one message.
ASKED = {"Paste text": "Paste an article", "Upload files": "Upload one or more articles", "Paste a link": "Fetch",
         "Timeline file": "Open a timeline file"}


def test_each_source_asks_for_what_it_needs_and_the_caption_counts_the_articles(page, server_url, screenshots):
    """"Upload files" with no file said "Choose a bundled article, paste an article or a link, or upload files in the
    sidebar", as did "Paste text" and "Paste a link"; "Timeline file" said that under its own message, whose icon (an
    emoji) was an empty box without an emoji font. With fifteen articles the caption went on saying "Every dated
    event in the article"."""
    page.goto(server_url)
    marks_drawn(page)
    main = page.locator('[data-testid="stMain"]')
    for source, words in ASKED.items():
        wait_settled(page)
        page.locator('[data-testid="stSidebar"]').get_by_text(source, exact=True).click()
        wait_settled(page)
        settle(page)
        alerts = main.locator('[data-testid="stAlert"]')
        assert alerts.all_inner_texts() and words in alerts.first.inner_text(), source
        assert alerts.count() == 1, alerts.all_inner_texts()
        icon = alerts.locator('[data-testid="stAlertDynamicIcon"]').evaluate("e => getComputedStyle(e).fontFamily")
        assert "Material Symbols" in icon, source  # as every other message's, drawn with Streamlit's own font
        assert "in the article," in main.locator("p.tl-caption").inner_text()
    page.screenshot(path=screenshots / "second-reader-asks.png")
    files = te3_files(["XIN_ENG_20051110.0006"])[0].parent.glob("XIN_ENG_2005111*.tml")
    upload_files(page, sorted(files)[:15])
    page.get_by_text("15 articles", exact=True).wait_for(timeout=120_000)  # the article line, bold
    settle(page)
    assert "in the articles," in main.locator("p.tl-caption").inner_text()
    page.screenshot(path=screenshots / "second-reader-fifteen.png")
    no_exception(page)


def downloaded_name(page, button: str) -> str:
    """The name of the file the button `button` downloads."""
    with page.expect_download(timeout=120_000) as info:
        page.get_by_role("button", name=button, exact=True).click()
    return info.value.suggested_filename


def test_the_downloads_are_named_after_the_article_as_its_timeline_file_is(page, server_url):
    """"Save timeline file" names its file after the article; Events CSV was `timeline-events.csv` whatever the
    article, so two articles' downloads overwrote each other, or came as "timeline-events (3).csv"."""
    page.goto(server_url)
    marks_drawn(page)
    saved = downloaded_name(page, "Save timeline file")
    stem = saved.removesuffix(".timeline.json")
    assert saved.endswith(".timeline.json") and stem.startswith("us-agrees-to-withdraw"), saved
    names = {button: downloaded_name(page, button) for button in ("Events CSV", "Events JSON", "Chart SVG")}
    assert names == {"Events CSV": f"{stem}-events.csv", "Events JSON": f"{stem}-events.json",
                     "Chart SVG": f"{stem}.svg"}
    no_exception(page)


def test_fifteen_articles_leave_the_filters_near_the_top_of_the_sidebar(page, server_url, screenshots):
    """Fifteen uploaded articles put fifteen publication dates, each with "Publication date from the document's
    creation time.", between the files and the filters: the years slider was 2,900 px down the sidebar. More
    than three articles' dates are folded in one box (open when one has no date), which opens on a click."""
    page.goto(server_url)
    marks_drawn(page)
    upload_files(page, sorted(te3_files(["XIN_ENG_20051110.0006"])[0].parent.glob("XIN_ENG_2005111*.tml"))[:15])
    page.get_by_text("15 articles", exact=True).wait_for(timeout=120_000)
    settle(page)
    sidebar = page.locator('[data-testid="stSidebarContent"]')
    filters = sidebar.get_by_role("heading", name="Filters")
    top = filters.evaluate("(e, bar) => e.getBoundingClientRect().top - bar.getBoundingClientRect().top",
                           sidebar.element_handle())
    page.screenshot(path=screenshots / "second-reader-fifteen-sidebar.png")
    assert top < 1000, top
    sidebar.get_by_text("Publication dates (15 articles)").click()
    assert sidebar.get_by_text(re.compile("^Published: XIN_ENG_")).count() == 15
    no_exception(page)
