"""Check functions for the worker-pool tests: importable by name, so spawned workers can run them.

"SLEEP:<seconds> …" sleeps first (a link that never finishes loading); "RAISE …" fails as a bug
would. The answer names the text and the worker's pid, so a test sees who answered what.
"""

from __future__ import annotations

import os
import time

from bot.service import Outcome, Requester
from bot.settings import Settings


def slow_check(raw: str, requester: Requester, *, settings: Settings | None = None) -> Outcome:
    first = raw.split()[0] if raw.split() else ""
    if first.startswith("SLEEP:"):
        time.sleep(float(first.removeprefix("SLEEP:")))
    if first == "RAISE":
        raise RuntimeError("a bug in the check")
    return Outcome(error=f"checked {first} for {requester.workspace} in {os.getpid()}")
