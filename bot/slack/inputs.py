"""What a Slack message asks us to check: its link, or its text with Slack's markup undone."""

from __future__ import annotations

import re

__all__ = ["SHORT_NOTE_WORDS", "is_help", "pick_input"]

# "Can someone check this? <https://…>" is a link with a note, not an article to check.
SHORT_NOTE_WORDS = 30

_MENTION = re.compile(r"<@[UWB][A-Z0-9]+(?:\|[^>]*)?>")
_CHANNEL = re.compile(r"<#[A-Z0-9]+(?:\|([^>]*))?>")
_SPECIAL = re.compile(r"<!([a-z]+)(?:\^[^|>]*)?(?:\|[^>]*)?>")
_LINK = re.compile(r"<((?:https?|mailto):[^\s<>|]+)(?:\|([^>]*))?>", re.IGNORECASE)


# Longer than any word asked for: an article is not lowered or split on the way to its ack.
_SHORT_COMMAND = 64


def is_help(text: str) -> bool:
    return len(text) <= _SHORT_COMMAND and text.strip().lower() in {"", "help", "-h", "--help", "?"}


def pick_input(text: str) -> str:
    """One link with at most a short note -> the link; otherwise the message's own words."""
    text = _MENTION.sub("", text).strip()
    links = [m.group(1) for m in _LINK.finditer(text) if m.group(1).lower().startswith("http")]
    rest = _LINK.sub("", text)
    if len(set(links)) == 1 and len(rest.split()) <= SHORT_NOTE_WORDS:
        return links[0]
    return _unescape(_plain(text))


def _plain(text: str) -> str:
    text = _LINK.sub(lambda m: m.group(2) or m.group(1), text)
    text = _CHANNEL.sub(lambda m: "#" + (m.group(1) or "channel"), text)
    return _SPECIAL.sub(lambda m: "@" + m.group(1), text)


def _unescape(text: str) -> str:
    # Slack escapes exactly these three in message text; &amp; last so "&amp;lt;" stays "&lt;".
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip()
