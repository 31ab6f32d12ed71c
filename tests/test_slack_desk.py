"""The desk's verdict from Slack: status, notes and assignment through the real bolt App and server,
signed requests in, the fake Slack Web API out, the history in a real database (SQLite, and
PostgreSQL when DESKCHECK_TEST_POSTGRES_URL is set)."""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from support.desk_rig import DeskRig, control_block, desk_app, posted, shown
from support.fake_slack import interactive_body, signed_headers
from support.reports import NEWSROOM_ARTICLE, newsroom_report
from support.slack_rig import FORM

from bot.render import (
    DESK_STATUS_LABELS,
    DESK_STATUSES,
    REPORT_PAGE_ACTION,
    render_message,
    render_text,
    status_line,
)
from bot.render.slack_desk import NOTE_BLOCK, NOTE_VIEW
from bot.settings import Settings
from bot.web.links import verify
from checks import HistoryStatus
from storage import STATUS_LABELS, STATUSES, open_store

SECRET = "a-report-page-key-of-at-least-32-bytes!"
NOTE = "The mayor's office says the ferry quote was said at a different meeting."


@pytest.fixture()
def desk(database_url: str) -> Iterator[DeskRig]:
    with desk_app(database_url) as rig:
        yield rig


def checked(rig: DeskRig, channel: str = "C0DESK", user: str = "U0REPORTER", count: int = 1) -> Any:
    """/check the newsroom article from `channel`: the count-th report posted."""
    assert rig.command(NEWSROOM_ARTICLE, channel=channel, user=user).status_code == 200
    return rig.fake.wait_for("chat.postMessage", count)[count - 1]


def item_of(post: Any) -> int:
    return int(control_block(post.payload["blocks"])["block_id"].rpartition(":")[2])


def open_note_modal(rig: DeskRig, post: Any, count: int = 1, **kw: Any) -> dict[str, Any]:
    assert rig.add_note(*posted(post), **kw).status_code == 200
    view: dict[str, Any] = rig.fake.wait_for("views.open", count)[count - 1].payload["view"]
    return view


def test_a_report_of_the_history_carries_the_status_choice_assign_and_note_controls(desk: DeskRig) -> None:
    post = checked(desk)
    block = control_block(post.payload["blocks"])
    select, assign, note = block["elements"]
    assert block["block_id"] == f"deskcheck_desk/item:{item_of(post)}"
    assert [o["value"] for o in select["options"]] == list(STATUSES)
    assert select["initial_option"]["value"] == "open"
    assert (assign["text"]["text"], note["text"]["text"]) == ("Assign to me", "Add note")


def test_marking_a_story_disputed_with_a_note_edits_the_message_and_confirms_privately(desk: DeskRig) -> None:
    post = checked(desk)
    view = open_note_modal(desk, post)
    assert view["callback_id"] == NOTE_VIEW
    saved = desk.send(desk.submission(view, NOTE, "disputed"))
    assert saved.status_code == 200 and saved.text == ""  # an empty ack closes the modal
    [update] = desk.fake.wait_for("chat.update")
    assert (update.payload["channel"], update.payload["ts"]) == ("C0DESK", "1764000000.000001")
    blocks = update.payload["blocks"]
    assert blocks[1]["text"]["text"].startswith("*Disputed* by <@U0EDITOR> · 1 note")
    assert NOTE in blocks[1]["text"]["text"]
    assert control_block(blocks)["elements"][0]["initial_option"]["value"] == "disputed"
    assert "checked for <@U0REPORTER>" in shown(update)  # the edit keeps who it was checked for
    assert update.payload["text"].startswith("deskcheck report for <@U0REPORTER>\nDisputed by @U0EDITOR")
    [told] = desk.fake.wait_for("chat.postEphemeral")
    assert (told.payload["user"], told.payload["channel"]) == ("U0EDITOR", "C0DESK")
    assert told.payload["text"] == f"Your note on `item:{item_of(post)}` is saved and marked it *Disputed*."
    state = open_store(desk.database_url).desk.state("T0NEWS", item_of(post))
    assert (state.status, state.status_by, state.status_note) == ("disputed", "slack:T0NEWS/U0EDITOR", NOTE)
    # the chat.update was sent before the confirmation
    assert update.at <= told.at


