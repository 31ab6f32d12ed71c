"""The desk's verdict from Discord: the real discord.py client against the loopback fake, the real
store (SQLite, and PostgreSQL when DESKCHECK_TEST_POSTGRES_URL is set)."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Iterator
from typing import Any

import pytest
from support.discord_rig import MENTION, assert_within_discord_limits, bot_on_fake, is_reply, run
from support.fake_discord import (
    APP_ID,
    BOT_USER,
    GUILD_ID,
    OTHER_GUILD_ID,
    REPORTER,
    REPORTER_ID,
    FakeDiscord,
    Recorded,
    component_interaction,
    message,
    modal_submit,
    posted_message,
)
from support.history import report_for
from support.reports import newsroom_report

from bot.discord_bot.desk import NOT_FOUND
from bot.render import DISCORD_CONTENT_LIMIT, render_discord, utf16_len
from bot.service import Outcome, Requester, run_check
from bot.settings import get_settings
from checks import HistoryStatus, Report
from storage import STATUSES, open_store

STORY = ("Ferry operator disputes the council's safety figures\n\nThe ferry operator said on Monday that "
         "the council had counted every delayed crossing as a cancelled one. \u201cThose numbers do not "
         "describe our service,\u201d said operations manager Lise Varga.")
ME = f"discord:{GUILD_ID}/{REPORTER_ID}"
EPHEMERAL = 64


def recording_checker(raw: str, requester: Requester) -> Outcome:
    """Records a small fixed report of the text in the real store, as the service does after a check,
    without loading the language model."""
    store = open_store(get_settings().database_url)
    report = report_for(raw)
    return Outcome(report=dataclasses.replace(report, history=store.record(report, raw, requester)))


@pytest.fixture(autouse=True)
def _settings_read_again() -> Iterator[None]:
    """Settings are read once per process; these tests change them."""
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture()
def desk_database(database_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.delenv("DESKCHECK_SECRET_KEY", raising=False)
    monkeypatch.delenv("DESKCHECK_PUBLIC_URL", raising=False)
    return database_url


async def checked_report(fake: FakeDiscord, story: str = STORY) -> tuple[dict[str, Any], int]:
    """Mention the bot with `story`: the report message as Discord holds it, and its item's id."""
    await fake.dispatch("MESSAGE_CREATE", message(f"{MENTION} {story}", REPORTER, mentions=[BOT_USER]))
    body = (await fake.wait_for(is_reply)).body
    return posted_message(body), item_of(body)


def custom_ids(body: dict[str, Any]) -> list[str]:
    return [c["custom_id"] for row in body.get("components") or [] for c in row["components"]]


def item_of(body: dict[str, Any]) -> int:
    return int(next(i for i in custom_ids(body) if i.startswith("deskcheck:status:")).rsplit(":", 1)[1])


def answered(interaction: dict[str, Any]) -> Any:
    """A predicate: a request that answers this interaction (callback, edit or follow-up)."""
    return lambda r: interaction["id"] in r.path or interaction["token"] in r.path


async def settled(fake: FakeDiscord, interaction: dict[str, Any]) -> list[Recorded]:
    """Every request answering `interaction`, once its private confirmation went out."""
    token = interaction["token"]
    await fake.wait_for(lambda r: r.method == "POST" and r.path == f"/webhooks/{APP_ID}/{token}")
    return [r for r in fake.requests if answered(interaction)(r)]


def edit_of(requests: list[Recorded]) -> dict[str, Any]:
    [edit] = [r.body for r in requests if r.method == "PATCH" and r.path.endswith("/messages/@original")]
    return dict(edit)


def confirmation_of(requests: list[Recorded]) -> dict[str, Any]:
    [sent] = [r.body for r in requests if r.method == "POST" and r.path.startswith("/webhooks/")]
    return dict(sent)


def test_a_report_carries_a_status_menu_assign_and_note_for_its_item(desk_database: str) -> None:
    async def scenario() -> dict[str, Any]:
        async with bot_on_fake(recording_checker) as fake:
            report, _item = await checked_report(fake)
            return report

    report = run(scenario())
    item = item_of(report)
    assert custom_ids(report) == [f"deskcheck:status:{item}", f"deskcheck:assign:{item}",
                                  f"deskcheck:note:{item}"]
    menu = report["components"][0]["components"][0]
    assert [o["value"] for o in menu["options"]] == list(STATUSES)
    assert [o["label"] for o in report["components"][1]["components"]] == ["Assign to me", "Add note"]


