"""The dependency direction of DESIGN.md, read from the imports themselves."""

from __future__ import annotations

import ast
import subprocess
import sys
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


# storage/ keeps what it is handed: the engine that makes a report (spaCy and the pipeline that
# runs it, check_text) runs in bot/ (bot/corpus.py imports the reference corpus), never in storage.
ENGINE_MODULES = {"spacy", "checks.engine", "checks.nlp"}
ENGINE_NAMES = {"check_text", "engine", "nlp"}  # what `from checks import …` must not take


def engine_imports(path: Path) -> set[str]:
    """The spaCy or engine modules and names a module imports, at any depth of its code."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
            if node.module == "checks":
                found.update(f"checks.{a.name}" for a in node.names if a.name in ENGINE_NAMES)
        else:
            continue
        found.update(m for m in modules
                     if any(m == banned or m.startswith(banned + ".") for banned in ENGINE_MODULES))
    return found


def test_storage_never_runs_the_engine() -> None:
    offenders = {f"{f.relative_to(ROOT)} imports {name}"
                 for f in (ROOT / "storage").rglob("*.py") for name in engine_imports(f)}
    assert not offenders


# ---- the engine's front door (checks/__init__.py) and its plan

def submodule_imports(path: Path) -> set[str]:
    """`checks.x…` modules a file imports by name, at any depth (`from checks import y` is fine)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("checks."))
        elif (isinstance(node, ast.ImportFrom) and not node.level
              and (node.module or "").startswith("checks.")):
            found.add(str(node.module))
    return found


@pytest.mark.parametrize("package", ["bot", "storage"])
def test_bot_and_storage_reach_the_engine_only_through_its_front_door(package: str) -> None:
    offenders = {f"{f.relative_to(ROOT)} imports {name}"
                 for f in (ROOT / package).rglob("*.py") for name in submodule_imports(f)}
    assert not offenders


def test_the_front_door_lists_exactly_what_it_serves() -> None:
    import checks

    assert sorted(checks.__all__) == sorted(checks._LAZY)
    assert all(getattr(checks, name) is not None for name in checks.__all__)


def relative_targets(path: Path) -> set[str]:
    """The absolute modules a checks/ file imports relatively (`from ..links import x`)."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package.split(".")[: len(package.split(".")) - node.level + 1]
            found.add(".".join([*base, *([node.module] if node.module else [])]))
    return found


def test_the_pure_core_never_imports_the_network_code() -> None:
    core = [f for f in (ROOT / "checks").rglob("*.py")
            if f.relative_to(ROOT / "checks").parts[0] not in {"links", "factchecks", "__init__.py"}]
    offenders = {f"{f.relative_to(ROOT)} imports {t}" for f in core for t in relative_targets(f)
                 if t == "checks.links" or t.startswith("checks.links.")}
    offenders |= {f"{f.relative_to(ROOT)} imports {r}" for f in core for r in imported_roots(f)
                  if r in {"httpx", "httpcore", "trafilatura", "htmldate", "lxml"}}
    assert not offenders


def test_the_engine_shows_its_parts_with_few_modules_at_the_top() -> None:
    top = [f.name for f in (ROOT / "checks").glob("*.py")]
    assert len(top) <= 12, top
    assert {"quotes", "dates", "links"} <= {d.name for d in (ROOT / "checks").iterdir() if d.is_dir()}


def test_importing_the_engine_starts_nothing_and_changes_no_logging() -> None:
    probe = """
import importlib, logging, pkgutil, sys, threading, checks
before = {name: logging.getLogger(name).level for name in ("trafilatura", "httpx", "spacy", "root")}
names = [m.name for m in pkgutil.walk_packages(checks.__path__, "checks.")]
for name in names:
    importlib.import_module(name)
after = {name: logging.getLogger(name).level for name in before}
print(len(names), threading.active_count(), before == after)
"""
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    modules, threads, logging_unchanged = out.stdout.split()
    assert int(modules) > 20
    assert threads == "1"
    assert logging_unchanged == "True"


def imported_names(path: Path) -> set[str]:
    """Every dotted name a file imports, `from a import b` counted as both `a` and `a.b`."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}".lstrip(".") for alias in node.names)
    return found


def test_no_test_module_imports_another_test_module() -> None:
    # What tests share lives in tests/support/ or conftest.py's fixtures: a test module imported by
    # another drags its fixtures and imports along, and renaming one of its tests breaks the other.
    files = sorted((ROOT / "tests").rglob("*.py"))
    assert any(f.parent.name == "support" for f in files)
    offenders = {f"{f.relative_to(ROOT)} imports {name}" for f in files for name in imported_names(f)
                 if any(part.startswith("test_") or part == "conftest" for part in name.split("."))}
    assert not offenders