def test_the_status_choice_and_assign_to_me_update_the_message_each_time(desk: DeskRig) -> None:
    post = checked(desk)
    assert desk.choose_status(*posted(post), "in_progress").status_code == 200
    [first] = desk.fake.wait_for("chat.update")
    assert first.payload["blocks"][1]["text"]["text"] == "*In progress* by <@U0EDITOR>"
    desk.assign_to_me(*posted(first), user="U0BEN")
    second = desk.fake.wait_for("chat.update", 2)[1]
    top = second.payload["blocks"][1]["text"]["text"]
    assert top == "*In progress* by <@U0EDITOR> · assigned to <@U0BEN>"
    told = desk.fake.wait_for("chat.postEphemeral", 2)
    assert [t.payload["text"] for t in told] == [f"You marked `item:{item_of(post)}` *In progress*.",
                                                 f"`item:{item_of(post)}` is assigned to you."]
    assert [t.payload["user"] for t in told] == ["U0EDITOR", "U0BEN"]


def test_a_click_is_acknowledged_before_the_message_is_edited(desk: DeskRig) -> None:
    post = checked(desk)
    release = desk.fake.hold("chat.update")  # a slow Slack: the edit cannot finish
    try:
        answer = desk.choose_status(*posted(post), "verified")
        assert answer.status_code == 200 and desk.fake.of("chat.update") == []
        # saved, then the edit attempted: the saved status is there while the edit waits
        store, deadline = open_store(desk.database_url), time.monotonic() + 30
        while store.desk.state("T0NEWS", item_of(post)).status != "verified" and time.monotonic() < deadline:
            time.sleep(0.02)
        assert store.desk.state("T0NEWS", item_of(post)).status == "verified"
        assert desk.fake.of("chat.update") == []
    finally:
        release.set()
    desk.fake.wait_for("chat.update")


def test_a_note_alone_is_counted_and_quoted_on_the_status_line(desk: DeskRig) -> None:
    post = checked(desk)
    desk.send(desk.submission(open_note_modal(desk, post), "Called the council press office."))
    [update] = desk.fake.wait_for("chat.update")
    status = update.payload["blocks"][1]["text"]["text"]
    assert status == "*Open* · 1 note\n> Called the council press office."
    state = open_store(desk.database_url).desk.state("T0NEWS", item_of(post))
    assert (state.status, state.notes, state.latest_note) == ("open", 1, "Called the council press office.")


def test_a_blank_note_keeps_the_modal_open_with_an_error_and_saves_nothing(desk: DeskRig) -> None:
    post = checked(desk)
    answer = desk.send(desk.submission(open_note_modal(desk, post), "   \n "))
    assert answer.status_code == 200
    assert answer.json() == {"response_action": "errors", "errors": {NOTE_BLOCK: "Write a note first."}}
    assert open_store(desk.database_url).desk.state("T0NEWS", item_of(post)).timeline == ()


def test_a_retried_note_reaching_another_web_process_is_saved_once(desk: DeskRig) -> None:
    post = checked(desk)
    body = desk.submission(open_note_modal(desk, post), NOTE)
    desk.send(body)
    desk.fake.wait_for("chat.update")
    assert desk.send(body, retry=1).status_code == 200  # the same process drops Slack's retry
    with desk_app(desk.database_url) as other:  # a second web process, memory of its own
        assert other.send(body, retry=2, retry_reason="http_error").status_code == 200
        other.fake.wait_for("chat.update")  # it answered as if it had applied it: the key found it done
    state = open_store(desk.database_url).desk.state("T0NEWS", item_of(post))
    assert [e.kind for e in state.timeline] == ["note"] and state.notes == 1


