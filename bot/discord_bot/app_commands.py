"""`/check` and the message menu's "Check this message": defer at once, answer in a follow-up."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from .handlers import (
    ERROR_REPLY,
    Checker,
    check_off_loop,
    log_failure,
    requester_for_interaction,
    send_kwargs,
)

__all__ = ["register_commands"]

NO_TEXT = "That message has no text I can check."


def register_commands(tree: app_commands.CommandTree[Any], checker: Checker) -> None:
    @tree.command(name="check", description="Check an article: quotes, sources, dates and similar stories")
    @app_commands.describe(article="the article's link, or its text")
    async def check(interaction: discord.Interaction[Any], article: str) -> None:
        # Discord wants an answer within 3 seconds; the check can take longer.
        await interaction.response.defer(thinking=True)
        reply = await check_off_loop(checker, article, requester_for_interaction(interaction))
        await interaction.followup.send(**send_kwargs(reply))

    @tree.context_menu(name="Check this message")
    async def check_message(interaction: discord.Interaction[Any], message: discord.Message) -> None:
        await interaction.response.defer(thinking=True)
        if not message.content.strip():
            await interaction.followup.send(NO_TEXT, allowed_mentions=discord.AllowedMentions.none())
            return
        requester = requester_for_interaction(interaction, message)
        reply = await check_off_loop(checker, message.content, requester)
        await interaction.followup.send(**send_kwargs(reply))

    tree.on_error = _on_command_error  # type: ignore[method-assign]


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
