"""Collections in headless Chromium: shareable links, whole-word keywords, one happening reported by N articles.

pytest tests/browser/test_collection_links_browser.py
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import built_store, store_server, wait_settled

from app.collection_page import KEY_DATES_PENDING
from timeline.collection import count_events, open_store

pytestmark = pytest.mark.browser

POINTS = ".vega-embed g.points_marks > path"
KEYWORD = ".st-key-c_keyword input"
# Three agencies report one earthquake in their own words (the third anchors the noun "earthquake", the others
# "struck": joined by their telling words across triggers); other articles say "start" and "art".
QUAKE = [
    ("reuters.com", "A powerful earthquake struck northern Pakistan on 8 October 2005, killing thousands."),
    ("apnews.com", "The earthquake struck northern Pakistan and Kashmir on 8 October 2005, officials said."),
    ("afp.com", "On 8 October 2005 an earthquake of magnitude 7.6 struck northern Pakistan."),
]
OTHERS = [
    ("museum.org", "The art fair opened in Basel on 12 June 2005."),
    ("sport.net", "The season will start on 20 August 2005 after a long pause."),
    ("news.net", "Restarting talks, the envoys met in Geneva on 3 March 2005."),
    ("news.net", "Parliament approved the budget on 9 October 2005."),
]


def records() -> list[dict]:
    rows = [{"id": f"q{i}", "title": f"Quake report {i}", "url": f"https://{site}/quake-{i}",
             "published": "2005-10-10", "text": f"Quake\n\n{text}"} for i, (site, text) in enumerate(QUAKE)]
    rows += [{"id": f"o{i}", "title": f"Story {i}", "url": f"https://{site}/story-{i}", "published": "2005-10-10",
              "text": f"Story {i}\n\n{text}"} for i, (site, text) in enumerate(OTHERS)]
    return rows


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return built_store(tmp_path_factory.mktemp("links"), records())


@pytest.fixture(scope="module")
def store_url(store):
    """A dashboard server opened on the store (TIMELINE_STORE), every event drawn one by one."""
    with store_server(store, 1000) as url:
        yield url


def no_exception(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0


def events_metric(page) -> str:
    return page.locator('[data-testid="stMetric"]').filter(has_text="Events").locator(
        '[data-testid="stMetricValue"]').inner_text()


def search(page, word: str) -> None:
    box = page.locator(KEYWORD)
    box.fill(word)
    box.press("Enter")
    page.wait_for_function("w => new URLSearchParams(location.search).get('q') === w", arg=word, timeout=60_000)


def test_a_happening_reported_by_three_articles_is_one_mark_and_a_key_date(page, store_url, screenshots):
    page.goto(store_url)
    page.wait_for_function("sel => document.querySelectorAll(sel).length > 0", arg=POINTS, timeout=90_000)
    wait_settled(page)
    # one mark for the three reports, and the topic timeline says who reported it
    assert page.locator(f"{POINTS}[aria-label^='Saturday 8 October 2005:']").count() == 1
    key_dates = page.locator("li").filter(has_text="Saturday 8 October 2005").filter(has_text="reported by")
    key_dates.first.wait_for()
    line = key_dates.first.inner_text()
    assert "reported by 3 articles" in line and all(site in line for site, _ in QUAKE)
    page.locator(f"{POINTS}[aria-label^='Saturday 8 October 2005:']").click()
    page.get_by_text("Reported by 3 articles", exact=True).wait_for()
    no_exception(page)
    page.screenshot(path=screenshots / "collection-key-dates.png", full_page=True)


def test_keyword_matches_whole_words(page, store_url, store):
    page.goto(store_url)
    page.locator(KEYWORD).wait_for(timeout=90_000)
    with open_store(store) as opened:
        art, start = count_events(opened, keyword="art"), count_events(opened, keyword="start")
    assert (art, start) == (1, 1)  # "start" and "Restarting" hold "art" as letters, not as a word
    search(page, "art")
    wait_settled(page)
    assert events_metric(page).startswith(f"{art} ")
    page.locator("blockquote, [data-testid='stDataFrame']").first.wait_for()
    search(page, "northern pakistan")  # a phrase, across the three reports
    wait_settled(page)
    assert events_metric(page).startswith("3 ")
    no_exception(page)


def test_a_link_with_filters_and_keyword_reopens_the_same_view(browser, page, store_url):
    page.goto(store_url)
    page.locator(KEYWORD).wait_for(timeout=90_000)
    search(page, "earthquake")
    wait_settled(page)
    page.locator(f"{POINTS}[aria-label^='Saturday 8 October 2005:'][aria-label*='more article']").click()  # a grouped happening
    reported = page.get_by_text(re.compile(r"^Reported by \d+ articles$"))
    reported.wait_for()
    reported_text = reported.inner_text()
    page.wait_for_function("() => new URLSearchParams(location.search).has('event')", timeout=60_000)
    wait_settled(page)
    link = page.url
    query = parse_qs(urlsplit(link).query)
    assert query["source"] == ["collection"] and query["q"] == ["earthquake"] and query["store"] == ["news"]
    shown = events_metric(page)

    other = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()  # a new session
    try:
        other.goto(link)
        other.locator(KEYWORD).wait_for(timeout=90_000)
        other.get_by_text(reported_text, exact=True).wait_for(timeout=90_000)  # the same event selected
        wait_settled(other)
        assert other.locator(KEYWORD).input_value() == "earthquake"
        assert events_metric(other) == shown
        assert other.locator("blockquote").filter(has_text=re.compile("earthquake", re.I)).count() >= 1
        assert parse_qs(urlsplit(other.url).query) == query  # the reopened view writes the same link
        no_exception(other)
    finally:
        other.context.close()


def test_a_link_to_pasted_text_says_it_cannot_be_restored(page, store_url):
    page.goto(f"{store_url}/?source=paste&years=2015-2016&event=0-3")
    page.get_by_text("pasted text, which is not kept anywhere").wait_for(timeout=90_000)
    wait_settled(page)
    assert page.get_by_text("No events match").count() == 0
    assert page.get_by_role("radio", name="Paste text").is_checked()
    no_exception(page)


def test_key_dates_follow_each_new_keyword_once_the_chart_is_drawn(page, store_url):
    """The key dates of a keyword are computed in the run after the browser drew its chart (app.progressive
    .after_drawn): each new keyword must still end with its own key dates, and no placeholder left."""
    page.goto(store_url)
    page.wait_for_function("sel => document.querySelectorAll(sel).length > 0", arg=POINTS, timeout=90_000)
    wait_settled(page)
    for word, day, other in (("struck", "Saturday 8 October 2005", "Sunday 9 October 2005"),
                             ("budget", "Sunday 9 October 2005", "Saturday 8 October 2005")):
        search(page, word)
        caption = page.get_by_text(f"of “{word}”, one per date")
        caption.wait_for(timeout=60_000)
        wait_settled(page)
        assert page.get_by_text(KEY_DATES_PENDING).count() == 0
        lines = page.locator("li").filter(has_text="reported by")
        assert lines.filter(has_text=day).count() == 1
        assert lines.filter(has_text=other).count() == 0
    no_exception(page)
