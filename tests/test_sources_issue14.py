"""Sources a desk can trust (issue 14, item 3) and quotes that stop where the story stops (item 4).

Every text here is invented for the test.
"""

from __future__ import annotations

import pytest

from checks import check_text
from checks.models import Report

LEAD = ("Harbour talks stall\n\nThe harbour talks stalled again this week after a long night of meetings "
        "in the town hall, and both sides left without a date to meet again.\n\n")
CLOSE = "\n\nThe council will meet again on May 6."


def check(body: str) -> Report:
    return check_text(LEAD + body + CLOSE)


def named(report: Report) -> dict[str, str | None]:
    return {s.name: s.role for s in report.sources.named}


def anonymous(report: Report) -> list[str]:
    return [a.text for a in report.sources.anonymous]


def test_a_role_with_the_holders_name_beside_it_is_that_person() -> None:
    report = check("\"We are close to a deal on the harbour,\" said the mayor's communications director, "
                   "Jennifer Morrow.")
    assert [q.speaker for q in report.quotes] == ["Jennifer Morrow"]
    assert named(report) == {"Jennifer Morrow": "the mayor's communications director"}
    assert anonymous(report) == []


def test_an_aide_named_in_apposition_is_a_named_source_not_an_anonymous_one() -> None:
    report = check("\"We are close to a deal on the harbour,\" her top aide Huma Jensen said on Monday.\n\n"
                   "Her chief of staff, Tom Okafor, declined to comment on the talks.")
    assert "Huma Jensen" in named(report) and "Tom Okafor" in named(report)
    assert anonymous(report) == []


def test_reported_speech_by_a_named_role_holder_lists_the_person() -> None:
    report = check("The mayor's communications director, Jennifer Morrow, said the talks would resume "
                   "on Monday.")
    assert named(report) == {"Jennifer Morrow": "The mayor's communications director"}
    assert anonymous(report) == []


def test_a_role_is_never_taken_from_another_person_with_the_same_surname() -> None:
    report = check("Jane Holloway took the stage after her husband, former president Bill Holloway. "
                   "\"We are not going anywhere,\" Jane Holloway said.")
    roles = named(report)
    assert "Jane Holloway" in roles and roles["Jane Holloway"] is None


@pytest.mark.parametrize("dateline", ["RALEIGH, N.C.—", "SPRINGFIELD, Ill. —", "SPRINGFIELD, Ill. (AP) —"])
def test_a_dateline_is_neither_a_source_nor_a_role(dateline: str) -> None:
    report = check_text(f"{dateline}Donald Pruitt told the crowd the plant would stay open. "
                        "\"We are not going anywhere,\" Pruitt said." + CLOSE)
    places = [name for name in named(report) if name.upper() in dateline or name.upper() == name]
    assert places == []
    assert all(role is None or role.upper() not in dateline for role in named(report).values())


def test_a_place_quoted_twice_is_not_a_source() -> None:
    report = check("In Hillsborough, officials opened extra rooms. \"We have never seen lines like this,\" "
                   "Hillsborough said in a statement. \"Everyone in line will vote,\" Hillsborough added.")
    assert "Hillsborough" not in named(report)


def test_a_common_noun_is_not_a_named_source() -> None:
    report = check("\"We waited four hours in the rain,\" voters said outside the town hall.")
    assert all(name[:1].isupper() for name in named(report))


def test_an_anonymous_source_keeps_its_full_description_once() -> None:
    report = check("A senior EU diplomat, speaking on condition of anonymity, said the talks would fail. "
                   "\"They will not sign this year,\" the diplomat said.")
    assert anonymous(report) == ["A senior EU diplomat, speaking on condition of anonymity"]


def test_two_different_anonymous_sources_stay_two() -> None:
    report = check("A senior EU diplomat said the talks would fail. "
                   "\"They will not sign,\" a port official said.")
    assert len(anonymous(report)) == 2


@pytest.mark.parametrize("furniture", [
    "Editor’s note: This story was updated on Friday to correct the date of the vote.",
    "Editor's Note: The Courier is owned by the ferry operator.",
    "Related: Council budget passes on the third attempt",
    "Photo: Lena Ortiz speaks at the council meeting on Tuesday.",
    "(AP Photo/Dana Whitlock)",
])
def test_an_unclosed_quote_stops_before_an_editors_note_a_caption_or_a_related_link(furniture: str) -> None:
    report = check(f"Lena Ortiz said: “We are confident the ferry will be ready by spring and we will keep "
                   f"the bridge open until then. {furniture}")
    [quote] = [q for q in report.quotes if "ferry will be ready" in q.text]
    assert quote.text.endswith("until then.")
    assert quote.speaker == "Lena Ortiz"


def test_a_closing_mark_touching_an_editors_note_ends_the_quote_there() -> None:
    report = check("“We will keep the bridge open until the ferry runs on the other side,” said Lena Ortiz. "
                   "“Nobody will be cut off.”Editor’s note: The Courier is owned by the ferry operator.")
    assert not any("Courier" in q.text for q in report.quotes)


def test_a_related_link_or_an_editors_note_gives_no_quote() -> None:
    report = check("“We will keep the bridge open,” said Lena Ortiz.\n\n"
                   "Related: Mayor says “no more delays” on the harbour wall.\n\n"
                   "Editor's note: An earlier version quoted Ortiz as saying “we will close the bridge "
                   "for good.”")
    assert [q.text for q in report.quotes] == ["We will keep the bridge open"]
    assert "Mayor" not in named(report)
