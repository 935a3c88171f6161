"""The dashboard's server options: what follows `--` in `streamlit run dashboard.py -- ARGS`, or the environment.

    dashboard_options(["--store", "store/", "--max-marks", "800"])
    -> DashboardOptions(store="store/", stores_dir=None, max_marks=800, allow_any_store=False,
                        allow_private_urls=False)
"""

from __future__ import annotations

import argparse
import functools
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

__all__ = ["DEFAULT_MAX_MARKS", "DashboardOptions", "dashboard_options"]

#: Above this many events in view the collection chart shows counts per period instead of single events.
DEFAULT_MAX_MARKS = 1500
_TRUE = ("1", "true", "yes", "on")


@dataclass(frozen=True)
class DashboardOptions:
    """Settings chosen by whoever runs the server (never by a visitor of the page).

    `store`: a store to open first; `stores_dir`: the folder the collection picker lists and keeps to
    (None: the folder the app runs in); `allow_any_store`: let "Another folder…" open a store outside it;
    `open`: a timeline file (*.timeline.json) to open first.
    `allow_private_urls`: let "Paste a link" fetch pages on this machine or a private network.
    """

    store: str | None = None
    stores_dir: str | None = None
    max_marks: int = DEFAULT_MAX_MARKS
    allow_any_store: bool = False
    open: str | None = None
    allow_private_urls: bool = False


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise ValueError(text)
    return value


def dashboard_options(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> DashboardOptions:
    """Options from the script's arguments, falling back on TIMELINE_STORE, TIMELINE_STORES_DIR,
    TIMELINE_MAX_MARKS, TIMELINE_ALLOW_ANY_STORE, TIMELINE_OPEN and TIMELINE_ALLOW_PRIVATE_URLS.

    Unknown arguments are ignored (under a test runner argv is the runner's own), and a bad
    --max-marks value falls back on the default rather than stopping the app.
    """
    environ = os.environ if environ is None else environ
    # Parsed once per arguments and settings: every script run asks (argparse costs ~1 ms a run).
    return _parsed(tuple(argv), tuple((name, environ.get(name)) for name in _ENVIRONMENT))


_ENVIRONMENT = ("TIMELINE_STORE", "TIMELINE_STORES_DIR", "TIMELINE_MAX_MARKS", "TIMELINE_ALLOW_ANY_STORE",
                "TIMELINE_OPEN", "TIMELINE_ALLOW_PRIVATE_URLS")


@functools.lru_cache(maxsize=16)
def _parsed(argv: tuple[str, ...], settings: tuple[tuple[str, str | None], ...]) -> DashboardOptions:
    environ = {name: value for name, value in settings if value is not None}
    parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    parser.add_argument("--store")
    parser.add_argument("--stores-dir")
    parser.add_argument("--max-marks")
    parser.add_argument("--allow-any-store", action="store_true")
    parser.add_argument("--open")
    parser.add_argument("--allow-private-urls", action="store_true")
    args, _ = parser.parse_known_args(list(argv))
    raw_marks = args.max_marks or environ.get("TIMELINE_MAX_MARKS")
    try:
        max_marks = _positive(raw_marks) if raw_marks else DEFAULT_MAX_MARKS
    except ValueError:
        max_marks = DEFAULT_MAX_MARKS
    return DashboardOptions(
        store=args.store or environ.get("TIMELINE_STORE") or None,
        stores_dir=args.stores_dir or environ.get("TIMELINE_STORES_DIR") or None,
        max_marks=max_marks,
        allow_any_store=args.allow_any_store
        or environ.get("TIMELINE_ALLOW_ANY_STORE", "").strip().lower() in _TRUE,
        open=args.open or environ.get("TIMELINE_OPEN") or None,
        allow_private_urls=args.allow_private_urls
        or environ.get("TIMELINE_ALLOW_PRIVATE_URLS", "").strip().lower() in _TRUE,
    )
