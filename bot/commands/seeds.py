"""`deskcheck seeds import [DIR]`: store the reference corpus (it also happens on first use)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from storage import StoreError, open_store

from ..corpus import import_seeds
from ..settings import get_settings


def register(sub: Any) -> None:
    p = sub.add_parser("seeds", help="manage the reference corpus",
                       description="Manage the reference corpus that every workspace is compared with.")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    imp = actions.add_parser("import", help="import DIR/*.txt as reference articles (idempotent)")
    imp.add_argument("dir", nargs="?", type=Path, help="a directory of .txt articles (default: seeds/)")
    imp.set_defaults(run=run_import)


def run_import(args: argparse.Namespace) -> int:
    settings = get_settings()
    directory: Path = args.dir or settings.seeds_dir
    if not directory.is_dir():
        print(f"deskcheck: {directory} is not a directory", file=sys.stderr)
        return 2
    try:
        result = import_seeds(open_store(settings.database_url), directory)
    except StoreError as exc:
        print(f"deskcheck: database unavailable: {exc}", file=sys.stderr)
        return 2
    print(f"reference corpus: {result.added} added, {result.updated} updated, {result.unchanged} unchanged")
    for problem in result.skipped:
        print(f"skipped {problem}", file=sys.stderr)
    return 1 if result.skipped else 0
