"""`/check digest here` through the real bolt App and server: the channel is stored, the answer private."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from support.fake_slack import TEAM
from support.reports import newsroom_report
from support.slack_rig import Rig

from bot.digest.here import slack_set_here
from bot.service import Outcome
from bot.settings import Settings
from storage import open_store

# The answers, word for word: a test that read them from the code would pass whatever they said.
MONDAYS = "This channel will get the weekly digest, Mondays at 09:00 UTC."
FRIDAYS_IN_PARIS = "This channel will get the weekly digest, Fridays at 07:00 Europe/Paris."
IN_A_CHANNEL = ("The weekly digest goes to a channel: use `/check digest here` in the channel "
                "that should get it.")


def slack_channels() -> dict[str, str]:
    return open_store(os.environ["DATABASE_URL"]).digest.channel_settings("slack")


@pytest.mark.parametrize("text", ["digest here", "  Digest   HERE "])
def test_digest_here_stores_the_channel_and_answers_privately(rig: Rig, text: str) -> None:
    assert rig.command(text, channel="C0WEEKLY").status_code == 200
    [answer] = rig.fake.wait_for("response_url")
    assert answer.payload["response_type"] == "ephemeral"  # only the sender sees it
    assert answer.payload["text"] == MONDAYS
    assert slack_channels()[TEAM] == "C0WEEKLY"
    rig.command("help")  # the sentinel: the request above checked and posted nothing
    assert rig.asked == [] and rig.fake.of("chat.postMessage") == []


def test_digest_here_again_moves_the_digest_to_the_new_channel(rig: Rig) -> None:
    rig.command("digest here", channel="C0FIRST")
    rig.fake.wait_for("response_url")
    rig.command("digest here", channel="C0SECOND")
    rig.fake.wait_for("response_url", 2)
    assert slack_channels()[TEAM] == "C0SECOND"


def test_digest_here_in_a_direct_message_stores_nothing(rig: Rig) -> None:
    before = slack_channels().get(TEAM)
    rig.command("digest here", channel="D0REPORTER")
    [answer] = rig.fake.wait_for("response_url")
    assert answer.payload["text"] == IN_A_CHANNEL
    assert slack_channels().get(TEAM) == before


def test_a_database_that_makes_digest_here_wait_holds_up_no_check(rig: Rig) -> None:
    # Listeners run on the server's event loop: the save must wait somewhere else.
    if not os.environ["DATABASE_URL"].startswith("sqlite:///"):
        pytest.skip("holds SQLite's file lock")
    path = os.environ["DATABASE_URL"].removeprefix("sqlite:///")
    slack_channels()  # the tables exist before the lock is taken
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # every other writer, and reader, now waits
    try:
        assert rig.command("digest here", channel="C0LOCKED").status_code == 200
        rig.answer = Outcome(report=newsroom_report())
        ack = rig.command("An article to check while the database is busy.")
        assert ack.status_code == 200 and "Checking" in ack.text
        assert rig.fake.of("response_url") == []  # the save is still waiting
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    [answer] = rig.fake.wait_for("response_url")
    assert answer.payload["text"] == MONDAYS
    assert slack_channels()[TEAM] == "C0LOCKED"


def test_an_article_that_only_mentions_digest_here_is_checked(rig: Rig) -> None:
    article = "Subscribers can read the digest here every Monday, the council said."
    rig.answer = Outcome(report=newsroom_report())
    rig.command(article)
    rig.fake.wait_for("chat.postMessage")
    assert [raw for raw, _ in rig.asked] == [article]


def test_help_mentions_digest_here(rig: Rig) -> None:
    assert "/check digest here" in rig.command("help").text


def test_the_confirmation_names_the_configured_day_hour_and_zone() -> None:
    settings = Settings(database_url=os.environ["DATABASE_URL"], digest_weekday="friday", digest_hour=7,
                        digest_tz="Europe/Paris")
    assert slack_set_here(settings, TEAM, "C0PARIS") == FRIDAYS_IN_PARIS
    assert slack_channels()[TEAM] == "C0PARIS"


def test_a_channel_that_cannot_be_saved_is_answered_in_one_line(tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path}/no-such-folder/deskcheck.db")
    answer = slack_set_here(settings, TEAM, "C0NOWHERE")
    assert answer.startswith("Could not save the digest channel: ") and "\n" not in answer
