"""The history against hostile pages and sick databases: one site cannot rewrite another's
article, a locked or unreachable database costs a check a bounded time, and odd values
(NUL bytes, overlong metadata or workspace ids) never keep a check out of the history.

The `database_url` fixture (tests/conftest.py): SQLite always, PostgreSQL when
DESKCHECK_TEST_POSTGRES_URL is set.
"""

from __future__ import annotations

import dataclasses
import json
import socket
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.orm import Session
from support.history import STORY, count, report_for, ruiz_quote
from support.newsroom_server import NewsSite, Story, serve

from bot.service import Outcome, Requester, run_check
from bot.settings import Settings
from checks.models import Article, Quote, Report
from storage import CheckEvent, Store, open_store
from storage.db import dispose
from storage.models import CheckEventRow, Item, ItemUrl, QuoteRow

# What a check may spend on the history before its report goes out without it (documented),
# and room for a loaded 2-core machine on top of it.
HISTORY_BUDGET = 10.0
MARGIN = 8.0
VICTIM = "002_e8461dea9724e002"
HOSTILE = ("The port authority's chair took payments from a shipping firm, according to documents seen "
           "by this site. \u201cI was paid to push the terminal through,\u201d the chair told a friend, "
           "the documents say. The authority did not answer questions sent on Monday about the payments, "
           "the terminal contract or the vote that approved it last spring. Residents who opposed the "
           "project said they had suspected something for months and now wanted a full inquiry.")


@pytest.fixture(name="store")
def fresh_store(database_url: str) -> Store:
    return open_store(database_url)


@pytest.fixture()
def site() -> Iterator[NewsSite]:
    with serve() as running:
        yield running


def settings_for(database_url: str, tmp_path: Path) -> Settings:
    seeds = tmp_path / "no-seeds"
    seeds.mkdir(exist_ok=True)
    return Settings(database_url=database_url, allow_private_urls=True, seeds_dir=seeds)


# --- a page cannot take over another site's article -------------------------------------------


def test_a_page_on_another_host_declaring_an_earlier_articles_url_becomes_its_own_item(
        database_url: str, site: NewsSite, tmp_path: Path) -> None:
    settings = settings_for(database_url, tmp_path)
    story = site.stories[VICTIM]
    victim = run_check(f"{site.base}/news/{VICTIM}", Requester(), settings=settings)
    assert victim.report is not None and victim.report.history is not None, victim.notice

    # localhost serves a different story whose canonical URL and og:url name 127.0.0.1's article
    site.stories[VICTIM] = Story(VICTIM, "Port Chair Took Payments", (HOSTILE,), "Ann Fake", story.published)
    spoof_url = site.base.replace("127.0.0.1", "localhost") + f"/news/{VICTIM}"
    hostile = run_check(spoof_url, Requester(), settings=settings)
    assert hostile.report is not None and hostile.report.history is not None, hostile.notice
    assert hostile.report.article.canonical_url == spoof_url
    assert hostile.report.history.item != victim.report.history.item
    assert hostile.report.history.times_checked == 1

    store = open_store(database_url)
    kept = store.stored_report(victim.report.history.item, "local")
    assert kept is not None and kept.article.title == story.title
    assert kept.article.canonical_url == f"{site.base}/news/{VICTIM}"
    assert kept.history is not None and kept.history.times_checked == 1

    site.stories[VICTIM] = story
    again = run_check(f"{site.base}/news/{VICTIM}", Requester(), settings=settings)
    assert again.report is not None and again.report.history is not None
    assert again.report.history.item == victim.report.history.item
    assert again.report.history.times_checked == 2 and again.report.history.text_changed_since is None


def spoofed(body: str, fetched: str, canonical: str) -> Report:
    """A report whose page claims a canonical URL on another site, as a reader that trusted it made."""
    return dataclasses.replace(report_for(body, fetched), article=Article(title=body.split("\n")[0],
                                                                          site="spoof.example",
                                                                          canonical_url=canonical))


GENUINE_URL = "https://news.example.org/2026/11/harbour-vote"
SPOOF_URL = "https://spoof.example/harbour"


def test_the_store_never_replaces_an_item_with_a_page_from_another_site(store: Store) -> None:
    victim = store.record(report_for(STORY, GENUINE_URL), STORY, CheckEvent(workspace="T024"))
    hostile = store.record(spoofed(HOSTILE, SPOOF_URL, GENUINE_URL), HOSTILE, CheckEvent(workspace="T024"))
    assert hostile.item != victim.item and hostile.text_changed_since is None
    with Session(store.engine) as session:
        kept = session.scalars(select(Item).where(Item.url == GENUINE_URL)).one()
        assert kept.text == STORY and kept.site is None
        urls = set(session.execute(select(ItemUrl.url, ItemUrl.item_id)))
    ids = {url: int(history.item.removeprefix("item:")) for url, history in ((GENUINE_URL, victim),
                                                                             (SPOOF_URL, hostile))}
    assert urls == set(ids.items())


