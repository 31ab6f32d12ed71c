"""When the digest is due, the clock's cron job, and `deskcheck digest` from the command line."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from support.digest_fakes import SLACK_DESK, WEEK, SlackWithFiles, fill_week

from bot.digest import ScheduleError, build_scheduler, due_week
from bot.digest.schedule import MISFIRE_GRACE
from bot.settings import Settings
from storage import open_store

ROOT = Path(__file__).resolve().parent.parent
PARIS = ZoneInfo("Europe/Paris")


def paris(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, minute, tzinfo=PARIS)


@pytest.mark.parametrize(("now", "week"), [
    (paris(23, 8, 59), "2026-W46"),  # Monday before the hour: last week's run was for the week before
    (paris(23, 9, 0), "2026-W47"),
    (paris(26, 14, 0), "2026-W47"),
    (paris(30, 9, 0), "2026-W48"),
])
def test_the_due_week_is_the_one_the_last_scheduled_run_was_for(now: dt.datetime, week: str) -> None:
    settings = dataclasses.replace(Settings(), digest_tz="Europe/Paris")
    assert due_week(now, settings).label == week


def test_a_friday_digest_is_due_for_the_last_complete_week() -> None:
    settings = dataclasses.replace(Settings(), digest_tz="Europe/Paris", digest_weekday="fri", digest_hour=17)
    assert due_week(paris(20, 17, 30), settings).label == "2026-W46"  # week 47 is not over on Friday


def test_the_clock_runs_weekly_in_the_desks_zone_and_catches_up() -> None:
    settings = dataclasses.replace(Settings(), digest_tz="Europe/Paris", digest_weekday="tue", digest_hour=8)
    scheduler = build_scheduler(settings, lambda: None)
    [job] = scheduler.get_jobs()
    assert job.trigger.get_next_fire_time(None, paris(21, 12)) == paris(24, 8)
    assert job.coalesce and job.max_instances == 1 and job.misfire_grace_time == MISFIRE_GRACE


@pytest.mark.parametrize(("field", "value", "named"), [
    ("digest_tz", "Mars/Olympus", "DIGEST_TZ"),
    ("digest_weekday", "funday", "DIGEST_WEEKDAY"),
    ("digest_hour", 25, "DIGEST_HOUR"),
])
def test_a_bad_schedule_setting_is_named(field: str, value: object, named: str) -> None:
    settings = dataclasses.replace(Settings(), **{field: value})  # type: ignore[arg-type]
    with pytest.raises(ScheduleError, match=named):
        build_scheduler(settings, lambda: None)


def deskcheck(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot.cli", "digest", *args], capture_output=True, text=True,
                          env={**os.environ, **env}, cwd=ROOT, timeout=300)


def test_the_command_prints_a_week_and_posts_it_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/history.db"
    fill_week(open_store(url))
    env = {"DATABASE_URL": url, "DIGEST_TZ": "UTC"}
    chart = tmp_path / "c.png"
    printed = deskcheck("--print", "--week", WEEK, "--workspace", SLACK_DESK, "--chart", str(chart),
                        "--as-of", "2026-11-23T09:00", env=env)
    assert printed.returncode == 0, printed.stderr
    assert "5 checks of 3 items by 3 people" in printed.stdout
    assert chart.read_bytes().startswith(b"\x89PNG")
    with SlackWithFiles() as fake:
        env |= {"SLACK_BOT_TOKEN": "xoxb-digest", "SLACK_API_URL": fake.url,
                "DIGEST_SLACK_CHANNEL": "C0DIGEST"}
        first = deskcheck("--post", "--as-of", "2026-11-23T09:05", env=env)
        second = deskcheck("--post", "--week", WEEK, "--as-of", "2026-11-24T08:00", env=env)
        assert len(fake.of("chat.postMessage")) == 1
    assert first.returncode == 0 and f"{WEEK} {SLACK_DESK} slack C0DIGEST: posted" in first.stdout
    assert second.returncode == 0 and "already posted" in second.stdout


def test_a_bad_week_on_the_command_line_is_one_line(tmp_path: Path) -> None:
    out = deskcheck("--print", "--week", "2026-W60", env={"DATABASE_URL": f"sqlite:///{tmp_path}/h.db"})
    assert out.returncode == 2
    assert out.stderr.strip() == "deskcheck: 2026 has no week 60"


def test_the_clock_catches_up_at_start_and_a_second_clock_posts_nothing(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/history.db"
    fill_week(open_store(url))
    with SlackWithFiles() as fake:
        env = {**os.environ, "DATABASE_URL": url, "SLACK_BOT_TOKEN": "xoxb-digest", "SLACK_API_URL": fake.url,
               "DIGEST_SLACK_CHANNEL": "C0DIGEST"}
        clocks = []
        try:
            for _ in range(2):  # a restart while the first clock still runs: two clocks at once
                clocks.append(subprocess.Popen([sys.executable, "-m", "bot.cli", "digest", "--schedule"],
                                               env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True))
                fake.wait_for("chat.postMessage", timeout=120)
            outputs = []
            for clock in clocks:  # each prints its catch-up run's results, then waits for the hour
                assert clock.stdout is not None
                outputs.append(clock.stdout.readline())
        finally:
            for clock in clocks:
                clock.terminate()
                clock.wait(30)
        assert len(fake.of("chat.postMessage")) == 1
    assert ": posted" in outputs[0] and ": already posted" in outputs[1]


def test_the_clock_retries_failed_posts_every_hour_without_overlapping() -> None:
    settings = dataclasses.replace(Settings(), digest_tz="Europe/Paris")
    scheduler = build_scheduler(settings, lambda: None, retry=lambda: None)
    retry = scheduler.get_job("digest-retry")
    assert retry is not None and retry.max_instances == 1 and retry.coalesce
    assert retry.trigger.interval == dt.timedelta(hours=1)
