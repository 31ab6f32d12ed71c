"""Posting: the Slack and Discord payloads carry the chart, and a week goes to a channel once."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.digest_fakes import (
    DISCORD_DESK,
    SLACK_DESK,
    WEEK,
    SlackWithFiles,
    discord_in_thread,
    fill_week,
)
from support.fake_discord import CHANNEL_ID
from support.history import fresh_database

from bot.digest import Target, Week, digest_targets, post_due, post_week, set_digest_channel
from bot.settings import Settings
from storage import Store, open_store

MONDAY_AFTER = dt.datetime(2026, 11, 23, 9, 5, tzinfo=dt.UTC)  # just after the default schedule
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    with fresh_database(request.param, tmp_path) as url:
        s = open_store(url)
        fill_week(s)
        yield s


def slack_settings(fake: SlackWithFiles, **more: object) -> Settings:
    return dataclasses.replace(Settings(), slack_bot_token="xoxb-digest", slack_api_url=fake.url,
                               digest_slack_channel="C0DIGEST", **more)  # type: ignore[arg-type]


def test_slack_gets_the_digest_without_previews_and_the_chart(store: Store) -> None:
    with SlackWithFiles() as fake:
        [result] = post_due(store, slack_settings(fake), now=MONDAY_AFTER)
        assert (result.status, str(result.week), result.target.workspace) == ("posted", WEEK, SLACK_DESK)
        [message] = fake.of("chat.postMessage")
        [upload] = fake.uploads.values()
        [complete] = fake.of("files.completeUploadExternal")
    payload = message.payload
    assert payload["channel"] == "C0DIGEST"
    assert payload["unfurl_links"] is False and payload["unfurl_media"] is False
    assert payload["blocks"][0]["type"] == "header" and WEEK in payload["blocks"][0]["text"]["text"]
    assert "5 checks of 3 items by 3 people" in json.dumps(payload["blocks"])
    assert upload.startswith(PNG)
    assert complete.payload["channel_id"] == "C0DIGEST"
    assert WEEK in json.dumps(complete.payload["files"])


def test_discord_gets_one_message_with_the_chart_and_no_pings(store: Store) -> None:
    settings = dataclasses.replace(Settings(), discord_token="digest-token",
                                   digest_discord_channel=CHANNEL_ID)
    with discord_in_thread() as fake:
        [result] = post_due(store, settings, now=MONDAY_AFTER)
        sent = [body for method, path, body in fake.raw
                if method == "POST" and path.endswith(f"/channels/{CHANNEL_ID}/messages")]
    assert result.status == "posted" and result.target.workspace == DISCORD_DESK
    [body] = sent
    assert PNG in body and f"deskcheck-digest-{WEEK}.png".encode() in body
    payload = json.loads(body.split(b'name="payload_json"')[1].split(b"\r\n\r\n", 1)[1].split(b"\r\n--")[0])
    assert payload["allowed_mentions"]["parse"] == []
    assert payload["flags"] & 4  # SUPPRESS_EMBEDS: no link preview cards
    assert "1 check of 1 item by 1 person" in payload["content"]
    assert "Port talks" not in payload["content"]  # the other desk's items stay there


def test_a_second_post_for_the_same_week_posts_nothing(store: Store) -> None:
    with SlackWithFiles() as fake:
        settings = slack_settings(fake)
        first = post_due(store, settings, now=MONDAY_AFTER)
        second = post_due(store, settings, now=MONDAY_AFTER + dt.timedelta(hours=3))
        forced = post_week(store, settings, Week.parse(WEEK), now=MONDAY_AFTER)
        assert [r.status for r in first] == ["posted"]
        assert [r.status for r in second + forced] == ["already posted", "already posted"]
        assert len(fake.of("chat.postMessage")) == 1 and len(fake.uploads) == 1


def test_a_failed_post_gives_the_week_back_for_the_next_run(store: Store) -> None:
    with SlackWithFiles() as fake:
        settings = slack_settings(fake)
        fake.fail_once("chat.postMessage", "channel_not_found")
        [failed] = post_due(store, settings, now=MONDAY_AFTER)
        [retried] = post_due(store, settings, now=MONDAY_AFTER)
        assert failed.status == "failed" and "channel_not_found" in (failed.reason or "")
        assert retried.status == "posted"
        assert len(fake.uploads) == 1


def test_a_channel_set_from_chat_wins_over_the_default(store: Store) -> None:
    settings = dataclasses.replace(Settings(), digest_slack_channel="C0DEFAULT")
    assert digest_targets(store, settings) == [Target(SLACK_DESK, "slack", "C0DEFAULT")]
    set_digest_channel(store, SLACK_DESK, "slack", "C0OLD")
    set_digest_channel(store, SLACK_DESK, "slack", "C0HERE")
    set_digest_channel(store, "T0QUIET", "slack", "C0QUIET")
    assert digest_targets(store, settings) == [Target(SLACK_DESK, "slack", "C0HERE"),
                                               Target("T0QUIET", "slack", "C0QUIET")]
    with pytest.raises(ValueError, match="Slack or Discord"):
        set_digest_channel(store, SLACK_DESK, "teams", "general")


def test_nothing_is_posted_without_a_configured_channel(store: Store) -> None:
    assert post_due(store, Settings(), now=MONDAY_AFTER) == []


def test_a_missing_token_fails_and_keeps_the_week_due(store: Store) -> None:
    settings = dataclasses.replace(Settings(), digest_slack_channel="C0DIGEST")
    [result] = post_due(store, settings, now=MONDAY_AFTER)
    assert result.status == "failed" and "SLACK_BOT_TOKEN" in (result.reason or "")
    [again] = post_due(store, settings, now=MONDAY_AFTER)
    assert again.status == "failed"  # not "already posted": the failed run released its claim


def test_a_desks_digest_never_goes_to_another_desks_slack(store: Store) -> None:
    with SlackWithFiles() as fake:  # the fake's token belongs to team T0NEWS
        rival = Target("T0RIVAL", "slack", "C0DIGEST")
        [result] = post_week(store, slack_settings(fake), Week.parse(WEEK), now=MONDAY_AFTER,
                             targets=[rival])
        assert result.status == "failed" and "belongs to team T0NEWS, not T0RIVAL" in (result.reason or "")
        assert fake.of("chat.postMessage") == [] and fake.uploads == {}


def test_a_desks_digest_never_goes_to_another_guilds_channel(store: Store) -> None:
    settings = dataclasses.replace(Settings(), discord_token="digest-token")
    with discord_in_thread() as fake:
        rival = Target("1200000000000000999", "discord", CHANNEL_ID)
        [result] = post_week(store, settings, Week.parse(WEEK), now=MONDAY_AFTER, targets=[rival])
        posted = [r for r in fake.raw if r[0] == "POST"]
    assert result.status == "failed" and "belongs to guild" in (result.reason or "")
    assert posted == []


def test_a_refused_chart_upload_keeps_the_posted_digest_and_says_why(store: Store) -> None:
    with SlackWithFiles() as fake:
        settings = slack_settings(fake)
        fake.fail_once("files.getUploadURLExternal", "missing_scope")
        [first] = post_due(store, settings, now=MONDAY_AFTER)
        [second] = post_due(store, settings, now=MONDAY_AFTER)
        assert first.status == "posted" and "files:write" in (first.reason or "")
        assert second.status == "already posted"
        assert len(fake.of("chat.postMessage")) == 1


def test_a_week_not_over_yet_is_never_posted(store: Store) -> None:
    with SlackWithFiles() as fake:
        saturday = dt.datetime(2026, 11, 21, 12, 0, tzinfo=dt.UTC)
        with pytest.raises(ValueError, match="not over yet"):
            post_week(store, slack_settings(fake), Week.parse(WEEK), now=saturday)
        assert fake.of("chat.postMessage") == []
        # so the complete week still goes out when it is due
        [result] = post_due(store, slack_settings(fake), now=MONDAY_AFTER)
        assert result.status == "posted"


def test_an_oauth_install_posts_with_the_teams_own_token(store: Store) -> None:
    from slack_sdk.oauth.installation_store import Installation
    from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore

    installs = SQLAlchemyInstallationStore(client_id="1111.2222", engine=store.engine)
    installs.create_tables()
    installs.save(Installation(app_id="A0DESK", team_id=SLACK_DESK, bot_token="xoxb-metro-desk",
                               bot_id="B0DESK", bot_user_id="U0DESKBOT", user_id="U0ADMIN"))
    with SlackWithFiles() as fake:
        settings = dataclasses.replace(slack_settings(fake), slack_bot_token=None,
                                       slack_client_id="1111.2222", slack_client_secret="secret")
        rival = Target("T0RIVAL", "slack", "C0DIGEST")
        results = post_week(store, settings, Week.parse(WEEK), now=MONDAY_AFTER,
                            targets=[Target(SLACK_DESK, "slack", "C0DIGEST"), rival])
        [message] = fake.of("chat.postMessage")
    assert [r.status for r in results] == ["posted", "failed"]
    assert "not installed in Slack team T0RIVAL" in (results[1].reason or "")
    assert message.headers["authorization"] == "Bearer xoxb-metro-desk"
