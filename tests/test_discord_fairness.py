"""Discord's checks in the shared worker pool: the same limit, fair turns between guilds."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from support.discord_rig import bot_on_fake
from support.fake_discord import BOT_ID, CHANNEL_ID, REPORTER, message
from support.slow_checks import slow_check

from bot.discord_bot.handlers import CheckRunner
from bot.service import Requester
from bot.settings import Settings
from bot.workers import CheckPool

LIMIT = 2.0
MARGIN = 15.0  # generous: the machine running the tests may be busy
# Enough words that the mention reads as an article, not as a request to the bot.
FILLER = "the council said on Tuesday that the bridge would stay open until the ferry resumes"


@contextmanager
def pool_of(limit: float) -> Iterator[CheckPool]:
    pool = CheckPool(Settings(database_url=os.environ["DATABASE_URL"], check_timeout=limit),
                     processes=2, check=slow_check)
    try:
        pool.warm_up()
        yield pool
    finally:
        pool.shutdown()


def guild_member(guild: str) -> Requester:
    return Requester(platform="discord", workspace=guild, user="1400000000000000001", channel=CHANNEL_ID)


def test_a_mention_whose_check_runs_over_the_limit_gets_one_line_in_time() -> None:
    async def scenario() -> tuple[dict[str, Any], float]:
        async with bot_on_fake(pool) as fake:
            sent = time.monotonic()
            await fake.dispatch("MESSAGE_CREATE", message(f"<@{BOT_ID}> SLEEP:120 {FILLER}", REPORTER))
            reply = await fake.wait_for(lambda r: r.method == "POST" and r.path.endswith("/messages"))
            return reply.body, time.monotonic() - sent

    with pool_of(LIMIT) as pool:
        body, took = asyncio.run(asyncio.wait_for(scenario(), 120))
    assert body["content"] == ("Could not check this: the check took longer than 2 s and was stopped "
                               "(a slow link or a very long text)")
    assert took < LIMIT + MARGIN


def test_a_guild_flooding_slow_checks_does_not_hold_up_another_guilds_check() -> None:
    async def scenario(runner: CheckRunner) -> tuple[str, bool]:
        flood = [asyncio.create_task(runner(f"SLEEP:{30 + i} {FILLER}", guild_member("1200000000000000001")))
                 for i in range(4)]
        await asyncio.sleep(0.5)
        other = await asyncio.wait_for(runner(FILLER, guild_member("1200000000000000002")), MARGIN)
        still_running = not any(task.done() for task in flood)
        for task in flood:
            task.cancel()
        return other.content, still_running

    with pool_of(limit=60) as pool:
        content, still_running = asyncio.run(scenario(CheckRunner(pool)))
    assert content.startswith("Could not check this: checked the for 1200000000000000002")
    assert still_running
