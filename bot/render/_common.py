"""What every renderer shares: the limits, the message types, the order of the sections, one way
to cut a text and one way to escape it for each surface.

A page chooses its title, site name, canonical URL and every quoted word. Each such string
enters a rendered surface through `visible` (it drops what a reader cannot see: bidi controls,
other invisible format characters, terminal control sequences, line breaks), then through the
surface's own escaping. A URL becomes a link only when it is http(s) and can be written safely
inside that surface's link syntax; otherwise it is shown as text in a code span, where neither
Slack nor Discord makes links. The stored report and `--json` keep every character.

Lengths are counted in UTF-16 code units, as Discord's JavaScript counts them: never fewer than
Python's characters, so a text cut to fit Discord's count fits every other count too.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit

from checks import DESK_STATUS_LABELS, DESK_STATUSES

if TYPE_CHECKING:
    from collections.abc import Sequence

    from checks import Report, SharedQuote

__all__ = [
    "ANOTHER_SPEAKER_NOTE",
    "DESK_NOTE_WIDTH",
    "DESK_STATUSES",
    "DESK_STATUS_LABELS",
    "DISCORD_CONTENT_LIMIT",
    "DISCORD_DESCRIPTION_LIMIT",
    "DISCORD_EMBEDS_TOTAL_LIMIT",
    "DISCORD_FIELD_NAME_LIMIT",
    "DISCORD_FIELD_VALUE_LIMIT",
    "DISCORD_FOOTER_LIMIT",
    "DISCORD_MAX_EMBEDS",
    "DISCORD_MAX_FIELDS",
    "DISCORD_TITLE_LIMIT",
    "LINK_SCHEMES",
    "MAX_LINK_URL",
    "SECTION_ORDER",
    "SLACK_BUTTON_VALUE_LIMIT",
    "SLACK_CONTEXT_CHARS",
    "SLACK_CONTEXT_ELEMENTS",
    "SLACK_HEADER_CHARS",
    "SLACK_MAX_BLOCKS",
    "SLACK_MAX_MODAL_BLOCKS",
    "SLACK_MODAL_TITLE_CHARS",
    "SLACK_SECTION_CHARS",
    "SLACK_TEXT_CHARS",
    "Block",
    "DiscordReply",
    "Section",
    "SlackMessage",
    "desk_person",
    "discord_code",
    "discord_link_url",
    "discord_text",
    "escape_mentions",
    "link_url",
    "plural",
    "shared_quotes_in_order",
    "shorten",
    "slack_code",
    "slack_escape",
    "slack_link",
    "slack_text",
    "status_line",
    "status_note",
    "truncate",
    "utf16_len",
    "visible",
]

# Slack's published Block Kit limits (api.slack.com/reference/block-kit).
SLACK_MAX_BLOCKS = 50  # blocks in one message
SLACK_MAX_MODAL_BLOCKS = 100  # blocks in one modal view
SLACK_SECTION_CHARS = 3000  # text of a section block
SLACK_HEADER_CHARS = 150  # plain text of a header block
SLACK_CONTEXT_CHARS = 3000  # text of one context element
SLACK_CONTEXT_ELEMENTS = 10
SLACK_TEXT_CHARS = 40_000  # a message's top-level `text`, its fallback; Slack truncates past it
SLACK_MODAL_TITLE_CHARS = 24
SLACK_BUTTON_VALUE_LIMIT = 2000

# Discord's published limits for one message, in UTF-16 units.
DISCORD_CONTENT_LIMIT = 2000
DISCORD_EMBEDS_TOTAL_LIMIT = 6000  # titles, descriptions, field names/values, footers of all embeds
DISCORD_MAX_EMBEDS = 10
DISCORD_MAX_FIELDS = 25
DISCORD_TITLE_LIMIT = 256
DISCORD_DESCRIPTION_LIMIT = 4096
DISCORD_FIELD_NAME_LIMIT = 256
DISCORD_FIELD_VALUE_LIMIT = 1024
DISCORD_FOOTER_LIMIT = 2048

Section = Literal["fact_checks", "signals", "quotes", "sources", "dates", "similar"]
# What a verifier reads first, on every surface: whether a fact-checker already published a verdict
# on a claim the story repeats (shown only when one matched), what needs a look (the signals), then
# who is quoted, who the sources are, the dates the story rests on, and where else it ran. The
# sections up to the signals ride with the summary (above Slack's divider; in Discord the first
# shown fills the summary embed).
SECTION_ORDER: tuple[Section, ...] = ("fact_checks", "signals", "quotes", "sources", "dates", "similar")

Block = dict[str, Any]
ELLIPSIS = "…"
# After a shared quote whose other article names a different person as its speaker.
ANOTHER_SPEAKER_NOTE = "another speaker"


@dataclass(frozen=True)
class SlackMessage:
    text: str  # the plain fallback: notifications, screen readers, old clients
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class DiscordReply:
    content: str
    embeds: tuple[dict[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"content": self.content, "embeds": list(self.embeds)}


def plural(count: int, noun: str, many: str | None = None) -> str:
    """`noun` as it reads after `count`: 'quote' for 1, 'quotes' (or `many`) for any other count."""
    return noun if count == 1 else many or noun + "s"


def utf16_len(text: str) -> int:
    """Length as Discord's JavaScript counts it (UTF-16 units), never less than len()."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def truncate(text: str, limit: int, *, at_line: bool = False) -> str:
    """`text` if it fits in `limit` UTF-16 units; otherwise its longest start that fits with the
    mark of the cut, never longer than `limit` by any count.

    text: what to cut; it is not made visible or escaped here.
    limit: the most UTF-16 units the result may hold.
    at_line: cut at the last line break that fits and mark it with a line "…" (lists); otherwise
        cut anywhere, drop the trailing space and end with "…".
    A limit too small for the mark and one character gives "".
    """
    if utf16_len(text) <= limit:
        return text
    mark = "\n" + ELLIPSIS if at_line else ELLIPSIS
    room = limit - len(mark)
    if room <= 0:
        return ""
    head = _head(text, room)
    return head.rsplit("\n", 1)[0] + mark if at_line else head.rstrip() + mark


