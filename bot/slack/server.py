"""Serving the App over HTTP: uvicorn in front of bolt's ASGI adapter, or Socket Mode.

Every /check must be acknowledged while dozens of others arrive. Bolt's App is synchronous
and its dispatch (verify the signature, ack, hand the check to a worker) takes a fraction of
a millisecond, so it runs right on uvicorn's event loop (httptools parsing, uvloop): no
thread hand-off per request. Forms are read by bot.slack.form, four times faster than bolt
reads them. Measured with bench/slack_ack.py, 50 simultaneous /check requests: ack p99
21-38 ms (see the README), against 45-87 ms behind waitress, a threaded WSGI server.
What may take longer (the OAuth pages, and with OAuth installs every request, wait on Slack or
the database) runs in a thread, and listeners that call Slack do it on their worker threads, so
the loop never waits on the network.
"""

from __future__ import annotations

import asyncio
import socket
import sys
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import uvicorn
from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.adapter.asgi import SlackRequestHandler
from slack_bolt.adapter.asgi.http_request import AsgiHttpRequest
from slack_bolt.adapter.socket_mode import SocketModeHandler

from .form import bolt_request

__all__ = ["EVENTS_PATH", "MAX_BODY_BYTES", "SlackServer", "serve_socket_mode"]

EVENTS_PATH = "/slack/events"
# A slash command's text can be a whole article; nothing Slack sends comes near this. The limit
# holds before the signature is checked, so a stranger cannot make the process hold a huge body.
MAX_BODY_BYTES = 8 * 1024 * 1024
BACKLOG = 2048

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class SlackServer:
    """The App on host:port (port 0 picks a free one: see .port). .run() serves until .stop()."""

    def __init__(self, app: App, *, host: str = "0.0.0.0", port: int = 3000) -> None:
        # Bound and listening now, so requests that arrive before .run() wait in the backlog.
        self._socket = socket.create_server((host, port), backlog=BACKLOG)
        config = uvicorn.Config(_BodyLimit(_Handler(app, path=EVENTS_PATH), MAX_BODY_BYTES),
                                http="httptools", loop="uvloop" if sys.platform != "win32" else "asyncio",
                                lifespan="off", access_log=False, server_header=False, log_config=None)
        self._server = uvicorn.Server(config)

    @property
    def port(self) -> int:
        return int(self._socket.getsockname()[1])

    def run(self) -> None:
        """Serve (blocks). In the main thread SIGTERM/SIGINT finish the requests in flight first."""
        try:
            self._server.run(sockets=[self._socket])
        finally:
            self._socket.close()

    def stop(self) -> None:
        """Ask a server that runs in another thread to finish (tests, the bench)."""
        self._server.should_exit = True


def serve_socket_mode(app: App, app_token: str) -> None:
    """Socket Mode: no public URL; the app dials out to Slack's websocket (blocks until stopped)."""
    SocketModeHandler(app, app_token).start()  # type: ignore[no-untyped-call]


class _Handler(SlackRequestHandler):
    """Bolt's ASGI adapter, with forms read by bot.slack.form; the OAuth pages run in a thread
    (they wait on Slack and the database)."""

    async def dispatch(self, request: AsgiHttpRequest) -> BoltResponse:
        bolt = await _bolt_request(request)
        if self.app.oauth_flow is None:  # one workspace: its authorization was settled at start
            return self.app.dispatch(bolt)
        # Installed workspaces: bolt first finds the request's workspace in the installation store
        # (the database) and, once per token, asks Slack's auth.test. That waits: on a thread.
        return await asyncio.to_thread(self.app.dispatch, bolt)

    async def handle_installation(self, request: AsgiHttpRequest) -> BoltResponse:
        flow = self.app.oauth_flow
        return await asyncio.to_thread(flow.handle_installation, await _bolt_request(request))  # type: ignore[union-attr]

    async def handle_callback(self, request: AsgiHttpRequest) -> BoltResponse:
        flow = self.app.oauth_flow
        return await asyncio.to_thread(flow.handle_callback, await _bolt_request(request))  # type: ignore[union-attr]


async def _bolt_request(request: AsgiHttpRequest) -> BoltRequest:
    raw = await request.get_raw_body()
    return bolt_request(raw, query=request.query_string, headers=request.get_headers())


class _BodyLimit:
    """Reads the whole body first, refusing it with 413 past `limit` bytes, then hands it on."""

    def __init__(self, app: Callable[..., Awaitable[None]], limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"0")
        if not declared.isdigit() or int(declared) > self.limit:
            await _refuse(send, self.limit)
            return
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            if len(body) > self.limit:
                await _refuse(send, self.limit)
                return
            if not message.get("more_body"):
                break
        whole: list[Message] = [{"type": "http.request", "body": bytes(body), "more_body": False}]

        async def replay() -> Message:
            return whole.pop() if whole else await receive()  # then, as usual, the disconnect

        await self.app(scope, replay, send)


async def _refuse(send: Send, limit: int) -> None:
    text = f"the request is larger than {limit // (1024 * 1024)} MB".encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(text)).encode())]})
    await send({"type": "http.response.body", "body": text})
