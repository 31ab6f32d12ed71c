"""Why the history could not be used. str(error) is one line, without the database password.

StoreError
 └── StoreUnavailable   the database cannot be reached or prepared
"""

from __future__ import annotations

import re

__all__ = ["StoreError", "StoreUnavailable", "short_reason"]


class StoreError(Exception):
    """Base class: str(error) is the one-line message shown to the user."""


class StoreUnavailable(StoreError):
    pass


_SECRET = re.compile(r"(password=|://[^:/@\s]+:)[^@\s]+")


def short_reason(exc: BaseException) -> str:
    """The driver's first line, secrets masked: 'connection refused', not a traceback."""
    cause = getattr(exc, "orig", None) or exc
    lines = str(cause).strip().splitlines() or [type(cause).__name__]
    line = _SECRET.sub(r"\1***", lines[0])
    return line if len(line) <= 160 else line[:159] + "…"
