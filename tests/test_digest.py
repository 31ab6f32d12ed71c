"""The digest's figures, built from a real SQLite history that two desks filled in one week."""

from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
import sys
from collections.abc import Iterator

import pytest
from support.digest_fakes import DISCORD_DESK, EQUALS, SLACK_DESK, WEEK, fill_week
from support.history import fresh_database

from bot.digest import Week, build_digest, render_chart, render_discord, render_slack, render_text
from checks.models import Article, ClaimSentence, FactCheck, InputInfo, Report
from storage import CheckEvent, Store, open_store

AFTER = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)  # the Tuesday after the week


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def history(request: pytest.FixtureRequest,
            tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, dict[str, int]]]:
    with fresh_database(request.param, tmp_path_factory.mktemp("digest")) as url:
        store = open_store(url)
        yield store, fill_week(store)


def test_week_figures_count_checks_items_people_and_days(history: tuple[Store, dict[str, int]]) -> None:
    store, _ = history
    d = build_digest(store, SLACK_DESK, Week.parse(WEEK), now=AFTER)
    assert (d.totals.checks, d.totals.items, d.totals.people) == (5, 3, 3)
    assert d.checks_per_day == (2, 0, 1, 1, 0, 0, 1)
    assert d.so_far is None


def test_warnings_and_sourcing_count_each_item_once(history: tuple[Store, dict[str, int]]) -> None:
    store, _ = history
    d = build_digest(store, SLACK_DESK, Week.parse(WEEK), now=AFTER)
    # ports (2 warnings, checked three times) + rebuff (1); info signals are not warnings
    assert d.totals.warnings == 3
    assert (d.totals.named_statements, d.totals.anonymous_statements) == (3, 2)
    assert d.totals.anonymous_share == pytest.approx(0.4)


def test_lists_rank_the_most_checked_and_the_most_warned(history: tuple[Store, dict[str, int]]) -> None:
    store, ids = history
    d = build_digest(store, SLACK_DESK, Week.parse(WEEK), now=AFTER)
    assert (d.most_checked[0].item, d.most_checked[0].checks) == (f"item:{ids['ports']}", 3)
    assert [(f.item, f.warnings) for f in d.most_warnings] == [(f"item:{ids['ports']}", 2),
                                                             (f"item:{ids['rebuff']}", 1)]
    assert [(s.name, s.items, s.quotes) for s in d.top_sources][:2] == [("Mark Carney", 2, 2),
                                                                        ("Anya Breville", 1, 1)]


def test_recycled_quote_joins_reworded_copies_and_the_reference_corpus(
        history: tuple[Store, dict[str, int]]) -> None:
    store, ids = history
    d = build_digest(store, SLACK_DESK, Week.parse(WEEK), now=AFTER)
    [recycled] = d.recycled
    assert recycled.text == EQUALS
    assert recycled.items == (f"item:{ids['ports']}", f"item:{ids['rebuff']}")
    assert recycled.corpus == ("seed:ref_carney",)
    # the same words, attributed differently: what the verifier needs to see
    assert recycled.speakers == ("Mark Carney", "a senior Canadian official")


def test_no_desk_sees_the_other_desks_items(history: tuple[Store, dict[str, int]]) -> None:
    store, ids = history
    slack = build_digest(store, SLACK_DESK, Week.parse(WEEK), now=AFTER)
    discord = build_digest(store, DISCORD_DESK, Week.parse(WEEK), now=AFTER)
    slack_text, discord_text = render_text(slack), render_text(discord)
    assert f"item:{ids['secret']}" not in slack_text and "Guild desk" not in slack_text
    assert "Editor Ray Moss" not in slack_text
    assert "Port talks" not in discord_text and f"item:{ids['ports']}" not in discord_text
    assert (discord.totals.checks, discord.totals.warnings) == (1, 4)
    # the Discord desk shares the quote with the reference corpus only, never with the Slack desk
    [shared] = discord.recycled
    assert shared.items == (f"item:{ids['secret']}",) and shared.corpus == ("seed:ref_carney",)


def test_the_week_before_gives_the_deltas(history: tuple[Store, dict[str, int]]) -> None:
    store, _ = history
    d = build_digest(store, SLACK_DESK, Week.parse(WEEK), now=AFTER)
    assert (d.previous.checks, d.previous.items, d.previous.warnings) == (1, 1, 0)
    assert "vs 2026-W46: checks +4, items +2, people +2, warnings +3" in render_text(d)