def test_a_page_that_claimed_an_article_first_does_not_capture_the_genuine_one(store: Store) -> None:
    hostile = store.record(spoofed(HOSTILE, SPOOF_URL, GENUINE_URL), HOSTILE, CheckEvent(workspace="T024"))
    genuine = store.record(report_for(STORY, GENUINE_URL), STORY, CheckEvent(workspace="T024"))
    assert genuine.item != hostile.item and genuine.times_checked == 1
    assert genuine.text_changed_since is None
    assert count(store, Item) == 2


def test_an_address_a_foreign_page_was_given_by_older_versions_does_not_capture_the_genuine_article(
        store: Store) -> None:
    hostile = store.record(report_for(HOSTILE, SPOOF_URL), HOSTILE, CheckEvent(workspace="T024"))
    hostile_id = int(hostile.item.removeprefix("item:"))
    with Session(store.engine) as session, session.begin():  # as the unchecked canonical URL left it
        session.add(ItemUrl(workspace="T024", url=GENUINE_URL, item_id=hostile_id))
    genuine = store.record(report_for(STORY, GENUINE_URL), STORY, CheckEvent(workspace="T024"))
    assert genuine.item != hostile.item and genuine.text_changed_since is None
    with Session(store.engine) as session:
        assert session.scalar(select(Item.text).where(Item.url == SPOOF_URL)) == HOSTILE


def test_a_canonical_url_elsewhere_on_the_same_site_still_finds_the_item(store: Store) -> None:
    mobile = "https://m.news.example.org/harbour-vote"
    first = store.record(report_for(STORY, GENUINE_URL), STORY, CheckEvent(workspace="T024"))
    edited = STORY + " The vote is now set for March."
    again = store.record(spoofed(edited, mobile, GENUINE_URL), edited, CheckEvent(workspace="T024"))
    assert again.item == first.item and again.times_checked == 2 and again.text_changed_since is not None


# --- a locked or unreachable database costs a check a bounded time ----------------------------


def within(seconds: float, call: Callable[[], Outcome]) -> tuple[Outcome, float]:
    """The call's result and duration; fails when it is still running after `seconds`."""
    box: list[Outcome | BaseException] = []

    def run() -> None:
        try:
            box.append(call())
        except BaseException as exc:  # surfaced below: a thread's exception is otherwise lost
            box.append(exc)

    start = time.monotonic()
    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    elapsed = time.monotonic() - start
    assert box, f"the check was still waiting for the database after {elapsed:.0f} s"
    if isinstance(box[0], BaseException):
        raise box[0]
    return box[0], elapsed


def assert_report_without_history(outcome: Outcome, elapsed: float) -> None:
    assert outcome.report is not None and outcome.report.history is None
    assert outcome.notice is not None and outcome.notice.startswith("history unavailable")
    assert elapsed < HISTORY_BUDGET + MARGIN


