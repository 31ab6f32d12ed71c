"""Signals are listed warnings first, then in text order, on every surface (issue 14, item 7)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from bot.render import render_discord, render_full_blocks, render_message, render_text
from checks import check_text
from checks.engine import by_severity
from checks.models import Report, Signal

# A date placed only from the publication date (a note) early in the story, a quote nobody is said
# to have said (a warning) late.
STORY = """Harbour ferry to replace bridge

The council met on Tuesday to discuss the bridge, and members spoke for hours.

"We will keep the ferry running every hour," Mayor Ana Ruiz said.

Residents packed the hall. Later a letter arrived at the town office.

"Nobody asked us about the closure of the bridge at all."
"""
PUBLISHED = dt.date(2025, 3, 6)


@pytest.fixture(scope="module")
def report() -> Report:
    return check_text(STORY, PUBLISHED)


def test_by_severity_puts_warnings_first_then_text_order() -> None:
    found = [Signal("b", "info", "note at 5", 5), Signal("a", "warn", "warn at 90", 90),
             Signal("c", "info", "note on the whole story"), Signal("d", "warn", "warn at 10", 10)]
    assert [s.message for s in by_severity(found)] == ["warn at 10", "warn at 90", "note on the whole story",
                                                        "note at 5"]


def test_the_engine_lists_a_late_warning_before_an_early_note(report: Report) -> None:
    severities = [s.severity for s in report.signals]
    assert "warn" in severities and "info" in severities
    in_text_order = sorted(report.signals, key=lambda s: s.start if s.start is not None else -1)
    assert in_text_order[0].severity == "info"  # the story really has a note before its warning
    assert severities == sorted(severities, key=lambda s: s != "warn")
    warns = [s.start or -1 for s in report.signals if s.severity == "warn"]
    assert warns == sorted(warns)


def _positions(shown: str, report: Report) -> list[int]:
    return [shown.find(s.message[:40]) for s in report.signals]


@pytest.mark.parametrize("surface", ["text", "slack", "slack_full", "discord"])
def test_every_surface_shows_the_late_warning_before_the_early_note(report: Report, surface: str) -> None:
    rendered = {
        "text": lambda: render_text(report),
        "slack": lambda: json.dumps(render_message(report).blocks, ensure_ascii=False),
        "slack_full": lambda: json.dumps(render_full_blocks(report), ensure_ascii=False),
        "discord": lambda: json.dumps(render_discord(report).to_dict(), ensure_ascii=False),
    }[surface]()
    fixed = rendered.replace("\\'", "'").replace("&#39;", "'")  # as JSON and Slack escape a quote mark
    positions = _positions(fixed, report)
    assert -1 not in positions and positions == sorted(positions)
    late_warning = next(s for s in report.signals if s.code == "unattributed_quote")
    early_notes = [s for s in report.signals if s.severity == "info"]
    assert all(fixed.find(late_warning.message[:40]) < fixed.find(n.message[:40]) for n in early_notes)
