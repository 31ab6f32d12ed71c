"""`deskcheck status|note|assign`: the desk's verdict on a checked item, from the command line.

    deskcheck status item:42 disputed --note "The council denies the figure" --workspace T024
    deskcheck note 42 "Called the council press office" --workspace T024
    deskcheck assign item:42 ana --workspace T024

Each change appends one event to the item's audit trail (storage/desk.py). A wrong item (missing,
or another workspace's), an unknown status or an empty note is one line on stderr and exit 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import sys
from collections.abc import Callable
from typing import Any

from storage import (
    NOTE_MAX,
    STATUS_LABELS,
    STATUSES,
    DeskEvent,
    DeskState,
    DeskStore,
    StoreError,
    open_store,
    parse_item_ref,
)

from ..settings import get_settings

__all__ = ["default_actor", "describe", "register", "timeline_lines"]

_EXIT_USAGE = 2


def register(sub: Any) -> None:
    status = sub.add_parser("status", help="set an item's status (open, in_progress, verified, …)",
                            description="Set the desk's status on a checked item: "
                                        f"{', '.join(STATUSES)}.")
    _item_args(status)
    status.add_argument("status", help=f"one of {', '.join(STATUSES)}")
    status.add_argument("--note", help=f"why (kept in the audit trail; at most {NOTE_MAX:,} characters)")
    _common(status, run_status)

    note = sub.add_parser("note", help="add a note to an item", description="Add a note to a checked item.")
    _item_args(note)
    note.add_argument("text", help=f"the note (at most {NOTE_MAX:,} characters)")
    _common(note, run_note)

    assign = sub.add_parser("assign", help="assign an item to someone",
                            description="Assign a checked item to someone, or take the assignment away.")
    _item_args(assign)
    assign.add_argument("name", nargs="?", help="who takes it: a name, or a chat user (slack:T024/U12AB)")
    assign.add_argument("--unassign", action="store_true", help="take the assignment away")
    _common(assign, run_assign)


def _item_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("item", help="item:42 (or 42) from `deskcheck history`")


def _common(p: argparse.ArgumentParser, run: Callable[[argparse.Namespace], int]) -> None:
    p.add_argument("--by", default=None, help="who makes the change (default: cli:$USER)")
    p.add_argument("--workspace", default="local", help="the history workspace (default: local)")
    p.set_defaults(run=run)


def default_actor() -> str:
    """cli:$USER (then $LOGNAME, then the account's name), as the shell knows the person."""
    try:
        name = os.environ.get("USER") or getpass.getuser()
    except (KeyError, OSError):  # no such variable and no passwd entry, as in some containers
        name = "unknown"
    return f"cli:{name}"


def run_status(args: argparse.Namespace) -> int:
    wanted = args.status.strip().lower().replace("-", "_").replace(" ", "_")
    return _change(args, lambda desk, ws, item, by: desk.set_status(ws, item, wanted, by=by, note=args.note),
                   note=args.note)


def run_note(args: argparse.Namespace) -> int:
    return _change(args, lambda desk, ws, item, by: desk.add_note(ws, item, args.text, by=by), note=args.text)


def run_assign(args: argparse.Namespace) -> int:
    if bool(args.name) == bool(args.unassign):
        return _fail("give a NAME to assign the item to, or --unassign")
    who = None if args.unassign else args.name
    return _change(args, lambda desk, ws, item, by: desk.assign(ws, item, who, by=by), note=None)


_Action = Callable[[DeskStore, str, int, str], DeskState]


def _change(args: argparse.Namespace, action: _Action, *, note: str | None) -> int:
    try:
        item_id = parse_item_ref(args.item)
        desk = open_store(get_settings().database_url).desk
        before = desk.state(args.workspace, item_id)
        after = action(desk, args.workspace, item_id, args.by or default_actor())
    except (StoreError, ValueError) as exc:  # UnknownItem, UnknownStatus, a bad ITEM, an empty note
        return _fail(str(exc))
    if note is not None and len(note.strip()) > NOTE_MAX:
        print(f"deskcheck: the note was cut to {NOTE_MAX:,} characters", file=sys.stderr)
    unchanged = len(after.timeline) == len(before.timeline)
    print(("unchanged: " if unchanged else "") + describe(after))
    return 0


def describe(state: DeskState) -> str:
    """One line: 'item:42 · Disputed by cli:ana · 2 notes · assigned to ben'."""
    parts = [f"item:{state.item_id}", STATUS_LABELS[state.status]]
    if state.status_by:
        parts[-1] += f" by {state.status_by}"
    if state.notes:
        parts.append(f"{state.notes} note" + ("" if state.notes == 1 else "s"))
    if state.assignee:
        parts.append(f"assigned to {state.assignee}")
    return " · ".join(parts)


def timeline_lines(state: DeskState) -> list[str]:
    """The audit trail, oldest first, one line per event (and its note, indented)."""
    lines = []
    for event in state.timeline:
        lines.append(f"  {_when(event.at)}  {event.by or 'unknown':<24} {_what(event)}")
        if event.note:
            lines += [f"      {line}" for line in event.note.splitlines()]
    return lines


def _what(event: DeskEvent) -> str:
    if event.kind == "status":
        old, new = (STATUS_LABELS.get(v or "", v) for v in (event.old, event.new))
        return f"status: {old} → {new}" if event.old != event.new else f"status: {new} (again)"
    if event.kind == "assign":
        return f"assigned to {event.new}" if event.new else f"unassigned (was {event.old})"
    return "note"


def _when(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _fail(message: str) -> int:
    print(f"deskcheck: {message}", file=sys.stderr)
    return _EXIT_USAGE
