"""Shared quotes across articles: `another_speaker` is true only for two named, different people,
and every surface shows those first and flags only them (issue 14, item 6)."""

from __future__ import annotations

import json

import pytest

from bot.render import render_discord, render_message, render_text
from checks.models import Quote, Report, SharedQuote, Similar
from checks.people import another_speaker
from checks.similar import StoredQuote, match_quotes, quote_sentences

FERRY = "The harbour ferry will run every hour from the first of April."
BUDGET = "Nobody on this council ever voted to close the bridge for good."
TOLLS = "We will not raise the tolls while the bridge is closed to lorries."


@pytest.mark.parametrize(("here", "there"), [
    ("Sonya Zoghlin", "Sonya A. Zoghlin"),
    ("Zoghlin", "Sonya Zoghlin"),
    ("Mayor Ana Ruiz", "Ana Ruiz"),
    ("Sen. Ana Ruiz", "Ana M. Ruiz"),
    ("Martin Taylor Jr.", "Martin Taylor"),
    ("Martin Taylor III", "Taylor"),
    ("M. Taylor", "Martin Taylor"),
    ("José Ortega", "Jose Ortega"),
    ("Ms. Ruiz", "Ana Ruiz"),
])
def test_one_person_written_two_ways_is_not_another_speaker(here: str, there: str) -> None:
    assert another_speaker(here, there) is False
    assert another_speaker(there, here) is False


@pytest.mark.parametrize(("here", "there"), [
    ("Dan Schwerin", "Josh Schwerin"),
    ("Ana Ruiz", "Marta Quinn"),
    ("Martin Taylor Jr.", "Martin Jones Jr."),
    ("Ana Ruiz", "Harbour Authority"),
])
def test_two_named_people_are_another_speaker(here: str, there: str) -> None:
    assert another_speaker(here, there) is True


@pytest.mark.parametrize(("here", "there"), [
    ("Martin Taylor", "the patient"),
    ("the man", "Martin Taylor"),
    ("The patient", "Martin Taylor"),
    ("Ana Ruiz", "a senior council official"),
    ("Ana Ruiz", "A senior engineer at the city"),
    ("Ana Ruiz", "council spokesperson"),
    ("Ana Ruiz", None),
    (None, None),
    ("Ana Ruiz", ""),
])
def test_a_side_without_a_named_speaker_gives_no_answer(here: str | None, there: str | None) -> None:
    assert another_speaker(here, there) is None


def test_a_speaker_kind_that_names_nobody_gives_no_answer() -> None:
    assert another_speaker("Officials", "Ana Ruiz", "anonymous", "named") is None
    assert another_speaker("Harbour Authority", "Ana Ruiz", "organization", "named") is True


def _quote(text: str, speaker: str | None, kind: str = "named") -> Quote:
    return Quote(text=text, start=0, end=len(text), speaker=speaker, speaker_kind=kind)  # type: ignore[arg-type]


def test_matched_quotes_carry_another_speaker_true_false_or_null() -> None:
    here = quote_sentences([_quote(FERRY, "Ana Ruiz"), _quote(BUDGET, "Ana Ruiz"), _quote(TOLLS, "Ana Ruiz")])
    there = quote_sentences([StoredQuote(FERRY, "Ana M. Ruiz"), StoredQuote(BUDGET, "Marta Quinn"),
                             StoredQuote(TOLLS, "the man")])
    flags = {s.text: s.another_speaker for s in match_quotes(here, there)}
    assert flags == {FERRY: False, BUDGET: True, TOLLS: None}


def test_an_anonymous_speaker_here_gives_no_answer_even_when_capitalised() -> None:
    here = quote_sentences([_quote(BUDGET, "Officials", "anonymous")])
    [shared] = match_quotes(here, quote_sentences([StoredQuote(BUDGET, "Marta Quinn")]))
    assert shared.another_speaker is None


def test_another_speaker_is_in_the_json_and_survives_a_round_trip() -> None:
    report = _report()
    shared = report.to_dict()["similar"][0]["shared_quotes"]
    assert [q["another_speaker"] for q in shared] == [False, None, True, False]
    assert Report.from_dict(json.loads(json.dumps(report.to_dict()))) == report


def _report() -> Report:
    """Four shared quotes; the one under another person's name is third, past Discord's cut of three
    only if the renderer does not put it first."""
    shared = (
        SharedQuote(text=FERRY, here="Ana Ruiz", there="Ana Ruiz", another_speaker=False),
        SharedQuote(text=TOLLS, here="Ana Ruiz", there="a council spokesperson", another_speaker=None),
        SharedQuote(text=BUDGET, here="Ana Ruiz", there="Marta Quinn", another_speaker=True),
        SharedQuote(text="The ferry timetable stays as it is for the whole of May.", here="Ana Ruiz",
                    there="Ruiz", another_speaker=False),
    )
    return Report(similar=(Similar(id="seed:017_bridge", title="Council delays bridge works", score=0.4,
                                   shared_quotes=shared),))


def _surfaces(report: Report) -> dict[str, str]:
    return {
        "text": render_text(report),
        "slack": json.dumps(render_message(report).blocks, ensure_ascii=False),
        "discord": json.dumps(render_discord(report).to_dict(), ensure_ascii=False),
    }


@pytest.mark.parametrize("surface", ["text", "slack", "discord"])
def test_every_surface_shows_the_quote_under_another_name_first(surface: str) -> None:
    shown = _surfaces(_report())[surface]
    first_shared = min(shown.find(q) for q in ("harbour ferry", "raise the tolls", "Nobody on this",
                                               "timetable stays") if q in shown)
    assert shown.find("Nobody on this council") == first_shared


@pytest.mark.parametrize("surface", ["text", "slack", "discord"])
def test_every_surface_flags_only_the_quote_whose_speakers_differ(surface: str) -> None:
    shown = _surfaces(_report())[surface]
    assert shown.count("another speaker") == 1
    flagged_line = next(line for line in shown.replace("\\n", "\n").splitlines() if "another speaker" in line)
    assert "Marta Quinn" in flagged_line


@pytest.mark.parametrize("surface", ["text", "slack", "discord"])
def test_no_surface_flags_an_unknown_or_same_speaker(surface: str) -> None:
    report = _report()
    unflagged = tuple(q for q in report.similar[0].shared_quotes if q.another_speaker is not True)
    only = Report(similar=(Similar(id="seed:1", title="t", score=0.4, shared_quotes=unflagged),))
    assert "another speaker" not in _surfaces(only)[surface]
