"""The renderers: one module per surface (`text`, `slack`, `discord`) plus the weekly digest's
(`digest`), all built on `_common` (limits, message types, section order, cutting, escaping).

    print(render_text(report))
    message = render_message(report, checker="U12AB")      # Slack Block Kit
    reply = render_discord(report)                          # Discord content and embeds

Every renderer is a pure function, enforces its platform's limits and truncates, never fails.
"""

# Imports nothing heavy: no slack_sdk, discord.py or matplotlib, only the renderers, which are
# pure functions over the engine's frozen models (bot.digest's chart and posting stay there).
from ._common import (
    DISCORD_CONTENT_LIMIT,
    DISCORD_DESCRIPTION_LIMIT,
    DISCORD_EMBEDS_TOTAL_LIMIT,
    DISCORD_FIELD_NAME_LIMIT,
    DISCORD_FIELD_VALUE_LIMIT,
    DISCORD_FOOTER_LIMIT,
    DISCORD_MAX_EMBEDS,
    DISCORD_MAX_FIELDS,
    DISCORD_TITLE_LIMIT,
    LINK_SCHEMES,
    MAX_LINK_URL,
    SECTION_ORDER,
    SLACK_BUTTON_VALUE_LIMIT,
    SLACK_CONTEXT_CHARS,
    SLACK_CONTEXT_ELEMENTS,
    SLACK_HEADER_CHARS,
    SLACK_MAX_BLOCKS,
    SLACK_MAX_MODAL_BLOCKS,
    SLACK_MODAL_TITLE_CHARS,
    SLACK_SECTION_CHARS,
    SLACK_TEXT_CHARS,
    Block,
    DiscordReply,
    Section,
    SlackMessage,
    discord_code,
    discord_link_url,
    discord_text,
    escape_mentions,
    link_url,
    plural,
    shorten,
    slack_code,
    slack_escape,
    slack_link,
    slack_text,
    truncate,
    utf16_len,
    visible,
)
from .digest import render_discord as render_digest_discord
from .digest import render_slack as render_digest_slack
from .digest import render_text as render_digest_text
from .discord import render_discord
from .slack import FULL_REPORT_ACTION, render_full_blocks, render_full_view, render_message
from .text import render_text

__all__ = [
    "DISCORD_CONTENT_LIMIT",
    "DISCORD_DESCRIPTION_LIMIT",
    "DISCORD_EMBEDS_TOTAL_LIMIT",
    "DISCORD_FIELD_NAME_LIMIT",
    "DISCORD_FIELD_VALUE_LIMIT",
    "DISCORD_FOOTER_LIMIT",
    "DISCORD_MAX_EMBEDS",
    "DISCORD_MAX_FIELDS",
    "DISCORD_TITLE_LIMIT",
    "FULL_REPORT_ACTION",
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
    "discord_code",
    "discord_link_url",
    "discord_text",
    "escape_mentions",
    "link_url",
    "plural",
    "render_digest_discord",
    "render_digest_slack",
    "render_digest_text",
    "render_discord",
    "render_full_blocks",
    "render_full_view",
    "render_message",
    "render_text",
    "shorten",
    "slack_code",
    "slack_escape",
    "slack_link",
    "slack_text",
    "truncate",
    "utf16_len",
    "visible",
]
