"""How fast an edit reaches the chart: prints figures, asserts nothing.

    python -m benchmarks.curation [--events 500] [--repeat 9]

Writes a timeline file of --events events (benchmarks.dashboard's synthetic chronicle, extracted once, its
event list cut to exactly that many), opens it with `streamlit run dashboard.py` (TIMELINE_OPEN, as
`-- --open FILE`) in headless Chromium, then times, from the click until the chart shows it:
  - Hide on the selected event -> one mark fewer;
  - Undo -> the mark back;
  - Apply on an edited headline -> a mark whose ARIA label holds the new headline.
and, as a baseline in the same run, a keyword typed in the sidebar filter -> the chart redrawn (a rerun
the page had before curation existed). Each figure is wall-clock time in the browser (the server's script
run, the transfer and Vega's redraw); beside it the server's CPU seconds for the action (/proc), which the
machine's load does not inflate as much.
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
_PID: list[int] = []


def server_cpu() -> float:
    """CPU seconds (user + system) the dashboard server has used so far."""
    fields = Path(f"/proc/{_PID[0]}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Timer:
    """Wall-clock seconds (appended to `wall`) and server CPU seconds (to `cpu`) of the block."""

    def __init__(self, wall: list[float], cpu: list[float]) -> None:
        self.wall, self.cpu = wall, cpu

    def __enter__(self) -> Timer:
        self.started, self.cpu_started = time.perf_counter(), server_cpu()
        return self

    def __exit__(self, *exc) -> None:
        self.wall.append(time.perf_counter() - self.started)
        self.cpu.append(server_cpu() - self.cpu_started)


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
    button = page.get_by_role("button", name="Hide", exact=True)
    while button.count() != 1:  # a rerun may still show the previous event's panel beside the new one
        page.wait_for_timeout(100)
    settle(page)


def hide_and_undo(page, n: int, repeat: int, figures: dict) -> None:
    for attempt in range(repeat):
        select(page, 3 + attempt * 7)
        with Timer(*figures["hide -> mark gone"]):
            page.get_by_role("button", name="Hide", exact=True).click()
            wait_count(page, n - 1)
        settle(page)
        with Timer(*figures["undo -> mark back"]):
            page.get_by_role("button", name="Undo", exact=True).first.click()
            wait_count(page, n)
        settle(page)
        keyword_filter(page, n, figures)


def keyword_filter(page, n: int, figures: dict) -> None:
    """The baseline: a keyword in the sidebar filter, then cleared; each until the marks change."""
    box = page.locator('[data-testid="stSidebar"]').get_by_label("Sentence contains")
    for word in ("council", ""):
        box.fill(word)
        with Timer(*figures["keyword filter -> chart (baseline)"]):
            box.press("Enter")
            page.wait_for_function("([sel, n, full]) => (document.querySelectorAll(sel).length === n) === full",
                                   arg=[MARKS, n, word == ""], timeout=120_000)
        settle(page)


def edit_headlines(page, repeat: int, figures: dict) -> None:
    for attempt in range(repeat):
        select(page, 5 + attempt * 11)
        expander = page.locator('[data-testid="stExpander"]').filter(has_text="Edit this event")
        page.wait_for_function(  # a rerun may still show the previous event's editor beside the new one
            "() => [...document.querySelectorAll('[data-testid=\"stExpander\"]')]"
            ".filter(e => e.textContent.includes('Edit this event')).length === 1", timeout=60_000)
        box = expander.get_by_label("What happened")
        apply = expander.get_by_role("button", name="Apply")
        headline = f"Benchmark headline {attempt}"
        for _ in range(20):  # a rerun under load may draw the expander closed again: open it until it stays
            if not box.is_visible():
                expander.get_by_text("Edit this event").click()
                page.wait_for_timeout(500)
                continue
            if box.input_value() != headline:
                box.fill(headline)
                box.press("Enter")
                settle(page)
                continue
            if apply.is_visible():
                break
        with Timer(*figures["edit headline (Apply) -> label on the mark"]):
            apply.click()
            page.wait_for_function(
                "([sel, text]) => [...document.querySelectorAll(sel)].some(e => (e.getAttribute('aria-label') || '')"
                ".includes(text))", arg=[MARKS, headline], timeout=120_000)
        settle(page)


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
        _PID.append(process.pid)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                page.set_default_timeout(120_000)
                page.goto(f"http://127.0.0.1:{port}")
                wait_count(page, args.events)
                settle(page)
                print(f"{args.events} events on the chart; load average {os.getloadavg()[0]:.2f}")
                names = ("hide -> mark gone", "undo -> mark back", "edit headline (Apply) -> label on the mark",
                         "keyword filter -> chart (baseline)")
                figures = {name: ([], []) for name in names}
                hide_and_undo(page, args.events, args.repeat, figures)
                edit_headlines(page, args.repeat, figures)
                for name, (wall, cpu) in figures.items():
                    report(name, wall)
                    print(f"  {'':<44} server CPU median {statistics.median(cpu) * 1000:6.0f} ms")
                print(f"load average after {os.getloadavg()[0]:.2f}")
                browser.close()
        finally:
            process.terminate()
            process.wait(timeout=20)


if __name__ == "__main__":
    main()
