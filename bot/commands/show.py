"""`deskcheck show ITEM`: a stored report again, as text or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from storage import StoreError, open_store

from ..render import render_text
from ..settings import get_settings


def register(sub: Any) -> None:
    p = sub.add_parser("show", help="show a stored report (item:42, or seed:<name>)",
                       description="Show the report stored for an earlier check or a reference article.")
    p.add_argument("item", help="item:42 (or 42) from `deskcheck history`, or seed:<file stem>")
    p.add_argument("--workspace", default="local", help="the history workspace (default: local)")
    p.add_argument("--json", action="store_true", help="print the report as one JSON object")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        report = open_store(get_settings().database_url).stored_report(args.item, args.workspace)
    except StoreError as exc:
        print(f"deskcheck: history unavailable: {exc}", file=sys.stderr)
        return 2
    if report is None:
        print(f"deskcheck: no {args.item} in workspace {args.workspace!r}", file=sys.stderr)
        return 1
    if args.json:
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(render_text(report))
    return 0
