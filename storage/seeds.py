"""The reference corpus: seed articles kept under the shared REFERENCE workspace, imported once."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from checks import check_text
from checks.errors import CheckError
from checks.models import InputInfo

from .errors import StoreUnavailable, short_reason
from .models import REFERENCE, Item
from .store import Store
from .write import NewItem, insert_items

__all__ = ["SeedImport", "import_seeds"]


@dataclass(frozen=True)
class SeedImport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: tuple[str, ...] = field(default=())  # "name: why", for files that could not be checked


def import_seeds(store: Store, directory: Path) -> SeedImport:
    """Store every DIR/*.txt as a reference item named by its file stem; a second run changes nothing.

    A seed whose text changed is replaced; a file that cannot be checked is reported, not fatal.
    """
    try:
        return _import(store, directory)
    except SQLAlchemyError as exc:
        raise StoreUnavailable(short_reason(exc)) from exc


def _import(store: Store, directory: Path) -> SeedImport:
    files = sorted(directory.glob("*.txt"))
    with Session(store.engine) as session:
        rows = session.execute(select(Item.seed, Item.sha256).where(Item.seed.is_not(None)))
        known = {seed: sha for seed, sha in rows if seed}
    added = updated = unchanged = 0
    skipped: list[str] = []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if known.get(path.stem) == sha:
            unchanged += 1
            continue
        try:
            report = check_text(text, input=InputInfo(kind="file", sha256=sha))
        except CheckError as exc:
            skipped.append(f"{path.name}: {exc}")
            continue
        if _store_seed(store, NewItem(REFERENCE, text, report, seed=path.stem)):
            updated += path.stem in known
            added += path.stem not in known
        else:
            unchanged += 1
    return SeedImport(added=added, updated=updated, unchanged=unchanged, skipped=tuple(skipped))


def _store_seed(store: Store, item: NewItem) -> bool:
    """False when another process stored the same seed first (its unique name or text wins)."""
    try:
        with Session(store.engine) as session, session.begin():
            session.execute(delete(Item).where(Item.seed == item.seed))
            insert_items(session, [item])
    except IntegrityError:
        return False
    return True
