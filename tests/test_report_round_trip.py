"""Report.from_dict reads back exactly what to_dict wrote, and resolves each dataclass's field
types once per class, not once per quote (a stored report with 40 quotes is read on every page)."""

from __future__ import annotations

import dataclasses
import json
import typing
from typing import Any

import pytest
from support.reports import many_quotes_report, newsroom_report

import checks.models
from checks import (
    ClaimSentence,
    DateMention,
    FactCheck,
    History,
    HistoryStatus,
    Report,
    SharedQuote,
    Signal,
    Similar,
)


def everything_filled() -> Report:
    """The newsroom report with every optional part of the contract set, nested several deep."""
    report = newsroom_report()
    quotes = tuple(dataclasses.replace(q, speaker_confidence=0.82, speaker_evidence="name_at_cue")
                   for q in report.quotes)
    shared = (SharedQuote(text=quotes[0].text, here="Ana Ruiz", there="Tom Okafor", similarity=0.97,
                          another_speaker=True),
              SharedQuote(text=quotes[1].text, here=None, there="Ana Ruiz", another_speaker=None))
    return dataclasses.replace(
        report, quotes=quotes,
        vague_dates=(DateMention(text="now", value="PRESENT_REF", kind="relative", start=3, end=6),),
        similar=(Similar(id="item:7", title="Bridge works put off", score=0.5, shared_quotes=shared,
                         url="https://harbourgazette.example/news/bridge-works"),),
        fact_checks=(FactCheck(claim="The bridge is unsafe", rating="Misleading", publisher="Harbour Checks",
                               url="https://checks.example/bridge", date="2025-02-01", score=0.81,
                               sentence=ClaimSentence(text="The repairs could not wait.", start=120,
                                                      end=147)),),
        signals=(Signal(code="date_phrase_conflict", severity="warn", message="Two readings",
                        start=10, end=20, spans=((10, 20), (40, 50))),),
        history=History(item="item:42", times_checked=3, first_checked_at="2025-03-05T08:12:00Z",
                        quotes_removed=("Old words",), notes=2, assignee="slack:T0/U2",
                        status=HistoryStatus(value="disputed", by="cli:ana", at="2025-03-06T08:00:00Z",
                                             note="Board denies it"),
                        latest_note="Minutes requested", latest_note_by="cli:ben"))


def as_json(report: Report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False)


@pytest.mark.parametrize("report", [everything_filled(), many_quotes_report(40), Report()],
                         ids=["everything", "40-quotes", "empty"])
def test_a_report_read_back_from_its_json_is_byte_identical(report: Report) -> None:
    written = as_json(report)
    rebuilt = Report.from_dict(json.loads(written))
    assert rebuilt == report
    assert as_json(rebuilt) == written
    assert as_json(Report.from_dict(json.loads(as_json(rebuilt)))) == written  # and again, from the cache


def test_reading_reports_resolves_each_dataclass_s_types_at_most_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Any] = []
    resolve = typing.get_type_hints

    def counted(tp: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(tp)
        return resolve(tp, *args, **kwargs)

    monkeypatch.setattr(typing, "get_type_hints", counted)
    data = many_quotes_report(40).to_dict()
    for _ in range(3):
        Report.from_dict(data)
    Report.from_dict(everything_filled().to_dict())
    dataclass_types = [v for v in vars(checks.models).values()
                       if isinstance(v, type) and dataclasses.is_dataclass(v)]
    assert len(calls) == len(set(calls)) <= len(dataclass_types)
