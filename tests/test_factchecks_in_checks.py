"""A story that repeats a fact-checked claim in other words shows the fact-check first (issue 15).

Through the real command line, on a real SQLite history: fact-checks imported from a CSV, then
stories checked. The renderers' own tests hold the Slack and Discord layouts of the same section.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from checks import FactCheckHit, check_text
from storage import StoreUnavailable

FEED = """claim,rating,publisher,url,date
Canada charges a 270 percent tariff on all American dairy products.,Misleading,Dairy Desk,https://checks.example/dairy,2025-03-02
Noise from wind turbines causes cancer in people who live nearby.,False,Checkpoint,https://checks.example/wind,2024-03-14
The city council voted to close every public library by next summer.,False,Metro Check,https://checks.example/libraries,2025-01-10
Drinking hot water with lemon cures the flu within a day.,False,Health Desk,https://checks.example/lemon,2023-11-02
The new bridge cost taxpayers three billion dollars more than planned.,Half True,Metro Check,https://checks.example/bridge,2024-08-19
Unemployment fell to its lowest level in fifty years last month.,Mostly True,Econ Check,https://checks.example/jobs,2025-02-07
The mayor banned gas stoves in all new homes.,Misleading,Metro Check,https://checks.example/stoves,2025-04-22
A vaccine changes the DNA of the person who receives it.,False,Health Desk,https://checks.example/dna,2023-06-30
"""
DAIRY_STORY = """Dairy fight returns to the border

OTTAWA — The dispute over dairy flared again on Monday as farm groups in Wisconsin renewed their complaints.

“Ottawa slaps a 270 percent tariff on American dairy and nobody in Washington lifts a finger,” \
said Dana Miller, who runs a cooperative of 40 farms near Green Bay.

Canadian officials say the figure applies only above a quota that American producers rarely fill.
"""
HARBOUR_STORY = """Harbour bridge stays open

The council voted on Tuesday to keep the harbour bridge open while inspections continue every week.

“We will not close a bridge that thousands of people cross every morning,” Mayor Ana Ruiz said \
after the meeting, adding that the engineers had found no new cracks.
"""


def deskcheck(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DESKCHECK_", "DATABASE_URL"))}
    env["DATABASE_URL"] = f"sqlite:///{cwd / 'desk.db'}"
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300, check=False)


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    (tmp_path / "feed.csv").write_text(FEED, encoding="utf-8")
    (tmp_path / "dairy.txt").write_text(DAIRY_STORY, encoding="utf-8")
    (tmp_path / "harbour.txt").write_text(HARBOUR_STORY, encoding="utf-8")
    return tmp_path


def test_a_story_repeating_a_checked_claim_in_other_words_shows_the_fact_check_first(desk: Path) -> None:
    imported = deskcheck("factchecks", "import", "feed.csv", cwd=desk)
    assert imported.returncode == 0, imported.stderr
    checked = deskcheck("check", "dairy.txt", cwd=desk)
    assert checked.returncode == 0, checked.stderr
    sections = [line for line in checked.stdout.splitlines() if line.isupper() and line.strip()]
    assert sections[0] == "FACT-CHECKED BEFORE"
    assert "rated Misleading by Dairy Desk, 2025-03-02" in checked.stdout
    report = json.loads(deskcheck("check", "--json", "dairy.txt", cwd=desk).stdout)
    [match] = report["fact_checks"]
    assert match["url"] == "https://checks.example/dairy"
    sentence = match["sentence"]
    assert DAIRY_STORY[sentence["start"]:sentence["end"]] == sentence["text"]
    assert "270 percent tariff" in sentence["text"]


def test_a_story_no_fact_check_covers_shows_none(desk: Path) -> None:
    deskcheck("factchecks", "import", "feed.csv", cwd=desk)
    report = json.loads(deskcheck("check", "--json", "harbour.txt", cwd=desk).stdout)
    assert report["fact_checks"] == []


def test_without_fact_checks_loaded_a_check_has_no_section_and_no_complaint(desk: Path) -> None:
    checked = deskcheck("check", "dairy.txt", cwd=desk)
    assert checked.returncode == 0
    assert "FACT-CHECKED" not in checked.stdout
    assert "fact-check" not in checked.stderr


class _DownIndex:
    """A fact-check index whose database has gone away: every search fails as storage fails."""

    def __init__(self) -> None:
        self.asked: list[list[str]] = []  # the queries of each request, one list per request

    def search(self, query: str, limit: int) -> list[FactCheckHit]:
        self.asked.append([query])
        raise StoreUnavailable("the database did not answer")

    def search_many(self, queries: Sequence[str], limit: int) -> list[list[FactCheckHit]]:
        self.asked.append(list(queries))
        raise StoreUnavailable("the database did not answer")


def test_after_one_failed_fact_check_search_a_check_asks_no_more_and_keeps_its_report() -> None:
    from bot.service import HISTORY_BUDGET, _DatabaseTime, _Forgiving

    down = _DownIndex()
    waits = _DatabaseTime(HISTORY_BUDGET)
    report = check_text(DAIRY_STORY, fact_checks=_Forgiving(down, waits))
    # the check's sentences went in one request, and its failure cost only the matches
    [batch] = down.asked
    assert len(batch) > 1 and any("270 percent tariff" in query for query in batch)
    assert report.quotes and report.fact_checks == ()
    assert waits.left <= HISTORY_BUDGET  # what the search waited is off the history's share


def test_a_failed_batch_of_fact_check_searches_leaves_empty_pools_and_asks_no_more() -> None:
    from bot.service import HISTORY_BUDGET, _DatabaseTime, _Forgiving

    down = _DownIndex()
    forgiving = _Forgiving(down, _DatabaseTime(HISTORY_BUDGET))
    queries = ["Ottawa slaps a tariff on dairy", "Wind turbines cause cancer", "The bridge cost more"]
    assert forgiving.search_many(queries, 20) == [[], [], []]
    assert forgiving.failed
    assert forgiving.search_many(queries[:2], 20) == [[], []]
    assert forgiving.search("Ottawa slaps a tariff on dairy", 20) == []
    assert down.asked == [queries]  # the database was asked once
