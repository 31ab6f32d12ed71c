"""`digest here` on every chat surface: this channel gets the workspace's weekly digest.

    if is_digest_here(text):                                  # before the acknowledgement
        answer = slack_set_here(settings, team_id, channel_id)
        answer = await discord_set_here(guild, channel_id, permissions)

One module for Slack and Discord: the command, where the choice is saved, and every answer.
Light on purpose (no matplotlib, slack_sdk or discord at import): the surfaces import it
before they acknowledge, and the digest package's __init__ imports nothing.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from storage import Store, StoreError, open_store

from ..settings import Settings, get_settings
from .model import PLATFORMS

if TYPE_CHECKING:  # only the types: importing discord.py costs a Slack process for nothing
    import discord

__all__ = ["COMMAND", "IN_A_CHANNEL", "NOT_ALLOWED", "PER_SERVER", "confirmation", "discord_set_here",
           "is_digest_here", "may_choose", "save_channel", "set_digest_channel", "slack_set_here"]

COMMAND = "digest here"
DAYS = {"mon": "Mondays", "tue": "Tuesdays", "wed": "Wednesdays", "thu": "Thursdays",
        "fri": "Fridays", "sat": "Saturdays", "sun": "Sundays"}
_LONGEST = 200  # "digest here" with generous spacing; an article is far longer

IN_A_CHANNEL = ("The weekly digest goes to a channel: use `/check digest here` in the channel "
                "that should get it.")
PER_SERVER = ("The weekly digest is per server: use `/check digest here` in the server channel "
              "that should get it.")
NOT_ALLOWED = ("Only members who may manage channels (Manage Channels or Manage Server) can choose "
               "where the weekly digest goes.")


def is_digest_here(text: str) -> bool:
    """The whole text is the command, in any case and spacing; an article that merely
    contains the words is still checked. (Long texts are not split: this runs before the ack.)"""
    return len(text) <= _LONGEST and " ".join(text.split()).casefold() == COMMAND


def confirmation(settings: Settings) -> str:
    day = DAYS.get(settings.digest_weekday.strip().lower()[:3], settings.digest_weekday)
    return (f"This channel will get the weekly digest, {day} at {settings.digest_hour:02d}:00 "
            f"{settings.digest_tz}.")


def set_digest_channel(store: Store, workspace: str, platform: str, channel: str) -> None:
    """What `/check digest here` does: this channel gets the workspace's weekly digest."""
    if platform not in PLATFORMS:
        raise ValueError(f"the digest posts to Slack or Discord, not '{platform}'")
    store.digest.save_channel(workspace, platform, channel)


def save_channel(settings: Settings, workspace: str, platform: str, channel: str) -> None:
    """The workspace's digest channel on `platform`; raises StoreError with a one-line reason."""
    # open_store, not bot.corpus's: choosing a channel needs no reference corpus, and importing it
    # can take a while.
    set_digest_channel(open_store(settings.database_url), workspace, platform, channel)


def slack_set_here(settings: Settings, team: str | None, channel: str | None) -> str:
    """Save the channel as the Slack team's digest channel; the one-line private answer."""
    # A direct message (D…) is one person's, not the desk's: the digest goes to a channel.
    if not team or not channel or channel.startswith("D"):
        return IN_A_CHANNEL
    try:
        save_channel(settings, team, "slack", channel)
    except StoreError as exc:
        return f"Could not save the digest channel: {exc}"
    return confirmation(settings)


def may_choose(permissions: discord.Permissions) -> bool:
    return permissions.manage_channels or permissions.manage_guild


async def discord_set_here(guild: discord.Guild | None, channel_id: int | None,
                           permissions: discord.Permissions, settings: Settings | None = None) -> str:
    """Save the channel as the Discord guild's digest channel; the one-line answer for whoever asked."""
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
