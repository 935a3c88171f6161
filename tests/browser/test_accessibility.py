"""Accessible and offline (issue 14 item 7): axe-core inside the page on every page and error state, the
chart's picks reachable with the keyboard alone, and no request to any host but 127.0.0.1.

axe-core comes from the PyPI package axe-playwright-python, which ships axe.min.js inside the wheel and
evaluates it in the page (nothing is fetched from a CDN).

    pytest tests/browser/test_accessibility.py
"""

from __future__ import annotations

import pytest
from conftest import free_port, outside_resources, start_server, stop_server, upload_files
from test_collection_browser import BARS, POINTS, store, store_url  # noqa: F401 (fixtures)
from test_dashboard_browser import EVENT_MARKS, SEED, choose_source, no_exception, open_app, wait_for_marks

import timeline

pytestmark = pytest.mark.browser

BLOCKING = ("serious", "critical")


def axe_violations(page) -> list[str]:
    """The serious and critical axe-core violations on the page, one line each (rule, impact, elements)."""
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        pytest.fail("axe-playwright-python is required (pip install -r requirements-dev.txt)")
    page.wait_for_load_state("networkidle")
    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
            for v in results.response["violations"] if v["impact"] in BLOCKING]


def accessible_and_offline(page, outside_requests: list[str]) -> None:
    """0 serious/critical axe violations, no Streamlit exception, nothing from another host."""
    no_exception(page)
    assert axe_violations(page) == []
    assert outside_requests == []
    assert outside_resources(page) == []


def tab_to(page, target, limit: int = 80) -> None:
    """Press Tab until the element `target` (a locator) has the focus, as a keyboard user gets there."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"{target} not reached with {limit} presses of Tab")


def choose_with_keyboard(page, label: str, text: str) -> None:
    """Tab to the select box called `label`, type `text` to narrow its options and press Enter."""
    page.locator("body").focus()
    tab_to(page, page.get_by_role("combobox", name=label))
    page.keyboard.type(text)
    page.get_by_role("option").first.wait_for()
    page.keyboard.press("Enter")


# ---------------------------------------------------------------- article page

def test_article_page_with_a_selected_event(page, server_url, outside_requests, screenshots):
    open_app(page, server_url)
    page.locator(".vega-embed g.points_marks > path").first.click()
    page.locator("blockquote.tl-quote").wait_for()
    page.screenshot(path=screenshots / "a11y-article.png", full_page=True)
    accessible_and_offline(page, outside_requests)


def test_an_event_is_picked_with_the_keyboard_alone(page, server_url, screenshots):
    events = timeline.extract(SEED.read_text(encoding="utf-8")).events
    sunday = next(e for e in events if e.expression == "Sunday")
    open_app(page, server_url)
    choose_with_keyboard(page, "Choose an event", sunday.headline[:25])
    quote = page.locator("blockquote").filter(has_text="two rockets were fired on the Balad air base")
    quote.wait_for()
    assert quote.locator("mark.tl-when").inner_text() == "Sunday"
    page.wait_for_function("() => new URLSearchParams(location.search).get('event') !== null")
    # the chart shows the same pick: the Sunday mark outlined, and no other
    picked = ".vega-embed g.points_marks > path[stroke='#1f2933']"
    page.wait_for_function("sel => document.querySelectorAll(sel).length === 1", arg=picked)
    assert "Sunday" in page.locator(picked).get_attribute("aria-label")
    assert sunday.headline in page.get_by_role("combobox", name="Choose an event").input_value()
    no_exception(page)
    page.screenshot(path=screenshots / "a11y-keyboard-pick.png", full_page=True)


def test_pasted_text_without_dates_and_an_unreadable_upload(page, server_url, outside_requests, tmp_path):
    open_app(page, server_url)
    choose_source(page, "Paste text")
    box = page.locator('[data-testid="stSidebar"] textarea')
    box.fill("Nothing here has a date. It only says that talks went on.")
    box.press("Control+Enter")
    page.locator('[data-testid="stAlert"]').first.wait_for()
    assert page.locator(".vega-embed").count() == 0
    accessible_and_offline(page, outside_requests)

    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 64)
    upload_files(page, [binary])
    page.locator('[data-testid="stAlert"]').filter(has_text="photo.txt").wait_for()
    accessible_and_offline(page, outside_requests)


# ---------------------------------------------------------------- collection page

def test_collection_bars_then_a_period_and_an_event_by_keyboard(page, store_url, outside_requests,  # noqa: F811
                                                               screenshots):
    page.goto(store_url)
    page.wait_for_function("sel => document.querySelectorAll(sel).length > 0", arg=BARS, timeout=60_000)
    accessible_and_offline(page, outside_requests)

    choose_with_keyboard(page, "Choose a period", "2021")
    page.get_by_role("heading", name="2021:").wait_for()
    page.locator('[data-testid="stDataFrame"]').wait_for()
    page.screenshot(path=screenshots / "a11y-collection-period.png", full_page=True)
    accessible_and_offline(page, outside_requests)

    page.get_by_role("button", name="Zoom to 2021").press("Enter")
    page.wait_for_function("sel => document.querySelectorAll(sel).length > 0", arg=POINTS, timeout=30_000)
    choose_with_keyboard(page, "Choose an event", "4 April 2021")
    page.locator("blockquote").filter(has_text="Two rockets hit the Balad air base").wait_for()
    page.get_by_text("Reported by 3 articles", exact=True).wait_for()
    page.screenshot(path=screenshots / "a11y-collection-event.png", full_page=True)
    accessible_and_offline(page, outside_requests)


def test_collection_folder_that_is_not_a_store(page, server_url, outside_requests, tmp_path):
    open_app(page, server_url)
    choose_source(page, "Collection")
    folder = page.locator('[data-testid="stSidebar"] input[aria-label="Store folder"]')
    folder.fill("no/such/store")
    folder.press("Enter")
    page.locator('[data-testid="stAlert"]').filter(has_text="Cannot open the store").wait_for()
    accessible_and_offline(page, outside_requests)


# ---------------------------------------------------------------- the checks themselves

def test_the_offline_checks_catch_a_font_icon_from_a_cdn(page, outside_requests):
    """The same checks on a page with a Material page icon (fetched from a public CDN) must fail."""
    port = free_port()
    process = start_server(port, script="tests/browser/apps/material_icon.py")
    try:
        page.goto(f"http://127.0.0.1:{port}")
        page.get_by_text("An icon from a font.").wait_for()
        page.wait_for_function("() => !!document.querySelector('link[rel*=icon][href^=\"https:\"]')")
        page.wait_for_timeout(500)  # the browser asks for the icon once the link is in place
    finally:
        stop_server(process)
    assert any("fonts.gstatic.com" in url for url in outside_resources(page))
    assert any("fonts.gstatic.com" in url for url in outside_requests)


def test_no_mark_without_a_keyboard_way_to_it(page, server_url):
    """Every event mark on the chart is one of the select box's options (same count, same events)."""
    open_app(page, server_url)
    marks = wait_for_marks(page, "n > 0")
    page.get_by_role("combobox", name="Choose an event").click()
    options = page.locator('[role="option"]')
    options.first.wait_for()
    assert options.count() == marks + 1  # "None chosen" and one line per mark
    page.keyboard.press("Escape")
    assert page.locator(EVENT_MARKS).count() == marks



