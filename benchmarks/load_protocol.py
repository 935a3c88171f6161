"""The load benchmark's visitors without browsers: each one a `ProtocolSession` (benchmarks/st_client.py).

Each visitor does what benchmarks/load.py's browser sessions do, in the same order and with the same
pauses, and times what the server makes it wait:
  - page open: GET / and the static files a browser fetched for this page (6 connections), the websocket,
    then the first script run until it finished with the chart;
  - "Paste text" chosen (untimed, like the browser's radio click), its article sent -> the run finished
    with the chart;
  - `rounds` times: the year slider's lower thumb one year up (or back) -> the run finished with a chart,
    and a click on another event (the chart's selection) -> the run finished with its sentence shown.
"""

from __future__ import annotations

import asyncio
import io
import time

from benchmarks.st_client import ProtocolSession, fetch_assets, widget_key

__all__ = ["ACTIONS", "crowd", "event_ids"]

ACTIONS = ("page open -> first chart", "paste -> marks drawn", "year filter -> chart redrawn",
           "click -> sentence shown", "(page open's first script run)")  # the last one protocol visitors only
OPEN, PASTE, FILTER, CLICK, OPEN_RUN = ACTIONS
PAUSE = 0.3  # seconds between actions, as the browser sessions wait


def event_ids(chart) -> list[str]:
    """The event ids in a chart element's dataset (Arrow IPC), in row order."""
    import pyarrow.ipc

    for dataset in chart.datasets:
        table = pyarrow.ipc.open_stream(io.BytesIO(dataset.data.data)).read_all()
        if "event_id" in table.column_names:
            return [str(v) for v in table.column("event_id").to_pylist()]
    return []


def _sentence_shown(run) -> bool:
    return any("<blockquote" in html.body for html in run.of_kind("html"))


async def _timed(figures, action: str, session: ProtocolSession, check, wait: float):
    """One rerun, timed; counted as a failure when it times out or does not show what `check` wants."""
    try:
        run = await session.rerun(wait)
    except Exception as error:  # a timeout or a closed socket: counted, the visitor stops
        figures.failures.append(f"{action}: {type(error).__name__}")
        return None
    if not check(run):
        figures.failures.append(f"{action}: not shown")
        return None
    figures.seconds[action].append(run.seconds)
    return run


async def _open(base: str, assets: list[str], figures, wait: float) -> ProtocolSession | None:
    started = time.perf_counter()
    session = ProtocolSession(base)
    try:
        await asyncio.wait_for(fetch_assets(base, ["", *assets]), wait)
        await session.connect()
        run = await session.rerun(wait)
    except Exception as error:
        figures.failures.append(f"{OPEN}: {type(error).__name__}")
        await session.close()
        return None
    if run.chart is None:
        figures.failures.append(f"{OPEN}: no chart")
        await session.close()
        return None
    figures.seconds[OPEN].append(time.perf_counter() - started)
    figures.seconds[OPEN_RUN].append(run.seconds)
    return session


async def visitor(base: str, assets: list[str], article: str, rounds: int, figures, wait: float) -> None:
    """One visitor: open, paste an article, then filter and click `rounds` times."""
    session = await _open(base, assets, figures, wait)
    if session is None:
        return
    if session is None:
        return
    try:
        session.set_string("mode", "Paste text")
        await session.rerun(wait)
        session.set_string("paste", article)
        run = await _timed(figures, PASTE, session, lambda r: r.chart is not None, wait)
        for step in range(rounds if run else 0):
            await asyncio.sleep(PAUSE)
            # The year slider (key "years:LO-HI"; other widgets' keys may start with it, e.g. a "show all" button).
            slider = next(s for s in run.of_kind("slider") if (widget_key(s.id) or "").startswith("years:"))
            low = slider.min + 1 if step % 2 == 0 else slider.min
            session.set_numbers(slider.id, [low, slider.max])
            run = await _timed(figures, FILTER, session, lambda r: r.chart is not None, wait)
            if run is None:
                return
            await asyncio.sleep(PAUSE)
            ids = event_ids(run.chart)
            session.pick("timeline", "pick", "event_id", ids[(step + 1) % len(ids)])
            run = await _timed(figures, CLICK, session, _sentence_shown, wait)
            if run is None:
                return
            await asyncio.sleep(PAUSE)
    finally:
        await session.close()


async def crowd(base: str, assets: list[str], texts: list[str], rounds: int, seconds: float, figures,
                wait: float = 60.0):
    """len(texts) visitors at once, stopped after `seconds`; their figures pooled into `figures`."""
    try:
        await asyncio.wait_for(asyncio.gather(*(visitor(base, assets, text, rounds, figures, wait) for text in texts)),
                               timeout=max(seconds, 1))
    except TimeoutError:
        figures.failures.append(f"time limit: stopped after {seconds:.0f} s")
    return figures
