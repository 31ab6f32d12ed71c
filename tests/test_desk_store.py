"""The desk's verdict (storage/desk.py) on SQLite and, when DESKCHECK_TEST_POSTGRES_URL is set, PostgreSQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from alembic import command
from sqlalchemy import insert, select
from support.desk_race import change_in_processes, in_threads, pause_after_reading_the_trail
from support.history import STORY, count, report_for

from checks import HistoryStatus, Report
from storage import (
    NOTE_MAX,
    CheckEvent,
    Store,
    UnknownItem,
    UnknownStatus,
    open_store,
    parse_item_ref,
)
from storage.db import alembic_config, engine_for, upgrade
from storage.desk import DeskStore
from storage.models import DeskEventRow, Item

OTHER_STORY = STORY.replace("Thursday", "Friday").replace("fifty", "sixty")


@pytest.fixture()
def store(database_url: str) -> Store:
    return open_store(database_url)


def checked(store: Store, workspace: str = "T024", body: str = STORY, user: str = "U12AB") -> int:
    history = store.record(report_for(body), body, CheckEvent("slack", workspace, "C1", user))
    return parse_item_ref(history.item)


def event_rows(store: Store) -> list[tuple[Any, ...]]:
    with store.engine.connect() as conn:
        return [tuple(row) for row in conn.execute(select(DeskEventRow.__table__).order_by(DeskEventRow.id))]


def test_an_item_nobody_touched_is_open_with_an_empty_trail(store: Store) -> None:
    item = checked(store)
    state = store.desk.state("T024", item)
    assert (state.status, state.status_by, state.status_at, state.assignee, state.notes) == (
        "open", None, None, None, 0)
    assert state.timeline == () and state.to_history_status() is None


def test_status_notes_and_assignment_fold_into_the_current_state(store: Store) -> None:
    item, desk = checked(store), store.desk
    desk.set_status("T024", item, "in_progress", by="slack:T024/U12AB")
    desk.add_note("T024", item, "Called the harbour authority", by="slack:T024/U34CD")
    desk.assign("T024", item, "slack:T024/U34CD", by="slack:T024/U12AB")
    state = desk.set_status("T024", item, "disputed", by="slack:T024/U34CD", note="The board denies the date")
    assert (state.status, state.status_by, state.status_note) == (
        "disputed", "slack:T024/U34CD", "The board denies the date")
    assert state.assignee == "slack:T024/U34CD" and state.notes == 2
    assert (state.latest_note, state.latest_note_by) == ("The board denies the date", "slack:T024/U34CD")
    assert [(e.kind, e.old, e.new) for e in state.timeline] == [
        ("status", "open", "in_progress"), ("note", None, None),
        ("assign", None, "slack:T024/U34CD"), ("status", "in_progress", "disputed")]
    assert state.status_at is not None and state.status_at.tzinfo is not None
    assert state.status_at.utcoffset() == dt.timedelta(0)
    unassigned = desk.assign("T024", item, None, by="cli:ana")
    assert unassigned.assignee is None and unassigned.timeline[-1].old == "slack:T024/U34CD"


def test_changes_are_appended_and_earlier_rows_never_change(store: Store) -> None:
    item, desk = checked(store), store.desk
    desk.set_status("T024", item, "in_progress", by="cli:ana", note="Starting")
    first = event_rows(store)
    desk.set_status("T024", item, "verified", by="cli:ben")
    desk.add_note("T024", item, "Confirmed with the clerk", by="cli:ben")
    desk.set_status("T024", item, "disputed", by="cli:ana")
    desk.assign("T024", item, "ben", by="cli:ana")
    later = event_rows(store)
    assert len(first) == 1 and len(later) == 5
    assert later[0] == first[0]  # the first change reads exactly as it was written
    assert [row[0] for row in later] == sorted(row[0] for row in later)


def test_setting_the_status_an_item_has_records_nothing_unless_a_note_comes_with_it(store: Store) -> None:
    item, desk = checked(store), store.desk
    desk.set_status("T024", item, "disputed", by="cli:ana")
    desk.set_status("T024", item, "disputed", by="cli:ben")
    desk.assign("T024", item, "ben", by="cli:ana")
    desk.assign("T024", item, "ben", by="cli:ana")
    assert count(store, DeskEventRow) == 2
    state = desk.set_status("T024", item, "disputed", by="cli:ben", note="Still disputed after the call")
    assert count(store, DeskEventRow) == 3
    last = state.timeline[-1]
    assert (last.old, last.new, state.status_by) == ("disputed", "disputed", "cli:ben")


def test_another_workspaces_item_is_unknown_exactly_like_a_missing_one(store: Store) -> None:
    item = checked(store, "T024")
    store.desk.set_status("T024", item, "false", by="slack:T024/U12AB", note="Fabricated quote")
    with pytest.raises(UnknownItem) as other:
        store.desk.set_status("G777", item, "verified", by="discord:G777/U1")
    with pytest.raises(UnknownItem) as missing:
        store.desk.state("G777", item + 1000)
    assert str(other.value) == str(missing.value).replace(str(item + 1000), str(item))
    for attempt in (lambda: store.desk.state("G777", item),
                    lambda: store.desk.add_note("G777", item, "hello", by="discord:G777/U1"),
                    lambda: store.desk.assign("G777", item, "me", by="discord:G777/U1")):
        with pytest.raises(UnknownItem):
            attempt()
    assert store.desk.states("G777", [item]) == {}
    assert store.desk.items_with_status("G777", "false") == []
    assert store.desk.items_with_status("G777", "open") == []
    assert count(store, DeskEventRow) == 1


def test_an_unknown_status_or_an_empty_note_is_refused_and_writes_nothing(store: Store) -> None:
    item = checked(store)
    with pytest.raises(UnknownStatus, match="unknown status 'fake'"):
        store.desk.set_status("T024", item, "fake", by="cli:ana")
    with pytest.raises(UnknownStatus):
        store.desk.items_with_status("T024", "Disputed")
    with pytest.raises(ValueError, match="a note needs some text"):
        store.desk.add_note("T024", item, "  \n ", by="cli:ana")
    assert count(store, DeskEventRow) == 0


def test_the_same_key_applies_a_change_once_per_workspace(store: Store) -> None:
    ours, theirs = checked(store, "T024"), checked(store, "G777")
    key = "1700000000.123456:U12AB:item"
    for _ in range(3):
        state = store.desk.add_note("T024", ours, "Asked the port for the minutes", by="cli:ana", key=key)
    assert state.notes == 1
    # another desk's request may carry the very same key: it is that desk's own change
    assert store.desk.add_note("G777", theirs, "Their note", by="cli:ben", key=key).notes == 1
    long_key = "k" * 500  # longer than the column: kept as its hash, so it still matches itself only
    store.desk.set_status("T024", ours, "verified", by="cli:ana", key=long_key)
    store.desk.set_status("T024", ours, "disputed", by="cli:ana", key=long_key)
    store.desk.set_status("T024", ours, "false", by="cli:ana", key=long_key[:-1] + "j")
    assert [e.new for e in store.desk.state("T024", ours).timeline if e.kind == "status"] == [
        "verified", "false"]


def test_two_changes_at_once_each_record_the_status_the_other_left(store: Store) -> None:
    item = checked(store)

    def cycle(*statuses: str) -> Callable[[], object]:
        return lambda: [DeskStore(store.engine).set_status("T024", item, s, by="cli:ana") for s in statuses]

    with pause_after_reading_the_trail(store.engine):
        errors = in_threads(cycle("in_progress", "verified", "in_progress"),
                            cycle("disputed", "false", "disputed"))
    assert errors == []
    changes = [(e.old, e.new) for e in store.desk.state("T024", item).timeline]
    assert len(changes) == 6 and changes[0][0] == "open"
    assert [old for old, _new in changes[1:]] == [new for _old, new in changes[:-1]]


@pytest.mark.parametrize("key", [None, "1700000000.1:U12AB:1"], ids=["without-a-key", "with-a-key"])
def test_a_double_click_in_two_processes_records_one_change(database_url: str, key: str | None) -> None:
    store = open_store(database_url)
    item = checked(store)
    assert len(change_in_processes(database_url, "T024", item, "disputed", key=key)) == 2
    state = store.desk.state("T024", item)
    assert [(e.kind, e.old, e.new) for e in state.timeline] == [("status", "open", "disputed")]
    assert count(store, DeskEventRow) == 1


def test_a_long_note_is_cut_and_nul_characters_are_replaced(store: Store) -> None:
    item = checked(store)
    state = store.desk.add_note("T024", item, "The clerk\x00 said " + "no " * 1500, by="cli:ana\x00")
    assert state.latest_note is not None and len(state.latest_note) == NOTE_MAX
    assert state.latest_note.endswith("\u2026") and "\x00" not in state.latest_note
    assert state.latest_note.startswith("The clerk\ufffd said") and state.latest_note_by == "cli:ana\ufffd"
    assert store.desk.set_status("T024", item, "open", by="cli:ana", note="\x00").status_note == "\ufffd"


def test_a_later_check_of_the_item_carries_its_status_assignee_and_notes(store: Store) -> None:
    item = checked(store, user="U12AB")
    store.desk.set_status("T024", item, "disputed", by="slack:T024/U12AB", note="The date is wrong")
    store.desk.add_note("T024", item, "Board minutes requested", by="slack:T024/U34CD")
    store.desk.assign("T024", item, "slack:T024/U34CD", by="slack:T024/U12AB")
    later = store.record(report_for(STORY), STORY, CheckEvent("slack", "T024", "C9", "U56EF"))
    assert later.status is not None and later.status.value == "disputed"
    assert (later.status.by, later.status.note) == ("slack:T024/U12AB", "The date is wrong")
    assert later.status.at is not None and later.status.at.endswith("Z")
    assert (later.assignee, later.notes, later.times_checked) == ("slack:T024/U34CD", 2, 2)
    stored = store.stored_report(f"item:{item}", "T024")
    assert stored is not None and stored.history == later
    as_json = stored.to_dict()["history"]
    assert as_json["status"] == {"value": "disputed", "by": "slack:T024/U12AB", "at": later.status.at,
                                 "note": "The date is wrong"}
    assert (as_json["assignee"], as_json["notes"]) == ("slack:T024/U34CD", 2)
    assert Report.from_dict(stored.to_dict()).history == later
    untouched = store.record(report_for(OTHER_STORY), OTHER_STORY, CheckEvent("slack", "T024"))
    assert (untouched.status, untouched.assignee, untouched.notes) == (None, None, 0)


def test_states_reads_many_items_at_once_and_leaves_out_other_workspaces(store: Store) -> None:
    first, second, foreign = checked(store), checked(store, body=OTHER_STORY), checked(store, "G777")
    store.desk.set_status("T024", first, "verified", by="cli:ana")
    store.desk.set_status("G777", foreign, "false", by="cli:ben")
    states = store.desk.states("T024", [first, second, foreign, 999_999])
    assert sorted(states) == [first, second]
    assert (states[first].status, states[second].status) == ("verified", "open")
    assert states[first] == store.desk.state("T024", first)


def test_items_are_listed_by_their_current_status_only(store: Store) -> None:
    first, second, third = (checked(store, body=STORY + tail) for tail in ("", " One.", " Two."))
    store.desk.set_status("T024", first, "disputed", by="cli:ana")
    store.desk.set_status("T024", second, "disputed", by="cli:ana")
    store.desk.set_status("T024", second, "verified", by="cli:ana")
    store.desk.add_note("T024", third, "Not started", by="cli:ana")
    assert store.desk.items_with_status("T024", "disputed") == [first]
    assert store.desk.items_with_status("T024", "verified") == [second]
    assert store.desk.items_with_status("T024", "open") == [third]
    store.desk.set_status("T024", first, "open", by="cli:ana", note="Reopened")
    assert store.desk.items_with_status("T024", "open") == [third, first]
    assert [r.status for r in store.recent_checks("T024")] == ["open", "verified", "open"]
    assert [r.item for r in store.recent_checks("T024", status="verified")] == [f"item:{second}"]


def test_a_database_from_before_the_desk_upgrades_and_keeps_its_items(database_url: str) -> None:
    engine = engine_for(database_url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0004")
    with engine.begin() as conn:
        [item] = conn.execute(insert(Item).returning(Item.id), [{
            "workspace": "T024", "sha256": "a" * 64, "text": STORY, "report": {}, "report_schema": "x",
            "signature": b"", "created_at": dt.datetime.now(dt.UTC)}]).scalars()
    assert upgrade(engine, force=True) is True
    assert Store(engine).desk.set_status("T024", item, "verified", by="cli:ana").status == "verified"


@pytest.mark.parametrize(("ref", "item"), [("item:42", 42), ("42", 42), (" item:7 ", 7)])
def test_an_item_is_named_item_colon_n_or_n(ref: str, item: int) -> None:
    assert parse_item_ref(ref) == item


@pytest.mark.parametrize("ref", ["seed:001_ab", "item:", "item:-3", "0", "forty-two", "item:42x",
                                 "99999999999", "\u0664\u0662"])
def test_anything_else_is_not_an_item(ref: str) -> None:
    with pytest.raises(ValueError, match="not an item"):
        parse_item_ref(ref)


def test_the_report_history_status_round_trips_through_json() -> None:
    status = HistoryStatus(value="false", by="cli:ana", at="2026-12-01T10:00:00Z", note="Fabricated")
    report = report_for(STORY)
    history_json = {"item": "item:1", "times_checked": 1, "first_checked_at": "2026-12-01T09:00:00Z",
                    "status": {"value": "false", "by": "cli:ana", "at": "2026-12-01T10:00:00Z",
                               "note": "Fabricated"}, "assignee": "ben", "notes": 3}
    rebuilt = Report.from_dict({**report.to_dict(), "history": history_json})
    assert rebuilt.history is not None and rebuilt.history.status == status
    assert (rebuilt.history.assignee, rebuilt.history.notes) == ("ben", 3)


def test_the_state_a_change_returns_is_the_state_read_back_afterwards(store: Store) -> None:
    # The change's own event is folded in from memory, not read again: it must be the stored one.
    item, desk = checked(store), store.desk
    desk.add_note("T024", item, "Asked the ferry operator", by="slack:T024/U12AB")
    returned = desk.set_status("T024", item, "verified", by="slack:T024/U34CD", note="Operator confirms")
    assert returned == desk.state("T024", item)
    assert returned.timeline[-1].at.tzinfo is not None and len(returned.timeline) == 2
