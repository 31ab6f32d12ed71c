"""The Slack and Discord fakes of the adapters' tests, taught the two things the digest adds.

Slack: files_upload_v2's three steps (files.getUploadURLExternal, the upload itself,
files.completeUploadExternal), with the uploaded bytes kept. Discord: the raw multipart
body of each request, so a test can find the attached PNG; and a thread running the
fake's event loop, because the digest posts from synchronous code (asyncio.run).
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Iterator, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal

from aiohttp import web

from checks.models import AnonymousSource, Article, NamedSource, Quote, Report, Signal, Sources
from support.fake_discord import FakeDiscord, guild, pointed_at
from support.fake_slack import FakeSlack

__all__ = ["DiscordWithFiles", "SlackWithFiles", "discord_in_thread"]


class _UploadSink:
    """Where getUploadURLExternal sends the client: records each upload's raw bytes by file id."""

    def __init__(self) -> None:
        self.uploads: dict[str, bytes] = {}
        sink = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                sink.uploads[self.path.rsplit("/", 1)[-1]] = body
                self.send_response(200)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"OK")

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, file_id: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/upload/v1/{file_id}"


class SlackWithFiles(FakeSlack):
    def __init__(self) -> None:
        super().__init__()
        self.sink = _UploadSink()
        self._files = 0

    def __enter__(self) -> SlackWithFiles:
        self.sink.thread.start()
        super().__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        super().__exit__(*exc)
        self.sink.server.shutdown()
        self.sink.server.server_close()

    @property
    def uploads(self) -> dict[str, bytes]:
        return self.sink.uploads

    def _answer(self, method: str, payload: dict[str, Any]) -> tuple[int, dict[str, Any], dict[str, str]]:
        if method == "files.getUploadURLExternal" and not self._faults.get(method):
            self._files += 1
            file_id = f"F0CHART{self._files}"
            return 200, {"ok": True, "upload_url": self.sink.url(file_id), "file_id": file_id}, {}
        if method == "files.completeUploadExternal" and not self._faults.get(method):
            return 200, {"ok": True, "files": [{"id": f["id"], "title": f.get("title")}
                                               for f in _json_list(payload.get("files"))]}, {}
        return super()._answer(method, payload)


def _json_list(raw: Any) -> list[dict[str, Any]]:
    import json

    return list(json.loads(raw)) if isinstance(raw, str) else list(raw or [])


class DiscordWithFiles(FakeDiscord):
    def __init__(self) -> None:
        super().__init__()
        self.raw: list[tuple[str, str, bytes]] = []  # (method, path, body) of every API request

    async def _api(self, request: web.Request) -> web.Response:
        # aiohttp keeps the body once read, so the fake's own handler reads the same bytes again
        self.raw.append((request.method, request.path, await request.read()))
        return await super()._api(request)

    def _answer(self, method: str, path: str, body: Any) -> tuple[int, Any]:
        """Also GET /channels/{id}: the guild's one text channel, so a poster can see whose it is."""
        [channel] = guild()["channels"]
        if (method, path) == ("GET", f"/channels/{channel['id']}"):
            return 200, channel
        return super()._answer(method, path, body)


