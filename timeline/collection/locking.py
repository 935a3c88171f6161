"""One build at a time per store: an flock on STORE/.lock, which records who holds it.

    handle, note = acquire(Path("store/.lock"), Path("store"))
    -> (the open lock file, None), or a note when a stale lock was taken over; LockBusy when in use

The flock is the lock (the kernel releases it when its holders die). It is stale when the build
that wrote the record is gone but the lock is still held: by its orphaned worker processes (which
inherited the open file) or by anything else that is not that build. Such a lock file is replaced
by a new one, so the build can go on, with a note saying so. Only a record from this host is
judged: another machine's pid cannot be looked up.
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
from pathlib import Path

__all__ = ["LockBusy", "acquire", "process_start"]

_ATTEMPTS = 3  # another build may replace a stale lock file between our open and our flock


class LockBusy(Exception):
    """Another live build holds the lock; the message is one line."""


def process_start(pid: int) -> str | None:
    """When process `pid` started (clock ticks since boot, from /proc), or None where unknown."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            return handle.read().rsplit(")", 1)[1].split()[19]  # field 22: starttime
    except (OSError, IndexError):
        return None


def _owner_record() -> dict:
    pid = os.getpid()
    return {"pid": pid, "host": socket.gethostname(), "start": process_start(pid)}


def _read_owner(handle) -> dict | None:
    try:
        handle.seek(0)
        record = json.loads(handle.read(4096) or b"null")
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) and isinstance(record.get("pid"), int) else None


def _stale(owner: dict | None) -> bool:
    """True when the recorded owner is a process of this host that is gone (or a new one with its pid)."""
    if owner is None or owner.get("host") != socket.gethostname():
        return False
    pid = owner["pid"]
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, another user's
        return False
    started = owner.get("start")
    return started is not None and process_start(pid) not in (None, started)  # the pid was reused


def _is_current(handle, file: Path) -> bool:
    try:
        return os.stat(file).st_ino == os.fstat(handle.fileno()).st_ino
    except OSError:
        return False


def acquire(file: Path, store: Path):
    """Lock `file` for this process: (open handle, note or None); LockBusy while another build holds it."""
    note = None
    for _ in range(_ATTEMPTS):
        handle = open(file, "a+b")  # noqa: SIM115 - held open for the writer's lifetime
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            owner = _read_owner(handle)
            handle.close()
            if note is None and _stale(owner):
                os.unlink(file)  # its holders are not a build: the new file is the lock from now on
                note = f"took over the lock of a build that is no longer running (pid {owner['pid']})"
                continue
            who = f" (pid {owner['pid']} on {owner.get('host')})" if owner else ""
            raise LockBusy(f"another build is writing to {store}{who}") from None
        if not _is_current(handle, file):  # replaced by another build taking over: lock the new one
            handle.close()
            continue
        handle.truncate(0)
        handle.write(json.dumps(_owner_record()).encode("ascii"))
        handle.flush()
        return handle, note
    raise LockBusy(f"another build is writing to {store}")
