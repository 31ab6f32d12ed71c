"""What an article writes cannot change what a surface shows: the escaping every renderer shares.

A page chooses its title, site name, canonical URL and every quoted word. Each such string
enters a rendered surface through `visible` (it drops what a reader cannot see: bidi controls,
other invisible format characters, terminal control sequences, line breaks), then through the
surface's own escaping. A URL becomes a link only when it is http(s) and can be written safely
inside that surface's link syntax; otherwise it is shown as text in a code span, where neither
Slack nor Discord makes links. The stored report and `--json` keep every character.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

__all__ = [
    "LINK_SCHEMES",
    "MAX_LINK_URL",
    "discord_code",
    "discord_link_url",
    "discord_text",
    "escape_mentions",
    "link_url",
    "slack_code",
    "slack_escape",
    "slack_link",
    "slack_text",
    "visible",
]

LINK_SCHEMES = frozenset({"http", "https"})
# Longer URLs are shown as text: a link and its label must fit one Slack section (3,000 characters).
MAX_LINK_URL = 2000

# Zero-width (non-)joiners stay: Persian and Indic words and emoji sequences need them, and they
# can neither reorder text nor hide a character.
_JOINERS = frozenset("\u200c\u200d")
# ECMA-48 sequences a page can hide in its text, in 7- and 8-bit forms: CSI (colours, cursor moves,
# clearing the screen), terminated string commands (OSC window titles and hyperlinks, DCS, SOS, PM,
# APC), two-character escapes. A lone introducer left over goes with the other control characters.
_TERMINAL_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]*[0-~]")
# ASCII that RFC 3986 allows in no part of a URL (space and controls are refused separately).
_NOT_IN_URLS = frozenset('<>"{}|\\^`')
_HOST = re.compile(r"[\w.-]+")
# Discord ends a masked link's target at an unbalanced ")", and brackets could open another link.
_DISCORD_TARGET = str.maketrans({"(": "%28", ")": "%29", "[": "%5B", "]": "%5D"})
_DISCORD_MARKDOWN = re.compile(r"([\\*_~`|>\[\]#<])")
# The patterns discord.utils.escape_mentions neutralises: a zero-width space after the @
# stops the ping even if a client ignores allowed_mentions.
_MENTION = re.compile(r"@(everyone|here|[!&]?[0-9]{17,20})")


def visible(text: str) -> str:
    """`text` as any surface may show it: one line, without bidi controls (an RTL override can make
    a quote or a URL read backwards), invisible format characters or terminal control sequences;
    a lone surrogate (it would make encoding fail) becomes U+FFFD."""
    if text.isprintable():
        return text
    return "".join(map(_shown, _TERMINAL_SEQUENCE.sub("", text)))


def _shown(char: str) -> str:
    if char.isprintable() or char in _JOINERS:
        return char
    category = unicodedata.category(char)
    if category in ("Cc", "Zl", "Zp"):
        return " " if char.isspace() else ""
    if category == "Cf":
        return ""
    if category == "Cs":
        return "\ufffd"
    return char  # other spaces, private use, not yet assigned


def link_url(url: str | None) -> str | None:
    """`url` when it may be a link on any surface: http or https, a plain host name, no user name
    before the host (it can pose as the site), at most MAX_LINK_URL characters, no character that
    is invisible, a space or refused by RFC 3986. None otherwise."""
    if not url or len(url) > MAX_LINK_URL:
        return None
    if any(c in _NOT_IN_URLS or c.isspace() or not c.isprintable() for c in url):
        return None
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError:
        return None
    host = parts.hostname or ""
    if parts.scheme.lower() not in LINK_SCHEMES or not _HOST.fullmatch(host) or "@" in parts.netloc:
        return None
    return url


def slack_escape(text: str) -> str:
    """Slack's three control characters in mrkdwn, for text we composed ourselves."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def slack_text(text: str) -> str:
    """Article text in Slack mrkdwn: it can never become <!channel>, a mention or a link."""
    return slack_escape(visible(text))


def slack_link(url: str | None, label: str) -> str | None:
    """`<url|label>` (`label` already escaped), or None when `url` cannot be a safe link."""
    target = link_url(url)
    return f"<{slack_escape(target)}|{label}>" if target else None


def slack_code(text: str) -> str:
    """`text` (a URL that cannot be a link) in a code span: Slack makes no link inside one."""
    return "`" + slack_text(text).replace("`", "%60") + "`"


def escape_mentions(text: str) -> str:
    return _MENTION.sub("@\u200b\\1", text)


def discord_text(text: str) -> str:
    """Article text in Discord markdown: no pings, no links, channels, timestamps or formatting."""
    return escape_mentions(_DISCORD_MARKDOWN.sub(r"\\\1", visible(text)))


def discord_link_url(url: str | None) -> str | None:
    """`url` as the target of a masked link `[label](url)`, or None when it cannot be a safe link."""
    target = link_url(url)  # its host and port hold none of the characters encoded here
    return target.translate(_DISCORD_TARGET) if target else None


def discord_code(text: str) -> str:
    """`text` (a URL that cannot be a link) in a code span: Discord makes no link inside one."""
    return "`" + escape_mentions(visible(text).replace("`", "%60")) + "`"
