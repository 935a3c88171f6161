"""Where a reload's time goes, the article page beside the bare chart page: prints figures, asserts nothing.

    python -m benchmarks.reload_phases [--repeat 3] [--reloads 8] [--before DIR]

Each page is served by its own fresh `streamlit run` (benchmarks.first_chart's pages: the bare 7-point chart,
the bundled article; with `--before DIR`, the article from another checkout too) and opened in headless
Chromium; once settled it is reloaded `--reloads` times, and each reload is measured from navigation to the
first chart mark drawn, with measures that load on the machine moves less than wall clock:

  - server CPU: the `streamlit run` process's user+system CPU time until the first mark (its first script run
    of the new session, and whatever else it did meanwhile) and until the page has settled (the whole page);
  - websocket: what the server sent before the first mark, decoded (Streamlit's ForwardMsg protobuf): bytes in
    all, bytes of the chart's element, how many elements, and the browser's time of the first run's
    `script_finished` message;
  - browser main thread (CDP Performance metrics of the new document, thread time): TaskDuration (all tasks),
    ScriptDuration, LayoutDuration, RecalcStyleDuration;
  - JavaScript by bundle (CDP sampling profiler, self time): Vega (vega-embed's chunk: parse, dataflow, render),
    the chart's wrapper (ArrowVegaLiteChart, Arrow decoding), Streamlit and React (every other chunk), and
    V8's own "(program)" and "(garbage collector)".

Pages alternate (their order rotates every repetition), so load falls on all alike. Prints the medians per page
and the ratio of each page's median to the bare page's, with the load average before and after.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

import psutil

from benchmarks.first_chart import (
    CHROMIUM,
    CHROMIUM_ARGS,
    DRAWN_JS,
    ROOT,
    WAIT_MS,
    free_port,
    rotation,
    settle,
    start,
    stop,
)

METRICS = ("TaskDuration", "ScriptDuration", "LayoutDuration", "RecalcStyleDuration")
BUNDLES = (("vega", ("/embed.",)), ("chart wrapper", ("/ArrowVegaLiteChart.", "/Quiver.", "/arrow")))
FIELDS = ("wall", "server cpu to mark", "server cpu to settled", "ws bytes", "chart bytes", "elements",
          "script finished", *METRICS, "js vega", "js chart wrapper", "js streamlit+react", "js (program)",
          "js (garbage collector)")


def _cpu(process: psutil.Process) -> float:
    times = process.cpu_times()
    return times.user + times.system


def _metrics(cdp) -> dict[str, float]:
    return {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}


def _bundle(url: str) -> str:
    """Which part of the page a profiled function's script belongs to."""
    for name, marks in BUNDLES:
        if any(mark in url for mark in marks):
            return name
    return "streamlit+react" if url else ""


def _js_self_time(profile: dict) -> dict[str, float]:
    """Seconds of self time per bundle (and V8's own nodes) in a CDP profile."""
    part = {}
    for node in profile["nodes"]:
        frame = node["callFrame"]
        part[node["id"]] = _bundle(frame["url"]) or frame["functionName"]
    seconds: dict[str, float] = {}
    for node, delta in zip(profile.get("samples", []), profile.get("timeDeltas", []), strict=True):
        seconds[part[node]] = seconds.get(part[node], 0.0) + delta / 1e6
    return seconds


