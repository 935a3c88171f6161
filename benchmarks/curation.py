"""How fast an edit reaches the chart: prints figures, asserts nothing.

    python -m benchmarks.curation [--events 500] [--repeat 9] [--before DIR] [--key-events]
    python -m benchmarks.curation --server [--before DIR]     # server CPU only (AppTest), no browser

Writes a timeline file of --events events (benchmarks.dashboard's synthetic chronicle, extracted once, its
event list cut to exactly that many), opens it with `streamlit run dashboard.py` (TIMELINE_OPEN, as
`-- --open FILE`) in headless Chromium, turns "Key events only" off (every event is drawn; `--key-events`
keeps it on, as the page opens: 25 marks, every event in the table), then times, from the click until the
chart shows it:
  - Hide on the selected event -> its mark gone;
  - Undo -> its mark back;
  - Apply on an edited headline -> a mark whose ARIA label holds the new headline.
and, as a baseline in the same run, a keyword typed in the sidebar filter -> the chart redrawn (a rerun
the page had before curation existed). Each figure is wall-clock time in the browser (the server's script
run, the transfer and Vega's redraw); beside it the server's CPU seconds for the action (/proc), which the
machine's load does not inflate as much.

`--before DIR` serves another checkout (e.g. `git archive` of an older commit) too, on its own server with
its own page; every action alternates between the two, so both are measured under the same load.
`--server` replays the same actions through Streamlit's AppTest and reports `time.process_time` per
script run (what the server spends, without the browser or the transfer).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import timeline  # noqa: E402
from benchmarks.dashboard import CHROMIUM_ARGS, free_port, report, start_server, synthetic_article  # noqa: E402

MARKS = ".vega-embed g.spans_marks > path, .vega-embed g.points_marks > path"
ACTIONS = ("hide -> mark gone", "undo -> mark back", "edit headline (Apply) -> label on the mark",
           "keyword filter -> chart (baseline)")


def server_cpu(pid: int) -> float:
    """CPU seconds (user + system) the process `pid` has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class Served:
    """One checkout's server and the browser page on it, with its figures: action -> (wall, cpu) seconds."""

    name: str
    pid: int
    page: object = None
    figures: dict[str, tuple[list[float], list[float]]] = field(
        default_factory=lambda: {name: ([], []) for name in ACTIONS})


class Timer:
    """Wall-clock seconds and server CPU seconds of the block, appended to `served.figures[action]`."""

    def __init__(self, served: Served, action: str) -> None:
        self.served, self.action = served, action

    def __enter__(self) -> Timer:
        self.started, self.cpu_started = time.perf_counter(), server_cpu(self.served.pid)
        return self

    def __exit__(self, *exc) -> None:
        wall, cpu = self.served.figures[self.action]
        wall.append(time.perf_counter() - self.started)
        cpu.append(server_cpu(self.served.pid) - self.cpu_started)


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


def wait_count(page, n: int) -> None:
    page.wait_for_function(f"sel => document.querySelectorAll(sel).length === {n}", arg=MARKS, timeout=120_000)


def settle(page) -> None:
    page.wait_for_timeout(300)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=120_000)


def all_marks(page, n: int) -> None:
    """Turn "Key events only" off (it is on above 40 events), so the chart draws all `n` events."""
    page.get_by_test_id("stCheckbox").get_by_text("Key events only", exact=True).click()
    wait_count(page, n)
    settle(page)


def select(page, index: int) -> str:
    """Click the index-th day mark (counted round), wait for its panel's Hide button; its ARIA label."""
    points = page.locator(".vega-embed g.points_marks > path")
    mark = points.nth(index % points.count())
    label = mark.get_attribute("aria-label") or ""
    for attempt in range(3):  # a click that lands while a rerun redraws the chart may be lost: click again
        mark.click()
        try:
            one_button(page, "Hide", timeout=20.0)
            break
        except TimeoutError:
            if attempt == 2:
                raise
    settle(page)
    return label


def one_button(page, name: str, timeout: float = 120.0):
    """The button `name` once the page shows exactly one (a rerun may still show the previous event's panel
    beside the new one); TimeoutError after `timeout` seconds."""
    button = page.get_by_role("button", name=name, exact=True)
    deadline = time.monotonic() + timeout
    while button.count() != 1:
        if time.monotonic() > deadline:
            raise TimeoutError(f"{button.count()} buttons named {name!r}")
        page.wait_for_timeout(100)
    return button


