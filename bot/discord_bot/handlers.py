"""Between Discord and the service: what to check, who asked, the reply, and the one error handler."""

from __future__ import annotations

import asyncio
import logging
import re
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import discord

from checks import Report, TooLong, decode_text

from ..render import DiscordReply, escape_mentions, render_discord
from ..service import Outcome, Requester, single_url
from ..workers import CheckPool

__all__ = [
    "ERROR_REPLY",
    "HIDDEN_TEXT",
    "NOT_TEXT_FILE",
    "USAGE",
    "CheckRunner",
    "Checker",
    "Pasted",
    "ReportReply",
    "attachment_text",
    "bot_mention",
    "desk_item",
    "log_failure",
    "mention_text",
    "mentions_bot",
    "refusal",
    "report_reply",
    "requester_for_interaction",
    "requester_for_message",
    "send_kwargs",
    "text_to_check",
]

log = logging.getLogger("deskcheck.discord")

Checker = Callable[[str, Requester], Outcome]

USAGE = ("Mention me with an article's text or link (`@deskcheck https://…`), reply to a message "
         "with a mention, or use `/check` or the message menu's Apps › Check this message.")
HIDDEN_TEXT = ("Discord did not let me read the message you replied to. Use the message menu's "
               "Apps › Check this message on it instead.")
NOT_TEXT_FILE = ("Only plain-text files (.txt, .md) can be checked, not PDFs, images or Word files: "
                 "paste the article's text or its link.")
ERROR_REPLY = "Something went wrong while checking this. The error is logged; please try again."
# Discord turns a long paste into a message.txt attachment; an article is far below this.
ATTACHMENT_BYTES = 2_000_000
# Checks at once (each a worker process holding the language model): a burst of mentions
# queues instead of exhausting memory.
MAX_PARALLEL_CHECKS = 2
# A message with this few words (and no link) is a request or a greeting, never an article.
REQUEST_WORDS = 12


def bot_mention(message: discord.Message, bot_id: int) -> re.Pattern[str]:
    """The ways a message can name the bot: <@id>, the older <@!id>, and the bot's own role
    (<@&role>), which Discord's autocomplete offers next to the bot itself."""
    tokens = [rf"<@!?{bot_id}>"]
    role = message.guild.self_role if message.guild is not None else None
    if role is not None:
        tokens.append(rf"<@&{role.id}>")
    return re.compile("|".join(tokens))


def mention_text(message: discord.Message, bot_id: int) -> str:
    """The message's text without the bot's mention tokens."""
    return bot_mention(message, bot_id).sub(" ", message.content).strip()


def mentions_bot(message: discord.Message, bot_id: int) -> bool:
    """An explicit @deskcheck in the text; a reply that merely pings the bot's report does not count."""
    return bot_mention(message, bot_id).search(message.content) is not None


@dataclass(frozen=True)
class Pasted:
    """Text to check, and what the reporter should know about how it was read (a text file's
    bytes that were not valid UTF-8), shown beside the report."""

    text: str
    notice: str | None = None


async def text_to_check(message: discord.Message, bot_id: int) -> Pasted | None:
    """The text after the mention, its text attachment, else the replied-to message's text.

    None when there is nothing at all; empty text when Discord hid the replied-to message's text.
    """
    own = mention_text(message, bot_id)
    ref = message.reference
    replied_id = ref.message_id if ref is not None else None
    if own and not single_url(own) and len(own.split()) <= REQUEST_WORDS:
        # "@deskcheck can you check this?" in a reply asks about the replied-to message;
        # "@deskcheck help" or "thanks" in a DM is no article either.
        own = ""
    found = Pasted(own) if own else await attachment_text(message)
    if found is not None or ref is None or not replied_id:
        return found
    target = ref.resolved
    if not isinstance(target, discord.Message):
        target = await message.channel.fetch_message(replied_id)
    content = target.content.strip()
    # Without the message-content intent Discord may blank the replied-to text: say so.
    return Pasted(content) if content else await attachment_text(target) or Pasted("")


async def attachment_text(message: discord.Message) -> Pasted | None:
    """The first plain-text attachment's text (a long paste, a .txt or .md file), if any,
    with decode_text's notice when some of its bytes were not valid UTF-8."""
    for item in message.attachments:
        kind = (item.content_type or "").split(";")[0]
        if kind.startswith("text/") or item.filename.lower().endswith((".txt", ".md")):
            if item.size > ATTACHMENT_BYTES:
                raise TooLong(f"the attached file has {item.size:,} bytes, over the limit of "
                              f"{ATTACHMENT_BYTES:,}: attach the article alone")
            decoded = decode_text(await item.read())
            text = decoded.text.strip()
            return Pasted(text, decoded.notice) if text else None
    return None


