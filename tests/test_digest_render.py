"""The digest's renderers: each platform's limits hold however long the week was, markup stays inert."""

from __future__ import annotations

import dataclasses
import datetime as dt

from bot.digest.chart import render_chart
from bot.digest.model import (
    Digest,
    FactCheckFigure,
    ItemFigure,
    RecycledQuote,
    SourceFigure,
    Week,
    WeekTotals,
)
from bot.render import DISCORD_CONTENT_LIMIT, SLACK_HEADER_CHARS, SLACK_SECTION_CHARS, utf16_len
from bot.render.digest import render_discord, render_slack, render_text


def busy_week(title: str = "Harbour authority disputes the port closure figures") -> Digest:
    long_title = title + ", " + "and a council row over who knew what and when " * 6
    items = tuple(ItemFigure(f"item:{n}", long_title, checks=9 - n, warnings=5 - n) for n in range(5))
    quote = "We were never told the berths would close before the season ended, not once, not by anyone. " * 4
    recycled = tuple(RecycledQuote(quote + str(n), ("a port official", "Mayor Lena Ortiz"),
                                   tuple(f"item:{n}{k}" for k in range(12)), ("seed:001_17b29c3997bab34f",))
                     for n in range(5))
    return Digest(workspace="T0NEWS", week=Week.parse("2026-W47"),
                  totals=WeekTotals(41, 17, 6, 12, 80, 21), previous=WeekTotals(30, 14, 5, 15, 70, 9),
                  checks_per_day=(9, 8, 7, 6, 5, 4, 2), most_checked=items, most_warnings=items,
                  recycled=recycled, top_sources=tuple(SourceFigure(f"Source {n}", 5, 9) for n in range(5)),
                  so_far=dt.date(2026, 11, 21))


def test_discord_content_is_cut_at_a_line_to_the_message_limit() -> None:
    content = render_discord(busy_week())
    assert len(content) <= DISCORD_CONTENT_LIMIT
    assert content.endswith("\n…")


def test_discord_content_counts_emoji_as_discord_does() -> None:
    # Discord counts UTF-16 units: each of these emoji is two. In characters the week is ~1,400
    # long, under the limit; in UTF-16 units it is well over, so it must be cut all the same.
    week = busy_week()
    emoji_title = "📰🚢⚓🌊" * 30
    items = tuple(ItemFigure(f"item:{n}", emoji_title, checks=9 - n, warnings=5 - n) for n in range(5))
    week = dataclasses.replace(week, most_checked=items, most_warnings=items, recycled=(), top_sources=())
    content = render_discord(week)
    assert utf16_len(content) <= DISCORD_CONTENT_LIMIT
    assert "📰" in content


def test_slack_blocks_stay_inside_their_limits() -> None:
    message = render_slack(busy_week())
    header, *sections = message.blocks
    assert len(header["text"]["text"]) <= SLACK_HEADER_CHARS
    assert all(len(b["text"]["text"]) <= SLACK_SECTION_CHARS for b in sections if b["type"] == "section")
    assert len(message.blocks) <= 50
    assert message.text.startswith("Weekly digest · T0NEWS · 2026-W47")


def test_titles_cannot_inject_slack_links_or_discord_markdown() -> None:
    digest = busy_week(title="<!channel> **BREAKING** _Port_ & <https://evil.example|click>")
    slack = str(render_slack(digest).blocks)
    assert "<!channel>" not in slack and "&lt;!channel&gt;" in slack and "&amp;" in slack
    discord = render_discord(digest)
    assert "**BREAKING**" not in discord and "\\*\\*BREAKING\\*\\*" in discord and "\\_Port\\_" in discord


def test_deltas_and_sourcing_share_read_as_words() -> None:
    text = render_text(busy_week())
    assert "41 checks of 17 items by 6 people" in text
    assert "vs 2026-W46: checks +11, items +3, people +1, warnings -3" in text
    assert "Anonymous sourcing: 21% (21 of 101 attributed statements), +9 points" in text


