"""A workspace id over 100 characters is stored under its key (storage.models.workspace_key):
the digest finds that workspace's checks, keeps its channel and posts its week once.

SQLite always; PostgreSQL, which refuses a value longer than the column, when
DESKCHECK_TEST_POSTGRES_URL is set (tests/support/history.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from support.digest_fakes import SlackWithFiles
from support.history import fresh_database

from bot.digest import Week, build_digest, digest_targets, post_week, set_digest_channel
from bot.settings import Settings
from checks.models import Article, InputInfo, Report
from storage import CheckEvent, Store, open_store

LONG_DESK = "T" + "7" * 149  # 150 characters
# The same first 120 characters: a plain cut of the id would make the two one workspace.
NEIGHBOUR_DESK = LONG_DESK[:120] + "8" * 30
CHANNEL = "C0LONGDESK"


class LongTeamSlack(SlackWithFiles):
    """The fake Slack, whose bot token belongs to the team with the long id."""

    def _answer(self, method: str, payload: dict[str, Any]) -> tuple[int, dict[str, Any], dict[str, str]]:
        if method == "auth.test":
            return 200, {"ok": True, "team": "Long desk", "team_id": LONG_DESK, "user_id": "U0BOT"}, {}
        return super()._answer(method, payload)


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    with fresh_database(request.param, tmp_path) as url:
        yield open_store(url)


def check(store: Store, workspace: str, title: str) -> str:
    """Record one check of an article titled `title`; returns its item label."""
    text = f"{title}\n\nThe council met on Tuesday and voted on the harbour budget."
    report = Report(article=Article(title=title),
                    input=InputInfo(sha256=hashlib.sha256(text.encode()).hexdigest()))
    history = store.record(report, text, CheckEvent(platform="slack", workspace=workspace, user="U0AMIRA"))
    return history.item


def week_after(week: Week) -> dt.datetime:
    """An instant just after the week's end, when its digest is due."""
    return dt.datetime.combine(week.sunday + dt.timedelta(days=1), dt.time(1), tzinfo=dt.UTC)


def test_a_150_character_workspace_gets_a_digest_of_its_own_item(store: Store) -> None:
    title = "Harbour budget passes on a late vote"
    item = check(store, LONG_DESK, title)
    check(store, NEIGHBOUR_DESK, "The neighbouring desk's story")
    week = Week.of(dt.datetime.now(dt.UTC).date())
    digest = build_digest(store, LONG_DESK, week, now=week_after(week))
    assert [(f.item, f.title) for f in digest.most_checked] == [(item, title)]
    assert (digest.totals.checks, digest.totals.items) == (1, 1)


def test_a_150_character_workspace_sets_its_channel_and_its_week_is_posted_once(store: Store) -> None:
    check(store, LONG_DESK, "Harbour budget passes on a late vote")
    set_digest_channel(store, LONG_DESK, "slack", CHANNEL)
    week = Week.of(dt.datetime.now(dt.UTC).date())
    with LongTeamSlack() as fake:
        settings = dataclasses.replace(Settings(), slack_bot_token="xoxb-long", slack_api_url=fake.url)
        [target] = digest_targets(store, settings)
        first = post_week(store, settings, week, now=week_after(week))
        again = post_week(store, settings, week, now=week_after(week))
        posted = fake.of("chat.postMessage")
    assert (target.platform, target.channel) == ("slack", CHANNEL)
    assert [r.status for r in first] == ["posted"], [r.reason for r in first]
    assert [r.status for r in again] == ["already posted"]
    [message] = posted
    assert message.payload["channel"] == CHANNEL
    assert "1 check of 1 item by 1 person" in json.dumps(message.payload["blocks"])
