"""What the Slack process remembers between requests: recent deliveries, and the reports the
history could not record (its database was down) for their Full report button.

Both are in-process and bounded. Several web processes do not share them (see README).
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from slack_bolt.request import BoltRequest
from slack_bolt.response import BoltResponse

from checks import Report

__all__ = ["Redeliveries", "ReportShelf"]


class ReportShelf:
    """Reports behind the "Full report" button, by a random key (a button value holds 2,000 chars),
    for checks that are not in the history; the others' buttons name their history item."""

    def __init__(self, size: int = 500) -> None:
        self._size = size
        self._reports: OrderedDict[str, Report] = OrderedDict()
        self._lock = threading.Lock()

    def keep(self, report: Report) -> str:
        key = secrets.token_urlsafe(12)
        with self._lock:
            self._reports[key] = report
            while len(self._reports) > self._size:
                self._reports.popitem(last=False)
        return key

    def get(self, key: str) -> Report | None:
        with self._lock:
            return self._reports.get(key)


class Redeliveries:
    """Bolt middleware: a delivery Slack already made reaches the listeners once.

    Slack retries an event it thinks failed (X-Slack-Retry-Num); the event_id (events)
    or trigger_id (commands, shortcuts, buttons) names the original. A retry Slack sent
    because of a timeout reached some process already, so it is dropped even when this
    process has not seen it (another web process may be working on it).
    """

    def __init__(self, ttl_seconds: float = 3600.0, size: int = 20_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._ttl, self._size, self._clock = ttl_seconds, size, clock
        self._seen: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, body: dict[str, Any], request: BoltRequest, logger: Any,
                 next: Callable[[], BoltResponse]) -> BoltResponse | None:
        key = body.get("event_id") or body.get("trigger_id")
        retry = _header(request, "x-slack-retry-num")
        fresh = self.first_time(str(key)) if key else retry is None
        if fresh and (retry is None or _header(request, "x-slack-retry-reason") != "http_timeout"):
            return next()
        logger.info("deskcheck: dropped a redelivery (retry %s)", retry or "-")
        return BoltResponse(status=200, body="")

    def first_time(self, key: str) -> bool:
        now = self._clock()
        with self._lock:
            while self._seen and (len(self._seen) > self._size
                                  or next(iter(self._seen.values())) < now - self._ttl):
                self._seen.popitem(last=False)
            if key in self._seen:
                return False
            self._seen[key] = now
            return True


def _header(request: BoltRequest, name: str) -> str | None:
    values = request.headers.get(name)
    return values[0] if values else None