def test_a_locked_sqlite_database_costs_a_check_at_most_the_history_budget(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/locked.db"
    settings = settings_for(url, tmp_path)
    warm = run_check(STORY, Requester(), settings=settings)  # the schema, and the language model loaded
    assert warm.notice is None
    holder = sqlite3.connect(tmp_path / "locked.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process's write transaction, never committed
    try:
        outcome, elapsed = within(HISTORY_BUDGET + MARGIN,
                                  lambda: run_check(STORY + " More to come.", Requester(), settings=settings))
    finally:
        holder.rollback()
        holder.close()
        dispose(url)
    assert_report_without_history(outcome, elapsed)


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_a_locked_postgresql_table_costs_a_check_at_most_the_history_budget(
        database_url: str, tmp_path: Path) -> None:
    settings = settings_for(database_url, tmp_path)
    assert run_check(STORY, Requester(), settings=settings).notice is None
    holder = create_engine(database_url).connect()
    holder.execute(text("LOCK TABLE items IN ACCESS EXCLUSIVE MODE"))  # a long migration elsewhere, say
    try:
        outcome, elapsed = within(HISTORY_BUDGET + MARGIN,
                                  lambda: run_check(STORY + " More to come.", Requester(), settings=settings))
    finally:
        holder.rollback()
        holder.close()
        holder.engine.dispose()
    assert_report_without_history(outcome, elapsed)


@pytest.fixture()
def silent_port() -> Iterator[int]:
    """A port that completes the TCP handshake and then never says a word (a hung server)."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        yield int(listener.getsockname()[1])


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize("server", ["closed", "silent"])
def test_an_unreachable_postgresql_server_costs_a_check_at_most_the_history_budget(
        server: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    port = closed_port() if server == "closed" else request.getfixturevalue("silent_port")
    url = f"postgresql+psycopg://desk:secret@127.0.0.1:{port}/deskcheck"
    settings = settings_for(url, tmp_path)
    try:
        outcome, elapsed = within(HISTORY_BUDGET + MARGIN,
                                  lambda: run_check(STORY, Requester(), settings=settings))
    finally:
        dispose(url)
    assert_report_without_history(outcome, elapsed)
    assert outcome.notice is not None and "secret" not in outcome.notice


# --- odd values never keep a check out of the history -----------------------------------------

FILLER = " ".join(["The council met again on Friday to review the harbour plan."] * 160)
NUL_STORY = STORY + "\n\n" + FILLER + "\x00 \u201cWe are not done,\u201d said Ana Ruiz.\x00"


def test_a_nul_byte_deep_in_a_pasted_text_does_not_keep_the_check_out_of_the_history(
        database_url: str, tmp_path: Path) -> None:
    assert NUL_STORY.index("\x00") > 8192  # past the binary-file sniff of checks.guard
    outcome = run_check(NUL_STORY, Requester(), settings=settings_for(database_url, tmp_path))
    assert outcome.notice is None and outcome.report is not None and outcome.report.history is not None
    again = run_check(NUL_STORY, Requester(), settings=settings_for(database_url, tmp_path))
    assert again.report is not None and again.report.history is not None
    assert again.report.history.item == outcome.report.history.item
    assert again.report.history.times_checked == 2


def test_nul_bytes_anywhere_in_a_report_are_stored_without_them_at_the_same_offsets(store: Store) -> None:
    start = NUL_STORY.index("We are")
    said = "We are\x00 not done,"
    quote = Quote(text=said, start=start, end=start + len(said), speaker="Ana\x00 Ruiz")
    article = Article(title="Harbour\x00 vote", site="Ledger\x00", author="Ann\x00 Lee")
    report = dataclasses.replace(report_for(NUL_STORY, "https://news.example.org/nul\x00"), quotes=(quote,),
                                 article=article)
    history = store.record(report, NUL_STORY, CheckEvent(workspace="T024", user="U\x001"))
    with Session(store.engine) as session:
        item = session.scalars(select(Item)).one()
        quotes = session.scalars(select(QuoteRow)).all()
    assert "\x00" not in item.text and len(item.text) == len(NUL_STORY)
    assert "\\u0000" not in json.dumps(item.report)
    assert "\x00" not in "".join(filter(None, (item.title, item.site, item.author, item.url)))
    assert [(q.text, q.speaker) for q in quotes] == [("We are\ufffd not done,", "Ana\ufffd Ruiz")]
    shown = store.stored_report(history.item, "T024")
    assert shown is not None and shown.quotes[0].start == start


def test_overlong_site_author_and_event_fields_are_recorded_truncated(store: Store) -> None:
    report = dataclasses.replace(report_for(STORY), article=Article(title="T" * 5000, site="S" * 400,
                                                                    author="A" * 400))
    event = CheckEvent(platform="p" * 40, workspace="T024", channel="C" * 150, user="U" * 150,
                       message_id="M" * 150)
    store.record(report, STORY, event)
    with Session(store.engine) as session:
        item = session.scalars(select(Item)).one()
        row = session.scalars(select(CheckEventRow)).one()
    assert (item.site, item.author, item.title) == ("S" * 299 + "\u2026", "A" * 299 + "\u2026", "T" * 5000)
    lengths = [len(value or "") for value in (row.platform, row.channel, row.requester, row.message_id)]
    assert lengths == [20, 100, 100, 100]


def test_overlong_workspace_ids_are_recorded_and_kept_apart(store: Store) -> None:
    ours, theirs = "W" * 120 + "-ours", "W" * 120 + "-theirs"  # the same first 100 characters
    report = report_for(STORY, quotes=(ruiz_quote(),))
    mine = store.record(report, STORY, CheckEvent("slack", ours, user="U1"))
    other = store.record(report, STORY, CheckEvent("slack", theirs))
    assert mine.item != other.item and (mine.times_checked, other.times_checked) == (1, 1)
    assert [r.item for r in store.recent_checks(ours)] == [mine.item]
    assert store.stored_report(mine.item, theirs) is None
    assert store.stored_report(mine.item, ours) is not None
    again = store.record(report_for(STORY), STORY, CheckEvent("slack", ours))
    assert again.item == mine.item and again.times_checked == 2
    with store.engine.connect() as conn:
        assert max(len(w) for w in conn.scalars(select(Item.workspace))) <= 100
