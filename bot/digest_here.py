"""`digest here`, the same on every chat surface: what the command is, where the choice is
saved, and the answer. Light on purpose: surfaces import it before any acknowledgement, so the
digest package (matplotlib, slack_sdk) is imported only when a channel is really saved.
"""

from __future__ import annotations

from storage import open_store

from .settings import Settings

__all__ = ["COMMAND", "confirmation", "is_digest_here", "save_channel"]

COMMAND = "digest here"
DAYS = {"mon": "Mondays", "tue": "Tuesdays", "wed": "Wednesdays", "thu": "Thursdays",
        "fri": "Fridays", "sat": "Saturdays", "sun": "Sundays"}


def is_digest_here(text: str) -> bool:
    """The whole text is the command, in any case and spacing; an article that merely
    contains the words is still checked."""
    return " ".join(text.split()).casefold() == COMMAND


def confirmation(settings: Settings) -> str:
    day = DAYS.get(settings.digest_weekday.strip().lower()[:3], settings.digest_weekday)
    return (f"This channel will get the weekly digest, {day} at {settings.digest_hour:02d}:00 "
            f"{settings.digest_tz}.")


def save_channel(settings: Settings, workspace: str, platform: str, channel: str) -> None:
    """The workspace's digest channel on `platform`; raises StoreError with a one-line reason."""
    from .digest import set_digest_channel

    # No seeds_dir: choosing a channel needs no reference corpus, and importing it can take a while.
    set_digest_channel(open_store(settings.database_url), workspace, platform, channel)
