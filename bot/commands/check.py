"""`deskcheck check FILE|URL|-`: check one article, or a JSON-lines batch."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from checks import CheckError, DecodedText, decode_text

from ..render import render_text
from ..service import Outcome, Requester, run_check, single_url


def register(sub: Any) -> None:
    p = sub.add_parser("check", help="check an article's text, file or link",
                       description="Check an article: a FILE, a URL, or - for standard input.")
    p.add_argument("source", help="a file, a URL, or - for standard input")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print the report as one JSON object")
    out.add_argument("--jsonl", action="store_true",
                     help='read JSON lines {"id", "text", "published"?} and write one report per line')
    p.add_argument("--published", type=dt.date.fromisoformat, metavar="YYYY-MM-DD",
                   help="the publication date, to anchor relative dates such as 'on Tuesday'")
    p.add_argument("--workspace", default="local",
                   help="the history workspace to record under (default: local)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    requester = Requester(platform="cli", workspace=args.workspace)
    if args.jsonl:
        return _run_batch(args, requester)
    try:
        raw, kind, decoded = _read_source(args.source)
    except (OSError, CheckError) as exc:
        return _fail(str(exc))
    outcome = _noticed(run_check(raw, requester, kind=kind, published=args.published), decoded)
    if outcome.report is None:
        return _fail(outcome.error or "nothing could be checked")
    if outcome.notice:
        print(f"deskcheck: note: {outcome.notice}", file=sys.stderr)
    if args.json:
        json.dump(outcome.report.to_dict(), sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render_text(outcome.report))
    return 0


def _read_source(source: str) -> tuple[str, Any, DecodedText | None]:
    if single_url(source):
        return source, "text", None
    raw = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    decoded = decode_text(raw)
    return decoded.text, "file" if source != "-" else "text", decoded


def _noticed(outcome: Outcome, decoded: DecodedText | None) -> Outcome:
    """How the bytes were read goes first in the notice the user sees with the report."""
    first = decoded.notice if decoded is not None else None
    if first is None or outcome.report is None:
        return outcome
    return dataclasses.replace(outcome, notice="; ".join(filter(None, (first, outcome.notice))))


def _run_batch(args: argparse.Namespace, requester: Requester) -> int:
    """One report per input line; a bad line gets an error object, the batch goes on."""
    # bytes, decoded line by line: one bad byte costs its own line a notice, not the batch
    stream = sys.stdin.buffer if args.source == "-" else open(args.source, "rb")  # noqa: SIM115
    failures = 0
    with stream:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            item_id, outcome = _check_line(line, number, requester, args.published)
            if outcome.report is None:
                failures += 1
                row: dict[str, Any] = {"id": item_id, "error": outcome.error}
            else:
                row = {"id": item_id, **outcome.report.to_dict()}
                if outcome.notice:
                    row["notice"] = outcome.notice
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 1 if failures else 0


def _check_line(line: bytes, number: int, requester: Requester,
                default_published: dt.date | None) -> tuple[Any, Outcome]:
    try:
        decoded = decode_text(line)
        item = json.loads(decoded.text)
        text = item["text"]
        published = dt.date.fromisoformat(item["published"][:10]) if item.get("published") else None
    except (ValueError, KeyError, TypeError, CheckError) as exc:
        return None, Outcome(error=f"line {number} is not a JSON object with a 'text' ({exc})")
    if not isinstance(text, str):
        return item.get("id"), Outcome(error=f"line {number}: 'text' must be a string, "
                                              f"not {_json_kind(text)}")
    outcome = run_check(text, requester, published=published or default_published)
    return item.get("id"), _noticed(outcome, decoded)


def _json_kind(value: object) -> str:
    if value is None:
        return "null"
    return {bool: "true/false", int: "a number", float: "a number", list: "a list", dict: "an object"}.get(
        type(value), type(value).__name__)


def _fail(message: str) -> int:
    print(f"deskcheck: {message}", file=sys.stderr)
    return 2
