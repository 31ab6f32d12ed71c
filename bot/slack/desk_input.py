"""What a request from the desk's controls says: who acted, in which workspace, on which item and
which report message (bot.slack.desk acts on it).

Only the workspace (the team Slack signed the request for) decides what may be touched; the item
named here is looked up in that workspace alone.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from storage import parse_item_ref

from ..render.slack_desk import DESK_BLOCK, NOTE_BLOCK, NOTE_INPUT, NOTE_STATUS_BLOCK, NOTE_STATUS_INPUT

__all__ = ["Where", "action_key", "block_item", "first_action", "item_number", "metadata", "note_status",
           "note_text", "team", "text_or_none", "where_message", "where_view"]

# The report message's own fallback text names who it was checked for (bot.render.slack._fallback):
# the edited message names them again.
_CHECKED_FOR = re.compile(r"deskcheck report for <@([UW][A-Z0-9]{2,20})>")


@dataclass(frozen=True)
class Where:
    """Who acted, in which workspace, on which report message."""

    workspace: str
    user: str
    channel: str | None
    ts: str | None  # the report message's own ts: what chat.update edits
    thread: str | None = None
    checker: str | None = None  # who the report was checked for

    @property
    def by(self) -> str:
        return f"slack:{self.workspace}/{self.user}"


def first_action(body: dict[str, Any]) -> dict[str, Any]:
    actions = body.get("actions") or [{}]
    return actions[0] if isinstance(actions[0], dict) else {}


def block_item(action: dict[str, Any]) -> str | None:
    block = str(action.get("block_id") or "")
    prefix = f"{DESK_BLOCK}/"
    return block.removeprefix(prefix) if block.startswith(prefix) else None


def item_number(ref: str | None) -> int | None:
    try:
        return parse_item_ref(ref) if ref else None
    except ValueError:
        return None


def action_key(action: dict[str, Any], where: Where, item: int) -> str:
    """Slack's action_ts with the person and the item: a retry carries the same, a new click not."""
    return f"slack:{action.get('action_ts')}:{where.user}:{item}"


def where_message(body: dict[str, Any]) -> Where:
    """A click on a report message: the message is the payload's container."""
    container, message = body.get("container") or {}, body.get("message") or {}
    checker = _CHECKED_FOR.match(str(message.get("text") or ""))
    channel = text_or_none(container.get("channel_id")) or text_or_none((body.get("channel") or {}).get("id"))
    return Where(workspace=team(body), user=_user(body), channel=channel,
                 ts=text_or_none(container.get("message_ts")) or text_or_none(message.get("ts")),
                 thread=text_or_none(message.get("thread_ts")), checker=checker.group(1) if checker else None)


def where_view(body: dict[str, Any]) -> tuple[Where, int | None]:
    """A submitted note modal: the report message and the item, as the click that opened it saved them
    in the view's private_metadata (Slack hands it back unchanged), and the item it names."""
    meta = metadata(body.get("view") or {})
    item = meta.get("item")
    where = Where(workspace=team(body), user=_user(body), channel=text_or_none(meta.get("channel")),
                  ts=text_or_none(meta.get("ts")), thread=text_or_none(meta.get("thread")),
                  checker=text_or_none(meta.get("checker")))
    return where, item if isinstance(item, int) and not isinstance(item, bool) else None


def metadata(view: dict[str, Any]) -> dict[str, Any]:
    try:
        meta = json.loads(view.get("private_metadata") or "{}")
    except ValueError:
        return {}
    return meta if isinstance(meta, dict) else {}


def _values(body: dict[str, Any]) -> dict[str, Any]:
    values = ((body.get("view") or {}).get("state") or {}).get("values") or {}
    return values if isinstance(values, dict) else {}


def note_text(body: dict[str, Any]) -> str:
    return str(((_values(body).get(NOTE_BLOCK) or {}).get(NOTE_INPUT) or {}).get("value") or "")


def note_status(body: dict[str, Any]) -> str | None:
    field = (_values(body).get(NOTE_STATUS_BLOCK) or {}).get(NOTE_STATUS_INPUT) or {}
    return text_or_none((field.get("selected_option") or {}).get("value"))


def team(body: dict[str, Any]) -> str:
    return str(body.get("team_id") or (body.get("team") or {}).get("id") or "?")


def _user(body: dict[str, Any]) -> str:
    return str((body.get("user") or {}).get("id") or "")


def text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


