"""`deskcheck status|note|assign`, `history --status` and `show` with the desk's verdict, end to end."""

from __future__ import annotations

import csv
import io
import json
import os
import uuid

import pytest
from support.history import STORY, report_for

from bot.cli import main
from storage import NOTE_MAX, CheckEvent, open_store, parse_item_ref

OTHER_STORY = STORY.replace("Thursday", "Friday")


@pytest.fixture()
def desk() -> str:
    """A workspace of its own in the session's database (conftest.py's private DATABASE_URL)."""
    return f"desk-{uuid.uuid4().hex[:8]}"


def checked(workspace: str, body: str = STORY) -> int:
    store = open_store(os.environ["DATABASE_URL"])
    return parse_item_ref(store.record(report_for(body), body, CheckEvent("cli", workspace)).item)


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_status_note_and_assign_change_the_item_and_show_prints_its_trail(
        desk: str, capsys: pytest.CaptureFixture[str]) -> None:
    item = checked(desk)
    code, out, err = run_cli(capsys, "status", f"item:{item}", "disputed", "--note", "Board denies the date",
                             "--by", "cli:ana", "--workspace", desk)
    assert (code, err) == (0, "") and out.strip() == f"item:{item} · Disputed by cli:ana · 1 note"
    noted = run_cli(capsys, "note", str(item), "Minutes requested", "--by", "cli:ben", "--workspace", desk)
    assert noted[0] == 0
    code, out, _ = run_cli(capsys, "assign", str(item), "ben", "--by", "cli:ana", "--workspace", desk)
    assert code == 0 and out.strip() == f"item:{item} · Disputed by cli:ana · 2 notes · assigned to ben"

    code, out, _ = run_cli(capsys, "show", f"item:{item}", "--json", "--workspace", desk)
    shown = json.loads(out)
    assert code == 0 and shown["assignee"] == "ben"
    assert {k: shown["status"][k] for k in ("value", "by", "note")} == {
        "value": "disputed", "by": "cli:ana", "note": "Board denies the date"}
    assert shown["status"]["at"].endswith("Z") and shown["history"]["status"] == shown["status"]
    assert [(e["kind"], e["by"], e["old"], e["new"], e["note"]) for e in shown["timeline"]] == [
        ("status", "cli:ana", "open", "disputed", "Board denies the date"),
        ("note", "cli:ben", None, None, "Minutes requested"), ("assign", "cli:ana", None, "ben", None)]

    code, out, _ = run_cli(capsys, "show", str(item), "--workspace", desk)
    trail = out[out.index("Desk: "):].splitlines()
    assert trail[0] == f"Desk: item:{item} · Disputed by cli:ana · 2 notes · assigned to ben"
    assert "status: Open → Disputed" in trail[1] and trail[2].strip() == "Board denies the date"
    assert "assigned to ben" in trail[-1]


def test_an_item_nobody_touched_shows_as_open(desk: str, capsys: pytest.CaptureFixture[str]) -> None:
    item = checked(desk)
    shown = json.loads(run_cli(capsys, "show", str(item), "--json", "--workspace", desk)[1])
    assert shown["status"] == {"value": "open", "by": None, "at": None, "note": None}
    assert (shown["assignee"], shown["timeline"], shown["history"]["status"]) == (None, [], None)


