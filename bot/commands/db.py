"""`deskcheck db upgrade`: apply the storage migrations (a fresh database also gets them on first use)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from storage import StoreError
from storage.db import engine_for, upgrade

from ..settings import get_settings


def register(sub: Any) -> None:
    p = sub.add_parser("db", help="manage the history database",
                       description="Manage the history database named by DATABASE_URL.")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    up = actions.add_parser("upgrade", help="apply the migrations up to the newest")
    up.set_defaults(run=run_upgrade)


def run_upgrade(args: argparse.Namespace) -> int:
    try:
        engine = engine_for(get_settings().database_url)
        applied = upgrade(engine, force=True)
    except StoreError as exc:
        print(f"deskcheck: database unavailable: {exc}", file=sys.stderr)
        return 2
    where = engine.url.render_as_string(hide_password=True)
    print(f"{where}: {'migrated to the newest schema' if applied else 'schema already up to date'}")
    return 0
