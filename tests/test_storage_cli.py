"""The history commands end to end (check, history, show, export) and the README/CLI contract."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import build_parser, main
from bot.service import Requester, run_check
from bot.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
STORY = ("Ferry Fares Rise Ten Percent\n\nThe provincial ferry operator raised fares by ten percent on "
         "Monday, citing fuel costs. \u201cWe held prices for three years and cannot absorb this any "
         "longer,\u201d chief executive Mira Patel told reporters in Victoria. Commuters said the increase "
         "would push them back into their cars.")


def command_paths(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    paths = [prefix] if prefix else []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                paths += command_paths(sub, (*prefix, name))
    return paths


def test_every_command_in_deskcheck_help_is_documented_in_the_readme() -> None:
    out = subprocess.run([sys.executable, "-m", "bot.cli", "--help"], capture_output=True, text=True,
                         cwd=ROOT, timeout=120, check=True).stdout
    listed = re.findall(r"^ {4}(\w[\w-]*)\s", out, flags=re.MULTILINE)
    assert {"check", "history", "show", "db", "seeds"} <= set(listed)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    paths = [p for p in command_paths(build_parser()) if p[0] in listed]
    missing = [" ".join(p) for p in paths if f"deskcheck {' '.join(p)}" not in readme]
    assert missing == []


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_history_show_and_export_follow_a_workspaces_checks(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "ferry.txt"
    article.write_text(STORY, encoding="utf-8")
    for _ in range(2):
        code, _, err = run_cli(capsys, "check", "--json", "--workspace", "ferry-desk", str(article))
        assert code == 0, err
    code, out, _ = run_cli(capsys, "history", "--json", "--workspace", "ferry-desk")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(rows) == 2
    assert {r["item"] for r in rows} == {rows[0]["item"]} and rows[0]["times_checked"] == 2
    assert rows[0]["checked_by"] == "cli:ferry-desk" and rows[0]["title"] == "Ferry Fares Rise Ten Percent"

    code, out, _ = run_cli(capsys, "show", "--json", "--workspace", "ferry-desk", rows[0]["item"])
    assert code == 0 and json.loads(out)["history"]["times_checked"] == 2
    code, out, _ = run_cli(capsys, "show", "--workspace", "ferry-desk", rows[0]["item"])
    assert "Ferry Fares Rise Ten Percent" in out
    code, _, err = run_cli(capsys, "show", "--workspace", "another-desk", rows[0]["item"])
    assert code == 2 and err == f"deskcheck: no {rows[0]['item']} in workspace 'another-desk'\n"

    code, out, _ = run_cli(capsys, "history", "export", "--csv", "--workspace", "ferry-desk")
    exported = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [r["item"] for r in exported] == [rows[0]["item"]] * 2
    tomorrow = (dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)).isoformat()
    code, out, _ = run_cli(capsys, "history", "--workspace", "ferry-desk", "--since", tomorrow)
    assert code == 0 and out.startswith("no checks in workspace 'ferry-desk'")


def test_db_upgrade_and_seeds_import_say_what_they_did(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "db", "upgrade")
    assert code == 0 and ("up to date" in out or "migrated" in out)
    code, out, _ = run_cli(capsys, "seeds", "import")
    assert code == 0 and re.search(r"reference corpus: \d+ added, \d+ updated, \d+ unchanged", out)
    code, out, _ = run_cli(capsys, "seeds", "import")
    seeds = len(list((ROOT / "seeds").glob("*.txt")))
    assert out.strip() == f"reference corpus: 0 added, 0 updated, {seeds} unchanged"


def test_a_database_that_is_down_costs_the_history_not_the_report() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings = Settings(database_url=f"postgresql+psycopg://desk:hunter2@127.0.0.1:{port}/deskcheck")
    outcome = run_check(STORY, Requester(workspace="ferry-desk"), settings=settings)
    assert outcome.report is not None and outcome.report.history is None
    assert outcome.notice is not None and outcome.notice.startswith("history unavailable: ")
    assert "refused" in outcome.notice.lower() and "hunter2" not in outcome.notice