def test_a_double_click_on_a_status_or_assign_to_me_records_one_change(desk: DeskRig) -> None:
    post = checked(desk)
    for _ in range(2):
        desk.choose_status(*posted(post), "verified")
        desk.assign_to_me(*posted(post))
    desk.fake.wait_for("chat.update", 4)
    state = open_store(desk.database_url).desk.state("T0NEWS", item_of(post))
    assert [(e.kind, e.new) for e in state.timeline] == [("status", "verified"),
                                                         ("assign", "slack:T0NEWS/U0EDITOR")]


def test_another_team_cannot_act_on_an_item_and_is_told_it_was_not_found(desk: DeskRig) -> None:
    post = checked(desk)
    desk.choose_status(*posted(post), "false", team="T0OTHER", user="U0STRANGER")
    desk.assign_to_me(*posted(post), team="T0OTHER", user="U0STRANGER")
    desk.add_note(*posted(post), team="T0OTHER", user="U0STRANGER")
    told = desk.fake.wait_for("chat.postEphemeral", 3)
    assert {t.payload["text"] for t in told} == {
        "deskcheck: that item is not in this workspace's history; nothing was changed."}
    assert {t.payload["user"] for t in told} == {"U0STRANGER"}
    assert desk.fake.of("chat.update") == [] and desk.fake.of("views.open") == []
    state = open_store(desk.database_url).desk.state("T0NEWS", item_of(post))
    assert state.timeline == ()


def test_a_note_submitted_from_another_team_changes_nothing(desk: DeskRig) -> None:
    post = checked(desk)
    view = open_note_modal(desk, post)
    desk.send(desk.submission(view, "Rated false by a stranger", "false", team="T0OTHER", user="U0STRANGER"))
    [told] = desk.fake.wait_for("chat.postEphemeral")
    assert "not in this workspace's history" in told.payload["text"]
    assert desk.fake.of("chat.update") == []
    assert open_store(desk.database_url).desk.state("T0NEWS", item_of(post)).timeline == ()


def test_a_control_whose_block_names_no_item_changes_nothing(desk: DeskRig) -> None:
    post = checked(desk)
    blocks, text = posted(post)
    forged = json.loads(json.dumps(blocks))
    control_block(forged)["block_id"] = "deskcheck_desk/seed:007_bridge"
    desk.choose_status(forged, text, "false")
    [told] = desk.fake.wait_for("chat.postEphemeral")
    assert "not in this workspace's history" in told.payload["text"]
    assert open_store(desk.database_url).desk.state("T0NEWS", item_of(post)).timeline == ()


def test_a_status_that_is_not_one_is_refused_privately(desk: DeskRig) -> None:
    post = checked(desk)
    desk.choose_status(*posted(post), "fake_news")
    [told] = desk.fake.wait_for("chat.postEphemeral")
    assert told.payload["text"] == "deskcheck: that is not a status; nothing was changed."
    assert desk.fake.of("chat.update") == []


def test_an_unsigned_status_change_is_refused_and_changes_nothing(desk: DeskRig) -> None:
    post = checked(desk)
    option = {"text": {"type": "plain_text", "text": "false"}, "value": "false"}
    body = interactive_body(desk.click_payload(*posted(post), "deskcheck_status", selected_option=option))
    headers = signed_headers(body, content_type=FORM, secret="not-the-signing-secret")
    assert httpx.post(desk.url, content=body.encode(), headers=headers, timeout=30).status_code == 401
    assert open_store(desk.database_url).desk.state("T0NEWS", item_of(post)).timeline == ()


def test_a_report_in_a_channel_without_the_bot_is_edited_and_confirmed_through_the_response_url(
        desk: DeskRig) -> None:
    post = checked(desk)
    desk.fake.fail_once("chat.update", "channel_not_found")
    desk.fake.fail_once("chat.postEphemeral", "not_in_channel")
    desk.choose_status(*posted(post), "unverifiable")
    edited, told = desk.fake.wait_for("response_url", 2)
    assert edited.payload["replace_original"] is True
    assert edited.payload["blocks"][1]["text"]["text"] == "*Unverifiable* by <@U0EDITOR>"
    assert (told.payload["response_type"], told.payload["replace_original"]) == ("ephemeral", False)
    assert told.payload["text"] == f"You marked `item:{item_of(post)}` *Unverifiable*."


