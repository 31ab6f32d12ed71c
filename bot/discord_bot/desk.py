"""The desk's verdict from Discord: a status menu, "Assign to me" and "Add note" under each report.

Every control is a discord.py `DynamicItem` whose custom_id carries the item (`deskcheck:status:42`),
so the one registration at start (`register_desk(client)`, from `setup_hook`) routes a click on any
report the bot ever posted, also one posted before a restart: nothing is kept in memory per message.

A click is acknowledged at once (the message is kept as it is), then the change is saved in the
guild's own workspace, with the interaction's id as the idempotency key so that a delivery Discord
repeats applies once; the report message is re-rendered from the stored item and edited in place,
and the clicker alone gets a one-line confirmation. Another guild's item, or one that is gone, gets
an ephemeral "not found" and changes nothing.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from typing import Any, Literal

import discord
from discord.ui import Button, DynamicItem, Modal, Select, TextInput, View

from storage import (
    NOTE_MAX,
    STATUS_LABELS,
    STATUSES,
    StoreError,
    UnknownItem,
    open_store,
)

from ..render import DiscordReply, escape_mentions, render_discord
from ..settings import get_settings
from ..web.links import permalink
from .handlers import log_failure, requester_for_interaction

__all__ = [
    "NOT_FOUND",
    "AddNote",
    "AssignToMe",
    "NoteForm",
    "StatusMenu",
    "controls",
    "register_desk",
    "report_link",
]

NOT_FOUND = "That item was not found in this server: nothing was changed."
NOT_SAVED = "The change could not be saved ({reason}); please try again."
PLACEHOLDER = "Set the desk's verdict"
# A note form left open longer than this is dropped: its submit then gets Discord's own
# "interaction failed", and the reporter opens it again.
NOTE_FORM_SECONDS = 3600
NOTE_FORM_TITLE = "Add a note to the desk's verdict"
# Discord caps a text input at 4,000 characters; the store keeps NOTE_MAX of a note.
NOTE_INPUT_MAX = min(NOTE_MAX, 4000)
_ITEM = r"(?P<item>[0-9]{1,10})"

Kind = Literal["status", "assign", "note"]


@dataclass(frozen=True)
class Change:
    """What a control asks for: a status (its value), the clicker as assignee, or a note (its text)."""

    kind: Kind
    value: str | None = None


def report_link(workspace: str, item_id: int) -> str | None:
    """The item's signed report page, or None while DESKCHECK_SECRET_KEY or DESKCHECK_PUBLIC_URL is unset."""
    return permalink(get_settings(), workspace, item_id)


def controls(item_id: int, status: str = "open") -> View:
    """The controls under a report of item `item_id`; the menu shows `status` as chosen."""
    view = View(timeout=None)
    view.add_item(StatusMenu(item_id, status))
    view.add_item(AssignToMe(item_id))
    view.add_item(AddNote(item_id))
    return view


def register_desk(client: discord.Client) -> None:
    """Route every desk control, on any message old or new, to its handler (call in setup_hook)."""
    client.add_dynamic_items(StatusMenu, AssignToMe, AddNote)


class StatusMenu(DynamicItem[Select[Any]], template=rf"deskcheck:status:{_ITEM}"):
    def __init__(self, item_id: int, status: str = "open") -> None:
        options = [discord.SelectOption(label=STATUS_LABELS[s], value=s, default=s == status)
                   for s in STATUSES]
        super().__init__(Select(custom_id=f"deskcheck:status:{item_id}", placeholder=PLACEHOLDER,
                                options=options, row=0))
        self.item_id = item_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> StatusMenu:
        return cls(int(match["item"]))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        chosen = self.item.values[0] if self.item.values else None
        await act(interaction, self.item_id, Change("status", chosen))


class AssignToMe(DynamicItem[Button[Any]], template=rf"deskcheck:assign:{_ITEM}"):
    def __init__(self, item_id: int) -> None:
        super().__init__(Button(label="Assign to me", style=discord.ButtonStyle.secondary,
                                custom_id=f"deskcheck:assign:{item_id}", row=1))
        self.item_id = item_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> AssignToMe:
        return cls(int(match["item"]))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await act(interaction, self.item_id, Change("assign"))


