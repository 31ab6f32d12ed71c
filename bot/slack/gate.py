"""Who reaches the Slack app: a request Slack signed, read within limits of size, time and number.

The events URL is public, so anyone can post to it. Nothing from a request is read, echoed,
fetched or posted before its signature holds: the headers are checked first (a timestamp that
is not a plain recent integer, or a signature not of Slack's form, is refused 401 unread), then
the body is read under a deadline and a cap on bodies read at once, then the HMAC is checked.
Only then do bolt and the listeners see the request, marked verified (`VERIFIED`); the App
refuses anything not so marked (bot.slack.app), so it fails closed if served any other way.

Below the requests, `guarded_protocol` bounds what a connection can make uvicorn hold before
its headers are complete: uvicorn's httptools parser has no limit on header size (a 100 MB
header grew the process by 129 MB) and no deadline on a connection that never sends a request.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import re
import socket
import sys
import time
from collections.abc import Awaitable, Callable, Mapping, MutableMapping
from typing import Any
from urllib.parse import urlsplit

import uvicorn
from slack_bolt import BoltRequest
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

__all__ = ["BODY_READ_SECONDS", "HEADER_READ_SECONDS", "MAX_BODIES_READING", "MAX_BODY_BYTES",
           "MAX_HEADER_BYTES", "SIGNATURE_MAX_AGE_SECONDS", "VERIFIED", "Gate", "GuardedServer",
           "guarded_protocol", "is_verified", "refuse", "response_url_allowed"]

# Slack caps a message's text at 40,000 characters, and a slash command's text is shorter. The
# largest thing Slack sends us is a message shortcut: the message's text and its rich-text blocks
# (the same text again), JSON inside a form, where one character costs at most 9 bytes (a
# percent-encoded 3-byte UTF-8 character): 2 × 40,000 × 9 = 720 KB, plus the envelope.
MAX_BODY_BYTES = 1024 * 1024
# Bodies being read at once, before any is verified: what strangers can make the process hold is
# at most this many × MAX_BODY_BYTES (64 MB). Above the 50 simultaneous /check of bench/slack_ack.py.
MAX_BODIES_READING = 64
# Slack sends a whole request at once; a body that takes longer than this is not Slack's.
BODY_READ_SECONDS = 10.0
# Slack's headers take under 1 KB; proxies add a few. h11, uvicorn's other parser, stops at 16 KB.
MAX_HEADER_BYTES = 16 * 1024
HEADER_READ_SECONDS = 10.0
# Slack's advice: a request more than five minutes from now is refused, so a captured one cannot
# be replayed later.
SIGNATURE_MAX_AGE_SECONDS = 300
# Where Slack's response_urls point. A request's response_url is only ever posted to there (or to
# the origin of SLACK_API_URL when it is not Slack's: the tests' fake, a proxy).
SLACK_RESPONSE_ORIGIN = ("https", "hooks.slack.com")
_SLACK_API_HOST = "slack.com"
# The request context's mark of a verified signature; bolt fills a context only with named fields.
VERIFIED = "deskcheck_signature_verified"

_TIMESTAMP_DIGITS = 12  # seconds since 1970 have 10 digits until the year 2286
_SIGNATURE = re.compile(rb"v0=[0-9a-f]{64}")
_TIMESTAMP, _SIGNATURE_HEADER = b"x-slack-request-timestamp", b"x-slack-signature"

Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class _TooLarge(Exception):
    pass


class Gate:
    """Admits a Slack-signed body: `await gate.admit(scope, receive, send)` is its bytes, or None
    once the request has been answered (401, 408, 413, 503) or its sender has gone."""

    def __init__(self, signing_secret: str, *, max_body: int = MAX_BODY_BYTES,
                 max_reading: int = MAX_BODIES_READING, read_timeout: float = BODY_READ_SECONDS,
                 clock: Callable[[], float] = time.time) -> None:
        if not signing_secret:
            raise ValueError("serving Slack over HTTP needs its signing secret")
        self._secret = signing_secret.encode()
        self.max_body, self.max_reading, self.read_timeout = max_body, max_reading, read_timeout
        self._clock = clock
        self.reading = 0  # bodies being read now (the event loop is the only thread that counts)

    async def admit(self, scope: Message, receive: Receive, send: Send) -> bytes | None:
        headers = dict(scope["headers"])
        declared = headers.get(b"content-length", b"0")
        if not declared.isdigit() or int(declared) > self.max_body:
            await refuse(send, 413, f"the request is larger than {self.max_body // (1024 * 1024)} MB")
            return None
        if not self._signed_recently(headers):
            await refuse(send, 401, "invalid request")
            return None
        if self.reading >= self.max_reading:
            await refuse(send, 503, "busy: try again")
            return None
        self.reading += 1
        try:
            body = await self._read(receive, send)
        finally:
            self.reading -= 1
        if body is not None and not self._signature_holds(headers, body):
            await refuse(send, 401, "invalid request")
            return None
        return body

    def _signed_recently(self, headers: Mapping[bytes, bytes]) -> bool:
        """The headers' form: a plain integer timestamp within the age limit, a v0 signature."""
        stamp = headers.get(_TIMESTAMP, b"")
        if not (0 < len(stamp) <= _TIMESTAMP_DIGITS and stamp.isdigit()):  # bytes: ASCII digits only
            return False
        if abs(self._clock() - int(stamp)) > SIGNATURE_MAX_AGE_SECONDS:
            return False
        return _SIGNATURE.fullmatch(headers.get(_SIGNATURE_HEADER, b"")) is not None

    def _signature_holds(self, headers: Mapping[bytes, bytes], body: bytes) -> bool:
        mac = hmac.new(self._secret, b"v0:" + headers[_TIMESTAMP] + b":", hashlib.sha256)
        mac.update(body)
        return hmac.compare_digest(b"v0=" + mac.hexdigest().encode(), headers[_SIGNATURE_HEADER])

    async def _read(self, receive: Receive, send: Send) -> bytes | None:
        try:
            async with asyncio.timeout(self.read_timeout):
                return await self._collect(receive)
        except TimeoutError:
            await refuse(send, 408, "the request took too long to arrive")
        except _TooLarge:
            await refuse(send, 413, f"the request is larger than {self.max_body // (1024 * 1024)} MB")
        return None

    async def _collect(self, receive: Receive) -> bytes | None:
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return None
            body += message.get("body", b"")
            if len(body) > self.max_body:  # a chunked body declares no length
                raise _TooLarge
            if not message.get("more_body"):
                return bytes(body)