def _head(text: str, units: int) -> str:
    """The longest start of `text` of at most `units` UTF-16 units."""
    head = text[:units]
    over = utf16_len(head) - units
    while over > 0:  # astral characters count twice: drop at least half of what is over each time
        head = head[: -((over + 1) // 2)]
        over = utf16_len(head) - units
    return head


def shorten(text: str, width: int) -> str:
    """`text` made visible, on one line, cut to `width` (see `truncate`)."""
    return truncate(" ".join(visible(text).split()), width)


# Escaping: what an article writes becomes inert text on each surface.

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
    """No @everyone, @here, user or role ping, even from a client that ignores allowed_mentions."""
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


# The desk's verdict (issue 16), as every surface shows it above the report.

# The latest note under the status line: enough to read the verdict's reason, one line.
DESK_NOTE_WIDTH = 300


def desk_person(label: str) -> str:
    """A requester label as a name without its platform: 'slack:T024/U12AB' -> '@U12AB',
    'cli:ana' -> '@ana'. Made visible; the surface escapes it."""
    _platform, _, rest = label.partition(":")
    return "@" + visible(rest.rpartition("/")[2] or label)


def status_line(report: Report, person: Callable[[str], str] = desk_person,
                escape: Callable[[str], str] = str) -> str | None:
    """'Disputed by @ana · 2 notes · assigned to @ben', or None while the item is open, unassigned
    and without notes (or not in the history).

    person: a requester label as the surface names people (a Slack mention, a plain name).
    escape: makes text made visible safe for the surface's markup (the status comes from storage).
    """
    h = report.history
    if h is None:
        return None
    value = h.status.value if h.status else "open"
    if value == "open" and not h.assignee and not h.notes:
        return None
    lead = escape(DESK_STATUS_LABELS.get(value) or visible(value))
    if value != "open" and h.status is not None and h.status.by:
        lead += f" by {person(h.status.by)}"
    parts = [lead]
    if h.notes:
        parts.append(f"{h.notes:,} {plural(h.notes, 'note')}")
    if h.assignee:
        parts.append(f"assigned to {person(h.assignee)}")
    return " · ".join(parts)


def status_note(report: Report, escape: Callable[[str], str] = str,
                width: int = DESK_NOTE_WIDTH) -> str | None:
    """The item's latest note, on one line, cut to `width`: a note added on its own after the
    status change is the newer word on the verdict. A report stored before the history carried
    `latest_note` falls back to the note given with the latest status change."""
    h = report.history
    if h is None:
        return None
    note = h.latest_note or (h.status.note if h.status is not None else None)
    return escape(shorten(note, width)) if note and note.strip() else None


def shared_quotes_in_order(shared: Sequence[SharedQuote]) -> list[SharedQuote]:
    """The same words under another person's name first (what a verifier most needs to see), each
    group in the engine's order; a quote is flagged only when `another_speaker` is true."""
    return sorted(shared, key=lambda q: q.another_speaker is not True)
