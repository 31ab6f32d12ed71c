"""Dates of the twelfth session, second part (invented text): a year that is a work's quoted title
is no date; a copyright line dates nothing in the story; a day the story has set ahead as a plan
stays a plan when the story comes back to it in the past tense."""

from __future__ import annotations

import datetime as dt

from checks import check_text

PUBLISHED = dt.date(2021, 3, 2)


def _dates(text: str) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in check_text(text, published=PUBLISHED).dates]


def _after_publication(text: str) -> list[str]:
    report = check_text(text, published=PUBLISHED)
    return [text[s.start:s.end] for s in report.signals if s.code == "date_after_publication"]


def test_a_year_quoted_as_a_works_title_is_no_date() -> None:
    text = ("The festival jury passed over the war film \u201c1944,\u201d the favourite of the critics, "
            "and gave its prize to a comedy.")
    assert [v for _, v in _dates(text)] == []
    assert _dates("Her second album '2003' sold poorly, the label said.") == []
    # the year a work was made stays a date
    assert ("1944", "1944") in _dates("The film, shot in 1944, was restored last year.")


def test_a_copyright_line_is_no_date() -> None:
    text = ("Divers found the wreck of the ferry off the northern cape, the coast guard said.\n"
            "\u00a9 2020 Harbour Media Group")
    assert _dates(text) == []
    assert _dates("The ferry sank off the cape, the coast guard said.\nCopyright 2020 Harbour Wire") == []
    assert ("2020", "2020") in _dates("The ferry sank off the cape in 2020, the coast guard said.")


def test_a_day_set_ahead_as_a_plan_stays_a_plan_when_the_story_returns_to_it() -> None:
    text = ("Nobody could say what might happen at the awards on March 14, the director said.\n"
            "Several of the favourites at the awards on March 14 were not nominated for the guild's prize.")
    assert _after_publication(text) == []
    # a day under a modal of possibility reads as a forecast
    assert _after_publication("The council might vote on March 14, its chairman said.") == []
    # a real slip is still warned: the day is told only in the past tense
    assert _after_publication("The Senate on March 14 voted to close the base.") == ["March 14"]
