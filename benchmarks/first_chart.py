"""Page open -> first chart, the dashboard against a bare Streamlit chart page: prints figures, asserts nothing.

    python -m benchmarks.first_chart [--repeat 5] [--store STORE] [--no-store] [--before DIR [--before-store STORE]]

Three pages, each served by its own fresh `streamlit run` on a free 127.0.0.1 port and opened in
headless Chromium (/usr/bin/chromium):
  - bare:    benchmarks/bare_chart.py, one 7-point Altair chart (the baseline);
  - article: dashboard.py on the bundled article;
  - store:   dashboard.py -- --store STORE, the collection page of te3-silver (2,452 AFP articles; built
             into a temporary folder from ../shared/data/te3-silver unless --store is given).
Per repetition and page: start the server, then "first open" (a new browser context: empty cache, the
server's first script run) and "reload" (the same tab reloaded once the page has settled: browser cache
warm, server warm; the median of --reloads), each timed from navigation to the first chart mark drawn
(SVG mark or canvas). The pages alternate, their
order rotating every repetition, so load on the machine falls on all of them alike. Prints the medians
and the ratios of the dashboard's medians to the bare page's (targets: article <= 1.2x first open and
<= 1.3x reload; store <= 1.5x), with the load average before and after. `--before DIR` also serves
the dashboard pages from another checkout (say `git worktree add DIR <commit>`), in the same run and
alternating with the others: before/after figures under the same load (`--before-store`: the store that
checkout opens, when the two versions build different stores).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TE3 = ROOT.parent / "shared" / "data" / "te3-silver"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
# The first data mark of the first chart: an SVG mark path or Vega's canvas (Streamlit draws on canvas
# above 2,000 marks). Axis and legend paths are not marks (their groups have role-axis/role-legend).
DRAWN_JS = """() => { const e = document.querySelector('.vega-embed');
  return !!e && !!(e.querySelector('canvas') || e.querySelector('svg g.role-mark path')); }"""
RUNNING = '[data-testid="stStatusWidget"]'  # shown while a script run is in progress
WAIT_MS = 180_000


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(script: str, args: list[str], port: int, root: Path = ROOT) -> subprocess.Popen:
    """`streamlit run script -- args` in `root` on 127.0.0.1:port, returned once /_stcore/health says ok."""
    command = [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true",
               "--server.address", "127.0.0.1", "--server.port", str(port), "--server.fileWatcherType", "none",
               "--browser.gatherUsageStats", "false"]
    process = subprocess.Popen(command + (["--", *args] if args else []), cwd=root,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"streamlit run {script} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as answer:
                if answer.read().strip() == b"ok":
                    return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit(f"streamlit run {script} did not answer in 120 s")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def settle(page) -> None:
    """Until the page is done: no script run in progress (Streamlit's status widget gone), then one second, so
    that a reload is timed as a user's, not against the server still finishing the page before (a dashboard
    page draws the rest of the page after its chart, and warms up its parser in the background)."""
    page.wait_for_timeout(300)
    page.wait_for_function(f"() => !document.querySelector('{RUNNING}')", timeout=WAIT_MS)
    page.wait_for_timeout(1000)


def open_and_reload(browser, url: str, reloads: int = 1) -> tuple[float, float]:
    """Seconds from navigation to the first chart mark: a first open (fresh context), then the median of
    `reloads` reloads, each once the page has settled."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        started = time.perf_counter()
        page.goto(url, wait_until="commit", timeout=WAIT_MS)
        page.wait_for_function(DRAWN_JS, timeout=WAIT_MS, polling="raf")
        first = time.perf_counter() - started
        again = []
        for _ in range(reloads):
            settle(page)
            started = time.perf_counter()
            page.reload(wait_until="commit", timeout=WAIT_MS)
            page.wait_for_function(DRAWN_JS, timeout=WAIT_MS, polling="raf")
            again.append(time.perf_counter() - started)
        return first, statistics.median(again)
    finally:
        context.close()


def te3_store(folder: Path) -> Path:
    """te3-silver built into `folder` (python -m timeline build), reused when already there."""
    store = folder / "te3-store"
    if not (store / "manifest.json").is_file():
        print(f"building {store} from {TE3} ...", flush=True)
        subprocess.run([sys.executable, "-m", "timeline", "build", str(TE3), "--out", str(store), "--quiet"],
                       cwd=ROOT, check=True)
    return store


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--reloads", type=int, default=3, help="reloads per server, once settled (median)")
    parser.add_argument("--store", help="a te3-silver store (default: build one in a temporary folder)")
    parser.add_argument("--no-store", action="store_true", help="measure the bare page and the article only")
    parser.add_argument("--before", type=Path, help="another checkout whose dashboard pages are measured too")
    parser.add_argument("--before-store", help="the store the --before checkout opens (one its own version built; "
                                               "default: --store)")
    options = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    pages = {"bare": ("benchmarks/bare_chart.py", [], ROOT), "article": ("dashboard.py", [], ROOT)}
    with tempfile.TemporaryDirectory() as temp:
        if not options.no_store:
            store = Path(options.store) if options.store else te3_store(Path(temp))
            pages["store"] = ("dashboard.py", ["--store", str(store.resolve())], ROOT)
        if options.before:
            for name in [n for n in pages if n != "bare"]:
                script, args, _ = pages[name]
                if name == "store" and options.before_store:
                    args = ["--store", str(Path(options.before_store).resolve())]
                pages[f"{name}/before"] = (script, args, options.before.resolve())
        seconds = {name: {"first open": [], "reload": []} for name in pages}
        load_before = os.getloadavg()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for rep, name in rotation(list(pages), options.repeat):
                script, args, root = pages[name]
                process = start(script, args, port := free_port(), root)
                try:
                    first, reload = open_and_reload(browser, f"http://127.0.0.1:{port}/", options.reloads)
                finally:
                    stop(process)
                seconds[name]["first open"].append(first)
                seconds[name]["reload"].append(reload)
                print(f"  rep {rep + 1} {name:<14} first open {first:6.2f} s  reload {reload:6.2f} s", flush=True)
            browser.close()
    report(seconds, load_before, os.getloadavg())


def rotation(names: list[str], repeat: int) -> Iterator[tuple[int, str]]:
    """(repetition, page) pairs, the pages' order rotating every repetition so load falls on all of them alike."""
    for rep in range(repeat):
        for name in names[rep % len(names):] + names[:rep % len(names)]:
            yield rep, name


def report(seconds: dict[str, dict[str, list[float]]], before: tuple, after: tuple) -> None:
    """Medians per page and measure, and the ratios to the bare page."""
    print(f"\nload average before {before[0]:.2f} {before[1]:.2f} {before[2]:.2f}, "
          f"after {after[0]:.2f} {after[1]:.2f} {after[2]:.2f}")
    print(f"{'page':<14} {'measure':<11} {'median':>8} {'min':>7} {'max':>7} {'x bare':>7} target")
    targets = {("article", "first open"): 1.2, ("article", "reload"): 1.3, ("store", "first open"): 1.5,
               ("store", "reload"): 1.5}
    for name, measures in seconds.items():
        for measure, values in measures.items():
            median = statistics.median(values)
            ratio = median / statistics.median(seconds["bare"][measure])
            target = targets.get((name, measure))  # "article/before" is reported without a verdict
            verdict = "" if target is None else f"<= {target}x {'met' if ratio <= target else 'NOT met'}"
            print(f"{name:<14} {measure:<11} {median:7.2f}s {min(values):6.2f}s {max(values):6.2f}s "
                  f"{ratio:6.2f}x {verdict}")


if __name__ == "__main__":
    main()
