"""The Discord adapter: a mention or `/check` in, the report as embeds out (discord.py 2.x)."""

from __future__ import annotations

from .client import DeskcheckClient, intents
from .runner import run_bot, serve

__all__ = ["DeskcheckClient", "intents", "run_bot", "serve"]
