"""The render layer's shared rules: one way to cut, one plural, one order of sections on every surface."""

from __future__ import annotations

import json

import pytest

from bot.render import (
    SECTION_ORDER,
    plural,
    render_discord,
    render_message,
    render_text,
    shorten,
    truncate,
    utf16_len,
)
from checks.models import (
    Article,
    DateMention,
    NamedSource,
    Quote,
    Report,
    Signal,
    Similar,
    Sources,
)


def every_section_report() -> Report:
    return Report(
        article=Article(title="Ferry deal signed", words=120),
        quotes=(Quote(text="We agreed.", start=0, end=10, speaker="Ana Ruiz", speaker_kind="named"),),
        sources=Sources(named=(NamedSource(name="Ana Ruiz"),)),
        dates=(DateMention(text="May 7, 2025", value="2025-05-07", kind="absolute", start=20, end=31),),
        similar=(Similar(id="seed:001_ferry", title="Ferry deal", score=0.5),),
        signals=(Signal(code="weekday_mismatch", severity="warn", message="May 7 was a Wednesday"),),
    )


def in_order(text: str, marks: list[str]) -> bool:
    at = [text.index(mark) for mark in marks]
    return at == sorted(at)


# Each surface's heading of each section, in SECTION_ORDER.
HEADINGS = {
    "terminal": ["SIGNALS", "QUOTES", "SOURCES", "DATES", "SIMILAR ARTICLES"],
    "slack": ["*Signals*", "*Quotes (", "*Named sources (", "*Dates (", "*Similar articles ("],
    "discord": ["**Signals**", '"Quotes (', '"Sources (', '"Dates (', '"Similar articles ('],
}


def test_every_surface_shows_the_sections_in_the_one_order() -> None:
    assert SECTION_ORDER == ("fact_checks", "signals", "quotes", "sources", "dates", "similar")
    report = every_section_report()
    shown = {"terminal": render_text(report),
             "slack": json.dumps(render_message(report).blocks, ensure_ascii=False),
             "discord": json.dumps(render_discord(report).to_dict()["embeds"], ensure_ascii=False)}
    for surface, text in shown.items():
        assert in_order(text, HEADINGS[surface]), surface


def test_a_text_that_fits_is_returned_whole() -> None:
    assert truncate("short", 5) == "short"
    assert truncate("a\nb", 3, at_line=True) == "a\nb"


def test_a_cut_ends_with_an_ellipsis_and_drops_the_space_before_it() -> None:
    assert truncate("the harbour bridge", 12) == "the harbour…"
    assert utf16_len(truncate("the harbour bridge", 12)) <= 12


@pytest.mark.parametrize("limit", [1, 2, 3, 10, 99, 100, 101])
def test_astral_characters_count_twice_and_are_never_split(limit: int) -> None:
    cut = truncate("📰" * 100, limit)
    assert utf16_len(cut) <= limit
    assert cut.rstrip("…") == "📰" * len(cut.rstrip("…"))


def test_a_cut_at_a_line_break_marks_itself_on_a_line_of_its_own() -> None:
    text = "first line\nsecond line\nthird line"
    assert truncate(text, 25, at_line=True) == "first line\nsecond line\n…"
    assert truncate("📰📰📰\n" * 10, 20, at_line=True) == "📰📰📰\n📰📰📰\n…"


def test_a_limit_too_small_for_the_mark_gives_nothing() -> None:
    assert truncate("harbour", 1) == ""
    assert truncate("harbour", 0) == ""
    assert truncate("a\nb\nc", 2, at_line=True) == ""


def test_shorten_puts_visible_text_on_one_line() -> None:
    assert shorten("Ferry\u202e deal\n signed\x1b[2J", 40) == "Ferry deal signed"
    assert shorten("Ferry deal signed", 7) == "Ferry…"


def test_plural_agrees_with_the_count() -> None:
    assert [plural(n, "quote") for n in (0, 1, 2)] == ["quotes", "quote", "quotes"]
    assert plural(3, "person", "people") == "people"
    assert plural(1, "person", "people") == "person"
