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
  - keyword typed + Enter -> bars redrawn, and -> the script run finished (key dates listed too), for
    keywords not asked before (--keywords);
and, server side only (AppTest), one script run after a year-filter change and after a keyword change,
beside the DuckDB queries those runs make (count_by_period: the bars; key_dates: the topic timeline, when
the code has it), in CPU milliseconds of this process (DuckDB's threads included) and wall milliseconds.
Run it on the code before a change and after (the same --store format each code reads) for before/after.
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
KEYWORD_INPUT = ".st-key-c_keyword input"
RUNNING = '[data-testid="stStatusWidget"]'  # shown while a script run is in progress
KEYWORDS = "president,minister,police,government,bank,election"
TE3 = ROOT.parent / "shared" / "data" / "te3-silver"
KEY_DATES_PENDING = "Finding the dates most reported in view"  # app.collection_page.KEY_DATES_PENDING


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


def wait_run_finished(page) -> None:
    """Until Streamlit's "Running..." widget is gone and the key dates are listed (since 2026-12-02 they follow
    in a run of their own once the bars are drawn: their placeholder is gone)."""
    page.wait_for_timeout(50)
    page.wait_for_function(f"() => !document.querySelector('{RUNNING}')", timeout=120_000)
    page.wait_for_function("t => !document.body.innerText.includes(t)", arg=KEY_DATES_PENDING, timeout=120_000)
    page.wait_for_function(f"() => !document.querySelector('{RUNNING}')", timeout=120_000)


def keyword_steps(page, words: list[str]) -> tuple[list[float], list[float]]:
    """Type each keyword and press Enter: seconds until the bars change, and until the run is over."""
    redrawn, finished = [], []
    box = page.locator(KEYWORD_INPUT).first
    for word in words:
        before = page.evaluate(SIGNATURE_JS)
        box.fill(word)
        started = time.perf_counter()
        box.press("Enter")
        wait_chart_changed(page, before)
        redrawn.append(time.perf_counter() - started)
        wait_run_finished(page)
        finished.append(time.perf_counter() - started)
        page.wait_for_timeout(400)
    return redrawn, finished


def browser_figures(store: Path, repeat: int, keywords: list[str] | None = None) -> None:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
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
                heading = page.locator("h2, h3").filter(has_text=" events in ")  # the bar's header
                before = heading.first.inner_text() if heading.count() else ""
                try:
                    clicks.append(
                        timed(
                            lambda b=bar: b.click(),
                            lambda b=before: page.wait_for_function(
                                "b => [...document.querySelectorAll('h2, h3')].some(h => h.innerText.includes(' events in ')"
                                " && h.innerText !== b) && document.querySelector('[data-testid=\"stDataFrame\"]')",
                                arg=b, timeout=30_000,
                            ),
                        )
                    )
                except PlaywrightTimeout:  # the click hit the lighter (spread) layer, which lists nothing
                    print("  (a click on a bar listed nothing within 30 s: skipped)", flush=True)
                page.wait_for_timeout(400)
            report("click a bar -> its events listed", clicks)
            if keywords:
                redrawn, finished = keyword_steps(page, keywords)
                report("keyword + Enter -> bars redrawn (new keyword)", redrawn)
                report("keyword + Enter -> run finished (new keyword)", finished)
            browser.close()
    finally:
        process.terminate()
        process.wait(timeout=20)


def query_figures(store: Path, keywords: list[str], repeat: int) -> None:
    """The DuckDB queries behind one redraw, alone: CPU and wall milliseconds, medians over new filters."""
    import timeline.collection as collection

    opened = collection.open_store(store)
    info = collection.summary(opened)
    lo, hi = info["first_event"].year, info["last_event"].year
    topic = getattr(collection, "key_dates", None)

    steps = {"bars (count_by_period)": lambda f: collection.count_by_period(opened, period="year", **f)}
    if hasattr(collection, "count_bars"):  # what the page runs since 2026-12-02: counts and spread, one scan
        steps["bars and spread (count_bars)"] = lambda f: collection.count_bars(opened, period="year", **f)
    if topic is not None:
        steps["key dates (key_dates, n=10)"] = lambda f: topic(opened, n=10, **f)
    cases = {
        "year filter (new range)": [{"years": (lo + 20 + i, hi)} for i in range(repeat)],
        "keyword (new word)": [{"keyword": w} for w in keywords],
    }
    print(f"Queries alone ({opened.n_events:,} events), CPU ms of this process (DuckDB threads included)")
    for label, filters in cases.items():
        for name, step in steps.items():
            cpu = []
            for f in filters:
                started = time.process_time()
                step(f)
                cpu.append(1000 * (time.process_time() - started))
            print(f"  {label}, {name}: median {statistics.median(cpu):.0f} ms (range {min(cpu):.0f}-{max(cpu):.0f})")


def server_figures(store: Path, repeat: int, keywords: list[str] | None = None) -> None:
    from streamlit.testing.v1 import AppTest

    from timeline.collection import count_by_period, open_store

    sys.argv = ["dashboard.py", "--store", str(store)]
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300)
    # As after a browser's first frame: the whole page on every run (app/progressive.py's session key; without
    # it AppTest, which draws no chart, would time the chart-only first run again and again).
    at.session_state["_first_frame_drawn"] = True
    first = timed(at.run, lambda: None)
    # A plain slider up to a century of years, a select slider (coarser stops) beyond: app/widgets.year_slider.
    (slider,) = [s for s in [*at.slider, *at.select_slider] if s.key.startswith("c_years:")]
    lo, hi = slider.value
    cold, warm = [], []
    for step in range(1, repeat + 1):
        cold.append(timed(lambda s=step: slider.set_value((lo + s, hi)).run(), lambda: None))
    for step in range(1, repeat + 1):
        warm.append(timed(lambda s=step: slider.set_value((lo + s, hi)).run(), lambda: None))
    typed = []
    for word in keywords or []:
        box = [t for t in at.text_input if t.key == "c_keyword"][0]
        typed.append(timed(lambda b=box, w=word: b.input(w).run(), lambda: None))
    assert not at.exception, [e.message for e in at.exception]
    print("Server side (AppTest: one script run, no browser)")
    report("first run (opens the store)", [first])
    report("year filter change -> script done (new range)", cold)
    report("year filter change -> script done (cached)", warm)
    if typed:
        report("keyword change -> script done (new keyword, years narrowed as above)", typed)
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
    parser.add_argument("--keywords", default=KEYWORDS, help="comma-separated keywords to type, each once")
    parser.add_argument("--skip-browser", action="store_true", help="server-side and query figures only")
    parser.add_argument("--queries-only", action="store_true", help="the DuckDB queries alone, nothing else")
    args = parser.parse_args()
    keywords = [k for k in args.keywords.split(",") if k]
    os.chdir(ROOT)
    print(f"(load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores)")
    with tempfile.TemporaryDirectory(prefix="timeline-dash-") as temp:
        store = args.store or make_store(args.workdir or Path(temp), args.events)
        query_figures(store, keywords, args.repeat)
        if args.queries_only:
            return
        if not args.skip_browser:
            browser_figures(store, args.repeat, keywords)
        server_figures(store, args.repeat, keywords[::-1])
        query_figures(store, [k + "s" for k in keywords], args.repeat)  # again, other words: after the load above
    print(f"(load average after: {os.getloadavg()[0]:.2f})")


if __name__ == "__main__":
    main()
