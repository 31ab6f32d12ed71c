"""The weekly digest: what a desk checked in an ISO week, for the terminal, Slack and Discord.

    digest = build_digest(store, "T024", Week.parse("2026-W47"), tz="Europe/Paris")
    print(render_text(digest)); png = render_chart(digest)
    post_due(store, settings)            # the due week, once per configured channel
    set_digest_channel(store, "T024", "slack", "C0DESK")   # what `/check digest here` calls
"""

from __future__ import annotations

from .build import build_digest
from .chart import render_chart
from .model import Digest, ItemFigure, RecycledQuote, SourceFigure, Week, WeekTotals
from .post import PostResult, Target, digest_targets, post_due, post_week, set_digest_channel
from .render import SlackMessage, render_discord, render_slack, render_text
from .schedule import ScheduleError, build_scheduler, due_week

__all__ = [
    "Digest",
    "ItemFigure",
    "PostResult",
    "RecycledQuote",
    "ScheduleError",
    "SlackMessage",
    "SourceFigure",
    "Target",
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
