"""The dependency direction of DESIGN.md, read from the imports themselves."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

FORBIDDEN = {
    "checks": {"bot", "storage", "sqlalchemy", "alembic", "slack_bolt", "slack_sdk", "discord"},
    "storage": {"bot", "slack_bolt", "slack_sdk", "discord"},
}


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_never_imports_the_layers_above_it(package: str) -> None:
    files = list((ROOT / package).rglob("*.py"))
    assert files
    offenders = {f"{f.relative_to(ROOT)} imports {name}"
                 for f in files for name in imported_roots(f) & FORBIDDEN[package]}
    assert not offenders