async def refuse(send: Send, status: int, text: str) -> None:
    """A short plain-text answer, and the connection closed: whatever else it was sending is unread."""
    body = text.encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()), (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


def is_verified(request: BoltRequest) -> bool:
    """Slack's signature was checked (HTTP), or the request came over Socket Mode's own connection."""
    return request.mode == "socket_mode" or request.context.get(VERIFIED) is True


def response_url_allowed(url: object, api_url: str) -> bool:
    """Whether a request's response_url is Slack's: hooks.slack.com, or SLACK_API_URL's own origin
    when that is not Slack (the tests' fake)."""
    if not isinstance(url, str):
        return False
    try:
        target, api = urlsplit(url), urlsplit(api_url)
    except ValueError:
        return False
    origin = (target.scheme, target.netloc)
    if origin == SLACK_RESPONSE_ORIGIN:
        return True
    return api.hostname != _SLACK_API_HOST and origin == (api.scheme, api.netloc)


class GuardedServer:
    """An ASGI app on host:port behind `guarded_protocol` (port 0 picks a free one: see .port);
    .run() serves until .stop(). The Slack web process and `deskcheck web` both serve this way, so
    both face strangers with the same limits.

    The socket is bound and listening at once, so requests that arrive before .run() wait in the
    backlog. No access log: a report page's path is its signed link.
    """

    BACKLOG = 2048

    def __init__(self, app: Any, *, host: str, port: int,
                 header_timeout: float = HEADER_READ_SECONDS) -> None:
        self._socket = socket.create_server((host, port), backlog=self.BACKLOG)
        config = uvicorn.Config(app, http=guarded_protocol(header_timeout=header_timeout),
                                loop="uvloop" if sys.platform != "win32" else "asyncio", ws="none",
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


def guarded_protocol(max_header_bytes: int = MAX_HEADER_BYTES,
                     header_timeout: float = HEADER_READ_SECONDS) -> type[HttpToolsProtocol]:
    """uvicorn's httptools protocol that closes a connection whose request line and headers pass
    `max_header_bytes` (431) or are not complete `header_timeout` seconds after it opened or after
    its request began (408). Between requests uvicorn's keep-alive timeout applies."""
    return type("GuardedHttpTools", (_GuardedHttpTools,),
                {"max_header_bytes": max_header_bytes, "header_timeout": header_timeout})


class _GuardedHttpTools(HttpToolsProtocol):
    max_header_bytes = MAX_HEADER_BYTES
    header_timeout = HEADER_READ_SECONDS
    _timer: asyncio.TimerHandle | None = None
    _awaiting_headers = True
    _header_bytes = 0
    _began_in_this_read = False

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._timer = self.loop.call_later(self.header_timeout, self._headers_too_slow)

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_timer()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        self._began_in_this_read = False
        super().data_received(data)
        # A read that began the request may hold the end of the one before: counted from the next
        # read on, so the limit can be passed by one read (at most 256 KB), never hit falsely.
        if self._awaiting_headers and not self._began_in_this_read:
            self._header_bytes += len(data)
            if self._header_bytes > self.max_header_bytes:
                self._close_with(b"431 Request Header Fields Too Large")

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._awaiting_headers, self._header_bytes, self._began_in_this_read = True, 0, True
        if self._timer is None:
            self._timer = self.loop.call_later(self.header_timeout, self._headers_too_slow)

    def on_headers_complete(self) -> None:
        self._awaiting_headers = False
        self._stop_timer()
        super().on_headers_complete()

    def _headers_too_slow(self) -> None:
        self._timer = None
        self._close_with(b"408 Request Timeout")

    def _close_with(self, status: bytes) -> None:
        self._stop_timer()
        if not self.transport.is_closing():
            closing = b"\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
            self.transport.write(b"HTTP/1.1 " + status + closing)
            self.transport.close()

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
