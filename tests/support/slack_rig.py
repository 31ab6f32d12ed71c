"""What the Slack app's tests share: the real bolt App behind the real server, on a fake Slack.

`serving` starts a fresh app on 127.0.0.1; `Rig` is one running app with a hold on its checks
(conftest.py's `rig` fixture gives each test one).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx

from bot.service import Outcome, Requester, run_check
from bot.settings import Settings
from bot.slack import SlackServer, build_app
from bot.slack.app import CHECK_WORKERS
from bot.slack.server import EVENTS_PATH
from support.fake_slack import SIGNING_SECRET, FakeSlack, command_body, signed_headers

__all__ = ["BOT_TOKEN", "FORM", "Rig", "running_rig", "serving", "token_settings"]

BOT_TOKEN = "xoxb-0000-test-token-never-logged"
FORM = "application/x-www-form-urlencoded"


@dataclass
class Rig:
    """One running app: its URL, the fake Slack it talks to, and a hold on the checks."""

    fake: FakeSlack
    url: str
    gate: threading.Event = field(default_factory=threading.Event)
    answer: Outcome | None = None  # a built report to return instead of the real check
    asked: list[tuple[str, Requester]] = field(default_factory=list)
    finished: list[str] = field(default_factory=list)

    def check(self, raw: str, who: Requester) -> Outcome:
        self.asked.append((raw, who))
        self.gate.wait(timeout=60)
        outcome = self.answer or run_check(raw, who)
        self.finished.append(raw)
        return outcome

    def send(self, body: str, content_type: str = FORM, **sign: Any) -> httpx.Response:
        headers = signed_headers(body, content_type=content_type, **sign)
        return httpx.post(self.url, content=body.encode(), headers=headers, timeout=30)

    def command(self, text: str, **kw: Any) -> httpx.Response:
        return self.send(command_body(text, response_url=self.fake.response_url(), **kw))


def token_settings(fake: FakeSlack) -> Settings:
    """One workspace (a bot token) against the fake Slack, the history in the test database."""
    return Settings(slack_bot_token=BOT_TOKEN, slack_signing_secret=SIGNING_SECRET,
                    slack_api_url=fake.url, database_url=os.environ["DATABASE_URL"])


@contextmanager
def serving(settings: Settings, check: Any, threads: int = CHECK_WORKERS) -> Iterator[str]:
    """A fresh app (its own memory) behind a real server on 127.0.0.1: its base URL."""
    server = SlackServer(build_app(settings, check=check, threads=threads), host="127.0.0.1", port=0)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.port}"
    finally:
        server.stop()
        thread.join(timeout=10)
        assert not thread.is_alive()


@contextmanager
def running_rig() -> Iterator[Rig]:
    """A Rig with its gate open, on a fresh app and fake Slack: conftest.py's `rig` fixture."""
    with FakeSlack() as fake:
        rig = Rig(fake=fake, url="")
        rig.gate.set()
        # One worker: checks run in arrival order, so a later delivery's post proves an earlier one's absence.
        with serving(token_settings(fake), rig.check, threads=1) as base:
            rig.url = base + EVENTS_PATH
            try:
                yield rig
            finally:
                rig.gate.set()
