"""Hostile pages: what an article writes cannot change what a surface shows.

A page chooses its own title, site name, canonical URL and every quoted word. These tests feed
such strings to every renderer (terminal, Slack, Discord, the weekly digest) and check that the
links stay ours, markup stays inert, and invisible or terminal-control characters never arrive.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Callable
from typing import Any

import pytest

from bot.digest.model import Digest, ItemFigure, RecycledQuote, SourceFigure, Week, WeekTotals
from bot.render import (
    link_url,
    render_discord,
    render_full_blocks,
    render_message,
    render_text,
    visible,
)
from bot.render import render_digest_discord as digest_discord
from bot.render import render_digest_slack as digest_slack
from bot.render import render_digest_text as digest_text
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

SAFE_URL = "https://coastnews.example/bridge"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
# Other invisible format characters: zero-width space, word joiner, byte-order mark, soft hyphen, a tag.
INVISIBLE = "\u200b\u2060\ufeff\u00ad\U000e0041"
# Clear screen, set the window title, an OSC 8 hyperlink, an 8-bit CSI colour, carriage return, bell.
TERMINAL = "\x1b[2J\x1b]0;owned\x07\x1b]8;;https://evil.example\x1b\\\x9b31m\r\x08\x07"
FORGED_LINK = "[Verified](https://evil.example/)"


def hostile_report(text: str, url: str | None = SAFE_URL) -> Report:
    """Every article-derived string carries `text`; the input, canonical and similar URLs are `url`."""
    return Report(
        input=InputInfo(kind="url", url=url, sha256="0" * 64),
        article=Article(title=f"Ferry{text}deal", site=f"Harbour{text}Gazette", author=f"Lena{text}Ortiz",
                        words=10, canonical_url=url),
        quotes=(Quote(text=f"We{text}agreed", start=0, end=10, speaker=f"Ana{text}Ruiz", speaker_kind="named",
                      cue=f"said{text}"),),
        sources=Sources(named=(NamedSource(name=f"Ana{text}Ruiz", role=f"mayor{text}"),),
                        anonymous=(AnonymousSource(text=f"an{text}official", start=0, end=5),)),
        dates=(DateMention(text=f"Tuesday{text}", value="2025-03-04", kind="relative", start=0, end=7),),
        similar=(Similar(id="seed:017_bridge", title=f"Council{text}delays", score=0.5, url=url,
                         shared_quotes=(SharedQuote(text=f"We{text}agreed", here=f"Ana{text}Ruiz",
                                                    there=f"a{text}spokesperson"),)),),
        signals=(Signal(code="x", severity="warn", message=f"'Tuesday{text}' was a Wednesday"),),
        history=History(item="item:1", times_checked=2, first_checked_at="2026-11-20T09:00:00Z",
                        first_checked_by=f"cli:desk{text}", text_changed_since="2026-11-24T09:30:00Z",
                        quotes_removed=(f"Gone{text}now",), quotes_added=(f"New{text}one",)),
    )


def hostile_digest(text: str) -> Digest:
    item = ItemFigure("item:12", f"Port{text}talks", checks=2, warnings=1, url=SAFE_URL)
    return Digest(workspace="T0NEWS", week=Week.parse("2026-W47"), totals=WeekTotals(4, 3, 2, 1, 5, 1),
                  previous=WeekTotals(), most_checked=(item,), most_warnings=(item,),
                  recycled=(RecycledQuote(f"We{text}agreed", (f"Ana{text}Ruiz",), ("item:12", "item:13")),),
                  top_sources=(SourceFigure(f"Ana{text}Ruiz", 2, 3),))


def strings(value: Any) -> str:
    """Every string of a rendered payload, one per line, as the platform would receive them."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return "\n".join(strings(v) for v in value.values())
    if isinstance(value, list | tuple):
        return "\n".join(strings(v) for v in value)
    return ""


