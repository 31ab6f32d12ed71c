"""Checks run in worker processes, with a limit on each whole check and fair turns between workspaces.

The language model holds the interpreter lock for most of a check; in threads beside the
web server it delays every acknowledgement arriving meanwhile (docs/performance.md). A separate process
leaves the chat process (Slack's web process, Discord's gateway) free whatever is being checked.

A thread cannot be interrupted, and a slow link or a pathological text can hold a check for
minutes. So each slot is one spawned process with a pipe: a check that runs over
`Settings.check_timeout` (DESKCHECK_CHECK_TIMEOUT) has its process killed, the person is told
in one line, and a fresh process (model loaded) takes the slot. Checks wait their turn in a
FairQueue: one workspace's slow links never queue another workspace's checks behind them.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import pickle
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.context import SpawnContext
from typing import Any, Protocol

from .fairness import FairQueue, FairThreads, QueueClosed
from .service import Outcome, Requester, run_check
from .settings import Settings

__all__ = ["CHECK_PROCESSES", "CheckFunction", "CheckPool", "FairQueue", "FairThreads", "stopped_after"]

# One core stays with the chat process; the rest check. Two at least: one workspace never takes
# the last slot (FairQueue), so a single slot would leave nothing for anyone else.
CHECK_PROCESSES = max(2, (os.cpu_count() or 2) - 1)
CHECK_NICENESS = 10
# Loading the model on a busy machine; a worker not ready by then is started again.
STARTUP_LIMIT = 300.0
# A worker that cannot start is tried again, waiting twice as long each time up to the maximum.
RESPAWN_PAUSE, RESPAWN_PAUSE_MAX = 1.0, 60.0
STOP_GRACE = 5.0
DIED = "the check stopped unexpectedly (the text may be too large); try again"
RESTARTED = "deskcheck restarted before this check ran; please run it again"
INTERRUPTED = "deskcheck restarted during this check; please run it again"

log = logging.getLogger("deskcheck.workers")


def stopped_after(seconds: float) -> str:
    """What the person is told when their check ran over the limit."""
    return f"the check took longer than {seconds:g} s and was stopped (a slow link or a very long text)"


class CheckFunction(Protocol):
    """What a worker runs: bot.service.run_check, or a module-level stand-in in tests."""

    def __call__(self, raw: str, requester: Requester, *, settings: Settings | None = ...) -> Outcome: ...


@dataclass
class _Job:
    raw: str
    asked: Requester
    future: Future[Outcome] = field(default_factory=Future)


@dataclass
class _Slot:
    """What the outside sees of one slot: whether its worker is ready, its pid, a load problem."""

    ready: threading.Event = field(default_factory=threading.Event)
    pid: int | None = None
    problem: str | None = None


class _Worker:
    """One spawned check process and our end of its pipe; only its slot's thread uses it."""

    def __init__(self, spawn: SpawnContext, check: CheckFunction, settings: Settings) -> None:
        self.conn, theirs = spawn.Pipe()
        self.process = spawn.Process(target=_serve, args=(theirs, check, settings), daemon=True,
                                     name="deskcheck-check")
        self.process.start()
        theirs.close()

    def hello(self, limit: float) -> tuple[int, str | None] | None:
        """(pid, model problem) once the model is loaded; None if it died or never got there."""
        try:
            if self.conn.poll(limit):
                _, pid, problem = self.conn.recv()
                return pid, problem
        except (EOFError, OSError):
            pass
        return None

    def run(self, raw: str, asked: Requester, limit: float) -> tuple[str, Any]:
        """("done", Outcome), ("failed", exception), ("late", None) or ("died", None)."""
        try:
            self.conn.send((raw, asked))
            if not self.conn.poll(limit):
                return "late", None
            kind, value = self.conn.recv()
            return kind, value
        except (EOFError, OSError):
            return "died", None

    def stop(self, *, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        self.conn.close()  # a waiting worker reads the end of its pipe and exits
        self.process.join(STOP_GRACE)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(STOP_GRACE)


class CheckPool:
    """A callable (raw, requester) -> Outcome that runs `check` in a worker process.

    settings: passed to every check; `settings.check_timeout` is the limit on each check.
    processes: the slots, so at most this many checks run at once (and this many models in memory).
    check: what a worker runs, bot.service.run_check by default; it must be importable by name.
    timeout: overrides settings.check_timeout.
    """

    def __init__(self, settings: Settings, processes: int = CHECK_PROCESSES, *,
                 check: CheckFunction = run_check, timeout: float | None = None) -> None:
        self._settings, self._check = settings, check
        self.timeout = settings.check_timeout if timeout is None else timeout
        # spawn, not fork: forking a process that runs server threads copies their locks mid-use.
        self._spawn = multiprocessing.get_context("spawn")
        self._waiting: FairQueue[_Job] = FairQueue(processes)
        self._stopped = False
        self._slots = [_Slot() for _ in range(processes)]
        self._starting = threading.Lock()
        self._started = False

    def _start_slots(self) -> None:
        # On first use, not at construction: an app that fails to start spawns nothing.
        with self._starting:
            if self._started:
                return
            self._started = True
            for number, slot in enumerate(self._slots):
                threading.Thread(target=self._drive, args=(slot,), daemon=True,
                                 name=f"deskcheck-check-{number}").start()

    def warm_up(self, timeout: float = STARTUP_LIMIT) -> set[int]:
        """Start the workers and wait until each has the model loaded, the history's database
        migrated and the seeds imported (else the first check pays for all three). Their pids."""
        self._start_slots()
        deadline = time.monotonic() + timeout
        for slot in self._slots:
            slot.ready.wait(max(0.0, deadline - time.monotonic()))
        return {slot.pid for slot in self._slots if slot.pid is not None and slot.ready.is_set()}

    @property
    def model_problem(self) -> str | None:
        """Why a worker could not load the language model (one line), after warm_up()."""
        return next((slot.problem for slot in self._slots if slot.problem), None)

    def submit(self, raw: str, asked: Requester) -> Future[Outcome]:
        """The check's future, answered in turn; it holds no thread while it waits."""
        job = _Job(raw, asked)
        self._start_slots()
        try:
            self._waiting.put(asked.workspace, job)
        except QueueClosed:
            job.future.set_result(Outcome(error=RESTARTED))
        return job.future

    def __call__(self, raw: str, asked: Requester) -> Outcome:
        return self.submit(raw, asked).result()

    def shutdown(self) -> None:
        """Checks still waiting are told to run again; running ones finish within their limit."""
        self._stopped = True
        for job in self._waiting.close():
            if job.future.set_running_or_notify_cancel():  # not if its asker gave up meanwhile
                job.future.set_result(Outcome(error=RESTARTED))

    # ---- one thread per slot: take a turn, run it in the slot's worker, replace a worker that failed
    def _drive(self, slot: _Slot) -> None:
        worker = self._start(slot)
        while worker is not None:
            turn = self._waiting.take()
            if turn is None:
                worker.stop()
                return
            workspace, job = turn
            try:
                healthy = self._answer(worker, slot, job)
            finally:
                self._waiting.done(workspace)
            if not healthy:
                worker.stop(kill=True)
                worker = self._start(slot)

    def _start(self, slot: _Slot) -> _Worker | None:
        pause = RESPAWN_PAUSE
        while not self._stopped:
            worker = _Worker(self._spawn, self._check, self._settings)
            hello = worker.hello(STARTUP_LIMIT)
            if hello is not None:
                slot.pid, slot.problem = hello
                slot.ready.set()
                return worker
            worker.stop(kill=True)
            if self._stopped:  # killed on the way out, not broken
                break
            log.error("deskcheck: a check worker did not start; trying again in %g s", pause)
            time.sleep(pause)
            pause = min(pause * 2, RESPAWN_PAUSE_MAX)
        return None

    def _answer(self, worker: _Worker, slot: _Slot, job: _Job) -> bool:
        """Run the job and answer its future; False when the worker must be replaced."""
        if not job.future.set_running_or_notify_cancel():
            return True
        kind, value = worker.run(job.raw, job.asked, self.timeout)
        if kind == "done":
            job.future.set_result(value)
            return True
        if kind == "failed":
            job.future.set_exception(value)
            return True
        slot.ready.clear()  # before the answer: whoever waits for it then sees the slot restarting
        worker.process.kill()
        if kind == "late":
            # Ids only: never the text or the link, which may be an unpublished story.
            log.warning("deskcheck: a check for workspace %s ran over %g s; its worker is replaced",
                        job.asked.workspace, self.timeout)
            job.future.set_result(Outcome(error=stopped_after(self.timeout)))
        elif self._stopped:  # the process is exiting and took its workers with it
            job.future.set_result(Outcome(error=INTERRUPTED))
        else:  # out of memory on a huge text, or killed
            log.error("deskcheck: a check worker died; starting another")
            job.future.set_result(Outcome(error=DIED))
        return False


# ---- in the worker process


def _serve(conn: Connection, check: CheckFunction, settings: Settings) -> None:
    conn.send(("ready", os.getpid(), _prepare(settings)))
    while True:
        try:
            raw, asked = conn.recv()
        except (EOFError, OSError):  # the pool closed the pipe: it is stopping
            return
        try:
            answer: tuple[str, Any] = ("done", check(raw, asked, settings=settings))
        except Exception as exc:
            answer = ("failed", _portable(exc))
        try:
            conn.send(answer)
        except OSError:  # the pool is gone (its process exited): nobody waits for the answer
            return


def _prepare(settings: Settings) -> str | None:
    """Load the model and open the history before the first check; why the model is missing."""
    # Checks are background work: when the CPU is contended, the chat process goes first.
    with contextlib.suppress(OSError, AttributeError):  # AttributeError: no os.nice on Windows
        os.nice(CHECK_NICENESS)
    from checks import CheckError, load_pipeline
    from storage import StoreError

    from .corpus import open_seeded_store

    problem = None
    try:
        load_pipeline()
    except CheckError as exc:  # no model: every check will then say why, in one line
        problem = str(exc)
    with contextlib.suppress(StoreError):  # no database yet: each check will say so in one line
        open_seeded_store(settings.database_url, settings.seeds_dir)
    return problem


def _portable(exc: Exception) -> Exception:
    """The exception itself if it crosses the pipe intact, else one of the same name."""
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return RuntimeError(f"{type(exc).__name__} in the check worker")
    return exc
