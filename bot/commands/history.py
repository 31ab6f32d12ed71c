"""`deskcheck history`: the workspace's recent checks; `deskcheck history export --csv` for all of them."""

from __future__ import annotations

import argparse
import csv
import dataclasses
import datetime as dt
import json
import sys
from typing import Any

from storage import STATUS_LABELS, STATUSES, CheckRecord, StoreError, UnknownStatus, open_store

from ..render import shorten
from ..settings import get_settings

FIELDS = [f.name for f in dataclasses.fields(CheckRecord)]


def register(sub: Any) -> None:
    p = sub.add_parser("history", help="list the workspace's recent checks",
                       description="List recent checks, newest first (export: every check, as CSV).")
    _common(p)
    p.add_argument("--json", action="store_true", help="print one JSON object per line")
    p.add_argument("--limit", type=int, default=50, help="how many checks to list (default: 50)")
    p.add_argument("--status", metavar="STATUS",
                   help=f"only the checks of items whose status is now STATUS ({', '.join(STATUSES)})")
    p.set_defaults(run=run)
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    export = actions.add_parser("export", help="every check of the workspace, for a spreadsheet")
    _common(export)
    export.add_argument("--csv", action="store_true", required=True, help="write CSV to standard output")
    export.set_defaults(run=run_export)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--workspace", default="local", help="the history workspace (default: local)")
    p.add_argument("--since", type=dt.date.fromisoformat, metavar="YYYY-MM-DD",
                   help="only checks on or after this day (UTC)")


def _records(args: argparse.Namespace, limit: int | None) -> list[CheckRecord]:
    store = open_store(get_settings().database_url)
    status = getattr(args, "status", None)
    if status is not None:
        status = status.strip().lower().replace("-", "_").replace(" ", "_")
    return store.recent_checks(args.workspace, since=args.since, limit=limit, status=status)


def run(args: argparse.Namespace) -> int:
    try:
        records = _records(args, args.limit)
    except UnknownStatus as exc:
        return _fail(str(exc))
    except StoreError as exc:
        return _fail(f"history unavailable: {exc}")
    for r in records:
        if args.json:
            sys.stdout.write(json.dumps(dataclasses.asdict(r), ensure_ascii=False) + "\n")
        else:
            times = f"×{r.times_checked}"
            title = shorten(r.title or r.url or "", 60)
            status = STATUS_LABELS.get(r.status, r.status)
            print(f"{r.checked_at}  {r.item:<10} {times:>4}  {status:<12} {r.checked_by:<24} {title}")
    if not records and not args.json:
        print(f"no checks in workspace {args.workspace!r}" + (f" since {args.since}" if args.since else "")
              + (f" of items now {args.status!r}" if args.status else ""))
    return 0


def run_export(args: argparse.Namespace) -> int:
    try:
        records = _records(args, None)
    except StoreError as exc:
        return _fail(f"history unavailable: {exc}")
    writer = csv.DictWriter(sys.stdout, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(dataclasses.asdict(r) for r in records)
    return 0


def _fail(message: str) -> int:
    print(f"deskcheck: {message}", file=sys.stderr)
    return 2
