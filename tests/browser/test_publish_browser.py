"""The published page opened from disk (file://) in headless Chromium with every request blocked: the chart
draws one mark per published event with its headline, hidden events are nowhere, a click on a mark opens
its event in the story list, article text never runs, and the print view keeps links and marked dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import edit_headline, settle

import timeline
from timeline import cli
from timeline.curation import AddEvent, EditHeadline, Hide, article_hash, dump_timeline_file, event_key, timeline_file

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data" / "us-iraq-withdrawal-2021-04-07.txt"
SILVER = ROOT.parent / "shared" / "data" / "te3-silver"
HOSTILE = '<img src=x onerror="window.__pwned = 1"><script>window.__pwned = 1</script>'

# Per mark layer of the chart, how many items the Vega scenegraph holds, and the data of the event marks.
SCENE = """() => {
  const counts = {}, rows = [], labels = [];
  const walk = (node) => {
    if (node.marktype) {
      counts[node.name || node.role] = (counts[node.name || node.role] || 0) + node.items.length;
      for (const item of node.items) {
        if (node.name === "spans_marks" || node.name === "points_marks") rows.push(item.datum);
        if (node.role === "mark" && node.marktype === "text") labels.push(item.text);
        if (item.items) item.items.forEach(walk);
      }
    }
  };
  walk(window.timelineView.scenegraph().root);
  return {counts, headlines: rows.map(r => r.headline), ids: rows.map(r => r.event_id), labels};
}"""


def render(tmp_path: Path, timelines, ops=(), urls=None) -> Path:
    source = tmp_path / "story.timeline.json"
    source.write_text(dump_timeline_file(timeline_file(timelines, ops, urls=urls)), encoding="utf-8")
    page = tmp_path / "page.html"
    assert cli.main(["render", str(source), "--out", str(page)]) == 0
    return page


def open_offline(browser, page_file: Path, **context):
    """A new page on `page_file` with every request but the file itself aborted; returns (page, blocked)."""
    ctx = browser.new_context(**{"viewport": {"width": 1300, "height": 900}, "service_workers": "block", **context})
    page = ctx.new_page()
    page.set_default_timeout(90_000)
    blocked: list[str] = []
    errors: list[str] = []

    def route(request_route) -> None:
        if request_route.request.url == page_file.as_uri():
            request_route.continue_()
        else:
            blocked.append(request_route.request.url)
            request_route.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(page_file.as_uri())
    page.wait_for_selector("body[data-chart]")
    assert page.get_attribute("body", "data-chart") == "ready", errors
    return page, blocked, errors


@pytest.fixture(scope="module")
def seed() -> timeline.Timeline:
    return timeline.extract(SEED.read_text(encoding="utf-8"), published=date(2021, 4, 7), name=SEED.name)


def test_the_published_page_draws_every_published_event_offline(browser, tmp_path, seed, screenshots) -> None:
    text = seed.document.text
    keys = {e.value: event_key(article_hash(text), e) for e in seed.events}
    hidden = [e for e in seed.events if e.value in ("2014", "2019-03")]  # sentences no other event has
    ops = [Hide(keys["2014"]), Hide(keys["2019-03"]), EditHeadline(keys["2021-04-04"], f"Rockets hit Balad {HOSTILE}"),
           AddEvent("manual:1", "2020-01-03", "Soleimani killed in a US strike", link="https://wire.example/a")]
    page, blocked, errors = open_offline(browser, render(tmp_path, [seed], ops, urls=["https://news.example/iraq"]))
    published = len(seed.events) - len(hidden) + 1

    scene = page.evaluate(SCENE)
    assert scene["counts"]["spans_marks"] + scene["counts"]["points_marks"] == published
    dom_marks = page.locator("#timeline-chart g.spans_marks > path, #timeline-chart g.points_marks > path")
    assert dom_marks.count() == published
    story = page.locator("li.event h3").all_inner_texts()
    assert len(story) == published and sorted(story) == sorted(scene["headlines"])
    assert "Soleimani killed in a US strike" in story and f"Rockets hit Balad {HOSTILE}" in story
    expected_labels = [e.short_headline for e in seed.events if e not in hidden and e.value != "2021-04-04"]
    assert set(expected_labels) < set(scene["labels"]) and len(scene["labels"]) == published
    body = page.inner_text("body")
    for event in hidden:
        assert event.headline not in body and event.headline not in scene["headlines"]
        assert event.sentence not in body

    assert blocked == [] and errors == []
    assert page.evaluate("window.__pwned") is None and page.locator("img").count() == 0
    page.screenshot(path=screenshots / "published-page.png", full_page=True)

    # Its tooltip shows the headline as text; a click opens the event in the story list.
    rockets = scene["ids"][scene["headlines"].index(f"Rockets hit Balad {HOSTILE}")]
    mark = page.locator("#timeline-chart g.points_marks > path[aria-label*='Rockets hit Balad']")
    mark.hover()
    page.locator("#vg-tooltip-element.visible").wait_for()
    assert page.locator("#vg-tooltip-element").inner_text().count("<img src=x") == 1
    mark.click()
    page.wait_for_function(f"location.hash === '#event-{rockets}'")
    assert page.locator(f"#event-{rockets}").evaluate("li => li.matches(':target')")
    assert page.evaluate("window.__pwned") is None and page.locator("img").count() == 0

    # On paper: links spell out their address and the date is marked without a background.
    page.emulate_media(media="print")
    after = page.locator("li.event p.source a").first.evaluate("a => getComputedStyle(a, '::after').content")
    assert "https://news.example/iraq" in after
    weight = page.locator("li.event blockquote mark").first.evaluate("m => getComputedStyle(m).fontWeight")
    assert weight == "700"
    page.screenshot(path=screenshots / "published-page-print.png", full_page=True)
    assert blocked == []
    page.context.close()


@pytest.mark.corpus
def test_a_collection_of_long_articles_draws_one_mark_per_event(browser, tmp_path, screenshots) -> None:
    if not SILVER.is_dir():
        pytest.skip("../shared/data/te3-silver is absent")
    names = ["XIN_ENG_20051117.0289.tml", "XIN_ENG_20051119.0061.tml", "XIN_ENG_20051116.0094.tml",
             "AFP_ENG_19970401.0006.tml"]
    timelines = []
    for name in names:
        doc = timeline.read_timeml(SILVER / name)
        timelines.append(timeline.extract(doc.text, published=doc.published, name=name))
    events = sum(len(t.events) for t in timelines)
    assert events > 40  # past the chart's label limit: marks, no labels
    page, blocked, errors = open_offline(browser, render(tmp_path, timelines), offline=True)
    scene = page.evaluate(SCENE)
    assert scene["counts"]["spans_marks"] + scene["counts"]["points_marks"] == events
    assert page.locator("li.event").count() == events
    assert sorted(page.locator("li.event h3").all_inner_texts()) == sorted(
        e.headline or e.expression for t in timelines for e in t.events)
    assert page.locator("ul.articles li").count() == len(names)
    assert blocked == [] and errors == []
    page.screenshot(path=screenshots / "published-collection.png", full_page=False)
    page.context.close()


def test_the_dashboard_publishes_the_page_it_shows(page, server_url, browser, tmp_path) -> None:
    """'Publish page (HTML)' beside the other downloads: the file opens offline with the events shown."""
    page.goto(server_url)
    page.wait_for_selector(".vega-embed svg g.points_marks > path", timeout=90_000)
    shown = page.locator(".vega-embed g.spans_marks > path, .vega-embed g.points_marks > path").count()
    with page.expect_download(timeout=120_000) as info:
        page.get_by_role("button", name="Publish page (HTML)").click()
    assert info.value.suggested_filename == "us-agrees-to-withdraw-remaining-combat-troops-from-iraq.html"
    saved = tmp_path / "published.html"
    info.value.save_as(saved)
    published, blocked, errors = open_offline(browser, saved)
    scene = published.evaluate(SCENE)
    assert scene["counts"]["spans_marks"] + scene["counts"]["points_marks"] == shown == 7
    assert published.locator("li.event").count() == shown
    assert "Sunday 4 April 2021" in published.locator("li.event time").all_inner_texts()
    assert blocked == [] and errors == []
    published.context.close()


def test_the_dashboard_publishes_its_curation(page, server_url, browser, tmp_path, seed) -> None:
    """Hide one event and edit another in the dashboard: the published page has the edit (without the editor's
    mark on its label) and not the hidden event, offline."""
    marks = ".vega-embed g.spans_marks > path, .vega-embed g.points_marks > path"
    hidden = next(e for e in seed.events if e.value == "2014")
    page.goto(f"{server_url}/?event=0-{hidden.id}")
    page.locator("p.tl-headline").first.wait_for(timeout=90_000)
    page.get_by_role("button", name="Hide", exact=True).click()
    page.wait_for_function(f"sel => document.querySelectorAll(sel).length === {len(seed.events) - 1}", arg=marks,
                           timeout=60_000)
    page.locator(".vega-embed g.points_marks > path[aria-label*='Sunday']").click()
    page.locator("p.tl-headline").filter(has_text="Two rockets were fired").wait_for(timeout=60_000)
    edit_headline(page, "Rockets hit the Balad air base")  # typed until a rerun no longer replaces the box
    page.wait_for_function("() => [...document.querySelectorAll('.vega-embed g.role-mark text')]"
                           ".some(t => t.textContent.includes('Rockets hit the Balad air base'))", timeout=60_000)
    # The run that drew the edit is over (the page's run state, not the status widget, which shows only after 0.5 s),
    # and no element is left stale (data-stale) by it: the label shows mid-run, while the buttons below it still hold
    # the previous run's files.
    settle(page)
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')", timeout=90_000)
    with page.expect_download(timeout=180_000) as info:
        page.get_by_role("button", name="Publish page (HTML)").click()
    saved = tmp_path / "curated.html"
    info.value.save_as(saved)
    published, blocked, errors = open_offline(browser, saved)
    scene = published.evaluate(SCENE)
    assert scene["counts"]["spans_marks"] + scene["counts"]["points_marks"] == len(seed.events) - 1
    assert "Rockets hit the Balad air base" in scene["labels"]  # as the reader wrote it, no edit mark
    assert "Rockets hit the Balad air base" in published.locator("li.event h3").all_inner_texts()
    assert hidden.headline not in published.inner_text("body") and hidden.headline not in scene["headlines"]
    assert blocked == [] and errors == []
    published.context.close()


LABEL_BOXES = """() => [...document.querySelectorAll('#timeline-chart g.role-mark text')].filter(t => t.textContent)
  .map(t => { const r = t.getBoundingClientRect(); return [t.textContent, r.left, r.top, r.right, r.bottom]; })"""


def _overlaps(boxes: list) -> list[tuple[str, str]]:
    return [(a[0], b[0]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if min(a[3], b[3]) - max(a[1], b[1]) > 0.5 and min(a[4], b[4]) - max(a[2], b[2]) > 0.5]


@pytest.mark.corpus
def test_the_published_chart_is_laid_out_for_a_phone_and_a_wide_screen(browser, tmp_path, seed, screenshots) -> None:
    """Laid out for 900 px only, the chart's labels ran over each other on a 375 px phone (and a 1,600 px screen
    left it in a 1,024 px column). Now the page draws the layout that fits its box, again after a resize."""
    if not SILVER.is_dir():
        pytest.skip("../shared/data/te3-silver is absent")
    doc = timeline.read_timeml(SILVER / "AFP_ENG_19970401.0006.tml")
    page_file = render(tmp_path, [seed, timeline.extract(doc.text, published=doc.published, name=doc.doc_id)])
    page, blocked, errors = open_offline(browser, page_file, viewport={"width": 375, "height": 800})
    box = page.locator("#timeline-chart")
    assert box.get_attribute("data-layout-width") == "320"
    boxes = page.evaluate(LABEL_BOXES)
    assert boxes and _overlaps(boxes) == [], _overlaps(boxes)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375  # nothing wider than the phone
    page.screenshot(path=screenshots / "published-phone.png", full_page=True)
    page.set_viewport_size({"width": 820, "height": 900})  # a tablet: its own layout, not the phone's cut labels
    page.wait_for_function("document.getElementById('timeline-chart').getAttribute('data-layout-width') === '600'")
    page.locator("#timeline-chart svg").wait_for()
    boxes = page.evaluate(LABEL_BOXES)
    assert boxes and _overlaps(boxes) == [], _overlaps(boxes)
    page.set_viewport_size({"width": 1600, "height": 900})
    page.wait_for_function("document.getElementById('timeline-chart').getAttribute('data-layout-width') === '900'")
    page.locator("#timeline-chart svg").wait_for()
    assert box.bounding_box()["width"] >= 1300  # beside the 64rem text column, the chart takes the screen's width
    boxes = page.evaluate(LABEL_BOXES)
    assert boxes and _overlaps(boxes) == []
    page.screenshot(path=screenshots / "published-wide.png", full_page=True)
    assert blocked == [] and errors == []
    page.context.close()
