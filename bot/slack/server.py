"""Serving the App over HTTP (uvicorn, then the signature gate, then bolt), or over Socket Mode.

Every /check must be acknowledged while dozens of others arrive. Bolt's App is synchronous
and its dispatch (verify the signature, ack, hand the check to a worker) takes a fraction of
a millisecond, so it runs right on uvicorn's event loop (httptools parsing, uvloop): no
thread hand-off per request. Forms are read by bot.slack.form, faster than bolt reads them
(docs/performance.md has the figures and how bench/slack_ack.py measures them).
What may take longer (the OAuth pages, and with OAuth installs every request, wait on Slack or
the database) runs in a thread, and listeners that call Slack do it on their worker threads, so
the loop never waits on the network.

Strangers can reach this server too: bot.slack.gate admits only what Slack signed, before bolt
or any of our code reads a byte of it, and bounds what a connection can make the process hold.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.adapter.asgi.http_response import AsgiHttpResponse
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_bolt.oauth import OAuthFlow

from .form import bolt_request
from .gate import (
    BODY_READ_SECONDS,
    HEADER_READ_SECONDS,
    MAX_BODIES_READING,
    MAX_BODY_BYTES,
    VERIFIED,
    Gate,
    GuardedServer,
    Message,
    Receive,
    Send,
    refuse,
)

if TYPE_CHECKING:
    from ..web.server import PageSite

__all__ = ["EVENTS_PATH", "MAX_BODY_BYTES", "SlackServer", "serve_socket_mode"]

EVENTS_PATH = "/slack/events"


class SlackServer(GuardedServer):
    """The App on host:port (port 0 picks a free one: see .port). .run() serves until .stop().

    read_timeout: seconds for a request's whole body to arrive (then 408).
    max_reading: bodies read at once before their signatures are checked (beyond it, 503).
    header_timeout: seconds for a connection's request line and headers to arrive (then closed).
    pages: the report pages served beside Slack's routes (bot/web); by default this process's settings'.
    """

    def __init__(self, app: App, *, host: str = "0.0.0.0", port: int = 3000,
                 read_timeout: float = BODY_READ_SECONDS, max_reading: int = MAX_BODIES_READING,
                 header_timeout: float = HEADER_READ_SECONDS, pages: PageSite | None = None) -> None:
        if pages is None:  # imported here: bot.web.server imports this package's gate
            from ..settings import get_settings
            from ..web.server import PageSite
            pages = PageSite(get_settings())
        # Bolt keeps the signing secret it was built with; the gate checks it before bolt sees a request.
        self._gate = gate = Gate(app._signing_secret, read_timeout=read_timeout, max_reading=max_reading)
        super().__init__(_SlackAsgi(app, gate, pages), host=host, port=port, header_timeout=header_timeout)

    @property
    def reading(self) -> int:
        """Request bodies being read now, their signatures not yet checked."""
        return self._gate.reading


def serve_socket_mode(app: App, app_token: str) -> None:
    """Socket Mode: no public URL; the app dials out to Slack's websocket (blocks until stopped)."""
    SocketModeHandler(app, app_token).start()  # type: ignore[no-untyped-call]


class _SlackAsgi:
    """Bolt's ASGI adapter, rebuilt around the gate: Slack's signed posts go to the App, the OAuth
    pages (which Slack does not sign: a browser opens them) to bolt's OAuth flow, with no body, and
    the report pages (signed links, no body read either) to bot.web, never through Slack's gate."""

    def __init__(self, app: App, gate: Gate, pages: PageSite) -> None:
        self.app, self.gate, self.pages = app, gate, pages
        flow: OAuthFlow | None = app.oauth_flow
        self._oauth_pages = {flow.install_path: flow.handle_installation,
                             flow.redirect_uri_path: flow.handle_callback} if flow else {}

    async def __call__(self, scope: Message, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        method, path = scope["method"], scope["path"]
        if method == "POST" and path == EVENTS_PATH:
            await self._slack_post(scope, receive, send)
        elif self.pages.handles(path):
            await self.pages(scope, receive, send)
        elif method == "GET" and path in self._oauth_pages:
            request = BoltRequest(body="", query=_text(scope["query_string"]), headers=_headers(scope))
            await _answer(send, await asyncio.to_thread(self._oauth_pages[path], request))
        else:
            await refuse(send, 404, "Not Found")

    async def _slack_post(self, scope: Message, receive: Receive, send: Send) -> None:
        raw = await self.gate.admit(scope, receive, send)
        if raw is None:
            return
        try:
            request = bolt_request(raw.decode("utf-8"), query=_text(scope["query_string"]),
                                   headers=_headers(scope))
        except ValueError:  # signed, yet not what Slack sends: not UTF-8, or a payload bolt cannot read
            await refuse(send, 400, "the request is not one Slack sends")
            return
        request.context[VERIFIED] = True
        if self.app.oauth_flow is None:  # one workspace: its authorization was settled at start
            await _answer(send, self.app.dispatch(request))
            return
        # Installed workspaces: bolt first finds the request's workspace in the installation store
        # (the database) and, once per token, asks Slack's auth.test. That waits: on a thread.
        await _answer(send, await asyncio.to_thread(self.app.dispatch, request))


async def _answer(send: Send, response: BoltResponse) -> None:
    http = AsgiHttpResponse(status=response.status, headers=response.headers, body=response.body)
    await send(http.get_response_start())
    await send(http.get_response_body())


def _headers(scope: Message) -> dict[str, Any]:
    # Latin-1, HTTP's own: any header bytes read as text (bolt's UTF-8 raised on some).
    return {_text(name): _text(value) for name, value in scope["headers"]}


def _text(raw: bytes) -> str:
    return raw.decode("latin-1")
