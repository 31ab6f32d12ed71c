"""Run the Discord worker until SIGTERM: reconnects are discord.py's, shutdown is ours."""

from __future__ import annotations

import asyncio
import logging
import signal
import sys

import discord

from ..settings import get_settings
from ..workers import CheckPool
from .client import DeskcheckClient
from .handlers import MAX_PARALLEL_CHECKS, log_failure

__all__ = ["run_bot", "serve"]

MISSING_TOKEN = ("DISCORD_TOKEN is not set: create a bot in the Discord Developer Portal and put its "
                 "token in the environment (see README, Discord)")


def run_bot(token: str | None) -> int:
    """The `deskcheck discord` process: exit 0 after a clean shutdown, 2 with one line on a bad token."""
    if not token:
        print(f"deskcheck: {MISSING_TOKEN}", file=sys.stderr)
        return 2
    # Checks run in worker processes, each under DESKCHECK_CHECK_TIMEOUT, guilds taking turns.
    pool = CheckPool(get_settings(), processes=MAX_PARALLEL_CHECKS)
    try:
        # The workers load spaCy before going online: a missing model fails here in one line,
        # not at the first mention, and the first reporter does not wait for the load.
        pool.warm_up()
        if pool.model_problem:
            print(f"deskcheck: {pool.model_problem}", file=sys.stderr)
            return 2
        # A long-running worker: connection and command-sync lines belong in the platform's log.
        for name in ("discord", "deskcheck"):
            logging.getLogger(name).setLevel(logging.INFO)
        return asyncio.run(serve(DeskcheckClient(checker=pool), token))
    finally:
        pool.shutdown()


async def serve(client: DeskcheckClient, token: str) -> int:
    loop = asyncio.get_running_loop()
    stopping: list[asyncio.Task[None]] = []

    def stop() -> None:
        # Heroku and systemd send SIGTERM; closing the client ends start() and the gateway politely.
        if not stopping:
            stopping.append(loop.create_task(client.close()))

    handled = _install(loop, stop)
    try:
        await client.start(token)
    except discord.LoginFailure:
        print("deskcheck: Discord refused the token in DISCORD_TOKEN", file=sys.stderr)
        return 2
    except discord.PrivilegedIntentsRequired:
        print("deskcheck: Discord refused the gateway intents (deskcheck needs no privileged intent)",
              file=sys.stderr)
        return 2
    except Exception as exc:
        log_failure(exc, "discord worker")
        print(f"deskcheck: the Discord worker stopped on {type(exc).__name__}", file=sys.stderr)
        return 1
    finally:
        for sig in handled:
            loop.remove_signal_handler(sig)
        if not client.is_closed():
            await client.close()
        if stopping:
            await stopping[0]
    return 0


def _install(loop: asyncio.AbstractEventLoop, stop: object) -> list[signal.Signals]:
    handled = []
    for sig in (signal.SIGTERM, signal.SIGINT):
        try:
            loop.add_signal_handler(sig, stop)  # type: ignore[arg-type]
        except (NotImplementedError, RuntimeError):  # not the main thread, or Windows
            continue
        handled.append(sig)
    return handled
