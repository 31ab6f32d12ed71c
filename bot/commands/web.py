"""`deskcheck web`: the report pages alone on $PORT; `deskcheck link ITEM`: a signed link to one."""

from __future__ import annotations

import argparse
import datetime as dt
import signal
import sys
from typing import Any

from storage import StoreError, open_store
from storage.desk import parse_item_ref

from ..settings import get_settings
from ..web.links import DEFAULT_DAYS, MAX_DAYS, permalink

__all__ = ["register"]


def register(sub: Any) -> None:
    p = sub.add_parser(
        "web", help="serve the signed report pages",
        description="Serve the report pages (/report/<token>) on $PORT. Needs DESKCHECK_SECRET_KEY, the "
                    "key the links are signed with; `deskcheck slack` serves the same pages itself.")
    p.add_argument("--host", default="0.0.0.0", help="address to listen on (default: 0.0.0.0)")
    p.add_argument("--port", type=int, default=None, help="port to listen on (default: $PORT or 3000)")
    p.set_defaults(run=run_web)
    p = sub.add_parser(
        "link", help="print a signed link to an item's report page",
        description="Print a link to the item's report page, signed with DESKCHECK_SECRET_KEY and starting "
                    "with DESKCHECK_PUBLIC_URL. Anyone holding it can read the page until it expires.")
    p.add_argument("item", help="item:42 (or 42), from `deskcheck history`")
    p.add_argument("--workspace", default="local", help="the item's workspace (default: local)")
    p.add_argument("--days", type=_days, default=DEFAULT_DAYS,
                   help=f"days the link stays valid (default: {DEFAULT_DAYS}, at most {MAX_DAYS})")
    p.add_argument("--revoke", action="store_true",
                   help="first withdraw every link to the item signed so far (one sent to the wrong "
                        "channel); the link printed after is new and opens")
    p.set_defaults(run=run_link)


def _days(raw: str) -> int:
    if not raw.isdigit() or not 0 < int(raw) <= MAX_DAYS:
        raise argparse.ArgumentTypeError(f"a whole number of days from 1 to {MAX_DAYS}, got {raw!r}")
    return int(raw)


def run_link(args: argparse.Namespace) -> int:
    settings = get_settings()
    signing = bool(settings.secret_key and settings.public_url)
    if not signing and not args.revoke:
        return _fail("a link needs DESKCHECK_SECRET_KEY and DESKCHECK_PUBLIC_URL (see docs/report-page.md)")
    try:
        item_id = parse_item_ref(args.item)
    except ValueError as exc:
        return _fail(str(exc))
    try:
        # The item must be this workspace's: a link to anything else would only ever show 404.
        desk = open_store(settings.database_url).desk
        desk.state(args.workspace, item_id)
        if args.revoke:
            revoked = desk.revoke_links(args.workspace, item_id)
            print(f"deskcheck: every link to item:{item_id} signed before "
                  f"{revoked.strftime('%Y-%m-%d %H:%M:%S UTC')} is withdrawn", file=sys.stderr)
    except StoreError as exc:  # UnknownItem names the item; StoreUnavailable the database
        return _fail(str(exc))
    if not signing:
        return 0
    now = dt.datetime.now(dt.UTC)
    print(permalink(settings, args.workspace, item_id, now=now, days=args.days))
    until = (now + dt.timedelta(days=args.days)).strftime("%Y-%m-%d %H:%M UTC")
    print(f"deskcheck: valid until {until}", file=sys.stderr)
    return 0


def run_web(args: argparse.Namespace) -> int:
    # Imported here so that other commands never pay for uvicorn and Jinja2.
    from ..web.server import PageServer, PageSite

    settings = get_settings()
    if not settings.secret_key:
        return _fail("deskcheck web needs DESKCHECK_SECRET_KEY: without it no link can be verified")
    try:
        store = open_store(settings.database_url)  # the migrations, and a database that is down, now
    except StoreError as exc:
        return _fail(f"history unavailable: {exc}")
    port = args.port if args.port is not None else settings.port
    try:
        server = PageServer(PageSite(settings, store=store), host=args.host, port=port)
    except OSError as exc:  # the port is taken, or the address is not this machine's
        return _fail(f"cannot listen on {args.host}:{port} ({exc.strerror or exc})")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(f"deskcheck: report pages on http://{args.host}:{server.port}/report/…", file=sys.stderr,
          flush=True)
    server.run()
    return 0


def _fail(message: str) -> int:
    print(f"deskcheck: {message}", file=sys.stderr)
    return 2
