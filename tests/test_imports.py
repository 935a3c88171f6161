"""The shape of the code: no import cycles, and benchmarks use only the public API.

Imports are read from the source with `ast` (module level and inside functions alike; imports under
`if TYPE_CHECKING:` are for type checkers only and never run).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The public API: what these modules export in `__all__`.
PUBLIC_MODULES = ("timeline", "timeline.collection")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _runtime_nodes(tree: ast.AST):
    """Every node except the bodies of `if TYPE_CHECKING:` blocks."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            stack.extend(node.orelse)
            continue
        yield node
        stack.extend(ast.iter_child_nodes(node))


def imports_of(path: Path) -> list[tuple[str, tuple[str, ...]]]:
    """(module, imported names) for each import statement that runs."""
    found = []
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, ()) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, tuple(alias.name for alias in node.names)))
    return found


def graph(package_dirs: tuple[str, ...]) -> dict[str, set[str]]:
    """Module -> the project modules it imports (`from pkg import mod` counts as importing pkg.mod)."""
    paths = {module_name(p): p for d in package_dirs for p in (ROOT / d).rglob("*.py")}
    edges: dict[str, set[str]] = {name: set() for name in paths}
    for name, path in paths.items():
        for module, names in imports_of(path):
            targets = {f"{module}.{n}" for n in names if f"{module}.{n}" in paths} or {module}
            edges[name] |= {t for t in targets if t in paths and t != name}
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles() -> None:
    dirs = tuple(d for d in ("timeline", "app") if (ROOT / d).is_dir())
    assert cycles(graph(dirs)) == []


def test_benchmarks_use_only_the_public_api() -> None:
    import importlib

    public = {name: set(importlib.import_module(name).__all__) for name in PUBLIC_MODULES}
    offending = []
    for path in sorted((ROOT / "benchmarks").glob("*.py")):
        for module, names in imports_of(path):
            if not module.startswith("timeline"):
                continue
            if module not in public or not set(names) <= public[module]:
                offending.append(f"{path.name}: {module} {names}")
    assert offending == []


def test_the_article_page_opens_without_the_collection_package_or_altair():
    """A bundled article's first open imports the dashboard: the collection side (DuckDB, Parquet, about 0.1 s
    of imports) comes only when a collection is shown, and Altair (about 0.3 s of CPU) only when a chart
    template is built (timeline.chart keeps them on disk)."""
    import subprocess
    import sys

    probe = ("import sys, dashboard; "
             "print(sorted(m for m in sys.modules if m.startswith(('timeline.collection', 'app.collection_page', "
             "'app.stores', 'duckdb', 'pyarrow.parquet', 'altair'))))")
    loaded = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == "[]"
