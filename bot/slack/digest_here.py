"""`/check digest here`: this channel gets the team's weekly digest (the wording Discord uses)."""

from __future__ import annotations

from storage import StoreError, open_store

from ..settings import Settings

__all__ = ["IN_A_CHANNEL", "confirmation", "is_digest_here", "set_here"]

COMMAND = "digest here"
_LONGEST = 200  # "digest here" with generous spacing; an article is far longer
IN_A_CHANNEL = ("The weekly digest goes to a channel: use `/check digest here` in the channel "
                "that should get it.")
DAYS = {"mon": "Mondays", "tue": "Tuesdays", "wed": "Wednesdays", "thu": "Thursdays",
        "fri": "Fridays", "sat": "Saturdays", "sun": "Sundays"}


def is_digest_here(text: str) -> bool:
    """The whole text is the command, in any case and spacing; an article that merely
    contains the words is still checked. (Long texts are not split: this runs before the ack.)"""
    return len(text) <= _LONGEST and " ".join(text.split()).casefold() == COMMAND


def confirmation(settings: Settings) -> str:
    day = DAYS.get(settings.digest_weekday.strip().lower()[:3], settings.digest_weekday)
    return (f"This channel will get the weekly digest, {day} at {settings.digest_hour:02d}:00 "
            f"{settings.digest_tz}.")


def set_here(settings: Settings, team: str | None, channel: str | None) -> str:
    """Save the channel as the team's digest channel; the one-line private answer."""
    # A direct message (D…) is one person's, not the desk's: the digest goes to a channel.
    if not team or not channel or channel.startswith("D"):
        return IN_A_CHANNEL
    # Imported here: the digest package brings matplotlib, which acknowledging a check never needs.
    from ..digest import set_digest_channel

    try:
        # No seeds_dir: choosing a channel needs no reference corpus, and importing it can take a while.
        set_digest_channel(open_store(settings.database_url), team, "slack", channel)
    except StoreError as exc:
        return f"Could not save the digest channel: {exc}"
    return confirmation(settings)
