"""`deskcheck show ITEM`: a stored report again, as text or JSON, with the desk's verdict and its trail."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

from storage import DeskState, Store, StoreError, open_store, parse_item_ref

from ..render import render_text
from ..settings import get_settings
from .desk import describe, timeline_lines


def register(sub: Any) -> None:
    p = sub.add_parser("show", help="show a stored report (item:42, or seed:<name>)",
                       description="Show the report stored for an earlier check or a reference article.")
    p.add_argument("item", help="item:42 (or 42) from `deskcheck history`, or seed:<file stem>")
    p.add_argument("--workspace", default="local", help="the history workspace (default: local)")
    p.add_argument("--json", action="store_true", help="print the report as one JSON object")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        store = open_store(get_settings().database_url)
        report = store.stored_report(args.item, args.workspace)
        # the desk's verdict belongs to the workspace's own items; the reference corpus has none
        state = _desk_state(store, args.item, args.workspace) if report is not None else None
    except StoreError as exc:
        print(f"deskcheck: history unavailable: {exc}", file=sys.stderr)
        return 2
    if report is None:  # missing, or another workspace's: the same line, so neither is learnt
        print(f"deskcheck: no {args.item} in workspace {args.workspace!r}", file=sys.stderr)
        return 2
    if args.json:
        out = {**report.to_dict(), **_desk_json(state)}
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(render_text(report))
        if state is not None:
            sys.stdout.write("\n".join(["", f"Desk: {describe(state)}", *timeline_lines(state), ""]))
    return 0


def _desk_state(store: Store, ref: str, workspace: str) -> DeskState | None:
    try:
        item_id = parse_item_ref(ref)
    except ValueError:  # seed:<stem>, a reference article
        return None
    return store.desk.state(workspace, item_id)


def _desk_json(state: DeskState | None) -> dict[str, Any]:
    """The verdict beside the report: status (always an object for an item), assignee, timeline."""
    if state is None:
        return {"status": None, "assignee": None, "timeline": []}
    at = _iso(state.status_at) if state.status_at else None
    return {"status": {"value": state.status, "by": state.status_by, "at": at, "note": state.status_note},
            "assignee": state.assignee,
            "timeline": [{"kind": e.kind, "by": e.by, "at": _iso(e.at), "old": e.old, "new": e.new,
                          "note": e.note} for e in state.timeline]}


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
