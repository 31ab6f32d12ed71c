"""The Discord client: mentions in, replies out, application commands synced at start."""

from __future__ import annotations

import logging
import sys
from typing import Any

import discord
from discord import app_commands

from checks import CheckError

from ..digest.here import discord_set_here as set_here
from ..digest.here import is_digest_here
from ..service import run_check
from ..workers import CheckPool
from .app_commands import register_commands
from .desk import register_desk
from .handlers import (
    ERROR_REPLY,
    HIDDEN_TEXT,
    NOT_TEXT_FILE,
    USAGE,
    Checker,
    CheckRunner,
    log_failure,
    mention_text,
    mentions_bot,
    refusal,
    requester_for_message,
    send_kwargs,
    text_to_check,
)

__all__ = ["DeskcheckClient", "intents"]

log = logging.getLogger("deskcheck.discord")


def intents() -> discord.Intents:
    """Guilds and guild/DM messages only: a message that mentions the bot carries its text
    without the privileged message-content intent, so the bot never asks for it."""
    wanted = discord.Intents.none()
    wanted.guilds = True
    wanted.guild_messages = True
    wanted.dm_messages = True
    return wanted


class DeskcheckClient(discord.Client):
    def __init__(self, *, checker: Checker | CheckPool = run_check, **options: Any) -> None:
        """`checker` runs in-process by default; `deskcheck discord` passes its CheckPool."""
        super().__init__(intents=intents(), allowed_mentions=discord.AllowedMentions.none(), **options)
        self.run_check = CheckRunner(checker)
        self.tree: app_commands.CommandTree[DeskcheckClient] = app_commands.CommandTree(self)
        register_commands(self.tree, self.run_check)

    async def setup_hook(self) -> None:
        # the desk's controls on every report, also those posted before this start
        register_desk(self)
        synced = await self.tree.sync()
        log.info("synced %d application commands", len(synced))

    async def on_message(self, message: discord.Message) -> None:
        me = self.user
        if me is None or message.author.bot or message.author.id == me.id:
            return
        direct = message.guild is None
        if not direct and not mentions_bot(message, me.id):
            return
        try:
            await self._answer(message, me.id)
        except Exception as exc:
            log_failure(exc, "mention")
            await _reply(message, content=ERROR_REPLY)

    async def _answer(self, message: discord.Message, bot_id: int) -> None:
        if is_digest_here(mention_text(message, bot_id)):
            answer = await set_here(message.guild, message.channel.id, _permissions(message))
            await _reply(message, content=answer)
            return
        try:
            pasted = await text_to_check(message, bot_id)
        except CheckError as exc:  # an attachment that is too big or not text
            await _reply(message, **send_kwargs(refusal(str(exc))))
            return
        if pasted is None or not pasted.text:
            note = HIDDEN_TEXT if pasted is not None else NOT_TEXT_FILE if message.attachments else USAGE
            await _reply(message, content=note)
            return
        async with message.channel.typing():
            reply = await self.run_check(pasted.text, requester_for_message(message), notice=pasted.notice)
        await _reply(message, **send_kwargs(reply))

    async def on_error(self, event_method: str, /, *args: Any, **kwargs: Any) -> None:
        exc = sys.exc_info()[1]
        if exc is not None:
            log_failure(exc, event_method)


def _permissions(message: discord.Message) -> discord.Permissions:
    """The author's permissions in this channel; none outside a server."""
    author = message.author
    if isinstance(author, discord.Member) and message.guild is not None:
        return message.channel.permissions_for(author)
    return discord.Permissions.none()


async def _reply(message: discord.Message, **kwargs: Any) -> None:
    """Answer as a reply; if the reporter deleted their message meanwhile, answer in the channel."""
    kwargs.setdefault("allowed_mentions", discord.AllowedMentions.none())
    await message.channel.send(reference=message.to_reference(fail_if_not_exists=False), **kwargs)
