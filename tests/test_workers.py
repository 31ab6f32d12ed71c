"""The check workers: a limit on each whole check, fair turns between workspaces, a clean shutdown.

Real worker processes run tests/support/slow_checks.py; Slack cases drive the real bolt app and server.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
from support.fake_slack import SIGNING_SECRET, FakeSlack, command_body, signed_headers
from support.slow_checks import slow_check

from bot.service import Outcome, Requester
from bot.settings import Settings
from bot.slack import SlackServer, build_app
from bot.slack.server import EVENTS_PATH
from bot.workers import CheckPool, FairQueue

LIMIT = 2.0
# Generous: the machine running the tests may be busy; the limit itself is LIMIT.
MARGIN = 15.0
STOPPED = "the check took longer than 2 s and was stopped (a slow link or a very long text)"


def asked(workspace: str) -> Requester:
    return Requester(platform="slack", workspace=workspace, user="U0REPORTER", channel="C0DESK")


@contextmanager
def pool_of(processes: int, limit: float = LIMIT) -> Iterator[CheckPool]:
    pool = CheckPool(Settings(database_url=os.environ["DATABASE_URL"], check_timeout=limit),
                     processes=processes, check=slow_check)
    try:
        pool.warm_up()
        yield pool
    finally:
        pool.shutdown()


def test_turns_go_round_robin_between_workspaces_first_come_first_served_within_one() -> None:
    waiting: FairQueue[str] = FairQueue(slots=10)
    for workspace, job in [("A", "A1"), ("A", "A2"), ("A", "A3"), ("B", "B1"), ("C", "C1"), ("B", "B2")]:
        waiting.put(workspace, job)
    assert [waiting.take() for _ in range(6)] == [("A", "A1"), ("B", "B1"), ("C", "C1"), ("A", "A2"),
                                                  ("B", "B2"), ("A", "A3")]


def test_one_workspace_never_holds_the_last_slot_another_could_need() -> None:
    waiting: FairQueue[str] = FairQueue(slots=2)
    waiting.put("A", "A1")
    waiting.put("A", "A2")
    assert waiting.take() == ("A", "A1")
    took: list[tuple[str, str] | None] = []
    taker = threading.Thread(target=lambda: took.append(waiting.take()), daemon=True)
    taker.start()
    taker.join(0.5)
    assert took == []  # A2 waits although a slot is free: it is kept for another workspace
    waiting.put("B", "B1")
    taker.join(5)
    assert took == [("B", "B1")]
    waiting.done("A")
    assert waiting.take() == ("A", "A2")


def test_a_check_over_the_limit_is_stopped_told_in_one_line_and_its_worker_replaced() -> None:
    with pool_of(processes=1) as pool:
        [stuck_pid] = pool.warm_up()
        started = time.monotonic()
        outcome = pool("SLEEP:120 a link that never finishes loading", asked("T0SLOW"))
        assert time.monotonic() - started < LIMIT + MARGIN
        assert outcome.report is None and outcome.error == STOPPED
        [fresh_pid] = pool.warm_up()
        assert fresh_pid != stuck_pid
        with pytest.raises(ProcessLookupError):
            os.kill(stuck_pid, 0)  # killed and reaped, not left running
        after = pool("next story", asked("T0SLOW"))
        assert after.error == f"checked next for T0SLOW in {fresh_pid}"


def test_a_workspace_flooding_slow_checks_does_not_hold_up_another_workspaces_check() -> None:
    with pool_of(processes=2, limit=60) as pool:
        flood = [pool.submit(f"SLEEP:{30 + i} slow link", asked("T0FLOOD")) for i in range(4)]
        time.sleep(0.5)
        started = time.monotonic()
        other = pool.submit("quick story", asked("T0OTHER")).result(timeout=MARGIN)
        assert time.monotonic() - started < MARGIN
        assert (other.error or "").startswith("checked quick for T0OTHER")
        assert not any(f.done() for f in flood)  # it did not wait for any of them


def test_checks_still_waiting_at_shutdown_are_told_to_run_again_at_once() -> None:
    with pool_of(processes=1, limit=60) as pool:
        running = pool.submit("SLEEP:3 slow link", asked("T0A"))
        time.sleep(0.5)
        waiting = [pool.submit("story", asked("T0A")), pool.submit("story", asked("T0B"))]
        pool.shutdown()
        for future in waiting:
            outcome = future.result(timeout=5)
            assert outcome.error == "deskcheck restarted before this check ran; please run it again"
        assert (running.result(timeout=MARGIN).error or "").startswith("checked SLEEP:3")


def test_a_check_that_fails_raises_its_error_for_the_surfaces_error_handler() -> None:
    with pool_of(processes=1) as pool:
        with pytest.raises(RuntimeError, match="a bug in the check"):
            pool("RAISE now", asked("T0A"))
        assert (pool("story", asked("T0A")).error or "").startswith("checked story")


# ---- Slack: the threads in front of the pool must be fair too


def post_command(base: str, fake: FakeSlack, text: str, team: str, name: str) -> None:
    body = command_body(text, response_url=fake.response_url(name), team=team)
    headers = signed_headers(body, content_type="application/x-www-form-urlencoded")
    answer = httpx.post(base + EVENTS_PATH, content=body.encode(), headers=headers, timeout=30)
    assert answer.status_code == 200


@contextmanager
def slack_serving(check: Any, threads: int = 8) -> Iterator[tuple[str, FakeSlack]]:
    with FakeSlack() as fake:
        settings = Settings(slack_bot_token="xoxb-0000-test", slack_signing_secret=SIGNING_SECRET,
                            slack_api_url=fake.url, database_url=os.environ["DATABASE_URL"])
        server = SlackServer(build_app(settings, check=check, threads=threads), host="127.0.0.1", port=0)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.port}", fake
        finally:
            server.stop()
            thread.join(timeout=10)


def test_slack_threads_busy_with_one_teams_checks_leave_room_for_another_team() -> None:
    release = threading.Event()
    started: list[str] = []

    def held(raw: str, who: Requester) -> Outcome:
        started.append(who.workspace)
        if who.workspace == "T0FLOOD":
            release.wait(60)
        return Outcome(error="done")

    try:
        with slack_serving(held, threads=2) as (base, fake):
            for i in range(3):
                post_command(base, fake, f"slow link {i}", "T0FLOOD", f"flood{i}")
            post_command(base, fake, "quick story", "T0OTHER", "other")
            [answer] = fake.wait_for("response_url", timeout=MARGIN)
            assert answer.payload["text"] == "deskcheck: done"
            assert started.count("T0FLOOD") == 1 and "T0OTHER" in started
            release.set()
            assert len(fake.wait_for("response_url", count=4, timeout=MARGIN)) == 4
    finally:
        release.set()


def test_on_slack_a_check_over_the_limit_is_answered_in_one_line_while_another_team_is_served() -> None:
    pool = CheckPool(Settings(database_url=os.environ["DATABASE_URL"], check_timeout=LIMIT),
                     processes=2, check=slow_check)
    try:
        pool.warm_up()
        with slack_serving(pool) as (base, fake):
            sent = time.monotonic()
            post_command(base, fake, "SLEEP:120 slow link", "T0FLOOD", "stuck")
            post_command(base, fake, "SLEEP:120 slow link", "T0FLOOD", "queued")
            post_command(base, fake, "quick story", "T0OTHER", "other")
            first, second = fake.wait_for("response_url", count=2, timeout=LIMIT + MARGIN)
            assert first.payload["text"].startswith("deskcheck: checked quick for T0OTHER")
            assert second.payload["text"] == f"deskcheck: {STOPPED}"
            assert second.at - sent < LIMIT + MARGIN
            # the team's next slow link gets the same limit, on the slot the other team left free
            third = fake.wait_for("response_url", count=3, timeout=LIMIT + MARGIN)[2]
            assert third.payload["text"] == f"deskcheck: {STOPPED}"
    finally:
        pool.shutdown()
