"""Mentions in every form: in reply, with a text attachment, in a direct message, or bare."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest
from support.discord_rig import ARTICLE, MENTION, bot_on_fake, embed_titled, is_reply, run
from support.fake_discord import (
    BOT_ROLE_ID,
    CHANNEL_ID,
    REPORTER,
    REPORTER_ID,
    Recorded,
    interaction,
    message,
)
from support.newsroom_server import serve

from bot.discord_bot.handlers import HIDDEN_TEXT, NOT_TEXT_FILE, USAGE
from bot.service import Outcome, Requester, run_check
from bot.settings import get_settings


def test_a_mention_in_reply_checks_the_replied_to_message() -> None:
    async def scenario() -> dict[str, Any]:
        async with bot_on_fake() as fake:
            article = message(ARTICLE, REPORTER)
            await fake.dispatch("MESSAGE_CREATE", message(MENTION, REPORTER, reply_to=article))
            return (await fake.wait_for(is_reply)).body

    body = run(scenario())
    assert body["embeds"][0]["title"].startswith("Harbour bridge closure delayed")
    assert "We will not close the bridge" in embed_titled(body, "Quotes")["description"]


def test_a_replied_to_message_discord_hides_gets_pointed_to_the_message_menu() -> None:
    async def scenario() -> dict[str, Any]:
        async with bot_on_fake() as fake:
            hidden = message("", REPORTER)  # what Discord sends without the message-content intent
            await fake.dispatch("MESSAGE_CREATE", message(MENTION, REPORTER, reply_to=hidden))
            return (await fake.wait_for(is_reply)).body

    body = run(scenario())
    assert body["content"] == HIDDEN_TEXT
    assert not body.get("embeds")


def test_a_long_paste_discord_turned_into_message_txt_is_checked() -> None:
    async def scenario() -> dict[str, Any]:
        async with bot_on_fake() as fake:
            pasted = fake.attachment("message.txt", ARTICLE.encode("utf-8"))
            await fake.dispatch("MESSAGE_CREATE", message(MENTION, REPORTER, attachments=[pasted]))
            return (await fake.wait_for(is_reply)).body

    body = run(scenario())
    assert "We will not close the bridge" in embed_titled(body, "Quotes")["description"]


def test_check_this_message_reads_a_text_file_attached_to_the_target() -> None:
    async def scenario() -> dict[str, Any]:
        async with bot_on_fake() as fake:
            target = message("", REPORTER, attachments=[fake.attachment("bridge.md", ARTICLE.encode())])
            await fake.dispatch("INTERACTION_CREATE",
                                interaction("Check this message", command_type=3, target=target))
            return (await fake.wait_for(lambda r: r.path.startswith("/webhooks/"))).body

    assert run(scenario())["embeds"][0]["title"].startswith("Harbour bridge closure delayed")


@pytest.mark.parametrize(("filename", "data", "size", "expected"), [
    ("scan.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", None, "binary"),
    ("archive.txt", b"x", 50_000_000, "over the limit"),
])
def test_an_unusable_attachment_gets_one_line(filename: str, data: bytes, size: int | None,
                                              expected: str) -> None:
    async def scenario() -> dict[str, Any]:
        async with bot_on_fake() as fake:
            bad = fake.attachment(filename, data, size=size)
            await fake.dispatch("MESSAGE_CREATE", message(MENTION, REPORTER, attachments=[bad]))
            return (await fake.wait_for(is_reply)).body

    body = run(scenario())
    assert body["content"].startswith("Could not check this:") and expected in body["content"]
    assert "\n" not in body["content"]


def test_a_bare_mention_gets_told_how_to_ask() -> None:
    async def scenario() -> dict[str, Any]:
        async with bot_on_fake() as fake:
            await fake.dispatch("MESSAGE_CREATE", message(f"{MENTION}  ", REPORTER))
            return (await fake.wait_for(is_reply)).body

    body = run(scenario())
    assert body["content"] == USAGE and body["allowed_mentions"] == {"parse": []}


def test_a_direct_message_needs_no_mention_and_is_its_own_workspace() -> None:
    asked: list[Requester] = []

    def recording(raw: str, requester: Requester) -> Outcome:
        asked.append(requester)
        return run_check(raw, requester)

    async def scenario() -> dict[str, Any]:
        async with bot_on_fake(recording) as fake:
            await fake.dispatch("MESSAGE_CREATE", message(ARTICLE, REPORTER, guild=False))
            return (await fake.wait_for(is_reply)).body

    body = run(scenario())
    assert "We will not close the bridge" in embed_titled(body, "Quotes")["description"]
    assert asked[0].workspace == f"dm-{REPORTER_ID}"


def test_a_short_request_in_reply_checks_the_replied_to_article() -> None:
    async def scenario() -> dict[str, Any]:
        async with bot_on_fake() as fake:
            article = message(ARTICLE, REPORTER)
            ask = message(f"{MENTION} can you check this one before we run it?", REPORTER, reply_to=article)
            await fake.dispatch("MESSAGE_CREATE", ask)
            return (await fake.wait_for(is_reply)).body

    body = run(scenario())
    assert "We will not close the bridge" in embed_titled(body, "Quotes")["description"]


def test_a_replied_to_message_discord_did_not_include_is_fetched() -> None:
    async def scenario() -> tuple[dict[str, Any], list[Recorded]]:
        async with bot_on_fake() as fake:
            article = message(ARTICLE, REPORTER)
            fake.messages[article["id"]] = article
            ask = message(MENTION, REPORTER, reply_to=article)
            del ask["referenced_message"]  # Discord leaves it out at times; the bot asks for it
            await fake.dispatch("MESSAGE_CREATE", ask)
            return (await fake.wait_for(is_reply)).body, fake.sent("GET", f"/channels/{CHANNEL_ID}/messages/")

    body, fetched = run(scenario())
    assert len(fetched) == 1
    assert "We will not close the bridge" in embed_titled(body, "Quotes")["description"]


@pytest.mark.parametrize("text", [f"{MENTION} help", f"{MENTION} what can you do?"])
def test_a_few_words_without_a_link_get_the_usage_not_a_report(text: str) -> None:
    async def scenario() -> dict[str, Any]:
        async with bot_on_fake() as fake:
            await fake.dispatch("MESSAGE_CREATE", message(text, REPORTER))
            return (await fake.wait_for(is_reply)).body

    assert run(scenario())["content"] == USAGE


def test_thanks_in_a_direct_message_is_not_checked() -> None:
    async def scenario() -> dict[str, Any]:
        async with bot_on_fake() as fake:
            await fake.dispatch("MESSAGE_CREATE", message("thanks, that helped!", REPORTER, guild=False))
            return (await fake.wait_for(is_reply)).body

    assert run(scenario())["content"] == USAGE


def test_a_mention_of_the_bots_own_role_counts_as_a_mention() -> None:
    async def scenario() -> dict[str, Any]:
        async with bot_on_fake() as fake:
            await fake.dispatch("MESSAGE_CREATE", message(f"<@&{BOT_ROLE_ID}> {ARTICLE}", REPORTER))
            return (await fake.wait_for(is_reply)).body

    assert "We will not close the bridge" in embed_titled(run(scenario()), "Quotes")["description"]


def test_a_mention_with_a_link_gets_the_linked_articles_report() -> None:
    # The desk's own settings, except that the news site of this test lives on 127.0.0.1.
    settings = dataclasses.replace(get_settings(), allow_private_urls=True)

    def on_loopback(raw: str, requester: Requester) -> Outcome:
        return run_check(raw, requester, settings=settings)

    async def scenario(url: str) -> dict[str, Any]:
        async with bot_on_fake(on_loopback) as fake:
            # <…> is how Discord users post a link without a preview.
            await fake.dispatch("MESSAGE_CREATE", message(f"{MENTION} <{url}>", REPORTER))
            return (await fake.wait_for(is_reply)).body

    with serve() as site:
        story = site.stories[sorted(site.stories)[0]]
        url = f"{site.base}/news/{story.stem}"
        body = run(scenario(url))
    summary = body["embeds"][0]
    assert summary["title"] == story.title
    assert summary["url"] == url
    assert {"name": "Author", "value": story.author, "inline": True} in summary["fields"]


def test_a_pdf_attached_to_a_mention_gets_told_to_paste_text() -> None:
    async def scenario() -> dict[str, Any]:
        async with bot_on_fake() as fake:
            pdf = fake.attachment("council-minutes.pdf", b"%PDF-1.7\n", content_type="application/pdf")
            await fake.dispatch("MESSAGE_CREATE", message(MENTION, REPORTER, attachments=[pdf]))
            return (await fake.wait_for(is_reply)).body

    assert run(scenario())["content"] == NOT_TEXT_FILE


def test_a_hostile_pages_title_reaches_discord_without_links_pings_or_bidi_controls() -> None:
    settings = dataclasses.replace(get_settings(), allow_private_urls=True)

    def on_loopback(raw: str, requester: Requester) -> Outcome:
        return run_check(raw, requester, settings=settings)

    async def scenario(url: str) -> dict[str, Any]:
        async with bot_on_fake(on_loopback) as fake:
            await fake.dispatch("MESSAGE_CREATE", message(f"{MENTION} <{url}>", REPORTER))
            return (await fake.wait_for(is_reply)).body

    with serve() as site:
        story = site.stories[sorted(site.stories)[0]]
        title = "Port deal \u202egnikaerb\u202c [Verified](https://evil.example/) @everyone"
        site.stories["hostile"] = dataclasses.replace(story, stem="hostile", title=title)
        body = run(scenario(f"{site.base}/news/hostile"))
    assert body["allowed_mentions"] == {"parse": []}
    shown = json.dumps(body, ensure_ascii=False)
    assert "\u202e" not in shown and "\u202c" not in shown and "@everyone" not in shown
    assert "](https://evil.example/)" not in shown.replace("\\\\]", "")
    assert body["embeds"][0]["title"].startswith(
        "Port deal gnikaerb \\[Verified\\](https://evil.example/) @\u200beveryone")


# A long paste saved by an editor that mangled one byte: the curly quotes are valid UTF-8.
MANGLED = (ARTICLE.replace('"We will', "\u201cWe will").replace('running,"', "running,\u201d")
           .encode("utf-8").replace(b"on Tuesday", b"on Tuesday\xff", 1))
REPLACED_NOTICE = "1 byte was not valid UTF-8 and was replaced"


def test_a_pasted_file_with_one_invalid_byte_gets_the_notice_and_keeps_its_quotes() -> None:
    async def scenario() -> dict[str, Any]:
        async with bot_on_fake() as fake:
            pasted = fake.attachment("message.txt", MANGLED)
            await fake.dispatch("MESSAGE_CREATE", message(MENTION, REPORTER, attachments=[pasted]))
            reply: dict[str, Any] = (await fake.wait_for(is_reply)).body
            return reply

    body = run(scenario())
    assert REPLACED_NOTICE in body["content"]
    quotes = embed_titled(body, "Quotes")["description"]
    assert "We will not close the bridge before the ferry service is running" in quotes
    assert "\u00e2\u20ac" not in json.dumps(body, ensure_ascii=False)  # no mojibake of the curly quotes


def test_check_this_message_on_a_file_with_an_invalid_byte_shows_the_notice() -> None:
    async def scenario() -> dict[str, Any]:
        async with bot_on_fake() as fake:
            target = message("", REPORTER, attachments=[fake.attachment("message.txt", MANGLED)])
            await fake.dispatch("INTERACTION_CREATE",
                                interaction("Check this message", command_type=3, target=target))
            reply: dict[str, Any] = (await fake.wait_for(lambda r: r.path.startswith("/webhooks/"))).body
            return reply

    body = run(scenario())
    assert REPLACED_NOTICE in body["content"]
    assert "We will not close the bridge" in embed_titled(body, "Quotes")["description"]
