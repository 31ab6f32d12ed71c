"""Fair turns between workspaces, for the check workers and the threads that wait on them.

One newsroom pasting ten slow links must not make another newsroom wait for all ten. Work
waits in a queue per workspace (Slack team, Discord guild), the queues are served
round-robin, and one workspace never holds the last free slot: see FairQueue.
"""

from __future__ import annotations

import functools
import threading
from collections import Counter, deque
from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from typing import Any, Generic, ParamSpec, TypeVar

__all__ = ["FairQueue", "FairThreads", "QueueClosed"]

T = TypeVar("T")
P = ParamSpec("P")


class QueueClosed(RuntimeError):
    """The queue was closed (the process is stopping): nothing new waits in it."""


class FairQueue(Generic[T]):
    """Work waiting for one of `slots` places to run, a queue per workspace.

    - Within a workspace, first come, first served.
    - Between workspaces, round-robin: after a workspace's turn it goes to the back of the line.
    - One workspace holds at most `slots - 1` places at once (1 when there is a single slot),
      even when nobody else is waiting: the last place stays free for another workspace's
      first check, which therefore starts at once instead of after a slow one.

    take() blocks until some work may run; every take() is paired with a done(workspace) when
    that work is finished.
    """

    def __init__(self, slots: int) -> None:
        self.limit = max(1, slots - 1)
        self._waiting: dict[str, deque[T]] = {}  # insertion order is the order of turns
        self._running: Counter[str] = Counter()
        self._changed = threading.Condition()
        self._closed = False

    def put(self, workspace: str, item: T) -> None:
        with self._changed:
            if self._closed:
                raise QueueClosed("the queue is closed")
            self._waiting.setdefault(workspace, deque()).append(item)
            self._changed.notify_all()

    def take(self) -> tuple[str, T] | None:
        """The next (workspace, item) whose turn it is; None once the queue is closed."""
        with self._changed:
            while not self._closed:
                turn = self._next_turn()
                if turn is not None:
                    return turn
                self._changed.wait()
            return None

    def done(self, workspace: str) -> None:
        with self._changed:
            self._running[workspace] -= 1
            if self._running[workspace] <= 0:
                del self._running[workspace]
            self._changed.notify_all()

    def close(self) -> list[T]:
        """Stop taking work; what was still waiting, for the caller to answer."""
        with self._changed:
            self._closed = True
            left = [item for items in self._waiting.values() for item in items]
            self._waiting.clear()
            self._changed.notify_all()
            return left

    def _next_turn(self) -> tuple[str, T] | None:
        for workspace, items in self._waiting.items():
            if self._running[workspace] < self.limit:
                item = items.popleft()
                del self._waiting[workspace]
                if items:
                    self._waiting[workspace] = items  # to the back of the line
                self._running[workspace] += 1
                return workspace, item
        return None


_Task = tuple["Future[Any]", Callable[[], Any]]


class FairThreads(Executor):
    """Threads that take tasks in fair turns by workspace, in front of the check workers.

    Surfaces whose threads block on a check until it is done (Slack's listeners) would
    otherwise let one workspace's burst fill every thread, and another workspace's check
    would wait in a first-come queue behind all of it. `workspace_of` is called with the
    task's arguments. The threads are a ThreadPoolExecutor's, so they finish the waiting
    tasks when the interpreter exits, as before.
    """

    def __init__(self, threads: ThreadPoolExecutor, slots: int, workspace_of: Callable[..., str]) -> None:
        self._threads = threads
        self._waiting: FairQueue[_Task] = FairQueue(slots)
        self._workspace_of = workspace_of

    def submit(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Future[T]:
        future: Future[T] = Future()
        workspace = self._workspace_of(*args, **kwargs)
        # One runner per task, each running whichever task's turn it is when a thread is free.
        self._threads.submit(self._run_next)
        self._waiting.put(workspace, (future, functools.partial(fn, *args, **kwargs)))
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        if cancel_futures:
            for future, _ in self._waiting.close():
                future.cancel()
        self._threads.shutdown(wait=wait, cancel_futures=cancel_futures)

    def _run_next(self) -> None:
        turn = self._waiting.take()
        if turn is None:
            return
        workspace, (future, call) = turn
        try:
            if future.set_running_or_notify_cancel():
                try:
                    future.set_result(call())
                except BaseException as exc:  # as ThreadPoolExecutor: the caller sees it on the future
                    future.set_exception(exc)
        finally:
            self._waiting.done(workspace)
