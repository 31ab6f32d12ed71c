"""Published fact-checks lead every surface: the terminal, Slack and Discord show them first.

A fact-check's claim, rating, publisher, date and URL come from a feed anyone can publish: the
tests give them mentions, a ")" in the URL and an RTL override, and check that each surface
shows them inert, in the order the report holds them, inside its platform's limits.
"""

from __future__ import annotations

import dataclasses
import json
import re
from typing import Any

from bot.render import (
    DISCORD_DESCRIPTION_LIMIT,
    DISCORD_EMBEDS_TOTAL_LIMIT,
    DISCORD_MAX_EMBEDS,
    SLACK_MAX_BLOCKS,
    SLACK_MAX_MODAL_BLOCKS,
    SLACK_SECTION_CHARS,
    SLACK_TEXT_CHARS,
    render_discord,
    render_full_blocks,
    render_message,
    render_text,
    utf16_len,
)
from bot.render.discord import embeds_size
from checks.models import (
    Article,
    ClaimSentence,
    FactCheck,
    InputInfo,
    Quote,
    Report,
    Signal,
    Sources,
)

RLO = "\u202e"
PAREN_URL = "https://checkpoint.example/fact-check/wind_(turbines)"
HOSTILE = FactCheck(
    claim=f"Wind turbines cause cancer <!channel> @everyone {RLO}gnp.exe",
    rating="False <@U0BOSS>",
    publisher="Checkpoint @here",
    url=PAREN_URL,
    date="2025-03-02",
    score=0.912,
    sentence=ClaimSentence(text=f"Turbines cause cancer, the mayor said {RLO}. <!here>", start=10, end=60),
)
PLAIN = FactCheck(
    claim="The harbour bridge will close for two years.",
    rating="Misleading",
    publisher=None,
    url="https://factcheck.example/bridge",
    date=None,
    score=0.655,
    sentence=ClaimSentence(text="Ferry deal signed", start=None, end=None),
)


def fact_checked_report(*fact_checks: FactCheck) -> Report:
    return Report(
        input=InputInfo(kind="url", url="https://coastnews.example/turbines", sha256="0" * 64),
        article=Article(title="Ferry deal signed", site="Coast News", words=120),
        quotes=(Quote(text="We agreed.", start=0, end=10, speaker="Ana Ruiz", speaker_kind="named"),),
        sources=Sources(),
        signals=(Signal(code="weekday_mismatch", severity="warn", message="May 7 was a Wednesday"),),
        fact_checks=fact_checks or (HOSTILE, PLAIN),
    )


