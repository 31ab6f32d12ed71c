"""`deskcheck factchecks import|search|list|count`: the published fact-checks a story is matched against."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

from checks import CheckError, ClaimReview, ParsedFeed, fetch_feed, parse_feed, parse_networks
from storage import StoreError, StoreUnavailable, open_store
from storage.factchecks import FactCheckStore

from ..settings import get_settings

_WORKSPACE_HELP = "the workspace (default: the shared corpus every workspace sees)"


def register(sub: Any) -> None:
    p = sub.add_parser("factchecks", help="import and search published fact-checks (ClaimReview)",
                       description="The published fact-checks (schema.org ClaimReview) stories are matched "
                                   "against: shared by every workspace, or one workspace's own.")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    imp = actions.add_parser("import", help="import a ClaimReview feed, a CSV or a fact-checker's page")
    imp.add_argument("source", metavar="FILE|URL", help="a file, a page or feed URL, or - for stdin")
    imp.add_argument("--workspace", help="import into this workspace alone (default: the shared corpus)")
    imp.set_defaults(run=run_import)

    search = actions.add_parser("search", help="the fact-checks whose claims share the most words with TEXT")
    search.add_argument("text", metavar="TEXT|-", help="the text to search for, or - for stdin "
                        "(with --jsonl: a file of {\"id\", \"text\"} lines, or - for stdin)")
    search.add_argument("--top", type=_positive, default=5, help="how many matches (default: 5)")
    output = search.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print one JSON object")
    output.add_argument("--jsonl", action="store_true", help="a batch: one JSON line in, one JSON line out")
    search.add_argument("--workspace", help=_WORKSPACE_HELP)
    search.set_defaults(run=run_search)

    listing = actions.add_parser("list", help="the last imported fact-checks")
    listing.add_argument("--limit", type=_positive, default=20, help="how many (default: 20)")
    listing.add_argument("--json", action="store_true", help="print one JSON object per line")
    listing.add_argument("--workspace", help=_WORKSPACE_HELP)
    listing.set_defaults(run=run_list)

    count = actions.add_parser("count", help="how many fact-checks are loaded")
    count.add_argument("--workspace", help=_WORKSPACE_HELP)
    count.set_defaults(run=run_count)


def run_import(args: argparse.Namespace) -> int:
    try:
        feed = _read_feed(args.source)
        summary = _store().import_reviews(feed.reviews, args.workspace, skipped=feed.skipped)
    except (CheckError, StoreError, OSError) as exc:
        return _fail(exc)
    print(f"fact-checks: {summary.imported} imported, {summary.updated} updated, {summary.skipped} skipped")
    return 0


def run_search(args: argparse.Namespace) -> int:
    try:
        batch = _read_batch(args.text) if args.jsonl else [(None, _read_text(args.text))]
        index = _store().index(args.workspace)
        for ident, query in batch:
            matches = [_match(hit.review, hit.score) for hit in index.search(query, args.top)]
            if args.jsonl:
                _emit({"id": ident, "matches": matches})
            elif args.json:
                _emit({"text": query, "matches": matches})
            else:
                _print_matches(matches, args.workspace)
    except (StoreError, OSError, ValueError) as exc:
        return _fail(exc)
    return 0


def run_list(args: argparse.Namespace) -> int:
    try:
        reviews = _store().recent(args.workspace, args.limit)
    except StoreError as exc:
        return _fail(exc)
    for review in reviews:
        if args.json:
            _emit(dataclasses.asdict(review))
        else:
            print(f"{review.review_date or '':<10}  {_cut(review.rating, 16):<16}  "
                  f"{_cut(review.claim, 70):<70}  {review.url}")
    if not reviews and not args.json:
        print(f"no fact-checks {_where(args.workspace)}")
    return 0


def run_count(args: argparse.Namespace) -> int:
    try:
        store = _store()
        shared = store.count(None)
        seen = store.count(args.workspace) if args.workspace else shared
    except StoreError as exc:
        return _fail(exc)
    if args.workspace:
        own = seen - shared
        print(f"{seen} fact-checks in workspace {args.workspace!r} ({shared} shared, {own} its own)")
    else:
        print(f"{shared} fact-checks in the shared corpus")
    return 0


def _store() -> FactCheckStore:
    return FactCheckStore(open_store(get_settings().database_url).engine)


def _read_feed(source: str) -> ParsedFeed:
    if source.lower().startswith(("http://", "https://")):
        # A feed by URL: JSON, JSON-LD, CSV or a page, within the feed size limit (checks.links.fetch).
        settings = get_settings()
        page = fetch_feed(source, allow_private=settings.allow_private_urls,
                          allowed_networks=parse_networks(settings.allowed_networks))
        return parse_feed(page.text.encode("utf-8"), name=source, base_url=page.url)
    path = Path(source)
    if source != "-" and not path.is_file():
        raise OSError(f"{source}: no such file")
    raw = sys.stdin.buffer.read() if source == "-" else path.read_bytes()
    return parse_feed(raw, name="standard input" if source == "-" else path.name)


def _read_text(source: str) -> str:
    return sys.stdin.read() if source == "-" else source


def _read_batch(source: str) -> list[tuple[Any, str]]:
    """Every line first: a bad line is one error before any output, never half a batch."""
    lines = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    batch = []
    for number, line in enumerate(lines.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError:
            item = None
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise ValueError(f"line {number} of the batch is not a JSON object with a \"text\" string")
        batch.append((item.get("id"), item["text"]))
    return batch


def _match(review: ClaimReview, score: float) -> dict[str, Any]:
    return {"url": review.url, "claim": review.claim, "rating": review.rating, "publisher": review.publisher,
            "date": review.review_date, "score": round(score, 4)}


def _print_matches(matches: list[dict[str, Any]], workspace: str | None) -> None:
    if not matches:
        print(f"no matching fact-checks {_where(workspace)}")
    for m in matches:
        by = ", ".join(part for part in (m["publisher"], m["date"]) if part)
        rated = f"'{_cut(m['claim'], 90)}' rated {m['rating']}" + (f" by {by}" if by else "")
        print(f"{m['score']:6.2f}  {rated}")
        print(f"        {m['url']}")


def _where(workspace: str | None) -> str:
    return f"in workspace {workspace!r} or the shared corpus" if workspace else "in the shared corpus"


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _emit(obj: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


def _fail(exc: BaseException) -> int:
    message = str(exc)
    if isinstance(exc, OSError) and exc.strerror and exc.filename:
        message = f"{exc.filename}: {exc.strerror}"
    elif isinstance(exc, StoreUnavailable):
        message = f"database unavailable: {exc}"
    print(f"deskcheck: {message}", file=sys.stderr)
    return 2


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value} is not a whole number of at least 1")
    return number

