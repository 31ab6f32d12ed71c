"""The desk's verdict from Slack: the status choice, "Assign to me" and "Add note" on a report.

Every listener acknowledges at once and does the rest on a thread of its own (Slack's 3 seconds hold
whatever the database does). The item comes from the control's `block_id` (`deskcheck_desk/item:42`),
or from the note modal's private_metadata, and is looked up in the acting team's workspace only: another
team's item is "not found", and nothing changes. A change is saved (`store.desk`, with an idempotency
key: a retried or doubled request applies once), then the report message is re-rendered from the
stored report and edited in place (`chat.update`, which notifies nobody it mentions), then the person
gets a private confirmation (`chat.postEphemeral`).

The server has verified every request's signature before bolt reads it (bot.slack.gate); the App
refuses anything it did not verify (bot.slack.app._SignedOnly), so these listeners need not.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from checks import Report
from storage import (
    STATUS_LABELS,
    DeskState,
    DeskStore,
    Store,
    StoreError,
    UnknownItem,
    UnknownStatus,
    open_store,
    parse_item_ref,
)

from ..render import (
    ASSIGN_ACTION,
    NOTE_ACTION,
    NOTE_VIEW,
    REPORT_PAGE_ACTION,
    STATUS_ACTION,
    render_message,
    render_note_view,
)
from ..render.slack_desk import NOTE_BLOCK
from ..settings import Settings, get_settings
from ..web.links import permalink
from .desk_input import (
    Where,
    action_key,
    block_item,
    first_action,
    item_number,
    note_status,
    note_text,
    where_message,
    where_view,
)
from .gate import response_url_allowed

__all__ = ["DESK_THREADS", "NOT_FOUND", "Verdicts", "register_verdicts", "report_url"]

DESK_THREADS = 4
ITEM_LOCKS = 64  # items hashed onto these: two items rarely wait on each other
NOT_FOUND = "deskcheck: that item is not in this workspace's history; nothing was changed."
_NOT_A_MEMBER = {"not_in_channel", "channel_not_found", "is_archived"}

log = logging.getLogger("deskcheck.slack.desk")

Apply = Callable[[DeskStore, int], DeskState]


def report_url(settings: Settings, workspace: str, item: str | None) -> str | None:
    """The report page's signed link for 'item:42', or None (no page configured, or not an item)."""
    if item is None:
        return None
    try:
        return permalink(settings, workspace, parse_item_ref(item))
    except ValueError:
        return None


