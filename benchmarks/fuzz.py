"""Corpus-mutation fuzzer: te3-silver news texts, mutated, through timeline.extract and read_document.

    python -m benchmarks.fuzz                       # 20,000 inputs, seed 0
    python -m benchmarks.fuzz -n 2000 --seed 7 --save /tmp/fuzz-failures

Each input is a real AFP article (or two spliced) mutated a few times: slices spliced from another
article, duplicated or deleted; date-like tokens inserted (impossible dates, huge numbers, HTML,
control characters, lone surrogates); or its UTF-8 bytes flipped and then read back through
timeline.documents.read_document (refusal with DocumentError is a valid outcome, a crash is not).
Every result is checked: offsets inside the text and faithful, timexes in order without overlap,
values well formed, event intervals non-empty. Prints inputs tried, exceptions and invariant
failures by kind, worst ms/KB (inputs of 1 KB and more), and the largest input.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
import warnings
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import timeline
from timeline import (
    DocumentError,
    HeadlineFailure,
    Timeline,
    TimexType,
    interval,
    is_well_formed,
    read_document,
    read_timeml,
)

SILVER = Path(__file__).resolve().parents[2] / "shared" / "data" / "te3-silver"
TOKENS = (
    "31 February 2021", "February 30, 2021", "2021-13-45", "2021-02-29", "Feb 30", "December 32", "0/0/0000",
    "30/02/2021", "31.04.1998", "year 99999999", "99999999-01-01", "999 decades ago", "999,999 days ago",
    "999,999 months later", "9,999 quarters later", "the 0th century", "the 99th century", "Q5 2021",
    "25:00 GMT", "13 p.m.", "12:99 a.m.", "the next day", "the following week", "a year earlier", "on Sunday",
    "last Monday", "next year", "the 1990s", "the '90s", "fiscal 1999", "every Tuesday", "three days ago",
    "7 Apr, 2021", "April 7, 2021", "1998-04-07", "yesterday morning", "<script>alert(1)</script>", "&amp;",
    "<p>", "</div>", "\x00", "\x1b", "\u202e", "\u200b", "\ufeff", "\ud800", "\udfff", "\u2028", "\x85",
    "١٢ أبريل ٢٠٢١", "2021年4月7日", "\U0001f600", "May May May", "(((((", "]]]]]", "1" * 40, "-" * 30,
)


def load_corpus(limit: int) -> list[tuple[str, date | None]]:
    """(text, DCT) of the first `limit` te3-silver documents."""
    docs = []
    for path in sorted(SILVER.glob("*.tml"))[:limit]:
        doc = read_timeml(path)
        docs.append((doc.text, doc.published))
    if not docs:
        raise SystemExit(f"no te3-silver documents under {SILVER}")
    return docs


def _slice(rng: random.Random, text: str) -> tuple[int, int]:
    if not text:
        return 0, 0
    start = rng.randrange(len(text))
    return start, min(len(text), start + rng.randint(1, 400))


def mutate_text(rng: random.Random, text: str, corpus: list[tuple[str, date | None]]) -> str:
    """One text mutation: splice, duplicate, delete, insert a token, or repeat a token many times."""
    kind = rng.randrange(6)
    pos = rng.randint(0, len(text))
    if kind == 0:  # splice a slice of another article
        other = rng.choice(corpus)[0]
        a, b = _slice(rng, other)
        return text[:pos] + other[a:b] + text[pos:]
    if kind == 1:  # duplicate a slice, sometimes many times (big inputs)
        a, b = _slice(rng, text)
        times = rng.choice((1, 2, 10, 100))
        return text[:b] + text[a:b] * times + text[b:]
    if kind == 2:  # delete a slice
        a, b = _slice(rng, text)
        return text[:a] + text[b:]
    if kind == 3:  # insert a date-like or hostile token
        return text[:pos] + rng.choice(("", " ")) + rng.choice(TOKENS) + rng.choice(("", " ", ". ")) + text[pos:]
    if kind == 4:  # a token repeated: long runs of one shape
        return text[:pos] + (rng.choice(TOKENS) + rng.choice((" ", "", ", "))) * rng.randint(2, 300) + text[pos:]
    chars = list(text)  # kind 5: random code points, surrogates and controls included
    for _ in range(rng.randint(1, 20)):
        if chars:
            chars[rng.randrange(len(chars))] = chr(rng.choice((rng.randrange(0x20), rng.randrange(0x110000))))
    return "".join(chars)


def flip_bytes(rng: random.Random, text: str) -> bytes:
    """The text's UTF-8 bytes with a few bytes flipped, inserted or removed."""
    data = bytearray(text.encode("utf-8", "surrogatepass"))
    for _ in range(rng.randint(1, 30)):
        if not data:
            break
        i = rng.randrange(len(data))
        op = rng.randrange(3)
        if op == 0:
            data[i] ^= 1 << rng.randrange(8)
        elif op == 1:
            data.insert(i, rng.randrange(256))
        else:
            del data[i]
    return bytes(data)


