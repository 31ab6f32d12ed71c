"""A stand-in for Discord on 127.0.0.1: its HTTP API and its gateway, recording what the bot sends.

The real discord.py client talks to it unchanged once `discord.http.Route.BASE` and
`DiscordWebSocket.DEFAULT_GATEWAY` point here (see `pointed_at`). Only the routes deskcheck
uses are served; anything else is recorded and answered 404, so a surprise shows up in
`requests` instead of hanging. Payload shapes follow Discord's API v10 documentation.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import yarl
from aiohttp import WSMsgType, web
from discord.gateway import DiscordWebSocket
from discord.http import Route

APP_ID = "1100000000000000001"
BOT_ID = APP_ID  # a bot user shares its application's id
GUILD_ID = "1200000000000000001"
CHANNEL_ID = "1300000000000000001"
REPORTER_ID = "1400000000000000001"
OTHER_BOT_ID = "1500000000000000001"
BOT_ROLE_ID = "1700000000000000001"
REFUSED_TOKEN = "revoked-token"  # the fake answers 401 to it, as Discord does to a reset token
TIMESTAMP = "2026-11-20T14:03:00.000000+00:00"

_ids = itertools.count(1_600_000_000_000_000_001)


def snowflake() -> str:
    return str(next(_ids))


def user(user_id: str, name: str, *, bot: bool = False) -> dict[str, Any]:
    return {"id": user_id, "username": name, "discriminator": "0", "global_name": None,
            "avatar": None, "bot": bot}


BOT_USER = user(BOT_ID, "deskcheck", bot=True)
REPORTER = user(REPORTER_ID, "amira.reporter")
OTHER_BOT = user(OTHER_BOT_ID, "feedbot", bot=True)


def message(content: str, author: dict[str, Any], *, mentions: list[dict[str, Any]] | None = None,
            reply_to: dict[str, Any] | None = None, message_id: str | None = None,
            guild: bool = True, attachments: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": message_id or snowflake(), "type": 19 if reply_to else 0, "channel_id": CHANNEL_ID,
        "content": content, "author": author, "mentions": mentions or [], "mention_roles": [],
        "mention_everyone": False, "attachments": attachments or [], "embeds": [], "pinned": False,
        "tts": False, "timestamp": TIMESTAMP, "edited_timestamp": None, "flags": 0, "components": [],
    }
    if guild:
        data["guild_id"] = GUILD_ID
        data["member"] = {"roles": [], "joined_at": TIMESTAMP, "deaf": False, "mute": False, "flags": 0}
    if reply_to is not None:
        data["message_reference"] = {"message_id": reply_to["id"], "channel_id": CHANNEL_ID,
                                     "guild_id": GUILD_ID}
        data["referenced_message"] = reply_to
    return data


def guild() -> dict[str, Any]:
    return {
        "id": GUILD_ID, "name": "Metro desk", "icon": None, "owner_id": REPORTER_ID,
        "unavailable": False, "member_count": 3, "large": False, "features": [], "emojis": [],
        "stickers": [], "threads": [], "members": [], "voice_states": [], "presences": [],
        "roles": [{"id": GUILD_ID, "name": "@everyone", "permissions": "2248473465835073", "position": 0,
                   "color": 0, "hoist": False, "managed": False, "mentionable": False, "flags": 0},
                  # the role Discord creates for a bot when it joins a server
                  {"id": BOT_ROLE_ID, "name": "deskcheck", "permissions": "277025474560", "position": 1,
                   "color": 0, "hoist": False, "managed": True, "mentionable": False, "flags": 0,
                   "tags": {"bot_id": BOT_ID}}],
        "channels": [{"id": CHANNEL_ID, "type": 0, "name": "verification", "position": 0,
                      "guild_id": GUILD_ID, "permission_overwrites": [], "nsfw": False,
                      "parent_id": None, "topic": None, "last_message_id": None}],
        "joined_at": TIMESTAMP, "verification_level": 0, "default_message_notifications": 0,
        "explicit_content_filter": 0, "mfa_level": 0, "premium_tier": 0, "system_channel_flags": 0,
        "preferred_locale": "en-US", "nsfw_level": 0, "premium_progress_bar_enabled": False,
    }


def interaction(name: str, *, command_type: int = 1, options: list[dict[str, Any]] | None = None,
                target: dict[str, Any] | None = None) -> dict[str, Any]:
    """An INTERACTION_CREATE for an application command (type 1 slash, type 3 message menu)."""
    data: dict[str, Any] = {"id": snowflake(), "name": name, "type": command_type}
    if options is not None:
        data["options"] = options
    if target is not None:
        data["target_id"] = target["id"]
        data["resolved"] = {"messages": {target["id"]: target}}
    return {
        "id": snowflake(), "application_id": APP_ID, "type": 2, "token": f"itoken-{snowflake()}",
        "version": 1, "guild_id": GUILD_ID, "channel_id": CHANNEL_ID,
        "channel": {"id": CHANNEL_ID, "type": 0, "name": "verification", "guild_id": GUILD_ID,
                    "position": 0, "permission_overwrites": [], "nsfw": False, "parent_id": None},
        "member": {"user": REPORTER, "roles": [], "joined_at": TIMESTAMP, "deaf": False, "mute": False,
                   "flags": 0, "permissions": "2248473465835073"},
        "data": data, "locale": "en-US", "guild_locale": "en-US", "app_permissions": "2248473465835073",
        "entitlements": [], "authorizing_integration_owners": {"0": GUILD_ID}, "context": 0,
        "attachment_size_limit": 10_485_760,
    }


OTHER_GUILD_ID = "1200000000000000002"  # a second server, whose members must not reach the first's items


def posted_message(body: dict[str, Any], message_id: str | None = None) -> dict[str, Any]:
    """The message a recorded send (a POST to a channel or a webhook) created, as Discord would hand
    it back in a later interaction: its content, embeds and components."""
    return message(body.get("content") or "", BOT_USER, message_id=message_id) | {
        "embeds": body.get("embeds") or [], "components": body.get("components") or []}


def component_interaction(custom_id: str, on_message: dict[str, Any], *, component_type: int = 2,
                          values: list[str] | None = None, guild_id: str = GUILD_ID,
                          clicker: dict[str, Any] = REPORTER) -> dict[str, Any]:
    """An INTERACTION_CREATE for a click on a message's component (type 3): a button
    (component_type 2) or a string select (3, with the chosen `values`)."""
    data: dict[str, Any] = {"custom_id": custom_id, "component_type": component_type}
    if values is not None:
        data["values"] = values
    return _on_message(3, data, on_message, guild_id, clicker)


def modal_submit(custom_id: str, fields: dict[str, str], on_message: dict[str, Any], *,
                 guild_id: str = GUILD_ID, clicker: dict[str, Any] = REPORTER) -> dict[str, Any]:
    """An INTERACTION_CREATE for a submitted form (type 5) opened from a component of `on_message`;
    `fields` maps each text input's custom_id to what was typed."""
    rows = [{"type": 1, "components": [{"type": 4, "custom_id": k, "value": v}]} for k, v in fields.items()]
    return _on_message(5, {"custom_id": custom_id, "components": rows}, on_message, guild_id, clicker)