@pytest.mark.parametrize(("argv", "message"), [
    (["status", "{item}", "maybe"], "deskcheck: unknown status 'maybe': use one of open, in_progress, "
                                    "verified, disputed, false, unverifiable"),
    (["status", "{other}", "verified"], "deskcheck: item:{other} is not an item of this workspace"),
    (["status", "{missing}", "verified"], "deskcheck: item:{missing} is not an item of this workspace"),
    (["note", "{other}", "A note"], "deskcheck: item:{other} is not an item of this workspace"),
    (["assign", "{other}", "ben"], "deskcheck: item:{other} is not an item of this workspace"),
    (["status", "seed:001_x", "verified"], "deskcheck: not an item: 'seed:001_x' (use item:42 or 42)"),
    (["note", "{item}", "   "], "deskcheck: a note needs some text"),
    (["assign", "{item}"], "deskcheck: give a NAME to assign the item to, or --unassign"),
    (["history", "--status", "fake"], "deskcheck: unknown status 'fake': use one of open, in_progress, "
                                      "verified, disputed, false, unverifiable"),
])
def test_a_wrong_item_or_status_is_one_line_on_stderr_and_exit_2(
        desk: str, capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    item, other = checked(desk), checked(f"{desk}-elsewhere")
    names = {"item": str(item), "other": str(other), "missing": str(other + 10_000)}
    code, out, err = run_cli(capsys, *[a.format(**names) for a in argv], "--workspace", desk)
    assert (code, out) == (2, "") and err == message.format(**names) + "\n"
    shown = json.loads(run_cli(capsys, "show", str(other), "--json", "--workspace", f"{desk}-elsewhere")[1])
    assert shown["timeline"] == []  # the other desk's item is untouched


def test_history_lists_the_checks_of_items_with_the_status_asked_for(
        desk: str, capsys: pytest.CaptureFixture[str]) -> None:
    disputed, untouched = checked(desk), checked(desk, OTHER_STORY)
    run_cli(capsys, "status", str(disputed), "in-progress", "--workspace", desk)
    code, out, _ = run_cli(capsys, "history", "--status", "In progress", "--json", "--workspace", desk)
    assert code == 0 and [json.loads(line)["item"] for line in out.splitlines()] == [f"item:{disputed}"]
    code, out, _ = run_cli(capsys, "history", "--workspace", desk)
    lines = out.splitlines()
    assert f"item:{untouched}" in lines[0] and "  Open  " in lines[0]
    assert f"item:{disputed}" in lines[1] and "  In progress  " in lines[1]
    code, out, _ = run_cli(capsys, "history", "--status", "false", "--workspace", desk)
    assert code == 0 and out.strip() == f"no checks in workspace {desk!r} of items now 'false'"
    code, out, _ = run_cli(capsys, "history", "export", "--csv", "--workspace", desk)
    assert [row["status"] for row in csv.DictReader(io.StringIO(out))] == ["open", "in_progress"]


def test_the_same_status_again_is_unchanged_and_says_so(
        desk: str, capsys: pytest.CaptureFixture[str]) -> None:
    item = checked(desk)
    run_cli(capsys, "status", str(item), "verified", "--by", "cli:ana", "--workspace", desk)
    code, out, _ = run_cli(capsys, "status", str(item), "verified", "--by", "cli:ben", "--workspace", desk)
    assert code == 0 and out.strip() == f"unchanged: item:{item} · Verified by cli:ana"


def test_a_long_note_is_kept_cut_and_the_command_says_so(
        desk: str, capsys: pytest.CaptureFixture[str]) -> None:
    item = checked(desk)
    code, _, err = run_cli(capsys, "note", str(item), "word " * 1000, "--workspace", desk)
    assert code == 0 and err == f"deskcheck: the note was cut to {NOTE_MAX:,} characters\n"
    shown = json.loads(run_cli(capsys, "show", str(item), "--json", "--workspace", desk)[1])
    assert len(shown["timeline"][0]["note"]) == NOTE_MAX


def test_the_change_is_by_cli_user_unless_by_is_given(
        desk: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("USER", "marta")
    item = checked(desk)
    assert run_cli(capsys, "assign", str(item), "marta", "--workspace", desk)[0] == 0
    assert run_cli(capsys, "assign", str(item), "--unassign", "--workspace", desk)[0] == 0
    shown = json.loads(run_cli(capsys, "show", str(item), "--json", "--workspace", desk)[1])
    assert [(e["by"], e["old"], e["new"]) for e in shown["timeline"]] == [
        ("cli:marta", None, "marta"), ("cli:marta", "marta", None)]
    assert shown["assignee"] is None


def test_show_of_a_missing_or_another_workspaces_item_is_one_line_and_exit_2(
        desk: str, capsys: pytest.CaptureFixture[str]) -> None:
    other = checked(f"{desk}-elsewhere")
    for ref in (f"item:{other}", str(other + 10_000)):
        code, out, err = run_cli(capsys, "show", ref, "--workspace", desk)
        assert (code, out) == (2, "") and err == f"deskcheck: no {ref} in workspace {desk!r}\n"
    assert run_cli(capsys, "show", f"item:{other}", "--workspace", f"{desk}-elsewhere")[0] == 0
