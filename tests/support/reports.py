"""Reports built by hand, shared by the renderer tests and the adapters' tests.

A built report pins what a surface is given, so a test of the Slack app or the Discord bot
checks the wiring, not the engine. Golden files (tests/golden/) hold some of these rendered.
"""

from __future__ import annotations

import datetime as dt

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

__all__ = ["NEWSROOM_ARTICLE", "many_quotes_report", "newsroom_report", "overflowing_report"]

NEWSROOM_ARTICLE = (
    "Harbour bridge closure delayed as council rejects contractor's plan\n"
    "The council voted on Tuesday, March 4, 2025 to delay the closure of the Harbour Bridge. "
    "\"We will not close the bridge before the ferry service is running,\" said Mayor Ana Ruiz. "
    "A senior engineer at the city, speaking on condition of anonymity, said the repairs could not wait. "
    "\"Every month we lose is a month of risk,\" the engineer said."
)


def newsroom_report() -> Report:
    """A council story with every section filled; offsets point into NEWSROOM_ARTICLE."""
    q1 = "We will not close the bridge before the ferry service is running,"
    q2 = "Every month we lose is a month of risk,"
    at1, at2 = NEWSROOM_ARTICLE.index(q1), NEWSROOM_ARTICLE.index(q2)
    return Report(
        input=InputInfo(kind="url", url="https://harbourgazette.example/news/bridge-closure",
                        sha256="3" * 64),
        article=Article(title="Harbour bridge closure delayed as council rejects contractor's plan",
                        site="Harbour Gazette", author="Lena Okafor", published=dt.date(2025, 3, 5),
                        words=64),
        quotes=(
            Quote(text=q1, start=at1, end=at1 + len(q1), speaker="Ana Ruiz", speaker_kind="named",
                  cue="said"),
            Quote(text=q2, start=at2, end=at2 + len(q2),
                  speaker="A senior engineer at the city", speaker_kind="anonymous", cue="said",
                  speaker_guessed=True),
        ),
        sources=Sources(
            named=(NamedSource(name="Ana Ruiz", role="Mayor", quotes=1, mentions=1),),
            anonymous=(AnonymousSource(text="A senior engineer at the city, speaking on condition of "
                                            "anonymity", start=176, end=243),),
        ),
        dates=(DateMention(text="Tuesday, March 4, 2025", value="2025-03-04", kind="absolute",
                           start=92, end=114),),
        similar=(Similar(id="seed:007_bridge", title="Ferry service to start before bridge works",
                         score=0.43, shared_quotes=(SharedQuote(text=q1, here="Ana Ruiz",
                                                                there="a council spokesperson"),)),),
        signals=(Signal(code="anonymous_only_claim", severity="warn",
                        message="The repair deadline rests on one anonymous source"),),
        history=History(item="item:42", times_checked=3, first_checked_at="2025-03-05T08:12:00Z",
                        first_checked_by="slack:T0NEWS/U0EDITOR"),
    )


def many_quotes_report(n: int = 200, width: int = 180) -> Report:
    """An article with n long quotes and nothing else: more than one Slack message holds."""
    quotes = tuple(
        Quote(text=f"Quote number {i}: " + "the budget will hold " * (width // 22), start=i * 400,
              end=i * 400 + width, speaker=f"Councillor {i}", speaker_kind="named", cue="said")
        for i in range(n))
    return Report(article=Article(title="Budget hearing", words=n * 60), quotes=quotes)


def overflowing_report(n: int = 200) -> Report:
    """An article with n quotes, sources, dates and similar articles: far more than one message holds."""
    quotes = tuple(Quote(text=f"Quote number {i}: the budget line for the harbour repairs was cut again "
                              f"this year and nobody at the council will say why, @everyone knows it",
                         start=i * 200, end=i * 200 + 150, speaker=f"Councillor {i}", speaker_kind="named",
                         cue="said") for i in range(n))
    named = tuple(NamedSource(name=f"Councillor {i}", role="member of the finance committee", quotes=1,
                              mentions=2) for i in range(n))
    dates = tuple(DateMention(text=f"March {i % 28 + 1}, 2025", value=f"2025-03-{i % 28 + 1:02d}",
                              kind="absolute", start=i, end=i + 1) for i in range(n))
    similar = tuple(Similar(id=f"seed:{i:03d}_0000", title=f"Harbour budget story {i} " + "x" * 300,
                            score=0.5 - i / 1000,
                            shared_quotes=tuple(SharedQuote(text="q" * 500, here="A", there="B")
                                                for _ in range(5))) for i in range(40))
    signals = tuple(Signal(code="weekday_mismatch", severity="warn", message="w" * 400) for _ in range(60))
    return Report(article=Article(title="T" * 400, words=40_000), quotes=quotes,
                  sources=Sources(named=named), dates=dates, similar=similar, signals=signals,
                  history=History(item="item:9", times_checked=1, first_checked_at="2026-11-21T08:00:00Z",
                                  first_checked_by="x" * 2000))
