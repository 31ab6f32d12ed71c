"""`deskcheck discord`: the Procfile `worker` process, a Discord bot on the gateway."""

from __future__ import annotations

import argparse
from typing import Any

from ..settings import get_settings


def register(sub: Any) -> None:
    p = sub.add_parser("discord", help="run the Discord bot (token from DISCORD_TOKEN)",
                       description="Run the Discord bot until SIGTERM: answers mentions, /check and "
                                   "the message menu's 'Check this message'. Token from DISCORD_TOKEN.")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # Imported here so `deskcheck check` does not pay for loading discord.py.
    from ..discord_bot import run_bot

    return run_bot(get_settings().discord_token)
