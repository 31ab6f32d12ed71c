"""What the Discord bot's tests share: the real discord.py client logged in to the loopback fake,
an article with an @everyone in a quote, and Discord's limits checked on any reply.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Coroutine
from typing import Any

import discord

from bot.discord_bot import DeskcheckClient
from bot.discord_bot.handlers import Checker
from bot.render import (
    DISCORD_CONTENT_LIMIT,
    DISCORD_DESCRIPTION_LIMIT,
    DISCORD_EMBEDS_TOTAL_LIMIT,
    DISCORD_FIELD_NAME_LIMIT,
    DISCORD_FIELD_VALUE_LIMIT,
    DISCORD_MAX_EMBEDS,
    DISCORD_MAX_FIELDS,
    DISCORD_TITLE_LIMIT,
    DiscordReply,
    utf16_len,
)
from bot.render.discord import embeds_size
from bot.service import run_check
from support.fake_discord import BOT_ID, CHANNEL_ID, FakeDiscord, Recorded, interaction, pointed_at

__all__ = ["ARTICLE", "MENTION", "REPLY_PATH", "assert_within_discord_limits", "bot_on_fake", "embed_titled",
           "is_reply", "run", "slash_check"]

ARTICLE = """Harbour bridge closure delayed as council rejects contractor's plan

The city council voted on Tuesday to delay the closure of the Harbour Bridge until the ferry \
service resumes in the spring.

"We will not close the bridge before the ferry service is running," said Mayor Ana Ruiz after the vote.

A senior engineer at the city, speaking on condition of anonymity, said the repairs could not wait \
much longer. "Every month we lose is a month of risk, and @everyone at city hall knows it," the \
engineer said.
"""

MENTION = f"<@{BOT_ID}>"
REPLY_PATH = f"/channels/{CHANNEL_ID}/messages"


def run(scenario: Coroutine[Any, Any, Any]) -> Any:
    """Runs an async scenario to its end, failing it after three minutes rather than hanging the suite."""
    return asyncio.run(asyncio.wait_for(scenario, 180))


@contextlib.asynccontextmanager
async def bot_on_fake(checker: Checker = run_check) -> AsyncIterator[FakeDiscord]:
    """A deskcheck client logged in to the fake, past READY; closed again afterwards."""
    async with FakeDiscord() as fake:
        with pointed_at(fake):
            client = DeskcheckClient(checker=checker, guild_ready_timeout=0.05)
            started = asyncio.create_task(client.start("fake-bot-token"))
            try:
                await fake.connected()
                await asyncio.wait_for(client.wait_until_ready(), 30)
                yield fake
            finally:
                await client.close()
                await started


def slash_check(article: str) -> dict[str, Any]:
    """The INTERACTION_CREATE payload of `/check article:…`."""
    return interaction("check", options=[{"name": "article", "type": 3, "value": article}])


def is_reply(r: Recorded) -> bool:
    """Whether a recorded request is a message posted in the desk channel."""
    return r.method == "POST" and r.path == REPLY_PATH


def embed_titled(payload: dict[str, Any], prefix: str) -> dict[str, Any]:
    """The first embed of a posted message whose title starts with `prefix`."""
    return next(e for e in payload["embeds"] if e["title"].startswith(prefix))


def assert_within_discord_limits(reply: DiscordReply) -> None:
    """Every limit Discord puts on a message and its embeds holds for `reply`."""
    assert utf16_len(reply.content) <= DISCORD_CONTENT_LIMIT
    assert len(reply.embeds) <= DISCORD_MAX_EMBEDS
    assert embeds_size(reply.embeds) <= DISCORD_EMBEDS_TOTAL_LIMIT
    # discord.py's own count of what Discord counts agrees.
    assert sum(len(discord.Embed.from_dict(e)) for e in reply.embeds) <= DISCORD_EMBEDS_TOTAL_LIMIT
    for embed in reply.embeds:
        assert utf16_len(embed.get("title", "")) <= DISCORD_TITLE_LIMIT
        assert utf16_len(embed.get("description", "")) <= DISCORD_DESCRIPTION_LIMIT
        assert len(embed.get("fields", [])) <= DISCORD_MAX_FIELDS
        for f in embed.get("fields", []):
            assert utf16_len(f["name"]) <= DISCORD_FIELD_NAME_LIMIT
            assert utf16_len(f["value"]) <= DISCORD_FIELD_VALUE_LIMIT