def test_the_chart_is_a_small_png_and_the_same_for_the_same_week() -> None:
    first, second = render_chart(busy_week()), render_chart(busy_week())
    assert first.startswith(b"\x89PNG\r\n\x1a\n")
    assert first == second
    assert len(first) < 100_000


def quiet_week() -> Digest:
    return Digest(
        workspace="T0NEWS", week=Week.parse("2026-W47"),
        totals=WeekTotals(checks=4, items=3, people=2, warnings=2, named_statements=5,
                          anonymous_statements=1),
        previous=WeekTotals(checks=6, items=4, people=2, warnings=2, named_statements=4,
                            anonymous_statements=2),
        checks_per_day=(2, 0, 1, 1, 0, 0, 0),
        most_checked=(ItemFigure("item:12", "Port talks collapse as Ottawa walks away", 2, 2),
                      ItemFigure("item:14", None, 1, 0)),
        most_warnings=(ItemFigure("item:12", "Port talks collapse as Ottawa walks away", 2, 2),),
        recycled=(RecycledQuote("We negotiate as equals, or we do not negotiate at all.",
                                ("Mark Carney", "a senior Canadian official"), ("item:12", "item:13"),
                                ("seed:001_17b29c3997bab34f",)),),
        top_sources=(SourceFigure("Mark Carney", 2, 3),),
    )


GOLDEN_TEXT = """\
Weekly digest · T0NEWS · 2026-W47 (Mon 16 Nov – Sun 22 Nov 2026)
4 checks of 3 items by 2 people
vs 2026-W46: checks -2, items -1, people no change, warnings no change
Warnings: 2 · Anonymous sourcing: 17% (1 of 6 attributed statements), -17 points

CHECKED MORE THAN ONCE
  2×  Port talks collapse as Ottawa walks away (item:12)

MOST WARNINGS
  2 warnings  Port talks collapse as Ottawa walks away (item:12)

RECYCLED QUOTES (IN MORE THAN ONE ITEM)
  “We negotiate as equals, or we do not negotiate at all.” — Mark Carney / a senior Canadian official \
— 3 items: item:12, item:13, seed:001_17b29c3997bab34f

SOURCES CITED MOST
  Mark Carney — 2 items, 3 statements
"""


def test_the_terminal_digest_matches_its_golden_text() -> None:
    assert render_text(quiet_week()) == GOLDEN_TEXT


def test_the_discord_digest_is_the_same_outline_in_discord_markdown() -> None:
    lines = render_discord(quiet_week()).splitlines()
    assert lines[0] == "**Weekly digest · T0NEWS · 2026-W47 (Mon 16 Nov – Sun 22 Nov 2026)**"
    assert "**Recycled quotes (in more than one item)**" in lines
    assert "- 2 warnings  Port talks collapse as Ottawa walks away (item:12)" in lines
    assert any("seed:001\\_17b29c3997bab34f" in line for line in lines)  # underscores escaped


def test_matched_fact_checks_lead_the_lists_escaped_on_every_surface() -> None:
    matched = FactCheckFigure("item:7", "Turbines \u202eand cancer",
                              claim="Turbines cause cancer <!channel> @everyone", rating="**False**",
                              publisher="Check <@U0BOSS>", score=0.9)
    week = dataclasses.replace(busy_week(), fact_checked=(matched,))
    text = render_text(week)
    assert text.index("MATCHED A PUBLISHED FACT-CHECK") < text.index("CHECKED MORE THAN ONCE")
    assert ("  Turbines and cancer (item:7): 'Turbines cause cancer <!channel> @everyone' rated **False** "
            "by Check <@U0BOSS>") in text
    slack = str(render_slack(week).blocks)
    assert "*Matched a published fact-check*" in slack
    assert "<!channel>" not in slack and "&lt;!channel&gt;" in slack and "&lt;@U0BOSS&gt;" in slack
    discord = render_discord(week)
    assert discord.index("**Matched a published fact-check**") < discord.index("**Checked more than once**")
    assert "@everyone" not in discord and "\\*\\*False\\*\\*" in discord and "\u202e" not in discord
    assert "Matched a published" not in render_text(busy_week())
