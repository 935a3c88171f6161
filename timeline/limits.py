"""Limits on untrusted input: a hard size limit and a time guard around third-party parsing.

    check_size("x" * 20_000_000)
    -> InputTooLarge: text too large: 20,000,000 characters, the limit is 10,485,760
    call_with_timeout(parse, "7 Apr, 2021", seconds=2.0)   -> parse("7 Apr, 2021"), or CallTimedOut

Why both, and what each really bounds:

- Extraction time grows linearly with the text (see benchmarks/adversarial.py), so a size limit
  bounds it. `MAX_TEXT_CHARS` equals the byte limit for files (documents.DEFAULT_MAX_BYTES): any
  file that can be read can be extracted. Change it at run time with
  `timeline.limits.MAX_TEXT_CHARS = n` (read at each call) or pass `limit=`.
- dateparser, trafilatura and htmldate are pure Python over C parsers, and CPython cannot kill a
  thread. The honest bound is on their *input*: the tagger only hands dateparser strings its own
  rules matched (at most ~40 characters: `short_enough` checks a string against
  `MAX_PARSE_CHARS`), and trafilatura only gets trees of at most documents.MAX_HTML_ELEMENTS
  elements. `call_with_timeout` is the backstop on top of that: in the main thread on POSIX it
  uses SIGALRM, which does interrupt pure-Python code (though not a single long C call, such as
  one regex search or one lxml parse, until it returns); elsewhere (Streamlit runs scripts in
  worker threads) it runs the call in a daemon thread and stops *waiting* after `seconds` — the
  abandoned call keeps its CPU until it finishes and its result is dropped.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from typing import TypeVar

__all__ = [
    "CHARS_PER_DATE", "MAX_PARSE_CHARS", "MAX_TEXT_CHARS", "MIN_DATES", "CallTimedOut", "InputTooLarge",
    "call_with_timeout", "check_size", "dates_dropped_note", "max_dates", "short_enough",
]

T = TypeVar("T")

# 10 MiB: the same number as the file limit, so every readable file can be extracted.
MAX_TEXT_CHARS = 10 * 1024 * 1024
# Longest string worth giving dateparser: the longest explicit date the rules match
# ("Wednesday, the 31st of September, 2021") is under 40 characters.
MAX_PARSE_CHARS = 100


# Memory budget: at most 50 MB of peak memory per MB of text. Each date costs about 2 KB (its timex,
# its event with label and sentence), and the rest of the pipeline is linear and small, so a text
# may hold one date per CHARS_PER_DATE characters (news has about one per 500), and at least
# MIN_DATES whatever its length; the dates past the limit are dropped with a note
# (benchmarks/adversarial.py measures MB per MB).
CHARS_PER_DATE = 60
MIN_DATES = 500


def max_dates(n_chars: int) -> int:
    """How many temporal expressions a text of `n_chars` characters may yield (see the memory budget)."""
    return max(MIN_DATES, n_chars // CHARS_PER_DATE)


def dates_dropped_note(kept: int, dropped: int, position: int, length: int) -> str:
    """The note a Document gets when max_dates cut its dates short."""
    return (f"too many dates for the text's length: kept the first {kept:,}, dropped about {dropped:,} more after "
            f"character {position:,} of {length:,} (the limit is one per {CHARS_PER_DATE} characters, at least "
            f"{MIN_DATES:,}: it bounds memory)")


class InputTooLarge(ValueError):
    """Text over the size limit; the message is one line for the user."""


class CallTimedOut(TimeoutError):
    """A guarded call took longer than its time limit."""


def check_size(text: str | bytes, limit: int | None = None) -> None:
    """Raise InputTooLarge when `text` is longer than `limit` (default: MAX_TEXT_CHARS at call time)."""
    limit = MAX_TEXT_CHARS if limit is None else limit
    if len(text) > limit:
        unit = "bytes" if isinstance(text, bytes | bytearray) else "characters"
        raise InputTooLarge(f"text too large: {len(text):,} {unit}, the limit is {limit:,}")


def short_enough(text: str, limit: int = MAX_PARSE_CHARS) -> bool:
    """True when `text` may be handed to dateparser: its time then stays within a few ms."""
    return len(text) <= limit


def call_with_timeout(fn: Callable[..., T], *args, seconds: float, **kwargs) -> T:
    """fn(*args, **kwargs), or CallTimedOut after `seconds` (see the module docstring for the limits).

    Exceptions from `fn` propagate unchanged. Use it around one third-party call whose input is
    already bounded, with a fallback on CallTimedOut (e.g. no article extraction: use all text).
    """
    if seconds <= 0:
        raise ValueError(f"seconds must be positive, not {seconds}")
    if _alarm_available():
        return _call_with_alarm(fn, args, kwargs, seconds)
    return _call_in_thread(fn, args, kwargs, seconds)


def _alarm_available() -> bool:
    """SIGALRM works only on POSIX, in the main thread, and only if no one else's timer is running."""
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
        and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN, None)
    )


def _call_with_alarm(fn: Callable[..., T], args: tuple, kwargs: dict, seconds: float) -> T:
    running = True

    def on_alarm(signum, frame):
        if running:  # the alarm may land just after fn returned; then it is not a timeout
            raise CallTimedOut(f"{_name(fn)} took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return fn(*args, **kwargs)
    finally:
        running = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _call_in_thread(fn: Callable[..., T], args: tuple, kwargs: dict, seconds: float) -> T:
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = fn(*args, **kwargs)
        except BaseException as err:  # handed to the caller below
            outcome["error"] = err

    worker = threading.Thread(target=run, name=f"timeline-guard-{_name(fn)}", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise CallTimedOut(f"{_name(fn)} took longer than {seconds:g} s (left running in the background)")
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]


def _name(fn: Callable) -> str:
    return getattr(fn, "__qualname__", None) or getattr(fn, "__name__", None) or type(fn).__name__
