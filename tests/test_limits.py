"""timeline.limits: the size limit and the time guard around third-party parsing."""

from __future__ import annotations

import threading
import time

import pytest

from timeline import limits
from timeline.limits import CallTimedOut, InputTooLarge, call_with_timeout, check_size, short_enough


def test_size_limit_is_one_clear_line() -> None:
    check_size("x" * 10, limit=10)
    with pytest.raises(InputTooLarge, match=r"^text too large: 11 characters, the limit is 10$") as raised:
        check_size("x" * 11, limit=10)
    assert isinstance(raised.value, ValueError)
    with pytest.raises(InputTooLarge, match="bytes"):
        check_size(b"x" * 11, limit=10)


def test_size_limit_is_read_at_call_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_TEXT_CHARS", 5)
    with pytest.raises(InputTooLarge, match="the limit is 5"):
        check_size("123456")
    check_size("12345")


def test_short_enough() -> None:
    assert short_enough("Wednesday, the 31st of September, 2021")
    assert not short_enough("7 " * limits.MAX_PARSE_CHARS)


def _spin(seconds: float) -> str:
    """Pure-Python busy loop (like dateparser): ends on its own after `seconds`."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass
    return "done"


def test_guard_returns_the_value_and_passes_errors_through() -> None:
    assert call_with_timeout(sorted, [3, 1, 2], seconds=5, reverse=True) == [3, 2, 1]
    with pytest.raises(KeyError):
        call_with_timeout({}.__getitem__, "missing", seconds=5)
    with pytest.raises(ValueError, match="positive"):
        call_with_timeout(sorted, [], seconds=0)


def test_guard_interrupts_pure_python_in_the_main_thread() -> None:
    if not limits._alarm_available():
        pytest.skip("SIGALRM not usable here")
    with pytest.raises(CallTimedOut, match="_spin"):
        call_with_timeout(_spin, 30, seconds=0.05)
    # The timer is cancelled and the previous handler restored.
    assert limits.signal.getitimer(limits.signal.ITIMER_REAL)[0] == 0
    assert limits.signal.getsignal(limits.signal.SIGALRM) in (limits.signal.SIG_DFL, limits.signal.SIG_IGN, None)


def test_guard_stops_waiting_in_a_worker_thread() -> None:
    """Off the main thread (Streamlit's case) the call is abandoned, not killed: the caller goes on."""
    outcome: list[BaseException | str] = []

    def worker() -> None:
        try:
            outcome.append(call_with_timeout(_spin, 1.0, seconds=0.05))
        except CallTimedOut as err:
            outcome.append(err)

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join(10)
    assert len(outcome) == 1 and isinstance(outcome[0], CallTimedOut), outcome
    assert "background" in str(outcome[0])
