"""Engines (one per database URL per process) and the schema: migrations run on first use."""

from __future__ import annotations

import contextlib
import fcntl
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, make_url, text
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from .errors import StoreUnavailable, short_reason

__all__ = ["MIGRATIONS", "alembic_config", "dispose", "engine_for", "upgrade"]

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_PG_MIGRATION_LOCK = 0x6465736B  # "desk": one advisory lock id for every deskcheck process

_engines: dict[str, Engine] = {}
_migrated: set[str] = set()
_lock = threading.Lock()


def engine_for(url: str) -> Engine:
    """The process's engine for this URL, created once (pools are per engine)."""
    with _lock:
        if url not in _engines:
            _engines[url] = _create(url)
        return _engines[url]


def dispose(url: str) -> None:
    """Close the URL's pooled connections (before dropping a test database, say)."""
    with _lock:
        engine = _engines.pop(url, None)
    if engine is not None:
        _migrated.discard(engine.url.render_as_string(hide_password=False))
        engine.dispose()


def _create(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreUnavailable(f"DATABASE_URL is not a database URL ({short_reason(exc)})") from exc
    try:
        if parsed.get_backend_name() == "sqlite":
            # a long busy timeout: concurrent writers wait for each other instead of failing
            engine = create_engine(parsed, connect_args={"timeout": 30})
            event.listen(engine, "connect", _sqlite_pragmas)
            return engine
        timeout = {"connect_timeout": 5} if parsed.get_backend_name() == "postgresql" else {}
        return create_engine(parsed, pool_pre_ping=True, connect_args=timeout)
    except (ArgumentError, ImportError) as exc:
        raise StoreUnavailable(f"DATABASE_URL names a database deskcheck cannot use "
                               f"({parsed.drivername}): use sqlite:/// or postgresql://") from exc


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers never wait for the writer
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA cache_size=-65536")  # 64 MiB, not 2: the fingerprint indexes stay in memory
    cursor.close()


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def upgrade(engine: Engine, *, force: bool = False) -> bool:
    """Bring the schema to the newest migration; True when something was applied.

    Two processes starting on a fresh database at once both get here: a lock (an advisory
    lock on PostgreSQL, a lock file next to a SQLite file) lets one migrate while the other
    waits, then finds the schema current.
    """
    key = engine.url.render_as_string(hide_password=False)
    if key in _migrated and not force:
        return False
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    try:
        with engine.connect() as conn:
            if MigrationContext.configure(conn).get_current_revision() == head:
                _migrated.add(key)
                return False
        with _migration_lock(engine), engine.begin() as conn:
            if engine.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_MIGRATION_LOCK})
            command.upgrade(alembic_config(conn), "head")
    except SQLAlchemyError as exc:
        raise StoreUnavailable(short_reason(exc)) from exc
    _migrated.add(key)
    return True


@contextlib.contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:":
        yield
        return
    with open(f"{database}.migrate-lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
