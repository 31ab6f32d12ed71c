"""Two desk changes that race: in threads of one process, or in processes of their own (two web
processes answering the same double click). Each change reads the item's state, then waits
DESK_READ_PAUSE before it writes, so that without serialization both would read the same state.
"""

from __future__ import annotations

import multiprocessing
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, event

from storage import open_store

__all__ = ["DESK_READ_PAUSE", "change_in_processes", "in_threads", "pause_after_reading_the_trail"]

DESK_READ_PAUSE = 0.15  # seconds between reading the trail and writing: the other change's window
_PROCESS_WAIT = 120.0  # seconds for a spawned process to import, start and finish


@contextmanager
def pause_after_reading_the_trail(engine: Engine, pause: float = DESK_READ_PAUSE) -> Iterator[None]:
    """Every read of the desk's trail on `engine` is followed by `pause` seconds."""

    def wait_after(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "FROM desk_events" in statement:
            time.sleep(pause)

    event.listen(engine, "after_cursor_execute", wait_after)
    try:
        yield
    finally:
        event.remove(engine, "after_cursor_execute", wait_after)


def _set_status(url: str, workspace: str, item: int, status: str, by: str, key: str | None,
                start: Any, done: Any) -> None:
    """One process's click: `status` on the item, after the start barrier, with the read paused."""
    desk = open_store(url).desk
    with pause_after_reading_the_trail(desk.engine):
        start.wait(_PROCESS_WAIT)
        desk.set_status(workspace, item, status, by=by, key=key)
    done.put(by)


def change_in_processes(url: str, workspace: str, item: int, status: str, *, key: str | None,
                        clicks: int = 2) -> list[str]:
    """`clicks` processes set `status` on the item at the same moment; who finished, in order.

    Spawned, not forked: a forked child would share the parent's pooled database connections.
    """
    ctx = multiprocessing.get_context("spawn")
    start, done = ctx.Barrier(clicks), ctx.Queue()
    workers = [ctx.Process(target=_set_status,
                           args=(url, workspace, item, status, f"slack:{workspace}/U{n}", key, start, done))
               for n in range(clicks)]
    for worker in workers:
        worker.start()
    finished = [done.get(timeout=_PROCESS_WAIT) for _ in workers]
    for worker in workers:
        worker.join(_PROCESS_WAIT)
    assert all(w.exitcode == 0 for w in workers), [w.exitcode for w in workers]
    return finished


def in_threads(*changes: Callable[[], object]) -> list[BaseException]:
    """Run each change in a thread of its own at once; the exceptions they raised."""
    errors: list[BaseException] = []

    def run(change: Callable[[], object]) -> None:
        try:
            change()
        except BaseException as exc:  # surfaced to the test: a thread's exception is otherwise lost
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(c,)) for c in changes]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(_PROCESS_WAIT)
    return errors
