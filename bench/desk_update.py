"""How long a status change from Slack or Discord takes to reach the report message, measured in one run.

    .venv/bin/python bench/desk_update.py [--changes 200]

Runs the real bolt App behind the real server on 127.0.0.1 against the fake Slack Web API, checks a
story once (its report recorded in a real database), then sends N signed `block_actions` requests
choosing a status, one after another, each a change. For each it measures the time from sending the
request to the fake Slack receiving the `chat.update` that edits the report message: the ack, the
saved event (store.desk), the stored report read back and re-rendered, and the Slack call. Prints
p50/p95/max on SQLite, and on PostgreSQL when DESKCHECK_TEST_POSTGRES_URL is set (.ci/postgres.sh
starts one). Issue 16's target: p95 at most 300 ms.

Then the same through Discord: the real discord.py client logged in to the loopback fake gateway and
API, the bot mentioned with the story (a real check), and N status menu choices (INTERACTION_CREATE),
each timed from the gateway event to the PATCH of the report message (`@original`) at the fake.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from support.desk_rig import DeskRig, desk_app, posted  # noqa: E402
from support.history import fresh_database  # noqa: E402
from support.reports import NEWSROOM_ARTICLE  # noqa: E402

from storage import STATUSES  # noqa: E402

TARGET_P95_MS = 300.0
WARM_UP = 5  # changes not counted: the first requests open connections and fill caches


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1)]


def measure(rig: DeskRig, changes: int) -> list[float]:
    """Milliseconds from each signed status change sent to its chat.update at the fake."""
    rig.command(NEWSROOM_ARTICLE)
    blocks, text = posted(rig.fake.wait_for("chat.postMessage")[0])
    # the statuses in turn, starting after "open": each request is a change, so each edits the message
    cycle = [STATUSES[(i + 1) % len(STATUSES)] for i in range(WARM_UP + changes)]
    took = []
    for i, status in enumerate(cycle, start=1):
        sent = time.monotonic()
        rig.choose_status(blocks, text, status)
        update = rig.fake.wait_for("chat.update", i)[i - 1]
        took.append((update.at - sent) * 1000)
    return took[WARM_UP:]


async def measure_discord(changes: int) -> list[float]:
    """Milliseconds from each status choice sent through the gateway to the report message's edit."""
    from support.discord_rig import MENTION, bot_on_fake, is_reply
    from support.fake_discord import BOT_USER, REPORTER, component_interaction, message, posted_message

    async with bot_on_fake() as fake:
        await fake.dispatch("MESSAGE_CREATE", message(f"{MENTION} {NEWSROOM_ARTICLE}", REPORTER,
                                                      mentions=[BOT_USER]))
        body = (await fake.wait_for(is_reply, timeout=180)).body
        report = posted_message(body)
        menu = next(c["custom_id"] for row in body["components"] for c in row["components"]
                    if c["custom_id"].startswith("deskcheck:status:"))
        took = []
        for i in range(WARM_UP + changes):
            click = component_interaction(menu, report, component_type=3,
                                          values=[STATUSES[(i + 1) % len(STATUSES)]])
            sent = time.monotonic()
            await fake.dispatch("INTERACTION_CREATE", click)
            await fake.wait_for(lambda r, token=click["token"]: r.method == "PATCH" and token in r.path
                                and r.path.endswith("/messages/@original"))
            took.append((time.monotonic() - sent) * 1000)
    return took[WARM_UP:]


def run(kind: str, changes: int, platform: str = "slack") -> None:
    with tempfile.TemporaryDirectory() as scratch, fresh_database(kind, Path(scratch)) as url:
        if platform == "slack":
            with desk_app(url) as rig:
                took = measure(rig, changes)
        else:
            from bot.settings import get_settings

            os.environ["DATABASE_URL"] = url
            get_settings.cache_clear()
            took = asyncio.run(measure_discord(changes))
    p95 = percentile(took, 0.95)
    verdict = "within" if p95 <= TARGET_P95_MS else "OVER"
    print(f"{platform:<8}{kind:<11} {len(took)} changes: p50 {statistics.median(took):6.1f} ms  "
          f"p95 {p95:6.1f} ms  max {max(took):6.1f} ms  ({verdict} the {TARGET_P95_MS:.0f} ms target; p95 is "
          f"{p95 / TARGET_P95_MS:.0%} of it)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--changes", type=int, default=200, help="status changes measured per database")
    args = parser.parse_args()
    print("status change -> report message edited: Slack (signed block_actions -> chat.update), "
          "Discord (INTERACTION_CREATE -> PATCH @original)")
    kinds = ["sqlite"] + (["postgresql"] if os.environ.get("DESKCHECK_TEST_POSTGRES_URL") else [])
    for platform in ("slack", "discord"):
        for kind in kinds:
            run(kind, args.changes, platform)
    if len(kinds) == 1:
        print("postgresql skipped: DESKCHECK_TEST_POSTGRES_URL is not set")


if __name__ == "__main__":
    main()
