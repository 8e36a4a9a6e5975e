"""The layout of docs/architecture.md holds: analyses never draw, modules stay small."""

from __future__ import annotations

import ast

import pytest

from tests.conftest import PROJECT_DIR

PACKAGE = PROJECT_DIR / "analysis"
ANALYSES = ["entities", "quotes", "sentiment", "temporal"]
LATER_LAYERS = {"matplotlib", "analysis.figures", "analysis.report", "analysis.cli",
                "analysis.highlight"}
MAX_LINES = 500


def imported_modules(path) -> set[str]:
    """Absolute names of every module imported by `path` (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parts = path.relative_to(PROJECT_DIR).with_suffix("").parts
    package = parts[:-1]  # a module and an __init__ both resolve against their folder
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = list(package[: len(package) - node.level + 1]) if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def analysis_files():
    files = [PACKAGE / "timeline.py"]
    for name in ANALYSES:
        files += sorted((PACKAGE / name).glob("*.py"))
    return files


@pytest.mark.parametrize("path", analysis_files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_analyses_never_import_drawing_or_report_code(path):
    later = {m for m in imported_modules(path)
             if any(m == layer or m.startswith(layer + ".") for layer in LATER_LAYERS)}
    assert not later, f"{path.name} imports {sorted(later)}"


def test_the_import_checker_sees_relative_imports():
    figures = PACKAGE / "figures" / "quotes.py"
    assert "matplotlib.figure" in imported_modules(figures)
    assert "analysis.figures.style" in imported_modules(figures)


def test_no_module_over_500_lines():
    sizes = {str(p.relative_to(PROJECT_DIR)): len(p.read_text(encoding="utf-8").splitlines())
             for p in sorted(PACKAGE.rglob("*.py"))}
    assert {path: n for path, n in sizes.items() if n > MAX_LINES} == {}
