"""The digest by the desk's verdicts: the week's items by status, items still open though checked
more than once, every false or disputed item with its latest note, and links to the report pages.
Built from a real history (SQLite, and PostgreSQL when DESKCHECK_TEST_POSTGRES_URL is set)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session
from support.digest_fakes import DISCORD_DESK, SLACK_DESK, WEEK, SlackWithFiles, fill_week
from support.golden import golden_text
from support.history import fresh_database

from bot.digest import Week, build_digest, post_week
from bot.digest.model import Digest, ItemFigure, VerdictFigure, WeekTotals
from bot.render import DISCORD_CONTENT_LIMIT, SLACK_MAX_BLOCKS, SLACK_SECTION_CHARS, utf16_len
from bot.render.digest import (
    BY_STATUS_HEADING,
    CONTESTED_HEADING,
    OPEN_REPEATED_HEADING,
    render_discord,
    render_slack,
    render_text,
)
from bot.settings import Settings
from bot.web.links import verify
from storage import CheckEvent, Store, open_store
from storage.models import CheckEventRow, DeskEventRow

AFTER = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)  # the Tuesday after the week
ANA, BEN = "slack:T0NEWS/U0AMIRA", "cli:ben"
PORTS_NOTE = "Ottawa's own readout says the talks paused, not ended <!channel>"
SITE = Settings(secret_key="s" * 40, public_url="https://desk.example.org")


def at(store: Store, moment: str) -> None:
    """Date the desk's latest event (the store stamps 'now'), as a desk working through the week would."""
    when = dt.datetime.fromisoformat(moment).replace(tzinfo=dt.UTC)
    with Session(store.engine) as session, session.begin():
        last = session.scalar(select(func.max(DeskEventRow.id)))
        session.execute(update(DeskEventRow).where(DeskEventRow.id == last).values(at=when))


def rule_on_the_week(store: Store, ids: dict[str, int]) -> None:
    desk = store.desk
    desk.set_status(SLACK_DESK, ids["ports"], "in_progress", by=BEN)
    at(store, "2026-11-16T16:00:00")
    desk.set_status(SLACK_DESK, ids["ports"], "disputed", by=ANA, note=PORTS_NOTE)
    at(store, "2026-11-17T09:00:00")
    desk.set_status(SLACK_DESK, ids["rebuff"], "false", by=BEN, note="The quote is from 2019")
    at(store, "2026-11-19T12:00:00")
    desk.add_note(SLACK_DESK, ids["rebuff"], "Confirmed with the PMO's transcript", by=ANA)
    at(store, "2026-11-20T10:00:00")
    # checked in week 46, ruled on in week 47: one of the week's items all the same
    desk.set_status(SLACK_DESK, ids["reopen"], "verified", by=ANA)
    at(store, "2026-11-18T10:00:00")
    # after the week: the digest of week 47 does not see it
    desk.set_status(SLACK_DESK, ids["ports"], "verified", by=ANA, note="Talks resumed")
    at(store, "2026-11-24T08:00:00")
    # the late item is checked again in the week and nobody rules on it
    late = store.stored_report(f"item:{ids['late']}", SLACK_DESK)
    assert late is not None
    store.record(dataclasses.replace(late, history=None), late_text(), CheckEvent("slack", SLACK_DESK,
                                                                                   user="U0BEN"))
    with Session(store.engine) as session, session.begin():
        last = session.scalar(select(func.max(CheckEventRow.id)))
        when = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)
        session.execute(update(CheckEventRow).where(CheckEventRow.id == last).values(checked_at=when))


def late_text() -> str:
    return ("Late-night vote on the harbour budget\n\n“Every line of this budget was argued over twice,” "
            "councillor Anya Breville said.")


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def history(request: pytest.FixtureRequest,
            tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, dict[str, int]]]:
    with fresh_database(request.param, tmp_path_factory.mktemp("verdicts")) as url:
        store = open_store(url)
        ids = fill_week(store)
        rule_on_the_week(store, ids)
        yield store, ids


def week47(store: Store, settings: Settings | None = None) -> Digest:
    return build_digest(store, SLACK_DESK, Week.parse(WEEK), now=AFTER, settings=settings)


