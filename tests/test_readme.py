"""The README's code blocks run as written, in order, from a copy of the repository's data folder.

Shell lines run with bash; Python blocks run in one namespace (a later block may use what an earlier
block or command made, e.g. the store). The few lines that cannot run inside a test are listed in
NOT_RUN with the reason, and a test checks that each still names a README line.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```", re.M | re.S)

NOT_RUN = {
    "pip install -r requirements.txt && streamlit run": "the set-up itself; tests/browser starts this dashboard",
    "pip install -r requirements-dev.txt && python -m pytest": "the command that runs these tests (.ci/run)",
    "streamlit run dashboard.py": "a server that runs until stopped; tests/browser starts it and clicks",
    "python -m timeline build news/ --out store/ --scheduler": "needs a running Dask scheduler on another host",
}


def blocks() -> list[tuple[str, str]]:
    """(language, code) of every fenced block of the README, in order."""
    return [(m.group(1), m.group(2)) for m in BLOCK.finditer(README.read_text(encoding="utf-8"))]


def commands(code: str) -> list[str]:
    """The commands of a shell block: one a line, continuation lines joined, comments kept for bash."""
    joined = code.replace("\\\n", " ")
    return [line.strip() for line in joined.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def not_run_reason(command: str) -> str | None:
    return next((why for prefix, why in NOT_RUN.items() if command.startswith(prefix)), None)


def test_readme_has_runnable_blocks() -> None:
    kinds = [lang for lang, _ in blocks()]
    assert kinds.count("python") >= 2 and kinds.count("bash") >= 4


def test_every_line_not_run_is_still_in_the_readme() -> None:
    lines = [c for lang, code in blocks() if lang == "bash" for c in commands(code)]
    for prefix in NOT_RUN:
        assert any(line.startswith(prefix) for line in lines), f"NOT_RUN entry no longer in README: {prefix}"


def test_readme_code_blocks_run_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    workdir = tmp_path / "repo"
    shutil.copytree(ROOT / "data", workdir / "data")
    monkeypatch.chdir(workdir)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}  # the package as installed by the README, or this tree
    namespace: dict = {}
    ran = 0
    for number, (lang, code) in enumerate(blocks(), 1):
        if lang == "python":
            exec(compile(code, f"README block {number}", "exec"), namespace)  # noqa: S102 - the README is ours
            ran += 1
        elif lang == "bash":
            for command in commands(code):
                if not_run_reason(command):
                    continue
                proc = subprocess.run(["bash", "-c", "set -o pipefail; " + command], cwd=workdir, env=env,
                                      capture_output=True, text=True, timeout=600, check=False)
                assert proc.returncode == 0, f"README block {number}: {command}\n{proc.stderr[-2000:]}"
                ran += 1
    assert ran >= 8
    assert (workdir / "store" / "manifest.json").exists() and (workdir / "tagged").is_dir()
