"""The report page's render time for a 2,000-word article with 40 quotes, measured in one run.

    .venv/bin/python bench/page.py [--rounds 300] [--database-url postgresql+psycopg://user@host/db]

The article is the seeds' own prose (tests/support/articles.py shuffles their paragraphs) cut to
2,000 words; its report carries 40 quotes on sentences of the text, 40 named sources, 20 dates,
10 signals, 5 similar articles with shared quotes and 3 fact-checks; the desk has 12 events on
the item (statuses, notes, assignments). The item goes in through Store.record, the events
through store.desk, as in production. Printed, per database, p50 and p95 of:
  render  the HTML from what was read (render_page),
  parse   Report.from_dict on the stored report's JSON alone (part of every read, in the engine),
  page    read and render (load_page + render_page: the item, its history, the desk's state),
  http    a GET of the signed link on 127.0.0.1 through `deskcheck web`'s server (PageServer),
and the ratio of each p95 to the 50 ms target. SQLite always, in a temporary file; PostgreSQL with
--database-url (or DESKCHECK_TEST_POSTGRES_URL), in a scratch database dropped at the end.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # the long-article builder the scaling tests use

from sqlalchemy import create_engine, make_url, text  # noqa: E402
from support.articles import long_article  # noqa: E402

from bot.settings import Settings  # noqa: E402
from bot.web.links import PAGE_PREFIX, token_for  # noqa: E402
from bot.web.page import load_page, render_page  # noqa: E402
from bot.web.server import PageServer, PageSite  # noqa: E402
from checks.models import (  # noqa: E402
    Article,
    ClaimSentence,
    DateMention,
    FactCheck,
    InputInfo,
    NamedSource,
    Quote,
    Report,
    SharedQuote,
    Signal,
    Similar,
    Sources,
)
from storage import CheckEvent, Store, open_store  # noqa: E402
from storage.db import dispose  # noqa: E402

WORDS, QUOTES = 2_000, 40
TARGET_MS = 50.0
WORKSPACE = "T0BENCH"
KEY = "bench-only key for signed report links, 40+ bytes"
_SENTENCE = re.compile(r"[A-Z][^.!?\n]{40,220}[.!?]")


def article() -> str:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    body = long_article(seeds, WORDS * 8, seed=16)
    return " ".join(body.split(" ")[:WORDS])


def report_for(body: str) -> Report:
    """A report as rich as a long story's: every section filled, quotes on sentences of the text."""
    spans = [m.span() for m in _SENTENCE.finditer(body)]
    step = max(len(spans) // QUOTES, 1)
    quotes = tuple(Quote(text=body[s:e], start=s, end=e, speaker=f"Councillor {n}", speaker_kind="named",
                         cue="said") for n, (s, e) in enumerate(spans[::step][:QUOTES]))
    named = tuple(NamedSource(name=f"Councillor {n}", role="member of the harbour committee", quotes=1,
                              mentions=2) for n in range(QUOTES))
    dates = tuple(DateMention(text=f"March {n + 1}, 2025", value=f"2025-03-{n + 1:02d}", kind="absolute",
                              start=n, end=n + 1) for n in range(20))
    similar = tuple(Similar(id=f"seed:{n:03d}_bench", title=f"A similar harbour story {n}", score=0.4,
                            url=f"https://news.example/{n}",
                            shared_quotes=tuple(SharedQuote(text=q.text, here=q.speaker,
                                                            there="a spokesperson", another_speaker=True)
                                                for q in quotes[:3]))
                    for n in range(5))
    checks = tuple(FactCheck(claim=f"Claim {n} about the harbour budget", rating="False", publisher="Desk",
                             url=f"https://factcheck.example/{n}", date="2025-01-02", score=0.8,
                             sentence=ClaimSentence(text=quotes[n].text, start=quotes[n].start,
                                                    end=quotes[n].end)) for n in range(3))
    signals = tuple(Signal(code="weekday_mismatch", severity="warn", message=f"Signal {n} needs a look")
                    for n in range(10))
    return Report(input=InputInfo(kind="url", url="https://news.example/harbour", sha256="b" * 64),
                  article=Article(title="The harbour budget, line by line", site="News", author="Ana Ruiz",
                                  words=WORDS),
                  quotes=quotes, sources=Sources(named=named), dates=dates, similar=similar,
                  fact_checks=checks, signals=signals)


def stored(url: str) -> tuple[Store, int]:
    store = open_store(url)
    body = article()
    event = CheckEvent(platform="cli", workspace=WORKSPACE, user="ana")
    history = store.record(report_for(body), body, event)
    item = int(history.item.split(":")[1])
    for n in range(4):
        store.desk.set_status(WORKSPACE, item, ("in_progress", "disputed")[n % 2], by="cli:ana",
                              note=f"Status note {n}")
        store.desk.add_note(WORKSPACE, item, f"A note on the minutes, number {n}", by="cli:ben")
        store.desk.assign(WORKSPACE, item, ("cli:ben", "cli:ana")[n % 2], by="cli:ana")
    return store, item


def timed(work: Callable[[], object], rounds: int) -> list[float]:
    for _ in range(10):  # warm: template compiled, connections pooled
        work()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return times


def report_line(name: str, times: list[float]) -> None:
    p50, p95 = statistics.median(times), statistics.quantiles(times, n=20)[18]
    print(f"  {name:<7} p50 {p50:6.2f} ms   p95 {p95:6.2f} ms   p95/target {p95 / TARGET_MS:.2f}")


def measure(kind: str, url: str, rounds: int) -> None:
    store, item = stored(url)
    page = load_page(store, WORKSPACE, item)
    assert page is not None and len(page.report.quotes) == QUOTES
    html = render_page(page)
    print(f"{kind}: {WORDS:,} words, {QUOTES} quotes, {len(page.desk.timeline if page.desk else ())} desk "
          f"events, page {len(html) / 1024:.0f} KB")
    report_line("render", timed(lambda: render_page(page), rounds))
    stored_json = page.report.to_dict()  # what the store parses back on every read
    report_line("parse", timed(lambda: Report.from_dict(stored_json), rounds))

    def read_and_render() -> str:
        fresh = load_page(store, WORKSPACE, item)
        assert fresh is not None
        return render_page(fresh)

    report_line("page", timed(read_and_render, rounds))
    server = PageServer(PageSite(Settings(secret_key=KEY), store=store), host="127.0.0.1", port=0)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    link = f"http://127.0.0.1:{server.port}{PAGE_PREFIX}{token_for(KEY, WORKSPACE, item)}"
    with httpx.Client() as client:
        report_line("http", timed(lambda: client.get(link).raise_for_status(), rounds))
    server.stop()
    thread.join(timeout=10)
    dispose(url)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--database-url", default=os.environ.get("DESKCHECK_TEST_POSTGRES_URL"),
                        help="a PostgreSQL server to measure too (default: $DESKCHECK_TEST_POSTGRES_URL)")
    args = parser.parse_args()
    print(f"target: p95 at most {TARGET_MS:.0f} ms")
    with tempfile.TemporaryDirectory() as tmp:
        measure("SQLite", f"sqlite:///{tmp}/page.db", args.rounds)
    if args.database_url:
        admin = create_engine(args.database_url, isolation_level="AUTOCOMMIT")
        name = f"deskcheck_bench_{uuid.uuid4().hex[:10]}"
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            measure("PostgreSQL", make_url(args.database_url).set(database=name)
                    .render_as_string(hide_password=False), args.rounds)
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
            admin.dispose()


if __name__ == "__main__":
    main()