def test_the_weeks_items_are_listed_by_status_as_it_stood_when_the_week_ended(
        history: tuple[Store, dict[str, int]]) -> None:
    store, ids = history
    d = week47(store)
    by_item = {v.item: v.status for v in d.verdicts}
    assert by_item == {f"item:{ids['ports']}": "disputed", f"item:{ids['rebuff']}": "false",
                       f"item:{ids['late']}": "open", f"item:{ids['reopen']}": "verified"}
    text = render_text(d)
    assert "  1 open · 1 verified · 1 disputed · 1 false\n" in text
    assert f"  Disputed: Port talks collapse as Ottawa walks away (item:{ids['ports']})\n" in text


def test_an_item_still_open_though_checked_more_than_once_is_called_out(
        history: tuple[Store, dict[str, int]]) -> None:
    store, ids = history
    d = week47(store)
    # the late item: checked on Sunday night, and again since; ports, checked three times, has a verdict
    assert [(v.item, v.checks) for v in d.open_repeated] == [(f"item:{ids['late']}", 2)]
    assert (f"{OPEN_REPEATED_HEADING.upper()}\n  2×  Late-night vote on the harbour budget "
            f"(item:{ids['late']})\n") in render_text(d)


def test_every_false_or_disputed_item_shows_its_latest_note_on_every_surface(
        history: tuple[Store, dict[str, int]]) -> None:
    store, ids = history
    d = week47(store)
    assert [(v.item, v.note, v.note_by) for v in d.contested] == [
        (f"item:{ids['ports']}", PORTS_NOTE, ANA),
        (f"item:{ids['rebuff']}", "Confirmed with the PMO's transcript", ANA)]
    text = render_text(d)
    assert (f"  Disputed  Port talks collapse as Ottawa walks away (item:{ids['ports']}) — "
            f"“{PORTS_NOTE}” — @U0AMIRA\n") in text
    # the desk's verdicts come right after published fact-checks, before the other lists
    assert text.index(CONTESTED_HEADING.upper()) < text.index(BY_STATUS_HEADING.upper()) \
        < text.index("CHECKED MORE THAN ONCE")
    slack = str(render_slack(d).blocks)
    assert f"*{CONTESTED_HEADING}*" in slack and "<!channel>" not in slack and "&lt;!channel&gt;" in slack
    discord = render_discord(d)
    assert f"**{CONTESTED_HEADING}**" in discord and "Confirmed with the PMO's transcript" in discord


def test_a_desk_that_gives_no_verdicts_gets_the_digest_as_before(
        history: tuple[Store, dict[str, int]]) -> None:
    store, ids = history
    d = build_digest(store, DISCORD_DESK, Week.parse(WEEK), now=AFTER)
    assert d.verdicts == ()
    text = render_text(d)
    assert CONTESTED_HEADING.upper() not in text and BY_STATUS_HEADING.upper() not in text
    assert f"item:{ids['ports']}" not in text  # nor does it ever see another desk's verdicts


def test_a_week_with_verdicts_and_no_checks_lists_the_verdicts(history: tuple[Store, dict[str, int]]) -> None:
    store, ids = history
    d = build_digest(store, SLACK_DESK, Week.parse("2026-W48"), now=AFTER)
    assert d.empty and [(v.item, v.status) for v in d.verdicts] == [(f"item:{ids['ports']}", "verified")]
    text = render_text(d)
    assert "Nothing was checked this week" in text
    assert f"  Verified: Port talks collapse as Ottawa walks away (item:{ids['ports']})\n" in text


def test_each_item_links_to_its_signed_report_page_when_the_desk_serves_pages(
        history: tuple[Store, dict[str, int]]) -> None:
    store, ids = history
    assert week47(store).pages == ()  # no DESKCHECK_SECRET_KEY or DESKCHECK_PUBLIC_URL: no links
    d = week47(store, SITE)
    pages = dict(d.pages)
    assert set(pages) == {f"item:{ids[name]}" for name in ("ports", "rebuff", "late", "reopen")}
    ports = pages[f"item:{ids['ports']}"]
    assert verify(SITE, ports.rsplit("/", 1)[1]) == (SLACK_DESK, ids["ports"])
    assert f"(<{ports}|item:{ids['ports']}>)" in str(render_slack(d).blocks)
    assert f"([item:{ids['ports']}](<{ports}>))" in render_discord(d)
    assert f"  item:{ids['ports']}  {ports}\n" in render_text(d)