def requester_for_message(message: discord.Message) -> Requester:
    guild_id = message.guild.id if message.guild is not None else None
    return Requester(platform="discord", workspace=_workspace(guild_id, message.author.id),
                     user=str(message.author.id), channel=str(message.channel.id),
                     message_id=str(message.id))


def requester_for_interaction(interaction: discord.Interaction[Any],
                              message: discord.Message | None = None) -> Requester:
    # the guild's id, not its cached object: a click may come from a server not (yet) in the cache
    return Requester(platform="discord", workspace=_workspace(interaction.guild_id, interaction.user.id),
                     user=str(interaction.user.id),
                     channel=str(interaction.channel_id) if interaction.channel_id else None,
                     message_id=str(message.id) if message else None)


def _workspace(guild_id: int | None, user_id: int) -> str:
    # The guild scopes the shared history; a direct message is its own private workspace.
    return str(guild_id) if guild_id is not None else f"dm-{user_id}"


class CheckRunner:
    """Runs checks off the event loop, so the gateway keeps its heartbeat whatever is checked.

    With a CheckPool (what `deskcheck discord` runs): in its worker processes, each check under
    the pool's time limit, guilds taking fair turns, no thread held while a check waits, at most
    the pool's processes at once. With a plain Checker (tests, embedding): in threads, at most
    `parallel` at a time so a burst of mentions cannot exhaust memory.
    """

    def __init__(self, checker: Checker | CheckPool, parallel: int = MAX_PARALLEL_CHECKS) -> None:
        self.checker = checker
        self._gate = asyncio.Semaphore(parallel)

    async def __call__(self, raw: str, requester: Requester, notice: str | None = None) -> DiscordReply:
        """The reply to a check of `raw`; `notice` (how an attachment was read) is shown with the
        report, beside the service's own."""
        outcome = await self._outcome(raw, requester)
        if outcome.report is None:
            return refusal(outcome.error or "nothing could be checked")
        notes = "; ".join(note for note in (notice, outcome.notice) if note)
        return report_reply(outcome.report, requester.workspace, notes or None)

    async def _outcome(self, raw: str, requester: Requester) -> Outcome:
        if isinstance(self.checker, CheckPool):
            return await asyncio.wrap_future(self.checker.submit(raw, requester))
        async with self._gate:
            return await asyncio.to_thread(self.checker, raw, requester)


@dataclass(frozen=True)
class ReportReply(DiscordReply):
    """A report of an item of the history: sent with the desk's controls (bot/discord_bot/desk.py)."""

    item_id: int | None = None
    status: str = "open"


def report_reply(report: Report, workspace: str, notice: str | None = None) -> DiscordReply:
    """The report with its page's link; an item of the history also gets the desk's controls."""
    from .desk import report_link  # desk.py builds on this module

    item_id = desk_item(report)
    url = report_link(workspace, item_id) if item_id is not None else None
    reply = render_discord(report, notice, report_url=url)
    if item_id is None:  # the history was unavailable: nothing to give a verdict on
        return reply
    status = report.history.status.value if report.history and report.history.status else "open"
    return ReportReply(reply.content, reply.embeds, item_id=item_id, status=status)


def desk_item(report: Report) -> int | None:
    """The id of the report's item in the history ('item:42' -> 42), None outside it."""
    label = report.history.item if report.history is not None else ""
    kind, _, number = label.partition(":")
    return int(number) if kind == "item" and number.isdigit() else None


def refusal(reason: str) -> DiscordReply:
    return DiscordReply(content=escape_mentions(f"Could not check this: {reason}"))


def send_kwargs(reply: DiscordReply) -> dict[str, Any]:
    """Arguments for Messageable.send / followup.send; no mention in a report ever pings anyone.
    A report of an item comes with the desk's controls."""
    kwargs: dict[str, Any] = {"content": reply.content,
                              "embeds": [discord.Embed.from_dict(e) for e in reply.embeds],
                              "allowed_mentions": discord.AllowedMentions.none()}
    if isinstance(reply, ReportReply) and reply.item_id is not None:
        from .desk import controls  # desk.py builds on this module

        kwargs["view"] = controls(reply.item_id, reply.status)
    return kwargs


def log_failure(exc: BaseException, where: str) -> None:
    """The one error log for the platform: the exception type and frames, never tokens or message text."""
    frames = "".join(traceback.format_tb(exc.__traceback__))
    log.error("%s failed with %s\n%s", where, type(exc).__name__, frames)