def wait_mark(page, label: str, present: bool) -> None:
    """Until a mark with this ARIA label is drawn (or none is): with *Key events only*, hiding a key event
    draws another in its place, so the count of marks does not change."""
    page.wait_for_function("([sel, label, present]) => [...document.querySelectorAll(sel)]"
                           ".some(e => e.getAttribute('aria-label') === label) === present",
                           arg=[MARKS, label, present], timeout=120_000)


def hide_and_undo(served: Served, n: int, attempt: int) -> None:
    page = served.page
    page.bring_to_front()  # the page in front: a page behind it may have its drawing held back
    label = select(page, 3 + attempt * 7)
    hide = one_button(page, "Hide")
    with Timer(served, ACTIONS[0]):
        hide.click()
        wait_mark(page, label, present=False)
    settle(page)
    with Timer(served, ACTIONS[1]):
        page.get_by_role("button", name="Undo", exact=True).first.click()
        wait_mark(page, label, present=True)
    settle(page)
    wait_count(page, n)


LABELS_JS = "sel => [...document.querySelectorAll(sel)].map(e => e.getAttribute('aria-label')).join('\\n')"


def keyword_filter(served: Served, n: int) -> None:
    """The baseline: a keyword in the sidebar filter, then cleared; each until the marks drawn change (and, once
    cleared, are the first ones again)."""
    page = served.page
    page.bring_to_front()
    box = page.locator('[data-testid="stSidebar"]').get_by_role("textbox", name="Words")
    first = page.evaluate(LABELS_JS, MARKS)
    for word in ("council", ""):
        box.fill(word)
        with Timer(served, ACTIONS[3]):
            box.press("Enter")
            page.wait_for_function(f"([sel, first, back]) => (({LABELS_JS})(sel) === first) === back",
                                   arg=[MARKS, first, word == ""], timeout=120_000)
        settle(page)
    wait_count(page, n)


def edit_headline(served: Served, attempt: int) -> None:
    page = served.page
    page.bring_to_front()  # the page in front: a page behind it may have its drawing held back
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
    with Timer(served, ACTIONS[2]):
        apply.click()
        page.wait_for_function(
            "([sel, text]) => [...document.querySelectorAll(sel)].some(e => (e.getAttribute('aria-label') || '')"
            ".includes(text))", arg=[MARKS, headline], timeout=120_000)
    settle(page)


def print_figures(all_served: list[Served]) -> None:
    for served in all_served:
        print(f"\n{served.name}:")
        for name, (wall, cpu) in served.figures.items():
            report(name, wall)
            if cpu:
                print(f"  {'':<44} server CPU median {statistics.median(cpu) * 1000:6.0f} ms")
    if len(all_served) == 2:
        print("\nafter / before (medians, same run):")
        after, before = all_served
        for name in ACTIONS:
            (wa, ca), (wb, cb) = after.figures[name], before.figures[name]
            if wa and wb:
                print(f"  {name:<44} wall x{statistics.median(wa) / statistics.median(wb):.2f}"
                      f"  server CPU x{statistics.median(ca) / max(statistics.median(cb), 1e-9):.2f}")


