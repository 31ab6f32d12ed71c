"""A later check shows the item's latest note, even one added on its own after the status change:
through storage (SQLite, and PostgreSQL when DESKCHECK_TEST_POSTGRES_URL is set) to the text, Slack
and Discord renderers."""

from __future__ import annotations

import dataclasses

import pytest
from support.history import STORY, report_for

from bot.render import render_discord, render_message, render_text
from checks import History, HistoryStatus, Report
from storage import CheckEvent, Store, open_store, parse_item_ref

STATUS_NOTE = "The board denies the vote date"
LATER_NOTE = "Clerk confirms the minutes say Thursday"


@pytest.fixture()
def later_check(database_url: str) -> Report:
    """A story disputed with a note, then noted on its own by someone else, then checked again."""
    store = open_store(database_url)
    item = parse_item_ref(record(store, "U0ANA").item)
    store.desk.set_status("T024", item, "disputed", by="slack:T024/U0ANA", note=STATUS_NOTE)
    store.desk.add_note("T024", item, LATER_NOTE, by="slack:T024/U0BEN")
    return dataclasses.replace(report_for(STORY), history=record(store, "U0CARA"))


def record(store: Store, user: str) -> History:
    return store.record(report_for(STORY), STORY, CheckEvent("slack", "T024", "C1", user))


def test_the_later_checks_history_carries_the_latest_note_and_its_author(later_check: Report) -> None:
    history = later_check.history
    assert history is not None and history.status is not None
    assert (history.latest_note, history.latest_note_by) == (LATER_NOTE, "slack:T024/U0BEN")
    assert (history.status.note, history.notes) == (STATUS_NOTE, 2)
    as_json = later_check.to_dict()["history"]
    assert (as_json["latest_note"], as_json["latest_note_by"]) == (LATER_NOTE, "slack:T024/U0BEN")


def test_a_note_added_alone_after_the_status_shows_in_the_text_report(later_check: Report) -> None:
    head = render_text(later_check).split("\n\n", 1)[0]
    assert head == f"Disputed by @U0ANA · 2 notes\nNote: {LATER_NOTE}"


def test_a_note_added_alone_after_the_status_shows_in_slack(later_check: Report) -> None:
    status = render_message(later_check).blocks[1]["text"]["text"]
    assert status == f"*Disputed* by <@U0ANA> · 2 notes\n> {LATER_NOTE}"


def test_a_note_added_alone_after_the_status_shows_in_discord(later_check: Report) -> None:
    content = render_discord(later_check).content
    assert f"> {LATER_NOTE}" in content and STATUS_NOTE not in content


def test_a_report_stored_without_latest_note_shows_the_status_changes_note() -> None:
    history = History(item="item:1", times_checked=2, first_checked_at="2026-12-01T09:00:00Z", notes=1,
                      status=HistoryStatus(value="false", by="cli:ana", at="2026-12-01T10:00:00Z",
                                           note=STATUS_NOTE))
    report = dataclasses.replace(report_for(STORY), history=history)
    assert render_text(report).startswith(f"False by @ana · 1 note\nNote: {STATUS_NOTE}\n\n")
