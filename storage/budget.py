"""A time budget for the history: every database wait inside it is cut to what is left.

    with history_budget(10.0):
        store = open_store(url)
        history = store.record(report, text, event)

A check must not sit behind a locked SQLite file or a hung PostgreSQL server: its report goes
out without the history instead. Inside the block, the SQLite busy timeout, PostgreSQL's
connect, lock and statement timeouts and the write retries all end by the deadline, and a
connection asked for after it raises StoreUnavailable. Outside any block (the CLI's history,
the digest, a seeds import) the long defaults of storage/db.py apply.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from contextvars import ContextVar

from .errors import StoreUnavailable

__all__ = ["UNCUT_WAIT", "budget_left", "ensure_budget_left", "history_budget"]

# The one wait a deadline cannot shorten: a pooled connection's queue, and libpq's shortest
# connect timeout (2 s). The deadline is set this much early so that even it ends in budget.
UNCUT_WAIT = 2.0

_deadline: ContextVar[float | None] = ContextVar("deskcheck_history_deadline", default=None)


@contextlib.contextmanager
def history_budget(seconds: float) -> Iterator[None]:
    """Database waits inside the block end within `seconds` in all (an enclosing budget still binds)."""
    deadline = time.monotonic() + max(0.0, seconds - UNCUT_WAIT)
    outer = _deadline.get()
    token = _deadline.set(deadline if outer is None else min(outer, deadline))
    try:
        yield
    finally:
        _deadline.reset(token)


def budget_left(cap: float) -> float:
    """Seconds a wait may last: `cap`, cut to what is left of the budget (0.0 once it is spent)."""
    deadline = _deadline.get()
    if deadline is None:
        return cap
    return max(0.0, min(cap, deadline - time.monotonic()))


def ensure_budget_left() -> None:
    """Raise StoreUnavailable when a budget is in force and spent: no new database work starts."""
    if _deadline.get() is not None and budget_left(1.0) <= 0.0:
        raise StoreUnavailable("the database did not answer within the time a check allows it")
