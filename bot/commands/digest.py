"""`deskcheck digest`: print a week's digest, post what is due, or run the weekly clock."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from storage import Store, StoreError, open_store

from ..digest import (
    PostResult,
    Week,
    build_digest,
    build_scheduler,
    post_due,
    post_week,
    render_chart,
    render_text,
)
from ..digest.post import Target, digest_targets, retry_failed
from ..digest.schedule import due_week, zone
from ..settings import Settings, get_settings

log = logging.getLogger("deskcheck.digest")


def register(sub: Any) -> None:
    p = sub.add_parser("digest", help="the weekly digest: print it, post it, or run its clock",
                       description="The weekly digest of what a workspace checked.")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--print", dest="mode", action="store_const", const="print",
                      help="print the digest in the terminal (the default)")
    mode.add_argument("--post", dest="mode", action="store_const", const="post",
                      help="post the due week to every configured channel that does not have it yet")
    mode.add_argument("--schedule", dest="mode", action="store_const", const="schedule",
                      help="run the clock: post every DIGEST_WEEKDAY at DIGEST_HOUR in DIGEST_TZ")
    p.add_argument("--week", metavar="YYYY-Www",
                   help="an ISO week such as 2026-W47 (default: this week so far; for --post, the due week)")
    p.add_argument("--workspace", help="the workspace (default: local for --print, all for --post)")
    p.add_argument("--as-of", metavar="YYYY-MM-DDTHH:MM",
                   help="the digest as it stood at that moment (UTC unless an offset is given); default now")
    p.add_argument("--chart", type=Path, metavar="FILE.png", help="with --print, also write the chart")
    p.set_defaults(run=run, mode="print")


def run(args: argparse.Namespace) -> int:
    settings = get_settings()
    try:
        args.week = Week.parse(args.week) if args.week else None
        args.now = _moment(args.as_of) if args.as_of else dt.datetime.now(dt.UTC)
        store = open_store(settings.database_url)
        if args.mode == "schedule":
            return _schedule(store, settings)
        if args.mode == "post":
            return _post(store, settings, args)
        return _print(store, settings, args)
    except (StoreError, ValueError, OSError) as exc:  # ScheduleError and a bad --week are ValueErrors
        print(f"deskcheck: {exc}", file=sys.stderr)
        return 2


def _moment(text: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"--as-of '{text}' is not a moment such as 2026-11-23T09:00") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _print(store: Store, settings: Settings, args: argparse.Namespace) -> int:
    now = args.now
    week = args.week or Week.of(now.astimezone(zone(settings)).date())
    digest = build_digest(store, args.workspace or "local", week, tz=settings.digest_tz, now=now,
                          settings=settings)
    sys.stdout.write(render_text(digest))
    if args.chart:
        args.chart.write_bytes(render_chart(digest))
    return 0


def _post(store: Store, settings: Settings, args: argparse.Namespace) -> int:
    targets: list[Target] | None = None
    if args.workspace:
        targets = [t for t in digest_targets(store, settings) if t.workspace == args.workspace]
    if args.week:
        results = post_week(store, settings, args.week, now=args.now, targets=targets)
    elif targets is not None:
        results = post_week(store, settings, due_week(args.now, settings), now=args.now, targets=targets)
    else:
        results = post_due(store, settings, now=args.now)
    return _report(results)


def _report(results: list[PostResult]) -> int:
    if not results:
        print("deskcheck: no digest channel is configured (DIGEST_SLACK_CHANNEL, DIGEST_DISCORD_CHANNEL "
              "or /check digest here)", file=sys.stderr)
        return 0
    for r in results:
        why = f": {r.reason}" if r.reason else ""
        print(f"{r.week} {r.target.workspace} {r.target.platform} {r.target.channel}: {r.status}{why}")
    return 1 if any(r.status == "failed" for r in results) else 0


def _schedule(store: Store, settings: Settings) -> int:
    def run(post: Callable[[], list[PostResult]], what: str) -> None:
        try:
            results = post()
        except StoreError as exc:  # the database is down: the next run (or the restart) catches up
            log.error("digest %s failed: %s", what, exc)
            return
        if results or what == "run":  # an hourly retry with nothing to retry stays silent
            _report(results)
        sys.stdout.flush()  # the clock's log is its standard output

    def job() -> None:
        run(lambda: post_due(store, settings), "run")

    def retry() -> None:
        run(lambda: retry_failed(store, settings), "retry")

    scheduler = build_scheduler(settings, job, retry)
    job()  # catch up on a run missed while the clock was down; posting is idempotent
    scheduler.start()
    return 0
