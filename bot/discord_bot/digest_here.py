"""`/check digest here` and "@deskcheck digest here": this channel gets the server's weekly digest."""

from __future__ import annotations

import asyncio

import discord

from storage import StoreError

from ..digest_here import confirmation, is_digest_here, save_channel
from ..settings import Settings, get_settings

__all__ = ["NOT_ALLOWED", "PER_SERVER", "confirmation", "is_digest_here", "may_choose", "set_here"]

PER_SERVER = ("The weekly digest is per server: use `/check digest here` in the server channel "
              "that should get it.")
NOT_ALLOWED = ("Only members who may manage channels (Manage Channels or Manage Server) can choose "
               "where the weekly digest goes.")


def may_choose(permissions: discord.Permissions) -> bool:
    return permissions.manage_channels or permissions.manage_guild


async def set_here(guild: discord.Guild | None, channel_id: int | None,
                   permissions: discord.Permissions, settings: Settings | None = None) -> str:
    """Save the channel as the guild's digest channel; the one-line answer for whoever asked."""
    if guild is None or channel_id is None:
        return PER_SERVER
    if not may_choose(permissions):
        return NOT_ALLOWED
    settings = settings or get_settings()
    try:
        # the database is blocking I/O: keep it off the gateway's event loop
        await asyncio.to_thread(save_channel, settings, str(guild.id), "discord", str(channel_id))
    except StoreError as exc:
        return f"Could not save the digest channel: {exc}"
    return confirmation(settings)

