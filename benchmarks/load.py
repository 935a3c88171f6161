"""Many sessions at once against one dashboard server: prints figures, asserts nothing.

    python -m benchmarks.load [--sessions 8] [--rounds 3] [--browsers 0] [--app-root DIR]
                              [--time-limit 420] [--profile DIR]

Starts `streamlit run dashboard.py` (headless, on a free 127.0.0.1 port; the checkout at `--app-root`,
default this one, for before/after runs) and drives it with visitors that each:
  - open the page (the bundled seed article) -> first chart;
  - choose "Paste text" and paste their own article (a te3-silver news text with a dateline, or a
    generated one when ../shared is absent) -> its marks drawn;
  - then `--rounds` times: a year-slider step -> chart redrawn, and a click on a mark -> its sentence shown.

Two kinds of visitor, reported as separate figures:
  - **protocol visitors** (benchmarks/load_protocol.py, the issue's target figure): no browser; each speaks
    Streamlit's websocket protocol (BackMsg.rerun_script with its widget states, timed to the run's
    script_finished carrying the chart or the sentence) after fetching the page and the static files a
    browser fetched for it. First 1 alone (the baseline), then `--sessions` at once. This measures the
    server: the clients cost little CPU (their share is printed).
  - **browser sessions** (`--browsers K`, K > 0): headless Chromium (/usr/bin/chromium, one process, one
    Playwright context per session), timed to what the page shows. On this 2-core machine K Chromium
    renderers use several times the server's CPU, so this figure mostly measures the browsers.
Prints the median and p90 of each action, the ratio to the 1-visitor baseline, the CPU used by the server,
Chromium and this script's clients, and the machine's load average before and during.

Bounded: a fixed number of sessions and rounds, every wait has a timeout and the whole run stops at
`--time-limit` seconds (the server and browser are stopped either way); only 127.0.0.1 is contacted.
`--profile DIR` runs the app's script runs under cProfile (TIMELINE_PROFILE_DIR, read by dashboard.py; one
.prof per run) and prints where the server's script time went.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import dashboard as dashboard_bench
from benchmarks import load_protocol
from benchmarks.dashboard import CHROMIUM_ARGS, SIGNATURE_JS, free_port, synthetic_article

ROOT = Path(__file__).resolve().parents[1]
TE3 = ROOT.parent / "shared" / "data" / "te3-silver"
ACTIONS = load_protocol.ACTIONS
OPEN, PASTE, FILTER, CLICK, _ = ACTIONS
INTERACTIONS = (PASTE, FILTER, CLICK)
WAIT_MS = 60_000  # one action never waits longer than this
DRAWN_JS = ("() => { const e = document.querySelector('.vega-embed');"
            " return !!e && !!(e.querySelector('canvas') || e.querySelector('g.points_marks > path, g.spans_marks > path')); }")
EVENT_JS = "() => new URLSearchParams(location.search).get('event') || ''"
# The centre of the skip-th event mark (SVG: the articles are small), leaving out the picked one (under its
# ring, where a click picks nothing new and so draws nothing new).
MARK_JS = """(skip) => {
  const embed = document.querySelector('.vega-embed');
  if (!embed) return null;
  const centre = el => { const r = el.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; };
  const rings = [...embed.querySelectorAll('g.role-mark:not(.spans_marks):not(.points_marks) path')].map(centre);
  const marks = [...embed.querySelectorAll('g.points_marks > path, g.spans_marks > path')].map(centre)
    .filter(([x, y]) => rings.every(([a, b]) => Math.hypot(x - a, y - b) > 20));
  return marks.length ? marks[skip % marks.length] : null;
}"""


@dataclass
class Figures:
    """Seconds per action, and the actions that did not finish."""

    seconds: dict[str, list[float]] = field(default_factory=lambda: {a: [] for a in ACTIONS})
    failures: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- articles

def _usable(text: str) -> bool:
    """An article the load can use: a few events over several years, and one year step drops some."""
    from app.view import filter_events, year_bounds
    from timeline import extract_document, read_document

    frame = extract_document(read_document(text.encode("utf-8"), "pasted.txt")).to_frame()
    if len(frame) < 4:
        return False
    lo, hi = year_bounds(frame)
    return lo < hi and len(filter_events(frame, years=(lo + 1, hi))) < len(frame)


def articles(count: int, folder: Path = TE3) -> list[str]:
    """`count` different articles to paste: te3-silver news texts (with their dateline) from `folder` when
    it is there, else generated chronicles."""
    found: list[str] = []
    if folder.is_dir():
        from timeline import read_timeml

        for path in sorted(folder.glob("*.tml")):
            doc = read_timeml(path)
            if doc.published is None:
                continue
            text = f"{doc.doc_id}\n\n{doc.published.day} {doc.published:%b}, {doc.published.year}\n\n{doc.text.strip()}\n"
            if _usable(text):
                found.append(text)
            if len(found) == count:
                return found
    return found + [synthetic_article(40, seed=seed) for seed in range(count - len(found))]


# ---------------------------------------------------------------- the server

def start_server(port: int, profile: Path | None, root: Path = ROOT) -> subprocess.Popen:
    """`streamlit run dashboard.py` of the checkout at `root` (its own packages first on the path) on
    127.0.0.1:`port`, once /_stcore/health is ok; its script runs profiled into `profile` when given."""
    env = dict(os.environ, PYTHONPATH=str(root))
    if profile:
        env["TIMELINE_PROFILE_DIR"] = str(profile.resolve())
    return dashboard_bench.start_server(port, env, root)[0]


def browser_assets(url: str) -> list[str]:
    """The same-origin files headless Chromium fetches to open the page and draw the seed article's chart
    (index.html's scripts and styles, then the chunks each element loads); index.html's own list when
    Chromium is not there. Opening it also warms the server (imports, the seed article's extraction)."""
    import urllib.request

    from benchmarks.st_client import page_assets

    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page()
            seen: list[str] = []
            page.on("request", lambda r: seen.append(r.url))
            page.goto(url)
            page.wait_for_function(DRAWN_JS, timeout=WAIT_MS * 2)
            page.wait_for_timeout(1000)
            browser.close()
        return list(dict.fromkeys(u[len(url):] for u in seen
                                  if u.startswith(url) and u != url and "/_stcore/stream" not in u))
    except Exception as error:  # no Playwright or no Chromium: index.html's list (fewer files)
        print(f"assets: Chromium not usable ({type(error).__name__}); index.html's list")
        with urllib.request.urlopen(url, timeout=60) as answer:
            return page_assets(answer.read().decode("utf-8"))


# ---------------------------------------------------------------- one session

async def _timed(figures: Figures, action: str, act: Callable[[], Awaitable], wait: Callable[[], Awaitable]) -> bool:
    started = time.perf_counter()
    try:
        await act()
        await wait()
    except Exception as error:  # a timeout or a closed page: counted, the session goes on or stops
        figures.failures.append(f"{action}: {type(error).__name__}")
        return False
    figures.seconds[action].append(time.perf_counter() - started)
    return True


async def _filter_step(page, figures: Figures, step: int) -> None:
    """One year-slider key press on the lower thumb (right, then back left) until the chart changes."""
    thumb = page.locator('[data-testid="stSlider"] input[type="range"]').first
    await thumb.focus()
    before = await page.evaluate(SIGNATURE_JS)
    await _timed(figures, FILTER, lambda: page.keyboard.press("ArrowRight" if step % 2 == 0 else "ArrowLeft"),
                 lambda: page.wait_for_function(f"b => ({SIGNATURE_JS})() !== b && ({SIGNATURE_JS})() !== ''",
                                                arg=before, timeout=WAIT_MS))


async def _click_step(page, figures: Figures, step: int) -> None:
    """Click another mark until the URL names the new event and its sentence is shown."""
    point = await page.evaluate(MARK_JS, step + 1)
    if point is None:
        figures.failures.append(f"{CLICK}: no mark found")
        return
    before = await page.evaluate(EVENT_JS)
    await _timed(figures, CLICK, lambda: page.mouse.click(*point),
                 lambda: page.wait_for_function(
                     f"b => ({EVENT_JS})() !== b && !!document.querySelector('blockquote')", arg=before,
                     timeout=WAIT_MS))
    await page.mouse.move(5, 5)


async def session(browser, url: str, article: str, rounds: int, figures: Figures) -> None:
    """One visitor: open, paste an article, then filter and click `rounds` times."""
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = await context.new_page()
        page.set_default_timeout(WAIT_MS)
        if not await _timed(figures, OPEN, lambda: page.goto(url),
                            lambda: page.wait_for_function(DRAWN_JS, timeout=WAIT_MS)):
            return
        await page.locator('[data-testid="stSidebar"]').get_by_text("Paste text", exact=True).click()
        box = page.locator('[data-testid="stSidebar"] textarea')
        await box.fill(article)
        if not await _timed(figures, PASTE, lambda: box.press("Control+Enter"),
                            lambda: page.wait_for_function(DRAWN_JS, timeout=WAIT_MS)):
            return
        await page.wait_for_timeout(300)
        for step in range(rounds):
            await _filter_step(page, figures, step)
            await page.wait_for_timeout(300)
            await _click_step(page, figures, step)
            await page.wait_for_timeout(300)
    finally:
        await context.close()


async def crowd(url: str, texts: list[str], rounds: int, seconds: float) -> Figures:
    """len(texts) sessions at once in one Chromium, stopped after `seconds`; their figures pooled."""
    from playwright.async_api import async_playwright

    figures = Figures()
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        try:
            await asyncio.wait_for(asyncio.gather(*(session(browser, url, text, rounds, figures) for text in texts)),
                                   timeout=max(seconds, 1))
        except TimeoutError:
            figures.failures.append(f"time limit: stopped after {seconds:.0f} s")
        finally:
            await browser.close()
    return figures


# ---------------------------------------------------------------- load average and report

class LoadSampler(threading.Thread):
    """Every second while a phase runs: the 1-minute load average, and the CPU seconds used so far by
    each process this script started (the server, the Playwright driver, Chromium's processes) and by
    this script itself (the protocol visitors)."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.samples: list[float] = []
        self.cpu: dict[int, tuple[str, float]] = {}  # pid -> (kind, CPU seconds at the last look)
        self.stop = threading.Event()
        self.server_rss = 0  # the server's largest resident memory seen, bytes
        self.start_cpu = self._look(record=False)
        self.own_start = time.process_time()
        self.own = 0.0

    def _look(self, record: bool = True) -> dict[int, float]:
        import psutil

        seen = {}
        for process in psutil.Process().children(recursive=True):
            try:
                times = process.cpu_times()
                name = process.name()
                cmdline = " ".join(process.cmdline())
            except psutil.Error:  # gone meanwhile
                continue
            kind = "server" if "streamlit" in cmdline else "chromium" if "chrom" in name else "other"
            seen[process.pid] = times.user + times.system
            if kind == "server" and record:
                try:
                    self.server_rss = max(self.server_rss, process.memory_info().rss)
                except psutil.Error:
                    pass
            if record:
                self.cpu[process.pid] = (kind, seen[process.pid])
        return seen

    def run(self) -> None:
        while not self.stop.wait(1.0):
            self.samples.append(os.getloadavg()[0])
            self._look()

    def finish(self) -> None:
        self.own = time.process_time() - self.own_start
        self.stop.set()
        self.join()

    def cpu_by_kind(self) -> dict[str, float]:
        """CPU seconds used during the phase by the server, Chromium, the rest (driver) and this script."""
        totals: dict[str, float] = {"this script": self.own}
        for pid, (kind, seconds) in self.cpu.items():
            totals[kind] = totals.get(kind, 0.0) + seconds - self.start_cpu.get(pid, 0.0)
        return totals


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def median_p90(values: list[float]) -> str:
    if not values:
        return "(none)"
    return f"median {statistics.median(values) * 1000:6.0f} ms  p90 {_quantile(values, 0.9) * 1000:6.0f} ms  n={len(values)}"


def report(name: str, figures: Figures, sampler: LoadSampler, baseline: Figures | None = None) -> None:
    loads = sampler.samples or [os.getloadavg()[0]]
    cpu = ", ".join(f"{kind} {seconds:.1f} s" for kind, seconds in sorted(sampler.cpu_by_kind().items()))
    print(f"{name}: load average during {max(loads):.2f} max, {statistics.mean(loads):.2f} mean "
          f"(1-minute, 2 cores); CPU used: {cpu}; server memory at most {sampler.server_rss / 2**20:.0f} MiB")
    for action in ACTIONS:
        values = figures.seconds[action]
        ratio = ""
        if baseline and values and baseline.seconds[action]:
            ratio = f"  x{statistics.median(values) / statistics.median(baseline.seconds[action]):.1f} of 1 session"
        print(f"  {action:<32} {median_p90(values)}{ratio}")
    interactions = [s for a in INTERACTIONS for s in figures.seconds[a]]
    print(f"  {'any interaction -> redraw':<32} {median_p90(interactions)}")
    if figures.failures:
        print(f"  not finished: {len(figures.failures)} ({'; '.join(sorted(set(figures.failures)))})")


def verdict(figures: Figures) -> str:
    """The issue's target: with the crowd, median interaction -> redraw <= 2 s and page open <= 5 s."""
    interactions = [s for a in INTERACTIONS for s in figures.seconds[a]]
    if not interactions or not figures.seconds[OPEN]:
        return "target not measured"
    inter, opened = statistics.median(interactions), statistics.median(figures.seconds[OPEN])
    met = inter <= 2.0 and opened <= 5.0 and not figures.failures
    return (f"target (median interaction <= 2 s, page open <= 5 s, nothing unfinished): "
            f"{'met' if met else 'NOT met'} ({inter:.2f} s, {opened:.2f} s)")


def run_phase(name: str, url: str, texts: list[str], rounds: int, deadline: float, assets: list[str] | None,
              baseline: Figures | None = None) -> Figures:
    """One phase of `len(texts)` visitors, stopped at `deadline` (time.monotonic()); its figures printed.
    Protocol visitors fetching `assets`, or browser sessions when `assets` is None."""
    sampler = LoadSampler()
    sampler.start()
    seconds = deadline - time.monotonic()
    try:
        if assets is None:
            figures = asyncio.run(crowd(url, texts, rounds, seconds))
        else:
            figures = asyncio.run(load_protocol.crowd(url, assets, texts, rounds, seconds, Figures()))
    finally:
        sampler.finish()
    report(name, figures, sampler, baseline)
    return figures


def profile_summary(folder: Path, top: int = 25) -> None:
    """Where the server's script runs spent their time, all runs pooled (cumulative, then own time)."""
    import pstats

    files = sorted(folder.glob("*.prof"))
    if not files:
        print("no profiles written")
        return
    stats = pstats.Stats(str(files[0]))
    for path in files[1:]:
        stats.add(str(path))
    print(f"\nServer script runs profiled: {len(files)} (pooled)")
    stats.files = []  # not one header line per file
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=8, help="protocol visitors at once")
    parser.add_argument("--rounds", type=int, default=3, help="filter steps and clicks per visitor")
    parser.add_argument("--browsers", type=int, default=0, help="then this many Chromium sessions at once")
    parser.add_argument("--time-limit", type=float, default=420, help="stop everything after this many seconds")
    parser.add_argument("--no-baseline", action="store_true", help="skip the 1-visitor run")
    parser.add_argument("--app-root", type=Path, default=ROOT, help="the checkout whose dashboard is served")
    parser.add_argument("--profile", type=Path, help="profile the server's script runs into this folder")
    parser.add_argument("--te3", type=Path, default=TE3, help="te3-silver TimeML folder (default ../shared/...)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    texts = articles(max(args.sessions, args.browsers) + 1, args.te3)
    print(f"{args.app_root.resolve()}: {args.sessions} protocol visitors, then {args.browsers} browsers, "
          f"{args.rounds} rounds each; articles: {'te3-silver' if args.te3.is_dir() else 'generated'}; load "
          f"average before {' / '.join(f'{x:.2f}' for x in os.getloadavg())} (1/5/15 min, 2 cores)")
    if args.profile:
        args.profile.mkdir(parents=True, exist_ok=True)
        for old in args.profile.glob("*.prof"):
            old.unlink()
    port = free_port()
    server = start_server(port, args.profile, args.app_root.resolve())
    deadline = time.monotonic() + args.time_limit
    # The phases stop themselves at the deadline; this is the backstop should the browser hang.
    timer = threading.Timer(args.time_limit + 60, lambda: (print("time limit overrun: stopped"),
                                                           server.kill(), os._exit(3)))
    timer.daemon = True
    timer.start()
    try:
        url = f"http://127.0.0.1:{port}/"
        assets = browser_assets(url)
        print(f"page open fetches {len(assets)} files (as Chromium did), then the first script run")
        baseline = None if args.no_baseline else run_phase("1 protocol visitor", url, texts[-1:], args.rounds,
                                                            deadline, assets)
        crowd_figures = run_phase(f"{args.sessions} protocol visitors at once", url, texts[:args.sessions],
                                  args.rounds, deadline, assets, baseline)
        print(verdict(crowd_figures))
        if args.browsers:
            run_phase(f"{args.browsers} browser sessions at once (separate figure: mostly the browsers' CPU)",
                      url, texts[:args.browsers], args.rounds, deadline, None, baseline)
    finally:
        timer.cancel()
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
    if args.profile:
        profile_summary(args.profile)


if __name__ == "__main__":
    main()
