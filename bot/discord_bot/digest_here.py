"""`/check digest here` and "@deskcheck digest here": this channel gets the server's weekly digest."""

from __future__ import annotations

import asyncio

import discord

from storage import StoreError, open_store

from ..settings import Settings, get_settings

__all__ = ["NOT_ALLOWED", "PER_SERVER", "confirmation", "is_digest_here", "may_choose", "set_here"]

COMMAND = "digest here"
PER_SERVER = ("The weekly digest is per server: use `/check digest here` in the server channel "
              "that should get it.")
NOT_ALLOWED = ("Only members who may manage channels (Manage Channels or Manage Server) can choose "
               "where the weekly digest goes.")
DAYS = {"mon": "Mondays", "tue": "Tuesdays", "wed": "Wednesdays", "thu": "Thursdays",
        "fri": "Fridays", "sat": "Saturdays", "sun": "Sundays"}


def is_digest_here(text: str) -> bool:
    """The whole text is the command, in any case and spacing; an article that merely
    contains the words is still checked."""
    return " ".join(text.split()).casefold() == COMMAND


def may_choose(permissions: discord.Permissions) -> bool:
    return permissions.manage_channels or permissions.manage_guild


def confirmation(settings: Settings) -> str:
    day = DAYS.get(settings.digest_weekday.strip().lower()[:3], settings.digest_weekday)
    return (f"This channel will get the weekly digest, {day} at {settings.digest_hour:02d}:00 "
            f"{settings.digest_tz}.")


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
        await asyncio.to_thread(_save, settings, str(guild.id), str(channel_id))
    except StoreError as exc:
        return f"Could not save the digest channel: {exc}"
    return confirmation(settings)


def _save(settings: Settings, workspace: str, channel: str) -> None:
    # Imported here: the digest package brings matplotlib and slack_sdk, which the bot
    # otherwise never needs at start.
    from ..digest import set_digest_channel

    # No seeds_dir: choosing a channel needs no reference corpus, and importing it can take a while.
    store = open_store(settings.database_url)
    set_digest_channel(store, workspace, "discord", channel)