def _decode(payloads: list[bytes]) -> tuple[int, int, int, bool]:
    """(bytes, the chart element's bytes, elements, whether the first run's script_finished is among them)."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    total = chart = elements = 0
    finished = False
    for payload in payloads:
        total += len(payload)
        message = ForwardMsg.FromString(payload)
        kind = message.WhichOneof("type")
        if kind == "script_finished":
            finished = True
        elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            elements += 1
            if message.delta.new_element.WhichOneof("type") == "vega_lite_chart":
                chart += len(payload)
    return total, chart, elements, finished


def measure_reload(page, cdp, server: psutil.Process) -> dict[str, float]:
    """One reload of a settled page: the measures of FIELDS (seconds, bytes, counts)."""
    frames: list[tuple[float, bytes]] = []

    def on_socket(socket) -> None:
        socket.on("framereceived", lambda payload: frames.append((time.perf_counter(), payload)))

    page.on("websocket", on_socket)
    cdp.send("Profiler.enable")
    cdp.send("Profiler.setSamplingInterval", {"interval": 250})
    cdp.send("Profiler.start")
    cpu = _cpu(server)
    started = time.perf_counter()
    page.reload(wait_until="commit", timeout=WAIT_MS)
    page.wait_for_function(DRAWN_JS, timeout=WAIT_MS, polling="raf")
    wall = time.perf_counter() - started
    cpu_mark = _cpu(server) - cpu
    metrics = _metrics(cdp)
    js = _js_self_time(cdp.send("Profiler.stop")["profile"])
    cdp.send("Profiler.disable")
    before_mark = [p for t, p in frames if t - started <= wall and isinstance(p, bytes)]
    finished_at = next((t - started for t, p in frames if isinstance(p, bytes) and _decode([p])[3]), float("nan"))
    settle(page)
    page.remove_listener("websocket", on_socket)
    total, chart, elements, _ = _decode(before_mark)
    return {
        "wall": wall, "server cpu to mark": cpu_mark, "server cpu to settled": _cpu(server) - cpu,
        "ws bytes": total, "chart bytes": chart, "elements": elements, "script finished": finished_at,
        **{name: metrics.get(name, float("nan")) for name in METRICS},
        **{f"js {name}": js.get(name, 0.0) for name in
           ("vega", "chart wrapper", "streamlit+react", "(program)", "(garbage collector)")},
    }


def measure_page(browser, port: int, server: psutil.Process, reloads: int) -> list[dict[str, float]]:
    """Opens the page, lets it settle, and measures `reloads` reloads."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Performance.enable", {"timeDomain": "threadTicks"})
        page.goto(f"http://127.0.0.1:{port}/", wait_until="commit", timeout=WAIT_MS)
        page.wait_for_function(DRAWN_JS, timeout=WAIT_MS, polling="raf")
        settle(page)
        return [measure_reload(page, cdp, server) for _ in range(reloads)]
    finally:
        context.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="fresh servers per page")
    parser.add_argument("--reloads", type=int, default=8, help="reloads per server, once settled")
    parser.add_argument("--before", type=Path, help="another checkout whose article page is measured too")
    parser.add_argument("--page", action="append", default=[], metavar="NAME=ROOT:SCRIPT",
                        help="a further page to measure, e.g. trimmed=/tmp/variant:dashboard.py")
    options = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    pages = {"bare": ("benchmarks/bare_chart.py", ROOT), "article": ("dashboard.py", ROOT)}
    if options.before:
        pages["article/before"] = ("dashboard.py", options.before.resolve())
    for extra in options.page:
        name, _, where = extra.partition("=")
        folder, _, script = where.rpartition(":")
        pages[name] = (script, Path(folder).resolve())
    found: dict[str, list[dict[str, float]]] = {name: [] for name in pages}
    load_before = os.getloadavg()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for rep, name in rotation(list(pages), options.repeat):
            script, root = pages[name]
            process = start(script, [], port := free_port(), root)
            try:
                rows = measure_page(browser, port, psutil.Process(process.pid), options.reloads)
            finally:
                stop(process)
            found[name] += rows
            print(f"  rep {rep + 1} {name:<16} reload {statistics.median(r['wall'] for r in rows):.3f} s  "
                  f"main thread {statistics.median(r['TaskDuration'] for r in rows):.3f} s", flush=True)
        browser.close()
    report(found, load_before, os.getloadavg())


def report(found: dict[str, list[dict[str, float]]], before: tuple, after: tuple) -> None:
    """Medians per page and measure (ms, KB or count), and each page's ratio to the bare page."""
    print(f"\nload average before {before[0]:.2f} {before[1]:.2f} {before[2]:.2f}, "
          f"after {after[0]:.2f} {after[1]:.2f} {after[2]:.2f}; reloads per page: "
          + ", ".join(f"{name} {len(rows)}" for name, rows in found.items()))
    names = list(found)
    print(f"{'measure':<24}" + "".join(f"{name:>16}" for name in names)
          + "".join(f"{name + ' x':>18}" for name in names[1:]))
    for field in FIELDS:
        medians = [statistics.median(r[field] for r in found[name]) for name in names]
        scale, unit = (1 / 1024, "KB") if "bytes" in field else (1, "") if field == "elements" else (1000, "ms")
        cells = "".join(f"{m * scale:>14.1f}{unit:>2}" for m in medians)
        ratios = "".join(f"{(m / medians[0] if medians[0] else float('nan')):>17.2f}x" for m in medians[1:])
        print(f"{field:<24}{cells}{ratios}")


if __name__ == "__main__":
    main()
