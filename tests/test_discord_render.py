"""The Discord renderer: golden files, Discord's limits on any report, and no pings from article text."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from support.discord_rig import assert_within_discord_limits
from support.golden import golden_text
from support.reports import overflowing_report

from bot.render import (
    DISCORD_FIELD_VALUE_LIMIT,
    escape_mentions,
    render_discord,
    utf16_len,
)
from bot.render.discord import fit_lines
from checks.models import (
    AnonymousSource,
    Article,
    DateMention,
    History,
    InputInfo,
    NamedSource,
    Quote,
    Report,
    SharedQuote,
    Signal,
    Similar,
    Sources,
)


def council_report() -> Report:
    """A council story with every section filled, one quote carrying an @everyone."""
    return Report(
        input=InputInfo(kind="url", url="https://harbourgazette.example/news/bridge-closure",
                        sha256="ab" * 32),
        article=Article(title="Harbour bridge closure delayed as council rejects contractor's plan",
                        site="Harbour Gazette", author="Lena Ortiz", published=dt.date(2025, 3, 5),
                        words=612),
        quotes=(
            Quote(text="We will not close the bridge before the ferry service is running,", start=160,
                  end=226, speaker="Ana Ruiz", speaker_kind="named", speaker_span=(234, 242), cue="said"),
            Quote(text="Every month we lose is a month of risk, tell @everyone at city hall", start=330,
                  end=398, speaker="a senior engineer at the city", speaker_kind="anonymous", cue="said",
                  speaker_guessed=True),
            Quote(text="a done deal", start=420, end=431, partial=True),
        ),
        sources=Sources(
            named=(NamedSource(name="Ana Ruiz", role="mayor", quotes=1, mentions=2, start=234, end=242),
                   NamedSource(name="Harbour Works Ltd", kind="organization", mentions=1)),
            anonymous=(AnonymousSource(
                text="A senior engineer at the city, speaking on condition of anonymity",
                start=250, end=316),),
        ),
        dates=(
            DateMention(text="Tuesday, March 4, 2025", value="2025-03-04", kind="absolute", start=30, end=52),
            DateMention(text="next spring", value="2026-SP", kind="relative", start=500, end=511),
            DateMention(text="the 1990s", value="199X", kind="partial", start=520, end=529),
        ),
        similar=(
            Similar(id="seed:017_4be5a1c2d9e0f311", title="Council delays Harbour Bridge works", score=0.46,
                    url="https://coastnews.example/bridge",
                    shared_quotes=(SharedQuote(
                        text="We will not close the bridge before the ferry service is running,",
                        here="Ana Ruiz", there="the mayor"),)),
            Similar(id="item:12", title=None, score=0.21),
        ),
        signals=(
            Signal(code="weekday_mismatch", severity="warn",
                   message="'Tuesday, March 4, 2025' – March 4, 2025 was a Tuesday; the piece says Wednesday",
                   start=30, end=52),
            Signal(code="anonymous_only_claim", severity="info",
                   message="The repair claim rests on one anonymous source", start=250, end=316),
        ),
        history=History(item="item:42", times_checked=3, first_checked_at="2026-11-20T14:03:00Z",
                        first_checked_by="discord:1200000000000000001/1400000000000000001"),
    )


@pytest.mark.parametrize(("name", "report"), [("discord_council", council_report()),
                                             ("discord_empty", Report(article=Article(words=40)))])
def test_render_matches_the_golden_file(name: str, report: Report) -> None:
    rendered = render_discord(report).to_dict()
    written = json.dumps(rendered, indent=2, ensure_ascii=False) + "\n"
    assert rendered == json.loads(golden_text(f"{name}.json", written))


def test_every_section_of_the_report_has_its_embed() -> None:
    reply = render_discord(council_report())
    titles = [e["title"] for e in reply.embeds]
    assert titles[0].startswith("Harbour bridge closure")
    assert titles[1:] == ["Quotes (3)", "Sources (2 named, 1 anonymous)", "Dates (3)", "Similar articles (2)"]
    quotes = reply.embeds[1]["description"]
    assert "We will not close the bridge" in quotes and "**Ana Ruiz**" in quotes
    assert "a senior engineer at the city (guessed)" in quotes
    similar = reply.embeds[4]["description"]
    assert "here Ana Ruiz, there the mayor" in similar
    assert "[Council delays Harbour Bridge works](https://coastnews.example/bridge)" in similar
    fields = {f["name"]: f["value"] for f in reply.embeds[0]["fields"]}
    # Shown as the user's name by Discord; a mention inside an embed never pings.
    assert fields["Checked before"].startswith("Checked 3 times; first by <@1400000000000000001> at ")
    assert reply.embeds[0]["url"] == "https://harbourgazette.example/news/bridge-closure"


def test_a_quoted_everyone_cannot_ping_even_without_allowed_mentions() -> None:
    reply = render_discord(council_report())
    text = json.dumps(reply.to_dict(), ensure_ascii=False)
    assert "@everyone" not in text
    assert "@\u200beveryone" in text


def test_a_first_checker_from_slack_or_the_cli_stays_plain_text() -> None:
    history = History(item="item:7", times_checked=2, first_checked_at="2026-11-20T09:00:00Z",
                      first_checked_by="slack:T024/U12AB")
    fields = render_discord(Report(history=history)).embeds[0]["fields"]
    assert fields[-1]["value"] == ("Checked 2 times; first by slack:T024/U12AB at 2026-11-20T09:00:00Z "
                                   "(`item:7`)")


def test_a_changed_article_says_so_in_the_checked_before_field() -> None:
    history = History(item="item:7", times_checked=2, first_checked_at="2026-11-20T09:00:00Z",
                      first_checked_by="slack:T024/U12AB", text_changed_since="2026-11-24T09:30:00Z")
    fields = render_discord(Report(history=history)).embeds[0]["fields"]
    assert fields[-1]["value"] == ("Checked 2 times; first by slack:T024/U12AB at 2026-11-20T09:00:00Z "
                                   "(`item:7`)\nThe article's text changed since it was last checked "
                                   "(2026-11-24T09:30:00Z); this check is of the new version.")


def test_an_over_long_first_checker_never_cuts_the_changed_article_line() -> None:
    report = overflowing_report()
    assert report.history is not None
    history = dataclasses.replace(report.history, text_changed_since="2026-11-24T09:30:00Z")
    reply = render_discord(dataclasses.replace(report, history=history))
    assert_within_discord_limits(reply)
    value = reply.embeds[0]["fields"][-1]["value"]
    assert "…\nThe article's text changed" in value and value.endswith("this check is of the new version.")


def test_mentions_of_users_roles_and_here_are_defused() -> None:
    assert escape_mentions("ping @here and @everyone") == "ping @\u200bhere and @\u200beveryone"
    assert escape_mentions("<@123456789012345678> <@&123456789012345678>") == (
        "<@\u200b123456789012345678> <@\u200b&123456789012345678>")
    assert escape_mentions("press@harbourgazette.example") == "press@harbourgazette.example"


def test_a_200_quote_article_stays_inside_every_discord_limit() -> None:
    reply = render_discord(overflowing_report(200), notice="n" * 3000)
    assert_within_discord_limits(reply)
    quotes = next(e for e in reply.embeds if e["title"] == "Quotes (200)")
    shown = quotes["description"].count("— **Councillor")
    assert 0 < shown < 200
    assert quotes["description"].endswith(f"… and {200 - shown} more quotes")
    # Quotes are what a verifier reads first: in a crowded message they get the biggest share.
    assert len(quotes["description"]) == max(len(e.get("description", "")) for e in reply.embeds)


def test_the_seed_articles_render_inside_the_limits(seed_texts: dict[str, str], nlp: object) -> None:
    import checks

    for name, text in seed_texts.items():
        reply = render_discord(checks.check_text(text))
        assert_within_discord_limits(reply)
        assert reply.embeds[1]["title"].startswith("Quotes"), name


@pytest.mark.parametrize("n", [0, 1, 9, 30, 60])
def test_reports_of_any_size_stay_inside_the_limits(n: int) -> None:
    assert_within_discord_limits(render_discord(overflowing_report(n)))


def test_fit_lines_keeps_whole_lines_and_counts_the_rest() -> None:
    lines = [f"line {i}" for i in range(10)]
    assert fit_lines(lines, 1000, "quote") == "\n".join(lines)
    cut = fit_lines(lines, 40, "quote")
    assert utf16_len(cut) <= 40
    kept = cut.splitlines()[:-1]
    assert kept == lines[: len(kept)]
    assert cut.splitlines()[-1] == f"… and {10 - len(kept)} more quotes"


def test_sizes_count_astral_characters_twice_like_discord() -> None:
    assert utf16_len("📰") == 2
    assert utf16_len(fit_lines(["📰" * 600] * 3, 1000, "quote")) <= 1000


def test_content_sums_up_the_report_in_one_line() -> None:
    content = render_discord(council_report(), notice="the page was cut at 100,000 characters").content
    first, note = content.split("\n")
    assert first.startswith("**Verification summary** for Harbour bridge closure")
    assert "3 quotes, 2 named and 1 anonymous sources, 1 warning." in first
    assert note == "Note: the page was cut at 100,000 characters"


def test_the_quotes_an_edit_removed_and_added_follow_the_changed_line_in_the_field() -> None:
    history = History(item="item:7", times_checked=2, first_checked_at="2026-11-20T09:00:00Z",
                      text_changed_since="2026-11-24T09:30:00Z",
                      quotes_removed=tuple(f"Gone {i}, @everyone" for i in range(4)), quotes_added=("New",))
    value = render_discord(Report(history=history)).embeds[0]["fields"][-1]["value"]
    assert value.splitlines()[2:] == [
        "Quotes removed since then: “Gone 0, @\u200beveryone”, “Gone 1, @\u200beveryone”, "
        "“Gone 2, @\u200beveryone” … and 1 more",
        "Quotes added since then: “New”",
    ]


def test_an_over_long_first_checker_is_cut_before_the_quotes_an_edit_removed() -> None:
    report = overflowing_report()
    assert report.history is not None
    history = dataclasses.replace(report.history, text_changed_since="2026-11-24T09:30:00Z",
                                  first_checked_by="x" * 5000, quotes_removed=("q" * 500,) * 9,
                                  quotes_added=("a" * 500,) * 9)
    reply = render_discord(dataclasses.replace(report, history=history))
    assert_within_discord_limits(reply)
    value = reply.embeds[0]["fields"][-1]["value"]
    assert utf16_len(value) <= DISCORD_FIELD_VALUE_LIMIT
    assert value.splitlines()[0].endswith("x…")
    assert "this check is of the new version.\nQuotes removed since then: “qqq" in value
    assert value.endswith("… and 6 more")
