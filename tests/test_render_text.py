"""The plain-text renderer (terminal, and every chat surface's fallback): golden file and shape."""

from __future__ import annotations

import dataclasses
import datetime as dt

from support.golden import golden_text

from bot.render.text import SHARED_QUOTES_SHOWN, render_text
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


def ferry_report() -> Report:
    same = [SharedQuote(text=f"The ferry will run every hour from April, line {i}.", here="Ana Ruiz",
                        there="Ana Ruiz", another_speaker=False) for i in range(4)]
    relabelled = SharedQuote(text="Nobody on this council voted for a closure.", here="Ana Ruiz",
                             there="Marta Quinn", another_speaker=True)
    return Report(
        article=Article(title="Ferry service to replace bridge during repairs", site="Harbour Gazette",
                        author="Lena Ortiz", published=dt.date(2025, 3, 5), words=412),
        quotes=(
            Quote(text="Nobody on this council voted for a closure.", start=120, end=163, speaker="Ana Ruiz",
                  speaker_kind="named", speaker_span=(170, 178), cue="said"),
            Quote(text="a done deal", start=220, end=231, partial=True),
            Quote(text="We were never asked.", start=300, end=320, speaker="Ana Ruiz", speaker_kind="named",
                  cue="added", speaker_guessed=True),
        ),
        sources=Sources(
            named=(NamedSource(name="Ana Ruiz", role="mayor", quotes=2, mentions=3),),
            anonymous=(AnonymousSource(text="a city engineer who asked not to be named",
                                       start=400, end=441),),
        ),
        dates=(DateMention(text="Tuesday", value="2025-03-04", kind="relative", start=40, end=47),
               DateMention(text="the spring", value=None, kind="relative", start=60, end=70)),
        similar=(Similar(id="seed:017_bridge", title="Council delays bridge works", score=0.93,
                         shared_quotes=(*same, relabelled)),),
        signals=(Signal(code="unattributed_quote", severity="warn", message="'a done deal' has no speaker",
                        start=220, end=231),),
        history=History(item="item:42", times_checked=3, first_checked_at="2026-11-20T14:03:00Z",
                        first_checked_by="slack:T024/U12AB"),
    )


def test_render_matches_the_golden_file() -> None:
    text = render_text(ferry_report())
    assert text == golden_text("text_ferry.txt", text)


def test_a_quote_said_by_someone_else_there_is_shown_first_and_marked() -> None:
    lines = render_text(ferry_report()).splitlines()
    shared = [line for line in lines if "same quote:" in line]
    assert len(shared) == SHARED_QUOTES_SHOWN
    assert "there Marta Quinn" in shared[0] and "another speaker" in shared[0]
    assert any("… and 2 more shared quotes" in line for line in lines)


def test_an_empty_report_still_names_every_section() -> None:
    text = render_text(Report())
    assert text.startswith("(untitled text)")
    for section in ("SIGNALS", "QUOTES", "SOURCES", "DATES"):
        assert f"{section}\n  none" in text
    assert "SIMILAR" not in text and "HISTORY" not in text


def test_a_shared_quote_is_flagged_only_when_another_speaker_is_true() -> None:
    shared = tuple(SharedQuote(text=f"We negotiate as equals, round {n}.", here="Carney", there=there,
                               another_speaker=flag)
                   for n, (there, flag) in enumerate((("Mark Carney", False), ("a senior official", None))))
    report = Report(similar=(Similar(id="seed:1", title=None, score=0.1, shared_quotes=shared),))
    assert "another speaker" not in render_text(report)


def test_a_changed_article_says_so_under_the_history_line() -> None:
    report = ferry_report()
    assert report.history is not None
    history = dataclasses.replace(report.history, text_changed_since="2026-11-24T09:30:00Z")
    lines = render_text(dataclasses.replace(report, history=history)).splitlines()
    assert lines[lines.index("HISTORY") + 1:] == [
        "  item:42: checked 3 times; first by slack:T024/U12AB at 2026-11-20T14:03:00Z",
        "  The article's text changed since it was last checked (2026-11-24T09:30:00Z); "
        "this check is of the new version.",
    ]


def test_the_quotes_an_edit_removed_and_added_follow_the_changed_line_three_at_most() -> None:
    report = ferry_report()
    assert report.history is not None
    removed = tuple(f"Removed quote {i}." for i in range(5))
    history = dataclasses.replace(report.history, text_changed_since="2026-11-24T09:30:00Z",
                                  quotes_removed=removed, quotes_added=("A new quote " + "word " * 40,))
    lines = render_text(dataclasses.replace(report, history=history)).splitlines()
    assert lines[lines.index("HISTORY") + 3:] == [
        "  Quotes removed since then: “Removed quote 0.”, “Removed quote 1.”, “Removed quote 2.” "
        "… and 2 more",
        "  Quotes added since then: “A new quote word word word word word word word word word word word word "
        "word wo…”",
    ]