def check(text: str, result: Timeline) -> list[str]:
    """Invariant failures of a result (empty when all hold)."""
    problems = []
    previous_end = 0
    for timex in result.timexes:
        if not (previous_end <= timex.start < timex.end <= len(text)):
            problems.append(f"timex offsets {timex.start}-{timex.end} after {previous_end} (len {len(text)})")
        elif text[timex.start:timex.end] != timex.text:
            problems.append(f"timex text {timex.text!r} is not text[{timex.start}:{timex.end}]")
        if not is_well_formed(timex.value):
            problems.append(f"malformed value {timex.value!r} for {timex.text!r}")
        if timex.type in (TimexType.DATE, TimexType.TIME) and (span := interval(timex.value)) and span[1] >= span[2]:
            problems.append(f"empty interval for {timex.value!r}")
        previous_end = max(previous_end, timex.end)
    for event in result.events:
        if not event.start < event.end:
            problems.append(f"event {event.value!r} has an empty interval")
        for name in ("sentence", "expression"):
            start, end = getattr(event, f"{name}_start"), getattr(event, f"{name}_end")
            if not (0 <= start <= end <= len(text)) or text[start:end] != getattr(event, name):
                problems.append(f"event {name} offsets {start}-{end} are not faithful")
    return problems


@dataclass
class Tally:
    """What the run has seen: outcomes, failures by kind (with one example each) and the worst times."""

    failures: Counter[str] = field(default_factory=Counter)
    outcomes: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)
    worst: tuple[float, int] = (0.0, 0)  # (ms/KB, size) over inputs of 1 KB and more
    slowest: tuple[float, int] = (0.0, 0)  # (ms, size)
    largest: int = 0

    def fail(self, kind: str, example: str) -> None:
        self.failures[kind] += 1
        self.examples.setdefault(kind, example)

    def time(self, ms: float, size: int) -> bool:
        """Record one input's time; True when it is the worst per KB so far."""
        self.slowest = max(self.slowest, (ms, size))
        self.largest = max(self.largest, size)
        if size >= 1024 and ms / (size / 1024) > self.worst[0]:
            self.worst = (ms / (size / 1024), size)
            return True
        return False


@dataclass(frozen=True)
class FuzzInput:
    """One mutated input: text (or bytes to read as a file named `name`) and its publication date."""

    text: str
    published: date | None
    data: bytes = b""
    name: str = ""

    @property
    def raw(self) -> str | bytes:
        return self.data if self.name else self.text

    def describe(self) -> str:
        how = f"read_document(name={self.name!r})" if self.name else "extract"
        return f"{how} published={self.published}\n{self.raw!r}\n"


def make_input(rng: random.Random, corpus: list[tuple[str, date | None]]) -> FuzzInput:
    """A corpus text mutated a few times, a publication date (sometimes absurd), maybe as flipped bytes."""
    text, published = rng.choice(corpus)
    for _ in range(rng.choice((1, 1, 2, 3, 5))):
        text = mutate_text(rng, text, corpus)
    published = rng.choice((published, published, None, date(2021, 4, 7), date(1, 1, 1), date(9999, 12, 31)))
    if rng.random() < 0.25:
        return FuzzInput(text, published, flip_bytes(rng, text), rng.choice(("a.txt", "a.md", "a.html", "a")))
    return FuzzInput(text, published)