def test_page_up_moves_a_wide_year_slider_by_years_not_centuries(page, server_url, screenshots):
    """An article reaching back to 1721: 300 years on the slider, whose PageUp is a tenth of its stops."""
    article = ("Old treaty honoured\n\n7 Apr, 2021\n\nThe treaty was signed in 1721. It was renewed in 1921. "
               "The parties met again on Sunday and agreed on a new text in March 2021.\n")
    events = timeline.extract(article).events
    assert min(e.start.year for e in events) == 1721
    open_app(page, server_url)
    choose_source(page, "Paste text")
    box = page.locator('[data-testid="stSidebar"] textarea')
    box.fill(article)
    box.press("Control+Enter")
    assert wait_for_marks(page, f"n === {len(events)}") == len(events)
    low = page.locator('[data-testid="stSidebar"] [data-testid="stSlider"] input[type="range"]').first
    shown = "el => el.getAttribute('aria-valuetext') || el.value"  # the year a screen reader announces
    low.focus()
    assert low.evaluate(shown) == "1721"
    page.keyboard.press("PageUp")
    page.wait_for_function(f"el => ({shown})(el) !== '1721'", arg=low.element_handle(), timeout=60_000)
    after = int(low.evaluate(shown))
    assert 1721 < after <= 1731  # not 1751: a tenth of 300 years
    page.keyboard.press("ArrowRight")
    page.wait_for_function(f"el => +({shown})(el) > {after}", arg=low.element_handle(), timeout=60_000)
    assert wait_for_marks(page, f"n === {len(events) - 1}", timeout=60_000) == len(events) - 1  # 1721 has gone
    no_exception(page)
    assert page.locator('[data-testid="stAlert"]').count() == 0  # no error message either
    page.screenshot(path=screenshots / "a11y-wide-slider.png", full_page=True)