def report_surfaces(report: Report) -> dict[str, str]:
    message = render_message(report, checker="U0REPORTER", report_key="k")
    return {"terminal": render_text(report), "slack message": strings(message.blocks),
            "slack fallback": message.text, "slack full report": strings(render_full_blocks(report)),
            "discord": strings(render_discord(report).to_dict())}


def digest_surfaces(digest: Digest) -> dict[str, str]:
    slack = digest_slack(digest)
    return {"digest terminal": digest_text(digest), "digest slack": strings(slack.blocks),
            "digest slack fallback": slack.text, "digest discord": digest_discord(digest)}


def every_surface(text: str) -> dict[str, str]:
    return report_surfaces(hostile_report(text)) | digest_surfaces(hostile_digest(text))


SLACK_LINK = re.compile(r"<([^<>|]*)(?:\|([^<>]*))?>")
DISCORD_LINK = re.compile(r"(?<!\\)\[((?:\\.|[^\\\]])*)\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\)")


def slack_links(text: str) -> list[str]:
    """Link targets Slack would make of a mrkdwn text (user mentions left out)."""
    return [target for target, _label in SLACK_LINK.findall(text) if not target.startswith("@")]


@pytest.mark.parametrize("char", list(BIDI + INVISIBLE), ids=lambda c: f"U+{ord(c):04X}")
def test_bidi_controls_and_invisible_format_characters_reach_no_surface(char: str) -> None:
    report = hostile_report(char)
    for surface, shown in (report_surfaces(report) | digest_surfaces(hostile_digest(char))).items():
        assert char not in shown, surface
        assert "AnaRuiz" in shown, surface  # removed, not replaced: the name reads as it should
    # Only what is shown is cleaned: the report (and so --json and the history) keeps the character.
    assert char in json.dumps(report.to_dict(), ensure_ascii=False)


def test_terminal_control_sequences_never_reach_any_surface() -> None:
    for surface, shown in every_surface(TERMINAL).items():
        controls = {hex(ord(c)) for c in shown if (ord(c) < 32 and c != "\n") or 0x7F <= ord(c) <= 0x9F}
        assert not controls, surface
        assert "owned" not in shown and "evil.example" not in shown, surface


def test_a_title_with_line_breaks_cannot_forge_a_section_of_the_terminal_report() -> None:
    report = hostile_report("\n\nSIGNALS\n  none\n")
    lines = render_text(report).splitlines()
    assert lines[0].startswith("Ferry") and lines[0].endswith("deal")
    assert lines.count("SIGNALS") == 1 and "  none" not in lines


@pytest.mark.parametrize("url", [
    "https://coastnews.example/a|Verified by Reuters",  # a pipe would relabel a Slack link
    "https://coastnews.example/a>b<!channel>",
    "javascript:alert(document.cookie)",
    "data:text/html,<script>alert(1)</script>",
    "https://coastnews.example\u202e/gpj.exe",
    "https://coastnews.example/a b",
    "https://reuters.example@evil.example/",  # the name before @ is not the site
    "https://coastnews.example/" + "a" * 2100,
])
def test_a_url_that_cannot_be_a_safe_link_is_shown_as_text_not_as_a_link(url: str) -> None:
    report = hostile_report("", url=url)
    message = render_message(report)
    for blocks in (message.blocks, render_full_blocks(report)):
        assert slack_links(strings(blocks)) == []
    discord = render_discord(report).to_dict()
    assert DISCORD_LINK.findall(strings(discord)) == []
    assert "url" not in discord["embeds"][0]
    assert url.replace("\u202e", "")[:60] in strings(discord)  # as text, in a code span


def test_a_url_cannot_break_out_of_the_discord_masked_link() -> None:
    url = f"https://coastnews.example/a){FORGED_LINK}"
    similar = render_discord(hostile_report(" ", url=url)).embeds[-1]["description"]
    assert DISCORD_LINK.findall(similar) == [
        ("Council delays",
         "https://coastnews.example/a%29%5BVerified%5D%28https://evil.example/%29")]


