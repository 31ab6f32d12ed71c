"""A story that repeats a fact-checked claim shows the fact-check first in Slack and Discord (issue 15).

The chat twin of test_factchecks_in_checks.py: fact-checks imported into a real SQLite database of the
test's own, then the story sent through the real bolt App and the real discord.py client, each on its
loopback fake, and the real check run in-process against that database.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from support.discord_rig import MENTION, bot_on_fake, is_reply, run
from support.fake_discord import BOT_USER, REPORTER, message
from support.fake_slack import FakeSlack
from support.slack_rig import Rig, serving, token_settings

from bot.service import Outcome, Requester, run_check
from bot.settings import Settings, get_settings
from bot.slack.server import EVENTS_PATH
from checks import parse_feed
from storage import open_store

# The same pair as test_factchecks_in_checks.py: the story rewords the dairy claim (threshold 0.75).
FEED = """claim,rating,publisher,url,date
Canada charges a 270 percent tariff on all American dairy products.,Misleading,Dairy Desk,https://checks.example/dairy,2025-03-02
Noise from wind turbines causes cancer in people who live nearby.,False,Checkpoint,https://checks.example/wind,2024-03-14
The city council voted to close every public library by next summer.,False,Metro Check,https://checks.example/libraries,2025-01-10
Drinking hot water with lemon cures the flu within a day.,False,Health Desk,https://checks.example/lemon,2023-11-02
"""
DAIRY_STORY = """Dairy fight returns to the border

OTTAWA — The dispute over dairy flared again on Monday as farm groups in Wisconsin renewed their complaints.

“Ottawa slaps a 270 percent tariff on American dairy and nobody in Washington lifts a finger,” \
said Dana Miller, who runs a cooperative of 40 farms near Green Bay.

Canadian officials say the figure applies only above a quota that American producers rarely fill.
"""
VERDICT = "rated Misleading by Dairy Desk, 2025-03-02"


@pytest.fixture
def desk_url(tmp_path: Path) -> str:
    """A database of this test's own holding the feed, shared (no workspace): every workspace sees it."""
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    parsed = parse_feed(FEED.encode(), name="feed.csv")
    summary = open_store(url).factchecks.import_reviews(parsed.reviews, None)
    assert summary.imported == 4
    return url


def checker(settings: Settings) -> Any:
    def check(raw: str, who: Requester) -> Outcome:
        return run_check(raw, who, settings=settings)

    return check


def test_slack_posts_the_fact_check_as_the_first_section_after_the_header(desk_url: str, nlp: Any) -> None:
    with FakeSlack() as fake:
        settings = replace(token_settings(fake), database_url=desk_url)
        with serving(settings, checker(settings), threads=1) as base:
            Rig(fake=fake, url=base + EVENTS_PATH).command(DAIRY_STORY)
            [post] = fake.wait_for("chat.postMessage", timeout=180)
    blocks = post.payload["blocks"]
    assert blocks[0]["type"] == "header"
    assert blocks[0]["text"]["text"] == "Dairy fight returns to the border"
    first = next(b for b in blocks[1:] if b["type"] == "section")
    assert first["text"]["text"].startswith("*Fact-checked before*")
    assert VERDICT in first["text"]["text"]
    assert "270 percent tariff" in first["text"]["text"]
    # ...and it comes before every other section, above the divider
    assert blocks.index(first) < next(i for i, b in enumerate(blocks) if b["type"] == "divider")


def test_discord_replies_with_the_fact_check_in_the_first_embed(desk_url: str, nlp: Any) -> None:
    settings = replace(get_settings(), database_url=desk_url)

    async def scenario() -> dict[str, Any]:
        async with bot_on_fake(checker(settings)) as fake:
            await fake.dispatch("MESSAGE_CREATE", message(f"{MENTION} {DAIRY_STORY}", REPORTER,
                                                          mentions=[BOT_USER]))
            reply: dict[str, Any] = (await fake.wait_for(is_reply)).body
            return reply

    body = run(scenario())
    first = body["embeds"][0]
    assert first["title"].startswith("Dairy fight returns to the border")
    description = first["description"]
    assert "Fact-checked before" in description
    assert VERDICT in description
    assert "270 percent tariff" in description
    # the fact-checks lead: the signals, if any, come in an embed of their own
    assert all("Fact-checked" not in str(e) for e in body["embeds"][1:])
