"""How fast an edit reaches the chart: prints figures, asserts nothing.

    python -m benchmarks.curation [--events 500] [--repeat 9]

Writes a timeline file of --events events (benchmarks.dashboard's synthetic chronicle, extracted once, its
event list cut to exactly that many), opens it with `streamlit run dashboard.py` (TIMELINE_OPEN, as
`-- --open FILE`) in headless Chromium, then times, from the click until the chart shows it:
  - Hide on the selected event -> one mark fewer;
  - Undo -> the mark back;
  - Apply on an edited headline -> a mark whose ARIA label holds the new headline.
Each figure is wall-clock time in the browser (the server's script run, the transfer and Vega's redraw).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import timeline  # noqa: E402
from benchmarks.dashboard import CHROMIUM_ARGS, free_port, report, start_server, synthetic_article  # noqa: E402

MARKS = ".vega-embed g.spans_marks > path, .vega-embed g.points_marks > path"


def write_file(folder: Path, events: int) -> Path:
    """A timeline file holding exactly `events` events of the synthetic chronicle."""
    text = synthetic_article(int(events * 1.25) + 10)
    extracted = timeline.extract(text, date(2021, 4, 7), name="chronicle.txt")
    if len(extracted.events) < events:
        raise SystemExit(f"the chronicle gave only {len(extracted.events)} events")
    from dataclasses import replace

    cut = replace(extracted, events=extracted.events[:events])
    path = folder / f"chronicle-{events}.timeline.json"
    path.write_text(timeline.dump_timeline_file(timeline.timeline_file([cut])), encoding="utf-8")
    return path


def count(page) -> int:
    return page.locator(MARKS).count()


def wait_count(page, n: int) -> None:
    page.wait_for_function(f"sel => document.querySelectorAll(sel).length === {n}", arg=MARKS, timeout=120_000)


def settle(page) -> None:
    page.wait_for_timeout(300)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=120_000)


def select(page, index: int) -> None:
    """Click the index-th day mark, and wait for its panel's Hide button."""
    page.locator(".vega-embed g.points_marks > path").nth(index).click()
    page.get_by_role("button", name="Hide", exact=True).wait_for(timeout=120_000)
    settle(page)


def hide_and_undo(page, n: int, repeat: int) -> tuple[list[float], list[float]]:
    hides, undos = [], []
    for attempt in range(repeat):
        select(page, 3 + attempt * 7)
        started = time.perf_counter()
        page.get_by_role("button", name="Hide", exact=True).click()
        wait_count(page, n - 1)
        hides.append(time.perf_counter() - started)
        settle(page)
        started = time.perf_counter()
        page.get_by_role("button", name="Undo", exact=True).click()
        wait_count(page, n)
        undos.append(time.perf_counter() - started)
        settle(page)
    return hides, undos


def edit_headlines(page, repeat: int) -> list[float]:
    figures = []
    for attempt in range(repeat):
        select(page, 5 + attempt * 11)
        expander = page.locator('[data-testid="stExpander"]').filter(has_text="Edit this event")
        expander.get_by_text("Edit this event").click()
        box = expander.get_by_label("What happened")
        headline = f"Benchmark headline {attempt}"
        box.fill(headline)
        box.press("Enter")
        settle(page)
        started = time.perf_counter()
        expander.get_by_role("button", name="Apply").click()
        page.wait_for_function(
            "([sel, text]) => [...document.querySelectorAll(sel)].some(e => (e.getAttribute('aria-label') || '')"
            ".includes(text))", arg=[MARKS, headline], timeout=120_000)
        figures.append(time.perf_counter() - started)
        settle(page)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    os.chdir(ROOT)
    with tempfile.TemporaryDirectory() as work:
        path = write_file(Path(work), args.events)
        port = free_port()
        process, _ = start_server(port, env={**os.environ, "TIMELINE_OPEN": str(path)})
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                page.set_default_timeout(120_000)
                page.goto(f"http://127.0.0.1:{port}")
                wait_count(page, args.events)
                settle(page)
                print(f"{args.events} events on the chart; load average {os.getloadavg()[0]:.2f}")
                hides, undos = hide_and_undo(page, args.events, args.repeat)
                edits = edit_headlines(page, args.repeat)
                report("hide -> mark gone", hides)
                report("undo -> mark back", undos)
                report("edit headline (Apply) -> label on the mark", edits)
                all_figures = hides + undos + edits
                print(f"  all edits: median {statistics.median(all_figures) * 1000:.0f} ms; "
                      f"load average after {os.getloadavg()[0]:.2f}")
                browser.close()
        finally:
            process.terminate()
            process.wait(timeout=20)


if __name__ == "__main__":
    main()