def run_one(item: FuzzInput) -> tuple[str, Timeline] | None:
    """(the text extracted from, its timeline), or None when read_document refused the bytes."""
    if not item.name:
        return item.text, timeline.extract(item.text, item.published)
    try:
        document = read_document(item.data, name=item.name, published=item.published)
    except DocumentError:
        return None
    return document.text, timeline.extract_document(document)


def fuzz_one(i: int, item: FuzzInput, tally: Tally, args: argparse.Namespace) -> None:
    """Run one input, record its outcome, time and any exception or broken invariant."""
    start = time.perf_counter()
    try:
        result = run_one(item)
    except Exception as err:
        kind = f"{type(err).__name__} in {traceback.extract_tb(err.__traceback__)[-1].name}"
        tally.fail(kind, repr(item.raw)[:300] + f" published={item.published}")
        _save(args.save, i, item.raw, item.published, traceback.format_exc())
        return
    finally:
        size = len(item.data) if item.name else len(item.text)
        if tally.time((time.perf_counter() - start) * 1000, size) and args.slowest:
            args.slowest.write_text(item.describe(), encoding="utf-8")
    if result is None:
        tally.outcomes["refused (DocumentError)"] += 1
        return
    tally.outcomes["ok"] += 1
    text, extracted = result
    for problem in check(text, extracted):
        tally.fail(f"invariant: {problem.split(' ')[0]} {problem.split(' ')[1]}", problem + f" in {text[:120]!r}")
        _save(args.save, i, item.raw, item.published, problem)


def report(tally: Tally, args: argparse.Namespace, corpus_size: int, seconds: float) -> None:
    print(f"inputs tried: {args.inputs:,} (seed {args.seed}, {corpus_size:,} te3-silver documents), {seconds:.0f} s")
    print("outcomes: " + ", ".join(f"{k} {v:,}" for k, v in tally.outcomes.most_common()))
    print(f"exceptions and invariant failures: {sum(tally.failures.values())}")
    for kind, count in tally.failures.most_common():
        print(f"  {count:6,}  {kind}: e.g. {tally.examples[kind]}")
    print(f"worst time per KB (inputs >= 1 KB): {tally.worst[0]:.2f} ms/KB on {tally.worst[1]:,} characters/bytes")
    print(f"slowest input: {tally.slowest[0]:.0f} ms on {tally.slowest[1]:,}; "
          f"largest input: {tally.largest:,} characters/bytes")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--inputs", type=int, default=20_000, help="how many inputs to try")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--documents", type=int, default=2452, help="te3-silver documents to draw from")
    parser.add_argument("--save", type=Path, help="write each failing input here (repr, one file per failure)")
    parser.add_argument("--slowest", type=Path, help="write the input with the worst ms/KB to this file")
    args = parser.parse_args(argv)

    warnings.simplefilter("error", HeadlineFailure)  # the product degrades to words; a fuzzer counts it a crash
    rng = random.Random(args.seed)
    corpus = load_corpus(args.documents)
    timeline.extract("On 7 April 2021 it rained.", date(2021, 4, 7))  # load dateparser before timing
    tally = Tally()
    started = time.perf_counter()
    for i in range(args.inputs):
        fuzz_one(i, make_input(rng, corpus), tally, args)
        if (i + 1) % 2000 == 0:
            print(f"  {i + 1:,} inputs, {sum(tally.failures.values())} failures, "
                  f"{time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    report(tally, args, len(corpus), time.perf_counter() - started)
    return 1 if tally.failures else 0


def _save(folder: Path | None, index: int, data: str | bytes, published: date | None, why: str) -> None:
    if folder is None:
        return
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{index:06d}.txt").write_text(f"published={published}\n{why}\n{data!r}\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
