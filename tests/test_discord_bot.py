"""The real discord.py client against the loopback stand-in for Discord (tests/support/fake_discord.py)."""

from __future__ import annotations

import json
import logging
import threading
from typing import Any

import pytest
from support.discord_rig import (
    ARTICLE,
    MENTION,
    REPLY_PATH,
    assert_within_discord_limits,
    bot_on_fake,
    embed_titled,
    is_reply,
    run,
    slash_check,
)
from support.fake_discord import (
    BOT_USER,
    CHANNEL_ID,
    GUILD_ID,
    OTHER_BOT,
    REPORTER,
    REPORTER_ID,
    Recorded,
    interaction,
    message,
)
from support.reports import overflowing_report

from bot.discord_bot.handlers import ERROR_REPLY
from bot.render import DiscordReply
from bot.service import Outcome, Requester, run_check


def test_a_mention_gets_a_reply_embed_with_the_articles_quotes() -> None:
    async def scenario() -> dict[str, Any]:
        async with bot_on_fake() as fake:
            asked = message(f"{MENTION} {ARTICLE}", REPORTER, mentions=[BOT_USER])
            await fake.dispatch("MESSAGE_CREATE", asked)
            reply = await fake.wait_for(is_reply)
            assert reply.body["message_reference"]["message_id"] == int(asked["id"])
            # Should the reporter delete the question meanwhile, the answer still lands.
            assert reply.body["message_reference"]["fail_if_not_exists"] is False
            return reply.body

    body = run(scenario())
    report = run_check(ARTICLE, Requester(platform="test"))
    assert report.report is not None and report.report.quotes, "the engine finds the article's quotes"
    quotes = embed_titled(body, "Quotes")
    assert quotes["title"] == f"Quotes ({len(report.report.quotes)})"
    assert "We will not close the bridge before the ferry service is running" in quotes["description"]
    assert "Ana Ruiz" in quotes["description"]
    assert body["embeds"][0]["title"].startswith("Harbour bridge closure delayed")


def test_an_everyone_in_a_quote_pings_nobody() -> None:
    async def scenario() -> dict[str, Any]:
        async with bot_on_fake() as fake:
            await fake.dispatch("MESSAGE_CREATE", message(f"{MENTION} {ARTICLE}", REPORTER))
            return (await fake.wait_for(is_reply)).body

    body = run(scenario())
    assert body["allowed_mentions"] == {"parse": []}
    assert "everyone" in json.dumps(body)  # the quote is shown...
    assert "@everyone" not in json.dumps(body, ensure_ascii=False)  # ...but defused


def test_the_bots_own_messages_and_other_bots_are_ignored() -> None:
    async def scenario() -> list[Recorded]:
        async with bot_on_fake() as fake:
            await fake.dispatch("MESSAGE_CREATE", message(f"{MENTION} {ARTICLE}", BOT_USER))
            await fake.dispatch("MESSAGE_CREATE", message(f"{MENTION} {ARTICLE}", OTHER_BOT))
            human = message(f"{MENTION} {ARTICLE}", REPORTER)
            await fake.dispatch("MESSAGE_CREATE", human)
            # Events are handled in order, so the human's answer comes after any bot's would.
            await fake.wait_for(lambda r: is_reply(r) and r.body["message_reference"]["message_id"]
                                == int(human["id"]))
            return fake.sent("POST", "/channels/")

    posts = [r for r in run(scenario()) if r.path == REPLY_PATH]
    assert len(posts) == 1


def test_a_message_without_a_mention_in_a_channel_is_left_alone() -> None:
    async def scenario() -> list[Recorded]:
        async with bot_on_fake() as fake:
            await fake.dispatch("MESSAGE_CREATE", message(ARTICLE, REPORTER))
            await fake.dispatch("MESSAGE_CREATE", message(f"{MENTION} {ARTICLE}", REPORTER))
            await fake.wait_for(is_reply)
            return [r for r in fake.requests if is_reply(r)]

    assert len(run(scenario())) == 1


def test_slash_check_defers_at_once_then_follows_up_with_the_report() -> None:
    async def scenario() -> list[Recorded]:
        async with bot_on_fake() as fake:
            event = slash_check(ARTICLE)
            await fake.dispatch("INTERACTION_CREATE", event)
            await fake.wait_for(lambda r: r.path.startswith("/webhooks/"))
            return [r for r in fake.requests if r.path.startswith(("/interactions/", "/webhooks/"))]

    defer, followup = run(scenario())
    assert defer.path.endswith("/callback") and defer.body["type"] == 5  # deferred channel message
    assert followup.method == "POST"
    assert followup.body["allowed_mentions"] == {"parse": []}
    assert "We will not close the bridge" in embed_titled(followup.body, "Quotes")["description"]


def test_check_this_message_menu_checks_the_target_message() -> None:
    async def scenario() -> dict[str, Any]:
        async with bot_on_fake() as fake:
            target = message(ARTICLE, REPORTER)
            await fake.dispatch("INTERACTION_CREATE",
                                interaction("Check this message", command_type=3, target=target))
            return (await fake.wait_for(lambda r: r.path.startswith("/webhooks/"))).body

    body = run(scenario())
    assert body["embeds"][0]["title"].startswith("Harbour bridge closure delayed")


