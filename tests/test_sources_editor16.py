"""Sources and dates from helper-107's reading of real pages and the leftovers of earlier readings
(session 16). Every text here is invented for the test."""

from __future__ import annotations

import datetime as dt

from checks import check_text
from checks.models import Report

WINTER_DAY = dt.date(2019, 2, 21)


def named(report: Report) -> dict[str, str]:
    return {s.name: s.kind for s in report.sources.named}


def anonymous(report: Report) -> list[str]:
    return [a.text for a in report.sources.anonymous]


def test_a_name_after_a_split_hyphenated_title_is_the_reported_speaker() -> None:
    # the parser splits `co-author` into subjects of `said` before the name
    report = check_text("Rain falls on the moon every year, but the equator is drier than the poles, said "
                        "study co-author Marta Velikova, a research fellow at the agency.")
    assert "Marta Velikova" in named(report)
    report = check_text("Rain falls on the moon every year, said co-author Marta Velikova.")
    assert "Marta Velikova" in named(report)


def test_a_body_named_with_and_after_the_is_one_organisation() -> None:
    report = check_text('"The trail will stay closed until the bridge is repaired," the Parks and Wildlife '
                        'Service said on Tuesday. Rangers found damage after the storm.')
    assert report.quotes[0].speaker == "Parks and Wildlife Service"
    assert named(report) == {"Parks and Wildlife Service": "organization"}
    # people joined by `and` are not made one name
    report = check_text('"The ferry is late," Mark Dolan and Tim Reese said.')
    assert report.quotes[0].speaker == "Mark Dolan"


def test_a_law_is_no_source() -> None:
    report = check_text("The new rules are broad. There would be a code including — according to the "
                        'explanatory notes of the British Bill — "provision to protect the public interest '
                        'in sources". Critics said the rules went too far.')
    assert "British Bill" not in named(report)
    report = check_text('"No party may raise its emissions," the Harbour Climate Agreement states.')
    assert named(report) == {}


def test_a_named_person_joined_to_a_group_is_not_part_of_the_anonymous_group() -> None:
    report = check_text("Gov. Ann Marlow spoke at the rally. The budget approved in April raised school "
                        "spending by 2% a year. Marlow and GOP legislative leaders touted the plan as a step "
                        "toward higher teacher pay.")
    assert anonymous(report) == ["GOP legislative leaders"]


def test_a_description_and_its_back_reference_are_one_source() -> None:
    report = check_text('The authors of the study published in the journal Acta Medica argued that the rise '
                        'is "a public health concern." The number of teens with the disorder rose '
                        '"slightly," the authors wrote.')
    assert [(a.text, a.quotes) for a in report.sources.anonymous] == [
        ("The authors of the study published in the journal Acta Medica", 2)]


def test_a_bare_season_told_in_the_present_during_that_season_is_any_such_season() -> None:
    text = ("The water company records about 300 leaks in a typical month, but many more in winter. "
            "The majority of breaks occur in winter, when the cold makes old pipes brittle.")
    assert [d.value for d in check_text(text, published=WINTER_DAY).dates] == ["XXXX-WI", "XXXX-WI"]
    # with its article, in the past, or ahead, it is one winter
    text = ("Crews worked on it in winter. The bridge closes in the winter for repairs. "
            "The council said the bridge will reopen in winter.")
    values = [d.value for d in check_text(text, published=WINTER_DAY).dates]
    assert values == ["2018-WI", "2018-WI", "2019-WI"]