def test_a_colleague_checking_the_story_in_another_channel_sees_its_status_and_note(desk: DeskRig) -> None:
    post = checked(desk)
    desk.send(desk.submission(open_note_modal(desk, post), NOTE, "disputed"))
    desk.fake.wait_for("chat.update")
    again = checked(desk, channel="C0COPYDESK", user="U0COLLEAGUE", count=2)
    assert again.payload["channel"] == "C0COPYDESK"
    top = again.payload["blocks"][1]["text"]["text"]
    assert top.startswith("*Disputed* by <@U0EDITOR> · 1 note") and NOTE in top
    assert control_block(again.payload["blocks"])["elements"][0]["initial_option"]["value"] == "disputed"
    assert item_of(again) == item_of(post)


def test_the_report_links_to_its_signed_page_when_the_page_is_configured(database_url: str) -> None:
    with desk_app(database_url, secret_key=SECRET, public_url="https://desk.example.org") as rig:
        post = checked(rig)
        [link] = post.payload["blocks"][-1]["elements"]
        assert link["action_id"] == REPORT_PAGE_ACTION and link["text"]["text"] == "Full report"
        assert link["url"].startswith("https://desk.example.org/report/")
        page = Settings(secret_key=SECRET, public_url="https://desk.example.org")
        assert verify(page, link["url"].rpartition("/")[2]) == ("T0NEWS", item_of(post))
        assert f"Full report: {link['url']}" in post.payload["text"]
        assert rig.click(*posted(post), REPORT_PAGE_ACTION).status_code == 200  # acknowledged, nothing else
        rig.choose_status(*posted(post), "verified")
        [update] = rig.fake.wait_for("chat.update")
        assert update.payload["blocks"][-1]["elements"][0]["url"].startswith("https://desk.example.org/report/")


# ---- the status line on every surface (pure renderers)

def with_verdict(**history: Any) -> Any:
    report = newsroom_report()
    assert report.history is not None
    return dataclasses.replace(report, history=dataclasses.replace(report.history, **history))


def test_the_status_line_names_status_setter_notes_and_assignee() -> None:
    report = with_verdict(status=HistoryStatus(value="disputed", by="slack:T0NEWS/U0ANA",
                                               at="2026-11-30T10:00:00Z", note="Quote is from 2019."),
                          assignee="slack:T0NEWS/U0BEN", notes=2)
    assert status_line(report) == "Disputed by @U0ANA · 2 notes · assigned to @U0BEN"
    text = render_text(report)
    assert text.startswith("Disputed by @U0ANA · 2 notes · assigned to @U0BEN\nNote: Quote is from 2019.\n\n")
    slack = render_message(report).blocks[1]["text"]["text"]
    assert slack == "*Disputed* by <@U0ANA> · 2 notes · assigned to <@U0BEN>\n> Quote is from 2019."


def test_an_open_item_without_notes_or_assignee_shows_no_status_line() -> None:
    report = with_verdict(status=HistoryStatus(value="open", by="cli:ana", at="2026-11-30T10:00:00Z"))
    assert status_line(report) is None
    assert render_text(report) == render_text(newsroom_report())
    assert render_message(report).blocks[1]["type"] == "context"


def test_a_note_from_a_page_or_a_person_cannot_ping_or_link_in_slack() -> None:
    report = with_verdict(status=HistoryStatus(value="false", by="cli:<!channel>",
                                               at="2026-11-30T10:00:00Z", note="<!here> see <https://x.example|y>"),
                          assignee="discord:1234/5678")
    line = render_message(report).blocks[1]["text"]["text"]
    assert "<!channel>" not in line and "<!here>" not in line and "<https:" not in line
    assert line.startswith("*False* by @&lt;!channel&gt; · assigned to @5678")


def test_the_renderers_statuses_are_the_storage_statuses() -> None:
    assert DESK_STATUSES == STATUSES and DESK_STATUS_LABELS == STATUS_LABELS
