"""The shared history and the reference corpus (SQLAlchemy 2.0, Alembic migrations).

    store = open_store("sqlite:///deskcheck.db", seeds_dir=Path("seeds"))
    report = checks.check_text(text)
    report = replace(report, similar=find_similar(text, report.quotes, store.corpus("T024", report, text)))
    history = store.record(report, text, CheckEvent(platform="slack", workspace="T024", user="U12AB"))
"""

from __future__ import annotations

import threading
from pathlib import Path

from .db import engine_for, upgrade
from .errors import StoreError, StoreUnavailable
from .models import REFERENCE
from .seeds import SeedImport, import_seeds
from .store import CheckEvent, CheckRecord, Store
from .write import NewItem

__all__ = [
    "REFERENCE",
    "CheckEvent",
    "CheckRecord",
    "NewItem",
    "SeedImport",
    "Store",
    "StoreError",
    "StoreUnavailable",
    "import_seeds",
    "open_store",
]

_seeded: set[tuple[str, Path]] = set()
_seed_lock = threading.Lock()


def open_store(database_url: str, seeds_dir: Path | None = None) -> Store:
    """A ready store: migrations applied and, when `seeds_dir` is given, the seeds imported.

    Both happen once per process and database; raises StoreUnavailable with a one-line reason.
    """
    store = Store(engine_for(database_url))
    upgrade(store.engine)
    if seeds_dir is not None:
        key = (database_url, seeds_dir.resolve())
        with _seed_lock:
            if key not in _seeded:
                import_seeds(store, seeds_dir)
                _seeded.add(key)
    return store
