"""The reference corpus: seeds/*.txt checked by the engine here, then handed to storage to keep.

    store = open_seeded_store(settings.database_url, settings.seeds_dir)   # first use imports the seeds
    result = import_seeds(open_store(url), Path("seeds"))                  # `deskcheck seeds import`

Storage never runs the engine (tests/test_layering.py): it says which seeds it has, by the
sha256 of their text, and stores the reports made here. A second run checks nothing.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field
from pathlib import Path

import checks
from checks import CheckError, InputInfo
from storage import Store, open_store

__all__ = ["SeedImport", "import_seeds", "open_seeded_store"]

_seeded: set[tuple[str, Path]] = set()
_seed_lock = threading.Lock()


@dataclass(frozen=True)
class SeedImport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: tuple[str, ...] = field(default=())  # "name: why", for files that could not be checked


def import_seeds(store: Store, directory: Path) -> SeedImport:
    """Store every DIR/*.txt as a reference item named by its file stem; a second run changes nothing.

    A seed whose text changed is replaced; a file that cannot be checked is reported, not fatal.
    Raises StoreUnavailable when the database fails.
    """
    known = store.seeds.stored()
    added = updated = unchanged = 0
    skipped: list[str] = []
    for path in sorted(directory.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if known.get(path.stem) == sha:
            unchanged += 1
            continue
        try:
            report = checks.check_text(text, input=InputInfo(kind="file", sha256=sha))
        except CheckError as exc:
            skipped.append(f"{path.name}: {exc}")
            continue
        if store.seeds.replace(path.stem, text, report):
            updated += path.stem in known
            added += path.stem not in known
        else:  # another process stored it first
            unchanged += 1
    return SeedImport(added=added, updated=updated, unchanged=unchanged, skipped=tuple(skipped))


def open_seeded_store(database_url: str, seeds_dir: Path) -> Store:
    """open_store, and the seeds imported once per process and database (the first check of a
    fresh database gets the corpus). Raises StoreUnavailable with a one-line reason."""
    store = open_store(database_url)
    key = (database_url, seeds_dir.resolve())
    with _seed_lock:
        if key not in _seeded:
            import_seeds(store, seeds_dir)
            _seeded.add(key)
    return store
