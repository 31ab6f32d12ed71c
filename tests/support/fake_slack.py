"""A fake Slack Web API on 127.0.0.1 that records every payload it receives.

It speaks enough of the Web API for deskcheck (auth.test, chat.postMessage, chat.postEphemeral,
chat.update, views.open, oauth.v2.access) plus response_url POSTs under /response/, and can answer a
method with 429 + Retry-After once, or with an API error, to test the client's handling.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

__all__ = ["SIGNING_SECRET", "Call", "FakeSlack", "FakeSocketMode", "command_body", "interactive_body",
           "mention_body", "shortcut_payload", "signed_headers"]

TEAM, BOT_USER = "T0NEWS", "U0DESKBOT"


@dataclass(frozen=True)
class Call:
    method: str  # "chat.postMessage", … or "response_url"
    payload: dict[str, Any]
    headers: dict[str, str]
    at: float = field(default_factory=time.monotonic)
    status: int = 200
    ok: bool = True


class FakeSlack:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.socket_url: str | None = None  # what apps.connections.open hands out (FakeSocketMode)
        self._changed = threading.Condition()
        self._faults: dict[str, list[tuple[int, dict[str, Any], dict[str, str]]]] = {}
        self._holds: dict[str, threading.Event] = {}
        self._ts = itertools.count(1)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    # ---- lifecycle
    def __enter__(self) -> FakeSlack:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/api/"

    def response_url(self, name: str = "r1") -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/response/{name}"

    # ---- faults
    def rate_limit_once(self, method: str, retry_after: int = 0) -> None:
        self._faults.setdefault(method, []).append((429, {"ok": False, "error": "ratelimited"},
                                                    {"Retry-After": str(retry_after)}))

    def hold(self, method: str) -> threading.Event:
        """Calls of `method` wait, unanswered, until the returned event is set (a slow Slack)."""
        release = self._holds[method] = threading.Event()
        return release

    def fail_once(self, method: str, error: str) -> None:
        self._faults.setdefault(method, []).append((200, {"ok": False, "error": error}, {}))

    # ---- what was received
    def of(self, method: str) -> list[Call]:
        with self._changed:
            return [c for c in self.calls if c.method == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 60.0) -> list[Call]:
        """Block until `count` successful calls of `method` arrived (or fail after `timeout`)."""
        def done() -> bool:
            return len([c for c in self.calls if c.method == method and c.ok]) >= count
        with self._changed:
            if not self._changed.wait_for(done, timeout=timeout):
                seen = [c.method for c in self.calls]
                raise AssertionError(f"expected {count} × {method}, the fake saw {seen}")
            return [c for c in self.calls if c.method == method]

    def _record(self, call: Call) -> None:
        with self._changed:
            self.calls.append(call)
            self._changed.notify_all()

    def _answer(self, method: str, payload: dict[str, Any]) -> tuple[int, dict[str, Any], dict[str, str]]:
        held = self._holds.get(method)
        if held is not None:
            held.wait(timeout=60)
        faults = self._faults.get(method)
        if faults:
            return faults.pop(0)
        ts = f"1764000000.{next(self._ts):06d}"
        answers: dict[str, dict[str, Any]] = {
            "auth.test": {"ok": True, "url": "https://newsroom.slack.com/", "team": "Newsroom",
                          "user": "deskcheck", "team_id": TEAM, "user_id": BOT_USER, "bot_id": "B0DESK"},
            "chat.postMessage": {"ok": True, "channel": payload.get("channel"), "ts": ts,
                                 "message": {"text": payload.get("text"), "ts": ts}},
            "chat.postEphemeral": {"ok": True, "message_ts": ts},
            "chat.update": {"ok": True, "channel": payload.get("channel"), "ts": payload.get("ts"),
                            "text": payload.get("text")},
            "apps.connections.open": {"ok": True, "url": self.socket_url} if self.socket_url
            else {"ok": False, "error": "not_allowed_token_type"},
            "views.open": {"ok": True, "view": {"id": "V0FULL", **(payload.get("view") or {})}},
            "oauth.v2.access": {"ok": True, "app_id": "A0DESK", "access_token": "xoxb-installed",
                                "token_type": "bot", "scope": "commands,chat:write",
                                "bot_user_id": BOT_USER, "team": {"id": "T0OTHER", "name": "Other desk"},
                                "authed_user": {"id": "U0ADMIN"}},
        }
        return 200, answers.get(method, {"ok": False, "error": "unknown_method"}), {}

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode("utf-8")
                payload = _parse(raw, self.headers.get("Content-Type") or "")
                headers = {k.lower(): v for k, v in self.headers.items()}
                if self.path.startswith("/response/"):
                    fake._record(Call("response_url", payload, headers))
                    self._send(200, b"ok", "text/plain", {})
                    return
                method = self.path.removeprefix("/api/").split("?")[0]
                status, body, extra = fake._answer(method, payload)
                fake._record(Call(method, payload, headers, status=status, ok=bool(body.get("ok"))))
                self._send(status, json.dumps(body).encode(), "application/json", extra)

            def _send(self, status: int, body: bytes, kind: str, extra: dict[str, str]) -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                for k, v in extra.items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler


def _parse(raw: str, content_type: str) -> dict[str, Any]:
    if "json" in content_type:
        return dict(json.loads(raw or "{}"))
    out: dict[str, Any] = {k: v[0] for k, v in parse_qs(raw).items()}
    for key in ("blocks", "view"):  # slack_sdk sends these JSON-encoded inside a form
        if isinstance(out.get(key), str):
            out[key] = json.loads(out[key])
    return out


# ---- what Slack sends to the app: signed deliveries

SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"


def signed_headers(body: str, *, secret: str = SIGNING_SECRET, content_type: str,
                   timestamp: int | None = None, retry: int | None = None,
                   retry_reason: str = "http_error") -> dict[str, str]:
    """Slack's v0 signature over `v0:{timestamp}:{body}`, computed by slack_sdk's own verifier."""
    from slack_sdk.signature import SignatureVerifier

    ts = str(timestamp if timestamp is not None else int(time.time()))
    signature = SignatureVerifier(secret).generate_signature(timestamp=ts, body=body)
    assert signature is not None  # None only without a secret, and a test always has one
    headers = {"Content-Type": content_type, "X-Slack-Request-Timestamp": ts, "X-Slack-Signature": signature}
    if retry is not None:
        headers |= {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": retry_reason}
    return headers


_TRIGGERS = itertools.count(13345224609)


def _trigger() -> str:
    """Slack gives every command, shortcut and click a trigger_id of its own."""
    return f"{next(_TRIGGERS)}.738474920.8088930838d88f008e0"


def command_body(text: str, *, response_url: str, user: str = "U0REPORTER", channel: str = "C0DESK",
                 team: str = TEAM, trigger: str | None = None) -> str:
    from urllib.parse import urlencode

    return urlencode({"token": "legacy-unused", "team_id": team, "team_domain": "newsroom",
                      "channel_id": channel, "channel_name": "desk", "user_id": user,
                      "user_name": "reporter", "command": "/check", "text": text,
                      "api_app_id": "A0DESK", "response_url": response_url,
                      "trigger_id": trigger or _trigger()})


def interactive_body(payload: dict[str, Any]) -> str:
    from urllib.parse import urlencode

    return urlencode({"payload": json.dumps(payload)})


def shortcut_payload(text: str, *, response_url: str, ts: str = "1764000100.000200",
                     thread_ts: str | None = None, trigger: str | None = None) -> dict[str, Any]:
    message: dict[str, Any] = {"type": "message", "user": "U0EDITOR", "ts": ts, "text": text}
    if thread_ts:
        message["thread_ts"] = thread_ts
    return {"type": "message_action", "callback_id": "check_message", "trigger_id": trigger or _trigger(),
            "response_url": response_url, "team": {"id": TEAM, "domain": "newsroom"},
            "user": {"id": "U0REPORTER", "name": "reporter"}, "channel": {"id": "C0DESK", "name": "desk"},
            "message_ts": ts, "message": message, "token": "legacy-unused", "api_app_id": "A0DESK"}


def mention_body(text: str, *, event_id: str = "Ev0MENTION1", ts: str = "1764000200.000300",
                 thread_ts: str | None = None) -> str:
    event: dict[str, Any] = {"type": "app_mention", "user": "U0REPORTER", "text": text, "ts": ts,
                             "channel": "C0DESK", "event_ts": ts}
    if thread_ts:
        event["thread_ts"] = thread_ts
    return json.dumps({"token": "legacy-unused", "team_id": TEAM, "api_app_id": "A0DESK", "event": event,
                       "type": "event_callback", "event_id": event_id, "event_time": 1764000200,
                       "authorizations": [{"team_id": TEAM, "user_id": BOT_USER, "is_bot": True}]})


class FakeSocketMode:
    """Slack's Socket Mode end: a websocket on 127.0.0.1 (aiohttp) that says hello, pushes
    envelopes to the app and records the app's acknowledgements."""

    def __init__(self) -> None:
        self.acks: list[dict[str, Any]] = []
        self._changed = threading.Condition()
        self._socket: Any = None
        self._loop: Any = None
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self.url = ""

    def __enter__(self) -> FakeSocketMode:
        self._thread.start()
        self._ready.wait(timeout=30)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)

    def _serve(self) -> None:
        import asyncio

        from aiohttp import WSMsgType, web

        async def link(request: web.Request) -> web.WebSocketResponse:
            socket = web.WebSocketResponse()
            await socket.prepare(request)
            await socket.send_json({"type": "hello", "num_connections": 1,
                                    "connection_info": {"app_id": "A0DESK"}})
            with self._changed:
                self._socket = socket
                self._changed.notify_all()
            async for message in socket:
                if message.type == WSMsgType.TEXT:
                    with self._changed:
                        self.acks.append(json.loads(message.data))
                        self._changed.notify_all()
            return socket

        async def start() -> None:
            app = web.Application()
            app.router.add_get("/link", link)
            runner = web.AppRunner(app)
            await runner.setup()
            site = web.TCPSite(runner, "127.0.0.1", 0)
            await site.start()
            port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
            self.url = f"ws://127.0.0.1:{port}/link"
            self._ready.set()

        self._loop = asyncio.new_event_loop()
        self._loop.run_until_complete(start())
        self._loop.run_forever()

    def push(self, envelope: dict[str, Any], timeout: float = 60.0) -> None:
        """Send an envelope once the app is connected."""
        import asyncio

        with self._changed:
            if not self._changed.wait_for(lambda: self._socket is not None, timeout=timeout):
                raise AssertionError("the app never connected to the Socket Mode fake")
            socket = self._socket
        asyncio.run_coroutine_threadsafe(socket.send_json(envelope), self._loop).result(timeout=timeout)

    def wait_for_ack(self, envelope_id: str, timeout: float = 60.0) -> dict[str, Any]:
        def acked() -> bool:
            return any(a.get("envelope_id") == envelope_id for a in self.acks)
        with self._changed:
            if not self._changed.wait_for(acked, timeout=timeout):
                raise AssertionError(f"no ack for {envelope_id}; got {self.acks}")
            return next(a for a in self.acks if a.get("envelope_id") == envelope_id)