def test_commands_are_synced_at_start_and_no_privileged_intent_is_asked_for() -> None:
    async def scenario() -> tuple[list[dict[str, Any]], int]:
        async with bot_on_fake() as fake:
            synced = fake.sent("PUT", "/applications/")
            assert fake.identify is not None
            return synced[0].body, fake.identify["intents"]

    commands, intents = run(scenario())
    by_name = {c["name"]: c for c in commands}
    assert by_name["check"]["type"] == 1
    assert [o["name"] for o in by_name["check"]["options"]] == ["article"]
    assert by_name["Check this message"]["type"] == 3
    message_content = 1 << 15
    assert intents & message_content == 0
    assert intents & (1 << 0) and intents & (1 << 9)  # guilds, guild messages


def test_every_check_is_recorded_under_the_guild_as_workspace() -> None:
    asked: list[Requester] = []

    def recording(raw: str, requester: Requester) -> Outcome:
        asked.append(requester)
        return run_check(raw, requester)

    async def scenario() -> None:
        async with bot_on_fake(recording) as fake:
            mention = message(f"{MENTION} {ARTICLE}", REPORTER)
            await fake.dispatch("MESSAGE_CREATE", mention)
            await fake.wait_for(is_reply)
            await fake.dispatch("INTERACTION_CREATE",
                                slash_check(ARTICLE))
            await fake.wait_for(lambda r: r.path.startswith("/webhooks/"))

    run(scenario())
    assert [(r.platform, r.workspace, r.user, r.channel) for r in asked] == [
        ("discord", GUILD_ID, REPORTER_ID, CHANNEL_ID)] * 2
    assert asked[0].label == f"discord:{GUILD_ID}/{REPORTER_ID}"


def test_the_limits_hold_for_a_200_quote_article_sent_through_discord() -> None:
    big = overflowing_report(200)

    def two_hundred_quotes(raw: str, requester: Requester) -> Outcome:
        return Outcome(report=big)

    async def scenario() -> tuple[dict[str, Any], dict[str, Any]]:
        async with bot_on_fake(two_hundred_quotes) as fake:
            await fake.dispatch("MESSAGE_CREATE", message(f"{MENTION} {ARTICLE}", REPORTER))
            await fake.dispatch("INTERACTION_CREATE",
                                slash_check("x"))
            mention = await fake.wait_for(is_reply)
            followup = await fake.wait_for(lambda r: r.path.startswith("/webhooks/"))
            return mention.body, followup.body

    for body in run(scenario()):
        # What discord.py actually sent, after Embed.from_dict/to_dict, is what must fit.
        assert_within_discord_limits(DiscordReply(content=body["content"], embeds=tuple(body["embeds"])))
        assert "… and" in embed_titled(body, "Quotes (200)")["description"]


def test_a_failing_check_gets_a_short_reply_and_a_log_without_the_text(
        caplog: pytest.LogCaptureFixture) -> None:
    secret = ("Unpublished draft: the mayor resigns on Friday after the audit of the harbour contracts "
              "found the missing funds")

    def broken(raw: str, requester: Requester) -> Outcome:
        raise RuntimeError(raw)

    async def scenario() -> tuple[dict[str, Any], dict[str, Any]]:
        async with bot_on_fake(broken) as fake:
            await fake.dispatch("MESSAGE_CREATE", message(f"{MENTION} {secret}", REPORTER))
            await fake.dispatch("INTERACTION_CREATE",
                                slash_check(secret))
            mention = await fake.wait_for(is_reply)
            followup = await fake.wait_for(lambda r: r.path.startswith("/webhooks/"))
            return mention.body, followup.body

    with caplog.at_level(logging.ERROR, logger="deskcheck.discord"):
        mention, followup = run(scenario())
    assert mention["content"] == ERROR_REPLY
    assert followup["content"] == ERROR_REPLY and followup["flags"] == 64  # ephemeral
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "RuntimeError" in logged
    assert "mayor resigns" not in logged and "fake-bot-token" not in logged


def test_bad_input_gets_one_line_not_a_report() -> None:
    async def scenario() -> dict[str, Any]:
        async with bot_on_fake() as fake:
            await fake.dispatch("INTERACTION_CREATE",
                                slash_check("  "))
            return (await fake.wait_for(lambda r: r.path.startswith("/webhooks/"))).body

    body = run(scenario())
    assert body["content"].startswith("Could not check this:")
    assert "\n" not in body["content"] and not body.get("embeds")


def test_a_slow_check_does_not_stop_the_gateway_heartbeat() -> None:
    release = threading.Event()

    def slow(raw: str, requester: Requester) -> Outcome:
        # Holds its worker thread until the heartbeat came through; were the check run on the
        # event loop, the heartbeat could never be sent and the wait below would time out.
        release.wait(60)
        return run_check(raw, requester)

    async def scenario() -> dict[str, Any]:
        async with bot_on_fake(slow) as fake:
            await fake.dispatch("MESSAGE_CREATE", message(f"{MENTION} {ARTICLE}", REPORTER))
            await fake.wait_for(lambda r: r.path.endswith("/typing"))  # the check has begun
            try:
                await fake.heartbeat_answered(timeout=20)
            finally:
                release.set()
            return (await fake.wait_for(is_reply)).body

    assert embed_titled(run(scenario()), "Quotes")
