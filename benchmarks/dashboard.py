"""How fast the dashboard feels in a real browser: prints figures, asserts nothing.

    python benchmarks/dashboard.py [--events 5000] [--repeat 5]

Measures, with headless Chromium (/usr/bin/chromium) against `streamlit run dashboard.py`:
  - server start -> /_stcore/health ok -> first chart rendered (the bundled seed article);
  - click on an event -> its sentence shown in the "Selected event" panel;
  - year-slider keypress -> chart redrawn;
and the same for a generated article with N dated sentences (default 5,000 events) uploaded
through the file uploader like a user would: upload -> first chart (extraction not cached),
the same file again in a fresh session (cached), click -> sentence, filter -> chart redrawn.
Also times one script rerun for a filter change through AppTest (server side only).
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
SUBJECTS = ["The council", "Rebel forces", "The ministry", "Protesters", "The central bank", "Engineers",
            "The court", "Aid agencies"]
VERBS = ["met in the capital", "announced new measures", "withdrew from the region", "signed an agreement",
         "reported heavy losses", "opened an inquiry", "raised interest rates", "reached the border town"]

# A signature of what the chart shows: SVG markup or canvas pixels, whichever Vega drew.
SIGNATURE_JS = """() => {
  const embed = document.querySelector('.vega-embed');
  if (!embed) return '';
  const canvas = embed.querySelector('canvas');
  const s = canvas ? canvas.toDataURL() : (embed.querySelector('svg') || {}).outerHTML || '';
  let h = 0; for (let i = 0; i < s.length; i += 7) h = (h * 31 + s.charCodeAt(i)) | 0;
  return s.length + ':' + h;
}"""
# Find a pixel of a day event (its colour) on the canvas, or a point mark in the SVG: CSS coords.
FIND_MARK_JS = """(skip) => {
  const embed = document.querySelector('.vega-embed');
  const canvas = embed.querySelector('canvas');
  if (!canvas) {
    const marks = embed.querySelectorAll('g.points_marks > path, g.spans_marks > path');
    const r = marks[skip % marks.length].getBoundingClientRect();
    return [r.x + r.width / 2, r.y + r.height / 2];
  }
  const ctx = canvas.getContext('2d');
  const {width, height} = canvas;
  const data = ctx.getImageData(0, 0, width, height).data;
  const box = canvas.getBoundingClientRect();
  let seen = 0;
  for (let y = 0; y < height; y += 3) for (let x = 0; x < width; x += 3) {
    const i = (y * width + x) * 4;
    if (Math.abs(data[i] - 0xd1) < 6 && Math.abs(data[i + 1] - 0x49) < 6 && Math.abs(data[i + 2] - 0x5b) < 6
        && data[i + 3] > 250 && seen++ >= skip * 97)
      return [box.x + x * box.width / width, box.y + y * box.height / height];
  }
  return null;
}"""


def synthetic_article(events: int, seed: int = 7) -> str:
    """A chronicle with one dated sentence per event (days, months and years), five to a paragraph."""
    rnd = random.Random(seed)
    paragraphs, sentences = [], []
    for _ in range(events):
        year, month, day = rnd.randint(1990, 2020), rnd.randint(1, 12), rnd.randint(1, 28)
        kind = rnd.random()
        when = (f"on {day} {MONTHS[month - 1]} {year}" if kind < 0.6
                else f"in {MONTHS[month - 1]} {year}" if kind < 0.85 else f"in {year}")
        sentences.append(f"{rnd.choice(SUBJECTS)} {rnd.choice(VERBS)} {when}.")
        if len(sentences) == 5:
            paragraphs.append(" ".join(sentences))
            sentences = []
    if sentences:
        paragraphs.append(" ".join(sentences))
    return "Synthetic chronicle\n\n7 Apr, 2021\n\n" + "\n\n".join(paragraphs) + "\n"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int, env: dict[str, str] | None = None, root: Path = ROOT) -> tuple[subprocess.Popen, float]:
    """Start the dashboard of the checkout at `root` (with environment `env`, default this one's); returns
    the process and the seconds until /_stcore/health said ok."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port), "--server.fileWatcherType", "none"],
        cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    while True:
        if process.poll() is not None or time.perf_counter() - started > 90:
            raise SystemExit("streamlit did not start")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as answer:
                if answer.read().strip() == b"ok":
                    return process, time.perf_counter() - started
        except OSError:
            time.sleep(0.05)


def timed(action, wait) -> float:
    started = time.perf_counter()
    action()
    wait()
    return time.perf_counter() - started


def wait_chart_changed(page, before: str, timeout: float = 120_000) -> None:
    page.wait_for_function(f"b => ({SIGNATURE_JS})() !== b && ({SIGNATURE_JS})() !== ''", arg=before,
                           timeout=timeout)


def wait_chart_drawn(page, timeout: float = 120_000) -> None:
    page.wait_for_function(
        "() => { const e = document.querySelector('.vega-embed');"
        " return e && (e.querySelector('canvas') || e.querySelector('g.points_marks > path, g.spans_marks > path')); }",
        timeout=timeout,
    )


def click_then_sentence(page, tries: int) -> list[float]:
    """Click event marks one after another; seconds from click to the panel showing the sentence."""
    figures = []
    for attempt in range(tries):
        point = page.evaluate(FIND_MARK_JS, attempt + 1)
        if point is None:
            break
        before = page.evaluate("() => (document.querySelector('blockquote') || {}).innerText || ''")
        figures.append(timed(
            lambda p=point: page.mouse.click(*p),
            lambda b=before: page.wait_for_function(
                "b => { const q = document.querySelector('blockquote'); return q && q.innerText !== b; }",
                arg=b, timeout=60_000),
        ))
        page.mouse.move(5, 5)
    return figures


def filter_then_chart(page, tries: int) -> list[float]:
    """Move the lower year thumb one step right, then left again; seconds until the chart redraws."""
    thumb = page.locator('[data-testid="stSlider"] input[type="range"]').first
    figures = []
    for attempt in range(tries):
        thumb.focus()
        key = "ArrowRight" if attempt % 2 == 0 else "ArrowLeft"
        before = page.evaluate(SIGNATURE_JS)
        figures.append(timed(lambda k=key: page.keyboard.press(k), lambda b=before: wait_chart_changed(page, b)))
        page.wait_for_timeout(300)  # let the rerun settle before the next step
    return figures


def report(name: str, figures: list[float]) -> None:
    if not figures:
        print(f"  {name:<44} (not measured)")
    elif len(figures) == 1:
        print(f"  {name:<44} {figures[0] * 1000:8.0f} ms")
    else:
        print(f"  {name:<44} median {statistics.median(figures) * 1000:6.0f} ms"
              f"  (min {min(figures) * 1000:.0f}, max {max(figures) * 1000:.0f}, n={len(figures)})")


def apptest_rerun(text: str) -> tuple[float, float]:
    """Server-side script time with `text` pasted: first run (extraction) and a filter-change rerun."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300).run()
    at.radio(key="mode").set_value("Paste text").run()
    first = timed(lambda: at.text_area(key="paste").input(text).run(), lambda: None)
    lo, hi = at.slider[0].value
    rerun = timed(lambda: at.slider[0].set_value((lo + 1, hi)).run(), lambda: None)
    return first, rerun


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=5000, help="dated sentences in the generated article")
    parser.add_argument("--repeat", type=int, default=5, help="clicks and filter moves to time")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    port = free_port()
    process, health = start_server(port)
    url = f"http://127.0.0.1:{port}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            page = context.new_page()
            first_chart = timed(lambda: page.goto(url), lambda: wait_chart_drawn(page))
            print("Seed article (7 events)")
            report("server start -> health ok", [health])
            report("server start -> first chart", [health + first_chart])
            report("page open -> first chart (server up)", [first_chart])
            page.wait_for_timeout(500)
            report("click -> sentence shown", click_then_sentence(page, args.repeat))
            report("year filter key -> chart updated", filter_then_chart(page, args.repeat))
            context.close()

            text = synthetic_article(args.events)
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / "chronicle.txt"
                path.write_text(text, encoding="utf-8")
                print(f"Generated article ({args.events:,} dated sentences, {len(text):,} characters)")
                for label in ("upload -> first chart (extraction)", "upload again, new session (cached)"):
                    context = browser.new_context(viewport={"width": 1400, "height": 1000})
                    page = context.new_page()
                    page.goto(url)
                    wait_chart_drawn(page)
                    page.locator('[data-testid="stSidebar"]').get_by_text("Upload files", exact=True).click()
                    uploader = page.locator('[data-testid="stFileUploader"] input[type="file"]')
                    uploader.wait_for(state="attached")
                    before = page.evaluate(SIGNATURE_JS)
                    figure = timed(lambda u=uploader: u.set_input_files(str(path)),
                                   lambda p=page, b=before: wait_chart_changed(p, b, timeout=300_000))
                    report(label, [figure])
                    if label.startswith("upload again"):
                        page.wait_for_timeout(1000)
                        events = page.locator('[data-testid="stMetricValue"]').nth(1).inner_text()
                        print(f"  events shown: {events}")
                        report("click -> sentence shown", click_then_sentence(page, args.repeat))
                        report("year filter key -> chart updated", filter_then_chart(page, args.repeat))
                    context.close()
            browser.close()
    finally:
        process.terminate()
        process.wait(timeout=20)
    first, rerun = apptest_rerun(text)
    print("Server side (AppTest, no browser), generated article")
    report("paste -> script done (extraction)", [first])
    report("filter change -> script done", [rerun])


if __name__ == "__main__":
    main()
