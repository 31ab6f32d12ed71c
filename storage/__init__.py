"""The shared history and the reference corpus (SQLAlchemy 2.0, Alembic migrations).

    store = open_store("sqlite:///deskcheck.db")
    report = checks.check_text(text)
    report = replace(report, similar=find_similar(text, report.quotes, store.corpus("T024", report, text)))
    history = store.record(report, text, CheckEvent(platform="slack", workspace="T024", user="U12AB"))
    store.digest.channel_settings("slack")       # what the weekly digest reads and writes
    store.desk.set_status("T024", 42, "disputed", by="slack:T024/U12AB", note="…")   # the verdict
    store.seeds.stored()                         # the reference corpus (bot/corpus.py imports it)

Storage keeps what it is handed and never runs the engine: the reports it stores were made in bot/.
"""

from __future__ import annotations

from .db import engine_for, upgrade
from .desk import (
    NOTE_MAX,
    STATUS_LABELS,
    STATUSES,
    DeskEvent,
    DeskState,
    DeskStore,
    UnknownItem,
    UnknownStatus,
    parse_item_ref,
)
from .digest import DigestStore
from .errors import StoreError, StoreUnavailable
from .models import REFERENCE
from .seeds import SeedShelf
from .store import CheckEvent, CheckRecord, Store
from .write import NewItem

__all__ = [
    "NOTE_MAX",
    "REFERENCE",
    "STATUSES",
    "STATUS_LABELS",
    "CheckEvent",
    "CheckRecord",
    "DeskEvent",
    "DeskState",
    "DeskStore",
    "DigestStore",
    "NewItem",
    "SeedShelf",
    "Store",
    "StoreError",
    "StoreUnavailable",
    "UnknownItem",
    "UnknownStatus",
    "engine_for",
    "open_store",
    "parse_item_ref",
]


def open_store(database_url: str) -> Store:
    """A ready store: the migrations applied (once per process and database).

    Raises StoreUnavailable with a one-line reason. The reference corpus is imported by
    bot.corpus.open_seeded_store, which runs the engine over the seeds.
    """
    store = Store(engine_for(database_url))
    upgrade(store.engine)
    return store
