"""`/check` and the message menu's "Check this message": defer at once, answer in a follow-up."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from checks import CheckError

from ..digest.here import discord_set_here as set_here
from ..digest.here import is_digest_here
from ..render import DiscordReply
from .handlers import (
    ERROR_REPLY,
    CheckRunner,
    Pasted,
    attachment_text,
    log_failure,
    refusal,
    requester_for_interaction,
    send_kwargs,
)

__all__ = ["register_commands"]

NO_TEXT = "that message has no text or text file to check"


def register_commands(tree: app_commands.CommandTree[Any], run: CheckRunner) -> None:
    @tree.command(name="check", description="Check an article: quotes, sources, dates and similar stories")
    @app_commands.describe(article="the article's link, or its text")
    async def check(interaction: discord.Interaction[Any], article: str) -> None:
        if is_digest_here(article):
            await _digest_here(interaction)
            return
        # Discord wants an answer within 3 seconds; the check can take longer.
        await interaction.response.defer(thinking=True)
        reply = await run(article, requester_for_interaction(interaction))
        await interaction.followup.send(**send_kwargs(reply))

    @tree.context_menu(name="Check this message")
    async def check_message(interaction: discord.Interaction[Any], message: discord.Message) -> None:
        await interaction.response.defer(thinking=True)
        reply = await _check_target(run, interaction, message)
        await interaction.followup.send(**send_kwargs(reply))

    tree.on_error = _on_command_error  # type: ignore[method-assign]


async def _digest_here(interaction: discord.Interaction[Any]) -> None:
    # Only the asker sees the answer; the first database open may outlast Discord's 3 seconds.
    await interaction.response.defer(ephemeral=True, thinking=True)
    answer = await set_here(interaction.guild, interaction.channel_id, interaction.permissions)
    await interaction.followup.send(answer, ephemeral=True, allowed_mentions=discord.AllowedMentions.none())


async def _check_target(run: CheckRunner, interaction: discord.Interaction[Any],
                        message: discord.Message) -> DiscordReply:
    """The menu's target message: its text, else its text attachment, else a one-line refusal."""
    content = message.content.strip()
    try:
        pasted = Pasted(content) if content else await attachment_text(message)
    except CheckError as exc:  # an attachment that is too big or not text
        return refusal(str(exc))
    if pasted is None:
        return refusal(NO_TEXT)
    return await run(pasted.text, requester_for_interaction(interaction, message), notice=pasted.notice)


async def _on_command_error(interaction: discord.Interaction[Any],
                            error: app_commands.AppCommandError) -> None:
    log_failure(error.__cause__ or error, f"/{interaction.command.name if interaction.command else '?'}")
    try:
        if interaction.response.is_done():
            await interaction.followup.send(ERROR_REPLY, ephemeral=True)
        else:
            await interaction.response.send_message(ERROR_REPLY, ephemeral=True)
    except discord.HTTPException as exc:  # the interaction may have expired; the log has the cause
        log_failure(exc, "error reply")
