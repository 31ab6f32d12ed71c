"""Golden files (tests/golden/): what a renderer must produce, byte for byte, and the one switch.

DESKCHECK_UPDATE_GOLDEN=1 rewrites them after a deliberate change of a layout; review the diff
before committing it. Without the switch a missing golden file fails, so a renamed test cannot
pass by writing its own expectation.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

__all__ = ["GOLDEN", "UPDATE_GOLDEN", "golden_text"]

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
UPDATE_GOLDEN = os.environ.get("DESKCHECK_UPDATE_GOLDEN") == "1"


def golden_text(name: str, rendered: str) -> str:
    """The golden file `name`'s text, to compare `rendered` with; rewritten from it first under the switch."""
    path = GOLDEN / name
    if UPDATE_GOLDEN:
        path.parent.mkdir(exist_ok=True)
        path.write_text(rendered, encoding="utf-8")
    if not path.exists():
        pytest.fail(f"no golden file {path.name}: run with DESKCHECK_UPDATE_GOLDEN=1 to write it")
    return path.read_text(encoding="utf-8")
