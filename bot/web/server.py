"""Serving report pages: `PageSite`, an ASGI app for GET and HEAD on /report/<token>, and
`PageServer`, which runs it alone (`deskcheck web`). The Slack web process mounts the same
PageSite beside /slack/events (bot/slack/server.py).

Anyone can request a page, so nothing is read from a request but its method and path: no body
(a page request has none to give), no cookie, no query. The token is verified before the
database is touched, its workspace is the only one the page is looked up in, and a refusal is
one fixed text that never echoes the token. Every answer carries the same strict headers: no
script, no frame, no form, no referrer, no shared cache. Header size and time limits are the
Slack server's (bot/slack/gate.py).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
from collections.abc import Callable

from storage import Store, StoreError, open_store

from ..settings import Settings
from ..slack.gate import HEADER_READ_SECONDS, GuardedServer, Message, Receive, Send
from .links import PAGE_PREFIX, BadLink, Link, verify_link
from .page import STYLE_HASH, load_page, render_page

__all__ = ["BUSY", "CONTENT_SECURITY_POLICY", "MAX_RENDERS", "NOT_FOUND", "REFUSED", "SECURITY_HEADERS",
           "UNAVAILABLE", "WITHDRAWN", "PageServer", "PageSite"]

CONTENT_SECURITY_POLICY = (f"default-src 'none'; style-src '{STYLE_HASH}'; img-src 'self' data:; "
                           "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"private"),
    (b"x-frame-options", b"DENY"),  # frame-ancestors, for browsers older than CSP 2
)
# One text each, whatever went wrong: a forged, edited and expired link read the same.
REFUSED = "This link is not valid, or it has expired. Ask the desk for a new one.\n"
NOT_FOUND = "There is no report here.\n"
UNAVAILABLE = "The report cannot be shown right now. Try again in a minute.\n"
BUSY = "The report pages are busy. Try again in a few seconds.\n"
# Pages read and rendered at once. The Slack app serves pages in its own process: a flood of page
# requests (even with a valid link) must not take the threads its events need; the rest get BUSY.
MAX_RENDERS = 4
# Only a link whose MAC holds hears this: its holder was given the page, and may ask the desk again.
WITHDRAWN = "The desk has withdrawn this link. Ask the desk for a new one.\n"
_METHODS = ("GET", "HEAD")
_HTML, _TEXT = b"text/html; charset=utf-8", b"text/plain; charset=utf-8"


class PageSite:
    """The report pages of one database, as an ASGI app (any path; pages live under /report/).

    store: the history to read; opened on the first page asked for when not given.
    clock: now, for link expiry (tests).
    max_renders: pages read and rendered at once; a request beyond them gets 503 at once.
    """

    def __init__(self, settings: Settings, *, store: Store | None = None,
                 clock: Callable[[], dt.datetime] | None = None, max_renders: int = MAX_RENDERS) -> None:
        self.settings = settings
        self._store, self._clock = store, clock
        self._opening = threading.Lock()
        self._renders = threading.BoundedSemaphore(max_renders)

    @staticmethod
    def handles(path: str) -> bool:
        return path.startswith(PAGE_PREFIX)

    async def __call__(self, scope: Message, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        method = scope["method"]
        if method not in _METHODS:
            await _answer(send, method, 405, _TEXT, b"Only GET and HEAD.\n", [(b"allow", b"GET, HEAD")])
            return
        path: str = scope["path"]
        if not self.handles(path):
            await _answer(send, method, 404, _TEXT, NOT_FOUND.encode())
            return
        try:
            link = verify_link(self.settings, path[len(PAGE_PREFIX):], now=self._now())
        except BadLink:
            await _answer(send, method, 403, _TEXT, REFUSED.encode())
            return
        if not self._renders.acquire(blocking=False):
            await _answer(send, method, 503, _TEXT, BUSY.encode(), [(b"retry-after", b"5")])
            return
        try:
            status, html = await asyncio.to_thread(self._page, link)
        except StoreError:
            await _answer(send, method, 503, _TEXT, UNAVAILABLE.encode(), [(b"retry-after", b"60")])
            return
        if status != 200:
            await _answer(send, method, status, _TEXT, html.encode())
            return
        await _answer(send, method, 200, _HTML, html.encode("utf-8", "surrogatepass"))

    def _page(self, link: Link) -> tuple[int, str]:
        """(200, the page's HTML), or a status with its one fixed text. Frees the render slot taken
        for it when done, here in its thread: a client that hangs up does not free it early."""
        try:
            page = load_page(self._open(), link.workspace, link.item_id)
            if page is None:
                return 404, NOT_FOUND
            if link.withdrawn(page.links_revoked_at):
                return 410, WITHDRAWN
            return 200, render_page(page)
        finally:
            self._renders.release()

    def _open(self) -> Store:
        with self._opening:
            if self._store is None:
                self._store = open_store(self.settings.database_url)
            return self._store

    def _now(self) -> dt.datetime:
        return self._clock() if self._clock else dt.datetime.now(dt.UTC)


async def _answer(send: Send, method: str, status: int, content_type: bytes, body: bytes,
                  extra: list[tuple[bytes, bytes]] | None = None) -> None:
    headers = [(b"content-type", content_type), (b"content-length", str(len(body)).encode()),
               *SECURITY_HEADERS, *(extra or [])]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": b"" if method == "HEAD" else body})


class PageServer(GuardedServer):
    """A PageSite alone on host:port (port 0 picks a free one: see .port). .run() serves until .stop()."""

    def __init__(self, site: PageSite, *, host: str = "0.0.0.0", port: int = 3000,
                 header_timeout: float = HEADER_READ_SECONDS) -> None:
        super().__init__(site, host=host, port=port, header_timeout=header_timeout)
