"""The history store on SQLite and, when DESKCHECK_TEST_POSTGRES_URL is set, on real PostgreSQL."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import select, text
from support.history import STORY, count, report_for, ruiz_quote

from bot.corpus import SeedImport, import_seeds, open_seeded_store
from checks.models import Quote
from checks.similar import find_similar
from storage import REFERENCE, CheckEvent, NewItem, Store, StoreError, StoreUnavailable, open_store
from storage.db import upgrade
from storage.models import CheckEventRow, Item, QuoteRow

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture()
def store(database_url: str) -> Store:
    return open_store(database_url)


def test_fresh_database_gets_the_schema_once(database_url: str) -> None:
    store = open_store(database_url)
    assert upgrade(store.engine, force=True) is False  # already at the newest migration
    assert count(store, Item) == 0


def test_recheck_of_the_same_text_adds_an_event_not_an_item(store: Store) -> None:
    first = store.record(report_for(STORY), STORY, CheckEvent("slack", "T024", "C1", "U12AB", "1.1"))
    again = store.record(report_for(STORY), STORY, CheckEvent("slack", "T024", "C2", "U99ZZ", "2.2"))
    assert again.item == first.item and again.times_checked == 2
    assert again.first_checked_by == "slack:T024/U12AB"
    assert again.first_checked_at.endswith("Z")
    assert (count(store, Item), count(store, CheckEventRow)) == (1, 2)


def test_the_same_url_with_updated_text_is_the_same_item(store: Store) -> None:
    url = "https://news.example.org/harbour-vote"
    first = store.record(report_for(STORY, url), STORY, CheckEvent(workspace="T024"))
    updated = STORY + " The vote is now set for March."
    again = store.record(report_for(updated, url), updated, CheckEvent(workspace="T024"))
    assert again.item == first.item and again.times_checked == 2


def test_a_workspace_never_sees_another_workspaces_items_users_or_quotes(store: Store) -> None:
    report = report_for(STORY, quotes=(ruiz_quote(),))
    history = store.record(report, STORY, CheckEvent("slack", "T024", user="U12AB"))
    assert [r.checked_by for r in store.recent_checks("T024")] == ["slack:T024/U12AB"]
    assert store.recent_checks("G777") == []
    assert store.stored_report(history.item, "G777") is None
    assert store.stored_report(history.item, "T024") is not None
    other = STORY.replace("Thursday", "Friday") + " More to come."
    mine = find_similar(other, report.quotes, store.corpus("T024"))
    theirs = find_similar(other, report.quotes, store.corpus("G777"))
    assert [s.id for s in mine] == [history.item] and mine[0].shared_quotes[0].there == "Ana Ruiz"
    assert theirs == ()


def test_the_reference_corpus_is_seen_from_every_workspace(store: Store) -> None:
    report = report_for(STORY, quotes=(ruiz_quote(),))
    [item_id] = store.add_items([NewItem(REFERENCE, STORY, report, seed="007_harbour")])
    for workspace in ("T024", "G777", "local"):
        found = find_similar(STORY, report.quotes, store.corpus(workspace, report, STORY))
        assert [s.id for s in found] == ["seed:007_harbour"], workspace
        assert found[0].score == 1.0
    assert item_id > 0


def test_an_earlier_copy_in_the_same_workspace_is_history_not_similar(store: Store) -> None:
    report = report_for(STORY, quotes=(ruiz_quote(),))
    store.record(report, STORY, CheckEvent(workspace="T024"))
    assert find_similar(STORY, report.quotes, store.corpus("T024", report, STORY)) == ()


def test_seed_import_is_idempotent_and_picks_up_an_edited_seed(database_url: str, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "harbour.txt").write_text(STORY, encoding="utf-8")
    (seeds / "empty.txt").write_text("   ", encoding="utf-8")
    store = open_store(database_url)
    first = import_seeds(store, seeds)
    assert (first.added, first.unchanged) == (1, 0) and first.skipped[0].startswith("empty.txt")
    assert import_seeds(store, seeds).unchanged == 1
    (seeds / "harbour.txt").write_text(STORY + " The board meets again in March.", encoding="utf-8")
    assert import_seeds(store, seeds).updated == 1
    with store.engine.connect() as conn:
        assert conn.execute(select(Item.seed, Item.workspace)).all() == [("harbour", REFERENCE)]


def test_the_first_use_of_a_fresh_database_imports_the_seeds_once_per_process(
        database_url: str, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "harbour.txt").write_text(STORY, encoding="utf-8")
    store = open_seeded_store(database_url, seeds)
    assert store.seeds.stored().keys() == {"harbour"}
    (seeds / "later.txt").write_text(STORY + " The board meets again in March.", encoding="utf-8")
    open_seeded_store(database_url, seeds)  # the process imported them already: nothing is checked
    assert store.seeds.stored().keys() == {"harbour"}
    assert import_seeds(store, seeds) == SeedImport(added=1, unchanged=1)  # `deskcheck seeds import`


def test_two_concurrent_checks_of_one_url_give_one_item_and_two_events(database_url: str) -> None:
    open_store(database_url)
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def check(user: str, url: str) -> None:
        store = Store(open_store(database_url).engine)  # its own pooled connection per thread
        barrier.wait()
        try:
            store.record(report_for(STORY, url), STORY, CheckEvent("slack", "T024", user=user))
        except BaseException as exc:  # surfaced below: a thread's exception is otherwise lost
            errors.append(exc)

    for n in range(3):
        url = f"https://news.example.org/harbour-{n}"
        threads = [threading.Thread(target=check, args=(u, url)) for u in ("U1", "U2")]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert errors == []
    store = open_store(database_url)
    assert (count(store, Item), count(store, CheckEventRow)) == (1, 6)


def test_a_failed_check_writes_no_half_item(store: Store) -> None:
    report = report_for(STORY, quotes=(ruiz_quote(),))
    broken = CheckEvent(platform=None, workspace="T024")  # type: ignore[arg-type]
    with pytest.raises(StoreError):
        store.record(report, STORY, broken)
    assert (count(store, Item), count(store, QuoteRow), count(store, CheckEventRow)) == (0, 0, 0)


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_database_that_is_down_gives_one_clear_line_without_the_password() -> None:
    url = f"postgresql+psycopg://desk:hunter2@127.0.0.1:{closed_port()}/deskcheck"
    with pytest.raises(StoreUnavailable) as caught:
        open_store(url)
    message = str(caught.value)
    assert "refused" in message.lower() and "hunter2" not in message and "\n" not in message


def test_seed_000_lists_seed_001_with_the_negotiate_as_equals_quote(store: Store) -> None:
    """Quotes built by hand from the seed texts, so this holds whatever the extractor finds."""
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("00[01]_*.txt")}
    carney = "If your concern is fair burden-sharing"
    official = "He stated, \u2018The United States"
    spans = {"000_bc908ce1d43d3e45": (carney, "at all.", "Mark Carney"),
             "001_17b29c3997bab34f": (official, "concluded the meeting.", "a senior Canadian official")}
    quotes = {}
    for stem, (begin, end, speaker) in spans.items():
        body = texts[stem]
        start = body.index(begin)
        stop = body.index(end, start) + len(end)
        quotes[stem] = (Quote(text=body[start:stop], start=start, end=stop, speaker=speaker),)
    store.add_items([NewItem(REFERENCE, texts[s], report_for(texts[s], quotes=quotes[s]), seed=s)
                     for s in texts])
    text = texts["000_bc908ce1d43d3e45"]
    found = {s.id: s for s in find_similar(text, quotes["000_bc908ce1d43d3e45"], store.corpus("local"))}
    [shared] = found["seed:001_17b29c3997bab34f"].shared_quotes
    assert shared.text == "We negotiate as equals, or we do not negotiate at all."
    assert (shared.here, shared.there) == ("Mark Carney", "a senior Canadian official")


def test_migration_0002_moves_existing_fingerprints_under_their_workspace(database_url: str) -> None:
    from alembic import command

    from storage.db import alembic_config, engine_for

    engine = engine_for(database_url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0001")
        conn.execute(text("INSERT INTO items (id, workspace, sha256, text, report, report_schema, signature, "
                          "created_at) VALUES (1, 'T024', 'abc', 'x', '{}', 'deskcheck.report/1', :sig, "
                          "CURRENT_TIMESTAMP)"), {"sig": b"\0" * 512})
        conn.execute(text("INSERT INTO minhash_bands (band, key, item_id) VALUES (0, 42, 1), (1, 43, 1)"))
        conn.execute(text("INSERT INTO quote_shingles (key, item_id) VALUES (7, 1)"))
    assert upgrade(engine, force=True) is True
    with engine.connect() as conn:
        assert conn.execute(text("SELECT band, key, workspace FROM minhash_bands ORDER BY band")).all() == \
            [(0, 42, "T024"), (1, 43, "T024")]
        shingles = conn.execute(text("SELECT key, workspace, item_id FROM quote_shingles")).all()
        assert shingles == [(7, "T024", 1)]


def test_candidate_lookups_are_index_searches_not_table_scans(tmp_path: Path) -> None:
    """The scale claim of the README, read from SQLite's own query plan."""
    from storage.corpus import _BAND_QUERY, _QUOTE_SHINGLE_QUERY

    store = open_store(f"sqlite:///{tmp_path}/plan.db")
    report = report_for(STORY, quotes=(ruiz_quote(),))
    store.add_items([NewItem("T024", STORY, report)])
    with store.engine.connect() as conn:
        for query, table in ((_BAND_QUERY, "minhash_bands"), (_QUOTE_SHINGLE_QUERY, "quote_shingles")):
            bound = query.params({f"k{n}": n for n in range(32)}, workspaces=["T024", REFERENCE],
                                 exclude=[7], keys=[1, 2])
            sql = str(bound.compile(conn, compile_kwargs={"literal_binds": True}))
            plan = " | ".join(row[3] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
            assert f"SEARCH {table}" in plan and f"SCAN {table}" not in plan, plan


@pytest.mark.parametrize(("url", "expected"), [
    ("mysql://desk@localhost/deskcheck", "cannot use (mysql)"),
    ("not a url", "not a database URL"),
])
def test_a_database_url_deskcheck_cannot_use_is_one_clear_line(url: str, expected: str) -> None:
    with pytest.raises(StoreUnavailable, match=re.escape(expected)):
        open_store(url)


RECORD_ONE_CHECK = """
import hashlib, os, sys, time
from pathlib import Path
from checks.models import InputInfo, Report
from storage import CheckEvent, open_store
url, go, text, user = sys.argv[1:5]
store = open_store(os.environ["DATABASE_URL"])
report = Report(input=InputInfo(kind="url", url="https://news.example.org/harbour",
                                sha256=hashlib.sha256(text.encode()).hexdigest()))
Path(go + "." + user).touch()  # ready: waiting at the line
while not Path(go).exists():
    time.sleep(0.005)
print(store.record(report, text, CheckEvent("slack", "T024", user=user)).item)
"""


def test_two_processes_checking_one_link_at_once_make_one_item_and_two_events(
        database_url: str, tmp_path: Path) -> None:
    open_store(database_url)  # migrated before, as `deskcheck db upgrade` would
    go = tmp_path / "go"
    env = {**os.environ, "DATABASE_URL": database_url}
    # each process fetched a slightly different page (an ad, a timestamp): same link, other text
    procs = [subprocess.Popen([sys.executable, "-c", RECORD_ONE_CHECK, "u", str(go), f"{STORY} {n}", f"U{n}"],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for n in (1, 2)]
    while not all((tmp_path / f"go.U{n}").exists() for n in (1, 2)):
        if any(p.poll() is not None for p in procs):
            break  # one died before the line: its error is reported below
        time.sleep(0.01)  # until both processes are connected and waiting at the line
    go.touch()
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err for _, err in outs]
    assert outs[0][0] == outs[1][0]
    store = open_store(database_url)
    assert (count(store, Item), count(store, CheckEventRow)) == (1, 2)