def test_days_follow_the_desks_time_zone(history: tuple[Store, dict[str, int]]) -> None:
    store, _ = history
    # Sunday 23:30 UTC is already Monday 00:30 of the next week in Paris
    d = build_digest(store, SLACK_DESK, Week.parse(WEEK), tz="Europe/Paris", now=AFTER)
    assert d.totals.checks == 4
    assert d.checks_per_day[-1] == 0
    assert build_digest(store, SLACK_DESK, Week.parse("2026-W48"), tz="Europe/Paris",
                        now=AFTER).totals.checks == 1


def test_a_week_under_way_runs_to_now(history: tuple[Store, dict[str, int]]) -> None:
    store, _ = history
    wednesday = dt.datetime(2026, 11, 18, 12, 0, tzinfo=dt.UTC)
    d = build_digest(store, SLACK_DESK, Week.parse(WEEK), now=wednesday)
    assert d.totals.checks == 3
    assert d.so_far == dt.date(2026, 11, 18)
    assert "so far: to Wed 18 Nov" in render_text(d)


def test_an_empty_week_gets_a_short_line_everywhere(history: tuple[Store, dict[str, int]]) -> None:
    store, _ = history
    d = build_digest(store, SLACK_DESK, Week.parse("2026-W45"), now=AFTER)
    assert d.empty
    text = render_text(d)
    assert "Nothing was checked this week." in text and len(text.splitlines()) == 2
    assert "Nothing was checked" in render_discord(d)
    assert any("Nothing was checked" in b.get("text", {}).get("text", "") for b in render_slack(d).blocks)
    assert render_chart(d).startswith(b"\x89PNG")


def test_an_unknown_workspace_has_an_empty_digest(history: tuple[Store, dict[str, int]]) -> None:
    store, _ = history
    assert build_digest(store, "T0NOBODY", Week.parse(WEEK), now=AFTER).empty


@pytest.mark.parametrize("text", ["2026-W54", "2026-47", "last week", ""])
def test_a_bad_week_is_refused_with_a_readable_reason(text: str) -> None:
    with pytest.raises(ValueError, match="week"):
        Week.parse(text)


def test_iso_weeks_cross_the_new_year() -> None:
    assert Week.of(dt.date(2027, 1, 1)).label == "2026-W53"
    assert Week.parse("2027-W01").previous().label == "2026-W53"
    assert Week.parse("2026W47").monday == dt.date(2026, 11, 16)


def test_digest_here_loads_no_chart_slack_or_discord_library() -> None:
    """The chat surfaces import bot.digest.here before they acknowledge: the package stays light."""
    heavy = ("matplotlib", "slack_sdk", "discord", "apscheduler")
    probe = f"import sys, bot.digest, bot.digest.here; print(sorted(m for m in {heavy} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_every_public_name_of_the_digest_package_resolves() -> None:
    import bot.digest

    assert all(getattr(bot.digest, name) is not None for name in bot.digest.__all__)
    with pytest.raises(AttributeError):
        _ = bot.digest.no_such_name


def _claim(claim: str, rating: str, publisher: str, score: float) -> FactCheck:
    return FactCheck(claim=claim, rating=rating, publisher=publisher, url="https://checkpoint.example/fc",
                     date="2025-03-02", score=score, sentence=ClaimSentence(claim, 0, len(claim)))


def test_a_week_lists_the_items_that_matched_a_published_fact_check(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    with fresh_database("sqlite", tmp_path_factory.mktemp("factchecked")) as url:
        store = open_store(url)
        checks = {"Wind turbines cause cancer, the mayor said.": (
                      _claim("Wind turbines cause cancer.", "Pants on Fire!", "Checkpoint", 0.91),
                      _claim("Turbines harm health.", "Misleading", "Other Desk", 0.64)),
                  "The ferry deal was signed on Monday.": ()}
        for text, fact_checks in checks.items():
            report = Report(input=InputInfo(sha256=hashlib.sha256(text.encode()).hexdigest()),
                            article=Article(title=text), fact_checks=fact_checks)
            store.record(report, text, CheckEvent(platform="slack", workspace=SLACK_DESK, user="U0AMIRA",
                                                  channel="C1"))
        now = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1)
        d = build_digest(store, SLACK_DESK, Week.of(now.date()), now=now)
    [matched] = d.fact_checked
    assert (matched.title, matched.rating, matched.publisher) == (
        "Wind turbines cause cancer, the mayor said.", "Pants on Fire!", "Checkpoint")
    text = render_text(d)
    assert "MATCHED A PUBLISHED FACT-CHECK" in text
    assert f"({matched.item}): 'Wind turbines cause cancer.' rated Pants on Fire! by Checkpoint" in text
    assert "ferry deal" not in text.split("MATCHED A PUBLISHED FACT-CHECK")[1].split("\n\n")[0]
    assert "*Matched a published fact-check*" in str(render_slack(d).blocks)
    assert "**Matched a published fact-check**" in render_discord(d)