class AddNote(DynamicItem[Button[Any]], template=rf"deskcheck:note:{_ITEM}"):
    def __init__(self, item_id: int) -> None:
        super().__init__(Button(label="Add note", style=discord.ButtonStyle.secondary,
                                custom_id=f"deskcheck:note:{item_id}", row=1))
        self.item_id = item_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> AddNote:
        return cls(int(match["item"]))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        # The form's id names this click: two people writing notes on one item at once each
        # submit into their own form.
        await interaction.response.send_modal(NoteForm(self.item_id, interaction.id))


class NoteForm(Modal):
    note: TextInput[NoteForm] = TextInput(label="Note", style=discord.TextStyle.paragraph,
                                          max_length=NOTE_INPUT_MAX,
                                          placeholder="What the desk found, and where")

    def __init__(self, item_id: int, opened_by: int) -> None:
        super().__init__(title=NOTE_FORM_TITLE, timeout=NOTE_FORM_SECONDS,
                         custom_id=f"deskcheck:note-form:{item_id}:{opened_by}")
        self.item_id = item_id

    async def on_submit(self, interaction: discord.Interaction[Any], /) -> None:
        await act(interaction, self.item_id, Change("note", self.note.value))

    async def on_error(  # type: ignore[override]  # discord.py types it as its base class does
            self, interaction: discord.Interaction[Any], error: Exception, /) -> None:
        log_failure(error, "note form")


async def act(interaction: discord.Interaction[Any], item_id: int, change: Change) -> None:
    """Acknowledge, save in the guild's workspace, edit the report in place, confirm to the clicker."""
    try:
        # Discord wants an answer within 3 seconds; the database may take longer.
        await interaction.response.defer()
    except discord.HTTPException as exc:  # a repeated delivery that another handler answered
        log_failure(exc, "desk control acknowledgement")
        return
    asker = requester_for_interaction(interaction)
    try:
        reply, status = await asyncio.to_thread(_save, asker.workspace, item_id, change, asker.label,
                                                f"discord:{interaction.id}")
    except UnknownItem:
        await _tell(interaction, NOT_FOUND)
        return
    except ValueError as exc:  # an unknown status, a blank note
        await _tell(interaction, f"Nothing was changed: {exc}.")
        return
    except StoreError as exc:
        await _tell(interaction, NOT_SAVED.format(reason=exc))
        return
    try:
        await interaction.edit_original_response(content=reply.content,
                                                 embeds=[discord.Embed.from_dict(e) for e in reply.embeds],
                                                 view=controls(item_id, status),
                                                 allowed_mentions=discord.AllowedMentions.none())
    except discord.HTTPException as exc:  # the change is saved: the next check shows it
        log_failure(exc, "desk message edit")
    await _tell(interaction, _confirmation(change, status))


def _save(workspace: str, item_id: int, change: Change, by: str,
          key: str) -> tuple[DiscordReply, str]:
    """The change saved, and the report re-rendered with the item's verdict as it now stands."""
    store = open_store(get_settings().database_url)
    if change.kind == "status":
        state = store.desk.set_status(workspace, item_id, change.value or "", by=by, key=key)
    elif change.kind == "assign":
        state = store.desk.assign(workspace, item_id, by, by=by, key=key)
    else:
        state = store.desk.add_note(workspace, item_id, change.value or "", by=by, key=key)
    report = store.stored_report(f"item:{item_id}", workspace)
    if report is None:  # deleted in between
        raise UnknownItem.of(item_id)
    return render_discord(report, report_url=report_link(workspace, item_id)), state.status


def _confirmation(change: Change, status: str) -> str:
    if change.kind == "status":
        return f"Status set to {STATUS_LABELS.get(status, status)}."
    return "Assigned to you." if change.kind == "assign" else "Note added."


async def _tell(interaction: discord.Interaction[Any], text: str) -> None:
    """A line only the clicker sees."""
    try:
        await interaction.followup.send(escape_mentions(text), ephemeral=True,
                                        allowed_mentions=discord.AllowedMentions.none())
    except discord.HTTPException as exc:  # the interaction expired; the change, if any, is saved
        log_failure(exc, "desk confirmation")