def browser_run(path: Path, roots: list[tuple[str, Path]], events: int, repeat: int, key_events: bool) -> None:
    from playwright.sync_api import sync_playwright

    processes, all_served = [], []
    try:
        for name, root in roots:
            env = {**os.environ, "TIMELINE_OPEN": str(path), "PYTHONPATH": str(root)}
            process, _ = start_server(port := free_port(), env=env, root=root)
            processes.append(process)
            all_served.append(Served(name, process.pid, f"http://127.0.0.1:{port}"))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for served in all_served:
                url, served.page = served.page, browser.new_page(viewport={"width": 1400, "height": 1000})
                served.page.set_default_timeout(120_000)
                served.page.goto(url)
                if key_events:  # the page as it opens: the key events drawn, every event in the table
                    served.page.get_by_test_id("stCheckbox").get_by_text("Key events only", exact=True).wait_for()
                    settle(served.page)
                else:
                    all_marks(served.page, events)
            drawn = all_served[0].page.locator(MARKS).count()
            print(f"{events} events, {drawn} on the chart; load average "
                  f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
            for attempt in range(repeat):  # every action alternates between the checkouts, in a rotating order
                order = all_served if attempt % 2 == 0 else all_served[::-1]
                for served in order:
                    hide_and_undo(served, drawn, attempt)
                for served in order:
                    keyword_filter(served, drawn)
                for served in order:
                    edit_headline(served, attempt)
            browser.close()
        print_figures(all_served)
        print(f"load average after {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=20)


def server_run(path: Path, roots: list[tuple[str, Path]], repeat: int) -> None:
    """Each checkout's script-run CPU per action, through AppTest (in a child process per checkout, so each
    imports its own code), alternating checkouts round by round."""
    import json
    import subprocess

    results: dict[str, dict[str, list[float]]] = {name: {} for name, _ in roots}
    for attempt in range(repeat):
        for name, root in (roots if attempt % 2 == 0 else roots[::-1]):
            out = subprocess.run([sys.executable, "-m", "benchmarks.curation", "--server-child", str(path)],
                                 cwd=root, env={**os.environ, "PYTHONPATH": str(root), "TIMELINE_OPEN": str(path)},
                                 capture_output=True, text=True, check=True).stdout
            for action, seconds in json.loads(out.strip().splitlines()[-1]).items():
                results[name].setdefault(action, []).extend(seconds)
    for name, figures in results.items():
        print(f"\n{name} (script-run CPU, AppTest):")
        for action, seconds in figures.items():
            print(f"  {action:<44} median {statistics.median(seconds) * 1000:6.0f} ms  (n={len(seconds)})")
    print(f"load average after {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def server_child() -> None:
    """In a checkout's own process: AppTest runs of the page opened on TIMELINE_OPEN; prints JSON seconds."""
    import json

    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(Path.cwd() / "dashboard.py"), default_timeout=300)
    # As after a browser's first frame: the whole page on every run (app/progressive.py's session key; a
    # checkout without it ignores it)
    at.session_state["_first_frame_drawn"] = True
    at.run()
    for toggle in at.toggle:
        if toggle.label == "Key events only":
            toggle.set_value(False).run()
    table = next(d for d in at.dataframe).value
    ids = [i for i in at.session_state["_table_ids"]]
    figures: dict[str, list[float]] = {}

    def timed(action: str, step) -> None:
        step()
        started = time.process_time()
        at.run()
        figures.setdefault(action, []).append(time.process_time() - started)

    def button(label: str):
        return next(b for b in at.button if b.label == label)

    for attempt in range(3):
        at.session_state["selected"] = ids[5 + attempt * 11]
        at.run()
        timed("hide", lambda: button("Hide").click())
        timed("undo", lambda: button("Undo").click())
        timed("keyword filter (baseline)", lambda: at.text_input(key="keyword").set_value("council"))
        timed("keyword cleared (baseline)", lambda: at.text_input(key="keyword").set_value(""))
        at.session_state["selected"] = ids[7 + attempt * 11]
        at.run()
        box = next(w for w in at.text_input if w.label == "What happened" and str(w.key).startswith("cur-edit"))
        box.set_value(f"Benchmark headline {attempt}")
        timed("edit headline (Apply)", lambda: button("Apply").click())
    assert len(table) > 0 and not at.exception, [e.message for e in at.exception]
    print(json.dumps(figures))


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--server-child":
        server_child()
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--before", type=Path, help="another checkout served too, alternating with this one")
    parser.add_argument("--server", action="store_true", help="script-run CPU through AppTest, no browser")
    parser.add_argument("--key-events", action="store_true",
                        help="keep *Key events only* on, as the page opens (25 marks drawn, every event in the table)")
    args = parser.parse_args()
    os.chdir(ROOT)
    roots = [("this checkout", ROOT)] + ([("before", args.before.resolve())] if args.before else [])
    with tempfile.TemporaryDirectory() as work:
        path = write_file(Path(work), args.events)
        if args.server:
            server_run(path, roots, args.repeat)
        else:
            browser_run(path, roots, args.events, args.repeat, args.key_events)


if __name__ == "__main__":
    main()