def test_choosing_a_status_saves_it_edits_the_report_in_place_and_confirms_privately(
        desk_database: str) -> None:
    async def scenario() -> tuple[int, list[Recorded]]:
        async with bot_on_fake(recording_checker) as fake:
            report, item = await checked_report(fake)
            click = component_interaction(f"deskcheck:status:{item}", report, component_type=3,
                                          values=["disputed"])
            await fake.dispatch("INTERACTION_CREATE", click)
            return item, await settled(fake, click)

    item, requests = run(scenario())
    state = open_store(desk_database).desk.state(GUILD_ID, item)
    assert (state.status, state.status_by) == ("disputed", ME)
    callback = next(r.body for r in requests if r.path.endswith("/callback"))
    assert callback["type"] == 6  # acknowledged, the message kept until it is edited
    edit = edit_of(requests)
    assert edit["content"].startswith(f"**Disputed** by <@{REPORTER_ID}>")
    assert "Verification summary" in edit["content"] and edit["embeds"]
    menu = edit["components"][0]["components"][0]
    assert [o["value"] for o in menu["options"] if o.get("default")] == ["disputed"]
    confirmation = confirmation_of(requests)
    assert confirmation["content"] == "Status set to Disputed."
    assert confirmation["flags"] & EPHEMERAL
    for body in (edit, confirmation):
        assert body["allowed_mentions"] == {"parse": []}


def test_assign_to_me_and_a_note_from_the_form_show_on_the_edited_report(desk_database: str) -> None:
    async def scenario() -> tuple[int, list[Recorded], list[Recorded], dict[str, Any]]:
        async with bot_on_fake(recording_checker) as fake:
            report, item = await checked_report(fake)
            click = component_interaction(f"deskcheck:assign:{item}", report)
            await fake.dispatch("INTERACTION_CREATE", click)
            assigned = await settled(fake, click)
            opened = component_interaction(f"deskcheck:note:{item}", report)
            await fake.dispatch("INTERACTION_CREATE", opened)
            form = (await fake.wait_for(lambda r: answered(opened)(r) and r.path.endswith("/callback"))).body
            submit = note_submit(form, "The council's own minutes count @everyone delays as cancellations",
                                 report)
            await fake.dispatch("INTERACTION_CREATE", submit)
            return item, assigned, await settled(fake, submit), form

    item, assigned, noted, form = run(scenario())
    assert form["type"] == 9 and form["data"]["custom_id"].startswith(f"deskcheck:note-form:{item}:")
    assert confirmation_of(assigned)["content"] == "Assigned to you."
    assert "assigned to <@" in edit_of(assigned)["content"]
    assert confirmation_of(noted)["content"] == "Note added."
    assert edit_of(noted)["content"].startswith(f"**Open** · 1 note · assigned to <@{REPORTER_ID}>")
    state = open_store(desk_database).desk.state(GUILD_ID, item)
    assert (state.assignee, state.notes, state.latest_note_by) == (ME, 1, ME)
    assert state.latest_note == "The council's own minutes count @everyone delays as cancellations"


def note_submit(form: dict[str, Any], text: str, report: dict[str, Any]) -> dict[str, Any]:
    """The submit of the note form the bot opened (its callback body), with `text` typed in."""
    [field] = [c["custom_id"] for row in form["data"]["components"] for c in row["components"]]
    return modal_submit(form["data"]["custom_id"], {field: text}, report)


def test_a_note_delivered_twice_is_saved_once(desk_database: str) -> None:
    async def scenario() -> int:
        async with bot_on_fake(recording_checker) as fake:
            report, item = await checked_report(fake)
            opened = component_interaction(f"deskcheck:note:{item}", report)
            await fake.dispatch("INTERACTION_CREATE", opened)
            form = (await fake.wait_for(lambda r: answered(opened)(r) and r.path.endswith("/callback"))).body
            submit = note_submit(form, "Called the operator twice; no answer yet", report)
            # a gateway resume may hand the same interaction over again, before the first is done
            await fake.dispatch("INTERACTION_CREATE", submit)
            await fake.dispatch("INTERACTION_CREATE", submit)
            await settled(fake, submit)
            await asyncio.sleep(0.5)  # room for a second save, were there one
            return item

    item = run(scenario())
    state = open_store(desk_database).desk.state(GUILD_ID, item)
    assert state.notes == 1
    assert [e.kind for e in state.timeline] == ["note"]


