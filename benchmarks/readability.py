"""How readable the timeline is at its first view, in headless Chromium: a long article set and a store.

    python -m benchmarks.readability --store te3-store/ [--root CHECKOUT] [--te3 ../shared/data/te3-silver]

Serves `streamlit run dashboard.py` from `--root` (default: this checkout; give an older checkout, e.g.
`git archive main | tar -x -C /tmp/main`, for a before/after), then:
- uploads the three te3-silver articles with the most events (87 events in all) and counts, on the first
  chart, the marks drawn, the labels drawn, the pairs of marks and of labels whose boxes overlap on
  screen, and the axis tick labels;
- opens `--store` and reports the years slider, the Events metric and the axis ticks of the first view.
Prints one JSON object. The page is 1400 px wide; a pair overlaps by more than half a pixel each way.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from timeline import read_timeml

ROOT = Path(__file__).resolve().parents[1]
LONG = ("AFP_ENG_20061213.0713", "AFP_ENG_20061231.0059", "AFP_ENG_20061202.0552")
MARKS = ".vega-embed g.spans_marks > path, .vega-embed g.points_marks > path"
LABELS = ".vega-embed g.mark-text.role-mark text"
TICKS = ".vega-embed g.role-axis-label text"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
_BOXES = ("els => els.filter(e => e.getBBox().width > 0).map(e => { const r = e.getBoundingClientRect();"
          " return [r.left, r.top, r.right, r.bottom]; })")


def uploads(te3: Path, folder: Path) -> list[str]:
    """The LONG articles as text files a user would upload: id, the date under it, the text."""
    paths = []
    for name in LONG:
        doc = read_timeml(te3 / f"{name}.tml")
        path = folder / f"{name}.txt"
        path.write_text(f"{doc.doc_id}\n\n{doc.published.day} {doc.published:%b}, {doc.published.year}\n\n"
                        f"{doc.text.strip()}\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def serve(root: Path, env: dict[str, str]) -> tuple[subprocess.Popen, int]:
    """`streamlit run dashboard.py` in `root` on a free 127.0.0.1 port, once it answers."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless", "true", "--server.address",
         "127.0.0.1", "--server.port", str(port), "--server.fileWatcherType", "none",
         "--browser.gatherUsageStats", "false"],
        cwd=root, env={**os.environ, "PYTHONPATH": str(root), **env},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(600):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as answer:
                if answer.read() == b"ok":
                    return process, port
        except OSError:
            time.sleep(0.3)
    process.terminate()
    raise SystemExit("the dashboard did not start")


def overlapping(page, selector: str) -> int:
    boxes = page.locator(selector).evaluate_all(_BOXES)
    return sum(1 for i, a in enumerate(boxes) for b in boxes[i + 1:]
               if min(a[2], b[2]) - max(a[0], b[0]) > 0.5 and min(a[3], b[3]) - max(a[1], b[1]) > 0.5)


def texts(page, selector: str) -> list[str]:
    return page.locator(selector).evaluate_all("els => els.map(e => e.textContent).filter(t => t)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--te3", type=Path, default=ROOT.parent / "shared" / "data" / "te3-silver")
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    out: dict[str, object] = {"root": str(args.root)}
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as pw:
        files = uploads(args.te3, Path(folder))
        browser = pw.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
        process, port = serve(args.root, {})
        try:
            page = browser.new_context(viewport={"width": 1400, "height": 3200}).new_page()
            page.set_default_timeout(180_000)
            page.goto(f"http://127.0.0.1:{port}")
            page.wait_for_selector(".vega-embed svg")
            page.locator('[data-testid="stSidebar"]').get_by_text("Upload files", exact=True).click()
            page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(files)
            page.wait_for_function("() => document.body.innerText.includes('3 articles')")
            time.sleep(8)  # the chart of the three articles replaces the seed's
            out["long: marks"] = page.locator(MARKS).count()
            out["long: labels"] = len(texts(page, LABELS))
            out["long: overlapping mark pairs"] = overlapping(page, MARKS)
            out["long: overlapping label pairs"] = overlapping(page, LABELS)
            out["long: axis ticks"] = texts(page, TICKS)
        finally:
            process.terminate()
            process.wait()
        process, port = serve(args.root, {"TIMELINE_STORE": str(args.store.resolve())})
        try:
            page = browser.new_context(viewport={"width": 1400, "height": 2000}).new_page()
            page.set_default_timeout(180_000)
            page.goto(f"http://127.0.0.1:{port}")
            page.wait_for_selector(".vega-embed svg")
            time.sleep(5)
            slider = page.locator('[data-testid="stSlider"]').first
            out["store: years"] = slider.locator('[data-testid="stSliderThumbValue"]').all_inner_texts()
            out["store: metrics"] = page.locator('[data-testid="stMetricValue"]').all_inner_texts()
            out["store: axis ticks"] = texts(page, TICKS)
        finally:
            process.terminate()
            process.wait()
        browser.close()
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
