"""The Block Kit renderer: golden files, Slack's limits on any report, and escaping of article text."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from typing import Any

import pytest
from support.golden import golden_text
from support.reports import many_quotes_report, newsroom_report

from bot.render import (
    FULL_REPORT_ACTION,
    SLACK_CONTEXT_CHARS,
    SLACK_HEADER_CHARS,
    SLACK_MAX_BLOCKS,
    SLACK_MAX_MODAL_BLOCKS,
    SLACK_MODAL_TITLE_CHARS,
    SLACK_SECTION_CHARS,
    SLACK_TEXT_CHARS,
    render_full_blocks,
    render_full_view,
    render_message,
    render_text,
    slack_escape,
)
from checks.models import (
    AnonymousSource,
    Article,
    DateMention,
    History,
    NamedSource,
    Quote,
    Report,
    SharedQuote,
    Signal,
    Similar,
    Sources,
)


def texts_of(blocks: Sequence[dict[str, Any]]) -> str:
    return json.dumps(blocks, ensure_ascii=False)


def assert_within_slack_limits(blocks: Sequence[dict[str, Any]], max_blocks: int) -> None:
    assert len(blocks) <= max_blocks
    for block in blocks:
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= SLACK_SECTION_CHARS
        elif block["type"] == "header":
            assert len(block["text"]["text"]) <= SLACK_HEADER_CHARS
        elif block["type"] == "context":
            assert len(block["elements"]) <= 10
            assert all(len(e["text"]) <= SLACK_CONTEXT_CHARS for e in block["elements"])


def check_golden(name: str, value: object) -> None:
    rendered = json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert rendered == golden_text(name, rendered)


def test_the_message_matches_its_golden_file() -> None:
    message = render_message(newsroom_report(), checker="U0REPORTER", report_key="k3y")
    check_golden("slack_message.json", {"blocks": message.blocks})
    # The fallback is the plain-text renderer's report (its own golden file), escaped for Slack.
    expected = "deskcheck report for <@U0REPORTER>\n" + slack_escape(render_text(newsroom_report()))
    assert message.text == expected


def test_the_full_report_view_matches_its_golden_file() -> None:
    check_golden("slack_full_view.json", render_full_view(newsroom_report()))


def test_the_message_leads_with_title_site_and_date_then_signals() -> None:
    blocks = render_message(newsroom_report(), checker="U0REPORTER").blocks
    assert blocks[0]["type"] == "header"
    assert blocks[0]["text"]["text"].startswith("Harbour bridge closure delayed")
    facts = texts_of([blocks[1]])
    assert "Harbour Gazette" in facts and "2025-03-05" in facts and "<@U0REPORTER>" in facts
    assert "*Signals*" in blocks[2]["text"]["text"]
    assert "one anonymous source" in blocks[2]["text"]["text"]


def test_the_message_names_speakers_sources_dates_similar_and_history() -> None:
    text = texts_of(render_message(newsroom_report()).blocks)
    for expected in ("We will not close the bridge", "*Ana Ruiz*", "Mayor",
                     "_A senior engineer at the city (guessed)_", "speaking on condition of anonymity",
                     "`2025-03-04`", "Ferry service to start before bridge works",
                     "here Ana Ruiz, there a council spokesperson", "3 times", "<@U0EDITOR>"):
        assert expected in text


def test_a_200_quote_article_stays_within_the_message_limits_and_counts_the_rest() -> None:
    message = render_message(many_quotes_report(200), checker="U0REPORTER", report_key="k")
    assert_within_slack_limits(message.blocks, SLACK_MAX_BLOCKS)
    assert len(message.text) <= SLACK_TEXT_CHARS
    text = texts_of(message.blocks)
    assert "Quote number 7:" in text and "Quote number 8:" not in text
    assert "… and 192 more in the full report" in text
    assert message.blocks[-1]["elements"][0]["action_id"] == FULL_REPORT_ACTION


def test_the_full_report_of_a_200_quote_article_holds_every_quote_within_the_modal_limits() -> None:
    view = render_full_view(many_quotes_report(200))
    assert_within_slack_limits(view["blocks"], SLACK_MAX_MODAL_BLOCKS)
    assert len(view["title"]["text"]) <= SLACK_MODAL_TITLE_CHARS
    text = texts_of(view["blocks"])
    assert all(f"Quote number {i}:" in text for i in range(200))
    assert "more" not in text.split("Quote number 199")[1]


def test_a_report_too_big_for_any_surface_is_cut_with_a_count_not_refused() -> None:
    huge = "x" * 10_000
    report = Report(
        article=Article(title="T" * 5000, site=huge, author=huge, words=10**6),
        quotes=tuple(Quote(text=huge, start=0, end=1, speaker=huge, cue=huge) for _ in range(2000)),
        sources=Sources(named=tuple(NamedSource(name=huge, role=huge) for _ in range(500)),
                        anonymous=tuple(AnonymousSource(text=huge, start=0, end=1) for _ in range(500))),
        dates=tuple(DateMention(text=huge, value=huge, kind="absolute", start=0, end=1) for _ in range(900)),
        similar=tuple(Similar(id=huge, title=huge, score=0.5,
                              shared_quotes=tuple(SharedQuote(text=huge) for _ in range(50)))
                      for _ in range(300)),
        signals=tuple(Signal(code="x", severity="warn", message=huge) for _ in range(400)),
        history=History(item=huge, times_checked=10**6, first_checked_at=huge, first_checked_by=huge,
                        text_changed_since=huge),
    )
    message = render_message(report, checker="U0REPORTER", notice=huge, report_key=huge)
    assert_within_slack_limits(message.blocks, SLACK_MAX_BLOCKS)
    assert len(message.text) <= SLACK_TEXT_CHARS
    assert len(message.blocks[-1]["elements"][0]["value"]) <= 2000
    assert_within_slack_limits(render_full_view(report)["blocks"], SLACK_MAX_MODAL_BLOCKS)
    full = render_full_blocks(report, max_blocks=SLACK_MAX_BLOCKS)
    assert_within_slack_limits(full, SLACK_MAX_BLOCKS)
    assert "more" in texts_of(full)


def test_an_empty_report_still_renders_every_section() -> None:
    message = render_message(Report())
    text = texts_of(message.blocks)
    assert "(untitled text)" in text
    for section in ("*Signals*: none", "*Quotes*: none found", "*Sources*: none found",
                    "*Dates*: none found"):
        assert section in text
    assert message.text.startswith("deskcheck report")


@pytest.mark.parametrize("hostile", ["<!channel> read this", "<@U0BOSS> said so", "<https://evil.example|bank>"])
def test_article_text_can_never_ping_or_link_in_slack(hostile: str) -> None:
    report = Report(article=Article(title=hostile, site=hostile),
                    quotes=(Quote(text=hostile, start=0, end=len(hostile), speaker=hostile),),
                    signals=(Signal(code="x", severity="info", message=hostile),))
    message = render_message(report)
    assert hostile not in texts_of(message.blocks[1:])  # the header is plain_text: Slack shows it as is
    assert hostile not in message.text
    assert slack_escape(hostile) in texts_of(message.blocks)


def test_a_changed_article_says_so_under_checked_before_in_the_message_and_full_report() -> None:
    report = newsroom_report()
    assert report.history is not None
    history = dataclasses.replace(report.history, text_changed_since="2026-11-24T09:30:00Z")
    report = dataclasses.replace(report, history=history)
    changed = ("The article's text changed since it was last checked (2026-11-24 09:30 UTC); "
               "this check is of the new version.")
    for blocks in (render_message(report).blocks, render_full_blocks(report)):
        [section] = [b["text"]["text"] for b in blocks if "*Checked before*" in texts_of([b])]
        assert section.endswith(f"(`item:42`)\n{changed}")
    assert "The article's text changed" not in texts_of(render_message(newsroom_report()).blocks)


def test_the_quotes_an_edit_removed_and_added_follow_the_changed_line_escaped() -> None:
    report = newsroom_report()
    assert report.history is not None
    history = dataclasses.replace(report.history, text_changed_since="2026-11-24T09:30:00Z",
                                  quotes_removed=("<!channel> sell", *(f"Gone {i}" for i in range(4))),
                                  quotes_added=("Q&A",))
    report = dataclasses.replace(report, history=history)
    for blocks in (render_message(report).blocks, render_full_blocks(report)):
        [section] = [b["text"]["text"] for b in blocks if "*Checked before*" in texts_of([b])]
        assert section.endswith("this check is of the new version.\n"
                                "Quotes removed since then: “&lt;!channel&gt; sell”, “Gone 0”, “Gone 1” "
                                "… and 2 more\n"
                                "Quotes added since then: “Q&amp;A”")
