"""Session 15 (helper-100): dates on twelve real pages read as a verification editor."""

from __future__ import annotations

import datetime as dt

from checks.dates.find import find_dates


def values(nlp, text: str) -> dict[str, str | None]:
    return {d.text: d.value for d in find_dates(nlp(text), dt.date(2024, 2, 20))}


def test_the_1800s_are_the_century_not_its_first_decade(nlp) -> None:
    text = "In the late 1800s, the town buried its water pipes; by the early 1900s it had a sewer."
    assert values(nlp, text) == {"the late 1800s": "18", "the early 1900s": "19"}


def test_the_1990s_and_the_2000s_stay_decades(nlp) -> None:
    text = "The port grew through the 1990s and shrank in the 2000s and the 1910s."
    assert values(nlp, text) == {"the 1990s": "199X", "the 2000s": "200X", "the 1910s": "191X"}


def _day_notes(nlp, text: str) -> list[str]:
    from checks.dates import date_signals
    from checks.models import Article, Report

    published = dt.date(2024, 2, 20)
    report = Report(article=Article(published=published), dates=find_dates(nlp(text), published))
    return [s.code for s in date_signals(report, text) if s.code == "quoted_day_assumed"]


def test_today_in_a_quotation_said_last_week_keeps_the_assumed_day_note(nlp) -> None:
    # a week dates the speech, not its day: its "today" was still read from the publication date
    text = ("“Tensions are slowing growth,” Ida Marsh, the president of the Harbour Bank, said in a speech "
            "last week. “The uncertainty is weighing on the conditions we are experiencing today.”")
    assert _day_notes(nlp, text) == ["quoted_day_assumed"]


def test_today_in_a_quotation_said_on_a_named_day_raises_no_note(nlp) -> None:
    text = "“We sign the harbour deal today,” Ida Marsh said on Monday."
    assert _day_notes(nlp, text) == []
