"""Checks run in worker processes, not in the process that answers Slack.

The language model holds the interpreter lock for most of a check; in threads beside the
web server it delays every acknowledgement arriving meanwhile (measured: ack p99 161 ms
beside checks against 77 ms without, for 50 concurrent requests). A separate process
leaves the web process free to acknowledge within Slack's 3 s whatever is being checked.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import threading
from concurrent.futures import CancelledError, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from ..service import Outcome, Requester, run_check
from ..settings import Settings

__all__ = ["CHECK_PROCESSES", "CheckPool"]

# One core stays with the web process for the acks; the rest check.
CHECK_PROCESSES = max(1, (os.cpu_count() or 2) - 1)
CHECK_NICENESS = 10

log = logging.getLogger("deskcheck.slack")


class CheckPool:
    """A callable (raw, requester) -> Outcome that runs bot.service.run_check in a worker process."""

    def __init__(self, settings: Settings, processes: int = CHECK_PROCESSES) -> None:
        self._settings, self._processes = settings, processes
        self._lock = threading.Lock()
        self._stopped = False
        self._pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        # spawn, not fork: forking a process that runs server threads copies their locks mid-use.
        spawn = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(max_workers=self._processes, mp_context=spawn, initializer=_load_model)

    def warm_up(self) -> set[int]:
        """Start the workers before the first check arrives: the model loaded, the history's
        database migrated and the seeds imported in each (else the first check pays for all three
        while the first acks are being sent). Their pids."""
        futures = [self._pool.submit(_ready, self._settings) for _ in range(self._processes)]
        return {future.result() for future in futures}

    def __call__(self, raw: str, asked: Requester) -> Outcome:
        pool = self._pool
        try:
            return pool.submit(_check, raw, asked, self._settings).result()
        except BrokenProcessPool:
            # A worker died (out of memory on a huge text, killed): start fresh for the next check.
            log.error("deskcheck slack: a check worker died; restarting the workers")
            with self._lock:
                if self._pool is pool and not self._stopped:
                    self._pool = self._start()
            return Outcome(error="the check stopped unexpectedly (the text may be too large); try again")
        except (RuntimeError, CancelledError):  # after BrokenProcessPool, itself a RuntimeError
            if not self._stopped:
                raise
            # The web process is stopping (a deploy, a restart): checks still waiting never start.
            return Outcome(error="deskcheck restarted before this check ran; please run it again")

    def shutdown(self) -> None:
        self._stopped = True
        self._pool.shutdown(wait=False, cancel_futures=True)


def _load_model() -> None:
    # Checks are background work: when the CPU is contended, the web process's acks go first.
    with contextlib.suppress(OSError, AttributeError):  # AttributeError: no os.nice on Windows
        os.nice(CHECK_NICENESS)
    from checks.errors import CheckError
    from checks.nlp import load_pipeline

    with contextlib.suppress(CheckError):  # no model: every check will then say why, in one line
        load_pipeline()


def _ready(settings: Settings) -> int:
    from storage import StoreError, open_store

    with contextlib.suppress(StoreError):  # no database yet: each check will say so in one line
        open_store(settings.database_url, settings.seeds_dir)
    return os.getpid()


def _check(raw: str, asked: Requester, settings: Settings) -> Outcome:
    return run_check(raw, asked, settings=settings)
