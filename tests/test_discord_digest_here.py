"""`/check digest here` and "@deskcheck digest here": the guild's digest channel, saved in the database."""

from __future__ import annotations

from typing import Any

import pytest
from support.discord_rig import MENTION, bot_on_fake, is_reply, run, slash_check
from support.fake_discord import (
    CHANNEL_ID,
    GUILD_ID,
    REPORTER,
    Recorded,
    interaction,
    message,
    snowflake,
    user,
)

from bot.digest.here import confirmation, is_digest_here
from bot.service import Outcome, Requester
from bot.settings import Settings, get_settings
from storage import open_store

MANAGE_CHANNELS = 1 << 4
MANAGE_GUILD = 1 << 5
# REPORTER owns the fake's guild (every permission); a copy editor has only @everyone's,
# which include neither Manage Channels nor Manage Server.
COPY_EDITOR = user(snowflake(), "lee.copyeditor")

# The answers, word for word: a test that read them from the code would pass whatever they said.
MONDAYS = "This channel will get the weekly digest, Mondays at 09:00 UTC."
PER_SERVER = ("The weekly digest is per server: use `/check digest here` in the server channel "
              "that should get it.")
NOT_ALLOWED = ("Only members who may manage channels (Manage Channels or Manage Server) can choose "
               "where the weekly digest goes.")


def chosen_channel() -> str | None:
    return open_store(get_settings().database_url).digest.channel_settings("discord").get(GUILD_ID)


@pytest.fixture(autouse=True)
def _no_channel_chosen() -> None:
    """Each test starts with another channel chosen, so only this test's command can set ours."""
    open_store(get_settings().database_url).digest.save_channel(GUILD_ID, "discord", "earlier-channel")


def never_checked(raw: str, requester: Requester) -> Outcome:
    raise AssertionError(f"'{raw}' is a command, not an article to check")


def is_followup(r: Recorded) -> bool:
    return r.path.startswith("/webhooks/")


def slash_by(permissions: int, text: str = "digest here") -> dict[str, Any]:
    event = slash_check(text)
    event["member"]["permissions"] = str(permissions)
    return event


def test_the_command_is_the_whole_text_in_any_case_and_spacing() -> None:
    assert is_digest_here("digest here")
    assert is_digest_here("  Digest HERE \n")
    assert is_digest_here("digest\there")
    assert not is_digest_here("digest")
    assert not is_digest_here("The council will digest here the report on the Harbour Bridge.")
    assert not is_digest_here("digest" + " " * 300 + "here")  # longer than any command: not even split


def test_the_confirmation_names_the_configured_day_hour_and_zone() -> None:
    assert confirmation(Settings()) == MONDAYS
    later = Settings(digest_weekday="fri", digest_hour=7, digest_tz="Europe/Paris")
    assert confirmation(later) == "This channel will get the weekly digest, Fridays at 07:00 Europe/Paris."


def test_slash_digest_here_saves_this_channel_and_answers_only_the_asker() -> None:
    async def scenario() -> list[Recorded]:
        async with bot_on_fake(never_checked) as fake:
            await fake.dispatch("INTERACTION_CREATE", slash_by(MANAGE_CHANNELS, "  Digest Here "))
            await fake.wait_for(is_followup)
            return [r for r in fake.requests if r.path.startswith(("/interactions/", "/webhooks/"))]

    defer, followup = run(scenario())
    assert defer.body["type"] == 5 and defer.body["data"]["flags"] & 64  # deferred, ephemeral
    assert followup.body["flags"] & 64
    assert followup.body["content"] == MONDAYS
    assert chosen_channel() == CHANNEL_ID


def test_manage_server_alone_is_enough_to_choose_the_channel() -> None:
    async def scenario() -> dict[str, Any]:
        async with bot_on_fake(never_checked) as fake:
            await fake.dispatch("INTERACTION_CREATE", slash_by(MANAGE_GUILD))
            return (await fake.wait_for(is_followup)).body

    assert run(scenario())["content"] == MONDAYS
    assert chosen_channel() == CHANNEL_ID


def test_slash_digest_here_without_manage_permissions_is_refused_and_saves_nothing() -> None:
    async def scenario() -> dict[str, Any]:
        async with bot_on_fake(never_checked) as fake:
            # the fake's member permissions are @everyone's: no Manage Channels, no Manage Server
            await fake.dispatch("INTERACTION_CREATE", slash_check("digest here"))
            return (await fake.wait_for(is_followup)).body

    body = run(scenario())
    assert body["content"] == NOT_ALLOWED and body["flags"] & 64
    assert chosen_channel() == "earlier-channel"


def test_mention_digest_here_by_the_servers_owner_saves_this_channel() -> None:
    async def scenario() -> dict[str, Any]:
        async with bot_on_fake(never_checked) as fake:
            await fake.dispatch("MESSAGE_CREATE", message(f"{MENTION} digest here", REPORTER))
            return (await fake.wait_for(is_reply)).body

    body = run(scenario())
    assert body["content"] == MONDAYS
    assert chosen_channel() == CHANNEL_ID


def test_mention_digest_here_by_a_member_without_manage_channels_is_refused() -> None:
    async def scenario() -> dict[str, Any]:
        async with bot_on_fake(never_checked) as fake:
            await fake.dispatch("MESSAGE_CREATE", message(f"{MENTION} digest here", COPY_EDITOR))
            return (await fake.wait_for(is_reply)).body

    assert run(scenario())["content"] == NOT_ALLOWED
    assert chosen_channel() == "earlier-channel"


def test_digest_here_in_a_direct_message_says_the_digest_is_per_server() -> None:
    async def scenario() -> dict[str, Any]:
        async with bot_on_fake(never_checked) as fake:
            await fake.dispatch("MESSAGE_CREATE", message("digest here", REPORTER, guild=False))
            return (await fake.wait_for(is_reply)).body

    assert run(scenario())["content"] == PER_SERVER
    assert chosen_channel() == "earlier-channel"


def test_check_this_message_on_a_message_reading_digest_here_still_checks_it() -> None:
    """The context menu never takes the command: a message reading 'digest here' is checked."""
    asked: list[str] = []

    def recording(raw: str, requester: Requester) -> Outcome:
        asked.append(raw)
        return Outcome(error="nothing to check")

    async def scenario() -> None:
        async with bot_on_fake(recording) as fake:
            target = message("digest here", REPORTER)
            await fake.dispatch("INTERACTION_CREATE",
                                interaction("Check this message", command_type=3, target=target))
            await fake.wait_for(is_followup)

    run(scenario())
    assert asked == ["digest here"]
    assert chosen_channel() == "earlier-channel"