@contextlib.contextmanager
def discord_in_thread() -> Iterator[DiscordWithFiles]:
    """The fake served from its own event loop in a thread, discord.py's addresses aimed at it."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    fake = DiscordWithFiles()
    asyncio.run_coroutine_threadsafe(fake.__aenter__(), loop).result(10)
    try:
        with pointed_at(fake):
            yield fake
    finally:
        asyncio.run_coroutine_threadsafe(fake.__aexit__(None, None, None), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()


# ---- a week of checks across two desks, recorded through the storage API

WEEK = "2026-W47"  # Monday 16 to Sunday 22 November 2026
SLACK_DESK, DISCORD_DESK = "T0NEWS", "1200000000000000001"
EQUALS = "We negotiate as equals, or we do not negotiate at all."
EQUALS_REWORDED = "We negotiate as equals or we don't negotiate at all."
SpeakerKind = Literal["named", "anonymous", "organization", "unresolved"]


def _report(title: str, quotes: list[tuple[str, str, SpeakerKind]], *, named: Sequence[tuple[str, int]] = (),
            warnings: int = 0, anonymous: Sequence[str] = ()) -> Report:
    found = tuple(Quote(text=t, start=100 * n, end=100 * n + len(t), speaker=s, speaker_kind=k)
                  for n, (t, s, k) in enumerate(quotes))
    warned = [Signal("weekday_mismatch", "warn", f"'Tuesday, May {n + 6}' does not fall on a Tuesday")
              for n in range(warnings)]
    return Report(article=Article(title=title), quotes=found,
                  signals=(*warned, Signal("no_dateline", "info", "no dateline")),
                  sources=Sources(named=tuple(NamedSource(name=n, quotes=q) for n, q in named),
                                  anonymous=tuple(AnonymousSource(a, 0, len(a)) for a in anonymous)))


def _record(store: Any, text: str, report: Report, workspace: str, platform: str, user: str, at: str) -> int:
    """Record a check through the Store, then set when it happened (the Store stamps 'now')."""
    import dataclasses
    import datetime as dt
    import hashlib

    from sqlalchemy import func, select, update
    from sqlalchemy.orm import Session

    from checks.models import InputInfo
    from storage import CheckEvent
    from storage.models import CheckEventRow

    report = dataclasses.replace(report, input=InputInfo(sha256=hashlib.sha256(text.encode()).hexdigest()))
    store.record(report, text, CheckEvent(platform=platform, workspace=workspace, user=user, channel="C1"))
    with Session(store.engine) as session, session.begin():
        last = session.scalar(select(func.max(CheckEventRow.id)))
        moment = dt.datetime.fromisoformat(at).replace(tzinfo=dt.UTC)
        session.execute(update(CheckEventRow).where(CheckEventRow.id == last).values(checked_at=moment))
        return int(session.scalar(select(CheckEventRow.item_id).where(CheckEventRow.id == last)) or 0)


def fill_week(store: Any) -> dict[str, int]:
    """Five articles across two desks and the reference corpus; returns item ids by name."""
    from storage import REFERENCE, NewItem

    ports = ("Port talks collapse as Ottawa walks away\n\nOttawa ended the talks on Monday. "
             f"“{EQUALS}” Prime Minister Mark Carney said. “The talks are over for now, and nobody expects "
             "a quick return,” a senior Canadian official said.")
    rebuff = ("Carney rebuffs Washington over tariffs\n\nThe prime minister held firm. "
              f"“{EQUALS_REWORDED}” a senior Canadian official said. "
              "“Canada will set its own course on trade,” Carney said, according to Fen Hampson.")
    reopen = ("Ports reopen after a week of disruption\n\n"
              "“The ports will reopen on Monday morning as planned,” Ontario Premier Doug Ford said.")
    late = ("Late-night vote on the harbour budget\n\n“Every line of this budget was argued over twice,” "
            "councillor Anya Breville said.")
    secret = (f"Guild desk: the same quote, another desk\n\n“{EQUALS}” the Discord desk's source said. "
              "“This story belongs to the other newsroom and must stay there,” its editor said.")
    ref_text = f"Reference: Carney and the ports\n\n“{EQUALS}” Carney said in an interview last spring."
    [ref] = store.add_items([NewItem(REFERENCE, ref_text, _report(
        "Reference: Carney and the ports", [(EQUALS, "Mark Carney", "named")]), seed="ref_carney")])
    r_ports = _report("Port talks collapse as Ottawa walks away",
                      [(EQUALS, "Mark Carney", "named"),
                       ("The talks are over for now, and nobody expects a quick return.",
                        "a senior Canadian official", "anonymous")],
                      named=[("Mark Carney", 1)], warnings=2, anonymous=["a senior Canadian official"])
    r_rebuff = _report("Carney rebuffs Washington over tariffs",
                       [(EQUALS_REWORDED, "a senior Canadian official", "anonymous"),
                        ("Canada will set its own course on trade.", "Mark Carney", "named")],
                       named=[("Mark Carney", 1), ("Fen Hampson", 0)], warnings=1)
    r_reopen = _report("Ports reopen after a week of disruption",
                       [("The ports will reopen on Monday morning as planned.", "Doug Ford", "named")],
                       named=[("Doug Ford", 1)])
    r_late = _report("Late-night vote on the harbour budget",
                     [("Every line of this budget was argued over twice.", "Anya Breville", "named")],
                     named=[("Anya Breville", 1)])
    r_secret = _report("Guild desk: the same quote, another desk",
                       [(EQUALS, "the Discord desk's source", "anonymous"),
                        ("This story belongs to the other newsroom and must stay there.", "Editor Ray Moss",
                         "named")], named=[("Editor Ray Moss", 1)], warnings=4)
    ids = {"reference": ref}
    slack = (SLACK_DESK, "slack")
    ids["reopen"] = _record(store, reopen, r_reopen, *slack, "U0AMIRA", "2026-11-10T10:00:00")  # week 46
    ids["ports"] = _record(store, ports, r_ports, *slack, "U0AMIRA", "2026-11-16T10:00:00")
    _record(store, ports, r_ports, *slack, "U0BEN", "2026-11-16T15:00:00")
    _record(store, ports, r_ports, *slack, "U0AMIRA", "2026-11-18T09:00:00")
    ids["rebuff"] = _record(store, rebuff, r_rebuff, *slack, "U0CHLOE", "2026-11-19T11:00:00")
    # Sunday 23:30 UTC: still week 47 in UTC, already Monday of week 48 in Paris
    ids["late"] = _record(store, late, r_late, *slack, "U0AMIRA", "2026-11-22T23:30:00")
    ids["secret"] = _record(store, secret, r_secret, DISCORD_DESK, "discord", "1400000000000000001",
                            "2026-11-17T12:00:00")
    return ids
