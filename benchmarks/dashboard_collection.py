"""How fast the dashboard answers on a big collection store: prints figures, asserts nothing.

    python -m benchmarks.dashboard_collection [--store STORE] [--events 1000000] [--repeat 6]

Without --store it makes one as benchmarks/collections.py does: builds ../shared/data/te3-silver
(2 workers), then repeats its events, shifted by whole years over 1950-2049, into a store of about
--events events (benchmarks.collections.synthetic_store). Then, against `streamlit run dashboard.py`
opened on that store in headless Chromium:
  - page open -> aggregated bars drawn;
  - year-slider keypress -> bars redrawn (each step a year range not seen before: DuckDB answers,
    nothing comes from the cache), and the same steps again (cached);
  - click on a bar -> its events listed (the table shows);
and, server side only (AppTest), one script run after a year-filter change, cold and cached,
beside the DuckDB query that run makes (count_by_period: the bars, whose sum is the events in view).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.dashboard import (  # noqa: E402
    CHROMIUM_ARGS,
    SIGNATURE_JS,
    free_port,
    report,
    start_server,
    timed,
    wait_chart_changed,
)

BARS = ".vega-embed g.bins_marks > path"
TE3 = ROOT.parent / "shared" / "data" / "te3-silver"


def make_store(work: Path, events: int) -> Path:
    """A store of about `events` events made from te3-silver (see benchmarks.collections)."""
    from benchmarks.collections import run_build, synthetic_store

    te3, big = work / "te3", work / f"events-{events}"
    if not (big / "manifest.json").exists():
        if not (te3 / "manifest.json").exists():
            print(f"building {TE3} into {te3} (2 workers)...", flush=True)
            run_build([str(TE3)], te3, 2)
        print(f"writing {events:,} events into {big}...", flush=True)
        synthetic_store(te3, big, events)
    return big


def year_steps(page, tries: int, key: str = "ArrowRight") -> list[float]:
    """Move the lower year thumb `tries` times with `key`; seconds from each keypress until the bars change.

    ArrowRight narrows to new ranges (real queries); ArrowLeft goes back over ranges just seen (cached)."""
    thumb = page.locator('[data-testid="stSlider"] input[type="range"]').first
    figures = []
    for _ in range(tries):
        thumb.focus()
        before = page.evaluate(SIGNATURE_JS)
        figures.append(timed(lambda: page.keyboard.press(key), lambda b=before: wait_chart_changed(page, b)))
        page.wait_for_timeout(400)  # let the rerun settle before the next step
    return figures


def browser_figures(store: Path, repeat: int) -> None:
    from playwright.sync_api import sync_playwright

    os.environ["TIMELINE_STORE"] = str(store)
    port = free_port()
    process, health = start_server(port)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(120_000)
            first = timed(
                lambda: page.goto(f"http://127.0.0.1:{port}/"),
                lambda: page.wait_for_function(f"() => document.querySelectorAll('{BARS}').length > 0"),
            )
            events = page.locator('[data-testid="stMetricValue"]').nth(1).inner_text()
            print(f"Browser (headless Chromium), store {store} ({events} events)")
            report("server start -> health ok", [health])
            report("page open -> bars drawn (cold store)", [first])
            page.wait_for_timeout(500)
            report("year key -> bars redrawn (new range)", year_steps(page, repeat))
            report("year key -> bars redrawn (cached range)", year_steps(page, repeat, "ArrowLeft"))
            bars = page.locator(BARS)
            clicks = []
            for i in range(min(repeat, bars.count())):
                bar = bars.nth(bars.count() // 2 + i)
                heading = page.locator("h3").filter(has_text=" events in ")
                before = heading.first.inner_text() if heading.count() else ""
                clicks.append(
                    timed(
                        lambda b=bar: b.click(),
                        lambda b=before: page.wait_for_function(
                            "b => [...document.querySelectorAll('h3')].some(h => h.innerText.includes(' events in ')"
                            " && h.innerText !== b) && document.querySelector('[data-testid=\"stDataFrame\"]')",
                            arg=b,
                        ),
                    )
                )
                page.wait_for_timeout(400)
            report("click a bar -> its events listed", clicks)
            browser.close()
    finally:
        process.terminate()
        process.wait(timeout=20)


def server_figures(store: Path, repeat: int) -> None:
    from streamlit.testing.v1 import AppTest

    from timeline.collection import count_by_period, open_store

    sys.argv = ["dashboard.py", "--store", str(store)]
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300)
    first = timed(at.run, lambda: None)
    (slider,) = [s for s in at.slider if s.key.startswith("c_years:")]
    lo, hi = slider.value
    cold, warm = [], []
    for step in range(1, repeat + 1):
        cold.append(timed(lambda s=step: slider.set_value((lo + s, hi)).run(), lambda: None))
    for step in range(1, repeat + 1):
        warm.append(timed(lambda s=step: slider.set_value((lo + s, hi)).run(), lambda: None))
    assert not at.exception, [e.message for e in at.exception]
    print("Server side (AppTest: one script run, no browser)")
    report("first run (opens the store)", [first])
    report("year filter change -> script done (new range)", cold)
    report("year filter change -> script done (cached)", warm)
    store_ = open_store(store)
    queries = []
    for step in range(repeat):
        years = (lo + 20 + step, hi)  # ranges no run above has asked for
        started = time.perf_counter()
        count_by_period(store_, years=years, period="year")
        queries.append(time.perf_counter() - started)
    report("DuckDB alone: count_by_period (new range)", queries)
    print(f"  ({store_.n_events:,} events; median {statistics.median(queries) * 1000:.0f} ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, help="an existing store (default: make one)")
    parser.add_argument(
        "--events", type=int, default=1_000_000, help="events in the store made without --store"
    )
    parser.add_argument("--workdir", type=Path, help="where to make the store (default: a temporary folder)")
    parser.add_argument("--repeat", type=int, default=6, help="filter steps and clicks to time")
    args = parser.parse_args()
    os.chdir(ROOT)
    print(f"(load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores)")
    with tempfile.TemporaryDirectory(prefix="timeline-dash-") as temp:
        store = args.store or make_store(args.workdir or Path(temp), args.events)
        browser_figures(store, args.repeat)
        server_figures(store, args.repeat)
    print(f"(load average after: {os.getloadavg()[0]:.2f})")


if __name__ == "__main__":
    main()
