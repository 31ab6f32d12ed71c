"""A digest week that failed to post is retried by later runs; a claim is never taken for a post."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.digest_fakes import SLACK_DESK, WEEK, SlackWithFiles, fill_week
from support.history import fresh_database

from bot.digest import Week, post_due, post_week
from bot.digest.post import RETRY_WEEKS, retry_failed
from bot.settings import Settings
from storage import Store, open_store
from storage.digest import CLAIM_LEASE

MONDAY_AFTER = dt.datetime(2026, 11, 23, 9, 5, tzinfo=dt.UTC)  # week 47 is due
WEEK_LATER = MONDAY_AFTER + dt.timedelta(days=7)  # week 48 is due
NEXT_WEEK = "2026-W48"


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    with fresh_database(request.param, tmp_path) as url:
        s = open_store(url)
        fill_week(s)
        yield s


def slack_settings(fake: SlackWithFiles) -> Settings:
    return dataclasses.replace(Settings(), slack_bot_token="xoxb-digest", slack_api_url=fake.url,
                               digest_slack_channel="C0DIGEST")


def posted_weeks(fake: SlackWithFiles) -> list[str]:
    """The header of every chat.postMessage the fake received, refused ones included."""
    return [next(b["text"]["text"] for b in call.payload["blocks"] if b["type"] == "header")
            for call in fake.of("chat.postMessage")]


def test_a_week_that_failed_to_post_goes_out_with_the_next_weeks_run(store: Store) -> None:
    with SlackWithFiles() as fake:
        settings = slack_settings(fake)
        fake.fail_once("chat.postMessage", "channel_not_found")
        [failed] = post_due(store, settings, now=MONDAY_AFTER)
        later = post_due(store, settings, now=WEEK_LATER)
        again = post_due(store, settings, now=WEEK_LATER + dt.timedelta(hours=1))
        headers = posted_weeks(fake)
    assert failed.status == "failed"
    assert [(str(r.week), r.status) for r in later] == [(WEEK, "posted"), (NEXT_WEEK, "posted")]
    assert [(str(r.week), r.status) for r in again] == [(NEXT_WEEK, "already posted")]
    # the refused attempt, its retry, the next week
    assert [WEEK in h for h in headers] == [True, True, False] and NEXT_WEEK in headers[2]


def test_the_hourly_retry_posts_a_failed_due_week_without_waiting_a_week(store: Store) -> None:
    with SlackWithFiles() as fake:
        settings = slack_settings(fake)
        fake.fail_once("chat.postMessage", "ratelimited")
        [failed] = post_due(store, settings, now=MONDAY_AFTER)
        [retried] = retry_failed(store, settings, now=MONDAY_AFTER + dt.timedelta(hours=1))
        assert retry_failed(store, settings, now=MONDAY_AFTER + dt.timedelta(hours=2)) == []
    assert failed.status == "failed" and (str(retried.week), retried.status) == (WEEK, "posted")


def test_a_failed_week_is_given_up_after_the_retry_window(store: Store) -> None:
    with SlackWithFiles() as fake:
        settings = slack_settings(fake)
        fake.fail_once("chat.postMessage", "channel_not_found")
        post_due(store, settings, now=MONDAY_AFTER)
        much_later = MONDAY_AFTER + dt.timedelta(weeks=RETRY_WEEKS + 1)
        results = post_due(store, settings, now=much_later)
    assert WEEK not in [str(r.week) for r in results] and len(results) == 1


def test_a_week_that_was_never_attempted_is_not_filled_in(store: Store) -> None:
    with SlackWithFiles() as fake:  # a channel configured only now gets the due week, not a backlog
        results = post_due(store, slack_settings(fake), now=WEEK_LATER)
    assert [(str(r.week), r.status) for r in results] == [(NEXT_WEEK, "posted")]


def test_a_week_another_run_is_posting_is_in_progress_not_already_posted(store: Store) -> None:
    assert store.digest.claim_post(SLACK_DESK, WEEK, "slack", "C0DIGEST", now=MONDAY_AFTER) == "claimed"
    with SlackWithFiles() as fake:
        [result] = post_due(store, slack_settings(fake), now=MONDAY_AFTER + dt.timedelta(minutes=1))
        assert fake.of("chat.postMessage") == []
    assert result.status == "in progress"


def test_a_claim_left_by_a_run_that_died_is_taken_over_after_the_lease(store: Store) -> None:
    assert store.digest.claim_post(SLACK_DESK, WEEK, "slack", "C0DIGEST", now=MONDAY_AFTER) == "claimed"
    with SlackWithFiles() as fake:
        settings = slack_settings(fake)
        [result] = post_week(store, settings, Week.parse(WEEK), now=MONDAY_AFTER + CLAIM_LEASE * 2)
        [message] = fake.of("chat.postMessage")
    assert result.status == "posted" and message.payload["channel"] == "C0DIGEST"


def test_a_failed_week_is_not_retried_into_a_channel_the_desk_moved_away_from(store: Store) -> None:
    with SlackWithFiles() as fake:
        settings = slack_settings(fake)
        fake.fail_once("chat.postMessage", "channel_not_found")
        post_due(store, settings, now=MONDAY_AFTER)
        moved = dataclasses.replace(settings, digest_slack_channel="C0NEWDESK")
        results = post_due(store, moved, now=WEEK_LATER)
        channels = [c.payload["channel"] for c in fake.of("chat.postMessage")]
    assert [(str(r.week), r.target.channel) for r in results] == [(NEXT_WEEK, "C0NEWDESK")]
    assert channels == ["C0DIGEST", "C0NEWDESK"]  # the refused first attempt, then only the new channel