def test_a_click_from_another_server_finds_no_item_and_changes_nothing(desk_database: str) -> None:
    async def scenario() -> tuple[int, list[Recorded]]:
        async with bot_on_fake(recording_checker) as fake:
            report, item = await checked_report(fake)
            foreign = component_interaction(f"deskcheck:status:{item}", report, component_type=3,
                                            values=["false"], guild_id=OTHER_GUILD_ID)
            await fake.dispatch("INTERACTION_CREATE", foreign)
            return item, await settled(fake, foreign)

    item, requests = run(scenario())
    confirmation = confirmation_of(requests)
    assert confirmation["content"] == NOT_FOUND and confirmation["flags"] & EPHEMERAL
    assert not [r for r in requests if r.method == "PATCH"]  # the report stays as it was
    state = open_store(desk_database).desk.state(GUILD_ID, item)
    assert state.status == "open" and state.timeline == ()


def test_a_new_client_handles_a_click_on_a_report_posted_before_the_restart(desk_database: str) -> None:
    async def before() -> tuple[dict[str, Any], int]:
        async with bot_on_fake(recording_checker) as fake:
            return await checked_report(fake)

    async def after(report: dict[str, Any], item: int) -> list[Recorded]:
        async with bot_on_fake(recording_checker) as fake:  # a new process: nothing kept in memory
            click = component_interaction(f"deskcheck:status:{item}", report, component_type=3,
                                          values=["verified"])
            await fake.dispatch("INTERACTION_CREATE", click)
            return await settled(fake, click)

    report, item = run(before())
    requests = run(after(report, item))
    assert edit_of(requests)["content"].startswith("**Verified** by")
    assert open_store(desk_database).desk.state(GUILD_ID, item).status == "verified"


def test_the_report_links_its_signed_page_when_the_desk_has_one(desk_database: str,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESKCHECK_SECRET_KEY", "k" * 40)
    monkeypatch.setenv("DESKCHECK_PUBLIC_URL", "https://desk.example.org")
    get_settings.cache_clear()

    async def scenario() -> dict[str, Any]:
        async with bot_on_fake(recording_checker) as fake:
            report, _item = await checked_report(fake)
            return report

    content = run(scenario())["content"]
    assert "[Full report](<https://desk.example.org/report/" in content


def test_a_real_check_then_a_status_change_shows_on_the_next_check_of_the_story(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The engine and the service as `deskcheck discord` runs them, on the session's database."""
    monkeypatch.delenv("DESKCHECK_SECRET_KEY", raising=False)
    get_settings.cache_clear()
    story = STORY.replace("Monday", "Tuesday")  # an item of its own in the shared session database

    async def scenario() -> str:
        async with bot_on_fake(run_check) as fake:
            report, item = await checked_report(fake, story)
            click = component_interaction(f"deskcheck:status:{item}", report, component_type=3,
                                          values=["in_progress"])
            await fake.dispatch("INTERACTION_CREATE", click)
            await settled(fake, click)
            fake.requests.clear()
            again, _same = await checked_report(fake, story)
            return str(again["content"])

    assert run(scenario()).startswith(f"**In progress** by <@{REPORTER_ID}>")


# -- the renderer: the verdict at the top, the page's link, Discord's limits ---------------------------


def with_verdict(report: Report, value: str = "disputed", by: str | None = ME, note: str | None = None,
                 assignee: str | None = None, notes: int = 0) -> Report:
    assert report.history is not None
    status = HistoryStatus(value=value, by=by, at="2026-11-20T15:00:00Z", note=note)
    history = dataclasses.replace(report.history, status=status, assignee=assignee, notes=notes)
    return dataclasses.replace(report, history=history)


def test_the_verdict_leads_the_content_with_people_as_mentions_that_never_ping() -> None:
    note = "Minutes say **otherwise** @everyone <@&1700000000000000001>"
    report = with_verdict(newsroom_report(), note=note, assignee="cli:ben_ortiz", notes=2)
    reply = render_discord(report)
    first, second, *_rest = reply.content.splitlines()
    assert first == f"**Disputed** by <@{REPORTER_ID}> · 2 notes · assigned to @ben\\_ortiz"
    assert second.startswith("> Minutes say \\*\\*otherwise\\*\\* @\u200beveryone")
    assert "<@&" not in second
    assert_within_discord_limits(reply)


def test_an_open_item_without_notes_or_assignee_renders_as_before() -> None:
    plain = newsroom_report()
    assert render_discord(with_verdict(plain, value="open", by=None)) == render_discord(plain)


def test_the_full_report_link_survives_a_long_verdict_and_an_unsafe_one_is_left_out() -> None:
    url = "https://desk.example.org/report/" + "a" * 400
    report = with_verdict(newsroom_report(), note="n" * 5000)
    content = render_discord(report, "x" * 3000, report_url=url).content
    assert utf16_len(content) <= DISCORD_CONTENT_LIMIT
    assert content.endswith(f"[Full report](<{url}>)")
    assert content.startswith("**Disputed**")
    assert "Full report" not in render_discord(report, report_url="javascript:alert(1)").content