def _on_message(kind: int, data: dict[str, Any], on_message: dict[str, Any], guild_id: str,
                clicker: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": snowflake(), "application_id": APP_ID, "type": kind, "token": f"itoken-{snowflake()}",
        "version": 1, "guild_id": guild_id, "channel_id": CHANNEL_ID, "message": on_message,
        "channel": {"id": CHANNEL_ID, "type": 0, "name": "verification", "guild_id": guild_id,
                    "position": 0, "permission_overwrites": [], "nsfw": False, "parent_id": None},
        "member": {"user": clicker, "roles": [], "joined_at": TIMESTAMP, "deaf": False, "mute": False,
                   "flags": 0, "permissions": "2248473465835073"},
        "data": data, "locale": "en-US", "guild_locale": "en-US", "app_permissions": "2248473465835073",
        "entitlements": [], "authorizing_integration_owners": {"0": guild_id}, "context": 0,
        "attachment_size_limit": 10_485_760,
    }


@dataclass
class Recorded:
    method: str
    path: str
    query: dict[str, str]
    body: Any
    headers: dict[str, str] = field(default_factory=dict)


class FakeDiscord:
    """Serve with `async with FakeDiscord() as fake:`; then `fake.dispatch(...)` and read `fake.requests`."""

    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self.identify: dict[str, Any] | None = None
        self.messages: dict[str, dict[str, Any]] = {}  # what GET /channels/{c}/messages/{m} returns
        self.files: dict[str, bytes] = {}  # attachments, served as Discord's CDN would
        self.port = 0
        self._ws: web.WebSocketResponse | None = None
        self._ready = asyncio.Event()
        self.close_codes: list[int | None] = []  # how each gateway connection ended
        self.heartbeats = 0  # heartbeats the client sent
        self.hung_up = asyncio.Event()
        self._seq = 0
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    async def __aenter__(self) -> FakeDiscord:
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_get("/attachments/{name}", self._file)
        app.router.add_route("*", "/api/v10/{tail:.*}", self._api)
        self._runner = web.AppRunner(app, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._ws is not None and not self._ws.closed:
            await self._ws.close()
        assert self._runner is not None
        await self._runner.cleanup()

    # -- the gateway ---------------------------------------------------------------------------

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._ws = ws
        await ws.send_json({"op": 10, "d": {"heartbeat_interval": 41_250}, "s": None, "t": None})
        async for frame in ws:
            if frame.type != WSMsgType.TEXT:
                break
            payload = json.loads(frame.data)
            if payload["op"] == 1:  # heartbeat
                self.heartbeats += 1
                async with self._changed:
                    self._changed.notify_all()
                await ws.send_json({"op": 11, "d": None, "s": None, "t": None})
            elif payload["op"] == 2:  # identify
                self.identify = payload["d"]
                await self._hello_world()
        self.close_codes.append(ws.close_code)
        self.hung_up.set()
        return ws

    async def _hello_world(self) -> None:
        ready = {"v": 10, "user": BOT_USER, "guilds": [{"id": GUILD_ID, "unavailable": True}],
                 "session_id": "fake-session", "resume_gateway_url": self.gateway_url,
                 "application": {"id": APP_ID, "flags": 0}, "shard": [0, 1]}
        await self.dispatch("READY", ready)
        await self.dispatch("GUILD_CREATE", guild())
        self._ready.set()

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        assert self._ws is not None, "no client connected"
        self._seq += 1
        await self._ws.send_json({"op": 0, "t": event, "s": self._seq, "d": data})

    async def heartbeat_answered(self, timeout: float = 30) -> None:
        """Ask for a heartbeat now (op 1, as Discord may) and wait for the client to send it."""
        assert self._ws is not None, "no client connected"
        before = self.heartbeats
        await self._ws.send_json({"op": 1, "d": self._seq, "s": None, "t": None})

        async def beat() -> None:
            async with self._changed:
                await self._changed.wait_for(lambda: self.heartbeats > before)
        await asyncio.wait_for(beat(), timeout)

    async def connected(self, timeout: float = 10) -> None:
        await asyncio.wait_for(self._ready.wait(), timeout)

    def attachment(self, filename: str, data: bytes, content_type: str = "text/plain; charset=utf-8",
                   size: int | None = None) -> dict[str, Any]:
        """An attachment payload whose URL this fake serves (Discord's CDN, here on loopback)."""
        name = f"{snowflake()}-{filename}"
        self.files[name] = data
        url = f"http://127.0.0.1:{self.port}/attachments/{name}"
        return {"id": snowflake(), "filename": filename, "size": len(data) if size is None else size,
                "url": url, "proxy_url": url, "content_type": content_type}

    async def _file(self, request: web.Request) -> web.Response:
        data = self.files.get(request.match_info["name"])
        return web.Response(body=data) if data is not None else web.Response(status=404)

    # -- the HTTP API --------------------------------------------------------------------------

    async def _api(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["tail"]
        raw = await request.read()
        body = json.loads(raw) if raw and request.content_type == "application/json" else None
        if raw and body is None and request.content_type.startswith("multipart"):
            body = {"multipart": True}
        self.requests.append(Recorded(request.method, path, dict(request.query), body,
                                      {k: v for k, v in request.headers.items() if k == "Authorization"}))
        async with self._changed:
            self._changed.notify_all()
        if request.headers.get("Authorization") == f"Bot {REFUSED_TOKEN}":
            status, answer = 401, {"message": "401: Unauthorized", "code": 0}
        else:
            status, answer = self._answer(request.method, path, body)
        if status == 204:
            return web.Response(status=204)
        # discord.py parses JSON only under exactly this content type, without a charset.
        return web.Response(status=status, body=json.dumps(answer).encode(),
                            headers={"Content-Type": "application/json"})

    def _answer(self, method: str, path: str, body: Any) -> tuple[int, Any]:
        parts = path.strip("/").split("/")
        if (method, path) == ("GET", "/users/@me"):
            return 200, BOT_USER
        if (method, path) == ("GET", "/oauth2/applications/@me"):
            return 200, {"id": APP_ID, "name": "deskcheck", "description": "", "icon": None,
                         "bot_public": False, "bot_require_code_grant": False, "owner": REPORTER,
                         "verify_key": "0" * 64, "flags": 0}
        if method == "PUT" and parts[0] == "applications" and parts[-1] == "commands":
            # Discord answers with each command filled in: ids, and "" descriptions for menus.
            return 200, [{"description": "", "options": [], "nsfw": False, **c, "id": snowflake(),
                          "application_id": APP_ID, "version": "1", "default_member_permissions": None}
                         for c in body]
        if method == "POST" and parts[0] == "channels" and parts[-1] == "typing":
            return 204, None
        if method == "POST" and parts[0] == "channels" and parts[-1] == "messages":
            return 200, message(body.get("content") or "", BOT_USER) | {"embeds": body.get("embeds", [])}
        if method == "GET" and parts[0] == "channels" and len(parts) == 4 and parts[3] in self.messages:
            return 200, self.messages[parts[3]]
        if method == "POST" and parts[0] == "interactions" and parts[-1] == "callback":
            return 200, {"interaction": {"id": parts[1], "type": 2, "response_message_loading": True}}
        if method in ("POST", "PATCH") and parts[0] == "webhooks":
            return 200, message((body or {}).get("content") or "", BOT_USER, guild=False)
        return 404, {"message": f"the fake has no {method} {path}", "code": 0}

    # -- what the tests read ---------------------------------------------------------------------

    def sent(self, method: str, prefix: str) -> list[Recorded]:
        return [r for r in self.requests if r.method == method and r.path.startswith(prefix)]

    async def wait_for(self, predicate: Callable[[Recorded], bool], timeout: float = 60) -> Recorded:
        """The first recorded request matching `predicate`, waiting for it if need be."""
        async def first() -> Recorded:
            async with self._changed:
                while True:
                    for r in self.requests:
                        if predicate(r):
                            return r
                    await self._changed.wait()
        return await asyncio.wait_for(first(), timeout)


@contextlib.contextmanager
def pointed_at(fake: FakeDiscord) -> Iterator[None]:
    """discord.py's two hard-wired addresses, the REST base and the gateway, aimed at the fake."""
    old_base, old_gateway = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    Route.BASE = fake.api_base
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(fake.gateway_url)
    try:
        yield
    finally:
        Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = old_base, old_gateway
