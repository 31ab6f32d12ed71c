"""The Slack web process faces the whole internet: strangers' requests make it do nothing and hold little.

The real server and bolt App, a fake Slack Web API on 127.0.0.1, and a second loopback server playing
the attacker whose address an unsigned request names as its `response_url`.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import logging
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from slack_bolt import BoltRequest
from slack_bolt.context.respond import Respond
from slack_sdk import WebClient
from support.fake_slack import (
    SIGNING_SECRET,
    FakeSlack,
    command_body,
    interactive_body,
    mention_body,
    shortcut_payload,
    signed_headers,
)

from bot.service import Outcome, Requester
from bot.settings import Settings
from bot.slack import SlackServer, build_app
from bot.slack.handlers import Desk
from bot.slack.server import EVENTS_PATH, MAX_BODY_BYTES

BOT_TOKEN = "xoxb-0000-test-token-never-logged"
FORM = "application/x-www-form-urlencoded"
# Worker threads answer after the ack: anything a request set off has reached the fakes by then.
SETTLE_SECONDS = 1.0
# A loaded 2-core machine: what a deadline may take beyond itself before the test calls it unenforced.
MARGIN_SECONDS = 8.0
STALLED = 40


@dataclass
class Rig:
    fake: FakeSlack
    attacker: FakeSlack
    url: str = ""
    port: int = 0
    server: SlackServer | None = None
    asked: list[str] = field(default_factory=list)
    answer: Outcome = field(default_factory=lambda: Outcome(error="the text is not in English"))

    def check(self, raw: str, who: Requester) -> Outcome:
        self.asked.append(raw)
        return self.answer

    def wait_reading(self, count: int, timeout: float = 30.0) -> None:
        """Until the server reads exactly `count` bodies (a loaded machine takes its time to start)."""
        give_up = time.monotonic() + timeout
        while self.server is None or self.server.reading != count:
            assert time.monotonic() < give_up, f"still {self.server and self.server.reading} bodies read"
            time.sleep(0.02)

    def slack_calls(self) -> list[str]:
        """What the app asked of Slack after starting (auth.test is its start-up check)."""
        return [c.method for c in self.fake.calls if c.method != "auth.test"]


def settings_for(fake: FakeSlack) -> Settings:
    return Settings(slack_bot_token=BOT_TOKEN, slack_signing_secret=SIGNING_SECRET, slack_api_url=fake.url,
                    database_url=os.environ["DATABASE_URL"])


@contextmanager
def serving(rig: Rig, **limits: Any) -> Iterator[Rig]:
    app = build_app(settings_for(rig.fake), check=rig.check, threads=1)
    rig.server = server = SlackServer(app, host="127.0.0.1", port=0, **limits)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    rig.port, rig.url = server.port, f"http://127.0.0.1:{server.port}{EVENTS_PATH}"
    try:
        yield rig
    finally:
        server.stop()
        thread.join(timeout=15)


@pytest.fixture()
def fakes() -> Iterator[Rig]:
    with FakeSlack() as fake, FakeSlack() as attacker:
        yield Rig(fake=fake, attacker=attacker)


@pytest.fixture()
def rig(fakes: Rig) -> Iterator[Rig]:
    with serving(fakes) as running:
        yield running


def sign_bytes(body: bytes, content_type: str, timestamp: str | None = None) -> dict[str, str]:
    ts = timestamp or str(int(time.time()))
    digest = hmac.new(SIGNING_SECRET.encode(), b"v0:" + ts.encode() + b":" + body, hashlib.sha256).hexdigest()
    return {"Content-Type": content_type, "X-Slack-Request-Timestamp": ts,
            "X-Slack-Signature": f"v0={digest}"}


def no_tracebacks(caplog: pytest.LogCaptureFixture) -> None:
    assert not [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR], caplog.text
    assert "Traceback" not in caplog.text


# ---- 1. an unsigned request makes the bot do nothing

BAD_TIMESTAMPS = ["abc", "1e99", "", None, "99999999999999999999999", "-1764000000", "١٧٦٤٠٠٠٠٠٠", "0x69",
                  "1764000000.5", "stale", "future"]
AGE_LIMIT_SECONDS = 300  # Slack's advice: a request more than five minutes from now is a replay


def timestamp_value(name: str) -> str:
    shift = {"stale": -AGE_LIMIT_SECONDS - 5, "future": AGE_LIMIT_SECONDS + 5}.get(name)
    return name if shift is None else str(int(time.time()) + shift)


def stranger_bodies(rig: Rig) -> list[tuple[str, str]]:
    """A /check, a message shortcut and a mention, each naming the attacker where a body can."""
    attacker = rig.attacker.response_url("stolen")
    return [(command_body("Council delays bridge closure", response_url=attacker), FORM),
            (interactive_body(shortcut_payload("see this", response_url=attacker)), FORM),
            (mention_body("<@U0DESKBOT> help"), "application/json")]


def post_raw(port: int, headers: dict[str, str], body: bytes) -> int:
    """A POST written by hand, header bytes as given (UTF-8), so no client tidies them: its status."""
    head = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
    with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
        connection.sendall(f"POST {EVENTS_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                           f"Content-Length: {len(body)}\r\n{head}\r\n".encode() + body)
        received, _ = answer_and_close(connection, timeout=30)
    return int(received.split(b" ", 2)[1])


@pytest.mark.parametrize("timestamp", BAD_TIMESTAMPS, ids=lambda t: repr(t))
def test_a_request_with_a_malformed_or_stale_timestamp_is_refused_401_and_nothing_is_sent(
        rig: Rig, caplog: pytest.LogCaptureFixture, timestamp: str | None) -> None:
    with caplog.at_level(logging.INFO):
        for body, kind in stranger_bodies(rig):
            headers = signed_headers(body, content_type=kind)
            if timestamp is None:
                del headers["X-Slack-Request-Timestamp"]
            else:
                headers["X-Slack-Request-Timestamp"] = timestamp_value(timestamp)
            assert post_raw(rig.port, headers, body.encode()) == 401
        time.sleep(SETTLE_SECONDS)
    assert rig.attacker.calls == [] and rig.slack_calls() == [] and rig.asked == []
    no_tracebacks(caplog)


@pytest.mark.parametrize("signature", [None, "", "v0=", "v1=abc", "v0=" + "0" * 64, "v0=" + "g" * 64])
def test_a_request_with_a_missing_or_wrong_signature_is_refused_401_and_nothing_is_sent(
        rig: Rig, caplog: pytest.LogCaptureFixture, signature: str | None) -> None:
    with caplog.at_level(logging.INFO):
        for body, kind in stranger_bodies(rig):
            headers = signed_headers(body, content_type=kind)
            if signature is None:
                del headers["X-Slack-Signature"]
            else:
                headers["X-Slack-Signature"] = signature
            assert httpx.post(rig.url, content=body.encode(), headers=headers, timeout=30).status_code == 401
        time.sleep(SETTLE_SECONDS)
    assert rig.attacker.calls == [] and rig.slack_calls() == [] and rig.asked == []
    no_tracebacks(caplog)


MALFORMED = {
    "payload-not-json": b"payload=%7Bnot+json",
    "payload-a-list": b"payload=%5B1%5D",
    "payload-nested-deep": b"payload=" + b"%5B" * 200_000,
    "payload-twice-encoded": b"payload=" + json.dumps(json.dumps({"type": "block_actions"})).encode(),
    "not-utf8": b"command=%2Fcheck&text=\xff\xfe\xfd",
}
MALFORMED_JSON = {"json-a-list": b"[1, 2]", "json-cut-short": b'{"type": "event_callback", ',
                  "json-nested-deep": b'{"event": ' + b"[" * 200_000 + b"}",
                  "json-not-utf8": b'{"a": "\xff"}'}


@pytest.mark.parametrize("name", [*MALFORMED, *MALFORMED_JSON])
def test_a_signed_request_whose_body_slack_would_never_send_is_answered_400(
        rig: Rig, caplog: pytest.LogCaptureFixture, name: str) -> None:
    body, kind = (MALFORMED[name], FORM) if name in MALFORMED else (MALFORMED_JSON[name], "application/json")
    with caplog.at_level(logging.INFO):
        answer = httpx.post(rig.url, content=body, headers=sign_bytes(body, kind), timeout=30)
        time.sleep(SETTLE_SECONDS / 2)
    assert answer.status_code == 400
    assert rig.slack_calls() == [] and rig.asked == []
    no_tracebacks(caplog)


def test_a_signed_request_naming_a_foreign_response_url_is_answered_through_slack_not_there(rig: Rig) -> None:
    body = command_body("Le Premier ministre a déclaré mardi…", response_url=rig.attacker.response_url("x"))
    answer = httpx.post(rig.url, content=body.encode(), headers=signed_headers(body, content_type=FORM))
    assert answer.status_code == 200
    [told] = rig.fake.wait_for("chat.postEphemeral")
    assert told.payload["user"] == "U0REPORTER" and "not in English" in told.payload["text"]
    time.sleep(SETTLE_SECONDS)
    assert rig.attacker.calls == []


def test_the_app_served_without_deskcheck_s_server_acts_on_no_unsigned_request(fakes: Rig) -> None:
    # Bolt's own verification is off (the server verifies first): the App itself must still fail closed.
    app = build_app(settings_for(fakes.fake), check=fakes.check, threads=1)
    for body, kind in stranger_bodies(fakes):
        headers = {"content-type": kind, "x-slack-request-timestamp": "abc", "x-slack-signature": "v0=00"}
        assert app.dispatch(BoltRequest(body=body, headers=headers)).status == 401
        headers["x-slack-request-timestamp"] = str(int(time.time()))
        assert app.dispatch(BoltRequest(body=body, headers=headers)).status == 401
    time.sleep(SETTLE_SECONDS)
    assert fakes.attacker.calls == [] and fakes.slack_calls() == [] and fakes.asked == []


def test_the_error_handler_answers_no_request_that_was_not_verified(fakes: Rig) -> None:
    desk = Desk(check=fakes.check, settings=settings_for(fakes.fake))
    body = command_body("text", response_url=fakes.attacker.response_url())
    request = BoltRequest(body=body, headers={"content-type": FORM, "x-slack-request-timestamp": "abc"})
    client = WebClient(token=BOT_TOKEN, base_url=fakes.fake.url)
    desk.on_error(error=ValueError("invalid literal for int()"), body=request.body, request=request,
                  client=client, respond=Respond(response_url=fakes.attacker.response_url()))
    assert fakes.attacker.calls == [] and fakes.slack_calls() == []


# ---- 2. strangers cannot hold the server's memory or its attention

def stall(port: int, declared: int, sent: bytes = b"text=", timestamp: str | None = None) -> socket.socket:
    """An upload that declares `declared` bytes, sends `sent`, and then sends nothing more."""
    connection = socket.create_connection(("127.0.0.1", port), timeout=30)
    head = (f"POST {EVENTS_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {FORM}\r\n"
            f"Content-Length: {declared}\r\nX-Slack-Request-Timestamp: {timestamp or int(time.time())}\r\n"
            f"X-Slack-Signature: v0={'ab' * 32}\r\n\r\n")
    with contextlib.suppress(OSError):  # refused and closed before all of it was read: as it should be
        connection.sendall(head.encode() + sent)
    return connection


def answer_and_close(connection: socket.socket, timeout: float) -> tuple[bytes, float]:
    """What the server said before closing, and when it closed (monotonic); raises if it never does."""
    connection.settimeout(timeout)
    received = b""
    try:
        while chunk := connection.recv(65536):
            received += chunk
    except ConnectionResetError:
        pass
    return received, time.monotonic()


def test_stalled_uploads_are_answered_408_and_closed_at_the_deadline_while_signed_checks_go_through(
        fakes: Rig) -> None:
    deadline = 4.0
    with serving(fakes, read_timeout=deadline) as rig:
        started = time.monotonic()
        held = [stall(rig.port, MAX_BODY_BYTES) for _ in range(STALLED)]
        rig.wait_reading(STALLED)
        body = command_body("Council delays bridge closure", response_url=rig.fake.response_url())
        ack = httpx.post(rig.url, content=body.encode(), headers=signed_headers(body, content_type=FORM))
        assert ack.status_code == 200 and "Checking" in ack.text
        assert rig.server is not None and rig.server.reading == STALLED  # acknowledged while all are held
        for connection in held:
            received, closed_at = answer_and_close(connection, timeout=deadline + MARGIN_SECONDS)
            assert received.startswith(b"HTTP/1.1 408 ")
            assert closed_at - started < deadline + MARGIN_SECONDS
            connection.close()
        rig.fake.wait_for("response_url")


def test_beyond_the_cap_on_bodies_being_read_a_request_is_refused_503_at_once(fakes: Rig) -> None:
    with serving(fakes, max_reading=4, read_timeout=30.0) as rig:
        held = [stall(rig.port, MAX_BODY_BYTES) for _ in range(4)]
        rig.wait_reading(4)
        one_more = stall(rig.port, MAX_BODY_BYTES)
        received, _ = answer_and_close(one_more, timeout=5)
        assert received.startswith(b"HTTP/1.1 503 ")
        for connection in [*held, one_more]:
            connection.close()
        rig.wait_reading(0)  # their slots are free again
        body = command_body("help", response_url=rig.fake.response_url())
        assert httpx.post(rig.url, content=body.encode(),
                          headers=signed_headers(body, content_type=FORM)).status_code == 200


def test_a_body_declared_over_the_limit_is_refused_413_without_being_read(rig: Rig) -> None:
    connection = stall(rig.port, MAX_BODY_BYTES + 1)
    received, _ = answer_and_close(connection, timeout=5)
    assert received.startswith(b"HTTP/1.1 413 ")


def rss_kb(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(next(line for line in status.splitlines() if line.startswith("VmRSS:")).split()[1])


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads RSS from /proc")
def test_strangers_uploading_large_bodies_do_not_grow_the_server_s_memory(fakes: Rig) -> None:
    # 40 uploads each declare 6 MB (under the old 8 MB limit) and push 2 MB before stalling: 80 MB
    # the old server buffered. Now a declared length over MAX_BODY_BYTES is refused before anything is
    # read, so each may cost at most uvicorn's 64 KB read buffer and its socket: 40 × 64 KB = 2.5 MB.
    # The bound asserted, 24 MB, leaves room for the allocator and the connections themselves.
    script = Path(__file__).resolve().parent / "support" / "slack_server_process.py"
    server = subprocess.Popen([sys.executable, str(script), fakes.fake.url], stdout=subprocess.PIPE)
    try:
        assert server.stdout is not None
        port = int(server.stdout.readline())
        body = command_body("help", response_url=fakes.fake.response_url())
        url = f"http://127.0.0.1:{port}{EVENTS_PATH}"
        signed = signed_headers(body, content_type=FORM)
        assert httpx.post(url, content=body.encode(), headers=signed).is_success
        before = rss_kb(server.pid)
        pushed = b"text=" + b"x" * (2 * 1024 * 1024)
        held = [stall(port, 6 * 1024 * 1024, pushed) for _ in range(STALLED)]
        time.sleep(1.0)
        grown_mb = (rss_kb(server.pid) - before) / 1024
        ack = httpx.post(url, content=body.encode(), headers=signed_headers(body, content_type=FORM))
        assert ack.status_code == 200
        assert grown_mb < 24, f"the server grew by {grown_mb:.0f} MB"
        for connection in held:
            connection.close()
    finally:
        server.terminate()
        server.wait(timeout=15)


def test_a_header_block_over_the_limit_is_refused_and_the_connection_closed(rig: Rig) -> None:
    connection = socket.create_connection(("127.0.0.1", rig.port), timeout=10)
    connection.sendall(f"POST {EVENTS_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: ".encode())
    refused = False
    try:
        for _ in range(64):  # 64 MB, if nothing stops it
            connection.sendall(b"a" * (1024 * 1024))
    except OSError:
        refused = True
    if not refused:
        received, _ = answer_and_close(connection, timeout=5)
        assert received.startswith(b"HTTP/1.1 431 ")
    connection.close()


def test_a_connection_that_never_finishes_its_headers_is_closed_at_the_deadline(fakes: Rig) -> None:
    deadline = 1.0
    with serving(fakes, header_timeout=deadline) as rig:
        started = time.monotonic()
        silent = socket.create_connection(("127.0.0.1", rig.port), timeout=10)
        slow = socket.create_connection(("127.0.0.1", rig.port), timeout=10)
        slow.sendall(f"POST {EVENTS_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\n".encode())
        for connection in (silent, slow):
            _, closed_at = answer_and_close(connection, timeout=deadline + MARGIN_SECONDS)
            assert closed_at - started < deadline + MARGIN_SECONDS
            connection.close()


def test_paths_other_than_slack_s_are_not_found_and_their_bodies_never_read(rig: Rig) -> None:
    for method, path in (("POST", "/"), ("POST", "/slack/install"), ("GET", EVENTS_PATH)):
        answer = httpx.request(method, f"http://127.0.0.1:{rig.port}{path}", content=b"x" * 1000)
        assert answer.status_code in (404, 405)
    assert rig.slack_calls() == []
