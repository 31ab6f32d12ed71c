"""Engines (one per database URL per process) and the schema: migrations run on first use."""

from __future__ import annotations

import contextlib
import fcntl
import math
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, make_url, text
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from .budget import UNCUT_WAIT, budget_left, ensure_budget_left
from .errors import StoreUnavailable, short_reason

__all__ = ["CONNECT_TIMEOUT", "LOCK_WAIT", "MIGRATIONS", "POOL_TIMEOUT", "alembic_config", "dispose",
           "engine_for", "upgrade"]

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_PG_MIGRATION_LOCK = 0x6465736B  # "desk": one advisory lock id for every deskcheck process

# Outside a check's time budget (storage/budget.py), which cuts every one of these short:
LOCK_WAIT = 30.0  # seconds a write waits for another writer (SQLite busy timeout, PostgreSQL lock_timeout)
CONNECT_TIMEOUT = 5  # seconds to open a PostgreSQL connection
POOL_TIMEOUT = UNCUT_WAIT  # seconds to wait for a pooled connection when all are in use

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
            # concurrent writers wait for each other instead of failing, within a check's budget
            queued = {"pool_timeout": POOL_TIMEOUT} if parsed.database not in (None, "", ":memory:") else {}
            engine = create_engine(parsed, connect_args={"timeout": LOCK_WAIT}, **queued)
            event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "checkout", _sqlite_budget)
            return engine
        if parsed.get_backend_name() != "postgresql":
            return create_engine(parsed, pool_pre_ping=True, pool_timeout=POOL_TIMEOUT)
        engine = create_engine(parsed, pool_pre_ping=True, pool_timeout=POOL_TIMEOUT,
                               connect_args={"connect_timeout": CONNECT_TIMEOUT})
        event.listen(engine, "do_connect", _postgres_connect_budget)
        event.listen(engine, "checkout", _postgres_budget)
        return engine
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


def _sqlite_budget(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
    """A writer waits for another one at most what is left of the check's budget."""
    ensure_budget_left()
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {int(budget_left(LOCK_WAIT) * 1000)}")
    cursor.close()


def _postgres_connect_budget(_dialect: Any, _record: Any, _cargs: Any, cparams: dict[str, Any]) -> None:
    ensure_budget_left()
    # whole seconds, and libpq waits at least 2 whatever it is told (budget.UNCUT_WAIT covers it)
    cparams["connect_timeout"] = max(2, math.ceil(budget_left(CONNECT_TIMEOUT)))


def _postgres_budget(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
    """Lock waits and statements end with the check's budget; outside one, locks wait LOCK_WAIT."""
    ensure_budget_left()
    left = budget_left(math.inf)
    statement_ms = 0 if left == math.inf else max(1, int(left * 1000))  # 0: no limit
    lock_ms = max(1, int(min(left, LOCK_WAIT) * 1000))
    # autocommit for the SET alone: the pooled connection stays idle, outside any transaction
    was = dbapi_connection.autocommit
    dbapi_connection.autocommit = True
    try:
        with dbapi_connection.cursor() as cursor:
            cursor.execute(f"SET statement_timeout = {statement_ms}; SET lock_timeout = {lock_ms}")
    finally:
        dbapi_connection.autocommit = was


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
        _wait_for_lock(handle.fileno())
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _wait_for_lock(fd: int) -> None:
    """Another process's migration holds the lock: wait for it, within a check's budget."""
    if budget_left(math.inf) == math.inf:
        fcntl.flock(fd, fcntl.LOCK_EX)
        return
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if budget_left(math.inf) <= 0.0:
                raise StoreUnavailable("another process is migrating the database") from None
            time.sleep(min(0.05, budget_left(0.05)))
