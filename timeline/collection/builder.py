"""Build a collection store from SOURCEs, on local processes or a Dask cluster.

    build(["news/", "feed.jsonl"], "store/", workers=2)
    -> BuildReport(added=1840, skipped=0, failed=3, events=9312, parts=1, failures=[Failure(...), ...])

The reading process walks the inputs, hashes each article (its id) and skips those already in the
store; batches of new articles go to workers (`extract_batch`), and results come back in submission
order, so a store built on 1 process, 8 processes or a Dask cluster is the same, part for part.
Every `part_size` articles a part is written (see timeline.collection.store for why that is safe).
At most a few batches per worker are in flight, so memory stays flat however big the collection.
"""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from timeline.collection.extract import Batch, Failure, extract_batch
from timeline.collection.sources import Item, check_sources, count_items, iter_items
from timeline.collection.store import StoreWriter
from timeline.fetch import FetchLimits

__all__ = ["BuildInterrupted", "BuildReport", "build", "dask_client", "default_workers"]

log = logging.getLogger("timeline.collection")

BATCH_SIZE = 16  # articles per task: enough to make the hand-off cheap, small enough to keep all cores busy
PART_SIZE = 5_000  # articles per Parquet part: few files for DuckDB, little lost to a Ctrl-C
IN_FLIGHT_PER_WORKER = 3
MAX_FAILURES_KEPT = 1_000


