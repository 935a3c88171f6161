"""The published page: its size and the time to make it and to draw it. Prints figures, asserts nothing.

    python -m benchmarks.publish [--runs 5] [--no-browser]

Cases: the bundled article (7 events); 10 and 40 te3-silver articles (when ../shared is there); 500
hand-made events over 20 years. For each: the page's size, render_html's CPU time (median of --runs, after
a first call that also builds the inlined Vega bundle, timed apart), and, in headless Chromium opening the
file from disk with every request aborted, the wall time from navigation until the chart is drawn
(median of 3). Only the public API (`timeline.__all__`) is used.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from timeline import Document, Event, Span, Timeline, extract, interval, read_timeml, render_html

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "us-iraq-withdrawal-2021-04-07.txt"
TE3 = ROOT.parent / "shared" / "data" / "te3-silver"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def seed() -> list[Timeline]:
    return [extract(SEED.read_text(encoding="utf-8"), published=date(2021, 4, 7), name=SEED.name)]


def te3(count: int) -> list[Timeline]:
    paths = sorted(TE3.glob("*.tml"))[:count]
    return [extract(doc.text, published=doc.published, name=path.name)
            for path in paths for doc in [read_timeml(path)]]


def synthetic(count: int) -> list[Timeline]:
    """`count` day events spread over 20 years, each with its own headline and sentence."""
    events = []
    for i in range(count):
        day = date(2001, 1, 1) + timedelta(days=i * 7300 // count)
        value = day.isoformat()
        granularity, start, end = interval(value)
        sentence = f"Event number {i} happened on {value} in the town of Example."
        at = sentence.index(value)
        events.append(Event(i, value, granularity, start, end, f"Event number {i} happened", f"Event {i}", None,
                            sentence, 0, len(sentence), value, at, at + len(value), (Span(at, at + len(value)),)))
    return [Timeline(Document(text="", name="synthetic.txt", dateline=None), events=tuple(events))]


def cpu(fn) -> tuple[float, object]:
    start = time.process_time()
    result = fn()
    return time.process_time() - start, result


def _only(uri: str):
    """A route handler letting through `uri` alone."""
    def handle(route) -> None:
        route.continue_() if route.request.url == uri else route.abort()
    return handle


def browser_ms(pages: list[Path], repeats: int = 3) -> list[float]:
    """Median wall ms from navigation to a drawn chart, per page, every request but the file aborted."""
    from playwright.sync_api import sync_playwright

    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
    medians = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=args)
        for path in pages:
            times = []
            for _ in range(repeats):
                page = browser.new_page()
                page.route("**/*", _only(path.as_uri()))
                start = time.perf_counter()
                page.goto(path.as_uri())
                page.wait_for_selector("body[data-chart='ready']", timeout=120_000)
                times.append((time.perf_counter() - start) * 1000)
                page.close()
            medians.append(statistics.median(times))
        browser.close()
    return medians


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()

    cases = [("bundled article", seed)]
    if TE3.is_dir():
        cases += [("te3-silver, 10 articles", lambda: te3(10)), ("te3-silver, 40 articles", lambda: te3(40))]
    cases.append(("500 synthetic events", lambda: synthetic(500)))

    first, _ = cpu(lambda: render_html(seed()[:1]))
    print(f"load average {os.getloadavg()[0]:.1f}; first render (builds the Vega bundle once): {first:.2f} s CPU")
    folder = Path(tempfile.mkdtemp(prefix="publish-bench-"))
    rows, pages = [], []
    for name, make in cases:
        timelines = make()
        events = sum(len(t.events) for t in timelines)
        times = []
        for _ in range(args.runs):
            seconds, page = cpu(lambda t=timelines: render_html(t))
            times.append(seconds)
        path = folder / f"{len(pages)}.html"
        path.write_text(page, encoding="utf-8")
        pages.append(path)
        rows.append((name, len(timelines), events, len(page.encode("utf-8")), statistics.median(times) * 1000))
    drawn = [None] * len(pages) if args.no_browser else browser_ms(pages)
    print("| case | articles | events | page size | render_html (CPU, median) | opened offline -> chart drawn |")
    print("|---|--:|--:|--:|--:|--:|")
    for (name, articles, events, size, ms), shown in zip(rows, drawn, strict=True):
        browser = f"{shown:,.0f} ms" if shown is not None else "–"
        print(f"| {name} | {articles} | {events} | {size / 1000:,.0f} kB | {ms:,.0f} ms | {browser} |")
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
