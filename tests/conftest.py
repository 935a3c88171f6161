"""Shared test set-up: the parser model is loaded once before any test, so that no test with a time
limit (hypothesis deadlines, browser waits) pays the one-off cost of loading it."""

from __future__ import annotations

import pytest

from timeline.events.parse import load_parser


@pytest.fixture(scope="session", autouse=True)
def _parser_loaded_once() -> None:
    load_parser()
