"""Bounded time and memory on hostile input: ms per KB and peak MB per input MB of timeline.extract.

    python -m benchmarks.adversarial                   # 10 KB, 100 KB, 1 MB
    python -m benchmarks.adversarial --sizes 10K,100K,1M,10M
    python -m benchmarks.adversarial --only "on Monday," --sizes 3.3M   # the weekday flood of issue 13
    python -m benchmarks.adversarial --only "ISO dates" --sizes 1K,2K,4K,8K   # a 250-date sentence's headlines
    python -m benchmarks.adversarial --patterns-only   # each compiled rule alone on hostile strings

Each text case runs in a fresh subprocess, so its peak memory is its own: peak MB is the growth of
the process' maximum resident set (getrusage maxrss) while extracting, the text already built.
Linear time means a flat ms/KB column. A case whose ms/KB grows more than GROWTH_FLAG times from
one size to the next is flagged SUPERLINEAR; one over MEMORY_BUDGET MB per input MB (judged from
BUDGET_FROM characters: below that the fixed allowance of limits.MIN_DATES dates dominates) is
flagged OVER BUDGET. Part two times every
pattern of timeline.ruleset.load_ruleset().compiled alone on strings shaped to make regexes backtrack, at two
sizes, and flags growth the same way. Part three times dateparser (the one third-party parser
of the tagger) on the longest strings the rules can hand it.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TypeVar

import timeline
from timeline import load_ruleset, read_document

T = TypeVar("T")
SILVER = Path(__file__).resolve().parents[2] / "shared" / "data" / "te3-silver"
PUBLISHED = date(2021, 4, 7)
GROWTH_FLAG = 2.0  # ms/KB at the largest size over ms/KB at the smallest
MEMORY_BUDGET = 50.0  # peak MB per MB of input (issue 13)
BUDGET_FROM = 100_000
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def _repeat(unit: str) -> Callable[[int], str]:
    """A generator of `size` characters made of `unit` over and over."""
    return lambda size: (unit * (size // len(unit) + 1))[:size]


def _cycle(units: tuple[str, ...]) -> Callable[[int], str]:
    return _repeat("".join(units))


def _nested_brackets(size: int) -> str:
    half = size // 2
    return "(" * half + ")" * (size - half)


def _mixed_brackets(size: int) -> str:
    return _repeat("([{\u201c\"'")(size // 2) + _repeat("'\"\u201d}])")(size - size // 2)


_SILVER_TEXT: list[str] = []


def silver_text(size: int) -> str:
    """Real news text: te3-silver article texts joined by blank lines, cut to `size` characters."""
    if not _SILVER_TEXT:
        from timeline import read_timeml

        parts, total = [], 0
        for path in sorted(SILVER.glob("*.tml")):
            text = read_timeml(path).text.strip()
            parts.append(text)
            total += len(text) + 2
            if total > 12_000_000:
                break
        _SILVER_TEXT.append("\n\n".join(parts))
    text = _SILVER_TEXT[0]
    return (text * (size // len(text) + 1))[:size]


def deep_html(size: int) -> str:
    """HTML nested as deep as its size allows, with a date in the innermost element."""
    depth = max(1, (size - 200) // 11)
    return ("<html><body>" + "<div><span>" * (depth // 2) + "On 7 April 2021 it rained."
            + "</span></div>" * (depth // 2) + "</body></html>")[: max(size, 60)]


def iso_date_sentence(size: int) -> str:
    """One sentence listing ISO dates three days apart, as long as `size` allows (fuzz seed 361's slowest input: 250
    dates in 4 KB made a 250-word clause for every event's headline to prune)."""
    start = date(1998, 1, 1)
    dates = [(start + timedelta(days=3 * n)).isoformat() for n in range(max(1, (size - 50) // 12))]
    return "The committee met on " + ", ".join(dates) + " to discuss the budget."


# Text cases: name -> (generator of `size` characters).
CASES: dict[str, Callable[[int], str]] = {
    "digit run": _repeat("7"),
    "digits and spaces": _repeat("2021 "),
    "digits, slashes, dots": _repeat("12/31/20.21-"),
    "thousands separators": _repeat("1,000,"),
    "month names": _cycle(tuple(m + " " for m in MONTHS)),
    "May May May": _repeat("May "),
    "month day year": _cycle(tuple(f"{m} {d}, {1990 + d} " for m, d in zip(MONTHS, range(1, 13), strict=True))),
    "nested brackets": _nested_brackets,
    "mixed brackets and quotes": _mixed_brackets,
    "one long word": _repeat("abcdefghijklmnopqrstuvwxyz"),
    "long line of words": _repeat("lorem ipsum dolor sit amet "),
    "the next day x10,000": _repeat("the next day "),
    "on Monday, on Tuesday": _cycle(tuple(f"on {d}, " for d in WEEKDAYS)),
    "on Monday, (flood)": _repeat("on Monday, "),
    "three days ago": _repeat("three days ago "),
    "every other": _repeat("every other "),
    "whitespace only": _repeat(" \t\n"),
    "newlines only": _repeat("\n"),
    "real news (te3-silver)": silver_text,
    "ISO dates in one sentence": iso_date_sentence,
}


def _timed(fn: Callable[[], T]) -> tuple[float, T]:
    """(milliseconds, result) of one call, after a garbage collection."""
    gc.collect()
    start = time.perf_counter()
    value = fn()
    return (time.perf_counter() - start) * 1000, value


def _ms(fn: Callable[[], object]) -> float:
    return _timed(fn)[0]


def parse_size(text: str) -> int:
    """'10K' -> 10,000; '1M' -> 1,000,000."""
    text = text.strip().upper()
    factor = {"K": 1_000, "M": 1_000_000}.get(text[-1:], 1)
    return int(float(text.rstrip("KM")) * factor)


def _kb(size: int) -> float:
    return size / 1024


def _flag_growth(name: str, per_kb: list[float]) -> None:
    """Print SUPERLINEAR when ms/KB grows by more than GROWTH_FLAG from one size to the next (10x) one."""
    for smaller, larger in itertools.pairwise(per_kb):
        if larger > GROWTH_FLAG * smaller and larger > 0.5:
            print(f"  SUPERLINEAR: {name}: {' -> '.join(f'{v:.3f}' for v in per_kb)} ms/KB")
            return


def _projected_s(per_kb: list[float], size: int) -> float:
    """Seconds the next size would take if ms/KB keeps growing as it has so far."""
    growth = per_kb[-1] / per_kb[0] if len(per_kb) > 1 else 1.0
    return per_kb[-1] * max(1.0, growth) * _kb(size) / 1000


def probe(name: str, size: int) -> dict:
    """Extract case `name` at `size` in this process: ms, peak MB (maxrss growth), timexes, events."""
    timeline.extract("On 7 April 2021 it rained.", PUBLISHED)  # imports and caches before measuring
    text = CASES[name](size)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    ms, tl = _timed(lambda: timeline.extract(text, PUBLISHED))
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before  # KB on Linux
    return {"chars": len(text), "ms": ms, "peak_mb": peak_kb / 1024, "timexes": len(tl.timexes),
            "events": len(tl.events)}


def _probe_in_subprocess(name: str, size: int) -> dict:
    command = [sys.executable, "-m", "benchmarks.adversarial", "--probe", name, str(size)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _mb_per_mb(row: dict) -> float:
    return row["peak_mb"] / (row["chars"] / 1_000_000)


def run_cases(sizes: list[int], only: str | None = None, budget: float = 120.0) -> list[tuple[str, int, float]]:
    """Time timeline.extract on each case at each size, each in its own process; prints a row each.

    A size whose projected time exceeds `budget` seconds is skipped (and reported).
    """
    rows = []
    print(f"{'case':<28} {'size':>10} {'ms':>10} {'ms/KB':>8} {'peak MB':>8} {'MB/MB':>6}  timexes  events")
    for name in CASES:
        if only and only.lower() not in name.lower():
            continue
        per_kb: list[float] = []
        for size in sizes:
            if per_kb and (projected := _projected_s(per_kb, size)) > budget:
                print(f"{name:<28} {size:>10,}   skipped: projected {projected:,.0f} s is over the budget")
                continue
            row = _probe_in_subprocess(name, size)
            per_kb.append(row["ms"] / _kb(row["chars"]))
            rows.append((name, row["chars"], row["ms"], _mb_per_mb(row)))
            over = "  OVER BUDGET" if row["chars"] >= BUDGET_FROM and _mb_per_mb(row) > MEMORY_BUDGET else ""
            print(f"{name:<28} {row['chars']:>10,} {row['ms']:>10.1f} {per_kb[-1]:>8.3f} {row['peak_mb']:>8.1f} "
                  f"{_mb_per_mb(row):>6.1f}  {row['timexes']:>7}  {row['events']:>6}{over}", flush=True)
        _flag_growth(name, per_kb)
    return rows


def run_html(sizes: list[int]) -> None:
    """read_document + extract on deeply nested HTML (lxml stops nesting at its depth limit)."""
    print(f"\n{'HTML case':<28} {'size':>10} {'ms':>10} {'ms/KB':>8}  text chars")
    html_cases = {
        "deep nesting": deep_html,
        "flat paragraphs": _repeat("<p>On Sunday, two rockets were fired at the base.</p>\n"),
        "unclosed tags": _repeat("<b><i><u>On 7 April 2021 "),
    }
    read_document(b"<html><body><p>On 7 April 2021 it rained.</p></body></html>", name="a.html")  # imports
    for name, make in html_cases.items():
        per_kb = []
        for size in sizes:
            data = make(size).encode()

            def work(data=data):
                return timeline.extract_document(read_document(data, name="a.html", published=PUBLISHED))

            ms, tl = _timed(work)
            per_kb.append(ms / _kb(len(data)))
            print(f"{name:<28} {len(data):>10,} {ms:>10.1f} {per_kb[-1]:>8.3f}  {len(tl.document.text):>10,}",
                  flush=True)
        _flag_growth(name, per_kb)


# Strings shaped to make a regex try many ways to match: long runs of what a pattern's
# repetitions accept, ending in what makes the match fail.
PATTERN_PROBES: dict[str, Callable[[int], str]] = {
    "digits": _repeat("1"),
    "digits+space": _repeat("1 "),
    "digits+slash": _repeat("1/"),
    "digits+dot": _repeat("1."),
    "digits+comma": _repeat("1,"),
    "digits+colon": _repeat("12:"),
    "spaces": _repeat(" "),
    "space-comma": _repeat(" ,"),
    "month names": _repeat("January "),
    "abbrev months": _repeat("Jan. "),
    "May": _repeat("May "),
    "weekday names": _repeat("Monday, "),
    "the": _repeat("the "),
    "the next": _repeat("the next "),
    "fiscal": _repeat("fiscal year "),
    "nineteen": _repeat("nineteen "),
    "twenty-": _repeat("twenty-"),
    "hyphens": _repeat("-"),
    "apostrophes": _repeat("'"),
    "a.m.": _repeat("1 a.m. "),
    "every other": _repeat("every other "),
    "about some": _repeat("about some "),
    "letters": _repeat("x"),
    "word times": _repeat("x times "),
    "mixed": _repeat("the early 19th 2021-04 Q3 1990s 'the "),
}


def scan_patterns(small: int = 10_000, large: int = 100_000) -> float:
    """Time each compiled rule alone on each probe at two sizes; returns the worst ms/KB seen."""
    print(f"\nEach of {len(load_ruleset().compiled)} compiled patterns alone, {len(PATTERN_PROBES)} probes, "
          f"{small:,} and {large:,} characters")
    worst = (0.0, "", "")
    flagged = 0
    probes = {name: (make(small), make(large)) for name, make in PATTERN_PROBES.items()}
    for (rule, pattern), (probe, (short, long_)) in itertools.product(load_ruleset().compiled, probes.items()):
        # Best of three: one pattern on 100 KB takes milliseconds, so noise matters.
        ms_short = min(_ms(lambda p=pattern, s=short: sum(1 for _ in p.finditer(s))) for _ in range(3))
        ms_long = min(_ms(lambda p=pattern, s=long_: sum(1 for _ in p.finditer(s))) for _ in range(3))
        per_short, per_long = ms_short / _kb(small), ms_long / _kb(large)
        if per_long > worst[0]:
            worst = (per_long, rule.name, probe)
        if per_long > 0.2 and per_long > GROWTH_FLAG * per_short:
            flagged += 1
            print(f"  SUPERLINEAR: rule {rule.name!r} on {probe!r}: {per_short:.3f} -> {per_long:.3f} ms/KB")
    print(f"worst: rule {worst[1]!r} on {worst[2]!r}: {worst[0]:.3f} ms/KB at {large:,} characters; "
          f"{flagged} flagged")
    return worst[0]


def dateparser_worst_case() -> None:
    """dateparser's time on the longest, oddest strings the tagger's explicit-date rules can match."""
    candidates = [
        "Wednesday, the 31st of September, 2021", "Wednesday, the 29th of February, 2100",
        "WEDNESDAY, 31st SEPT. 2199", "Sunday, December 31st, 1500", "14/07/1989", "31.12.99",
        "Monday, 30 Feb, 2021", "Thursday, the 1st of January, 2000",
    ]
    worst = (0.0, "")
    for text in candidates:  # each string once: the first parse of a string is the uncached one
        ms = _ms(lambda t=text: timeline.extract(t, PUBLISHED))
        worst = max(worst, (ms, text))
    longest = max(len(p) for p in candidates)
    print(f"\nan explicit date through extract (dateparser parses it): worst {worst[0]:.2f} ms ({worst[1]!r}); "
          f"inputs are at most ~{longest} characters: the rules bound what it is given")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10K,100K,1M", help="comma-separated sizes (K, M suffixes)")
    parser.add_argument("--only", help="run only the text cases whose name contains this")
    parser.add_argument("--budget", type=float, default=120.0, help="skip a size projected to take longer (s)")
    parser.add_argument("--patterns-only", action="store_true", help="only the per-pattern scan")
    parser.add_argument("--probe", nargs=2, metavar=("CASE", "SIZE"), help=argparse.SUPPRESS)  # one subprocess
    args = parser.parse_args(argv)
    if args.probe:
        print(json.dumps(probe(args.probe[0], int(args.probe[1]))))
        return 0
    sizes = [parse_size(s) for s in args.sizes.split(",")]
    timeline.extract("On 7 April 2021 it rained.", PUBLISHED)  # load dateparser before timing
    if not args.patterns_only:
        rows = run_cases(sizes, args.only, args.budget)
        worst = max(rows, key=lambda r: r[2] / _kb(r[1]))
        largest = max(rows, key=lambda r: (r[1], r[2]))  # the slowest at the largest size
        judged = [r for r in rows if r[1] >= BUDGET_FROM] or rows
        hungriest = max(judged, key=lambda r: r[3])
        print(f"worst: {worst[0]!r} at {worst[1]:,} characters: {worst[2] / _kb(worst[1]):.3f} ms/KB; "
              f"largest input: {largest[1]:,} characters, at most {largest[2] / 1000:.1f} s ({largest[0]!r}); "
              f"most memory: {hungriest[0]!r} at {hungriest[1]:,} characters: {hungriest[3]:.1f} MB per MB "
              f"(budget {MEMORY_BUDGET:g})")
        if not args.only:
            run_html(sizes)
    if not args.only:
        scan_patterns()
        dateparser_worst_case()
    return 0


if __name__ == "__main__":
    sys.exit(main())
