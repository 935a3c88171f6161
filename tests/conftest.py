"""Shared test set-up: the parser model is loaded once before any test, so that no test with a time
limit (browser waits) pays the one-off cost of loading it; property tests have no time limit (speed is
measured in benchmarks/, and a shared machine made hypothesis's 200 ms deadline fail at random)."""

from __future__ import annotations

import pytest
from hypothesis import settings

from timeline.events.parse import load_parser

settings.register_profile("timeline", deadline=None)
settings.load_profile("timeline")


@pytest.fixture(scope="session", autouse=True)
def _parser_loaded_once() -> None:
    load_parser()