@dataclass
class BuildReport:
    """What a build did. `failures` keeps the first MAX_FAILURES_KEPT; `failed` counts them all."""

    added: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0
    parts: int = 0
    failures: list[Failure] = field(default_factory=list)
    # --repair: the damaged parts dropped, as (name, problem, articles it listed); their articles are
    # extracted again when the SOURCEs hold them.
    dropped: list[tuple[str, str, int]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. a stale lock taken over


class BuildInterrupted(KeyboardInterrupt):
    """Ctrl-C during a build; the store holds every article finished before it (`report`)."""

    def __init__(self, report: BuildReport):
        super().__init__("build interrupted")
        self.report = report


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


PARENT_CHECK_SECONDS = 1.0
_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _init_worker(inherited_fds: tuple[int, ...]) -> None:
    """A pool worker's setup: it must never outlive the build, nor keep the store's lock.

    Ctrl-C goes to the whole process group: the parent alone decides how to stop, so SIGINT is ignored.
    A killed parent (kill -9, SIGTERM) must take its workers with it, or they would hold the lock
    they inherited: on Linux the kernel sends SIGKILL when the parent dies (PR_SET_PDEATHSIG);
    everywhere a thread checks that the parent is still there.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent's handler (stop and save) is not the worker's
    parent = os.getppid()
    for fd in inherited_fds:  # the lock stays held by the parent's own descriptor
        try:
            os.close(fd)
        except OSError:
            pass
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):  # no libc prctl: the thread below still works
            pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)
    threading.Thread(target=_exit_when_orphaned, args=(parent,), name="timeline-parent-check", daemon=True).start()


def _exit_when_orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


class _Inline:
    """The executor for one worker: runs batches in this process (no pickling, easy to debug)."""

    class _Done:
        def __init__(self, value):
            self._value = value

        def result(self):
            return self._value

        def cancel(self):
            return False

        def done(self):
            return True

    def submit(self, fn, *args):
        return self._Done(fn(*args))

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


class _DaskExecutor:
    """A distributed.Client seen as an executor (futures with .result() and .cancel())."""

    def __init__(self, client):
        self.client = client

    def submit(self, fn, *args):
        return self.client.submit(fn, *args, pure=False)

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


@contextmanager
def dask_client(scheduler: str | None = None, workers: int | None = None):
    """A distributed.Client: on the scheduler at `scheduler` ("tcp://host:8786"), or on a new
    LocalCluster of `workers` single-threaded processes when `scheduler` is None."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler, timeout="10s") as client:
            yield client
    else:
        n = workers or default_workers()
        with LocalCluster(
            n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster:
            with Client(cluster) as client:
                yield client


def _executor(workers: int, client, inherited_fds: tuple[int, ...] = ()):
    if client is not None:
        return _DaskExecutor(client)
    if workers <= 1:
        return _Inline()
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(inherited_fds,))


def _progress_bar(sources: list[str], enabled: bool):
    from tqdm import tqdm

    total = count_items(sources) if enabled else None
    return tqdm(total=total, unit=" articles", disable=not enabled, dynamic_ncols=True, smoothing=0.05)


class _Builder:
    """The state of one build: the store writer, buffered rows, counts."""

    def __init__(self, writer: StoreWriter, part_size: int, on_failure: Callable[[Failure], None]):
        self.writer = writer
        self.part_size = part_size
        self.on_failure = on_failure
        self.report = BuildReport()
        self.articles: list[dict] = []
        self.events: list[dict] = []

    def fail(self, failure: Failure) -> None:
        self.report.failed += 1
        if len(self.report.failures) < MAX_FAILURES_KEPT:
            self.report.failures.append(failure)
        self.on_failure(failure)

    def take(self, batch: Batch) -> None:
        for failure in batch.failures:
            self.fail(failure)
        self.articles.extend(batch.articles)
        self.events.extend(batch.events)
        if len(self.articles) >= self.part_size:
            self.flush()

    def flush(self) -> None:
        if not self.articles:
            return
        self.writer.write_part(self.articles, self.events)
        self.report.added += len(self.articles)
        self.report.events += len(self.events)
        self.report.parts += 1
        self.articles, self.events = [], []


def _new_batches(
    items: Iterable[Item], known: set[str], builder: _Builder, bar, batch_size: int
) -> Iterator[list[Item]]:
    """Batches of articles not in the store; skips and input errors are counted on the way."""
    batch: list[Item] = []
    for item in items:
        if item.kind == "error":
            builder.fail(Failure(item.path, item.data.decode("utf-8", "replace")))
            bar.update(1)
        elif item.key in known:  # in the store already, or met earlier in this build
            builder.report.skipped += 1
            bar.update(1)
        else:
            known.add(item.key)
            batch.append(item)
            if len(batch) >= batch_size:
                yield batch
                batch = []
    if batch:
        yield batch


def _log_failure(failure: Failure) -> None:
    log.warning("skipped %s: %s", failure.path, failure.reason)


def build(
    sources: list[str],
    store: Path | str,
    *,
    workers: int | None = None,
    client=None,
    batch_size: int = BATCH_SIZE,
    part_size: int = PART_SIZE,
    progress: bool = False,
    on_failure: Callable[[Failure], None] = _log_failure,
    repair: bool = False,
    fetch_limits: FetchLimits | None = None,
) -> BuildReport:
    """Add the articles of `sources` to the store at `store` (created if missing).

    workers: processes to use (default: every core; 1 runs in this process); ignored when `client`
    (a distributed.Client) is given, whose workers then do the extraction.
    Raises SourceError / StoreError (one line) before anything is written when an input or the store
    is unusable (StoreDamaged when a part fails verification); BuildInterrupted on Ctrl-C, after saving
    the articles already extracted. repair=True drops damaged parts instead (`report.dropped`) and
    extracts their articles again from `sources`. The pages a `.urls` SOURCE lists are fetched (in this
    process, one at a time) only when `fetch_limits` is given; else SourceError.
    """
    sources = list(sources)
    check_sources(sources, fetch_urls=fetch_limits is not None)
    workers = workers or default_workers()
    slots = (len(client.scheduler_info()["workers"]) or 1) if client is not None else workers
    in_flight = IN_FLIGHT_PER_WORKER * slots
    with StoreWriter(store, repair=repair) as writer, _progress_bar(sources, progress) as bar:
        builder = _Builder(writer, part_size, on_failure)
        builder.report.dropped, builder.report.notes = list(writer.dropped), list(writer.notes)
        known = writer.known_ids()
        executor = _executor(workers, client, (writer.lock_fd,))
        pending: deque = deque()
        try:
            for batch in _new_batches(iter_items(sources, fetch_limits), known, builder, bar, batch_size):
                pending.append((len(batch), executor.submit(extract_batch, batch)))
                while len(pending) >= in_flight:
                    size, future = pending.popleft()
                    builder.take(future.result())
                    bar.update(size)
            while pending:
                size, future = pending.popleft()
                builder.take(future.result())
                bar.update(size)
            builder.flush()
        except KeyboardInterrupt:
            # Keep the batches already done (in order), drop the rest.
            while pending and pending[0][1].done():
                size, future = pending.popleft()
                try:
                    builder.take(future.result())
                except Exception:  # a batch that failed is simply not kept
                    break
                bar.update(size)
            for _, future in pending:
                future.cancel()
            executor.shutdown(wait=False, cancel_futures=True)
            builder.flush()  # what finished before Ctrl-C is kept
            raise BuildInterrupted(builder.report) from None
        finally:
            executor.shutdown(wait=True, cancel_futures=True)
    return builder.report