def strings(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return "\n".join(strings(v) for v in value.values())
    if isinstance(value, list | tuple):
        return "\n".join(strings(v) for v in value)
    return ""


def many_long_fact_checks(n: int = 40) -> Report:
    """Fact-checks that escaping makes longer, with URLs at the link limit."""
    long = FactCheck(claim="<&>" * 400, rating="<" * 200, publisher="&" * 200,
                     url="https://checkpoint.example/" + "a" * 1970, date="<" * 100, score=0.7,
                     sentence=ClaimSentence(text="<>" * 600, start=0, end=1200))
    return fact_checked_report(*[dataclasses.replace(long, claim=f"{k} {long.claim}") for k in range(n)])


# ---- the terminal


def test_the_terminal_shows_the_fact_checks_first_with_the_sentence_that_matched() -> None:
    text = render_text(fact_checked_report())
    assert text.index("FACT-CHECKED BEFORE") < text.index("SIGNALS") < text.index("QUOTES")
    lines = text.splitlines()
    at = lines.index("FACT-CHECKED BEFORE")
    assert lines[at + 1].startswith("  'Wind turbines cause cancer <!channel> @everyone gnp.exe' rated False")
    assert lines[at + 1].endswith(f"by Checkpoint @here, 2025-03-02 ({PAREN_URL})")
    assert lines[at + 2] == "      here: 'Turbines cause cancer, the mayor said . <!here>' (score 0.91)"
    # the second, without publisher or date, follows the first
    assert lines[at + 3] == "  'The harbour bridge will close for two years.' rated Misleading (https://factcheck.example/bridge)"
    assert RLO not in text


def test_a_report_without_fact_checks_has_no_such_section_anywhere() -> None:
    report = dataclasses.replace(fact_checked_report(), fact_checks=())
    assert "FACT-CHECKED" not in render_text(report)
    blocks = render_message(report).blocks
    assert "Fact-checked" not in strings(blocks)
    # the signals still lead, straight above the divider
    types = [b["type"] for b in blocks]
    assert types.index("divider") == 3 and blocks[2]["text"]["text"].startswith("*Signals*")
    assert "Fact-checked" not in strings(render_discord(report).to_dict())


# ---- Slack


def test_slack_shows_the_fact_checks_first_above_the_fold() -> None:
    blocks = render_message(fact_checked_report(), checker="U0REPORTER").blocks
    types = [b["type"] for b in blocks]
    assert types[:5] == ["header", "context", "section", "section", "divider"]
    fact_checks, signals = blocks[2]["text"]["text"], blocks[3]["text"]["text"]
    assert fact_checks.startswith("*Fact-checked before*\n• 'Wind turbines")
    assert fact_checks.index("Wind turbines") < fact_checks.index("harbour bridge")
    assert signals.startswith("*Signals*")
    full = render_full_blocks(fact_checked_report())
    assert full[2]["text"]["text"].startswith("*Fact-checked before*")


def test_slack_escapes_every_string_of_a_fact_check_and_links_only_through_the_safe_link() -> None:
    message = render_message(fact_checked_report())
    shown = strings(message.blocks)
    for raw in ("<!channel>", "<!here>", "<@U0BOSS>", RLO):
        assert raw not in shown and raw not in message.text
    assert "&lt;!channel&gt;" in shown and "&lt;@U0BOSS&gt;" in shown
    # Slack ends a link at ">" or "|", never at ")": the URL is the link's target whole
    assert f"(<{PAREN_URL}|fact-check>)" in shown
    assert "here: 'Turbines cause cancer, the mayor said . &lt;!here&gt;' (score 0.91)" in shown
    links = re.findall(r"<([^<>|]*)\|", shown)
    assert PAREN_URL in links and "https://factcheck.example/bridge" in links


def test_slack_shows_a_url_that_cannot_be_a_link_as_text() -> None:
    unsafe = dataclasses.replace(PLAIN, url="javascript:alert(1)//https://factcheck.example/")
    shown = strings(render_message(fact_checked_report(unsafe)).blocks)
    assert "(`javascript:alert(1)//https://factcheck.example/`)" in shown
    assert "<javascript" not in shown


def test_slack_keeps_every_limit_with_many_long_fact_checks_and_never_splits_a_link() -> None:
    report = many_long_fact_checks()
    message = render_message(report, report_key="k")
    full = render_full_blocks(report)
    assert len(message.blocks) <= SLACK_MAX_BLOCKS and len(full) <= SLACK_MAX_MODAL_BLOCKS
    assert len(message.text) <= SLACK_TEXT_CHARS
    for block in [*message.blocks, *full]:
        if block["type"] == "section":
            text = block["text"]["text"]
            assert len(text) <= SLACK_SECTION_CHARS
            if text.startswith("*Fact-checked before*"):  # "<" is ours only, and each one closed
                assert text.count("<") == text.count(">") == text.count("|fact-check>")
    assert message.blocks[2]["text"]["text"].startswith("*Fact-checked before*")
    assert "more in the full report" in strings(message.blocks)


# ---- Discord


def test_discord_puts_the_fact_checks_in_the_summary_embed_and_the_signals_next() -> None:
    embeds = render_discord(fact_checked_report()).to_dict()["embeds"]
    summary, signals = embeds[0], embeds[1]
    assert summary["title"] == "Ferry deal signed"
    assert summary["description"].startswith("**Fact-checked before**\n'Wind turbines")
    assert summary["description"].index("Wind turbines") < summary["description"].index("harbour bridge")
    assert signals["title"] == "Signals"
    assert signals["description"].startswith("⚠️ May 7 was a Wednesday")
    assert [e["title"] for e in embeds[2:]] == ["Quotes (1)", "Sources (0 named, 0 anonymous)", "Dates (0)"]


def test_discord_escapes_every_string_of_a_fact_check_and_keeps_the_link_whole() -> None:
    shown = json.dumps(render_discord(fact_checked_report()).to_dict(), ensure_ascii=False)
    assert RLO not in shown
    assert "@everyone" not in shown and "@\u200beveryone" in shown and "@\u200bhere" in shown
    assert "<@U0BOSS>" not in shown and "\\\\<@U0BOSS\\\\>" in shown  # JSON doubles the backslash
    # a ")" would end Discord's masked link early: it is encoded in the target
    assert "([fact-check](https://checkpoint.example/fact-check/wind\\\\_%28turbines%29))" not in shown
    assert "([fact-check](https://checkpoint.example/fact-check/wind_%28turbines%29))" in shown


def test_discord_shows_a_url_that_cannot_be_a_link_as_text() -> None:
    unsafe = dataclasses.replace(PLAIN, url="https://user@factcheck.example/")
    description = render_discord(fact_checked_report(unsafe)).embeds[0]["description"]
    assert "(`https://user@factcheck.example/`)" in description
    assert "](https://user@" not in description


def test_discord_keeps_every_limit_with_many_long_fact_checks() -> None:
    embeds = render_discord(many_long_fact_checks()).embeds
    assert len(embeds) <= DISCORD_MAX_EMBEDS
    assert embeds_size(embeds) <= DISCORD_EMBEDS_TOTAL_LIMIT
    assert all(utf16_len(e.get("description", "")) <= DISCORD_DESCRIPTION_LIMIT for e in embeds)
    assert embeds[0]["description"].startswith("**Fact-checked before**")
    assert "more fact-checks" in embeds[0]["description"]
    assert embeds[1]["title"] == "Signals"