@dataclass
class Verdicts:
    """The listeners of the desk's controls, and the threads they work on."""

    settings: Settings = field(default_factory=get_settings)
    work: Executor = field(default_factory=lambda: ThreadPoolExecutor(DESK_THREADS, "deskcheck-desk"))
    _item_locks: tuple[threading.Lock, ...] = field(
        default_factory=lambda: tuple(threading.Lock() for _ in range(ITEM_LOCKS)), repr=False)

    # ---- what Slack delivers: acknowledged here, handled on `work`
    def on_status(self, ack: Ack, body: dict[str, Any], client: WebClient, respond: Respond | None) -> None:
        ack()
        self.work.submit(self.set_status, body, client, respond)

    def on_assign(self, ack: Ack, body: dict[str, Any], client: WebClient, respond: Respond | None) -> None:
        ack()
        self.work.submit(self.assign_to_me, body, client, respond)

    def on_add_note(self, ack: Ack, body: dict[str, Any], client: WebClient, respond: Respond | None) -> None:
        ack()
        self.work.submit(self.open_note, body, client, respond)

    def on_note_saved(self, ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        if not note_text(body).strip():  # Slack shows this under the field; the modal stays open
            ack(response_action="errors", errors={NOTE_BLOCK: "Write a note first."})
            return
        ack()
        self.work.submit(self.save_note, body, client)

    def on_report_page(self, ack: Ack) -> None:
        ack()  # the button is a link the browser opens; Slack tells the app of the click all the same

    # ---- the controls on the message
    def set_status(self, body: dict[str, Any], client: WebClient, respond: Respond | None) -> None:
        action, where = first_action(body), where_message(body)
        status = str((action.get("selected_option") or {}).get("value") or "")
        with self._failing(where, client, respond):
            self._act(where, block_item(action), client, respond,
                      lambda desk, item: desk.set_status(where.workspace, item, status, by=where.by,
                                                         key=action_key(action, where, item)),
                      lambda ref, _state: f"You marked `{ref}` *{STATUS_LABELS.get(status, status)}*.")

    def assign_to_me(self, body: dict[str, Any], client: WebClient, respond: Respond | None) -> None:
        action, where = first_action(body), where_message(body)
        with self._failing(where, client, respond):
            self._act(where, block_item(action), client, respond,
                      lambda desk, item: desk.assign(where.workspace, item, where.by, by=where.by,
                                                     key=action_key(action, where, item)),
                      lambda ref, _state: f"`{ref}` is assigned to you.")

    def open_note(self, body: dict[str, Any], client: WebClient, respond: Respond | None) -> None:
        action, where = first_action(body), where_message(body)
        with self._failing(where, client, respond):
            item = item_number(block_item(action))
            report = _own_report(open_store(self.settings.database_url), where.workspace, item)
            if item is None or report is None:
                self._tell(client, respond, where, NOT_FOUND)
                return
            metadata = json.dumps({"item": item, "channel": where.channel, "ts": where.ts,
                                   "thread": where.thread, "checker": where.checker})
            client.views_open(trigger_id=body["trigger_id"],
                              view=render_note_view(report, f"item:{item}", metadata))

    # ---- the note modal, submitted
    def save_note(self, body: dict[str, Any], client: WebClient) -> None:
        where, item = where_view(body)
        text, status = note_text(body), note_status(body)
        # A modal is submitted once; Slack's retry of that submission carries the same view id.
        view_id = (body.get("view") or {}).get("id")
        with self._failing(where, client, None):
            ref = f"item:{item}" if item is not None else None

            def apply(desk: DeskStore, item_id: int) -> DeskState:
                key = f"slack-view:{view_id}:{where.user}:{item_id}"
                if status:
                    return desk.set_status(where.workspace, item_id, status, by=where.by, note=text, key=key)
                return desk.add_note(where.workspace, item_id, text, by=where.by, key=key)

            def said(label: str, _state: DeskState) -> str:
                marked = f" and marked it *{STATUS_LABELS.get(status, status)}*" if status else ""
                return f"Your note on `{label}` is saved{marked}."

            self._act(where, ref, client, None, apply, said)

    # ---- save, edit the message, confirm
    def _act(self, where: Where, ref: str | None, client: WebClient, respond: Respond | None,
             apply: Apply, said: Callable[[str, DeskState], str]) -> None:
        item = item_number(ref)
        if item is None:
            self._tell(client, respond, where, NOT_FOUND)
            return
        store = open_store(self.settings.database_url)
        # One change of an item at a time here: a double click's two requests, on two threads, would
        # each find the old status and both record the change, and their edits could land in reverse.
        with self._item_locks[hash((where.workspace, item)) % len(self._item_locks)]:
            try:
                state = apply(store.desk, item)
            except UnknownItem:
                self._tell(client, respond, where, NOT_FOUND)
                return
            except UnknownStatus:
                self._tell(client, respond, where, "deskcheck: that is not a status; nothing was changed.")
                return
            report = store.stored_report(f"item:{item}", where.workspace)
            if report is not None and report.history is not None and where.channel and where.ts:
                message = render_message(report, checker=where.checker, report_key=report.history.item,
                                         report_url=self._page(where, report.history.item))
                self._edit(client, respond, where, message.text, list(message.blocks))
        self._tell(client, respond, where, said(f"item:{item}", state))

    def _page(self, where: Where, item: str) -> str | None:
        return report_url(self.settings, where.workspace, item)

    def _edit(self, client: WebClient, respond: Respond | None, where: Where, text: str,
              blocks: list[dict[str, Any]]) -> None:
        try:
            client.chat_update(channel=where.channel or "", ts=where.ts or "", text=text, blocks=blocks)
        except SlackApiError as exc:
            # A report the response_url posted (the bot is not in that conversation) is edited through it.
            if _code(exc) not in _NOT_A_MEMBER or not _can_respond(respond, client):
                raise
            assert respond is not None
            respond(text=text, blocks=blocks, replace_original=True)

    def _tell(self, client: WebClient, respond: Respond | None, where: Where, text: str) -> None:
        """Privately, to the person who acted: chat.postEphemeral, else the response_url."""
        if where.channel:
            try:
                client.chat_postEphemeral(channel=where.channel, user=where.user, text=text,
                                          thread_ts=where.thread)
                return
            except SlackApiError:
                if not _can_respond(respond, client):
                    raise
        if respond is not None and _can_respond(respond, client):
            respond(text=text, response_type="ephemeral", replace_original=False)

    @contextmanager
    def _failing(self, where: Where, client: WebClient, respond: Respond | None) -> Iterator[None]:
        """What fails after the ack is logged (ids only) and told to the person, privately."""
        try:
            yield
        except Exception as exc:
            code = _code(exc) if isinstance(exc, SlackApiError) else type(exc).__name__
            log.error("deskcheck slack: a desk action failed (%s) in team %s", code, where.workspace,
                      exc_info=not isinstance(exc, SlackApiError | StoreError))
            try:
                self._tell(client, respond, where,
                           f"deskcheck could not save this ({code}). Please try again in a minute.")
            except Exception as again:  # the person cannot be told; the log above is what is left
                log.error("deskcheck slack: could not answer privately (%s)", type(again).__name__)


def register_verdicts(app: App, verdicts: Verdicts) -> None:
    app.action(STATUS_ACTION)(verdicts.on_status)
    app.action(ASSIGN_ACTION)(verdicts.on_assign)
    app.action(NOTE_ACTION)(verdicts.on_add_note)
    app.action(REPORT_PAGE_ACTION)(verdicts.on_report_page)
    app.view(NOTE_VIEW)(verdicts.on_note_saved)


def _own_report(store: Store, workspace: str, item: int | None) -> Report | None:
    """The item's stored report if it is the workspace's own: never another's, nor a reference seed."""
    if item is None:
        return None
    try:
        store.desk.state(workspace, item)
    except UnknownItem:
        return None
    return store.stored_report(f"item:{item}", workspace)


def _can_respond(respond: Respond | None, client: WebClient) -> bool:
    return respond is not None and response_url_allowed(respond.response_url, client.base_url)


def _code(exc: Exception) -> str:
    response = getattr(exc, "response", None)
    try:
        return str(response["error"]) if response is not None else type(exc).__name__
    except (KeyError, TypeError):
        return type(exc).__name__