def crowded_week() -> Digest:
    """Sixty verdicts with long titles and notes, each item with a page: more than any surface holds."""
    title = "Harbour authority disputes the port closure figures, " + "and who knew what and when " * 5
    verdicts = tuple(VerdictFigure(f"item:{n}", title, ("false", "disputed", "open", "verified")[n % 4],
                                   checks=n % 3 + 1, note="The minutes say otherwise. " * 30, note_by=ANA)
                     for n in range(60))
    pages = tuple((f"item:{n}", f"https://desk.example.org/report/{'t' * 90}{n}") for n in range(60))
    items = tuple(ItemFigure(f"item:{n}", title, checks=4, warnings=2) for n in range(5))
    return Digest(workspace=SLACK_DESK, week=Week.parse(WEEK), totals=WeekTotals(90, 60, 7, 12, 80, 21),
                  previous=WeekTotals(30, 14, 5, 15, 70, 9), most_checked=items, most_warnings=items,
                  verdicts=verdicts, pages=pages)


def test_a_crowded_week_of_verdicts_stays_within_every_surfaces_limits() -> None:
    d = crowded_week()
    message = render_slack(d)
    assert len(message.blocks) <= SLACK_MAX_BLOCKS
    sections = [b["text"]["text"] for b in message.blocks if b["type"] == "section"]
    assert all(len(text) <= SLACK_SECTION_CHARS for text in sections)
    assert any(text.startswith(f"*{CONTESTED_HEADING}*") for text in sections)
    content = render_discord(d)
    assert utf16_len(content) <= DISCORD_CONTENT_LIMIT and content.endswith("\n…")
    assert f"**{CONTESTED_HEADING}**" in content
    # whole lines only: no link is ever cut in half
    assert all(line.count("(<") == line.count(">)") for line in content.splitlines())
    text = render_text(d)
    assert text.count("“The minutes say otherwise.") == 30  # every false or disputed item, in the terminal


def test_the_verdict_sections_match_their_golden_text() -> None:
    items = (ItemFigure("item:12", "Port talks collapse as Ottawa walks away", 3, 2),
             ItemFigure("item:14", "Ferry fares rise for the second time this year", 2, 0))
    verdicts = (
        VerdictFigure("item:12", "Port talks collapse as Ottawa walks away", "disputed", 3,
                      note="Ottawa's readout says the talks paused", note_by=ANA),
        VerdictFigure("item:14", "Ferry fares rise for the second time this year", "open", 4),
        VerdictFigure("item:15", None, "false", 1),
        VerdictFigure("item:16", "Council approves the harbour budget", "in_progress", 1, note_by=BEN),
    )
    d = Digest(workspace=SLACK_DESK, week=Week.parse(WEEK), totals=WeekTotals(6, 4, 2, 2, 5, 1),
               previous=WeekTotals(6, 4, 2, 2, 4, 2), most_checked=items, verdicts=verdicts,
               pages=(("item:12", "https://desk.example.org/report/abc.def"),))
    rendered = render_text(d)
    assert rendered == golden_text("digest_verdicts.txt", rendered)


def test_the_posted_slack_digest_links_its_items_to_their_report_pages(tmp_path: Path) -> None:
    with fresh_database("sqlite", tmp_path) as url:
        store = open_store(url)
        ids = fill_week(store)
        store.desk.set_status(SLACK_DESK, ids["ports"], "disputed", by=ANA, note=PORTS_NOTE)
        at(store, "2026-11-17T09:00:00")
        with SlackWithFiles() as fake:
            settings = dataclasses.replace(SITE, slack_bot_token="xoxb-digest", slack_api_url=fake.url,
                                           digest_slack_channel="C0DIGEST")
            [result] = post_week(store, settings, Week.parse(WEEK), now=AFTER)
            [message] = fake.of("chat.postMessage")
    assert result.status == "posted"
    blocks = json.dumps(message.payload["blocks"], ensure_ascii=False)
    assert CONTESTED_HEADING in blocks
    assert f"|item:{ids['ports']}>)" in blocks and "<https://desk.example.org/report/" in blocks