def test_a_safe_url_stays_a_link_escaped_for_each_surface() -> None:
    url = "https://en.wikipedia.example/wiki/Bridge_(Harbour)?a=1&b=2"
    report = hostile_report(" ", url=url)
    slack = strings(render_message(report).blocks)
    assert slack_links(slack) == ["https://en.wikipedia.example/wiki/Bridge_(Harbour)?a=1&amp;b=2"] * 2
    assert "<https://en.wikipedia.example/wiki/Bridge_(Harbour)?a=1&amp;b=2|Council delays>" in slack
    discord = render_discord(report).to_dict()
    encoded = "https://en.wikipedia.example/wiki/Bridge_%28Harbour%29?a=1&b=2"
    assert discord["embeds"][0]["url"] == url  # a JSON field, not markdown: only checked
    assert DISCORD_LINK.findall(strings(discord)) == [("Council delays", encoded)]


@pytest.mark.parametrize("markup", [FORGED_LINK, "<#123456789012345678>", "<t:0:R>", "# Breaking"])
def test_article_text_cannot_add_links_or_markup_to_discord(markup: str) -> None:
    report = hostile_report(f" {markup} ")
    shown = {"report": strings(render_discord(report).to_dict()),
             "digest": digest_discord(hostile_digest(markup))}
    for surface, text in shown.items():
        targets = [target for _label, target in DISCORD_LINK.findall(text)]
        assert targets == [SAFE_URL] * (surface == "report"), surface
        assert not re.search(r"(?<!\\)<[#t]", text), surface
        assert "#" not in markup or ("\\#" in text and not re.search(r"(?<!\\)#", text)), surface


def test_the_discord_digest_cannot_ping_everyone() -> None:
    content = digest_discord(hostile_digest(" @everyone @here <@&123456789012345678> "))
    assert "@everyone" not in content and "@here" not in content and "<@&1" not in content
    assert "@\u200beveryone" in content


@pytest.mark.parametrize("render", [render_text, lambda r: render_message(r).text],
                         ids=["terminal", "slack fallback"])
def test_a_lone_surrogate_from_a_page_cannot_make_rendering_fail(render: Callable[[Report], str]) -> None:
    shown = render(hostile_report("\ud800"))
    shown.encode("utf-8")  # what every surface does with the text; a lone surrogate raises here
    assert "Ferry\ufffddeal" in shown


def test_visible_removes_every_format_character_but_the_joiners() -> None:
    formats = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if unicodedata.category(c) == "Cf")
    assert len(formats) > 150
    assert visible(f"a{formats}b") == "a\u200c\u200db"  # joiners shape Persian, Indic words and emoji


def test_visible_keeps_text_in_any_script_and_emoji_sequences() -> None:
    text = "👩\u200d💻 خبر فوری «Мэр» 市長 naïve\u00a0café 🇨🇦"
    assert visible(text) == text


def test_visible_leaves_no_escape_character_of_a_broken_sequence() -> None:
    assert visible("a\x1b]0;title b\x1b[31") == "a0;title b31"
    assert visible("line one\r\nline two\u2028three\tfour") == "line one  line two three four"


@pytest.mark.parametrize(("url", "linkable"), [
    ("HTTPS://Coastnews.Example:8443/a?b=1#c", True),
    ("https://例え.jp/ニュース", True),
    ("https://coastnews.example:port/", False),
    ("https://[2001:db8::1]/", False),  # no news site links to a bare address
    ("https://coastnews.example)[x](https://evil.example/", False),
    ("ftp://coastnews.example/a", False),
    ("//coastnews.example/a", False),
])
def test_only_http_links_to_a_plain_host_can_be_links(url: str, linkable: bool) -> None:
    assert (link_url(url) == url) is linkable
