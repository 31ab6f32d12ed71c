"""The weekly digest: what a desk checked in an ISO week, for the terminal, Slack and Discord.

    digest = build_digest(store, "T024", Week.parse("2026-W47"), tz="Europe/Paris")
    print(render_text(digest)); png = render_chart(digest)
    post_due(store, settings)            # the due week, once per configured channel
    set_digest_channel(store, "T024", "slack", "C0DESK")   # what `/check digest here` calls

This __init__ imports nothing heavy, on purpose: importing `bot.digest.here` (which the chat
surfaces do before they acknowledge) must not load matplotlib, slack_sdk or discord. The names
below are loaded from their submodule on first use (PEP 562); callers may import the
submodules directly.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..render import SlackMessage
    from ..render.digest import render_discord, render_slack, render_text
    from .build import build_digest
    from .chart import render_chart
    from .here import set_digest_channel
    from .model import Digest, ItemFigure, RecycledQuote, SourceFigure, VerdictFigure, Week, WeekTotals
    from .post import PostResult, Target, digest_targets, post_due, post_week
    from .schedule import ScheduleError, build_scheduler, due_week

# public name -> the module (relative to this package) that defines it
_HOME = {
    "Digest": ".model",
    "ItemFigure": ".model",
    "PostResult": ".post",
    "RecycledQuote": ".model",
    "ScheduleError": ".schedule",
    "SlackMessage": "..render",
    "SourceFigure": ".model",
    "Target": ".post",
    "VerdictFigure": ".model",
    "Week": ".model",
    "WeekTotals": ".model",
    "build_digest": ".build",
    "build_scheduler": ".schedule",
    "digest_targets": ".post",
    "due_week": ".schedule",
    "post_due": ".post",
    "post_week": ".post",
    "render_chart": ".chart",
    "render_discord": "..render.digest",
    "render_slack": "..render.digest",
    "render_text": "..render.digest",
    "set_digest_channel": ".here",
}

__all__ = [
    "Digest",
    "ItemFigure",
    "PostResult",
    "RecycledQuote",
    "ScheduleError",
    "SlackMessage",
    "SourceFigure",
    "Target",
    "VerdictFigure",
    "Week",
    "WeekTotals",
    "build_digest",
    "build_scheduler",
    "digest_targets",
    "due_week",
    "post_due",
    "post_week",
    "render_chart",
    "render_discord",
    "render_slack",
    "render_text",
    "set_digest_channel",
]


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home, __name__), name)
    globals()[name] = value  # once found, a plain module attribute
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_HOME])
