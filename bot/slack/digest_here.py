"""`/check digest here` on Slack: this channel gets the team's weekly digest (shared: bot/digest_here.py)."""

from __future__ import annotations

from storage import StoreError

from .. import digest_here as shared
from ..digest_here import confirmation
from ..settings import Settings

__all__ = ["IN_A_CHANNEL", "confirmation", "is_digest_here", "set_here"]

_LONGEST = 200  # "digest here" with generous spacing; an article is far longer
IN_A_CHANNEL = ("The weekly digest goes to a channel: use `/check digest here` in the channel "
                "that should get it.")


def is_digest_here(text: str) -> bool:
    """The whole text is the command, in any case and spacing; an article that merely
    contains the words is still checked. (Long texts are not split: this runs before the ack.)"""
    return len(text) <= _LONGEST and shared.is_digest_here(text)


def set_here(settings: Settings, team: str | None, channel: str | None) -> str:
    """Save the channel as the team's digest channel; the one-line private answer."""
    # A direct message (D…) is one person's, not the desk's: the digest goes to a channel.
    if not team or not channel or channel.startswith("D"):
        return IN_A_CHANNEL
    try:
        shared.save_channel(settings, team, "slack", channel)
    except StoreError as exc:
        return f"Could not save the digest channel: {exc}"
    return confirmation(settings)
