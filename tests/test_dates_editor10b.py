"""Dates, the editor's tenth reading, second part: a charged act, a time looked back to, a house number
and a product's model number. Every text here is invented for the test."""

from __future__ import annotations

import datetime as dt

from checks.dates.find import find_dates

PUBLISHED = dt.date(2023, 11, 16)


def values(nlp, text: str) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in find_dates(nlp(text), PUBLISHED)]


def test_the_act_a_plea_is_for_happened_when_the_story_says(nlp) -> None:
    """`pleaded guilty to threatening to kill … in March`: the threat is the act charged, past, not
    a plan that may lie ahead (an infinitive under a past verb otherwise takes the nearest March)."""
    text = ("A Dayton man pleaded guilty Monday to threatening to kill Sen. Ruth Hale in March, "
            "prosecutors said.")
    assert ("March", "2023-03") in values(nlp, text)


def test_a_plan_under_a_past_verb_may_still_lie_ahead(nlp) -> None:
    """The rule above is for acts a preposition's gerund names; `agreed to buy the unit in February`
    keeps the nearest February."""
    assert values(nlp, "The board agreed to buy the unit in February.") == [("February", "2024-02")]


def test_back_in_a_month_is_behind_whatever_the_verb(nlp) -> None:
    text = "The app lets you send video from a phone to a television, a feature it gets back in March."
    assert values(nlp, text) == [("March", "2023-03")]


def test_a_house_number_is_not_a_year(nlp) -> None:
    text = ("Officers stopped a car driven by Dale Orr, 31, of 1911 Pembrook Drive. "
            "In 1911 Main Street was paved.")
    assert values(nlp, text) == [("1911", "1911")]


def test_a_products_model_number_is_not_a_year(nlp) -> None:
    text = ("The laptop ships with a GTX 1650 graphics card, a step up from the GTX 1050. "
            "It was shown at CES 2023 in January.")
    found = [v for _, v in values(nlp, text)]
    assert "1650" not in found and "1050" not in found
    assert "2023" in found


def test_a_tour_list_announced_by_its_own_heading_ignores_the_paragraph_before(nlp) -> None:
    """`… were nominated for the Hall of Fame last month.` then `The Lanterns Reunion Tour 2024 dates:`
    and the dates one a line: the heading announces the list; the past tense of the paragraph before
    it, about something else, does not make the list a look back (the summer shows were read as last
    summer's)."""
    text = ("The Lanterns last month were nominated for the Hall of Fame.\n"
            "The Lanterns Reunion Tour 2024 dates:\n"
            "June 9 -- Harbor Amphitheatre, Mobile, AL\n"
            "June 12 -- Riverside Arena, Macon, GA\n"
            "July 2 -- Lakeview Pavilion, Erie, PA\n")
    found = dict(values(nlp, text))
    assert (found["June 9"], found["June 12"], found["July 2"]) == ("2024-06-09", "2024-06-12", "2024-07-02")
