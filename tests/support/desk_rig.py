"""The desk's Slack controls under test (tests/test_slack_desk.py, bench/desk_update.py).

`desk_app` runs the real bolt App behind the real server on 127.0.0.1 against the fake Slack; its
checks record a built report in a real database (no spaCy), so a report carries a history item and
the controls. `DeskRig` sends what Slack sends when someone uses them: signed `block_actions` and
`view_submission` requests built from the message the app posted.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx

from bot.render.slack_desk import (
    ASSIGN_ACTION,
    DESK_BLOCK,
    NOTE_ACTION,
    NOTE_BLOCK,
    NOTE_INPUT,
    NOTE_STATUS_BLOCK,
    NOTE_STATUS_INPUT,
    STATUS_ACTION,
)
from bot.service import Outcome, Requester
from bot.settings import Settings
from bot.slack.server import EVENTS_PATH
from checks import Report
from storage import open_store
from support.fake_slack import SIGNING_SECRET, FakeSlack, command_body, interactive_body, signed_headers
from support.reports import newsroom_report
from support.slack_rig import BOT_TOKEN, FORM, serving

__all__ = ["DeskRig", "control_block", "desk_app", "desk_settings", "posted", "shown"]

TEAM = "T0NEWS"
_CLICKS = itertools.count(1)


def desk_settings(fake: FakeSlack, database_url: str, **extra: Any) -> Settings:
    return Settings(slack_bot_token=BOT_TOKEN, slack_signing_secret=SIGNING_SECRET, slack_api_url=fake.url,
                    database_url=database_url, **extra)


@dataclass
class DeskRig:
    """One running app on a fake Slack, its history in `database_url`."""

    fake: FakeSlack
    url: str
    database_url: str
    report: Report = field(default_factory=lambda: dataclasses.replace(newsroom_report(), history=None))
    # One client for every request: a new one per request builds a TLS context, most of a request's time.
    http: httpx.Client = field(default_factory=lambda: httpx.Client(timeout=30))

    def check(self, raw: str, who: Requester) -> Outcome:
        """The service's last step, for real: the built report recorded in the workspace's history."""
        history = open_store(self.database_url).record(self.report, raw, who)
        return Outcome(report=dataclasses.replace(self.report, history=history))

    def send(self, body: str, url: str | None = None, **sign: Any) -> httpx.Response:
        headers = signed_headers(body, content_type=FORM, **sign)
        return self.http.post(url or self.url, content=body.encode(), headers=headers)

    def command(self, text: str, *, channel: str = "C0DESK", user: str = "U0REPORTER") -> httpx.Response:
        reply_to = self.fake.response_url()
        return self.send(command_body(text, response_url=reply_to, channel=channel, user=user))

    # ---- the controls on a posted report
    def click(self, blocks: list[dict[str, Any]], text: str, action_id: str, *, user: str = "U0EDITOR",
              team: str = TEAM, channel: str = "C0DESK", ts: str = "1764000000.000001",
              url: str | None = None, **choice: Any) -> httpx.Response:
        """Slack's block_actions for a control of the message (`blocks`, `text`), as `user` of `team`."""
        return self.send(interactive_body(self.click_payload(blocks, text, action_id, user=user, team=team,
                                                             channel=channel, ts=ts, **choice)), url)

    def click_payload(self, blocks: list[dict[str, Any]], text: str, action_id: str, *,
                      user: str = "U0EDITOR", team: str = TEAM, channel: str = "C0DESK",
                      ts: str = "1764000000.000001", **choice: Any) -> dict[str, Any]:
        block, element = next((b, e) for b in blocks if b["type"] == "actions"
                              for e in b["elements"] if e["action_id"] == action_id)
        n = next(_CLICKS)
        action = {"action_id": action_id, "block_id": block.get("block_id", "b"), "type": element["type"],
                  "action_ts": f"1764000500.{n:06d}", **choice}
        return {"type": "block_actions", "trigger_id": f"{n}.738474920.desk", "team": {"id": team},
                "user": {"id": user, "team_id": team}, "api_app_id": "A0DESK", "token": "legacy-unused",
                "container": {"type": "message", "message_ts": ts, "channel_id": channel,
                              "is_ephemeral": False},
                "channel": {"id": channel, "name": "desk"}, "response_url": self.fake.response_url("click"),
                "message": {"type": "message", "ts": ts, "text": text, "blocks": blocks, "bot_id": "B0DESK"},
                "actions": [action]}

    def choose_status(self, blocks: list[dict[str, Any]], text: str, status: str,
                      **kw: Any) -> httpx.Response:
        option = {"text": {"type": "plain_text", "text": status}, "value": status}
        return self.click(blocks, text, STATUS_ACTION, selected_option=option, **kw)

    def assign_to_me(self, blocks: list[dict[str, Any]], text: str, **kw: Any) -> httpx.Response:
        return self.click(blocks, text, ASSIGN_ACTION, value="me", **kw)

    def add_note(self, blocks: list[dict[str, Any]], text: str, **kw: Any) -> httpx.Response:
        return self.click(blocks, text, NOTE_ACTION, value="note", **kw)

    def submission(self, view: dict[str, Any], note: str, status: str | None = None, *,
                   user: str = "U0EDITOR", team: str = TEAM, view_id: str = "V0NOTE1") -> str:
        """Slack's view_submission of the note modal `view` (as views.open received it)."""
        chosen = {"text": {"type": "plain_text", "text": status}, "value": status} if status else None
        values = {NOTE_BLOCK: {NOTE_INPUT: {"type": "plain_text_input", "value": note}},
                  NOTE_STATUS_BLOCK: {NOTE_STATUS_INPUT: {"type": "static_select",
                                                          "selected_option": chosen}}}
        return interactive_body({
            "type": "view_submission", "team": {"id": team}, "user": {"id": user, "team_id": team},
            "api_app_id": "A0DESK", "token": "legacy-unused", "trigger_id": f"{view_id}.738474920.submit",
            "view": {"id": view_id, "type": "modal", "callback_id": view["callback_id"],
                     "private_metadata": view.get("private_metadata", ""), "hash": "1764000600.abc",
                     "state": {"values": values}}})


def control_block(blocks: list[dict[str, Any]]) -> dict[str, Any]:
    return next(b for b in blocks if str(b.get("block_id", "")).startswith(DESK_BLOCK + "/"))


def posted(call: Any) -> tuple[list[dict[str, Any]], str]:
    """A recorded chat.postMessage / chat.update: its blocks and its text."""
    return list(call.payload["blocks"]), str(call.payload["text"])


def shown(call: Any) -> str:
    return json.dumps(call.payload.get("blocks"), ensure_ascii=False)


@contextmanager
def desk_app(database_url: str, **settings: Any) -> Iterator[DeskRig]:
    """A fresh app and fake Slack; `settings` adds to the app's Settings (secret_key, public_url)."""
    with FakeSlack() as fake:
        rig = DeskRig(fake=fake, url="", database_url=database_url)
        with serving(desk_settings(fake, database_url, **settings), rig.check, threads=2) as base:
            rig.url = base + EVENTS_PATH
            with rig.http:
                yield rig
