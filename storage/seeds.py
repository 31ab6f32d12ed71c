"""The reference corpus as stored: seed articles under the shared REFERENCE workspace.

    seeds = store.seeds
    stored = seeds.stored()                      # {"001_17b2…": "<sha256 of its text>"}
    seeds.replace("001_17b2…", text, report)     # the report the engine made of that text

Storage only keeps what it is handed: the engine that checks a seed runs in bot/corpus.py,
which asks `stored()` first so that an unchanged seed is never checked again.
"""

from __future__ import annotations

from sqlalchemy import Engine, delete, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from checks import Report

from .errors import StoreUnavailable, short_reason
from .models import REFERENCE, Item
from .write import NewItem, insert_items

__all__ = ["SeedShelf"]


class SeedShelf:
    """The stored seeds (`Store.seeds`); database errors come out as StoreUnavailable."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def stored(self) -> dict[str, str]:
        """Each stored seed's name (its file stem) and the sha256 of its text."""
        try:
            with Session(self.engine) as session:
                rows = session.execute(select(Item.seed, Item.sha256).where(Item.seed.is_not(None)))
                return {seed: sha for seed, sha in rows if seed}
        except SQLAlchemyError as exc:
            raise StoreUnavailable(short_reason(exc)) from exc

    def replace(self, name: str, text: str, report: Report) -> bool:
        """Store the seed `name` (replacing an earlier version); False when another process stored
        the same seed first (its unique name or text wins)."""
        try:
            with Session(self.engine) as session, session.begin():
                session.execute(delete(Item).where(Item.seed == name))
                insert_items(session, [NewItem(REFERENCE, text, report, seed=name)])
        except IntegrityError:
            return False
        except SQLAlchemyError as exc:
            raise StoreUnavailable(short_reason(exc)) from exc
        return True
